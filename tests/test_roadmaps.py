"""Roadmap files: the built-in content, every validation error, and the roadmaps commands."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_here as run
from upskill.errors import DataError
from upskill.roadmaps import RoadmapError, load_catalog, validate_file
from upskill.schema import SKILLS, TRACK_ORDER

BUILT_IN = list(TRACK_ORDER)
DOCUMENTS = (
    "How I got here, Nathan Lambert",
    "My path from astrophysics postdoc to Anthropic, Evan Anders",
    "Careers in Beneficial AI Research, Adam Gleave",
    "Breaking into AI Research, Unblocking podcast",
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


ITEM = """
[[items]]
id = "{id}"
title = "Item {id}"
hours = {hours}
kind = "learn"
prerequisites = {prereqs}
why = "because"
source = "me"
done_when = "done"
"""


def roadmap_text(rid: str, items: list[tuple[str, list[str]]], hours: str = "2") -> str:
    body = f'id = "{rid}"\ntitle = "Mine"\n'
    for iid, prereqs in items:
        body += ITEM.format(id=iid, hours=hours, prereqs=json.dumps(prereqs))
    return body


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RoadmapError) as info:
        validate_file(path)
    return info.value.problems


# ----------------------------------------------------------------- built-in content


def test_all_seven_built_in_roadmaps_load_and_validate() -> None:
    catalog = load_catalog(None)
    assert sorted(catalog.roadmaps) == sorted(BUILT_IN)


@pytest.mark.parametrize("roadmap_id", BUILT_IN)
def test_every_built_in_item_has_why_source_and_done_when(roadmap_id: str) -> None:
    roadmap = load_catalog(None).roadmaps[roadmap_id]
    for item in roadmap.items:
        assert item.why.strip(), f"{roadmap_id}.{item.id} has no why"
        assert item.done_when.strip(), f"{roadmap_id}.{item.id} has no done_when"
        named = [part.strip() for part in item.source.split(";")]
        assert named, f"{roadmap_id}.{item.id} has no source"
        assert all(p in DOCUMENTS for p in named), f"{roadmap_id}.{item.id}: {item.source!r}"


EXTENDS = re.compile(
    r"\b(extends? (his|her|the|\w+'s)\b|builds on \w+'s|common hiring practice|documents do not)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("roadmap_id", BUILT_IN)
def test_an_item_that_goes_beyond_the_documents_says_what_in_the_plan(roadmap_id: str) -> None:
    """A reviewer: two readings were extensions, "labelled as such only in their
    rationales". An item whose why says it extends a document (or rests on common hiring
    practice) says what goes beyond them in `beyond`, which the plan shows under its source
    (items the documents only partly describe carry one too: the blank-file ML round)."""
    for item in load_catalog(None).roadmaps[roadmap_id].items:
        if EXTENDS.search(item.why) is not None:
            assert item.beyond is not None, f"{roadmap_id}.{item.id}"


def test_core_tracks_have_dozens_of_items_and_skill_levels_are_real() -> None:
    catalog = load_catalog(None)
    for rid in ("coding", "ml-devloop", "interviewing", "open-source"):
        assert len(catalog.roadmaps[rid].items) >= 24, rid
    for item in catalog.items.values():
        if item.skill is not None:
            assert item.skill in SKILLS


def test_strategy_is_encoded_in_the_content() -> None:
    catalog = load_catalog(None)
    items = catalog.items
    # Apply after a couple of months of the preparation this person needs.
    assert items["interviewing.first-applications"].after_prep_weeks == 8

    # Re-apply about six months after the first round, wherever it lands.
    def weeks_after_first_round(item: str) -> int:
        if item == "interviewing.first-applications":
            return 0
        paths = [weeks_after_first_round(p) for p in catalog.prerequisites(item)]
        paths = [w for w in paths if w >= 0]
        return max(paths) + (items[item].wait_weeks or 0) if paths else -1

    assert 20 <= weeks_after_first_round("interviewing.reapply") <= 30
    # Practice before the test: a timed assessment, mock interviews and the stories.
    needs = set(catalog.prerequisites("interviewing.first-applications"))
    assert {"coding.first-online-assessment", "interviewing.first-mocks"} <= needs
    assert items["phd-applications.submit-applications"].deadline == "12-01"
    assert items["network.first-outreach"].early_if_runway_under is not None
    assert items["network.structured-programme"].early_if_runway_under is not None
    assert items["coding.weekly-problems"].repeat


# ----------------------------------------------------------------- validation errors


def test_unknown_key_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.toml",
        roadmap_text("mine", [("a", [])]).replace('kind = "learn"', 'kind = "learn"\nhorus = 3'),
    )
    assert problems_of(path) == [
        f"{path}: items[0] (a).horus: unknown key (check the spelling; see docs/roadmap-format.md)"
    ]


def test_an_unknown_key_holding_a_newline_is_named_on_one_line(tmp_path: Path) -> None:
    """A quoted TOML key may hold a newline: the problem stays one line, the key quoted."""
    path = write(
        tmp_path / "r.toml",
        roadmap_text("mine", [("a", [])]).replace(
            'kind = "learn"', 'kind = "learn"\n"hor\\nus" = 3'
        ),
    )
    assert problems_of(path) == [
        f"{path}: items[0] (a).'hor\\nus': unknown key (check the spelling; see "
        "docs/roadmap-format.md)"
    ]


def test_wrong_type_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "r.toml", roadmap_text("mine", [("a", [])], hours='"three"'))
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: items[0] (a).hours: ")
    assert "number" in line


@pytest.mark.parametrize("hours", ["0", "-2", "nan", "inf"])
def test_non_positive_or_non_finite_hours_are_refused(tmp_path: Path, hours: str) -> None:
    path = write(tmp_path / "r.toml", roadmap_text("mine", [("a", [])], hours=hours))
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: items[0] (a).hours: ")


def test_duplicate_item_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "r.toml", roadmap_text("mine", [("a", []), ("a", [])]))
    assert problems_of(path) == [f"{path}: items[1] (a).id: duplicate item id 'a'"]


def test_dangling_prerequisite_within_and_across_roadmaps(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.toml",
        roadmap_text("mine", [("a", ["nowhere", "nosuch.item", "coding.nope"])]),
    )
    assert problems_of(path) == [
        f"{path}: items[0] (a).prerequisites: 'nowhere' points to no item",
        f"{path}: items[0] (a).prerequisites: 'nosuch.item' points to no item (no roadmap 'nosuch' is loaded)",
        f"{path}: items[0] (a).prerequisites: 'coding.nope' points to no item",
    ]


def test_what_a_drill_prepares_for_must_exist(tmp_path: Path) -> None:
    text = roadmap_text("mine", [("a", []), ("b", [])])
    text += '\n[[items]]\nid = "c"\ntitle = "C"\nhours = 1\nkind = "practice"\n'
    text += 'prepares_for = ["b", "coding.big-o", "nowhere"]\n'
    path = write(tmp_path / "r.toml", text)
    assert problems_of(path) == [f"{path}: items[2] (c).prepares_for: 'nowhere' points to no item"]


def test_cross_roadmap_prerequisite_to_a_built_in_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "r.toml", roadmap_text("mine", [("a", ["coding.big-o"])]))
    assert validate_file(path).id == "mine"


def test_prerequisite_cycle_is_spelled_out(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.toml", roadmap_text("mine", [("a", ["b"]), ("b", ["c"]), ("c", ["a"])])
    )
    assert problems_of(path) == [
        f"{path}: prerequisite cycle: mine.a -> mine.b -> mine.c -> mine.a"
    ]


def test_self_loop_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "r.toml", roadmap_text("mine", [("a", ["a"])]))
    assert problems_of(path) == [
        f"{path}: items[0] (a).prerequisites: the item needs itself: mine.a -> mine.a"
    ]


def test_duplicate_roadmap_id_across_files(home: Path) -> None:
    write(home / "roadmaps" / "one.toml", roadmap_text("mine", [("a", [])]))
    write(home / "roadmaps" / "two.toml", roadmap_text("mine", [("b", [])]))
    with pytest.raises(RoadmapError) as info:
        load_catalog(home)
    assert info.value.problems == [
        f"{home / 'roadmaps' / 'two.toml'}: id: roadmap id 'mine' is already used by {home / 'roadmaps' / 'one.toml'}"
    ]


def test_user_roadmap_reusing_a_built_in_id_is_refused(home: Path) -> None:
    write(home / "roadmaps" / "coding.toml", roadmap_text("coding", [("a", [])]))
    with pytest.raises(RoadmapError) as info:
        load_catalog(home)
    assert "roadmap id 'coding' is already used by built-in coding.toml" in info.value.problems[0]


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "r.toml", 'id = "mine"\ntitle = "x"\n[[items]\n')
    with pytest.raises(DataError) as info:
        validate_file(path)
    assert str(info.value).startswith(f"{path}: TOML syntax error: ")
    assert "line 3" in str(info.value)


def test_validate_command_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    text = roadmap_text("mine", [("a", ["ghost"]), ("a", [])], hours="-1")
    path = write(tmp_path / "bad.toml", text)
    result = run("roadmaps", "validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"upskill: error: {path}: items[") for line in lines)
    assert "Traceback" not in result.stderr


def test_validate_command_accepts_a_good_file(tmp_path: Path) -> None:
    path = write(tmp_path / "good.toml", roadmap_text("mine", [("a", []), ("b", ["a"])]))
    result = run("roadmaps", "validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: ok: roadmap 'mine', 2 items, 4 hours"
    as_json = json.loads(run("roadmaps", "validate", str(path), "--format", "json").stdout)
    assert as_json == {"file": str(path), "valid": True, "id": "mine", "items": 2, "hours": 4.0}


def test_validate_every_built_in_file_with_the_command() -> None:
    for path in sorted((Path(__file__).parents[1] / "data" / "roadmaps").glob("*.toml")):
        result = run("roadmaps", "validate", str(path))
        assert result.returncode == 0, result.stderr


# ----------------------------------------------------------------- commands


def test_list_shows_built_in_and_user_roadmaps_with_counts_and_hours(home: Path) -> None:
    write(home / "roadmaps" / "mine.toml", roadmap_text("mine", [("a", []), ("b", ["a"])]))
    result = run("roadmaps", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {*BUILT_IN, "mine"}
    assert rows["mine"]["items"] == 2
    assert rows["mine"]["hours"] == 4.0
    catalog = load_catalog(None)
    coding = catalog.roadmaps["coding"]
    assert rows["coding"]["items"] == len(coding.items)
    assert rows["coding"]["hours"] == round(sum(i.hours * (i.repeat or 1) for i in coding.items), 2)
    table = run("roadmaps")
    assert table.returncode == 0
    assert "phd-applications" in table.stdout
    assert "mine" in table.stdout


def test_show_lists_items_in_prerequisite_order() -> None:
    result = run("roadmaps", "show", "ml-devloop", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    position = {item["id"]: n for n, item in enumerate(data["items"])}
    assert len(position) == len(load_catalog(None).roadmaps["ml-devloop"].items)
    for item in data["items"]:
        for pre in item.get("prerequisites", []):
            full = pre if "." in pre else f"ml-devloop.{pre}"
            if full in position:
                assert position[full] < position[item["id"]], (full, item["id"])
    table = run("roadmaps", "show", "coding")
    assert table.returncode == 0
    assert "big-o" in table.stdout


def test_show_unknown_roadmap_exits_1_listing_the_known_ones() -> None:
    result = run("roadmaps", "show", "cooking")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "upskill: error: unknown roadmap 'cooking'; available: " + ", ".join(sorted(BUILT_IN))
    )


def test_a_broken_user_roadmap_is_reported_by_every_command(home: Path) -> None:
    write(home / "roadmaps" / "mine.toml", roadmap_text("mine", [("a", ["b"]), ("b", ["a"])]))
    result = run("roadmaps")
    assert result.returncode == 1
    assert "prerequisite cycle: mine.a -> mine.b -> mine.a" in result.stderr


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("lead_weeks", "3", True),
        ("lead_weeks", "0", False),
        ("lead_weeks", "53", False),
        ("lead_weeks", '"3"', False),
        # a lead of 0 weeks would let a deadline fall in week 0, before the plan starts
        ("deadline_lead_weeks", "1", True),
        ("deadline_lead_weeks", "0", False),
        ("deadline_lead_weeks", "53", False),
    ],
)
def test_lead_weeks_are_a_whole_number_of_weeks(
    tmp_path: Path, key: str, value: str, ok: bool
) -> None:
    extra = 'deadline = "02-15"\n' if key == "deadline_lead_weeks" else ""
    text = roadmap_text("mine", [("a", []), ("b", ["a"])]).replace(
        'id = "a"\n', f'id = "a"\n{extra}{key} = {value}\n', 1
    )
    assert f"\n{key} = {value}" in text
    result = run("roadmaps", "validate", str(write(tmp_path / "lead.toml", text)))
    assert (result.returncode == 0) == ok, result.stderr
    if not ok:
        assert key in result.stderr


@pytest.mark.parametrize("roadmap_id", BUILT_IN)
def test_no_text_a_person_reads_names_a_task_by_its_id(roadmap_id: str) -> None:
    """Titles, rationales and finish lines speak of "the short refresher", never of
    `stats-refresher`: ids mean nothing to the person reading the plan."""
    import re

    catalog = load_catalog(None)
    bare = {full.split(".", 1)[1] for full in catalog.items if "-" in full.split(".", 1)[1]}
    for item in catalog.roadmaps[roadmap_id].items:
        for text in (
            item.title,
            item.why,
            item.done_when,
            *item.why_by_background.values(),
            *item.done_when_by_background.values(),
            *item.done_when_by_role.values(),
            *item.done_when_short_runway.values(),
            *item.done_when_with.values(),
            item.quick_done_when,
            *item.steps,
        ):
            named = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text)) & bare
            named |= {full for full in catalog.items if full in text}
            assert not named, (item.id, named)


def validates_with(tmp_path: Path, key: str, value: str, ok: bool) -> None:
    """`roadmaps validate` on a one-item roadmap whose item sets ``key = value``: accepted if
    ``ok``, else refused with a message naming the key."""
    text = roadmap_text("mine", [("a", [])]).replace(
        'id = "a"\n', f'id = "a"\n{key} = {value}\n', 1
    )
    result = run("roadmaps", "validate", str(write(tmp_path / f"{key}.toml", text)))
    assert (result.returncode == 0) == ok, result.stderr
    if not ok:
        assert key in result.stderr


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ('["Top Interview 150 section: Array / String"]', True),  # a built-in weekly topic
        ("[]", True),
        ('["Top Interview 150 section: Origami"]', False),  # nobody's topic
        ('"Top Interview 150 section: Hashmap"', False),  # a list, not a string
    ],
)
def test_covers_names_weekly_topics_that_exist(tmp_path: Path, value: str, ok: bool) -> None:
    validates_with(tmp_path, "covers", value, ok)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ('["Read the guide", "Make the change"]', True),
        ("[]", True),
        (json.dumps([f"step {n}" for n in range(9)]), False),  # more than eight
        (json.dumps(["x" * 121]), False),  # a step longer than 120 characters
        ('[""]', False),
        ('"one step"', False),  # a list, not a string
    ],
)
def test_steps_are_a_short_list_of_short_texts(tmp_path: Path, value: str, ok: bool) -> None:
    validates_with(tmp_path, "steps", value, ok)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ('"Aim the messages at people working on {interests}."', True),
        ('"Aim the messages at people in your field."', False),  # no place for the interests
        ('""', False),
        (json.dumps("x" * 190 + "{interests}"), False),  # longer than 200 characters
    ],
)
def test_for_interests_names_where_the_interests_go(tmp_path: Path, value: str, ok: bool) -> None:
    validates_with(tmp_path, "for_interests", value, ok)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ('{ ml-engineer = "No PhD programmes on the list." }', True),
        ("{}", True),
        ('{ data-engineer = "Not a target role." }', False),  # a role no profile can have
        ('{ ml-engineer = "" }', False),  # an empty finish line
        ('"No PhD programmes."', False),  # a table, not a string
    ],
)
def test_a_finish_line_by_role_names_real_roles(tmp_path: Path, value: str, ok: bool) -> None:
    validates_with(tmp_path, "done_when_by_role", value, ok)


def finish_lines(**variants: Any) -> Any:
    """An item with a default finish line, a quick version and the ``variants`` given."""
    from upskill.models import Item

    return Item.model_validate(
        {
            "id": "a",
            "title": "A",
            "hours": 2,
            "kind": "write",
            "done_when": "default",
            "quick_hours": 1,
            "quick_done_when": "quick",
            **variants,
        }
    )


def test_the_finish_line_is_the_quick_one_then_the_backgrounds_then_the_roles() -> None:
    """Text audit 10: an ML engineer's options list offered PhD programmes "if you aim at
    research roles". A finish line for the target role replaces `done_when`; one for the
    person's background wins over it (a postdoc's list is a postdoc's whatever the role),
    and the quick version of a very short plan wins over both."""

    item = finish_lines(
        done_when_by_role={"ml-engineer": "for an ML engineer"},
        done_when_by_background={"phd-or-postdoc": "for a postdoc"},
    )
    assert item.done_when_for("software-engineer", role="ml-engineer") == "for an ML engineer"
    assert item.done_when_for("software-engineer", role="research-scientist") == "default"
    assert item.done_when_for("software-engineer") == "default"
    assert item.done_when_for("phd-or-postdoc", role="ml-engineer") == "for a postdoc"
    assert item.done_when_for("phd-or-postdoc", quick=True, role="ml-engineer") == "quick"


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("done_when_short_runway", '{ grad-student = "Jobs first: your money runs out." }', True),
        ("done_when_short_runway", '{ student = "Not a background." }', False),
        ("done_when_short_runway", '{ undergrad = "" }', False),
        ("beyond_by_background", '{ grad-student = "Your advisor first is ours." }', True),
        ("beyond_by_background", '{ student = "Not a background." }', False),
        ("beyond_by_background", '{ undergrad = "%s" }' % ("x" * 201), False),  # (as `beyond`)
    ],
)
def test_short_runway_finish_lines_and_beyond_notes_name_real_backgrounds(
    tmp_path: Path, key: str, value: str, ok: bool
) -> None:
    validates_with(tmp_path, key, value, ok)


def test_a_money_clause_is_said_only_to_a_short_runway_and_as_theirs() -> None:
    """Text audit 12, finding 5: a PhD student who gave no runway was told "with under a year
    of money", "if your money runs short", "if your money runs out within the year"; a
    master's student whose money does run out got "mostly internships" first. The finish line
    for a runway under a year says the money clause as the person's; nobody else hears it."""

    item = finish_lines(
        done_when_by_background={"grad-student": "for a student"},
        done_when_short_runway={"grad-student": "for a student short of money"},
    )
    assert item.done_when_for("grad-student") == "for a student"  # (no runway given)
    assert item.done_when_for("grad-student", runway=12) == "for a student"
    assert item.done_when_for("grad-student", runway=11.5) == "for a student short of money"
    assert item.done_when_for("undergrad", runway=3) == "default"
    assert item.done_when_for("grad-student", quick=True, runway=3) == "quick"
    items = load_catalog(None).items
    money = ("money", "runs short", "runway")
    for item_id, background in (
        ("network.research-internship", "undergrad"),
        ("network.research-internship", "grad-student"),
        ("network.local-labs", "grad-student"),
        ("interviewing.target-list", "grad-student"),
        ("interviewing.target-list", "undergrad"),
    ):
        said = items[item_id].done_when_for(background, role="research-scientist")
        assert not any(word in said for word in money), (item_id, background, said)
        short = items[item_id].done_when_for(background, role="research-scientist", runway=5)
        assert "your money runs out within the year" in short.lower(), (item_id, background)
        assert "if your money" not in short.lower()
    jobs = items["interviewing.target-list"].done_when_for("grad-student", runway=5)
    assert jobs.index("so jobs first") < jobs.index("internships")
    # ... and someone aiming at research without a PhD puts the posts that take them first
    # ("many organisations still insist on a PhD", Gleave; rv18: "jobs for your target role
    # first" for a master's student aiming at research roles)
    assert "research engineer posts and residencies lead" in jobs


