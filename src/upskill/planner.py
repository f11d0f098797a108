"""The planner: a pure, deterministic function of (profile, roadmaps, start date) to a plan.

No clock, no I/O, no randomness. Hours are handled internally as integer hundredths so that
capacity checks are exact and the output is byte-stable.

How a week is filled, in order:
1. work already split over weeks continues (at least an hour), so its weeks are consecutive;
2. recurring practice that has started takes one occurrence (at most half the budget in all);
3. pinned work: milestones whose week has come (``earliest_week``), deadline chains, and, for
   a short runway, outreach and programmes (half of what is left; all of it for a deadline
   chain whose time is short);
4. the rest is shared between roadmaps by weight (stride scheduling): each pick goes to the
   roadmap furthest behind its share and takes at most a quantum, so tracks interleave;
5. room nobody could use goes back to pinned work.
An item's dependents are released the moment it finishes, so they may follow in the same week.

After the last week: items started but not finished are taken out whole, deadline work that
would be late is taken out with its reason, and the room this frees is offered to whole items.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from upskill.errors import DataError
from upskill.models import Profile
from upskill.plan import Plan, Task, Unscheduled
from upskill.roadmaps import Catalog

CENTI = 100
MIN_CHUNK = 25  # a quarter of an hour: no task part is smaller (unless the item is)
SMALL_ITEM = 300  # items up to 3 h are finished in one week when there is room
NO_SPLIT = 300  # items up to 3 h are never split: they wait for a week with room
DEADLINE_LEAD_WEEKS = 8  # a deadline closer than this to the start is aimed at the year after
DEADLINE_WINDOW_WEEKS = 6  # deadline work (the submission itself) goes out in this window

BASE_WEIGHTS: dict[str, dict[str, float]] = {
    "research-engineer": {
        "coding": 3.0,
        "ml-devloop": 3.0,
        "interviewing": 1.5,
        "open-source": 1.5,
        "research": 1.0,
        "network": 1.0,
        "phd-applications": 0.5,
    },
    "research-scientist": {
        "coding": 2.0,
        "ml-devloop": 3.0,
        "interviewing": 1.0,
        "open-source": 1.0,
        "research": 3.0,
        "network": 1.0,
        "phd-applications": 0.5,
    },
    "ml-engineer": {
        "coding": 3.0,
        "ml-devloop": 3.0,
        "interviewing": 1.5,
        "open-source": 1.5,
        "research": 0.5,
        "network": 1.0,
        "phd-applications": 0.5,
    },
    "phd-applicant": {
        "coding": 1.5,
        "ml-devloop": 2.5,
        "interviewing": 0.5,
        "open-source": 1.0,
        "research": 3.0,
        "network": 1.0,
        "phd-applications": 2.0,
    },
}
DEFAULT_WEIGHT = 1.0
MILESTONE_KINDS = ("apply", "milestone")


def centi(hours: float) -> int:
    """Hours to integer hundredths (at least one hundredth)."""
    return max(1, round(hours * CENTI))


@dataclass
class Unit:
    """A piece of work to place: a whole item, or the remaining occurrences of a recurring one."""

    id: str
    roadmap: str
    title: str
    kind: str
    size: int  # hundredths of an hour: the whole item, or one occurrence
    order: int
    prerequisites: list[str] = field(default_factory=list)
    occurrences: list[int] | None = None  # recurring: the occurrence numbers still to place
    earliest_week: int = 1
    deadline_week: int | None = None
    deadline: str | None = None  # the "MM-DD" the deadline week came from
    busy_weeks: frozenset[int] = frozenset()  # recurring: weeks that already hold an occurrence
    urgent: bool = False
    preferred: bool = False


@dataclass(frozen=True)
class Selection:
    """What the profile asks for: units to place, and the items skipped as already known."""

    units: list[Unit]
    known: list[str]
    weights: dict[str, float]


def coming_monday(today: dt.date) -> dt.date:
    """The default start date: today if it is a Monday, else the next Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def deadline_week(month_day: str, start: dt.date) -> int:
    """The plan week by whose end work due on the next ``MM-DD`` must be finished.

    A deadline closer than DEADLINE_LEAD_WEEKS to the start aims at the following year.
    """
    month, day = (int(x) for x in month_day.split("-"))
    for year in range(start.year, start.year + 3):
        try:
            due = dt.date(year, month, day)
        except ValueError:  # 02-29 in a common year
            due = dt.date(year, month, 28)
        if (due - start).days >= DEADLINE_LEAD_WEEKS * 7:
            return (due - dt.timedelta(days=1) - start).days // 7 + 1
    raise AssertionError("unreachable: three years always hold a date far enough away")


