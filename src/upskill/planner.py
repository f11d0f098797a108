"""The planner: a pure, deterministic function of (profile, roadmaps, start, today) to a plan.

No clock, no I/O, no randomness; hours are integer hundredths inside, so capacity checks are
exact and the output is byte-stable. It works in named phases, each a method of ``Planner``:

1. ``candidates``: the items this person needs (role, background, runway, skills), each with
   its value: how strongly the documents stress it, for this role, raised by an interest; a
   signature goal the person is rated past hands its place to the build on it that serves
   their interests.
2. ``choose``: the most valuable set that fits the hours there are; an item counts only
   together with the prerequisites it still lacks (value density of the chain), one member of
   a group of alternatives suffices, and optional work gets in only through an interest.
3. ``timing``: when each chosen item may start (an earliest week, after the person's own
   preparation, some weeks after its prerequisites, a deadline's window) and when it should
   be done (signature goals within the first third, one after another with the quickest
   chain first; the basics the person lacks at once, at a course's pace; what the person's
   interests ask them to learn within the first third, the rest of that work within
   interest_fraction of the plan; what the work after someone's yes needs, and the basics
   the person's interest asks for if they are a short step, by the week the yes may come;
   applications once prepared; setup within its first weeks; deadlines), passed down to
   prerequisites, so preparation lands before what it prepares for. "Apply after a couple of
   months" is an amount of work (that many weeks at 13.5 h), and a round waits for the
   signature work it shows and, a few weeks at most, for the rest of its preparation, the
   first post about that work first (a long build that is not the person's goal is not
   part of it, though the core preparation beneath it is, if a short step, and the round
   waits that much longer); a follow-up timed from what it follows waits for nothing it
   merely comes after. Work for a far deadline starts late enough to describe the research
   before it.
4. ``pack``: week by week, within the week's hours less a buffer (time off and a week that has
   started count only what is left), a few distinct tasks: habits take their occurrence (a
   weekly habit is weekly: one that gives way to a more valuable one ends, it does not pause),
   then due work by how pressing it is (a deadline that must start; a short runway's first
   moves and quick goals; follow-ups, the work after someone's yes, the paper that closes a
   signature project's weekly work and the submission the week after it, an ask whose answer
   a follow-up waits for, a referral ask and a ready round; setup, in a share; in the weeks a
   round's interviews may come, in a share too, the interview practice it went out without
   when the next round is months away (its weekly mocks wait for that round); what a round
   cannot go without, what the work after a yes needs and the chain of a signature build
   within quick_goal_hours, once they must start; what a round went out without; the basics;
   what must start for its chain), and within that what has started, what a round cannot go
   without, its preparation, then the due week.
   Then split work continues, and the rest is shared between tracks so that each advances in
   step with how much of it was chosen (a week still a third empty when its task slots are
   used takes one or two more tasks). A long item advances in blocks, never slivers; one
   big project runs at a time (the work after someone's yes does not wait for one), and
   beside it one long course at a course's pace. Practice
   of ordinary priority that would only start once everything it prepares for has started
   (a drill after the round) is left out with that reason; work the person has recorded
   something on (a replan carries it) is never left out that way, and is chosen first.
   Once a round's interviews are over, the interview practice still to do waits for the
   weeks before the next round (a student's second internship round, months later), and no
   big piece of work starts that would run into those weeks.
5. ``repair``: work not finished by the end (or late for its deadline) is taken out whole,
   with what needs it, and the room it frees goes to whole items worth doing (setup within
   its window, what a short runway pulls forward within the first third, a follow-up only
   soon after what it follows, nothing that only prepares for work not in the plan or for
   work that has all started (`prepares_for`), no build aimed at interests the person did
   not name: such weeks stay light); an ask
   made only for work that is not in the plan (to audit a course that did not fit) goes too.
   A build whose write-up did not fit after it (a reproduction in the last weeks): the least
   valuable writing habit beside it that nobody must do gives way and the plan is made once
   more, kept if the write-up then fits and nothing else is lost.
   A round that, prepared in full, would go out some four months in, well past the couple
   of months of upskilling Anders advises, or that someone ready from the start (no basics
   left) could send in the first weeks (`first_shot_for`): the plan is made once more with a
   first shot at it (someone ready sends it once their signature build is done, if that is
   still on time), kept if the shot goes out soon after the round's couple of months, at
   least six weeks before the round (then titled as after the first shot), with no signature
   goal lost; otherwise the shot is not in the plan and not listed as left out (a replan
   keeps a shot it holds, and its round still waits the six weeks after it).
   Deadline work still late once the order has yielded (a plan made late in its first week):
   the plan is made again with the deadline's work starting two, four or six weeks earlier,
   kept if fewer deadlines are missed.

What is left out is reported most valuable first, each with its reason; ``Planner.available_week``
is the one rule for when an item may go into a week.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from upskill.errors import DataError
from upskill.plan import Plan, Task, Unscheduled
from upskill.schema import INTEREST_NAMES, MILESTONE_KINDS, STUDENTS, Profile

if TYPE_CHECKING:  # roadmaps bring pydantic; the planner only reads them
    from upskill.roadmaps import Catalog

CENTI = 100
FOREVER = 1 << 30
MIN_HABIT_WEEKS = 3  # a habit cut short runs at least this many weeks, or not at all
MAX_PAUSE_WEEKS = 3  # work held back for freshness may not leave work paused longer than this
_LATE_HABIT = "a weekly habit starting in week "  # (the reason, read again in `left_out`)
CLOSURE_SAMPLE = 32  # units of a prerequisite chain walked to rank it (all, to take it;
# the longest chain in the shipped roadmaps has 26, so there the sample is the whole chain)
# Weekly habits the refill brings back: the ones that get the person in front of people
# (practice habits stay out: a drill begun in a plan's last weeks helps little).
REFILL_HABIT_KINDS = frozenset({"apply", "network"})
RANK_SAMPLE = 12  # ... and to rank what is left out (what to do next)


@dataclass(frozen=True)
class Policy:
    """How the advice is weighed and how a week is shaped: named numbers, not control flow."""

    # Value of an hour of work by priority (how strongly the documents stress it).
    priority_value: Mapping[str, float] = field(
        default_factory=lambda: {"core": 8.0, "high": 4.0, "normal": 2.0, "optional": 0.5}
    )
    # Value grows with size, but slower than the hours it costs: a cheap move of high
    # leverage (three messages, an options list) is worth more per hour than a long course.
    size_exponent: float = 0.85
    interest_factor: float = 2.5  # an item tagged with one of the person's interests
    goal_factor: float = 1.5  # a signature goal of the person's target role
    # Work a short runway pulls to the front (the runway plan, the first messages, the paid
    # post at a local lab) is worth more to someone whose money runs out: the podcast's
    # advice for that case is to talk to people and take the paid lab post, not to study more.
    urgent_factor: float = 3.0
    goal_support_factor: float = 1.5  # what a signature goal comes `after`
    track_slack: float = 0.05  # a track this far behind its share of the work catches up
    # How much a track matters for a target role (multiplies value).
    role_weights: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: {
            # "More time on the coding skills and a little less on the ML stuff" (Anders) is
            # engineering advice; a research scientist's loop weighs research over drills.
            "research-engineer": {"coding": 1.2, "research": 0.8, "phd-applications": 0.3},
            "research-scientist": {
                "coding": 0.5,
                "open-source": 0.7,
                "research": 1.3,
                "phd-applications": 0.4,
            },
            "ml-engineer": {"research": 0.6, "phd-applications": 0.3},
            "phd-applicant": {
                "coding": 0.7,
                "interviewing": 0.3,
                "open-source": 0.6,
                "research": 1.3,
                "phd-applications": 1.3,
            },
        }
    )
    block_min: float = 1.5  # no part of a split item is shorter (unless the week is tiny)
    block_share: float = 0.45  # a long item takes at most this share of a week...
    course_share: float = 0.25  # ... a long course (paced by its lectures) this share
    block_floor: float = 3.0  # ...or this many hours, whichever is more
    small_item: float = 3.0  # items up to this many hours are never split
    hours_per_task: float = 2.5  # distinct tasks in a week: about one per this many hours
    min_tasks: int = 2
    max_tasks: int = 7
    habit_share: float = 0.5  # recurring practice takes at most this share of a week
    max_habits: int = 4  # ... and this many habits at once
    hours_per_habit: float = 5.0  # ... or one per this many hours of a week, if more
    habit_keep: float = 1.5  # a running habit gives way only to one this much more valuable
    practice_fresh_weeks: int = 2  # interview practice ends at most this long before applying
    reading_fresh_weeks: int = 2  # ... and the reading a build stands on, before the build
    habit_free_slot: float = 0.5  # a habit this short does not count as one of the week's tasks
    goal_fraction: float = 1 / 3  # signature goals land within about the first third
    interest_fraction: float = 0.6  # ... and work for the person's interests within this share
    first_move_share: float = 0.6  # a goal whose chain takes at most this share of a week
    first_move_hours: float = 6.0  # ... or this many hours, on a small weekly budget
    quick_goal_hours: float = 30.0  # a signature build whose whole chain is this much work
    setup_share: float = 0.25  # setup that only pays early takes at most this share of a week
    # Builds this long (a fine-tuned model, a reproduction) run one at a time: Anders regrets
    # "too many small research projects" (cmp11, cmp12)
    project_hours: float = 8.0
    focus_hours: float = 15.0  # one item this long at a time: a big thing is not run beside another
    urgent_share: float = 0.7  # work due soon is assumed to get this share of a week
    short_runway_factor: float = 0.5  # a short runway shortens the wait before applying
    # A first shot (`first_shot_for`) at a round that comes late goes in if it lands within
    # this many working weeks after the round's couple of months (its after_prep_weeks, times
    # prep_calendar_factor); the round, the second shot, then waits at least
    # first_shot_gap_weeks after it (Anders: "come back again in a few months").
    first_shot_late_weeks: int = 5
    # ... when the round, prepared in full, would go out after this many working weeks or more:
    # about four months of work, well past Anders's couple of months (cmp1, cmp2 of stop 44:
    # the shot was preferred for rounds 21-26 working weeks away, not for Sam's at 17; 20 until
    # stop 49, when his referral ask waits for his CV and the shot no longer costs his GPT-2
    # its place or his reading: cmp73, cmp74, both reviewers for his, split on a CS postdoc's)
    first_shot_round_weeks: int = 17
    first_shot_gap_weeks: int = 6
    interest_build_wait_weeks: int = 3  # a round waits this much at most for an interest's build
    prep_pace_hours: float = 13.5  # "a couple of months" of upskilling, at hours a week
    prep_calendar_factor: float = 1.5  # ... and at most this many times those weeks of work
    urgent_prep_weeks: float = 3.0  # ...and what it would like done first goes first if this short
    prep_grace_weeks: int = 6  # a round waits this long after its release for its preparation
    interview_window: int = 8  # interviews come within this many weeks of an application
    follow_window: int = 3  # a follow-up is worth doing within this many working weeks
    follow_wait_weeks: int = 3  # ... of what it follows, if it waits at most this long for it
    # (a reminder a week after the asks; the follow-up to an event booked three weeks ahead)
    deadline_lead_weeks: int = 8  # a deadline closer than this to the start aims a year later
    deadline_window_weeks: int = 6  # deadline work itself goes out in this window
    deadline_slack_weeks: int = 4  # work for a far deadline starts this long before it must
    deadline_share: float = 0.5  # ...assuming it gets this share of the pace of due work
    next_steps: int = 5  # how many left-out items the "next, in this order" list shows
    # Work for these interests ("anyone who wants to work with LLMs", Anders) is not filler
    # for someone who named others (GPT-2 for a roboticist): its weeks go to other work; nor
    # is reinforcement-learning and robotics work (RL basics for someone who named alignment
    # and evaluation, in the last weeks of a short runway: rv35, five of six reviewers), nor
    # interpretability reading that names no other interest (its weeks then: rv36, three)
    # (the last: only work tagged with nothing else, not the case for safety, which is more)
    elsewhere_tags: tuple[tuple[str, tuple[str, ...], bool], ...] = (
        ("language-model work", ("llms", "nlp"), False),
        ("reinforcement-learning work", ("reinforcement-learning", "robotics"), False),
        ("interpretability work", ("interpretability",), True),
    )
    # Targets whose ML drills are worth what they prepare (the research, the statement), not
    # the skill itself: placed after all of it has started, such a drill is left out.
    drills_for_the_work: tuple[str, ...] = ("phd-applicant",)
    # Hands-on ML (ARENA's notebooks) keeps a block every week once it must start, before the
    # first applications, for someone whose coding is rated at least this (cmp4: the data
    # scientist's plan with it preferred by four of four; cmp4, cmp5: the postdoc's, whose
    # coding is the gap, by one of four then; stop 60, at 2 ("working: with references
    # open"): the postdoc's by two of two, whose plan had no ML from week 9 to his first shot,
    # and the chemistry postdoc's by one of two)
    ml_thread_coding: int = 2
    # ... and goes on from ARENA's first chapter to the signature ML build (GPT-2) and what it
    # waits for, for someone who codes routinely (rated at least this): not ten weeks without
    # hands-on ML before it (rv55: four of six reviewers of the data scientist; c65gdata,
    # c65gdatar: two of two for his GPT-2 in weeks 13-16, before his first shot). Someone
    # whose coding is the gap keeps the coding first (c65gpost, c65gpostr: the postdoc's plan
    # lost its algorithms course and its first shot).
    build_thread_coding: int = 3
    # ... if each application round of the plan without it goes out at most this many weeks
    # later (the backend engineer's, three, for his GPT-2 before his shot: c65gback)
    build_wait_weeks: int = 3
    # Optional work that matters only where a condition holds the plan cannot know (a UK
    # programme on the shortlist): its tag, how the condition is said, and the item where the
    # person finds out (text audit 11, finding 6: "tied to none of your interests" is no
    # reason to drop what a UK application requires).
    only_where: Mapping[str, tuple[str, str]] = field(
        default_factory=lambda: {"uk": ("UK programmes", "phd-applications.shortlist")}
    )


POLICY = Policy()
# Each week's load, habit hours and task count, each item's first week, what needs each item.
# (and whether the week has a task slot left)
WeeksRead = tuple[list[int], list[int], list[bool], dict[str, int], dict[str, list[str]]]
FILL_LOOKAHEAD = 4  # a week's extra slot looks this far down each track's line


_P = ParamSpec("_P")
_R = TypeVar("_R")


def gc_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``fn`` with the cycle collector paused (and resumed after, if it was on).

    The planner makes tens of thousands of small short-lived objects and no garbage cycles
    worth collecting mid-plan; the collector's passes over them were a quarter of its time on
    the 5,000-item benchmark. What cycles there are go at the next collection after it.
    """

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def centi(hours: float) -> int:
    """Hours to integer hundredths, rounded down (a budget is never rounded up), at least 1."""
    return max(1, math.floor(hours * CENTI + 1e-6))


def coming_monday(today: dt.date) -> dt.date:
    """The default start date: today if it is a Monday, else the next Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def deadline_date(
    month_day: str, start: dt.date, lead_weeks: int = POLICY.deadline_lead_weeks
) -> dt.date:
    """The next ``MM-DD`` at least ``lead_weeks`` after ``start`` (a closer one aims at the
    following year)."""
    month, day = (int(x) for x in month_day.split("-"))
    for year in range(start.year, start.year + 3):
        try:
            due = dt.date(year, month, day)
        except ValueError:  # 02-29 in a common year
            due = dt.date(year, month, 28)
        if (due - start).days >= lead_weeks * 7:
            return due
    raise AssertionError("unreachable: three years always hold a date far enough away")


def deadline_week(
    month_day: str, start: dt.date, lead_weeks: int = POLICY.deadline_lead_weeks
) -> int:
    """The plan week by whose end work due on the next ``MM-DD`` must be finished.

    A deadline closer than ``lead_weeks`` to the start aims at the following year.
    """
    due = deadline_date(month_day, start, lead_weeks)
    return (due - dt.timedelta(days=1) - start).days // 7 + 1


def lead_of(item: Any, policy: Policy = POLICY) -> int:
    """How far ahead of the start ``item``'s deadline must be to count this year."""
    lead = item.deadline_lead_weeks
    return policy.deadline_lead_weeks if lead is None else lead


@dataclass
class Unit:
    """A piece of work to place: a whole item, or the occurrences of a recurring one."""

    id: str
    roadmap: str
    title: str
    kind: str
    size: int  # hundredths of an hour: the whole item, or one occurrence
    order: int
    prerequisites: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # soft: first, when both are in the plan
    prepares_for: list[str] = field(default_factory=list)  # too late once these have started
    title_with: Mapping[str, str] = field(default_factory=dict)  # its title beside these
    occurrences: list[int] | None = None  # recurring: the occurrence numbers still to place
    value: float = 1.0  # for the whole unit (all its occurrences)
    priority: str = "normal"
    group: str | None = None
    filler: bool = False  # optional and matching no interest: never chosen for itself
    goal: bool = False
    liked: bool = False  # tagged with one of the person's interests
    aside: bool = False  # a build aimed at interests other than those the person named
    level: int | None = None  # the skill level it is needed below (None: always needed)
    role_weight: float = 1.0  # how much its track matters for the person's target role
    gated: bool = False  # needed because of a skill the person rated low (preparation)
    earliest_week: int = 1
    deadline_week: int | None = None
    deadline: str | None = None  # the "MM-DD" the deadline week came from
    after_prep_weeks: int | None = None
    wait_weeks: int = 0
    lead_weeks: int = 0  # done this many weeks before what needs it
    within_weeks: int | None = None  # setup: due by this week of the plan
    urgent: bool = False  # a short runway pulls it to the front
    # A job round that must go out before the money does, for someone whose first break is a
    # job (a student's is an internship): what it cannot go without goes ahead of other work.
    runway_round: bool = False
    # A first shot at this round (full id): goes in only when the round comes late (`place`).
    first_shot_for: str | None = None
    # ... decided already: the shot was in the plan a replan starts from, so it stays
    first_shot_kept: bool = False
    busy_weeks: frozenset[int] = frozenset()  # recurring: weeks that already hold one
    # recurring work sized as a share of the week (the collaboration put first): a block of
    # the week's main work, not practice, so not held to the habits' share
    shared: bool = False
    touched: bool = False  # the person has recorded something on it (a replan carries it)
    # work in a field the person did not name (language models for a roboticist): why, if so,
    # and the field as that reason names it ("language-model work")
    elsewhere: str | None = None
    elsewhere_field: str | None = None
    only_where: str | None = None  # optional work for a case the plan cannot know: its tag

    @property
    def total(self) -> int:
        """Hundredths of an hour for every occurrence still to place."""
        return self.size * len(self.occurrences) if self.occurrences is not None else self.size

    def copy(self) -> Unit:
        """A shallow copy (as `copy.copy`, without its generic protocol: a plan makes
        thousands)."""
        twin = object.__new__(Unit)
        twin.__dict__ = self.__dict__.copy()  # (a third of the time of updating its own)
        return twin


Key = tuple[int, int, float, int]


@dataclass
class _Week:
    """The week being packed: its number, the room and task slots left, what it holds."""

    week: int
    room: int
    slots: int
    start: int  # the room the week began with
    placed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Selection:
    """The candidates for a profile, and the items it skips as already known."""

    units: list[Unit]
    known: list[str]


def exclusion(profile: Profile, item: Any, roadmap_id: str) -> str | None:
    """Why ``item`` is not for this person at all, or None when it is a candidate.

    The one rule for leaving an item out before value is weighed: `explain` asks it too.
    """
    chosen = profile.chosen_roadmaps()
    if roadmap_id not in chosen and not set(item.stays_with).intersection(chosen):
        return f"the {roadmap_id} roadmap is not among your roadmaps"
    return not_for(profile, item)


def staying(profile: Profile, catalog: Catalog) -> list[tuple[str, Any]]:
    """The steps of applying from roadmaps the person left out that stay in their plan
    (`stays_with` a roadmap they kept), as (roadmap id, item): the referral ask, for an
    engineer who left out networking (rv46, rv53: four of six reviewers' first change)."""
    chosen = profile.chosen_roadmaps()
    kept = [
        (roadmap_id, item)
        for roadmap_id, roadmap in catalog.roadmaps.items()
        if roadmap_id not in chosen
        for item in roadmap.items
        if set(item.stays_with).intersection(chosen)
    ]
    # ... and only a step that needs nothing from a roadmap left out (but other such steps)
    ids = {f"{r}.{item.id}" for r, item in kept}
    return [
        (r, item)
        for r, item in kept
        if all(
            p.split(".", 1)[0] in chosen or p in ids
            for p in catalog.prerequisites(f"{r}.{item.id}")
        )
    ]


def not_for(profile: Profile, item: Any) -> str | None:
    """Why ``item`` does not suit this person, whatever their roadmaps (its roles,
    backgrounds, runway and skill gate), or None when it does."""
    if item.roles and profile.target_role not in item.roles:
        return f"it is for {', '.join(item.roles)}, and your target is {profile.target_role}"
    if item.backgrounds and profile.background not in item.backgrounds:
        return f"it is for people from {', '.join(item.backgrounds)}"
    short = item.only_if_runway_under
    if short is not None and not (
        profile.runway_months is not None and profile.runway_months < short
    ):
        return f"it is for someone with less than {short:g} months of runway"
    short = item.not_if_runway_under
    if short is not None and profile.runway_months is not None and profile.runway_months < short:
        return f"it is for someone with at least {short:g} months of runway"
    short = item.students_only_if_runway_under
    if (
        short is not None
        and profile.background in STUDENTS
        and not (profile.runway_months is not None and profile.runway_months < short)
    ):
        return (
            f"a student's first break is a research internship; this is for students with "
            f"less than {short:g} months of runway"
        )
    if profile.background in item.interest_only_for and not (
        serves_interests({x.lower() for x in profile.interests}, item)
        or on_short_runway(profile.runway_months, item)
    ):
        short = item.early_if_runway_under
        return (
            f"it is for people from {profile.background} only with an interest in "
            f"{', '.join(item.tags)}"
            + (f", or on a runway under {short:g} months" if short else "")
        )
    if item.skill is not None and item.level is not None:
        rating = profile.rating(item.skill)
        if rating >= item.level and item.kind == "apply":  # (not a basic: a route for some)
            return f"you rated {item.skill} {rating}, and it is for people rated below {item.level}"
        if rating >= item.level:
            return f"you rated {item.skill} {rating}, and it is needed below {item.level}"
    return None


