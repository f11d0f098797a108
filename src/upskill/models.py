"""Pydantic schemas for the files people write: roadmaps and the profile (answers file).

The plan itself is a plain dataclass (see ``plan.py``) so that the everyday commands
(`plan`, `check`) never pay for importing pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal["learn", "practice", "build", "write", "network", "apply", "milestone"]
Skill = Literal[
    "coding",
    "data_structures",
    "statistics",
    "ml_fundamentals",
    "deep_learning",
    "interviewing",
    "open_source",
    "research",
    "networking",
]
Role = Literal["research-engineer", "research-scientist", "ml-engineer", "phd-applicant"]
Background = Literal[
    "phd-or-postdoc", "grad-student", "undergrad", "software-engineer", "data-scientist", "other"
]
Priority = Literal["core", "high", "normal", "optional"]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
SKILLS: tuple[str, ...] = Skill.__args__  # type: ignore[attr-defined]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
BACKGROUNDS: tuple[str, ...] = Background.__args__  # type: ignore[attr-defined]
PRIORITIES: tuple[str, ...] = Priority.__args__  # type: ignore[attr-defined]

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
PREREQ_PATTERN = r"^([a-z0-9][a-z0-9_-]*\.)?[a-z0-9][a-z0-9_-]*$"
_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")

Hours = Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]
NonEmpty = Annotated[str, Field(min_length=1, max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Resource(_Strict):
    """A pointer to a course, book, repository or page."""

    title: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]


class Item(_Strict):
    """One unit of work in a roadmap."""

    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
    title: NonEmpty
    hours: Hours
    kind: Kind
    skill: Skill | None = None
    level: Annotated[int, Field(ge=1, le=5)] | None = None
    prerequisites: list[Annotated[str, Field(pattern=PREREQ_PATTERN)]] = []
    roles: list[Role] = []
    why: str = ""
    source: str = ""
    done_when: str = ""
    resources: list[Resource] = []
    repeat: Annotated[int, Field(ge=1, le=520)] | None = None
    # Extensions beyond the core contract (see docs/roadmap-format.md).
    earliest_week: Annotated[int, Field(ge=1, le=520)] | None = None
    deadline: str | None = None
    early_if_runway_under: Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None = None
    backgrounds: list[Background] = []
    tags: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    # How much the item matters, from how strongly the source documents stress it.
    priority: Priority = "normal"
    # A signature goal for these target roles: the planner reaches it early when it fits.
    goal_for: list[Role] = []
    # Alternatives: items sharing a group serve the same purpose; one of them suffices.
    group: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)] | None = None
    # The rationale as said to a particular background, instead of `why`.
    why_by_background: dict[Background, NonEmpty] = {}
    # Lands once the person's core preparation is done, after at most this many weeks of it.
    after_prep_weeks: Annotated[int, Field(ge=0, le=520)] | None = None
    # At least this many weeks after its prerequisites are finished (re-apply ~6 months on).
    wait_weeks: Annotated[int, Field(ge=1, le=520)] | None = None
    # Only for people whose runway (months of money) is shorter than this.
    only_if_runway_under: Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None = None

    @field_validator("deadline")
    @classmethod
    def _month_day(cls, value: str | None) -> str | None:
        if value is None:
            return value
        match = _MONTH_DAY.match(value)
        if not match:
            raise ValueError('must be a month and day as "MM-DD", for example "12-01"')
        try:
            dt.date(2024, int(match[1]), int(match[2]))  # 2024: a leap year accepts 02-29
        except ValueError:
            raise ValueError(f"{value!r} is not a real month and day") from None
        return value

    def why_for(self, background: str) -> str:
        """The rationale as said to someone with this background."""
        for key, why in self.why_by_background.items():
            if key == background:
                return why
        return self.why


class Roadmap(_Strict):
    """One track: a list of items in the order a person would take them."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    title: NonEmpty
    description: str = ""
    items: list[Item] = Field(min_length=1)


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

