"""Progress against a plan: marking tasks, the ahead/behind summary, and replanning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from upskill.errors import StateError, UnknownTaskError, UsageError
from upskill.plan import MAX_EVIDENCE, MAX_NOTE, History, Plan, Task, Unscheduled
from upskill.schema import MILESTONE_KINDS, Profile, check_roadmaps


def resolve_ids(
    plan: Plan,
    ids: Sequence[str],
    today: dt.date,
    status: str = "done",
    outside: list[str] | None = None,
) -> list[str]:
    """Map each given id to a task id in the plan; unknown ids fail naming them, with suggestions.

    A recurring item's id without ``@N`` means its occurrence in the current week (the one
    still to do when marking done, a done one when undoing). With ``outside`` (a list), an id
    that is not in the plan is put there instead, to be recorded as done outside the plan
    (`record_outside` checks it against the roadmaps).
    """
    known = {t.id for t in plan.tasks}
    week = plan.week_of(today)
    resolved: list[str] = []
    for given in ids:
        _check_typed(given, "`upskill plan`")
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
        if outside is not None:
            if given not in outside:
                outside.append(given)
            continue
        if given in left_out:
            what = "undo" if status == "todo" else "skip"
            raise UnknownTaskError(
                f"{given} is not in your plan (it did not fit), so there is nothing to {what}; "
                "`upskill check " + given + "` records it as done outside the plan"
            )
        raise UnknownTaskError(f"unknown task {given!r}{_suggest(plan, given)}")
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


@dataclass
class Recorded:
    """What `check --evidence/--note/--hours` changed on one task, to say it in words."""

    task_id: str
    evidence: list[str] = field(default_factory=list)  # newly added
    note: str | None = None  # "set", "added" (after the note already there) or "kept"
    spent: tuple[float | None, float] | None = None  # (before, after)

    @property
    def changed(self) -> bool:
        return (
            bool(self.evidence)
            or self.note in ("set", "added")
            or (self.spent is not None and self.spent[0] != self.spent[1])
        )


def record(
    plan: Plan,
    task_id: str,
    *,
    evidence: Sequence[str] = (),
    note: str | None = None,
    spent_hours: float | None = None,
) -> Recorded:
    """Record evidence, a note and the real hours on a task (its first part, if split).

    Evidence is added (what is already there is not repeated); a note is added after the note
    already there, on a line of its own, never replacing it (the same words are not added
    twice); ``spent_hours`` is the hours the whole task took, so it replaces the figure before.
    """
    parts = plan.parts_of(task_id)
    if not parts:
        raise UnknownTaskError(f"unknown task {task_id!r}")
    first = parts[0]
    done = Recorded(task_id)
    have = [e for t in parts for e in t.evidence]
    new = [e for e in dict.fromkeys(evidence) if e not in have]
    if len(have) + len(new) > MAX_EVIDENCE:
        raise UsageError(
            f"{task_id} would hold more than {MAX_EVIDENCE} pieces of evidence; "
            "link a page that lists them instead"
        )
    first.evidence = [*first.evidence, *new]
    done.evidence = new
    if note is not None:
        lines = [line for t in parts if t.note for line in t.note.splitlines()]
        if note in lines:
            done.note = "kept"
        else:
            text = f"{first.note}\n{note}" if first.note else note
            if len(text) > MAX_NOTE:
                raise UsageError(
                    f"--note: {task_id}'s note would be longer than {MAX_NOTE} characters; "
                    "shorten it, or edit the note in plan.toml"
                )
            done.note = "added" if first.note else "set"
            first.note = text
    if spent_hours is not None:
        spent = [t.spent_hours for t in parts if t.spent_hours is not None]
        before = round(sum(spent), 2) if spent else None
        for t in parts[1:]:
            t.spent_hours = None
        first.spent_hours = spent_hours
        done.spent = (before, spent_hours)
    return done


def record_outside(plan: Plan, ids: Sequence[str], catalog: Any, on: dt.date) -> list[Task]:
    """Record work done outside the plan: a done task row marked ``unplanned`` for each id.

    An id listed as not fitting (``unscheduled``) takes its listed hours and leaves that list
    (the row keeps the reason, for `unrecord_outside`); any other roadmap item takes the
    item's hours. The row goes in the week of ``on``. Every id is checked before any changes.
    """
    rows: list[Task] = []
    week = min(max(plan.week_of(on), 1), plan.weeks)
    left_out = {u.id: u for u in plan.unscheduled}
    taken: set[str] = set()
    for given in ids:
        item_id, _, n = given.partition("@")
        entry = left_out.get(given)
        if entry is None and not n:  # a recurring item's next occurrence left out, if any
            later = [u for u in plan.unscheduled if u.id.split("@", 1)[0] == given]
            later = [u for u in later if u.id not in taken]
            entry = min(later, key=lambda u: int(u.id.partition("@")[2] or 0), default=None)
        item = catalog.items.get(item_id)
        if entry is not None:
            tid, hours, reason = entry.id, entry.hours, entry.reason
        elif item is not None and not n:
            weekly = plan.profile.hours_per_week
            tid, hours, reason = given, float(item.hours_for(plan.profile.quick, weekly)), None
            if item.repeat:
                numbers = [t.occurrence or 0 for t in plan.tasks if t.item_id == given]
                tid = f"{given}@{max(numbers, default=0) + 1}"
        else:
            raise UnknownTaskError(f"unknown task {given!r}{_suggest(plan, given, catalog)}")
        if tid in taken:
            continue
        taken.add(tid)
        rows.append(
            Task(
                tid,
                week,
                catalog_title(catalog, item_id),
                catalog_kind(catalog, item_id),
                hours,
                "done",
                on,
                unplanned=True,
                unscheduled_reason=reason,
            )
        )
    plan.unscheduled = [u for u in plan.unscheduled if u.id not in taken]
    plan.tasks = sorted([*plan.tasks, *rows], key=lambda t: t.week)
    return rows


def unrecord_outside(plan: Plan, ids: Iterable[str]) -> list[tuple[str, bool]]:
    """Undo `record_outside`: remove the rows (never planned); put back what had not fit.

    Returns each id removed, with whether it went back among the work that did not fit.
    """
    wanted = set(ids)
    gone = [t for t in plan.tasks if t.id in wanted and t.unplanned]
    plan.tasks = [t for t in plan.tasks if not (t.id in wanted and t.unplanned)]
    out: dict[str, bool] = {}
    for t in gone:
        if t.unscheduled_reason is not None and not out.get(t.id):
            plan.unscheduled.append(Unscheduled(t.id, t.hours, t.unscheduled_reason))
            out[t.id] = True
        out.setdefault(t.id, False)
    return list(out.items())


def add_left_out(
    plan: Plan, given: str, week: int | None, times: int, catalog: Any, today: dt.date
) -> tuple[list[Task], list[str]]:
    """Put work listed as not fitting into the plan: a pinned to-do row in ``week``, or for a
    weekly item (its id without ``@N``) its next ``times`` left-out occurrences, one a week from
    ``week``. With no ``week``, the first week from this one with the hours free beside its
    tasks and the share kept free for overruns, as the plan counts them. What was
    recorded on the row comes with it, and so does its reason (for `take_back_added`). The
    default week also comes after the weeks of what it builds on; returned with the rows, a
    line for each prerequisite it would come before, or that is not in the plan.
    """
    _check_typed(given, "`upskill plan --all`")
    if times < 1:
        raise UsageError(f"--times {times}: give 1 or more")
    rows = [u for u in plan.unscheduled if u.id == given]
    if not rows:
        rows = sorted(
            (u for u in plan.unscheduled if u.id.split("@", 1)[0] == given and "@" in u.id),
            key=lambda u: int(u.id.partition("@")[2]),
        )[:times]
    elif times > 1 and "@" in given:
        raise UsageError(f"--times is for a weekly task: give {given.split('@', 1)[0]}")
    elif times > 1:
        raise UsageError(f"--times is for a weekly task; {given} is done once")
    if not rows:
        placed = sorted({t.week for t in plan.tasks if given in (t.id, t.item_id)})
        if placed:
            where = ", ".join(str(w) for w in placed[:5])
            raise StateError(
                f"{given} is already in your plan (week{'s' if len(placed) > 1 else ''} {where})"
            )
        rows = _from_roadmaps(plan, given, times, catalog)
    if not rows:
        left = {u.id.split("@", 1)[0] for u in plan.unscheduled}
        hint = _suggest(plan, given.split("@", 1)[0], among=left | set(catalog.items))
        raise UnknownTaskError(
            f"{given} is neither among the work that did not fit nor a roadmap item{hint}"
        )
    now = max(plan.week_of(today), 1)
    if now > plan.weeks:
        raise StateError(
            f"your plan ended in week {plan.weeks}; `upskill replan --weeks N` goes on"
        )
    item_id = rows[0].id.split("@", 1)[0]
    needs = catalog.prerequisites(item_id) if item_id in catalog.items else []
    ends = {p: max((t.week for t in plan.tasks if t.item_id == p), default=0) for p in needs}
    ready = max([now, *(e + 1 for e in ends.values())])
    # (a weekly task's occurrence goes in a week that holds none of it yet)
    held = {t.week for t in plan.tasks if t.item_id == item_id} if "@" in rows[0].id else set()
    if week is not None:
        if not 1 <= week <= plan.weeks:
            raise UsageError(f"--week {week}: your plan has weeks 1 to {plan.weeks}")
        if week < now:
            raise UsageError(
                f"--week {week} is over (this is week {now}): add work to this week or a later one"
            )
        if week in held:
            raise StateError(f"week {week} already holds {item_id} (once a week)")
    else:
        load = planned_hours(plan)
        need = rows[0].hours
        free = [
            w
            for w in range(ready, plan.weeks + 1)
            if w not in held
            and plan.budget(w) * (1 - plan.profile.buffer) - load.get(w, 0.0) >= need - 1e-9
        ]
        if not free:
            raise StateError(
                f"no week from week {ready} on has {need:g} h free; "
                f"give --week N to put {given} in a week of your choice"
            )
        week = free[0]
    weeks = [w for w in range(week, plan.weeks + 1) if w not in held][: len(rows)]
    if len(weeks) < len(rows):
        raise UsageError(
            f"{len(rows)} weeks from week {week} run past your plan's last week ({plan.weeks})"
        )
    added = []
    for at, row in zip(weeks, rows, strict=True):
        added.append(
            Task(
                row.id,
                at,
                catalog_title(catalog, item_id),
                catalog_kind(catalog, item_id),
                row.hours,
                note=row.note,
                pinned=True,
                evidence=list(row.evidence),
                spent_hours=row.spent_hours,
                scaled_by=row.scaled_by,
                unscheduled_reason=row.reason,
            )
        )
    notes = []
    for p, end in ends.items():
        if end >= weeks[0]:
            notes.append(f"it builds on {p}, which your plan has in week {end}")
        elif not end and any(u.id.split("@", 1)[0] == p for u in plan.unscheduled):
            notes.append(f"it builds on {p}, which did not fit either")
    taken = {row.id for row in rows}
    plan.unscheduled = [u for u in plan.unscheduled if u.id not in taken]
    plan.tasks = sorted([*plan.tasks, *added], key=lambda t: t.week)
    return added, notes


# The reason kept on a task `upskill add` took from the roadmaps, not from the work that did
# not fit (a step of a roadmap the person left out: the referral ask without the rest of
# networking): --undo takes it out of the plan altogether.
FROM_ROADMAPS = "added with `upskill add` from a roadmap, not from the work that did not fit"


def _from_roadmaps(plan: Plan, given: str, times: int, catalog: Any) -> list[Unscheduled]:
    """Rows for a roadmap item the plan does not hold at all (one of a roadmap the person
    left out, or one the planner did not pick for them): the item whole, or a weekly item's
    first ``times`` weeks; none if ``given`` names no item (or names one week of it)."""
    item = catalog.items.get(given)
    if item is None:
        return []
    hours = item.hours_for(plan.profile.quick, plan.profile.hours_per_week)
    if not item.repeat:
        if times > 1:
            raise UsageError(f"--times is for a weekly task; {given} is done once")
        return [Unscheduled(given, hours, FROM_ROADMAPS)]
    return [Unscheduled(f"{given}@{n}", hours, FROM_ROADMAPS) for n in range(1, times + 1)]


def take_back_added(plan: Plan, given: str) -> list[Unscheduled]:
    """Undo `add_left_out`: the to-do rows it added for ``given`` (a weekly item's id: all of
    its added occurrences still to do) go back among the work that did not fit, with their
    reason and what was recorded on them; rows it took from the roadmaps leave the plan."""
    rows = [
        t
        for t in plan.tasks
        if given in (t.id, t.item_id)
        and t.pinned
        and not t.unplanned
        and t.unscheduled_reason is not None
    ]
    if not rows:
        raise UnknownTaskError(
            f"{given} was not added with `upskill add`, so there is nothing to undo"
        )
    todo = [t for t in rows if t.status == "todo"]
    if not todo:
        raise StateError(
            f"{given} is marked {rows[0].status}; `upskill check --undo {rows[0].id}` first"
        )
    back = [
        Unscheduled(
            t.id,
            t.hours,
            t.unscheduled_reason or "",
            note=t.note,
            evidence=list(t.evidence),
            spent_hours=t.spent_hours,
            scaled_by=t.scaled_by,
        )
        for t in todo
    ]
    gone = {id(t) for t in todo}
    plan.tasks = [t for t in plan.tasks if id(t) not in gone]
    # (what came from the roadmaps leaves the plan: it never was work that did not fit)
    plan.unscheduled = [*(u for u in back if u.reason != FROM_ROADMAPS), *plan.unscheduled]
    return back


def planned_hours(plan: Plan) -> dict[int, float]:
    """The hours each week holds: its tasks planned there (not work done outside the plan,
    nor work done ahead of its week, whose hours were spent earlier: `Plan.week_load`)."""
    out: dict[int, float] = {}
    for t in plan.tasks:
        if plan.takes_hours(t):
            out[t.week] = round(out.get(t.week, 0.0) + t.hours, 2)
    return out


def is_outside(plan: Plan, task_id: str) -> bool:
    """Whether ``task_id`` was recorded as done outside the plan (every row of it)."""
    rows = [t for t in plan.tasks if t.id == task_id]
    return bool(rows) and all(t.unplanned for t in rows)


LISTED_HINT = "; `upskill plan --all` lists it under \u201cDid not fit\u201d"


def _check_typed(given: str, shown_by: str) -> None:
    """A task id as typed: one without spaces or invisible characters (as ``shown_by`` shows)."""
    if not given or any(ch.isspace() or not ch.isprintable() for ch in given):
        raise UnknownTaskError(
            f"task id {given!r} holds spaces, a line break or other invisible characters; "
            f"type the id as {shown_by} shows it"
        )


def _suggest(
    plan: Plan,
    given: str,
    catalog: Any | None = None,
    among: Iterable[str] | None = None,
    otherwise: str = "; see `upskill plan --all`",
) -> str:
    """ "; did you mean ...?" with the ids close to ``given``: ``among`` these, else the plan's
    and the catalog's; ``otherwise`` when none is."""
    import difflib

    if among is None:
        known = {t.id for t in plan.tasks} | {t.item_id for t in plan.tasks}
        among = known | set(catalog.items if catalog is not None else ())
    candidates = sorted(among)
    close = difflib.get_close_matches(given, candidates, n=3, cutoff=0.6)
    if not close:
        close = [c for c in candidates if c.endswith("." + given) or given in c][:3]
    return f"; did you mean {', '.join(close)}?" if close else otherwise


def checklist(plan: Plan, week: int) -> tuple[list[Task], list[Task]]:
    """The checklist of ``week``: its tasks (done or not), then the overdue ones, one per id.

    A split task shows the part of this week, or else its first overdue part. Skipped work
    and work recorded as done outside the plan are not listed.
    """
    this_week: dict[str, Task] = {}
    overdue: dict[str, Task] = {}
    for t in plan.tasks:
        if t.status == "skipped" or t.unplanned or t.week > week:
            continue
        if t.week == week:
            this_week.setdefault(t.id, t)
        elif t.status == "todo":
            overdue.setdefault(t.id, t)
    late = [t for tid, t in overdue.items() if tid not in this_week]
    return list(this_week.values()), sorted(late, key=lambda t: t.week)


def fraction_elapsed(plan: Plan, week: int, today: dt.date) -> float:
    """How much of ``week`` has passed on ``today``: 1 when ended, its first day counts 1/7."""
    return days_elapsed(plan, week, today) / 7


def days_elapsed(plan: Plan, week: int, today: dt.date) -> int:
    """Days of ``week`` gone by on ``today`` (today included), 0..7."""
    return min(max((today - plan.week_start(week)).days + 1, 0), 7)


def planned_by_week(plan: Plan, today: dt.date) -> dict[int, dict[str, float]]:
    """Hours planned to date, by week and roadmap, as they were planned at the time.

    A week with no history counts its tasks (not skipped, not done outside the plan) pro rata
    by the days gone. A week a replan froze counts what it had planned for its first days,
    then the work planned for the rest of it, spread over the days left.
    """
    frozen = {h.week: h for h in plan.history}
    out: dict[int, dict[str, float]] = {}
    for t in plan.tasks:
        if t.week in frozen or t.status == "skipped" or t.unplanned:
            continue
        share = days_elapsed(plan, t.week, today) / 7
        if share:
            week = out.setdefault(t.week, {})
            week[t.roadmap] = week.get(t.roadmap, 0.0) + t.hours * share
    for h in frozen.values():
        elapsed = days_elapsed(plan, h.week, today)
        if not elapsed:
            continue
        week = out.setdefault(h.week, {})
        early = min(elapsed, h.days) / h.days if h.days else 0.0
        late = max(elapsed - h.days, 0) / (7 - h.days) if h.days < 7 else 0.0
        for roadmap, hours in h.planned.items():
            week[roadmap] = week.get(roadmap, 0.0) + hours * early
        for roadmap, hours in h.rest.items():
            week[roadmap] = week.get(roadmap, 0.0) + hours * late
    return out


