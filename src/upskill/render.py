"""Rendering: rich tables and plain data shapes for JSON output."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from upskill.schema import SHORT_RUNWAY_MONTHS

if TYPE_CHECKING:  # roadmaps bring pydantic: only the commands that show roadmaps load it
    from upskill.roadmaps import Catalog

# Control characters (C0 but tab and newline, DEL, C1): in a title they could clear the
# screen, rewrite the clipboard (OSC 52) or fake a link (OSC 8) when printed. Roadmaps are
# shared and plans edited by hand, so their text is untrusted; it is cleaned on output (the
# files keep exactly what was written).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean(text: str, *, one_line: bool = False) -> str:
    """``text`` without control characters; ``one_line`` also turns tabs and newlines to spaces."""
    if one_line:
        return _CONTROL_OR_BREAK.sub(lambda m: " " if m.group() in "\t\n" else "", text)
    return _CONTROL.sub("", text)


def json_text(data: object) -> str:
    """JSON for a terminal as much as for a script: every control character escaped.

    json escapes C0 characters itself; DEL and C1 (which some terminals obey) are escaped
    here too, which JSON readers decode to the same text.
    """
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _DEL_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


_DEL_C1 = re.compile("[\x7f-\x9f]")
_console_class: Any = None


def safe_console(**options: Any) -> Any:
    """A rich Console that prints text as text: no markup or emoji codes, no control characters.

    Every string rich renders (``print`` arguments, table cells and titles) goes through
    ``render_str``, which is where it is cleaned; ``rich.text.Text`` built here is cleaned
    where it is made.
    """
    global _console_class
    if _console_class is None:
        from rich.console import Console

        class SafeConsole(Console):
            def render_str(self, text: str, *args: Any, **kwargs: Any) -> Any:
                return super().render_str(clean(text), *args, **kwargs)

        _console_class = SafeConsole
    options = {"highlight": False, "markup": False, "emoji": False, **options}
    return _console_class(**options)


def item_hours(hours: float, repeat: int | None) -> float:
    """An item's total hours: a recurring one counts every week it recurs."""
    return hours * (repeat or 1)


def roadmap_hours(roadmap: Any) -> float:
    return round(sum(item_hours(i.hours, i.repeat) for i in roadmap.items), 2)


def roadmap_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per roadmap: id, title, item count, total hours, where it came from."""
    return [
        {
            "id": r.id,
            "title": r.title,
            "items": len(r.items),
            "hours": roadmap_hours(r),
            "origin": catalog.origin.get(r.id, ""),
        }
        for r in catalog.roadmaps.values()
    ]


def prerequisite_order(catalog: Catalog, roadmap_id: str) -> list[str]:
    """The roadmap's item ids, each after its in-roadmap prerequisites, else in file order.

    A depth-first walk with its own stack: a chain of prerequisites thousands deep is a
    valid roadmap and must not exhaust Python's recursion limit.
    """
    roadmap = catalog.roadmaps[roadmap_id]
    ids = [f"{roadmap_id}.{i.id}" for i in roadmap.items]
    members = set(ids)
    placed: set[str] = set()
    out: list[str] = []
    for root in ids:
        if root in placed:
            continue
        placed.add(root)
        stack = [(root, iter(catalog.prerequisites(root)))]
        while stack:
            node, pending = stack[-1]
            for p in pending:
                if p in members and p not in placed:
                    placed.add(p)
                    stack.append((p, iter(catalog.prerequisites(p))))
                    break
            else:
                stack.pop()
                out.append(node)
    return out


def roadmap_detail(catalog: Catalog, roadmap_id: str) -> dict[str, Any]:
    roadmap = catalog.roadmaps[roadmap_id]
    items = []
    for full in prerequisite_order(catalog, roadmap_id):
        item = catalog.items[full]
        data = item.model_dump(mode="json", exclude_none=True)
        data["id"] = full
        items.append(data)
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "description": roadmap.description,
        "origin": catalog.origin.get(roadmap.id, ""),
        "items": items,
    }


def roadmaps_table(console: Any, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Roadmaps", title_justify="left")
    table.add_column("id", style="bold")
    table.add_column("title")
    table.add_column("items", justify="right")
    table.add_column("hours", justify="right")
    for row in rows:
        table.add_row(row["id"], row["title"], str(row["items"]), f"{row['hours']:g}")
    console.print(table)
    console.print(
        f"{len(rows)} roadmaps, {sum(r['items'] for r in rows)} items, "
        f"{sum(r['hours'] for r in rows):g} hours. `upskill roadmaps show ID` for the items."
    )


def roadmap_table(console: Any, data: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(title=f"{data['title']} ({data['id']})", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("item", style="bold", overflow="fold")
    table.add_column("title")
    table.add_column("kind")
    table.add_column("hours", justify="right")
    table.add_column("level")
    table.add_column("needs", overflow="fold")
    for n, item in enumerate(data["items"], 1):
        hours = f"{item['hours']:g}" + (f" ×{item['repeat']}" if item.get("repeat") else "")
        level = (
            f"{item['skill']} < {item['level']}"
            if item.get("skill") and item.get("level")
            else "all"
        )
        table.add_row(
            str(n),
            item["id"].split(".", 1)[1],
            item["title"],
            item["kind"],
            hours,
            level,
            ", ".join(item.get("prerequisites", [])),
        )
    if data.get("description"):
        console.print(data["description"])
    console.print(table)


STATUS_MARK = {"todo": "☐ todo", "done": "☑ done", "skipped": "– skipped"}


@dataclass(frozen=True)
class Detail:
    """What `plan --details` and the markdown export show under a task."""

    done_when: str
    link: tuple[str, str] | None  # (title, url) of the first resource
    steps: tuple[str, ...] = ()  # the work in order, in roughly equal chunks
    tags: tuple[str, ...] = ()  # the interests it serves
    for_you: str | None = None  # how to point it at the person's interests
    title: str = ""
    source: str = ""  # the documents the advice comes from
    more: tuple[tuple[str, str], ...] = ()  # the other resources, said at the item's first task
    follows: tuple[str, ...] = ()  # what it is timed from (a follow-up a week after the asks)
    wait: int = 0  # ... and how many weeks after it
    topic: str | None = None  # a recurring item's subject in this occurrence's week
    beyond: str | None = None  # what the item adds beyond the documents, if anything
    topics_held: str | None = None  # which of its weekly topics the plan holds, by name

    def links_at(self, first: bool) -> list[tuple[str, str]]:
        """The resources to link under a task: every one where the item begins (``first``),
        the first one after."""
        links = [self.link] if self.link else []
        return links + list(self.more) if first else links


def plan_details(catalog: Any, plan: Any) -> dict[str, Detail]:
    """`details` of every task and left-out item of ``plan``, as said to its person."""
    ids = task_and_left_out_ids(plan)
    profile = plan.profile
    covered = covered_in(catalog, plan)
    out = details(
        catalog,
        ids,
        profile.interests,
        profile.background,
        profile.quick,
        profile.target_role,
        covered,
        profile.runway_months,
        frozenset(t.item_id for t in plan.tasks),
    )
    held: dict[str, str | None] = {}  # (said where the item begins: its first task)
    for t in plan.tasks:
        item = catalog.items.get(t.item_id)
        if t.id in out and item is not None and item.topics:
            if t.item_id not in held:
                held[t.item_id] = topics_held(plan, t.item_id, item, covered)
            out[t.id] = replace(out[t.id], topics_held=held[t.item_id])
    return out


def topics_held(plan: Any, item_id: str, item: Any, covered: frozenset[str]) -> str | None:
    """Which of a recurring item's weekly topics ``plan`` holds, by name, and how many of
    them did not fit: a plan that keeps the course to four of its ten weeks names those four
    (text audit 7: "one a week, from a list of ten" sent the reader looking for six more)."""
    topics = [t for t in item.topics if t not in covered]
    numbers = {
        int(number)
        for t in plan.tasks
        if t.item_id == item_id and (number := t.id.rpartition("@")[2]).isdigit()
    }
    held = [k for k in sorted(numbers) if 1 <= k <= len(topics)]
    if not held:
        return None
    names = topic_names(topics)
    shown = ", ".join(names[k - 1] for k in held)
    # Counted in weeks, as "Did not fit" counts what is left of it there (text audit 11,
    # finding 9: "11 of its 14 weekly topics; the other 3 are under 'Did not fit'" beside
    # "2 h x 5 weeks" there): the weeks this habit has for the person (its share for their
    # role) are those in the plan and those left out; topics past them are in no week at all
    # (text audit 10: "the other 11 are under 'Did not fit'" beside "kept to 5 of its 8").
    left = sum(1 for u in plan.unscheduled if u.id.split("@", 1)[0] == item_id)
    weeks = len(numbers) + left
    others = "its other week is" if left == 1 else f"its other {left} weeks are"
    if len(held) == len(topics):
        said = f"All {len(topics)} of its weekly topics are in your plan, one a week: {shown}"
        return f'{said}; {others} under "Did not fit".' if left else f"{said}."
    rest = len(topics) - len(held)
    if weeks >= len(topics) and left:
        said = f"{len(numbers)} of its {weeks} weeks are in your plan, one topic a week: {shown}"
        others = "its other week" if left == 1 else f"its other {left} weeks"
        with_ = "the topic left" if rest == 1 else f"the {rest} topics left"
        return (
            f'{said}; {others}, with {with_}, {"is" if left == 1 else "are"} under "Did not fit".'
        )
    # The topics, the weeks in the plan and the weeks left out, one count to a clause (text
    # audit 12, finding 16: "It has 16 weekly topics and 8 weeks for you, 4 of them in your
    # plan, ..." packed three counts into one sentence).
    past = len(topics) - weeks
    in_order = held == list(range(1, len(held) + 1))
    which = f"the first {len(held)}" if in_order else f"{len(held)} of them"
    said = f"It has {len(topics)} weekly topics, one a week. Your plan does {which}: {shown}."
    last = (
        ("its last topic" if past == 1 else f"its last {past} topics")
        if in_order
        else ("1 more topic" if past == 1 else f"{past} more topics")
    )
    come = "comes" if past == 1 else "come"
    if left:
        week_s = "week is" if left == 1 else f"{left} weeks are"
        return (
            f'{said} Its {"next" if in_order else "other"} {week_s} under "Did not fit", and '
            f"{last} {come} after {'it' if left == 1 else 'those'}."
        )
    return f"{said} {last[0].upper()}{last[1:]} {come} after those weeks."


def topic_names(topics: Sequence[str]) -> list[str]:
    """Short names of weekly topics, to list in a sentence: the words before any
    explanation ("Hashing: how hash tables work" is "hashing"), or what follows a heading
    they all share ("Top Interview 150 section: Heap" is "Heap")."""
    heading = topics[0].split(": ", 1)[0] + ": " if topics else ""
    if len(topics) > 1 and all(t.startswith(heading) for t in topics):
        return [t[len(heading) :] for t in topics]
    names = []
    for topic in topics:
        cuts = [i for i in (topic.find(x) for x in (": ", ", ", " (")) if i > 0]
        name = topic[: min(cuts)] if cuts else topic
        first = name.split(" ", 1)[0]
        if first[1:] == first[1:].lower():  # "Dropout" reads on as "dropout"; "LoRA" stays
            name = name[0].lower() + name[1:]
        names.append(name)
    return names


def covered_in(catalog: Any, plan: Any) -> frozenset[str]:
    """The weekly topics that work in ``plan`` already covers (its arrays-and-strings drill
    covers the weekly problems' Array / String section), which the weekly item skips."""
    return frozenset(
        topic
        for item_id in {t.item_id for t in plan.tasks}
        if (item := catalog.items.get(item_id)) is not None
        for topic in item.covers
    )


def details(
    catalog: Any,
    ids: list[str],
    interests: Sequence[str] = (),
    background: str = "",
    quick: bool = False,
    role: str = "",
    covered: frozenset[str] = frozenset(),
    runway: float | None = None,
    held: frozenset[str] = frozenset(),
) -> dict[str, Detail]:
    """Finish line and resources of each item id the catalog knows, as said to the
    person's ``background``, ``interests`` (and how to point it at those interests), target
    ``role`` and ``runway`` (months of money, if given), in its quick version in a very short
    plan, and as said in a plan that holds the items ``held``."""
    from upskill.planner import POLICY  # (the catalog is loaded by now: no start-up cost)

    out: dict[str, Detail] = {}
    for tid in ids:
        item_id = tid.split("@", 1)[0]
        item = catalog.items.get(item_id)
        if item is None:
            continue
        resources = item.resources_for(interests, role)
        link = (resources[0].title, resources[0].url) if resources else None
        # (a quick version is its own small step: the full version's steps are not its)
        steps = () if quick and item.quick_hours is not None else tuple(item.steps)
        tags = tuple(item.tags)
        done_when = item.done_when_for(background, quick, role, runway, held)
        more = tuple((r.title, r.url) for r in resources[1:])
        # (work timed this close after what it follows is a follow-up, as the planner says)
        timed = bool(item.wait_weeks) and item.wait_weeks <= POLICY.follow_wait_weeks
        out[tid] = Detail(
            done_when,
            link,
            steps,
            tags,
            item.for_these(interests),
            item.title_for(quick, held),
            item.source,
            more,
            tuple(catalog.prerequisites(item_id)) if timed else (),
            (item.wait_weeks or 0) if timed else 0,
            topic_of(item, tid, covered) or _past_the_topics(item, tid, covered),
            item.beyond_for(background),
        )
    return out


def topic_of(item: Any, task_id: str, covered: frozenset[str] = frozenset()) -> str | None:
    """The subject of occurrence ``task_id`` ("x@3": the third) of a recurring item with
    weekly topics, if it has one; topics other work in the plan covers are skipped."""
    number = task_id.rpartition("@")[2]
    if not item.topics or not number.isdigit():
        return None
    k = int(number)
    topics = [t for t in item.topics if t not in covered] if covered else item.topics
    return topics[k - 1] if 1 <= k <= len(topics) else None


PAST_THE_TOPICS = (
    "Go back to the topic you found hardest (your log shows where you missed most): each "
    "one in your plan has had its week"
)


def _past_the_topics(item: Any, task_id: str, covered: frozenset[str]) -> str | None:
    """What an occurrence of a recurring item with weekly topics does once all of them have
    had their week (text audit 10: two weeks of interview problems with no section named,
    the rule for them cut off in the finish line)."""
    number = task_id.rpartition("@")[2]
    if not item.topics or not number.isdigit():
        return None
    left = [t for t in item.topics if t not in covered]
    return PAST_THE_TOPICS if int(number) > len(left) else None


def back_from_time_off(plan: Any, t: Any, detail: Detail) -> str | None:
    """For a follow-up pushed past its wait by time off in between (the reminder "a week
    after your first messages" with the holidays after them), when to do it instead."""
    if not detail.wait:
        return None
    weeks = [u.week for u in plan.tasks if u.item_id in detail.follows and u.week < t.week]
    if not weeks:
        return None
    sent = max(weeks)
    if t.week <= sent + detail.wait:
        return None
    if not all(plan.budget(n) <= 0 for n in range(sent + detail.wait, t.week)):
        return None  # (late for another reason than the time off)
    return f"Your time off falls after week {sent}: do this in your first week back."


def first_tasks(plan: Any) -> set[int]:
    """The first task the plan holds of each item (a habit's first week, a split item's
    first part), by ``id``: advice for the whole item is said there, once."""
    seen: dict[str, int] = {}
    for t in plan.tasks:
        seen.setdefault(t.item_id, id(t))
    return set(seen.values())


MAX_AIMED = 4  # projects aimed at an interest, named beside the work tagged with it


def _spans(plan: Any) -> dict[str, tuple[int, int, str]]:
    """Each item's first and last week in the plan, with its title: an item's weeks are said
    the same way everywhere at the top of the plan (text audit 10: "(weeks 3–6)", "week 6"
    and "(week 3)" for one application read as a contradiction)."""
    spans: dict[str, tuple[int, int, str]] = {}
    for t in plan.tasks:
        if t.status == "skipped":
            continue
        first, last, title = spans.get(t.item_id, (t.week, t.week, t.title))
        spans[t.item_id] = (min(first, t.week), max(last, t.week), title)
    return spans


def _interest_name(interest: str) -> str:
    """An interest as a person says it: "llms" is "large language models"."""
    from upskill.schema import INTEREST_NAMES

    return INTEREST_NAMES.get(interest.lower(), interest.replace("-", " "))


def interest_lines(plan: Any, info: Mapping[str, Detail]) -> list[str]:
    """For each of the person's interests, by name, the work in the plan on it and the tasks
    pointed at it, with their weeks, or that nothing in the plan is about it (and what did
    not fit, if anything); interests served by the same work share one line."""
    spans = _spans(plan)

    def named(ids: Sequence[str]) -> str:
        rows = sorted(spans[i] for i in ids)
        return ", ".join(f"{_md_escape(title)} ({_weeks_said(a, b)})" for a, b, title in rows)

    aimed: list[str] = []  # work pointed at the interests by its notes
    for t in plan.tasks:
        detail = info.get(t.id)
        if detail is not None and detail.for_you and t.item_id in spans and t.item_id not in aimed:
            aimed.append(t.item_id)
    # ... of which the projects and applications (the collaboration, a workshop paper, the
    # internships) are said beside the tagged work: they are where an interest is worked on.
    kinds = {t.item_id: t.kind for t in plan.tasks}
    projects = sorted((i for i in aimed if kinds[i] in ("build", "apply")), key=lambda i: spans[i])[
        :MAX_AIMED
    ]
    pointed = "tasks you will point at {it} (each says how): "
    bodies: dict[str, list[str]] = {}  # what is said -> the interests it is said of
    for interest in plan.profile.interests:
        wanted = interest.lower()
        tagged = [
            t.item_id
            for t in plan.tasks
            if t.item_id in spans
            and (d := info.get(t.id)) is not None
            and wanted in (x.lower() for x in d.tags)
        ]
        tagged = list(dict.fromkeys(tagged))
        if tagged:
            said = "work on {it}: " + named(tagged)
            if projects:
                said += "; " + pointed + named(projects)
            bodies.setdefault(said, []).append(interest)
            continue
        missed = sorted(
            {
                d.title or u.id.split("@", 1)[0]
                for u in plan.unscheduled
                if (d := info.get(u.id.split("@", 1)[0])) is not None
                and wanted in (x.lower() for x in d.tags)
            }
        )
        # (the work about it by title, as elsewhere here; and the tasks aimed at it said as
        # what they are, not as work about it: a text audit read "no task is about it" beside
        # four tasks aimed at it as a contradiction)
        said = (
            "the work on {it} did not fit ("
            + ", ".join(_md_escape(title) for title in missed)
            + ")"
            if missed
            else "no task in the roadmaps is about {it}"
        )
        if aimed:
            said += "; " + pointed + named(aimed)
        elif not missed:
            said += "; the plan is the same as without {it}"
        bodies.setdefault(said, []).append(interest)
    lines = []
    for said, interests in bodies.items():
        names = [_interest_name(x) for x in interests]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        it = "it" if len(names) == 1 else "them"
        text = said.replace("{it}", it)
        lines.append(f"- {_md_escape(who[0].upper() + who[1:])}: {text}")
    return (
        ["Your interests, and the work in this plan that serves them:", "", *lines, ""]
        if lines
        else []
    )


MAX_TRACK_ITEMS = 4  # the work named for each track: its biggest pieces, in week order
# Each roadmap with the skills of the questionnaire it builds, said beside it.
TRACKS = (
    ("coding", "coding and data structures", ("coding", "data_structures")),
    ("ml-devloop", "ML", ("statistics", "ml_fundamentals", "deep_learning")),
    ("interviewing", "interviewing", ("interviewing",)),
    ("open-source", "open source", ("open_source",)),
    ("research", "research", ("research",)),
    ("network", "networking", ("networking",)),
    ("phd-applications", "PhD applications", ()),
)
SKILL_WORDS = {
    "coding": "coding",
    "data_structures": "data structures",
    "statistics": "statistics",
    "ml_fundamentals": "ML fundamentals",
    "deep_learning": "deep learning",
}


def _weeks_said(first: int, last: int) -> str:
    return f"week {first}" if first == last else f"weeks {first}–{last}"


def track_lines(plan: Any, catalog: Any) -> list[str]:
    """Where the plan's hours go, track by track, beside how the person rated the skills each
    builds: its biggest pieces of work with their weeks and its hours (applications on a line
    of their own), how many of its basics a high rating skips, and the tracks with nothing in
    the plan on one line. Said at the top, so the person sees the plan is built on them."""
    from upskill.planner import not_for, staying
    from upskill.schema import RATINGS

    if catalog is None:
        return []
    profile = plan.profile
    spans: dict[str, tuple[int, int, str, float]] = {}  # item -> first, last, title, hours
    kinds: dict[str, str] = {}
    for t in plan.tasks:
        if t.status == "skipped":
            continue
        first, last, title, hours = spans.get(t.item_id, (t.week, t.week, t.title, 0.0))
        spans[t.item_id] = (min(first, t.week), max(last, t.week), title, hours + t.hours)
        kinds[t.item_id] = t.kind
    chosen = profile.chosen_roadmaps()

    def said(work: list[tuple[int, int, str, float]]) -> str:
        main = sorted(sorted(work, key=lambda b: (-b[3], b[0]))[:MAX_TRACK_ITEMS])
        shown = ", ".join(
            f"{_md_escape(clean(title, one_line=True))} ({_weeks_said(first, last)})"
            for first, last, title, _ in main
        )
        more = len(work) - len(main)
        return shown + (f", and {more} more" if more else "") + f"; {sum(b[3] for b in work):g} h"

    lines = []
    empty: list[str] = []
    applications: list[tuple[int, int, str, float]] = []
    named = {roadmap for roadmap, _, _ in TRACKS}
    tracks = [*TRACKS, *((r, r, ()) for r in chosen if r not in named)]  # a roadmap of one's own
    for roadmap, name, skills in tracks:
        if roadmap not in chosen:
            if skills and roadmap in catalog.roadmaps:
                rated = ", ".join(str(profile.rating(k)) for k in skills)
                # (a step of applying that stays from it, `stays_with`, or one the person
                # added or kept: said with its weeks, as what it is)
                there = [full for full in spans if full.split(".", 1)[0] == roadmap]
                if there:
                    kept = {f"{r}.{i.id}" for r, i in staying(profile, catalog)}
                    stays = all(full in kept for full in there)
                    why = "a step of applying stays" if stays else "in your plan all the same"
                    lines.append(
                        f"- {name} (you rated {rated}; not among your roadmaps, but {why}): "
                        f"{said([spans[full] for full in there])}"
                    )
                else:
                    empty.append(f"{name} (you rated {rated}; not among your roadmaps)")
            continue
        work: list[tuple[int, int, str, float]] = []
        known = 0
        gated: list[str] = []  # the skills whose ratings skip them, in the order first met
        titles: list[str] = []  # and those basics' titles, named when there are few
        for full, item in catalog.items.items():
            if full.split(".", 1)[0] != roadmap:
                continue
            if full in spans:
                (applications if kinds[full] == "apply" else work).append(spans[full])
            elif (
                item.priority != "optional"
                and item.kind != "apply"  # (an application a rating skips is not a basic)
                and (not_for(profile, item) or "").startswith("you rated")
            ):
                known += 1  # a basic the person's rating makes unnecessary (as `candidates`)
                if item.skill not in gated:
                    gated.append(item.skill)
                titles.append(
                    f"{_md_escape(clean(item.title, one_line=True))} "
                    f"({_gate_said(item.skill, item.level, profile.rating(item.skill))})"
                )
        rated = ", ".join(
            f"{SKILL_WORDS[k]} {profile.rating(k)}" if len(skills) > 1 else str(profile.rating(k))
            for k in skills
        )
        head = f"{name} (you rated {rated})" if rated else name
        basics = f"{known} basic" + ("s" if known != 1 else "")
        # a basic of this track gated by another skill says which (text audit 8: "open
        # source (you rated 0): ... 1 basic skipped for your rating", skipped for coding 3)
        # and a track of several skills says which of them (text audit 9: "ML (you rated
        # statistics 1, ML fundamentals 0, deep learning 0): ... 1 basic skipped for your
        # rating" left the reader to guess which basic and which rating), with the basics'
        # titles when there are only a few
        whose = "your rating"
        if gated and (len(skills) > 1 or any(k not in skills for k in gated)):
            words = [SKILL_WORDS.get(k, k.replace("_", " ")) for k in gated]
            whose = (
                f"your {words[0]} rating"
                if len(words) == 1
                else f"your ratings in {', '.join(words[:-1])} and {words[-1]}"
            )
        # ... and when they are named, the rule that skips each, in the reader's terms (text
        # audit 10: "skipped for your statistics rating (... Linear algebra ...)" and a
        # ground-up basic "skipped for your rating" of a beginner read as mistakes)
        why = f"{basics} skipped for {whose}"
        if 0 < known <= MAX_SKIPPED_NAMED:
            why = f"{basics} skipped: {', '.join(titles)}"
        skipped = f"; {why}" if known else ""
        if work:
            lines.append(f"- {head}: {said(work)}{skipped}")
        else:
            empty.append(head + (f", {why}" if known else ""))
    if applications:
        lines.append(f"- applications: {said(applications)}")
    if empty:
        lines.append(f"- nothing in this plan for: {'; '.join(empty)}")
    if not lines:
        return []
    scale = "; ".join(RATINGS)  # what a rating of 1 means, so the plan reads right
    return ["Your skills, and where the plan's hours go:", "", *lines, "", f"Ratings: {scale}.", ""]


MAX_SKIPPED_NAMED = 2  # a track's skipped basics are named when there are this few


def _gate_said(skill: str, level: int, rating: int) -> str:
    """The rating a basic is for, and the person's: "for a statistics rating of 0; you
    rated 1"."""
    word = SKILL_WORDS.get(skill, skill.replace("_", " "))
    article = "an" if word[0] in "aeiou" or word.startswith("ML") else "a"
    below = "of 0" if level == 1 else f"below {level}"
    return f"for {article} {word} rating {below}; you rated {rating}"


MAX_MILESTONES = 8  # the steps a plan is built around, said at its top


def milestone_spans(plan: Any, catalog: Any) -> list[tuple[int, int, str]]:
    """The steps the plan is built around, each with its first and last week and its title,
    in the order they are reached: the signature goals of the person's target role (by the
    week each is finished), the applications and the checkpoints (a recurring one: by the
    week it starts). Said at the top, so the plan's shape reads first."""
    from upskill.planner import stands_in_for_goal
    from upskill.schema import MILESTONE_KINDS

    role = plan.profile.target_role
    weeks: dict[str, tuple[int, str, bool]] = {}  # item -> (week, title, recurring)
    for t in sorted(plan.tasks, key=lambda t: t.week):
        item = catalog.items.get(t.item_id) if catalog is not None else None
        if t.status == "skipped" or item is None:
            continue
        if (
            not item.goal_of(role, plan.profile.runway_months)
            and t.kind not in MILESTONE_KINDS
            and not stands_in_for_goal(plan.profile, catalog, t.item_id)
        ):
            continue
        recurring = t.id != t.item_id
        if recurring and t.item_id in weeks:
            continue  # a recurring step: from its first week
        weeks[t.item_id] = (t.week, t.title, recurring)
    spans = _spans(plan)  # (each with all its weeks, as the lines below it say them)
    steps = sorted(weeks.items(), key=lambda v: v[1][0])[:MAX_MILESTONES]
    return sorted(spans[item_id] for item_id, _ in steps)


def milestones(plan: Any, catalog: Any) -> list[str]:
    """The milestones (`milestone_spans`) in words: "weeks 3–6: Apply to a programme"."""
    return [
        f"{_weeks_said(first, last)}: {clean(title)}"
        for first, last, title in milestone_spans(plan, catalog)
    ]


def milestones_said(plan: Any, catalog: Any) -> str | None:
    """One line naming the plan's milestones, or None if it has none."""
    steps = milestones(plan, catalog)
    return f"Milestones: {'; '.join(steps)}." if steps else None


def _months_after(start: dt.date, months: float) -> dt.date:
    """The date ``months`` calendar months after ``start`` (a part month as days)."""
    import calendar

    whole = int(months)
    year, month = divmod(start.month - 1 + whole, 12)
    year, month = start.year + year, month + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) + dt.timedelta(days=round((months - whole) * 30.44))