@gc_paused
def candidates(
    profile: Profile, catalog: Catalog, start: dt.date, policy: Policy = POLICY
) -> Selection:
    """Every item this person needs, with its value and its constraints, in roadmap order."""
    chosen = profile.chosen_roadmaps()
    unknown = [r for r in chosen if r not in catalog.roadmaps]
    if unknown:
        raise DataError(
            f"roadmaps: unknown roadmap {unknown[0]!r}; "
            f"available: {', '.join(catalog.roadmaps)} (see `upskill roadmaps`)"
        )
    interests = {i.lower() for i in profile.interests}
    runway = profile.runway_months
    weights = policy.role_weights.get(profile.target_role, {})
    quick = profile.quick
    units: list[Unit] = []
    known: list[str] = []
    order = 0
    pairs = [(r, item) for r in chosen for item in catalog.roadmaps[r].items]
    for roadmap_id, item in [*pairs, *staying(profile, catalog)]:
        full = f"{roadmap_id}.{item.id}"
        why_not = not_for(profile, item)  # (`exclusion`, for a roadmap that is chosen)
        if why_not is not None:
            if why_not.startswith("you rated"):
                known.append(full)
            continue
        order += 1
        # (each read of an item's field is a model's attribute lookup: these are read once)
        stressed, skill, level = (
            item.priority_for(profile.hours_per_week),
            item.skill,
            item.level,
        )
        liked = serves_interests(interests, item)
        goal = item.goal_of(profile.target_role, runway)
        elsewhere = what = None
        if interests and not liked and not goal and stressed != "core" and item.tags:
            tags = {t.lower() for t in item.tags}
            # (language-model work is never off the interests of someone who names NLP
            # or LLMs, whichever of the two tags the item carries)
            what = next(
                (
                    said
                    for said, family, alone in policy.elsewhere_tags
                    if tags & set(family)
                    and interests.isdisjoint(family)
                    and (not alone or tags <= set(family))
                ),
                None,
            )
            if what is not None:
                named = (INTEREST_NAMES.get(x, x.replace("-", " ")) for x in profile.interests)
                elsewhere = f"it is {what}, and your interests are {', '.join(named)}"
        only_where = next(
            (t for t in item.tags if t in policy.only_where and t not in interests), None
        )
        priority = stressed
        if liked and priority == "optional":
            priority = "normal"
        repeat = habit_weeks(profile, item, roadmap_id, policy) if item.repeat else None
        unit = Unit(
            id=full,
            roadmap=roadmap_id,
            title=item.title_for(quick),
            kind=item.kind,
            size=centi(item.hours_for(quick, profile.hours_per_week)),
            order=order,
            prerequisites=catalog.prerequisites(full),
            after=after_of(catalog, full, profile),
            prepares_for=catalog.prepares_for(full),
            title_with=dict(item.title_with) if not quick else {},
            occurrences=list(range(1, repeat + 1)) if repeat else None,
            priority=priority,
            group=item.group,
            only_where=only_where if stressed == "optional" and not liked else None,
            filler=stressed == "optional" and not liked,
            goal=goal,
            liked=liked,
            level=level if skill is not None else None,
            role_weight=weights.get(roadmap_id, 1.0),
            gated=skill is not None and level is not None,
            earliest_week=item.earliest_week or 1,
            after_prep_weeks=item.after_prep_weeks,
            wait_weeks=item.wait_weeks or 0,
            lead_weeks=item.lead_weeks or 0,
            within_weeks=item.within_weeks_for(profile.background),
            first_shot_for=catalog.first_shot_for(full),
            elsewhere=elsewhere,
            elsewhere_field=what,
            aside=bool(interests and item.tags and item.kind == "build" and not liked and not goal),
            shared=item.week_share is not None,
            urgent=on_short_runway(runway, item),
        )
        unit.runway_round = (
            unit.urgent and item.after_prep_weeks is not None and profile.background not in STUDENTS
        )
        if item.deadline:
            unit.deadline = item.deadline
            unit.deadline_week = deadline_week(item.deadline, start, lead_of(item, policy))
            unit.earliest_week = max(
                unit.earliest_week, unit.deadline_week - policy.deadline_window_weeks + 1
            )
        factor = weights.get(roadmap_id, 1.0)
        factor *= policy.interest_factor if liked else 1.0
        factor *= policy.goal_factor if goal else 1.0
        factor *= policy.urgent_factor if unit.urgent else 1.0
        unit.value = value_of(unit, policy) * factor
        units.append(unit)
    # A signature build the person is already past (GPT-2 from scratch, for someone rated 4
    # in deep learning) hands its place to the build on it that serves their interests (the
    # LLM capstone): they still go into their first round with work of their own to show.
    for unit in units:
        passed = set(goals_stood_in_for(profile, catalog, unit.id)) if unit.liked else set()
        if passed and not unit.goal:
            unit.goal = True
            unit.value *= policy.goal_factor
            for other in units:  # (and what waited for the build it stands in for waits for it)
                if passed.intersection(other.after) and unit.id not in other.after:
                    other.after = [*other.after, unit.id]
    # What a signature goal should come after (the lab notes and the drills before applying)
    # is what makes the goal land: it shares in the goal's worth.
    by_id = {u.id: u for u in units}
    supporting = {a for u in units if u.goal for a in u.after if a in by_id}
    # ... and so does the weekly block that keeps a goal going once it is reached (the
    # collaboration after its first results): a goal dropped the week it lands was half-done.
    goals = {u.id for u in units if u.goal}
    supporting |= {
        u.id
        for u in units
        if u.occurrences is not None and u.kind == "build" and goals.intersection(u.prerequisites)
    }
    for uid in supporting:
        if not by_id[uid].goal:
            by_id[uid].value *= policy.goal_support_factor
    return Selection(units, known)


def after_of(catalog: Catalog, full_id: str, profile: Profile) -> list[str]:
    """What ``full_id`` comes after where it can, for this person: a round on a short
    runway does not wait for a post (cmp138, cmp139: two weeks of the master's student's
    round were worth more than her blog before it). A step of applying kept from a roadmap the
    person left out (`staying`) comes after what it would like first from the roadmaps they
    kept, unless that waits on a build: the engineer's referral ask follows his shortlist (rv54:
    three of six, "before any target list exists") but not the resume pointed at ML roles, which
    waits for his fine-tuned model, so it still goes ahead of the applications it serves."""
    after = catalog.after(full_id, profile.background)
    chosen = profile.chosen_roadmaps()
    if full_id.split(".", 1)[0] not in chosen:
        return [
            a
            for a in after
            if a.split(".", 1)[0] in chosen and not _waits_on_a_build(catalog, a, profile)
        ]
    # ... and nothing waits for such a step: the engineer's infrastructure applications, on
    # the engineering he already has, go out before his shortlist and so before that ask
    if any(a.split(".", 1)[0] not in chosen for a in after):  # (seldom: asked per item)
        kept = {f"{r}.{item.id}" for r, item in staying(profile, catalog)}
        after = [a for a in after if a not in kept]
    item = catalog.items[full_id]
    if item.after_prep_weeks is not None and on_short_runway(profile.runway_months, item):
        return [a for a in after if catalog.items[a].kind != "write"]
    return after


def _waits_on_a_build(catalog: Catalog, full_id: str, profile: Profile) -> bool:
    """Does ``full_id`` need or come after a build, directly or through what it needs?"""
    seen: set[str] = set()
    stack = [*catalog.prerequisites(full_id), *catalog.after(full_id, profile.background)]
    while stack:
        ref = stack.pop()
        if ref in seen or ref not in catalog.items:
            continue
        seen.add(ref)
        if catalog.items[ref].kind == "build":
            return True
        stack += [*catalog.prerequisites(ref), *catalog.after(ref, profile.background)]
    return False


def on_short_runway(runway: float | None, item: Any) -> bool:
    """Is a runway of ``runway`` months short enough to bring ``item`` forward
    (`early_if_runway_under`)?"""
    short = item.early_if_runway_under
    return runway is not None and short is not None and runway < short


def goals_stood_in_for(profile: Profile, catalog: Catalog, full_id: str) -> list[str]:
    """The signature goals of the person's role that ``full_id`` takes the place of: those
    among its prerequisites, in the person's roadmaps, that they are rated past, when it
    serves their interests and is not a goal itself (the LLM capstone built on GPT-2 from
    scratch, for someone rated 4 in deep learning who is interested in LLMs)."""
    item = catalog.items[full_id]
    role = profile.target_role
    if item.goal_of(role, profile.runway_months) or not serves_interests(
        {i.lower() for i in profile.interests}, item
    ):
        return []
    chosen = profile.chosen_roadmaps()
    passed = []
    for p in catalog.prerequisites(full_id):
        goal = catalog.items.get(p)
        if (
            goal is None
            or not goal.goal_of(role, profile.runway_months)
            or p.split(".", 1)[0] not in chosen
        ):
            continue
        reason = not_for(profile, goal)
        if reason is not None and reason.startswith("you rated"):
            passed.append(p)
    return passed


def stands_in_for_goal(profile: Profile, catalog: Catalog, full_id: str) -> bool:
    """Does ``full_id`` take the place of a signature goal the person is rated past (as the
    plan's milestones and `candidates` both count it)?"""
    return bool(goals_stood_in_for(profile, catalog, full_id))


def serves_interests(interests: set[str], item: Any) -> bool:
    """Is ``item`` tagged with one of ``interests`` (lower-cased)?"""
    return bool(interests) and not interests.isdisjoint(t.lower() for t in item.tags)


def habit_weeks(
    profile: Profile, item: Any, roadmap_id: str, policy: Policy = POLICY
) -> int | None:
    """How many weeks a weekly habit runs for this person: fewer on a track that matters
    less for their role (a research scientist's coding problems are a block before the
    interviews, not sixteen weeks of them), unless it serves one of their interests."""
    repeat: int | None = item.repeat
    weight = policy.role_weights.get(profile.target_role, {}).get(roadmap_id, 1.0)
    liked = serves_interests({i.lower() for i in profile.interests}, item)
    if repeat and weight < 1.0 and not liked:
        repeat = max(min(MIN_HABIT_WEEKS, repeat), math.ceil(repeat * weight))
    return repeat


def _interview_practice(unit: Unit) -> bool:
    """Practice for interviews (a drill, a mock, your stories): it is timed to the rounds."""
    return unit.roadmap == "interviewing" and unit.kind in ("practice", "write")


def value_of(unit: Unit, policy: Policy = POLICY) -> float:
    """The value of a unit by its priority and size, before role, interest and goal factors."""
    per = policy.priority_value.get(unit.priority, policy.priority_value["normal"])
    count = len(unit.occurrences) if unit.occurrences is not None else 1
    return float(per * (unit.size / CENTI) ** policy.size_exponent * count)  # habits: each time


@dataclass
class Placement:
    """What the planner placed, and what it left out (most valuable first, with reasons)."""

    tasks: list[Task]
    unscheduled: list[Unscheduled]


def week_hours(
    profile: Profile,
    start: dt.date,
    horizon: int,
    today: dt.date | None = None,
    policy: Policy = POLICY,
) -> list[int]:
    """Hundredths of an hour to plan in each week 1..horizon (index 0 unused).

    The weekly budget less the buffer; time off counts day by day; in a week that has already
    started (``today`` inside it), only the days from today on count.
    """
    # A buffer of less than half an hour is noise: a tiny budget keeps all of its time.
    keep = 1 - profile.buffer if profile.hours_per_week * profile.buffer >= 0.5 else 1.0
    out = [0]
    for week in range(1, horizon + 1):
        first = start + dt.timedelta(days=7 * (week - 1))
        total = profile.week_budget(first, today)
        out.append(math.floor(total * keep * CENTI / 25 + 1e-6) * 25)  # quarter hours
    return out


def weeks_named(weeks: Sequence[int]) -> str:
    """Weeks in words, every one of them, runs of three or more as a range: "week 17",
    "weeks 25, 29 and 40", "weeks 38–42 and 45" (render reads them back: `weeks_read`)."""
    return _weeks_named(tuple(sorted(set(weeks))))


@functools.lru_cache(maxsize=256)
def _weeks_named(weeks: tuple[int, ...]) -> str:
    """`weeks_named` of sorted distinct weeks (the reasons of a long plan's left-out items
    name the same free weeks again and again)."""
    runs: list[tuple[int, int]] = []
    for w in weeks:
        if runs and w == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], w)
        else:
            runs.append((w, w))
    parts: list[str] = []
    for a, b in runs:
        if b - a >= 2:
            parts.append(f"{a}–{b}")
        else:
            parts.extend(str(w) for w in range(a, b + 1))
    if len(parts) == 1 and "–" not in parts[0]:
        return f"week {parts[0]}"
    return "weeks " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0])


def _free_in(room: Mapping[int, int], weeks: Sequence[int]) -> str:
    """The hours free in ``weeks`` (hundredths in ``room``): "1.5 h free", "4 h free each",
    "10.75 h free in all"."""
    hours = [room[w] / CENTI for w in weeks]
    if len(hours) == 1:
        return f"{hours[0]:g} h free"
    if min(hours) == max(hours):
        return f"{hours[0]:g} h free each"
    return f"{sum(hours):g} h free in all"


