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
    make_console,
    print_json,
    warn,
)
from upskill.errors import StateError, UsageError


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
    from upskill import clock, progress, render, storage

    if undo and skip:
        raise UsageError("--undo and --skip cannot be used together")
    refs = [evidence_ref(e) for e in evidence or []]
    note = _check_note(note)
    names = [_person_name(n) for n in people or []]
    if (refs or note is not None or spent is not None or names) and not ids:
        raise UsageError(
            "--evidence, --note, --hours and --person need a task id, "
            "e.g. upskill check coding.big-o --evidence https://github.com/you/repo"
        )
    if (refs or spent is not None or names) and (undo or skip):
        raise UsageError(
            "--evidence, --hours and --person record finished work: they go with marking "
            "done, not --undo or --skip"
        )
    if spent is not None:
        _check_hours(spent)
        if len(ids or []) > 1:
            raise UsageError("--hours is the hours one task took: record it one task at a time")
    if (undo or skip or on) and not ids and (chart or not interactive()):
        raise UsageError("--undo, --skip and --on need task ids")
    if on and (undo or skip):
        raise UsageError(
            "--on gives a completion date: it goes with marking done, not --undo or --skip"
        )
    home = current_home()
    today = clock.today()
    when = clock.parse_date(on, "--on") if on else None
    if when is not None and when > today:
        raise UsageError(
            f"--on {when.isoformat()} is in the future; a task is done when it is done"
        )
    if not storage.plan_path(home).exists():
        storage.load_plan(home)  # says there is no plan, before any lock file is made
    if ids:
        status = "todo" if undo else "skipped" if skip else "done"
        with storage.locked(home):
            plan = storage.load_plan(home)
            _check_on(plan, when)
            outside: list[str] = []
            resolved = list(
                dict.fromkeys(
                    progress.resolve_ids(
                        plan, ids, today, status, outside=outside if status == "done" else None
                    )
                )
            )
            added = []
            if outside:  # work done outside the plan: only then are the roadmaps needed
                from upskill.roadmaps import load_catalog

                added = progress.record_outside(plan, outside, load_catalog(home), when or today)
            unplanned = [tid for tid in resolved if progress.is_outside(plan, tid)]
            if unplanned and status == "skipped":
                raise StateError(
                    f"{unplanned[0]} was done outside the plan, so there is nothing to skip; "
                    f"`upskill check --undo {unplanned[0]}` removes it"
                )
            removed = progress.unrecord_outside(plan, unplanned) if status == "todo" else []
            resolved = [tid for tid in resolved if tid not in unplanned or status == "done"]
            log = _covered(home, plan, resolved, names) if names else None
            changed = progress.mark(plan, resolved, status, when, default=today)
            recorded = [
                progress.record(plan, tid, evidence=refs, note=note, spent_hours=spent)
                for tid in resolved
            ]
            linked = _link(log, resolved, names) if log is not None else []
            with storage.transaction():
                if changed or added or removed or any(r.changed for r in recorded):
                    storage.save_plan(home, plan)
                if linked:
                    storage.save_people(
                        home,
                        log,
                        outcome=f"{storage.plan_path(home).name} was saved, but the people "
                        "were not logged; run the same check again once the cause is fixed",
                    )
        if fmt is not Format.json:
            verb = {"todo": "not done", "skipped": "skipped", "done": "done"}[status]
            listed = ", ".join(resolved)
            if resolved:
                print(f"Marked {verb}: {listed}" if changed else f"Already {verb}: {listed}")
            if added:
                print(f"Marked done outside the plan: {', '.join(t.id for t in added)}")
            for tid, back in removed:
                where = "; it is back among the work that did not fit" if back else ""
                print(f"Marked not done: {tid} (done outside the plan: removed{where})")
            for line in _recorded_lines(recorded):
                print(line)
            if names:
                print(f"Logged as covered by {listed}: {', '.join(p.name for p in linked)}")
    elif interactive() and fmt is Format.table and not chart:  # --chart only looks
        _check_interactive(home, today, when)
        plan = storage.load_plan(home)
    else:
        plan = storage.load_plan(home)
    from upskill.lint import warnings

    # The cheap checks only: check never loads the roadmaps for them (`replan` does).
    warn(warnings(plan, str(storage.plan_path(home))))
    data = progress.summary(plan, today)
    if fmt is Format.json:
        print_json(data)
        return
    console = make_console()
    render.summary_view(console, data)
    if chart:
        render.chart(console, progress.chart_rows(plan, today))