MONEY_SHORT_MONTHS = SHORT_RUNWAY_MONTHS  # money that runs out within the year


def money_said(plan: Any, catalog: Any = None) -> str | None:
    """When the person gave a runway: the date their money runs out and its week, the
    milestones that fall in that week or after it, and which of the tasks' words about money
    are about them (text audit 10: a plan built around four months of money never said when
    they end, and still spoke of money only as an "if"). None without a runway."""
    months = plan.profile.runway_months
    if months is None:
        return None
    end = _months_after(plan.start, months)
    week = (end - plan.start).days // 7 + 1
    said = (
        f"Money: with the {months:g} months of runway you gave, your money runs out around "
        f"{end.isoformat()}"
    )
    spans = _spans(plan)
    if week > plan.weeks:
        said += f", after this plan's {plan.weeks} weeks."
    else:
        said += f", in week {week} of this plan."
        late = [
            f"{clean(title)} ({_weeks_said(first, last)})"
            for first, last, title in milestone_spans(plan, catalog)
            if last >= week
        ]
        if late:
            said += (
                " These milestones fall in that week or later, so plan for income or a paid "
                f"fallback by then: {'; '.join(late)}."
            )
    # ... and the runway's own tasks, wherever the money ends (rv12: "only one runway
    # checkpoint (week 9)" for the master's student, whose second check in week 15 was said
    # only in its week, her money ending after the plan)
    checks = sorted(
        {
            first
            for item_id, (first, _, _) in spans.items()
            if catalog is not None
            and (item := catalog.items.get(item_id)) is not None
            and item.only_if_runway_under is not None
            and "runway" in item_id  # (the note and its checks, not a short-runway draft)
        }
    )
    if checks:
        when = ", ".join(str(w) for w in checks[:-1]) + (
            f" and {checks[-1]}" if len(checks) > 1 else str(checks[-1])
        )
        said += (
            f" Your runway tasks (week{'s' if len(checks) > 1 else ''} {when}) set the "
            "fallback and decide when to switch to it."
        )
    if months < MONEY_SHORT_MONTHS:
        said += (
            " Where a task below speaks of money that is short or runs out within the year, "
            "that is yours."
        )
    return said


PREP_MONTHS_MIN = 4  # an application round that waits this many weeks of upskilling or more


def _first_round(spans: dict[str, tuple[int, int, str]], catalog: Any) -> tuple[int, str] | None:
    """The plan's first application round that waits for "a couple of months" of
    preparation: its first week and id (None if the plan has none)."""
    rounds = [
        (first, i)
        for i, (first, _, _) in spans.items()
        if i in catalog.items and (catalog.items[i].after_prep_weeks or 0) >= PREP_MONTHS_MIN
    ]
    return min(rounds) if rounds else None


