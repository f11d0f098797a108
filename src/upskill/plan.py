"""The plan: plain dataclasses, their TOML shape and its validation.

Kept free of pydantic on purpose: `upskill plan` and `upskill check` read this file on every
run, and hand-written checks of a flat table are both faster to import and to run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from upskill.errors import DataError, key_shown
from upskill.schema import KINDS, Profile, is_date, is_number, profile_from_dict

# Schema 2 added optional task keys (note, pinned, unplanned; evidence, spent_hours, scaled_by)
# and the [[history]] of weeks a replan froze; `plan --format json` keeps saying schema 1, its
# shape only extended.
SCHEMA = 2
JSON_SCHEMA = 1
# \Z, not $: "$" also matches before a final newline, and "coding.big-o\n" is not an id.
_TASK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9_-]*(@[1-9][0-9]*)?\Z")
STATUSES = ("todo", "done", "skipped")
_TASK_KEYS = {"week", "id", "title", "kind", "hours", "status", "done_on"}
# Optional keys a person (or a command) may add to a task row; kept by every command.
# What a person recorded on a task; `unscheduled_reason`: on work done outside the plan that
# had been left out of it, why it was, so that `check --undo` can put it back among the work
# that did not fit.
_TASK_OPTIONAL = {
    "note",
    "pinned",
    "unplanned",
    "evidence",
    "spent_hours",
    "scaled_by",
    "unscheduled_reason",
}
# What a person recorded on a task, kept on a row that no longer fits too (and carried back).
_RECORD_KEYS = {"note", "evidence", "spent_hours", "scaled_by"}
_UNSCHEDULED_KEYS = {"id", "hours", "reason"}
_TOP_KEYS = {"schema", "profile", "tasks", "unscheduled", "history"}
_HISTORY_KEYS = {"week", "days", "planned", "rest"}
MAX_TASK_HOURS = 1000
MAX_NOTE = 2000
MAX_EVIDENCE = 100  # links or paths on one task
MAX_EVIDENCE_CHARS = 2000
# `replan --pace` scales estimates by the learned pace, bounded to this range.
PACE_BOUNDS = (0.5, 2.0)


@dataclass
class Task:
    """One part of an item in one week (or one occurrence ``id@N`` of a recurring item)."""

    id: str
    week: int
    title: str
    kind: str
    hours: float
    status: str = "todo"
    done_on: dt.date | None = None
    note: str | None = None  # the person's own words, kept everywhere
    pinned: bool = False  # replan leaves the task in its week
    unplanned: bool = False  # done outside the plan: counts as done, never as planned
    # What shows the work (links or paths) and the hours it really took, for the whole task;
    # a split task keeps them on its first part (readers merge the parts).
    evidence: list[str] = field(default_factory=list)
    spent_hours: float | None = None
    # `replan --pace` multiplied the estimate by this: ``hours / scaled_by`` is the estimate.
    scaled_by: float | None = None
    unscheduled_reason: str | None = None  # why it had been left out, if it had

    @property
    def roadmap(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def item_id(self) -> str:
        """The roadmap item this task comes from: the id without any ``@N``."""
        return self.id.split("@", 1)[0]

    @property
    def occurrence(self) -> int | None:
        _, _, n = self.id.partition("@")
        return int(n) if n else None


@dataclass(frozen=True)
class Part:
    """Where one part of a split task stands: part ``number`` of ``count``, of ``total`` hours."""

    number: int
    count: int
    total: float
    through: float = 0.0  # hours of the task up to the end of this part
    previous: float = 0.0  # hours of the task before the previous part (where that part began)

    def label(self, hours: float) -> str:
        """ "2.5 of 10 h, part 1 of 4": the same words in the plan, the checklist and exports."""
        return f"{hours:g} of {self.total:g} h, part {self.number} of {self.count}"


@dataclass
class Unscheduled:
    """Work that did not fit, with the reason."""

    id: str
    hours: float
    reason: str
    # What was recorded on the task before it stopped fitting, kept until it is placed again.
    note: str | None = None
    evidence: list[str] = field(default_factory=list)
    spent_hours: float | None = None
    scaled_by: float | None = None

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"id": self.id, "hours": self.hours, "reason": self.reason}
        row.update(_records(self))
        return row


def _records(row: Task | Unscheduled, note: bool = True) -> dict[str, Any]:
    """The optional record keys set on a task or a row that did not fit, in file order."""
    out: dict[str, Any] = {}
    if note and row.note is not None:
        out["note"] = row.note
    if row.evidence:
        out["evidence"] = list(row.evidence)
    if row.spent_hours is not None:
        out["spent_hours"] = row.spent_hours
    if row.scaled_by is not None:
        out["scaled_by"] = row.scaled_by
    return out


@dataclass
class History:
    """What a week had planned, frozen when a replan (or a plan made mid-week) came.

    The first ``days`` days of ``week`` carried ``planned`` hours (by roadmap) in all, and the
    rest of the week carries ``rest``: so ahead/behind about days gone by never changes.
    """

    week: int
    days: int
    planned: dict[str, float] = field(default_factory=dict)
    rest: dict[str, float] = field(default_factory=dict)

    def to_toml_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "days": self.days,
            "planned": dict(sorted(self.planned.items())),
            "rest": dict(sorted(self.rest.items())),
        }


@dataclass
class Plan:
    """A week-by-week plan and the progress recorded against it."""

    profile: Profile
    tasks: list[Task] = field(default_factory=list)
    unscheduled: list[Unscheduled] = field(default_factory=list)
    schema: int = SCHEMA
    history: list[History] = field(default_factory=list)
    # For a plan read from a file: the row in the file that each task came from (the tasks
    # are kept in week order), so that a warning names the key a person sees.
    rows: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def row_of(self, position: int) -> int:
        """The file row of ``tasks[position]`` (its position, for a task not read from one)."""
        return self.rows.get(id(self.tasks[position]), position)

    @property
    def start(self) -> dt.date:
        value = self.profile.start_date
        assert value is not None, "a plan's profile always has its start date"
        return value

    @property
    def weeks(self) -> int:
        return int(self.profile.weeks)

    @property
    def hours_per_week(self) -> float:
        return float(self.profile.hours_per_week)

    def week_start(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * (week - 1))

    def week_end(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * week - 1)

    def budget(self, week: int) -> float:
        """The hours of ``week``: the weekly budget as given, less any time off in it."""
        if self.profile.time_off_in(self.week_start(week)) is None:
            return self.hours_per_week
        return round(self.profile.week_budget(self.week_start(week)), 2)

    def week_of(self, day: dt.date) -> int:
        """The plan week holding ``day`` (0 or less before the start, > weeks after the end)."""
        return (day - self.start).days // 7 + 1

    def done_ahead(self, t: Task) -> bool:
        """Was ``t`` checked off before its week began? Its hours were spent in an earlier
        week, not the one it was planned for: that week's hours are free for other work (a
        replan gives them to it), and its load and total do not count it."""
        return t.status == "done" and t.done_on is not None and self.week_of(t.done_on) < t.week

    def takes_hours(self, t: Task) -> bool:
        """Does ``t`` take hours of its week: not skipped, not recorded as done outside the
        plan, not done ahead of it?"""
        return t.status != "skipped" and not t.unplanned and not self.done_ahead(t)

    def week_load(self, week: int) -> float:
        """The hours ``week`` holds: its tasks that take its hours (`takes_hours`)."""
        return round(sum(t.hours for t in self.tasks if t.week == week and self.takes_hours(t)), 2)

    def last_week(self) -> int:
        """The last week that holds a task (at least 1)."""
        return max((t.week for t in self.tasks), default=1)

    def tasks_in(self, week: int) -> list[Task]:
        return [t for t in self.tasks if t.week == week]

    def parts(self) -> dict[int, Part]:
        """For every task split over weeks (keyed by ``id(task)``): its part number and totals."""
        by_id: dict[str, list[Task]] = {}
        for t in self.tasks:
            by_id.setdefault(t.id, []).append(t)
        out: dict[int, Part] = {}
        for rows in by_id.values():
            if len(rows) < 2:
                continue
            rows.sort(key=lambda t: t.week)
            total = round(sum(t.hours for t in rows), 2)
            through = previous = 0.0
            for n, t in enumerate(rows, 1):
                before = through
                through = round(through + t.hours, 2)
                out[id(t)] = Part(n, len(rows), total, through, previous)
                previous = before
        return out

    def to_toml_dict(self) -> dict[str, Any]:
        """The plan file's TOML table; tasks in week order (stable), as loading returns them."""
        tasks = []
        for t in sorted(self.tasks, key=lambda t: t.week):
            row: dict[str, Any] = {
                "week": t.week,
                "id": t.id,
                "title": t.title,
                "kind": t.kind,
                "hours": t.hours,
                "status": t.status,
            }
            if t.done_on is not None:
                row["done_on"] = t.done_on
            if t.note is not None:
                row["note"] = t.note
            if t.pinned:
                row["pinned"] = True
            if t.unplanned:
                row["unplanned"] = True
            row.update(_records(t, note=False))
            if t.unscheduled_reason is not None:
                row["unscheduled_reason"] = t.unscheduled_reason
            tasks.append(row)
        data: dict[str, Any] = {
            "schema": self.schema,
            "profile": self.profile.to_toml_dict(),
            "tasks": tasks,
            "unscheduled": [u.to_dict() for u in self.unscheduled],
        }
        if self.history:
            data["history"] = [h.to_toml_dict() for h in sorted(self.history, key=lambda h: h.week)]
        return data

    def to_json(self, week: int | None = None) -> dict[str, Any]:
        """The ``plan --format json`` object of DESIGN.md (all weeks, or only ``week``)."""
        by_week: dict[int, list[Task]] = {}
        for t in self.tasks:
            by_week.setdefault(t.week, []).append(t)
        numbers = [week] if week is not None else list(range(1, self.last_week() + 1))
        parts = self.parts()
        weeks = []
        for n in numbers:
            tasks = by_week.get(n, [])
            weeks.append(
                {
                    "week": n,
                    "start": self.week_start(n).isoformat(),
                    "end": self.week_end(n).isoformat(),
                    "hours": float(round(sum(t.hours for t in tasks), 2)),
                    "budget": self.budget(n),
                    "buffer": round(self.budget(n) * self.profile.buffer, 2),
                    "tasks": [task_json(t, parts.get(id(t))) for t in tasks],
                }
            )
        return {
            "schema": JSON_SCHEMA,
            "profile": self.profile.to_json(),
            "weeks": weeks,
            "unscheduled": [u.to_dict() for u in self.unscheduled],
        }

    def parts_of(self, task_id: str) -> list[Task]:
        """Every part of a task (one, or several for a split task), in week order."""
        return sorted((t for t in self.tasks if t.id == task_id), key=lambda t: t.week)