def test_a_note_beyond_the_documents_describes_the_finish_line_shown_with_it() -> None:
    """Text audit 12, finding 8: a student's ask goes to their advisor first, and an
    undergraduate's research programmes say nothing of who is admitted outside a degree, yet
    the notes under them spoke of maintainers and of schemes outside a degree."""
    items = load_catalog(None).items
    ask = items["network.ask-for-opportunities"]
    student = ask.beyond_for("grad-student") or ""
    assert "maintainer" not in student
    assert "advisor" in student
    assert "advisor" in ask.done_when_for("grad-student")
    assert "maintainer" in (ask.beyond_for("phd-or-postdoc") or "")
    assert "maintainer" in ask.quick_done_when  # (the note under the quick version too)
    programmes = items["phd-applications.research-programmes"]
    for background in ("undergrad", "grad-student"):
        assert "outside a degree" not in (programmes.beyond_for(background) or "")
        assert "outside a degree" not in programmes.done_when_for(background)
    assert "outside a degree" in programmes.done_when_for("software-engineer")
    assert "outside a degree" in (programmes.beyond_for("software-engineer") or "")


def test_interest_advice_names_the_interests_unless_the_item_is_about_one() -> None:
    from upskill.models import Item

    item = Item.model_validate(
        {
            "id": "a",
            "title": "A",
            "hours": 1,
            "kind": "network",
            "for_interests": "Write to people working on {interests}.",
        }
    )
    said = item.for_these(["reinforcement-learning", "robotics"])
    assert said == "Write to people working on reinforcement learning and robotics."
    assert item.for_these([]) is None
    tagged = item.model_copy(update={"tags": ["robotics"]})
    assert tagged.for_these(["robotics"]) is None


