"""`upskill replan`: reflow unfinished work over the coming weeks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from upskill.commands import (
    app,
    current_home,
    make_console,
    warn,
)


@app.command(short_help="Reflow unfinished work over the coming weeks.")
def replan(
    from_date: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Reflow from the week of this date, today or later [default: today].",
            metavar="DATE",
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
    profile_file: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            help="Replan with this edited profile (answers file), e.g. <home>/profile.toml "
            "after adding a roadmap; progress is kept.",
            metavar="FILE",
        ),
    ] = None,
    pace: Annotated[
        bool,
        typer.Option(
            "--pace",
            help="Scale the estimates of what is left by your pace (the real hours of done "
            "tasks against their estimates, per roadmap with 3 or more; bounded to 0.5-2x).",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")
    ] = False,
) -> None:
    """Reflow unfinished work (including overdue) over this week and the ones after it.

    Done and skipped tasks keep their weeks and dates; the hours of work done ahead of its
    week, and of skipped work, go to the next work. The previous plan and profile are kept
    as plan.toml.bak and profile.toml.bak (older ones as .bak.2, .bak.3, ...), and
    profile.toml is updated to match. A profile.toml with changes of its own is not
    overwritten: replan says so and stops (apply them with --profile).
    """
    from upskill import api, clock, storage
    from upskill.errors import DeclinedError, NoTerminalError
    from upskill.roadmaps import load_catalog

    if not yes and not sys.stdin.isatty():
        raise NoTerminalError("no terminal to confirm on; use --yes to replan without asking")
    home = current_home()
    today = clock.today()
    start = clock.parse_date(from_date, "--from") if from_date else today
    catalog = load_catalog(home)
    path = storage.plan_path(home)
    request = api.replan_request(
        home,
        start=start,
        today=today,
        hours=hours,
        weeks=weeks,
        profile_file=profile_file,
        pace=pace,
        catalog=catalog,
    )
    console = make_console()
    shown = None
    if not yes:
        # Shown and confirmed without the lock (a person may take their time); decided again
        # under the lock on what is there then, so that nothing written meanwhile is lost.
        shown, preview = api.preview_replan(home, request, catalog)
        _lint(shown, str(path), catalog)
        _show_replan(console, preview, pace)
        from upskill import questionnaire

        if not questionnaire.confirm("Write the new plan?"):
            raise DeclinedError("Kept the old plan; nothing was written.")
    done = api.run_replan(home, request, shown=shown, catalog=catalog)
    if done.changed_meanwhile:
        console.print(
            "The plan changed on disk while you were deciding (another upskill saved it); "
            "the new plan keeps that change."
        )
    if done.note:
        storage.say(done.note)
    if yes:  # saved first: output piped into `head` must not lose the replan
        _lint(done.before, str(path), catalog)
        _show_replan(console, done.result, pace)
    console.print(
        f"Saved the new plan to {path}"
        + (f" (previous: {done.plan_backup})" if done.plan_backup else "")
    )


def _show_pace(console: Any, result: Any) -> None:
    """What --pace changed: each roadmap's factor and its hours still to do, before and after."""
    from upskill.pace import MIN_TASKS
    from upskill.plan import PACE_BOUNDS

    if not result.paced:
        console.print(
            f"Your pace: no roadmap has {MIN_TASKS} done tasks with their real hours yet "
            "(`upskill check ID --hours H`); the estimates stay as they are."
        )
        return
    console.print("Your pace scales the estimates of what is left:")
    low, high = PACE_BOUNDS
    for p in result.paced:
        bound = f" (bounded to {low:g}-{high:g}x)" if p.scale in (low, high) else ""
        console.print(
            f"  {p.roadmap}: x{p.scale:g}{bound}: what is left, {round(p.hours_before, 1):g} h "
            f"(with what did not fit), becomes {round(p.hours_after, 1):g} h"
        )


def _lint(plan: Any, name: str, catalog: Any) -> None:
    """What looks odd in the plan being replanned (typo'd ids, order, full weeks), by key."""
    from upskill.lint import warnings

    warn(warnings(plan, name, catalog, replanning=True))


def _show_replan(console: Any, result: Any, pace: bool = False) -> None:
    # Ids no loaded roadmap has (result.orphans) are named by _lint's warnings, with a guess.
    console.print(f"Replanning from week {result.from_week}.")
    if pace:
        _show_pace(console, result)
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
