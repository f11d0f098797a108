"""upskill as a library: what `init`, `check`, `replan` and `status` do, callable in-process.

The commands are thin layers over these functions: they parse options, ask questions and
print; the functions do the work on the files in ``home`` and return what happened. Each
writer reads plan.toml once under the lock, changes it and saves it once
(`storage.editing` / `storage.commit`), so a program that calls them gets the same
guarantees as a person at the terminal::

    from upskill import api
    from upskill.profile import load_answers

    api.run_init(home, load_answers(Path("me.toml")), force=True)
    api.run_check(home, ["coding.big-o"], spent_hours=3)
    print(api.status(home)["ahead_hours"])

Errors are `upskill.errors.UpskillError` subclasses with one-line messages (the same a
command prints); nothing is printed here. ``today`` defaults to `clock.today()` (which
honours ``UPSKILL_TODAY``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from upskill.errors import StateError, UsageError
from upskill.plan import Plan, Task
from upskill.schema import Profile

MAX_WEEKS = 156  # the longest plan, counted from its start (replan cannot extend past it)


# ------------------------------------------------------------------------------------- init


@dataclass
class Initialized:
    plan: Plan
    plan_backup: Path | None  # the plan it replaced, kept
    profile_backup: Path | None
    unapplied: bool  # profile.toml held edits that were in no plan (kept in profile_backup)
    unknown_interests: list[str]  # interests no roadmap item is tagged with
    starts_in_past: bool  # more than a week ago: the weeks since count as due


def run_init(
    home: Path,
    profile: Profile,
    *,
    start: dt.date | None = None,
    today: dt.date | None = None,
    force: bool = False,
    catalog: Any = None,
) -> Initialized:
    """Plan for ``profile`` and save plan.toml and profile.toml (backups of what was there).

    ``start`` overrides the profile's start date (default: the coming Monday). An existing
    plan is replaced only with ``force``.
    """
    from upskill import clock, storage
    from upskill.errors import UpskillError
    from upskill.planner import build_plan, coming_monday
    from upskill.roadmaps import load_catalog
    from upskill.schema import check_roadmaps

    today = today or clock.today()
    plan_file = storage.plan_path(home)
    exists = plan_file.exists() or plan_file.is_symlink()
    if exists and not force:
        raise StateError(f"{plan_file} already exists; use --force to replace it (a .bak is kept)")
    catalog = catalog if catalog is not None else load_catalog(home)
    check_roadmaps(profile, list(catalog.roadmaps), "answers")
    tags = catalog.tags()
    unknown = [i for i in profile.interests if i.lower() not in tags]
    if start is not None:
        profile = profile.replace(start_date=start)
    start_date = profile.start_date or coming_monday(today)
    where = "--start" if start is not None else "start_date"
    clock.in_range(start_date, f"{where} {start_date.isoformat()}")
    if clock.plan_end(start_date, profile.weeks) is None:
        raise UsageError(
            f"{where} {start_date.isoformat()}: a {profile.weeks}-week plan would end after "
            f"{clock.LATEST.isoformat()}; choose an earlier start"
        )
    plan = build_plan(profile, catalog, start_date, today=today)
    profile_data = plan.profile.to_toml_dict()
    with storage.locked(home):
        try:
            old = storage.load_plan(home).profile.to_toml_dict() if exists else None
        except UpskillError:
            old = None  # a broken plan is replaced (and kept as a backup)
        unapplied = (
            storage.profile_state(home, old) == "edited"
            and storage.profile_state(home, profile_data) != "same"
        )
        # The plan first (the source of truth), then the profile that matches it.
        plan_bak, profile_bak = storage.commit(home, plan, profile_data)
    return Initialized(
        plan=plan,
        plan_backup=plan_bak,
        profile_backup=profile_bak,
        unapplied=unapplied and profile_bak is not None,
        unknown_interests=unknown,
        starts_in_past=start_date < today - dt.timedelta(days=7),
    )


# ------------------------------------------------------------------------------------ check


@dataclass
class Checked:
    plan: Plan  # as saved
    status: str  # what the tasks were marked: done, todo or skipped
    ids: list[str]  # the task ids marked (a bare recurring id resolved to its ID@N)
    changed: bool  # their status changed (else they already had it)
    outside: list[Task] = field(default_factory=list)  # recorded as done outside the plan
    removed: list[tuple[str, bool]] = field(default_factory=list)  # outside-plan work undone
    recorded: list[Any] = field(default_factory=list)  # progress.Recorded, one per task
    people: list[Any] = field(default_factory=list)  # people.Person the tasks covered
    saved: bool = False


def evidence_ref(value: str) -> str:
    """A piece of evidence as it is kept: a link as given, a path made absolute (it must exist).

    A link is anything with a scheme (``https://...``, ``doi:...``); the rest is a path,
    relative to where the program runs, so it is kept absolute to mean the same thing later.
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


def check_note(note: str | None) -> str | None:
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


def check_hours(spent: float) -> float:
    from upskill.plan import MAX_TASK_HOURS

    if not math.isfinite(spent) or not 0 < spent <= MAX_TASK_HOURS:
        raise UsageError(
            f"--hours {spent:g}: give the hours the task really took, a number above 0 "
            f"(at most {MAX_TASK_HOURS})"
        )
    return spent


def person_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise UsageError("--person is empty; give a name as `upskill people list` shows it")
    return text


def run_check(
    home: Path,
    ids: Sequence[str],
    status: str = "done",
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
    evidence: Sequence[str] = (),
    note: str | None = None,
    spent_hours: float | None = None,
    people: Sequence[str] = (),
) -> Checked:
    """Mark tasks ``status`` (done, todo or skipped) and record what shows the work.

    ``on`` is the completion date (default today). An id that is not in the plan but is a
    roadmap item is recorded as done outside the plan (counted as done, never as planned);
    marking it todo takes it out again. ``evidence`` (links or paths), ``note``,
    ``spent_hours`` (the hours the whole task took) and ``people`` (names in the outreach log,
    for an outreach task) go with marking done.
    """
    from upskill import clock, progress, storage

    if status not in ("done", "todo", "skipped"):
        raise UsageError(f"status {status!r}: use done, todo or skipped")
    if not ids:
        raise UsageError("give at least one task id")
    refs = [evidence_ref(e) for e in evidence]
    note = check_note(note)
    names = [person_name(n) for n in people]
    if spent_hours is not None:
        check_hours(spent_hours)
        if len(ids) > 1:
            raise UsageError("--hours is the hours one task took: record it one task at a time")
    if (refs or spent_hours is not None or names) and status != "done":
        raise UsageError(
            "--evidence, --hours and --person record finished work: they go with marking "
            "done, not --undo or --skip"
        )
    if on is not None and status != "done":
        raise UsageError(
            "--on gives a completion date: it goes with marking done, not --undo or --skip"
        )
    today = today or clock.today()
    if on is not None and on > today:
        raise UsageError(f"--on {on.isoformat()} is in the future; a task is done when it is done")
    if not storage.plan_path(home).exists():
        storage.load_plan(home)  # says there is no plan, before any lock file is made
    with storage.editing(home) as edit:
        plan = edit.plan
        if on is not None and on < plan.start:
            raise UsageError(
                f"--on {on.isoformat()} is before your plan started ({plan.start.isoformat()})"
            )
        outside: list[str] = []
        resolved = list(
            dict.fromkeys(
                progress.resolve_ids(
                    plan, ids, today, status, outside=outside if status == "done" else None
                )
            )
        )
        added: list[Task] = []
        if outside:  # work done outside the plan: only then are the roadmaps needed
            from upskill.roadmaps import load_catalog

            added = progress.record_outside(plan, outside, load_catalog(home), on or today)
        unplanned = [tid for tid in resolved if progress.is_outside(plan, tid)]
        if unplanned and status == "skipped":
            raise StateError(
                f"{unplanned[0]} was done outside the plan, so there is nothing to skip; "
                f"`upskill check --undo {unplanned[0]}` removes it"
            )
        removed = progress.unrecord_outside(plan, unplanned) if status == "todo" else []
        resolved = [tid for tid in resolved if tid not in unplanned or status == "done"]
        log = _covered(home, plan, resolved, names) if names else None
        changed = progress.mark(plan, resolved, status, on, default=today)
        recorded = [
            progress.record(plan, tid, evidence=refs, note=note, spent_hours=spent_hours)
            for tid in resolved
        ]
        linked = _link(log, resolved, names) if log is not None else []
        if linked:
            edit.then.append(
                lambda: storage.save_people(
                    home,
                    log,
                    outcome=f"{storage.plan_path(home).name} was saved, but the people "
                    "were not logged; run the same check again once the cause is fixed",
                )
            )
    return Checked(
        plan=plan,
        status=status,
        ids=resolved,
        changed=bool(changed),
        outside=added,
        removed=removed,
        recorded=recorded,
        people=linked,
        saved=edit.saved,
    )


@dataclass
class Added:
    plan: Plan  # as saved
    added: list[Task]  # the rows put in the plan (pinned), or
    back: list[Any]  # the rows taken back out (`Unscheduled`), with --undo
    saved: bool
    notes: list[str] = field(default_factory=list)  # what it builds on that comes later


def run_add(
    home: Path,
    item: str,
    week: int | None = None,
    *,
    times: int = 1,
    undo: bool = False,
    today: dt.date | None = None,
) -> Added:
    """Put work that did not fit into the plan, in ``week`` (default: the first week from this
    one with its hours free), pinned there so that `replan` leaves it; a weekly item's next
    ``times`` occurrences, one a week. ``undo`` takes what was added back out, to the work
    that did not fit, with what was recorded on it."""
    from upskill import clock, progress, storage

    if undo and (week is not None or times != 1):
        raise UsageError("--undo takes the task back out: it goes without --week and --times")
    today = today or clock.today()
    if not storage.plan_path(home).exists():
        storage.load_plan(home)  # says there is no plan, before any lock file is made
    with storage.editing(home) as edit:
        plan = edit.plan
        if undo:
            back = progress.take_back_added(plan, item)
            added: list[Task] = []
            notes: list[str] = []
        else:
            from upskill.roadmaps import load_catalog

            catalog = load_catalog(home)
            added, notes = progress.add_left_out(plan, item, week, times, catalog, today)
            back = []
    return Added(plan=plan, added=added, back=back, saved=edit.saved, notes=notes)


def _covered(home: Path, plan: Plan, tasks: list[str], names: list[str]) -> Any:
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


@dataclass
class Ticked:
    plan: Plan  # as it is now (saved if anything changed)
    done: list[str]
    todo: list[str]
    gone: list[str]  # no longer in the plan (changed meanwhile): left alone


def apply_checklist(
    home: Path,
    want_done: Sequence[str],
    want_todo: Sequence[str],
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> Ticked:
    """What a checklist decided, applied to the plan as it is on disk now.

    Only the given changes are made: a task another program changed meanwhile is left as it
    is, and one no longer in the plan is named in ``gone``.
    """
    from upskill import clock, progress, storage

    today = today or clock.today()
    with storage.editing(home) as edit:
        present = {t.id for t in edit.plan.tasks}
        done = [tid for tid in want_done if tid in present]
        todo = [tid for tid in want_todo if tid in present]
        progress.mark(edit.plan, done, "done", on, default=today)
        progress.mark(edit.plan, todo, "todo", None)
    return Ticked(edit.plan, done, todo, [t for t in [*want_done, *want_todo] if t not in present])


# ----------------------------------------------------------------------------------- replan


@dataclass
class Replanned:
    result: Any  # progress.ReplanResult: the new plan, what moved, what no longer fits
    before: Plan  # the plan that was replanned, as read under the lock
    plan_backup: Path | None
    note: str | None  # about profile.toml (it was stale and now matches), if anything
    changed_meanwhile: bool  # the plan on disk was not the one previewed


@dataclass(frozen=True)
class ReplanRequest:
    """What a replan is asked to do; `decide` turns it into a new plan for a given plan."""

    start: dt.date
    today: dt.date
    hours: float | None = None
    weeks: int | None = None
    profile: Profile | None = None  # an edited profile to apply
    profile_file: Path | None = None  # where that profile came from
    pace: bool = False

    def decide(self, plan: Plan, catalog: Any, name: str = "plan.toml") -> Any:
        from upskill import progress

        if plan.week_of(self.start) < plan.week_of(self.today):
            raise UsageError(
                f"--from {self.start.isoformat()} is in a week that has ended; "
                "replan reflows from this week on"
            )
        check_reach(plan, self.start)
        factors = None
        if self.pace:
            from upskill import pace as learned

            factors = learned.scales(learned.learn(plan))
        return progress.replan(
            plan,
            catalog,
            self.start,
            hours=self.hours,
            weeks=self.weeks,
            profile=self.profile,
            name=name,
            today=self.today,
            pace=factors,
        )


def replan_request(
    home: Path,
    *,
    start: dt.date | None = None,
    today: dt.date | None = None,
    hours: float | None = None,
    weeks: int | None = None,
    profile_file: Path | None = None,
    pace: bool = False,
    catalog: Any = None,
) -> ReplanRequest:
    """Check the numbers and read the edited profile: every refusal before anything is decided."""
    from upskill import clock

    if hours is not None and not 1 <= hours <= 80:  # also refuses nan
        raise UsageError(f"--hours {hours:g} is outside 1..80")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks {weeks} is outside 1..{MAX_WEEKS}")
    today = today or clock.today()
    edited = None
    if profile_file is not None:
        from upskill.profile import load_answers
        from upskill.roadmaps import load_catalog
        from upskill.schema import check_roadmaps

        edited = load_answers(profile_file)
        known = catalog if catalog is not None else load_catalog(home)
        check_roadmaps(edited, list(known.roadmaps), str(profile_file))
    return ReplanRequest(start or today, today, hours, weeks, edited, profile_file, pace)


def preview_replan(home: Path, request: ReplanRequest, catalog: Any = None) -> tuple[Plan, Any]:
    """The plan as it is and what replan would make of it, without writing anything."""
    from upskill import storage
    from upskill.roadmaps import load_catalog

    catalog = catalog if catalog is not None else load_catalog(home)
    shown = storage.load_plan(home)
    result = request.decide(shown, catalog, str(storage.plan_path(home)))
    profile_guard(home, shown, request.profile_file)  # refuse before asking, not after
    return shown, result


def run_replan(
    home: Path,
    request: ReplanRequest,
    *,
    shown: Plan | None = None,
    catalog: Any = None,
) -> Replanned:
    """Replan under the lock, on the plan as it is then, and save it with its profile.

    ``shown`` is the plan a preview was made from: if the file changed since, the new plan
    is decided on what is there now (nothing written meanwhile is lost) and
    ``changed_meanwhile`` says so.
    """
    from upskill import storage
    from upskill.roadmaps import load_catalog

    catalog = catalog if catalog is not None else load_catalog(home)
    with storage.locked(home):
        plan = storage.load_plan(home)  # read once, under the lock: decide on what was read
        result = request.decide(plan, catalog, str(storage.plan_path(home)))
        note = profile_guard(home, plan, request.profile_file)
        plan_bak, _ = storage.commit(home, result.plan, result.plan.profile.to_toml_dict())
    return Replanned(result, plan, plan_bak, note, shown is not None and plan != shown)


def check_reach(plan: Plan, start: dt.date) -> None:
    """A plan cannot be extended past MAX_WEEKS from its start: say what to do instead."""
    from_week = max(plan.week_of(start), 1)
    if from_week > max(MAX_WEEKS, plan.weeks):
        raise StateError(
            f"{start.isoformat()} is in week {from_week} of the plan that started on "
            f"{plan.start.isoformat()}, and a plan is at most {MAX_WEEKS} weeks long: start a "
            "new plan with `upskill init --force` (the old one is kept as a backup)"
        )


def profile_guard(home: Path, plan: Plan, profile_file: Path | None) -> str | None:
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


# ----------------------------------------------------------------------------------- status


def status(home: Path, today: dt.date | None = None) -> dict[str, Any]:
    """Where the person stands (the `status --format json` document), read-only."""
    from upskill import clock, progress, storage

    return progress.summary(storage.load_plan(home), today or clock.today())
