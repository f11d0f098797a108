"""The typer seam: fast, never different, and loud the day typer's internals change."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from upskill import _typer_seam
from upskill.commands import app


def test_the_seam_is_in_place_for_this_typer() -> None:
    """Fails, naming the typer version, when typer's internals no longer match the seam:
    then update _typer_seam (or its SUPPORTED versions) rather than lose the fast start."""
    assert _typer_seam.problems() == [], (
        f"typer {typer.__version__}: the start-up seam no longer applies: {_typer_seam.problems()}"
    )
    assert _typer_seam.installed


class Colour(str, Enum):  # noqa: UP042 (typer needs a str Enum)
    red = "red"
    blue = "blue"


def probe_app() -> typer.Typer:
    probe = typer.Typer()

    @probe.command()
    def main(
        hours: Annotated[float, typer.Option(min=1, max=80)] = 10,
        weeks: Annotated[int, typer.Option()] = 4,
        colour: Annotated[Colour, typer.Option()] = Colour.red,
        names: Annotated[list[str] | None, typer.Option("--name")] = None,
        answers: Annotated[Path | None, typer.Option(exists=True)] = None,
    ) -> None:
        print(f"{hours!r} {weeks!r} {colour.value} {names!r} {answers!r}")

    return probe


def test_constraints_are_still_enforced_with_the_seam_in_place(tmp_path: Path) -> None:
    runner = CliRunner()
    probe = probe_app()
    assert runner.invoke(probe, ["--hours", "100"]).exit_code == 2  # max
    assert runner.invoke(probe, ["--hours", "0.5"]).exit_code == 2  # min
    missing = runner.invoke(probe, ["--answers", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2  # exists
    assert "exist" in missing.output


def test_plain_parameters_convert_as_typer_would() -> None:
    runner = CliRunner()
    result = runner.invoke(probe_app(), ["--hours", "12.5", "--weeks", "3", "--name", "a"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "12.5 3 red ['a'] None"
    bad = runner.invoke(probe_app(), ["--weeks", "three"])
    assert bad.exit_code == 2
    assert "'three' is not a valid int" in bad.output
    colour = runner.invoke(probe_app(), ["--colour", "green"])
    assert colour.exit_code == 2


def test_upskill_relies_on_no_typer_constraint() -> None:
    """upskill checks its own limits (one-line errors naming the option), so the commands set
    no typer constraint; if one is added, the seam leaves it to typer and this says so."""
    import inspect
    import typing

    from upskill import cli  # noqa: F401 - registers every command
    from upskill.commands import roadmaps_app

    constrained = []
    seen = 0
    for typer_app in (app, roadmaps_app):
        callbacks = [c.callback for c in typer_app.registered_commands]
        if typer_app.registered_callback is not None:
            callbacks.append(typer_app.registered_callback.callback)
        for callback in callbacks:
            assert callback is not None
            hints = typing.get_type_hints(callback, include_extras=True)
            for name in inspect.signature(callback).parameters:
                for info in getattr(hints.get(name), "__metadata__", ()):
                    if isinstance(info, typer.models.ParameterInfo):
                        seen += 1
                        if not _typer_seam.unconstrained(info):
                            constrained.append(f"{callback.__name__}({name})")
    assert seen > 20  # every command's options were looked at
    assert constrained == []


@pytest.mark.parametrize("annotation", [str, int, float, bool, Path, Colour, list[str]])
def test_every_kind_of_upskill_parameter_takes_the_fast_path(annotation: object) -> None:
    assert _typer_seam.plain_target(annotation)[0] is not None
    assert _typer_seam.plain_target(dict[str, int])[0] is None
