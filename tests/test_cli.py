"""The commands as users run them: the installed console script, in a temporary home."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import EXAMPLES, ROOT, TODAY, init_example, upskill_exe
from tests.conftest import run as run_process
from tests.conftest import run_here as run
from upskill import render
from upskill.roadmaps import load_catalog

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.toml"))
COMMANDS = [
    "init",
    "plan",
    "check",
    "replan",
    "explain",
    "export",
    "roadmaps",
    "roadmaps list",
    "roadmaps show",
    "roadmaps validate",
]


# ----------------------------------------------------------------- docs and help


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    assert len(result.stdout.splitlines()) > 3


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "plan", "check", "replan", "explain", "export", "roadmaps"):
        assert re.search(rf"^\W*{command}\b", result.stdout, re.MULTILINE), command


def test_readme_quick_start_and_ci_agree() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)
    install_run, install_test = blocks[0].strip(), blocks[1].strip()
    assert "pip install ." in install_run
    assert "upskill" in install_run
    assert "pytest" in install_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_test in ci.splitlines(), "the CI script must run the README's test command"
    for example in re.findall(r"examples/[\w.-]+\.toml", readme):
        assert (ROOT / example).is_file(), example


# ----------------------------------------------------------------- init


@pytest.mark.parametrize("example", EXAMPLE_FILES)
def test_init_accepts_every_example(example: str, home: Path) -> None:
    result = init_example(example)
    assert "Saved your plan to" in result.stdout
    assert "Week 1" in result.stdout
    plan = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    answers = tomllib.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    assert plan["profile"]["target_role"] == answers["target_role"]
    assert plan["tasks"], "empty plan"
    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    assert profile["skills"] == answers["skills"]
    # The saved profile is itself a valid answers file.
    again = run("init", "--answers", str(home / "profile.toml"), "--force")
    assert again.returncode == 0, again.stderr
    assert (home / "plan.toml.bak").exists()


def test_init_refuses_to_overwrite_without_force(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    result = run("init", "--answers", str(EXAMPLES / "swe-to-ml.toml"))
    assert result.returncode == 1
    assert "already exists; use --force" in result.stderr
    assert (home / "plan.toml").read_bytes() == before


def test_init_without_terminal_or_answers_exits_2_at_once(home: Path) -> None:
    result = run("init")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "upskill: error: no terminal to ask questions on; use --answers FILE (a profile TOML: see README)"
    )
    assert not home.exists() or not any(home.iterdir())


def test_start_option_overrides_and_default_is_the_coming_monday(home: Path) -> None:
    init_example()
    assert load_start(home) == "2026-11-23"  # UPSKILL_TODAY is Sunday 2026-11-22
    init_example("postdoc-research-engineer.toml", "--start", "2027-01-04", "--force")
    assert load_start(home) == "2027-01-04"
    bad = run("init", "--answers", str(EXAMPLES / "swe-to-ml.toml"), "--start", "soon", "--force")
    assert bad.returncode == 2
    assert "--start 'soon' is not a date" in bad.stderr


def load_start(home: Path) -> str:
    return str(
        tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))["profile"]["start_date"]
    )


def write_answers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = 'background = "undergrad"\ntarget_role = "phd-applicant"\nweeks = 10\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BASE + "hours_per_week = -3\n",
            "hours_per_week: must be a number from 1 to 80",
        ),
        (
            BASE + "hours_per_week = 0\n",
            "hours_per_week: must be a number from 1 to 80",
        ),
        (
            BASE + "hours_per_week = 1e308\n",
            "hours_per_week: must be a number from 1 to 80",
        ),
        (BASE + "hours_per_week = nan\n", "hours_per_week: must be a number from 1 to 80"),
        (BASE + "hours_per_week = inf\n", "hours_per_week: must be a number from 1 to 80"),
        (BASE + 'hours_per_week = "ten"\n', "hours_per_week: must be a number from 1 to 80"),
        (BASE + "hours_per_week = 10\ncolour = 1\n", "colour: unknown key"),
        (
            BASE + "hours_per_week = 10\n[skills]\ncoding = 7\n",
            "skills.coding: must be a whole number 0..4",
        ),
        (
            BASE + "hours_per_week = 10\n[skills]\ncooking = 2\n",
            "skills.cooking: unknown skill (one of coding",
        ),
        (  # (a quoted key may hold a newline: the error stays one line, the key quoted)
            BASE + 'hours_per_week = 10\n[skills]\n"cod\\ning" = 2\n',
            "'skills.cod\\ning': unknown skill (one of coding",
        ),
        (BASE + 'hours_per_week = 10\n"col\\nour" = 1\n', "'col\\nour': unknown key"),
        (
            'background = "astronaut"\ntarget_role = "phd-applicant"\nweeks = 10\nhours_per_week = 5\n',
            "background: must be one of",
        ),
        (
            'target_role = "phd-applicant"\nweeks = 10\nhours_per_week = 5\n',
            "background: required key is missing",
        ),
        (
            BASE + 'hours_per_week = 10\nroadmaps = ["cooking"]\n',
            "roadmaps: unknown roadmap 'cooking'",
        ),
        (BASE + "hours_per_week = 10\nstart_date = 2026-13-01\n", "TOML syntax error"),
        (BASE + "hours_per_week = = 10\n", "(at line 4, column"),
    ],
)
def test_bad_answers_exit_1_naming_the_key(
    tmp_path: Path, home: Path, text: str, expected: str
) -> None:
    path = write_answers(tmp_path, text)
    result = run("init", "--answers", str(path))
    assert result.returncode == 1, result.stdout
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("upskill: error: ") for line in result.stderr.splitlines())
    assert not (home / "plan.toml").exists()


def test_missing_optional_keys_take_their_defaults(tmp_path: Path, home: Path) -> None:
    path = write_answers(tmp_path, BASE + "hours_per_week = 6.5\n")
    result = run("init", "--answers", str(path))
    assert result.returncode == 0, result.stderr
    plan = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    roadmaps = {t["id"].split(".")[0] for t in plan["tasks"]}
    assert roadmaps <= {"coding", "ml-devloop", "research", "network", "phd-applications"}
    assert "phd-applications" in roadmaps


# ----------------------------------------------------------------- plan


def test_plan_json_has_the_contract_shape(home: Path) -> None:
    init_example()
    data = json.loads(run("plan", "--format", "json").stdout)
    assert set(data) >= {"schema", "profile", "weeks", "unscheduled"}
    assert data["schema"] == 1
    assert [w["week"] for w in data["weeks"]] == list(range(1, len(data["weeks"]) + 1))
    week = data["weeks"][0]
    assert (week["start"], week["end"]) == ("2026-11-23", "2026-11-29")
    assert week["hours"] == round(sum(t["hours"] for t in week["tasks"]), 2)
    task = week["tasks"][0]
    assert set(task) == {"id", "roadmap", "title", "kind", "hours", "status", "done_on"}
    assert task["roadmap"] == task["id"].split(".")[0]
    assert task["status"] == "todo"
    assert task["done_on"] is None
    for u in data["unscheduled"]:
        assert set(u) == {"id", "hours", "reason"}
    only = json.loads(run("plan", "--format", "json", "--week", "3").stdout)
    assert [w["week"] for w in only["weeks"]] == [3]


def test_plan_shows_week_1_before_the_start_and_this_and_next_week_later(home: Path) -> None:
    init_example()
    before = run("plan")
    assert "Your plan starts on Monday 23 November 2026" in before.stdout
    assert "Week 1 of 26" in before.stdout
    assert "Next week" not in before.stdout
    assert "Week 2 of 26" not in before.stdout
    during = run("plan", env={"UPSKILL_TODAY": "2026-12-09"})
    assert "This week: Week 3 of 26" in during.stdout
    assert "Next week: Week 4 of 26" in during.stdout
    after = run("plan", env={"UPSKILL_TODAY": "2027-09-01"})
    assert "plan ended" in after.stdout
    assert "overall" in after.stdout


def test_plan_all_markdown_and_bad_week(home: Path) -> None:
    init_example()
    every = run("plan", "--all")
    assert "Week 26 of 26" in every.stdout or "Week 25 of 26" in every.stdout
    markdown = run("plan", "--format", "markdown", "--all").stdout
    assert markdown.startswith("# upskill plan for Sam (physics postdoc)")
    assert "## Did not fit" in markdown
    bad = run("plan", "--week", "99")
    assert bad.returncode == 2
    assert "outside the plan (weeks 1..26)" in bad.stderr


def test_markdown_writes_each_finish_line_out_once_and_again_where_it_is_checked(
    home: Path,
) -> None:
    """A weekly habit's later weeks and a long item's middle parts point back to the week
    that wrote its finish line out, with its opening ("Agenda sent a day before this week's
    meeting; next steps written down after it. (in full in week 3)"), so each week's new work
    is not buried under the same long text and each week still reads on its own; the last
    part of a split item, where it is checked, says it in full again. The opening is never
    cut inside a parenthesis (text audit 10: "the Top Interview 150 (the… (as in week 2)"
    cut off the rule the week needed)."""
    init_example()
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    markdown = run("plan", "--format", "markdown", "--all").stdout
    lines = markdown.splitlines()
    first: dict[str, int] = {}
    pointed = spelled = 0
    week = 0
    for index, line in enumerate(lines):
        heading = re.match(r"## Week (\d+) ", line)
        if heading:
            week = int(heading[1])
            continue
        task = re.match(r"- \[[ x]\] .*\(`([^`@]+)(?:@\d+)?`.*?(?:part (\d+) of (\d+))?\)$", line)
        if not task:
            continue
        item, part, parts = task[1], task[2], task[3]
        finish = next(
            (x for x in lines[index + 1 : index + 6] if "one when" in x and x.startswith("  - ")),
            None,
        )
        assert finish is not None, line
        last_part = part is not None and part == parts
        if item in first and not last_part:
            back = f" (in full in week {first[item]})"
            assert finish.endswith(back), (line, finish)
            said = finish.rsplit("after part ", 1)[-1]  # (after a middle part's own label)
            opening = said.split(": ", 1)[1].removesuffix(back)  # not the whole text again
            assert len(opening) <= 102, finish
            assert opening.count("(") == opening.count(")"), finish  # never cut inside one
            pointed += 1
        else:
            assert "in full in week" not in finish, (line, finish)
            spelled += 1
        first.setdefault(item, week)
    assert pointed >= 10, pointed
    # every task of the JSON plan was seen, each with its finish line
    assert pointed + spelled == sum(len(w["tasks"]) for w in data["weeks"])


BLOCK_LINE = re.compile(r"\*\*(.+)\*\* \((?:(\d+) tasks, )?([\d.]+) h\)$")
ROADMAP_BLOCKS = {  # what each roadmap's work is, as a week's blocks name it
    "network": "People and applications",
    "phd-applications": "People and applications",
    "coding": "Coding and interviews",
    "interviewing": "Coding and interviews",
    "ml-devloop": "Machine learning",
    "open-source": "Open source",
    "research": "Research",
}


COLLABORATION = ("research.collaboration-weekly@", "research.collaboration-next@")
APPLICATION_PAPERS = {"cv-rebrand", "resume-tailor", "resume-friend-review", "target-list"}


def work_of(task: dict[str, Any]) -> str:
    """The kind of work a JSON task is: its roadmap's, but an application and what it is
    sent with (the resume, the target list, the translated experience) go with the people
    and applications; a workshop paper stays with its research."""
    roadmap, name = task["id"].split("@")[0].split(".", 1)
    papers = APPLICATION_PAPERS | {"transferable-skills"}
    if roadmap == "phd-applications" and name == "supervisor-meetings":
        return "Research"  # (the meeting reports the week's research)
    if (roadmap == "interviewing" and name in papers) or (
        task["kind"] == "apply" and roadmap != "research"
    ):
        return "People and applications"
    return ROADMAP_BLOCKS[roadmap]


def half(task: dict[str, Any]) -> str:
    """The half of a two-part kind of work a JSON task is."""
    roadmap, kind = task["id"].split(".")[0], work_of(task)
    if kind == "Coding and interviews":
        return "Coding" if roadmap == "coding" else "Interviews"
    if kind == "People and applications":
        return "People" if roadmap == "network" and task["kind"] != "apply" else "Applications"
    return kind


def calendar_weeks() -> dict[int, str]:
    """The calendar export's weekly events: each week's number and description."""
    from icalendar import Calendar

    events = Calendar.from_ical(run("export", "--format", "ics").stdout.encode()).walk("VEVENT")
    return {
        int(str(e["uid"]).split("-week-")[1].split("@")[0]): str(e["description"])
        for e in events
        if "-week-" in str(e["uid"])
    }


def markdown_weeks(markdown: str) -> dict[int, str]:
    """The plan markdown's weeks: each week's number and the text under its heading."""
    sections = re.split(r"^## Week (\d+) .*$", markdown.split("## Did not fit")[0], flags=re.M)
    return {int(n): body for n, body in zip(sections[1::2], sections[2::2], strict=True)}


def test_a_roadmap_of_ones_own_is_a_block_of_its_own() -> None:
    """review62: a roadmap of one's own named `applications` made a second "Applications"
    heading beside the built-in people-and-applications block."""
    from types import SimpleNamespace

    def task(item: str, kind: str = "write") -> Any:
        return SimpleNamespace(id=item, item_id=item, kind=kind, hours=1.0)

    mine = [task("applications.portfolio"), task("applications.second")]
    week = [task("interviewing.target-list"), task("network.options-list"), *mine]
    blocks = render.week_blocks(week, needs=lambda _: [])
    names = [render.block_name(name, members) for name, members in blocks]
    assert names == ["People and applications", "Applications (your roadmap)"]


@pytest.mark.parametrize("example", EXAMPLE_FILES)
def test_busy_weeks_come_in_blocks_of_one_kind_of_work(example: str, home: Path) -> None:
    """A week of four tasks or more, some of one kind of work, is laid out in blocks (rv49:
    "week 9 packs nine separate tasks into 22.5 h"): each block a heading with its tasks and
    hours, its tasks all of that kind (an application with the people and applications),
    each kind in one block, named for what it holds; the same tasks as the JSON plan, none
    lost or doubled; the terminal and the calendar's week show the same blocks; the top of
    the plan says how many weeks are laid out so. A lighter week, one of one kind of work,
    or one whose every task is of a kind of its own, has no headings."""
    init_example(example)
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    markdown = run("plan", "--format", "markdown", "--all").stdout
    calendar = calendar_weeks()
    shown = markdown_weeks(markdown)
    blocked = []
    for week in data["weeks"]:
        tasks = week["tasks"]
        kind_of = {t["id"]: work_of(t) for t in tasks}
        kinds = set(kind_of.values())
        heads: list[tuple[str, int, float]] = []
        under: list[list[tuple[str, float]]] = []
        seen: list[str] = []
        for line in shown[week["week"]].splitlines():
            head = BLOCK_LINE.match(line)
            if head:
                heads.append((head[1], int(head[2] or 1), float(head[3])))
                under.append([])
            task = re.match(r"- \[[ x]\] .*\(`([^`]+)`, [a-z]+, ([\d.]+)", line)
            if task:
                seen.append(task[1])
                if under:
                    under[-1].append((task[1], float(task[2])))
        assert sorted(seen) == sorted(t["id"] for t in tasks), week["week"]
        # the weekly collaboration block is listed first in its weeks, as its why says it
        # is worked (rv50: "listed after a derivation drill")
        if any(t["id"].startswith(COLLABORATION) for t in tasks):
            assert seen[0].startswith(COLLABORATION), (week["week"], seen)
        if len(tasks) < 4 or not 2 <= len(kinds) < len(tasks):
            assert not heads, week["week"]
            continue
        blocked.append(week["week"])

        # each kind once, named for what it holds this week: "Coding" alone without
        # interviews, "People" (outreach) or "Applications" alone
        named = {}
        for kind in kinds:
            halves = {half(t) for t in tasks if kind_of[t["id"]] == kind}
            named[kind if len(halves) > 1 else halves.pop()] = kind
        assert sorted(h[0] for h in heads) == sorted(named), week["week"]
        assert sum(len(u) for u in under) == len(tasks)  # every task under a heading
        # the weekly outreach's block leads the week, unless the collaboration's does (c62:
        # "the people and applications last in 13 of 24 weeks, where the weekly outreach is
        # easiest to drop"); what waits for what is `test_a_weeks_blocks_keep_...`
        outreach = [n for n, m in enumerate(under) if any("weekly-outreach@" in i for i, _ in m)]
        if outreach and not any(i.startswith(COLLABORATION) for i, _ in under[0]):
            assert outreach == [0], (week["week"], heads)
        for (name, count, hours), members in zip(heads, under, strict=True):
            assert {kind_of[i] for i, _ in members} == {named[name]}, (week["week"], name)
            assert count == len(members), (week["week"], name)
            # a supervisor meeting's preparation reports the week's research: after it
            meetings = [n for n, (i, _) in enumerate(members) if "supervisor-meetings" in i]
            assert all(n >= len(members) - len(meetings) for n in meetings), members
            assert hours == pytest.approx(sum(h for _, h in members)), (week["week"], name)
        terminal = run("plan", "--week", str(week["week"]), "--details").stdout
        described = calendar.get(week["week"], "")
        for name, count, hours in heads:
            said = f"{name} ({count} tasks, {hours:g} h)" if count > 1 else f"{name} ({hours:g} h)"
            assert said in terminal, (week["week"], said)
            assert f"{said}:\n" in described, (week["week"], said)  # (the calendar's week too)
    top = markdown.split("## Week 1 ")[0]
    if blocked:
        weeks = "One busy week (" if len(blocked) == 1 else f"Busy weeks ({len(blocked)} of them:"
        assert weeks in top
    else:
        assert "tasks out in blocks" not in top
    if example == "masters-short-runway.toml":  # 25 h a week: many busy weeks
        assert len(blocked) >= 10, blocked


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_light_weeks_at_the_end_are_said_to_be_light(example: str, home: Path) -> None:
    """Weeks at the end that hold less than half their hours are named as light, with what
    to use them for, in the terminal and in markdown; a plan full to its end says nothing."""
    init_example(example)
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks = data["weeks"]
    held = [sum(t["hours"] for t in w["tasks"]) for w in weeks]
    budgets = [w["budget"] for w in weeks]
    numbers = [w["week"] for w in weeks]
    # the weeks after the last one listed hold nothing; their hours are asked week by week
    for number in range(numbers[-1] + 1, data["profile"]["weeks"] + 1):
        week = json.loads(run("plan", "--week", str(number), "--format", "json").stdout)
        numbers.append(number)
        held.append(0.0)
        budgets.append(week["weeks"][0]["budget"])
    light = None
    weekly = data["profile"]["hours_per_week"]
    for index in range(len(numbers) - 1, -1, -1):
        # (a week with nothing in it and under a quarter of the hours, such as a last
        # part-week, is passed over like time off)
        if budgets[index] <= 0 or (budgets[index] * 4 < weekly and not held[index]):
            continue
        if held[index] * 2 >= budgets[index]:
            break
        light = numbers[index]
    terminal = run("plan", "--all").stdout
    markdown = run("plan", "--format", "markdown", "--all").stdout
    said = re.compile(r"(Week \d+ is|From week \d+ the weeks are) light[:,]")
    ends = "The planned work ends in week"
    terminal = " ".join(terminal.split())
    if light is None or light == 1:
        assert not said.search(terminal)
        assert ends not in terminal
        assert not said.search(markdown)
        return
    line = next((x for x in markdown.splitlines() if said.match(x) or ends in x), "")
    assert line, "the markdown does not say the last weeks are light"
    last = max(w["week"] for w in weeks if w["tasks"])
    assert f"week {last if last < light else light}" in line.lower(), line
    assert line in terminal


def test_plan_without_a_plan_says_how_to_make_one(home: Path) -> None:
    result = run("plan")
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"upskill: error: no plan in {home}; create one with `upskill init`"
    )


def test_bad_usage_exits_2() -> None:
    assert run("plan", "--format", "yaml").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("check", "--undo", "--skip", "x").returncode == 2


# ----------------------------------------------------------------- explain


def test_explain_gives_rationale_source_prerequisites_finish_line_and_resources(home: Path) -> None:
    init_example()
    result = run("explain", "ml-devloop.pytorch-basics")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in (
        "Why:",
        "Source:",
        "Skill: deep_learning",
        "Needs first:",
        "Done when:",
        "In your plan: week",
    ):
        assert label in out, label
    assert "https://" in out


def test_explain_names_the_work_an_item_comes_after_and_where_it_stands(home: Path) -> None:
    """rv18: the round's reason asks for "your signature ML build" first, and the reviewer
    took it for the build that began in the round's own week. `explain` names the work in the
    plan an item comes after, when it can (not its prerequisites, said above), with its week,
    and says so when that work comes later in this plan."""
    init_example("data-scientist-research-engineer.toml")
    weeks = item_weeks()
    round_week = min(weeks["interviewing.first-applications"])
    gpt2 = max(weeks["ml-devloop.gpt2-from-scratch"])
    assert gpt2 < round_week
    out = " ".join(run("explain", "interviewing.first-applications").stdout.split())
    said = out.split("Comes after, where it can: ", 1)[1].split(" Steps:", 1)[0]
    assert f"ml-devloop.gpt2-from-scratch (week {gpt2})" in said, said
    assert "interviewing.ml-coding-questions" not in said  # (a prerequisite: "Needs first")
    # ... and "later here" only of work after the round (his first blog post, week 30)
    for week in re.findall(r"\(week (\d+): later here", said):
        assert int(week) > round_week, (week, round_week)
    # ... and his first blog post, which the round would like to link to, comes before it
    # (rv32: until stop 57 it waited for the pretraining project after the round, week 30;
    # where such work still comes later, the evenings engineer's, `explain` says so: below)
    blog = max(weeks["research.first-blog-post"])
    assert blog <= round_week
    assert f"research.first-blog-post (week {blog})" in said, said


def test_explain_says_a_weekly_prerequisite_is_met_once_begun(home: Path) -> None:
    """c60rd: "Needs first: network.weekly-outreach (week 25)" beside free weeks 11-12 offered
    for the outreach review read as a contradiction. A weekly habit is met once begun (the
    planner's rule), so `explain` names the week it begins, not its last."""
    init_example("postdoc-research-engineer.toml")
    weeks = item_weeks()["network.weekly-outreach"]
    assert len(weeks) > 1
    out = " ".join(run("explain", "network.raise-sights").stdout.split())
    said = out.split("Needs first: ", 1)[1].split(" Done when:", 1)[0]
    assert f"network.weekly-outreach (weekly from week {min(weeks)})" in said, said
    assert f"(week {max(weeks)})" not in said, said


def test_explain_says_where_each_prerequisite_stands(home: Path) -> None:
    """A prerequisite missing from the plan is explained, not a riddle: someone rated 3 at
    interviewing applies without the stories exercise because they know it already."""
    init_example("strong-everywhere.toml")
    out = " ".join(run("explain", "interviewing.first-applications").stdout.split())
    assert (
        "interviewing.behavioural-stories (you know this already: you rated interviewing 3" in out
    )
    assert re.search(r"interviewing\.target-list \(week \d+\)", out), out


def test_explain_names_the_alternative_that_covers_a_prerequisite(home: Path) -> None:
    """The undergraduate's collaboration is the project a professor agreed to supervise: the
    sprint's prerequisite 'someone agreed to collaborate' is covered by that, not missing."""
    init_example("undergrad-phd.toml")
    out = " ".join(run("explain", "research.collaboration-sprint").stdout.split())
    assert re.search(
        r"research\.collaboration-agreed \(covered by phd-applications\.supervisor-agreed, "
        r"week \d+\)",
        out,
    ), out
    assert "did not fit" not in out


@pytest.mark.parametrize(
    ("person", "alternative", "chosen"),
    [
        ("evenings-engineer.toml", "open-source.bigger-change", "ml-library-contribution"),
        # (until stop 51 the undergraduate's own repository beside his capstone: his capstone
        # now fits)
        (
            "chemistry-postdoc-four-months-runway.toml",
            "open-source.bigger-change",
            "ml-library-contribution",
        ),
    ],
)
def test_an_alternative_is_said_to_be_in_the_plan_only_when_it_is(
    person: str, alternative: str, chosen: str, home: Path
) -> None:
    """Text audit 6: 'Did not fit' said the bigger change was 'an alternative to
    open-source.ml-library-contribution, which is in your plan' while the same list showed
    that contribution as not finished by the plan's last week. The one chosen from a group of
    alternatives can still fail to fit: then both are left over, and the reason says so."""
    made = run_process("init", "--answers", str(ROOT / "benchmarks" / "people" / person))
    assert made.returncode == 0, made.stderr
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    scheduled = {t["id"].split("@", 1)[0] for w in data["weeks"] for t in w["tasks"]}
    reasons = {u["id"].split("@", 1)[0]: u["reason"] for u in data["unscheduled"]}
    for item_id, reason in reasons.items():
        found = re.match(r"an alternative to ([\w.-]+), which is in your plan", reason)
        if found:
            assert found.group(1) in scheduled, (item_id, reason)
    other = next(i for i in reasons if i.endswith(chosen))
    assert other not in scheduled
    assert reasons[alternative] == (
        f"an alternative to {other}, which did not fit either; one of the two is enough"
    )
    markdown = run_process("plan", "--all", "--format", "markdown").stdout
    # (said by its title there, text audit 10: "an alternative to ml-devloop.fastai-course")
    title = "\u201c" + load_catalog(None).items[other].title + "\u201d"
    assert f"an alternative to {title}, which is in your plan" not in markdown
    assert f"an alternative to {title}, which did not fit either" in markdown
    assert other not in markdown.split("## Did not fit", 1)[1].replace(f"(`{other}`", "")


def test_finish_lines_and_resources_are_said_to_the_person(home: Path) -> None:
    """A postdoc's options list does not ask for PhD programmes, and an undergraduate's does;
    a working engineer's target list does not speak of research internships, a student's
    puts them first; a lab-reading resource about transformer circuits goes to someone who
    named language models, not to an RL and robotics researcher; the markdown plan says the
    same finish lines as `explain`."""
    init_example("postdoc-research-engineer.toml")
    out = " ".join(run("explain", "network.options-list").stdout.split())
    assert "Done when: At least 15 options" in out, out
    assert "PhD programmes" not in out
    init_example("undergrad-phd.toml", "--force")
    out = " ".join(run("explain", "network.options-list").stdout.split())
    assert "besides the PhD programmes you are applying to" in out, out
    init_example("strong-everywhere.toml", "--force")
    out = " ".join(run("explain", "interviewing.target-list").stdout.split())
    assert "Done when: At least 15 current openings for your target role" in out, out
    assert "internships" not in out
    assert "transformer-circuits.pub" in run("explain", "interviewing.lab-research-notes").stdout
    init_example("phd-student-no-network.toml", "--force")
    out = " ".join(run("explain", "interviewing.target-list").stdout.split())
    assert "while you are enrolled, mostly internships" in out, out
    out = run("explain", "interviewing.lab-research-notes").stdout
    assert "semanticscholar.org" in out, out
    assert "transformer-circuits.pub" not in out
    markdown = run("export", "--format", "markdown").stdout
    assert "while you are enrolled, mostly internships" in markdown
    # ... and, having given no runway, no money clause (text audit 12, finding 5), which a
    # master's student whose money runs out within the year hears as hers, jobs first
    assert "your money runs" not in markdown.lower()
    assert "under a year of money" not in markdown
    init_example("masters-short-runway.toml", "--force")
    out = " ".join(run("explain", "interviewing.target-list").stdout.split())
    assert "your money runs out within the year, so jobs first" in out
    assert "if your money" not in out
    markdown = " ".join(run("export", "--format", "markdown").stdout.split())
    assert "your money runs out within the year, so jobs first" in markdown
    assert "research engineer posts and residencies lead" in markdown
    assert "Beyond the documents: Starting with your own advisor" in markdown
    assert "Asking an open-source maintainer" not in markdown


def test_a_finish_line_is_said_for_the_persons_target_role(home: Path) -> None:
    """Text audit 10, finding 1: plans left "if you aim at research roles" open though the
    profile says which role. Through the installed console script: an ML engineer's options
    list names no PhD programmes and a research scientist's does; a software engineer aiming
    at research is pointed at research-engineering posts, one aiming at research engineering
    at infrastructure roles; a postdoc's own wording wins over the role's."""

    def markdown(answers: Path) -> str:
        return " ".join(person_markdown(answers.name, answers.parent).split())

    people = ROOT / "benchmarks" / "people"
    for text in (
        markdown(people / "career-changer-12-weeks.toml"),
        markdown(EXAMPLES / "strong-everywhere.toml"),
    ):
        assert "jobs that pay well enough to give you more runway)" in text
        assert "PhD programmes" not in text
        assert "if you aim at" not in text
    research = markdown(people / "engineer-to-research-scientist.toml")
    assert "and PhD programmes unless you are already in one" in research
    assert "adjacent roles such as research engineer posts and residencies" in research
    assert "on a lab's infrastructure and tooling" not in research
    engineer = markdown(EXAMPLES / "strong-everywhere.toml")
    assert "on a lab's infrastructure and tooling (Gleave: moving from there" in engineer
    postdoc = markdown(EXAMPLES / "postdoc-research-engineer.toml")
    assert "local labs and groups that take visiting researchers" in postdoc
    assert "internships, local labs, research assistant roles" not in postdoc


def test_a_resource_for_some_roles_goes_only_to_people_aiming_at_them(home: Path) -> None:
    """rv69: "Work out what your interviews will test" linked a review of AI-safety research
    careers for an ML engineering target. A resource with `roles` is shown, in `explain` and
    in the plan, only to people aiming at one of those roles."""
    review = "80000hours.org/career-reviews/ai-safety-researcher"
    init_example("swe-to-ml.toml")
    assert review not in run("explain", "interviewing.role-skill-map").stdout
    assert review not in run("plan", "--all", "--format", "markdown").stdout
    init_example("postdoc-research-engineer.toml", "--force")
    assert review in run("explain", "interviewing.role-skill-map").stdout
    assert review in run("plan", "--all", "--format", "markdown").stdout


def test_explain_gives_the_date_of_a_deadline_in_the_plan(home: Path) -> None:
    """A task with a closing date says which date and which week of the plan it falls in:
    the undergraduate's summer programmes close on 15 February, in week 2 of a plan that
    starts on 1 February."""
    init_example("undergrad-phd.toml")
    out = " ".join(run("explain", "phd-applications.research-programmes").stdout.split())
    assert "Deadline: 15 Feb 2027 (week 2 of your plan)" in out, out
    out = " ".join(run("explain", "phd-applications.submit-applications").stdout.split())
    assert "Deadline: 01 Dec 2027 (week 44 of your plan)" in out, out
    # ... and only for work that is the person's own: not for a roadmap they do not have
    init_example("phd-student-no-network.toml", "--force")
    out = run("explain", "phd-applications.submit-applications").stdout
    assert "Deadline:" not in out


def test_explain_unknown_id_suggests(home: Path) -> None:
    result = run("explain", "coding.bigo")
    assert result.returncode == 1
    assert "did you mean coding.big-o" in result.stderr


def test_debug_shows_a_traceback(home: Path) -> None:
    result = run("--debug", "plan")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_global_options_work_after_the_command_too(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    made = run("init", "--answers", str(EXAMPLES / "swe-to-ml.toml"), "--home", str(elsewhere))
    assert made.returncode == 0, made.stderr
    assert (elsewhere / "plan.toml").is_file()
    shown = run("plan", "--format", "json", f"--home={elsewhere}")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["profile"]["target_role"] == "ml-engineer"
    assert "Traceback" in run("plan", "--debug", "--home", str(tmp_path / "nothing")).stderr


def test_output_piped_into_head_ends_quietly_and_loses_nothing(home: Path) -> None:
    import subprocess

    init_example()
    script = f'"{upskill_exe()}" replan --yes | head -n 1; echo "status=${{PIPESTATUS[0]}}"'
    env = {**os.environ, "UPSKILL_TODAY": "2026-12-09"}
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.stdout.splitlines()[0].startswith(
        ("Replanning from week 3", "Saved the new plan")
    )
    assert result.stdout.splitlines()[-1] in ("status=0", "status=141")
    assert "Traceback" not in result.stderr
    assert (home / "plan.toml.bak").exists()  # the replan was saved before anything was printed


def test_plan_points_at_overdue_work(home: Path) -> None:
    init_example()
    result = run("plan", env={"UPSKILL_TODAY": "2026-12-09"})
    assert "Overdue from earlier weeks:" in result.stdout
    assert "`upskill replan`" in result.stdout


def test_replan_from_a_week_that_has_ended_is_refused(home: Path) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    result = run("replan", "--yes", "--from", "2026-11-24", env={"UPSKILL_TODAY": "2026-12-09"})
    assert result.returncode == 2
    assert "--from 2026-11-24 is in a week that has ended" in result.stderr
    assert (home / "plan.toml").read_bytes() == before


def test_explain_says_why_an_item_is_not_in_the_plan(home: Path) -> None:
    init_example("swe-to-ml.toml")
    result = run("explain", "research.first-blog-post")
    assert result.returncode == 0
    assert "Not in your plan: the research roadmap is not among your roadmaps." in result.stdout
    known = run("explain", "coding.big-o")
    assert "you rated data_structures 4, and it is needed below" in known.stdout


def test_an_application_a_rating_skips_is_not_called_a_basic(home: Path) -> None:
    """The strong engineer, rated 4 in deep learning, applies to research-engineering roles
    directly: the infrastructure applications are a route for engineers still growing their
    ML, not a basic he knows, so the plan does not count them among his skipped basics."""
    init_example("strong-everywhere.toml")
    said = run("explain", "interviewing.infra-applications").stdout
    assert "you rated deep_learning 4, and it is for people rated below 3" in said
    assert "needed below" not in said
    assert "Skill: deep_learning, for those rated below 3" in said
    plan = run("export", "--format", "markdown").stdout
    line = next(x for x in plan.splitlines() if x.startswith("- interviewing (you rated"))
    assert "deep learning" not in line.split("basics skipped", 1)[1], line


def test_the_readme_profile_example_is_a_valid_answers_file(tmp_path: Path, home: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The profile \(answers file\).*?```toml\n(.*?)```", readme, re.DOTALL)
    assert block, "README lost its profile example"
    path = tmp_path / "readme-profile.toml"
    path.write_text(block.group(1), encoding="utf-8")
    result = run("init", "--answers", str(path))
    assert result.returncode == 0, result.stderr


def test_what_to_do_next_is_what_more_hours_would_bring_in(home: Path) -> None:
    """Not the second application round, which belongs after the plan's last week."""
    init_example()
    plan = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    reasons = {u["id"].split("@")[0]: u["reason"] for u in plan["unscheduled"]}
    # (work that waits for other left-out work may be named after it: a chain to work in)
    chained = {i for i, r in reasons.items() if re.match(r"waits for \S+, which did not fit$", r)}
    later = {
        i
        for i, r in reasons.items()
        if "after the plan's last week" in r or (r.startswith("waits for") and i not in chained)
    }
    grown = True
    while grown:  # (what waits for work after the plan is after the plan too)
        more = {i for i in chained - later if reasons[i].split()[2].rstrip(",") in later}
        later |= more
        grown = bool(more)
    assert "interviewing.reapply" in later  # the example's second round is after week 26
    shown = run("plan", "--all").stdout
    found = re.search(r"Next, in this order, when you have more time: (.*?)\.\n", shown, re.S)
    assert found is not None, shown
    order = [x.strip() for x in found.group(1).replace("\n", " ").split(",")]
    named = set(order)
    assert named
    assert not named & later, named & later
    for i in named & chained:  # ... and then only after what it waits for
        waited = reasons[i].split()[2].rstrip(",")
        assert waited in order[: order.index(i)], (i, waited, order)


@pytest.mark.parametrize("example", ["swe-to-ml.toml", "undergrad-phd.toml"])
def test_what_to_do_next_names_work_after_what_it_waits_for(home: Path, example: str) -> None:
    """An item that waits for other left-out work is named next only after that work (the
    ML engineer's "Explain a training run end to end" after the broken-runs lab it builds on):
    the list stays an order to work in, and a chain is not cut after its first step."""
    init_example(example)
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    reasons = {u["id"].split("@")[0]: u["reason"] for u in plan["unscheduled"]}
    shown = run("plan", "--all").stdout
    found = re.search(r"Next, in this order, when you have more time: (.*?)\.\n", shown, re.S)
    assert found is not None, shown
    named = [x.strip() for x in found.group(1).replace("\n", " ").split(",")]
    chained = 0
    for i, item_id in enumerate(named):
        waits = re.match(r"waits for (\S+), which did not fit", reasons.get(item_id, ""))
        if waits:
            assert waits.group(1) in named[:i], (item_id, waits.group(1), named)
            chained += 1
    assert chained, named  # (each of these plans has such a chain among its next steps)


def test_each_week_of_a_split_item_says_which_of_its_steps_to_do(home: Path) -> None:
    """The markdown walks a long item's steps week by week, each named once, in order."""
    init_example()
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    markdown = run("export", "--format", "markdown").stdout
    shown = run("plan", "--format", "markdown", "--all", "--details").stdout
    assert markdown.strip() == shown.strip()  # the same text, one way or the other
    # ... and the markdown, a plan to read or share, says it without being asked
    assert run("plan", "--format", "markdown", "--all").stdout.strip() == markdown.strip()
    terse = run("plan", "--format", "markdown", "--all", "--no-details").stdout
    assert "  - This week" not in terse
    assert "Done when" not in terse
    assert "- [ ] " in terse
    assert "This week" not in run("plan", "--all").stdout  # the table is a glance
    catalog = {}
    for path in (ROOT / "data" / "roadmaps").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            catalog[f"{data['id']}.{item['id']}"] = item.get("steps", [])
    weeks_of: dict[str, int] = {}
    for week in plan["weeks"]:
        for task in week["tasks"]:
            weeks_of[task["id"]] = weeks_of.get(task["id"], 0) + 1
    split = [tid for tid, n in weeks_of.items() if n > 1 and catalog.get(tid)]
    assert split, "the example plan splits some item that has steps"
    for tid in split:
        said = re.findall(rf"`{re.escape(tid)}`.*\n  - This week[:,] (.*)", markdown)
        assert len(said) == weeks_of[tid], (tid, said)
        walked = " ".join(said)
        positions = [walked.lower().find(step[1:].lower()) for step in catalog[tid]]
        assert all(p >= 0 for p in positions), (tid, catalog[tid], said)  # every step named
        assert positions == sorted(positions), (tid, said)  # in order
    whole = next(
        tid for tid, n in weeks_of.items() if n == 1 and "@" not in tid and catalog.get(tid)
    )
    assert re.search(rf"`{re.escape(whole)}`.*\n  - In order: ", markdown), whole
    # ... and a part before the last is done this week when its steps are (rv48: "in the
    # middle weeks the finish line is an hour count rather than an outcome"), with the hours
    # done by then; the last part says the whole task's finish line plainly
    for tid in split:
        finish = re.findall(
            rf"`{re.escape(tid)}`, [a-z]+, ([\d.]+) of ([\d.]+) h, part (\d+) of (\d+)\)\n"
            r"  - This week[:,] .*\n(?:  - For your interests: .*\n)?  - (.*)",
            markdown,
        )
        assert len(finish) == weeks_of[tid], (tid, finish)
        through = 0.0
        for hours, total, number, count, line in finish:
            through += float(hours)
            if number == count:
                assert line.startswith("Done when: "), (tid, line)
            else:
                assert line.startswith(
                    f"Done this week: the steps above ({through:g} of the {float(total):g} h "
                    f"done by then); the whole task is done when, after part {count}: "
                ), (tid, line)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_a_step_split_over_two_weeks_adds_up(home: Path, example: str) -> None:
    """c61wpost: "week 17 leaves 1.5 h of the step (2.75 - 1.25), but week 18 says 1.25 h":
    each week rounded its own share to the quarter hour. The week that finishes a step
    begun the week before says the rest as what the step's hours leave after that week's."""
    markdown = person_markdown(example, EXAMPLES)
    week = 0
    said: dict[tuple[str, int], str] = {}
    task = ""
    for line in markdown.splitlines():
        heading = re.match(r"## Week (\d+) ", line)
        if heading:
            week = int(heading[1])
        found = re.match(r"- \[[ x]\] .*\(`([^`]+)`", line)
        if found:
            task = found[1]
        if line.startswith("  - This week: "):
            said[(task, week)] = line
    pairs = exact = 0
    for (task, week), line in said.items():
        begun = re.search(
            r"\(about ([\d.]+) h this week of this (?:last )?step's ([\d.]+) h; finish it next "
            r"week\)",
            line,
        )
        after = said.get((task, week + 1), "")
        rest = re.search(rf"\(the rest of it, about ([\d.]+) h, begun in week {week}\)", after)
        if begun and rest:
            pairs += 1
            # (a crumb past a week's end, half an hour or less, is said in neither week: the
            # week before says the step whole, the next starts on the next step)
            gap = float(begun[2]) - float(begun[1]) - float(rest[1])
            assert 0 <= gap <= 0.5, (task, week, line, after)
            exact += gap == 0
    if example == "postdoc-research-engineer.toml":
        assert pairs >= 3, pairs
        assert exact == pairs, (exact, pairs)  # (none of his is a crumb: each adds up)


def first_week(plan: dict[str, Any], item_id: str) -> int:
    """The first week of ``plan --format json`` that holds part of ``item_id``."""
    return min(w["week"] for w in plan["weeks"] for t in w["tasks"] if t["id"] == item_id)


@pytest.mark.parametrize(
    ("person", "per_week", "earlier", "roadmaps"),
    [
        (ROOT / "benchmarks" / "people" / "evenings-engineer.toml", 6, True, None),
        (
            ROOT / "benchmarks" / "people" / "evenings-engineer.toml",
            6,
            False,
            ["coding", "ml-devloop", "interviewing", "open-source"],
        ),
        (ROOT / "benchmarks" / "people" / "biology-postdoc-6h.toml", 6, True, None),
    ],
    ids=["evenings-engineer", "evenings-engineer-no-network", "biology-postdoc-6h"],
)
def test_a_late_first_round_says_why(
    home: Path, person: Path, per_week: int, earlier: bool, roadmaps: list[str] | None
) -> None:
    """A first round well past "a couple of months of upskilling" (the postdoc's, in week 20)
    says why: the hours of its own preparation before it (what it needs and comes after, each
    weekly habit's first week), the largest pieces and the weeks that alone takes (rv92, rv93:
    "close to the six months Anders warns against"). Someone ready early hears no such line.
    The hours of the weeks before it are said as parts that add up: the preparation, the
    applications that go out earlier (never counted as preparation), and the rest of the plan
    that shares those weeks (text audit 11, finding 3: "18 weeks is not 43"). (Until stop 49
    the postdoc's; his round is now his second shot, cmp73, cmp74. Since stop 51's three
    timed assessments, not six, an evenings engineer applies to a structured programme in
    the weeks before his round; a biologist at 6 h a week sends hers months before hers.
    Since stop 65 his GPT-2 comes first and the programme goes before his round: without the
    networking roadmap, nothing goes out before it.)"""
    if roadmaps is not None:
        answers = tomllib.loads(person.read_text())
        answers["roadmaps"] = roadmaps
        person = home.parent / "answers.toml"
        person.write_text(tomli_w.dumps(answers))
    made = run("init", "--answers", str(person))
    assert made.returncode == 0, made.stderr
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    week = first_week(plan, "interviewing.first-applications")
    cat = load_catalog(None)
    firsts: dict[str, int] = {}
    hours: dict[str, float] = {}
    held = 0.0
    for w in plan["weeks"]:
        for t in w["tasks"]:
            item = t["id"].split("@")[0]
            held += t["hours"] if w["week"] < week else 0.0
            if item not in firsts:
                firsts[item] = w["week"]
                hours[item] = 0.0
            if w["week"] == firsts[item] or "@" not in t["id"]:
                hours[item] += t["hours"] if w["week"] < week else 0.0
    prep, stack = set(), ["interviewing.first-applications"]
    while stack:
        cur = stack.pop()
        for ref in [*cat.prerequisites(cur), *cat.after(cur)]:
            if ref not in prep and firsts.get(ref, week) < week:
                prep.add(ref)
                stack.append(ref)
    applied = {i for i in prep if cat.items[i].kind == "apply"}
    # (an application before the round, or none)
    assert ("network.structured-programme" in applied) == earlier, applied
    total = sum(hours[i] for i in prep - applied)
    largest = max(prep - applied, key=lambda i: hours[i])
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if x.startswith("Why the first application round"))
    assert f"starts only in week {week}:" in said
    # ... without arguing against the advice it cites (rv98: "the plan argues against the
    # document's central timing advice ... 'not half-prepared after two months'"): it says
    # how to apply sooner instead
    assert "half-prepared" not in said
    assert "To apply sooner, as Anders advises, give more hours a week" in said
    assert f"Weeks 1–{week - 1} hold {held:g} h of planned work" in said
    assert f": {total:g} h is the preparation the round should not go without" in said
    assert f"the largest: {cat.items[largest].title} ({hours[largest]:g} h)" in said
    preparation = said.split(" h is the preparation")[1].split(";")[0]
    assert "Apply to a structured programme" not in preparation
    parts = [float(x) for x in re.findall(r"([\d.]+) h is ", said)]
    assert len(parts) == (3 if earlier else 2), said
    assert sum(parts) == pytest.approx(held)  # (the parts add up to the weeks' hours)
    # ... and an application that goes on into the round's weeks is said as a start, not as
    # one that goes out earlier (text audit 12, finding 6)
    last = max(
        (
            w["week"]
            for w in plan["weeks"]
            for t in w["tasks"]
            if t["id"] == "network.structured-programme"
        ),
        default=0,
    )
    if not earlier:
        assert "go out earlier" not in said
        assert "Apply to a structured programme" not in said
    elif last < week:
        assert "is applications that go out earlier, on their own: Apply to a structured" in said
    else:
        start = firsts["network.structured-programme"]
        span = f"week {start}" if start == week - 1 else f"weeks {start}–{week - 1}"
        out = f"week {week}" if last == week else f"weeks {week}–{last}"
        assert (
            f"h is the start of Apply to a structured programme, residency or fellowship "
            f"({span}; its applications go out in {out}, alongside the round)"
        ) in said
        assert "go out earlier" not in said
    assert f"alone would take {math.ceil(total / per_week)} weeks at {per_week} h a week" in said
    assert f"shared with the rest, it runs to week {week - 1}" in said
    assert math.ceil(total / per_week) > 8  # ... more than a couple of months: why it is said
    assert said in " ".join(run("plan", "--all").stdout.split())  # (the terminal says it too)
    init_example("strong-everywhere.toml", "--force")
    assert "Why the first application round" not in run("export", "--format", "markdown").stdout


def test_what_the_first_round_goes_out_without_is_said(home: Path) -> None:
    """The master's student's round (week 10) would like GPT-2 from scratch done first, but
    the build comes after it (rv96, of the ML engineer's round then: "move Build GPT-2 from
    scratch ahead of the week-24 application round"): a line under the milestones names what
    comes after the round, with its weeks, the hours and the weeks it would hold the round
    back, and the applications that follow. The postdoc's round goes out after everything it
    would like: no such line."""
    init_example("masters-short-runway.toml")
    per = 25  # her hours a week
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks: dict[str, list[int]] = {}
    hours: dict[str, float] = {}
    for w in plan["weeks"]:
        for t in w["tasks"]:
            item = t["id"].split("@")[0]
            weeks.setdefault(item, []).append(w["week"])
            hours[item] = hours.get(item, 0.0) + t["hours"]
    cat = load_catalog(None)
    round_id = "interviewing.first-applications"
    start = min(weeks[round_id])
    later = [
        a
        for a in cat.after(round_id)
        # (on her short runway the round is not put after a post: cmp138, cmp139)
        if a in weeks and min(weeks[a]) >= start and cat.items[a].kind not in ("apply", "write")
    ]
    assert "ml-devloop.gpt2-from-scratch" in later
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if x.startswith("After the first round, not before it: "))
    assert "Set up a blog" not in said
    for a in later:
        first, last = min(weeks[a]), max(weeks[a])
        span = _span(first, last)
        assert f"{cat.items[a].title} ({span})" in said, a
    # ... with what they build on that comes after the round too (GPT-2 on the transformer
    # papers: "the delay it quotes counts only the deferred task's own hours", cmp143)
    extra: set[str] = set()
    stack = list(later)
    while stack:
        for p in cat.prerequisites(stack.pop()):
            if p in weeks and min(weeks[p]) >= start and p not in later and p not in extra:
                extra.add(p)
                stack.append(p)
    assert extra, "GPT-2 builds on work that comes after the round too"
    total = sum(hours[a] for a in [*later, *extra])
    # ... said as its arithmetic says (text audit 12, finding 15: 26 h at 8 h a week was
    # "about 4 weeks"; it is 3-4)
    near = round(total / per)
    weeks_said = (
        (f"about {near} weeks" if near != 1 else "about a week")
        if abs(total / per - near) <= 0.2
        else f"{math.floor(total / per)}–{math.ceil(total / per)} weeks"
    )
    assert f"back by {weeks_said} ({total:g} h, with what " in said
    assert f" on, at {per} h a week), so the round goes out" in said
    rolling = "interviewing.rolling-applications"
    first, last = min(weeks[rolling]), max(weeks[rolling])
    assert f"{cat.items[rolling].title} (weeks {first}–{last})" in said
    assert "After the first round, not before it: " in run("plan", "--all").stdout
    init_example("postdoc-research-engineer.toml", "--force")
    assert (
        "After the first round, not before it" not in run("export", "--format", "markdown").stdout
    )


def _span(lo: int, hi: int) -> str:
    """Weeks as the plan says them: "week 3", "weeks 4–6"."""
    return f"week {lo}" if lo == hi else f"weeks {lo}–{hi}"


def item_weeks() -> dict[str, list[int]]:
    """The weeks each item of the current plan (`plan --format json --all`) has tasks in."""
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks: dict[str, list[int]] = {}
    for w in plan["weeks"]:
        for t in w["tasks"]:
            weeks.setdefault(t["id"].split("@")[0], []).append(w["week"])
    return weeks


def test_what_a_second_shot_goes_out_without_is_said(home: Path, tmp_path: Path) -> None:
    """With a first shot, the plan's first application is the shot, which never waited for
    the work the round would like done first; the full round, the second shot, goes out
    without it, and the plan still says so, of that round (the evenings engineer with ten
    hours a week: the ML infrastructure sketch after his round)."""
    text = (ROOT / "benchmarks" / "people" / "evenings-engineer.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hours_per_week = .*$", "hours_per_week = 10", text)
    (tmp_path / "ten.toml").write_text(text, encoding="utf-8")
    person_markdown("ten.toml", tmp_path)
    weeks = item_weeks()
    assert "interviewing.first-shot" in weeks
    sketch = weeks["interviewing.ml-system-design"]
    assert min(sketch) > min(weeks["interviewing.first-applications"])
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if "not before it: " in x)
    assert said.startswith("After your main round, not before it: ")
    assert (
        f"ML infrastructure basics: sketch a training and evaluation pipeline (weeks {min(sketch)}–{max(sketch)})"
        in said
    )
    # ... and `explain` of the round says where such work comes later here
    out = " ".join(run("explain", "interviewing.first-applications").stdout.split())
    after = out.split("Comes after, where it can: ", 1)[1].split(" Steps:", 1)[0]
    later = re.findall(r"(\S+) \(week (\d+): later here, as it did not fit before\)", after)
    assert later, after
    round_week = min(weeks["interviewing.first-applications"])
    assert all(int(w) > round_week for _, w in later), later


def test_what_is_built_after_the_main_round_is_said_to_be_for_the_next_try(home: Path) -> None:
    """rv28 (all six reviewers): the data scientist's pretraining capstone, the strong
    engineer's reproduction and two library changes come after the main round with nothing
    saying why. Anders's answer is the next try: a lab looks again about six months after a
    no if you show progress. The plan names each such build with its weeks, in the markdown
    and in `plan --all`; not on a short runway, whose work after the round is the fallback's."""
    init_example("data-scientist-research-engineer.toml", "--force")
    weeks = item_weeks()
    cat = load_catalog(None)
    main = min(weeks["interviewing.first-applications"])
    built = [
        i
        for i, w in weeks.items()
        if (min(w) > main or (min(w) == main and cat.items[i].kind == "build"))
        and i.split(".", 1)[0] in ("ml-devloop", "open-source", "research")
        and cat.items[i].kind in ("build", "write")
        and cat.items[i].repeat is None
        and cat.items[i].hours >= 3
        and i not in cat.after("interviewing.first-applications")
    ]
    assert built  # (the pretraining capstone or the fine-tuned model, by the dates)
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if x.startswith("Built after your main round"))
    assert f"(week {main})" in said
    for i in built:
        first, last = min(weeks[i]), max(weeks[i])
        span = _span(first, last)
        assert f"{cat.items[i].title} ({span})" in said, i
    assert "six months" in said
    # rv33: "a lab will usually look at you again" overstated Anders, who said it of Anthropic
    # and tied it to someone inside vouching for you and interviews that went reasonably
    assert "someone inside is \u201cwilling to recommend you\u201d" in said
    assert "usually" not in said
    assert "Built after your main round" in run("plan", "--all").stdout
    init_example("masters-short-runway.toml", "--force")
    assert "Built after" not in run("export", "--format", "markdown").stdout


