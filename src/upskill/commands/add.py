"""`upskill add`: put work that did not fit into a week of your choice."""

from __future__ import annotations

from typing import Annotated

import typer

from upskill.commands import Format, app, current_home, print_json, warn


def complete_left_out(incomplete: str) -> list[str]:
    """Shell completion: the ids of the work that did not fit (a weekly item's once)."""
    from upskill.errors import UpskillError

    try:
        from upskill import storage

        plan = storage.load_plan(current_home())
    except (UpskillError, OSError):
        return []
    ids = dict.fromkeys(u.id.split("@", 1)[0] for u in plan.unscheduled)
    return [i for i in ids if i.startswith(incomplete)]


@app.command(short_help="Put work that did not fit (or any roadmap item) into a week.")
def add(
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An id from “Did not fit” in `upskill plan --all`, or of any roadmap item "
            "your plan does not hold (`upskill roadmaps show`); a weekly one without @N.",
            show_default=False,
            autocompletion=complete_left_out,
        ),
    ],
    week: Annotated[
        int | None,
        typer.Option(
            "--week",
            "-w",
            help="The week to put it in [default: the first week from this one with its "
            "hours free].",
            metavar="N",
            show_default=False,
        ),
    ] = None,
    times: Annotated[
        int,
        typer.Option(
            "--times",
            help="For a weekly task: this many of its weeks, one a week from --week.",
            metavar="K",
        ),
    ] = 1,
    undo: Annotated[
        bool,
        typer.Option("--undo", help="Take what you added back out, to the work that did not fit."),
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Put work listed under “Did not fit” into your plan, whole, in one week.

    The task is pinned there: `replan` leaves it in that week. What you recorded on it (a
    note, evidence, hours) comes with it, and --undo puts it back among the work that did not
    fit, as it was. A roadmap item your plan does not hold at all (one step of a roadmap you
    left out, such as the referral ask) is added the same way, and --undo takes it out again.
    """
    from upskill import api, clock

    done = api.run_add(current_home(), item, week, times=times, undo=undo, today=clock.today())
    plan = done.plan
    if fmt is Format.json:
        print_json(
            {
                "added": [{"id": t.id, "week": t.week, "hours": t.hours} for t in done.added],
                "removed": [u.id for u in done.back],
                "notes": done.notes,
            }
        )
        return
    if done.back:
        from upskill.progress import FROM_ROADMAPS

        ids = ", ".join(u.id for u in done.back)
        they = "they are" if len(done.back) > 1 else "it is"
        if all(u.reason == FROM_ROADMAPS for u in done.back):
            print(f"Taken back out of the plan: {ids}.")
        else:
            print(
                f"Taken back out of the plan: {ids}; {they} back among the work that did not fit."
            )
        return
    from upskill.progress import planned_hours

    load = planned_hours(plan)
    for t in done.added:
        budget = plan.budget(t.week)
        over = " (more than the week's hours)" if load.get(t.week, 0.0) > budget + 1e-9 else ""
        print(
            f"Added {t.id} to week {t.week} ({t.hours:g} h): the week now holds "
            f"{load.get(t.week, 0.0):g} of {budget:g} h{over}."
        )
    print("Pinned there: `upskill replan` leaves it in its week; `upskill add --undo` takes it out")
    for line in done.notes:
        warn([line])
