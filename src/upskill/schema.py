"""The profile and its rules, written once: the answers file, `profile.toml` and plan.toml's
``[profile]`` table are all read here, and every limit and every list of names lives here.

Kept free of pydantic on purpose: `upskill plan` and `upskill check` read the profile on every
run. A number is kept as the person wrote it (``15`` stays ``15``, ``15.0`` stays ``15.0``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypeGuard

from upskill.errors import DataError, key_shown

SKILLS = (
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
ROLES = ("research-engineer", "research-scientist", "ml-engineer", "phd-applicant")
BACKGROUNDS = (
    "phd-or-postdoc",
    "grad-student",
    "undergrad",
    "software-engineer",
    "data-scientist",
    "other",
)
STUDENTS = ("undergrad", "grad-student")
# Interests said in a sentence ("people working on large language models", not "on llms").
INTEREST_NAMES = {"llms": "large language models", "nlp": "natural language processing"}
KINDS = ("learn", "practice", "build", "write", "network", "apply", "milestone")
# Work whose point is a step in the world (an application, a checkpoint), not hours of study.
MILESTONE_KINDS = ("apply", "milestone")
PRIORITIES = ("core", "high", "normal", "optional")

# The built-in tracks in the order a person meets them (questionnaire, listings).
TRACK_ORDER = (
    "coding",
    "ml-devloop",
    "interviewing",
    "open-source",
    "research",
    "network",
    "phd-applications",
)
DEFAULT_ROADMAPS: dict[str, tuple[str, ...]] = {
    "research-engineer": tuple(t for t in TRACK_ORDER if t != "phd-applications"),
    "research-scientist": ("coding", "ml-devloop", "interviewing", "research", "network"),
    "ml-engineer": ("coding", "ml-devloop", "interviewing", "open-source", "network"),
    "phd-applicant": ("coding", "ml-devloop", "research", "network", "phd-applications"),
}

ROADMAP_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# (low, high) of each number a person writes in a profile.
HOURS = (1, 80)
WEEKS = (1, 156)
RUNWAY = (0, 600)
# Money that runs out within the year: the runway under which the plan says money that is
# short is the person's (its money line, and a finish line's `done_when_short_runway`).
SHORT_RUNWAY_MONTHS = 12
RATING = (0, 4)
# What each rating means, as the questionnaire asks it and the plan says it back.
RATINGS = (
    "0 none: never done it",
    "1 beginner: followed a tutorial or a course",
    "2 working: can do it with references open",
    "3 solid: do it routinely, could teach the basics",
    "4 strong: among the best of your peers",
)
BUFFER = (0, 50)
DEFAULT_BUFFER_PERCENT = 10
# A plan of at most this many hours in all is very short: items with a quick version (the
# community line in half an hour, a shorter options list) use it, so the messages go out.
QUICK_PLAN_HOURS = 12
MAX_NAME = 200
MAX_TAG = 80
EARLIEST_DATE = dt.date(1970, 1, 1)
# The last start date whose horizon (at most WEEKS[1] weeks) still ends inside the calendar
# with room to spare for exports and replans.
LATEST_START = dt.date(9000, 12, 31)

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
    "buffer_percent",
    "time_off",
    "skills",
)
TIME_OFF_KEYS = ("start", "end", "hours_per_week", "label")

Number = int | float


@dataclass(frozen=True)
class TimeOff:
    """A date range with no time (``hours_per_week = 0``) or fewer hours than usual."""

    start: dt.date
    end: dt.date
    hours_per_week: Number = 0
    label: str | None = None

    def to_toml_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end}
        data["hours_per_week"] = self.hours_per_week
        if self.label:
            data["label"] = self.label
        return data


@dataclass(frozen=True)
class Profile:
    """The person: the answers file of DESIGN.md, `profile.toml` and plan.toml's [profile]."""

    background: str
    target_role: str
    hours_per_week: Number
    weeks: int
    name: str | None = None
    start_date: dt.date | None = None
    runway_months: Number | None = None
    roadmaps: tuple[str, ...] | None = None
    interests: tuple[str, ...] = ()
    buffer_percent: Number | None = None
    time_off: tuple[TimeOff, ...] = ()
    skills: Mapping[str, int] = field(default_factory=dict)

    def chosen_roadmaps(self) -> list[str]:
        """The roadmaps to plan from: the person's choice, else the default for the role."""
        if self.roadmaps is not None:
            return list(self.roadmaps)
        return list(DEFAULT_ROADMAPS.get(self.target_role, TRACK_ORDER))

    def rating(self, skill: str) -> int:
        """The self-rating 0..4 of a skill; a skill not rated counts as 0."""
        return int(self.skills.get(skill, 0))

    @property
    def quick(self) -> bool:
        """Is the plan so short (a few hours in all) that setup takes its quick version?"""
        return float(self.hours_per_week) * self.weeks <= QUICK_PLAN_HOURS

    @property
    def buffer(self) -> float:
        """The share of each week left unplanned, 0..0.5."""
        value = DEFAULT_BUFFER_PERCENT if self.buffer_percent is None else self.buffer_percent
        return float(value) / 100

    def day_rate(self, day: dt.date) -> float:
        """Hours per week that count on ``day``: the budget, or less during time off."""
        rate = float(self.hours_per_week)
        for off in self.time_off:
            if off.start <= day <= off.end:
                rate = min(rate, float(off.hours_per_week))
        return rate

    def week_budget(self, first_day: dt.date, from_day: dt.date | None = None) -> float:
        """The hours of the week starting on ``first_day`` (from ``from_day`` on, if given)."""
        total = 0.0
        for offset in range(7):
            day = first_day + dt.timedelta(days=offset)
            if from_day is None or day >= from_day:
                total += self.day_rate(day) / 7
        return total

    def time_off_in(self, first_day: dt.date) -> TimeOff | None:
        """The time off overlapping the week starting on ``first_day``, if any."""
        last_day = first_day + dt.timedelta(days=6)
        for off in self.time_off:
            if off.start <= last_day and off.end >= first_day:
                return off
        return None

    def replace(self, **changes: Any) -> Profile:
        return replace(self, **changes)

    def to_toml_dict(self) -> dict[str, Any]:
        """The profile as TOML data, keys in the documented order, numbers as written."""
        data: dict[str, Any] = {}
        for key in PROFILE_KEYS:
            value = getattr(self, key)
            if value is None:
                continue
            if key in ("roadmaps", "interests"):
                if key == "interests" and not value:
                    continue
                value = list(value)
            elif key == "time_off":
                if not value:
                    continue
                value = [t.to_toml_dict() for t in value]
            elif key == "skills":
                value = {s: int(self.skills[s]) for s in SKILLS if s in self.skills}
            data[key] = value
        return data

    def to_json(self) -> dict[str, Any]:
        """The profile for `--format json`: dates as ISO strings."""
        data: dict[str, Any] = _jsonable(self.to_toml_dict())
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def is_number(value: Any) -> TypeGuard[Number]:
    """A finite int or float written in a file (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_date(value: Any) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def in_range(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


class _Problems:
    """Collects ``key: what is wrong`` lines, first problem per key."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, key: str, message: str) -> None:
        key = key_shown(key)  # (a key with a newline in it stays on its own line, quoted)
        if not any(line.startswith(f"{key}: ") for line in self.lines):
            self.lines.append(f"{key}: {message}")


