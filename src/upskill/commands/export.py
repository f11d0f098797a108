"""`upskill export`: the plan for calendars, notes and scripts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from upskill.commands import (
    ExportFormat,
    app,
    current_home,
)


@app.command(short_help="Export to a calendar (ics), markdown or json.")
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="ics (calendars), markdown or json.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE instead of stdout: a file is replaced atomically; a device or "
            "a named pipe is written to.",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Export the plan for calendars (ics), notes (markdown) or scripts (json)."""
    from upskill import clock, storage
    from upskill import export as exporter

    plan = storage.load_plan(current_home())
    if fmt is ExportFormat.ics:
        data = exporter.to_ics(plan, clock.today())
    elif fmt is ExportFormat.markdown:
        from upskill import render
        from upskill.roadmaps import load_catalog

        info = render.details(load_catalog(current_home()), [t.id for t in plan.tasks])
        data = exporter.to_markdown(plan, info)
    else:
        data = exporter.to_json(plan)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    how = storage.write_output(output, data)
    storage.say(f"Wrote {output}" if how == "replaced" else f"Wrote {output} ({how})")