def test_a_split_part_says_which_steps_it_covers() -> None:
    from upskill.plan import Part
    from upskill.render import join_steps, steps_now

    steps = ["first", "second", "third"]
    assert steps_now(None, 6, steps) == steps  # a task done in one week: all of them, in order
    assert steps_now(Part(1, 3, 12.0, 4.0), 4.0, steps) == ["first"]
    assert steps_now(Part(2, 3, 12.0, 8.0), 4.0, steps) == ["second"]
    assert steps_now(Part(3, 3, 12.0, 12.0), 4.0, steps) == ["third"]
    # each step belongs to the part that holds its middle; a step that part says goes on is
    # said in the next as its rest, first (rv35, rv38: the fine-tuning said to go on "next
    # week" was missing from that week's text), never as the same work twice (rv12)
    assert steps_now(Part(1, 2, 12.0, 6.0), 6.0, steps) == [
        "first",
        "second (about 2 h this week of this last step's 4 h; finish it in part 2)",
    ]
    assert steps_now(Part(2, 2, 12.0, 12.0), 6.0, steps) == [
        "second (the rest of it, about 2 h)",
        "third",
    ]
    parts = [Part(1, 3, 15.0, 6.0), Part(2, 3, 15.0, 12.0), Part(3, 3, 15.0, 15.0, 6.0)]
    named = [s for p, h in zip(parts, (6.0, 6.0, 3.0), strict=True) for s in steps_now(p, h, steps)]
    # ... and a step a part begins at its end, with more than a crumb of its hours, is said
    # there too, so each week's steps add up to its hours (rv50: "week 12 shows 3 of 30 h
    # but the week's step is about 1.5 h"), and goes on as its rest in the next
    assert named == [
        "first",
        "second (about 1 h this week of this last step's 5 h; finish it in part 2)",
        "second (the rest of it, about 4 h)",
        "third (about 2 h this week of this last step's 5 h; finish it in part 3)",
        "third (the rest of it, about 3 h)",
    ]
    # a part holding no step's middle keeps going with the step it spends most on
    # ... and says how far into it the week gets as something a person can check: the
    # step's hours this week out of its own, and when it goes on (text audit 11, finding 5:
    # "stop about two thirds of the way through this step" was not a finish line; text
    # audit 10: "about half of it" left "it" open); a step begun in an earlier week says so
    # after it ("(continued; ...)"), never as a verb before it, which read "finish: start
    # one of the labs" (text audit 8)
    assert steps_now(Part(1, 4, 12.0, 1.0), 1.0, steps) == [
        "first (about 1 h this week of this step's 4 h; finish it in part 2)"
    ]
    assert steps_now(Part(1, 4, 12.0, 1.0), 1.0, steps, week=3, later=4) == [
        "first (about 1 h this week of this step's 4 h; finish it next week)"
    ]
    assert steps_now(Part(1, 4, 12.0, 1.0), 1.0, steps, week=3, later=6) == [
        "first (about 1 h this week of this step's 4 h; finish it in week 6)"
    ]
    assert steps_now(Part(2, 4, 12.0, 3.4), 1.5, steps) == [
        "first (continued; about 1.5 h this week of this step's 4 h; finish it in part 3)"
    ]
    # ... but a crumb of a step (half an hour or less) is not carried into the next week:
    # the week before says it whole, and the next starts on the next step (rv39: "odd
    # leftover pieces ... the rest of it, about 0.25 h, begun in week 22")
    assert steps_now(Part(2, 4, 12.0, 3.8), 1.5, steps) == ["first (the rest of it, about 1.5 h)"]
    # ... and a step finished this week says as its rest what its hours leave after the
    # hours the week before said (c61wpost: "2.75 - 1.25 leaves 1.5 h, but week 18 says
    # 1.25 h": each week had rounded its own share)
    assert steps_now(Part(1, 2, 8.0, 4.0), 4.0, ["a", "b", "c"]) == [
        "a",
        "b (about 1.25 h this week of this last step's 2.75 h; finish it in part 2)",
    ]
    assert steps_now(Part(2, 2, 8.0, 8.0, 0.0), 4.0, ["a", "b", "c"]) == [
        "b (the rest of it, about 1.5 h)",  # (not 1.25: each third of 8 h rounds down)
        "c",
    ]
    assert steps_now(Part(1, 2, 12.0, 7.5), 7.5, steps) == ["first", "second"]
    assert steps_now(Part(2, 2, 12.0, 12.0, 7.5), 4.5, steps) == ["third"]
    assert steps_now(Part(2, 4, 12.0, 4.0), 2.0, steps) == ["first (the rest of it, about 2 h)"]
    assert steps_now(Part(3, 4, 12.0, 7.5), 1.5, ["Build", "GPT-2 in"]) == [
        "GPT-2 in (about 1.5 h this week of this step's 6 h; finish it in part 4)"
    ]
    # a step the week before started ("first (about ...)") is finished this week, not
    # started again; a step whose first hours were not said is said plainly
    assert steps_now(Part(2, 4, 12.0, 4.0, 0.0), 3.0, steps) == [
        "first (the rest of it, about 3 h)"
    ]
    assert steps_now(Part(2, 4, 12.0, 6.0, 0.0), 5.0, steps) == [
        "first (the rest of it, about 3 h)",
        "second (about 2 h this week of this last step's 4 h; finish it in part 3)",
    ]
    assert steps_now(Part(3, 4, 12.0, 7.0, 1.0), 4.0, steps) == [
        "first (the rest of it, about 1 h)",  # (the part before said it goes on)
        "second (about 3 h this week of this last step's 4 h; finish it in part 4)",
    ]
    # (half an hour of it is a crumb: the part before said it whole)
    assert steps_now(Part(3, 4, 12.0, 7.0, 1.0), 3.5, steps) == [
        "second (about 3 h this week of this step's 4 h; finish it in part 4)",
    ]
    assert steps_now(Part(2, 4, 12.0, 3.5, 1.0), 2.5, steps) == [
        "first (the rest of it, about 2.5 h)"
    ]
    assert steps_now(Part(1, 2, 12.0, 4.5), 4.5, []) == []
    assert join_steps(["Build it", "GPT-2 weights in", "Train it"]) == (
        "Build it; then GPT-2 weights in; then train it"
    )


