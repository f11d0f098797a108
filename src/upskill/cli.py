"""The command line: parse options, call one core function, render, map errors to exit codes.

Start-up time matters (people run this every day): only typer is imported at module level;
everything heavy is imported inside the command that needs it.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from upskill import __version__
from upskill.errors import UpskillError, UsageError

app = typer.Typer(
    name="upskill",
    help="Plan and track your way into AI research, week by week.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
roadmaps_app = typer.Typer(
    help="Browse and check roadmaps (the built-in tracks and your own).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(roadmaps_app, name="roadmaps")


class Format(str, Enum):
    table = "table"
    json = "json"


class PlanFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(str, Enum):
    ics = "ics"
    markdown = "markdown"
    json = "json"


_state: dict[str, Any] = {"home": None}


def _version(value: bool) -> None:
    if value:
        print(f"upskill {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    home: Annotated[
        str | None,
        typer.Option(
            "--home",
            help="Folder for profile.toml, plan.toml and roadmaps/ "
            "[default: $UPSKILL_HOME, else your user data folder].",
            metavar="DIR",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Plan and track your way into AI research, week by week."""
    _state["home"] = home
    if debug:
        os.environ["UPSKILL_DEBUG"] = "1"


def _home() -> Path:
    from upskill.storage import resolve_home

    return resolve_home(_state["home"])


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


# ---------------------------------------------------------------- roadmaps


@roadmaps_app.callback()
def _roadmaps_default(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Browse and check roadmaps (the built-in tracks and your own)."""
    if ctx.invoked_subcommand is None:
        roadmaps_list(fmt)


@roadmaps_app.command("list")
def roadmaps_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the roadmaps with their item counts and total hours."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(_home())
    rows = render.roadmap_rows(catalog)
    if fmt is Format.json:
        _print_json(rows)
    else:
        render.roadmaps_table(_console(), rows)


@roadmaps_app.command("show")
def roadmaps_show(
    roadmap_id: Annotated[str, typer.Argument(metavar="ID", help="A roadmap id, e.g. coding.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Show a roadmap's items in prerequisite order, with hours, kind and level."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(_home())
    if roadmap_id not in catalog.roadmaps:
        raise UsageError(
            f"unknown roadmap {roadmap_id!r}; available: {', '.join(catalog.roadmaps)}"
        )
    data = render.roadmap_detail(catalog, roadmap_id)
    if fmt is Format.json:
        _print_json(data)
    else:
        render.roadmap_table(_console(), data)


@roadmaps_app.command("validate")
def roadmaps_validate(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A roadmap TOML file.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Check a roadmap file: exit 0 with a summary, or exit 1 listing every problem."""
    from upskill.roadmaps import RoadmapError, validate_file

    try:
        roadmap = validate_file(file, _home())
    except RoadmapError as exc:
        if fmt is Format.json:
            _print_json({"file": str(file), "valid": False, "problems": exc.problems})
            raise typer.Exit(1) from None
        raise
    hours = sum(i.hours * (i.repeat or 1) for i in roadmap.items)
    if fmt is Format.json:
        _print_json(
            {
                "file": str(file),
                "valid": True,
                "id": roadmap.id,
                "items": len(roadmap.items),
                "hours": round(hours, 2),
            }
        )
    else:
        print(f"{file}: ok: roadmap {roadmap.id!r}, {len(roadmap.items)} items, {hours:g} hours")


def main() -> None:
    """Console-script entry point: run the app, turning errors into one line and an exit code.

    typer (0.29+) already maps usage errors to exit 2 and Ctrl-C to exit 130; our own errors
    arrive here with their exit code.
    """
    debug = bool(os.environ.get("UPSKILL_DEBUG")) or "--debug" in sys.argv[1:]
    try:
        app()
    except UpskillError as exc:
        if debug:
            raise
        for line in str(exc).splitlines() or ["unknown error"]:
            print(f"upskill: error: {line}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("upskill: interrupted; nothing was written", file=sys.stderr)
        sys.exit(130)