class Planner:
    """The planning state of one run, and its phases as methods (see the module docstring)."""

    def __init__(
        self,
        units: Sequence[Unit],
        capacity: Sequence[int],
        *,
        budget: float,
        first_week: int = 1,
        used: Mapping[int, int] | None = None,
        tasks_used: Mapping[int, int] | None = None,
        satisfied: Iterable[str] = (),
        finished: Mapping[str, int] | None = None,
        policy: Policy = POLICY,
        order_for_deadlines: bool = True,
        held_back: Mapping[str, str] | None = None,
        quick: bool = False,
        drills_for_the_work: bool = False,
        ml_thread: bool = False,
        shown_builds: Iterable[str] = (),
        build_thread: bool = False,
    ) -> None:
        self.policy = policy
        self.quick = quick  # a very short plan: its setup is most of it, not a share of a week
        # A target whose drills are worth what they prepare (`Policy.drills_for_the_work`)
        self.drills_for_the_work = drills_for_the_work
        # Someone who can code with references open keeps hands-on ML going every week
        # (`_ml_thread`); someone who barely codes yet puts the coding first
        self.ml_thread = ml_thread
        self.build_thread = build_thread  # ... on to the signature build (`_goal_build_chain`)
        self.build_thread_used = False  # (`place`: the settled plan was made with it)
        self._goal_chain: set[str] | None = None
        # Builds a round waits for as it waits for a signature goal (`_shows`): one the
        # person's interest asks for, when `place` finds the wait short
        self.shown_builds = frozenset(shown_builds)
        self.order_for_deadlines = order_for_deadlines
        # Work kept out of this attempt, and why (a habit whose weeks a build's write-up needs).
        self.held_back = dict(held_back or {})
        self.off_interest: set[str] = set()  # work outside the interests taken out (`_elsewhere`)
        self.late: set[str] = set()  # deadline work that could not be ready in time
        self.placement = Placement([], [])
        self.units = list(units)
        self.by_id = {u.id: u for u in self.units}
        # ... and what follows a first shot kept out (the look back at it), with it
        self.after_shot: dict[str, str] = {}
        for u in self.units:
            for p in u.prerequisites:
                if p in self.held_back and p in self.by_id and self.by_id[p].first_shot_for:
                    self.after_shot[u.id] = p
                    self.held_back.setdefault(u.id, "")
        self.horizon = len(capacity) - 1
        self.first_week = first_week
        used = used or {}
        self.cap = [max(0, c - used.get(w, 0)) for w, c in enumerate(capacity)]
        self.tasks_used = dict(tasks_used or {})
        self.budget = budget
        self.satisfied = set(satisfied)
        self.finished: dict[str, int] = dict(finished or {})  # item id -> week it finished
        for uid in self.satisfied:
            self.finished.setdefault(uid, 0)
        typical = sorted(c for c in self.cap[first_week:] if c > 0)
        self.typical = typical[len(typical) // 2] if typical else 0
        self.block_min = min(centi(policy.block_min), max(self.typical, 25))
        self.small = centi(policy.small_item)
        self.floor = centi(policy.block_floor)  # (the packer asks for these thousands of times)
        self.focus = centi(policy.focus_hours)
        self._project_size = centi(policy.project_hours)
        self._blocks = (  # the block of a long item, and of a long course
            max(int(self.typical * policy.block_share), self.floor, self.block_min),
            max(int(self.typical * policy.course_share), self.floor, self.block_min),
        )
        # State filled in by the phases.
        self._pre: dict[str, list[str]] = {}
        self.deadline_chain: set[str] = set()  # what a deadline needs: soft order yields
        self.soft_yields: set[str] = set()  # ... and applications after their preparation
        self.runway_needs: set[str] = set()  # what a short runway's job round needs
        self.shot_needs: set[str] = set()  # what a first shot at a round needs
        self.first_moves: set[str] = set()  # quick goals and their chains: ahead of the rest
        # work left out whose only use is work not in the plan either: why, in words
        self.prepares_for_none: dict[str, str] = {}
        self.setup_moves: set[str] = set()  # ... and setup that only pays early, within a share
        self.needed: set[str] = set()  # what an application round cannot go without
        self.essentials: set[str] = set()  # ... and the preparation it waits for
        self.essentials_of: dict[str, set[str]] = {}  # (that preparation, round by round)
        # Interview practice a round went without, once its interviews are over, waits for
        # the weeks before the next round (the week it may start).
        self.hold_until: dict[str, int] = {}
        self.rounds_over: set[str] = set()
        self.held_for: dict[str, set[str]] = {}  # a round: the preparation it waits for
        self.waits_for: dict[str, list[str]] = {}  # ... and the preparation it would like
        self.first_posts: set[str] = set()  # a first post about a signature build a round shows
        self.prompt: set[str] = set()  # work that follows someone's yes: it starts at once
        self._weeks_read: tuple[int, WeeksRead] | None = None  # (`_finished_weeks`)
        self.ready_for_yes: set[str] = set()  # ... and what it needs, done by then
        self.runway_short = any(u.urgent for u in self.units)  # money runs out soon
        self.quick_goals: set[str] = set()  # a signature build a few weeks away, and its chain
        self.owed: set[str] = set()  # preparation a round went out without (its window)
        self.short_after: dict[str, list[str]] = {}  # deadline work: short steps it waits for
        self._setup_room = 0  # the week being packed: room left for setup and for due work
        self._urgent_room = 0
        self._owed_room = 0  # ... and for what a round owes its interviews
        self._going: dict[str, int] = {}  # ... and the started work still to place in it
        self._going_room = 0
        self.chosen: set[str] = set()
        self.limit: dict[str, int] = {}  # a habit chosen for fewer weeks than it has
        self.release: dict[str, int] = {}
        self.longer_wait: dict[str, int] = {}  # a round: weeks more it waits for core work
        self.core_steps: set[str] = set()  # ... that core work
        self.due: dict[str, int] = {}
        self.latest_start: dict[str, int] = {}
        self.tail: dict[str, int] = {}  # work that must follow an item before what is due
        self.own_start: dict[str, int] = {}  # latest start for its own chain, before the load
        self.reasons: dict[str, str] = {}
        # Left out for want of hours when chosen: (hours it needs, "with what it builds on"),
        # said against the finished plan's free hours (the weeks may have shifted since).
        self.short_of: dict[str, tuple[int, str]] = {}
        # Left out as an alternative to the item of its group that was chosen: that item's id,
        # so that the reason says whether it is in the finished plan (it may not fit either).
        self.alternative_of: dict[str, str] = {}
        self.tasks: list[Task] = []
        self.parts: dict[str, list[int]] = {}  # unit id -> indices into tasks
        self.remaining: dict[str, int] = {}
        self.occurrences_left: dict[str, list[int]] = {}

    # ------------------------------------------------------------------ shared rules

    def prerequisites(self, uid: str) -> list[str]:
        """The prerequisites of ``uid`` that are units of this plan."""
        found = self._pre.get(uid)
        if found is None:
            listed = self.by_id[uid].prerequisites  # (most items have none: nothing to sift)
            found = [p for p in dict.fromkeys(listed) if p in self.by_id] if listed else []
            self._pre[uid] = found
        return found

    def _shows(self, uid: str) -> bool:
        """Is ``uid`` work a round should show: the person's signature goal, or the build
        their interest asks for when the round's wait for it is short (`shown_builds`)?"""
        return self.by_id[uid].goal or uid in self.shown_builds

    def before(self, uid: str) -> list[str]:
        """What must be done before ``uid`` starts: its prerequisites, and the items it comes
        after that are in the plan too (soft order yields for work a deadline depends on)."""
        hard = self.prerequisites(uid)
        if uid in self.soft_yields:
            # A round waits for the signature work it should show (the GPT-2 build); for the
            # rest of its preparation it waits a while (`_sends_too_soon`).
            # (with a short runway, not beyond the few weeks it waits for the rest)
            shown = [
                a
                for a in self.waits_for.get(uid, [])
                if self._shows(a) and not self.by_id[uid].urgent
            ]
            # deadline work waits for the short steps it builds on (the example statements)
            shown += [a for a in self.short_after.get(uid, []) if a in self.chosen]
            return hard + [a for a in dict.fromkeys(shown) if a not in hard] if shown else hard
        after = self.by_id[uid].after
        if not after:  # (most items come after nothing: the packer asks this thousands of times)
            return hard
        soft = [a for a in after if a in self.chosen and a in self.by_id]
        return hard + [a for a in soft if a not in hard] if soft else hard

    def available_week(self, uid: str) -> int | None:
        """The one rule for when ``uid`` may go into a week: None while it must wait.

        Its start week has come, every prerequisite in the plan is finished (for an application
        or a milestone, in an earlier week: practice lands before the test it prepares for; for
        the rest, this week at the latest) and its wait after them is over.
        """
        u = self.by_id[uid]
        week = max(u.earliest_week, self.release.get(uid, 1), self.first_week)
        latest = 0
        for p in self.before(uid):
            if p not in self.finished:
                return None
            latest = max(latest, self.finished[p])
            if p in self.by_id and self.by_id[p].lead_weeks:  # its lead time runs out first
                week = max(week, self.finished[p] + self.by_id[p].lead_weeks)
        if u.wait_weeks and latest:
            week = max(week, latest + u.wait_weeks)
        if u.kind in MILESTONE_KINDS and latest:
            week = max(week, latest + 1)
        return max(week, latest)

    def is_ready(self, uid: str, week: int) -> bool:
        """May ``uid`` go into ``week``?"""
        available = self.available_week(uid)
        return available is not None and available <= week

    def share_of_weeks(self, fraction: float) -> int:
        """This share of the plan's weeks from its first week, rounded up."""
        return math.ceil((self.horizon - self.first_week + 1) * fraction)

    def density(self, ids: Iterable[str]) -> float:
        """Value per hour of ``ids`` together (one pass: the choice calls this thousands of
        times)."""
        hours, value, by_id = 0, 0.0, self.by_id
        for i in ids:
            u = by_id[i]
            hours += u.total
            value += u.value
        return value / max(hours, 1)

    # ------------------------------------------------------------------ 2. choose

    def choose(self) -> None:
        """The most valuable set of units that fits the hours, each with its missing chain."""
        # Of a group of alternatives, one: the one matching an interest, else the most basic
        # the person still needs (a refresher is not for someone with nothing to refresh),
        # else the most valuable per hour.
        preferred: dict[str, Unit] = {}
        for u in self.units:
            if u.group is None or u.id in self.satisfied:
                continue
            best = preferred.get(u.group)
            fit = (not u.liked, u.level or 0, -self.density([u.id]), u.order)
            if best is None or fit < (
                not best.liked,
                best.level or 0,
                -self.density([best.id]),
                best.order,
            ):
                preferred[u.group] = u
        skipped = {
            u.id
            for u in self.units
            if u.group is not None and u.id not in self.satisfied and preferred[u.group] is not u
        }
        # The alternative chosen stands in for the group: it is worth what the group's most
        # valued member is (ground-up statistics for someone with none, in the refresher's
        # place).
        ranks = self.policy.priority_value
        for uid in skipped:
            other, best = self.by_id[uid], preferred[self.by_id[uid].group or ""]
            if ranks.get(other.priority, 0) > ranks.get(best.priority, 0):
                best.value *= ranks[other.priority] / ranks.get(best.priority, 1)
                best.priority = other.priority
        for uid in skipped:
            other = preferred[self.by_id[uid].group or ""]
            self.reasons[uid] = f"an alternative to {other.id}, which suits you better"

        room = sum(self.cap[self.first_week :])
        groups_taken: dict[str, str] = {}
        weeks_left = max(self.horizon - self.first_week + 1, 0)

        # A course at its pace cannot outlast the plan either.
        too_slow = {
            u.id
            for u in self.units
            if u.occurrences is None
            and self._course(u.id)
            and -(-u.size // self.block_max(0, u.id)) > weeks_left
        }

        def runs(u: Unit) -> int:  # recurring work cannot outlast the plan
            if u.occurrences is None:
                return 0 if u.id in too_slow else 1
            start = max(u.earliest_week, self.first_week)
            return max(0, min(len(u.occurrences), self.horizon - start + 1))

        # (the walk below is the planner's hottest loop: its lookups are taken out of it)
        pre = {u.id: self.prerequisites(u.id) for u in self.units}
        never = {u.id for u in self.units if runs(u) == 0}
        group_of = {u.id: u.group for u in self.units if u.group is not None}
        chosen, satisfied = self.chosen, self.satisfied
        totals = {u.id: u.total for u in self.units}
        values = {u.id: u.value for u in self.units}

        def density(ids: list[str]) -> float:  # `self.density`, from the figures above
            hours, value = 0, 0.0
            for i in ids:
                hours += totals[i]
                value += values[i]
            return value / max(hours, 1)

        def closure(uid: str, limit: int = FOREVER) -> list[str] | None:
            """``uid`` and the prerequisites it still lacks; None if one cannot be had.

            With ``limit``, the walk stops after that many units: a sample of the chain that
            is good enough to rank it (the whole chain is walked before it is taken).
            """
            out: list[str] = []
            seen: set[str] = set()
            stack = [uid]
            while stack and len(out) < limit:
                cur = stack.pop()
                if cur in seen or cur in chosen or cur in satisfied:
                    continue
                seen.add(cur)
                group = group_of.get(cur)
                if group is not None:
                    if cur in skipped:  # the alternative that suits the person stands in
                        stack.append(preferred[group].id)
                        continue
                    if group in groups_taken:
                        if cur != uid:
                            continue  # an alternative already chosen stands in for it
                        return None
                if cur in never:
                    return None
                out.append(cur)
                stack.extend(pre[cur])
            return out

        by_id = self.by_id

        def cost(ids: list[str]) -> int:
            total = 0
            for i in ids:
                u = by_id[i]
                total += u.size * runs(u) if u.occurrences is not None else u.size
            return total

        # Habits may take only their share of the time there is (the first one, at most half a
        # week): over a short plan they would otherwise crowd out everything else.
        habit_room = int(room * self.policy.habit_share)
        if self.typical < 2 * self.block_min:
            habit_room = 0  # a tiny week has room for one block: habits would leave none
        habit_used = 0
        habit_cap = max(habit_room, self.typical // 2) if habit_room else 0

        # Work the person has started and signature goals first (with what they need), then
        # the rest by value per hour.
        heap = [
            (0 if u.goal or u.touched else 1, -u.value / max(u.total, 1), u.order, u.id)
            for u in self.units
            if not u.filler
            and u.id not in self.satisfied
            and u.id not in skipped
            and u.id not in self.held_back
        ]
        self.reasons.update(self.held_back)
        heapq.heapify(heap)
        used = 0
        while heap and weeks_left:
            rank, negative, _, uid = heapq.heappop(heap)
            if uid in chosen:
                continue
            chain = closure(uid, CLOSURE_SAMPLE)
            if chain is None:
                continue
            d = density(chain)
            if heap and d < -negative - 1e-12 and (rank, -d) > heap[0][:2]:
                heapq.heappush(heap, (rank, -d, self.by_id[uid].order, uid))
                continue  # its chain made it less attractive: look again later
            if len(chain) >= CLOSURE_SAMPLE:
                # Ranked by its sample, taken whole: walking the whole of every long chain to
                # rank it, and again each time it came up, made the choice quadratic.
                chain = closure(uid)
                if chain is None:
                    continue
            need = cost(chain)
            habit_need = cost([i for i in chain if by_id[i].occurrences is not None])
            if habit_need and habit_used + habit_need > habit_cap:
                unit = self.by_id[uid]
                left = habit_cap - habit_used
                enough = min(MIN_HABIT_WEEKS, len(unit.occurrences or [])) * unit.size
                if len(chain) == 1 and unit.occurrences is not None and left >= enough:
                    self.limit[uid] = left // unit.size  # the habit for as long as it fits
                    need = habit_need = unit.size * self.limit[uid]
                else:
                    continue
            if used + need > room:
                unit = self.by_id[uid]
                enough = min(MIN_HABIT_WEEKS, len(unit.occurrences or [])) * unit.size
                # (what the habit builds on, its setup, comes whole)
                setup = cost([i for i in chain if i != uid])
                if unit.occurrences is not None and room - used - setup >= enough:
                    weeks_fit = (
                        room - used - setup
                    ) // unit.size  # a habit for as many weeks as there is room
                    self.limit[uid] = min(weeks_fit, self.limit.get(uid, weeks_fit))
                    need = setup + unit.size * self.limit[uid]
                else:
                    with_chain = " with what it builds on" if len(chain) > 1 else ""
                    if used == 0 or need > room:  # the plan is simply too small for it
                        said = f"the plan has {room / CENTI:g} h in all"
                        self.reasons.setdefault(
                            uid, f"needs {need / CENTI:g} h{with_chain}; {said}"
                        )
                    elif uid not in self.reasons:
                        self.short_of[uid] = (need, with_chain)
                        self.reasons[uid] = ""  # said in `left_out`, against the final plan
                    if unit.group is not None and preferred.get(unit.group) is unit:
                        # The alternative that suits best does not fit: a smaller one may.
                        for v in self.units:
                            if v.group == unit.group and v.id in skipped:
                                skipped.discard(v.id)
                                self.reasons.pop(v.id, None)
                                entry = (0 if v.goal else 1, -self.density([v.id]), v.order, v.id)
                                heapq.heappush(heap, entry)
                    continue
            used += need
            habit_used += habit_need
            for i in chain:
                chosen.add(i)
                group = by_id[i].group
                if group is not None:
                    groups_taken.setdefault(group, i)
        # One round of applications is not a search ("keep sending", Gleave; "two shots in
        # eight months", Anders): a weekly habit of applying that its round's place in the plan
        # would allow, but whose full run did not fit beside more valuable work, is kept for a
        # few weeks rather than left out whole (rv11, rv11b: the data scientist's five weeks
        # after his round went to a capstone, a library change and a blog post; cmp83, cmp84:
        # nine verdicts for, none against). The packing finds its weeks, after the round.
        for uid in list(self.short_of):
            u = by_id[uid]
            if (
                u.kind == "apply"
                and u.occurrences is not None
                and all(p in chosen or p in satisfied for p in pre[uid])
            ):
                chosen.add(uid)
                self.limit[uid] = min(MIN_HABIT_WEEKS, len(u.occurrences))
                del self.short_of[uid]
                self.reasons.pop(uid, None)
        for u in self.units:
            if u.id not in self.chosen and u.group in groups_taken and u.id not in self.satisfied:
                taken = self.by_id[groups_taken[u.group]]
                self.reasons[u.id] = f"an alternative to {taken.id}, which is in your plan"
                self.alternative_of[u.id] = taken.id

        # A prerequisite left out for an alternative is satisfied by that alternative, and
        # what should come after it comes after the alternative (the drill after whichever
        # deep-learning course is in the plan).
        def stand_in(ids: list[str]) -> list[str]:
            if not ids:  # (most items come after nothing)
                return []
            swapped = []
            for p in ids:
                q = self.by_id.get(p)
                if q is not None and p not in self.chosen and q.group in groups_taken:
                    swapped.append(groups_taken[q.group])
                else:
                    swapped.append(p)
            return list(dict.fromkeys(swapped))

        for u in self.units:
            if u.id not in self.chosen:
                continue
            prerequisites = stand_in(u.prerequisites)
            if prerequisites != u.prerequisites:  # (else what `prerequisites` found stands)
                self._pre.pop(u.id, None)
            u.prerequisites = prerequisites
            u.after = stand_in(u.after)

    # ------------------------------------------------------------------ 3. timing

    def timing(self) -> None:
        """Start weeks (preparation first) and due weeks, passed down to prerequisites."""
        chosen = [self.by_id[i] for i in sorted(self.chosen, key=lambda i: self.by_id[i].order)]
        stack = [u.id for u in chosen if u.deadline_week is not None]
        while stack:
            uid = stack.pop()
            if uid not in self.deadline_chain:
                self.deadline_chain.add(uid)
                stack.extend(p for p in self.prerequisites(uid) if p in self.chosen)
        # "Apply after a couple of months" (after_prep_weeks) does not wait for everything it
        # would like done first: what it comes after goes first when it can, never in the way.
        follow_ups = {u.id for u in chosen if self._follow_up(u.id)}  # (asked once, used thrice)
        self.soft_yields = self.deadline_chain | {
            u.id for u in chosen if u.after_prep_weeks is not None or u.id in follow_ups
        }
        weekly = max(self.typical, 1)
        descendants = self._descendants()
        for u in chosen:
            if u.after_prep_weeks is None:
                continue
            prep = sum(
                v.size
                for v in chosen
                if v.priority == "core"
                and v.gated
                and v.occurrences is None
                and v.id not in descendants.get(u.id, ())
                and v.id != u.id
            )
            # "A couple of months of upskilling" is an amount of work: that many weeks at the
            # pace the documents assume, or the person's own core preparation if less. It is
            # released once the weeks before it hold that much time (time off counts as none).
            limit = u.after_prep_weeks
            if u.urgent:
                limit = math.ceil(limit * self.policy.short_runway_factor)
            need = min(limit * centi(self.policy.prep_pace_hours), prep)
            # ... and not much longer in the calendar, however few hours a week: "a couple
            # of months, then apply, and again a few months later" (two shots in 8 months)
            calendar = math.ceil(limit * self.policy.prep_calendar_factor)
            week, held, working = self.first_week, 0, 0
            while held < need and working < calendar and week <= self.horizon:
                held += self.cap[week]
                working += self.cap[week] > 0
                week += 1
            self.release[u.id] = max(u.earliest_week, week)
            self.due[u.id] = self.release[u.id]
        # A post the round would like to link to (the first blog post) does not wait for a
        # build that is not the person's signature work: such a build comes after the round,
        # and the post with it would too (rv32: the data scientist's first post in week 30,
        # after the pretraining project, his round in week 25). It is on what they built or
        # learned by then.
        for u in chosen:
            if u.after_prep_weeks is None:
                continue
            for a in u.after:
                v = self.by_id.get(a)
                if v is None or a not in self.chosen or v.kind != "write" or v.occurrences:
                    continue
                v.after = [
                    b
                    for b in v.after
                    if not (
                        b in self.by_id and self.by_id[b].kind == "build" and not self.by_id[b].goal
                    )
                ]
        # What a round would like done first (the lab notes, the signature build) is due
        # before its release and it waits for it, for a few weeks at most; with a short
        # runway, only what fits in the first weeks.
        for u in chosen:
            if u.after_prep_weeks is None or u.id in self.deadline_chain:
                continue
            soft = [a for a in u.after if a in self.chosen and a not in self.prerequisites(u.id)]
            room = int(weekly * self.policy.urgent_prep_weeks)
            if u.urgent:  # the quickest first, as much as fits in urgent_prep_weeks
                kept: set[str] = set()
                for a in sorted(soft, key=lambda a: (self._closure_work(a), self.by_id[a].order)):
                    extra = self._closure(a) - kept
                    need = sum(self._work(self.by_id[i]) for i in extra)
                    if need <= room:
                        room -= need
                        kept |= extra
                soft = [a for a in soft if a in kept]
            else:  # the person's own signature work, and what is a short step beyond the
                # round's own preparation: a long build that is not their goal (GPT-2, for
                # an ML engineer) comes after the round, not in front of it
                # (the step is what it adds to what goes first anyway: the round's own
                # preparation, the basics the person lacks, and the steps already kept, so
                # system design after the loss curves is a short step, not a long chain)
                # ... though the core preparation such a build stands on (ARENA chapter 0,
                # under GPT-2), if a short step, still comes before the round
                own = self._closure(u.id) | {v.id for v in chosen if self._basic(v)}
                steps: list[str] = []
                for a in sorted(soft, key=lambda a: (self._closure_work(a), self.by_id[a].order)):
                    extra = self._closure(a) - own
                    if self._shows(a) or sum(self._work(self.by_id[i]) for i in extra) <= room:
                        steps.append(a)
                        own |= extra
                        continue
                    for p in self.prerequisites(a):
                        if p not in self.chosen or self.by_id[p].priority != "core":
                            continue
                        extra = self._closure(p) - own
                        hours = sum(self._work(self.by_id[i]) for i in extra)
                        if extra and hours <= room:
                            soft.append(p)
                            steps.append(p)
                            own |= extra  # (and the round waits that much longer for it)
                            self.core_steps.add(p)
                            wait = self.longer_wait.get(u.id, 0) + math.ceil(hours / weekly)
                            self.longer_wait[u.id] = wait
                soft = [a for a in soft if a in steps]
                # ... and the first post about such a build, when it is the person's own
                # signature work (the strong engineer's language-model capstone): the
                # applications would like to link to it, so it follows the build, not the
                # round by months (the round does not wait for it beyond its grace weeks)
                posts = {
                    v.id
                    for a in soft
                    if self.by_id[a].goal and self.by_id[a].kind == "build"
                    for v in chosen
                    if a in v.after
                    and v.kind == "write"
                    and v.occurrences is None
                    and v.id not in soft
                    and v.id not in self._closure(u.id)
                }
                soft += sorted(posts, key=lambda i: self.by_id[i].order)
                self.first_posts |= posts
            self.waits_for[u.id] = soft
        # Signature goals within the first third, one after another, the quickest chain first
        # (the order in which the most goals land soonest): the big goal a role is built
        # around is not starved by sharing every week with all the others.
        goal_week = max(self.first_week, math.ceil(self.horizon * self.policy.goal_fraction))
        goal_pace = max(weekly * self.policy.urgent_share, 1)
        work = {u.id: max(self._closure_work(u.id), 1) for u in chosen if u.goal}
        # A goal whose whole chain is a fraction of a week (the first messages, the ask to
        # join a project) is a first move: it goes ahead of the long chains, whatever is due.
        # Setup that only pays early (the people map) is decided at the end of `timing`.
        # (on a small budget, the cheap moves of high leverage still come first: at two
        # hours a week, the options list and three messages before months of courses)
        first_move = max(weekly * self.policy.first_move_share, centi(self.policy.first_move_hours))
        quick = [g for g, w in work.items() if w <= first_move]
        self.first_moves = {i for uid in quick for i in self._closure(uid)}
        for uid in list(self.first_moves):  # ... with what they come after (the options list
            for a in self.by_id[uid].after:  # and the community line before the messages)
                if a in self.chosen and a not in self.finished:
                    self.first_moves |= self._closure(a)
        # ... and so is a round the person may send in the first weeks (someone ready; a
        # student's internships, whose windows close in the winter): what it cannot go
        # without, if that is about two weeks of work, goes first so the round can go out.
        # The same goes for a short application whose window closes in the first weeks (a
        # summer programme, for a plan that starts in February).
        soon = self.first_week + self.policy.urgent_prep_weeks
        for g, w in work.items():
            closes = self.by_id[g].deadline_week or FOREVER
            if min(self.release.get(g, FOREVER), closes) <= soon and w <= weekly * 2:
                self.first_moves |= self._closure(g)
        for u in chosen:
            if u.after_prep_weeks is not None:
                for p in self.before(u.id):
                    self.needed |= self._closure(p)
                    if u.runway_round:  # (what it needs goes ahead of other due work)
                        self.runway_needs |= self._closure(p)
                    if u.first_shot_for is not None:  # (and a first shot's, of the rest)
                        self.shot_needs |= self._closure(p)
                for p in [*self.before(u.id), *self.waits_for.get(u.id, [])]:
                    self.essentials |= self._closure(p)
                    self.essentials_of.setdefault(u.id, set()).update(self._closure(p))
                waits = {i for a in self.waits_for.get(u.id, []) for i in self._closure(a)}
                if waits:
                    self.held_for[u.id] = waits
        done = 0
        for uid in sorted(work, key=lambda i: (work[i], self.by_id[i].order)):
            done += work[uid]
            weeks = math.ceil(done / goal_pace)
            due = min(goal_week, self.first_week - 1 + max(weeks, 1))
            u = self.by_id[uid]
            self.due[uid] = min(self.due.get(uid, FOREVER), max(due, u.earliest_week))
        interest_weeks = self.share_of_weeks(self.policy.interest_fraction)
        learn_weeks = self.share_of_weeks(self.policy.goal_fraction)
        for u in chosen:
            if u.deadline_week is not None:
                self.due[u.id] = min(self.due.get(u.id, FOREVER), u.deadline_week)
            if u.urgent or u.touched:  # a short runway's first moves; work already begun
                self.due[u.id] = min(self.due.get(u.id, FOREVER), self.first_week)
            if u.within_weeks is not None:  # setup pays only early: the people map, the journal
                by_week = max(self.first_week - 1 + u.within_weeks, u.earliest_week)
                self.due[u.id] = min(self.due.get(u.id, FOREVER), by_week)
            if u.liked and not u.goal and u.occurrences is None:  # an interest is not left
                weeks = learn_weeks if u.kind == "learn" else interest_weeks  # to the end, and
                by_week = max(self.first_week - 1 + weeks, u.earliest_week)  # its basics early
                self.due[u.id] = min(self.due.get(u.id, FOREVER), by_week)
            if self._basic(u):  # the basics the person lacks start at once, at a course's pace
                weeks = math.ceil(self._work(u) / max(int(weekly * self.policy.course_share), 1))
                by_week = max(self.first_week - 1 + weeks, u.earliest_week)
                self.due[u.id] = min(self.due.get(u.id, FOREVER), by_week)
        # Preparing for the interviews a round brings (the sprint a week after it) is due
        # then, so what that preparation would like done first (the mock loop, the paper
        # discussion) is due before it, not after the interviews.
        for u in chosen:
            if u.id not in follow_ups or u.id in self.due:
                continue
            sent = [
                self.due[p]
                for p in self.prerequisites(u.id)
                if p in self.chosen and self.by_id[p].after_prep_weeks is not None and p in self.due
            ]
            if sent:
                self.due[u.id] = max(sent) + u.wait_weeks
        # The work that follows someone's yes starts at once, so what else it needs (a PyTorch
        # training loop on a GPU, for a collaboration) is ready by the week the yes may come.
        interest_learning = [
            v.id
            for v in chosen
            if v.liked and v.kind == "learn" and not v.goal and v.occurrences is None
        ]
        for u in chosen:
            for f in self.prerequisites(u.id):
                if f not in follow_ups:  # (a chosen follow-up)
                    continue
                asked = [self.due.get(a, FOREVER) for a in self.prerequisites(f)]
                if not asked or max(asked) >= FOREVER:
                    continue
                yes = max(asked) + self.by_id[f].wait_weeks
                # ... and so is what the person's interest asks them to learn, if it is a
                # short step (reinforcement learning basics, for a collaboration in RL)
                own = self._closure(u.id)
                area = [
                    v
                    for v in interest_learning
                    if sum(self._work(self.by_id[i]) for i in self._closure(v) - own)
                    <= weekly * self.policy.urgent_prep_weeks
                ]
                for q in [*self.before(u.id), *area]:
                    if q != f and q in self.chosen and q not in self.finished:
                        self.due[q] = min(self.due.get(q, FOREVER), yes)
                        self.ready_for_yes |= self._closure(q)
        # Backwards from what is due: an item is due when what needs it starts (a week before,
        # for a milestone), and must start in time for its own weeks of work.
        pace = max(int(weekly * self.policy.urgent_share), 1)
        order = self._topological(chosen)
        for u in reversed(order):
            due_week = self.due.get(u.id)
            if due_week is None:
                continue
            start = due_week - math.ceil(self._work(u) / pace) + 1
            self.latest_start[u.id] = self.own_start[u.id] = start
            before = start - 1 if u.kind in MILESTONE_KINDS else start
            after = (
                self.tail.get(u.id, 0)
                + self._work(u)
                + (weekly if u.kind in MILESTONE_KINDS else 0)
            )
            # Soft order does not block work a deadline needs, or an application round, but
            # what it comes after is still made due in time (the guides and example statements
            # before the statement; the lab notes and the ML drills before applying).
            soft = (
                self.by_id[u.id].after
                if self.order_for_deadlines and u.id in self.soft_yields
                else []
            )
            if u.id in self.waits_for:  # a round: only what fits before it goes first
                soft = self.waits_for[u.id]
            hard = self.before(u.id)
            for p in dict.fromkeys([*hard, *soft]):
                if p in self.chosen and p not in self.finished:
                    lead = self.by_id[p].lead_weeks if p in self.by_id else 0
                    if p in hard:  # what it would like done first does not lengthen its chain
                        self.due[p] = min(self.due.get(p, FOREVER), before - lead)
                        self.tail[p] = max(self.tail.get(p, 0), after)
                    else:  # a soft edge is not in the topological order: p may have been
                        self._due_by(p, before - lead, pace)  # passed, so its chain is too
        # A signature build whose whole chain is a month of evenings (a fine-tuned model, a
        # first pull request) is a quick win of the highest value: it goes ahead of the
        # basics once it must start, not behind all of them.
        quick_work = centi(self.policy.quick_goal_hours)
        for u in chosen:
            if (
                u.goal
                and u.kind == "build"
                and u.occurrences is None
                and u.deadline_week is None
                and self._closure_work(u.id) <= quick_work
            ):
                self.quick_goals |= self._closure(u.id)
        for u in chosen:  # the basics the person lacks start at once
            if self._basic(u) and self.by_id[u.id].earliest_week <= self.first_week:
                self.own_start[u.id] = min(self.own_start.get(u.id, FOREVER), self.first_week)
        # ... and all the work due by a week must fit before it: whatever is due by week D
        # starts no later than D less the weeks that all of it takes at that pace.
        for uid, start in self._cutoffs(self.due, pace).items():
            self.latest_start[uid] = min(self.latest_start.get(uid, FOREVER), start)
        # Work for a far deadline (statements for December) is done late enough to build on
        # what comes before it (the research it describes), with some weeks to spare; what a
        # signature goal needs keeps its early timing.
        early: set[str] = set()
        stack = [u.id for u in chosen if u.goal and u.deadline_week is None]
        while stack:
            uid = stack.pop()
            if uid not in early:
                early.add(uid)
                stack.extend(p for p in self.prerequisites(uid) if p in self.chosen)
        # How late: the deadline's own work must fit at a share of the week (the rest goes
        # on beside it), with some weeks to spare.
        late = self.deadline_chain - early
        chain_pace = max(int(pace * self.policy.deadline_share), 1)
        chain_start = self._cutoffs({i: d for i, d in self.due.items() if i in late}, chain_pace)
        slack = self.policy.deadline_slack_weeks
        # (every release from the same starts first: the steps below move starts, and the
        # result must not depend on the order the chain is walked in)
        released = []
        for uid in sorted(late, key=lambda i: self.by_id[i].order):
            start = min(self.own_start.get(uid, FOREVER), chain_start.get(uid, FOREVER)) - slack
            if self.first_week < start < FOREVER:
                self.release[uid] = max(self.release.get(uid, 1), start)
                released.append(uid)
        for uid in released:
            # what it would like done first and is a short step (example statements, the
            # question whether a research master's suits you better) is done by then;
            # research with a long chain of its own keeps its timing
            for a in self.by_id[uid].after:
                if a not in late and a in self.chosen and self._closure_work(a) <= weekly:
                    self._due_by(a, self.release[uid], pace)
                    self.short_after.setdefault(uid, []).append(a)  # ... and it waits
        # Setup that only pays early goes ahead of other due work, unless a deadline's work
        # must start in the first weeks: then that work keeps them.
        chain = {i: d for i, d in self.due.items() if i in self.deadline_chain - self.first_moves}
        starts = self._cutoffs(chain, max(int(pace * self.policy.deadline_share), 1)).values()
        tight = any(start - slack <= self.first_week for start in starts)
        setup = [] if tight else [v.id for v in chosen if v.within_weeks]
        self.setup_moves = {i for uid in setup for i in self._closure(uid)} - self.first_moves

    def ready_at_once(self, round_id: str) -> bool:
        """Is the person ready to send ``round_id`` in the first weeks: no basics left to learn
        and the round released within urgent_prep_weeks?"""
        release = self.release.get(round_id)
        return (
            release is not None
            and release <= self.first_week + self.policy.urgent_prep_weeks
            and not any(self._basic(self.by_id[i]) for i in self.chosen)
        )

    def _basic(self, u: Unit) -> bool:
        """A basic the person lacks: a course or drill at the lowest level of a skill they
        rated low, which the documents stress. Foundations come before advanced work."""
        return (
            u.gated
            and (u.level or 0) <= 2
            and u.occurrences is None
            and u.kind in ("learn", "practice")
            and u.priority in ("core", "high")
        )

    def _interest_basic(self, uid: str, week: int) -> bool:
        """What one of the person's interests asks them to learn (reinforcement learning
        basics), once it must start: it goes with the basics, not after the rest."""
        u = self.by_id[uid]
        return (
            u.liked
            and u.kind == "learn"
            and not u.goal
            and u.occurrences is None
            and self.must_start(uid, week)
        )

    def _due_by(self, uid: str, week: int, pace: int) -> None:
        """Make ``uid`` due by ``week``, and what it needs due in time for it (the backward
        pass of `timing`, for a due week that comes later)."""
        stack = [(uid, week)]
        while stack:
            cur, by = stack.pop()
            if cur not in self.chosen or cur in self.finished or by >= self.due.get(cur, FOREVER):
                continue
            u = self.by_id[cur]
            self.due[cur] = by
            start = by - math.ceil(self._work(u) / pace) + 1
            self.own_start[cur] = min(self.own_start.get(cur, FOREVER), start)
            before = start - 1 if u.kind in MILESTONE_KINDS else start
            stack.extend((p, before - self.by_id[p].lead_weeks) for p in self.before(cur))

    def _cutoffs(self, due: Mapping[str, int], pace: int) -> dict[str, int]:
        """The latest start of each item in ``due`` so that all the work due by each week fits
        before it at ``pace``: whatever is due by week D starts by D less all of it."""
        load: dict[int, int] = {}
        for uid, week in due.items():
            load[week] = load.get(week, 0) + self._work(self.by_id[uid])
        out: dict[str, int] = {}
        cutoff = FOREVER
        total = sum(load.values())
        for week in sorted(load, reverse=True):
            cutoff = min(cutoff, week - math.ceil(total / pace) + 1)
            total -= load[week]
            out.update((uid, cutoff) for uid, d in due.items() if d == week)
        return out

    def _closure(self, uid: str) -> set[str]:
        """``uid`` and the chosen prerequisites it still waits for."""
        seen: set[str] = set()
        stack = [uid]
        while stack:
            cur = stack.pop()
            if cur in seen or cur not in self.chosen or cur in self.finished:
                continue
            seen.add(cur)
            stack.extend(self.before(cur))
        return seen

    def _closure_work(self, uid: str) -> int:
        """Hundredths of an hour for ``uid`` and the chosen prerequisites it still waits for."""
        return sum(self._work(self.by_id[i]) for i in self._closure(uid))

    def _work(self, u: Unit) -> int:
        """Hundredths of an hour before ``u`` is done (a habit: its first occurrence)."""
        return u.size if u.occurrences is not None else u.total

    def _topological(self, units: list[Unit]) -> list[Unit]:
        """``units`` with every prerequisite before what needs it (stable otherwise)."""
        members = {u.id for u in units}
        out: list[Unit] = []
        state: set[str] = set()
        for root in units:
            if root.id in state:
                continue
            stack: list[tuple[str, bool]] = [(root.id, False)]
            while stack:
                uid, expanded = stack.pop()
                if expanded:
                    out.append(self.by_id[uid])
                    continue
                if uid in state:
                    continue
                state.add(uid)
                stack.append((uid, True))
                for p in reversed(self.before(uid)):
                    if p in members and p not in state:
                        stack.append((p, False))
        return out

    def _descendants(self) -> dict[str, set[str]]:
        """What builds on each round that waits for preparation (after_prep_weeks)."""
        rounds = [u for u in self.units if u.after_prep_weeks is not None]
        if not rounds:  # (no graph to build for a plan without such rounds)
            return {}
        children: dict[str, list[str]] = {}
        for u in self.units:
            for p in self.prerequisites(u.id):
                children.setdefault(p, []).append(u.id)
        out: dict[str, set[str]] = {}
        for u in rounds:
            seen: set[str] = set()
            stack = list(children.get(u.id, []))
            while stack:
                cur = stack.pop()
                if cur not in seen:
                    seen.add(cur)
                    stack.extend(children.get(cur, []))
            out[u.id] = seen
        return out

    # ------------------------------------------------------------------ 4. pack

    def max_tasks(self, week: int) -> int:
        """Distinct tasks the week may hold: about one per hours_per_task of the budget."""
        policy = self.policy
        k = math.ceil((self.budget + policy.hours_per_task) / (policy.hours_per_task + 0.5))
        k = min(max(k, policy.min_tasks), policy.max_tasks)
        if self.quick:  # a very short plan's setup comes in small pieces, a few to a week
            k = max(k, policy.min_tasks + 1)
        return max(k - self.tasks_used.get(week, 0), 1)

    def block_max(self, week: int, uid: str | None = None) -> int:
        """The largest block of ``uid`` in a week (a long course's is smaller)."""
        return self._blocks[uid is not None and self._course(uid)]

    def _big(self, uid: str) -> bool:
        """A big piece of work (focus_hours or more): one at a time."""
        return self.by_id[uid].total >= self.focus

    def _course(self, uid: str) -> bool:
        """A long course, paced by its lectures and problem sets: a few hours a week."""
        return self.by_id[uid].kind == "learn" and self._big(uid)

    def block(
        self, uid: str, room: int, week: int, continuing: bool, pressing: bool = False
    ) -> int:
        """How much of ``uid`` to do this week: all of a small item or a substantial block.

        ``pressing``: work that must start now may begin a mid-sized item in a fuller week.
        """
        left = self.remaining[uid]
        most = self.block_max(week, uid)  # (asked once: it looks the unit up twice)
        if (
            left <= room
            and (left <= max(self.small, most) or continuing)
            and (left <= most * 4 // 3 or left <= self.small)
        ):
            return left
        if not continuing and left <= min(self.small, max(centi(self.budget) // 2, 25)):
            return 0  # a small item is done whole or waits for a week with room
        if not continuing and not pressing and left <= most and left > room:
            return 0  # a mid-sized item is done in one go, in a week with room for it
        amount = min(left, most, room)
        substantial = min(most // 2, self.floor)
        if not continuing and amount < min(substantial, left // 2):
            return 0  # a long item starts with a substantial block, not the week's scraps
        amount -= amount % 25
        tail = left - amount
        if 0 < tail < self.block_min:  # never leave a sliver for later
            amount = left - self.block_min
            amount -= amount % 25
        if amount < self.block_min:
            return 0
        return amount

    def _next_block(self, uid: str) -> int:
        """The least room a started item needs to go on without leaving a sliver for later.

        A long course goes on at its lectures' pace, a whole course block a week: sliced to
        the least that keeps it going, the intro ML course ran 1.5 h a week over 17 weeks
        (every full review of stops 53 to 56; rv28: swe-to-ml 3.62 to 3.83)."""
        left = self.remaining[uid]
        if self._course(uid):
            return min(left, self._blocks[1])
        return left if left < 2 * self.block_min else self.block_min

    def put(self, uid: str, week: int, amount: int, task_id: str | None = None) -> None:
        u = self.by_id[uid]
        indices = self.parts.setdefault(uid, [])
        if task_id is None and indices and self.tasks[indices[-1]].week == week:
            row = self.tasks[indices[-1]]  # more of the same block: one task, not two
            row.hours = (round(row.hours * CENTI) + amount) / CENTI
            return
        indices.append(len(self.tasks))
        self.tasks.append(Task(task_id or uid, week, u.title, u.kind, amount / CENTI))

    def pack(self) -> None:
        """Fill the weeks, each in five steps (the methods below, in this order), and a sixth
        (`_fill`) for a week those leave a third empty."""
        self._prepare_pack()
        for week in range(self.first_week, self.horizon + 1):
            self._release(week)
            if self.cap[week] <= 0:
                continue
            w = _Week(week, self.cap[week], self.max_tasks(week), self.cap[week])
            self._habits(w)
            self._due_work(w)
            self._continue_split(w)
            self._shared(w)
            self._top_up(w)
            for _ in range(2):  # a third of the week is not left empty for want of a slot:
                if w.slots > 0 or w.room * 10 < w.start * 3:  # up to two more tasks, each
                    break  # the ready work that fills most of that room (with what became
                self._release(week)  # ready this week: the reproduction once its paper is
                w.slots = 1  # chosen)
                self._fill(w)

    def _prepare_pack(self) -> None:
        chosen = sorted(self.chosen, key=lambda i: self.by_id[i].order)
        self.share: dict[str, int] = {}
        self.children: dict[str, list[str]] = {}
        self.unmet: dict[str, int] = {}
        for uid in chosen:
            u = self.by_id[uid]
            if u.occurrences is None:
                self.remaining[uid] = u.size
            else:
                self.occurrences_left[uid] = list(u.occurrences[: self.limit.get(uid)])
            self.share[u.roadmap] = self.share.get(u.roadmap, 0) + u.total
            pending = [p for p in self.before(uid) if p not in self.finished]
            self.unmet[uid] = len(pending)
            for p in pending:
                self.children.setdefault(p, []).append(uid)
        # What each chosen unit prepares for (it is in their `after`), and what needs it.
        self.prepares: dict[str, list[str]] = {}
        self.needed_by: set[str] = set()
        self.applications = [  # for a job, an internship or a programme: what has interviews
            uid
            for uid in chosen
            if self.by_id[uid].kind == "apply"
            and self.by_id[uid].roadmap in ("interviewing", "network")
        ]
        for uid in chosen:
            for a in self.by_id[uid].after:
                if a in self.chosen:
                    self.prepares.setdefault(a, []).append(uid)
            for x in self.by_id[uid].prepares_for:  # (what it helps, without waiting for it)
                if x in self.chosen:
                    self.prepares.setdefault(uid, []).append(x)
            self.needed_by.update(self.prerequisites(uid))
        # An ask whose answer a follow-up waits for (the collaboration ask): the clock on
        # the answer starts only once it is sent.
        self.asks = {
            p
            for uid in chosen
            if self._follow_up(uid)
            for p in self.prerequisites(uid)
            if p in self.chosen and self.by_id[p].kind == "network"
        }
        # the main application rounds in the plan (`_moot`: a drill after the last is moot)
        self._rounds_ids = [
            i for i in chosen if self.by_id[i].goal and self.by_id[i].after_prep_weeks is not None
        ]
        self.tracks = list(dict.fromkeys(self.by_id[i].roadmap for i in chosen))
        self.served = dict.fromkeys(self.tracks, 0)
        self.queues: dict[str, list[tuple[Key, str]]] = {r: [] for r in self.tracks}
        self.habits_ready: list[tuple[Key, str]] = []
        self.waiting: list[tuple[int, int, str]] = []  # (week it may start, order, id)
        self.in_progress: list[str] = []
        self.habits: list[str] = []
        for uid in chosen:
            if self.unmet[uid] == 0:
                self._enqueue(uid)

    def key(self, uid: str) -> Key:
        """Order within a track: due week, the basics the person lacks (a course gated at the
        lowest level) before the rest, then value per hour, then roadmap order."""
        u = self.by_id[uid]
        basic = self._basic(u)
        return (self.due.get(uid, FOREVER), 0 if basic else 1, -self.density([uid]), u.order)

    def habit_key(self, uid: str, week: int) -> tuple[int, float, int]:
        """Order of habits: a new one whose first time is due now (or one that started less
        than MIN_HABIT_WEEKS ago), then by value per hour, where one already running counts
        habit_keep times its value (it takes a clearly more valuable habit to end it)."""
        running = uid in self.finished
        young = running and len(self.parts.get(uid, [])) < MIN_HABIT_WEEKS  # runs a few weeks
        rank = 0 if young or (not running and self.due.get(uid, FOREVER) <= week) else 1
        value = self.density([uid]) * (self.policy.habit_keep if running else 1.0)
        return (rank, -value, self.by_id[uid].order)

    def _enqueue(self, uid: str) -> None:
        week = self.available_week(uid)
        assert week is not None
        u = self.by_id[uid]
        pre = self.prerequisites(uid)
        keeps_going = after_yes = False
        if pre:  # (most work builds on nothing: no need to ask what it follows)
            keeps_going = any(self.by_id[p].goal for p in pre) and (
                u.occurrences is not None  # the habit that keeps a signature goal going
                or (  # ... and the write-up that closes its weeks of work (the paper draft)
                    u.kind == "write" and any(self.by_id[p].occurrences is not None for p in pre)
                )
            )
            after_yes = any(self._follow_up(p) for p in pre)
        if after_yes or self._sent_after(uid) or (keeps_going and u.occurrences is None):
            self.prompt.add(uid)
        if u.wait_weeks or keeps_going or after_yes:
            # A follow-up (some weeks after what it follows) is due as soon as it may start:
            # a retrospective three weeks after the round, not twelve; and so is the habit
            # that keeps a signature goal going (the weekly collaboration block after the
            # sprint), and the work that follows someone's yes (the collaboration itself).
            self.due[uid] = min(self.due.get(uid, FOREVER), week)
            self.own_start[uid] = min(self.own_start.get(uid, FOREVER), week)
        heapq.heappush(self.waiting, (week, self.by_id[uid].order, uid))

    def _finish(self, uid: str, week: int) -> None:
        self.finished[uid] = week
        for child in self.children.get(uid, []):
            self.unmet[child] -= 1
            if self.unmet[child] == 0:
                self._enqueue(child)

    def _release(self, week: int) -> None:
        """Work whose prerequisites are done and whose start week has come joins its queue."""
        self._hold_between_rounds(week)
        while self.waiting and self.waiting[0][0] <= week:
            _, order, uid = heapq.heappop(self.waiting)
            if self.hold_until.get(uid, week) > week:
                heapq.heappush(self.waiting, (self.hold_until[uid], order, uid))
                continue
            if self.by_id[uid].occurrences is not None:
                heapq.heappush(self.habits_ready, (self.key(uid), uid))
            else:
                heapq.heappush(self.queues[self.by_id[uid].roadmap], (self.key(uid), uid))

    def _hold_between_rounds(self, week: int) -> None:
        """Interview practice a round went out without (a student's internships, sent in
        their winter window) is no help once that round's interviews are over; if a next
        round is planned (the second internship round, months later), the practice waits for
        the interview_window weeks before it, and the weeks between go to other work."""
        window = self.policy.interview_window
        for r, prep in self.essentials_of.items():
            if r in self.rounds_over or r not in self.parts or r in self.in_progress:
                continue
            sent = max(self.tasks[i].week for i in self.parts[r])
            if week <= sent + window:
                continue
            self.rounds_over.add(r)
            after = self._next_round(r, sent)
            if after is None or after > self.horizon or after - window <= week:
                continue
            hold = after - window
            practice = {  # ... and the rest of the interview practice, with the reading
                i  # for the interviews (the notes on each lab, and the shortlist they are on)
                for i in self.chosen
                if _interview_practice(self.by_id[i])
                or (self.by_id[i].roadmap == "interviewing" and self.by_id[i].kind == "learn")
            }
            # (not what other work needs: only what prepares interviews waits for them)
            needed = {p for c in self.chosen - practice - prep for p in self.prerequisites(c)}
            practice -= needed
            held = {
                i
                for i in prep | practice
                if i not in self.finished
                and i not in self.in_progress
                and i not in self.parts
                and self.by_id[i].roadmap in ("interviewing", "coding")
                and not (self.by_id[i].goal or self.by_id[i].touched or self.by_id[i].liked)
                and not any(i in p for o, p in self.essentials_of.items() if o not in self.parts)
            }
            if not held:
                continue
            self.owed -= held  # (no longer owed to the round that went out)
            for i in held:  # ... due before the next round, not pressing from the first
                self.hold_until[i] = max(self.hold_until.get(i, 0), hold)
                self.due[i] = max(self.due.get(i, 0), after - 1)
                self.own_start[i] = max(self.own_start.get(i, 0), hold)
            for name, queue in [*self.queues.items(), ("", self.habits_ready)]:
                kept = [e for e in queue if e[1] not in held]
                if len(kept) < len(queue):
                    for _, i in (e for e in queue if e[1] in held):
                        heapq.heappush(self.waiting, (hold, self.by_id[i].order, i))
                    heapq.heapify(kept)
                    if name:
                        self.queues[name] = kept
                    else:
                        self.habits_ready = kept

    def _place(self, w: _Week, uid: str, amount: int) -> None:
        """Put ``amount`` of ``uid`` into the week (one task, however many times it grows)."""
        if uid in self.waits_for and uid not in self.parts:
            # A round that went out before all of its preparation (its window would not
            # wait): what is left of that preparation is what the interviews now need.
            for a in self.waits_for[uid]:
                self.owed |= self._closure(a)
        self.put(uid, w.week, amount)
        w.room -= amount
        if uid not in w.placed:
            w.slots -= 1
            w.placed.add(uid)
        self.remaining[uid] -= amount
        self.served[self.by_id[uid].roadmap] += amount
        if self.remaining[uid] == 0:
            if uid in self.in_progress:
                self.in_progress.remove(uid)
            self._finish(uid, w.week)
        elif uid not in self.in_progress:
            self.in_progress.append(uid)

    def _habits(self, w: _Week) -> None:
        """1. Habits: one occurrence each, within their share of the week.

        Each week the habits that run are chosen afresh, due ones first, then by value per
        hour: a new habit that is due (a collaboration block after the ask) may take the place
        of one that was running. A weekly habit is weekly: the one displaced ends there (what
        is left of it is reported as not fitting), it does not pause and resume months later.
        """
        policy = self.policy
        # half of the week's hours as the person gives them (the slack kept for overruns
        # is not taken from the habits), or of a lighter week's own hours
        full = centi(self.budget) if w.start >= self.typical else w.start
        habit_room = int(full * policy.habit_share)
        most = max(policy.max_habits, round(self.budget / policy.hours_per_habit))
        while self.habits_ready:
            self.habits.append(heapq.heappop(self.habits_ready)[1])
        self.habits = [h for h in self.habits if self.occurrences_left.get(h)]
        self.habits.sort(key=lambda h: self.habit_key(h, w.week))
        held = 0
        running = 0
        going = sum(self._next_block(i) for i in self.in_progress)
        displaced: list[str] = []
        why: dict[str, str] = {}  # ... and what the week's rules left no room for
        placed: list[str] = []
        for uid in self.habits:
            u = self.by_id[uid]
            counts = u.size > policy.habit_free_slot * CENTI
            fits = u.shared or held + u.size <= habit_room or (not held and u.size <= w.start // 2)
            crowded = not fits or (counts and (running >= most or w.slots <= 0))
            # a new habit does not take the room that started work needs to go on, nor start
            # with too few weeks left to become one
            late = uid not in self.finished and self._too_late_for_a_habit(uid, w.week)
            if late:
                self.reasons.setdefault(
                    uid,
                    f"{_LATE_HABIT}{w.week} would run fewer than "
                    f"{MIN_HABIT_WEEKS} weeks before the plan ends",
                )
            starting = uid not in self.finished and (
                u.size > w.room - going or late or self._waits_for_next_round(uid, w.week)
            )
            if crowded or u.size > w.room or starting:
                if uid in self.finished and w.start >= self.typical // 2:
                    displaced.append(uid)  # a full week: it gives way for good
                    if not fits:
                        why[uid] = (
                            f"weekly habits take at most {policy.habit_share:.0%} of a week's hours"
                        )
                    elif counts and running >= most:
                        why[uid] = f"a week runs at most {most} weekly habits"
                    else:
                        why[uid] = "the week had no room left for it"
                continue
            if w.week in u.busy_weeks:
                continue
            placed.append(uid)
            held += 0 if u.shared else u.size
            n = self.occurrences_left[uid].pop(0)
            self.put(uid, w.week, u.size, f"{uid}@{n}")
            w.room -= u.size
            if counts:
                running += 1
                w.slots -= 1  # a short habit does not crowd out a block of work
            self.served[u.roadmap] += u.size
            if uid not in self.finished:
                self._finish(uid, w.week)  # dependents wait for the first occurrence only
        for uid in displaced:
            if placed:
                other = self.by_id[placed[-1]].title
                self.reasons[uid] = (
                    f"cut short in week {w.week} to make room for {other!r}: {why[uid]}"
                )
            self.occurrences_left[uid] = []

    def _too_late_for_a_habit(self, uid: str, week: int) -> bool:
        """Would a habit starting in ``week`` run fewer than MIN_HABIT_WEEKS working weeks
        (or all of its occurrences, if fewer) before the plan ends?"""
        size = self.by_id[uid].size
        left = sum(1 for w in range(week, self.horizon + 1) if self.cap[w] >= size)
        wanted = min(MIN_HABIT_WEEKS, len(self.occurrences_left.get(uid, [])))
        return left < wanted

    def crowded(self, uid: str) -> bool:
        """Would starting ``uid`` run two big pieces of work side by side, or two builds of
        some weeks? One at a time (deadline work excepted: a date does not wait; nor does
        someone's yes)."""
        big, project = self._big(uid), self._project(uid)
        if not (big or project) or not self._takes_its_turn(uid):
            return False  # (most work is neither: the packer asks this thousands of times)
        # A course paced by its lectures runs beside one project; a fine-tuned model is not
        # begun beside the language model being pretrained: one build finished, then the next
        # (Anders: "I tried to do too many small research projects").
        course = big and self._course(uid)
        for i in self.in_progress:
            if i != uid and (
                (big and self._big(i) and self._course(i) == course)
                or (project and self._project(i))
            ):
                return True
        return False

    def _takes_its_turn(self, uid: str) -> bool:
        """Does ``uid`` wait for big work in progress (`crowded`)? Not work with a deadline:
        a date does not wait; nor does the work after someone's yes."""
        return self.by_id[uid].deadline_week is None and uid not in self.prompt

    def _project(self, uid: str) -> bool:
        """A build of some weeks (`Policy.project_hours` or more, not a weekly habit)."""
        u = self.by_id[uid]
        return u.kind == "build" and u.occurrences is None and u.total >= self._project_size

    def must_start(self, uid: str, week: int) -> bool:
        """Must ``uid`` start by ``week`` to be done when due (or it has a deadline)?"""
        u = self.by_id[uid]
        return self.own_start.get(uid, FOREVER) <= week or (
            u.deadline_week is not None and self.latest_start.get(uid, FOREVER) <= week
        )

    def _due_work(self, w: _Week) -> None:
        """2. Work with a due week, the most pressing first (see ``pressing`` and ``in_line``).

        At most urgent_share of the week, so other work still moves, unless it must start now
        for its own chain (or has a deadline): then it takes the room it needs.
        """
        due_now = [
            (uid, True) for uid in self.in_progress if uid in self.due and not self._paused(uid)
        ]
        for queue in self.queues.values():
            while queue and queue[0][1] in self.due:
                uid = heapq.heappop(queue)[1]
                if not self._moot(uid, w.week):
                    due_now.append((uid, False))

        def pressing(e: tuple[str, bool]) -> tuple[bool, ...]:
            uid, _ = e
            u = self.by_id[uid]
            return (  # (the first of these that holds decides)
                # a deadline's work that must start now goes before any other, and so does a
                # check of a few minutes whose timing is the point (the runway checks, which a
                # short runway's many first moves had pushed a week late)
                not (
                    (uid in self.deadline_chain and self.latest_start.get(uid, FOREVER) <= w.week)
                    or (
                        u.size <= self.policy.habit_free_slot * CENTI
                        and bool(u.wait_weeks)
                        and self.must_start(uid, w.week)
                    )
                ),
                # then a short runway's first moves and quick goals
                not (u.urgent or uid in self.first_moves),
                uid not in self.runway_needs,  # then what a short runway's job round needs
                # then a goal a small step away, follow-ups whose timing is the point (a week
                # after the asks), an ask that needs weeks to work (a referral), the work that
                # follows a yes and a round that is ready
                not (
                    self._within_reach(uid)
                    or self._follow_up(uid)
                    or bool(self.by_id[uid].lead_weeks)
                    or uid in self.prompt
                    or uid in self.asks
                    or self._round_open(uid, w.week)
                ),
                uid not in self.setup_moves,  # then setup that only pays early, in a share
                # then the hands-on ML work the person lacks (ARENA's notebooks), once it must
                # start and no long course is under way: a block a week, not weeks without ML
                # before a first shot (rv40: four of six reviewers; cmp4: the data scientist's
                # plan with it preferred)
                not (self._thread_on and self._ml_thread(uid, w.week)),
                # then, in a share of the week, what a round that went out early owes its
                # interviews while they may still come (its interview window)
                not self._owed_now(uid, w.week),
                # then what an application round cannot go without, what the work after a
                # yes needs and a quick signature build's chain, once it must start
                not (
                    (
                        uid in self.needed
                        or uid in self.ready_for_yes
                        or uid in self.quick_goals
                        or self.by_id[uid].goal  # a signature goal does not starve behind basics
                        or self._holding(uid, w.week)
                    )
                    and self.must_start(uid, w.week)
                ),
                # then what a round that went out early owes its interviews
                not (uid in self.owed and self.must_start(uid, w.week)),
                # then what a round waits for, once it is due: the interview practice goes
                # before the round it prepares for, and a long course the person lacks
                # goes on after it rather than push that practice past the round
                not (uid in self.essentials and self.due.get(uid, FOREVER) <= w.week),
                # then the basics the person lacks, and what an interest asks them to learn
                # (and the core work a round waits for beneath a build it does not: ARENA)
                not (
                    self._basic(self.by_id[uid])
                    or self._interest_basic(uid, w.week)
                    or uid in self.core_steps
                ),
                not self.must_start(uid, w.week),  # then what must start now for its chain
            )

        def in_line(e: tuple[str, bool]) -> tuple[Any, ...]:
            uid, started = e
            return (
                not started,  # work already started goes on before new work starts
                uid not in self.needed,  # what an application round cannot go without
                uid not in self.shot_needs,  # (a first shot's first)
                uid not in self.essentials,  # ... and the preparation it waits for
                uid not in self.first_posts,  # (of that, the post on the build first, while fresh)
                self.due.get(uid, FOREVER),
                self.own_start.get(uid, FOREVER),
                -self.tail.get(uid, 0),
                self.key(uid),
            )

        self._setup_room = int(w.start * self.policy.setup_share)  # not all of week 1
        # ... nor all of a window week, though a small item fits whole (the three mocks)
        self._owed_room = max(int(w.start * self.policy.setup_share), centi(self.policy.small_item))
        self._urgent_room = int(w.start * self.policy.urgent_share)
        # Work already started and not yet placed this week keeps a slot and a block: it goes
        # on, not stalls.
        self._going = {i: self._next_block(i) for i in self.in_progress if i not in w.placed}
        # The weekly ML thread runs for someone who codes (`ml_thread`), one long thread at a
        # time (not beside a long course under way), not ahead of a short runway's round nor
        # of work for a date in its window, and only where the work is a job's interviews: a
        # PhD applicant's ML serves the research and is timed by it (cmp5: the
        # undergraduate's first post moved months for it).
        self._thread_on = (
            self.ml_thread
            and not self.runway_short
            and not self.drills_for_the_work
            and not any(self._course(i) for i in self.in_progress)
            and not any(
                i in self.chosen and i not in self.finished and self.release.get(i, 1) <= w.week
                for i in self.deadline_chain
            )
        )
        self._going_room = sum(self._going.values())
        for uid, started in sorted(due_now, key=lambda e: (pressing(e), in_line(e))):
            self._take_due(w, uid, started)

    def _take_due(self, w: _Week, uid: str, started: bool) -> None:
        """Place a block of due work ``uid`` in the week if the week's rules allow it."""
        if started and self._paused(uid):  # the work after a yes began this very week
            return
        u = self.by_id[uid]
        own = self._going.get(uid)  # its own block is not kept from itself
        keep_slots = len(self._going) - (own is not None)
        keep_room = self._going_room - (own or 0)
        must = self.must_start(uid, w.week)
        first_move = uid in self.first_moves and not u.urgent  # (a short runway's: timed apart)
        # (a first move bigger than the share of a small week would never start: it may
        # take the week)
        whole = first_move and u.size > int(w.start * self.policy.urgent_share)
        limit = w.room if must or whole else min(w.room, self._urgent_room)
        first = first_move and must
        if not started and u.deadline_week is None and not self._follow_up(uid) and not first:
            # (a follow-up whose timing is the point goes before started work's next block,
            # and so does a first move once it must start: on two hours a week, the options
            # list is not held back for months by the next block of a course)
            limit = min(limit, w.room - keep_room)
        elif started:  # one started item does not take the block another needs to go on
            limit = min(limit, max(w.room - keep_room, own or 0))
        if uid in self.setup_moves and not started and self._setup_room <= 0 and not u.goal:
            limit = 0  # this week's share of setup is used: the rest comes next week
        if not started and self._sends_too_soon(uid, w):
            limit = 0
        owed = self._owed_now(uid, w.week)
        if owed:  # (ahead of other due work only within its share)
            limit = min(limit, max(self._owed_room, 0))
        amount = 0
        # (a check of a few minutes whose timing is the point, the second runway check before
        # the money runs out, does not wait for a free task slot, as a short habit does not)
        brief = u.size <= self.policy.habit_free_slot * CENTI and bool(u.wait_weeks)
        slot = w.slots > keep_slots or started or brief
        if slot and limit > 0 and (started or not self.crowded(uid)):
            amount = self.block(uid, limit, w.week, continuing=started, pressing=must)
            if amount and u.deadline_week is not None and must:
                # ... and work for a deadline takes what the weeks left before it need, not
                # one block a week (a summer programme's 8 h in the two weeks before it closes)
                end = min(u.deadline_week, self.horizon)
                weeks = sum(1 for k in range(w.week, end + 1) if self.cap[k] > 0)
                need = -(-self.remaining[uid] // max(weeks, 1))
                need += -need % 25
                amount = max(amount, min(need, limit, self.remaining[uid]))
        if amount:
            self._urgent_room -= amount
            if uid in self.setup_moves:
                self._setup_room -= amount
            if owed:
                self._owed_room -= amount
            self._place(w, uid, amount)
            if own is not None:
                del self._going[uid]
                self._going_room -= own
        elif not started:
            heapq.heappush(self.queues[u.roadmap], (self.key(uid), uid))

    def _owed_window(self, r: str) -> int | None:
        """The last week of round ``r``'s interview window, if it went out without interview
        practice that would otherwise wait for a next round months later (a student's
        internships, sent in their winter window, and the second round in the autumn)."""
        if r in self.rounds_over or r not in self.parts or not self.essentials_of[r] & self.owed:
            return None
        window = self.policy.interview_window
        sent = max(self.tasks[i].week for i in self.parts[r])
        after = self._next_round(r, sent)
        if after is None or after > self.horizon or after - window <= sent + window:
            return None
        return sent + window

    def _next_round(self, r: str, sent: int) -> int | None:
        """The earliest week the application that follows round ``r`` (sent in ``sent``)
        may go out (the second internship round, months later), or None if none does."""
        nexts = [
            sent + (self.by_id[a].wait_weeks or 0)
            for a in self.chosen
            if r in self.prerequisites(a) and self.by_id[a].kind == "apply"
        ]
        return min(nexts, default=None)

    def _owed_now(self, uid: str, week: int) -> bool:
        """Is ``uid`` interview practice such a round went out without (LeetCode, the timed
        assessment, the first mocks), in the weeks its interviews may come? Then it goes
        ahead of the work after a yes, in a share of the week, so that it comes before those
        interviews, not months after them before the next round."""
        u = self.by_id[uid]
        if uid not in self.owed or u.kind != "practice":
            return False
        if u.roadmap not in ("interviewing", "coding"):
            return False
        return any(
            uid in prep and week <= (self._owed_window(r) or 0)
            for r, prep in self.essentials_of.items()
        )

    def _waits_for_next_round(self, uid: str, week: int) -> bool:
        """Is ``uid`` a weekly habit of interview practice such a round did not go without
        (the weekly mocks after the first three)? It waits for the next round, as the rest of
        the interview practice does once the interviews are over: in the window's weeks the
        room goes to what the round owes and to the work after a yes."""
        if self.hold_until.get(uid, 0) > week:
            return True
        if uid in self.owed or not _interview_practice(self.by_id[uid]):
            return False
        return any(week <= (self._owed_window(r) or 0) for r in self.essentials_of)

    def _moot(self, uid: str, week: int) -> bool:
        """Has practice come too late to help? Practice or learning whose only purpose in
        this plan is to prepare for work that has already started (a drill for the round
        already sent) is left out, with its reason, and the room goes to other work. So is
        interview practice once the plan's last application is weeks behind."""
        over = self._interviews_over(uid, week)
        if (
            over is None
            and self.by_id[uid].within_weeks is not None
            and self._rounds_ids
            and all(r in self.parts for r in self._rounds_ids)
        ):
            # ... and a coding drill the person lacks, set up to pay early, once their last
            # round has gone out (the laid-off engineer's AI-assistant drill, due in week 8,
            # after his round in week 7)
            over = self._drill_after_round(uid, week, max(self._main_rounds()))
        if over is not None:
            self.chosen.discard(uid)
            self.reasons[uid] = over
            return True
        u = self.by_id[uid]
        if (
            u.kind not in ("practice", "learn")
            or u.priority in ("core", "high")  # strongly advised: still worth it, if late
            or u.touched
            or uid in self.parts
            or uid in self.needed_by
            or u.goal
            or u.liked
            or u.deadline_week is not None
            or u.occurrences is not None
            or self._basic(u)
        ):
            return False
        serves = [x for x in self.prepares.get(uid, []) if x in self.chosen]
        if not serves or not all(x in self.parts for x in serves):
            return False
        # (named by the last of them to start: once that has begun, it helps none of them)
        last = max(serves, key=lambda x: (self.tasks[self.parts[x][0]].week, -self.by_id[x].order))
        starts = self.tasks[self.parts[last][0]].week
        self.chosen.discard(uid)
        self.reasons[uid] = self._too_late_to_prepare(last, starts)
        return True

    def _prepares_too_late(self, uid: str, week: int) -> str | None:
        """Why a drill would come too late in ``week`` to help: everything in the plan that it
        prepares for (`prepares_for`: micrograd for the collaboration and the reproduction)
        has started by then. None if it would not, or if it prepares for nothing planned."""
        u = self.by_id[uid]
        if u.touched or u.goal or u.liked:
            return None
        begun = {
            x: min(self.tasks[i].week for i in self.parts[x])
            for x in u.prepares_for
            if self.parts.get(x)
        }
        if not begun or any(start > week for start in begun.values()):
            return None
        last = max(begun, key=lambda x: (begun[x], -self.by_id[x].order))  # (as above)
        return self._too_late_to_prepare(last, begun[last])

    @staticmethod
    def _too_late_to_prepare(last: str, starts: int) -> str:
        """Why a drill was left out: more pressing work took the weeks before the last of what
        it prepares for, and once that has begun the drill no longer prepares anything."""
        return (
            f"it prepares for {last}, which starts in week {starts}; more pressing work took "
            f"the weeks before that, and once that has begun this would come too late to help"
        )

    def _interviews_over(self, uid: str, week: int) -> str | None:
        """Why interview practice (a drill, a mock, your stories) is pointless in ``week``:
        no application is ahead of it in the plan, and the last one went out more than
        ``interview_window`` weeks before. None if it is not."""
        u = self.by_id[uid]
        if (
            not _interview_practice(u)
            or u.touched
            or u.goal
            or u.liked
            or u.occurrences is not None
            or uid in self.parts
            or uid in self.needed_by
        ):
            return None
        sent: dict[int, str] = {}
        for a in self.applications:
            if a not in self.parts and self._cannot_come(a):
                continue  # a re-application the horizon ends before
            if a not in self.parts or self.occurrences_left.get(a):
                return None  # an application still to come
            sent[max(self.tasks[i].week for i in self.parts[a])] = a  # its last time
        if not sent or week <= max(sent) + self.policy.interview_window:
            return None
        last = max(sent)
        return (
            f"it prepares for interviews, and the plan's last application ({sent[last]}) "
            f"goes out in week {last}"
        )

    def _cannot_come(self, uid: str) -> bool:
        """Does ``uid`` wait so long after what is already done (a re-application six months
        after the round) that it cannot land before the plan ends?"""
        return self._soonest(uid, {}) > self.horizon

    def _soonest(self, uid: str, seen: dict[str, int]) -> int:
        """The soonest week ``uid`` could land: its waits after what it needs, counted from
        what is finished (the rest of the work taken as instant); ``seen`` memoises."""
        if uid in self.finished:
            return self.finished[uid]
        if uid not in seen:
            needs = [self._soonest(p, seen) for p in self.before(uid) if p in self.chosen]
            wait = self.by_id[uid].wait_weeks or 0
            seen[uid] = max(needs, default=self.first_week) + wait
        return seen[uid]

    def _follow_up(self, uid: str) -> bool:
        """A small piece of work timed from what it follows (a reminder a week after the asks):
        late, it is pointless, so it goes ahead of bigger work that is due."""
        u = self.by_id[uid]
        return (
            bool(u.wait_weeks)
            and u.wait_weeks <= self.policy.follow_wait_weeks
            and u.total <= self.small
        )

    def _sent_after(self, uid: str) -> bool:
        """Is ``uid`` a one-off application timed from what it sends (the workshop submission
        the week after the paper draft)? It goes out when it may, not after bigger work."""
        u = self.by_id[uid]
        return (
            u.kind == "apply"
            and u.occurrences is None
            and bool(u.wait_weeks)
            and u.wait_weeks <= self.policy.follow_wait_weeks
        )

    def _waits_for_a_round(self, uid: str) -> bool:
        """A big piece of work that nothing is due for does not start while an application
        round still waits for its preparation: the round's work takes the weeks first. Once
        the round's interviews are over (a student's internships, sent in their winter
        window), what it went without no longer holds the rest of the plan back."""
        return self._big(uid) and any(
            r not in self.rounds_over and any(i not in self.finished for i in prep)
            for r, prep in self.essentials_of.items()
        )

    def _ml_thread(self, uid: str, week: int) -> bool:
        """Is ``uid`` core hands-on ML practice the person lacks (ARENA's first chapter), due
        to start by ``week``?"""
        return self.must_start(uid, week) and (
            self._thread_practice(uid)
            or (uid in self._goal_build_chain() and self._on_to_the_build())
        )

    def _on_to_the_build(self) -> bool:
        """Is the hands-on practice a signature ML build stands on done (ARENA's first
        chapter), in this plan or before it (a replan's done work is not among its units;
        work skipped for a rating does not count)?"""
        for uid in self._goal_build_chain():
            u = self.by_id[uid]
            if not (u.goal and u.kind == "build"):
                continue
            for p in u.prerequisites:
                if (
                    p in self.finished
                    and p not in self.satisfied
                    and (p not in self.by_id or self._thread_practice(p))
                ):
                    return True
        return False

    def _thread_practice(self, uid: str) -> bool:
        """Core hands-on ML practice the person lacks (ARENA's first chapter)."""
        u = self.by_id[uid]
        return (
            u.roadmap == "ml-devloop"
            and u.kind == "practice"
            and u.gated
            and u.priority == "core"
            and u.occurrences is None
            and self._big(uid)
        )

    def _goal_build_chain(self) -> set[str]:
        """For someone who codes routinely (`build_thread`), the signature ML build (GPT-2)
        and the ML work it waits for that is not a long course (the papers behind it, reading
        loss curves): once the thread's practice is done, the thread goes on to it."""
        if self._goal_chain is None:
            self._goal_chain = set()
            for uid in self.chosen if self.build_thread else ():
                u = self.by_id[uid]
                if u.goal and u.kind == "build" and u.roadmap == "ml-devloop":
                    self._goal_chain |= {
                        i
                        for i in self._closure(uid)
                        if self.by_id[i].roadmap == "ml-devloop"
                        and self.by_id[i].occurrences is None
                        and not self._course(i)
                    }
        return self._goal_chain

    def _within_reach(self, uid: str) -> bool:
        """A signature goal that is ready and a small step (the three messages once the list
        exists) is taken at once."""
        u = self.by_id[uid]
        return u.goal and u.occurrences is None and self.remaining.get(uid, u.size) <= self.small

    def _round_open(self, uid: str, week: int) -> bool:
        """An application round whose preparation is done and whose weeks of upskilling are
        over goes out now, ahead of work that could wait a week."""
        u = self.by_id[uid]
        return u.after_prep_weeks is not None and self.release.get(uid, FOREVER) <= week

    def _post_only(self, uid: str) -> bool:
        """Is ``uid`` a post a round would like out first but does not wait for (the first
        blog post: due before the round, but not holding it back; waiting, it sent the CS
        postdoc's round two weeks later, and both reviewers of cmp138, cmp139 were against)?
        A first post on the build the round shows (`first_posts`) is waited for."""
        return self.by_id[uid].kind == "write" and uid not in self.first_posts

    def _sends_too_soon(self, uid: str, w: _Week) -> bool:
        """Would a deadline's application go out before what it should hold (the paper, the
        portfolio) is finished in an earlier week, with weeks to spare? Then it waits. So does
        an application round whose preparation is not finished, for prep_grace_weeks at most
        after its release."""
        u = self.by_id[uid]
        if u.id in self.waits_for:  # a round waits for its preparation, a few weeks at most:
            if any(a in self.first_posts and a in self.in_progress for a in self.waits_for[uid]):
                return True  # (and for the post on the build it shows, once begun: cmp17)
            release = self.release.get(uid, self.first_week)  # half its upskilling, at most
            wait = min(self.policy.prep_grace_weeks, math.ceil((release - self.first_week) / 2))
            wait += self.longer_wait.get(uid, 0)
            return w.week < release + wait and any(
                self.finished.get(a, w.week) >= w.week
                for a in self.waits_for[uid]
                if not self._post_only(a)
            )
        return (
            u.kind in MILESTONE_KINDS
            and u.deadline_week is not None
            and w.week + 1 < u.deadline_week
            and any(a in self.chosen and self.finished.get(a, w.week) >= w.week for a in u.after)
        )

    def _holding(self, uid: str, week: int) -> bool:
        """Is ``uid`` preparation a round is waiting for, when the round could otherwise go
        out? Then the weeks of its wait go to that preparation, not to other work."""
        for r, prep in self.held_for.items():
            if uid in prep and r not in self.parts:
                ready = self.available_week(r)
                if ready is not None and ready <= week:
                    return True
        return False

    def _holds_for_its_contents(self, uid: str, w: _Week) -> bool:
        """A deadline's application that waits for what it should hold waits here too."""
        return self.by_id[uid].deadline_week is not None and self._sends_too_soon(uid, w)

    def _continue_split(self, w: _Week) -> None:
        """3. Split work continues (a long item advances week after week)."""
        for uid in [i for i in self.in_progress if i not in w.placed and not self._paused(i)]:
            if w.slots <= 0 or w.room < min(self.block_min, self.remaining[uid]):
                break
            amount = self.block(uid, w.room, w.week, continuing=True)
            if amount:
                self._place(w, uid, amount)

    def _paused(self, uid: str) -> bool:
        """Does started work ``uid`` pause while the work that follows someone's yes (the
        collaboration) runs? A big piece of work is not done in the scraps of those weeks:
        ARENA's notebooks wait for the sprint to end rather than go on an hour a week."""
        return (
            uid not in self.prompt
            and self._big(uid)
            and not self._course(uid)
            and self.by_id[uid].deadline_week is None
            and any(i in self.prompt and self._big(i) for i in self.in_progress if i != uid)
        )

    def _shared(self, w: _Week) -> None:
        """4. The most valuable ready work, but a track behind its share catches up first."""
        full: set[str] = set()
        total_share = sum(self.share.values())
        while w.slots > 0 and w.room >= 25:
            open_tracks = [r for r in self.tracks if r not in full and self.queues[r]]
            if not open_tracks:
                break
            total_served = sum(self.served.values()) or 1
            behind = [
                r
                for r in open_tracks
                if self.served[r] / total_served
                < self.share[r] / total_share - self.policy.track_slack
            ]
            track = max(
                behind or open_tracks,
                key=lambda r: (-self.queues[r][0][0][2], -self.tracks.index(r)),
            )
            queue = self.queues[track]
            tried: list[tuple[Key, str]] = []
            placed = False
            while queue and len(tried) < 3:
                entry = heapq.heappop(queue)
                if self._moot(entry[1], w.week):
                    continue
                amount = self._new_block(entry[1], w)
                if amount:
                    self._place(w, entry[1], amount)
                    placed = True
                    break
                tried.append(entry)
            for entry in tried:
                heapq.heappush(queue, entry)
            if not placed:
                full.add(track)

    def _new_block(self, uid: str, w: _Week) -> int:
        """How much of ready work ``uid`` may start in the week: 0 if it runs beside other
        big work, waits for a round, or holds for what it contains."""
        if (
            self.crowded(uid)
            or self._waits_for_a_round(uid)
            or self._runs_into_a_hold(uid, w.week)
            or self._holds_for_its_contents(uid, w)
        ):
            return 0
        return self.block(uid, w.room, w.week, continuing=False)

    def _between_rounds(self, uid: str, week: int) -> bool:
        """Would interview practice in ``week`` fall between rounds: after an application,
        and more than interview_window weeks from every one? (The refill's check of what
        `_hold_between_rounds` does while packing.)"""
        u = self.by_id[uid]
        if (
            not _interview_practice(u)
            or u.occurrences is not None
            or u.touched
            or u.goal
            or u.liked
        ):
            return False
        window = self.policy.interview_window
        sent = {self.tasks[i].week for a in self.applications for i in self.parts.get(a, [])}
        return (
            bool(sent)
            and week > min(sent)
            and not any(s - window <= week <= s + window for s in sent)
        )

    def _runs_into_a_hold(self, uid: str, week: int) -> bool:
        """A big piece of work (not a course) does not start when it could not be finished
        before the weeks that prepare the next round's interviews (`_hold_between_rounds`),
        nor in them: it would go on in scraps beside that practice."""
        if not self.hold_until or not self._big(uid) or self._course(uid):
            return False
        left = self.remaining.get(uid, self.by_id[uid].size)
        end = week + math.ceil(left / max(self.block_max(week, uid), 1))
        return any(
            h < end and i in self.chosen and i not in self.finished
            for i, h in self.hold_until.items()
        )

    def _fill(self, w: _Week) -> None:
        """6. A slot added to a week left a third empty: the ready work that fills most of
        its room (a long course's block, not one more short task), the earliest in line
        first among equals."""
        found: list[tuple[int, Key, str]] = []
        for queue in self.queues.values():
            # (a heap's k smallest entries lie in its first 2**k - 1 places)
            for key, uid in heapq.nsmallest(FILL_LOOKAHEAD, queue[: 2**FILL_LOOKAHEAD - 1]):
                amount = self._new_block(uid, w)
                if amount:
                    found.append((-amount, key, uid))
        for minus, key, uid in sorted(found):
            queue = self.queues[self.by_id[uid].roadmap]
            ahead = []  # it is among the line's first few: take it out without a re-heapify
            while (entry := heapq.heappop(queue)) != (key, uid):
                ahead.append(entry)
            for entry in ahead:
                heapq.heappush(queue, entry)
            if not self._moot(uid, w.week):  # (practice come too late is left out)
                self._place(w, uid, -minus)
                return

    def _top_up(self, w: _Week) -> None:
        """5. Room left but no task slots: the long work of this week takes it (a course
        keeps its pace: the lectures do not come faster)."""
        for uid in [i for i in self.in_progress if i in w.placed and not self._course(i)]:
            if w.room < 25:
                break
            extra = min(w.room, self.remaining[uid])
            if 0 < self.remaining[uid] - extra < self.block_min:
                extra = max(self.remaining[uid] - self.block_min, 0)
            extra -= extra % 25
            if extra > 0:
                self._place(w, uid, extra)  # the same task grows: no new one

    # ------------------------------------------------------------------ 5. repair

    def repair(self) -> None:
        """Take out what is unfinished or late (with what needs it); refill with whole items."""
        drop: set[int] = set()
        children: dict[str, list[str]] = {}
        for u in self.units:
            for p in self.prerequisites(u.id):
                children.setdefault(p, []).append(u.id)

        def take_out(uid: str, reason: str) -> None:
            stack = [(uid, reason)]
            while stack:
                cur, why = stack.pop()
                if cur in self.reasons and cur not in self.parts:
                    continue
                indices = self.parts.pop(cur, [])
                drop.update(indices)
                self.finished.pop(cur, None)
                self.chosen.discard(cur)  # what comes after it no longer waits for it
                u = self.by_id[cur]
                if u.occurrences is not None:
                    numbers = [int(self.tasks[i].id.rsplit("@", 1)[1]) for i in indices]
                    self.occurrences_left[cur] = sorted(
                        numbers + self.occurrences_left.get(cur, [])
                    )
                else:
                    self.remaining[cur] = u.size
                self.reasons[cur] = why
                for child in children.get(cur, []):
                    if child in self.parts:
                        stack.append((child, f"waits for {cur}, which did not fit"))

        per_week = f"{self.budget:g} h/week"
        # Language-model work for someone whose interests lie elsewhere, and what builds on
        # it alone, is taken out: it was there to fill the weeks, which the refill below
        # gives to work the person needs (what comes before it keeps its weeks).
        elsewhere = self._elsewhere(children)
        self.off_interest = set(elsewhere)
        for uid in sorted(elsewhere, key=lambda i: self.by_id[i].order):
            if uid in self.parts:
                take_out(uid, elsewhere[uid])
        for uid, why in elsewhere.items():  # said as that, not as waiting for what it builds on
            if uid not in self.parts and (
                not self.reasons.get(uid) or self.reasons[uid].startswith("waits for ")
            ):
                self.reasons[uid] = why
                self.short_of.pop(uid, None)
        in_order = sorted(self.chosen, key=lambda i: self.by_id[i].order)
        for uid in in_order:
            u = self.by_id[uid]
            if u.occurrences is None or uid not in self.parts:
                continue
            wanted = min(MIN_HABIT_WEEKS, len(u.occurrences))
            if len(self.parts[uid]) < wanted:  # a habit runs a few weeks or not at all
                take_out(
                    uid,
                    f"it would run only {len(self.parts[uid])} of its weeks: a weekly habit runs "
                    f"at least {wanted} weeks or not at all",
                )
        for uid in [i for i in in_order if i in self.chosen]:  # (what the habits left, in order)
            u = self.by_id[uid]
            if u.occurrences is not None or uid not in self.parts:
                continue
            if self.remaining[uid] > 0:
                # (where it could start says why: its hours fit the plan, its weeks did not)
                begins = min(self.tasks[i].week for i in self.parts[uid])
                take_out(
                    uid,
                    f"would not be finished by week {self.horizon} beside more pressing work "
                    f"at {per_week}: the weeks before went to that work, and it could start "
                    f"only in week {begins}",
                )
            elif u.deadline_week is not None:
                end = max(self.tasks[i].week for i in self.parts[uid])
                if end > u.deadline_week:
                    self.late.add(uid)
                    take_out(
                        uid,
                        f"would be ready only in week {end}, after its {u.deadline} deadline "
                        f"(week {u.deadline_week}); start earlier or give it more than {per_week}",
                    )
        # For a target whose drills serve the work (a PhD applicant's research), a drill placed
        # after all it prepares for has started (`prepares_for`: the optimiser notebook after
        # the collaboration and the reproduction) helps nothing that follows: it goes, and the
        # refill below has its weeks. (An engineer's drills are the skill the job tests.)
        drills = [
            i
            for i in in_order
            if self.drills_for_the_work
            and i in self.parts
            and self.by_id[i].prepares_for
            and self.by_id[i].occurrences is None
        ]
        for uid in drills:
            if uid not in self.parts:  # (taken out already, with a drill it builds on)
                continue
            begins = min(self.tasks[i].week for i in self.parts[uid])
            late = self._prepares_too_late(uid, begins)
            if late is not None:
                take_out(uid, late)
        # A foundation course the packing could start only late, so that it ends after the
        # main application round, founds nothing that round shows (rv14,
        # cmp95: the postdoc's intro ML course in weeks 16-26, his round in week 22, after
        # his GPT-2): it goes, unless work in the plan builds on it, and the refill below
        # has its weeks.
        main_round = self._main_round()
        for uid in [i for i in in_order if i in self.parts]:
            u = self.by_id[uid]
            if (
                main_round is None
                or u.occurrences is not None
                or u.kind != "learn"
                or not self._basic(u)
                or u.touched
                or u.goal
                or u.liked
                or any(k in self.parts for k in children.get(uid, []))
            ):
                continue
            weeks = [self.tasks[i].week for i in self.parts[uid]]
            if max(weeks) > main_round:
                take_out(
                    uid,
                    f"it could start only in week {min(weeks)} and would end after your "
                    f"application round (week {main_round}), which it is to prepare you for",
                )
        # An ask or a plan made for work that is not in the plan goes too: asking to audit a
        # course that did not fit, or scoping a project that did not, prepares for nothing.
        serves = {p: list(kids) for p, kids in children.items()}  # what needs it, and
        for u in self.units:  # what comes after it
            for a in u.after:
                if u.id not in serves.setdefault(a, []):
                    serves[a].append(u.id)
        # (before the refill, which then has that room, and never brings them back)
        rank = self.policy.priority_value
        pointless: set[str] = set()
        for u in sorted(self.units, key=lambda u: u.order):
            uid = u.id
            kids = serves.get(uid, [])
            if (
                kids
                and u.occurrences is None
                and u.priority != "core"
                # an ask for that work alone, a plan of ordinary weight (a post or a plan
                # of high value stands on its own), or a short step that only scopes it
                # (picking the bigger issue, choosing the paper to reproduce)
                and (
                    u.kind == "network"
                    or (u.kind == "write" and u.priority == "normal")
                    or (u.kind in ("practice", "learn") and u.size <= self.small)
                )
                and not (u.goal or u.liked or u.touched or u.within_weeks or u.deadline_week)
                and not any(k in self.parts for k in kids)
                # (left out with a reason, or chosen and not placed: out all the same, unless
                # it belongs after the plan's end, as a PhD applicant's December submissions)
                and any(k in self.reasons or self._unplaced(k) for k in kids)
                # ... when that work is the point: the one-on-ones at a conference are worth
                # booking even if the note after them did not fit
                and any(
                    rank.get(self.by_id[k].priority, 0) >= rank.get(u.priority, 0) for k in kids
                )
            ):
                # (named by the work that was in the plan, not by an alternative to it)
                first = min(
                    (k for k in kids if k in self.reasons or self._unplaced(k)),
                    key=lambda k: self.reasons.get(k, "").startswith("an alternative to "),
                )
                pointless.add(uid)
                said = f"it prepares for {first}, which is not in your plan"
                # (left-out work keeps its own reason, but is never offered for the room left
                # over: the ask to audit a course would be "added there" for nothing)
                self.prepares_for_none[uid] = said
                if uid in self.parts:
                    self.reasons[uid] = said
                    self.short_of.pop(uid, None)
                    drop.update(self.parts.pop(uid))
                    self.finished.pop(uid, None)
                    self.chosen.discard(uid)
                    self.remaining[uid] = u.size
        load = [0] * (self.horizon + 1)
        count = [0] * (self.horizon + 1)
        habit_load = [0] * (self.horizon + 1)
        for i, t in enumerate(self.tasks):
            if i not in drop:
                load[t.week] += round(t.hours * CENTI)
                count[t.week] += 1
                if self.by_id[t.item_id].occurrences is not None:
                    habit_load[t.week] += round(t.hours * CENTI)
        # Whole items worth doing, most valuable first, into weeks with room; and a weekly
        # habit of applying or outreach that was left out, for the weeks in a row that have
        # room for it (the postdoc's one application a week after his first round: "two shots
        # in 8 months", Anders), where a reading would otherwise end the plan.
        # ... and the refill does not bring scaffolding for work that is not in the plan.
        scaffolding = {
            uid for uid, kids in children.items() if not any(k in self.parts for k in kids)
        }
        waiting = [
            u
            for u in self.units
            if (
                u.occurrences is None
                or (u.occurrences and not u.busy_weeks and u.kind in REFILL_HABIT_KINDS)
            )
            and u.id not in self.parts
            and u.id not in scaffolding
            and u.id not in pointless
            and not u.filler
            and u.id not in elsewhere
            and u.id not in self.held_back
            and self._refillable(u)
            and u.id not in self.satisfied
            and not (
                u.group is not None and any(self.by_id[i].group == u.group for i in self.parts)
            )
        ]
        waiting.sort(key=lambda u: (-self.density([u.id]), u.order))
        # What a short runway pulls to the front is worth doing early or not at all.
        urgent_weeks = self.share_of_weeks(self.policy.goal_fraction)
        smallest = min((u.size for u in waiting), default=0)
        # What is already planned after an item (it comes `after` it) bounds where it may go.
        starts: dict[str, int] = {}
        for uid, indices in self.parts.items():
            kept = [self.tasks[i].week for i in indices if i not in drop]
            if kept:
                starts[uid] = min(kept)
        latest: dict[str, int] = {}
        # (what comes after an item comes after its alternatives too: the course after
        # whichever statistics item the refill brings)
        mates: dict[str, list[str]] = {}
        for u in self.units:
            if u.group is not None:
                mates.setdefault(u.group, []).append(u.id)

        def bound(after: list[str], week: int) -> None:
            for a in after:
                group = self.by_id[a].group if a in self.by_id else None
                for m in mates[group] if group is not None else [a]:
                    latest[m] = min(latest.get(m, FOREVER), week)

        for u in self.units:
            if u.id in starts:
                bound(u.after, starts[u.id])
        # ... and a build of some weeks goes in only where no other runs (`crowded`)
        builds: list[tuple[int, int]] = []
        for uid, indices in self.parts.items():
            kept = [self.tasks[i].week for i in indices if i not in drop]
            if kept and self._project(uid):
                builds.append((min(kept), max(kept)))
        # (the last main round, once: the refill puts no coding drill after it)
        last_round = max(self._main_rounds(), default=None)
        for week in range(self.first_week, self.horizon + 1):
            if not waiting:
                break
            limit = self.max_tasks(week)
            if count[week] >= limit or self.cap[week] - load[week] < smallest:
                continue
            still = []
            for u in waiting:
                free = self.cap[week] - load[week]
                if count[week] >= limit or free < smallest:
                    still.append(u)
                    continue
                over = self._interviews_over(u.id, week)
                if over is not None:
                    self.reasons[u.id] = over
                late = (
                    self._window_passed(u.id, week)
                    or self._prepares_too_late(u.id, week)
                    or self._drill_after_round(u.id, week, last_round)
                )
                # (work whose prerequisite did not fit says that, the first reason, not that
                # it would come too late: "Explain a training run" after the lab it builds on)
                if late is not None and all(
                    p in self.parts or p in self.satisfied or p not in self.by_id
                    for p in self.prerequisites(u.id)
                ):
                    self.reasons[u.id] = late
                last = min(latest.get(u.id, FOREVER), u.deadline_week or FOREVER)
                blocks = (
                    (
                        self._span(u, week, load, count, last)
                        if u.occurrences is None
                        else self._run(u, week, load, count, last, habit_load)
                    )
                    if over is None
                    and (u.within_weeks is None or week < self.first_week + u.within_weeks)
                    and (not u.urgent or week < self.first_week + urgent_weeks)
                    and late is None
                    and not self._stale(u.id, week)
                    and not self._between_rounds(u.id, week)
                    and self.is_ready(u.id, week)
                    else None
                )
                if blocks and self._project(u.id) and self._takes_its_turn(u.id):
                    span = (blocks[0][0], blocks[-1][0])
                    if any(a < span[1] and span[0] < b for a, b in builds):
                        blocks = None
                    else:
                        builds.append(span)
                if blocks:
                    self.parts[u.id] = []
                    numbers = iter(u.occurrences or ())
                    for at, amount in blocks:
                        self.parts[u.id].append(len(self.tasks))
                        tid = u.id if u.occurrences is None else f"{u.id}@{next(numbers)}"
                        self.tasks.append(Task(tid, at, u.title, u.kind, amount / CENTI))
                        load[at] += amount
                        count[at] += 1
                        if u.occurrences is not None:
                            habit_load[at] += amount
                    bound(u.after, week)  # what it comes after may no longer go later
                    self.remaining[u.id] = 0
                    # (what needs a habit waits for its first week, as in the packing)
                    self.finished[u.id] = blocks[-1 if u.occurrences is None else 0][0]
                    self.chosen.add(u.id)
                    self.reasons.pop(u.id, None)
                    self.short_of.pop(u.id, None)
                    if u.occurrences is not None:
                        self.occurrences_left[u.id] = list(numbers)
                        end = blocks[-1][0] + 1
                        if self.occurrences_left[u.id] and end <= self.horizon:
                            self.reasons[u.id] = (
                                f"week {end} had no room left for it, and a weekly habit "
                                "is cut short rather than paused"
                            )
                else:
                    still.append(u)
            if len(still) < len(waiting):
                smallest = min((u.size for u in still), default=0)
            waiting = still
        self.tasks = [t for i, t in enumerate(self.tasks) if i not in drop]
        self.tasks.sort(key=lambda t: t.week)

    def _unplaced(self, uid: str) -> bool:
        """Was ``uid`` chosen and left out of the weeks it could go in (not work that belongs
        after the plan's last week)?"""
        u = self.by_id[uid]
        return (
            uid in self.chosen
            and uid not in self.parts
            and self.release.get(uid, 0) <= self.horizon
            and (u.deadline_week is None or u.deadline_week <= self.horizon)
        )

    def _main_round(self) -> int | None:
        """The first week of the person's main application round in the plan, if any."""
        rounds = self._main_rounds()
        return min(rounds)[0] if rounds else None

    def _main_rounds(self) -> list[tuple[int, str]]:
        """The first week and id of each main application round in the plan (a student on a
        short runway has two: internships, then jobs)."""
        return [
            (min(self.tasks[i].week for i in self.parts[r]), r)
            for r, v in self.by_id.items()
            if v.goal and v.after_prep_weeks is not None and self.parts.get(r)
        ]

    def _elsewhere(self, children: Mapping[str, list[str]]) -> dict[str, str]:
        """Work in a field the person did not name among their interests (language models,
        reinforcement learning: `Policy.elsewhere_tags`), with what builds on it and nothing
        else (its write-up, its explanation), and why; not what a signature goal, core work,
        one of their interests or work they have begun needs."""
        out = {u.id: u.elsewhere for u in self.units if u.elsewhere and not u.touched}
        stack = list(out)
        kind = {u.id: u.elsewhere_field or "" for u in self.units if u.id in out}
        while stack:  # what builds on it goes with it, unless it stands on its own
            parent = stack.pop()
            for child in children.get(parent, []):
                v = self.by_id[child]
                if child not in out and not (
                    v.goal or v.liked or v.touched or v.priority == "core"
                ):
                    kind[child] = kind[parent]  # (language-model work, as what it builds on)
                    out[child] = f"it builds on {', '.join(p for p in v.prerequisites if p in out)}"
                    out[child] += f", {kind[child]} outside your interests"
                    stack.append(child)
        changed = True
        while changed:  # ... and what something that stays needs, stays
            changed = False
            for uid in list(out):
                if any(c not in out and c in self.chosen for c in children.get(uid, [])):
                    del out[uid]
                    changed = True
        return out

    def _refillable(self, u: Unit) -> bool:
        """Is ``u`` worth refilling free weeks with? Work the documents stress, work the
        person asked for, or ordinary work on a track that matters for their role; not
        padding (LeetCode topics for a research scientist), nor work aimed at interests the
        person did not name (an interpretability build for a roboticist): such weeks stay
        light."""
        if u.aside and u.priority != "core" and not u.touched:
            return False
        return (
            u.priority in ("core", "high")
            or u.liked
            or u.goal
            or u.touched
            or (u.priority == "normal" and u.role_weight >= 1.0)
        )

    def _run(
        self,
        u: Unit,
        week: int,
        load: list[int],
        count: list[int],
        latest: int,
        habit_load: list[int],
    ) -> list[tuple[int, int]] | None:
        """Where a weekly habit refills the plan from ``week`` (at the latest ``latest``):
        one occurrence in each working week in a row with room for it, within the habits'
        share of the week, until it has run them all or the plan ends; None if that is fewer
        than MIN_HABIT_WEEKS weeks (or all of its occurrences, if fewer)."""
        occurrences = u.occurrences or []
        if week > latest:
            return None
        out: list[tuple[int, int]] = []
        at = week
        while len(out) < len(occurrences) and at <= self.horizon:
            if self.cap[at] == 0:  # time off: the habit resumes after it
                at += 1
                continue
            share = int(self.cap[at] * self.policy.habit_share)
            if (
                self.cap[at] - load[at] < u.size
                or count[at] >= self.max_tasks(at)
                or habit_load[at] + u.size > max(share, u.size if not habit_load[at] else 0)
            ):
                break
            out.append((at, u.size))
            at += 1
        return out if len(out) >= min(MIN_HABIT_WEEKS, len(occurrences)) else None

    def _span(
        self, u: Unit, week: int, load: list[int], count: list[int], latest: int
    ) -> list[tuple[int, int]] | None:
        """Where a whole item refills the plan from ``week``: in that week if it fits, else
        in blocks over the next working weeks with room (none skipped, none after
        ``latest``); None if it cannot be finished that way."""
        free = self.cap[week] - load[week]
        if u.size <= free:
            return [(week, u.size)] if week <= latest else None
        if u.size <= self.small:  # a small item is done whole
            return None
        out: list[tuple[int, int]] = []
        left = u.size
        at = week
        while left > 0:
            if at > min(self.horizon, latest):
                return None
            if self.cap[at] == 0:  # time off: the work resumes after it
                at += 1
                continue
            free = self.cap[at] - load[at]
            amount = min(left, free, self.block_max(at, u.id))
            amount -= amount % 25
            if 0 < left - amount < self.block_min:
                amount = left - self.block_min
            if amount < min(self.block_min, left) or count[at] >= self.max_tasks(at):
                return None  # a gap in the middle: it would not read as one piece of work
            out.append((at, amount))
            left -= amount
            at += 1
        return out

    def _drill_after_round(
        self, uid: str, week: int, last_round: tuple[int, str] | None
    ) -> str | None:
        """Why a coding drill someone still lacks (a data structure, debugging, backtracking)
        is not refilled into ``week``: the person's last main application round (its first
        week and id) went out before it, and a drill is preparation for it, not work after it
        (rv11, rv11b: "stacks and queues, debugging, bit tricks" in the postdoc's last week,
        after his round; rv35: three of six reviewers quoted the data scientist's backtracking
        in week 30, after his round in week 25, a topic at level 4). A drill between two
        rounds still prepares the second (rv39: the master's student was told her round went
        out in week 3, her internships, when her job round was in week 10). None if it may go
        there."""
        if last_round is None or week <= last_round[0]:
            return None
        main_round, round_id = last_round
        u = self.by_id[uid]
        if (
            u.roadmap != "coding"
            or not u.gated
            or u.occurrences is not None
            or u.kind not in ("practice", "learn")
            or u.touched
            or u.goal
            or u.liked
        ):
            return None
        return (
            f"it is practice for your application round (“{self.by_id[round_id].title}”), "
            f"which goes out in week {main_round}: the weeks after it are not filled with it"
        )

    def _window_passed(self, uid: str, week: int) -> str | None:
        """Why practice for a round's interviews (the mock loop) no longer fits by ``week``:
        the weeks after the round when its interviews come have gone by without room."""
        rounds = [
            p
            for p in self.prerequisites(uid)
            if p in self.parts and self.by_id[p].after_prep_weeks is not None
        ]
        u = self.by_id[uid]
        if u.kind != "practice" or self._follow_up(uid) or not u.wait_weeks or not rounds:
            return None
        sent = min(min(self.tasks[i].week for i in self.parts[p]) for p in rounds)
        if week <= sent + self.policy.interview_window:
            return None
        return (
            f"it rehearses for interviews from the round in week {sent}, which may come up to "
            f"about week {sent + self.policy.interview_window}; no week up to then had room "
            "for it"
        )

    def _stale(self, uid: str, week: int) -> bool:
        """Would a follow-up in ``week`` come too long after what it follows (more than
        follow_window working weeks after it may start)? Then it is pointless there."""
        if not self._follow_up(uid):
            return False
        ready = self.available_week(uid)
        if ready is None:
            return False
        working = sum(1 for w in range(ready, week) if w <= self.horizon and self.cap[w] > 0)
        return working > self.policy.follow_window

    # ------------------------------------------------------------------ the report

    def left_out(self) -> list[Unscheduled]:
        """Everything not placed, most valuable first, prerequisites before what needs them."""
        per_week = f"{self.budget:g} h/week"
        placed_done = set(self.parts) | self.satisfied
        placed_ids = {t.id for t in self.tasks}
        left: dict[str, list[int]] = {
            u.id: [n for n in u.occurrences if f"{u.id}@{n}" not in placed_ids]
            for u in self.units
            if u.occurrences is not None
        }
        missing = [
            u
            for u in self.units
            if u.id not in self.satisfied
            and (
                (u.occurrences is None and u.id not in self.parts)
                or (u.occurrences is not None and left[u.id])
            )
        ]
        missing_ids = {u.id for u in missing}
        lacks = {u.id: [p for p in self.prerequisites(u.id) if p in missing_ids] for u in missing}

        # (the rank below walks thousands of chains: their figures are taken out of the walk)
        totals = {u.id: u.total for u in missing}
        values = {u.id: u.value for u in missing}

        def chain_density(uid: str) -> float:
            """`self.density` of ``uid`` with the prerequisites it still lacks: what taking it
            next costs (the first RANK_SAMPLE units of a long chain are enough to rank it)."""
            hours, value, count = 0, 0.0, 0
            seen: set[str] = set()
            stack = [uid]
            while stack and count < RANK_SAMPLE:
                cur = stack.pop()
                if cur not in seen:
                    seen.add(cur)
                    count += 1
                    hours += totals[cur]
                    value += values[cur]
                    stack.extend(lacks[cur])
            return value / max(hours, 1)

        # Most valuable first, counting what each still needs: the next cheap, high-leverage
        # move before a long build whose chain is weeks of work.
        by_rank = sorted(missing, key=lambda u: (u.filler, -chain_density(u.id), u.order))
        rank = {u.id: i for i, u in enumerate(by_rank)}
        # Prerequisites first: a topological order that prefers the more valuable.
        ordered: list[Unit] = []
        placed: set[str] = set()
        trail: set[str] = set()  # the walk's path (a cycle among user items ends there)

        def visit(u: Unit) -> None:
            if u.id in placed or u.id in trail:
                return
            trail.add(u.id)
            first = lacks[u.id]
            if len(first) > 1:  # (most lack one prerequisite or none: nothing to sort)
                first = sorted(first, key=lambda i: rank.get(i, 0))
            for p in first:
                visit(self.by_id[p])
            trail.discard(u.id)
            placed.add(u.id)
            ordered.append(u)

        for u in by_rank:
            visit(u)
        total = sum(self.cap[self.first_week :])
        free = total - sum(round(t.hours * CENTI) for t in self.tasks)
        out: list[Unscheduled] = []
        for u in ordered:
            remaining = len(left[u.id]) if u.occurrences is not None else 0
            reason = self.reasons.get(u.id) or self._reason(u, placed_done, per_week, remaining)
            taken = self.alternative_of.get(u.id)
            if taken is not None and reason.startswith(f"an alternative to {taken}, "):
                # (said of the finished plan: the one taken may not have fitted either)
                reason = f"an alternative to {taken}, " + (
                    "which is in your plan"
                    if taken in placed_done
                    else "which did not fit either; one of the two is enough"
                )
            if reason == self._no_room(per_week) and free >= 25:  # (hours free, elsewhere)
                count = len(left[u.id]) if u.occurrences is not None else 0
                why = self._kept_out(u, placed_done)
                blocked = [p for p in self.prerequisites(u.id) if p not in placed_done]
                reason = (
                    f"waits for {blocked[0]}, which did not fit"  # (as `_reason` says it)
                    if blocked
                    else self._free_but_not_there(u, free, count, why)
                )
            if free >= 25 and self._started_late_no_more(u, reason, placed_done):
                count = len(left[u.id])
                reason = self._free_but_not_there(u, free, count, self._kept_out(u, placed_done))
            follows = self._follows_after_the_plan(u, placed_done)
            if u.id in self.short_of and not self.reasons.get(u.id) and follows is None:
                reason = self._short_said(u, free, total, placed_done)
            elif " with what it builds on;" in reason:  # (said at selection: name it)
                chain = self._chain_said(u, placed_done) or " with what it builds on"
                reason = reason.replace(" with what it builds on", chain, 1)
            if u.occurrences is not None:
                out.extend(Unscheduled(f"{u.id}@{n}", u.size / CENTI, reason) for n in left[u.id])
            else:
                out.append(Unscheduled(u.id, u.size / CENTI, reason))
        return out

    def _started_late_no_more(self, u: Unit, reason: str, placed: set[str]) -> bool:
        """Is ``reason`` a habit's "starting in week N would run too few weeks" that the
        finished weeks contradict: an earlier week after what it builds on now has its hours
        and a free task slot (the work that held those weeks was taken out afterwards; text
        audit 12, finding 3: "starting in week 47" beside two empty weeks 45 and 46)?"""
        if u.occurrences is None or not reason.startswith(_LATE_HABIT):
            return False
        late = int(reason[len(_LATE_HABIT) :].split(" ", 1)[0])
        load, _, open_slot, _, _ = self._finished_weeks()
        done = [self.finished[p] for p in self.before(u.id) if p in self.finished]
        ready = max([self.first_week, u.earliest_week, *(d + 1 for d in done if d > 0)])
        return any(
            self.cap[w] - load[w] >= u.size and open_slot[w] for w in range(ready, late)
        ) and all(p in placed for p in self.prerequisites(u.id))

    def _short_said(self, u: Unit, free: int, total: int, placed: set[str]) -> str:
        """Why work left out when the plan's hours were shared out is still out of the
        finished plan: its hours against the plan's, and, when hours are free, what kept it
        out of them (or that the plan leaves them free on purpose)."""
        need, with_chain = self.short_of[u.id]
        blocked = [p for p in self.prerequisites(u.id) if p not in placed]
        if free >= need and blocked and self._refillable(u):
            return f"waits for {blocked[0]}, which did not fit"  # (one reason, as `_reason`)
        if with_chain:
            with_chain = self._chain_said(u, placed)
        if free < 25:
            said = f"all {total / CENTI:g} h of the plan went to more valuable work"
        elif free < need:
            said = f"only {free / CENTI:g} h of the plan are free after more valuable work"
        elif self._refillable(u):  # hours are free, but not in weeks that can take it
            said = f"{self._free_said(free)}, but {self._kept_out(u, placed)}"
        else:
            said = (
                "left out on purpose: it matters less for your role, and the plan leaves its "
                f"{free / CENTI:g} h still unplanned free rather than fill them with it"
            )
        return f"needs {need / CENTI:g} h{with_chain}; {said}"

    def _follows_after_the_plan(self, u: Unit, placed: set[str]) -> str | None:
        """Why a follow-up is not in the plan when what it follows is: its weeks of waiting
        end after the plan's last week (the note three weeks after a late booking)."""
        if not u.wait_weeks or not all(p in placed for p in self.prerequisites(u.id)):
            return None
        done = [self.finished[p] for p in self.prerequisites(u.id) if p in self.finished]
        if done and max(done) + u.wait_weeks <= self.horizon:
            return None
        when = f"in week {max(done) + u.wait_weeks}, " if done else ""
        return (
            f"comes {u.wait_weeks} weeks after what it follows, "
            f"{when}after the plan's last week {self.horizon}"
        )

    def _reason(self, u: Unit, placed: set[str], per_week: str, remaining: int = 0) -> str:
        last = self.horizon
        if u.filler and u.only_where is not None:
            return self._only_where_said(u.only_where)
        if u.filler:  # (the documents label nothing optional: the roadmap does)
            return "the roadmap treats it as optional, and it is tied to none of your interests"
        if u.occurrences is not None and u.id in self.parts:
            ran = max(t.week for t in self.tasks if t.item_id == u.id)
            if u.id in self.limit and ran < last:  # not the end of the plan: the habit's share
                return (
                    f"kept to {self.limit[u.id]} of its {len(u.occurrences)} weeks, so that "
                    f"weekly habits leave room for the rest of the plan"
                )
            # in weeks, as the plan's own line on the habit counts them (text audit 11,
            # finding 9: "runs past the plan's last week 12" beside "the other 3 topics")
            held = sum(1 for t in self.tasks if t.item_id == u.id)
            others = "its other week" if remaining == 1 else f"its other {remaining} weeks"
            return (
                f"{others}, after the {held} in your plan, would run past week {last}, "
                "the plan's last"
            )
        if u.occurrences is not None and u.size > centi(self.budget):
            return f"needs {u.size / CENTI:g} h a week, more than the {per_week} budget"
        if u.earliest_week > last:
            return f"belongs in week {u.earliest_week}, after the plan's last week {last}"
        if u.id in self.release and self.release[u.id] > last:
            return f"belongs in week {self.release[u.id]}, after the plan's last week {last}"
        blocked = [p for p in self.prerequisites(u.id) if p not in placed]
        if u.id in self.chosen and blocked:
            return f"waits for {blocked[0]}, which did not fit"
        follows = self._follows_after_the_plan(u, placed)
        if follows is not None:
            return follows
        if u.id in self.chosen:
            return self._no_room(per_week)
        return f"less valuable for you than what fits in {per_week} over {last} weeks"

    def _only_where_said(self, tag: str) -> str:
        """Why optional work for a case the plan cannot know is left out, and how to add it
        back if the case holds (a UK programme on the shortlist)."""
        where, found_in = self.policy.only_where[tag]
        weeks = sorted({t.week for t in self.tasks if t.item_id == found_in})
        said = (
            ""
            if not weeks
            else f" (week {weeks[0]})"
            if len(weeks) == 1
            else f" (weeks {weeks[0]}–{weeks[-1]})"
        )
        return (
            f'matters only for {where}; if your shortlist{said} has one, add "{tag}" to the '
            "interests in your profile.toml and run upskill replan --profile with that file to "
            "add it back"
        )

    def _no_room(self, per_week: str) -> str:
        return f"no room left by week {self.horizon} at {per_week}"

    @staticmethod
    def _free_said(free: int) -> str:
        """The plan's free hours, said as what they count: the week headers show each week's
        full hours, and the share each week keeps free for overruns is not counted here
        (text audit 11: "21 h still free" beside headers adding up to 60)."""
        return (
            f"{free / CENTI:g} h of the plan are still unplanned beyond the share of each week "
            "kept free for overruns"
        )

    @classmethod
    def _free_but_not_there(cls, u: Unit, free: int, count: int, why: str) -> str:
        """Why chosen work did not fit though hours of the plan are still free: they are not
        where it could go (text audit 7: "no room left" beside "23.5 h are still free"), and
        what kept it out of them (text audit 11: an empty week beside "none in a week it can
        go in")."""
        if count:  # a habit: so many hours in each of so many weeks
            weekly = f"needs {u.size / CENTI:g} h a week for {count} weeks"
            return f"{weekly}; {cls._free_said(free)}, but {why}"
        return f"needs {u.size / CENTI:g} h; {cls._free_said(free)}, but {why}"

    def _chain_said(self, u: Unit, placed: set[str]) -> str:
        """ "with what it builds on", said with what that is: the tasks it depends on that
        are not in the plan either, with their hours (text audit 11: an opaque template)."""
        seen: list[str] = []
        stack = [p for p in self.prerequisites(u.id) if p not in placed]
        while stack:
            cur = stack.pop(0)
            if cur in seen or cur not in self.by_id:
                continue
            seen.append(cur)
            stack.extend(p for p in self.prerequisites(cur) if p not in placed)
        if not seen:
            return ""
        named = "; ".join(f"{i}, {self.by_id[i].total / CENTI:g} h" for i in seen[:3])
        more = f"; and {len(seen) - 3} more" if len(seen) > 3 else ""
        return f" including what it builds on, not in the plan either ({named}{more})"

    def _finished_weeks(self) -> WeeksRead:
        """Each week's load, habit hours and task count, each item's first week, and what
        needs each item: read once from the finished weeks, not once per item left out (the
        5,000-item benchmark asked for it 1,700 times)."""
        key = len(self.tasks)
        cached = self._weeks_read
        if cached is not None and cached[0] == key:
            return cached[1]
        load = [0] * (self.horizon + 2)
        habit = [0] * (self.horizon + 2)
        count = [0] * (self.horizon + 2)
        firsts: dict[str, int] = {}
        for t in self.tasks:
            load[t.week] += round(t.hours * CENTI)
            count[t.week] += 1
            item = t.id.split("@", 1)[0]
            if "@" in t.id:
                habit[t.week] += round(t.hours * CENTI)
            firsts[item] = min(firsts.get(item, t.week), t.week)
        needs: dict[str, list[str]] = {}
        for v in self.units:
            for p in self.prerequisites(v.id):
                needs.setdefault(p, []).append(v.id)
        open_slot = [count[w] < self.max_tasks(w) for w in range(len(count))]
        tables = (load, habit, open_slot, firsts, needs)
        self._weeks_read = (key, tables)
        return tables

    def _kept_out(self, u: Unit, placed: set[str]) -> str:
        """What kept ``u`` out of the plan's free weeks, read from the finished weeks: a
        prerequisite left out, no week between what it builds on and what needs it (or the
        plan's end), no week with enough free, the week's task limit, the habits' share of
        a week; or, when a week has room and a free slot, that it was left out when the
        plan's hours were shared out and the weeks freed later were not refilled with it."""
        load, habit, open_slot, firsts, needs = self._finished_weeks()
        done = [self.finished[p] for p in self.before(u.id) if p in self.finished]
        ready = max([self.first_week, u.earliest_week, *(d + 1 for d in done if d > 0)])
        needers = [firsts[v] for v in needs.get(u.id, ()) if v in firsts]
        latest = min([self.horizon, *needers])
        end = f"what needs it (week {latest})" if needers else f"the plan's end (week {latest})"
        weeks = [w for w in range(ready, latest + 1) if self.cap[w] > 0]
        if not weeks:
            after = f"after what it builds on (done in week {ready - 1})" if done else ""
            return f"no working week is left {after} before {end}".replace("  ", " ")
        piece = min(u.size, self.block_min) if u.occurrences is None else u.size
        spare = [w for w in weeks if self.cap[w] - load[w] >= piece]
        if not spare:
            most = max(self.cap[w] - load[w] for w in weeks) / CENTI
            return (
                f"from week {weeks[0]} (after what it builds on) to {end}, no week has "
                f"{piece / CENTI:g} h free beside its other tasks (the most is {max(most, 0):g} h)"
            )
        slots = [w for w in spare if open_slot[w]]
        if not slots:
            return (
                f"the weeks with {piece / CENTI:g} h free ({weeks_named(spare)}) already hold as "
                "many tasks as a week takes at your hours"
            )
        if u.occurrences is not None and len(slots) < len(u.occurrences):
            return (
                f"only {len(slots)} of the weeks after what it builds on "
                f"{'has' if len(slots) == 1 else 'have'} {u.size / CENTI:g} h free and a free "
                f"task slot ({weeks_named(slots)}), too few for its {len(u.occurrences)} weeks"
            )
        if u.occurrences is not None:
            shared = [
                w for w in slots if habit[w] + u.size > int(self.cap[w] * self.policy.habit_share)
            ]
            if len(shared) == len(slots):
                return (
                    "in the weeks with room, weekly habits already take "
                    f"{self.policy.habit_share:.0%} of the week, the most they may"
                )
        if u.id in self.prepares_for_none:  # (the room it could have: pointless without)
            return self.prepares_for_none[u.id]
        took = "more valuable work took the hours when the plan was shared out, and the room left"
        if u.occurrences is not None:  # (each of these weeks has a week's worth free)
            named = weeks_named(slots)
            return (
                f"{took} over afterwards ({named}) is not refilled: you can add it there "
                f"(`upskill add {u.id} --week {slots[0]}`, with --times K for K weeks)"
            )
        # The room said with its hours, and what it holds of this (text audit 12, finding 4:
        # "(weeks 17) ... you can add it there" for 4 h, where week 17 had 1.5 h free).
        room = {w: self.cap[w] - load[w] for w in slots}
        whole = [w for w in slots if room[w] >= u.size]
        if len(whole) == 1:
            return (
                f"{took} over afterwards is not refilled: it fits whole in {weeks_named(whole)} "
                f"({_free_in(room, whole)}), where you can add it "
                f"(`upskill add {u.id} --week {whole[0]}`)"
            )
        if whole:
            least = min(room[w] for w in whole) / CENTI
            return (
                f"{took} over afterwards is not refilled: it fits whole in any of "
                f"{weeks_named(whole)} (each with at least {least:g} h free), where you can add it "
                f"(`upskill add {u.id} --week {whole[0]}`)"
            )
        total = sum(room.values())
        said = f"{weeks_named(slots)}, {_free_in(room, slots)}"
        if total >= u.size:
            return f"{took} over afterwards ({said}) is not refilled: you can spread it over them"
        return (
            f"{took} over afterwards ({said}) is not refilled: you can start it there and "
            "finish it after the plan"
        )

    # ------------------------------------------------------------------ all of it

    def untold(self) -> list[tuple[str, str]]:
        """Builds in the plan whose write-up is not: (build, write-up). A write-up here is
        the piece of writing that builds on that build alone (the reproduction's post)."""
        out = []
        for w in self.units:
            if w.kind != "write" or w.occurrences is not None or w.priority not in ("core", "high"):
                continue  # (a one-off piece of writing the documents stress, only)
            pre = self.prerequisites(w.id)
            if (
                len(pre) == 1
                and pre[0] in self.parts
                and self.by_id[pre[0]].kind == "build"
                and w.id not in self.parts
                and w.id not in self.satisfied
                and w.id not in self.off_interest
            ):
                out.append((pre[0], w.id))
        return out

    def crowding_habit(self, build: str, write_up: str) -> str | None:
        """The least valuable writing habit running beside ``build`` that is nobody's must
        (not core, not a goal, not begun) and holds the hours its write-up needs there: the
        posts that give way so that the build gets its own (outreach or practice does not)."""
        # (read from the finished tasks: `parts` indices do not survive the repair)
        weeks: dict[str, list[tuple[int, int]]] = {}
        for t in self.tasks:
            weeks.setdefault(t.id.split("@", 1)[0], []).append((t.week, round(t.hours * CENTI)))
        start = min(w for w, _ in weeks.get(build, [(FOREVER, 0)]))
        need = self.by_id[write_up].size
        beside = [
            u
            for u in self.units
            if u.occurrences is not None
            and u.kind == "write"
            and u.id in weeks
            and not (u.goal or u.touched or u.priority == "core")
            and sum(h for w, h in weeks[u.id] if w >= start) >= need
        ]
        if not beside:
            return None
        return min(beside, key=lambda u: (self.density([u.id]), -u.order)).id

    def run(self) -> Placement:
        self.choose()
        self.timing()
        self.pack()
        self.repair()
        return Placement(self.tasks, self.left_out())


# The round's title, in a plan with a first shot at it ("your second shot" before stop 48;
# rv9: Anders's second shot is the same lab again months on, not the main round). Work done
# keeps the title it was done under; a replan titles the rest afresh.
SECOND_SHOT = " (after your first shot)"


def _first_week(planner: Planner, uid: str) -> int | None:
    """The first week ``uid`` (or an occurrence of it) has in the planner's tasks."""
    weeks = [t.week for t in planner.tasks if t.id.split("@", 1)[0] == uid]
    return min(weeks) if weeks else None


def _last_weeks(planner: Planner) -> dict[str, int]:
    """The last week each item has in the planner's tasks."""
    last: dict[str, int] = {}
    for t in planner.tasks:
        last[t.item_id] = max(last.get(t.item_id, 0), t.week)
    return last


def _working_weeks_to(planner: Planner, uid: str) -> int:
    """Weeks with time to work from the plan's first week to the week ``uid`` starts."""
    week = _first_week(planner, uid) or FOREVER
    return sum(
        1 for w in range(planner.first_week, min(week, planner.horizon + 1)) if planner.cap[w] > 0
    )


def _shot_on_time(planner: Planner, shot: str, policy: Policy) -> bool:
    """Does first shot ``shot`` go out soon enough after its couple of months (its
    `after_prep_weeks`, in calendar weeks), within `first_shot_late_weeks` of them?"""
    prep = planner.by_id[shot].after_prep_weeks or 0
    return _working_weeks_to(planner, shot) <= (
        math.ceil(prep * policy.prep_calendar_factor) + policy.first_shot_late_weeks
    )


def _round_is_late(planner: Planner, round_id: str, policy: Policy) -> bool:
    """Does ``round_id`` go out about as late as the six months of upskilling Anders warns
    against (`first_shot_round_weeks` working weeks or more before it)?"""
    if _first_week(planner, round_id) is None:
        return False
    return _working_weeks_to(planner, round_id) >= policy.first_shot_round_weeks


def _weeks_ahead(planner: Planner, shot: str, round_id: str) -> int | None:
    """Weeks from the first shot to the round it goes ahead of (None: the shot is not in)."""
    first = _first_week(planner, shot)
    if first is None:
        return None
    return (_first_week(planner, round_id) or FOREVER) - first


def _builds_first(planner: Planner, round_id: str, policy: Policy) -> list[str]:
    """The signature builds ``round_id`` waits for when no first shot goes ahead of it:
    those of someone ready from the start (whose round is not late for want of
    preparation); none for anyone else."""
    if _round_is_late(planner, round_id, policy) or not planner.ready_at_once(round_id):
        return []
    return [
        i
        for i in sorted(planner.chosen)
        if planner.by_id[i].goal and planner.by_id[i].kind == "build"
    ]


def _drop_unscheduled(planner: Planner, uid: str) -> None:
    """Take ``uid`` off the placement's list of work left out."""
    placement = planner.placement
    placement.unscheduled = [u for u in placement.unscheduled if u.id != uid]


def _goals_kept(before: Planner, after: Planner) -> bool:
    """Does ``after`` keep every signature goal that ``before`` has in the plan?"""
    return all(uid in after.parts for uid in before.parts if before.by_id[uid].goal)


def _longest_pause(planner: Planner) -> int:
    """The most working weeks between two parts of one piece of work (not a habit)."""
    weeks: dict[str, list[int]] = {}
    for t in planner.tasks:
        if "@" not in t.id:
            weeks.setdefault(t.id, []).append(t.week)
    longest = 0
    for parts in weeks.values():
        parts.sort()
        for a, b in itertools.pairwise(parts):
            longest = max(longest, sum(1 for w in range(a + 1, b) if planner.cap[w] > 0))
    return longest


def _worth_no_less(before: Planner, after: Planner) -> bool:
    """Does ``after`` keep every goal of ``before``, and is what it leaves out of
    ``before`` worth no more than what it takes in (rv45: the postdoc's transformer papers
    were read eight weeks before his GPT-2 build because holding them back let a 2 h review
    of his outreach go, though his mock loop and a reflection on his pull request came in)?"""
    if not _goals_kept(before, after):
        return False
    units = before.by_id
    lost = sum(units[i].value for i in set(before.parts) - set(after.parts))
    return lost <= sum(units[i].value for i in set(after.parts) - set(before.parts))


def _applications_no_later(
    before: Planner, after: Planner, but: str | None = None, slack: int = 1
) -> bool:
    """Does ``after`` send its first application no later than ``before``, and each of the
    applications of ``before`` at most ``slack`` weeks later (but round ``but`` and the
    applications that follow it, whose move is judged on its own)?"""
    moves = {but} if but else set()
    moves |= {a for a in before.parts if but and but in before.prerequisites(a)}
    sent = {
        a: _first_week(before, a)
        for a in before.parts
        if before.by_id[a].kind == "apply" and a not in moves
    }
    now = {
        a: _first_week(after, a)
        for a in after.parts
        if after.by_id[a].kind == "apply" and a not in moves
    }
    if any((now.get(a) or FOREVER) > (w or FOREVER) + slack for a, w in sent.items()):
        return False
    if but:  # (each within its slack is enough when a round waits on purpose)
        return True
    first = min((w for w in sent.values() if w is not None), default=FOREVER)
    return min((w for w in now.values() if w is not None), default=FOREVER) <= first


def _practice_before_its_applications(planner: Planner, held: Iterable[str]) -> bool:
    """Is each held-back item finished before every application that needs it or comes
    after it (review63: an undergraduate's mocks held back to the round went past her
    internship applications, which come after them too)?"""
    last = _last_weeks(planner)
    for a in last:
        u = planner.by_id[a]
        if u.kind != "apply":
            continue
        sent = _first_week(planner, a) or FOREVER
        for uid in held:
            needs = uid in u.after or uid in planner.prerequisites(a)
            if needs and last.get(uid, 0) >= sent:
                return False
    return True


def _kept_before(before: Planner, after: Planner, round_id: str) -> bool:
    """Is all that ``round_id`` needs or comes after, and that ``before`` finished before
    the round went out, still finished before it in ``after``? (All but a post the round
    does not wait for, `_post_only`: it may follow, as it may in any plan.)"""

    def done_first(planner: Planner) -> set[str]:
        sent = _first_week(planner, round_id) or FOREVER
        last = _last_weeks(planner)
        wanted = [*planner.prerequisites(round_id), *planner.by_id[round_id].after]
        return {a for a in wanted if last.get(a, FOREVER) < sent and not planner._post_only(a)}

    return done_first(before) <= done_first(after)


def _practice_held_back(planner: Planner, policy: Policy) -> dict[str, int]:
    """Interview practice (one-off, on the interviewing track) that the first application
    in the plan comes after, ended more than `practice_fresh_weeks` before it: each with
    the week it may start at the earliest, so that it ends just before that application."""
    weeks: dict[str, list[int]] = {}
    for t in planner.tasks:  # (the placed tasks: `parts` indexes them before the repair)
        weeks.setdefault(t.item_id, []).append(t.week)
    apps = [
        (min(w), uid)
        for uid, w in weeks.items()
        if planner.by_id[uid].kind == "apply" and planner.by_id[uid].roadmap == "interviewing"
    ]
    if not apps:
        return {}
    sent, first = min(apps)
    out: dict[str, int] = {}
    for uid in planner.before(first):
        u = planner.by_id[uid]
        if uid not in weeks or u.kind != "practice" or u.roadmap != "interviewing":
            continue
        if u.occurrences is not None:
            continue
        span = sorted(set(weeks[uid]))
        if sent - span[-1] > policy.practice_fresh_weeks:
            out[uid] = max(span[0], sent - policy.practice_fresh_weeks - len(span))
    return out


def _reading_held_back(planner: Planner, policy: Policy) -> dict[str, int]:
    """Reading (a one-off `learn` item that is not a course) that, of the work in the plan,
    only builds need first, ended more than `reading_fresh_weeks` before the first of them
    starts: each with the week it may start at the earliest, so that it ends just before."""
    weeks: dict[str, list[int]] = {}
    for t in planner.tasks:
        weeks.setdefault(t.item_id, []).append(t.week)
    users_of: dict[str, list[str]] = {}  # (what needs each placed item first, walked once)
    for b in weeks:
        for p in planner.prerequisites(b):
            users_of.setdefault(p, []).append(b)
    out: dict[str, int] = {}
    for uid, span in weeks.items():
        u = planner.by_id[uid]
        if u.kind != "learn" or u.occurrences is not None or planner._course(uid):
            continue
        users = users_of.get(uid, [])
        if not users or any(planner.by_id[b].kind != "build" for b in users):
            continue
        start = min(min(weeks[b]) for b in users)
        ends = max(span)
        if start - ends > policy.reading_fresh_weeks:
            out[uid] = max(min(span), start - len(set(span)) - 1)
    return out


def first_shot_rule(round_title: str, policy: Policy = POLICY) -> str:
    """Why a first shot at a round is not in a plan: the rule `place` applies, in words."""
    return (
        f"a first shot goes in only when “{round_title}”, prepared in full, would go out "
        f"{policy.first_shot_round_weeks} working weeks in or later (about four months, well "
        "past the couple of months of upskilling Anders advises), or when you have no basics "
        "left to learn and could apply within weeks on the record you have (before a build "
        "of yours the round waits for; if the shot cannot, the round itself goes out once that "
        "build is done), and only if it can then go out soon "
        f"after a couple of months (the round then waits at least {policy.first_shot_gap_weeks} "
        "weeks after it) without pushing a signature goal out of the plan; in this plan that "
        "round is your first shot"
    )


@gc_paused
def place(
    units: Sequence[Unit],
    profile: Profile,
    start: dt.date,
    *,
    horizon: int | None = None,
    first_week: int = 1,
    today: dt.date | None = None,
    used: Mapping[int, int] | None = None,
    tasks_used: Mapping[int, int] | None = None,
    satisfied: Iterable[str] = (),
    finished: Mapping[str, int] | None = None,
    policy: Policy = POLICY,
) -> Placement:
    """Place ``units`` into weeks ``first_week..horizon`` of a plan starting on ``start``.

    ``used`` is hundredths of an hour already taken in a week, ``tasks_used`` the number of
    tasks already there (work a replan keeps); ``satisfied`` are ids that count as finished.

    The weekly ML going on to the signature build (`Policy.build_thread_coding`) is kept
    only where it costs the plan nothing it had without it (`_build_pays`): review65 found
    fuzzed profiles whose round or signature goal it pushed out or months later.
    """
    args = (units, profile, start)
    kwargs: dict[str, Any] = {
        "horizon": horizon,
        "first_week": first_week,
        "today": today,
        "used": used,
        "tasks_used": tasks_used,
        "satisfied": tuple(satisfied),
        "finished": finished,
    }
    built = _place(*args, policy=policy, **kwargs)
    if built.build_thread_used:
        plain = _place(*args, policy=replace(policy, build_thread_coding=NEVER), **kwargs)
        if not _build_pays(plain, built, policy):
            return plain.placement
    return built.placement


NEVER = 99  # (a rating no one has: `place` without the weekly ML going on to the build)


def _build_pays(plain: Planner, built: Planner, policy: Policy) -> bool:
    """Does the plan with the weekly ML going on to the signature build keep what the plan
    without it has: every signature goal and application (a first shot too), each round at
    most `build_wait_weeks` later (a first shot, or a programme application that goes out
    on its own, may wait for the build: that is the point, c65gdata, c65gback), and nothing
    late?"""
    if built.late or not _goals_kept(plain, built):
        return False
    builds = [
        g
        for g in plain.parts
        if plain.by_id[g].goal and plain.by_id[g].kind == "build" and g in built.parts
    ]
    # (a round waits only for a build that comes sooner for it: review65 found rounds
    # later by weeks with the build in the same weeks)
    gained = any((_first_week(built, g) or 0) < (_first_week(plain, g) or 0) for g in builds)
    wait = policy.build_wait_weeks if gained else 0
    for uid in plain.parts:
        u = plain.by_id[uid]
        if u.kind != "apply" or u.occurrences is not None:  # (not the weekly applying after)
            continue
        was, now = _first_week(plain, uid), _first_week(built, uid)
        if now is None:
            return False
        round_ = u.after_prep_weeks is not None and u.first_shot_for is None
        if round_ and was is not None and now > was + wait:
            return False
    return True


def _place(
    units: Sequence[Unit],
    profile: Profile,
    start: dt.date,
    *,
    horizon: int | None = None,
    first_week: int = 1,
    today: dt.date | None = None,
    used: Mapping[int, int] | None = None,
    tasks_used: Mapping[int, int] | None = None,
    satisfied: Iterable[str] = (),
    finished: Mapping[str, int] | None = None,
    policy: Policy = POLICY,
) -> Planner:
    """`place`, once: the planner of the plan it settles on."""
    capacity = week_hours(profile, start, horizon or profile.weeks, today, policy)

    slack = policy.deadline_slack_weeks
    # Hands-on ML every week (`Planner.ml_thread`), unless it costs a first shot (below)
    thread = profile.rating("coding") >= policy.ml_thread_coding
    # ... going on to the signature build for someone who codes routinely, unless that costs
    # the first shot (then the weekly ML stops at ARENA's notebooks, as before)
    on_to_build = profile.rating("coding") >= policy.build_thread_coding
    shown: frozenset[str] = frozenset()  # builds a round waits for (see below)

    def attempt(
        order_for_deadlines: bool,
        held_back: Mapping[str, str] | None = None,
        not_before: Mapping[str, int] | None = None,
        waits: Mapping[str, Sequence[str]] | None = None,
    ) -> Planner:
        copies = [u.copy() for u in units]  # the phases change their own copies
        for u in copies:
            if not_before and u.id in not_before:
                u.earliest_week = max(u.earliest_week, not_before[u.id])
            if waits and u.id in waits:  # (what it comes after, in this attempt only)
                u.after = [*u.after, *(w for w in waits[u.id] if w not in u.after)]
        planner = Planner(
            copies,
            capacity,
            budget=float(profile.hours_per_week),
            first_week=first_week,
            used=used,
            tasks_used=tasks_used,
            satisfied=satisfied,
            finished=finished,
            policy=replace(policy, deadline_slack_weeks=slack),
            order_for_deadlines=order_for_deadlines,
            held_back=held_back,
            quick=profile.quick,
            drills_for_the_work=profile.target_role in policy.drills_for_the_work,
            ml_thread=thread,
            shown_builds=shown,
            build_thread=thread and on_to_build,
        )
        planner.placement = planner.run()
        return planner

    # A first shot at a round (`first_shot_for`) is held back unless that round comes late.
    shots = {u.id: u.first_shot_for for u in units if u.first_shot_for is not None}
    kept_shots = {u.id for u in units if u.first_shot_for is not None and u.first_shot_kept}
    held = {shot: "" for shot in shots if shot not in kept_shots}
    holds: dict[str, int] = {}  # a round's earliest week, a few months after its shot
    waits: dict[str, Sequence[str]] = {}  # a shot's wait for the build it goes out with

    def made() -> Planner:
        """The plan in order; a deadline missed for the sake of order: order yields, once."""
        first = attempt(True, held)
        return attempt(False, held) if first.late else first

    planner = made()
    # ... and a deadline still missed (its work began just in time, and a short first week
    # or a busy month made it late): the deadline's work starts a few weeks earlier
    kept_slack = slack
    for extra in (2, 4, 6):
        if not planner.late:
            break
        slack = policy.deadline_slack_weeks + extra
        again = made()
        if len(again.late) < len(planner.late):
            planner, kept_slack = again, slack
    slack = kept_slack  # (the attempts below start the deadline's work as this one did)

    def closest(
        planner: Planner,
        trial_holds: dict[str, int],
        holds: dict[str, int],
        shot: str,
        round_id: str,
        trial: Mapping[str, str],
    ) -> tuple[Planner, dict[str, int]]:
        """The round held back no longer than the gap after its shot: a shot that came late
        in a first try (after its round) and went out sooner once the round waited does not
        keep the round waiting for the late week."""
        sent = _first_week(planner, shot)
        gap = policy.first_shot_gap_weeks
        if sent is None or trial_holds.get(round_id, 0) <= sent + gap:
            return planner, trial_holds
        closer = {**holds, round_id: sent + gap}
        nearer = attempt(planner.order_for_deadlines, trial, closer, waits)
        ahead = _weeks_ahead(nearer, shot, round_id)
        if (
            ahead is not None
            and ahead >= gap
            and _first_week(nearer, shot) == sent
            and not nearer.late
        ):
            return nearer, closer
        return planner, trial_holds

    # A shot already decided (kept by a replan) goes out as in a new plan, with what the
    # person has (someone ready from the start sends it before their build, cmp134, cmp135),
    # and holds its round back the same few months.
    def settle(
        planner: Planner, holds: dict[str, int], shot: str, round_id: str
    ) -> tuple[Planner, dict[str, int]]:
        """The plan with kept shot ``shot`` well ahead of its round (the round waits)."""
        before = holds
        sent, ahead = _first_week(planner, shot), _weeks_ahead(planner, shot, round_id)
        for _ in range(3):  # the shot itself may move a week when the round waits
            # (no round in the plan: `ahead` is past any gap)
            if ahead is None or sent is None or ahead >= policy.first_shot_gap_weeks:
                break
            trial_holds = {**holds, round_id: sent + policy.first_shot_gap_weeks}
            again = attempt(planner.order_for_deadlines, held, trial_holds, waits)
            if again.late:
                break
            planner, holds = again, trial_holds
            sent, ahead = _first_week(planner, shot), _weeks_ahead(planner, shot, round_id)
        return closest(planner, holds, before, shot, round_id, held)

    for shot, round_id in shots.items():
        if shot not in kept_shots:
            continue
        settled = settle(planner, holds, shot, round_id)
        if thread and on_to_build and not _shot_on_time(settled[0], shot, policy):
            on_to_build = False  # (the weekly ML stops at the notebooks, as in `shoot` below)
            unbuilt = settle(made(), holds, shot, round_id)
            if _shot_on_time(unbuilt[0], shot, policy) and not unbuilt[0].late:
                settled = unbuilt
            else:
                on_to_build = True
        if thread and not _shot_on_time(settled[0], shot, policy):
            # ... without the weekly ML, if that is how a new plan sent it on time (`shoot`)
            thread = False
            unthreaded = settle(made(), holds, shot, round_id)
            if _shot_on_time(unthreaded[0], shot, policy) and not unthreaded[0].late:
                settled = unthreaded
            else:
                thread = True
        planner, holds = settled

    # "Spend a couple of months upskilling and then apply, and if it doesn't work out, come
    # back again in a few months" (Anders): when the round, prepared in full, would go out
    # close to six months in, a first shot goes out after the couple of months, with what is
    # done, and the round, a few months on, is the second; if the shot cannot go out soon
    # after those months and well before the round, or costs the plan a deadline or a
    # signature goal, the round is the first shot after all.
    def shoot(
        planner: Planner,
        shot: str,
        round_id: str,
        trial: Mapping[str, str],
        holds: dict[str, int],
        waits: Mapping[str, Sequence[str]],
    ) -> tuple[Planner, dict[str, int]] | None:
        """The plan with the first shot in it (with ``waits``) and its round's holds; None
        if the shot would go out too late, too close to its round, or cost a deadline or a
        signature goal."""
        again = attempt(planner.order_for_deadlines, trial, holds, waits)
        ahead = _weeks_ahead(again, shot, round_id)
        sent = _first_week(again, shot)
        trial_holds = holds
        for _ in range(3):  # (the shot itself may move a week when the round waits)
            if ahead is None or sent is None or ahead >= policy.first_shot_gap_weeks:
                break
            # "... and if it doesn't work out, come back again in a few months": the
            # round, now the second shot, waits that long after the first
            trial_holds = {**holds, round_id: sent + policy.first_shot_gap_weeks}
            again = attempt(planner.order_for_deadlines, trial, trial_holds, waits)
            ahead, sent = _weeks_ahead(again, shot, round_id), _first_week(again, shot)
        again, trial_holds = closest(again, trial_holds, holds, shot, round_id, trial)
        ahead = _weeks_ahead(again, shot, round_id)
        on_time = _shot_on_time(again, shot, policy)
        # ... and not with a signature goal: each stays in the plan
        own_kept = _goals_kept(planner, again)
        if (
            ahead is not None
            and ahead >= policy.first_shot_gap_weeks
            and _first_week(again, round_id) is not None  # (the round it goes ahead of stays)
            and on_time
            and own_kept
            and not again.late
        ):
            return again, trial_holds
        return None

    for shot, round_id in shots.items():
        if shot in kept_shots:
            continue
        # ... and so does someone ready from the start (no basics left, the round released in
        # the first weeks), whose round waits for their signature build: a first wave with
        # what they have, before the build (cmp45, cmp46: both reviewers for the shot in week
        # 8; rv23, rv23b, rv24, rv24b: every full review asked the strong engineer's first
        # applications into the first month; cmp134, cmp135: both for his shot in week 8 and
        # his round in weeks 14-15, after his capstone, over no shot and the round in weeks
        # 13-14). (Until stop 54 the shot waited for the build, cmp49 to cmp52.)
        late = _round_is_late(planner, round_id, policy)
        if not late and not planner.ready_at_once(round_id):
            continue
        if _first_week(planner, round_id) is None:  # (a shot at a round the plan cannot hold
            continue  # is no first shot: a five-week plan with no room for the round)
        trial = {k: v for k, v in held.items() if k != shot}
        tried = shoot(planner, shot, round_id, trial, holds, waits)
        if tried is None and thread and on_to_build:
            # ... first without going on to the signature build: the notebooks, then the
            # shot, then the build (the 10 h data scientist's shot in week 20 otherwise)
            on_to_build = False
            tried = shoot(planner, shot, round_id, trial, holds, waits)
            on_to_build = tried is None
        if tried is None and thread:
            # ... and a first shot the weekly ML pushed too late goes out without it: "a
            # couple of months, then apply" comes first (the evenings engineer at ten hours
            # a week lost his shot in week 16 to ARENA's notebooks in weeks 12-15); the
            # attempts read `thread` when they run
            thread = False
            tried = shoot(planner, shot, round_id, trial, holds, waits)
            thread = tried is None
        if tried is not None:
            planner, held, holds = tried[0], trial, tried[1]
            continue
        builds = _builds_first(planner, round_id, policy)
        if not late and builds:
            # If no shot can go out on time, someone ready from the start sends the round
            # itself once that build is done, with everything, not a late first wave and the
            # round six weeks on (rv14, rv14b: the strong engineer "waits until week 11" and
            # his round until week 17; cmp101, cmp102: both for his round in weeks 13-14, with
            # no shot before it)
            again = attempt(planner.order_for_deadlines, held, holds, {**waits, round_id: builds})
            own_kept = _goals_kept(planner, again)
            if own_kept and not again.late and _first_week(again, round_id) is not None:
                planner, waits = again, {**waits, round_id: builds}
    # A build the person's interest asks for (GPT-2, for a researcher drawn to
    # interpretability: Anders's "if nothing else ... build gpt-2 from scratch"), which the
    # main round would like done first and goes out without: the round waits for it as for a
    # signature goal, if that sends it at most `interest_build_wait_weeks` later and keeps
    # the rest (c63: the biology postdoc's round in week 47, not 44, with GPT-2 before it;
    # the CS postdoc's would have gone from week 20 to 25 of 26: she keeps hers)
    rounds = [u.id for u in units if u.after_prep_weeks is not None and u.kind == "apply"]
    for round_id in rounds:
        sent = _first_week(planner, round_id)
        if sent is None:
            continue
        liked = [
            u.id
            for u in planner.units
            if u.liked
            and u.kind == "build"
            and u.occurrences is None
            and not u.goal
            and u.id in planner.by_id[round_id].after
            and (_first_week(planner, u.id) or 0) >= sent  # (in the plan, after the round)
        ]
        if not liked:
            continue
        before, shown = shown, shown | frozenset(liked)  # (`attempt` reads `shown`)
        again = attempt(planner.order_for_deadlines, held, holds, waits)
        moved = (_first_week(again, round_id) or FOREVER) - sent
        last = _last_weeks(again)
        built = all(last.get(b, FOREVER) < (_first_week(again, round_id) or 0) for b in liked)
        # ... and nothing else pays for it: no other application later, nothing the round had
        # before it after it, nothing of more worth out of the plan, no longer pause (review63:
        # a GPT-2 that had not fitted at all came in and a programme application went from
        # week 12 to 28; a first post the round had went after it)
        if (
            built
            and moved <= policy.interest_build_wait_weeks
            and _worth_no_less(planner, again)
            and _applications_no_later(planner, again, but=round_id, slack=moved + 1)
            and _kept_before(planner, again, round_id)
            and _longest_pause(again) <= max(_longest_pause(planner), MAX_PAUSE_WEEKS)
            and not again.late
        ):
            planner = again
        else:
            shown = before
    # Interview practice that an application comes after, done months before it, is fresh
    # for none of it: it is held back to the weeks just before the application, if that
    # sends nothing later and keeps the plan whole (rv12b, rv14, rv15b: the ML engineer's
    # mocks in weeks 1-5, his infrastructure applications in weeks 8-9; cmp111, cmp112: six
    # verdicts of eight for, the evenings engineer's mocks in weeks 35-36, not 27-28, before
    # his round in week 37).
    # ... or, if holding all of it back does send something later, as much of it as does
    # not, one piece at a time (c63: the evenings engineer's mocks and ML questions together
    # sent his round from week 35 to 37; his mocks alone, to weeks 32-33, send it nothing later)
    late_practice = _practice_held_back(planner, policy)
    pieces = [late_practice]
    if len(late_practice) > 1:
        pieces += [{uid: week} for uid, week in sorted(late_practice.items())]
    # (each piece is judged against the plan before any was held back, so that the pieces
    # cannot add up to the whole that was refused, review63; and none goes after another
    # application that comes after it)
    base = planner
    for piece in pieces if late_practice else []:
        trial_holds = {**holds, **piece}
        again = attempt(planner.order_for_deadlines, held, trial_holds, waits)
        whole = set(base.parts) <= set(again.parts)
        paused = _longest_pause(again) > max(_longest_pause(base), MAX_PAUSE_WEEKS)
        gaps = all(  # (a first shot held back a week stays months ahead of its round)
            (_weeks_ahead(again, shot, r) or FOREVER) >= policy.first_shot_gap_weeks
            for shot, r in shots.items()
        )
        if (
            whole
            and gaps
            and _applications_no_later(base, again)
            and _practice_before_its_applications(again, [*piece, *set(holds) & set(late_practice)])
            and not again.late
            and not paused
        ):
            planner, holds = again, trial_holds
            if piece is late_practice:
                break
    # Reading a build stands on, done months before the build, is stale by the time it is
    # used: it is held back to the weeks just before the build, if the build starts no later,
    # no application goes later and what leaves the plan is worth no more than what comes in
    # (`_worth_no_less`; rv42: the data scientist read the transformer papers in weeks 11-12
    # and began GPT-2 in week 20, against the papers' own "read them before or as you start
    # it")).
    reading = _reading_held_back(planner, policy)
    if reading:
        trial_holds = {**holds, **reading}
        again = attempt(planner.order_for_deadlines, held, trial_holds, waits)
        served = [b for b in planner.parts if set(reading) & set(planner.prerequisites(b))]
        if (
            _worth_no_less(planner, again)
            and _applications_no_later(planner, again)
            and all(
                (_first_week(again, b) or FOREVER) <= (_first_week(planner, b) or FOREVER)
                for b in served
            )
            and not again.late
            and _longest_pause(again) <= max(_longest_pause(planner), MAX_PAUSE_WEEKS)
        ):
            planner, holds = again, trial_holds
    # A build whose write-up did not fit (the reproduction without its post): a writing habit
    # that ran beside it gives way, once, if that lets the write-up in and nothing else out
    # ("Blogging and open-sourcing your code is a great way to build up a portfolio", Gleave).
    for build, write_up in planner.untold()[:1]:
        habit = planner.crowding_habit(build, write_up)
        if habit is None:
            continue
        again = attempt(
            planner.order_for_deadlines,
            {**held, habit: f"its weeks go to finishing {build} and writing it up ({write_up})"},
            holds,
            waits,
        )
        kept = set(planner.parts) - {habit}  # ... and nothing else gives way with it
        if write_up in again.parts and kept <= set(again.parts) and not again.late:
            planner = again
    # A title said for a plan that holds another item (the short report's submission, which
    # may go out on the person's own site) is its title once that item is in the plan.
    for t in planner.tasks:
        for other, said in planner.by_id[t.id.split("@", 1)[0]].title_with.items():
            if other in planner.parts:
                t.title = said
                break
    for shot, round_id in shots.items():
        if shot in held:  # not work left out, but a rule that did not apply: `explain` says it
            _drop_unscheduled(planner, shot)
            for uid, its_shot in planner.after_shot.items():  # (and what would follow it)
                if its_shot == shot:
                    _drop_unscheduled(planner, uid)
        elif shot in planner.parts:  # the round is no longer the person's first
            for t in planner.tasks:
                if t.id.split("@", 1)[0] == round_id and not t.title.endswith(SECOND_SHOT):
                    t.title += SECOND_SHOT
    # (a plan whose build thread found no signature ML build to go on to is the plain one)
    planner.build_thread_used = planner.build_thread and bool(planner._goal_chain)
    return planner


@gc_paused
def build_plan(
    profile: Profile,
    catalog: Catalog,
    start: dt.date,
    today: dt.date | None = None,
    policy: Policy = POLICY,
) -> Plan:
    """The plan for ``profile`` from ``catalog``, starting on ``start`` (pure and deterministic).

    ``today``, when it falls inside the first week, leaves out the days already gone.
    """
    selection = candidates(profile, catalog, start, policy)
    placed = place(
        selection.units,
        profile,
        start,
        today=today if today is not None and today > start else None,
        satisfied=selection.known,
        policy=policy,
    )
    return Plan(
        profile=profile.replace(start_date=start),
        tasks=placed.tasks,
        unscheduled=placed.unscheduled,
    )