DEFAULT_ROADMAPS: dict[str, list[str]] = {
    "research-engineer": [t for t in TRACK_ORDER if t != "phd-applications"],
    "research-scientist": ["coding", "ml-devloop", "interviewing", "research", "network"],
    "ml-engineer": ["coding", "ml-devloop", "interviewing", "open-source", "network"],
    "phd-applicant": ["coding", "ml-devloop", "research", "network", "phd-applications"],
}


class Profile(_Strict):
    """The person: the answers file of DESIGN.md, and `profile.toml`."""

    name: Annotated[str, Field(max_length=200)] | None = None
    background: Background
    target_role: Role
    hours_per_week: Annotated[float, Field(ge=1, le=80, allow_inf_nan=False)]
    weeks: Annotated[int, Field(ge=1, le=156)]
    start_date: Annotated[dt.date, Field(strict=False)] | None = None
    runway_months: Annotated[float, Field(ge=0, le=600, allow_inf_nan=False)] | None = None
    roadmaps: (
        Annotated[list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]], Field(min_length=1)]
        | None
    ) = None
    interests: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    skills: dict[Skill, Annotated[int, Field(ge=0, le=4)]] = {}

    @field_validator("start_date", mode="before")
    @classmethod
    def _no_datetime(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            raise ValueError("must be a date like 2026-11-23, without a time")
        return value

    @model_validator(mode="after")
    def _unique_roadmaps(self) -> Profile:
        if self.roadmaps is not None and len(set(self.roadmaps)) != len(self.roadmaps):
            raise ValueError("roadmaps: each roadmap may be listed once")
        return self

    def chosen_roadmaps(self) -> list[str]:
        """The roadmaps to plan from: the person's choice, else the default for the role."""
        if self.roadmaps is not None:
            return list(self.roadmaps)
        return list(DEFAULT_ROADMAPS[self.target_role])

    def rating(self, skill: str) -> int:
        """The self-rating 0..4 of a skill; a skill not rated counts as 0."""
        return int(self.skills.get(skill, 0))  # type: ignore[call-overload]

    def to_toml_dict(self) -> dict[str, object]:
        """The profile as the answers-file TOML table (no None values: TOML has no null)."""
        data = self.model_dump(mode="python", exclude_none=True)
        for key in ("hours_per_week", "runway_months"):
            if isinstance(data.get(key), float) and data[key].is_integer():
                data[key] = int(data[key])  # 15, not 15.0, as a person would write it
        data["skills"] = {k: v for k, v in sorted(self.skills.items())}
        return data


def format_validation_error(exc: object, data: object, unknown_key_hint: str = "") -> list[str]:
    """Turn a pydantic ValidationError into lines of ``key.path: what is wrong``.

    ``data`` is the raw input, used to name items by id (``items[3] (hashmaps).hours``).
    One line per key path: the first problem found there.
    """
    from pydantic import ValidationError

    assert isinstance(exc, ValidationError)
    lines = []
    seen: set[str] = set()
    for error in exc.errors(include_url=False):
        parts: list[str] = []
        node: object = data
        locs = list(error["loc"])
        bad_key = bool(locs) and locs[-1] == "[key]"
        if bad_key:
            locs.pop()  # a dict key that is not allowed: name the key itself
        for loc in locs:
            if isinstance(loc, int):
                label = f"[{loc}]"
                node = node[loc] if isinstance(node, list) and loc < len(node) else None
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label += f" ({node['id']})"
                parts.append(label)
            else:
                parts.append(("." if parts else "") + str(loc))
                node = node.get(loc) if isinstance(node, dict) else None
        path = "".join(parts) or "(top level)"
        if path in seen:
            continue
        seen.add(path)
        message = error["msg"]
        if bad_key and parts and parts[0] == "skills":
            message = f"unknown skill (one of {', '.join(SKILLS)})"
        elif error["type"] == "extra_forbidden":
            message = "unknown key (check the spelling" + (
                f"; {unknown_key_hint})" if unknown_key_hint else ")"
            )
        elif error["type"] == "missing":
            message = "required key is missing"
        elif message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        lines.append(f"{path}: {message}")
    return lines