def freeze(plan: Plan, today: dt.date) -> dict[int, History]:
    """History for every week up to today's, as planned on ``today`` (before it changes).

    Weeks gone by are frozen whole; today's week through today, its rest left to fill.
    """
    current = plan.week_of(today)
    if current < 1:
        return {}
    planned = planned_by_week(plan, today)
    out: dict[int, History] = {}
    for week in range(1, min(current, plan.weeks) + 1):
        days = days_elapsed(plan, week, today)
        out[week] = History(week, days, {r: round(h, 4) for r, h in planned.get(week, {}).items()})
    return out


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
    for t in plan.tasks:
        track = per.setdefault(t.roadmap, Totals())
        if t.status == "skipped":
            overall.skipped += t.hours
            track.skipped += t.hours
            continue
        for acc in (overall, track):
            if not t.unplanned:
                acc.planned += t.hours
            if t.status == "done":
                acc.done += t.hours
    outside = sum(t.hours for t in plan.tasks if t.unplanned and t.status == "done")
    for hours in planned_by_week(plan, today).values():
        for roadmap, h in hours.items():
            overall.to_date += h
            per.setdefault(roadmap, Totals()).to_date += h
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
            # One date per milestone everywhere (summary, export): the end of its week.
            "due": plan.week_end(m.week).isoformat(),
            "days_away": max((plan.week_end(m.week) - today).days, 0),
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
            "done_outside_plan_hours": round(outside, 2),
            "freed_weeks": freed_weeks(plan, today),
        }
    )
    from upskill import pace

    result["pace"] = {r: p.as_json() for r, p in pace.learn(plan).items()}
    return result


