"""The real prompts, driven in a pseudo-terminal: what a person at a keyboard sees and does.

In the style of copier's ``tests/test_prompt.py``: the installed console script runs under
pexpect, ``expect_prompt`` waits for a question, ``Keys`` spells the keystrokes. Every test waits
for the prompt it answers before typing, so nothing depends on timing; the only wait is the
per-expect timeout, which is generous because a loaded CI machine can be slow to start Python.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from conftest import init_example, run, upskill_exe

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty"),
    pytest.mark.slow,  # a real pseudo-terminal per test: seconds each
]

TIMEOUT = 60  # seconds per expect (a CI run at load 7 on two cores once took more than 20)
LOCK_FILE = ".upskill.lock"  # created by any writer; holds no data


class Keys(StrEnum):
    """Keystrokes as a terminal sends them."""

    ENTER = "\r"
    DOWN = "\x1b[B"
    UP = "\x1b[A"
    SPACE = " "
    CTRL_C = "\x03"
    # Ctrl-A then Ctrl-K: start of line, then delete to its end. A text prompt's default is
    # already in the edit buffer, so this is how a person replaces it.
    CLEAR = "\x01\x0b"
    # A yes/no prompt takes y or n and then Enter: the Enter answers it (it must not leak
    # into the next prompt or the shell).
    YES = "y\r"
    NO = "n\r"


# Anything the terminal may put between two visible characters: style codes, cursor moves,
# and the line break prompt_toolkit writes itself when a line is wider than the terminal.
_GAP = r"(?:\x1b\[[0-9;?]*[A-Za-z]|[\r\n])*"


def on_screen(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` as it appears in the terminal, however it is styled or wrapped."""
    return re.compile(_GAP.join(re.escape(ch) for ch in text))


def expect_prompt(tui: Any, message: str) -> None:
    """Wait until questionary shows the question ``message`` (its "?" marker, then the text)."""
    tui.expect(re.compile(r"\?" + _GAP + " " + on_screen(message).pattern))


def finish(tui: Any) -> int:
    """Wait for the program to end and return its exit status."""
    tui.expect(pexpect.EOF)
    tui.close()
    assert tui.signalstatus is None, f"killed by signal {tui.signalstatus}"
    return int(tui.exitstatus)


def written(home: Path) -> list[str]:
    """The files a command left in the home folder (the lock file holds nothing)."""
    if not home.exists():
        return []
    return sorted(p.name for p in home.iterdir() if p.name != LOCK_FILE)