@pytest.mark.parametrize("example", ["swe-to-ml.toml", "phd-student-no-network.toml"])
def test_a_long_course_names_a_new_step_most_weeks(example: str) -> None:
    """A course spread over a dozen weeks (intro ML, statistics from the ground up) gives
    most of its weeks a step of their own, not "keep going" on one step for a month. (Beside
    ARENA's first chapter, the ML engineer's course goes at an hour and a half a week, which
    two reviewers preferred to the course after ARENA, cmp93: three such weeks to a step.)"""
    import datetime as dt

    from tests.conftest import EXAMPLES
    from upskill.planner import build_plan
    from upskill.profile import load_answers
    from upskill.render import steps_now

    catalog = load_catalog(None)
    profile = load_answers(EXAMPLES / example)
    plan = build_plan(profile, catalog, profile.start_date or dt.date(2026, 11, 30))
    parts = plan.parts()
    items = {f"{r}.{i.id}": i for r, m in catalog.roadmaps.items() for i in m.items}
    checked = 0
    for item_id in ("ml-devloop.intro-ml-part1", "ml-devloop.stats-foundations"):
        tasks = sorted((t for t in plan.tasks if t.item_id == item_id), key=lambda t: t.week)
        if len(tasks) < 8:
            continue
        said = [steps_now(parts.get(id(t)), t.hours, items[item_id].steps) for t in tasks]
        firsts = [s[0].split(": ", 1)[-1].split(" (")[0].lower() for s in said]
        runs = [len(list(g)) for _, g in itertools.groupby(firsts)]
        assert max(runs) <= 3, (item_id, firsts)
        checked += 1
    assert checked, "no long course in this plan"