ON_TRACK_DAYS = 0.5  # within half a day of work either way is on track, not news


def freed_weeks(plan: Plan, today: dt.date) -> list[int]:
    """The weeks from next week on that work done ahead left with an hour or more to spare
    while work to do waits in later weeks: what `replan` would fill."""
    now = max(plan.week_of(today), 0)
    later = [t.week for t in plan.tasks if t.status == "todo"]
    out = []
    for week in sorted({t.week for t in plan.tasks if plan.done_ahead(t) and t.week > now}):
        room = plan.budget(week) * (1 - plan.profile.buffer) - plan.week_load(week)
        if room >= 1 and any(w > week for w in later):
            out.append(week)
    return out


def status_line(ahead_hours: float, hours_per_week: float) -> str:
    """ "4.5 h behind — about 2 days at your pace", "on track", or "3 h ahead — ..."."""
    if abs(ahead_hours) < max(0.25, hours_per_week / 7 * ON_TRACK_DAYS):
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
    """Week by week up to the current one: (week, cumulative planned, cumulative done) hours.

    Planned is as it was planned at the time (a replan does not move the past), as in the
    summary.
    """
    last = min(max(plan.week_of(today), 1), plan.weeks)
    planned = [0.0] * (last + 1)
    done = [0.0] * (last + 1)
    for week, hours in planned_by_week(plan, today).items():
        if week <= last:
            planned[week] += sum(hours.values())
    for t in plan.tasks:
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


