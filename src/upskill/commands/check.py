"""`upskill check`: mark tasks and see where you stand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from upskill.commands import (
    Format,
    app,
    complete_task_ids,
    current_home,
    interactive,
    show_standing,
    warn,
)
from upskill.errors import UsageError


@app.command(short_help="Mark tasks done; see if you are ahead or behind.")
def check(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID...",
            help="Task ids to mark (recurring: ID@N); none on a terminal: a checklist.",
            show_default=False,
            autocompletion=complete_task_ids,
        ),
    ] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Mark the tasks not done again.")] = False,
    skip: Annotated[
        bool, typer.Option("--skip", help="Mark the tasks skipped (deliberately not doing them).")
    ] = False,
    on: Annotated[
        str | None, typer.Option("--on", help="Completion date instead of today.", metavar="DATE")
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            "-e",
            help="What shows the work: a link (a PR, a post, a repo) or the path of a file or "
            "folder; give it more than once for several.",
            metavar="URL_OR_PATH",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            help="A note on the task, added after any note already there.",
            metavar="TEXT",
        ),
    ] = None,
    spent: Annotated[
        float | None,
        typer.Option(
            "--hours",
            help="The hours the task really took, all of it (replaces any figure before).",
            metavar="H",
        ),
    ] = None,
    people: Annotated[
        list[str] | None,
        typer.Option(
            "--person",
            help="Someone an outreach task (kind network) covered, by the name in "
            "`upskill people`; give it more than once for several.",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Also draw cumulative planned against done hours.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Mark tasks done (or --undo, --skip), then show where you stand against the plan.

    With --evidence, --note and --hours it also records what shows the work, a note and the
    hours it really took; with --person, the people an outreach task covered.
    """
    from upskill import api, clock, storage

    if undo and skip:
        raise UsageError("--undo and --skip cannot be used together")
    records = bool(evidence or note is not None or spent is not None or people)
    if records and not ids:
        for given in evidence or []:
            api.evidence_ref(given)  # a wrong value is named first, then the missing id
        raise UsageError(
            "--evidence, --note, --hours and --person need a task id, "
            "e.g. upskill check coding.big-o --evidence https://github.com/you/repo"
        )
    if (undo or skip or on) and not ids and (chart or not interactive()):
        raise UsageError("--undo, --skip and --on need task ids")
    if on and (undo or skip):
        raise UsageError(
            "--on gives a completion date: it goes with marking done, not --undo or --skip"
        )
    home = current_home()
    today = clock.today()
    when = clock.parse_date(on, "--on") if on else None
    if ids:
        status = "todo" if undo else "skipped" if skip else "done"
        done = api.run_check(
            home,
            ids,
            status,
            on=when,
            today=today,
            evidence=evidence or [],
            note=note,
            spent_hours=spent,
            people=people or [],
        )
        plan = done.plan
        if fmt is not Format.json:
            verb = {"todo": "not done", "skipped": "skipped", "done": "done"}[status]
            listed = ", ".join(done.ids)
            if done.ids:
                print(f"Marked {verb}: {listed}" if done.changed else f"Already {verb}: {listed}")
            if done.outside:
                print(f"Marked done outside the plan: {', '.join(t.id for t in done.outside)}")
            for tid, back in done.removed:
                where = "; it is back among the work that did not fit" if back else ""
                print(f"Marked not done: {tid} (done outside the plan: removed{where})")
            for line in _recorded_lines(done.recorded):
                print(line)
            if done.people:
                names = ", ".join(p.name for p in done.people)
                print(f"Logged as covered by {listed}: {names}")
    elif interactive() and fmt is Format.table and not chart:  # --chart only looks
        plan = _check_interactive(home, today, when)
    else:
        plan = storage.load_plan(home)
    from upskill.lint import warnings

    # The cheap checks only: check never loads the roadmaps for them (`replan` does).
    warn(warnings(plan, str(storage.plan_path(home))))
    show_standing(plan, today, fmt, chart)


def _recorded_lines(recorded: list[Any]) -> list[str]:
    """What was recorded, one line per task: evidence added, hours, what became of the note."""
    from upskill.render import clean

    out = []
    for r in recorded:
        said = []
        if r.evidence:
            said.append("evidence " + ", ".join(clean(e, one_line=True) for e in r.evidence))
        if r.spent is not None:
            before, after = r.spent
            was = f" (was {before:g} h)" if before is not None and before != after else ""
            said.append(f"took {after:g} h{was}")
        if r.note == "set":
            said.append("note saved")
        elif r.note == "added":
            said.append("note added after the note already there")
        elif r.note == "kept":
            said.append("the note was already there")
        if said:
            out.append(f"Recorded on {r.task_id}: {'; '.join(said)}")
    return out