@pytest.mark.parametrize(
    ("keys", "ok", "said"),
    [
        ('quick_hours = 0.5\nquick_done_when = "One line saved."', True, ""),
        ("quick_hours = 0.5", False, "give both or neither"),
        ('quick_done_when = "One line saved."', False, "give both or neither"),
        ('quick_hours = 2\nquick_done_when = "One line saved."', False, "must be under hours"),
        ("repeat = 6\nweek_share = 0.25", True, ""),
        ("week_share = 0.25", False, "give `repeat` too"),
        ("repeat = 6\nweek_share = 0.9", False, "week_share"),
        ("repeat = 6\nweek_share = 0", False, "week_share"),
        ('repeat = 2\ntopics = ["Hashing", "Trees"]', True, ""),
        ('topics = ["Hashing"]', False, "give `repeat` too"),
        ('repeat = 1\ntopics = ["Hashing", "Trees"]', False, "at most one a week"),
        ('repeat = 2\ntopics = [""]', False, "topics"),
        ('tags = ["alignment"]\ninterest_only_for = ["grad-student"]', True, ""),
        ('interest_only_for = ["grad-student"]', False, "give `tags` too"),
        ('tags = ["alignment"]\ninterest_only_for = ["astronaut"]', False, "background"),
    ],
)
def test_a_quick_version_or_a_share_of_the_week_is_given_whole(
    tmp_path: Path, keys: str, ok: bool, said: str
) -> None:
    """A quick version (for a very short plan) is whole: shorter hours and its own finish
    line, both or neither, so a person never does the full work in the quick time. A share
    of the week (`week_share`, the collaboration put first) sizes a weekly block, so it
    needs `repeat`, and is at most half a week; so do weekly topics (the course's lectures),
    at most one a week."""
    text = roadmap_text("mine", [("a", []), ("b", ["a"])]).replace(
        'id = "a"\n', f'id = "a"\n{keys}\n', 1
    )
    result = run("roadmaps", "validate", str(write(tmp_path / "quick.toml", text)))
    assert (result.returncode == 0) == ok, result.stderr
    assert said in result.stderr


