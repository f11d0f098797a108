"""Pydantic schemas for roadmap files.

The profile and the plan are checked by hand-written code (``schema.py``, ``plan.py``) so that
the everyday commands (`plan`, `check`) never pay for importing pydantic.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Sequence
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from upskill.errors import key_shown
from upskill.schema import (
    BACKGROUNDS,
    INTEREST_NAMES,
    KINDS,
    PRIORITIES,
    ROLES,
    SHORT_RUNWAY_MONTHS,
    SKILLS,
)


def _one_of(allowed: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"unknown {what} {value!r} (one of {', '.join(allowed)})")
        return value

    return check


# Names checked against the one list in upskill.schema, so each is written once.
Skill = Annotated[str, AfterValidator(_one_of(SKILLS, "skill"))]
Role = Annotated[str, AfterValidator(_one_of(ROLES, "role"))]
Background = Annotated[str, AfterValidator(_one_of(BACKGROUNDS, "background"))]
Kind = Annotated[str, AfterValidator(_one_of(KINDS, "kind"))]
Priority = Annotated[str, AfterValidator(_one_of(PRIORITIES, "priority"))]

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
PREREQ_PATTERN = r"^([a-z0-9][a-z0-9_-]*\.)?[a-z0-9][a-z0-9_-]*$"
FULL_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*$"
_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")

Hours = Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]
NonEmpty = Annotated[str, Field(min_length=1, max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Resource(_Strict):
    """A pointer to a course, book, repository or page."""

    title: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]
    # Only for people who named one of these interests (an interpretability thread is no
    # help to someone reading robotics labs).
    tags: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    # Only for people aiming at one of these roles (a research career review is no guide to
    # an ML engineer's interviews).
    roles: list[Role] = []


class Item(_Strict):
    """One unit of work in a roadmap."""

    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
    title: NonEmpty
    hours: Hours
    kind: Kind
    skill: Skill | None = None
    level: Annotated[int, Field(ge=1, le=5)] | None = None
    prerequisites: list[Annotated[str, Field(pattern=PREREQ_PATTERN)]] = []
    # Soft order: when both are in the plan, these come first (never pulled in for this item).
    after: list[Annotated[str, Field(pattern=PREREQ_PATTERN)]] = []
    # ... and as it is for people of a background, instead of `after` (a student's referral
    # ask serves the internships they apply to first, not a job shortlist made months later).
    after_by_background: dict[Background, list[Annotated[str, Field(pattern=PREREQ_PATTERN)]]] = {}
    # What this drill prepares for, without ordering anything: if it would only start once
    # all of these have started, it has come too late to help and is left out (micrograd after
    # the collaboration and the reproduction it should have prepared).
    prepares_for: list[Annotated[str, Field(pattern=PREREQ_PATTERN)]] = []
    roles: list[Role] = []
    why: str = ""
    source: str = ""
    done_when: str = ""
    resources: list[Resource] = []
    repeat: Annotated[int, Field(ge=1, le=520)] | None = None
    # Extensions beyond the core contract (see docs/roadmap-format.md).
    earliest_week: Annotated[int, Field(ge=1, le=520)] | None = None
    deadline: str | None = None
    # A deadline closer than this to the start aims at the next year (default: the policy's;
    # a short application with little to prepare can still make a date a week or two away).
    deadline_lead_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    early_if_runway_under: Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None = None
    backgrounds: list[Background] = []
    tags: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    # How much the item matters, from how strongly the source documents stress it.
    priority: Priority = "normal"
    # ... and `core` for someone with at least this many hours a week, for whom it is a small
    # share of the week (the weekly outreach kept up through the applications: cmp126-129,
    # preferred for people with 12 and 15 hours, not for those with 6 and 8)
    core_from_hours: Annotated[float, Field(gt=0, le=168, allow_inf_nan=False)] | None = None
    # A signature goal for these target roles: the planner reaches it early when it fits.
    goal_for: list[Role] = []
    # ... and for these roles too, unless the person's money runs out within the year: then
    # the role's first goal is their one build (GPT-2 for an ML engineer, after the model
    # they fine-tune; cmp130, cmp131).
    goal_for_unless_short_runway: list[Role] = []
    # Alternatives: items sharing a group serve the same purpose; one of them suffices.
    group: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)] | None = None
    # The rationale as said to a particular background, instead of `why`.
    why_by_background: dict[Background, NonEmpty] = {}
    # ... and the finish line, instead of `done_when`.
    done_when_by_background: dict[Background, NonEmpty] = {}
    # The finish line as said to people aiming at a target role, instead of `done_when`
    # (an ML engineer's options list has no PhD programmes); a background's wins over it.
    done_when_by_role: dict[Role, NonEmpty] = {}
    # ... and as said to people of a background whose money runs out within the year (a
    # runway under SHORT_RUNWAY_MONTHS): the money clause that is theirs, said as theirs,
    # and kept from everyone else (a funded PhD student told "if your money runs short").
    done_when_short_runway: dict[Background, NonEmpty] = {}
    # The finish line in a plan that holds one of these items (full ids), instead of any but
    # the quick version: the project's first weeks for a student who asked a professor to
    # supervise it speak of that supervisor, not of a collaborator (text audit 12, 25).
    done_when_with: dict[Annotated[str, Field(pattern=FULL_ID_PATTERN)], NonEmpty] = {}
    # ... and the title (a submission whose report may go out on one's own site, in a plan
    # whose report is the short one of a short runway).
    title_with: dict[
        Annotated[str, Field(pattern=FULL_ID_PATTERN)],
        Annotated[str, Field(min_length=1, max_length=200)],
    ] = {}
    # Lands once the person's core preparation is done, after at most this many weeks of it.
    after_prep_weeks: Annotated[int, Field(ge=0, le=520)] | None = None
    # A first shot at that round (an id): in a plan only when the round, prepared in full,
    # would go out close to six months in; then this goes out after a couple of months.
    first_shot_for: Annotated[str, Field(pattern=PREREQ_PATTERN)] | None = None
    # At least this many weeks after its prerequisites are finished (re-apply ~6 months on).
    wait_weeks: Annotated[int, Field(ge=1, le=520)] | None = None
    # Done at least this many weeks before what needs it (a referral takes time to arrange).
    lead_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    # Setup that only pays early: in a plan, it is done by this week (the people map).
    within_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    # A step of applying kept in a plan whose roadmaps leave its own out, as long as one of
    # these roadmaps is in (the referral ask, for someone who left out networking).
    stays_with: list[Annotated[str, Field(pattern=ID_PATTERN)]] = []
    # ... and for people of a background, instead of `within_weeks` (a student's referral ask
    # is early setup for the internships; anyone else's waits for their shortlist).
    within_weeks_by_background: dict[Background, Annotated[int, Field(ge=1, le=52)]] = {}
    # The work in order, as a few roughly equal chunks: a week holding part of a split item
    # says which of them to do.
    steps: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=120)]], Field(max_length=8)
    ] = []
    # Recurring work with a different subject each week (the course's lectures): one topic
    # per occurrence, in the order they are taken: the most important first, so a habit the
    # plan keeps to fewer weeks still covers what matters most (a course's lectures in its
    # teaching order instead, the least needed last).
    topics: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=120)]], Field(max_length=520)
    ] = []
    # Said to a person who named interests, when the item is not itself tagged with one:
    # how to point it at them ("{interests}" is replaced by the person's interests).
    for_interests: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    # A quick version for a very short plan (a few hours in all): its hours and finish line.
    quick_hours: Hours | None = None
    quick_done_when: str = ""
    # ... and its title, where the quick version is a different step (a deadline check in an
    # hour, not the applications themselves).
    quick_title: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    # Recurring work that should be a real share of the week, whatever the week holds (the
    # collaboration put first): each occurrence takes at least this share of the person's
    # weekly hours, to the half hour, and never less than `hours`.
    week_share: Annotated[float, Field(gt=0, le=0.5, allow_inf_nan=False)] | None = None
    # Only for people whose runway (months of money) is shorter than this.
    only_if_runway_under: Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None = None
    # Not for people whose runway is shorter than this (a follow-up project takes months).
    not_if_runway_under: Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None = None
    # For students, only when their runway is shorter than this (finishing, on savings).
    students_only_if_runway_under: (
        Annotated[float, Field(gt=0, le=600, allow_inf_nan=False)] | None
    ) = None
    # For people from these backgrounds, only with an interest it is tagged with, or with a
    # runway shorter than `early_if_runway_under` (a programme for a PhD student).
    interest_only_for: list[Background] = []
    # Weekly topics of a recurring item that this one already works through (the arrays and
    # strings drill covers the weekly problems' Array / String section): with it in a plan,
    # the weekly item's weeks go to its other topics.
    covers: list[Annotated[str, Field(min_length=1, max_length=120)]] = []
    # What the item adds beyond the source documents, said in the plan under its source.
    beyond: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    # ... as said to a background whose finish line differs (a student's ask goes to their
    # advisor first, not to a maintainer), instead of `beyond`.
    beyond_by_background: dict[Background, Annotated[str, Field(min_length=1, max_length=200)]] = {}

    @field_validator("for_interests")
    @classmethod
    def _names_the_interests(cls, value: str | None) -> str | None:
        if value is not None and "{interests}" not in value:
            raise ValueError('must contain "{interests}", where the person\'s interests go')
        return value

    @model_validator(mode="after")
    def _given_whole(self) -> Item:
        """A quick version has both its parts; a share of the week and weekly topics are for
        recurring work."""
        if (self.quick_hours is None) != (not self.quick_done_when):
            raise ValueError("quick_hours and quick_done_when go together: give both or neither")
        if self.quick_title is not None and self.quick_hours is None:
            raise ValueError("quick_title is the quick version's: give quick_hours too")
        if self.week_share is not None and self.repeat is None:
            raise ValueError("week_share is for recurring work: give `repeat` too")
        if self.interest_only_for and not self.tags:
            raise ValueError("interest_only_for needs the interests it is for: give `tags` too")
        if self.topics and self.repeat is None:
            raise ValueError("topics are for recurring work: give `repeat` too")
        if self.repeat is not None and len(self.topics) > self.repeat:
            raise ValueError(
                f"{len(self.topics)} topics for {self.repeat} weeks: give at most one a week"
            )
        if self.quick_hours is not None and self.quick_hours >= self.hours:
            raise ValueError(
                f"quick_hours ({self.quick_hours:g}) must be under hours ({self.hours:g})"
            )
        return self

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

    def for_these(self, interests: Sequence[str]) -> str | None:
        """How to point this item at ``interests``, if it says and is not about one of them."""
        wanted = {x.lower() for x in interests}
        if not self.for_interests or not wanted or wanted & {t.lower() for t in self.tags}:
            return None
        names = [INTEREST_NAMES.get(x.lower(), x.replace("-", " ")) for x in interests]
        said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return self.for_interests.replace("{interests}", said)

    def why_for(self, background: str) -> str:
        """The rationale as said to someone with this background."""
        return self.why_by_background.get(background, self.why)

    def beyond_for(self, background: str) -> str | None:
        """What the item adds beyond the documents, as said to someone with this background."""
        return self.beyond_by_background.get(background, self.beyond)

    def done_when_for(
        self,
        background: str,
        quick: bool = False,
        role: str = "",
        runway: float | None = None,
        held: Collection[str] = (),
    ) -> str:
        """The finish line as said to someone with this background aiming at this target
        ``role``, with ``runway`` months of money (None: not given), in a plan that holds the
        items ``held`` (its quick version's, in a very short plan): the quick version first,
        then the one for an item held, then the background's for a runway under a year, then
        the background's, then the role's, then `done_when`."""
        if quick and self.quick_done_when:
            return self.quick_done_when
        for other, said in self.done_when_with.items():
            if other in held:
                return said
        if runway is not None and runway < SHORT_RUNWAY_MONTHS:
            short = self.done_when_short_runway.get(background)
            if short is not None:
                return short
        if background in self.done_when_by_background:
            return self.done_when_by_background[background]
        return self.done_when_by_role.get(role, self.done_when)

    def within_weeks_for(self, background: str) -> int | None:
        """The week this setup is due by for people of ``background`` (None: not setup)."""
        return self.within_weeks_by_background.get(background, self.within_weeks)

    def priority_for(self, hours_per_week: float) -> str:
        """How much the item matters for someone with ``hours_per_week``."""
        if self.core_from_hours is not None and hours_per_week >= self.core_from_hours:
            return "core"
        return self.priority

    def goal_of(self, role: str, runway: float | None) -> bool:
        """Is this item a signature goal for someone aiming at ``role`` with ``runway``
        months of money (None: not given)?"""
        if role in self.goal_for:
            return True
        short = runway is not None and runway < SHORT_RUNWAY_MONTHS
        return role in self.goal_for_unless_short_runway and not short

    def title_for(self, quick: bool = False, held: Collection[str] = ()) -> str:
        """The title (its quick version's, in a very short plan, if it has its own; else the
        one for an item the plan holds, ``held``)."""
        if quick and self.quick_title:
            return self.quick_title
        for other, said in self.title_with.items():
            if other in held:
                return said
        return self.title

    def hours_for(self, quick: bool = False, weekly: float | None = None) -> float:
        """The hours it takes (its quick version's, in a very short plan; at least its share
        of ``weekly`` hours, if it asks for one)."""
        if quick and self.quick_hours is not None:
            return self.quick_hours
        if self.week_share is not None and weekly:
            return max(self.hours, math.floor(self.week_share * weekly * 2) / 2)
        return self.hours

    def resources_for(self, interests: Sequence[str], role: str = "") -> list[Resource]:
        """The resources for someone with these interests and target ``role``: those tagged
        with interests only when one of them is the person's, and those for some roles only
        when the person aims at one of them."""
        wanted = {x.lower() for x in interests}
        return [
            r
            for r in self.resources
            if (not r.tags or wanted & {t.lower() for t in r.tags})
            and (not r.roles or role in r.roles)
        ]


class Roadmap(_Strict):
    """One track: a list of items in the order a person would take them."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    title: NonEmpty
    description: str = ""
    items: list[Item] = Field(min_length=1)


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
                    label += f" ({key_shown(node['id'])})"
                parts.append(label)
            else:
                parts.append(("." if parts else "") + key_shown(loc))
                node = node.get(loc) if isinstance(node, dict) else None
        path = "".join(parts) or "(top level)"
        if path in seen:
            continue
        seen.add(path)
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key (check the spelling" + (
                f"; {unknown_key_hint})" if unknown_key_hint else ")"
            )
        elif error["type"] == "missing":
            message = "required key is missing"
        elif message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        lines.append(f"{path}: {message}")
    return lines
