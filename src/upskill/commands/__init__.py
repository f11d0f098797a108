"""The typer app, the options every command shares, and the helpers commands use.

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


def _plain_coercion() -> None:
    """Coerce simple parameters without pydantic.

    typer 0.29 coerces every non-flag parameter through a pydantic TypeAdapter, which imports
    pydantic (about five times the interpreter's own start-up) on every run. Ours are plain
    str, int, float, Path, Enum and list[str]: convert those directly and leave anything else,
    and any other typer version, to typer itself.
    """
    try:
        from typer import _coercion, core
    except ImportError:  # pragma: no cover - older typer, no adapters to avoid
        return
    base = getattr(_coercion, "RuntimeParam", None)
    param_class = getattr(core, "_TyperParameter", None)
    if base is None or param_class is None or not hasattr(param_class, "get_runtime_param"):
        return  # pragma: no cover

    class Plain(base):  # type: ignore[misc, valid-type]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            target, many = _plain_target(self.annotation)
            if many:
                return [_convert(target, v, param, ctx) for v in value]
            return _convert(target, value, param, ctx)

    original = param_class.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            descriptor = self.type_descriptor
            info = descriptor.parameter_info
            plain = _plain_target(descriptor.annotation)[0] is not None
            if plain and descriptor.file_annotation is None and info.parser is None:
                self._runtime_param = Plain(parameter_info=info, annotation=descriptor.annotation)
        return original(self)

    param_class.get_runtime_param = get_runtime_param


def _plain_target(annotation: Any) -> tuple[Any, bool]:
    """(the plain type, whether a list) for str/int/float/Path/Enum, optional or list; else None."""
    import types
    import typing

    many = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None, False
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
        many = True
    if annotation in (str, int, float, bool, Path) or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    ):
        return annotation, many
    return None, False


def _convert(target: Any, value: Any, param: Any, ctx: Any) -> Any:
    if target is bool and not isinstance(value, bool):
        return str(value).strip().lower() in ("1", "true", "yes", "on")
    try:
        return target(value)
    except ValueError:
        if isinstance(target, type) and issubclass(target, Enum):
            allowed = ", ".join(repr(m.value) for m in target)
            message = f"{value!r} is not one of {allowed}."
        else:
            message = f"{value!r} is not a valid {target.__name__}."
        raise typer.BadParameter(message, ctx=ctx, param=param) from None


def _plain_help() -> None:
    """Arguments in help and usage lines as people write them: ``ID``, ``[ID...]``, ``FILE``.

    typer 0.29 shows an argument's Python type beside its metavar (``ID... <list[str]>``,
    ``FILE <path>``) and wraps a required one in braces (``{FILE}``). An argument given a
    metavar is shown by that alone; an optional one in brackets, as click does.
    """
    try:
        from typer import core
    except ImportError:  # pragma: no cover
        return
    argument = getattr(core, "TyperArgument", None)
    if argument is None or not hasattr(argument, "_usage_display_name"):
        return  # pragma: no cover - another typer: its own rendering stays
    original_type = argument.display_type_rich

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if self.metavar is not None else original_type(self, ctx)

    def usage_name(self: Any) -> str:
        name = str(self.metavar or self.name.upper())
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    argument.display_type_rich = display_type_rich
    argument._usage_display_name = usage_name


_plain_coercion()
_plain_help()

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
    if debug:
        os.environ["UPSKILL_DEBUG"] = "1"
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
