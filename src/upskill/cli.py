"""The command line: parse options, call one core function, render, map errors to exit codes.

Start-up time matters (people run this every day): only typer is imported at module level;
everything heavy is imported inside the command that needs it. The commands live in
``upskill.commands``, one module each; importing them registers them on the app, in the
order ``--help`` lists them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any

from upskill.commands import app

# isort: off
# Importing a command module registers the command; --help lists them in this order.
from upskill.commands import init as _init  # noqa: F401
from upskill.commands import plan as _plan  # noqa: F401
from upskill.commands import check as _check  # noqa: F401
from upskill.commands import status as _status  # noqa: F401
from upskill.commands import replan as _replan  # noqa: F401
from upskill.commands import add as _add  # noqa: F401
from upskill.commands import explain as _explain  # noqa: F401
from upskill.commands import export as _export  # noqa: F401
from upskill.commands import review as _review  # noqa: F401
from upskill.commands import people as _people  # noqa: F401
from upskill.commands import portfolio as _portfolio  # noqa: F401
from upskill.commands import roadmaps as _roadmaps  # noqa: F401

# isort: on
from upskill.errors import DeclinedError, UpskillError

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: run the app, turning errors into one line and an exit code.

    typer (0.29+) already maps usage errors to exit 2 and Ctrl-C to exit 130; our own errors
    arrive here with their exit code. Output that cannot be written (a full disk, a terminal
    gone) is one error line too, saying what was saved before it failed.
    """
    if hasattr(signal, "SIGPIPE"):
        # Output piped into `head` and closed: end quietly as other Unix tools do (exit 141),
        # not with exit 1, which means bad data. Saves happen before output, so none is lost.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = hoist_global_options(sys.argv[1:])
    debug = bool(os.environ.get("UPSKILL_DEBUG")) or "--debug" in args
    real_stdout = sys.stdout
    sys.stdout = GuardedOutput(real_stdout)
    try:
        try:
            app(args=args)
        finally:
            sys.stdout.flush()  # inside the try: a failing last write is reported too
    except OutputFailed as exc:
        _discard_output(real_stdout)
        if debug:
            raise
        what = exc.error.strerror or str(exc.error)
        _error_line(f"could not write the output: {what}{_what_was_saved()}")
        sys.exit(1)
    except DeclinedError as exc:
        # The person said no: a plain line, not an error (the exit code still says "not done").
        if debug:
            raise
        from upskill.render import clean

        _stderr(clean(str(exc), one_line=True))
        sys.exit(exc.exit_code)
    except UpskillError as exc:
        if debug:
            raise
        if exc.exit_code == 130:
            _after_ctrl_c()
        for line in str(exc).splitlines() or ["unknown error"]:
            _error_line(line)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _interrupted()
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130:  # typer turns Ctrl-C into exit 130 without a word
            _interrupted()
        raise
    finally:
        sys.stdout = real_stdout


def _error_line(line: str) -> None:
    from upskill.render import clean

    _stderr(f"upskill: error: {clean(line, one_line=True)}")


def _stderr(line: str) -> None:
    """A line on stderr; if even that fails, the exit code is all that is left to say it."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def _saved_files() -> tuple[list[str], bool]:
    """The files this run replaced, and whether it made backup copies."""
    storage = sys.modules.get("upskill.storage")
    if storage is None:
        return [], False
    return list(dict.fromkeys(str(p) for p in storage.saved)), bool(storage.backed_up)


def _what_was_saved() -> str:
    saved, _ = _saved_files()
    return f" (saved before that: {', '.join(saved)})" if saved else ""


def _fresh_line() -> None:
    """Ctrl-C pressed while a prompt is still being drawn can leave the cursor after the
    prompt's text: on a terminal, the line that follows starts at the left edge of a cleared
    line, not glued to the prompt."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _quiet_shutdown() -> None:
    """After Ctrl-C the one line said is the last: a prompt interrupted mid-start leaves an
    event loop half made and a coroutine never awaited, whose warnings Python would print
    while shutting down (and its pending task, which asyncio logs)."""
    import logging
    import warnings

    warnings.simplefilter("ignore")
    sys.unraisablehook = lambda _: None
    logging.getLogger("asyncio").disabled = True


def _after_ctrl_c() -> None:
    """Before the one line said after Ctrl-C: nothing printed after it, nothing glued to it."""
    _quiet_shutdown()
    _fresh_line()


def _interrupted() -> None:
    _after_ctrl_c()
    saved, backed_up = _saved_files()
    if saved:
        _stderr(f"upskill: interrupted after saving {', '.join(saved)}")
    elif backed_up:
        _stderr("upskill: interrupted; nothing was changed (only a backup copy was made)")
    else:
        _stderr("upskill: interrupted; nothing was written")


class OutputFailed(Exception):
    # Not an UpskillError, so that no command's `except UpskillError` can swallow it.

    """Writing to stdout failed; carries the OSError."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class GuardedOutput:
    """stdout, with a failed write raised as OutputFailed (and the rest passed through)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> Any:
        try:
            return self._stream.write(data)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None
        except ValueError:
            pass  # already closed

    @property
    def buffer(self) -> GuardedOutput:
        return GuardedOutput(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _discard_output(stream: Any) -> None:
    """Drop what could not be written, so that Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


def hoist_global_options(args: list[str]) -> list[str]:
    """Let ``--home DIR`` and ``--debug`` go anywhere: ``upskill plan --home DIR`` works too."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--home" and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 2
            continue
        if arg.startswith("--home=") or arg == "--debug":
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest
