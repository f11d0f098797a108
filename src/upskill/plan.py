"""The plan: plain dataclasses, their TOML shape and its validation.

Kept free of pydantic on purpose: `upskill plan` and `upskill check` read this file on every
run, and hand-written checks of a flat table are both faster to import and to run.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from upskill.errors import DataError

SCHEMA = 1
# \Z, not $: "$" also matches before a final newline, and "coding.big-o\n" is not an id.
_TASK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9_-]*(@[1-9][0-9]*)?\Z")
STATUSES = ("todo", "done", "skipped")
KINDS = ("learn", "practice", "build", "write", "network", "apply", "milestone")
_TASK_KEYS = {"week", "id", "title", "kind", "hours", "status", "done_on"}
_UNSCHEDULED_KEYS = {"id", "hours", "reason"}
_TOP_KEYS = {"schema", "profile", "tasks", "unscheduled"}
# The keys of models.Profile (tests check the two agree); kept here so that reading a plan
# never imports pydantic.
PROFILE_KEYS = (
    "name",
    "background",
    "target_role",
    "hours_per_week",
    "weeks",
    "start_date",
    "runway_months",
    "roadmaps",
    "interests",
    "skills",
)
PROFILE_SKILLS = (
    "coding",
    "data_structures",
    "statistics",
    "ml_fundamentals",
    "deep_learning",
    "interviewing",
    "open_source",
    "research",
    "networking",
)
_PROFILE_STRINGS = ("name", "background", "target_role")
_PROFILE_STRING_LISTS = ("roadmaps", "interests")
MAX_TASK_HOURS = 1000


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


@dataclass
class Unscheduled:
    """Work that did not fit, with the reason."""

    id: str
    hours: float
    reason: str


@dataclass
class Plan:
    """A week-by-week plan and the progress recorded against it."""

    profile: dict[str, Any]
    tasks: list[Task] = field(default_factory=list)
    unscheduled: list[Unscheduled] = field(default_factory=list)
    schema: int = SCHEMA

    @property
    def start(self) -> dt.date:
        value = self.profile["start_date"]
        assert isinstance(value, dt.date)
        return value

    @property
    def weeks(self) -> int:
        return int(self.profile["weeks"])

    @property
    def hours_per_week(self) -> float:
        return float(self.profile["hours_per_week"])

    def week_start(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * (week - 1))

    def week_end(self, week: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * week - 1)

    def week_of(self, day: dt.date) -> int:
        """The plan week holding ``day`` (0 or less before the start, > weeks after the end)."""
        return (day - self.start).days // 7 + 1

    def last_week(self) -> int:
        """The last week that holds a task (at least 1)."""
        return max((t.week for t in self.tasks), default=1)

    def tasks_in(self, week: int) -> list[Task]:
        return [t for t in self.tasks if t.week == week]

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
            tasks.append(row)
        return {
            "schema": self.schema,
            "profile": self.profile,
            "tasks": tasks,
            "unscheduled": [
                {"id": u.id, "hours": u.hours, "reason": u.reason} for u in self.unscheduled
            ],
        }

    def to_json(self, week: int | None = None) -> dict[str, Any]:
        """The ``plan --format json`` object of DESIGN.md (all weeks, or only ``week``)."""
        by_week: dict[int, list[Task]] = {}
        for t in self.tasks:
            by_week.setdefault(t.week, []).append(t)
        numbers = [week] if week is not None else list(range(1, self.last_week() + 1))
        weeks = []
        for n in numbers:
            tasks = by_week.get(n, [])
            weeks.append(
                {
                    "week": n,
                    "start": self.week_start(n).isoformat(),
                    "end": self.week_end(n).isoformat(),
                    "hours": float(round(sum(t.hours for t in tasks), 2)),
                    "budget": self.hours_per_week,
                    "tasks": [
                        {
                            "id": t.id,
                            "roadmap": t.roadmap,
                            "title": t.title,
                            "kind": t.kind,
                            "hours": t.hours,
                            "status": t.status,
                            "done_on": t.done_on.isoformat() if t.done_on else None,
                        }
                        for t in tasks
                    ],
                }
            )
        return {
            "schema": self.schema,
            "profile": _jsonable(self.profile),
            "weeks": weeks,
            "unscheduled": [
                {"id": u.id, "hours": u.hours, "reason": u.reason} for u in self.unscheduled
            ],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def plan_from_dict(data: dict[str, Any], name: str = "plan.toml") -> Plan:
    """Validate a parsed plan file; every problem is a DataError naming the key path."""

    def fail(path: str, message: str) -> DataError:
        return DataError(f"{name}: {path}: {message}")

    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise fail("schema", "missing or not a positive integer; this is not an upskill plan")
    if schema > SCHEMA:
        raise DataError(
            f"{name}: written by a newer upskill (schema {schema}, this one reads {SCHEMA}); "
            "upgrade upskill, the file was left unchanged"
        )
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(unknown[0], "unknown key (remove it or check the spelling)")
    profile = data.get("profile")
    if not isinstance(profile, dict):
        raise fail("profile", "missing table")
    start = profile.get("start_date")
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise fail("profile.start_date", "must be a date like 2026-11-23")
    weeks = profile.get("weeks")
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= 520:
        raise fail("profile.weeks", "must be a whole number of weeks, 1..520")
    hours = profile.get("hours_per_week")
    if not _number(hours) or not 0 < hours <= 168:
        raise fail("profile.hours_per_week", "must be a number of hours above 0, at most 168")
    _check_profile(profile, fail)

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
        raise fail("tasks", "must be an array of tables ([[tasks]])")
    tasks: list[Task] = []
    seen: set[tuple[str, int]] = set()
    for i, row in enumerate(raw_tasks):
        where = f"tasks[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        if isinstance(row.get("id"), str):
            # An id with a stray newline or control character is shown quoted, so it is seen.
            raw = row["id"]
            shown = raw if raw.isprintable() and raw == raw.strip() else repr(raw)
            where += f" ({shown})"
        extra = sorted(set(row) - _TASK_KEYS)
        if extra:
            raise fail(f"{where}.{extra[0]}", "unknown key (remove it or check the spelling)")
        tid, week, title, kind = row.get("id"), row.get("week"), row.get("title"), row.get("kind")
        if not isinstance(tid, str) or not _TASK_ID.match(tid):
            raise fail(
                f"{where}.id", "must be a task id like coding.big-o (or coding.weekly-problems@3)"
            )
        if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= weeks:
            raise fail(f"{where}.week", f"must be a week number 1..{weeks}")
        if not isinstance(title, str):
            raise fail(f"{where}.title", "must be a string")
        if kind not in KINDS:
            raise fail(f"{where}.kind", f"must be one of {', '.join(KINDS)}")
        task_hours = row.get("hours")
        if not _number(task_hours) or not 0 < task_hours <= MAX_TASK_HOURS:
            raise fail(
                f"{where}.hours", f"must be a number of hours above 0, at most {MAX_TASK_HOURS}"
            )
        # Required although "todo" would be a natural default: a plan cut short just before
        # a done task's status must not read back as that task still to do.
        status = row.get("status")
        if status is None:
            raise fail(f"{where}.status", 'missing; write status = "todo", "done" or "skipped"')
        if status not in STATUSES:
            raise fail(f"{where}.status", f"must be one of {', '.join(STATUSES)}")
        done_on = row.get("done_on")
        if done_on is not None and (
            not isinstance(done_on, dt.date) or isinstance(done_on, dt.datetime)
        ):
            raise fail(f"{where}.done_on", "must be a date like 2026-11-23")
        if status == "done" and done_on is None:
            raise fail(f"{where}.done_on", "a done task needs its completion date")
        if status != "done" and done_on is not None:
            raise fail(f"{where}.done_on", f"a task that is {status} has no completion date")
        if (tid, week) in seen:
            raise fail(where, f"task {tid} appears twice in week {week}")
        seen.add((tid, week))
        tasks.append(Task(tid, week, title, kind, float(task_hours), status, done_on))

    raw_unscheduled = data.get("unscheduled", [])
    if not isinstance(raw_unscheduled, list):
        raise fail("unscheduled", "must be an array of tables ([[unscheduled]])")
    unscheduled = []
    for i, row in enumerate(raw_unscheduled):
        where = f"unscheduled[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        extra = sorted(set(row) - _UNSCHEDULED_KEYS)
        if extra:
            raise fail(f"{where}.{extra[0]}", "unknown key (remove it or check the spelling)")
        uid, uhours, reason = row.get("id"), row.get("hours"), row.get("reason")
        if reason is None:
            raise fail(f"{where}.reason", 'missing; write reason = "" if there is none')
        if not isinstance(uid, str):
            raise fail(f"{where}.id", "must be a string")
        if not _number(uhours) or not 0 < uhours <= 1e6:
            raise fail(f"{where}.hours", "must be a number of hours above 0")
        if not isinstance(reason, str):
            raise fail(f"{where}.reason", "must be a string")
        unscheduled.append(Unscheduled(uid, float(uhours), reason))
    tasks.sort(key=lambda t: t.week)
    return Plan(profile=profile, tasks=tasks, unscheduled=unscheduled, schema=schema)


def _check_profile(profile: dict[str, Any], fail: Callable[[str, str], DataError]) -> None:
    """The profile table's keys and their types (its values are checked again on replan)."""
    unknown = sorted(set(profile) - set(PROFILE_KEYS))
    if unknown:
        raise fail(f"profile.{unknown[0]}", "unknown key (remove it or check the spelling)")
    for key in _PROFILE_STRINGS:
        if key in profile and not isinstance(profile[key], str):
            raise fail(f"profile.{key}", "must be a string")
    for key in ("background", "target_role"):
        if key not in profile:
            raise fail(f"profile.{key}", "required key is missing")
    for key in _PROFILE_STRING_LISTS:
        value = profile.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise fail(f"profile.{key}", "must be a list of strings")
    runway = profile.get("runway_months")
    if runway is not None and (not _number(runway) or runway < 0):
        raise fail("profile.runway_months", "must be a number of months, 0 or more")
    skills = profile.get("skills", {})
    if not isinstance(skills, dict):
        raise fail("profile.skills", "must be a table of skill = rating")
    for skill, rating in skills.items():
        if skill not in PROFILE_SKILLS:
            raise fail(
                f"profile.skills.{skill}",
                f"unknown skill (one of {', '.join(PROFILE_SKILLS)})",
            )
        if not isinstance(rating, int) or isinstance(rating, bool) or not 0 <= rating <= 4:
            raise fail(f"profile.skills.{skill}", "must be a whole number 0..4")