def plan_json(**env: str) -> dict[str, Any]:
    result = run("plan", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def task_states(**env: str) -> dict[str, set[tuple[str, str | None]]]:
    """Each task id in the plan with its (status, done_on) pairs: a split task has several parts."""
    states: dict[str, set[tuple[str, str | None]]] = {}
    for week in plan_json(**env)["weeks"]:
        for task in week["tasks"]:
            states.setdefault(task["id"], set()).add((task["status"], task["done_on"]))
    return states


Spawn = Callable[..., Any]


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start ``upskill ARGS`` in a 40x120 pseudo-terminal with the test's environment."""
    children: list[Any] = []

    def start(
        *args: str, env: dict[str, str] | None = None, dimensions: tuple[int, int] = (40, 120)
    ) -> Any:
        full_env = dict(os.environ)
        full_env["TERM"] = "xterm-256color"
        # pexpect is not a terminal emulator: it cannot answer prompt_toolkit's cursor-position
        # request, which would otherwise cost a one-second wait and a warning on every prompt.
        full_env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        full_env.update(env or {})
        child = pexpect.spawn(
            upskill_exe(),
            list(args),
            env=full_env,
            dimensions=dimensions,
            timeout=TIMEOUT,
            encoding="utf-8",
            codec_errors="replace",
        )
        children.append(child)
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


# The questionnaire, in order: the message each prompt shows.
NAME = "Your name (optional):"
BACKGROUND = "Your background:"
ROLE = "What are you aiming for?"
HOURS = "Hours per week you can give this (1-80):"
WEEKS = "Plan horizon in weeks (1-156):"
START = "Start date (YYYY-MM-DD):"
RUNWAY = "Months of runway before money runs out (blank if not a concern):"
ROADMAPS = "Roadmaps to include:"
INTERESTS = "Interests, comma-separated"
SKILL_PROMPTS = [
    ("coding", "Coding (writing programs, mostly Python): rate yourself"),
    ("data_structures", "Data structures and algorithms: rate yourself"),
    ("statistics", "Statistics and probability: rate yourself"),
    ("ml_fundamentals", "Machine-learning fundamentals: rate yourself"),
    ("deep_learning", "Deep learning (PyTorch, transformers): rate yourself"),
    ("interviewing", "Technical interviewing: rate yourself"),
    ("open_source", "Open-source contribution: rate yourself"),
    ("research", "Research (own questions, papers): rate yourself"),
    ("networking", "Networking and outreach: rate yourself"),
]
HOLIDAYS = "Your plan runs over the holidays"
TIME_OFF = "Other weeks off or lighter weeks"
SAVE = "Save this profile and build the plan?"
REPLACE = "Replace it"


QUESTIONS = [NAME, BACKGROUND, ROLE, HOURS, WEEKS, START, RUNWAY, ROADMAPS, INTERESTS]
QUESTIONS += [message for _, message in SKILL_PROMPTS] + [HOLIDAYS, TIME_OFF]


def answer_with_defaults(
    tui: Any, after_name: bool = False, after: str | None = None, until: str | None = None
) -> None:
    """Press Enter at the questions of the questionnaire (the final confirmation excluded):
    those after ``after`` (or after the name), and up to ``until``, which is awaited, not
    answered."""
    start = QUESTIONS.index(after) + 1 if after else 1 if after_name else 0
    for message in QUESTIONS[start:]:
        expect_prompt(tui, message)
        if message == until:
            return
        tui.send(Keys.ENTER)


def test_init_answers_every_question(home: Path, spawn: Spawn) -> None:
    tui = spawn("init")
    expect_prompt(tui, NAME)
    tui.send("Ada Lovelace" + Keys.ENTER)
    expect_prompt(tui, BACKGROUND)
    tui.send(Keys.DOWN * 3 + Keys.ENTER)  # PhD/postdoc, Master's/PhD student, Undergrad, SWE
    expect_prompt(tui, ROLE)
    tui.send(Keys.DOWN * 2 + Keys.ENTER)  # research engineer, research scientist, ML engineer
    expect_prompt(tui, HOURS)
    tui.send(Keys.CLEAR + "12" + Keys.ENTER)
    expect_prompt(tui, WEEKS)
    tui.send(Keys.CLEAR + "30" + Keys.ENTER)
    expect_prompt(tui, START)
    tui.expect_exact("2026-11-23")  # the coming Monday is offered
    tui.send(Keys.ENTER)
    expect_prompt(tui, RUNWAY)
    tui.send("6" + Keys.ENTER)
    expect_prompt(tui, ROADMAPS)
    # Roadmaps are listed core tracks first (coding, ml-devloop, interviewing, open-source,
    # research, network, phd-applications), the ML-engineer ones ticked. Tick research, untick
    # interviewing.
    tui.send(Keys.DOWN * 4 + Keys.SPACE + Keys.UP * 2 + Keys.SPACE + Keys.ENTER)
    expect_prompt(tui, INTERESTS)
    tui.send("interpretability, robotics" + Keys.ENTER)
    ratings = {
        "coding": 3,
        "data_structures": 2,
        "statistics": 0,
        "ml_fundamentals": 1,
        "deep_learning": 0,
        "interviewing": 0,
        "open_source": 2,
        "research": 4,
        "networking": 1,
    }
    for skill, message in SKILL_PROMPTS:
        expect_prompt(tui, message)
        tui.send(Keys.DOWN * ratings[skill] + Keys.ENTER)
    expect_prompt(tui, HOLIDAYS)  # 30 weeks from 23 November cross the late-December fortnight
    tui.send(Keys.YES)
    expect_prompt(tui, TIME_OFF)
    tui.send("2027-03-01..2027-03-07=4" + Keys.ENTER)
    expect_prompt(tui, SAVE)
    tui.send(Keys.YES)
    tui.expect(on_screen("Saved your plan to"))
    assert finish(tui) == 0

    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    expected = {
        "name": "Ada Lovelace",
        "background": "software-engineer",
        "target_role": "ml-engineer",
        "hours_per_week": 12,
        "weeks": 30,
        "start_date": dt.date(2026, 11, 23),
        "runway_months": 6,
        "roadmaps": ["coding", "ml-devloop", "open-source", "research", "network"],
        "interests": ["interpretability", "robotics"],
        "time_off": [
            {
                "start": dt.date(2026, 12, 21),
                "end": dt.date(2027, 1, 3),
                "hours_per_week": 0,
                "label": "holidays",
            },
            {"start": dt.date(2027, 3, 1), "end": dt.date(2027, 3, 7), "hours_per_week": 4},
        ],
        "skills": ratings,
    }
    assert profile == expected
    assert (home / "plan.toml").is_file()
    planned = plan_json()["profile"]
    assert planned["target_role"] == "ml-engineer"
    assert planned["weeks"] == 30
    assert planned["roadmaps"] == expected["roadmaps"]


@pytest.mark.parametrize(
    ("typed", "error"),
    [("-5", "Enter a number from 1 to 80"), ("ten", "Enter a number from 1 to 80")],
)
def test_invalid_hours_are_asked_again(home: Path, spawn: Spawn, typed: str, error: str) -> None:
    tui = spawn("init")
    expect_prompt(tui, NAME)
    tui.send(Keys.ENTER)
    expect_prompt(tui, BACKGROUND)
    tui.send(Keys.ENTER)
    expect_prompt(tui, ROLE)
    tui.send(Keys.ENTER)
    expect_prompt(tui, HOURS)
    tui.send(Keys.CLEAR + typed + Keys.ENTER)
    tui.expect(on_screen(error))
    assert WEEKS not in tui.before
    assert tui.isalive()
    tui.send(Keys.CLEAR + "10" + Keys.ENTER)
    expect_prompt(tui, WEEKS)
    tui.send(Keys.CLEAR + "20" + Keys.ENTER)
    for message in [START, RUNWAY, ROADMAPS, INTERESTS] + [m for _, m in SKILL_PROMPTS]:
        expect_prompt(tui, message)
        tui.send(Keys.ENTER)
    for message in (HOLIDAYS, TIME_OFF):
        expect_prompt(tui, message)
        tui.send(Keys.ENTER)
    expect_prompt(tui, SAVE)
    tui.send(Keys.YES)
    assert finish(tui) == 0
    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    assert profile["hours_per_week"] == 10
    assert profile["weeks"] == 20


# Ctrl-C at one prompt of each kind.
INTERRUPT_AT = {"select": BACKGROUND, "text": HOURS, "checkbox": ROADMAPS, "confirm": SAVE}


@pytest.mark.parametrize("kind", list(INTERRUPT_AT))
def test_ctrl_c_writes_nothing(home: Path, spawn: Spawn, kind: str) -> None:
    stop_at = INTERRUPT_AT[kind]
    tui = spawn("init")
    expect_prompt(tui, NAME)
    tui.send("Ada" + Keys.ENTER)
    order = [BACKGROUND, ROLE, HOURS, WEEKS, START, RUNWAY, ROADMAPS, INTERESTS]
    order += [m for _, m in SKILL_PROMPTS] + [HOLIDAYS, TIME_OFF, SAVE]
    for message in order:
        expect_prompt(tui, message)
        if message == stop_at:
            break
        tui.send(Keys.ENTER)
    tui.send(Keys.CTRL_C)
    tui.expect(on_screen("nothing was written"))
    # the line starts at the left edge of a cleared line, even if the interrupt came while
    # the prompt was still being drawn (it was once glued to the prompt's text)
    assert "\r\x1b[Kupskill: error: interrupted" in tui.before, repr(tui.before[-200:])
    assert finish(tui) == 130
    assert written(home) == []


CHANGE = "Which answer do you want to change?"


@pytest.mark.slow
def test_cancelling_at_the_summary_writes_nothing(home: Path, spawn: Spawn) -> None:
    tui = spawn("init")
    answer_with_defaults(tui)
    expect_prompt(tui, SAVE)
    tui.send(Keys.NO)
    expect_prompt(tui, CHANGE)
    tui.send(Keys.UP)  # from the first answer up to the last choice: cancel
    tui.expect(on_screen("» Cancel: keep nothing, write nothing"))
    tui.send(Keys.ENTER)
    tui.expect(on_screen("Cancelled; nothing was written."))
    assert "error" not in plain(tui.before)
    assert finish(tui) == 1
    assert written(home) == []


@pytest.mark.slow
def test_no_at_the_summary_changes_one_answer_and_keeps_the_rest(home: Path, spawn: Spawn) -> None:
    tui = spawn("init")
    expect_prompt(tui, NAME)
    tui.send("Ada" + Keys.ENTER)
    answer_with_defaults(tui, after_name=True)
    expect_prompt(tui, SAVE)
    tui.send(Keys.NO)
    expect_prompt(tui, CHANGE)
    tui.expect(on_screen("Hours per week: 10"))
    tui.send(Keys.DOWN * 3 + Keys.ENTER)  # name, background, aiming for, hours per week
    expect_prompt(tui, HOURS)
    tui.expect(on_screen("[10]"))  # offered as it was answered
    tui.send("12" + Keys.ENTER)
    tui.expect(on_screen("hours_per_week: 12"))  # the summary again, with the change
    expect_prompt(tui, SAVE)
    tui.send(Keys.YES)
    tui.expect(on_screen("Saved your plan to"))
    assert finish(tui) == 0
    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    assert profile["hours_per_week"] == 12
    assert profile["name"] == "Ada"  # the other answers are the ones given
    assert profile["weeks"] == 26


def test_init_asks_before_replacing_a_plan(home: Path, spawn: Spawn) -> None:
    init_example()
    plan_before = (home / "plan.toml").read_bytes()
    profile_before = (home / "profile.toml").read_bytes()
    tui = spawn("init")
    # The replacement question may come before the questionnaire or after it; either is fine.
    if tui.expect([on_screen(REPLACE), on_screen(NAME)]) == 1:
        tui.send(Keys.ENTER)
        answer_with_defaults(tui, after_name=True)
        expect_prompt(tui, SAVE)
        tui.send(Keys.YES)
        tui.expect(on_screen(REPLACE))
    tui.expect(on_screen("(y/N)"))  # keeping the plan is the default
    tui.send(Keys.NO)
    assert finish(tui) != 0
    assert (home / "plan.toml").read_bytes() == plan_before
    assert (home / "profile.toml").read_bytes() == profile_before
    assert written(home) == ["plan.toml", "profile.toml"]


# The first row of the checkbox, where the pointer starts: its mark (○ or ●, styled when
# ticked) and the task id that starts "ID  Title (H h)".
FIRST_ROW = re.compile(
    r"» (?:\x1b\[[0-9;]*m)*([○●]) (?:\x1b\[[0-9;]*m)*([a-z0-9_-]+\.[a-z0-9_@-]+) "
)


def test_check_ticks_and_unticks_this_weeks_tasks(home: Path, spawn: Spawn) -> None:
    init_example()  # starts Monday 2026-11-23
    tuesday = {"UPSKILL_TODAY": "2026-11-24"}
    before = task_states(**tuesday)
    week1 = {t["id"] for t in plan_json(**tuesday)["weeks"][0]["tasks"]}

    tui = spawn("check", env=tuesday)
    expect_prompt(tui, "Week 1: tick what you have finished")
    tui.expect(FIRST_ROW)
    mark, first = tui.match.group(1), tui.match.group(2)
    assert mark == "○"
    assert first in week1
    assert before[first] == {("todo", None)}
    tui.send(Keys.SPACE + Keys.ENTER)
    assert finish(tui) == 0
    after = task_states(**tuesday)
    assert after[first] == {("done", "2026-11-24")}
    assert {k: v for k, v in after.items() if k != first} == {
        k: v for k, v in before.items() if k != first
    }

    tui = spawn("check", env=tuesday)
    expect_prompt(tui, "Week 1: tick what you have finished")
    tui.expect(FIRST_ROW)
    assert tui.match.group(1) == "●", "a task already done is shown ticked"
    assert tui.match.group(2) == first
    tui.send(Keys.SPACE + Keys.ENTER)
    assert finish(tui) == 0
    assert task_states(**tuesday) == before


def test_replan_asks_before_writing(home: Path, spawn: Spawn) -> None:
    init_example()
    original = (home / "plan.toml").read_bytes()
    later = {"UPSKILL_TODAY": "2026-12-08"}  # week 3, nothing done: work has to move

    tui = spawn("replan", env=later)
    expect_prompt(tui, "Write the new plan?")
    tui.send(Keys.NO)
    # Saying no is a choice, not an error: a plain line, and exit 1 (DESIGN).
    tui.expect(on_screen("Kept the old plan; nothing was written."))
    assert "error" not in tui.before + tui.after
    assert finish(tui) == 1
    assert (home / "plan.toml").read_bytes() == original
    assert not (home / "plan.toml.bak").exists()

    tui = spawn("replan", env=later)
    expect_prompt(tui, "Write the new plan?")
    tui.send(Keys.YES)
    tui.expect(on_screen("Saved the new plan"))
    assert finish(tui) == 0
    assert (home / "plan.toml.bak").read_bytes() == original
    assert (home / "plan.toml").read_bytes() != original
    # Nothing was done, so nothing is left in the weeks that have passed.
    past = [t for w in plan_json(**later)["weeks"] if w["week"] < 3 for t in w["tasks"]]
    assert past == []


def test_the_checklist_keeps_what_another_terminal_checked_while_it_was_open(
    home: Path, spawn: Spawn
) -> None:
    """Issue 11, finding 2: only what was changed in this checklist is written."""
    init_example()
    tuesday = {"UPSKILL_TODAY": "2026-11-24"}
    question = "Week 1: tick what you have finished"

    first = spawn("check", env=tuesday)  # the checklist left open in one terminal
    expect_prompt(first, question)
    first.expect(FIRST_ROW)
    assert first.match.group(1) == "○"
    task = first.match.group(2)

    second = spawn("check", env=tuesday)  # meanwhile, in another terminal
    expect_prompt(second, question)
    second.expect(FIRST_ROW)
    assert second.match.group(2) == task
    second.send(Keys.SPACE + Keys.ENTER)
    second.expect(on_screen(f"Marked done: {task}"))
    assert finish(second) == 0
    assert task_states(**tuesday)[task] == {("done", "2026-11-24")}

    first.send(Keys.ENTER)  # nothing touched in the first terminal
    first.expect(on_screen("Nothing changed."))
    assert "Marked not done" not in first.before
    assert finish(first) == 0
    assert task_states(**tuesday)[task] == {("done", "2026-11-24")}


def test_two_checklists_ticking_different_tasks_both_land(home: Path, spawn: Spawn) -> None:
    init_example()
    tuesday = {"UPSKILL_TODAY": "2026-11-24"}
    question = "Week 1: tick what you have finished"
    first = spawn("check", env=tuesday)
    expect_prompt(first, question)
    first.expect(FIRST_ROW)
    top = first.match.group(2)
    second = spawn("check", env=tuesday)
    expect_prompt(second, question)
    second.expect(FIRST_ROW)
    second.send(Keys.DOWN + Keys.SPACE + Keys.ENTER)  # the second row
    second.expect(re.compile(r"Marked done: ([a-z0-9_-]+\.[a-z0-9_@-]+)"))
    below = second.match.group(1)
    assert finish(second) == 0
    first.send(Keys.SPACE + Keys.ENTER)  # the first row, in the other terminal
    first.expect(on_screen(f"Marked done: {top}"))
    assert finish(first) == 0
    states = task_states(**tuesday)
    assert below != top
    assert states[top] == {("done", "2026-11-24")}
    assert states[below] == {("done", "2026-11-24")}


# ----------------------------------------------------------------- the checklist forgives

CHECKLIST = "tick what you have finished"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(text: str) -> str:
    """Terminal output without its escape sequences."""
    return _ANSI.sub("", text)


def ids_in_week(week: int, **env: str) -> list[str]:
    data = plan_json(**env)
    return list(
        dict.fromkeys(t["id"] for w in data["weeks"] if w["week"] == week for t in w["tasks"])
    )


@pytest.mark.slow
def test_the_checklist_shows_this_week_first_and_overdue_work_on_a_page_of_its_own(
    home: Path, spawn: Spawn
) -> None:
    init_example()
    week3 = {"UPSKILL_TODAY": "2026-12-09"}  # Wednesday of week 3, nothing done yet
    this_week = ids_in_week(3, **week3)
    overdue = [i for i in ids_in_week(1, **week3) + ids_in_week(2, **week3) if i not in this_week]
    overdue = list(dict.fromkeys(overdue))
    assert this_week
    assert overdue

    tui = spawn("check", env=week3)
    expect_prompt(tui, f"Week 3: {CHECKLIST}")
    tui.expect(on_screen(f"enter: on to the {len(overdue)} overdue"))
    tui.send(Keys.ENTER)
    expect_prompt(tui, f"{len(overdue)} overdue tasks from earlier weeks")
    first_page = plain(tui.before)
    for tid in this_week:
        assert tid in first_page, tid
    for tid in overdue:  # collapsed: not one of them on this week's page
        assert not re.search(rf"{re.escape(tid)}\s", first_page), tid
    tui.expect(FIRST_ROW)
    first_overdue = tui.match.group(2)
    assert first_overdue == overdue[0]
    tui.send(Keys.SPACE + Keys.ENTER)
    tui.expect(on_screen(f"Marked done: {first_overdue}"))
    assert finish(tui) == 0
    assert task_states(**week3)[first_overdue] == {("done", "2026-12-09")}


@pytest.mark.slow
def test_more_than_three_changes_are_confirmed_first(home: Path, spawn: Spawn) -> None:
    init_example()
    tuesday = {"UPSKILL_TODAY": "2026-11-24"}
    week1 = ids_in_week(1, **tuesday)
    assert len(week1) > 3
    before = (home / "plan.toml").read_bytes()

    tui = spawn("check", env=tuesday)
    expect_prompt(tui, f"Week 1: {CHECKLIST}")
    tui.send("a" + Keys.ENTER)  # `a` ticks every row: a stray key must not save them all
    expect_prompt(tui, f"Save {len(week1)} changes?")
    tui.expect(on_screen("(y/N)"))
    tui.send(Keys.ENTER)  # the default is no
    tui.expect(on_screen("Nothing was saved; your plan is as it was."))
    assert "error" not in plain(tui.before)
    assert finish(tui) == 1
    assert (home / "plan.toml").read_bytes() == before

    tui = spawn("check", env=tuesday)
    expect_prompt(tui, f"Week 1: {CHECKLIST}")
    tui.send("a" + Keys.ENTER)
    expect_prompt(tui, f"Save {len(week1)} changes?")
    tui.send(Keys.YES)
    tui.expect(on_screen("Marked done:"))
    assert finish(tui) == 0
    states = task_states(**tuesday)
    assert all(("done", "2026-11-24") in states[tid] for tid in week1)


def test_the_checklist_fits_a_narrow_terminal_cutting_titles_at_a_word(
    home: Path, spawn: Spawn
) -> None:
    init_example()
    long_title = (
        "Work through the classic algorithms textbook chapter by chapter, with every "
        "exercise at the end of each chapter"
    )
    path = home / "plan.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    task = data["tasks"][0]
    assert task["week"] == 1
    task["title"] = long_title
    import tomli_w

    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    columns = 60
    tui = spawn("check", env={"UPSKILL_TODAY": "2026-11-24"}, dimensions=(40, columns))
    expect_prompt(tui, f"Week 1: {CHECKLIST}")
    tui.expect(re.compile(re.escape(task["id"]) + r"  ([^\r\n]*?)…([^\r\n]*)\r"))
    shown, rest = plain(tui.match.group(1)), plain(tui.match.group(2))
    assert shown, "some of the title fits in 60 columns"
    assert long_title.startswith(shown)
    assert long_title[len(shown)] in " ,", f"cut mid-word: {shown!r}"
    assert rest.strip() == f"({task['hours']:g} h)"
    row = f" » ○ {task['id']}  {shown}…{rest}"
    assert len(row.rstrip()) < columns
    tui.send(Keys.CTRL_C)
    assert finish(tui) == 130


def test_a_split_task_shows_its_part_in_the_plans_words(home: Path, spawn: Spawn) -> None:
    init_example()
    data = plan_json()
    week, task = next(
        (w["week"], t)
        for w in data["weeks"]
        for t in w["tasks"]
        if t.get("parts", 1) > 1 and "@" not in t["id"]
    )
    day = dt.date.fromisoformat(data["weeks"][week - 1]["start"]) + dt.timedelta(days=1)
    label = (
        f"{task['hours']:g} of {task['total_hours']:g} h, part {task['part']} of {task['parts']}"
    )
    tui = spawn("check", env={"UPSKILL_TODAY": day.isoformat()})
    expect_prompt(tui, f"Week {week}: {CHECKLIST}")
    tui.expect(on_screen(task["id"]))
    tui.expect(on_screen(f"({label})"))
    tui.send(Keys.CTRL_C)
    assert finish(tui) == 130
    # The plan says the same words.
    shown = run("plan", "--week", str(week), "--format", "markdown")
    assert label in shown.stdout


def test_check_chart_on_a_terminal_shows_the_chart_not_the_checklist(
    home: Path, spawn: Spawn
) -> None:
    init_example()
    before = (home / "plan.toml").read_bytes()
    tui = spawn("check", "--chart", env={"UPSKILL_TODAY": "2026-12-09"})
    tui.expect(on_screen("Cumulative hours: planned"))
    assert finish(tui) == 0
    assert CHECKLIST not in plain(tui.before)
    assert (home / "plan.toml").read_bytes() == before


# ----------------------------------------------------------------- the questionnaire forgives


@pytest.mark.slow
def test_a_yes_no_answer_waits_for_enter_and_the_enter_goes_nowhere_else(
    home: Path, spawn: Spawn
) -> None:
    tui = spawn("init")
    answer_with_defaults(tui, until=HOLIDAYS)
    tui.send("y")  # y alone only chooses: nothing moves on
    with pytest.raises(pexpect.TIMEOUT):
        tui.expect(on_screen(TIME_OFF), timeout=1)
    tui.send(Keys.ENTER)  # the Enter answers the holidays question...
    expect_prompt(tui, TIME_OFF)
    # ...and is not left for the weeks-off prompt, which still waits for its own answer.
    with pytest.raises(pexpect.TIMEOUT):
        tui.expect(on_screen(SAVE), timeout=1)
    tui.send("2027-03-01..2027-03-07" + Keys.ENTER)
    expect_prompt(tui, SAVE)
    tui.send("y")  # the last answer: without its Enter, nothing is saved
    with pytest.raises(pexpect.TIMEOUT):
        tui.expect(on_screen("Saved your plan"), timeout=1)
    assert written(home) == []
    tui.send(Keys.ENTER)
    tui.expect(on_screen("Saved your plan to"))
    assert finish(tui) == 0
    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    assert [t["start"].isoformat() for t in profile["time_off"]] == ["2026-12-21", "2027-03-01"]


@pytest.mark.slow
def test_a_start_date_in_the_past_is_confirmed(home: Path, spawn: Spawn) -> None:
    tui = spawn("init")  # today: Sunday 2026-11-22
    answer_with_defaults(tui, until=START)
    tui.send("2026-11-02" + Keys.ENTER)
    expect_prompt(tui, "Mon 02 Nov 2026 is 20 days ago")
    tui.expect(on_screen("(y/N)"))
    tui.send(Keys.ENTER)  # no: asked again, offering the coming Monday
    expect_prompt(tui, START)
    tui.expect(on_screen("[2026-11-23]"))
    tui.send(Keys.ENTER)
    answer_with_defaults(tui, after=START)
    expect_prompt(tui, SAVE)
    tui.send(Keys.YES)
    assert finish(tui) == 0
    profile = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    assert profile["start_date"] == dt.date(2026, 11, 23)


@pytest.mark.slow
def test_running_init_again_offers_the_saved_answers(home: Path, spawn: Spawn) -> None:
    init_example("swe-to-ml.toml")
    before = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    tui = spawn("init")
    tui.expect(on_screen(REPLACE))
    tui.send(Keys.YES)
    expect_prompt(tui, NAME)
    tui.expect(on_screen(f"[{before['name']}; - for none]"))
    tui.send(Keys.ENTER)
    expect_prompt(tui, BACKGROUND)
    tui.expect(on_screen("» Software engineer"))  # the saved choice is where the pointer is
    tui.send(Keys.ENTER)
    expect_prompt(tui, ROLE)
    tui.send(Keys.ENTER)
    expect_prompt(tui, HOURS)
    tui.expect(on_screen(f"[{before['hours_per_week']}]"))
    tui.send(Keys.ENTER)
    answer_with_defaults(tui, after=HOURS)
    expect_prompt(tui, SAVE)
    tui.send(Keys.YES)
    tui.expect(on_screen("Saved your plan to"))
    assert finish(tui) == 0
    after = tomllib.loads((home / "profile.toml").read_text(encoding="utf-8"))
    before.setdefault("roadmaps", after["roadmaps"])  # the role's, written out by the prompt
    assert after == before


def test_replan_gives_its_warnings_before_the_preview(home: Path, spawn: Spawn) -> None:
    init_example()
    path = home / "plan.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "coding.big-o"', 'id = "coding.big-0"'),
        encoding="utf-8",
    )
    tui = spawn("replan", env={"UPSKILL_TODAY": "2026-12-09"})
    tui.expect(on_screen("upskill: warning: "))
    tui.expect(on_screen("(coding.big-0).id: no loaded roadmap has this item"))
    tui.expect(on_screen("Replanning from week 3."))
    expect_prompt(tui, "Write the new plan?")
    tui.send(Keys.CTRL_C)
    assert finish(tui) == 130