def _number_field(
    data: Mapping[str, Any],
    key: str,
    bounds: tuple[float, float],
    problems: _Problems,
    *,
    label: str,
    example: str,
    whole: bool = False,
) -> Any:
    value = data.get(key)
    if value is None:
        return None
    kind = "a whole number" if whole else "a number"
    ok = is_number(value) and (not whole or isinstance(value, int)) and in_range(value, bounds)
    if not ok:
        problems.add(
            label,
            f"must be {kind} from {bounds[0]:g} to {bounds[1]:g}, for example {key} = {example}"
            f" (not {_shown(value)})",
        )
        return None
    return value


def _shown(value: Any) -> str:
    """A wrong value as the person wrote it, short: 100, "ten", true, nan, a list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 20 else value[:19] + "..."
        return '"' + text.encode("unicode_escape").decode("ascii") + '"'
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return type(value).__name__


def profile_from_dict(data: Any, name: str, key_prefix: str = "") -> Profile:
    """Validate profile data; every problem is one line ``name: key: what is wrong``.

    ``key_prefix`` names where the profile sits in its file (``profile.`` in plan.toml).
    """
    problems = _Problems()
    p = key_prefix
    if not isinstance(data, dict):
        raise DataError(f"{name}: {p.rstrip('.') or '(top level)'}: must be a table of keys")
    for key in data:
        if key not in PROFILE_KEYS:
            problems.add(
                f"{p}{key}",
                f"unknown key (check the spelling; the keys are {', '.join(PROFILE_KEYS)})",
            )

    def choice(key: str, allowed: tuple[str, ...], example: str) -> str:
        value = data.get(key)
        if value is None:
            problems.add(f"{p}{key}", f"required key is missing; for example {key} = {example!r}")
        elif value not in allowed:
            problems.add(
                f"{p}{key}", f"must be one of {', '.join(allowed)}; for example {key} = {example!r}"
            )
        return str(value)

    background = choice("background", BACKGROUNDS, "phd-or-postdoc")
    role = choice("target_role", ROLES, "research-engineer")
    hours = _number_field(
        data, "hours_per_week", HOURS, problems, label=f"{p}hours_per_week", example="10"
    )
    if "hours_per_week" not in data:
        problems.add(
            f"{p}hours_per_week", "required key is missing; for example hours_per_week = 10"
        )
    weeks = _number_field(
        data, "weeks", WEEKS, problems, label=f"{p}weeks", example="26", whole=True
    )
    if "weeks" not in data:
        problems.add(f"{p}weeks", "required key is missing; for example weeks = 26")
    runway = _number_field(
        data, "runway_months", RUNWAY, problems, label=f"{p}runway_months", example="5"
    )
    buffer = _number_field(
        data, "buffer_percent", BUFFER, problems, label=f"{p}buffer_percent", example="10"
    )

    person = data.get("name")
    if person is not None and (not isinstance(person, str) or len(person) > MAX_NAME):
        problems.add(
            f"{p}name", f'must be text of at most {MAX_NAME} characters, e.g. name = "Ada"'
        )
        person = None

    start = data.get("start_date")
    if start is not None:
        if isinstance(start, dt.datetime):
            problems.add(f"{p}start_date", "must be a date like 2026-11-23, without a time")
            start = None
        elif not is_date(start):
            problems.add(f"{p}start_date", "must be a date like 2026-11-23 (no quotes)")
            start = None
        elif not EARLIEST_DATE <= start <= LATEST_START:
            problems.add(
                f"{p}start_date",
                f"must be between {EARLIEST_DATE.isoformat()} and {LATEST_START.isoformat()}, "
                "e.g. start_date = 2026-11-23",
            )
            start = None

    roadmaps = data.get("roadmaps")
    if roadmaps is not None:
        if (
            not isinstance(roadmaps, list)
            or not roadmaps
            or not all(isinstance(r, str) and ROADMAP_ID.fullmatch(r) for r in roadmaps)
        ):
            problems.add(
                f"{p}roadmaps",
                'must be a non-empty list of roadmap ids, e.g. roadmaps = ["coding", "ml-devloop"]',
            )
            roadmaps = None
        elif len(set(roadmaps)) != len(roadmaps):
            repeated = next(r for r in roadmaps if roadmaps.count(r) > 1)
            problems.add(
                f"{p}roadmaps", f"each roadmap may be listed once; remove one {repeated!r}"
            )
            roadmaps = None

    interests = data.get("interests", [])
    if not isinstance(interests, list) or not all(
        isinstance(i, str) and 0 < len(i.strip()) <= MAX_TAG for i in interests
    ):
        problems.add(
            f"{p}interests",
            f"must be a list of short tags (at most {MAX_TAG} characters), "
            'e.g. interests = ["interpretability"]',
        )
        interests = []

    skills: dict[str, int] = {}
    raw_skills = data.get("skills", {})
    if not isinstance(raw_skills, dict):
        problems.add(f"{p}skills", "must be a table of skill = rating, e.g. [skills] coding = 2")
    else:
        for skill, rating in raw_skills.items():
            if skill not in SKILLS:
                problems.add(
                    f"{p}skills.{skill}",
                    f"unknown skill (one of {', '.join(SKILLS)}); e.g. coding = 2",
                )
            elif (
                not isinstance(rating, int)
                or isinstance(rating, bool)
                or not in_range(rating, RATING)
            ):
                problems.add(f"{p}skills.{skill}", f"must be a whole number 0..4, e.g. {skill} = 2")
            else:
                skills[skill] = rating

    time_off = _time_off(data.get("time_off"), f"{p}time_off", problems)

    if problems.lines:
        raise DataError("\n".join(f"{name}: {line}" for line in problems.lines))
    return Profile(
        background=background,
        target_role=role,
        hours_per_week=hours,
        weeks=weeks,
        name=person,
        start_date=start,
        runway_months=runway,
        roadmaps=tuple(roadmaps) if roadmaps is not None else None,
        interests=tuple(i.strip() for i in interests),
        buffer_percent=buffer,
        time_off=time_off,
        skills=skills,
    )


def _time_off(value: Any, key: str, problems: _Problems) -> tuple[TimeOff, ...]:
    if value is None:
        return ()
    example = "e.g. time_off = [{ start = 2026-12-21, end = 2027-01-03, hours_per_week = 0 }]"
    if not isinstance(value, list):
        problems.add(key, f"must be a list of date ranges, {example}")
        return ()
    out: list[TimeOff] = []
    for i, row in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(row, dict):
            problems.add(where, f"must be a table, {example}")
            continue
        extra = [k for k in row if k not in TIME_OFF_KEYS]
        if extra:
            problems.add(
                f"{where}.{extra[0]}",
                f"unknown key (check the spelling; the keys are {', '.join(TIME_OFF_KEYS)})",
            )
            continue
        start, end = row.get("start"), row.get("end")
        if not is_date(start) or not is_date(end):
            problems.add(where, f"needs start and end dates, {example}")
            continue
        if end < start:
            problems.add(
                f"{where}.end",
                f"{end.isoformat()} is before start {start.isoformat()}; "
                f"e.g. end = {(start + dt.timedelta(days=6)).isoformat()}",
            )
            continue
        hours = row.get("hours_per_week", 0)
        if not is_number(hours) or not 0 <= hours <= HOURS[1]:
            problems.add(
                f"{where}.hours_per_week",
                f"must be a number from 0 (no time) to {HOURS[1]}, e.g. hours_per_week = 0",
            )
            continue
        label = row.get("label")
        if label is not None and (not isinstance(label, str) or len(label) > MAX_NAME):
            problems.add(f"{where}.label", 'must be short text, e.g. label = "holidays"')
            continue
        out.append(TimeOff(start, end, hours, label))
    return tuple(out)


def check_roadmaps(profile: Profile, known: list[str], name: str, key: str = "roadmaps") -> None:
    """Every roadmap the profile names must be loaded; the error names the file and key."""
    unknown = [r for r in profile.chosen_roadmaps() if r not in known]
    if unknown:
        raise DataError(
            f"{name}: {key}: unknown roadmap {unknown[0]!r}; available: {', '.join(known)} "
            "(your own go in <home>/roadmaps/)"
        )


def hours_problem(value: float) -> str | None:
    """What is wrong with a weekly budget typed at a prompt or an option, or None."""
    if not math.isfinite(value) or not in_range(value, HOURS):
        return f"Enter a number of hours from {HOURS[0]} to {HOURS[1]}"
    return None


def weeks_problem(value: int) -> str | None:
    if not in_range(value, WEEKS):
        return f"Enter a whole number of weeks from {WEEKS[0]} to {WEEKS[1]}"
    return None


def field_names() -> tuple[str, ...]:
    """The Profile dataclass fields (tests check they match PROFILE_KEYS)."""
    return tuple(f.name for f in fields(Profile))


Validator = Callable[[str], str | None]