def test_a_short_runway_keeps_applying_to_paid_posts_first(home: Path) -> None:
    """rv6, rv6b (stop 46): the master's student with five months of money kept sending one
    application a week to any opening; "start applying for paid jobs" was both reviewers'
    first change. Her weekly application goes to a paid post first; an employed engineer's
    says nothing of money."""
    init_example("masters-short-runway.toml")
    said = " ".join(run("explain", "interviewing.rolling-applications@1").stdout.split())
    assert "as your money runs out within the year, to a paid post first" in said
    init_example("postdoc-research-engineer.toml", "--force")
    said = " ".join(run("explain", "interviewing.rolling-applications@1").stdout.split())
    assert "Done when: This week one more application sent, to an opening" in said
    assert "money" not in said.split("Done when:", 1)[1]


def test_a_late_collaboration_ask_says_why(home: Path) -> None:
    """The PhD student's ask for a collaboration (week 15, not the first weeks: rv92, rv93)
    says why: Lambert's collaboration came after months of classes and papers, and the ask
    waits for what the work needs, each named with its weeks, the last of them the week
    before it; the long courses that go on beside the work are named as such. A plan without
    such an ask says nothing of it."""
    init_example("phd-student-no-network.toml")
    weeks = item_weeks()
    ask = "research.find-collaborator"
    week = min(weeks[ask])
    cat = load_catalog(None)
    before = [a for a in cat.after(ask) if a in weeks and max(weeks[a]) < week]
    assert max(max(weeks[a]) for a in before) == week - 1
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if x.startswith("Why the ask for a research collaboration"))
    last = max(weeks[ask])
    # ... said with the weeks the ask takes and when the work starts (text audit 12, finding
    # 17: "comes in week 15 ... the work can start the week after a yes" for an ask that goes
    # on into week 16 and a setup in the week of the follow-up)
    assert (f"comes in week {week}:" if last == week else f"goes out in weeks {week}–{last}:") in (
        said
    )
    assert "the week after a yes" not in said
    follow, setup = (
        min(weeks["research.collaboration-agreed"]),
        min(weeks["research.collaboration-kickoff"]),
    )
    assert f"the shared setup starts in week {setup}" in said.replace("The shared", "the shared")
    assert f"week {follow}" in said.split("This plan times the ask")[1]
    assert "after classes and papers on his own, through an introduction from his advisor" in said
    for a in before:
        first, last = min(weeks[a]), max(weeks[a])
        span = _span(first, last)
        assert f"{cat.items[a].title} ({span})" in said, a
    # ... and the long courses that run beside the work, not before it, are named as such
    # (rv97: "the plan's own rationale says ... yet the classes come after the collaboration")
    beside = [
        i
        for i in weeks
        if i in cat.items
        and cat.items[i].kind == "learn"
        and cat.items[i].hours >= 15
        and max(weeks[i]) >= week
    ]
    assert beside, "the PhD student's intro ML course runs beside his collaboration"
    # ... as the departure from Lambert's order it is, with the weeks it saves the ask (rv48)
    held = len({n for i in beside for n in range(min(weeks[i]), max(weeks[i]) + 1)})
    lead = (
        "The longer courses go on beside the work rather than before it, where they would hold "
        f"the ask back by about {held} weeks (Lambert took his classes first): "
    )
    tail = said.split(lead, 1)[1]
    for i in beside:
        first, last = min(weeks[i]), max(weeks[i])
        span = _span(first, last)
        assert f"{cat.items[i].title} ({span})" in tail, i
    # ... and so are the deeper deep-learning drills that start after the first results
    # (rv45, rv46: every reviewer of this plan quoted ARENA after the project, unexplained),
    # with Lambert's own order, fundamentals from classes and experimenting learned later
    sprint = min(weeks["research.collaboration-sprint"])
    drills = [
        i
        for i in weeks
        if i.startswith("ml-devloop.")
        and cat.items[i].kind == "practice"
        and cat.items[i].skill == "deep_learning"
        and cat.items[i].repeat is None
        and cat.items[i].hours >= 6
        and min(weeks[i]) > sprint
    ]
    assert "ml-devloop.arena-basics" in drills, drills
    after = tail.split("So do the deeper deep-learning drills", 1)[1]
    for i in drills:
        first, last = min(weeks[i]), max(weeks[i])
        span = _span(first, last)
        assert f"{cat.items[i].title} ({span})" in after, i
    assert "learned to experiment properly doing the research, working with his collab" in after
    assert "though Anders wishes he had started ARENA's notebooks sooner" in after
    init_example("postdoc-research-engineer.toml", "--force")
    assert "Why the ask for a research" not in run("export", "--format", "markdown").stdout


