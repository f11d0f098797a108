"""`upskill init`: questionnaire or answers file to profile and plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from upskill.commands import (
    app,
    current_home,
    interactive,
    make_console,
)


@app.command(short_help="Make your plan: questionnaire or --answers FILE.")
def init(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="Read the profile from this TOML file; ask nothing.", metavar="FILE"
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="Start date (YYYY-MM-DD), overriding the profile.", metavar="DATE"
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing plan (a .bak is kept).")
    ] = False,
) -> None:
    """Answer a few questions (or give --answers FILE) and get a week-by-week plan.

    An answers file is a profile in TOML, the same as the profile.toml that init saves:
    background, target_role, hours_per_week and weeks are required; name, start_date,
    runway_months, roadmaps, interests and a [skills] table of 0-4 ratings are optional.
    The README has the full format; the source's examples/ folder has seven.
    """
    from upskill import api, clock, render, storage
    from upskill.errors import (
        DeclinedError,
        NoTerminalError,
        StateError,
    )
    from upskill.planner import coming_monday
    from upskill.profile import load_answers
    from upskill.roadmaps import load_catalog
    from upskill.schema import check_roadmaps, profile_from_dict

    home = current_home()
    today = clock.today()
    start_override = clock.parse_date(start, "--start") if start else None
    if answers is None and not sys.stdin.isatty():
        raise NoTerminalError(
            "no terminal to ask questions on; use --answers FILE (a profile TOML: see README)"
        )
    plan_file = storage.plan_path(home)
    exists = plan_file.exists() or plan_file.is_symlink()
    if exists and not force and not interactive():
        raise StateError(f"{plan_file} already exists; use --force to replace it (a .bak is kept)")
    if exists and not force:
        from upskill import questionnaire

        if not questionnaire.confirm(
            f"{plan_file} exists. Replace it (a .bak is kept)?", default=False
        ):
            raise DeclinedError("Kept the existing plan; nothing was written.")
    catalog = load_catalog(home)
    if answers is not None:
        profile = load_answers(answers)
        check_roadmaps(profile, list(catalog.roadmaps), str(answers))
    else:
        from upskill import questionnaire
        from upskill.schema import TRACK_ORDER

        core = [r for r in TRACK_ORDER if r in catalog.roadmaps]
        ordered = core + [r for r in catalog.roadmaps if r not in core]
        choices = [(r, render.clean(catalog.roadmaps[r].title, one_line=True)) for r in ordered]
        interview = questionnaire.Interview(
            choices,
            coming_monday(today),
            tags=catalog.tags(),
            today=today,
            saved=_saved_answers(home, list(catalog.roadmaps)),
        )
        interview.ask_all()
        data = questionnaire.review(
            interview, lambda d: _print_profile(profile_from_dict(d, "answers"))
        )
        profile = profile_from_dict(data, "answers")
    made = api.run_init(
        home, profile, start=start_override, today=today, force=True, catalog=catalog
    )
    plan = made.plan
    for interest in made.unknown_interests[:1]:
        print(
            f"upskill: note: no roadmap item is tagged {interest!r}, so it changes nothing "
            f"(the roadmaps know: {', '.join(catalog.tags()) or 'no tags'})",
            file=sys.stderr,
        )
    if made.starts_in_past:
        storage.say(
            f"upskill: note: the plan starts on {plan.start.isoformat()}, in the past: the weeks "
            "since then count as due (use --start DATE to start later)"
        )
    console = make_console()
    console.print(f"Saved your plan to {plan_file}")
    console.print(f"Saved your profile to {storage.profile_path(home)}")
    if made.unapplied:
        storage.say(
            f"upskill: note: your {storage.PROFILE_FILE} held changes that were in no plan; "
            f"they are kept in {made.profile_backup}"
        )
    start_date = plan.start
    scheduled = sum(t.hours for t in plan.tasks)
    per_week = render.budget(plan.hours_per_week)
    console.print(
        f"{plan.weeks} weeks from {start_date.isoformat()} at {per_week} h/week: "
        f"{len({t.item_id for t in plan.tasks})} items, {scheduled:g} h scheduled."
    )
    left_out = render.left_out_roadmaps_said(plan.profile, catalog, plan=plan)
    if left_out is not None:
        console.print(left_out)
    said = render.milestones_said(plan, catalog)
    if said is not None:
        console.print(said, soft_wrap=True)
    render.week_table(console, plan, 1, "Preview: ")
    render.plan_footer(console, plan, full=False, catalog=catalog)
    console.print("Next: `upskill plan` for this week, `upskill check ID` when you finish a task.")


def _saved_answers(home: Path, known: list[str]) -> dict[str, Any] | None:
    """The answers saved last time (profile.toml, else the plan's own profile), as defaults.

    Only answers that are valid as they stand are offered: an edit gone wrong is said and
    left aside, and the questions start from their usual defaults.
    """
    from upskill import storage
    from upskill.errors import UpskillError
    from upskill.schema import check_roadmaps, profile_from_dict
    from upskill.tomlio import read_toml

    path = storage.profile_path(home)
    try:
        if path.exists():
            data = read_toml(path, str(path))
        elif storage.plan_path(home).exists():
            data = storage.load_plan(home).profile.to_toml_dict()
        else:
            return None
        check_roadmaps(profile_from_dict(data, str(path)), known, str(path))
    except UpskillError as exc:
        first = str(exc).splitlines()[0]
        storage.say(f"upskill: note: not offering your saved answers as defaults: {first}")
        return None
    return data


def _print_profile(profile: Any) -> None:
    console = make_console()
    console.print("\nYour profile:")
    for key, value in profile.to_toml_dict().items():
        if key == "skills":
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        elif key == "time_off":
            value = ", ".join(_weeks_off(t) for t in value)
        elif isinstance(value, list):
            value = ", ".join(map(str, value)) or "(none)"
        console.print(f"  {key}: {value}")


def _weeks_off(entry: dict[str, Any]) -> str:
    """ "2026-12-21..2027-01-03 (holidays)", "2027-03-01..2027-03-07 at 4 h/week"."""
    text = f"{entry['start'].isoformat()}..{entry['end'].isoformat()}"
    if entry.get("hours_per_week"):
        text += f" at {entry['hours_per_week']:g} h/week"
    if entry.get("label"):
        text += f" ({entry['label']})"
    return text
