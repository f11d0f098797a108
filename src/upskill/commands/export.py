"""`upskill export`: the plan for calendars, notes and scripts."""

from __future__ import annotations

from typing import Annotated

import typer

from upskill.commands import ExportFormat, OutputOption, app, current_home, emit


@app.command(short_help="Export to a calendar (ics), markdown or json.")
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="ics (calendars), markdown or json.")
    ],
    output: OutputOption = None,
) -> None:
    """Export the plan for calendars (ics), notes (markdown) or scripts (json)."""
    from upskill import clock, storage
    from upskill import export as exporter

    plan = storage.load_plan(current_home())
    if fmt is ExportFormat.ics:
        from upskill.roadmaps import load_catalog

        # (what each task comes after, so a busy week's blocks keep that order)
        data = exporter.to_ics(plan, clock.today(), load_catalog(current_home()))
    elif fmt is ExportFormat.markdown:
        from upskill import render
        from upskill.roadmaps import load_catalog

        catalog = load_catalog(current_home())
        info = render.plan_details(catalog, plan)
        data = exporter.to_markdown(plan, info, catalog)
    else:
        data = exporter.to_json(plan)
    emit(data, output)
