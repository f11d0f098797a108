"""The one place upskill reaches into typer: plain parameters coerced without pydantic.

typer 0.29 coerces every parameter that is not a file through a pydantic ``TypeAdapter``,
which imports pydantic (several times the interpreter's own start-up) on every run. upskill's
parameters are plain ``str``, ``int``, ``float``, ``bool``, ``Path``, ``Enum`` and lists of
them: this converts those directly.

It never changes behaviour:

- only a parameter with no constraint of its own is converted here; one with ``min``,
  ``max``, ``clamp``, ``exists`` or any other path check, a ``parser`` or a ``click_type``
  goes through typer as usual, so the check is enforced;
- only the typer versions it was written against are touched (``SUPPORTED``); any other
  version, or one whose internals moved, is left to typer (slower, never wrong), and
  ``tests/test_typer_seam.py`` fails naming the version, so the day typer changes is known.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import typer

SUPPORTED = ("0.29.",)
# A parameter with any of these set (to something other than typer's default) is typer's.
_CONSTRAINTS = {
    "min": None,
    "max": None,
    "clamp": False,
    "exists": False,
    "file_okay": True,
    "dir_okay": True,
    "writable": False,
    "readable": True,
    "resolve_path": False,
    "allow_dash": False,
    "path_type": None,
    "formats": None,
    "parser": None,
    "click_type": None,
}

installed = False  # whether the fast path is in place (tests check it)


def problems() -> list[str]:
    """What keeps the fast path out: an unsupported typer or internals that moved."""
    version = getattr(typer, "__version__", "?")
    if not version.startswith(SUPPORTED):
        return [f"typer {version} is not a version this seam was written for ({SUPPORTED})"]
    found = []
    try:
        from typer import _coercion, core
    except ImportError as exc:  # pragma: no cover - checked by the test on a new typer
        return [f"typer {version}: {exc}"]
    if not isinstance(getattr(_coercion, "RuntimeParam", None), type):
        found.append(f"typer {version}: typer._coercion.RuntimeParam is gone")
    param_class = getattr(core, "_TyperParameter", None)
    if param_class is None or not hasattr(param_class, "get_runtime_param"):
        found.append(f"typer {version}: core._TyperParameter.get_runtime_param is gone")
    return found


def install() -> None:
    """Put the fast path in place, once, if this typer is one it was written for."""
    global installed
    if installed or problems():
        return
    from typer import _coercion, core

    class Plain(_coercion.RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            target, many = plain_target(self.annotation)
            if many:
                return [_convert(target, v, param, ctx) for v in value]
            return _convert(target, value, param, ctx)

    original = core._TyperParameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            descriptor = self.type_descriptor
            info = descriptor.parameter_info
            if (
                plain_target(descriptor.annotation)[0] is not None
                and descriptor.file_annotation is None
                and unconstrained(info)
            ):
                self._runtime_param = Plain(parameter_info=info, annotation=descriptor.annotation)
        return original(self)

    core._TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    installed = True


def unconstrained(info: Any) -> bool:
    """Whether a parameter has no check of its own that typer would enforce."""
    return all(getattr(info, name, default) == default for name, default in _CONSTRAINTS.items())


def plain_target(annotation: Any) -> tuple[Any, bool]:
    """(the plain type, whether a list) for str/int/float/bool/Path/Enum; else (None, False)."""
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


def install_help() -> None:
    """Arguments in help and usage lines as people write them: ``ID``, ``[ID...]``, ``FILE``.

    typer 0.29 shows an argument's Python type beside its metavar (``ID... <list[str]>``,
    ``FILE <path>``) and wraps a required one in braces (``{FILE}``). An argument given a
    metavar is shown by that alone; an optional one in brackets, as click does. Other typer
    versions keep their own rendering.
    """
    if problems():
        return
    from typer import core

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
