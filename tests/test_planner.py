"""The planner: invariants over generated profiles (hypothesis) and the documents' strategy."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from upskill.models import BACKGROUNDS, ROLES, SKILLS, TRACK_ORDER, Profile
from upskill.plan import Plan
from upskill.planner import CENTI, build_plan, coming_monday, deadline_week, select
from upskill.profile import load_answers
from upskill.roadmaps import Catalog, load_catalog
from upskill.storage import dumps_toml

MONDAY = dt.date(2026, 11, 23)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return load_catalog(None)


ROADMAP_IDS = list(TRACK_ORDER)
TAGS = sorted({t for i in load_catalog(None).items.values() for t in i.tags}) or [
    "interpretability"
]

profiles = st.builds(
    Profile,
    background=st.sampled_from(BACKGROUNDS),
    target_role=st.sampled_from(ROLES),
    hours_per_week=st.one_of(
        st.integers(1, 80).map(float), st.floats(1, 80, allow_nan=False).map(lambda h: round(h, 2))
    ),
    weeks=st.integers(1, 80),
    runway_months=st.one_of(st.none(), st.floats(0, 24).map(lambda m: round(m, 1))),
    roadmaps=st.one_of(
        st.none(), st.lists(st.sampled_from(ROADMAP_IDS), min_size=1, max_size=7, unique=True)
    ),
    interests=st.lists(st.sampled_from(TAGS), max_size=2, unique=True),
    skills=st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4)),
)
starts = st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31))


def check_invariants(profile: Profile, plan: Plan) -> None:
    cat = catalog()
    selection = select(profile, cat, plan.start)
    # Capacity: never more hours in a week than the budget.
    per_week: dict[int, float] = defaultdict(float)
    for t in plan.tasks:
        assert 1 <= t.week <= profile.weeks
        assert t.hours > 0
        per_week[t.week] += t.hours
    for week, hours in per_week.items():
        assert round(hours * CENTI) <= round(profile.hours_per_week * CENTI), (week, hours)

    # Completeness: every selected item is scheduled in full or listed as unscheduled, never both.
    parts: dict[str, list[tuple[int, int, float]]] = defaultdict(list)  # id -> (week, index, hours)
    for index, t in enumerate(plan.tasks):
        parts[t.id].append((t.week, index, t.hours))
    unscheduled = {u.id for u in plan.unscheduled}
    first: dict[str, tuple[int, int]] = {}
    last: dict[str, tuple[int, int]] = {}
    for unit in selection.units:
        if unit.occurrences is not None:
            ids = [f"{unit.id}@{n}" for n in unit.occurrences]
            for tid in ids:
                assert (tid in parts) != (tid in unscheduled), tid
                if tid in parts:
                    (part,) = parts[tid]
                    assert round(part[2] * CENTI) == unit.size
            scheduled = sorted(parts[tid][0][:2] for tid in ids if tid in parts)
            weeks = [w for w, _ in scheduled]
            assert len(set(weeks)) == len(weeks), f"{unit.id}: two occurrences in one week"
            if scheduled:
                first[unit.id] = scheduled[0]
                last[unit.id] = scheduled[0]  # dependents wait for the first occurrence only
        else:
            assert (unit.id in parts) != (unit.id in unscheduled), unit.id
            if unit.id in parts:
                got = round(sum(h for _, _, h in parts[unit.id]) * CENTI)
                assert got == unit.size, (unit.id, got, unit.size)
                weeks = sorted(w for w, _, _ in parts[unit.id])
                assert weeks == list(range(weeks[0], weeks[0] + len(weeks))), (
                    f"{unit.id}: gap in {weeks}"
                )
                small = min(3 * CENTI, round(profile.hours_per_week * CENTI) // 2)
                if unit.size <= small:
                    assert len(weeks) == 1, f"{unit.id} ({unit.size}) split over {weeks}"
                first[unit.id] = min((w, i) for w, i, _ in parts[unit.id])
                last[unit.id] = max((w, i) for w, i, _ in parts[unit.id])
            assert unit.earliest_week <= (first[unit.id][0] if unit.id in first else 10**6)

    # Deadline work is never planned after its deadline.
    for unit in selection.units:
        if unit.deadline_week is not None and unit.id in last:
            assert last[unit.id][0] <= unit.deadline_week, (
                unit.id,
                last[unit.id],
                unit.deadline_week,
            )

    # Nothing that would fit whole into a week's free room is left out of the plan.
    for unit in selection.units:
        if unit.occurrences is not None or unit.id not in unscheduled:
            continue
        pres = [p for p in unit.prerequisites if p in {u.id for u in selection.units}]
        if any(p not in last for p in pres):
            continue
        ready = max([unit.earliest_week, *(last[p][0] for p in pres)])
        end = (
            profile.weeks if unit.deadline_week is None else min(profile.weeks, unit.deadline_week)
        )
        for week in range(ready, end + 1):
            free = round(profile.hours_per_week * CENTI) - round(per_week.get(week, 0.0) * CENTI)
            assert unit.size > free, f"{unit.id} ({unit.size}) fits in week {week} ({free} free)"

    # Prerequisites: a scheduled item starts only after every selected prerequisite finished
    # (same week allowed when the prerequisite comes first); an unscheduled prerequisite
    # means the dependent is unscheduled too.
    selected = {u.id for u in selection.units}
    for unit in selection.units:
        if unit.id not in first:
            continue
        for pre in unit.prerequisites:
            if pre not in selected:
                continue
            assert pre in last, f"{unit.id} scheduled but its prerequisite {pre} is not"
            assert last[pre] < first[unit.id], (pre, last[pre], unit.id, first[unit.id])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles, start=starts)
def test_any_profile_gives_a_plan_that_respects_capacity_prerequisites_and_completeness(
    profile: Profile, start: dt.date
) -> None:
    plan = build_plan(profile, catalog(), start)
    check_invariants(profile, plan)


@settings(max_examples=40, deadline=None)
@given(profile=profiles, start=starts)
def test_the_same_inputs_give_identical_bytes(profile: Profile, start: dt.date) -> None:
    one = dumps_toml(build_plan(profile, catalog(), start).to_toml_dict())
    two = dumps_toml(build_plan(profile, load_catalog(None), start).to_toml_dict())
    assert one == two


def plan_for(example: str) -> tuple[Profile, Plan]:
    profile = load_answers(EXAMPLES / example)
    start = profile.start_date or MONDAY
    return profile, build_plan(profile, catalog(), start)


def hours_by_roadmap(plan: Plan, until_week: int | None = None) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for t in plan.tasks:
        if until_week is None or t.week <= until_week:
            out[t.roadmap] += t.hours
    return out


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_examples_satisfy_the_invariants(example: str) -> None:
    profile, plan = plan_for(example)
    check_invariants(profile, plan)
    assert plan.tasks, "an example plan is empty"


def test_a_researcher_from_another_field_gets_roughly_even_coding_and_ml_time() -> None:
    _, plan = plan_for("postdoc-research-engineer.toml")
    hours = hours_by_roadmap(plan)
    share = hours["coding"] / (hours["coding"] + hours["ml-devloop"])
    assert 0.4 <= share <= 0.6, hours


def test_someone_strong_at_coding_gets_more_ml_than_coding() -> None:
    _, plan = plan_for("swe-to-ml.toml")
    hours = hours_by_roadmap(plan)
    assert hours["ml-devloop"] > 1.5 * hours["coding"], hours


def test_tracks_are_interleaved_not_done_one_after_another() -> None:
    _, plan = plan_for("postdoc-research-engineer.toml")
    for week in range(1, 9):
        assert len({t.roadmap for t in plan.tasks_in(week)}) >= 3, week


def test_items_the_person_already_knows_are_skipped() -> None:
    profile, plan = plan_for("swe-to-ml.toml")
    ids = {t.item_id for t in plan.tasks}
    known = select(profile, catalog(), MONDAY).known
    assert "coding.big-o" in known
    assert "coding.big-o" not in ids
    beginner = load_answers(EXAMPLES / "postdoc-research-engineer.toml")
    assert "ml-devloop.pytorch-basics" in {
        t.item_id for t in build_plan(beginner, catalog(), MONDAY).tasks
    }


def test_job_seekers_apply_after_about_two_months_and_again_six_months_later() -> None:
    _, plan = plan_for("swe-to-ml.toml")  # 40 weeks
    weeks = {t.item_id: t.week for t in plan.tasks if t.kind in ("apply", "milestone")}
    assert 9 <= weeks["interviewing.first-applications"] <= 13
    assert 35 <= weeks["interviewing.reapply"] <= 40
    _, short = plan_for("postdoc-research-engineer.toml")  # 26 weeks: no room for a second round
    assert "interviewing.reapply" not in {t.item_id for t in short.tasks}
    assert any(
        u.id == "interviewing.reapply" and "after the plan's last week" in u.reason
        for u in short.unscheduled
    )


def test_a_short_runway_puts_outreach_and_programmes_first() -> None:
    _, plan = plan_for("masters-short-runway.toml")
    first = {t.item_id: t.week for t in reversed(plan.tasks)}
    assert first["network.first-outreach"] <= 2
    assert first["network.structured-programme"] <= 4
    relaxed = load_answers(EXAMPLES / "masters-short-runway.toml").model_copy(
        update={"runway_months": None}
    )
    later = {t.item_id: t.week for t in reversed(build_plan(relaxed, catalog(), MONDAY).tasks)}
    assert later.get("network.structured-programme", 99) > first["network.structured-programme"]


def test_phd_applications_are_ready_before_the_deadline() -> None:
    _profile, plan = plan_for("undergrad-phd.toml")
    due = deadline_week("12-01", plan.start)
    parts = [t.week for t in plan.tasks if t.item_id == "phd-applications.submit-applications"]
    assert parts
    assert max(parts) <= due
    sop = [
        t.week
        for t in plan.tasks
        if t.item_id.startswith("phd-applications.") and "sop" in t.item_id
    ]
    assert sop
    assert max(sop) <= due


def test_deadline_too_close_to_the_start_aims_at_the_next_year() -> None:
    assert deadline_week("12-01", dt.date(2027, 2, 1)) == 44  # 2027-12-01 is in week 44
    assert (
        deadline_week("12-01", dt.date(2026, 11, 23))
        == (dt.date(2027, 11, 30) - dt.date(2026, 11, 23)).days // 7 + 1
    )


def test_what_does_not_fit_is_reported_with_a_reason() -> None:
    profile = load_answers(EXAMPLES / "postdoc-research-engineer.toml").model_copy(
        update={"weeks": 4, "hours_per_week": 3}
    )
    plan = build_plan(profile, catalog(), MONDAY)
    assert plan.unscheduled
    assert all(u.reason for u in plan.unscheduled)
    assert any("no room left by week 4 at 3 h/week" in u.reason for u in plan.unscheduled)


def test_default_start_is_the_coming_monday() -> None:
    assert coming_monday(dt.date(2026, 11, 22)) == dt.date(2026, 11, 23)
    assert coming_monday(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)
    assert coming_monday(dt.date(2026, 11, 24)) == dt.date(2026, 11, 30)


def test_deadline_work_that_cannot_be_ready_in_time_is_reported_not_planned_late() -> None:
    def plan_at(hours: float, start: dt.date) -> Plan:
        profile = Profile(
            background="undergrad",
            target_role="phd-applicant",
            hours_per_week=hours,
            weeks=30,
            skills={"coding": 2, "research": 1},
        )
        return build_plan(profile, catalog(), start)

    late = plan_at(4, dt.date(2026, 9, 28))  # nine weeks before 1 December
    assert "phd-applications.submit-applications" not in {t.item_id for t in late.tasks}
    (entry,) = [u for u in late.unscheduled if u.id == "phd-applications.submit-applications"]
    assert entry.reason.startswith("would be ready only in week ")
    assert "after its 12-01 deadline (week 10)" in entry.reason
    in_time = plan_at(6, dt.date(2026, 7, 6))  # five months ahead: the chain is pinned in time
    weeks = [t.week for t in in_time.tasks if t.item_id == "phd-applications.submit-applications"]
    assert weeks
    assert max(weeks) <= deadline_week("12-01", in_time.start)


def test_tiny_budgets_still_make_progress() -> None:
    profile = Profile(
        background="other", target_role="research-engineer", hours_per_week=1, weeks=52
    )
    plan = build_plan(profile, catalog(), MONDAY)
    check_invariants(profile, plan)
    used = sum(t.hours for t in plan.tasks)
    assert used >= 0.9 * 52, used  # nearly every hour of a 1 h/week budget is used