@pytest.mark.parametrize("example", ["strong-everywhere.toml", "postdoc-research-engineer.toml"])
def test_a_first_shot_says_what_it_waits_for(home: Path, example: str) -> None:
    """rv45, rv46: five of six reviewers asked the strong engineer's first shot into week 3,
    the plan silent on why week 8. The plan says why: the shot goes once what it should not
    go without is done, the last of it named with its weeks (each before the shot, the last
    in the week before it, or the last working week), and the weeks off before it said."""
    init_example(example)
    weeks = item_weeks()
    shot = min(weeks["interviewing.first-shot"])
    lines = run("export", "--format", "markdown").stdout.splitlines()
    said = next(x for x in lines if x.startswith(f"Why your first shot goes out in week {shot}:"))
    cat = load_catalog(None)
    ours = ("interviewing.first-shot", "software-engineer" if "strong" in example else None)
    wanted = [*cat.prerequisites(ours[0]), *cat.after(ours[0], ours[1] or "phd-or-postdoc")]
    done = sorted((max(weeks[a]), a) for a in wanted if a in weeks and max(weeks[a]) < shot)
    assert done
    off = [
        int(m.group(1))
        for x in lines
        if (m := re.match(r"## Week (\d+) .*, 0 of 0 h \(holidays\)$", x))
        and int(m.group(1)) < shot
    ]
    assert len(off) == 2, off  # (the holidays, two weeks before the shot)
    working = [n for n in range(1, shot) if n not in off]
    assert done[-1][0] == working[-1], (done, shot)
    # ... the pieces finished in the last two working weeks named, quoted, with their weeks,
    # and the rest left to `explain` (rv: "names the week-3 referral among 'the last'")
    for end, a in done:
        lo, hi = min(weeks[a]), max(weeks[a])
        span = _span(lo, hi)
        named = f"\u201c{cat.items[a].title}\u201d ({span})" in said
        assert named == (end >= working[-2]), (a, end, working[-2:])
    assert "(`upskill explain interviewing.first-shot` lists all of it)" in said
    assert said.endswith(f"; weeks {off[0]}–{off[1]} are your time off.")


