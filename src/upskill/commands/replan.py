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
from upskill.errors import StateError, UsageError


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

    Done and skipped tasks keep their weeks and dates. The previous plan and profile are kept
    as plan.toml.bak and profile.toml.bak (older ones as .bak.2, .bak.3, ...), and
    profile.toml is updated to match. A profile.toml with changes of its own is not
    overwritten: replan says so and stops (apply them with --profile).
    """
    from upskill import clock, progress, storage
    from upskill.errors import DeclinedError, NoTerminalError
    from upskill.roadmaps import load_catalog

    if not yes and not sys.stdin.isatty():
        raise NoTerminalError("no terminal to confirm on; use --yes to replan without asking")
    if hours is not None and not 1 <= hours <= 80:  # also refuses nan
        raise UsageError(f"--hours {hours:g} is outside 1..80")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks {weeks} is outside 1..{MAX_WEEKS}")
    home = current_home()
    today = clock.today()
    start = clock.parse_date(from_date, "--from") if from_date else today
    catalog = load_catalog(home)
    path = storage.plan_path(home)
    edited = None
    if profile_file is not None:
        from upskill.profile import load_answers
        from upskill.schema import check_roadmaps

        edited = load_answers(profile_file)
        check_roadmaps(edited, list(catalog.roadmaps), str(profile_file))

    def decide(plan: Any) -> Any:
        """The new plan for what was read; under the lock, this is what gets written."""
        if plan.week_of(start) < plan.week_of(today):
            raise UsageError(
                f"--from {start.isoformat()} is in a week that has ended; "
                "replan reflows from this week on"
            )
        _check_reach(plan, start)
        factors = None
        if pace:
            from upskill import pace as learned

            factors = learned.scales(learned.learn(plan))
        return progress.replan(
            plan,
            catalog,
            start,
            hours=hours,
            weeks=weeks,
            profile=edited,
            name=str(path),
            today=today,
            pace=factors,
        )

    console = make_console()
    shown_pace = pace  # the preview says what the pace changed, or that it changed nothing
    if not yes:
        # Shown and confirmed without the lock (a person may take their time); decided again
        # under the lock on what is there then, so that nothing written meanwhile is lost.
        shown = storage.load_plan(home)
        preview = decide(shown)
        _profile_guard(home, shown, profile_file)  # refuse before asking, not after
        _lint(shown, str(path), catalog)
        _show_replan(console, preview, shown_pace)
        from upskill import questionnaire

        if not questionnaire.confirm("Write the new plan?"):
            raise DeclinedError("Kept the old plan; nothing was written.")
    with storage.locked(home):
        plan = storage.load_plan(home)  # read once, under the lock: decide on what was read
        result = decide(plan)
        if not yes and plan != shown:
            console.print(
                "The plan changed on disk while you were deciding (another upskill saved it); "
                "the new plan keeps that change."
            )
        note = _profile_guard(home, plan, profile_file)
        plan_bak, _ = storage.commit(home, result.plan, result.plan.profile.to_toml_dict())
    if note:
        storage.say(note)
    if yes:  # saved first: output piped into `head` must not lose the replan
        _lint(plan, str(path), catalog)
        _show_replan(console, result, shown_pace)
    console.print(
        f"Saved the new plan to {path}" + (f" (previous: {plan_bak})" if plan_bak else "")
    )


MAX_WEEKS = 156


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


def _check_reach(plan: Any, start: Any) -> None:
    """A plan cannot be extended past MAX_WEEKS from its start: say what to do instead."""
    from_week = max(plan.week_of(start), 1)
    if from_week > max(MAX_WEEKS, plan.weeks):
        raise StateError(
            f"{start.isoformat()} is in week {from_week} of the plan that started on "
            f"{plan.start.isoformat()}, and a plan is at most {MAX_WEEKS} weeks long: start a "
            "new plan with `upskill init --force` (the old one is kept as a backup)"
        )


def _profile_guard(home: Path, plan: Any, profile_file: Path | None) -> str | None:
    """Refuse to overwrite a profile.toml that holds changes of its own; a note if stale."""
    from upskill import storage

    path = storage.profile_path(home)
    state = storage.profile_state(home, plan.profile.to_toml_dict())
    if state == "edited":
        if profile_file is not None and _same_file(profile_file, path):
            return None  # the person is applying exactly this file
        raise StateError(
            f"{path} has changes that are not in the plan (edited by hand?), and replan would "
            f"overwrite them: apply them with `upskill replan --profile {path}`, or delete the "
            "file to drop them (the plan keeps its own copy of the profile); nothing was written"
        )
    if state == "stale":
        return (
            f"upskill: note: {path} held the profile of the previous plan (a save that was "
            "interrupted?); it now matches the plan again"
        )
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


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