def _check_on(plan: Any, when: Any) -> None:
    """A completion date before the plan started is a typo, not a record."""
    if when is not None and when < plan.start:
        raise UsageError(
            f"--on {when.isoformat()} is before your plan started ({plan.start.isoformat()})"
        )


# More changes than this at once (a stray `a` ticks a whole page) are confirmed before saving.
CONFIRM_ABOVE = 3


def _check_interactive(home: Path, today: Any, when: Any) -> Any:
    """A checkbox of this week's tasks, then one of the overdue ones; ticked become done.

    Only what the person changed in the checklist is written: a task is marked done if it was
    shown unticked and is now ticked, not done if it was shown ticked and is now unticked.
    Anything else (say, a task another terminal checked while this one was open) is left as
    it is on disk. More than a few changes at once are confirmed first.
    """
    from upskill import progress, questionnaire, render, storage
    from upskill.errors import DeclinedError

    plan = storage.load_plan(home)
    _check_on(plan, when)
    week = max(plan.week_of(today), 1)
    this_week, overdue = progress.checklist(plan, week)
    if not this_week and not overdue:
        print("Nothing due this week or overdue.")
        return plan
    parts = plan.parts()
    columns = _columns()
    # A split task counts as ticked when every part of it is done.
    was_ticked = {
        t.id
        for t in this_week + overdue
        if all(u.status == "done" for u in plan.tasks if u.id == t.id)
    }

    def page(tasks: list[Any], message: str, instruction: str) -> set[str]:
        choices = [
            (render.checklist_label(t, parts.get(id(t)), week, columns), t.id) for t in tasks
        ]
        question = questionnaire.Question(
            "done",
            "checkbox",
            message,
            choices=choices,
            default=[t.id for t in tasks if t.id in was_ticked],
            instruction=instruction,
        )
        return set(questionnaire.questionary_ask(question))

    late_ids = {t.id for t in overdue}
    late_hours = sum(
        t.hours for t in plan.tasks if t.id in late_ids and t.week < week and t.status == "todo"
    )
    late = (
        f"{len(overdue)} overdue task{'s' if len(overdue) != 1 else ''} from earlier weeks"
        if overdue
        else ""
    )
    keys = "space ticks or unticks, a ticks all, i inverts"
    ticked: set[str] = set()
    if this_week:
        go_on = f"enter: on to the {len(overdue)} overdue" if overdue else "enter saves"
        ticked |= page(this_week, f"Week {week}: tick what you have finished", f"({keys}; {go_on})")
    if overdue:  # overdue work on a page of its own, after this week's
        ticked |= page(
            overdue,
            f"{late} ({round(late_hours, 2):g} h): tick what you have finished",
            f"({keys}; enter saves)",
        )
    shown = [t.id for t in this_week + overdue]
    want_done = [tid for tid in shown if tid in ticked and tid not in was_ticked]
    want_todo = [tid for tid in shown if tid not in ticked and tid in was_ticked]
    count = len(want_done) + len(want_todo)
    if count > CONFIRM_ABOVE and not questionnaire.confirm(f"Save {count} changes?", default=False):
        raise DeclinedError("Nothing was saved; your plan is as it was.")
    from upskill import api

    ticked_now = api.apply_checklist(home, want_done, want_todo, on=when, today=today)
    if ticked_now.done:
        print(f"Marked done: {', '.join(ticked_now.done)}")
    if ticked_now.todo:
        print(f"Marked not done: {', '.join(ticked_now.todo)}")
    if ticked_now.gone:
        gone = ", ".join(ticked_now.gone)
        print(f"No longer in the plan (changed meanwhile), left alone: {gone}")
    if not ticked_now.done and not ticked_now.todo and not ticked_now.gone:
        print("Nothing changed.")
    return ticked_now.plan


def _columns() -> int:
    """The width of the terminal the checklist is drawn on (as the prompt sees it, not $COLUMNS)."""
    import os
    import shutil
    import sys

    try:
        return os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1).columns
    except (OSError, ValueError):
        return shutil.get_terminal_size().columns