def test_a_signature_build_weeks_after_its_hands_on_basis_says_why(home: Path) -> None:
    """rv45, rv46: four of twelve reviewers of the data scientist asked GPT-2 straight after
    ARENA's chapter 0, with no word from the plan on the weeks between. Where the weeks
    between go first to a first shot (a chemistry postdoc whose coding is the gap), the plan
    says why: the reading GPT-2 builds on is named with its weeks; the build is done before
    the main round. The data scientist, who codes routinely, now goes straight on to GPT-2
    (stop 65), and the postdoc's optimiser notebook runs up to his: neither is told of it."""
    init_example(
        str(ROOT / "benchmarks" / "people" / "chemistry-postdoc-12h-research-engineer.toml")
    )
    weeks = item_weeks()
    gpt2, arena = weeks["ml-devloop.gpt2-from-scratch"], weeks["ml-devloop.arena-basics"]
    shot = min(weeks["interviewing.first-shot"])
    assert max(arena) < shot < min(gpt2)
    lines = run("export", "--format", "markdown").stdout.splitlines()
    head = (
        f"Why Build GPT-2 from scratch (ARENA chapter 1) starts in week {min(gpt2)}, "
        f"{min(gpt2) - max(arena)} weeks after ARENA chapter 0: tensors, einops, CNNs and "
        f"ResNets (weeks {min(arena)}–{max(arena)}): the weeks between go first to your first "
        f"shot (week {shot})"
    )
    said = next(x for x in lines if x.startswith(head))
    papers = weeks["ml-devloop.transformer-papers"]
    assert max(arena) < min(papers)
    assert max(papers) < min(gpt2)
    span = _span(min(papers), max(papers))
    assert f"Read the papers behind the transformer notebooks ({span})" in said
    main = min(weeks["interviewing.first-applications"])
    assert max(gpt2) < main
    assert said.endswith(f"; the build is done before your main round (week {main}).")
    for example in ("data-scientist-research-engineer.toml", "postdoc-research-engineer.toml"):
        init_example(example, "--force")
        assert "Why Build GPT-2" not in run("export", "--format", "markdown").stdout


def test_someone_who_codes_goes_on_from_arena_to_gpt2_before_the_first_shot(home: Path) -> None:
    """rv55: four of six reviewers of the data scientist (coding 3) asked for hands-on ML in
    the weeks after ARENA's chapter 0, GPT-2 before his first shot; c65gdata, c65gdatar (and
    c65gback, c65geven for two invented engineers): every paired reviewer preferred it. His
    weekly ML goes on from the notebooks to the papers, the loss curves and GPT-2, and his
    first shot links the build. The postdoc, whose coding (2) is the gap, keeps his coding
    first: his GPT-2 still comes after his first shot (c65gpost, c65gpostr)."""
    init_example("data-scientist-research-engineer.toml")
    weeks = item_weeks()
    arena, gpt2 = weeks["ml-devloop.arena-basics"], weeks["ml-devloop.gpt2-from-scratch"]
    assert min(gpt2) - max(arena) <= 3, (arena, gpt2)
    for between in ("ml-devloop.transformer-papers", "ml-devloop.loss-curve-literacy"):
        assert max(arena) <= min(weeks[between]), between
        assert max(weeks[between]) <= min(gpt2), between
    assert max(gpt2) < min(weeks["interviewing.first-shot"])
    init_example("postdoc-research-engineer.toml", "--force")
    weeks = item_weeks()
    assert min(weeks["interviewing.first-shot"]) < min(weeks["ml-devloop.gpt2-from-scratch"])


def test_first_results_weeks_after_the_project_setup_say_why(home: Path) -> None:
    """rv45, rv46: "the project stalls straight after it starts" (the undergraduate's shared
    setup in week 5, her first results from week 13). The plan says why: the first
    experiments wait for what they need, each named with its weeks, all of it between the
    setup and the first results, and her weekly supervisor meetings go on meanwhile. A plan
    whose first results follow the setup at once says nothing of it."""
    init_example("undergrad-phd.toml")
    weeks = item_weeks()
    setup = max(weeks["research.collaboration-kickoff"])
    first = min(weeks["research.collaboration-sprint"])
    assert first - setup >= 3, (setup, first)
    lines = run("export", "--format", "markdown").stdout.splitlines()
    head = f"Why your project's first results start in week {first}, {first - setup} weeks after"
    said = next(x for x in lines if x.startswith(head))
    cat = load_catalog(None)
    sprint = "research.collaboration-sprint"
    wanted = [*cat.prerequisites(sprint), *cat.after(sprint, "undergrad")]
    between = [
        a
        for a in wanted
        if a in weeks and a != "research.collaboration-kickoff" and setup <= max(weeks[a]) < first
    ]
    assert between
    for a in between:
        lo, hi = min(weeks[a]), max(weeks[a])
        span = _span(lo, hi)
        assert f"{cat.items[a].title} ({span})" in said, a
    assert "Start your project" not in said.split("in between:", 1)[1]
    assert "Your weekly supervisor meetings go on meanwhile" in said
    init_example("phd-student-no-network.toml", "--force")
    weeks = item_weeks()
    assert (
        min(weeks["research.collaboration-sprint"]) - max(weeks["research.collaboration-kickoff"])
        < 3
    )
    assert "Why your project's first results" not in run("export", "--format", "markdown").stdout


def test_the_plan_opens_with_its_milestones(home: Path) -> None:
    """The steps the plan is built around (the signature build, the application round) are
    said first, with their weeks, wherever the whole plan is shown: all of an item's weeks,
    as the lines on the skills and interests say them (text audit 10: "(weeks 3-6)", "week 6"
    and "(week 3)" for one application read as a contradiction)."""
    said = " ".join(init_example().stdout.split())
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks: dict[str, list[int]] = {}
    for w in plan["weeks"]:
        for t in w["tasks"]:
            weeks.setdefault(t["id"], []).append(w["week"])

    def span(item: str) -> str:
        first, last = min(weeks[item]), max(weeks[item])
        return f"week {first}" if first == last else f"weeks {first}–{last}"

    gpt2 = span("ml-devloop.gpt2-from-scratch")
    applied = span("interviewing.first-applications")
    # (his round is his second shot since stop 49, and titled so)
    title = next(
        t["title"]
        for w in plan["weeks"]
        for t in w["tasks"]
        if t["id"] == "interviewing.first-applications"
    )
    assert title.startswith("First application round")
    assert "Milestones: " in said
    assert f"{gpt2}: Build GPT-2 from scratch (ARENA chapter 1)" in said
    assert f"{applied}: {title}" in said
    assert said.index(f"{gpt2}: Build") < said.index(f"{applied}: First application")
    # not the stats course: a basic is not a milestone
    assert "Statistics and probability refresher" not in said.split("Preview:")[0]
    markdown = run("export", "--format", "markdown").stdout.splitlines()
    assert f"- {applied}: {title}" in markdown
    assert f"{title} ({applied})" in " ".join(markdown)  # as the skills say
    whole = " ".join(run("plan", "--all").stdout.split())
    assert whole.startswith("Milestones: ")
    assert "Milestones" not in run("plan", "--week", "1").stdout


def test_the_markdown_says_where_the_hours_go_beside_the_ratings(home: Path) -> None:
    """Track by track, beside how the person rated its skills: the biggest pieces of work
    with their weeks and the track's hours (which add up to the plan's), the basics a high
    rating skips, applications on a line of their own, and the tracks with nothing."""
    init_example()  # the postdoc: coding 2, data structures 1, deep learning 0, research 4
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks: dict[str, list[int]] = {}
    hours: dict[str, float] = {}
    for week in plan["weeks"]:
        for task in week["tasks"]:
            item = task["id"].split("@")[0]
            weeks.setdefault(item, []).append(week["week"])
            track = "applications" if task["kind"] == "apply" else item.split(".")[0]
            hours[track] = hours.get(track, 0) + task["hours"]
    lines = run("export", "--format", "markdown").stdout.splitlines()
    top = lines[lines.index("Your skills, and where the plan's hours go:") :][:12]
    # ... and what the ratings mean, as the questionnaire asked them (1 is not "never")
    scale = next(x for x in lines if x.startswith("Ratings: "))
    assert "0 none: never done it; 1 beginner: followed a tutorial or a course;" in scale
    assert lines.index(scale) < next(i for i, x in enumerate(lines) if x.startswith("## Week 1 "))

    def line(track: str) -> str:
        return next(x for x in top if x.startswith(f"- {track} ("))

    gpt2 = weeks["ml-devloop.gpt2-from-scratch"]  # the biggest pieces of work, with weeks
    ml = line("ML")
    assert ml.startswith("- ML (you rated statistics 3, ML fundamentals 1, deep learning 0): ")
    assert f"Build GPT-2 from scratch (ARENA chapter 1) (weeks {min(gpt2)}–{max(gpt2)})" in ml
    assert f" more; {hours['ml-devloop']:g} h;" in ml
    pr = weeks["open-source.first-pr"]
    assert line("open source").endswith(f"; {hours['open-source']:g} h")
    span = f"week {pr[0]}" if min(pr) == max(pr) else f"weeks {min(pr)}–{max(pr)}"
    assert f"First pull request: opened with CI green ({span})" in (line("open source"))
    # (his algorithms course first, since stop 59; until then the arrays and strings drill)
    course = weeks["coding.dsa-course"]
    assert line("coding and data structures").startswith(
        "- coding and data structures (you rated coding 2, data structures 1): "
        "Selected lectures from a sophomore-level data structures and algorithms course "
        f"(weeks {min(course)}–{max(course)}), "
    )
    assert re.search(
        r"^- research \(you rated 4\): .*; (?:1 basic|\d+ basics) skipped for your rating$",
        line("research"),
    )
    applied = weeks["interviewing.first-applications"]
    applications = next(x for x in top if x.startswith("- applications: "))
    # (his round is his second shot since stop 49, and titled so)
    assert re.search(
        rf"First application round(?: \(after your first shot\))? \(week {max(applied)}\)",
        applications,
    ), applications
    assert applications.endswith(f"; {hours['applications']:g} h")
    assert "First application round" not in line("interviewing")
    said = [float(h) for x in top for h in re.findall(r"; ([\d.]+) h(?:;|$)", x)]
    assert sum(said) == pytest.approx(sum(hours.values()))  # every hour of the plan, once
    # someone strong everywhere: the basics their ratings skip
    init_example("strong-everywhere.toml", "--force")
    markdown = run("export", "--format", "markdown").stdout
    assert re.search(
        r"^- coding and data structures \(you rated coding 4, data structures 4\): "
        r".*; (?:1 basic|\d+ basics) skipped for your "
        r"(?:ratings in coding and data structures|coding rating|data structures rating)$",
        markdown,
        re.M,
    )
    assert not re.search(r"\b1 basics\b", markdown)  # one basic, said in the singular
    init_example("swe-to-ml.toml", "--force")
    markdown = run("export", "--format", "markdown").stdout
    assert re.search(
        r"^- ML \(you rated .*; 1 basic skipped: Probability and statistics from the ground up "
        r"\(for a statistics rating of 0; you rated 1\)$",
        markdown,
        re.M,
    )
    # two hours a week for three weeks: what the plan holds, and one line for the rest
    init_example("tiny-budget.toml", "--force")
    markdown = run("export", "--format", "markdown").stdout
    # (five of the six hours: the sixth checks the programme deadlines, an application step)
    assert re.search(r"^- networking \(you rated 0\): .*; 5 h$", markdown, re.M)
    assert re.search(r"^- applications: Check the next deadlines .*; 1 h$", markdown, re.M)
    found = re.search(r"^- nothing in this plan for: (.*)$", markdown, re.M)
    assert found
    assert "ML (you rated statistics 3, ML fundamentals 1, deep learning 0)" in found.group(1)
    assert "open source (you rated 0)" in found.group(1)


def test_a_plan_far_too_small_for_its_role_says_so_and_what_would_reach_it(home: Path) -> None:
    """r65 on two hours a week for three weeks: nothing told the person that six hours cannot
    reach a research-engineer role. The markdown, `init`'s summary and `plan --all` say how
    much core work is left and how many weeks of their hours it takes, before what comes
    next; a plan that holds its core work says nothing."""
    summary = " ".join(init_example("tiny-budget.toml", "--force").stdout.split())
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    items = {
        f"{path.stem}.{item['id']}": item
        for path in (ROOT / "data" / "roadmaps").glob("*.toml")
        for item in tomllib.loads(path.read_text(encoding="utf-8"))["items"]
    }
    # alternatives (a `group`) count once, and not at all when one is in the plan
    group_of = {
        items[t["id"].split("@")[0]]["group"]: t["id"].split("@")[0]
        for week in plan["weeks"]
        for t in week["tasks"]
        if "group" in items[t["id"].split("@")[0]]
    }
    left = 0.0
    for u in plan["unscheduled"]:
        item_id = u["id"].split("@")[0]
        item = items[item_id]
        if item.get("priority") != "core":
            continue
        if "group" in item and group_of.setdefault(item["group"], item_id) != item_id:
            continue
        left += u["hours"]
    assert left > 6
    markdown = run("export", "--format", "markdown").stdout
    said = next(x for x in markdown.splitlines() if "cheapest first moves" in x)
    # (text audit 11, finding 15: the decision first, then the figures one to a sentence)
    assert "how many hours a week you can give. The core work for your target" in said
    assert f"comes to about {left:.0f} h more, by the roadmaps' own estimates" in said
    assert markdown.index(said) < markdown.index("## Week 1 ")
    years = round(math.ceil(left / 2) / 52)  # over a year and a half of weeks: said in years
    assert math.ceil(left / 2) >= 78
    number = ("one", "two", "three", "four")[years - 1]
    figures = f"At 2 h a week that is about {math.ceil(left / 2)} weeks (about {number} years)"
    assert figures in said
    assert f"; at {math.ceil(left / 52)} h a week, within a year (`upskill replan" in said
    every_week = " ".join(run("plan", "--all").stdout.split())
    for shown in (summary, every_week):  # (the terminal wraps lines: compare words)
        assert figures in shown
        assert shown.index(figures) < shown.index("Next, in this order")
    # "Did not fit" holds far more than the core work quoted first (optional work too): it
    # says how the two figures relate, so adding it up is no surprise (rv88)
    total = sum(u["hours"] for u in plan["unscheduled"])
    assert total > left + 100
    share = f"the core work for your target is about {left:.0f} h of it"
    overflow = markdown.split("## Did not fit", 1)[1]
    assert f"All that did not fit comes to about {total:.0f} h: {share}" in overflow
    assert share[1:] in every_week.split("Did not fit (", 1)[1]
    # the hours come first, as the decision to make, with the command that makes it; made,
    # the plan holds its core work and says nothing (rv82, rv83)
    week_1_end = dt.date.fromisoformat(plan["weeks"][0]["start"]) + dt.timedelta(days=6)
    day = f"{week_1_end:%A} {week_1_end.day} {week_1_end:%B}, {week_1_end.isoformat()}"
    assert said.startswith(f"First decision, by the end of week 1 ({day}): ")
    command = re.search(r"`upskill (replan --hours \d+ --weeks 52)`", said)
    assert command is not None
    # ... and week 1 opens with it as the week's first step (rv86, rv87: "make the hours
    # decision a week-1 task"), with the same command
    week_1 = markdown.split("## Week 1 ", 1)[1].split("## Week 2 ", 1)[0]
    first = week_1.split("\n- [", 1)[0]
    assert "First, this week: decide your weekly hours" in first
    # ... with a finish line, as every task has (rv7b, rv8: "a real week-1 task with a
    # finish line")
    assert "Done when: the hours you can really give each week are written down" in first
    assert f"`upskill {command[1]}`" in first
    run(*command[1].split(), "--yes")
    assert "cheapest first moves" not in run("export", "--format", "markdown").stdout
    init_example("swe-to-ml.toml", "--force")
    assert "cheapest first moves" not in run("export", "--format", "markdown").stdout
    assert "cheapest first moves" not in run("plan", "--all").stdout


def weeks_said(plan: dict[str, Any], item_id: str) -> str:
    """The weeks of ``plan --format json`` that hold ``item_id``, as the plan's top says them."""
    held = [
        w["week"] for w in plan["weeks"] for t in w["tasks"] if t["id"].split("@")[0] == item_id
    ]
    return f"week {held[0]}" if min(held) == max(held) else f"weeks {min(held)}–{max(held)}"


def test_the_markdown_says_which_work_serves_each_interest(home: Path, tmp_path: Path) -> None:
    """Each interest by its name, the work on it and the tasks pointed at it with all their
    weeks, interests served by the same work on one line (text audit 10: "llms:" beside
    "large language models", an unexplained "aimed at it", two identical lists)."""
    init_example()
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    gpt2 = weeks_said(plan, "ml-devloop.gpt2-from-scratch")
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("- Interpretability: "))
    assert line.startswith("- Interpretability: work on it: ")
    assert f"Build GPT-2 from scratch (ARENA chapter 1) ({gpt2})" in line
    # too small a plan: the interest's work did not fit, and the plan says so
    init_example("tiny-budget.toml", "--force")
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("- Interpretability: "))
    assert "the work on it did not fit (" in line
    assert "ARENA interpretability notebooks" in line
    # ... and the outreach in it is pointed at the interest, said as such
    assert "; tasks you will point at it (each says how): " in line
    assert "aimed at it" not in line
    assert "Send three short messages asking for advice on your most ambitious goal" in line
    # an interest no task is tagged with changes nothing, and the plan says that too
    answers = (EXAMPLES / "tiny-budget.toml").read_text(encoding="utf-8")
    answers = answers.replace('interests = ["interpretability"]', 'interests = ["quantum"]')
    assert 'interests = ["quantum"]' in answers
    (tmp_path / "q.toml").write_text(answers, encoding="utf-8")
    assert run("init", "--answers", str(tmp_path / "q.toml"), "--force").returncode == 0
    markdown = run("export", "--format", "markdown").stdout
    assert (
        "- Quantum: no task in the roadmaps is about it; tasks you will point at it (each says "
        "how): " in markdown
    )
    # the projects aimed at an interest are named beside the work tagged with it: the PhD
    # student's collaboration is where reinforcement learning is worked on; robotics is
    # served by the same work, so the two share one line
    init_example("phd-student-no-network.toml", "--force")
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    sprint = weeks_said(plan, "research.collaboration-sprint")
    markdown = run("export", "--format", "markdown").stdout
    lines = [x for x in markdown.splitlines() if "einforcement learning" in x and ": work on" in x]
    assert len(lines) == 1, lines
    assert lines[0].startswith("- Reinforcement learning and robotics: work on them: ")
    assert "- robotics" not in markdown.lower().split("## week 1 ")[0]
    tagged, aimed = lines[0].split("; tasks you will point at them (each says how): ")
    assert "Reinforcement learning basics" in tagged
    sprint_title = (
        "Put your project first: deliver its first results (with a collaborator if you have one)"
    )
    assert f"{sprint_title} ({sprint})" in aimed
    # a slug is said in words
    init_example("strong-everywhere.toml", "--force")
    markdown = run("export", "--format", "markdown").stdout
    assert "- Large language models: " in markdown
    assert "- llms:" not in markdown