def select(profile: Profile, catalog: Catalog, start: dt.date) -> Selection:
    """Pick the items this person needs, in track order, with their scheduling constraints."""
    chosen = profile.chosen_roadmaps()
    unknown = [r for r in chosen if r not in catalog.roadmaps]
    if unknown:
        raise DataError(
            f"roadmaps: unknown roadmap {unknown[0]!r}; "
            f"available: {', '.join(catalog.roadmaps)} (see `upskill roadmaps`)"
        )
    interests = {i.lower() for i in profile.interests}
    runway = profile.runway_months
    units: list[Unit] = []
    known: list[str] = []
    needed_share: dict[str, list[int]] = {}
    order = 0
    for roadmap_id in chosen:
        roadmap = catalog.roadmaps[roadmap_id]
        share = needed_share.setdefault(roadmap_id, [0, 0])
        for item in roadmap.items:
            full = f"{roadmap_id}.{item.id}"
            if item.roles and profile.target_role not in item.roles:
                continue
            if item.backgrounds and profile.background not in item.backgrounds:
                continue
            if item.skill is not None and item.level is not None:
                share[1] += 1
                if profile.rating(item.skill) >= item.level:
                    known.append(full)
                    continue
                share[0] += 1
            order += 1
            unit = Unit(
                id=full,
                roadmap=roadmap_id,
                title=item.title,
                kind=item.kind,
                size=centi(item.hours),
                order=order,
                prerequisites=catalog.prerequisites(full),
                occurrences=list(range(1, item.repeat + 1)) if item.repeat else None,
                earliest_week=item.earliest_week or 1,
                urgent=bool(
                    runway is not None
                    and item.early_if_runway_under is not None
                    and runway < item.early_if_runway_under
                ),
                preferred=bool(interests & {t.lower() for t in item.tags}),
            )
            if item.deadline:
                unit.deadline = item.deadline
                unit.deadline_week = deadline_week(item.deadline, start)
                unit.earliest_week = max(
                    unit.earliest_week, unit.deadline_week - DEADLINE_WINDOW_WEEKS + 1
                )
            units.append(unit)
    base = BASE_WEIGHTS[profile.target_role]
    weights = {}
    for roadmap_id in chosen:
        needed, gated = needed_share.get(roadmap_id, [0, 0])
        # Gaps pull time: a track whose skill-gated items the person mostly knows gets less.
        fraction = needed / gated if gated else 1.0
        weights[roadmap_id] = base.get(roadmap_id, DEFAULT_WEIGHT) * (0.5 + fraction)
    return Selection(units, known, weights)


@dataclass
class _Placed:
    tasks: list[Task]
    unscheduled: list[Unscheduled]