def evidence_ref(value: str) -> str:
    """A piece of evidence as it is kept: a link as given, a path made absolute (it must exist).

    A link is anything with a scheme (``https://...``, ``doi:...``); the rest is a path,
    relative to where the command runs, so it is kept absolute to mean the same thing later.
    """
    import re

    from upskill.plan import MAX_EVIDENCE_CHARS, is_evidence

    text = value.strip()
    if not text:
        raise UsageError("--evidence is empty; give a link (https://...) or a path")
    if not text.isprintable():
        raise UsageError(
            f"--evidence {text!r} holds a line break or a control character; give one link "
            "or path per --evidence"
        )
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:\S+$", text):
        ref = text
    else:
        path = Path(text).expanduser().absolute()
        if not path.exists():
            raise UsageError(
                f"--evidence {text}: no such file or folder; give a link (https://...) or "
                "the path of something that exists"
            )
        ref = str(path)
    if len(ref) > MAX_EVIDENCE_CHARS or not is_evidence(ref):
        raise UsageError(f"--evidence: longer than {MAX_EVIDENCE_CHARS} characters")
    return ref


def _check_note(note: str | None) -> str | None:
    from upskill.plan import MAX_NOTE

    if note is None:
        return None
    text = note.strip()
    if not text:
        raise UsageError("--note is empty; give the note's text")
    if not text.isprintable():
        raise UsageError(
            "--note holds a line break or a control character; write the note on one line"
        )
    if len(text) > MAX_NOTE:
        raise UsageError(f"--note is longer than {MAX_NOTE} characters")
    return text


def _check_hours(spent: float) -> None:
    import math

    from upskill.plan import MAX_TASK_HOURS

    if not math.isfinite(spent) or not 0 < spent <= MAX_TASK_HOURS:
        raise UsageError(
            f"--hours {spent:g}: give the hours the task really took, a number above 0 "
            f"(at most {MAX_TASK_HOURS})"
        )


def _person_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise UsageError("--person is empty; give a name as `upskill people list` shows it")
    return text


def _covered(home: Path, plan: Any, tasks: list[str], names: list[str]) -> Any:
    """The outreach log, once every task is an outreach task and every name is in it."""
    from upskill import storage

    for tid in tasks:
        kind = plan.parts_of(tid)[0].kind
        if kind != "network":
            raise UsageError(
                f"--person goes with an outreach task (kind network); {tid} is a {kind} task"
            )
    log = storage.load_people(home)
    for name in names:
        log.find(name)
    return log


def _link(log: Any, tasks: list[str], names: list[str]) -> list[Any]:
    """Record on each person the outreach tasks that covered them; returns the people."""
    linked = []
    for name in names:
        person = log.find(name)
        person.tasks.extend(t for t in tasks if t not in person.tasks)
        if person not in linked:
            linked.append(person)
    return linked


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


def _check_interactive(home: Path, today: Any, when: Any) -> None:
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
        return
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
    with storage.locked(home):
        plan = storage.load_plan(home)  # re-read: another process may have written meanwhile
        present = {t.id for t in plan.tasks}
        now_done = [tid for tid in want_done if tid in present]
        now_todo = [tid for tid in want_todo if tid in present]
        gone = [tid for tid in want_done + want_todo if tid not in present]
        changed = progress.mark(plan, now_done, "done", when, default=today)
        changed += progress.mark(plan, now_todo, "todo", None)
        if changed:
            storage.save_plan(home, plan)
    if now_done:
        print(f"Marked done: {', '.join(now_done)}")
    if now_todo:
        print(f"Marked not done: {', '.join(now_todo)}")
    if gone:
        print(f"No longer in the plan (changed meanwhile), left alone: {', '.join(gone)}")
    if not now_done and not now_todo and not gone:
        print("Nothing changed.")


def _columns() -> int:
    """The width of the terminal the checklist is drawn on (as the prompt sees it, not $COLUMNS)."""
    import os
    import shutil
    import sys

    try:
        return os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1).columns
    except (OSError, ValueError):
        return shutil.get_terminal_size().columns
