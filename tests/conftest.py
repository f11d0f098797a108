"""Shared fixtures: every test gets its own home directory and a fixed "today"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-22"  # a Sunday: the default start date is Monday 2026-11-23


def upskill_exe() -> str:
    """The installed console script (next to this interpreter), as users run it."""
    found = shutil.which("upskill", path=str(Path(sys.executable).parent)) or shutil.which(
        "upskill"
    )
    if not found:
        pytest.fail("the `upskill` console script is not installed; run `pip install -e '.[test]'`")
    return found


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point UPSKILL_HOME at a fresh folder and pin today's date; no test touches real state."""
    folder = tmp_path / "home"
    monkeypatch.setenv("UPSKILL_HOME", str(folder))
    monkeypatch.setenv("UPSKILL_TODAY", TODAY)
    monkeypatch.delenv("UPSKILL_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    return folder


def run(
    *args: str,
    input: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `upskill` in a subprocess with the test's environment."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [upskill_exe(), *args],
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


def run_here(
    *args: str,
    input: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run upskill's command line in this process, as the console script would in its own.

    The same entry point (``upskill.cli.main``) with the same arguments, environment, stdin
    and working folder, its output captured and its exit code returned; about 30 ms instead
    of 190 ms for a process. What only a real process shows (signals, closed descriptors,
    another user, races) is tested with ``run``.
    """
    import contextlib
    import io
    import types

    from upskill import cli, storage
    from upskill.commands import _state

    del timeout  # nothing here can hang on input: stdin is text, never a terminal
    saved_env = dict(os.environ)
    saved = (sys.argv, sys.stdin, sys.stdout, sys.stderr, Path.cwd())
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", write_through=True)
    code: int | str | None = 0
    try:
        os.environ.update(env or {})
        sys.argv = ["upskill", *args]
        sys.stdin = io.StringIO(input or "")
        sys.stdout, sys.stderr = out, err
        if cwd is not None:
            os.chdir(cwd)
        storage.saved.clear()
        storage.backed_up.clear()
        _state["home"] = None
        # The process-wide SIGPIPE setting belongs to a real process, not to pytest's.
        with contextlib.ExitStack() as stack:
            stack.callback(setattr, cli, "signal", cli.signal)
            cli.signal = types.SimpleNamespace(signal=lambda *a: None)  # type: ignore[assignment]
            try:
                cli.main()
            except SystemExit as exc:
                code = exc.code
            except Exception:  # what the interpreter would print, with exit code 1 (--debug)
                import traceback

                traceback.print_exc(file=err)
                code = 1
    finally:
        out.flush()
        err.flush()
        sys.argv, sys.stdin, sys.stdout, sys.stderr, folder = saved
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(saved_env)
    status = code if isinstance(code, int) else (0 if code is None else 1)

    def text(data: bytes) -> str:  # as subprocess's text mode reads it: universal newlines
        return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")

    return subprocess.CompletedProcess(
        ["upskill", *args], status, text(out_bytes.getvalue()), text(err_bytes.getvalue())
    )


@pytest.fixture
def cli() -> object:
    return run


def init_example(
    name: str = "postdoc-research-engineer.toml", *extra: str
) -> subprocess.CompletedProcess[str]:
    result = run_here("init", "--answers", str(EXAMPLES / name), *extra)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the example postdoc's plan, made once per session; tests copy it."""
    folder = tmp_path_factory.mktemp("template") / "home"
    result = run(
        "init",
        "--answers",
        str(EXAMPLES / "postdoc-research-engineer.toml"),
        env={"UPSKILL_HOME": str(folder), "UPSKILL_TODAY": TODAY},
    )
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def planned(home: Path, template: Path) -> Path:
    """The test's home, holding a copy of the template plan and profile."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name in ("plan.toml", "profile.toml"):
        shutil.copy2(template / name, home / name)
    return home


@pytest.fixture(scope="session")
def without_root_override(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A command prefix under which permissions are enforced, even when tests run as root.

    As root, drop CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH from the bounding set with setpriv (the
    child then obeys file modes like anyone else); skip when that is not possible here.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions are not enforced")
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    probe = tmp_path_factory.mktemp("probe")
    probe.chmod(0o500)
    try:
        tried = subprocess.run(
            [*prefix, sys.executable, "-c", f"open({str(probe / 'x')!r}, 'w')"],
            capture_output=True,
            check=False,
        )
    finally:
        probe.chmod(0o700)
    if tried.returncode == 0:
        pytest.skip("running as root and cannot drop the permission override")
    return prefix


def run_as_user(prefix: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, upskill_exe(), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