def schedule(
    units: list[Unit],
    weights: Mapping[str, float],
    hours_per_week: float,
    horizon: int,
    *,
    first_week: int = 1,
    used: Mapping[int, float] | None = None,
    satisfied: Iterable[str] = (),
) -> _Placed:
    """Place units into weeks ``first_week..horizon``; what does not fit is unscheduled.

    ``used`` is hours already taken in a week (done work kept by a replan); ``satisfied``
    lists item ids that count as finished for prerequisites.
    """
    # Floored, not rounded: a week never holds more than the budget (2.999 h is 2.99, not 3).
    budget = max(1, int(hours_per_week * CENTI + 1e-6))
    used_c = {w: round(h * CENTI) for w, h in (used or {}).items()}
    by_id = {u.id: u for u in units}
    done: set[str] = set(satisfied)
    unmet: dict[str, int] = {}
    dependents: dict[str, list[str]] = {}
    for u in units:
        pending = [p for p in dict.fromkeys(u.prerequisites) if p in by_id and p not in done]
        unmet[u.id] = len(pending)
        for p in pending:
            dependents.setdefault(p, []).append(u.id)

    # Deadline work pulls its prerequisites forward: they inherit the earliest deadline below
    # them. So do milestones with a week of their own (first applications after two months):
    # their prerequisites go first in their tracks' queues, so the milestone does not slide.
    urgency: dict[str, int] = {}
    targets = [
        (u.deadline_week if u.deadline_week is not None else u.earliest_week, u)
        for u in units
        if u.deadline_week is not None or (u.earliest_week > 1 and u.kind in MILESTONE_KINDS)
    ]
    for target, u in sorted(targets, key=lambda x: x[1].order):
        stack = [u.id]
        while stack:
            uid = stack.pop()
            if urgency.get(uid, 1 << 30) <= target:
                continue
            urgency[uid] = target
            stack.extend(p for p in by_id[uid].prerequisites if p in by_id)

    # ... and once the time left before the deadline gets short, they are pinned (taken before
    # the weighted share), so a long chain of materials across tracks still lands in time.
    pin_from: dict[str, int] = {}
    third = max(budget // 3, 1)  # what a deadline chain can count on in a busy week
    for u in units:
        if u.deadline_week is None:
            continue
        chain, stack, seen = 0, [u.id], set()
        while stack:
            uid = stack.pop()
            if uid in seen or uid in done:
                continue
            seen.add(uid)
            chain += by_id[uid].size
            stack.extend(p for p in by_id[uid].prerequisites if p in by_id)
        start_week = u.deadline_week - -(-chain // third) - 2
        for uid in seen:
            pin_from[uid] = min(pin_from.get(uid, 1 << 30), start_week)
    pin_queue = sorted((w, by_id[uid].order, uid) for uid, w in pin_from.items())
    pin_next = 0
    queued: set[str] = set()  # ids waiting in a roadmap's ready queue

    def key(u: Unit) -> tuple[int, int, int]:
        return (urgency.get(u.id, 1 << 30), 0 if u.preferred else 1, u.order)

    roadmap_order = {
        r: i for i, r in enumerate(dict.fromkeys([*weights, *(u.roadmap for u in units)]))
    }
    weight = {r: max(weights.get(r, DEFAULT_WEIGHT), 0.01) for r in roadmap_order}
    ready: dict[str, list[tuple[tuple[int, int, int], str]]] = {r: [] for r in roadmap_order}
    pinned: list[tuple[tuple[int, int, int], str]] = []
    waiting: list[tuple[int, int, str]] = []  # (earliest week, order, id)
    recurring_ready: list[tuple[tuple[int, int, int], str]] = []
    active_recurring: list[str] = []
    remaining = {u.id: u.size for u in units if u.occurrences is None}
    occurrences_left = {u.id: list(u.occurrences) for u in units if u.occurrences is not None}
    in_progress: dict[str, str] = {}  # roadmap -> unit id
    pinned_started: dict[str, None] = {}  # pinned work split over weeks, in start order
    served = dict.fromkeys(roadmap_order, 0.0)
    tasks: list[Task] = []
    part_index: dict[tuple[str, int], int] = {}
    parts_of: dict[str, list[int]] = {}
    finished_week: dict[str, int] = {}

    def is_pinned(u: Unit) -> bool:
        return u.urgent or u.earliest_week > 1 or u.deadline_week is not None

    def release(uid: str, week: int) -> None:
        u = by_id[uid]
        if u.earliest_week > week:
            heapq.heappush(waiting, (u.earliest_week, u.order, uid))
        elif u.occurrences is not None:
            heapq.heappush(recurring_ready, (key(u), uid))
        elif is_pinned(u) or pin_from.get(uid, 1 << 30) <= week:
            heapq.heappush(pinned, (key(u), uid))
        else:
            queued.add(uid)
            heapq.heappush(ready[u.roadmap], (key(u), uid))

    def pop_ready(roadmap: str) -> str | None:
        while ready[roadmap]:
            uid = heapq.heappop(ready[roadmap])[1]
            if uid in queued:
                queued.discard(uid)
                return uid
        return None

    def finish(uid: str, week: int) -> None:
        done.add(uid)
        pinned_started.pop(uid, None)
        finished_week[uid] = week
        for d in dependents.get(uid, []):
            unmet[d] -= 1
            if unmet[d] == 0:
                release(d, week)

    def put(uid: str, week: int, amount: int, task_id: str | None = None) -> None:
        u = by_id[uid]
        tid = task_id or uid
        k = (tid, week)
        if k in part_index:
            t = tasks[part_index[k]]
            t.hours = round(t.hours + amount / CENTI, 2)
        else:
            part_index[k] = len(tasks)
            parts_of.setdefault(uid, []).append(len(tasks))
            tasks.append(Task(tid, week, u.title, u.kind, amount / CENTI))

    def work_on(uid: str, week: int, cap: int, limit: int, track: bool = True) -> int:
        """Give ``uid`` up to ``limit`` of the week's ``cap``; return what was used.

        ``track``: an unfinished item becomes its roadmap's work in progress (pinned work
        keeps its own queue instead).
        """
        amount = min(remaining[uid], cap, limit)
        if amount <= 0:
            return 0
        already_split = uid in pinned_started or in_progress.get(by_id[uid].roadmap) == uid
        if (
            amount < remaining[uid]
            and not already_split
            and len(in_progress) + len(pinned_started) >= max(1, budget // (2 * CENTI))
        ):
            return 0  # each split item needs an hour a week to stay consecutive: no room
        if amount < remaining[uid]:
            amount -= amount % MIN_CHUNK  # parts of a split item are whole quarter-hours
            if amount < MIN_CHUNK:
                return 0
        put(uid, week, amount)
        remaining[uid] -= amount
        u = by_id[uid]
        served[u.roadmap] += amount
        if remaining[uid] == 0:
            if in_progress.get(u.roadmap) == uid:
                del in_progress[u.roadmap]
            finish(uid, week)
        elif track:
            in_progress[u.roadmap] = uid
        return amount

    def _has_ready(roadmap: str) -> bool:
        heap = ready[roadmap]
        while heap and heap[0][1] not in queued:
            heapq.heappop(heap)  # moved to the pinned queue meanwhile
        return bool(heap)

    too_long: set[str] = set()  # set aside: cannot finish before the horizon at its pace

    def run_pinned(week: int, cap: int, share: int) -> int:
        """Work through pinned items with up to ``share`` of ``cap``; return what is left."""
        deferred = []
        while pinned and cap >= MIN_CHUNK:
            k, uid = heapq.heappop(pinned)
            if remaining[uid] == 0:
                continue  # finished by the continuation step
            limit = cap if week >= pin_from.get(uid, 1 << 30) else share
            left = remaining[uid]
            if left <= min(NO_SPLIT, budget // 2) and uid not in pinned_started:
                limit = left if left <= cap else 0  # a small item is done whole or waits
            got = work_on(uid, week, cap, limit, track=False) if limit >= MIN_CHUNK else 0
            cap -= got
            share = max(share - got, 0)
            if remaining[uid] > 0:
                if got:
                    pinned_started[uid] = None
                deferred.append((k, uid))
        for entry in deferred:
            heapq.heappush(pinned, entry)
        return cap

    for u in units:
        if unmet[u.id] == 0:
            release(u.id, first_week)

    recurring_load = 0
    for week in range(first_week, horizon + 1):
        cap = budget - used_c.get(week, 0)
        if cap <= 0:
            continue
        while waiting and waiting[0][0] <= week:
            _, _, uid = heapq.heappop(waiting)
            release(uid, week)
        while pin_next < len(pin_queue) and pin_queue[pin_next][0] <= week:
            uid = pin_queue[pin_next][2]
            pin_next += 1
            if uid in queued:  # waiting in its roadmap's queue: move it to the pinned one
                queued.discard(uid)
                heapq.heappush(pinned, (key(by_id[uid]), uid))

        # 1. Split work continues first (at least an hour), so its weeks are consecutive.
        for uid in [
            *pinned_started,
            *(in_progress[r] for r in sorted(in_progress, key=roadmap_order.__getitem__)),
        ]:
            if cap < MIN_CHUNK:
                break
            cap -= work_on(uid, week, cap, CENTI, track=uid not in pinned_started)

        # 2. Recurring practice: start what fits under half the budget, then one occurrence each.
        while recurring_ready:
            uid = recurring_ready[0][1]
            size = by_id[uid].size
            if recurring_load + size <= budget // 2 or (not active_recurring and size <= budget):
                heapq.heappop(recurring_ready)
                active_recurring.append(uid)
                recurring_load += size
            else:
                break
        for uid in list(active_recurring):
            u = by_id[uid]
            if u.size > cap or week in u.busy_weeks:
                continue
            n = occurrences_left[uid].pop(0)
            put(uid, week, u.size, f"{uid}@{n}")
            cap -= u.size
            served[u.roadmap] += u.size
            if uid not in done:
                finish(uid, week)  # dependents wait only for the first occurrence
            if not occurrences_left[uid]:
                active_recurring.remove(uid)
                recurring_load -= u.size

        # 3. Pinned work: at most half of what is left, all of it for a deadline close at hand.
        cap = run_pinned(week, cap, cap // 2 if cap > 2 * MIN_CHUNK else cap)

        # 4. Weighted sharing between roadmaps.
        full: set[str] = set()  # roadmaps whose next item waits for a week with more room
        while cap >= MIN_CHUNK:
            candidates = [
                r for r in roadmap_order if r not in full and (r in in_progress or _has_ready(r))
            ]
            if not candidates:
                break
            total = sum(weight[r] for r in candidates)
            roadmap = min(candidates, key=lambda r: (served[r] / weight[r], roadmap_order[r]))
            quantum = max(CENTI, int(budget * weight[roadmap] / total) // 50 * 50)
            picked = in_progress.get(roadmap) or pop_ready(roadmap)
            assert picked is not None
            uid = picked
            left = remaining[uid]
            if uid != in_progress.get(roadmap) and left > cap:
                # A long item its track cannot finish before the plan ends is not started:
                # it would be taken out again at the end, and smaller work can use the time.
                room = (horizon - week + 1) * budget * weight[roadmap] / total
                if left > room:
                    too_long.add(uid)
                    continue
            if left <= cap and left <= max(quantum, SMALL_ITEM):
                quantum = left  # a small item is done in one go rather than split
            elif uid != in_progress.get(roadmap) and (
                left <= min(NO_SPLIT, budget // 2) or cap < min(CENTI, budget // 2)
            ):
                quantum = 0  # not worth splitting, or too little room to start: next week
            got = work_on(uid, week, cap, quantum) if quantum else 0
            if got == 0:
                if uid != in_progress.get(roadmap):
                    queued.add(uid)
                    heapq.heappush(ready[roadmap], (key(by_id[uid]), uid))
                full.add(roadmap)
                continue
            cap -= got

        # 5. Room nobody else could use goes to pinned work after all.
        cap = run_pinned(week, cap, cap)

    def unfinish(uid: str) -> None:
        """Take ``uid``, and everything after it that needs it, out of the plan."""
        stack = [uid]
        while stack:
            current = stack.pop()
            if current not in finished_week:
                continue
            indices = parts_of.pop(current, [])
            drop.update(indices)
            finished_week.pop(current)
            done.discard(current)
            unit = by_id[current]
            if unit.occurrences is None:
                remaining[current] = unit.size
            else:
                numbers = [int(tasks[i].id.rsplit("@", 1)[1]) for i in indices]
                occurrences_left[current] = sorted(numbers + occurrences_left[current])
                if current in active_recurring:
                    active_recurring.remove(current)
            stack.extend(dependents.get(current, []))

    # Items started but not finished by the end are taken out whole (nothing is half-planned),
    # and so is deadline work that would be late; the room they free is offered to whole items.
    drop: set[int] = set()
    late: dict[str, str] = {}
    per_week = f"{hours_per_week:g} h/week"
    for u in units:
        if u.deadline_week is None or remaining.get(u.id) != 0:
            continue
        end = max(tasks[i].week for i in parts_of[u.id])
        if end > u.deadline_week:
            late[u.id] = (
                f"would be ready only in week {end}, after its {u.deadline} deadline "
                f"(week {u.deadline_week}); start earlier or give it more than {per_week}"
            )
            unfinish(u.id)
    for u in units:
        if u.occurrences is None and 0 < remaining[u.id] < u.size:
            drop.update(parts_of.pop(u.id, []))
            remaining[u.id] = u.size
    load: dict[int, int] = dict(used_c)
    for i, t in enumerate(tasks):
        if i not in drop:
            load[t.week] = load.get(t.week, 0) + round(t.hours * CENTI)
    waiting_units = [
        u for u in units if u.occurrences is None and remaining[u.id] > 0 and u.id not in late
    ]
    waiting_units.sort(key=lambda u: u.order)
    for week in range(first_week, horizon + 1):
        free = budget - load.get(week, 0)
        if free < MIN_CHUNK or not waiting_units:
            continue
        still = []
        for u in waiting_units:
            ready_now = (
                u.size <= free
                and u.earliest_week <= week
                and (u.deadline_week is None or week <= u.deadline_week)
                and all(
                    p not in by_id or finished_week.get(p, 1 << 30) <= week for p in u.prerequisites
                )
            )
            if not ready_now:
                still.append(u)
                continue
            parts_of[u.id] = [len(tasks)]
            tasks.append(Task(u.id, week, u.title, u.kind, u.size / CENTI))
            free -= u.size
            remaining[u.id] = 0
            finished_week[u.id] = week
            done.add(u.id)
        waiting_units = still

    unscheduled: list[Unscheduled] = []
    last = horizon
    for u in sorted(units, key=lambda u: u.order):
        if u.occurrences is not None:
            occ_left = occurrences_left[u.id]
            if not occ_left:
                continue
            if u.size > budget:
                reason = f"needs {u.size / CENTI:g} h a week, more than the {per_week} budget"
            elif u.id in finished_week:
                reason = f"runs past the plan's last week {last}"
            elif unmet[u.id] == 0:
                reason = f"no room left by week {last} at {per_week}"
            else:
                reason = _blocked_reason(u, by_id, finished_week)
            unscheduled.extend(Unscheduled(f"{u.id}@{n}", u.size / CENTI, reason) for n in occ_left)
            continue
        if remaining[u.id] == 0:
            continue
        if u.id in late:
            reason = late[u.id]
        elif u.earliest_week > last:
            reason = f"belongs in week {u.earliest_week}, after the plan's last week {last}"
        elif any(p in by_id and p not in finished_week for p in u.prerequisites):
            reason = _blocked_reason(u, by_id, finished_week)
        else:
            reason = f"no room left by week {last} at {per_week}"
        unscheduled.append(Unscheduled(u.id, u.size / CENTI, reason))
    kept = [t for i, t in enumerate(tasks) if i not in drop]
    kept.sort(key=lambda t: t.week)
    return _Placed(kept, unscheduled)


def _blocked_reason(u: Unit, by_id: Mapping[str, Unit], finished: Mapping[str, int]) -> str:
    missing = [p for p in u.prerequisites if p in by_id and p not in finished]
    return f"waits for {missing[0]}, which did not fit" if missing else "did not fit"


def build_plan(profile: Profile, catalog: Catalog, start: dt.date) -> Plan:
    """The plan for ``profile`` from ``catalog``, starting on ``start`` (pure and deterministic)."""
    selection = select(profile, catalog, start)
    placed = schedule(
        selection.units,
        selection.weights,
        profile.hours_per_week,
        profile.weeks,
        satisfied=selection.known,
    )
    data = profile.to_toml_dict()
    data["start_date"] = start
    return Plan(profile=data, tasks=placed.tasks, unscheduled=placed.unscheduled)
