"""The typer app, the options every command shares, and the helpers commands use.

Start-up time matters (people run this every day): only typer is imported at module level;
everything heavy is imported inside the command that needs it.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from upskill import __version__, _typer_seam

# typer builds a pydantic adapter per parameter, and shows Python types in help; upskill's
# parameters are plain (see _typer_seam).
_typer_seam.install()
_typer_seam.install_help()

app = typer.Typer(
    name="upskill",
    help="Plan and track your way into AI research, week by week.",
    no_args_is_help=False,  # bare `upskill` shows help and exits 0 (see _root)
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs more than the rest
    context_settings={"help_option_names": ["-h", "--help"]},
)
roadmaps_app = typer.Typer(
    help="Browse and check roadmaps (the built-in tracks and your own).",
    rich_markup_mode=None,
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(roadmaps_app, name="roadmaps")
people_app = typer.Typer(
    help="Your outreach log: who you wrote to, replies, follow-ups due.",
    rich_markup_mode=None,
    invoke_without_command=True,
    no_args_is_help=False,
)


class Format(str, Enum):  # noqa: UP042 (typer needs a str Enum)
    table = "table"
    json = "json"


class PlanFormat(str, Enum):  # noqa: UP042
    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(str, Enum):  # noqa: UP042
    ics = "ics"
    markdown = "markdown"
    json = "json"


_state: dict[str, Any] = {"home": None}


# `-o FILE` of the commands that write a document (export, portfolio, review --export).
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE instead of stdout: a file is replaced atomically; a device or "
        "a named pipe is written to.",
        metavar="FILE",
    ),
]


def emit(data: bytes, output: Path | None) -> None:
    """A document to stdout, or to ``output`` (replaced atomically, or written into a device)."""
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from upskill import storage

    how = storage.write_output(output, data)
    storage.say(f"Wrote {output}" if how == "replaced" else f"Wrote {output} ({how})")


def show_standing(plan: Any, today: Any, fmt: Format, chart: bool) -> None:
    """Where the person stands (`check` after marking, and `status`): JSON, or the summary."""
    from upskill import progress, render

    data = progress.summary(plan, today)
    if fmt is Format.json:
        print_json(data)
        return
    console = make_console()
    render.summary_view(console, data)
    if chart:
        render.chart(console, progress.chart_rows(plan, today))


def _version(value: bool) -> None:
    if value:
        print(f"upskill {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
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
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Plan and track your way into AI research, week by week."""
    _state["home"] = home
    del debug  # read by cli.main before typer runs: it decides how errors are shown
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        # Bare `upskill`: the help, as a successful answer to "what can this do?".
        print(ctx.get_help())
        raise typer.Exit()


def current_home() -> Path:
    from upskill.storage import resolve_home

    return resolve_home(_state["home"])


def complete_task_ids(incomplete: str) -> list[str]:
    """Shell completion of task ids: the plan's, the ones still to do first."""
    from upskill.errors import UpskillError

    try:
        from upskill import storage

        plan = storage.load_plan(current_home())
    except (UpskillError, OSError):
        return []  # no plan, or not a readable one: nothing to offer, and no error mid-line
    todo = [t.id for t in plan.tasks if t.status == "todo"]
    ids = dict.fromkeys([*todo, *(t.id for t in plan.tasks)])
    return [i for i in ids if i.startswith(incomplete)]


def print_json(data: object) -> None:
    from upskill.render import json_text

    sys.stdout.write(json_text(data))


def make_console() -> Any:
    from upskill.render import safe_console

    return safe_console()


def warn(lines: list[str]) -> None:
    """Warnings go to stderr, one line each, and never change the exit code."""
    for line in lines:
        print(f"upskill: warning: {line}", file=sys.stderr)


def interactive() -> bool:
    stdin, stdout = sys.stdin, sys.stdout
    return stdin is not None and stdout is not None and stdin.isatty() and stdout.isatty()
