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
)
from upskill.errors import UsageError


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
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")
    ] = False,
) -> None:
    """Reflow unfinished work (including overdue) over this week and the ones after it.

    Done and skipped tasks keep their weeks and dates. The previous plan is kept as
    plan.toml.bak, and profile.toml is updated to match.
    """
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
    if plan.week_of(start) < plan.week_of(today):
        raise UsageError(
            f"--from {start.isoformat()} is in a week that has ended; "
            "replan reflows from this week on"
        )
    seen = path.read_bytes()
    edited = None
    if profile_file is not None:
        from upskill.profile import load_answers
        from upskill.schema import check_roadmaps

        edited = load_answers(profile_file)
        check_roadmaps(edited, list(catalog.roadmaps), str(profile_file))

    def compute(source: Any) -> Any:
        return progress.replan(
            source,
            catalog,
            start,
            hours=hours,
            weeks=weeks,
            profile=edited,
            name=str(path),
            today=today,
        )

    result = compute(plan)
    console = make_console()
    if not yes:
        _show_replan(console, result)
        from upskill import questionnaire

        if not questionnaire.confirm("Write the new plan?"):
            raise DeclinedError("kept the old plan; nothing was written")
    # The lock is not held while the person decides; if another command wrote meanwhile,
    # replan from what is on disk now so that its update is not lost.
    with storage.locked(home):
        if path.read_bytes() != seen:
            result = compute(storage.load_plan(home))
        bak = storage.backup(path)
        storage.save_plan(home, result.plan)
        storage.save_profile(home, result.plan.profile.to_toml_dict())
    if yes:  # saved first: output piped into `head` must not lose the replan
        _show_replan(console, result)
    console.print(f"Saved the new plan to {path}" + (f" (previous: {bak})" if bak else ""))


def _show_replan(console: Any, result: Any) -> None:
    console.print(f"Replanning from week {result.from_week}.")
    if result.orphans:
        console.print(
            "Kept as they are, though no loaded roadmap has them (a typo in plan.toml, or a "
            f"removed roadmap?): {', '.join(result.orphans[:10])}"
        )
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