def round_timing_said(plan: Any, catalog: Any) -> str | None:
    """Why the first application round comes when it does, when that is well past "a couple
    of months of upskilling" (rv92, rv93: "week 20 is close to the six months Anders warns
    against"): the hours of its own preparation before it, the largest pieces, and the weeks
    that alone takes at the person's hours. None if the round is not late, or not there."""
    if catalog is None:
        return None
    spans = _spans(plan)
    first_round = _first_round(spans, catalog)
    if first_round is None:
        return None
    week, round_id = first_round
    months = catalog.items[round_id].after_prep_weeks
    working = sum(1 for n in range(1, week) if plan.budget(n) > 0)
    if working <= months * 1.5:
        return None
    seen, stack = set(), [round_id]  # what it needs and comes after, in the plan before it
    while stack:
        cur = stack.pop()
        if cur not in catalog.items:
            continue
        for ref in [*catalog.prerequisites(cur), *catalog.after(cur, plan.profile.background)]:
            if ref not in seen and ref in spans and spans[ref][0] < week:
                seen.add(ref)
                stack.append(ref)
    hours: dict[str, float] = {}
    for t in plan.tasks:  # (of a weekly habit, its first week: the rest is practice besides)
        if t.status == "skipped" or t.item_id not in seen or t.week >= week:
            continue
        if catalog.items[t.item_id].kind == "apply":  # (an application is not preparation)
            continue
        if t.id == t.item_id or t.week == spans[t.item_id][0]:
            hours[t.item_id] = hours.get(t.item_id, 0.0) + t.hours
    total = sum(hours.values())
    if not total:
        return None
    alone = math.ceil(total / plan.hours_per_week)
    if alone <= months:  # (it waits for other work, not for its own preparation)
        return None
    # Every hour of the weeks before it, said as parts that add up (text audit 11, finding 3:
    # "18 weeks is not 43"): the preparation shares those weeks with the rest of the plan, and
    # an application that goes out earlier is said as one, not as preparation.
    held: dict[str, float] = {}
    for t in plan.tasks:
        if t.status != "skipped" and t.week < week:
            held[t.item_id] = held.get(t.item_id, 0.0) + t.hours
    applied = sorted(
        (spans[i][0], i)
        for i in held
        if i != round_id and i in catalog.items and catalog.items[i].kind == "apply"
    )
    applied_hours = sum(held[i] for _, i in applied)
    rest = {
        i: h - hours.get(i, 0.0)
        for i, h in held.items()
        if i in catalog.items and catalog.items[i].kind != "apply"
    }
    rest_total = sum(held.values()) - total - applied_hours
    room = sum(plan.budget(n) for n in range(1, week))

    def some(of: dict[str, float], n: int) -> str:
        top = sorted((i for i in of if of[i] > 0), key=lambda i: (-of[i], i))[:n]
        return ", ".join(f"{clean(catalog.items[i].title)} ({said_hours(of, i)})" for i in top)

    def said_hours(of: dict[str, float], i: str) -> str:
        # A weekly habit's first week is preparation, its later weeks the rest: said of the
        # rest, its full hours and that share, so the figure matches its weeks (text audit 12,
        # finding 14: "30 h" for a habit whose weeks hold 32 h).
        if of is rest and hours.get(i, 0.0) > 0:
            return f"{held[i]:g} h, {hours[i]:g} h of it counted as preparation above"
        return f"{of[i]:g} h"

    parts = [f"{total:g} h is the preparation the round should not go without (the largest: "]
    parts[0] += f"{some(hours, 3)})"
    # An application that goes on into the round's weeks does not go out earlier: its start
    # is said as a start (text audit 12, finding 6: "applications that go out earlier" of
    # a week that only chose the programmes, whose applications went out with the round).
    earlier = [(first, i) for first, i in applied if spans[i][1] < week]
    if earlier:
        apps = ", ".join(
            f"{clean(catalog.items[i].title)} ({_weeks_said(first, spans[i][1])})"
            for first, i in earlier
        )
        hours_out = sum(held[i] for _, i in earlier)
        parts.append(f"{hours_out:g} h is applications that go out earlier, on their own: {apps}")
    for first, i in applied:
        if spans[i][1] >= week:
            parts.append(
                f"{held[i]:g} h is the start of {clean(catalog.items[i].title)} "
                f"({_weeks_said(first, week - 1)}; its applications go out in "
                f"{_weeks_said(week, spans[i][1])}, alongside the round)"
            )
    if rest_total > 0:
        others = some(rest, 2)
        parts.append(
            f"{rest_total:g} h is the rest of the plan, which shares those weeks with the "
            "preparation" + (f" (the largest: {others})" if others else "")
        )
    said = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]
    return (
        f"Why the first application round starts only in week {week}: Anders's advice is a "
        f"couple of months of upskilling, then apply, and again some months later. Weeks "
        f"1–{week - 1} hold {sum(held.values()):g} h of planned work (of the {room:g} h they "
        f"have at your hours): {said}. The preparation alone would take {alone} weeks at "
        f"{budget(plan.hours_per_week)} h a week; shared with the rest, it runs to week "
        f"{week - 1}, and the round goes out once it is done. "
        + _sooner_said(plan, catalog, spans, week, round_id)
    )


def _sooner_said(
    plan: Any, catalog: Any, spans: dict[str, tuple[int, int, str]], week: int, round_id: str
) -> str:
    """How to apply sooner than a late first round: an option, as Anders advises; or, when
    the person's money runs out before the round is out, what they need to do (text audit
    12, finding 7: a round starting in the week the money runs out, with applying sooner
    offered as an option for anyone)."""
    months = plan.profile.runway_months
    end = (
        (_months_after(plan.start, months) - plan.start).days // 7 + 1
        if months is not None
        else None
    )
    if end is None or end > spans[round_id][1]:
        return (
            "To apply sooner, as Anders advises, give more hours a week (`upskill replan "
            "--hours N`), or send a first few applications earlier with what you have and count "
            "this round as your second."
        )
    when = (
        "before this round starts"
        if end < week
        else "the week this round starts"
        if end == week
        else "while this round goes out"
    )
    checks = sorted(  # (a runway task timed from another: a check of the money left)
        first
        for i, (first, _, _) in spans.items()
        if i in catalog.items
        and catalog.items[i].only_if_runway_under is not None
        and catalog.items[i].wait_weeks
        and first < week
    )
    by = f"by week {checks[0]}, your first runway check" if checks else "in the coming weeks"
    return (
        f"Your money runs out in week {end}, {when}, so do not wait for it: unless you can "
        "give more hours a week (`upskill replan --hours N`), send a first few applications "
        f"{by}, with what you have, and count this round as your second."
    )


def goal_after_said(plan: Any, catalog: Any) -> str | None:
    """The target role's own deliverable when it belongs in a week after the plan's end (a
    PhD applicant's submissions in week 48 of a 40-week plan), said under the milestones,
    not only at the foot of "Did not fit" (text audit 11, finding 8)."""
    if catalog is None:
        return None
    for item_id, week in after_the_plan(plan):
        item = catalog.items.get(item_id)
        if (
            week is None
            or item is None
            or not item.goal_of(plan.profile.target_role, plan.profile.runway_months)
        ):
            continue
        return (
            f"{clean(item.title, one_line=True)} is not in this plan: it belongs in week {week} "
            f"(from {plan.week_start(week).isoformat()}), {week - plan.weeks} weeks after this "
            f"{plan.weeks}-week plan ends, and the weeks above prepare for it. "
            f"`upskill replan --weeks {week}` takes the plan up to it."
        )
    return None


COURSE_HOURS = 15  # a course this long runs a few hours a week (the planner's focus_hours)
DRILL_HOURS = 6  # a hands-on drill this long is named beside the work it sharpens


# The follow-up of the collaboration asks and the project's shared setup, in that order.
_COLLABORATION_NEXT = ("research.collaboration-agreed", "research.collaboration-kickoff")
# The project's shared setup and its first results, in that order.
_PROJECT = ("research.collaboration-kickoff", "research.collaboration-sprint")


def collaboration_timing_said(plan: Any, catalog: Any) -> str | None:
    """Why the ask for a research collaboration comes when it does, when that is well past its
    first weeks (rv92, rv93: "move the collaborator ask to weeks 2-3"): Lambert's collaboration
    came after months of classes and papers, and the ask waits for what the work needs, named
    with their weeks. Said only when the ask follows the last of that work directly."""
    ask = "research.find-collaborator"
    spans = _spans(plan)
    if catalog is None or ask not in catalog.items or ask not in spans:
        return None
    week = spans[ask][0]
    within = catalog.items[ask].within_weeks_for(plan.profile.background) or 0
    before = [
        a for a in catalog.after(ask, plan.profile.background) if a in spans and spans[a][1] < week
    ]
    if week <= within + 2 or not before or max(spans[a][1] for a in before) < week - 1:
        return None
    before.sort(key=lambda a: (spans[a][0], a))
    named = _named_with_weeks(catalog, spans, before)
    direct = "network.ask-for-opportunities"
    early = (
        f" (your direct ask to join a group goes out in week {spans[direct][0]})"
        if direct in spans and spans[direct][0] < week
        else ""
    )
    # ... and the long courses that go on beside the work rather than before it (rv97: "the
    # plan's own rationale says Lambert's collaboration came after months of classes, yet the
    # classes come after the collaboration")
    beside = sorted(
        (spans[i][0], i)
        for i in spans
        if i in catalog.items
        and catalog.items[i].kind == "learn"
        and catalog.items[i].hours >= COURSE_HOURS
        and spans[i][1] >= week
    )
    courses = _named_with_weeks(catalog, spans, [i for _, i in beside])
    # ... said as the departure from Lambert it is (rv48: "the plan cites Lambert's order while
    # reversing it": he took his classes first), with what it saves: the ask would wait for
    # the weeks the courses take at their pace
    held = len({n for _, i in beside for n in range(spans[i][0], spans[i][1] + 1)})
    also = (
        f" The longer courses go on beside the work rather than before it, where they would "
        f"hold the ask back by about {held} weeks (Lambert took his classes first): {courses}."
        if courses
        else ""
    )
    # ... and so do the deeper deep-learning drills (rv45, rv46: every reviewer of the PhD
    # student quoted ARENA's notebooks and the broken-runs lab after his first results as out
    # of order, without a word from the plan on why): Lambert learned to experiment properly
    # doing the research, though Anders wishes he had started ARENA's notebooks sooner
    drills = sorted(
        (spans[i][0], i)
        for i in spans
        if i in catalog.items
        and i.startswith("ml-devloop.")
        and catalog.items[i].kind == "practice"
        and catalog.items[i].skill == "deep_learning"
        and catalog.items[i].repeat is None
        and catalog.items[i].hours >= DRILL_HOURS
        and _PROJECT[1] in spans
        and spans[i][0] > spans[_PROJECT[1]][0]
    )
    if drills:
        named_drills = _named_with_weeks(catalog, spans, [i for _, i in drills])
        so = " So do the deeper" if courses else " The deeper"
        goes = "" if courses else " go on beside the work too"
        also += (
            f"{so} deep-learning drills{goes}, for the project's later experiments and its "
            f"next question rather than before its first results: {named_drills}. Lambert "
            "learned to experiment properly doing the research, working with his collaborator "
            "at FAIR, though Anders wishes he had started ARENA's notebooks sooner."
        )
    # When the ask goes out and when the work starts, as the weeks have them (text audit 12,
    # finding 17: "comes in week 15 ... so that the work can start the week after a yes" for
    # an ask finished in week 16 and a setup in week 17, the week of the follow-up).
    last = spans[ask][1]
    comes = f"comes in week {week}" if last == week else f"goes out in weeks {week}–{last}"
    follow, kickoff = (spans.get(i) for i in _COLLABORATION_NEXT)
    own = "(on your own if no one has said yes yet)"
    if kickoff is None:
        start = ""
    elif follow is not None and follow[0] == kickoff[0]:
        start = (
            f" The shared setup starts in week {kickoff[0]}, when the first replies are due {own}."
        )
    elif follow is not None and follow[0] < kickoff[0]:
        start = (
            f" The first replies are due by your follow-up in week {follow[0]}, and the shared "
            f"setup starts in week {kickoff[0]} {own}."
        )
    else:
        start = f" The shared setup starts in week {kickoff[0]} {own}."
    return (
        f"Why the ask for a research collaboration {comes}: Lambert kept asking for "
        f"opportunities from his first months{early}; his collaboration came months later, "
        "after classes and papers on his own, through an introduction from his advisor. This "
        f"plan times the ask for when what the work needs is done: {named}.{start}{also}"
    )


PROJECT_GAP_WEEKS = 3  # first results this many weeks or more after the setup say why


def project_timing_said(plan: Any, catalog: Any) -> str | None:
    """Why the project's first results start weeks after its shared setup (rv45, rv46: "the
    project stalls straight after it starts": the undergraduate's setup in week 5, her first
    results from week 13): the first experiments wait for what they need, named with their
    weeks, and the weekly supervisor meetings go on in between. Said only when the gap is
    PROJECT_GAP_WEEKS or more and some of that work falls in it."""
    if catalog is None:
        return None
    kickoff, sprint = _PROJECT
    spans = _spans(plan)
    if kickoff not in spans or sprint not in spans or sprint not in catalog.items:
        return None
    setup, first = spans[kickoff][1], spans[sprint][0]
    if first - setup < PROJECT_GAP_WEEKS:
        return None
    wanted = [
        *catalog.prerequisites(sprint),
        *catalog.after(sprint, plan.profile.background),
    ]
    between = sorted(
        {
            (spans[a][0], a)
            for a in wanted
            if a in spans and a != kickoff and setup <= spans[a][1] < first
        }
    )
    if not between:
        return None
    named = _named_with_weeks(catalog, spans, [a for _, a in between])
    meetings = "phd-applications.supervisor-meetings"
    meanwhile = (
        " Your weekly supervisor meetings go on meanwhile, so your supervisor keeps hearing "
        "from you while you prepare."
        if meetings in spans and spans[meetings][0] <= setup and spans[meetings][1] >= first
        else ""
    )
    return (
        f"Why your project's first results start in week {first}, {first - setup} weeks "
        f"after its shared setup ({_weeks_said(spans[kickoff][0], setup)}): the setup gets "
        "the work going as soon as someone has said yes, and the first experiments wait for "
        f"what they need, which comes in between: {named}.{meanwhile}"
    )


SHOT_LAST_WEEKS = 2  # what a first shot waits for, finished in these last working weeks, named


def shot_timing_said(plan: Any, catalog: Any) -> str | None:
    """Why a first shot goes out in its week (rv45, rv46: five of six reviewers asked the
    strong engineer's shot into week 3, with no word from the plan on why week 8): it goes
    once what it should not go without is done, the pieces finished in the last two working
    weeks before it named with their weeks, and the weeks off before it are said. None
    without a first shot, with nothing it waits for before it, or when it waits longer than
    that for something else."""
    if catalog is None:
        return None
    spans = _spans(plan)
    shot = _first_shot(spans, catalog)
    if shot is None:
        return None
    week = spans[shot][0]
    wanted = [*catalog.prerequisites(shot), *catalog.after(shot, plan.profile.background)]
    before = sorted(
        {(spans[a][1], spans[a][0], a) for a in wanted if a in spans and spans[a][1] < week}
    )
    working = [n for n in range(1, week) if plan.budget(n) > 0]
    if not before or not working or before[-1][0] < working[-SHOT_LAST_WEEKS:][0]:
        return None  # (it waits for something else too: a couple of months, a build)
    last = [a for end, _, a in before if end >= working[-SHOT_LAST_WEEKS:][0]]
    named = _quoted_with_weeks(catalog, spans, last)
    off = [n for n in range(1, week) if plan.budget(n) <= 0]
    rest = f"; {_weeks_said(off[0], off[-1])} are your time off" if off else ""
    if off and len(off) != off[-1] - off[0] + 1:  # (weeks off apart: each said)
        rest = f"; weeks {', '.join(str(n) for n in off)} are your time off"
    if len(off) == 1:
        rest = f"; week {off[0]} is your time off"
    return (
        f"Why your first shot goes out in week {week}: it goes once what it should not go "
        f"without is done (`upskill explain {shot}` lists all of it), the last of it in the "
        f"weeks just before: {named}{rest}."
    )


BUILD_GAP_WEEKS = 4  # a signature build this many working weeks after its hands-on basis


def build_gap_said(plan: Any, catalog: Any) -> str | None:
    """Why a signature build starts weeks after the hands-on work it builds on, when a first
    shot goes out in between (rv45, rv46: four of twelve reviewers of the data scientist
    asked GPT-2 straight after ARENA's chapter 0, weeks 8-10, not week 20): those weeks go
    first to the shot and what it should not go without, and the reading the build needs
    comes just before it. None when there is no such gap, or no shot in it."""
    if catalog is None:
        return None
    spans = _spans(plan)
    role, runway = plan.profile.target_role, plan.profile.runway_months
    shot = _first_shot(spans, catalog)
    if shot is None:
        return None
    for build, (start, _, _) in sorted(spans.items(), key=lambda e: e[1][0]):
        item = catalog.items.get(build)
        if item is None or item.kind != "build" or not item.goal_of(role, runway):
            continue
        wanted = [*catalog.prerequisites(build), *catalog.after(build, plan.profile.background)]
        needs = [a for a in wanted if a in spans and spans[a][1] < start]
        hands_on = [a for a in needs if catalog.items[a].kind in ("practice", "build")]
        if not hands_on:
            continue
        basis = max(hands_on, key=lambda a: spans[a][1])
        ended = spans[basis][1]
        working = sum(1 for n in range(ended + 1, start) if plan.budget(n) > 0)
        if working < BUILD_GAP_WEEKS or not ended < spans[shot][0] < start:
            continue
        reading = sorted(
            (a for a in needs if catalog.items[a].kind == "learn" and spans[a][0] > ended),
            key=lambda a: spans[a][0],
        )
        fresh = (
            f", and what it builds on from reading comes just before it, while fresh: "
            f"{_named_with_weeks(catalog, spans, reading)}"
            if reading
            else ""
        )
        main = catalog.first_shot_for(shot)
        for_round = (
            f"; the build is done before your main round (week {spans[main][0]})"
            if main in spans and spans[build][1] < spans[main][0]
            else ""
        )
        return (
            f"Why {clean(item.title, one_line=True)} starts in week {start}, "
            f"{start - ended} weeks after {clean(catalog.items[basis].title, one_line=True)} "
            f"({_weeks_said(spans[basis][0], ended)}): the weeks between go first to your "
            f"first shot (week {spans[shot][0]}) and what it should not go without, as Anders "
            "advises applying after a couple of months of upskilling rather than waiting for "
            f"every build{fresh}{for_round}."
        )
    return None


_INTERNSHIPS = "network.research-internship"  # a student's early round, for the summer


