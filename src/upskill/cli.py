"""The command line: parse options, call one core function, render, map errors to exit codes.

Start-up time matters (people run this every day): only typer is imported at module level;
everything heavy is imported inside the command that needs it. The commands live in
``upskill.commands``, one module each; importing them registers them on the app, in the
order ``--help`` lists them.
"""

from __future__ import annotations

import os
import signal
import sys

from upskill.commands import app

# isort: off
# Importing a command module registers the command; --help lists them in this order.
from upskill.commands import init as _init  # noqa: F401
from upskill.commands import plan as _plan  # noqa: F401
from upskill.commands import check as _check  # noqa: F401
from upskill.commands import status as _status  # noqa: F401
from upskill.commands import replan as _replan  # noqa: F401
from upskill.commands import explain as _explain  # noqa: F401
from upskill.commands import export as _export  # noqa: F401
from upskill.commands import roadmaps as _roadmaps  # noqa: F401

# isort: on
from upskill.errors import UpskillError

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: run the app, turning errors into one line and an exit code.

    typer (0.29+) already maps usage errors to exit 2 and Ctrl-C to exit 130; our own errors
    arrive here with their exit code.
    """
    if hasattr(signal, "SIGPIPE"):
        # Output piped into `head` and closed: end quietly as other Unix tools do (exit 141),
        # not with exit 1, which means bad data. Saves happen before output, so none is lost.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = hoist_global_options(sys.argv[1:])
    debug = bool(os.environ.get("UPSKILL_DEBUG")) or "--debug" in args
    try:
        app(args=args)
    except UpskillError as exc:
        if debug:
            raise
        for line in str(exc).splitlines() or ["unknown error"]:
            print(f"upskill: error: {line}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("upskill: interrupted; nothing was written", file=sys.stderr)
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130:  # typer turns Ctrl-C into exit 130 without a word
            print("upskill: interrupted; nothing was written", file=sys.stderr)
        raise


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
