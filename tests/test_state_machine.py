"""A hypothesis state machine over check, undo, skip, hand edits, pins and replan.

Whatever a person does, in any order: every task part appears at most once per week (and a
recurring item at most once a week), completion dates change only when the person marks a
task, and the plan survives a save and a load unchanged. Each plan the planner makes (the
first, and every replan) puts unfinished work after its unfinished prerequisites and keeps
the weeks from the replan on within the budget. (Marking tasks afterwards may undo that
order, for instance undoing a prerequisite; the next replan restores it.)

A replan never changes the past: ahead/behind, planned to date and the chart on the day of
the replan are what they were before it. It keeps hours set by hand and pinned tasks where
they are, and never brings back a task the person deleted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.conftest import EXAMPLES
from upskill import storage
from upskill.errors import StateError
from upskill.plan import Plan, Task
from upskill.planner import CENTI, build_plan
from upskill.profile import load_answers
from upskill.progress import chart_rows, mark, replan, summary
from upskill.roadmaps import Catalog, load_catalog

pytestmark = pytest.mark.slow  # real processes, builds or many generated cases

START = dt.date(2026, 11, 23)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return load_catalog(None)


class PlanLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan
        self.today = START
        self.dates: dict[str, dt.date] = {}  # what the person recorded, by task id
        self.from_week = 1

    @initialize(
        example=st.sampled_from(sorted(p.name for p in EXAMPLES.glob("*.toml"))),
        hours=st.sampled_from([3, 8, 15]),
        weeks=st.integers(6, 20),
    )
    def start(self, example: str, hours: int, weeks: int) -> None:
        profile = load_answers(EXAMPLES / example).replace(
            hours_per_week=hours, weeks=weeks, start_date=None, time_off=()
        )
        self.plan = build_plan(profile, catalog(), START)
        self.deleted: set[str] = set()
        self.edited: dict[str, float] = {}
        self.pinned: dict[tuple[str, int], float] = {}
        self.planner_made_it()

    def ids(self, status: str) -> list[str]:
        return sorted({t.id for t in self.plan.tasks if t.status == status})

    @precondition(lambda self: bool(self.ids("todo")))
    @rule(pick=st.integers(0, 10**6), earlier=st.integers(0, 6))
    def check(self, pick: int, earlier: int) -> None:
        todo = self.ids("todo")
        tid = todo[pick % len(todo)]
        when = max(self.today - dt.timedelta(days=earlier), START)
        mark(self.plan, [tid], "done", None, default=when)
        self.dates[tid] = when

    @precondition(lambda self: bool(self.ids("done")))
    @rule(pick=st.integers(0, 10**6))
    def check_again(self, pick: int) -> None:
        done = self.ids("done")
        mark(self.plan, [done[pick % len(done)]], "done", None, default=self.today)

    @precondition(lambda self: bool(self.ids("done")))
    @rule(pick=st.integers(0, 10**6))
    def undo(self, pick: int) -> None:
        done = self.ids("done")
        tid = done[pick % len(done)]
        mark(self.plan, [tid], "todo", None)
        del self.dates[tid]

    @precondition(lambda self: bool(self.ids("todo")))
    @rule(pick=st.integers(0, 10**6))
    def skip(self, pick: int) -> None:
        todo = self.ids("todo")
        mark(self.plan, [todo[pick % len(todo)]], "skipped", None)

    @rule(days=st.integers(1, 20))
    def time_passes(self, days: int) -> None:
        self.today += dt.timedelta(days=days)

    def one_part_todo(self) -> list[str]:
        """To-do tasks in one part (not split, not recurring): simple to edit by hand."""
        counts: dict[str, int] = defaultdict(int)
        for t in self.plan.tasks:
            counts[t.id] += 1
        return sorted(
            t.id
            for t in self.plan.tasks
            if t.status == "todo" and counts[t.id] == 1 and t.occurrence is None
        )

    @precondition(lambda self: bool(self.one_part_todo()))
    @rule(pick=st.integers(0, 10**6), hours=st.sampled_from([0.5, 1.25, 2.0, 4.5]))
    def edit_hours_by_hand(self, pick: int, hours: float) -> None:
        tid = self.one_part_todo()[pick % len(self.one_part_todo())]
        for t in self.plan.tasks:
            if t.id == tid:
                t.hours = hours
                if (t.id, t.week) in self.pinned:
                    self.pinned[(t.id, t.week)] = hours
        self.edited[tid] = hours

    @precondition(lambda self: bool(self.one_part_todo()))
    @rule(pick=st.integers(0, 10**6))
    def delete_by_hand(self, pick: int) -> None:
        tid = self.one_part_todo()[pick % len(self.one_part_todo())]
        self.pinned = {k: v for k, v in self.pinned.items() if k[0] != tid}
        self.plan.tasks = [t for t in self.plan.tasks if t.id != tid]
        self.plan.unscheduled = [u for u in self.plan.unscheduled if u.id != tid]
        self.deleted.add(tid)
        self.edited.pop(tid, None)

    @precondition(lambda self: bool(self.ids("todo")))
    @rule(pick=st.integers(0, 10**6))
    def pin(self, pick: int) -> None:
        tid = self.ids("todo")[pick % len(self.ids("todo"))]
        for t in self.plan.tasks:
            if t.id == tid:
                t.pinned = True
                self.pinned[(t.id, t.week)] = t.hours

    @invariant()
    def pinned_tasks_stay_where_they_are(self) -> None:
        here = {(t.id, t.week): t.hours for t in self.plan.tasks if t.pinned}
        for key, hours in self.pinned.items():
            assert here.get(key) == hours, key

    @precondition(lambda self: self.plan.week_of(self.today) <= self.plan.weeks)
    @rule(hours=st.one_of(st.none(), st.sampled_from([2, 6, 12, 20])), more=st.booleans())
    def replan_now(self, hours: int | None, more: bool) -> None:
        weeks = self.plan.weeks + 4 if more and self.plan.weeks + 4 <= 156 else None
        before = summary(self.plan, self.today)
        chart = chart_rows(self.plan, self.today)
        try:
            result = replan(
                self.plan, catalog(), self.today, hours=hours, weeks=weeks, today=self.today
            )
        except StateError:  # the plan's last week ends today: nothing left to replan
            return
        self.plan = result.plan
        self.from_week = result.from_week
        after = summary(self.plan, self.today)
        for key in ("planned_to_date_hours", "ahead_hours", "done_hours"):
            assert after[key] == before[key], (key, before[key], after[key])
        assert chart_rows(self.plan, self.today) == chart
        self.planner_made_it()

    @invariant()
    def hand_edits_are_kept(self) -> None:
        ids = {t.id for t in self.plan.tasks} | {u.id for u in self.plan.unscheduled}
        assert not ids & self.deleted, ids & self.deleted
        for tid, hours in self.edited.items():
            if any(k[0] == tid for k in self.pinned):
                continue
            parts = [t for t in self.plan.tasks if t.id == tid]
            listed = [u for u in self.plan.unscheduled if u.id == tid]
            total = sum(t.hours for t in parts) or sum(u.hours for u in listed)
            assert abs(total - hours) < 1e-9, (tid, total, hours)

    def planner_made_it(self) -> None:
        self.prerequisites_first()
        self.budget_from_the_replan_on()

    @invariant()
    def once_per_week(self) -> None:
        seen: set[tuple[str, int]] = set()
        recurring: set[tuple[str, int]] = set()
        for t in self.plan.tasks:
            assert (t.id, t.week) not in seen, (t.id, t.week)
            seen.add((t.id, t.week))
            if t.occurrence is not None:
                assert (t.item_id, t.week) not in recurring, (t.item_id, t.week)
                recurring.add((t.item_id, t.week))

    def prerequisites_first(self) -> None:
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for t in self.plan.tasks:
            if t.status != "todo" or t.pinned:
                continue
            first[t.item_id] = min(first.get(t.item_id, t.week), t.week)
            if t.occurrence is None:
                last[t.item_id] = max(last.get(t.item_id, t.week), t.week)
        items = catalog().items
        for item_id, week in first.items():
            if item_id not in items:
                continue
            for pre in catalog().prerequisites(item_id):
                if pre in last:
                    assert last[pre] <= week, (pre, last[pre], item_id, week)

    def budget_from_the_replan_on(self) -> None:
        # (a week's load: not what was skipped, nor what was done ahead of it, whose hours an
        # earlier week gave: `Plan.week_load`)
        def counts(t: Task) -> bool:
            return t.status != "skipped" and not t.unplanned and not self.plan.done_ahead(t)

        per_week: dict[int, float] = defaultdict(float)
        for t in self.plan.tasks:
            if counts(t):
                per_week[t.week] += t.hours
        budget = round(self.plan.hours_per_week * CENTI)
        for week, hours in per_week.items():
            if week >= self.from_week:
                kept = sum(
                    x.hours
                    for x in self.plan.tasks_in(week)
                    if counts(x) and (x.status != "todo" or x.pinned)
                )
                assert round(hours * CENTI) <= max(budget, round(kept * CENTI)), (week, hours)
                assert self.plan.week_load(week) == round(hours, 2), week

    @invariant()
    def dates_change_only_by_the_person(self) -> None:
        recorded = {t.id: t.done_on for t in self.plan.tasks if t.status == "done"}
        assert recorded == self.dates

    @invariant()
    def survives_save_and_load(self) -> None:
        home = Path(self.tmp)
        storage.save_plan(home, self.plan)
        again = storage.load_plan(home)
        assert again.to_toml_dict() == self.plan.to_toml_dict()

    tmp = ""


def test_plan_life(tmp_path: Path) -> None:
    PlanLife.tmp = str(tmp_path)
    run = PlanLife.TestCase()
    run.settings = settings(
        max_examples=30,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    run.runTest()
