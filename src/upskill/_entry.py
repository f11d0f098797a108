"""The console script's entry point: catches Ctrl-C even while the command line is loading."""

from __future__ import annotations

import os
import sys


def main() -> None:
    standard_streams()
    try:
        from upskill.cli import main as run
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("upskill: interrupted; nothing was written\n")
        raise SystemExit(130) from None
    run()


def standard_streams() -> None:
    """Give a closed stdin, stdout or stderr (``<&-``, ``2>&-``) a harmless stand-in.

    A closed descriptor 0, 1 or 2 would be handed out to the next file opened (the lock file,
    a plan being saved), where a stray message could land; and Python leaves the stream None.
    stdin reads as empty (no terminal, so the non-interactive paths apply); stderr goes
    nowhere (errors still set the exit code, and never go to stdout); writing to a closed
    stdout fails the way writing to any broken output does (one line, exit 1).
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            new = os.open(os.devnull, os.O_RDWR)
            if new != fd:
                os.dup2(new, fd)
                os.close(new)
    if sys.stdin is None:
        sys.stdin = os.fdopen(0, "r", encoding="utf-8", closefd=False)  # now /dev/null
    if sys.stderr is None:
        sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
    if sys.stdout is None:
        sys.stdout = ClosedOutput()


class ClosedOutput:
    """What stdout is when it was closed: writing to it fails as writing to /dev/full would."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("fileno")

    @property
    def buffer(self) -> ClosedOutput:
        return self
