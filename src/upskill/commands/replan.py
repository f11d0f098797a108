"""`upskill replan`: reflow unfinished work over the coming weeks."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from upskill.commands import (
    app,
    current_home,
    make_console,
)
from upskill.errors import UsageError


@app.command(short_help="Reflow unfinished work over the coming weeks.")
def replan(
    from_date: Annotated[
        str | None,
        typer.Option(
            "--from", help="Reflow from the week of this date [default: today].", metavar="DATE"
        ),
    ] = None,
    weeks: Annotated[
        int | None,
        typer.Option("--weeks", help="New plan horizon in weeks (1-156).", metavar="N"),
    ] = None,
    hours: Annotated[
        float | None,
        typer.Option("--hours", help="New weekly hours from now on (1-80).", metavar="H"),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")
    ] = False,
) -> None:
    """Reflow unfinished work (including overdue) over this week and the ones after it."""
    from upskill import clock, progress, storage
    from upskill.errors import DeclinedError, NoTerminalError
    from upskill.roadmaps import load_catalog

    if not yes and not sys.stdin.isatty():
        raise NoTerminalError("no terminal to confirm on; use --yes to replan without asking")
    if hours is not None and not 1 <= hours <= 80:  # also refuses nan
        raise UsageError(f"--hours {hours:g} is outside 1..80")
    if weeks is not None and not 1 <= weeks <= 156:
        raise UsageError(f"--weeks {weeks} is outside 1..156")
    home = current_home()
    today = clock.today()
    start = clock.parse_date(from_date, "--from") if from_date else today
    catalog = load_catalog(home)
    path = storage.plan_path(home)
    plan = storage.load_plan(home)
    seen = path.read_bytes()
    result = progress.replan(plan, catalog, start, hours=hours, weeks=weeks, name=str(path))
    console = make_console()
    _show_replan(console, result)
    if not yes:
        from upskill import questionnaire

        if not questionnaire.confirm("Write the new plan?"):
            raise DeclinedError("kept the old plan; nothing was written")
    # The lock is not held while the person decides; if another command wrote meanwhile,
    # replan from what is on disk now so that its update is not lost.
    with storage.locked(home):
        if path.read_bytes() != seen:
            fresh = storage.load_plan(home)
            result = progress.replan(
                fresh, catalog, start, hours=hours, weeks=weeks, name=str(path)
            )
        bak = storage.backup(path)
        storage.save_plan(home, result.plan)
    console.print(
        f"Saved the new plan to {storage.plan_path(home)}" + (f" (previous: {bak})" if bak else "")
    )


def _show_replan(console: Any, result: Any) -> None:
    console.print(f"Replanning from week {result.from_week}.")
    if result.moved:
        console.print(f"{len(result.moved)} tasks move:")
        for tid, before, after in result.moved[:40]:
            b = ",".join(map(str, sorted(set(before))))
            a = ",".join(map(str, sorted(set(after))))
            console.print(f"  {tid}: week {b} -> {a}")
        if len(result.moved) > 40:
            console.print(f"  ... and {len(result.moved) - 40} more")
    else:
        console.print("Nothing moves.")
    if result.newly_unscheduled:
        console.print(
            f"{len(result.newly_unscheduled)} no longer fit: "
            f"{', '.join(result.newly_unscheduled[:20])}"
        )
    unscheduled = result.plan.unscheduled
    if unscheduled:
        console.print(
            f"Not scheduled in all: {len(unscheduled)} ({sum(u.hours for u in unscheduled):g} h)."
        )
