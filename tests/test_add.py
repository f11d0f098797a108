"""`upskill add`: work that did not fit goes into a week of the person's choice, and back out.

The installed console script in a subprocess, files on a real disk in a temporary home.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from tests.conftest import EXAMPLES, run

MASTERS = EXAMPLES / "masters-short-runway.toml"
HINT = re.compile(r"`upskill add (\S+) --week (\d+)`")


def _init(example: Path = MASTERS) -> None:
    done = run("init", "--answers", str(example))
    assert done.returncode == 0, done.stderr


def _plan() -> dict:  # type: ignore[type-arg]
    done = run("plan", "--all", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _weeks_of(plan: dict, item: str) -> list[int]:  # type: ignore[type-arg]
    return [
        w["week"]
        for w in plan["weeks"]
        for t in w["tasks"]
        if item in (t["id"], t["id"].split("@")[0])
    ]


def test_the_did_not_fit_hint_is_a_command_that_puts_the_work_there_and_undo_takes_it_back(
    home: Path,
) -> None:
    """The plan says where left-out work fits whole and the command to put it there; run as
    given, the work lands in that week, pinned, with its hours; a replan keeps it there; --undo
    puts it back among the work that did not fit with its reason, as it was."""
    _init()
    before = _plan()
    hints = [(u["id"], HINT.search(u["reason"])) for u in before["unscheduled"]]
    hints = [(uid, m) for uid, m in hints if m is not None]
    assert hints, "no reason in the masters plan offers a week to add left-out work to"
    uid, match = hints[0]
    assert match.group(1) == uid
    week = int(match.group(2))
    row = next(u for u in before["unscheduled"] if u["id"] == uid)
    done = run("add", uid, "--week", str(week))
    assert done.returncode == 0, done.stderr
    assert f"Added {uid} to week {week}" in done.stdout
    after = _plan()
    assert _weeks_of(after, uid) == [week]
    task = next(t for w in after["weeks"] for t in w["tasks"] if t["id"] == uid)
    assert task["pinned"] is True, task
    assert task["hours"] == row["hours"], task
    assert uid not in {u["id"] for u in after["unscheduled"]}
    week_row = next(w for w in after["weeks"] if w["week"] == week)
    assert sum(t["hours"] for t in week_row["tasks"]) <= week_row["budget"]

    told = run("explain", uid)
    assert told.returncode == 0, told.stderr
    assert f"You added {uid} with `upskill add`" in " ".join(told.stdout.split())

    replanned = run("replan", "--yes")
    assert replanned.returncode == 0, replanned.stderr
    assert _weeks_of(_plan(), uid) == [week]

    undone = run("add", uid, "--undo")
    assert undone.returncode == 0, undone.stderr
    back = _plan()
    assert _weeks_of(back, uid) == []
    again = next(u for u in back["unscheduled"] if u["id"] == uid)
    assert again["reason"] == row["reason"]
    assert again["hours"] == row["hours"]


def test_with_no_week_the_work_goes_to_the_first_week_with_room_after_what_it_builds_on(
    home: Path,
) -> None:
    _init()
    plan = _plan()
    budgets = {w["week"]: (w["budget"] - w["buffer"], w["tasks"]) for w in plan["weeks"]}
    row = next(u for u in plan["unscheduled"] if u["id"] == "network.public-profile")
    done = run("add", "network.public-profile")
    assert done.returncode == 0, done.stderr
    (week,) = _weeks_of(_plan(), "network.public-profile")
    # every week before it lacked the room beside its tasks (or held what it builds on)
    prereq = max(_weeks_of(plan, "network.name-community"), default=0)  # (its prerequisite)
    for w in range(1, week):
        room, tasks = budgets[w]
        assert w <= prereq or room - sum(t["hours"] for t in tasks) < row["hours"], w
    room, tasks = budgets[week]
    assert room - sum(t["hours"] for t in tasks) >= row["hours"]


def test_a_weekly_task_goes_in_once_a_week_in_weeks_that_hold_none_of_it(home: Path) -> None:
    _init(EXAMPLES / "postdoc-research-engineer.toml")
    plan = _plan()
    assert not _weeks_of(plan, "ml-devloop.math-by-hand")
    done = run("add", "ml-devloop.math-by-hand", "--week", "16", "--times", "3")
    assert done.returncode == 0, done.stderr
    after = _plan()
    assert _weeks_of(after, "ml-devloop.math-by-hand") == [16, 17, 18]
    ids = sorted(t["id"] for w in after["weeks"] for t in w["tasks"] if "math-by-hand" in t["id"])
    assert ids == [
        "ml-devloop.math-by-hand@1",
        "ml-devloop.math-by-hand@2",
        "ml-devloop.math-by-hand@3",
    ]
    clash = run("add", "ml-devloop.math-by-hand", "--week", "17")
    assert clash.returncode == 1
    assert clash.stderr.count("\n") == 1
    assert "already holds" in clash.stderr
    undone = run("add", "ml-devloop.math-by-hand", "--undo")
    assert undone.returncode == 0, undone.stderr
    assert not _weeks_of(_plan(), "ml-devloop.math-by-hand")


def test_a_note_written_on_left_out_work_comes_with_it_and_goes_back_with_it(home: Path) -> None:
    _init()
    path = home / "plan.toml"
    text = path.read_text(encoding="utf-8")
    marker = 'id = "network.public-profile"\n'
    assert marker in text
    path.write_text(
        text.replace(marker, marker + 'note = "after the holidays"\n'), encoding="utf-8"
    )
    assert run("add", "network.public-profile", "--week", "20").returncode == 0
    tasks = tomllib.loads(path.read_text(encoding="utf-8"))["tasks"]
    added = next(t for t in tasks if t["id"] == "network.public-profile")
    assert added["note"] == "after the holidays"
    assert added["pinned"] is True
    assert run("add", "network.public-profile", "--undo").returncode == 0
    rows = tomllib.loads(path.read_text(encoding="utf-8"))["unscheduled"]
    back = next(u for u in rows if u["id"] == "network.public-profile")
    assert back["note"] == "after the holidays"


def test_bad_requests_say_so_in_one_line_and_leave_the_plan_as_it_was(home: Path) -> None:
    _init()
    path = home / "plan.toml"
    original = path.read_bytes()
    planned = next(t["id"] for w in _plan()["weeks"] for t in w["tasks"] if "@" not in t["id"])
    cases = [
        (("add", "network.no-such-thing"), 1, "neither among the work that did not fit nor"),
        (("add", planned), 1, "already in your plan"),
        (("add", "network.public-profile", "--week", "99"), 2, "your plan has weeks 1 to 20"),
        (("add", "network.public-profile", "--week", "0"), 2, "your plan has weeks 1 to 20"),
        (("add", "network.public-profile", "--times", "0"), 2, "--times 0"),
        (("add", "network.public-profile", "--undo"), 1, "nothing to undo"),
        (("add", "network.public-profile", "--undo", "--week", "3"), 2, "--undo"),
        (("add", "network.weekly-outreach@15", "--times", "2"), 2, "--times is for a weekly"),
        (("add", "network.public-profile", "--times", "2"), 2, "is done once"),
        (("add", "bad id"), 1, "spaces"),
    ]
    for args, code, said in cases:
        done = run(*args)
        assert done.returncode == code, (args, done.returncode, done.stderr)
        assert done.stderr.count("\n") == 1, (args, done.stderr)
        assert said in done.stderr, (args, done.stderr)
        assert path.read_bytes() == original, args


def test_a_week_already_over_takes_no_new_work(home: Path) -> None:
    _init()
    later = run("add", "network.public-profile", "--week", "2", env={"UPSKILL_TODAY": "2026-12-30"})
    assert later.returncode == 2
    assert "is over" in later.stderr
    assert later.stderr.count("\n") == 1


def test_add_without_a_plan_says_how_to_make_one(home: Path) -> None:
    done = run("add", "network.public-profile")
    assert done.returncode != 0
    assert "upskill init" in done.stderr
    assert not (home / "plan.toml").exists()


def test_a_step_of_a_roadmap_left_out_goes_in_alone_and_undo_takes_it_out_again(
    home: Path,
) -> None:
    """The engineer who left networking out can take a step of it alone (its options list; its
    referral ask stays in his plan anyway, `stays_with`): it lands in the week given, pinned,
    with the item's hours; a replan keeps it; --undo takes it out of the plan, not into "Did
    not fit", where it never was. A weekly item comes a week at a time, --times weeks of it."""
    _init(EXAMPLES / "swe-to-ml.toml")
    before = _plan()
    assert not _weeks_of(before, "network.options-list")
    assert all(u["id"].split("@")[0] != "network.options-list" for u in before["unscheduled"])
    done = run("add", "network.options-list", "--week", "6")
    assert done.returncode == 0, done.stderr
    assert "Added network.options-list to week 6 (2 h)" in done.stdout
    assert run("replan", "--yes").returncode == 0
    after = _plan()
    assert _weeks_of(after, "network.options-list") == [6]
    task = next(t for w in after["weeks"] for t in w["tasks"] if t["id"] == "network.options-list")
    assert task["pinned"] is True
    again = run("add", "network.options-list")
    assert again.returncode == 1
    assert "already in your plan (week 6)" in again.stderr
    undone = run("add", "--undo", "network.options-list")
    assert undone.returncode == 0, undone.stderr
    assert "did not fit" not in undone.stdout
    out = _plan()
    assert not _weeks_of(out, "network.options-list")
    assert all(u["id"].split("@")[0] != "network.options-list" for u in out["unscheduled"])
    weekly = run("add", "network.weekly-outreach", "--week", "8", "--times", "2", "-f", "json")
    assert weekly.returncode == 0, weekly.stderr
    rows = json.loads(weekly.stdout)["added"]
    assert [(r["id"], r["week"]) for r in rows] == [
        ("network.weekly-outreach@1", 8),
        ("network.weekly-outreach@2", 9),
    ]
    once = run("add", "network.map-people", "--times", "2")
    assert once.returncode == 2
    assert "is done once" in once.stderr
