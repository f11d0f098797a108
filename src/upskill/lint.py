"""Warnings about a plan that is valid TOML but probably not what the person meant.

A hand edit may put more in a week than its hours, put a task before what it needs, or
misspell an id. None of these is an error (the file is the person's), but each is worth a
word naming the key, so it does not go unnoticed.
"""

from __future__ import annotations

from typing import Any

from upskill.plan import Plan


def warnings(
    plan: Plan, name: str, catalog: Any | None = None, *, replanning: bool = False
) -> list[str]:
    """Lines ``name: key: what looks wrong, and what to do``; the catalog adds id checks.

    ``replanning``: said by `replan` before it reflows, so the advice is what it will do.
    """
    out: list[str] = []
    reflow = "this replan reflows the tasks that are neither done nor pinned"
    move = reflow if replanning else "move some to a later week or run `upskill replan`"
    order = reflow if replanning else "move one of them or run `upskill replan`"
    load: dict[int, float] = {}
    for t in plan.tasks:  # (work done ahead of its week took an earlier week's hours)
        if plan.takes_hours(t):
            load[t.week] = load.get(t.week, 0.0) + t.hours
    for week in sorted(load):
        budget = plan.budget(week)
        if load[week] > budget + 1e-9:
            out.append(
                f"{name}: tasks in week {week}: {load[week]:g} h planned, more than the week's "
                f"{budget:g} h; {move}"
            )
    if catalog is None:
        return out
    import difflib

    index = {id(t): plan.row_of(i) for i, t in enumerate(plan.tasks)}  # the row in the file
    first_week: dict[str, int] = {}
    last_week: dict[str, int] = {}
    for t in plan.tasks:
        if t.status == "todo":
            first_week[t.item_id] = min(first_week.get(t.item_id, t.week), t.week)
            last_week[t.item_id] = max(last_week.get(t.item_id, t.week), t.week)
    for t in plan.tasks:  # what needs a habit waits for its first time only
        if "@" in t.id and t.item_id in first_week:
            last_week[t.item_id] = first_week[t.item_id]
    reported: set[str] = set()
    for t in plan.tasks:
        where = f"tasks[{index[id(t)]}] ({t.id})"
        if t.item_id not in catalog.items:
            if t.item_id not in reported:
                reported.add(t.item_id)
                close = difflib.get_close_matches(t.item_id, list(catalog.items), n=1)
                hint = f" (did you mean {close[0]}?)" if close else " (a removed roadmap?)"
                fix = "replan keeps it under this id" if replanning else "fix the id or remove it"
                out.append(f"{name}: {where}.id: no loaded roadmap has this item{hint}; {fix}")
            continue
        if t.status != "todo" or t.pinned or t.week != first_week.get(t.item_id):
            continue
        for pre in catalog.prerequisites(t.item_id):
            if pre in last_week and last_week[pre] > t.week and t.id + pre not in reported:
                reported.add(t.id + pre)
                out.append(
                    f"{name}: {where}.week: week {t.week} comes before its prerequisite {pre} "
                    f"(week {last_week[pre]}); {order}"
                )
    return out


def profile_warning(home: Any, plan: Plan) -> list[str]:
    """A line if ``profile.toml`` differs from the plan's ``[profile]`` (edited, not applied)."""
    from upskill import storage

    if storage.profile_state(home, plan.profile.to_toml_dict()) != "edited":
        return []
    path = storage.profile_path(home)
    return [
        f"{path}: differs from the [profile] in {storage.plan_path(home)} (edited by hand?), "
        f"and the plan does not follow it yet; apply it with `upskill replan --profile {path}`"
    ]
