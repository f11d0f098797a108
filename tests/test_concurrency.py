"""Concurrent commands: no update reported as saved is ever lost (issue 11, findings 1 and 2).

Real processes of the installed console script race each other for a fixed number of rounds;
nothing waits on a clock, and the assertions count what each process reported, not how long
anything took.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import upskill_exe
from upskill import storage

ROUNDS = 10
CHECKERS = 4
WAIT = 300  # seconds: generous, since a CI run at load 7 on two cores once took more than 120


def _one_off_ids(home: Path) -> list[str]:
    plan = storage.load_plan(home)
    return list(dict.fromkeys(t.id for t in plan.tasks if "@" not in t.id))


def _pad_with_done_tasks(home: Path, n: int) -> None:
    """Add ``n`` small done tasks: a bigger file takes longer to read, as a real plan in use does."""
    path = home / "plan.toml"
    rows = "".join(
        f'\n[[tasks]]\nweek = 1\nid = "logbook.entry-{i}"\ntitle = "Entry {i}"\nkind = "write"\n'
        f'hours = 0.01\nstatus = "done"\ndone_on = 2026-11-22\n'
        for i in range(n)
    )
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\n[[unscheduled]]")
    path.write_text(head + rows + sep + tail, encoding="utf-8")
    storage.load_plan(home)


@pytest.mark.slow
def test_replan_never_loses_a_check_that_reported_success(planned: Path) -> None:
    """`replan --yes` against several `check ID` at once: every "Marked done" is in the file."""
    ids = _one_off_ids(planned)
    _pad_with_done_tasks(planned, 3000)
    assert len(ids) >= ROUNDS * CHECKERS
    env = dict(os.environ)
    reported: list[str] = []
    for round_ in range(ROUNDS):
        batch = ids[round_ * CHECKERS : (round_ + 1) * CHECKERS]
        checks = [
            subprocess.Popen(
                [upskill_exe(), "check", tid],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
                env=env,
            )
            for tid in batch
        ]
        # The replan starts when the first check has saved, while the others queue for the
        # lock: their saves then land while the replan is reading and deciding.
        checks[0].wait(timeout=WAIT)
        replan = subprocess.Popen(
            [upskill_exe(), "replan", "--yes"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        for tid, proc in zip(batch, checks, strict=True):
            out, err = proc.communicate(timeout=WAIT)
            assert "Traceback" not in err, err
            if proc.returncode == 0 and out.startswith(f"Marked done: {tid}"):
                reported.append(tid)
        _, err = replan.communicate(timeout=WAIT)
        assert replan.returncode == 0, err
    assert len(reported) >= ROUNDS  # the checks did succeed, most of them
    plan = storage.load_plan(planned)
    lost = [tid for tid in reported if {t.status for t in plan.tasks if t.id == tid} != {"done"}]
    assert lost == [], f"checks reported as saved but lost by a replan: {lost}"