def test_the_collaboration_work_reads_right_with_or_without_a_yes() -> None:
    """Text audit 11 (1): the project's first weeks are planned at fixed weeks, before anyone
    may have said yes, so their titles name the work, not a condition ("as soon as someone
    says yes"), and their finish lines say concretely what to do with no yes: which baseline
    (the paper the proposed project builds on) and where the result goes (the next ask)."""
    items = load_catalog(None).items
    for item_id in ("research.collaboration-kickoff", "research.collaboration-sprint"):
        item = items[item_id]
        assert "says yes" not in item.title, item.title
        assert "otherwise on your own" in item.title or "if you have one" in item.title
        assert "No yes yet:" in item.done_when, item_id
        assert "the same baseline" not in item.done_when
    kickoff = items["research.collaboration-kickoff"].done_when.split("No yes yet:")[1]
    assert "the paper it builds on" in kickoff
    assert "next follow-up" in kickoff


def test_the_weekly_problems_finish_line_says_its_rule_in_a_sentence() -> None:
    """Text audit 11 (21): the rule for when every section has had its week was tucked into
    a parenthesis inside the list of what to do; it is a sentence of its own, after it."""
    done_when = load_catalog(None).items["coding.weekly-problems"].done_when
    assert "(named above), done blind with the timer on" in done_when
    assert done_when.endswith(
        "If every section your plan names has had its week, use the section with the most "
        "misses in your log."
    )


