"""Progress against a plan: marking tasks, the ahead/behind summary, and replanning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from upskill.errors import StateError, UnknownTaskError, UsageError
from upskill.plan import Plan, Task

MILESTONE_KINDS = ("milestone", "apply")


def resolve_ids(plan: Plan, ids: Sequence[str], today: dt.date, status: str = "done") -> list[str]:
    """Map each given id to a task id in the plan; unknown ids fail naming them, with suggestions.

    A recurring item's id without ``@N`` means its occurrence in the current week (the one
    still to do when marking done, a done one when undoing).
    """
    known = {t.id for t in plan.tasks}
    week = plan.week_of(today)
    resolved: list[str] = []
    for given in ids:
        if not given or any(ch.isspace() or not ch.isprintable() for ch in given):
            raise UnknownTaskError(
                f"task id {given!r} holds spaces, a line break or other invisible characters; "
                "type the id as `upskill plan` shows it"
            )
        if given in known:
            resolved.append(given)
            continue
        occurrences = [t for t in plan.tasks if t.item_id == given and t.occurrence is not None]
        if occurrences:
            this_week = [t for t in occurrences if t.week == week]
            if this_week:
                wanted = "todo" if status != "todo" else "done"
                this_week.sort(key=lambda t: t.status != wanted)
                resolved.append(this_week[0].id)
                continue
            nearest = min(occurrences, key=lambda t: (abs(t.week - week), t.week))
            raise UnknownTaskError(
                f"{given} recurs weekly and has no occurrence this week; "
                f"name one, e.g. {nearest.id}"
            )
        left_out = {u.id for u in plan.unscheduled} | {
            u.id.split("@", 1)[0] for u in plan.unscheduled
        }
        if given in left_out:
            raise UnknownTaskError(
                f"{given} did not fit in your plan, so it cannot be checked off; "
                "`upskill replan --weeks N` or `--hours H` makes room"
            )
        import difflib

        candidates = sorted(known | {t.item_id for t in plan.tasks})
        close = difflib.get_close_matches(given, candidates, n=3, cutoff=0.6)
        if not close:
            close = [c for c in candidates if c.endswith("." + given) or given in c][:3]
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `upskill plan --all`"
        raise UnknownTaskError(f"unknown task {given!r}{hint}")
    return resolved


def mark(
    plan: Plan,
    ids: Iterable[str],
    status: str,
    on: dt.date | None,
    default: dt.date | None = None,
) -> list[Task]:
    """Set the status of every part of the given tasks; return the parts that changed.

    Marking done records ``on`` if given; otherwise a task already done keeps its date and a
    newly done one gets ``default`` (today). Completion dates change only when asked to.
    """
    wanted = set(ids)
    changed = []
    for task in plan.tasks:
        if task.id not in wanted:
            continue
        before = (task.status, task.done_on)
        if status == "done":
            if on is not None:
                task.done_on = on
            elif task.status != "done" or task.done_on is None:
                task.done_on = default
            if task.done_on is None:
                raise UsageError("a completion date is needed to mark a task done")
        else:
            task.done_on = None
        task.status = status
        if (task.status, task.done_on) != before:
            changed.append(task)
    return changed


def fraction_elapsed(plan: Plan, week: int, today: dt.date) -> float:
    """How much of ``week`` has passed on ``today``: 1 when ended, its first day counts 1/7."""
    start = plan.week_start(week)
    days = (today - start).days + 1
    return min(max(days / 7, 0.0), 1.0)


@dataclass
class Totals:
    planned: float = 0.0
    done: float = 0.0
    skipped: float = 0.0
    to_date: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "planned_hours": round(self.planned, 2),
            "done_hours": round(self.done, 2),
            "skipped_hours": round(self.skipped, 2),
            "planned_to_date_hours": round(self.to_date, 2),
            "ahead_hours": round(self.done - self.to_date, 2),
        }


def summary(plan: Plan, today: dt.date) -> dict[str, Any]:
    """The `check --format json` object: hours planned, done, skipped, to date, ahead/behind."""
    overall = Totals()
    per: dict[str, Totals] = {}
    fractions: dict[int, float] = {}
    for t in plan.tasks:
        track = per.setdefault(t.roadmap, Totals())
        if t.status == "skipped":
            overall.skipped += t.hours
            track.skipped += t.hours
            continue
        if t.week not in fractions:
            fractions[t.week] = fraction_elapsed(plan, t.week, today)
        share = t.hours * fractions[t.week]
        for acc in (overall, track):
            acc.planned += t.hours
            acc.to_date += share
            if t.status == "done":
                acc.done += t.hours
    week = plan.week_of(today)
    upcoming = [t for t in plan.tasks if t.kind in MILESTONE_KINDS and t.status == "todo"]
    upcoming.sort(key=lambda t: t.week)  # an overdue milestone comes first: it is not forgotten
    next_milestone = None
    if upcoming:
        m = upcoming[0]
        next_milestone = {
            "id": m.id,
            "title": m.title,
            "week": m.week,
            "days_away": max((plan.week_start(m.week) - today).days, 0),
            "overdue": plan.week_end(m.week) < today,
        }
    result: dict[str, Any] = {
        "today": today.isoformat(),
        "week": max(week, 0),
        "weeks": plan.weeks,
        "hours_per_week": plan.hours_per_week,
    }
    totals: dict[str, float] = overall.as_dict()
    result.update(
        {
            "planned_hours": totals["planned_hours"],
            "done_hours": totals["done_hours"],
            "skipped_hours": totals["skipped_hours"],
            "planned_to_date_hours": totals["planned_to_date_hours"],
            "ahead_hours": totals["ahead_hours"],
            "ahead_days": round(totals["ahead_hours"] / (plan.hours_per_week / 7), 1),
            "status": status_line(totals["ahead_hours"], plan.hours_per_week),
            "roadmaps": {r: per[r].as_dict() for r in sorted(per)},
            "next_milestone": next_milestone,
        }
    )
    return result


def status_line(ahead_hours: float, hours_per_week: float) -> str:
    """ "4.5 h behind — about 2 days at your pace", "on track", or "3 h ahead — ..."."""
    if abs(ahead_hours) < 0.05:
        return "on track"
    days = abs(ahead_hours) / (hours_per_week / 7)
    word = "ahead" if ahead_hours > 0 else "behind"
    if days < 0.75:
        pace = "less than a day at your pace"
    elif days < 1.5:
        pace = "about 1 day at your pace"
    elif days < 14:
        pace = f"about {round(days)} days at your pace"
    else:
        pace = f"about {days / 7:.0f} weeks at your pace"
    return f"{round(abs(ahead_hours), 1):g} h {word} — {pace}"


def chart_rows(plan: Plan, today: dt.date) -> list[tuple[int, float, float]]:
    """Week by week up to the current one: (week, cumulative planned, cumulative done) hours."""
    last = min(max(plan.week_of(today), 1), plan.last_week())
    planned = [0.0] * (last + 1)
    done = [0.0] * (last + 1)
    for t in plan.tasks:
        if t.status == "skipped":
            continue
        if t.week <= last:
            planned[t.week] += t.hours * fraction_elapsed(plan, t.week, today)
        if t.status == "done" and t.done_on is not None:
            w = min(max(plan.week_of(t.done_on), 1), last)
            done[w] += t.hours
    rows = []
    cum_p = cum_d = 0.0
    for w in range(1, last + 1):
        cum_p += planned[w]
        cum_d += done[w]
        rows.append((w, round(cum_p, 2), round(cum_d, 2)))
    return rows


@dataclass
class ReplanResult:
    plan: Plan
    moved: list[tuple[str, list[int], list[int]]] = field(default_factory=list)  # id, from, to
    newly_unscheduled: list[str] = field(default_factory=list)
    from_week: int = 1
    orphans: list[str] = field(default_factory=list)  # plan items no loaded roadmap has


def replan(
    plan: Plan,
    catalog: Any,
    from_date: dt.date,
    *,
    hours: float | None = None,
    weeks: int | None = None,
    name: str = "plan.toml",
) -> ReplanResult:
    """Reflow unfinished work from the week of ``from_date`` on, keeping done and skipped tasks.

    ``hours`` and ``weeks`` change the weekly budget and the horizon; ``name`` is the plan
    file, for messages.
    """
    from upskill.planner import Unit, centi, schedule, select
    from upskill.profile import check_roadmaps, profile_from_dict

    data = dict(plan.profile)
    if hours is not None:
        data["hours_per_week"] = hours
    if weeks is not None:
        data["weeks"] = weeks
    profile = profile_from_dict(data, name, key_prefix="profile.")
    check_roadmaps(profile, list(catalog.roadmaps), name, key="profile.roadmaps")
    horizon = profile.weeks
    from_week = max(plan.week_of(from_date), 1)
    finished_until = max((t.week for t in plan.tasks if t.status != "todo"), default=0)
    if weeks is not None and weeks < max(finished_until, from_week):
        floor = max(finished_until, from_week)
        why = "would cut off finished work" if finished_until >= from_week else "ends before"
        raise UsageError(f"--weeks {weeks} {why} week {floor}; choose at least {floor}")
    if from_week > horizon:
        raise StateError(
            f"the plan ended in week {horizon}; extend it with --weeks N (at least {from_week})"
        )

    kept = [t for t in plan.tasks if t.status != "todo"]
    todo = [t for t in plan.tasks if t.status == "todo"]
    finished_items = {t.item_id for t in kept if t.occurrence is None}
    finished_occ: dict[str, set[int]] = {}
    for t in kept:
        if t.occurrence is not None:
            finished_occ.setdefault(t.item_id, set()).add(t.occurrence)
    todo_hours: dict[str, float] = {}
    for t in todo:
        if t.occurrence is None:
            todo_hours[t.item_id] = todo_hours.get(t.item_id, 0.0) + t.hours

    start = plan.start
    selection = select(profile, catalog, start)
    units: list[Unit] = []
    seen: set[str] = set()
    busy: dict[str, set[int]] = {}  # weeks that keep a done or skipped occurrence
    for t in kept:
        if t.occurrence is not None:
            busy.setdefault(t.item_id, set()).add(t.week)
    for u in selection.units:
        seen.add(u.id)
        if u.occurrences is not None:
            u.occurrences = [n for n in u.occurrences if n not in finished_occ.get(u.id, set())]
            u.busy_weeks = frozenset(busy.get(u.id, ()))
            if not u.occurrences:
                continue
        elif u.id in finished_items:
            if u.id not in todo_hours:
                continue
            u.size = centi(todo_hours[u.id])  # hand-edited: some parts done, the rest to do
        units.append(u)
    order = max((u.order for u in units), default=0)
    orphans = []
    todo_of: dict[str, list[Task]] = {}  # grouped once: looking them up per task was quadratic
    for t in todo:
        todo_of.setdefault(t.item_id, []).append(t)
    for t in todo:  # work in the plan that the roadmaps no longer select: keep it, as it was
        if t.item_id in seen:
            continue
        if t.item_id not in catalog.items:
            orphans.append(t.item_id)
        seen.add(t.item_id)
        order += 1
        same = todo_of[t.item_id]
        if t.occurrence is not None:
            units.append(
                Unit(
                    t.item_id,
                    t.roadmap,
                    t.title,
                    t.kind,
                    centi(t.hours),
                    order,
                    occurrences=sorted(x.occurrence or 0 for x in same),
                    busy_weeks=frozenset(busy.get(t.item_id, ())),
                )
            )
        else:
            units.append(
                Unit(
                    t.item_id, t.roadmap, t.title, t.kind, centi(sum(x.hours for x in same)), order
                )
            )
    satisfied = set(selection.known) | finished_items | set(finished_occ)
    used: dict[int, float] = {}
    for t in kept:
        used[t.week] = used.get(t.week, 0.0) + t.hours
    # The days of the first week that have already gone are not there to work in.
    gone = (from_date - plan.week_start(from_week)).days
    if 0 < gone < 7:
        used[from_week] = used.get(from_week, 0.0) + profile.hours_per_week * gone / 7
    placed = schedule(
        units,
        selection.weights,
        profile.hours_per_week,
        horizon,
        first_week=from_week,
        used=used,
        satisfied=satisfied,
    )
    new_data = dict(plan.profile)
    new_data["hours_per_week"] = profile.hours_per_week
    new_data["weeks"] = profile.weeks
    tasks = sorted([*kept, *placed.tasks], key=lambda t: t.week)
    new_plan = Plan(
        profile=new_data, tasks=tasks, unscheduled=placed.unscheduled, schema=plan.schema
    )

    before: dict[str, list[int]] = {}
    for t in todo:
        before.setdefault(t.id, []).append(t.week)
    after: dict[str, list[int]] = {}
    for t in placed.tasks:
        after.setdefault(t.id, []).append(t.week)
    moved = [
        (tid, weeks_before, after.get(tid, []))
        for tid, weeks_before in before.items()
        if after.get(tid) and after[tid] != weeks_before
    ]
    old_unscheduled = {u.id for u in plan.unscheduled}
    newly = [u.id for u in placed.unscheduled if u.id not in old_unscheduled]
    return ReplanResult(new_plan, moved, newly, from_week, orphans)
