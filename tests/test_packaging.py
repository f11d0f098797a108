"""The built-in roadmaps travel with the package: in a built wheel and in an editable install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

pytestmark = pytest.mark.slow  # real processes, builds or many generated cases

ROADMAPS = sorted(p.name for p in (ROOT / "data" / "roadmaps").glob("*.toml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("upskill-*.whl")
    return built


def test_wheel_carries_the_roadmaps(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    carried = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("upskill/data/roadmaps/"))
    assert carried == ROADMAPS


def test_installed_wheel_finds_the_roadmaps_from_another_folder(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import sys, upskill; print(upskill.__file__, file=sys.stderr); "
        "sys.argv = ['upskill', 'roadmaps', 'list', '--format', 'json']; "
        "from upskill.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().startswith(str(target)), "ran the source tree, not the wheel"
    assert len(json.loads(result.stdout)) == len(ROADMAPS) == 7


def test_editable_or_installed_console_script_finds_the_roadmaps_from_another_folder(
    tmp_path: Path,
) -> None:
    result = run("roadmaps", "list", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(r["id"] + ".toml" for r in json.loads(result.stdout)) == ROADMAPS


def test_python_dash_m_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "upskill", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    from upskill import __version__

    assert result.stdout.strip() == f"upskill {__version__}"
    assert run("--version").stdout.strip() == f"upskill {__version__}"