@dataclass(frozen=True)
class Paced:
    """How `replan --pace` changed the estimates of one roadmap's work still to do."""

    roadmap: str
    scale: float
    hours_before: float
    hours_after: float


@dataclass
class ReplanResult:
    plan: Plan
    moved: list[tuple[str, list[int], list[int]]] = field(default_factory=list)  # id, from, to
    newly_unscheduled: list[str] = field(default_factory=list)
    from_week: int = 1
    orphans: list[str] = field(default_factory=list)  # plan items no loaded roadmap has
    paced: list[Paced] = field(default_factory=list)


def replan(
    plan: Plan,
    catalog: Any,
    from_date: dt.date,
    *,
    hours: float | None = None,
    weeks: int | None = None,
    profile: Profile | None = None,
    name: str = "plan.toml",
    today: dt.date | None = None,
    pace: dict[str, float] | None = None,
) -> ReplanResult:
    """Reflow unfinished work from the week of ``from_date`` on, with the planner's own engine.

    What is in the plan is what gets reflowed, with the hours written there: to-do tasks and
    the work listed as not fitting. Done, skipped and pinned tasks stay where they are, and
    an item the person deleted never comes back. ``profile`` (an edited profile) may add the
    items it newly asks for; ``hours`` and ``weeks`` change the budget and the horizon.
    ``pace`` (roadmap: factor) sets the estimate of each roadmap's work still to do, recurring
    practice aside, to its estimate before any earlier scaling times the factor: the hours
    written in the plan (a person's hand edit is their estimate) scale like any other.
    What was recorded on a task (note, evidence, real hours) moves with it.
    """
    from upskill.planner import SECOND_SHOT, Unit, candidates, centi, place

    old = plan.profile
    new = profile if profile is not None else old
    changes: dict[str, Any] = {"start_date": plan.start}
    if hours is not None:
        changes["hours_per_week"] = hours
    if weeks is not None:
        changes["weeks"] = weeks
    new = new.replace(**changes)
    check_roadmaps(new, list(catalog.roadmaps), name, key="profile.roadmaps")
    horizon = new.weeks
    today = today or from_date
    current = plan.week_of(today)
    from_week = max(plan.week_of(from_date), 1)
    ends_today = current >= 1 and days_elapsed(plan, current, today) == 7
    if from_week == current and ends_today:
        from_week += 1  # this week ends today: what it planned is history, the rest moves on
    kept = [t for t in plan.tasks if t.status != "todo" or t.pinned]
    finished_until = max((t.week for t in kept), default=0)
    if weeks is not None and weeks < max(finished_until, from_week):
        floor = max(finished_until, from_week)
        why = (
            "would cut off finished or pinned work"
            if finished_until >= from_week
            else "ends before"
        )
        raise UsageError(f"--weeks {weeks} {why} week {floor}; choose at least {floor}")
    if from_week > horizon:
        raise StateError(
            f"the plan ended in week {horizon}; extend it with --weeks N (N at least {from_week})"
        )
    todo = [t for t in plan.tasks if t.status == "todo" and not t.pinned]

    # What the plan holds, item by item, with the hours written in it.
    present: dict[str, dict[str, Any]] = {}
    for t in todo:
        entry = present.setdefault(
            t.item_id,
            {
                "task": t,
                "hours": 0.0,
                "occurrences": [],
                "size": t.hours,
                "estimate": 0.0,
                "scaled_by": t.scaled_by,
            },
        )
        if t.occurrence is not None:
            entry["occurrences"].append(t.occurrence)
            entry["size"] = t.hours
        else:
            entry["hours"] += t.hours
            entry["estimate"] += t.hours / (t.scaled_by or 1.0)
    for u in plan.unscheduled:
        item_id, _, n = u.id.partition("@")
        if any(t.item_id == item_id and (not n or t.id == u.id) for t in kept):
            continue  # done meanwhile (outside the plan): nothing left to place
        entry = present.setdefault(
            item_id,
            {
                "task": None,
                "title": None,
                "hours": 0.0,
                "occurrences": [],
                "size": u.hours,
                "estimate": 0.0,
                "scaled_by": u.scaled_by,
            },
        )
        if n:
            entry["occurrences"].append(int(n))
            entry["size"] = u.hours
        elif entry["task"] is None:
            entry["hours"] += u.hours
            entry["estimate"] += u.hours / (u.scaled_by or 1.0)

    start = plan.start
    selection = candidates(new, catalog, start)
    fresh = {u.id: u for u in selection.units}
    before = {u.id for u in candidates(old, catalog, start).units} if profile else set(fresh)
    kept_items = {t.item_id for t in kept}
    units: list[Unit] = []
    orphans: list[str] = []
    scaled: dict[str, float | None] = {}  # item id: the scaled_by its tasks carry from now on
    paced: dict[str, list[float]] = {}  # roadmap: [hours before, hours after]
    factors = pace or {}

    def scale(unit: Unit, hours: float, estimate: float, before: float | None) -> None:
        """Set a non-recurring unit's size by the pace of its roadmap, if asked to."""
        factor = factors.get(unit.roadmap)
        if factor is None:
            scaled[unit.id] = before
            return
        new = max(centi(estimate * factor), 1)
        unit.size = new
        scaled[unit.id] = None if factor == 1 else factor
        sums = paced.setdefault(unit.roadmap, [0.0, 0.0])
        sums[0] += hours
        sums[1] += new / 100

    touched = {  # what the person recorded something on: never dropped as too late to help
        t.item_id for t in todo if t.note or t.evidence or t.spent_hours is not None
    } | {
        u.id.partition("@")[0]
        for u in plan.unscheduled
        if u.note or u.evidence or u.spent_hours is not None
    }
    busy: dict[str, set[int]] = {}
    for t in kept:
        if t.occurrence is not None:
            busy.setdefault(t.item_id, set()).add(t.week)
    for order, (item_id, entry) in enumerate(present.items(), start=1):
        base = fresh.get(item_id)
        task = entry["task"]
        if base is None:
            if item_id not in catalog.items:
                orphans.append(item_id)
            title = task.title if task is not None else catalog_title(catalog, item_id)
            kind = task.kind if task is not None else catalog_kind(catalog, item_id)
            unit = Unit(item_id, item_id.split(".", 1)[0], title, kind, 1, 1_000_000 + order)
        else:
            unit = base  # keeps its place in the planner's order, as when the plan was made
        unit.touched = item_id in touched
        if entry["occurrences"]:
            unit.occurrences = sorted(set(entry["occurrences"]))
            unit.size = centi(entry["size"])
            unit.busy_weeks = frozenset(busy.get(item_id, ()))
        else:
            unit.occurrences = None
            unit.size = centi(entry["hours"])
            scale(unit, entry["hours"], entry["estimate"], entry["scaled_by"])
        if entry["occurrences"]:
            scaled[item_id] = entry["scaled_by"]
        if base is None:
            from upskill.planner import value_of

            unit.value = value_of(unit)
        units.append(unit)
    # An edited profile may ask for items the old one did not: they join, never what was removed.
    for uid, unit in fresh.items():
        if uid in present or uid in before or uid in kept_items:
            continue
        if unit.occurrences is None:
            scale(unit, unit.size / 100, unit.size / 100, None)
        units.append(unit)

    # A first shot the plan holds is decided: it stays (placed, or listed as not fitting),
    # whatever the weeks left would say now, and once sent its round is the second shot.
    shot_rounds = {
        catalog.first_shot_for(t.item_id)
        for t in plan.tasks
        if t.status == "done" and t.item_id in catalog.items
    } - {None}
    for unit in units:
        unit.first_shot_kept = unit.first_shot_for is not None and unit.id in present
        if unit.id in shot_rounds and not unit.title.endswith(SECOND_SHOT):
            unit.title += SECOND_SHOT
    satisfied = set(selection.known)

    # ... but a task with parts still to do is not finished (one part checked off by hand):
    # what needs it waits for the rest (a habit's first occurrence is what others wait for)
    # Work done ahead of its week was done in the week it was checked off: it takes that
    # week's hours, not the hours of the week it was planned for, and what needs it may start
    # from then; a task skipped takes no hours at all, and what waits for it waits no longer
    # (someone two weeks ahead replans into next week, not into the week after the two).
    def done_in(t: Task) -> int:
        if plan.done_ahead(t):
            assert t.done_on is not None
            return plan.week_of(t.done_on)
        if t.status == "skipped":
            return min(t.week, max(current, 1))
        return t.week

    finished: dict[str, int] = {}
    for t in kept:
        if t.status != "todo" and (t.item_id not in present or present[t.item_id]["occurrences"]):
            finished[t.item_id] = max(finished.get(t.item_id, 0), done_in(t))
    used: dict[int, int] = {}
    count: dict[int, int] = {}
    for t in kept:
        if t.status == "skipped":
            continue
        week = done_in(t)
        used[week] = used.get(week, 0) + round(t.hours * 100)
        count[week] = count.get(week, 0) + 1
    # The past keeps what it planned (today included): new work starts tomorrow.
    frozen = freeze(plan, today)
    from_day = max(from_date, today + dt.timedelta(days=1)) if from_week == current else from_date
    placed = place(
        units,
        new,
        start,
        horizon=horizon,
        first_week=from_week,
        today=from_day if from_day > plan.week_start(from_week) else None,
        used=used,
        tasks_used=count,
        satisfied=satisfied,
        finished=finished,
    )
    tasks = sorted([*kept, *placed.tasks], key=lambda t: t.week)
    _carry_records(todo, plan.unscheduled, placed.tasks, placed.unscheduled, scaled)
    history = {h.week: h for h in plan.history if h.week > current}
    history.update(frozen)
    for week, h in history.items():
        if week == current:  # the rest of today's week: the work planned for it now
            rows = [t for t in tasks if t.week == week and t.status == "todo" and not t.unplanned]
        elif week > current:
            rows = [
                t for t in tasks if t.week == week and t.status != "skipped" and not t.unplanned
            ]
        else:
            continue
        rest: dict[str, float] = {}
        for t in rows:
            rest[t.roadmap] = round(rest.get(t.roadmap, 0.0) + t.hours, 4)
        h.rest = rest
    new_plan = Plan(
        profile=new,
        tasks=tasks,
        unscheduled=placed.unscheduled,
        schema=plan.schema,
        history=[history[w] for w in sorted(history) if w <= horizon],
    )

    was: dict[str, list[int]] = {}
    for t in todo:
        was.setdefault(t.id, []).append(t.week)
    now: dict[str, list[int]] = {}
    for t in placed.tasks:
        now.setdefault(t.id, []).append(t.week)
    moved = [
        (tid, weeks_before, now.get(tid, []))
        for tid, weeks_before in was.items()
        if now.get(tid) and now[tid] != weeks_before
    ]
    old_unscheduled = {u.id for u in plan.unscheduled}
    newly = [u.id for u in placed.unscheduled if u.id not in old_unscheduled]
    pace_changes = [
        Paced(r, factors[r], round(before, 2), round(after, 2))
        for r, (before, after) in sorted(paced.items())
    ]
    return ReplanResult(new_plan, moved, newly, from_week, orphans, pace_changes)


