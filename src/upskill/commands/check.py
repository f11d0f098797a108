"""`upskill check`: mark tasks and see where you stand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from upskill.commands import (
    Format,
    app,
    current_home,
    interactive,
    make_console,
    print_json,
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
    if (undo or skip or on) and not ids and not interactive():
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
            resolved = list(dict.fromkeys(progress.resolve_ids(plan, ids, today, status)))
            log = _covered(home, plan, resolved, names) if names else None
            changed = progress.mark(plan, resolved, status, when, default=today)
            recorded = [
                progress.record(plan, tid, evidence=refs, note=note, spent_hours=spent)
                for tid in resolved
            ]
            linked = _link(log, resolved, names) if log is not None else []
            with storage.transaction():
                if changed or any(r.changed for r in recorded):
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
            print(f"Marked {verb}: {listed}" if changed else f"Already {verb}: {listed}")
            for line in _recorded_lines(recorded):
                print(line)
            if names:
                print(f"Logged as covered by {listed}: {', '.join(p.name for p in linked)}")
    elif interactive() and fmt is Format.table:
        _check_interactive(home, today, when)
        plan = storage.load_plan(home)
    else:
        plan = storage.load_plan(home)
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


def _check_interactive(home: Path, today: Any, when: Any) -> None:
    """A checkbox of this week's and overdue tasks; ticked become done, unticked not done.

    Only what the person changed in the checklist is written: a task is marked done if it was
    shown unticked and is now ticked, not done if it was shown ticked and is now unticked.
    Anything else (say, a task another terminal checked while this one was open) is left as
    it is on disk.
    """
    from upskill import progress, questionnaire, render, storage

    plan = storage.load_plan(home)
    _check_on(plan, when)
    week = max(plan.week_of(today), 1)
    shown: dict[str, Any] = {}
    for t in plan.tasks:
        if t.status == "skipped" or t.week > week:
            continue
        if t.week == week or t.status == "todo":
            shown.setdefault(t.id, t)
    if not shown:
        print("Nothing due this week or overdue.")
        return
    hours: dict[str, float] = {}
    for t in plan.tasks:  # a split task is shown once, with all its hours
        hours[t.id] = hours.get(t.id, 0.0) + t.hours
    # A split task counts as ticked when every part of it is done.
    was_ticked = {
        tid for tid in shown if all(t.status == "done" for t in plan.tasks if t.id == tid)
    }
    choices = []
    for tid, t in shown.items():
        late = f", week {t.week}, overdue" if t.week < week and t.status == "todo" else ""
        # The id first: a long title may be cut at the terminal's edge, the id must not be.
        title = render.clean(t.title)
        choices.append((f"{tid}  {title} ({hours[tid]:g} h{late})", tid))
    ticked = set(
        questionnaire.questionary_ask(
            questionnaire.Question(
                "done",
                "checkbox",
                f"Week {week}: tick what you have finished",
                choices=choices,
                default=sorted(was_ticked),
                instruction="(space ticks or unticks, enter saves; a ticks all, i inverts)",
            )
        )
    )
    want_done = [tid for tid in shown if tid in ticked and tid not in was_ticked]
    want_todo = [tid for tid in shown if tid not in ticked and tid in was_ticked]
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
