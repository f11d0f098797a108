"""Hand edits and work done outside the plan (issue 12, findings 5-7), as users meet them.

Every command runs as the installed console script on a real temporary home.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from tests.conftest import run_here as run

MONDAY = "2026-11-23"  # the template plan's start (week 1)
WEEK3 = {"UPSKILL_TODAY": "2026-12-09"}  # Wednesday of week 3


def read_plan(home: Path) -> dict[str, Any]:
    return tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))


def write_plan(home: Path, data: dict[str, Any]) -> None:
    (home / "plan.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("upskill: warning: ")]


def catalog() -> Any:
    from upskill.roadmaps import load_catalog

    return load_catalog(None)


# ----------------------------------------------------------------- warnings for odd edits


def test_a_fresh_plan_gives_no_warning(planned: Path) -> None:
    for args in (["plan"], ["status"], ["check", "--format", "json"], ["replan", "--yes"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert warnings_in(result.stderr) == [], args


def test_a_week_over_budget_is_named_by_plan_check_status_and_replan(planned: Path) -> None:
    data = read_plan(planned)
    first = data["tasks"][0]
    assert first["week"] == 1
    first["hours"] = 40.0
    write_plan(planned, data)
    name = planned / "plan.toml"
    for args in (["plan"], ["status"], ["check", "--format", "json"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        found = warnings_in(result.stderr)
        assert len(found) == 1, (args, result.stderr)
        assert found[0].startswith(f"upskill: warning: {name}: tasks in week 1: ")
        assert (
            "more than the week's 15 h; move some to a later week or run `upskill replan`"
            in (found[0])
        )
    replanned = run("replan", "--yes")
    assert replanned.returncode == 0, replanned.stderr
    assert any(
        "tasks in week 1:" in line and "this replan reflows" in line
        for line in warnings_in(replanned.stderr)
    ), replanned.stderr


def _task_before_its_prerequisite(data: dict[str, Any]) -> tuple[int, str]:
    """Move a to-do task into week 1 although a prerequisite of it comes later; (index, pre)."""
    known = catalog()
    weeks: dict[str, int] = {}
    for t in data["tasks"]:
        item = t["id"].split("@", 1)[0]
        weeks[item] = max(weeks.get(item, 0), t["week"])
    for i, t in enumerate(data["tasks"]):
        item = t["id"].split("@", 1)[0]
        if "@" in t["id"] or t["status"] != "todo" or item not in known.items:
            continue
        later = [p for p in known.prerequisites(item) if weeks.get(p, 0) > 1]
        if later and sum(1 for u in data["tasks"] if u["id"] == t["id"]) == 1:
            t["week"] = 1
            return i, later[0]
    raise AssertionError("no task with a prerequisite after week 1 in the template plan")


def test_replan_names_a_typod_id_and_a_task_before_its_prerequisite(planned: Path) -> None:
    data = read_plan(planned)
    _, pre = _task_before_its_prerequisite(data)
    typo = next(t for t in data["tasks"] if t["id"] == "coding.big-o")
    typo["id"] = "coding.big-0"
    write_plan(planned, data)
    again = read_plan(planned)  # tasks as the file lists them now (by week), for their keys
    index = next(i for i, t in enumerate(again["tasks"]) if t["id"] == "coding.big-0")
    result = run("replan", "--yes")
    assert result.returncode == 0, result.stderr
    found = warnings_in(result.stderr)
    name = planned / "plan.toml"
    assert (
        f"upskill: warning: {name}: tasks[{index}] (coding.big-0).id: no loaded roadmap has this "
        "item (did you mean coding.big-o?); replan keeps it under this id"
    ) in found, found
    assert any(
        f"comes before its prerequisite {pre}" in line and ".week: week 1 " in line
        for line in found
    ), found
    # The cheap commands do not load the roadmaps, so they cannot know; they stay quiet.
    assert warnings_in(run("check", "--format", "json").stderr) == []


def test_an_edited_profile_is_named_with_how_to_apply_it(planned: Path) -> None:
    profile = planned / "profile.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("hours_per_week = 15", "hours_per_week = 20"),
        encoding="utf-8",
    )
    for args in (["plan"], ["status"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert warnings_in(result.stderr) == [
            f"upskill: warning: {profile}: differs from the [profile] in {planned / 'plan.toml'} "
            "(edited by hand?), and the plan does not follow it yet; apply it with "
            f"`upskill replan --profile {profile}`"
        ]
    applied = run("replan", "--yes", "--profile", str(profile))
    assert applied.returncode == 0, applied.stderr
    assert json.loads(run("plan", "--format", "json").stdout)["profile"]["hours_per_week"] == 20
    assert warnings_in(run("plan").stderr) == []
    assert warnings_in(run("status").stderr) == []


# ----------------------------------------------------------------- explain shows what was written


def test_explain_shows_the_note_written_on_a_task(planned: Path) -> None:
    data = read_plan(planned)
    task = next(t for t in data["tasks"] if t["id"] == "coding.big-o")
    task["note"] = "ask Sam about amortised cost"
    write_plan(planned, data)
    result = run("explain", "coding.big-o")
    assert result.returncode == 0, result.stderr
    assert "Your note: ask Sam about amortised cost" in result.stdout


def test_explain_shows_each_parts_note_of_a_split_task(planned: Path) -> None:
    data = read_plan(planned)
    counts: dict[str, int] = {}
    for t in data["tasks"]:
        counts[t["id"]] = counts.get(t["id"], 0) + 1
    split = next(tid for tid, n in counts.items() if n > 1 and "@" not in tid)
    parts = [t for t in data["tasks"] if t["id"] == split]
    parts[0]["note"] = "chapter 1 only"
    parts[1]["note"] = "with the exercises"
    write_plan(planned, data)
    out = run("explain", split).stdout
    assert f"Your note (week {parts[0]['week']}): chapter 1 only" in out
    assert f"Your note (week {parts[1]['week']}): with the exercises" in out


def test_explain_gives_the_stored_reason_for_work_left_out(planned: Path) -> None:
    data = read_plan(planned)
    left = next(u for u in data["unscheduled"] if "@" not in u["id"])
    left["reason"] = "left out by hand: not this year"  # the file's words are what is shown
    write_plan(planned, data)
    result = run("explain", left["id"])
    assert result.returncode == 0, result.stderr
    assert "Left out of your plan: left out by hand: not this year" in result.stdout
    assert "did not fit (see" not in result.stdout


def test_explain_of_a_typod_id_still_shows_its_note(planned: Path) -> None:
    data = read_plan(planned)
    task = next(t for t in data["tasks"] if t["id"] == "coding.big-o")
    task["id"], task["note"] = "coding.big-0", "the note survives the typo"
    write_plan(planned, data)
    result = run("explain", "coding.big-0")
    assert result.returncode == 1
    assert "Your note: the note survives the typo" in result.stdout
    assert "no loaded roadmap has it any more" in result.stderr
    assert "did you mean coding.big-o" in result.stderr


# ----------------------------------------------------------------- work done outside the plan


def rows_of(home: Path, task_id: str) -> list[dict[str, Any]]:
    return [t for t in read_plan(home)["tasks"] if t["id"] == task_id]


def test_work_that_did_not_fit_can_be_checked_off_and_undone(planned: Path) -> None:
    before = read_plan(planned)
    left = next(u for u in before["unscheduled"] if "@" not in u["id"])
    summary_before = json.loads(run("status", "--format", "json", env=WEEK3).stdout)

    result = run("check", left["id"], "--on", "2026-12-01", env=WEEK3)  # Tuesday of week 2
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Marked done outside the plan: {left['id']}"
    assert f"Done outside the plan: {left['hours']:g} h" in result.stdout
    [row] = rows_of(planned, left["id"])
    assert row["week"] == 2
    assert row["status"] == "done"
    assert row["done_on"].isoformat() == "2026-12-01"
    assert row["hours"] == left["hours"]
    assert row["unplanned"] is True
    assert row["unscheduled_reason"] == left["reason"]
    assert left["id"] not in {u["id"] for u in read_plan(planned)["unscheduled"]}
    # Counted as done, never as planned: planned figures stay, ahead/behind moves by its hours.
    summary = json.loads(run("status", "--format", "json", env=WEEK3).stdout)
    assert summary["planned_hours"] == summary_before["planned_hours"]
    assert summary["planned_to_date_hours"] == summary_before["planned_to_date_hours"]
    assert summary["done_hours"] == summary_before["done_hours"] + left["hours"]
    assert summary["done_outside_plan_hours"] == left["hours"]
    explained = run("explain", left["id"], env=WEEK3).stdout
    assert f"Done outside the plan: {left['id']}, {left['hours']:g} h on 2026-12-01" in explained

    undone = run("check", "--undo", left["id"], env=WEEK3)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.splitlines()[0] == (
        f"Marked not done: {left['id']} (done outside the plan: removed; it is back among the "
        "work that did not fit)"
    )
    after = read_plan(planned)
    assert after["tasks"] == before["tasks"]
    key = lambda u: u["id"]  # noqa: E731
    assert sorted(after["unscheduled"], key=key) == sorted(before["unscheduled"], key=key)
    assert json.loads(run("status", "--format", "json", env=WEEK3).stdout) == summary_before


def test_any_roadmap_item_not_in_the_plan_can_be_recorded(planned: Path) -> None:
    data = read_plan(planned)
    present = {t["id"].split("@", 1)[0] for t in data["tasks"]}
    present |= {u["id"].split("@", 1)[0] for u in data["unscheduled"]}
    known = catalog()
    item_id = next(i for i, item in known.items.items() if i not in present and not item.repeat)
    result = run("check", item_id, env=WEEK3)
    assert result.returncode == 0, result.stderr
    assert f"Marked done outside the plan: {item_id}" in result.stdout
    [row] = rows_of(planned, item_id)
    assert (row["week"], row["hours"], row["title"]) == (
        3,
        float(known.items[item_id].hours),
        known.items[item_id].title,
    )
    assert "unscheduled_reason" not in row
    # A replan keeps it where it is and does not schedule the item again.
    assert run("replan", "--yes", env=WEEK3).returncode == 0
    assert rows_of(planned, item_id) == [row]
    # Undone, it was never planned: it goes, and is not added to what did not fit.
    undone = run("check", "--undo", item_id, env=WEEK3)
    assert undone.stdout.splitlines()[0] == (
        f"Marked not done: {item_id} (done outside the plan: removed)"
    )
    assert rows_of(planned, item_id) == []
    assert item_id not in {u["id"] for u in read_plan(planned)["unscheduled"]}


def test_outside_work_cannot_be_skipped_and_unknown_ids_are_suggested(planned: Path) -> None:
    data = read_plan(planned)
    left = next(u for u in data["unscheduled"] if "@" not in u["id"])
    assert run("check", left["id"], env=WEEK3).returncode == 0
    before = (planned / "plan.toml").read_bytes()
    skipped = run("check", "--skip", left["id"], env=WEEK3)
    assert skipped.returncode == 1
    assert f"`upskill check --undo {left['id']}` removes it" in skipped.stderr
    typo = run("check", "research.first-blog-pots", env=WEEK3)
    assert typo.returncode == 1
    assert "unknown task 'research.first-blog-pots'; did you mean research.first-blog-post" in (
        typo.stderr
    )
    assert (planned / "plan.toml").read_bytes() == before


def test_undo_or_skip_of_work_left_out_says_how_to_record_it(planned: Path) -> None:
    left = next(u for u in read_plan(planned)["unscheduled"] if "@" not in u["id"])
    before = (planned / "plan.toml").read_bytes()
    result = run("check", "--undo", left["id"], env=WEEK3)
    assert result.returncode == 1
    assert f"`upskill check {left['id']}` records it as done outside the plan" in result.stderr
    assert (planned / "plan.toml").read_bytes() == before
