"""Tracking: check/undo/skip, the ahead/behind figure, replan and export."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
import tomli_w

from tests.conftest import init_example
from tests.conftest import run_here as run
from upskill.plan import Plan, Task
from upskill.progress import status_line, summary
from upskill.schema import Profile
from upskill.storage import load_plan

START = dt.date(2026, 11, 23)  # a Monday


def simple_plan(weeks: int = 3, per_week: float = 10.0) -> Plan:
    profile = Profile(
        background="other",
        target_role="research-engineer",
        hours_per_week=per_week,
        weeks=weeks,
        start_date=START,
    )
    tasks = [Task(f"coding.t{w}", w, f"Task {w}", "learn", per_week) for w in range(1, weeks + 1)]
    return Plan(profile=profile, tasks=tasks)


# ----------------------------------------------------------------- ahead/behind, by hand


def test_before_the_start_nothing_is_due() -> None:
    data = summary(simple_plan(), dt.date(2026, 11, 20))
    assert data["planned_to_date_hours"] == 0.0
    assert data["ahead_hours"] == 0.0
    assert data["status"] == "on track"
    assert data["week"] == 0


def test_on_the_first_day_one_seventh_of_the_week_is_due() -> None:
    data = summary(simple_plan(), START)
    assert data["planned_to_date_hours"] == round(10 / 7, 2)  # 1.43
    assert data["ahead_hours"] == -1.43
    assert data["week"] == 1


def test_behind_midway_through_week_two() -> None:
    plan = simple_plan()
    plan.tasks[0].status, plan.tasks[0].done_on = "done", START
    today = START + dt.timedelta(days=9)  # Wednesday of week 2: 3 days of it elapsed
    data = summary(plan, today)
    # Week 1 ended (10 h) + 3/7 of week 2 (4.2857 h) = 14.29 h due; 10 h done.
    assert data["planned_to_date_hours"] == 14.29
    assert data["done_hours"] == 10.0
    assert data["ahead_hours"] == -4.29
    assert data["ahead_days"] == -3.0  # 10 h/week is 1.43 h/day: 4.29 h is 3 days
    assert data["status"] == "4.3 h behind — about 3 days at your pace"


def test_ahead_when_future_work_is_done() -> None:
    plan = simple_plan()
    for t in plan.tasks[:2]:
        t.status, t.done_on = "done", START
    data = summary(plan, START + dt.timedelta(days=6))  # last day of week 1: all 10 h due
    assert data["planned_to_date_hours"] == 10.0
    assert data["ahead_hours"] == 10.0
    assert data["status"] == "10 h ahead — about 7 days at your pace"


def test_after_the_end_everything_is_due_and_skipped_work_counts_on_neither_side() -> None:
    plan = simple_plan()
    plan.tasks[0].status, plan.tasks[0].done_on = "done", START
    plan.tasks[1].status = "skipped"
    data = summary(plan, dt.date(2027, 3, 1))
    assert data["planned_hours"] == 20.0
    assert data["skipped_hours"] == 10.0
    assert data["planned_to_date_hours"] == 20.0
    assert data["ahead_hours"] == -10.0
    assert data["roadmaps"]["coding"] == {
        "planned_hours": 20.0,
        "done_hours": 10.0,
        "skipped_hours": 10.0,
        "planned_to_date_hours": 20.0,
        "ahead_hours": -10.0,
    }


def test_on_track_exactly() -> None:
    plan = simple_plan()
    plan.tasks[0].status, plan.tasks[0].done_on = "done", START
    assert summary(plan, START + dt.timedelta(days=6))["status"] == "on track"


@pytest.mark.parametrize(
    ("ahead", "per_week", "expected"),
    [
        (-4.5, 15.75, "4.5 h behind — about 2 days at your pace"),
        (1.0, 14.0, "1 h ahead — less than a day at your pace"),
        (-2.0, 14.0, "2 h behind — about 1 day at your pace"),
        (-60.0, 10.0, "60 h behind — about 6 weeks at your pace"),
    ],
)
def test_status_line_wording(ahead: float, per_week: float, expected: str) -> None:
    assert status_line(ahead, per_week) == expected


# ----------------------------------------------------------------- check through the CLI


def plan_json() -> dict[str, object]:
    result = run("plan", "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def tasks_by_id(home: Path) -> dict[str, list[Task]]:
    out: dict[str, list[Task]] = defaultdict(list)
    for t in load_plan(home).tasks:
        out[t.id].append(t)
    return out


def first_task(home: Path, predicate: object = None) -> Task:
    for t in load_plan(home).tasks:
        if predicate is None or predicate(t):  # type: ignore[operator]
            return t
    raise AssertionError("no such task")


def test_check_undo_round_trip(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    task = first_task(home)
    done = run("check", task.id, env={"UPSKILL_TODAY": "2026-11-25"})
    assert done.returncode == 0, done.stderr
    assert f"Marked done: {task.id}" in done.stdout
    parts = tasks_by_id(home)[task.id]
    assert all(p.status == "done" and p.done_on == dt.date(2026, 11, 25) for p in parts)
    undone = run("check", task.id, "--undo")
    assert undone.returncode == 0, undone.stderr
    assert (home / "plan.toml").read_bytes() == before


def test_check_on_records_another_date_and_skip_is_listed_apart(home: Path) -> None:
    init_example()
    a, b = [t.id for t in load_plan(home).tasks_in(1)][:2]
    assert (
        run("check", a, "--on", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-31"}).returncode == 0
    )
    assert run("check", b, "--skip").returncode == 0
    tasks = tasks_by_id(home)
    assert tasks[a][0].done_on == dt.date(2026, 11, 24)
    assert tasks[b][0].status == "skipped"
    assert tasks[b][0].done_on is None
    data = json.loads(run("check", "--format", "json", env={"UPSKILL_TODAY": "2026-11-29"}).stdout)
    assert data["skipped_hours"] == sum(t.hours for t in tasks[b])
    assert data["done_hours"] == sum(t.hours for t in tasks[a])


def test_a_split_task_is_done_as_a_whole(home: Path) -> None:
    init_example()
    tasks = tasks_by_id(home)
    split = next(tid for tid, parts in tasks.items() if len(parts) > 1)
    assert run("check", split).returncode == 0
    assert {p.status for p in tasks_by_id(home)[split]} == {"done"}


def test_each_occurrence_of_recurring_practice_is_done_on_its_own(home: Path) -> None:
    init_example()
    occurrence = first_task(home, lambda t: t.occurrence is not None)
    assert run("check", occurrence.id).returncode == 0
    siblings = [t for t in load_plan(home).tasks if t.item_id == occurrence.item_id]
    assert [t.status for t in siblings].count("done") == 1


def test_a_recurring_id_without_occurrence_means_this_weeks(home: Path) -> None:
    init_example()
    occurrence = first_task(home, lambda t: t.occurrence is not None)
    monday = START + dt.timedelta(days=7 * (occurrence.week - 1))
    result = run("check", occurrence.item_id, env={"UPSKILL_TODAY": monday.isoformat()})
    assert result.returncode == 0, result.stderr
    assert tasks_by_id(home)[occurrence.id][0].status == "done"


def test_unknown_id_exits_1_suggests_and_changes_nothing(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    known = first_task(home, lambda t: t.occurrence is None).id
    result = run("check", known, known[:-1] + "x")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"upskill: error: unknown task '{known[:-1]}x'; did you mean {known}"
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert (home / "plan.toml").read_bytes() == before


def test_check_without_ids_and_without_terminal_prints_the_summary(home: Path) -> None:
    init_example()
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "overall" in result.stdout
    assert "on track" in result.stdout
    chart = run("check", "--chart", env={"UPSKILL_TODAY": "2026-12-20"})
    assert chart.returncode == 0
    assert "Cumulative hours" in chart.stdout


def test_check_json_is_the_stable_object(home: Path) -> None:
    init_example()
    data = json.loads(run("check", "--format", "json", env={"UPSKILL_TODAY": "2026-12-09"}).stdout)
    for key in (
        "today",
        "week",
        "planned_hours",
        "done_hours",
        "skipped_hours",
        "planned_to_date_hours",
        "ahead_hours",
        "roadmaps",
        "next_milestone",
    ):
        assert key in data
    assert data["today"] == "2026-12-09"
    assert data["week"] == 3
    assert data["next_milestone"]["week"] >= 3


# ----------------------------------------------------------------- replan


def test_replan_keeps_done_work_and_dates_and_never_overfills(home: Path) -> None:
    init_example()
    plan = load_plan(home)
    done_ids = [t.id for t in plan.tasks_in(1)][:3]
    assert (
        run(
            "check", *done_ids, "--on", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-31"}
        ).returncode
        == 0
    )
    before = load_plan(home)
    kept = {(t.id, t.week, t.hours, t.done_on) for t in before.tasks if t.status != "todo"}
    result = run(
        "replan", "--yes", env={"UPSKILL_TODAY": "2027-01-06"}
    )  # week 7: six weeks overdue
    assert result.returncode == 0, result.stderr
    after = load_plan(home)
    assert (home / "plan.toml.bak").read_bytes() != (home / "plan.toml").read_bytes()
    assert kept == {(t.id, t.week, t.hours, t.done_on) for t in after.tasks if t.status != "todo"}
    for t in after.tasks:
        if t.status == "todo":
            assert t.week >= 7, t
    per_week: dict[int, float] = defaultdict(float)
    for t in after.tasks:
        per_week[t.week] += t.hours
    assert all(h <= after.hours_per_week + 1e-9 for w, h in per_week.items() if w >= 7)
    ids = [t.id for t in after.tasks]
    assert len(ids) == len({(t.id, t.week) for t in after.tasks})


def test_replan_can_change_hours_and_extend_the_horizon(home: Path) -> None:
    init_example()
    result = run(
        "replan", "--yes", "--weeks", "52", "--hours", "20", env={"UPSKILL_TODAY": "2026-12-02"}
    )
    assert result.returncode == 0, result.stderr
    plan = load_plan(home)
    assert plan.weeks == 52
    assert plan.hours_per_week == 20
    assert "interviewing.reapply" in {t.item_id for t in plan.tasks}  # a second round now fits
    assert max(sum(t.hours for t in plan.tasks_in(w)) for w in range(2, 53)) <= 20


def test_replan_without_terminal_needs_yes(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    result = run("replan")
    assert result.returncode == 2
    assert "--yes" in result.stderr
    assert (home / "plan.toml").read_bytes() == before


# ----------------------------------------------------------------- export


def test_ics_export_parses_and_has_one_event_per_week(home: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    init_example()
    out = tmp_path / "plan.ics"
    result = run("export", "--format", "ics", "-o", str(out))
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    plan = load_plan(home)
    weeks_with_tasks = {t.week for t in plan.tasks}
    week_events = [e for e in events if "-week-" in str(e["uid"])]
    assert len(week_events) == len(weeks_with_tasks)
    milestones = [e for e in events if "-milestone-" in str(e["uid"])]
    assert {str(e["uid"]).split("-milestone-")[1].split("@")[0] for e in milestones} == {
        t.id for t in plan.tasks if t.kind in ("milestone", "apply") and t.occurrence is None
    }
    first = next(e for e in week_events if str(e["uid"]).endswith("-week-1@upskill.local"))
    assert first.decoded("dtstart") == plan.start
    assert plan.tasks_in(1)[0].title in str(first["description"])
    again = run("export", "--format", "ics").stdout.encode()
    uids = sorted(str(e["uid"]) for e in Calendar.from_ical(again).walk("VEVENT"))
    assert uids == sorted(str(e["uid"]) for e in events)  # stable: re-import updates


def test_markdown_and_json_exports(home: Path) -> None:
    init_example()
    task = first_task(home)
    run("check", task.id)
    markdown = run("export", "--format", "markdown").stdout
    assert "## Week 1 (2026-11-23 – 2026-11-29)" in markdown
    assert "- [x] " in markdown
    assert f"(`{task.id}`" in markdown
    assert "- [ ] " in markdown
    exported = json.loads(run("export", "--format", "json").stdout)
    assert exported == plan_json()


def test_checking_a_done_task_again_keeps_its_date(home: Path) -> None:
    init_example()
    task = first_task(home, lambda t: t.occurrence is None)
    assert (
        run("check", task.id, "--on", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-31"}).returncode
        == 0
    )
    again = run("check", task.id, env={"UPSKILL_TODAY": "2026-12-09"})
    assert again.returncode == 0
    assert f"Already done: {task.id}" in again.stdout
    assert {t.done_on for t in tasks_by_id(home)[task.id]} == {dt.date(2026, 11, 24)}
    moved = run("check", task.id, "--on", "2026-11-25", env={"UPSKILL_TODAY": "2026-12-31"})
    assert moved.returncode == 0
    assert {t.done_on for t in tasks_by_id(home)[task.id]} == {dt.date(2026, 11, 25)}


def test_replan_never_puts_two_occurrences_of_one_item_in_a_week(home: Path) -> None:
    init_example()
    plan = load_plan(home)
    counts: dict[str, int] = defaultdict(int)
    for t in plan.tasks:
        if t.occurrence is not None:
            counts[t.item_id] += 1
    habit = next(item for item, n in counts.items() if n >= 5)
    occurrences = sorted((t for t in plan.tasks if t.item_id == habit), key=lambda t: t.week)
    third, fifth = occurrences[2], occurrences[4]
    today = plan.week_start(third.week) + dt.timedelta(days=2)
    on = today.isoformat()
    later = (today + dt.timedelta(days=40)).isoformat()
    assert (
        run("check", third.id, fifth.id, "--on", on, env={"UPSKILL_TODAY": later}).returncode == 0
    )
    assert run("replan", "--yes", env={"UPSKILL_TODAY": on}).returncode == 0
    weeks: dict[str, list[int]] = defaultdict(list)
    for t in load_plan(home).tasks:
        if t.occurrence is not None:
            weeks[t.item_id].append(t.week)
    for item, seen in weeks.items():
        assert len(seen) == len(set(seen)), (item, sorted(seen))
    # Without @N, the occurrence still to do this week is the one that gets marked.
    this_week = [t for t in load_plan(home).tasks if t.item_id == habit and t.week == third.week]
    assert [t.status for t in this_week] == ["done"]


def test_replan_weeks_too_short_is_a_usage_error(home: Path) -> None:
    init_example()
    assert (
        run(
            "check", first_task(home).id, "--on", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-31"}
        ).returncode
        == 0
    )
    result = run("replan", "--yes", "--weeks", "2", env={"UPSKILL_TODAY": "2026-12-09"})
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "upskill: error: --weeks 2 ends before week 3; choose at least 3"
    )


def test_replan_reports_a_bad_profile_in_the_plan_file_by_key(home: Path) -> None:
    init_example()
    path = home / "plan.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("weeks = 26", "weeks = 200"), encoding="utf-8"
    )
    result = run("replan", "--yes")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"upskill: error: {path}: profile.weeks: must be a whole number from 1 to 156, "
        "for example weeks = 26 (not 200)"
    )


def test_a_completion_date_in_the_future_is_refused(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    result = run("check", first_task(home).id, "--on", "2026-12-01")  # today is 2026-11-22
    assert result.returncode == 2
    assert "--on 2026-12-01 is in the future" in result.stderr
    assert (home / "plan.toml").read_bytes() == before


def test_replan_with_an_edited_profile_adds_a_roadmap_and_keeps_progress(home: Path) -> None:
    init_example("swe-to-ml.toml")
    first = first_task(home, lambda t: t.occurrence is None)
    assert (
        run("check", first.id, "--on", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-02"}).returncode
        == 0
    )
    profile = home / "profile.toml"
    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    data["roadmaps"].append("research")
    profile.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = run("replan", "--yes", "--profile", str(profile), env={"UPSKILL_TODAY": "2026-12-02"})
    assert result.returncode == 0, result.stderr
    plan = load_plan(home)
    assert plan.profile.roadmaps is not None
    assert "research" in plan.profile.roadmaps
    assert any(t.roadmap == "research" for t in plan.tasks)
    assert {t.done_on for t in plan.tasks if t.id == first.id} == {dt.date(2026, 11, 24)}
    hours = run("replan", "--yes", "--hours", "10", env={"UPSKILL_TODAY": "2026-12-02"})
    assert hours.returncode == 0, hours.stderr
    assert "hours_per_week = 10" in profile.read_text(encoding="utf-8")  # profile.toml in step


def test_a_replan_when_ahead_fills_the_weeks_whose_work_was_done_early(home: Path) -> None:
    """Someone who did the first two weeks' work in week 1 and replans had nothing to do
    until week 3: the work done ahead kept taking the hours of the weeks it was planned for.
    It took week 1's hours, when it was done: next week gets the next work, what needs the
    work done ahead may start then, the done tasks keep their weeks and dates, and no week
    is said to hold more than its hours (`Plan.done_ahead`)."""
    init_example("data-scientist-research-engineer.toml")
    plan = load_plan(home)
    ahead = list(dict.fromkeys(t.id for t in plan.tasks if t.week <= 2))
    wednesday = {"UPSKILL_TODAY": "2026-11-25"}  # (week 1)
    assert run("check", *ahead, env=wednesday).returncode == 0
    before = load_plan(home)
    kept = {(t.id, t.week, t.hours, t.done_on) for t in before.tasks if t.status != "todo"}
    shown = run("plan", "--week", "2", env=wednesday).stdout
    assert "(done ahead, in week 1)" in " ".join(shown.split())
    assert "0 / 12 h" in shown  # (week 2's own work is all done)
    said = " ".join(run("status", env=wednesday).stdout.split())
    assert "Work done ahead left weeks 2, 3 with hours to spare: `upskill replan`" in said
    data = json.loads(run("status", "--format", "json", env=wednesday).stdout)
    assert data["freed_weeks"] == [2, 3]
    result = run("replan", "--yes", env=wednesday)
    assert result.returncode == 0, result.stderr
    assert "more than the week's" not in result.stderr
    after = load_plan(home)
    assert kept == {(t.id, t.week, t.hours, t.done_on) for t in after.tasks if t.status != "todo"}
    todo = [t for t in after.tasks if t.status == "todo" and t.week == 2]
    assert sum(t.hours for t in todo) >= after.hours_per_week / 2, todo
    assert after.week_load(2) <= after.budget(2)
    for week in range(2, after.weeks + 1):
        assert after.week_load(week) <= after.budget(week) + 1e-9, week
    shown = " ".join(run("plan", "--week", "2", env=wednesday).stdout.split())
    assert f"{after.week_load(2):g} / 12 h" in shown
    check = run("plan", "--format", "markdown", "--all", env=wednesday)
    assert ", ahead of this week)" in check.stdout
    assert "Work done ahead" not in run("status", env=wednesday).stdout


def test_a_replan_gives_the_hours_of_a_skipped_task_to_other_work(home: Path) -> None:
    """A task skipped in a later week took its hours with it: the replan left that week
    light. Skipped work takes no hours, and what waited for it no longer waits."""
    init_example("data-scientist-research-engineer.toml")
    plan = load_plan(home)
    week = 8
    skipped = max(
        (t for t in plan.tasks_in(week) if t.occurrence is None and t.status == "todo"),
        key=lambda t: t.hours,
    )
    assert run("check", skipped.id, "--skip").returncode == 0
    result = run("replan", "--yes")
    assert result.returncode == 0, result.stderr
    after = load_plan(home)
    assert any(t.id == skipped.id and t.status == "skipped" for t in after.tasks_in(week))
    held = after.week_load(week)
    assert held > plan.week_load(week) - skipped.hours, (held, plan.week_load(week))
    assert held <= after.budget(week) + 1e-9