def test_what_belongs_after_the_plan_is_named_with_its_week(home: Path) -> None:
    """Re-applying about six months after the first round rarely fits a 26-week plan: the
    plan names it, with the week and date it belongs in, instead of dropping the advice."""
    said = init_example().stdout
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("After this plan: "))
    assert line.startswith("After this plan: ")
    # (since stop 49 his first-round retrospective, the week after the plan, comes first)
    found = re.search(
        r"Refresh resume, list and contacts before the second round "
        r"\(`interviewing.pre-reapply-refresh`\) \(week (\d+), from (\S+)\)",
        line,
    )
    assert found, line
    week, date = int(found[1]), found[2]
    profile = plan["profile"]
    assert week > profile["weeks"]
    start = dt.date.fromisoformat(profile["start_date"])
    assert dt.date.fromisoformat(date) == start + dt.timedelta(weeks=week - 1)
    assert line.endswith(
        ", then Second application round, about six months later (`interviewing.reapply`)."
    )
    after = " ".join(said.split()).split("After this plan: ", 1)[1]
    assert "interviewing.pre-reapply-refresh (week " in after


def test_what_belongs_after_the_plan_is_named_in_date_order(home: Path) -> None:
    """The short runway's plan ends before its second round and its second internship round:
    they are named in the order their weeks come, each followed by what waits for it (the
    second round after its refresh)."""
    init_example("masters-short-runway.toml")
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("After this plan: "))
    weeks = [int(w) for w in re.findall(r"\(week (\d+), from ", line)]
    assert len(weeks) >= 2, line
    assert weeks == sorted(weeks), line
    refresh = line.index("`interviewing.pre-reapply-refresh`")
    assert line.index("`interviewing.reapply`") > refresh, line


@pytest.mark.parametrize(
    "example", ["phd-student-no-network.toml", "swe-to-ml.toml", "strong-everywhere.toml"]
)
def test_outreach_is_pointed_at_the_persons_interests_once(example: str, home: Path) -> None:
    """An item that says how to aim it at interests does so under its first task in the
    markdown, in `plan --details` and in `explain`, naming the person's interests; a
    person with none is told nothing of the kind."""
    init_example(example)
    profile = tomllib.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    # (an interest is said in words: "large language models", not "llms"; rv85)
    named = {"llms": "large language models"}
    interests = [named.get(x, x.replace("-", " ")) for x in profile.get("interests", [])]
    markdown = run("export", "--format", "markdown").stdout
    said = re.findall(r"  - For your interests: (.*)", markdown)
    details = " ".join(run("plan", "--details", "--all").stdout.split())
    explained = " ".join(run("explain", "network.first-outreach").stdout.split())
    if not interests:
        assert not said
        assert "for your interests" not in details
        assert "For your interests" not in explained
        return
    assert said
    assert all(interests[-1] in line for line in said), said
    assert len(said) == len(set(said)), "said more than once for one item"
    assert "for your interests" in details
    assert (
        f"For your interests: Aim at least two of the three messages at people working on {' and '.join(interests)}."
        in explained
    )


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_the_plan_does_not_depend_on_python_hash_seed(example: str, tmp_path: Path) -> None:
    """Determinism across processes: Python salts string hashes per process, so a planner
    that walks a set in its iteration order would write different plans on different runs
    (it did, for the undergraduate). The same answers give the same plan every time."""
    plans = []
    for seed in ("1", "2", "3"):
        home = tmp_path / seed
        env = {"UPSKILL_HOME": str(home), "PYTHONHASHSEED": seed, "UPSKILL_TODAY": TODAY}
        made = run_process("init", "--answers", str(EXAMPLES / example), env=env)
        assert made.returncode == 0, made.stderr
        plans.append(run_process("plan", "--format", "json", "--all", env=env).stdout)
    assert plans[0] == plans[1] == plans[2]


