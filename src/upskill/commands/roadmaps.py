"""`upskill roadmaps`: list, show and validate roadmaps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from upskill.commands import (
    Format,
    current_home,
    make_console,
    print_json,
    roadmaps_app,
)
from upskill.errors import DataError


@roadmaps_app.callback()
def _roadmaps_default(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Browse and check roadmaps (the built-in tracks and your own)."""
    if ctx.invoked_subcommand is None:
        roadmaps_list(fmt)


@roadmaps_app.command("list", short_help="Roadmaps with item counts and hours.")
def roadmaps_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the roadmaps with their item counts and total hours."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(current_home())
    rows = render.roadmap_rows(catalog)
    if fmt is Format.json:
        print_json(rows)
    else:
        render.roadmaps_table(make_console(), rows)


@roadmaps_app.command("show", short_help="A roadmap's items in prerequisite order.")
def roadmaps_show(
    roadmap_id: Annotated[str, typer.Argument(metavar="ID", help="A roadmap id, e.g. coding.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Show a roadmap's items in prerequisite order, with hours, kind and level."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(current_home())
    if roadmap_id not in catalog.roadmaps:
        raise DataError(f"unknown roadmap {roadmap_id!r}; available: {', '.join(catalog.roadmaps)}")
    data = render.roadmap_detail(catalog, roadmap_id)
    if fmt is Format.json:
        print_json(data)
    else:
        render.roadmap_table(make_console(), data)


@roadmaps_app.command("validate", short_help="Check a roadmap file.")
def roadmaps_validate(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A roadmap TOML file.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Check a roadmap file: exit 0 with a summary, or exit 1 listing every problem."""
    from upskill.roadmaps import RoadmapError, validate_file

    try:
        roadmap = validate_file(file, current_home())
    except RoadmapError as exc:
        if fmt is Format.json:
            print_json({"file": str(file), "valid": False, "problems": exc.problems})
            raise typer.Exit(1) from None
        raise
    from upskill.render import roadmap_hours

    hours = roadmap_hours(roadmap)
    if fmt is Format.json:
        print_json(
            {
                "file": str(file),
                "valid": True,
                "id": roadmap.id,
                "items": len(roadmap.items),
                "hours": hours,
            }
        )
    else:
        print(f"{file}: ok: roadmap {roadmap.id!r}, {len(roadmap.items)} items, {hours:g} hours")
