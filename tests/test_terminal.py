"""The command line as a shell user meets it: help, usage lines, version, shell completion."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run, upskill_exe

HELP_OF = [
    [],
    ["init"],
    ["plan"],
    ["check"],
    ["status"],
    ["replan"],
    ["explain"],
    ["export"],
    ["roadmaps"],
    ["roadmaps", "list"],
    ["roadmaps", "show"],
    ["roadmaps", "validate"],
]
# What typer prints for a parameter's Python type, and its braces around a required argument.
PYTHON_TYPE = re.compile(r"<(?:str|int|float|bool|path|list\[[^\]]*\])>|\{[A-Z]+\}")


@pytest.mark.parametrize("command", HELP_OF, ids=lambda c: " ".join(c) or "upskill")
def test_help_shows_no_python_types(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    found = PYTHON_TYPE.findall(result.stdout)
    assert not found, f"`upskill {' '.join(command)} --help` shows {found}:\n{result.stdout}"


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["check"], "Usage: upskill check [OPTIONS] [ID...]"),
        (["explain"], "Usage: upskill explain [OPTIONS] ID"),
        (["roadmaps", "show"], "Usage: upskill roadmaps show [OPTIONS] ID"),
        (["roadmaps", "validate"], "Usage: upskill roadmaps validate [OPTIONS] FILE"),
    ],
)
def test_usage_lines_read_as_people_write_them(command: list[str], usage: str) -> None:
    result = run(*command, "--help")
    assert result.stdout.splitlines()[0] == usage


def test_arguments_are_listed_by_their_metavar_alone() -> None:
    result = run("check", "--help")
    assert re.search(r"^  ID\.\.\.\s+Task ids to mark", result.stdout, re.MULTILINE), result.stdout


def test_bare_upskill_shows_help_and_succeeds() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: upskill [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in result.stdout
    assert result.stderr == ""
    with_home = run("--home", "/nonexistent/upskill-home")  # a global option alone: still help
    assert with_home.returncode == 0
    assert with_home.stdout == result.stdout


def test_dash_v_is_the_version() -> None:
    long, short = run("--version"), run("-V")
    assert short.returncode == long.returncode == 0
    assert short.stdout == long.stdout
    assert short.stdout.startswith("upskill ")


# ----------------------------------------------------------------- shell completion

bash = shutil.which("bash")
needs_bash = pytest.mark.skipif(bash is None, reason="no bash to complete in")


def in_bash(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in bash, as a person's shell would: upskill detects the shell it runs in."""
    assert bash is not None
    full_env = dict(os.environ)
    full_env["PATH"] = f"{Path(upskill_exe()).parent}{os.pathsep}{full_env.get('PATH', '')}"
    full_env.update(env or {})
    # `; true` keeps bash as the parent process (a lone command would be exec'd in its place).
    return subprocess.run(
        [bash, "--norc", "--noprofile", "-c", script + "; true"],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
        check=False,
    )


@needs_bash
def test_show_completion_prints_a_script_that_completes(tmp_path: Path) -> None:
    script = tmp_path / "upskill.bash"
    shown = in_bash(f"upskill --show-completion > {script}")
    assert shown.stderr == ""
    text = script.read_text(encoding="utf-8")
    assert "complete -o default -F _upskill_completion upskill" in text
    # Load it in a shell and ask it to complete `upskill ch<TAB>` and `upskill check --u<TAB>`.
    asked = in_bash(
        f"source {script}; "
        'COMP_WORDS=(upskill ch); COMP_CWORD=1; _upskill_completion upskill; echo "${COMPREPLY[@]}"; '
        "COMP_WORDS=(upskill check --u); COMP_CWORD=2; _upskill_completion upskill; "
        'echo "${COMPREPLY[@]}"'
    )
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.splitlines() == ["check", "--undo"]


@needs_bash
def test_install_completion_writes_to_the_shells_startup(tmp_path: Path) -> None:
    result = in_bash("upskill --install-completion", env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    installed = tmp_path / ".bash_completions" / "upskill.sh"
    assert "_upskill_completion" in installed.read_text(encoding="utf-8")
    assert f"source '{installed}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def complete(*words: str) -> list[str]:
    """What the completion protocol offers for the last of ``words`` (as the bash script asks)."""
    result = run(
        env={
            "_UPSKILL_COMPLETE": "complete_bash",
            "COMP_WORDS": " ".join(("upskill", *words)),
            "COMP_CWORD": str(len(words)),
        }
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_task_ids_complete_from_the_plan(planned: Path) -> None:
    assert complete("check", "coding.big") == ["coding.big-o"]
    assert complete("explain", "coding.big") == ["coding.big-o"]
    import tomllib

    plan = tomllib.loads((planned / "plan.toml").read_text(encoding="utf-8"))
    recurring = next(t["id"] for t in plan["tasks"] if "@" in t["id"])
    stem = recurring.split("@")[0] + "@"
    offered = complete("check", stem)
    assert recurring in offered
    assert all(i.startswith(stem) for i in offered)


def test_task_ids_complete_to_nothing_without_a_plan(home: Path) -> None:
    assert complete("check", "coding.") == []