def early_round_said(plan: Any, catalog: Any) -> str | None:
    """Why a student's internship applications go out before some of what they would like
    done first (rv46, rv49: "the internship applications in weeks 7-8 go out before any
    interview preparation", which only `explain` said): most advertised internships are for
    the summer and their windows can close months ahead, so the applications do not wait;
    the practice for their interviews comes in the weeks those may come, the rest later,
    each with its weeks. None without them, or with all of it before them."""
    if catalog is None or _INTERNSHIPS not in catalog.items:
        return None
    spans = _spans(plan)
    if _INTERNSHIPS not in spans:
        return None
    sent = spans[_INTERNSHIPS][1]
    later = sorted(
        (spans[a][0], a)
        for a in catalog.after(_INTERNSHIPS, plan.profile.background)
        if a in spans and spans[a][0] > sent
    )
    if not later:
        return None
    practice = [
        a
        for _, a in later
        if a.split(".", 1)[0] in ("interviewing", "coding") and catalog.items[a].kind == "practice"
    ]
    rest = [a for _, a in later if a not in practice]
    parts = []
    if practice:
        parts.append(
            "the practice for their interviews comes in the weeks those may come: "
            + _quoted_with_weeks(catalog, spans, practice)
        )
    if rest:
        parts.append("later, as it did not fit before: " + _quoted_with_weeks(catalog, spans, rest))
    title = clean(catalog.items[_INTERNSHIPS].title, one_line=True)
    return (
        f"Why \u201c{title}\u201d goes out in {_weeks_said(spans[_INTERNSHIPS][0], sent)}, "
        "before some of what it would like done first: most advertised internships are for "
        "the summer (Gleave) and their windows can close months before it, so the "
        "applications do not wait; " + "; and ".join(parts) + "."
    )


def _first_shot(spans: dict[str, tuple[int, int, str]], catalog: Any) -> str | None:
    """The plan's first shot at a round (`first_shot_for`), if it holds one."""
    return next((i for i in spans if i in catalog.items and catalog.items[i].first_shot_for), None)


def _quoted_with_weeks(catalog: Any, spans: dict[str, tuple[int, int, str]], ids: list[str]) -> str:
    """Items named by quoted title with their weeks: "“A” (week 3), “B” (weeks 4–6)"."""
    return ", ".join(
        f"\u201c{clean(catalog.items[i].title)}\u201d ({_weeks_said(spans[i][0], spans[i][1])})"
        for i in ids
    )


def timings_said(plan: Any, catalog: Any) -> list[str]:
    """The plan's "Why ..." lines on its timing, in the order they are shown."""
    said = (
        goal_after_said(plan, catalog),
        early_round_said(plan, catalog),
        shot_timing_said(plan, catalog),
        build_gap_said(plan, catalog),
        round_timing_said(plan, catalog),
        round_after_said(plan, catalog),
        after_round_work_said(plan, catalog),
        collaboration_timing_said(plan, catalog),
        project_timing_said(plan, catalog),
    )
    return [x for x in said if x is not None]


def _named_with_weeks(
    catalog: Any, spans: dict[str, tuple[int, int, str]], ids: Iterable[str]
) -> str:
    """Items named by title with their weeks, in the order given: "A (week 3), B (weeks 4–6)"."""
    return ", ".join(
        f"{clean(catalog.items[i].title)} ({_weeks_said(spans[i][0], spans[i][1])})" for i in ids
    )


def _main_round(
    plan: Any, catalog: Any
) -> tuple[dict[str, tuple[int, int, str]], int, str, str] | None:
    """The plan's spans and its main application round: the round's first week, its id and
    how to name it (the full round after a first shot is "your main round"); None without a
    catalog or a round."""
    if catalog is None:
        return None
    spans = _spans(plan)
    first_round = _first_round(spans, catalog)
    if first_round is None:
        return None
    week, round_id = first_round
    full = catalog.first_shot_for(round_id)
    if full is not None and full in spans:  # a first shot: the full round is the main one
        return spans, spans[full][0], full, "your main round"
    return spans, week, round_id, "the first round"


def round_after_said(plan: Any, catalog: Any) -> str | None:
    """What the first application round would like done first but goes out without (rv96:
    "move Build GPT-2 from scratch ahead of the week-24 application round", for an ML engineer
    whose round shows the model he fine-tuned): each named with its weeks, the weeks it would
    hold the round back at the person's hours, and the applications after the round that it
    comes in time for. None when that is less than a week of work, or there is no round."""
    from upskill.planner import after_of

    main = _main_round(plan, catalog)
    if main is None:
        return None
    spans, week, round_id, which = main
    later = [
        a
        for a in after_of(catalog, round_id, plan.profile)
        if a in spans and spans[a][0] >= week and catalog.items[a].kind != "apply"
    ]
    # ... with what they build on that comes after the round too (cmp143: "the delay it
    # quotes counts only the deferred task's own hours"); of a weekly habit, its first week
    extra: set[str] = set()
    stack = list(later)
    while stack:
        for p in catalog.prerequisites(stack.pop()):
            if (
                p in spans
                and spans[p][0] >= week
                and p not in extra
                and p not in later
                and catalog.items[p].kind != "apply"
            ):
                extra.add(p)
                stack.append(p)
    counted = {*later, *extra}
    total = sum(
        t.hours
        for t in plan.tasks
        if t.item_id in counted
        and t.status != "skipped"
        and (t.id == t.item_id or t.week == spans[t.item_id][0])
    )
    if total < plan.hours_per_week:
        return None
    later.sort(key=lambda a: (spans[a][0], a))
    named = _named_with_weeks(catalog, spans, later)
    held = weeks_of_work(total, plan.hours_per_week)
    # (only the applications that go on after it is done: rolling applications that end
    # the week before a build is finished get nothing from it, c63dr)
    done = max(spans[a][1] for a in later)
    follow = sorted(
        (spans[i][0], i)
        for i in spans
        if i in catalog.items
        and round_id in catalog.prerequisites(i)
        and i != round_id
        and catalog.items[i].kind == "apply"
        and spans[i][1] > done
    )
    one = len(later) == 1
    they, them = ("it", "it") if one else ("they", "them")
    serves = (
        f"{they} go{'es' if one else ''} into the applications that follow: "
        + _named_with_weeks(catalog, spans, [i for _, i in follow])
        if follow
        else f"{they} go{'es' if one else ''} into the next round"
    )
    built = f", with what {they} build{'s' if one else ''} on" if extra else ""
    return (
        f"After {which}, not before it: {named}. The round would like {them} done "
        f"first, but put first {they} would hold the round back by {held} ({total:g} h{built}, "
        f"at {budget(plan.hours_per_week)} h a week), so the round goes out with what it cannot "
        f"go without, and {serves}."
    )


# Work that shows what you can do: what a later application can link to.
EVIDENCE_TRACKS = ("ml-devloop", "open-source", "research")


def after_round_work_said(plan: Any, catalog: Any) -> str | None:
    """What is built after the main application round, and what it is for (rv28: "work done
    after the round should feed the six-month re-apply, and the plan should say so"): each
    build or write-up that starts after the round, named with its weeks. None when nothing
    is, or the plan has no round. (What the round would like done first is left to
    `round_after_said`.)"""
    from upskill.planner import after_of, on_short_runway

    main = _main_round(plan, catalog)
    if main is None:
        return None
    spans, week, round_id, which = main
    if on_short_runway(plan.profile.runway_months, catalog.items[round_id]):
        return None  # (money that runs out first: the work after the round is the fallback's)
    wanted = set(after_of(catalog, round_id, plan.profile))
    built = sorted(
        (first, i)
        for i, (first, _, _) in spans.items()
        if i in catalog.items
        # (a build begun in the round's own week is not in it either: nothing of it is
        # there to link to when the applications go out)
        and (first > week or (first == week and catalog.items[i].kind == "build"))
        and i not in wanted
        and i.split(".", 1)[0] in EVIDENCE_TRACKS
        and catalog.items[i].kind in ("build", "write")
        and catalog.items[i].repeat is None
        and catalog.items[i].hours >= 3
    )
    if not built:
        return None
    named = _named_with_weeks(catalog, spans, [i for _, i in built])
    one = len(built) == 1
    return (
        f"Built after {which} (week {week}), for your next try: {named}. Anders came back "
        "to Anthropic six months after a no, and believes you can \u201cpretty much try every "
        "6 months\u201d if you show you have been improving, someone inside is \u201cwilling "
        "to recommend you\u201d and you do not \u201ccompletely bomb\u201d your interviews: "
        f"link {'it' if one else 'each'} from your resume and your tracker's "
        "re-apply notes as soon as it is done, and name it in the applications that follow."
    )


def weeks_of_work(hours: float, per_week: float) -> str:
    """How many weeks ``hours`` of work take at ``per_week``, as the arithmetic says it (text
    audit 12, finding 15: "about 2 weeks" for 26 h at 25 h a week): "about a week", "about 4
    weeks" near a whole number, else the two whole numbers around it ("3–4 weeks")."""
    weeks = hours / per_week
    near = round(weeks)
    if near >= 1 and abs(weeks - near) <= 0.2:
        return "about a week" if near == 1 else f"about {near} weeks"
    if weeks < 1:
        return "less than a week"
    return f"{math.floor(weeks)}–{math.ceil(weeks)} weeks"


GIST_CLAUSE = 100  # a finish line's opening clause is said whole up to this many characters
GIST_MIN = 40  # ... and only if it is at least this long, else the words up to ``limit``


