"""`upskill explain ID`: why a task is in the plan."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from upskill.commands import (
    app,
    current_home,
    make_console,
)


@app.command(short_help="Why a task is in your plan.")
def explain(
    task_id: Annotated[str, typer.Argument(metavar="ID", help="A task id, e.g. coding.big-o.")],
) -> None:
    """Why a task is in your plan: rationale, source, prerequisites, finish line, resources."""
    from upskill import storage
    from upskill.errors import UnknownTaskError
    from upskill.roadmaps import load_catalog

    home = current_home()
    catalog = load_catalog(home)
    item_id = task_id.split("@", 1)[0]
    plan = None
    if storage.plan_path(home).exists():
        plan = storage.load_plan(home)
    if item_id not in catalog.items:
        import difflib

        pool = list(catalog.items) + ([t.item_id for t in plan.tasks] if plan else [])
        close = difflib.get_close_matches(item_id, pool, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        if plan and any(t.item_id == item_id for t in plan.tasks):
            raise UnknownTaskError(
                f"{item_id} is in your plan but no loaded roadmap has it any more"
            )
        raise UnknownTaskError(f"unknown task {task_id!r}{hint}")
    item = catalog.items[item_id]
    console = make_console()
    from rich.markup import escape

    from upskill.render import clean

    console.print(f"[bold]{escape(clean(item.title))}[/bold] ({item_id})", markup=True)
    console.print(
        f"{item.kind}, {item.hours:g} h"
        + (f" a week for {item.repeat} weeks" if item.repeat else "")
    )
    if plan is not None:
        parts = [t for t in plan.tasks if t.item_id == item_id]
        if parts:
            weeks = sorted({t.week for t in parts})
            status = ", ".join(sorted({t.status for t in parts}))
            console.print(f"In your plan: week(s) {', '.join(map(str, weeks))}; {status}.")
            _show_records(console, plan, task_id)
        elif any(u.id.split("@", 1)[0] == item_id for u in plan.unscheduled):
            console.print("In your plan: did not fit (see `upskill plan --all`).")
        else:
            console.print(f"Not in your plan: {_why_not(plan.profile, item_id, item)}.")
    why = item.why_for(plan.profile.background) if plan is not None else item.why
    console.print(f"Why: {why or '(not given)'}")
    console.print(f"Source: {item.source or '(not given)'}")
    if item.skill:
        level = f", needed while your rating is below {item.level}" if item.level else ""
        console.print(f"Skill: {item.skill}{level}")
    prereqs = catalog.prerequisites(item_id)
    console.print(f"Needs first: {', '.join(prereqs) if prereqs else 'nothing'}")
    console.print(f"Done when: {item.done_when or '(not given)'}")
    for r in item.resources:
        console.print(f"  - {r.title}: {r.url}", soft_wrap=True)


def _show_records(console: Any, plan: Any, task_id: str) -> None:
    """What the person recorded on the task (each occurrence of a recurring one): the date it
    was done, the real hours against the estimate, evidence and notes."""
    from upskill.plan import records

    wanted = [
        r for r in records(plan) if r.id == task_id or ("@" not in task_id and r.item_id == task_id)
    ]
    for r in wanted:
        said = []
        if r.status == "done" and r.done_on is not None:
            said.append(f"done on {r.done_on.isoformat()}")
        if r.spent_hours is not None:
            said.append(f"took {r.spent_hours:g} h against an estimate of {r.estimate:g} h")
        if not (said or r.evidence or r.notes):
            continue
        label = f"{r.id}: " if len(wanted) > 1 else ""
        if said:
            text = "; ".join(said)
            console.print(f"{label}{text[0].upper()}{text[1:]}.")
        for ref in r.evidence:
            console.print(f"  Evidence: {ref}", soft_wrap=True)
        for note in r.notes:
            for line in note.splitlines():
                console.print(f"  Note: {line}", soft_wrap=True)


def _why_not(profile: Any, item_id: str, item: Any) -> str:
    """Why the planner left a roadmap item out of this person's plan (the planner's own rule)."""
    from upskill.planner import exclusion

    return exclusion(profile, item, item_id.split(".", 1)[0]) or (
        "it was not selected when the plan was made (replan to pick up roadmap changes)"
    )