def task_json(t: Task, part: Part | None = None) -> dict[str, Any]:
    """One task in `plan --format json`: the contract's keys, then the optional ones set."""
    row: dict[str, Any] = {
        "id": t.id,
        "roadmap": t.roadmap,
        "title": t.title,
        "kind": t.kind,
        "hours": t.hours,
        "status": t.status,
        "done_on": t.done_on.isoformat() if t.done_on else None,
    }
    if part is not None:
        row.update({"part": part.number, "parts": part.count, "total_hours": part.total})
    if t.note is not None:
        row["note"] = t.note
    if t.pinned:
        row["pinned"] = True
    if t.unplanned:
        row["unplanned"] = True
    if t.evidence:
        row["evidence"] = list(t.evidence)
    if t.spent_hours is not None:
        row["spent_hours"] = t.spent_hours
    if t.scaled_by is not None:
        row["scaled_by"] = t.scaled_by
    if t.unscheduled_reason is not None:
        row["unscheduled_reason"] = t.unscheduled_reason
    return row


@dataclass(frozen=True)
class Record:
    """What was recorded on one task, merged across its parts (a split task is one task)."""

    id: str
    title: str
    kind: str
    hours: float  # planned, all parts
    status: str
    done_on: dt.date | None
    evidence: tuple[str, ...]
    notes: tuple[str, ...]  # the note as written; lines once each if parts hold several
    spent_hours: float | None
    estimate: float  # the hours before any `replan --pace` scaling

    @property
    def roadmap(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def item_id(self) -> str:
        return self.id.split("@", 1)[0]


def merged(parts: list[Task]) -> Record:
    """One task's record from its parts: evidence and notes in order without repeats, hours
    summed; the task is done when every part is, on the latest part's date."""
    first = parts[0]
    evidence = tuple(dict.fromkeys(e for t in parts for e in t.evidence))
    written = list(dict.fromkeys(t.note for t in parts if t.note))
    if len(written) > 1:  # parts carry copies of one note, some with lines added: each once
        written = list(dict.fromkeys(line for n in written for line in n.splitlines()))
    notes = tuple(written)
    spent = [t.spent_hours for t in parts if t.spent_hours is not None]
    statuses = {t.status for t in parts}
    status = statuses.pop() if len(statuses) == 1 else "todo"
    done = [t.done_on for t in parts if t.done_on is not None]
    return Record(
        id=first.id,
        title=first.title,
        kind=first.kind,
        hours=round(sum(t.hours for t in parts), 2),
        status=status,
        done_on=max(done) if status == "done" and done else None,
        evidence=evidence,
        notes=notes,
        spent_hours=round(sum(spent), 2) if spent else None,
        estimate=round(sum(t.hours / (t.scaled_by or 1.0) for t in parts), 2),
    )


def records(plan: Plan) -> list[Record]:
    """Every task of the plan as one record (split tasks merged), in the order of first parts."""
    by_id: dict[str, list[Task]] = {}
    for t in sorted(plan.tasks, key=lambda t: t.week):
        by_id.setdefault(t.id, []).append(t)
    return [merged(parts) for parts in by_id.values()]


def plan_from_dict(data: dict[str, Any], name: str = "plan.toml") -> Plan:
    """Validate a parsed plan file; every problem is a DataError naming the key path."""

    def fail(path: str, message: str) -> DataError:
        return DataError(f"{name}: {path}: {message}")

    from upskill.tomlio import file_version

    schema = file_version(
        data, name, SCHEMA, f" (upskill writes schema = {SCHEMA}); this is not an upskill plan"
    )
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(
            key_shown(unknown[0]),
            "unknown key (remove it or check the spelling; the keys are "
            f"{', '.join(sorted(_TOP_KEYS))})",
        )
    raw_profile = data.get("profile")
    if not isinstance(raw_profile, dict):
        raise fail(
            "profile",
            "missing table: restore it from a backup (plan.toml.bak), or copy profile.toml "
            "under a [profile] line",
        )
    try:
        profile = profile_from_dict(raw_profile, name, key_prefix="profile.")
    except DataError as exc:  # the plan reader names one problem at a time, on one line
        raise DataError(str(exc).splitlines()[0]) from None
    if profile.start_date is None:
        raise fail("profile.start_date", "required key is missing; e.g. start_date = 2026-11-23")
    weeks = profile.weeks

    for key, table in (("tasks", "[[tasks]]"), ("unscheduled", "[[unscheduled]]")):
        # upskill always writes both (as `key = []` when empty): a missing one means the file
        # was cut short, which must not pass for a plan with nothing left to do.
        if key not in data:
            raise fail(
                key,
                f"missing (the file looks cut short): restore it, or write `{key} = []` "
                f"if you removed every {table} on purpose",
            )
    raw_tasks = data.get("tasks", [])
    if not isinstance(raw_tasks, list):
        raise fail("tasks", "must be an array of tables: one [[tasks]] section per task")
    tasks: list[Task] = []
    seen: set[tuple[str, int]] = set()
    for i, row in enumerate(raw_tasks):
        where = f"tasks[{i}]"
        if not isinstance(row, dict):
            raise fail(
                where,
                "must be a table: a [[tasks]] section with week, id, title, kind, hours, status",
            )
        if isinstance(row.get("id"), str):
            # An id with a stray newline or control character is shown quoted, so it is seen.
            where += f" ({key_shown(row['id'])})"
        extra = sorted(set(row) - _TASK_KEYS - _TASK_OPTIONAL)
        if extra:
            raise fail(
                f"{where}.{key_shown(extra[0])}",
                "unknown key (remove it or check the spelling; a task may also have "
                'note = "...", pinned = true, evidence = ["https://..."], spent_hours = 3.5)',
            )
        tid, week, title, kind = row.get("id"), row.get("week"), row.get("title"), row.get("kind")
        if not isinstance(tid, str) or not _TASK_ID.fullmatch(tid):
            raise fail(
                f"{where}.id", "must be a task id like coding.big-o (or coding.weekly-problems@3)"
            )
        if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= weeks:
            raise fail(f"{where}.week", f"must be a week number 1..{weeks}, e.g. week = 1")
        if not isinstance(title, str):
            raise fail(f"{where}.title", 'must be text in quotes, e.g. title = "Learn big-O"')
        if kind not in KINDS:
            raise fail(f"{where}.kind", f'must be one of {", ".join(KINDS)}, e.g. kind = "learn"')
        task_hours = row.get("hours")
        if not is_number(task_hours) or not 0 < task_hours <= MAX_TASK_HOURS:
            raise fail(
                f"{where}.hours",
                f"must be a number of hours above 0, at most {MAX_TASK_HOURS}, e.g. hours = 2.5",
            )
        # Required although "todo" would be a natural default: a plan cut short just before
        # a done task's status must not read back as that task still to do.
        status = row.get("status")
        if status is None:
            raise fail(f"{where}.status", 'missing; write status = "todo", "done" or "skipped"')
        if status not in STATUSES:
            raise fail(
                f"{where}.status", f'must be one of {", ".join(STATUSES)}, e.g. status = "done"'
            )
        done_on = row.get("done_on")
        if done_on is not None and not is_date(done_on):
            raise fail(
                f"{where}.done_on", "must be a date without quotes, e.g. done_on = 2026-11-23"
            )
        if status == "done" and done_on is None:
            raise fail(
                f"{where}.done_on",
                "missing: a done task needs its completion date, e.g. done_on = 2026-11-23 "
                '(or set status = "todo")',
            )
        if status != "done" and done_on is not None:
            raise fail(
                f"{where}.done_on",
                f"a task that is {status} has no completion date: remove done_on, "
                'or set status = "done"',
            )
        if (tid, week) in seen:
            raise fail(
                where,
                f"task {tid} appears twice in week {week}: remove one of the two "
                "(or add its hours to the other)",
            )
        seen.add((tid, week))
        note, evidence, spent, scaled = _record_keys(row, where, fail)
        left_out = row.get("unscheduled_reason")
        if left_out is not None and (not isinstance(left_out, str) or len(left_out) > MAX_NOTE):
            raise fail(
                f"{where}.unscheduled_reason",
                f'must be text of at most {MAX_NOTE} characters, e.g. unscheduled_reason = "did '
                'not fit"',
            )
        flags = {}
        for key in ("pinned", "unplanned"):
            value = row.get(key, False)
            if not isinstance(value, bool):
                raise fail(f"{where}.{key}", f"must be true or false, e.g. {key} = true")
            flags[key] = value
        tasks.append(
            Task(
                tid,
                week,
                title,
                kind,
                float(task_hours),
                status,
                done_on,
                note,
                flags["pinned"],
                flags["unplanned"],
                evidence,
                spent,
                scaled,
                left_out,
            )
        )

    raw_unscheduled = data.get("unscheduled", [])
    if not isinstance(raw_unscheduled, list):
        raise fail(
            "unscheduled", "must be an array of tables: one [[unscheduled]] section per item"
        )
    unscheduled = []
    for i, row in enumerate(raw_unscheduled):
        where = f"unscheduled[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        extra = sorted(set(row) - _UNSCHEDULED_KEYS - _RECORD_KEYS)
        if extra:
            raise fail(
                f"{where}.{key_shown(extra[0])}",
                "unknown key (remove it or check the spelling; the keys are id, hours, reason)",
            )
        uid, uhours, reason = row.get("id"), row.get("hours"), row.get("reason")
        if reason is None:
            raise fail(f"{where}.reason", 'missing; write reason = "" if there is none')
        if not isinstance(uid, str):
            raise fail(f"{where}.id", 'must be an item id in quotes, e.g. id = "coding.big-o"')
        if not is_number(uhours) or not 0 < uhours <= 1e6:
            raise fail(f"{where}.hours", "must be a number of hours above 0, e.g. hours = 4")
        if not isinstance(reason, str):
            raise fail(f"{where}.reason", 'must be text in quotes, e.g. reason = "did not fit"')
        note, evidence, spent, scaled = _record_keys(row, where, fail)
        unscheduled.append(Unscheduled(uid, float(uhours), reason, note, evidence, spent, scaled))
    order = sorted(range(len(tasks)), key=lambda i: tasks[i].week)
    history = _history(data.get("history", []), weeks, fail)
    return Plan(
        profile=profile,
        tasks=[tasks[i] for i in order],
        unscheduled=unscheduled,
        schema=schema,
        history=history,
        rows={id(tasks[i]): i for i in order},
    )


def _record_keys(
    row: dict[str, Any], where: str, fail: Callable[[str, str], DataError]
) -> tuple[str | None, list[str], float | None, float | None]:
    """The optional keys a person (or `check`) records on a task: note, evidence, spent_hours,
    scaled_by; each wrong one is named with an example of a right one."""
    note = row.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
        raise fail(
            f"{where}.note",
            f'must be text of at most {MAX_NOTE} characters, e.g. note = "ask Sam"',
        )
    evidence = row.get("evidence", [])
    if (
        not isinstance(evidence, list)
        or len(evidence) > MAX_EVIDENCE
        or not all(is_evidence(e) for e in evidence)
    ):
        raise fail(
            f"{where}.evidence",
            f"must be a list of at most {MAX_EVIDENCE} links or paths, each on one line, e.g. "
            'evidence = ["https://github.com/you/repo/pull/1"]',
        )
    spent = row.get("spent_hours")
    if spent is not None and (not is_number(spent) or not 0 < spent <= MAX_TASK_HOURS):
        raise fail(
            f"{where}.spent_hours",
            "must be a number of hours above 0, e.g. spent_hours = 3.5",
        )
    scaled = row.get("scaled_by")
    low, high = PACE_BOUNDS
    if scaled is not None and (not is_number(scaled) or not low <= scaled <= high):
        raise fail(
            f"{where}.scaled_by",
            f"must be a number from {low:g} to {high:g} (the factor `replan --pace` applied), "
            "e.g. scaled_by = 1.25; remove it if you set the hours yourself",
        )
    return (
        note,
        list(evidence),
        float(spent) if spent is not None else None,
        float(scaled) if scaled is not None else None,
    )


def is_evidence(value: Any) -> bool:
    """A link or a path as it may stand in a file: text on one line, no surrounding blanks."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_EVIDENCE_CHARS
        and value.isprintable()
        and value == value.strip()
    )


def _history(raw: Any, weeks: int, fail: Callable[[str, str], DataError]) -> list[History]:
    if not isinstance(raw, list):
        raise fail(
            "history", "must be an array of tables: one [[history]] section per week, or none"
        )
    out: list[History] = []
    seen: set[int] = set()
    for i, row in enumerate(raw):
        where = f"history[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        extra = sorted(set(row) - _HISTORY_KEYS)
        if extra:
            raise fail(
                f"{where}.{key_shown(extra[0])}",
                "unknown key (remove it or check the spelling; the keys are "
                f"{', '.join(sorted(_HISTORY_KEYS))})",
            )
        week, days = row.get("week"), row.get("days")
        if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= weeks:
            raise fail(f"{where}.week", f"must be a week number 1..{weeks}, e.g. week = 1")
        if week in seen:
            raise fail(f"{where}.week", f"week {week} appears twice: remove one of the two")
        seen.add(week)
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 7:
            raise fail(f"{where}.days", "must be a whole number of days 0..7, e.g. days = 7")
        tables = []
        for key in ("planned", "rest"):
            value = row.get(key, {})
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and is_number(v) and 0 <= v <= MAX_TASK_HOURS * 10
                for k, v in value.items()
            ):
                raise fail(f"{where}.{key}", "must be a table of roadmap = hours, e.g. coding = 2")
            tables.append({k: float(v) for k, v in value.items()})
        out.append(History(week, days, tables[0], tables[1]))
    return out