def test_the_markdown_lists_the_most_valuable_left_over_work_and_counts_the_rest(
    home: Path,
) -> None:
    """A tiny plan's markdown is not a 150-line dump: each roadmap's left-over work shows
    its most valuable items and how many more there are; together they are all of it."""
    init_example("tiny-budget.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    left = {u["id"].split("@", 1)[0] for u in data["unscheduled"]}
    markdown = run("export", "--format", "markdown").stdout
    section = markdown.split("## Did not fit", 1)[1]
    # each said by its title first, then the id to type
    listed = re.findall(r"^- [^`\n]*[\w)] \(`([^`]+)`, [\d.]+ h", section, flags=re.MULTILINE)
    more = sum(int(n) for n in re.findall(r"^- and (\d+) more \(", section, flags=re.MULTILINE))
    assert more > 0
    assert len(listed) + more == len(left)
    assert set(listed) <= left
    for block in section.split("### ")[1:]:
        assert len(re.findall(r"^- [^`\n]*\(`", block, flags=re.MULTILINE)) <= 8


def test_the_markdown_names_where_each_piece_of_advice_comes_from_once(home: Path) -> None:
    """Every item in the markdown names its source documents, as `explain` does, under its
    first week only (a weekly habit does not repeat it)."""
    init_example("strong-everywhere.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    markdown = run("export", "--format", "markdown").stdout
    blocks = re.split(r"^- \[[ x]\] ", markdown, flags=re.MULTILINE)[1:]
    said: dict[str, list[str]] = {}
    for block in blocks:
        item = re.search(r"\(`([^`@]+)", block)
        assert item is not None
        said.setdefault(item[1], []).extend(re.findall(r"^  - Source: (.+)$", block, re.M))
    items = {t["id"].split("@", 1)[0] for w in data["weeks"] for t in w["tasks"]}
    assert set(said) == items
    for item_id in sorted(items)[:12]:
        explained = run("explain", item_id).stdout
        source = re.search(r"^Source: (.+)$", explained, flags=re.MULTILINE)
        assert source is not None, item_id
        assert said[item_id] == [source[1].strip()], item_id
    assert all(len(sources) == 1 for sources in said.values())
    # ... and, right under it, what an item adds beyond the documents (the design round)
    design = next(b for b in blocks if "(`interviewing.ml-system-design`" in b)
    beyond = re.search(r"^  - Source: .+\n  - Beyond the documents: (.+)$", design, re.M)
    assert beyond is not None
    assert "common hiring practice" in beyond[1]
    explained = run("explain", "interviewing.ml-system-design").stdout
    assert "Beyond the documents: " + beyond[1] in " ".join(explained.split())
    assert "Beyond the documents" not in next(b for b in blocks if "(`network.first-outreach`" in b)


def test_the_markdown_gives_every_resource_where_the_item_begins(home: Path) -> None:
    """A reviewer: the research-taste reading names two essays but the plan linked only the
    first. Where an item begins, the markdown links every resource `explain` lists for this
    person (an interest-tagged one only to those who named the interest); later weeks of it
    repeat only the first."""
    init_example("postdoc-research-engineer.toml")
    markdown = run("export", "--format", "markdown").stdout
    blocks = re.split(r"^- \[[ x]\] ", markdown.split("## Did not fit")[0], flags=re.M)[1:]
    seen: dict[str, list[list[str]]] = {}
    for block in blocks:
        item = re.search(r"\(`([^`@]+)", block)
        assert item is not None
        links = re.findall(r"^  - \[[^\]]*\]\((\S+)\)$", block, flags=re.M)
        seen.setdefault(item[1], []).append(links)
    several = 0
    for item_id, weeks in sorted(seen.items()):
        explained = run("explain", item_id).stdout
        listed = re.findall(r"^  - .*: (https?://\S+)$", explained, flags=re.M)
        assert weeks[0] == listed, item_id
        assert all(later == listed[:1] for later in weeks[1:]), item_id
        several += len(listed) > 1
    assert several >= 3, several


def test_a_follow_up_after_time_off_says_to_do_it_in_the_first_week_back(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer: the master's student's "Follow up ... Done when: A week after your first
    messages" sits in week 6, three weeks after them, with the holidays between. The plan
    says to do it in the first week back; a follow-up that is late for another reason (the
    collaboration asks of week 2, with week 3 still a working week) does not say so."""
    monkeypatch.setenv("UPSKILL_TODAY", "2026-11-29")  # the holidays are weeks 4 and 5
    init_example("masters-short-runway.toml")
    markdown = run("export", "--format", "markdown").stdout
    blocks = re.split(r"^- \[[ x]\] ", markdown.split("## Did not fit")[0], flags=re.M)[1:]
    said = {
        item[1]: block for block in blocks if (item := re.search(r"\(`([^`@]+)", block)) is not None
    }
    back = "Your time off falls after week 3: do this in your first week back."
    assert back in said["network.ambitious-goal-advice"]
    assert "first week back" not in said["research.collaboration-agreed"]
    assert markdown.count("first week back") == 1


def test_a_plan_says_which_default_roadmaps_the_person_left_out(home: Path) -> None:
    """Alex chose his roadmaps without networking: the plan says so, so a plan without its
    outreach reads as his choice, not an oversight; a plan on the defaults says nothing. Its
    referral ask stays, as a step of applying (`stays_with`; rv53: four of six reviewers'
    first change, rv46 and rv83 before), said with its week and the way to drop it too."""
    # (text audit 11, finding 14: said plainly, the point first: "Left out by your choice of
    # roadmaps, though plans ... have them by default: network, whose ..." buried it)
    said = "You chose to leave out networking (`network`)"
    made = init_example("swe-to-ml.toml")
    assert said in " ".join(made.stdout.split())
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith(said))
    assert "plans for your target role (ml-engineer) include it by default." in line
    assert "Left out by your choice" not in line
    cat = load_catalog(None)
    plan = json.loads(run("plan", "--all", "--format", "json").stdout)
    first: dict[str, int] = {}
    for w in plan["weeks"]:
        for t in w["tasks"]:
            first.setdefault(t["id"].split("@")[0], w["week"])
    # the referral ask is in his plan, after his shortlist and before his first shot and his
    # round, and said so at the top
    ask = "network.insider-contact"
    applications = ["interviewing.first-shot", "interviewing.first-applications"]
    assert ask in first
    assert first["interviewing.target-list"] < first[ask]
    assert all(first[ask] < first[a] for a in applications if a in first), first
    title = cat.items[ask].title
    assert (
        f"This step of networking stays in your plan, as part of applying rather than for "
        f"its own sake: \u201c{title}\u201d (week {first[ask]}); `upskill check {ask} --skip` "
        "leaves it out too."
    ) in line
    assert "Its other core work for you includes" in line
    assert "Make a long, ambitious list of career-step options" in line
    assert "Find someone inside each target organisation" not in line.split("Its other")[1]
    shown = run("explain", ask).stdout
    assert "You left out the network roadmap; this step of it stays" in " ".join(shown.split())
    assert "- networking (you rated 1; not among your roadmaps, but a step of applying" in markdown
    # ... and what leaving the rest out costs his plan, from the documents (rv79: "the plan
    # notes this but never pushes back"): the first core step of it that planned work needs
    # or comes after, not in his plan, and able to stand alone (what it needs is planned)
    cost = re.search(
        r"Without it, your \u201c([^\u201d]+)\u201d goes out without \u201c([^\u201d]+)\u201d "
        r"before it\.",
        line,
    )
    assert cost is not None, line
    # ... and how to take it back (rv83), which works as said
    how = 'To add it back, put "network" in `roadmaps` in your profile.toml and run `upskill '
    assert how + "replan --profile` with that file." in line
    # ... or that one step alone (rv46), its lead time ahead of the first work in the plan
    # that would come after it, in a week with hours; it works as said
    alone = re.search(
        r"Or add that one step alone, ahead of the first work that would come after it "
        r"\(week (\d+)\): `upskill add (\S+) --week (\d+)`\.",
        line,
    )
    assert alone is not None, line
    missed = alone.group(2)
    assert missed.startswith("network.")
    assert missed not in first
    assert cost.group(2) == cat.items[missed].title
    assert all(p in first for p in cat.prerequisites(missed))
    after = [
        first[i]
        for i in first
        if cat.items[i].title == cost.group(1)
        and missed in (*cat.prerequisites(i), *cat.after(i, "software-engineer"))
    ]
    assert after
    assert int(alone.group(1)) == min(after), (alone.group(1), after)
    week = int(alone.group(3))
    lead = max(cat.items[missed].lead_weeks or 0, 1)
    working = {w["week"] for w in plan["weeks"] if w["budget"] > 0}
    assert week == max(n for n in range(1, min(after) - lead + 1) if n in working), week
    added = run("add", missed, "--week", alone.group(3))
    assert added.returncode == 0, added.stderr
    weeks = {
        w["week"]
        for w in json.loads(run("plan", "--all", "--format", "json").stdout)["weeks"]
        for t in w["tasks"]
        if t["id"] == missed
    }
    assert weeks == {week}
    assert run("add", "--undo", missed).returncode == 0
    # ... and the referral ask, skipped, stays out through a replan, named among the rest
    assert run("check", ask, "--skip").returncode == 0
    assert run("replan", "--yes").returncode == 0
    skipped = run("export", "--format", "markdown").stdout
    again = next(x for x in skipped.splitlines() if x.startswith(said))
    assert "This step of it stays" not in again
    assert title in again
    assert f"- [ ] {title}" not in skipped
    profile = home / "profile.toml"
    answers = tomllib.loads(profile.read_text(encoding="utf-8"))
    chosen = ", ".join(f'"{r}"' for r in [*answers["roadmaps"], "network"])
    text = re.sub(r"roadmaps = \[[^\]]*\]", f"roadmaps = [{chosen}]", profile.read_text("utf-8"))
    profile.write_text(text, encoding="utf-8")
    run("replan", "--yes", "--profile", str(profile))
    back = run("export", "--format", "markdown").stdout
    assert said not in back
    assert "(`network.options-list`" in back
    init_example("postdoc-research-engineer.toml", "--force")
    assert said not in run("export", "--format", "markdown").stdout


def test_a_kept_step_is_said_as_kept_only_while_it_is(home: Path, tmp_path: Path) -> None:
    """review64: the skills line called any planned item of a left-out roadmap "a step of
    applying" and `explain` said a step "stays" once the person had added it by hand or
    skipped it; with two roadmaps left out the top said "This step of it ... Its other core
    work" of both; and the cost named a lesser gap because a prerequisite the person is rated
    past counted as missing."""
    init_example("swe-to-ml.toml")
    assert run("add", "network.options-list", "--week", "6").returncode == 0
    markdown = run("export", "--format", "markdown").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("- networking ("))
    assert "not among your roadmaps, but in your plan all the same" in line
    added = " ".join(run("explain", "network.options-list").stdout.split())
    assert "You added network.options-list with `upskill add`" in added
    assert "this step of it stays" not in added
    kept = " ".join(run("explain", "network.insider-contact").stdout.split())
    assert "You left out the network roadmap; this step of it stays" in kept
    assert run("check", "network.insider-contact", "--skip").returncode == 0
    skipped = " ".join(run("explain", "network.insider-contact").stdout.split())
    assert "this step of it stays" not in skipped
    # ... two roadmaps left out: which one the step is of, and both named after
    text = (EXAMPLES / "swe-to-ml.toml").read_text(encoding="utf-8")
    both = tmp_path / "both.toml"
    both.write_text(
        text.replace('"interviewing", "open-source"]', '"interviewing"]'), encoding="utf-8"
    )
    assert run("init", "--answers", str(both), "--force").returncode == 0
    top = next(
        x
        for x in run("export", "--format", "markdown").stdout.splitlines()
        if x.startswith("You chose to leave out")
    )
    assert "This step of networking stays in your plan" in top
    assert "Their other core work for you includes" in top
    assert "`upskill roadmaps show open-source` and `upskill roadmaps show network`" in top
    # ... and the cost names the gap the person has, not one their rating skips
    noml = tmp_path / "noml.toml"
    noml.write_text(
        'name = "No ML roadmap"\nbackground = "software-engineer"\n'
        'target_role = "ml-engineer"\nhours_per_week = 10\nweeks = 30\n'
        'roadmaps = ["coding", "interviewing", "open-source", "network"]\n'
        "[skills]\ncoding = 3\ndeep_learning = 2\nml_fundamentals = 2\nstatistics = 2\n"
        "interviewing = 2\nopen_source = 2\nnetworking = 2\n",
        encoding="utf-8",
    )
    assert run("init", "--answers", str(noml), "--force").returncode == 0
    top = next(
        x
        for x in run("export", "--format", "markdown").stdout.splitlines()
        if x.startswith("You chose to leave out")
    )
    assert "goes out without \u201cReading loss curves: recipes and playbooks\u201d" in top


def test_an_ask_to_join_a_group_beside_a_supervised_project_is_for_a_second_group(
    home: Path,
) -> None:
    """rv46: "'Ask directly to join a group or project' appears in week 27, long after a
    supervisor has been arranged". In a plan that holds the supervision request's follow-up,
    Lambert's keep-asking step is said as what it is there, the ask to a second group; the
    PhD student with no supervisor in his plan keeps the plain ask, first to his advisor."""
    init_example("undergrad-phd.toml")
    jordan = run("export", "--format", "markdown").stdout
    line = next(x for x in jordan.splitlines() if "(`network.ask-for-opportunities`" in x)
    assert "Ask to join a second group: its reading group or a small part of a project" in line
    assert "at least two requests sent to a second group beside your supervisor's" in jordan
    assert "Ask directly to join a group or project" not in jordan
    init_example("phd-student-no-network.toml", "--force")
    lee = run("export", "--format", "markdown").stdout
    line = next(x for x in lee.splitlines() if "(`network.ask-for-opportunities`" in x)
    assert "Ask directly to join a group or project" in line
    assert "second group" not in lee


def test_the_loss_curve_sheet_says_which_applications_it_comes_before(home: Path) -> None:
    """rv49: "the task says 'learn it alongside ARENA and before you apply', yet it comes in
    week 16, after the week-14 first application". A first shot goes with what the person
    has; the sheet comes before the main round, and its why says so, as the plan holds it.
    (Until stop 65 the data scientist's; his sheet now comes before his shot, with GPT-2: a
    chemistry postdoc whose coding is the gap has it between.)"""
    init_example(
        str(ROOT / "benchmarks" / "people" / "chemistry-postdoc-12h-research-engineer.toml")
    )
    weeks = item_weeks()
    sheet = max(weeks["ml-devloop.loss-curve-literacy"])
    assert (
        min(weeks["interviewing.first-shot"])
        < sheet
        < min(weeks["interviewing.first-applications"])
    )
    said = " ".join(run("explain", "ml-devloop.loss-curve-literacy").stdout.split())
    assert "before you apply" not in said
    assert (
        "before your main applications (a first shot sent sooner goes with what you have)" in said
    )


def test_internships_sent_before_their_practice_say_why(home: Path) -> None:
    """rv46, rv49: "the internship applications in weeks 7-8 go out before any interview
    preparation" (only `explain` said why). The plan's header says it: summer internships'
    windows can close months ahead, so the applications do not wait; the practice for their
    interviews that comes after them is named with its weeks as coming in the weeks those may
    come, the rest as later. A plan without internships says nothing of it."""
    init_example("phd-student-no-network.toml")
    weeks = item_weeks()
    sent = weeks["network.research-internship"]
    lines = run("export", "--format", "markdown").stdout.splitlines()
    span = _span(min(sent), max(sent))
    head = f"Why \u201cApply for research internships\u201d goes out in {span}, before some"
    said = next(x for x in lines if x.startswith(head))
    assert "their windows can close months before it, so the applications do not wait" in said
    practice = said.split("comes in the weeks those may come: ", 1)[1]
    for item in ("interviewing.first-mocks", "coding.first-online-assessment"):
        lo, hi = min(weeks[item]), max(weeks[item])
        assert lo > max(sent)
        assert f"({_span(lo, hi)})" in practice, item
    # (the reading on each group is part of the applications themselves, c63: not "later")
    assert "lab's work" not in said
    init_example("postdoc-research-engineer.toml", "--force")
    assert "Apply for research internships" not in run("export", "--format", "markdown").stdout


def test_internship_applications_are_targeted_in_their_own_weeks(home: Path) -> None:
    """rv52: four reviewers of six asked for the PhD student's notes on each lab before his
    internship applications in weeks 7-8, not in weeks 38-39 ("as it did not fit before").
    Gleave: professors are inundated with generic cold emails; get introduced, or understand
    the group's research in detail and send a targeted message. The applications' own weeks
    ask for both, and the finish line holds each application to it."""
    for example in ("phd-student-no-network.toml", "masters-short-runway.toml"):
        init_example(example, "--force")
        sent = item_weeks()["network.research-internship"]
        weeks = markdown_weeks(run("export", "--format", "markdown").stdout)
        said = " ".join(" ".join(weeks[w].split()) for w in sorted(set(sent))).lower()
        assert "introduce you to one group" in said, example
        assert "read each group's recent papers; send two targeted applications" in said
        assert "each one is targeted" in said
        assert "generic cold emails" in said
        why = " ".join(run("explain", "network.research-internship").stdout.split())
        assert "send a targeted message" in why
        assert "get introduced" in why


def test_work_after_the_round_goes_only_into_applications_still_going(home: Path) -> None:
    """c63dr: "it goes into the applications that follow: Keep applying (weeks 47-49)" for a
    GPT-2 build done in week 52. What the round goes out without is said to go into the
    applications that go on after it is done; when none do, into the next round."""
    import dataclasses

    from upskill import storage

    init_example("masters-short-runway.toml")
    plan = storage.load_plan(home)
    catalog = load_catalog(None)
    said = render.round_after_said(plan, catalog)
    assert said is not None
    assert "Build GPT-2 from scratch" in said
    assert "the applications that follow: Keep applying" in said
    follow = [t.week for t in plan.tasks if t.item_id == "interviewing.rolling-applications"]
    late = max(follow) + 1  # the build now ends the week after the last of them
    tasks = [
        dataclasses.replace(t, week=late) if t.item_id == "ml-devloop.gpt2-from-scratch" else t
        for t in plan.tasks
    ]
    said = render.round_after_said(dataclasses.replace(plan, tasks=tasks), catalog)
    assert said is not None
    assert "Build GPT-2 from scratch" in said
    assert "Keep applying" not in said
    assert said.endswith("it goes into the next round.")


def test_the_options_list_notes_each_programmes_deadline() -> None:
    """rv46, rv48: four reviewers of the postdoc asked the residency and fellowship deadlines
    checked in the first weeks, not at his programme applications in week 23. Every finish
    line of the options list, the first week's task, asks for each programme's and
    internship's next deadline, and to apply sooner than the plan's week if it closes first."""
    item = load_catalog(None).items["network.options-list"]
    said = [
        item.done_when,
        *item.done_when_by_background.values(),
        *item.done_when_by_role.values(),
        *item.done_when_short_runway.values(),
    ]
    assert len(said) >= 5
    for text in said:
        assert "also its next application deadline: apply before the week your plan" in text


def test_a_graduate_students_collaboration_block_is_the_hours_beside_the_degree(
    home: Path,
) -> None:
    """rv45, rv46: every reviewer of the PhD student asked for more than 3 h a week on the
    collaboration Lambert "prioritized ... with all I had". The plan counts only the hours he
    gave it beside his PhD; its finish line and why say so, and to give the project his PhD
    hours too if his advisor counts it as part of his research. The undergraduate, whose
    project is supervised outside any degree research, is not told of a thesis."""
    init_example("phd-student-no-network.toml")
    said = " ".join(run("explain", "research.collaboration-weekly@1").stdout.split())
    beside = "These are the hours beside your degree: if your advisor agrees to count the project"
    assert beside in said.split("Done when:", 1)[1]
    assert "Lambert's collaboration came through his advisor and became his PhD research" in said
    lee = run("export", "--format", "markdown").stdout
    assert beside in " ".join(lee.split())
    init_example("undergrad-phd.toml", "--force")
    jordan = " ".join(run("explain", "research.collaboration-weekly@1").stdout.split())
    assert "hours beside your degree" not in jordan
    assert "thesis or PhD" not in jordan


def test_weekly_problems_skip_the_sections_the_plans_own_drills_cover(home: Path) -> None:
    """A reviewer (rv79): the postdoc's week-7 weekly problems on Array / String were followed
    by the week-8 arrays-and-strings drill, six more of the same; rv18 found the same of his
    two-pointers drill in weeks 18-20, after weekly problems on both its sections in weeks
    10-11. The weekly problems skip the sections any drill in the plan works through, in the
    plan and in `explain`."""
    init_example("postdoc-research-engineer.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    planned = {t["id"].split("@", 1)[0] for w in data["weeks"] for t in w["tasks"]}
    drills = {"coding.arrays-strings", "coding.hashmaps"}
    assert drills | {"coding.weekly-problems"} <= planned
    markdown = run("plan", "--format", "markdown", "--all").stdout
    said = re.findall(r"weekly-problems@(\d+)`.*\n  - This week: (.+)", markdown)
    assert len(said) >= 6, said
    topics = [topic for _, topic in said]
    catalog = load_catalog(None)
    covered = {c for i in planned for c in catalog.items[i].covers}
    for section in ("Array / String", "Hashmap"):
        assert f"Top Interview 150 section: {section}" in covered
        assert f"Top Interview 150 section: {section}" not in topics
    assert "Top Interview 150 section: Two Pointers" not in covered  # (no such drill here)
    # each other section once, in the list's order; the weeks after the last one say what to
    # do instead (text audit 10, finding 8: two weeks of problems with no section named)
    left = [t for t in catalog.items["coding.weekly-problems"].topics if t not in covered]
    assert topics[0] == left[0] == "Top Interview 150 section: Two Pointers"
    sections = [x for x in topics if x.startswith("Top Interview 150 section: ")]
    assert sections == left[: len(sections)]
    assert len(sections) == min(len(left), len(topics))
    assert topics[len(sections) :] == [render.PAST_THE_TOPICS] * (len(topics) - len(sections))
    assert len(topics) == 16
    number, topic = said[0]
    explained = run("explain", f"coding.weekly-problems@{number}").stdout
    assert f"This week (coding.weekly-problems@{number}): {topic}" in explained
    # ... a plan without those drills starts at the first section
    init_example("masters-short-runway.toml", "--force")
    markdown = run("plan", "--format", "markdown", "--all").stdout
    first = re.search(r"weekly-problems@1`.*\n  - This week: (.+)", markdown)
    assert first is not None
    assert first[1] == "Top Interview 150 section: Array / String"


def test_a_busy_week_says_what_can_wait_if_it_runs_short(home: Path) -> None:
    """Reviewers: six to eight tasks a week, with no word on what matters least (cmp102:
    both preferred the plans that say it). A week of five or more tasks names at most two
    one-off tasks of ordinary priority that nothing due soon needs, in the markdown and in
    the terminal's detailed week; never an application, an ask, a habit, or the last week."""
    init_example("masters-short-runway.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    catalog = load_catalog(None)
    markdown = run("plan", "--format", "markdown", "--all").stdout
    sections = re.split(r"^## Week (\d+) ", markdown, flags=re.M)[1:]
    said_weeks = []
    for number, body in zip(sections[::2], sections[1::2], strict=True):
        week = int(number)
        tasks = next(w["tasks"] for w in data["weeks"] if w["week"] == week)
        line = re.search(
            r"^_If the week runs short, leave (?:this|these) for later .*: (.+)\._$", body, re.M
        )
        if line is None:
            continue
        said_weeks.append(week)
        assert len(tasks) >= 5, (week, tasks)
        named = re.findall(r"\u201c(.+?)\u201d", line[1])
        assert 1 <= len(named) <= 2, line[0]
        for title in named:
            task = next(t for t in tasks if t["title"] == title)
            item = catalog.items[task["id"]]
            assert "@" not in task["id"], task
            assert item.priority in ("normal", "optional"), task
            assert item.kind != "network", task
            assert item.deadline is None, task
            assert item.after_prep_weeks is None, task
    assert len(said_weeks) >= 3, said_weeks
    assert 20 not in said_weeks  # her last week has no later
    shown = run("plan", "--week", str(said_weeks[0]), "--details").stdout
    assert "If the week runs short, leave th" in " ".join(shown.split())
    quiet = [w["week"] for w in data["weeks"] if 0 < len(w["tasks"]) < 5]
    for week in quiet:
        assert week not in said_weeks


def test_the_event_to_meet_people_at_follows_the_persons_interests(home: Path) -> None:
    """A reviewer: the robotics student's one-on-ones linked EA Global, an AI-safety event.
    Anders went there to meet safety researchers; a robotics student goes where robotics
    people meet."""
    init_example("undergrad-phd.toml")
    markdown = run("plan", "--format", "markdown", "--all").stdout
    start = markdown.index("- [ ] Book and prepare one-on-ones at a conference or community event")
    section = markdown[start : markdown.find("\n## ", start)]
    assert "CoRL" in section, section
    assert "EA Global" not in section, section


def test_a_very_short_plan_takes_the_quick_version_of_its_setup(home: Path) -> None:
    """Three reviews of the two-hours-a-week plan: the messages waited until week 3 behind a
    1.5 h community label and a 2 h options list, and the follow-up fell outside the plan.
    In a plan of a few hours the setup takes its quick version (its own hours and finish
    line), the messages go out in week 2 and the follow-up comes in week 3."""
    init_example("tiny-budget.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    week = {t["id"]: w["week"] for w in data["weeks"] for t in w["tasks"]}
    hours = {t["id"]: t["hours"] for w in data["weeks"] for t in w["tasks"]}
    assert week["network.first-outreach"] == 2, week
    assert week["network.ambitious-goal-advice"] == 3, week
    assert hours["network.name-community"] == 0.5
    markdown = run("plan", "--format", "markdown", "--all").stdout
    assert "At least 8 options beyond ordinary job openings" in markdown
    assert "At least 15 options" not in markdown
    explained = run("explain", "network.options-list").stdout
    assert "its quick version" in explained
    assert "2 h in full" in explained


@pytest.mark.parametrize(
    ("example", "hours", "block"),
    [
        ("masters-short-runway", 25, 6.0),
        ("phd-student-no-network", 12, 3.0),
        ("phd-student-no-network", 8, 2.5),
    ],
)
def test_the_collaboration_block_is_a_share_of_the_persons_week(
    home: Path, tmp_path: Path, example: str, hours: int, block: float
) -> None:
    """r66b: the master's student's collaboration shrank to 2.5 h a week while a fine-tune
    and a blog post got 7 to 10 ("put the collaboration first", Lambert). The weekly block
    is a quarter of the person's week, to the half hour, and never under its own 2.5 h."""
    text = (EXAMPLES / f"{example}.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hours_per_week = .*$", f"hours_per_week = {hours}", text)
    answers = write_answers(tmp_path, text)
    result = run("init", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    blocks = [
        t["hours"]
        for w in data["weeks"]
        for t in w["tasks"]
        if t["id"].startswith("research.collaboration-weekly@")
    ]
    assert blocks, "no weekly collaboration block in the plan"
    assert set(blocks) == {block}, blocks
    explained = run("explain", "research.collaboration-weekly").stdout
    assert f"{block:g} h a week" in explained, explained
    assert ("25% share" in explained) == (block > 2.5), explained


def test_each_week_of_a_course_names_its_lecture(home: Path) -> None:
    """rv67: the postdoc's data structures lectures pointed at "your list of ten" but the
    plan kept four weeks of them without saying which four, and trees, graphs and dynamic
    programming were never reached. Each week now names its lecture, the most important
    first, in the markdown plan, the terminal view and `explain` of that week's task (the
    chemistry postdoc's three weeks of them: the physics postdoc's weekly outreach took
    their place in his plan)."""
    person_markdown("chemistry-postdoc-12h-research-engineer.toml")
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    weeks = {
        int(t["id"].rsplit("@", 1)[1]): w["week"]
        for w in data["weeks"]
        for t in w["tasks"]
        if t["id"].startswith("coding.dsa-course@")
    }
    assert 2 <= len(weeks) < 10, weeks  # kept to fewer weeks than the course has
    topics = load_catalog(None).items["coding.dsa-course"].topics
    markdown = run("plan", "--format", "markdown", "--all").stdout
    for number in weeks:
        task = markdown.split(f"(`coding.dsa-course@{number}`", 1)[1]
        said = re.search(r"\n  - This week: (.*)\n", task.split("\n- [", 1)[0])
        assert said, (number, task[:300])
        assert said.group(1) == topics[number - 1], (number, task[:300])
    # (in the course's teaching order since stop 60: arrays, then sorting, then hashing)
    assert "Dynamic arrays" in topics[0]
    assert "Sorting" in topics[1]
    assert "Dynamic programming" in topics[7]
    shown = run("plan", "--week", str(weeks[2]), "--details").stdout
    assert "this week: Sorting" in " ".join(shown.split()), shown
    # ... and the weekly interview problems go through the Top Interview 150's sections (but
    # those his arrays-and-strings and hash-map drills work through)
    catalog = load_catalog(None)
    planned = {t["id"].split("@", 1)[0] for w in data["weeks"] for t in w["tasks"]}
    covered = {c for i in planned for c in catalog.items[i].covers}
    sections = [t for t in catalog.items["coding.weekly-problems"].topics if t not in covered]
    task = markdown.split("(`coding.weekly-problems@2`", 1)[1].split("\n- [", 1)[0]
    assert f"\n  - This week: {sections[1]}\n" in task, task
    explained = run("explain", "coding.dsa-course@3").stdout
    assert f"This week (coding.dsa-course@3): {topics[2]}" in " ".join(explained.split())


@pytest.mark.parametrize(
    ("example", "item_id", "names", "dropped"),
    [
        (  # (the chemistry postdoc's; the physics postdoc's hours went to weekly outreach)
            "benchmarks/people/chemistry-postdoc-12h-research-engineer.toml",
            "coding.dsa-course",
            ["dynamic arrays", "sorting", "hashing", "binary trees"],
            ["shortest paths", "balanced trees", "from a list of ten"],
        ),
        (  # (the ML engineer's plan held three of them before his first shot came in)
            "benchmarks/people/engineer-to-research-scientist.toml",
            "ml-devloop.ml-implementation-drills",
            ["dropout", "a learning-rate schedule", "beam search for a small sequence model"],
            ["AdamW"],
        ),
    ],
)
def test_a_weekly_topic_list_names_only_the_topics_the_plan_holds(
    example: str, item_id: str, names: list[str], dropped: list[str], home: Path
) -> None:
    """Text audit 7: the drills' finish line listed six components (LoRA and AdamW too) in a
    plan that holds four weeks of them, and the postdoc's lectures said "one a week, from a
    list of ten" where the plan keeps four. Where the item begins, the plan says how many of
    its weekly topics it holds and names only those, the rest being under "Did not fit"; no
    week's text names a topic the plan does not hold."""
    made = run_process("init", "--answers", str(ROOT / example))
    assert made.returncode == 0, made.stderr
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    held = sorted(
        int(t["id"].rsplit("@", 1)[1])
        for w in data["weeks"]
        for t in w["tasks"]
        if t["id"].startswith(f"{item_id}@")
    )
    topics = load_catalog(None).items[item_id].topics
    assert 0 < len(held) < len(topics), held  # kept to fewer weeks than it has topics
    assert held == list(range(1, len(held) + 1))
    assert any(u["id"].startswith(f"{item_id}@") for u in data["unscheduled"])
    markdown = run_process("plan", "--format", "markdown", "--all").stdout
    plan_part, left_over = markdown.split("## Did not fit", 1)
    blocks = [b.split("\n- [", 1)[0] for b in plan_part.split(f"(`{item_id}@")[1:]]
    assert len(blocks) == len(held)
    # counted in weeks, as "Did not fit" counts what is left of it (text audit 11, finding 9)
    left = sum(1 for u in data["unscheduled"] if u["id"].startswith(f"{item_id}@"))
    said = (
        f"{len(held)} of its {len(held) + left} weeks are in your plan, one topic a week: "
        + ", ".join(names[: len(held)])
    )
    first = " ".join(blocks[0].split())
    assert said in first, first
    rest = len(topics) - len(held)
    if left == 1:
        assert 'its other week, with the topic left, is under "Did not fit".' in first
    else:
        assert f'its other {left} weeks, with the {rest} topics left, are under "Did not fit".' in (
            first
        )
    counted = rf"{left} weeks\)" if left > 1 else r" h\)"  # (one week is said in hours)
    assert re.search(  # ("Did not fit" counts the same weeks)
        rf"{counted}: (its other {left} weeks, after the {len(held)} in your plan|"
        rf"kept to {len(held)} of its {len(held) + left} weeks)",
        left_over,
    ), left_over
    assert f"(`{item_id}`" in left_over  # (where the reader is sent: the rest is there)
    for block in blocks:
        for name in dropped:
            assert name not in block, (name, block)
    assert all(said not in b for b in blocks[1:])  # said once, where the item begins
    # ... and in the terminal's detailed view of that week
    week = min(w["week"] for w in data["weeks"] for t in w["tasks"] if t["id"] == f"{item_id}@1")
    table = run_process("plan", "--week", str(week), "--details").stdout
    shown = " ".join(re.sub("[│┃]", " ", table).split())  # (the words, across the cell's lines)
    assert said in shown, shown


def test_the_core_hours_are_said_to_be_the_roadmaps_estimates(home: Path) -> None:
    """Text audit 7: "the core work the documents set out for your target needs about 222 h
    more" gave the documents a figure they never give; the documents name the work, the
    hours are the roadmaps' own estimates, and the first decision says so."""
    made = run_process("init", "--answers", str(EXAMPLES / "tiny-budget.toml"))
    assert made.returncode == 0, made.stderr
    markdown = run_process("export", "--format", "markdown").stdout
    said = next(x for x in markdown.splitlines() if x.startswith("First decision"))
    assert "the documents set out" not in said
    assert re.search(
        r"The core work for your target \(research-engineer\) comes to about \d+ h more, by "
        r"the roadmaps' own estimates of the work the documents name\. At 2 h a week that is "
        r"about \d+ weeks",
        said,
    ), said
    every_week = " ".join(run_process("plan", "--all").stdout.split())
    assert "by the roadmaps' own estimates of the work the documents name" in every_week


@pytest.mark.parametrize(
    ("person", "item_id", "expected"),
    [
        (
            EXAMPLES / "phd-student-no-network.toml",
            "ml-devloop.ml-implementation-drills",
            r"needs 3 h a week for 6 weeks; ([\d.]+) h of the plan are still unplanned beyond "
            r"the share of each week kept free for overruns, but only \d+ of the weeks after "
            r"what it builds on have 3 h free and a free task slot \(weeks [\d, –]+"
            r"(?: and [\d–]+)?\), too few "
            r"for its 6 weeks",
        ),
        (
            # (until stop 57 the undergraduate research engineer's, whose RL basics left his
            # plan; until stop 59 the postdoc's question journal, left out by his choice of
            # the algorithms course)
            ROOT / "benchmarks" / "people" / "career-changer-12-weeks.toml",
            "network.warm-intros",
            r"needs 2 h; ([\d.]+) h of the plan are still unplanned beyond the share of each "
            r"week kept free for overruns, but the weeks with [\d.]+ h free \(weeks [\d, ]+ and "
            r"\d+\) already hold as many tasks as a week takes at your hours",
        ),
    ],
    ids=["weekly-drills", "full-weeks"],
)
def test_did_not_fit_never_says_no_room_beside_free_hours(
    person: Path, item_id: str, expected: str, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text audit 7: "Did not fit" gave the drills "no room left by week 52 at 12 h/week"
    while the same section said "23.5 h of the plan are still free". With hours free, the
    reason says they are not where the work could go (a habit: not in weeks where it can
    run weekly), and "no room left" is only said when nothing is free."""
    # (planned from the Sunday before the reviewed start: since stop 59, the PhD student's
    # plan made a week earlier leaves his last weeks room enough for the drills, and says so)
    monkeypatch.setenv("UPSKILL_TODAY", "2026-11-29")
    made = run_process("init", "--answers", str(person))
    assert made.returncode == 0, made.stderr
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    reasons = {u["id"].split("@", 1)[0]: u["reason"] for u in data["unscheduled"]}
    found = re.match(expected, reasons[item_id])
    assert found, reasons[item_id]
    assert float(found.group(1)) > 0
    free = re.compile(r"([\d.]+) h (?:of the plan )?(?:are )?still unplanned")
    if any(free.search(r) for r in reasons.values()):
        assert not any(r.startswith("no room left") for r in reasons.values()), reasons
    markdown = run_process("plan", "--format", "markdown", "--all").stdout
    assert "no room left" not in markdown
    # text audit 11: never "none in a week it can go in" beside an empty week, nor the
    # scheduler's own words ("kept light", "with what it builds on" unnamed)
    assert "none in a week it can go in" not in markdown
    assert "kept light" not in markdown
    assert "with what it builds on;" not in markdown


def test_a_step_begun_in_an_earlier_week_says_so_after_it(home: Path) -> None:
    """Text audit 8: a split step was introduced by a verb, which read as nonsense when the
    step itself starts or submits something ("This week, start: submit the second",
    "This week, finish: start one of the course's software labs"). The week says the step as
    written and, after it, how far it gets or that it goes on from an earlier week."""
    person = ROOT / "benchmarks" / "people" / "engineer-to-research-scientist.toml"
    made = run_process("init", "--answers", str(person))
    assert made.returncode == 0, made.stderr
    markdown = run_process("plan", "--format", "markdown", "--all").stdout
    # (his project sprint's third step, begun in one week and finished in the next; until
    # stop 49 his blog post's last step, which now fits in one week, and until stop 46 the
    # programme application's step "Submit the second ...")
    # (since stop 57 after the rest of the step before it, which that week said goes on:
    # "then plot the first results; ...")
    step = (
        "lot the first results; send a written agenda a day before your next"
        " project meeting, if you have one"
    )
    # (where to stop in that step, not "about a third of it", which text audit 10 read as
    # a third of the list, of the step or of the task; nor "about a third of the way through
    # this step", which text audit 11 could not check: the step's hours this week, and when
    # it goes on)
    said = "(about 2.25 h this week of this last step's 5.25 h; finish it next week)"
    assert f"{step} {said}\n" in markdown, markdown
    assert "by the end of the week)" not in markdown
    # ... and the week that finishes it says where it began (rv12: "weeks 13 and 14 both
    # say 'Watch or attend the logistic regression lectures'")
    begun = re.search(
        re.escape(f"{step} (the rest of it, about 3 h, begun in week ") + r"(\d+)\)", markdown
    )
    assert begun, markdown
    rest = begun.group(0)
    started = markdown[: markdown.index(f"{step} {said}")]
    assert int(begun.group(1)) == int(re.findall(r"^## Week (\d+) ", started, flags=re.M)[-1])
    assert "of the way through" not in markdown
    assert "nearly done)" not in markdown
    assert "(continued; finish it this week)" not in markdown  # (said as the rest of it)
    assert not re.search(r"(?i)this week(, |: )(start|finish|keep going): ", markdown)
    # ... and in the terminal's detailed view of the week that finishes it
    before = markdown[: markdown.index(rest)]
    week = int(re.findall(r"^## Week (\d+) ", before, flags=re.M)[-1])
    table = run_process("plan", "--week", str(week), "--details").stdout
    shown = " ".join(re.sub("[│┃]", " ", table).split())
    assert f"if you have one (the rest of it, about 3 h, begun in week {begun.group(1)})" in shown
    assert "finish: plot" not in shown.lower()


def person_markdown(person: str, folder: Path = ROOT / "benchmarks" / "people") -> str:
    """The markdown plan of one of the invented people in benchmarks/people (or ``folder``)."""
    made = run_process("init", "--answers", str(folder / person), "--force")
    assert made.returncode == 0, made.stderr
    return run_process("export", "--format", "markdown").stdout


def test_a_basic_skipped_for_another_skills_rating_names_that_skill(home: Path) -> None:
    """Text audit 8: "open source (you rated 0): ... 1 basic skipped for your rating" for a
    master's student who has never contributed: the basic was skipped for her coding
    rating of 3, not for the 0, and the line now says so."""
    markdown = person_markdown("masters-three-months-runway.toml")
    line = next(x for x in markdown.splitlines() if x.startswith("- open source (you rated 0)"))
    assert line.endswith(
        "; 1 basic skipped: Test-first bug fixing on your own code"
        " (for a coding rating below 3; you rated 3)"
    ), line
    # a track's own skills are named too when it has several (text audit 9, finding 14)
    assert re.search(
        r"^- ML \(you rated .*; \d+ basics? skipped(?: for your "
        r"(?:ratings in [\w ,]+|\w[\w ]* rating)|: .+ \(for an? [\w ]+ rating .+\))$",
        markdown,
        re.M,
    )


def test_a_basic_skipped_in_a_track_of_several_skills_names_the_skill_and_the_basic(
    home: Path,
) -> None:
    """Text audit 9, finding 14: "ML (you rated statistics 1, ML fundamentals 0, deep
    learning 0): ... 1 basic skipped for your rating" left the career changer to guess which
    basic, and which of three ratings, let it go; the line now names both. Text audit 10,
    finding 21: "skipped for your statistics rating" to a self-rated beginner read as a
    mistake; the line says the rating the basic is for beside the person's."""
    markdown = person_markdown("career-changer-12-weeks.toml")
    line = next(x for x in markdown.splitlines() if x.startswith("- ML (you rated "))
    assert line.endswith(
        "; 1 basic skipped: Probability and statistics from the ground up"
        " (for a statistics rating of 0; you rated 1)"
    ), line
    assert "skipped for your" not in line
    # two named basics, each with its own rule, where one skill gates both
    markdown = person_markdown("undergrad-phd.toml", EXAMPLES)
    line = next(x for x in markdown.splitlines() if x.startswith("- ML (you rated "))
    assert re.search(
        r"; 2 basics skipped: [^;]+ \(for a statistics rating (?:of 0|below \d); you rated \d\), "
        r"[^;]+ \(for a statistics rating below \d; you rated \d\)$",
        line,
    ), line


def test_a_plan_of_ordinary_length_keeps_the_full_versions(home: Path) -> None:
    """The quick version is only for a very short plan: the postdoc's options list is the
    long one, at its full hours."""
    init_example()
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    hours = {t["id"]: t["hours"] for w in data["weeks"] for t in w["tasks"]}
    markdown = run("plan", "--format", "markdown", "--all").stdout
    assert hours["network.options-list"] == 2
    assert "At least 15 options" in markdown
    assert "its quick version" not in run("explain", "network.options-list").stdout


def test_a_short_runway_leaves_the_optional_deep_dives_out(home: Path) -> None:
    """rv69 and cmp84: the master's student with five months of money spent her last three
    weeks, as the runway ran out, on 24 h of optional ARENA interpretability notebooks. The
    optional deep dives of 18 h or more are for people with at least six months of runway;
    `explain` says so, and her last weeks go to the job search."""
    init_example("masters-short-runway.toml")
    out = " ".join(run("explain", "ml-devloop.arena-interp").stdout.split())
    assert "Not in your plan: it is for someone with at least 6 months of runway" in out, out
    data = json.loads(run("plan", "--format", "json", "--all").stdout)
    planned = {t["id"] for w in data["weeks"] for t in w["tasks"]}
    assert "ml-devloop.arena-interp" not in planned
    assert "research.research-portfolio" in planned


def test_a_student_is_told_how_to_make_exam_weeks_light_and_it_works(home: Path) -> None:
    """rv83 on the undergraduate: every week used 10.75 of 12 h through spring exams. A
    student's markdown says how to mark exam weeks light; its example, pasted into the
    profile's time off and replanned, makes exactly those weeks light and the line goes."""
    init_example("undergrad-phd.toml", "--force")
    said = next(
        x for x in run("export", "--format", "markdown").stdout.splitlines() if "Exams" in x
    )
    snippet = re.search(r"`(\{ start = .*? \})`", said)
    assert snippet is not None
    assert "upskill replan --profile" in said
    profile = home / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    assert "time_off = [" in text
    assert "exams" not in text
    profile.write_text(text.replace("time_off = [", f"time_off = [\n    {snippet[1]},", 1))
    run("replan", "--yes", "--profile", str(profile))
    plan = json.loads(run("plan", "--format", "json", "--all").stdout)
    start = dt.date.fromisoformat(snippet[1].split("start = ")[1].split(",")[0])
    light = [
        w
        for w in plan["weeks"]
        if dt.date.fromisoformat(w["start"]) >= start - dt.timedelta(days=6)
        and dt.date.fromisoformat(w["start"]) < start + dt.timedelta(days=14)
    ]
    assert len(light) == 2
    for week in light:
        assert 0 < sum(t["hours"] for t in week["tasks"]) <= 4
    assert "Exams" not in run("export", "--format", "markdown").stdout
    init_example("postdoc-research-engineer.toml", "--force")  # not a student: not said
    assert "Exams" not in run("export", "--format", "markdown").stdout


def test_a_plan_on_a_runway_says_when_the_money_runs_out(home: Path) -> None:
    """Text audit 10, finding 2: a plan built around four months of money never said when
    they end, and spoke of money only as an "if". Its top says the date and week, the
    milestones that fall in that week or after it, and that the tasks' words about money
    that runs out within the year are about this person; a plan with no runway says
    nothing of it."""
    markdown = person_markdown("chemistry-postdoc-four-months-runway.toml")
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    start = dt.date.fromisoformat(data["weeks"][0]["start"])
    end = dt.date(start.year + 1, start.month + 4 - 12, start.day)  # (the start is in November)
    week = (end - start).days // 7 + 1
    top = markdown.split("\n## Week 1 ", 1)[0]
    line = next(x for x in top.splitlines() if x.startswith("Money: "))
    assert line.startswith(
        f"Money: with the 4 months of runway you gave, your money runs out around "
        f"{end.isoformat()}, in week {week} of this plan. These milestones fall in that week or "
        "later, so plan for income or a paid fallback by then: "
    ), line
    applied = weeks_said(data, "interviewing.first-applications")
    first = min(
        w["week"]
        for w in data["weeks"]
        for t in w["tasks"]
        if t["id"].split("@")[0] == "interviewing.first-applications"
    )
    # (the round is among them only if it starts in that week or later: now weeks 16-17)
    assert (f"First application round ({applied})" in line) == (first >= week), (first, line)
    assert "that is yours." in line
    assert "Your runway tasks (weeks 1, " in line  # the note and its checks, with their weeks
    longer = person_markdown("masters-short-runway.toml", EXAMPLES)
    line = next(x for x in longer.splitlines() if x.startswith("Money: "))
    assert "runs out around 2027-04-23, after this plan's 20 weeks." in line, line
    # ... and her runway's note and its two checks are named there too, with their weeks
    # (rv12: "only one runway checkpoint (week 9)"; the second was said only in week 15),
    # not her short-runway write-up of the collaboration
    found = re.search(r"Your runway tasks \(weeks ([\d, and]+)\)", line)
    assert found, line
    named = [int(w) for w in re.findall(r"\d+", found.group(1))]
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    runway = sorted(
        {
            w["week"]
            for w in data["weeks"]
            for t in w["tasks"]
            if t["id"].startswith("network.runway-")
        }
    )
    assert len(runway) == 3, runway
    assert named == runway, (named, runway)
    assert "Money: " not in person_markdown("postdoc-research-engineer.toml", EXAMPLES)


def test_a_habit_shorter_than_its_topics_says_where_the_other_topics_are(home: Path) -> None:
    """Text audit 10, finding 14: "Your plan holds 5 of its 16 weekly topics ...; the other 11
    are under 'Did not fit'" beside "kept to 5 of its 8 weeks" there. The count is of the
    weeks the habit has for this person: those left out are under "Did not fit", and the
    topics past them in no week at all, said the same way in every plan."""
    markdown = person_markdown("masters-short-runway.toml", EXAMPLES)
    # (text audit 11, finding 9: "16 topics" beside "its 8 weeks for you" did not add up:
    # the topics and the weeks are said as two counts, the weeks split as "Did not fit" has them)
    # (text audit 12, finding 16: one count to a clause, not three in one sentence)
    said = next(x for x in markdown.splitlines() if "It has 16 weekly topics, one a week." in x)
    assert "Your plan does the first 4: Array / String, Hashmap, " in said, said
    assert said.endswith(
        '. Its next 4 weeks are under "Did not fit", and its last 8 topics come after those.'
    ), said
    assert "kept to 4 of its 8 weeks" in markdown.split("## Did not fit", 1)[1]
    markdown = person_markdown("phd-student-no-network.toml", EXAMPLES)
    said = next(x for x in markdown.splitlines() if "It has 16 weekly topics, one a week." in x)
    assert "Your plan does the first 8: " in said, said
    assert said.endswith(". Its last 8 topics come after those weeks."), said
    assert "not in this plan" not in markdown


def test_empty_weeks_and_the_weeks_after_the_last_task_say_why(home: Path) -> None:
    """Text audit 10, findings 18 and 19: two blank 12-hour weeks with no reason, "48 weeks"
    above sections that stop at week 47, and "Did not fit" headed by roadmap ids. An empty
    week with hours says what they are for; a holiday after the last task is said; the
    left-over work is grouped under the names the top of the plan uses."""
    markdown = person_markdown("undergrad-phd.toml", EXAMPLES)
    assert "\n_Nothing planned._\n" not in markdown.split("(holidays)", 1)[0].split("## Week 2 ")[1]
    # ... and what "Did not fit" offers those weeks (text audit 12, finding 3)
    empty = next(x for x in markdown.splitlines() if x.startswith("_Nothing planned: "))
    assert empty.startswith(
        "_Nothing planned: left free for applying, follow-ups and interviews; if they leave time, "
    ), empty
    # (not the scoping of a project the plan does not hold, since stop 49: it prepares for
    # nothing in the plan)
    assert "\u201cTurn your first messages into a reusable template\u201d (1 h)" in empty, empty
    assert "Scope a small research project" not in empty
    assert empty.endswith('from "Did not fit" can go here._'), empty
    assert "\nWeek 48 is time off, with nothing planned.\n" in markdown
    left = markdown.split("## Did not fit", 1)[1]
    headings = re.findall(r"^### (.+) \([\d.]+ h\)$", left, re.M)
    assert headings, left
    assert not set(headings) & {"ml-devloop", "open-source", "network", "coding"}, headings
    assert set(headings) <= {
        "Coding and data structures",
        "ML",
        "Interviewing",
        "Open source",
        "Research",
        "Networking",
        "PhD applications",
    }, headings


def test_optional_work_left_out_says_the_roadmap_treats_it_so(home: Path) -> None:
    """Text audit 11, finding 6: "optional in the documents" (the documents label nothing
    optional; the roadmap does), and the UK supervisor contact and proposal dropped as "tied
    to none of your interests" though Gleave says a UK application expects both. The UK
    items say they matter only for UK programmes, and how to add them back when the
    shortlist has one; the way back brings them in."""
    markdown = person_markdown("data-scientist-phd-applicant.toml")
    assert "optional in the documents" not in markdown
    plan = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    weeks = sorted(
        w["week"]
        for w in plan["weeks"]
        for t in w["tasks"]
        if t["id"] == "phd-applications.shortlist"
    )
    left = markdown.split("## Did not fit", 1)[1]
    for item_id in ("phd-applications.uk-contact", "phd-applications.uk-proposal"):
        line = next(x for x in left.splitlines() if f"(`{item_id}`" in x)
        assert line.endswith(
            f"matters only for UK programmes; if your shortlist (weeks {weeks[0]}–{weeks[-1]}) "
            'has one, add "uk" to the interests in your profile.toml and run upskill replan '
            "--profile with that file to add it back"
        ), line
    nexts = next(x for x in left.splitlines() if x.startswith("Next, in this order"))
    assert "uk-" not in nexts  # (more hours alone would not bring them in)
    profile = home / "profile.toml"
    text = profile.read_text()
    assert '"alignment",\n]' in text
    profile.write_text(text.replace('"alignment",\n]', '"alignment",\n    "uk",\n]'))
    assert run_process("replan", "--profile", str(profile), "--yes").returncode == 0
    plan = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    ids = {t["id"] for w in plan["weeks"] for t in w["tasks"]}
    assert "phd-applications.uk-contact" in ids
    markdown = person_markdown("phd-student-no-network.toml", EXAMPLES)
    assert re.search(
        r"\(`research\.theory-foundations`, 30 h\): the roadmap treats it as optional, and it "
        r"is tied to none of your interests",
        markdown,
    )


def test_the_roles_own_deliverable_after_the_plan_is_said_under_the_milestones(
    home: Path,
) -> None:
    """Text audit 11, finding 8: a PhD applicant's plan ended its milestones at a workshop
    paper; that the applications themselves fall after the plan came only at the foot of
    "Did not fit". Under the milestones, the plan says so, with the command that reaches it,
    and the command does."""
    markdown = person_markdown("data-scientist-phd-applicant.toml")
    top = markdown.split("## Week 1 ", 1)[0]
    said = next(x for x in top.splitlines() if "is not in this plan" in x)
    found = re.search(
        r"^Submit your PhD applications is not in this plan: it belongs in week (\d+) "
        r"\(from [\d-]+\), (\d+) weeks after this 40-week plan ends, and the weeks above "
        r"prepare for it\. `upskill replan --weeks (\d+)` takes the plan up to it\.$",
        said,
    )
    assert found, said
    assert int(found[1]) - 40 == int(found[2])
    assert found[1] == found[3]
    assert top.index("Milestones:") < top.index(said)
    assert run_process("replan", "--weeks", found[3], "--yes").returncode == 0
    plan = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    assert any(
        t["id"] == "phd-applications.submit-applications" and w["week"] == int(found[1])
        for w in plan["weeks"]
        for t in w["tasks"]
    )
    # a plan whose role's deliverable is in it says nothing of the kind
    assert "is not in this plan: it belongs" not in person_markdown("evenings-engineer.toml")


PEOPLE = sorted([*EXAMPLES.glob("*.toml"), *(ROOT / "benchmarks" / "people").glob("*.toml")])


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.stem)
def test_light_and_empty_weeks_say_what_did_not_fit_offers_them(person: Path, home: Path) -> None:
    """Text audit 12, finding 3: "Week 40 is light: none of the work left over fits there
    well" and "Nothing planned: none of the work left over is planned here" above a "Did not
    fit" that offered those very weeks ("the room left over afterwards (weeks 25, 29, 40) is
    not refilled: you can add it there"), and "the planned work ends in week 51: nothing left
    over fits the weeks after it" beside "weeks 46, 50, 51, 52" for a week 52 with no
    section. The notes name what "Did not fit" offers those weeks, and only that."""
    markdown = person_markdown(person.name, person.parent)
    top, left = (
        markdown.split("## Did not fit", 1) if "## Did not fit" in markdown else (markdown, "")
    )
    offered: dict[str, set[int]] = {}  # title -> the weeks its reason offers
    for line in left.splitlines():
        entry = re.match(r"- (.+?) \(`[^`]+`, [^)]*\): (.*)$", line)
        if entry is None:
            continue
        reason = entry[2]
        if "is not refilled" in reason:
            room = reason.split("afterwards", 1)[1]
        elif "too few for its" in reason and "free task slot (" in reason:
            room = reason.split("free task slot", 1)[1]
        else:
            continue
        found = render.weeks_read(room)
        assert found, reason
        offered[entry[1]] = set(found)
    notes: list[tuple[set[int], str]] = []
    week = 0
    for line in top.splitlines():
        heading = re.match(r"## Week (\d+) ", line)
        if heading:
            week = int(heading[1])
        elif line.startswith("_Nothing planned"):
            notes.append(({week}, line))
        light = re.match(r"(?:Week|From week) (\d+) (?:is|the weeks are) light", line)
        ends = re.match(r"The planned work ends in week (\d+)", line)
        if light or ends:
            first = int(light[1]) if light else int(ends[1]) + 1
            notes.append((set(range(first, 200)), line))
    for scope, line in notes:
        due = {t for t, weeks in offered.items() if weeks & scope}
        named = set(re.findall("\u201c(.+?)\u201d", line))
        if due:
            assert "none of the work left over" not in line, (line, due)
            assert "nothing left over fits" not in line, (line, due)
            assert named, (line, due)
        assert named <= set(offered), (line, named - set(offered))
        for title in named:
            assert offered[title] & scope, (line, title, offered[title])
        trailing = re.match(r"The planned work ends in week (\d+); week (\d+) \(([\d-]+) – ", line)
        if trailing:
            assert int(trailing[2]) == int(trailing[1]) + 1, line
            assert f"## Week {trailing[2]} " not in top  # (no section: said with its dates)


def test_a_late_round_after_the_money_runs_out_says_to_apply_sooner(home: Path) -> None:
    """Text audit 12, finding 7: the chemistry postdoc's round starts in week 18, the week his
    four months of money run out, and the paragraph on why it starts then offered applying
    sooner as an option for anyone. With the money gone by the round, it says so and what to
    do: a first few applications by the first runway check. (At 12 h a week his round now
    goes out in weeks 16-17, what it needs first; at 7 h it still comes after the money. At 8
    h, since stop 51's three timed assessments, a first shot goes out in week 17.)"""
    folder = home.parent / "answers"
    folder.mkdir()
    answers = ROOT / "benchmarks" / "people" / "chemistry-postdoc-four-months-runway.toml"
    text = re.sub(r"(?m)^hours_per_week = .*$", "hours_per_week = 7", answers.read_text())
    (folder / "omar-7h.toml").write_text(text, encoding="utf-8")
    markdown = person_markdown("omar-7h.toml", folder)
    money = next(x for x in markdown.splitlines() if x.startswith("Money: "))
    said = next(x for x in markdown.splitlines() if x.startswith("Why the first application"))
    found = re.search(r"in week (\d+) of this plan", money), re.search(r"only in week (\d+):", said)
    assert found[0] is not None, money
    assert found[1] is not None, said
    end, week = int(found[0][1]), int(found[1][1])
    assert end <= week + 1, (end, week)  # (the case this test is about)
    assert "To apply sooner, as Anders advises" not in said
    check = 0
    for line in markdown.split("## Did not fit")[0].splitlines():
        heading = re.match(r"## Week (\d+) ", line)
        check = int(heading[1]) if heading else check
        if "(`network.runway-checkpoint`" in line:
            break
    assert 0 < check < week, check
    assert f"Your money runs out in week {end}, " in said, said
    assert said.endswith(
        "unless you can give more hours a week (`upskill replan --hours N`), send a first few "
        f"applications by week {check}, your first runway check, with what you have, and "
        "count this round as your second."
    ), said
    # ... and someone whose money lasts past the round keeps the option as it was (the
    # evenings engineer; the postdoc's round is his second shot since stop 49)
    markdown = person_markdown("evenings-engineer.toml")
    said = next(x for x in markdown.splitlines() if x.startswith("Why the first application"))
    assert "To apply sooner, as Anders advises, give more hours a week" in said


def test_a_first_shot_reads_as_one_and_its_absence_is_explained(home: Path) -> None:
    """With the round late, the plan shows the first shot and names the round the second;
    with the round on time, `explain` says the planner's rule instead of "not selected"."""
    answers = EXAMPLES / "data-scientist-research-engineer.toml"
    assert run("init", "--answers", str(answers)).returncode == 0
    text = run("plan", "--all", "--format", "markdown").stdout
    assert re.search(r"- weeks? [0-9–]+: First shot: apply with what you have", text)
    assert re.search(r"- weeks? [0-9–]+: First application round \(after your first shot\)", text)
    said = run("explain", "interviewing.first-applications").stdout
    assert "Your main round, after your first shot" in " ".join(said.split())

    strong = ROOT / "benchmarks" / "people" / "strong-engineer-20h.toml"
    assert run("init", "--answers", str(strong), "--force").returncode == 0
    run("plan")
    out = run("explain", "interviewing.first-shot")
    assert out.returncode == 0
    said = " ".join(out.stdout.split())
    assert "Not in your plan: a first shot goes in only when “First application round”" in said
    assert "not selected" not in said


def test_the_empty_last_weeks_are_named_with_their_dates(home: Path, tmp_path: Path) -> None:
    """rv8: "three plans show one week fewer than their header declares". The ML engineer
    with 12 hours a week over 52 weeks: week 52 holds nothing, so it has no section. The line
    on the light weeks at the end (or on where the planned work ends, when nothing left over
    fits after it) names week 52 with its dates, so the count adds up."""
    text = (EXAMPLES / "swe-to-ml.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hours_per_week = .*$", "hours_per_week = 12", text)
    text = re.sub(r"(?m)^weeks = .*$", "weeks = 52", text)
    (tmp_path / "year.toml").write_text(text, encoding="utf-8")
    markdown = person_markdown("year.toml", tmp_path)
    assert markdown.splitlines()[2].startswith("52 weeks from ")
    headings = re.findall(r"^## Week (\d+) ", markdown, flags=re.M)
    last = int(headings[-1])
    assert last < 52, last  # (the case this test is about)
    line = next(
        x
        for x in markdown.splitlines()
        if re.match(r"From week \d+ the weeks are|The planned work ends in week", x)
    )
    begins = dt.date.fromisoformat(markdown.splitlines()[2].split()[3].rstrip(","))
    start = begins + dt.timedelta(weeks=last)
    end = begins + dt.timedelta(weeks=52, days=-1)
    named = f"week 52 ({start.isoformat()} – {end.isoformat()}) holds nothing"
    if last < 51:
        named = f"weeks {last + 1}–52 ({start.isoformat()} – {end.isoformat()}) hold nothing"
    assert named in line.lower(), line


def test_a_command_in_the_roadmap_text_stays_code_in_markdown(home: Path) -> None:
    """rv8: "some commands use escaped backticks (\\`upskill people add NAME\\`), so they render
    as literal backticks rather than code". A code span the roadmap means stays code; the rest
    of the text is still escaped."""
    markdown = person_markdown("masters-short-runway.toml", EXAMPLES)
    assert "`upskill people add NAME`" in markdown
    assert "\\`" not in markdown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "log it with `upskill people add NAME` today",
            "log it with `upskill people add NAME` today",
        ),
        ("*not bold* `code`", "\\*not bold\\* `code`"),
        ("a lone ` tick [link](x)", "a lone \\` tick \\[link\\](x)"),
        ("`a|b` in a table", "\\`a\\|b\\` in a table"),
        ("`back\\slash`", "\\`back\\\\slash\\`"),
    ],
)
def test_markdown_escaping_keeps_code_spans_and_nothing_else(text: str, shown: str) -> None:
    assert render.md_escape(text) == shown


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("the room left over afterwards (weeks 8, 17 and 30, 5 h free in all)", {8, 17, 30}),
        ("the room left over afterwards (week 29, 1.5 h free)", {29}),
        ("weeks 46 and 50–52", {46, 50, 51, 52}),
        ("weeks 25, 29 and 40, 12 h free", {25, 29, 40}),
    ],
)
def test_the_weeks_a_reason_offers_are_read_without_its_hours(text: str, weeks: set[int]) -> None:
    """The data scientist's "Did not fit" offered "weeks 8, 17 and 30, 5 h free in all",
    read back as weeks 5, 8, 17 and 30: a holiday week's "Nothing planned" then seemed to
    hide work that fits it."""
    assert render.weeks_read(text) == frozenset(weeks)


