"""Start-up cost: the everyday commands do not import what only other commands need.

Each command runs in a fresh interpreter with the installed package, exactly as the console
script runs it (``from upskill.cli import main; main()``), and reports which top-level packages
ended up in ``sys.modules``. No timings here: benchmarks/run.py measures those.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import init_example

INTERACTIVE_AND_WRITER = {"questionary", "prompt_toolkit", "tomli_w"}

PROBE = """
import json, sys
out, args = sys.argv[1], json.loads(sys.argv[2])
sys.argv = ["upskill", *args]
from upskill.cli import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
modules = sorted({name.split(".")[0] for name in sys.modules})
with open(out, "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": modules}, handle)
"""


def imported_by(args: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages imported by ``upskill ARGS``, which must succeed."""
    out = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), json.dumps(args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        cwd=tmp_path,  # not the checkout: the installed package is imported
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["code"] in (0, None), f"upskill {' '.join(args)} failed:\n{result.stderr}"
    assert "upskill" in report["modules"]
    return set(report["modules"])


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["--help"], INTERACTIVE_AND_WRITER | {"pydantic", "pydantic_core"}),
        (["plan"], INTERACTIVE_AND_WRITER | {"pydantic", "pydantic_core"}),
        (["check", "--format", "json"], INTERACTIVE_AND_WRITER | {"pydantic"}),
        (["status"], INTERACTIVE_AND_WRITER | {"pydantic"}),
        (["status", "--chart", "--format", "json"], INTERACTIVE_AND_WRITER | {"pydantic"}),
    ],
    ids=["help", "plan", "check-summary", "status", "status-json"],
)
def test_everyday_commands_import_only_what_they_need(
    args: list[str], forbidden: set[str], tmp_path: Path
) -> None:
    if args != ["--help"]:
        init_example()
    found = sorted(imported_by(args, tmp_path) & forbidden)
    assert not found, (
        f"`upskill {' '.join(args)}` imports {', '.join(found)}; import them inside the "
        "commands that need them (see `python -X importtime` for who pulls them in)"
    )


def test_the_probe_sees_imports(tmp_path: Path) -> None:
    """The probe itself works: the command line is built on typer."""
    assert {"upskill", "typer"} <= imported_by(["--help"], tmp_path)


def test_the_probe_sees_heavy_imports_where_they_belong(tmp_path: Path) -> None:
    """A command that validates an answers file does load pydantic: the probe would notice."""
    from tests.conftest import EXAMPLES

    found = imported_by(["init", "--answers", str(EXAMPLES / "swe-to-ml.toml")], tmp_path)
    assert {"pydantic", "tomli_w", "rich"} <= found


def test_checking_a_task_in_the_plan_does_not_load_the_roadmaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only work done outside the plan needs the roadmaps (and with them pydantic)."""
    import tomllib

    init_example()
    monkeypatch.setenv("UPSKILL_TODAY", "2026-11-25")  # in week 1
    plan = tomllib.loads((Path(os.environ["UPSKILL_HOME"]) / "plan.toml").read_text("utf-8"))
    assert "pydantic" not in imported_by(["check", plan["tasks"][0]["id"]], tmp_path)
    left_out = plan["unscheduled"][0]["id"]
    assert "pydantic" in imported_by(["check", left_out], tmp_path)
