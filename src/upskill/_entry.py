"""The console script's entry point: catches Ctrl-C even while the command line is loading."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from upskill.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("upskill: interrupted; nothing was written\n")
        raise SystemExit(130) from None
    run()