def test_two_hours_a_week_checks_the_programme_deadlines_in_an_hour(home: Path) -> None:
    """rv8b on two hours a week for three weeks: "replace week 3's 'Ask directly to join a
    group or project' with a 1-hour deadline check for two fellowships or residencies ... it
    stops a deadline in the next two months slipping past while the hours question is
    settled". The structured programme's quick version is that check (cmp61, cmp62), under
    its own title and finish line, without the full applications' steps."""
    init_example("tiny-budget.toml", "--force")
    plan = json.loads(run("plan", "--format", "json").stdout)
    tasks = [(w["week"], t) for w in plan["weeks"] for t in w["tasks"]]
    (week, task), *_ = [(w, t) for w, t in tasks if t["id"] == "network.structured-programme"]
    assert task["hours"] == 1
    assert task["title"].startswith("Check the next deadlines of two structured programmes")
    markdown = run("export", "--format", "markdown").stdout
    block = markdown.split(f"- [ ] {task['title']}", 1)[1].split("\n- [ ]", 1)[0]
    assert "Done when: This week: two programmes that fit you" in block
    assert "In order:" not in block
    assert "This week: Choose two programmes" not in block
    assert week <= 3
    # ... nor does `explain` list them (rv48: its "deadlines noted" beside the full version's
    # "Write and submit the first application"); a plan with the full version lists them
    explained = run("explain", "network.structured-programme").stdout
    assert "its quick version" in explained
    assert "Steps:" not in explained
    assert "submit the first application" not in " ".join(explained.split())
    init_example("postdoc-research-engineer.toml", "--force")
    assert "Steps: 1. " in run("explain", "network.structured-programme").stdout