def gist(text: str, limit: int = 72) -> str:
    """The opening of ``text``, enough to recall a finish line written out in full elsewhere:
    its first sentence or clause when that is short (up to `GIST_CLAUSE` characters, ending
    where a sentence, a clause or a parenthesis does), else its opening words up to ``limit``
    characters; never cut inside a parenthesis (text audit 10: "from this week's section of
    the Top Interview 150 (the…" cut off the very rule the week needed). A cut is marked
    with an ellipsis; a whole sentence keeps its full stop."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    text = _early_asides_cut(text)
    depth, clause, sentence = 0, 0, 0  # the last clause and sentence ends outside brackets
    for i, ch in enumerate(text[: GIST_CLAUSE + 1]):
        if ch == "(":
            if depth == 0 and i >= GIST_MIN:
                clause = i
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in ".;:," and text[i + 1 : i + 2] == " " and i >= GIST_MIN:
            clause = i
            if ch == "." and text[max(i - 3, 0) : i + 1] not in ("e.g.", "i.e."):
                sentence = i
    if sentence:
        return text[: sentence + 1]
    if clause:
        return f"{text[:clause].rstrip()}…"
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    opened = cut.rfind("(")
    if opened > cut.rfind(")") and opened >= 15:  # (not inside a parenthesis)
        cut = cut[:opened]
    return f"{cut.rstrip(' ,;:(')}…"


def _early_asides_cut(text: str) -> str:
    """``text`` with a long parenthesis that opens in its first words said as "(…)", so the
    opening of a finish line reads on past it ("A complete draft (…) is shared with your
    collaborator")."""
    opened = text.find("(")
    if opened < 0 or opened >= GIST_MIN:
        return text
    depth = 0
    for i in range(opened, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text if i - opened <= 25 else f"{text[: opened + 1]}…{text[i:]}"
    return text


def finish_label(part: Any, steps: bool = False) -> str:
    """How the finish line is introduced: a part before the last one is a step towards it,
    done this week when this week's steps (said just above it, with ``steps``) are done
    (rv48: "in the middle weeks the finish line is an hour count rather than an outcome")."""
    if part is None or part.number == part.count:
        return "done when"
    if steps:
        return (
            f"done this week: the steps above ({part.through:g} of the {part.total:g} h done "
            f"by then); the whole task is done when, after part {part.count}"
        )
    return (
        f"{part.through:g} of the {part.total:g} h done by the end of this week; "
        f"done when, after part {part.count}"
    )


def _in_sentence(text: str) -> str:
    """ "Build it" reads on in a sentence as "build it"; "GPT-2" and "ARENA" stay."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _about(hours: float) -> str:
    """Hours to the nearest quarter, at least a quarter: a step's share is an estimate."""
    return f"{_quarter(hours):g}"


def _quarter(hours: float) -> float:
    """Hours to the nearest quarter, at least a quarter (as `_about` says them)."""
    return max(0.25, round(hours * 4) / 4)


def part_weeks(plan: Any, t: Any) -> tuple[int | None, int | None]:
    """The weeks of the parts before and after this one of a task split over weeks (None:
    this is its first, or its last)."""
    weeks = [x.week for x in plan.tasks if x.id == t.id]
    return (
        max((w for w in weeks if w < t.week), default=None),
        min((w for w in weeks if w > t.week), default=None),
    )


STEP_CRUMB = 0.6  # hours: the rest of a step this small is said in the week before, not after


def steps_now(
    part: Any,
    hours: float,
    steps: Sequence[str],
    *,
    week: int | None = None,
    later: int | None = None,
    earlier: int | None = None,
) -> list[str]:
    """Which of an item's ``steps`` a part of ``hours`` covers (all of them for a whole task).

    The steps share the item's hours equally, and each belongs to the part that holds its
    middle; a part that holds no step's middle starts or keeps going with the step it spends
    most on (and says which). So every week of a split item says what to do in it. A step
    the week does not finish says how many of its hours this week holds and when it goes on
    (``later``, the week of the next part, after this ``week``); a step begun in an earlier
    week says which (``earlier``, the week of the part before), so two weeks holding the same
    step read as one piece of work going on, not the same work twice (rv12).
    """
    if not steps:
        return []
    if part is None:
        return list(steps)
    size = part.total / len(steps)
    start, end = part.through - hours, part.through
    if later is None:
        when = f"in part {part.number + 1}"
    elif week is not None and later == week + 1:
        when = "next week"
    else:
        when = f"in week {later}"

    def how_far(i: int) -> str:
        """How far into step ``i`` the week gets, if it does not finish it: its hours this
        week out of the step's, and when it goes on, which a person can check (text audit 11,
        finding 5: "two thirds of the way through" fine-tuning a model is not a finish line)."""
        if (i + 1) * size <= end + 1e-9 or crumb(i):
            return ""
        lo = max(start, i * size)
        if lo > i * size + 1e-9 and not said_before(i):  # (what the weeks before did of it,
            lo = i * size  # unsaid there, is said with this week's, so the weeks add up)
        here = min(end, (i + 1) * size) - lo
        said = f"about {_about(here)} h this week of this step's {_about(size)} h"
        return f" ({said}; finish it {when})"

    def said_before(i: int) -> bool:
        """Did the part before this one name step ``i`` (a step it held less than half of, at
        its end, goes unnamed there)?"""
        if part.number < 2:
            return False
        return i in named(part.previous, start)

    def named(lo: float, hi: float) -> list[int]:
        """The steps a part of the hours (lo, hi] names (before any it carries on from the
        part before): those whose middle it holds; if none, every step it spends more than
        a crumb on (swe-to-ml, rv50: "week 12 shows 3 of 30 h but its step is about 1.5 h":
        the other 1.5 h began the next step unsaid), or the one it spends most on."""
        mids = middles(lo, hi)
        if mids:
            after = mids[-1] + 1  # (and one it begins at the end, if more than a crumb)
            if after < len(steps) and hi - after * size >= STEP_CRUMB - 1e-9:
                return [*mids, after]
            return mids
        spent = [
            i
            for i in range(len(steps))
            if min(hi, (i + 1) * size) - max(lo, i * size) >= STEP_CRUMB - 1e-9
        ]
        return spent or [most(lo, hi)]

    def crumb(i: int) -> bool:
        """Does step ``i`` run over this week's end by a crumb (a quarter or half an hour)?
        Then the week says it whole: "the rest of it, about 0.25 h" the week after is noise
        in a plan whose hours are estimates (rv39: "odd leftover pieces")."""
        over: float = (i + 1) * size - end
        return bool(1e-9 < over < STEP_CRUMB and i * size < end)

    def middles(lo: float, hi: float) -> list[int]:
        """The steps whose middle falls in the hours (lo, hi]: the steps said there."""
        return [i for i in range(len(steps)) if lo < (i + 0.5) * size <= hi + 1e-9]

    def most(lo: float, hi: float) -> int:
        """The step the hours (lo, hi] spend most on."""
        overlap = [min(hi, (i + 1) * size) - max(lo, i * size) for i in range(len(steps))]
        return max(range(len(steps)), key=lambda i: overlap[i])

    def going_on(i: int) -> str:
        """Step ``i`` begun in an earlier week, said after it, not as a verb before it: a
        step that itself starts something read "finish: start one of the labs" (text audit
        8), so the week says "(the rest of it)" or "(continued; ...)" behind the step."""
        far = how_far(i)
        since = f" from week {earlier}" if earlier is not None else ""
        if far:
            return f"{steps[i]} (continued{since}; {far[2:]}"
        left = min((i + 1) * size, end) - start  # (a crumb beyond the week is said here)
        if (i + 1) * size <= end + 1e-9:
            # ... as what the step's hours leave after what the weeks before said they held,
            # so the two add up (c61wpost: "2.75 - 1.25 leaves 1.5 h, but week 18 says 1.25")
            done = start - i * size
            left = max(0.25, _quarter(size) - _quarter(done))
        begun = f", begun in week {earlier}" if earlier is not None else ""
        return f"{steps[i]} (the rest of it, about {_about(left)} h{begun})"

    # A step the week before started without finishing it is finished or kept going this
    # week, not started again.
    begun = None
    if part.number > 1:
        last = max(named(part.previous, start))
        if not middles(part.previous, start) or (last + 1) * size > start + 1e-9:
            begun = last
    # The rest of a step the week before said goes on comes first (rv35, rv38: the
    # fine-tuning said to go on "next week" was missing from that week's text).
    carried = int(start // size)
    if not (start > carried * size + 1e-9 and (carried + 1) * size > start + 1e-9):
        carried = len(steps)  # (the week begins on a step's first hour: nothing carried)
    elif (carried + 1) * size < start + STEP_CRUMB:
        carried = len(steps)  # (a crumb of it: the week before said it whole)
    mine = named(start, end)
    if middles(start, end):
        out = [going_on(i) if i == begun else steps[i] + how_far(i) for i in mine]
    else:
        # (a step's first week: how far it gets says it goes on later)
        out = [steps[i] + how_far(i) if start <= i * size + 1e-9 else going_on(i) for i in mine]
    if carried < mine[0]:
        out.insert(0, going_on(carried))
    if len(out) > 1:  # (only the last can go on: which one it is, said plainly)
        out[-1] = out[-1].replace(" of this step's ", " of this last step's ")
    return out


MAX_CORE_NAMED = 3  # core tasks named for a roadmap the person left out


def left_out_roadmaps_said(
    profile: Any, catalog: Any = None, md: bool = False, plan: Any = None
) -> str | None:
    """The roadmaps the person chose to leave out that their role's default includes: said
    in the plan, so a plan without, say, networking reads as their choice, not an oversight.
    With the ``catalog``, the core work for this person that goes with them is named (the
    referral ask that re-applying rests on is in networking)."""
    from upskill.schema import DEFAULT_ROADMAPS

    if profile.roadmaps is None:
        return None
    left = [r for r in DEFAULT_ROADMAPS.get(profile.target_role, ()) if r not in profile.roadmaps]
    if not left:
        return None
    # Said plainly, the point first (text audit 11, finding 14: "roadmaps", "network" and
    # "there" buried the referral ask): which track the person left out, that plans for
    # their role include it, what it holds for them, what it costs this plan, the way back.
    words = {roadmap: name for roadmap, name, _ in TRACKS}
    named_left = " and ".join(f"{words.get(r, r)} (`{r}`)" for r in left)
    role = profile.target_role
    said = (
        f"You chose to leave out {named_left}; plans for your target role ({role}) include "
        f"{'it' if len(left) == 1 else 'them'} by default."
    )
    core: list[str] = []
    kept: set[str] = set()
    if catalog is not None:
        from upskill.planner import not_for, staying

        def title(item: Any) -> str:
            return _md_escape(item.title) if md else clean(item.title, one_line=True)

        # the steps of applying that stay (`stays_with`): said first, with the way to drop
        # them too, so the plan does not read as ignoring the choice (the referral ask)
        spans = _spans(plan) if plan is not None else None
        stays = [
            (f"{r}.{item.id}", item)
            for r, item in staying(profile, catalog)
            if r in left
            and (spans is None or f"{r}.{item.id}" in spans)
            and not_for(profile, item) is None
        ]
        kept = {full for full, _ in stays}
        if stays:
            which = []
            for full, item in stays:
                span = spans.get(full) if spans is not None else None
                when = f" ({_weeks_said(span[0], span[1])})" if span else ""
                which.append(f"\u201c{title(item)}\u201d{when}")
            skip = " ".join(full for full, _ in stays)
            whose = sorted({full.split(".", 1)[0] for full, _ in stays}, key=left.index)
            of = " and ".join(words.get(r, r) for r in whose)
            said += (
                f" {'This step' if len(stays) == 1 else 'These steps'} of {of} "
                f"{'stays' if len(stays) == 1 else 'stay'} in your plan, as part of applying "
                f"rather than for its own sake: {', '.join(which)}; "
                f"`upskill check {skip} --skip` leaves {'it' if len(stays) == 1 else 'them'} "
                "out too."
            )
        core = [
            title(item)
            for r in left
            if r in catalog.roadmaps
            for item in catalog.roadmaps[r].items
            if item.priority_for(profile.hours_per_week) == "core"
            and not_for(profile, item) is None
            and f"{r}.{item.id}" not in kept
        ]
    if core:
        named = ", ".join(f"\u201c{t}\u201d" for t in core[:MAX_CORE_NAMED])
        more = len(core) - MAX_CORE_NAMED
        its = "Its" if len(left) == 1 else "Their"
        said += f" {its} {'other ' if kept else ''}core work for you includes {named}" + (
            f" and {more} more" if more > 0 else ""
        )
        shows = " and ".join(f"`upskill roadmaps show {r}`" for r in left)
        said += f" ({shows} {'lists it' if len(left) == 1 else 'list it'})."
    cost = _what_it_costs(plan, catalog, left, md) if plan is not None and catalog else None
    if cost:
        said = f"{said} {cost[0]}"
    # how to take it back, as the person would (rv83: "urge Alex to re-add at least the
    # referral ask"), and that one step alone (rv46: two of six reviewers of the engineer who
    # left networking out asked for the referral ask before his first shot)
    names = ", ".join(f'"{r}"' for r in left)
    said = (
        f"{said} To add {'it' if len(left) == 1 else 'them'} back, put {names} in `roadmaps` in "
        "your profile.toml and run `upskill replan --profile` with that file."
    )
    if cost:
        said += (
            f" Or add that one step alone, ahead of the first work that would come after it "
            f"(week {cost[3]}): `upskill add {cost[1]} --week {cost[2]}`."
        )
    return said


def _what_it_costs(
    plan: Any, catalog: Any, left: Sequence[str], md: bool
) -> tuple[str, str, int, int] | None:
    """What leaving a roadmap out costs this plan, from the documents: the first core item of
    a left-out roadmap that work in the plan would come after (the ML engineer's applications,
    after the ask for a referral), with the first sentence of why it matters; with that item's
    id, the week it would go in (its lead time ahead of the first work in the plan that would
    come after it) and that work's week."""
    from upskill.planner import after_of, not_for

    firsts = {t.item_id: None for t in plan.tasks}  # (in plan order, each item once)
    rounds = [i for i in firsts if i in catalog.items and catalog.items[i].after_prep_weeks]
    for item_id in [*rounds, *(i for i in firsts if i not in rounds)]:  # an application first
        item = catalog.items.get(item_id)
        if item is None:
            continue
        for ref in [
            *catalog.prerequisites(item_id),
            *after_of(catalog, item_id, plan.profile),
        ]:
            missed = catalog.items.get(ref)
            if (
                missed is None
                or ref in firsts  # (a step that stays in the plan: `stays_with`)
                # (nor one that needs work the plan does not hold: added alone, it could
                # not be done, as a follow-up to messages never sent)
                or any(
                    p not in firsts and not_for(plan.profile, catalog.items[p]) is None
                    for p in catalog.prerequisites(ref)
                    if p in catalog.items
                )
                or ref.split(".", 1)[0] not in left
                or missed.priority_for(plan.profile.hours_per_week) != "core"
                or not_for(plan.profile, missed) is not None
            ):
                continue
            why = missed.why_for(plan.profile.background).split(". ")[0].rstrip(".")
            said = (
                f"Without it, your \u201c{item.title}\u201d goes out without "
                f"\u201c{missed.title}\u201d before it. {why}."
            )
            # (the week it would go in: its lead time before the first work in the plan that
            # would come after it, the swe-to-ml engineer's infrastructure applications in
            # week 7 rather than his first shot in week 20 (rv49), in a week with hours)
            starts = min(
                t.week
                for t in plan.tasks
                if t.item_id in catalog.items
                and ref
                in (*catalog.prerequisites(t.item_id), *after_of(catalog, t.item_id, plan.profile))
            )
            week = max(1, starts - max(missed.lead_weeks or 0, 1))
            while week > 1 and plan.budget(week) <= 0:
                week -= 1
            return (_md_escape(said) if md else clean(said, one_line=True)), ref, week, starts
    return None


def steps_label(part: Any, doing: Sequence[str]) -> str:
    """What introduces the steps of a task: "in order: " for a whole task, "this week: " for a
    part (a step begun earlier says so after it, "(continued; ...)", see `steps_now`)."""
    return "in order: " if part is None else "this week: "


def join_steps(steps: Sequence[str]) -> str:
    """Steps as one sentence: "build the model; then load the weights"."""
    return "; then ".join([steps[0], *map(_in_sentence, steps[1:])]) if steps else ""


def hours_label(t: Any, part: Any) -> str:
    return part.label(t.hours) if part is not None else f"{t.hours:g} h"


def fit(text: str, width: int) -> str:
    """``text`` in ``width`` terminal cells, cut at a word boundary with "…" (never mid-word).

    If not even the first word fits, only "…" is left.
    """
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    out = ""
    for word in text.split():
        longer = f"{out} {word}" if out else word
        if cell_len(longer) + 1 > width:
            break
        out = longer
    return out.rstrip(" ,;:-–—(") + "…" if width >= 1 else ""


# What questionary draws before a checkbox choice: " » " and "● "; and one cell to spare, so
# that the terminal never wraps a row.
CHECKBOX_MARGIN = 6


def checklist_label(t: Any, part: Any, week: int, columns: int) -> str:
    """One row of the checklist: "ID  Title (2.5 of 10 h, part 1 of 4)", ", week 2" if late.

    The id comes first and is never cut; the title is cut to fit ``columns``.
    """
    late = f", week {t.week}" if t.week < week and t.status == "todo" else ""
    suffix = f" ({hours_label(t, part)}{late})"
    room = columns - CHECKBOX_MARGIN - len(t.id) - 2 - len(suffix)
    title = fit(clean(t.title, one_line=True), room) if room > 1 else ""
    return f"{t.id}  {title}{suffix}" if title else f"{t.id}{suffix}"


def week_heading(plan: Any, week: int) -> str:
    """ "Week 4 of 26: Mon 21 Dec – Sun 27 Dec 2026", with any time off named."""
    start, end = plan.week_start(week), plan.week_end(week)
    text = f"Week {week} of {plan.weeks}: {start:%a %d %b} – {end:%a %d %b %Y}"
    off = plan.profile.time_off_in(start)
    if off is not None:
        label = clean(off.label or "time off", one_line=True)
        text += f" ({label}: {plan.budget(week):g} h this week)"
    return text


def week_table(
    console: Any,
    plan: Any,
    week: int,
    title_prefix: str = "",
    info: Mapping[str, Detail] | None = None,
    catalog: Any = None,
) -> None:
    """One week of the plan as a table, with its total against the week's hours and buffer
    (and, with the ``catalog``, what can wait if a busy week runs short)."""
    from rich.table import Table
    from rich.text import Text

    tasks = plan.tasks_in(week)
    parts = plan.parts()
    firsts = first_tasks(plan) if info else set()
    # (work done ahead of the week took an earlier week's hours: `Plan.done_ahead`)
    total = sum(t.hours for t in tasks if not plan.done_ahead(t))
    hours_there = plan.budget(week)
    footer = f"{round(total, 2):g} / {budget(hours_there)} h"
    table = Table(
        title=title_prefix + week_heading(plan, week), title_justify="left", show_footer=True
    )
    # The id under each title is what people copy into `check` and `explain`: never wrap it.
    widest = max((len(t.id) for t in tasks), default=10)
    table.add_column("task", footer="total", ratio=1, min_width=widest, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("hours", justify="right", no_wrap=True, footer=footer)
    table.add_column("status", no_wrap=True)
    for head, t in laid_out(week_blocks(tasks, item_needs(catalog, plan.profile))):
        if head is not None:  # (a busy week's blocks, as the markdown shows them)
            said = block_heading(head[0], head[1], [])[0].replace("**", "")
            table.add_row(Text(said, style="bold"), "", "", "")
        style = "dim" if t.status != "todo" else ""
        label = Text(clean(t.title, one_line=True))
        label.append(f"\n{t.id}", style="dim")
        part = parts.get(id(t))
        if part is not None:
            label.append(f"  part {part.number} of {part.count}", style="dim")
        if t.pinned:
            label.append("  (pinned)", style="dim")
        if plan.done_ahead(t):
            label.append(f"  (done ahead, in week {plan.week_of(t.done_on)})", style="dim")
        if t.note:
            label.append(f"\nnote: {note_line(t.note)}", style="italic")
        extra = (info or {}).get(t.id)
        if extra is not None:
            if extra.topic:
                label.append(f"\nthis week: {clean(extra.topic, one_line=True)}")
            earlier, later = part_weeks(plan, t)
            doing = steps_now(part, t.hours, extra.steps, week=t.week, later=later, earlier=earlier)
            if doing:
                said = steps_label(part, doing)
                label.append(f"\n{said}{clean(join_steps(doing), one_line=True)}")
            if extra.for_you and id(t) in firsts:
                label.append(f"\nfor your interests: {clean(extra.for_you, one_line=True)}")
            if extra.done_when:
                label.append(
                    f"\n{finish_label(part, bool(doing))}: {clean(extra.done_when, one_line=True)}"
                )
            if extra.topics_held and id(t) in firsts:
                label.append(f"\n{clean(extra.topics_held, one_line=True)}")
            back = back_from_time_off(plan, t, extra)
            if back:
                label.append(f"\n{back}")
            for title, url in extra.links_at(id(t) in firsts):
                said = f"\n→ {clean(title, one_line=True)}: {clean(url, one_line=True)}"
                label.append(said, style="dim")
        hours = f"{t.hours:g} of {part.total:g}" if part is not None else f"{t.hours:g}"
        table.add_row(label, t.kind, hours, STATUS_MARK[t.status], style=style)
    if not tasks:
        table.add_row("(nothing planned)", "", "", "")
    console.print(table)
    if tasks and hours_there * plan.profile.buffer >= 0.5:
        free = max(round(hours_there - total, 2), 0)
        console.print(f"{free:g} h left free this week for overruns.", style="dim")
    slack = slip_said(plan, tasks, catalog)
    if slack:
        console.print(slack, style="italic", soft_wrap=True)


MARKDOWN_OVERFLOW = 8  # left-over items the markdown lists per roadmap


def overflow_groups(plan: Any) -> list[tuple[str, float, list[tuple[str, float, int, str]]]]:
    """What did not fit, by item (a recurring one once, with its count), grouped by roadmap.

    Groups and items keep the plan's order, which is most valuable first.
    """
    items: dict[str, list[Any]] = {}
    for u in plan.unscheduled:
        items.setdefault(u.id.split("@", 1)[0], []).append(u)
    groups: dict[str, list[tuple[str, float, int, str]]] = {}
    for item_id, rows in items.items():
        groups.setdefault(item_id.split(".", 1)[0], []).append(
            (item_id, rows[0].hours, len(rows), rows[0].reason)
        )
    return [
        (roadmap, round(sum(h * n for _, h, n, _ in entries), 2), entries)
        for roadmap, entries in groups.items()
    ]


_FREE_CLAUSE = re.compile(  # (as `Planner._free_said` words it in a reason)
    r"; ([\d.]+) h of the plan are still unplanned beyond the share of each week kept free "
    r"for overruns, but "
)


def free_said_once(plan: Any) -> str | None:
    """The plan's unplanned hours, said once above "Did not fit" when several reasons would
    each repeat them (full review, stops 53-56: "12 h of the plan are still unplanned" twenty
    times in one plan read as hours wasted, though they are slivers spread over its weeks);
    `shorter_reason` then leaves them out of each reason."""
    found = [m for u in plan.unscheduled if (m := _FREE_CLAUSE.search(u.reason))]
    if len(found) < 2:
        return None
    free = float(found[0].group(1))
    weekly = free / max(plan.weeks, 1)
    each = f"about {weekly:.1f} h" if weekly >= 0.1 else "under 0.1 h"
    return (
        f"{free:g} h of the plan, {each} a week, are still unplanned beyond the "
        "share of each week kept free for overruns, in pieces too small or too late for the "
        "work below; each item says why."
    )


def shorter_reason(reason: str, once: str | None) -> str:
    """A reason without the unplanned hours when `free_said_once` says them above the list."""
    return reason if once is None else _FREE_CLAUSE.sub(", but ", reason, count=1)


def next_steps(plan: Any, count: int = 5) -> list[str]:
    """The first few items left out, in the planner's order: what to do next, if anything.

    Only what more hours would bring in: not what is optional or an alternative to what is
    in the plan, what belongs after the plan's last week (a second application round), or
    what waits for something else left out, unless that comes before it in the list (the
    write-up after the reproduction it waits for).
    """
    out: list[str] = []
    for u in plan.unscheduled:
        item_id = u.id.split("@", 1)[0]
        waits = re.match(r"waits for (\S+), which did not fit", u.reason)
        later = "after the plan's last week" in u.reason or (
            u.reason.startswith("waits for") and not (waits and waits.group(1) in out)
        )
        spare = u.reason.startswith(  # not needed at all
            (
                "the roadmap treats it as optional",
                "matters only for",
                "an alternative to",
                "it builds on",
            )
        ) or (  # (work outside the interests the person named: `Policy.elsewhere_tags`)
            u.reason.startswith("it is ") and " work, and your interests are " in u.reason
        )
        if item_id not in out and not later and not spare:
            out.append(item_id)
        if len(out) == count:
            break
    return out


def after_the_plan(plan: Any) -> list[tuple[str, int | None]]:
    """What belongs in a known week after the plan's end (the re-application six months after
    the first round), with that week: the plan stops, the advice does not. In date order,
    each followed by what waits for it."""
    groups: list[list[tuple[str, int | None]]] = []
    group_of: dict[str, int] = {}
    for u in plan.unscheduled:
        item_id = u.id.split("@", 1)[0]
        found = re.search(r"week (\d+), after the plan's last week", u.reason)
        waits = re.match(r"waits for (\S+), which did not fit", u.reason)
        if item_id in group_of:
            continue
        if found:
            group_of[item_id] = len(groups)
            groups.append([(item_id, int(found[1]))])
        elif waits and waits[1] in group_of:  # and what follows it (re-applying)
            group_of[item_id] = group_of[waits[1]]
            groups[group_of[item_id]].append((item_id, None))
    groups.sort(key=lambda g: g[0][1] or 0)
    return [entry for g in groups for entry in g]


def light_from(plan: Any) -> int | None:
    """The week from which every remaining week holds less than half its hours (after at
    least one fuller week), or None: the plan says so rather than padding those weeks. A
    week that time off leaves under a quarter of its hours (a day before the holidays) is
    passed over like the holidays themselves."""
    held: dict[int, float] = {}
    for t in plan.tasks:
        held[t.week] = held.get(t.week, 0.0) + t.hours
    start: int | None = None
    for week in range(plan.weeks, 0, -1):
        hours = plan.budget(week)
        if hours <= 0 or (hours * 4 < plan.hours_per_week and week not in held):
            continue
        if held.get(week, 0.0) * 2 >= hours:
            break
        start = week
    if start is None or start == 1 or not any(w < start for w in held):
        return None
    return start


def _core_left(plan: Any, catalog: Any) -> float:
    """Hours (by the roadmaps' estimates) of the core work drawn from the documents for this
    person that the plan did not hold (alternatives count once, and not at all when one of
    them is in the plan)."""
    taken = {
        item.group: t.item_id
        for t in plan.tasks
        if (item := catalog.items.get(t.item_id)) is not None and item.group is not None
    }
    left = 0.0
    for u in plan.unscheduled:
        item_id = u.id.split("@", 1)[0]
        item = catalog.items.get(item_id)
        if item is None or item.priority_for(plan.profile.hours_per_week) != "core":
            continue
        if item.group is not None and taken.setdefault(item.group, item_id) != item_id:
            continue
        left += u.hours
    return left


YEAR = 52  # weeks: past this, the weekly hours are the plan's first decision


def _within_a_year(left: float, per_week: float) -> int | None:
    """The weekly hours that would bring ``left`` hours within a year, when ``per_week``
    puts them further away (222 h at 2 h a week: 5 h), else None."""
    if per_week <= 0 or math.ceil(left / per_week) <= YEAR:
        return None
    return math.ceil(left / YEAR)


def decision_hours(plan: Any, catalog: Any = None) -> int | None:
    """The weekly hours that would bring the role within a year, when the plan's own hours
    put it over a year away: the plan's first decision (see `hours_said`)."""
    if catalog is None:
        return None
    return _within_a_year(_core_left(plan, catalog), plan.hours_per_week)


def hours_said(
    plan: Any, catalog: Any = None, then: str = '"Did not fit" says what comes next.'
) -> str | None:
    """When the core work drawn from the documents for this person is far more than the whole
    plan can hold (two hours a week for three weeks), say so, with what would reach it:
    the plan is the cheapest first moves, not the path to the role. ``then`` points to what
    comes next where the text is shown."""
    if catalog is None:
        return None
    left = _core_left(plan, catalog)
    room = plan.hours_per_week * plan.weeks
    if left <= room or plan.hours_per_week <= 0:
        return None
    weeks = math.ceil(left / plan.hours_per_week)
    need = (
        # (the documents name the work, not its hours: the hours are the roadmaps' own
        # estimates, and said so; text audit 7)
        f"the core work the roadmaps draw from the documents for your target "
        f"({plan.profile.target_role}) comes, by the roadmaps' own estimates, to about "
        f"{left:.0f} h more, about {weeks} weeks at {budget(plan.hours_per_week)} "
        f"h a week{_far_off(weeks, left)}"
    )
    hours = _within_a_year(left, plan.hours_per_week)
    if hours is not None:  # the hours are the first decision, put first (rv82, rv83)
        # ... said as the decision first, then the figures one to a sentence (text audit
        # 11, finding 15: the point sat behind three qualifying clauses)
        pace = f" ({_how_long(weeks)})" if _how_long(weeks) else ""
        end = plan.week_end(1)
        return (
            f"First decision, by the end of week 1 ({end:%A} {end.day} {end:%B}, "
            f"{end.isoformat()}): how many hours a week you can give. The core work for your "
            f"target ({plan.profile.target_role}) comes to about {left:.0f} h more, by the "
            f"roadmaps' own estimates of the work the documents name. At "
            f"{budget(plan.hours_per_week)} h a week that is about {weeks} weeks{pace}; at "
            f"{hours} h a week, within a year (`upskill replan --hours {hours} --weeks {YEAR}`). "
            f"These {plan.weeks} weeks hold the cheapest first moves, not the path to the "
            f"role; {then}"
        )
    return (
        f"These {plan.weeks} weeks hold the cheapest first moves, not the path to the role: "
        f"{need}. More hours a week, or a longer plan, would reach it (`upskill replan "
        f"--hours H --weeks N` changes them); {then}"
    )


def core_share_said(plan: Any, catalog: Any = None, total_said: bool = False) -> str | None:
    """For a plan far too small for its role, how the left-over work's hours relate to the
    core work the first lines quote (222 h of core work, 958 h left over in all): the two
    figures are not the same thing, and a reader adding up "Did not fit" should see why."""
    if catalog is None or plan.hours_per_week <= 0:
        return None
    left = _core_left(plan, catalog)  # (said first only past what the plan holds: hours_said)
    total = sum(u.hours for u in plan.unscheduled)
    if left <= plan.hours_per_week * plan.weeks or total <= left:
        return None
    share = (
        f"the core work for your target is about {left:.0f} h of it, and the rest is "
        "optional or less valuable for you."
    )
    if total_said:  # (the heading above it already gave the total)
        return share[0].upper() + share[1:]
    return f"All that did not fit comes to about {total:.0f} h: {share}"


_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _how_long(weeks: int) -> str:
    """Many weeks said plainly, once weeks stop meaning much (111 weeks: "about two
    years"); "" under half a year."""
    if weeks < 26:
        return ""
    if weeks < 78:
        return f"about {round(weeks * 7 / 30.44)} months"
    years = round(weeks / YEAR)
    return f"about {_NUMBERS[years - 1] if years <= len(_NUMBERS) else str(years)} years"


def _far_off(weeks: int, left: float) -> str:
    """How far off the role is at this pace, said plainly once weeks stop meaning much
    (111 weeks: "about two years away at this pace"), and, when that is over a year, the
    weekly hours that would bring it within one (222 h: about 5 h a week)."""
    if weeks < 26:
        return ""
    said = f", which puts the role {_how_long(weeks)} away at this pace"
    if weeks > YEAR:
        said += f"; about {math.ceil(left / YEAR)} h a week would bring it within a year"
    return said


@dataclass(frozen=True)
class Offer:
    """Left-out work whose reason in "Did not fit" offers it weeks of the plan with room."""

    item_id: str
    hours: float  # in all, or a week's for a weekly habit
    weekly: bool
    weeks: frozenset[int]
    how: str  # "whole", "part" (spread over the weeks, or started there) or "first weeks"


_WEEKS_SAID = re.compile(  # "week 17", "weeks 25, 29 and 40", "weeks 46 and 50–52"
    # (not the hours after them: "weeks 8, 17 and 30, 5 h free in all" names no week 5)
    r"weeks? (\d+(?:–\d+)?(?![\d.]| h\b)(?:(?:, | and )\d+(?:–\d+)?(?![\d.]| h\b))*)"
)


def weeks_read(text: str) -> frozenset[int]:
    """The weeks the first "week N" or "weeks N, M and K–L" in ``text`` names (the planner
    says them so: `upskill.planner.weeks_named`), or none."""
    found = _WEEKS_SAID.search(text)
    if found is None:
        return frozenset()
    return frozenset(
        w
        for a, b in re.findall(r"(\d+)(?:–(\d+))?", found[1])
        for w in range(int(a), int(b or a) + 1)
    )


def offers(plan: Any) -> list[Offer]:
    """The left-out work that "Did not fit" says can go in weeks with room (the room left
    over afterwards, not refilled; a habit's weeks with its hours free), read from its
    reasons, most valuable first: what the notes on light and empty weeks name, so that they
    and "Did not fit" say the same (text audit 12, finding 3)."""
    out: list[Offer] = []
    seen: set[str] = set()
    for u in plan.unscheduled:
        item_id, weekly = u.id.split("@", 1)[0], "@" in u.id
        if item_id in seen:
            continue
        seen.add(item_id)
        if "is not refilled" in u.reason:
            room = u.reason.split("afterwards", 1)[-1]
            how = "whole" if "fits whole in" in room or weekly else "part"
        elif "and a free task slot (" in u.reason and "too few for its" in u.reason:
            room, how = u.reason.split("free task slot", 1)[1], "first weeks"
        else:
            continue
        weeks = weeks_read(room)
        if weeks:
            out.append(Offer(item_id, u.hours, weekly, weeks, how))
    return out


def offers_said(
    found: Sequence[Offer], catalog: Any = None, most: int = 3, one_week: bool = False
) -> str:
    """Up to ``most`` offers in words, by title where the ``catalog`` knows it:
    "“Read: lessons ...” (2 h), part of “Break a training run ...” (8 h in all) or the first
    weeks of “Weekly: implement ...” (3 h a week)"; for ``one_week``, a habit's first week."""

    def name(o: Offer) -> str:
        item = catalog.items.get(o.item_id) if catalog is not None else None
        title = f"\u201c{clean(item.title, one_line=True)}\u201d" if item is not None else o.item_id
        if o.how == "first weeks":
            if one_week:
                return f"the first week of {title} ({o.hours:g} h)"
            return f"the first weeks of {title} ({o.hours:g} h a week)"
        if o.weekly:
            return f"{title} ({o.hours:g} h a week)"
        if o.how == "part":
            return f"part of {title} ({o.hours:g} h in all)"
        return f"{title} ({o.hours:g} h)"

    names = [name(o) for o in found[:most]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _free_hours(plan: Any, week: int) -> float:
    """The hours of ``week`` beyond its tasks and the share kept free for overruns, as the
    planner counts them ("Did not fit" says them so)."""
    from upskill.planner import week_hours

    cap: float = week_hours(plan.profile, plan.start, plan.weeks)[week] / 100
    held = sum(float(t.hours) for t in plan.tasks_in(week) if not plan.done_ahead(t))
    return max(round(cap - held, 2), 0.0)


LEFT_FREE = (  # (the light weeks' free hours: what "Did not fit" offers them)
    'from "Did not fit", {} can go there, if applying, follow-ups and interviews leave the time.'
)


def _weeks_dated(plan: Any, first: int, last: int) -> str:
    """ "week 40 (2027-08-30 – 2027-09-05)" or "weeks 39–40 (2027-08-23 – 2027-09-05)"."""
    dates = f"({plan.week_start(first).isoformat()} – {plan.week_end(last).isoformat()})"
    return f"week {first} {dates}" if first == last else f"weeks {first}–{last} {dates}"


def light_said(plan: Any, catalog: Any = None) -> str | None:
    """What the light weeks at the end of a plan are for, if there are any: the work "Did
    not fit" offers them, if any (text audit 12, finding 3: "none of the work left over fits
    there well" above a "Did not fit" that said "you can add it there" of those weeks)."""
    week = light_from(plan)
    if week is None:
        return None
    last = max((t.week for t in plan.tasks), default=0)
    rest = range(max(last, week - 1) + 1, plan.weeks + 1)
    there = [o for o in offers(plan) if any(w >= week for w in o.weeks)]
    if last < week:
        if not there:
            # (not "nothing more is worth it": what did not fit is listed, with why; the
            # weeks after it, with no section, said with their dates, rv8)
            hold = "holds" if len(rest) == 1 else "hold"
            them = "it" if len(rest) == 1 else "them"
            return (
                f"The planned work ends in week {last}; {_weeks_dated(plan, rest[0], rest[-1])}"
                f" {hold} nothing: nothing left over fits there well (each item left out is "
                f"listed with its reason). Use {them} to apply, follow up and keep your habits."
            )
        span = _weeks_dated(plan, rest[0], rest[-1]) + (" is" if len(rest) == 1 else " are")
        free = _free_hours(plan, rest[0])
        each = "" if len(rest) == 1 else " a week"
        return (
            f"The planned work ends in week {last}; {span} left free, with about {free:g} h"
            f"{each} beyond the share kept for overruns: "
            + LEFT_FREE.format(offers_said(there, catalog, one_week=len(rest) == 1))
        )
    when = f"Week {week} is" if week == plan.weeks else f"From week {week} the weeks are"
    # (the plan's last weeks hold nothing, so they have no section: said with their dates, as
    # the header counts them; rv8: "one week fewer than the header declares")
    hidden = ""
    if last < plan.weeks:
        empty = _weeks_dated(plan, last + 1, plan.weeks)
        hidden = f" {empty[0].upper()}{empty[1:]} " + (
            "holds nothing, so it is not listed."
            if last + 1 == plan.weeks
            else "hold nothing, so they are not listed."
        )
    if not there:
        return (
            f"{when} light: none of the work left over fits there well. "
            "Use the free hours to apply, follow up and keep your habits going." + hidden
        )
    if week == plan.weeks:
        free = _free_hours(plan, week)
        when += f" light, with about {free:g} h free beyond the share kept for overruns"
    else:
        when += " light"
    said = offers_said(there, catalog, one_week=week == plan.weeks)
    return f"{when}: " + LEFT_FREE.format(said) + hidden


def after_the_plan_said(
    plan: Any, quote: str = "", info: Mapping[str, Detail] | None = None
) -> list[str]:
    """``after_the_plan`` in words: each id (quoted; after its title, in markdown with
    ``info``), with its week and date if known."""
    return [
        (
            _md_titled(i, info)
            if info is not None
            else f"{quote}{clean(i, one_line=True).replace('`', chr(39))}{quote}"
        )
        + (f" (week {w}, from {plan.week_start(w).isoformat()})" if w else "")
        for i, w in after_the_plan(plan)
    ]


def _md_title(item_id: str, info: Mapping[str, Detail] | None) -> str:
    """An item's title and a space, for markdown, or nothing if it is not known."""
    detail = (info or {}).get(item_id)
    return f"{_md_escape(detail.title)} " if detail is not None and detail.title else ""


def _md_titled(item_id: str, info: Mapping[str, Detail] | None) -> str:
    """An item as the person reads it in markdown: its title, then its id to type."""
    uid = clean(item_id, one_line=True).replace("`", "'")
    title = _md_title(item_id, info)
    return f"{title}(`{uid}`)" if title else f"`{uid}`"


def task_and_left_out_ids(plan: Any) -> list[str]:
    """Every task id and the item id of everything left out: what `details` is asked for."""
    return [t.id for t in plan.tasks] + [u.id.split("@", 1)[0] for u in plan.unscheduled]


def overflow_lines(plan: Any) -> list[str]:
    """Plain lines: each roadmap with its hours, then its items (recurring with their count)."""
    once = free_said_once(plan)
    lines = [] if once is None else [clean(once, one_line=True)]
    for roadmap, hours, entries in overflow_groups(plan):
        lines.append(f"{clean(roadmap, one_line=True)} ({hours:g} h)")
        for item_id, each, n, reason in entries:
            size = f"{each:g} h × {n} weeks" if n > 1 or "@" in item_id else f"{each:g} h"
            lines.append(
                f"  {clean(item_id, one_line=True)} ({size}): "
                f"{clean(shorter_reason(reason, once), one_line=True)}"
            )
    return lines


MIN_TASKS_FOR_SLACK = 5  # a week this busy says what may slip if it runs short
MAX_SLACK_NAMED = 2


def slip_said(plan: Any, tasks: Sequence[Any], catalog: Any, md: bool = False) -> str | None:
    """What a busy week says can wait if it runs short (reviewers: six to eight tasks a week
    with no word on what matters least)."""
    slack = can_slip(plan, tasks, catalog)
    if not slack:
        return None
    shown = (_md_escape(x) if md else clean(x, one_line=True) for x in slack)
    named = " and ".join(f"\u201c{x}\u201d" for x in shown)
    which = "these" if len(slack) > 1 else "this"
    return (
        f"If the week runs short, leave {which} for later (`upskill replan` finds room): {named}."
    )


def can_slip(plan: Any, tasks: Sequence[Any], catalog: Any) -> list[str]:
    """In a full week of many tasks, the titles of the work that can wait if the week runs
    short: one-off work of ordinary priority with no deadline, no application timing and no
    one waiting on it (not a weekly habit, an ask or a follow-up, nor what work starting in
    the next two weeks needs); not in the plan's last week, which has no later."""
    if catalog is None:
        return []
    todo = [t for t in tasks if t.status == "todo"]
    if len(todo) < MIN_TASKS_FOR_SLACK or todo[0].week >= plan.weeks:
        return []
    week = todo[0].week
    soon = {  # what work in the next two weeks needs or comes after
        ref
        for later in (week + 1, week + 2)
        for other in plan.tasks_in(later)
        if other.item_id in catalog.items
        for ref in (
            *catalog.prerequisites(other.item_id),
            *catalog.after(other.item_id, plan.profile.background),
        )
    }
    out: list[str] = []
    for t in todo:
        item = catalog.items.get(t.item_id)
        if (
            item is None
            or t.item_id in soon
            or "@" in t.id
            or item.priority not in ("normal", "optional")
            or item.kind == "network"
            or item.deadline is not None
            or item.after_prep_weeks is not None
            or item.wait_weeks is not None
            or t.title in out
        ):
            continue
        out.append(t.title)
    return out[:MAX_SLACK_NAMED]


def exams_said(plan: Any) -> str | None:
    """A student's term has heavy weeks the answers do not show (rv83: "mark the exam weeks
    as light"): how to make them light, once, unless time off already names exams."""
    from upskill.schema import STUDENTS

    profile = plan.profile
    if profile.background not in STUDENTS or plan.weeks < 8:
        return None
    if any("exam" in (off.label or "").lower() for off in profile.time_off):
        return None
    start = plan.week_start(min(plan.weeks // 2, 14))
    end = start + dt.timedelta(days=13)
    return (
        "Exams and deadlines: your term has heavy weeks this plan cannot see. Add each to "
        "`time_off` in your profile.toml with the hours you will really have, for example "
        f"`{{ start = {start.isoformat()}, end = {end.isoformat()}, hours_per_week = 4, "
        'label = "exams" }`, and run `upskill replan --profile` with that file: those weeks '
        "get lighter and the work moves around them."
    )


def plan_markdown(
    plan: Any,
    weeks: list[int] | None = None,
    info: Mapping[str, Detail] | None = None,
    catalog: Any = None,
) -> str:
    """The plan as a GitHub-friendly checklist, one section per week (``catalog``: to name
    the core work of a roadmap the person left out)."""
    name = plan.profile.name
    lines = [f"# upskill plan{' for ' + clean(name, one_line=True) if name else ''}", ""]
    lines.append(
        f"{plan.weeks} weeks from {plan.start.isoformat()}, {budget(plan.hours_per_week)} "
        f"h/week, background: {plan.profile.background}, target: {plan.profile.target_role}."
    )
    lines.append("")
    money = money_said(plan, catalog) if weeks is None else None
    if money is not None:
        lines.extend([_md_escape(money), ""])
    left_out = left_out_roadmaps_said(plan.profile, catalog, md=True, plan=plan)
    if left_out is not None:
        lines.extend([left_out, ""])
    short = hours_said(plan, catalog) if weeks is None else None
    if short is not None:
        lines.extend([short, ""])
    decide = decision_hours(plan, catalog) if short is not None else None
    exams = exams_said(plan) if weeks is None else None
    if exams is not None:
        lines.extend([exams, ""])
    numbers = weeks if weeks is not None else list(range(1, plan.last_week() + 1))
    needs = item_needs(catalog, plan.profile)
    layouts = {n: week_blocks(plan.tasks_in(n), needs) for n in numbers}
    blocked = blocks_said(layouts.values()) if weeks is None else None
    if blocked is not None:
        lines.extend([blocked, ""])
    steps = milestones(plan, catalog) if weeks is None else []
    if steps:
        lines.extend(["Milestones:", "", *(f"- {_md_escape(x)}" for x in steps), ""])
        for timing in timings_said(plan, catalog):
            lines.extend([timing, ""])
    if weeks is None:
        lines.extend(track_lines(plan, catalog))
    if info is not None and weeks is None:
        lines.extend(interest_lines(plan, info))
    parts = plan.parts()
    firsts = first_tasks(plan) if info else set()
    said_in: dict[str, int] = {}  # the week an item's finish line was first written out
    for n in numbers:
        tasks = plan.tasks_in(n)
        total = sum(t.hours for t in tasks if not plan.done_ahead(t))
        off = plan.profile.time_off_in(plan.week_start(n))
        lines.append(
            f"## Week {n} ({plan.week_start(n).isoformat()} – {plan.week_end(n).isoformat()}), "
            f"{round(total, 2):g} of {budget(plan.budget(n))} h"
            + (f" ({_md_escape(off.label or 'time off')})" if off is not None else "")
        )
        lines.append("")
        if n == 1 and decide is not None:  # (the decision as this week's first step)
            lines.extend(
                [
                    f"_First, this week: decide your weekly hours (the first decision above); "
                    f"if you can find {decide} h, `upskill replan --hours {decide} --weeks {YEAR}` "
                    "makes the plan for them. Done when: the hours you can really give each "
                    "week are written down, and either the plan is made again for them or "
                    f"you keep this one on purpose, at {budget(plan.hours_per_week)} h._",
                    "",
                ]
            )
        slack = slip_said(plan, tasks, catalog, md=True)
        if slack:
            lines.extend([f"_{slack}_", ""])
        for head, t in laid_out(layouts[n]):
            if head is not None:
                lines.extend(block_heading(head[0], head[1], lines))
            box = "x" if t.status == "done" else " "
            title = _md_escape(t.title)
            size = hours_label(t, parts.get(id(t)))
            extra = f", done {t.done_on.isoformat()}" if t.done_on and t.status == "done" else ""
            if plan.done_ahead(t):
                extra += ", ahead of this week"
            if t.status == "skipped":
                lines.append(f"- [ ] ~~{title}~~ (`{t.id}`, {size}, skipped)")
            else:
                lines.append(f"- [{box}] {title} (`{t.id}`, {t.kind}, {size}{extra})")
            if t.note:
                lines.append(f"  - Note: {_md_escape(note_line(t.note))}")
            for ref in t.evidence:
                lines.append(f"  - Evidence: {md_link(ref)}")
            if t.spent_hours is not None:
                lines.append(f"  - Took {t.spent_hours:g} h")
            detail = (info or {}).get(t.id)
            if detail is not None:
                if detail.topic:
                    lines.append(f"  - This week: {_md_escape(detail.topic)}")
                earlier, later = part_weeks(plan, t)
                doing = steps_now(
                    parts.get(id(t)),
                    t.hours,
                    detail.steps,
                    week=t.week,
                    later=later,
                    earlier=earlier,
                )
                if doing:
                    said = steps_label(parts.get(id(t)), doing)
                    lines.append(f"  - {said[0].upper()}{said[1:]}{_md_escape(join_steps(doing))}")
                if detail.for_you and id(t) in firsts:
                    lines.append(f"  - For your interests: {_md_escape(detail.for_you)}")
                if detail.done_when:
                    # written out once: a weekly habit's later weeks and a long item's
                    # middle parts point back to it, so each week's new work stands out
                    # (the last part, where it is checked, says it again)
                    part = parts.get(id(t))
                    label = finish_label(part, bool(doing))
                    again = t.item_id in said_in and (part is None or part.number < part.count)
                    said = (
                        # ... with its opening words, so the week reads on its own
                        f"{_md_escape(gist(detail.done_when))} (in full in week "
                        f"{said_in[t.item_id]})"
                        if again
                        else _md_escape(detail.done_when)
                    )
                    said_in.setdefault(t.item_id, n)
                    lines.append(f"  - {label[0].upper()}{label[1:]}: {said}")
                if detail.topics_held and id(t) in firsts:
                    lines.append(f"  - {_md_escape(detail.topics_held)}")
                back = back_from_time_off(plan, t, detail)
                if back:
                    lines.append(f"  - {back}")
                for title, link in detail.links_at(id(t) in firsts):
                    url = clean(link, one_line=True).replace(")", "%29")
                    lines.append(f"  - [{_md_escape(title)}]({url})")
                if detail.source and id(t) in firsts:  # where the advice comes from, once
                    lines.append(f"  - Source: {_md_escape(detail.source)}")
                    if detail.beyond:  # (said where the source is: an honest attribution)
                        lines.append(f"  - Beyond the documents: {_md_escape(detail.beyond)}")
        if not tasks:
            lines.append(_nothing_planned(plan, n, catalog))
        lines.append("")
    light = light_said(plan, catalog) if weeks is None else None
    if light is None and weeks is None:
        light = rest_said(plan)
    if light is not None:
        lines.append(_md_escape(light))
        lines.append("")
    if plan.unscheduled and weeks is None:
        lines.append("## Did not fit")
        lines.append("")
        share = core_share_said(plan, catalog)
        if share is not None:
            lines.append(_md_escape(share))
            lines.append("")
        steps = next_steps(plan)
        if steps:
            shown = (_md_titled(x, info) for x in steps)
            lines.append("Next, in this order: " + ", ".join(shown) + ".")
            lines.append("")
        afterwards = after_the_plan_said(plan, quote="`", info=info)
        if afterwards:
            lines.append("After this plan: " + ", then ".join(afterwards) + ".")
            lines.append("")
        # A document to read, not a dump: the most valuable of each roadmap's left-over
        # work, and how much more there is (`upskill plan --all` lists all of it).
        names = {roadmap: name for roadmap, name, _ in TRACKS}  # (as the top lines say them)
        once = free_said_once(plan)
        if once is not None:
            lines.append(_md_escape(once))
            lines.append("")
        # (what a light week's note offers is listed, wherever it ranks: the note sends the
        # reader here for it)
        offered = {o.item_id for o in offers(plan)}
        for roadmap, hours, entries in overflow_groups(plan):
            name = names.get(roadmap, roadmap)
            lines.append(f"### {_md_escape(name[0].upper() + name[1:])} ({hours:g} h)")
            lines.append("")
            first = entries[:MARKDOWN_OVERFLOW]
            first += [e for e in entries[MARKDOWN_OVERFLOW:] if e[0] in offered]
            for item_id, each, count, reason in first:
                size = f"{each:g} h × {count} weeks" if count > 1 else f"{each:g} h"
                title = _md_title(item_id, info)
                uid = clean(item_id, one_line=True).replace("`", "'")
                said = _md_escape(titled_reason(shorter_reason(reason, once), catalog))
                lines.append(f"- {title}(`{uid}`, {size}): {said}")
            rest = [e for e in entries if e not in first]
            if rest:
                more = round(sum(each * count for _, each, count, _ in rest), 2)
                lines.append(
                    f"- and {len(rest)} more ({more:g} h), less valuable for you: "
                    "`upskill plan --all` lists them"
                )
            lines.append("")
    return "\n".join(lines)


BLOCKS = {
    "network": "People and applications",
    "phd-applications": "People and applications",
    "coding": "Coding and interviews",
    "interviewing": "Coding and interviews",
    "ml-devloop": "Machine learning",
    "open-source": "Open source",
    "research": "Research",
}
BLOCK_FROM_TASKS = 4  # a week of this many tasks or more is shown in blocks
# what an application is sent with goes with the applications, not the interview practice
# (c62: "the CV rewrite sits under Coding and interviews")
APPLICATION_PAPERS = frozenset(
    {
        "interviewing.cv-rebrand",
        "interviewing.resume-tailor",
        "interviewing.resume-friend-review",
        "interviewing.target-list",
        "interviewing.transferable-skills",
    }
)


# an hour that is easiest to drop if left till last: its block leads the week (c62)
LEADS_THE_WEEK = frozenset({"network.weekly-outreach"})
# the work a week is built around, placed first in each of its weeks (`week_share`)
FIRST_IN_WEEK = frozenset({"research.collaboration-weekly", "research.collaboration-next"})
# a weekly meeting's preparation reports the week's research: in its block, after the work
# (c62: "the agenda is meant to report your results, so the experiment should come first")
REPORTS_ON_RESEARCH = frozenset({"phd-applications.supervisor-meetings"})


def block_of(t: Any) -> str:
    """The block a task is worked in: what it works on. An application, and the papers it
    is sent with, go with the people and applications, whatever their roadmap; a paper
    submitted to a workshop stays with its research."""
    item_id: str = t.item_id
    roadmap = item_id.split(".", 1)[0]
    if item_id in REPORTS_ON_RESEARCH:
        return BLOCKS["research"]
    if item_id in APPLICATION_PAPERS or (t.kind == "apply" and roadmap != "research"):
        return BLOCKS["network"]
    # (a roadmap of one's own is a block of its own, never one of the built-in names)
    return BLOCKS.get(roadmap, f"{roadmap.replace('-', ' ').capitalize()} (your roadmap)")


def week_blocks(
    tasks: Sequence[Any], needs: Callable[[str], Iterable[str]] | None = None
) -> list[tuple[str, list[Any]]]:
    """A busy week's tasks in blocks of one kind of work, each a sitting or a day rather
    than a switch between tasks (rv49: "week 9 packs nine separate tasks into 22.5 h"), its
    tasks in the plan's order (a supervisor meeting's preparation after the research it
    reports). One block of all the tasks when the week has fewer than ``BLOCK_FROM_TASKS``,
    they are all of one kind, or each is of a kind of its own.

    A block comes where its first task that is not weekly practice comes (the practice
    habits lead each week's list; c62: "the week-8 collaboration ask, third in the list,
    came last under Research"); the weekly research block counts, a meeting's preparation
    does not; the block of the weekly collaboration leads its weeks, then the block of the
    weekly outreach (c62: "the outreach last in 13 of 24 weeks, where it is easiest to
    drop").
    Nothing is shown before what it comes after in the same week (``needs``: what an item
    comes after; review62: "week 6 shows the concepts drill before the loss curves it
    needs"): the blocks go in an order that keeps that, or the week is a list. Without
    ``needs`` (the terminal's quick view, which does not load the roadmaps) it is a list."""
    here = {t.item_id for t in tasks}

    def before(t: Any) -> set[str]:  # (what this task comes after, in this week)
        return (set(needs(t.item_id)) & here) - {t.item_id} if needs is not None else set()

    # the weekly collaboration block is listed first, as its why says it is worked (rv50:
    # "in weeks 29-30 the block is listed after a derivation drill ... that contradicts its
    # own rule of a block placed first in each of its weeks"), unless it comes after
    # something in the week
    tasks = sorted(tasks, key=lambda t: not (t.item_id in FIRST_IN_WEEK and not before(t)))
    # ... and nothing before what it comes after: the plan's order, each task moved after
    # what it waits for in the week (review62: "the round listed before the programme
    # application it comes after")
    ordered: list[Any] = []
    while len(ordered) < len(tasks):
        done = {t.item_id for t in ordered}
        left = [t for t in tasks if all(t is not u for u in ordered)]
        ready = next((t for t in left if before(t) <= done), left[0])  # (a cycle: as it was)
        ordered.append(ready)
    tasks = ordered
    if len(tasks) < BLOCK_FROM_TASKS or needs is None:
        # (without what each task comes after, the week stays a list in the plan's order)
        return [("", tasks)]
    out: dict[str, list[Any]] = {}
    for t in tasks:
        out.setdefault(block_of(t), []).append(t)
    if not 2 <= len(out) < len(tasks):  # (one kind, or a block for every task: a list)
        return [("", tasks)]
    for block in out.values():  # (a stable sort: the plan's order otherwise)
        waits = set().union(*(before(t) for t in block))
        block.sort(key=lambda t: t.item_id in REPORTS_ON_RESEARCH and t.item_id not in waits)
    at = {id(t): i for i, t in enumerate(tasks)}

    def rank(name: str) -> tuple[int, int]:
        block = out[name]
        work = [at[id(t)] for t in block if not upkeep(t)]
        first = min(work) if work else at[id(block[0])]
        ids = {t.item_id for t in block}
        return (0 if ids & FIRST_IN_WEEK else 1 if ids & LEADS_THE_WEEK else 2, first)

    # the blocks in that order, a block only once every block it waits for is placed
    waits_for = {name: set[str]() for name in out}
    for name, block in out.items():
        for t in block:
            waits_for[name] |= {block_of(u) for u in tasks if u.item_id in before(t)} - {name}
    placed: list[str] = []
    while len(placed) < len(out):
        ready = [n for n in out if n not in placed and waits_for[n] <= set(placed)]
        if not ready:  # (two kinds of work waiting on each other this week: a list)
            return [("", tasks)]
        placed.append(min(ready, key=rank))
    return [(name, out[name]) for name in placed]


def laid_out(
    blocks: list[tuple[str, list[Any]]],
) -> Iterator[tuple[tuple[str, list[Any]] | None, Any]]:
    """A week's tasks in the order ``week_blocks`` lays them out, each with the block it
    opens (to write that block's heading above it), else None."""
    for block in blocks:
        for n, t in enumerate(block[1]):
            yield (block if n == 0 and len(blocks) > 1 else None), t


def item_needs(catalog: Any, profile: Any) -> Callable[[str], Iterable[str]] | None:
    """What an item comes after in a plan for this person (its prerequisites and `after`),
    for `week_blocks`; None without a ``catalog``."""
    if catalog is None:
        return None
    known: dict[str, list[str]] = {}

    def needs(item_id: str) -> list[str]:
        if item_id not in known:
            known[item_id] = (
                [*catalog.prerequisites(item_id), *catalog.after(item_id, profile.background)]
                if item_id in catalog.items
                else []
            )
        return known[item_id]

    return needs


def upkeep(t: Any) -> bool:
    """Weekly practice that keeps something going beside the week's work (the interview
    problems, a mock, a drill), and a meeting's preparation: not what places a block.
    The weekly outreach and the weekly research block are work that places theirs."""
    if t.item_id in REPORTS_ON_RESEARCH:
        return True
    return "@" in t.id and block_of(t) not in (BLOCKS["research"], BLOCKS["network"])


def blocks_said(layouts: Iterable[list[tuple[str, list[Any]]]]) -> str | None:
    """How the busy weeks are laid out (``layouts``: each week's `week_blocks`), said once
    at the top when some week is in blocks."""
    busy = 0
    names: list[str] = []
    for blocks in layouts:
        if len(blocks) > 1:
            busy += 1
            names.extend(name for name, _ in blocks if name not in names)
    if not busy:
        return None
    kinds = sorted(names, key=_block_rank)
    listed = "; ".join(k.lower() for k in kinds)  # (the names have "and" in them)
    which = f"{BLOCK_FROM_TASKS} tasks or more, some of one kind"
    weeks = (
        f"One busy week ({which}) lays its"
        if busy == 1
        else f"Busy weeks ({busy} of them: {which}) lay their"
    )
    return (
        f"{weeks} tasks out in blocks of one kind of work ({listed}), each with its tasks "
        "and hours: work each block in sittings of its own (a morning, an evening, a day) "
        "rather than switching from one kind of work to another (the blocks are this tool's "
        "layout, not advice from the documents)."
    )


def _block_rank(name: str) -> tuple[int, str]:
    order = list(dict.fromkeys(BLOCKS.values()))
    return (order.index(name) if name in order else len(order), name)


def block_name(name: str, tasks: Sequence[Any]) -> str:
    """A block's name for what is in it this week: "Coding" or "Interviews" alone, "People"
    (outreach) or "Applications" alone, when the week has only that half of the block (c62:
    "Coding and interviews (3 h)" in a plan with nothing for interviewing)."""
    if name not in (BLOCKS["coding"], BLOCKS["network"]):
        return name
    mine = {_half_of(t) for t in tasks}
    return name if len(mine) > 1 else mine.pop()


def _half_of(t: Any) -> str:
    """Which half of a two-part block a task is: coding or interviews; people (outreach) or
    applications (an application, what it is sent with, a PhD application's pieces)."""
    roadmap = str(t.item_id).split(".", 1)[0]
    if block_of(t) == BLOCKS["coding"]:
        return "Coding" if roadmap == "coding" else "Interviews"
    return "People" if roadmap == "network" and t.kind != "apply" else "Applications"


def block_heading(name: str, tasks: Sequence[Any], lines: list[str]) -> list[str]:
    """A block's heading line: its name for what is in it, its tasks and hours (a blank
    line before it unless the lines above end in one)."""
    name = block_name(name, tasks)
    hours = round(sum(t.hours for t in tasks), 2)
    count = f"{len(tasks)} tasks, " if len(tasks) > 1 else ""
    blank = [""] if lines and lines[-1] else []
    return [*blank, f"**{name}** ({count}{hours:g} h)", ""]


def _nothing_planned(plan: Any, week: int, catalog: Any = None) -> str:
    """What an empty week says: time off needs no word; a week with hours says what they are
    for (text audit 10: two blank 12-hour weeks with no reason given), and what "Did not
    fit" offers it (text audit 12, finding 3: "none of the work left over is planned here"
    beside "Scope a small research project ... you can add it there")."""
    if plan.budget(week) <= 0:
        return "_Nothing planned._"
    there = [o for o in offers(plan) if week in o.weeks]
    if there:
        return (
            "_Nothing planned: left free for applying, follow-ups and interviews; if they "
            f"leave time, {_md_escape(offers_said(there, catalog, one_week=True))} from "
            '"Did not fit" can go here._'
        )
    why = (
        ' none of the work left over is planned here ("Did not fit" gives each item\'s reason).'
        if plan.unscheduled
        else ""
    )
    return f"_Nothing planned:{why} Use the week to apply, follow up and keep your habits._"


def rest_said(plan: Any) -> str | None:
    """The weeks after the last one with work, when `light_said` has not spoken of them
    (text audit 10: "48 weeks" above sections that stop at week 47, the last a holiday)."""
    last = plan.last_week()
    if last >= plan.weeks:
        return None
    rest = range(last + 1, plan.weeks + 1)
    span = f"Week {last + 1} is" if len(rest) == 1 else f"Weeks {last + 1}–{plan.weeks} are"
    if all(plan.budget(n) <= 0 for n in rest):
        return f"{span} time off, with nothing planned."
    return (
        f"{span} not shown, with nothing planned: use them to apply, follow up and keep your "
        "habits."
    )


_ITEM_ID = re.compile(r"\b[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9_-]*\b")


def titled_reason(reason: str, catalog: Any) -> str:
    """A reason with the items it names by id said by their titles (text audit 10: "an
    alternative to ml-devloop.fastai-course" in a list whose entries have titles)."""
    if catalog is None:
        return reason

    def title(match: re.Match[str]) -> str:
        item = catalog.items.get(match.group())
        return f"\u201c{item.title}\u201d" if item is not None else match.group()

    # (a command to type keeps its ids: "`upskill add network.public-profile --week 20`")
    pieces = reason.split("`")
    return "`".join(p if i % 2 else _ITEM_ID.sub(title, p) for i, p in enumerate(pieces))


def note_line(note: str) -> str:
    """A note on one line: the notes `check --note` added one per line, joined with " / "."""
    return " / ".join(clean(line, one_line=True) for line in note.splitlines() if line.strip())


def is_web_link(ref: str) -> bool:
    """Whether a piece of evidence is an http(s) link: the only kind shown as clickable."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(ref)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and ref.isprintable()


def md_link(ref: str) -> str:
    """Evidence in Markdown: an http(s) link as an autolink, anything else as code, verbatim."""
    text = clean(ref, one_line=True)
    if is_web_link(text) and not any(ch in text for ch in " <>`"):
        return f"<{text}>"
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def budget(hours: float) -> str:
    """A weekly budget as the person gave it: never rounded (2.999 must not show as 3)."""
    return f"{hours:.15g}"


# A code span the text means (`upskill people add NAME`): kept as code, its contents as they
# are (a backslash in a code span shows), unless they hold what a table or a span could not.
_CODE_SPAN = re.compile(r"`([^`|\\]+)`")


def _md_escape(text: str) -> str:
    """Text on one line, safe in Markdown: what would be markup is escaped, but a code span the
    text means stays code."""
    parts = _CODE_SPAN.split(clean(text, one_line=True))
    for i in range(0, len(parts), 2):  # (the odd parts are code spans' contents)
        for ch in "\\`*_[]<>|":
            parts[i] = parts[i].replace(ch, "\\" + ch)
    return "".join(part if i % 2 == 0 else f"`{part}`" for i, part in enumerate(parts))


md_escape = _md_escape  # text on one line, safe in Markdown


def plan_footer(console: Any, plan: Any, full: bool, catalog: Any = None) -> None:
    """Where the plan's work ends, what to do next, and (``full``) all that did not fit;
    with the ``catalog``, how far a plan far too small for the role's core work falls short."""
    light = light_said(plan, catalog)
    if light is not None:
        console.print(light)
    if not plan.unscheduled:
        return
    steps = next_steps(plan)
    short = hours_said(plan, catalog, then="the lines below say what comes next.")
    if short is not None:
        console.print(short, soft_wrap=True)
    hours = sum(u.hours for u in plan.unscheduled)
    if steps:
        console.print(f"Next, in this order, when you have more time: {', '.join(steps)}.")
    afterwards = after_the_plan_said(plan)
    if afterwards:
        console.print(f"After this plan: {', then '.join(afterwards)}.", soft_wrap=True)
    if full:
        console.print(f"Did not fit ({hours:g} h), most valuable first:")
        share = core_share_said(plan, catalog, total_said=True)
        if share is not None:
            console.print(share, soft_wrap=True)
        for line in overflow_lines(plan):
            console.print(f"  {line}", soft_wrap=True)
    else:
        items = len({u.id.split("@", 1)[0] for u in plan.unscheduled})
        console.print(
            f"{items} more item{'s' if items != 1 else ''} ({hours:g} h) did not fit: "
            "`upskill plan --all` lists them."
        )


def bar(done: float, total: float, width: int = 12) -> str:
    if total <= 0:
        return "─" * width
    filled = min(width, round(width * done / total))
    return "█" * filled + "░" * (width - filled)


def summary_view(console: Any, data: dict[str, Any]) -> None:
    """The check summary: per roadmap and overall, done against planned to date and in total."""
    from rich.table import Table

    week, weeks = data["week"], data["weeks"]
    if week < 1:
        when = "before week 1"
    elif week > weeks:
        when = f"after the last week, {weeks}"
    else:
        when = f"week {week} of {weeks}"
    table = Table(title=f"Progress on {data['today']} ({when})", title_justify="left")
    table.add_column("roadmap")
    table.add_column("done / to date", justify="right")
    table.add_column("done / total", justify="right")
    table.add_column("progress", no_wrap=True)
    table.add_column("skipped", justify="right")
    rows = [*data["roadmaps"].items(), ("overall", data)]
    for name, r in rows:
        pct = 100 * r["done_hours"] / r["planned_hours"] if r["planned_hours"] else 0.0
        table.add_row(
            name,
            f"{r['done_hours']:g} / {round(r['planned_to_date_hours'], 1):g} h",
            f"{r['done_hours']:g} / {r['planned_hours']:g} h",
            f"{bar(r['done_hours'], r['planned_hours'])} {pct:3.0f}%",
            f"{r['skipped_hours']:g} h" if r["skipped_hours"] else "",
            style="bold" if name == "overall" else "",
        )
    console.print(table)
    console.print(
        f"You are {data['status']}." if data["status"] != "on track" else "You are on track."
    )
    freed = data.get("freed_weeks") or []
    if freed:
        said = ", ".join(str(w) for w in freed)
        console.print(
            f"Work done ahead left {'week' if len(freed) == 1 else 'weeks'} {said} with hours "
            "to spare: `upskill replan` brings the next work into them."
        )
    outside = data.get("done_outside_plan_hours")
    if outside:
        console.print(
            f"Done outside the plan: {outside:g} h (counted as done, never as planned; "
            "`upskill check ID` records such work)."
        )
    m = data.get("next_milestone")
    if m:
        if m.get("overdue"):
            when = "overdue"
        elif m["days_away"] == 0:
            when = "due today"
        else:
            when = f"due by {m['due']}, in {m['days_away']} day{'s' if m['days_away'] != 1 else ''}"
        console.print(f"Next milestone: {m['title']} ({m['id']}), week {m['week']}, {when}.")
    for line in pace_lines(data.get("pace") or {}):
        console.print(line)


def pace_lines(paces: Mapping[str, Any]) -> list[str]:
    """The summary's pace (its JSON shape) in words: only roadmaps with enough timed tasks."""
    from upskill.pace import Pace, lines

    return lines(
        {r: Pace(r, p["tasks"], p["estimated_hours"], p["spent_hours"]) for r, p in paces.items()}
    )


def chart(console: Any, rows: list[tuple[int, float, float]], width: int = 40) -> None:
    """Cumulative planned against cumulative done hours, week by week."""
    if not rows:
        console.print("Nothing to chart yet.")
        return
    top = max(max(p, d) for _, p, d in rows) or 1.0
    console.print("Cumulative hours: planned (▒) against done (█)")
    for week, planned, done in rows:
        p = round(width * planned / top)
        d = round(width * done / top)
        console.print(f"W{week:>3} plan {'▒' * p:<{width}} {planned:7.1f}")
        console.print(f"     done {'█' * d:<{width}} {done:7.1f}")
    _, planned, done = rows[-1]
    gap = done - planned
    console.print(f"Gap now: {gap:+.1f} h")


def people_table(console: Any, log: Any, today: Any) -> None:
    """The outreach log: each person, when you wrote, replies, what is next; then the totals."""
    from rich.table import Table
    from rich.text import Text

    from upskill.people import FOLLOW_UP_AFTER_DAYS, totals

    if not log.people:
        console.print(
            "No one in your outreach log yet: "
            '`upskill people add NAME --org ORG --how email --about "..."` logs a message.'
        )
        return
    table = Table(title=f"People you reached (on {today.isoformat()})", title_justify="left")
    widest = max(len(p.name) for p in log.people)
    table.add_column("who", min_width=min(widest, 24), overflow="fold")
    table.add_column("how, about", ratio=1, overflow="fold")
    table.add_column("wrote", no_wrap=True)
    table.add_column("replied", no_wrap=True)
    table.add_column("next", no_wrap=True)
    for p in log.people:
        status = p.status(today)
        due = p.follow_up_due()
        if status == "follow-up due":
            nxt = f"follow up, due {due.isoformat()}"
        elif status == "waiting":
            nxt = f"follow up on {due.isoformat()}"
        elif status == "resting":
            nxt = "no answer: let it rest"
        else:
            nxt = "-"
        who = Text(clean(p.name, one_line=True), style="bold")
        who.append(f"\n{clean(p.org, one_line=True)}", style="dim")
        table.add_row(
            who,
            f"{p.how}: {p.about}",
            "\n".join(d.isoformat() for d in p.messages),
            "\n".join(d.isoformat() for d in p.replies) or "-",
            nxt,
            style="bold" if status == "follow-up due" else "",
        )
    console.print(table)
    t = totals(log)
    rate = f" ({t['reply_rate']:.0%})" if t["reply_rate"] is not None else ""
    console.print(
        f"{t['messages_sent']} messages sent to {t['people_contacted']} people; "
        f"{t['people_replied']} replied{rate}, {t['replies']} replies in all. "
        f"A follow-up is due {FOLLOW_UP_AFTER_DAYS} days after a message without an answer."
    )
    for line in follow_up_lines(log, today):
        console.print(line, soft_wrap=True)


def follow_up_lines(log: Any, today: Any) -> list[str]:
    """The follow-ups due today or earlier, for `plan` and `people list`; none: no lines."""
    import shlex

    from upskill.people import due

    pending = due(log, today)
    if not pending:
        return []
    out = [f"Follow-ups due ({len(pending)}):"]
    for p, when in pending:
        last = max(p.messages)
        name = clean(p.name, one_line=True)
        out.append(
            f"  {name} ({clean(p.org, one_line=True)}): no answer to your message of "
            f"{last.isoformat()} (due {when.isoformat()}); once you have written: "
            f"upskill people follow-up {shlex.quote(name)}"
        )
    return out


def reviews_table(console: Any, journal: Any) -> None:
    """The weekly reviews so far, oldest first, one row each."""
    from rich.table import Table

    if not journal.reviews:
        console.print("No reviews yet: `upskill review` asks the questions.")
        return
    table = Table(title="Weekly reviews", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("week", justify="right")
    for label in ("moved", "blocked", "question", "contact"):
        table.add_column(label, ratio=1, overflow="fold")
    table.add_column("hours next", justify="right")
    for r in journal.reviews:
        hours = r.hours_next_week
        table.add_row(
            r.date.isoformat(),
            str(r.week) if r.week is not None else "",
            r.moved or "",
            r.blocked or "",
            r.question or "",
            r.contact or "",
            f"{hours:g}" if hours is not None else "",
        )
    console.print(table)
    asked = sum(1 for r in journal.reviews if r.question)
    console.print(
        f"{len(journal.reviews)} reviews; {asked} with a question for a researcher. "
        "`upskill review --export markdown` prints them all."
    )
