"""`upskill plan`: the plan, this week and the next by default."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from upskill.commands import (
    PlanFormat,
    app,
    current_home,
    make_console,
    print_json,
    warn,
)
from upskill.errors import UpskillError, UsageError


@app.command("plan", short_help="Show this week and the next (or any week).")
def plan_cmd(
    week: Annotated[
        int | None, typer.Option("--week", "-w", help="Show only week N.", metavar="N")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", "-a", help="Show every week, and all that did not fit.")
    ] = False,
    show_details: Annotated[
        bool | None,
        typer.Option(
            "--details/--no-details",
            "-d",
            help="Under each task: this week's steps, its finish line and first resource "
            "(on by default in markdown, a plan to read or share).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PlanFormat.table,
) -> None:
    """Show the plan: this week and the next by default."""
    from upskill import clock, render, storage

    if week is not None and show_all:
        raise UsageError("--week and --all cannot be used together")
    from upskill.lint import profile_warning, warnings

    home = current_home()
    plan = storage.load_plan(home)
    warn(warnings(plan, str(storage.plan_path(home))) + profile_warning(home, plan))
    if week is not None and not 1 <= week <= plan.weeks:
        raise UsageError(f"--week {week} is outside the plan (weeks 1..{plan.weeks})")
    today = clock.today()
    current = plan.week_of(today)
    if fmt is PlanFormat.json:
        print_json(plan.to_json(week))
        return
    if week is not None:
        weeks = [week]
    elif show_all:
        weeks = list(range(1, plan.last_week() + 1))
    elif current < 1:
        weeks = [1]
    elif current > plan.weeks:
        weeks = []
    else:
        weeks = [w for w in (current, current + 1) if w <= plan.weeks]
    if show_details is None:  # markdown is a document: it says what to do, not only what
        show_details = fmt is PlanFormat.markdown
    info = catalog = None
    if show_details or show_all:  # (the whole plan opens with its milestones)
        from upskill.roadmaps import load_catalog

        catalog = load_catalog(current_home())
    if show_details:
        info = render.plan_details(catalog, plan)
    if fmt is PlanFormat.markdown:
        shown = None if show_all else weeks
        sys.stdout.write(render.plan_markdown(plan, shown, info, catalog) + "\n")
        return
    console = make_console()
    if show_all:  # the steps the plan is built around, before its weeks
        money = render.money_said(plan, catalog)
        if money is not None:
            console.print(money, soft_wrap=True)
        said = render.milestones_said(plan, catalog)
        if said is not None:
            console.print(said, soft_wrap=True)
        for timing in render.timings_said(plan, catalog):
            console.print(timing, soft_wrap=True, markup=False)
    if current < 1 and week is None and not show_all:
        console.print(f"Your plan starts on {plan.start:%A %d %B %Y}; here is week 1.")
    if current > plan.weeks and week is None and not show_all:
        from upskill.progress import summary

        data = summary(plan, today)
        console.print(f"Your {plan.weeks}-week plan ended on {plan.week_end(plan.weeks):%d %B %Y}.")
        render.summary_view(console, data)
        console.print(
            "`upskill replan --weeks N` extends it; `upskill plan --all` shows every week."
        )
        return
    for w in weeks:
        prefix = ""
        if current >= 1:  # before the start, week 1 is introduced by the line above
            prefix = {current: "This week: ", current + 1: "Next week: "}.get(w, "")
        render.week_table(console, plan, w, prefix, info, catalog)
        if w == current and not show_all:
            for line in _follow_ups(today):
                console.print(line, soft_wrap=True)
    if week is None and not show_all and current > 1:
        overdue = [t for t in plan.tasks if t.status == "todo" and t.week < current]
        if overdue:
            hours = sum(t.hours for t in overdue)
            items = len({t.id for t in overdue})
            console.print(
                f"Overdue from earlier weeks: {items} task{'s' if items != 1 else ''}, "
                f"{hours:g} h. `upskill check` shows where you stand; "
                "`upskill replan` moves them into the coming weeks."
            )
    if show_all:
        render.plan_footer(console, plan, full=True, catalog=catalog)


def _follow_ups(today: object) -> list[str]:
    """This week's follow-ups from the outreach log; a broken log is a warning, not a failure."""
    from upskill import render, storage

    home = current_home()
    if not storage.people_path(home).exists():
        return []
    try:
        log = storage.load_people(home)
    except UpskillError as exc:
        warn([f"{exc}; follow-ups are not shown"])
        return []
    return render.follow_up_lines(log, today)