def test_text_audit_11_wording_in_the_roadmaps() -> None:
    """Text audit 11, findings 7, 13, 19 and 23: a note beyond the documents says what the
    roadmap adds and what the documents say, not a fragment; a robotics scheme for
    undergraduates is linked only for robotics interests; the camp's caveat is said as what
    it costs a PhD applicant; a title for weeks 6-7 does not say "now"; no "let the line say"
    or "a technique you learned here"."""
    items = load_catalog(None).items
    for item in items.values():
        for beyond in (item.beyond, *item.beyond_by_background.values()):
            if beyond:
                # (a sentence that says what is added: "X is the roadmap's ...; Anders says Y")
                assert re.match(r"[^;]*\b(is|are)\b", beyond), (item.id, beyond)
                assert "anyone else this task" not in beyond
    assert "The three-pass reading method itself." not in {x.beyond for x in items.values()}
    notes = {
        "network.ask-for-opportunities": "Lambert asked professors directly",
        "research.paper-reading-method": "the documents say to read the papers behind",
        "research.research-taste-reading": "the documents name research direction",
        "interviewing.human-mock": "the documents say Anders practised with AI interviewers",
        "phd-applications.research-programmes": "which admit people outside a degree",
    }
    for item_id, said in notes.items():  # (as said to an engineer: text audit 12 for students)
        assert said in (items[item_id].beyond_for("software-engineer") or ""), item_id
    riss = next(
        r
        for r in items["phd-applications.research-programmes"].resources
        if "RISS" in r.title or "Robotics Institute" in r.title
    )
    assert riss.tags == ["robotics"]
    camp = next(r for x in items.values() for r in x.resources if "AI Safety Camp" in r.title)
    assert "its mentors often cannot write the letters a PhD application needs" in camp.title
    assert not items["interviewing.infra-applications"].title.endswith("now")
    assert "Make the line say you work on {interests}" in (
        items["network.name-community"].for_interests or ""
    )
    # (rv46: "working on" interpretability, for someone rated 0 in deep learning, overstates)
    assert "or are moving into that work if you are new to it" in (
        items["network.name-community"].for_interests or ""
    )
    assert not any("learned here" in t for x in items.values() for t in x.topics)


def test_a_postdoc_is_not_asked_whether_they_are_new_to_research() -> None:
    """Text audit 11, finding 4: a postdoc (research rated 4) was told "if you are new to
    research, a mentored research programme ... such as MATS" and "(if you are at a
    university or can visit one)". Their finish lines say only the branch that applies."""
    items = load_catalog(None).items
    programme = items["network.structured-programme"].done_when_for("phd-or-postdoc")
    assert "if you are new to research" not in programme
    assert "a lab residency or fellowship first" in programme
    assert "felt out of place" in programme  # (Anders, on MATS as a postdoc)
    ask = items["network.ask-for-opportunities"].done_when_for("phd-or-postdoc")
    assert "if you are at a university or can visit one" not in ask
    assert "at your own university first" in ask


def test_text_audit_12_wording_in_the_roadmaps() -> None:
    """Text audit 12, findings 1, 2, 9, 10, 11 and 12: a finish line does not lean on work
    the plan may put later or skip (the translation table, your own GPT-2 build, the
    conversation log, the behavioural stories, the statement's outline), and Anders's 50-50
    split is not offered to a software engineer as a story "like yours"."""
    items = load_catalog(None).items
    outreach = items["network.first-outreach"].done_when_for("phd-or-postdoc")
    assert "needs no full translation table first" in outreach
    assert "high-performance computing" in outreach  # (Anders's own example)
    papers = items["ml-devloop.transformer-papers"]
    assert "from-scratch build" not in papers.steps[0]
    assert "nanoGPT's model.py" in papers.steps[0]
    assert "need no build of your own" in papers.done_when
    insider = items["network.insider-contact"].done_when
    assert "noted in your conversation log" not in insider
    assert "once you have started it" in insider
    loop = items["interviewing.mock-loop"]
    assert "if you have none written, first note six two-line ones" in loop.done_when
    assert "reread or jot down your stories" in loop.steps[0]
    skills = items["interviewing.role-skill-map"]
    for role in ("research-engineer", "ml-engineer"):
        said = skills.done_when_for("undergrad", role=role)
        assert "like yours" not in said
        assert "found that coding was his gap" in said
    engineer = skills.done_when_for("software-engineer", role="ml-engineer")
    assert "coming from software engineering, that is usually ML" in engineer
    letters = items["phd-applications.ask-letters"].done_when
    assert "a draft or bullet points of your statement" not in letters
    assert "a draft if you have one" in letters


def test_a_backgrounds_order_must_name_items_and_make_no_cycle(tmp_path: Path) -> None:
    """`after_by_background` is checked like `after`: every id names a loaded item, and a
    cycle through one background's order is refused even though nobody else's has it."""
    text = roadmap_text("mine", [("a", []), ("b", [])])
    text += 'after_by_background = { undergrad = ["a", "nowhere"] }\n'
    path = write(tmp_path / "r.toml", text)
    assert problems_of(path) == [
        f"{path}: items[1] (b).after_by_background: 'nowhere' points to no item"
    ]
    text = roadmap_text("mine", [("a", ["b"]), ("b", [])])
    text += 'after_by_background = { grad-student = ["a"] }\n'
    path = write(tmp_path / "r2.toml", text)
    assert problems_of(path) == [f"{path}: prerequisite cycle: mine.a -> mine.b -> mine.a"]