def _carry_records(
    tasks: list[Task],
    rows: list[Unscheduled],
    placed: list[Task],
    left_out: list[Unscheduled],
    scaled: dict[str, float | None],
) -> None:
    """What was recorded on a task stays with it wherever it moves, even out of the plan.

    A note goes with every part (as it always has; the parts' different notes, one after
    another); evidence and real hours go on the first part of a split task; ``scaled_by`` is
    the factor the item's estimate now carries.
    """
    lines: dict[str, list[str]] = {}
    evidence: dict[str, list[str]] = {}
    spent: dict[str, float] = {}
    sources: list[Task | Unscheduled] = [*tasks, *rows]
    for src in sources:
        if src.note is not None and src.note not in lines.setdefault(src.id, []):
            lines[src.id].append(src.note)
        have = evidence.setdefault(src.id, [])
        have.extend(e for e in src.evidence if e not in have)
        if src.spent_hours is not None:
            spent[src.id] = round(spent.get(src.id, 0.0) + src.spent_hours, 2)
    notes = {tid: "\n".join(found) for tid, found in lines.items() if found}
    seen: set[str] = set()
    for t in sorted(placed, key=lambda t: t.week):
        if t.id in notes:
            t.note = notes[t.id]
        if t.id not in seen:
            seen.add(t.id)
            t.evidence = list(evidence.get(t.id, []))
            t.spent_hours = spent.get(t.id)
        t.scaled_by = scaled.get(t.item_id)
    for u in left_out:
        u.note = notes.get(u.id)
        u.evidence = list(evidence.get(u.id, []))
        u.spent_hours = spent.get(u.id)
        u.scaled_by = scaled.get(u.id.split("@", 1)[0])


def catalog_title(catalog: Any, item_id: str) -> str:
    item = catalog.items.get(item_id)
    return str(item.title) if item is not None else item_id


def catalog_kind(catalog: Any, item_id: str) -> str:
    item = catalog.items.get(item_id)
    return str(item.kind) if item is not None else "learn"
