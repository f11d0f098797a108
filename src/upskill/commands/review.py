"""`upskill review`: the weekly review, kept in an append-only journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from upskill.commands import app, current_home, emit, interactive, make_console
from upskill.errors import UsageError

EXPORTS = ("markdown", "json")


@app.command(short_help="Your weekly review: what moved, what blocked you, next week.")
def review(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Take the answers from this TOML file (keys moved, blocked, question, contact, "
            "hours_next_week) instead of asking.",
            metavar="FILE",
        ),
    ] = None,
    show_list: Annotated[
        bool, typer.Option("--list", help="List the reviews so far instead.")
    ] = False,
    export: Annotated[
        str | None,
        typer.Option(
            "--export", help="Print the journal as markdown or json instead.", metavar="FORMAT"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="With --export: write to FILE (a file is replaced atomically).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Answer a few questions at the end of a week; the answers go into <home>/journal.toml.

    What moved, what blocked you, a question you would ask a researcher, one person to
    contact, and the hours you really have next week. Reviews are only ever added. A review
    that records a question keeps your question journal: research.question-journal is marked
    done if it is in your plan.
    """
    from upskill import storage

    if show_list and (export or answers):
        raise UsageError("--list cannot be used with --export or --answers")
    if export is not None and answers is not None:
        raise UsageError("--export cannot be used with --answers")
    if export is not None and export not in EXPORTS:
        raise UsageError(f"--export {export!r} is not one of {', '.join(EXPORTS)}")
    if output is not None and export is None:
        raise UsageError("-o goes with --export: upskill review --export markdown -o FILE")
    home = current_home()
    if show_list:
        from upskill import render

        render.reviews_table(make_console(), storage.load_journal(home))
        return
    if export is not None:
        _export(storage.load_journal(home), export, output)
        return
    _record(home, answers)


def _record(home: Path, answers: Path | None) -> None:
    from upskill import clock, journal, questionnaire, storage
    from upskill.errors import NoTerminalError

    if answers is None and not interactive():
        raise NoTerminalError(
            "no terminal to ask on; use --answers FILE (TOML with moved, blocked, question, "
            "contact, hours_next_week)"
        )
    today = clock.today()
    # Everything that could refuse is read before a question is asked: typed answers are
    # never thrown away by a broken file found afterwards.
    plan = storage.load_plan(home) if storage.plan_path(home).exists() else None
    storage.load_journal(home)
    week = None
    next_hours = None
    if plan is not None:
        current = plan.week_of(today)
        if 1 <= current <= plan.weeks:
            week = current
        upcoming = current + 1
        if 1 <= upcoming <= plan.weeks:
            next_hours = plan.budget(upcoming)
    if answers is not None:
        from upskill.tomlio import read_toml

        given = journal.answers_file(read_toml(answers, str(answers)), str(answers))
    else:
        typed = questionnaire.run_review(hours_default=next_hours)
        given = journal.answers_from_dict(typed, "your answers")
    entry = journal.Review(today, week, **given)
    marked = False
    with storage.locked(home):
        kept = storage.load_journal(home)
        kept.reviews.append(entry)
        plan = storage.load_plan(home) if storage.plan_path(home).exists() else None
        if plan is not None and journal.count_as_question_journal(entry):
            from upskill import progress

            todo = [
                t.id for t in plan.tasks if t.id == journal.QUESTION_JOURNAL and t.status == "todo"
            ]
            marked = bool(progress.mark(plan, todo, "done", None, default=today))
        with storage.transaction():
            path = storage.save_journal(home, kept)
            if marked and plan is not None:
                storage.save_plan(home, plan)
    count = len(kept.reviews)
    when = f"week {week} ({today.isoformat()})" if week is not None else today.isoformat()
    print(f"Saved your review of {when} to {path} ({count} review{'s' if count != 1 else ''}).")
    if marked:
        print(
            f"Marked done: {journal.QUESTION_JOURNAL} (your review recorded a question for a "
            "researcher)"
        )
    if entry.contact:
        print(
            "When you write to them: upskill people add NAME --org ORG --how email "
            '--about "..." logs it, and reminds you to follow up.'
        )
    if plan is not None and entry.hours_next_week is not None and week is not None:
        _hours_hint(plan, week + 1, float(entry.hours_next_week), home)


def _hours_hint(plan: Any, week: int, have: float, home: Path) -> None:
    """Say so when next week's plan holds more than the hours the person really has."""
    from upskill import storage

    if week > plan.weeks:
        return
    planned = round(sum(t.hours for t in plan.tasks_in(week) if t.status == "todo"), 2)
    if planned <= have + 0.5:
        return
    print(
        f"Week {week} of your plan holds {planned:g} h and you have {have:g} h: for a lasting "
        f"change, `upskill replan --hours {max(have, 1):g}`; for one lighter week, add it to "
        f"time_off in {storage.profile_path(home)} and run "
        f"`upskill replan --profile {storage.profile_path(home)}`."
    )


def _export(kept: Any, fmt: str, output: Path | None) -> None:
    from upskill import journal
    from upskill.render import json_text

    if fmt == "markdown":
        data = (journal.to_markdown(kept) + "\n").encode("utf-8")
    else:
        data = json_text(kept.to_json()).encode("utf-8")
    emit(data, output)