def test_an_unknown_background_in_an_order_is_refused(tmp_path: Path) -> None:
    text = roadmap_text("mine", [("a", []), ("b", [])])
    text += 'after_by_background = { astronaut = ["a"] }\n'
    path = write(tmp_path / "r.toml", text)
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: items[1] (b).after_by_background"), line


@pytest.mark.parametrize("value", ["0", "53", '"ten"'])
def test_a_backgrounds_setup_week_is_a_week_of_the_first_year(tmp_path: Path, value: str) -> None:
    text = roadmap_text("mine", [("a", [])])
    text += f"within_weeks_by_background = {{ undergrad = {value} }}\n"
    path = write(tmp_path / "r.toml", text)
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: items[0] (a).within_weeks_by_background"), line


def test_a_title_for_a_plan_holding_an_item_names_an_item_that_exists(tmp_path: Path) -> None:
    text = roadmap_text("mine", [("a", [])])
    text += 'title_with = { "mine.nope" = "A, said beside nope" }\n'
    path = write(tmp_path / "r.toml", text)
    assert problems_of(path) == [f"{path}: items[0] (a).title_with: 'mine.nope' points to no item"]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("core_from_hours = 0", "core_from_hours"),
        ("core_from_hours = 200", "core_from_hours"),
        ('goal_for_unless_short_runway = ["astronaut"]', "goal_for_unless_short_runway"),
    ],
)
def test_a_priority_by_hours_and_a_goal_by_runway_are_checked(
    tmp_path: Path, line: str, key: str
) -> None:
    text = roadmap_text("mine", [("a", [])]) + line + "\n"
    path = write(tmp_path / "r.toml", text)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: items[0] (a).{key}"), problem


def test_outreach_is_core_from_ten_hours_and_gpt2_an_ml_engineers_goal_with_time() -> None:
    """The two keys as the built-in content uses them (cmp128-cmp131)."""
    items = load_catalog(None).items
    outreach = items["network.weekly-outreach"]
    assert outreach.priority_for(8) == "high"
    assert outreach.priority_for(10) == "core"
    gpt2 = items["ml-devloop.gpt2-from-scratch"]
    assert gpt2.goal_of("research-engineer", 3)
    assert gpt2.goal_of("ml-engineer", None)
    assert gpt2.goal_of("ml-engineer", 12)
    assert not gpt2.goal_of("ml-engineer", 4)
    assert not gpt2.goal_of("research-scientist", None)


def test_a_quick_title_belongs_to_a_quick_version(tmp_path: Path) -> None:
    text = roadmap_text("mine", [("a", [])])
    text += 'quick_title = "Check two deadlines"\n'
    path = write(tmp_path / "r.toml", text)
    (line,) = problems_of(path)
    assert "quick_title is the quick version's: give quick_hours too" in line, line


def test_no_step_is_waiting_on_reviewers() -> None:
    """rv9, rv9b: "open-source tasks give 5-7 h to a final part, 'Answer any review comments',
    whose finish line (PR opened with CI green) was already met": the steps share a task's
    hours, so a step that waits on the maintainers got a week of its own. Answering reviews is
    said after the finish line, outside the task, or is a task of its own."""
    catalog = load_catalog(None)
    waiting = [
        (item_id, step)
        for item_id, item in catalog.items.items()
        for step in item.steps
        if re.search(r"review comments|reviewers?'s? answer", step, re.I)
    ]
    assert not waiting, waiting


def test_no_item_is_for_someone_none_of_its_prerequisites_is_for() -> None:
    """A prerequisite left out for who the person is (a role, a background, their runway, an
    interest they did not name) counts as not needed: the other route covers it (the CV
    rebrand or the tailored resume before a friend's review). But an item none of whose
    prerequisites suits the person builds on nothing: stop 51 tried the reproduction for
    engineers only, and "Open-source your reproduction properly" stayed in three research
    scientists' plans with no reproduction to open-source (cmp97, cmp98). Ratings of 0: no
    skill gate leaves anything out."""
    from upskill.planner import not_for
    from upskill.profile import Profile
    from upskill.schema import BACKGROUNDS, ROLES

    # (the portfolio page lists whatever artifacts the plan has: a short runway's posts and
    # project stand in for the reproduction's write-up)
    exempt = {"research.research-portfolio"}
    cat = load_catalog(None)
    runways = (None, 2.0, 3.5, 5.0, 6.5, 9.0, 13.0)
    interest_sets = ((), tuple(cat.tags()))
    found = set()
    for role, background, runway, interests in itertools.product(
        ROLES, BACKGROUNDS, runways, interest_sets
    ):
        profile = Profile(
            background=background,
            target_role=role,
            hours_per_week=10,
            weeks=26,
            skills=dict.fromkeys(SKILLS, 0),
            runway_months=runway,
            interests=interests,
        )
        for full, item in cat.items.items():
            pres = cat.prerequisites(full)
            if (
                pres
                and full not in exempt
                and not_for(profile, item) is None
                and all(not_for(profile, cat.items[p]) is not None for p in pres)
            ):
                found.add((full, role, background, runway))
    assert not found, sorted(found, key=str)[:5]