def test_two_hours_a_week_replanned_for_a_year_keeps_its_first_moves_first(home: Path) -> None:
    """The two-hour plan's first decision offers a longer plan; replanned over 52 weeks at two
    hours, her options list had gone to week 27 and her first messages to week 28."""
    init_example("tiny-budget.toml", "--force")
    assert run("replan", "--weeks", "52", "--yes").returncode == 0
    weeks = item_weeks()
    assert max(weeks["network.options-list"]) <= 3
    assert max(weeks["network.first-outreach"]) <= 4


def test_the_markdown_header_names_the_background(home: Path) -> None:
    """rv9 on the strong engineer: the plan tells him "coming from software engineering" but
    "nothing in the profile says Kai is a software engineer". The header says the background
    the advice is fitted to, beside the hours and the target."""
    markdown = person_markdown("strong-everywhere.toml", EXAMPLES)
    header = markdown.splitlines()[2]
    assert header.endswith(", 10 h/week, background: software-engineer, target: research-engineer.")


def test_the_unplanned_hours_are_said_once_above_what_did_not_fit(home: Path) -> None:
    """Full reviews, stops 53-56: "12 h of the plan are still unplanned beyond the share of
    each week kept free for overruns" opened some twenty reasons in one plan and read as hours
    wasted. The markdown and `plan --all` say it once, with its weekly share, above the list;
    the JSON keeps each reason whole, as scripts read it."""
    made = run_process("init", "--answers", str(EXAMPLES / "data-scientist-research-engineer.toml"))
    assert made.returncode == 0, made.stderr
    data = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    clause = "h of the plan are still unplanned beyond the share of each week kept free"
    whole = [u["reason"] for u in data["unscheduled"] if clause in u["reason"]]
    assert len(whole) >= 2, whole
    free = float(whole[0].split("; ", 1)[1].split(" h ", 1)[0])
    for shown in (
        run_process("plan", "--format", "markdown", "--all").stdout,
        " ".join(run_process("plan", "--all").stdout.split()),
    ):
        once = "still unplanned beyond the share of each week kept free for overruns"
        assert shown.count(once) == 1, shown.count(once)
        assert f"{free:g} h of the plan, about " in shown
        below = shown.split(once, 1)[1]
        assert any(
            said in below
            for said in (
                ", but more valuable work took the hours",
                ", but from week",
                ", but the weeks with",
            )
        )


def test_explain_says_the_first_post_does_not_wait_for_a_build_after_the_round(home: Path) -> None:
    """rv32: the data scientist's first post waited for his pretraining project, after his
    round; now it goes before the round, and `explain` of the post says why that project,
    which it would otherwise come after, comes later (not "as it did not fit before")."""
    init_example("data-scientist-research-engineer.toml")
    weeks = item_weeks()
    # (done by the week the project begins: since stop 58 his ARENA notebooks come before his
    # first shot, and the project begins in his round's week, the week the post is out)
    assert max(weeks["research.first-blog-post"]) <= min(weeks["ml-devloop.capstone-project"])
    out = " ".join(run("explain", "research.first-blog-post").stdout.split())
    said = out.split("Comes after, where it can: ", 1)[1].split(" Steps:", 1)[0]
    last = max(weeks["ml-devloop.capstone-project"])  # (as `explain` says where it stands)
    assert (
        f"ml-devloop.capstone-project (week {last}: later here: it comes after your round, "
        "and this goes before it)" in said
    ), said


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_a_step_said_to_go_on_is_said_in_the_week_it_goes_on(example: str, home: Path) -> None:
    """rv35, rv38: "fine-tune a pretrained model on your data (about 2 h of this last step's
    3 h this week; it goes on next week)", and the next week said only "Watch lesson 3": the
    rest of the step had gone missing. A step a week says goes on is in the next part's text."""
    init_example(example)
    lines = run("plan", "--all", "--format", "markdown").stdout.splitlines()
    parts: dict[str, list[tuple[int, str]]] = {}
    week = 0
    for i, line in enumerate(lines):
        if line.startswith("## Week "):
            week = int(line.split()[2])
        found = re.match(r"- \[.\] .*\(`([^`@]+)`, \w+, [\d.]+ of [\d.]+ h, part", line)
        if found and i + 1 < len(lines) and lines[i + 1].startswith("  - This week: "):
            parts.setdefault(found.group(1), []).append((week, lines[i + 1]))
    checked = 0
    for item_id, said in parts.items():
        for (_, text), (later, after) in itertools.pairwise(said):
            goes_on = re.search(
                r"(?:^  - This week: |; then )([^;]+?) \(about [\d.]+ h this week of this (?:last )?step's [\d.]+ h; finish it next week\)",
                text,
            )
            if goes_on is None:
                continue
            checked += 1
            step = goes_on.group(1)
            assert step[1:] in after, (item_id, later, step, after)
    if example.startswith("data-scientist"):
        assert checked, parts.get("ml-devloop.fastai-course")


@pytest.mark.parametrize(
    ("example", "hours"),
    [(name, None) for name in EXAMPLE_FILES]
    + [("masters-short-runway.toml", "40"), ("data-scientist-research-engineer.toml", "30")],
)
def test_a_weeks_blocks_keep_what_comes_after_what(
    example: str, hours: str | None, home: Path
) -> None:
    """review62: at 40 h a week the master's student's week 6 showed the concepts drill, in
    its block, before the loss curves it needs, in theirs. In every view of a week (the
    markdown, the terminal, the calendar) nothing comes before what it needs or comes after
    (`explain`'s two lists) in the same week; the weekly collaboration block leads its weeks
    unless it comes after something in them."""
    init_example(example)
    if hours is not None:
        assert run("replan", "--hours", hours, "--weeks", "52", "--yes").returncode == 0
    catalog = load_catalog(home)
    background = json.loads(run("plan", "--format", "json").stdout)["profile"]["background"]
    markdown = run("plan", "--format", "markdown", "--all").stdout
    calendar = calendar_weeks()
    checked = 0
    for week, body in markdown_weeks(markdown).items():
        views = {
            "markdown": re.findall(r"^- \[[ x]\] .*?\(`([^`]+)`", body, flags=re.M),
            "calendar": re.findall(
                r"^\[.\] .*\(([a-z-]+\.[a-z0-9-]+(?:@\d+)?), ", calendar.get(week, ""), flags=re.M
            ),
        }
        if body.count("**") >= 4:  # (a week in blocks: the terminal's too)
            table = run("plan", "--week", str(week), "--details").stdout
            # (an id stands alone on its line, or before "  part 2 of 3")
            views["terminal"] = re.findall(
                r"^│ ([a-z-]+\.[a-z0-9-]+(?:@\d+)?)(?:  | *│)", table, flags=re.M
            )
        for view, ids in views.items():
            assert sorted(ids) == sorted(views["markdown"]), (week, view, ids)
            items = [i.split("@")[0] for i in ids]
            for position, item in enumerate(items):
                if item not in catalog.items:
                    continue
                needs = {*catalog.prerequisites(item), *catalog.after(item, background)}
                later = set(items[position + 1 :]) & needs
                assert not later, (week, view, item, later)
                checked += 1
    assert checked


@pytest.mark.parametrize("example", EXAMPLE_FILES)
def test_a_weeks_steps_say_all_of_its_hours(example: str, home: Path) -> None:
    """rv50: "swe-to-ml week 12 shows 3 of 30 h, but the week's step is about 1.5 h": the
    other 1.5 h began the next step, unsaid. A part whose steps all say their hours this
    week ("the rest of it, about 1.5 h"; "about 1.5 h this week of this last step's 3.75
    h") says all of its hours, give or take a crumb of a step and the quarter-hour rounding."""
    init_example(example)
    lines = run("plan", "--all", "--format", "markdown").stdout.splitlines()
    checked = 0
    for i, line in enumerate(lines[:-1]):
        part = re.match(r"- \[.\] .*\(`([^`]+)`, \w+, ([\d.]+) of [\d.]+ h, part", line)
        if not part or not lines[i + 1].startswith("  - This week: "):
            continue
        said = lines[i + 1].removeprefix("  - This week: ").split("; then ")
        hours = [
            re.search(r"\((?:the rest of it, |continued[^;]*; )?about ([\d.]+) h", s) for s in said
        ]
        if not all(hours):
            continue  # (a step said whole: its hours are not given)
        checked += 1
        total = sum(float(h[1]) for h in hours if h)
        assert abs(total - float(part[2])) <= 0.75, (part[1], line, lines[i + 1])
    assert checked or example.startswith("tiny"), example


def test_interview_practice_after_an_early_round_is_said_to_be_for_its_interviews(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PhD student's internships go out in their winter window before his mocks and his
    timed assessment, which come in the weeks his interviews may come: `explain` of the round
    says that of them, not "as it did not fit before", which four reviewers of rv39 read as
    the plan admitting a wrong order. What is not interview practice keeps the plain words.
    (Starting on 30 November, as the reviewed plans do: from a week earlier his practice waits
    for the second round.)"""
    monkeypatch.setenv("UPSKILL_TODAY", "2026-11-29")
    init_example("phd-student-no-network.toml", "--force")
    weeks = item_weeks()
    sent = min(weeks["network.research-internship"])
    out = " ".join(run("explain", "network.research-internship").stdout.split())
    after = out.split("Comes after, where it can: ", 1)[1].split(" Steps:", 1)[0]
    practice = re.findall(
        r"(\S+) \(week (\d+): later here: practice for the interviews it brings, in the "
        r"weeks they may come\)",
        after,
    )
    assert {i for i, _ in practice} >= {"interviewing.first-mocks"}, after
    for item, week in practice:
        assert item.split(".")[0] in ("interviewing", "coding"), item
        assert sent < int(week) <= sent + 8, (item, week, sent)
    plain = re.findall(r"(\S+) \(week \d+: later here, as it did not fit before\)", after)
    assert all(not i.startswith("coding.") for i in plain), plain


def test_explain_of_the_look_back_at_a_first_shot_says_why_it_is_not_in_a_plan(
    home: Path,
) -> None:
    """A plan that sends no first shot has no look back at one: `explain` says so and why
    there is no shot, not that the plan missed a roadmap change."""
    made = run_process("init", "--answers", str(ROOT / "benchmarks/people/evenings-engineer.toml"))
    assert made.returncode == 0, made.stderr
    plan = json.loads(run_process("plan", "--format", "json", "--all").stdout)
    ids = {t["id"] for w in plan["weeks"] for t in w["tasks"]}
    assert "interviewing.first-shot" not in ids
    out = " ".join(run_process("explain", "interviewing.first-shot-review").stdout.split())
    assert "Not in your plan: it follows interviewing.first-shot, and your plan sends no" in out
    assert "a first shot goes in only when" in out
    assert "replan to pick up roadmap changes" not in out
