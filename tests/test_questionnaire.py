"""The questionnaire's flow with answers injected at its one seam (no terminal).

The pseudo-terminal tests in test_interactive.py drive the same flow through real prompts.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from upskill import questionnaire
from upskill.errors import DeclinedError
from upskill.questionnaire import Interview, Question
from upskill.schema import TRACK_ORDER, profile_from_dict

ROADMAPS = [(r, r.title()) for r in TRACK_ORDER]
MONDAY = dt.date(2026, 11, 23)
TODAY = dt.date(2026, 11, 22)


def scripted(answers: dict[str, Any], log: list[Question] | None = None) -> Callable[..., Any]:
    """An ``ask`` that answers from ``answers`` by question name (a list: in turn), else the
    question's default, and keeps every question it was asked in ``log``."""
    queues = {
        k: list(v) if isinstance(v, list) and k != "roadmaps" else [v] for k, v in answers.items()
    }

    def ask(q: Question) -> Any:
        if log is not None:
            log.append(q)
        queue = queues.get(q.name)
        if queue:
            return queue.pop(0)
        return q.default

    return ask


def saved_profile(name: str, **changes: Any) -> dict[str, Any]:
    data = tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    data.setdefault("start_date", MONDAY)
    data.update(changes)
    profile = profile_from_dict(data, name)
    # The questionnaire always writes the roadmaps it ticked: the role's, when none were named.
    return profile.replace(roadmaps=tuple(profile.chosen_roadmaps())).to_toml_dict()


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_the_saved_answers_are_every_questions_default(example: str) -> None:
    """Pressing Enter at every question of a re-run gives back exactly the saved profile."""
    saved = saved_profile(example)
    interview = Interview(ROADMAPS, MONDAY, ask=scripted({}), today=TODAY, saved=saved)
    interview.ask_all()
    assert profile_from_dict(interview.data(), "answers").to_toml_dict() == saved


def test_saved_weeks_off_labels_and_buffer_survive_a_rerun() -> None:
    saved = saved_profile(
        "postdoc-research-engineer.toml",
        weeks=30,
        buffer_percent=20,
        time_off=[
            {"start": dt.date(2026, 12, 21), "end": dt.date(2027, 1, 3), "label": "holidays"},
            {
                "start": dt.date(2027, 3, 1),
                "end": dt.date(2027, 3, 7),
                "hours_per_week": 4,
                "label": "conference",
            },
        ],
    )
    log: list[Question] = []
    interview = Interview(ROADMAPS, MONDAY, ask=scripted({}, log), today=TODAY, saved=saved)
    interview.ask_all()
    assert profile_from_dict(interview.data(), "answers").to_toml_dict() == saved
    defaults = {q.name: q.default for q in log}
    assert defaults["holidays"] is True
    assert defaults["time_off"] == "2027-03-01..2027-03-07=4"
    assert defaults["name"] == saved["name"]
    assert defaults["skills.research"] == 4


def test_a_start_date_in_the_past_is_confirmed_and_asked_again_if_not() -> None:
    log: list[Question] = []
    ask = scripted({"start_date": "2026-11-02", "start_date.confirm": False}, log)
    interview = Interview(ROADMAPS, MONDAY, ask=ask, today=TODAY)
    interview.ask_all()
    asked = [q for q in log if q.name.startswith("start_date")]
    assert [q.name for q in asked] == ["start_date", "start_date.confirm", "start_date"]
    assert "20 days ago" in asked[1].message
    assert asked[1].default is False  # Enter keeps the person from starting behind
    assert asked[2].default == MONDAY.isoformat()
    assert interview.data()["start_date"] == MONDAY

    accepted = Interview(
        ROADMAPS,
        MONDAY,
        ask=scripted({"start_date": "2026-11-02", "start_date.confirm": True}),
        today=TODAY,
    )
    accepted.ask_all()
    assert accepted.data()["start_date"] == dt.date(2026, 11, 2)


def test_no_at_the_summary_changes_one_answer_and_shows_the_summary_again() -> None:
    shown: list[dict[str, Any]] = []
    log: list[Question] = []
    ask = scripted(
        {"save": [False, True], "change": "hours_per_week", "hours_per_week": ["10", "12"]}, log
    )
    interview = Interview(ROADMAPS, MONDAY, ask=ask, today=TODAY)
    interview.ask_all()
    data = questionnaire.review(interview, shown.append)
    assert [d["hours_per_week"] for d in shown] == [10, 12]
    assert data == shown[-1]
    asked = [q.name for q in log]
    # After "no": which answer, that question (offering the answer given), the summary again.
    assert asked[-4:] == ["save", "change", "hours_per_week", "save"]
    change = next(q for q in log if q.name == "change")
    assert ("Hours per week: 10", "hours_per_week") in change.choices
    assert change.choices[-1][1] == questionnaire.CANCEL
    assert log[-2].default == "10"


def test_cancel_at_the_summary_keeps_nothing() -> None:
    ask = scripted({"save": False, "change": questionnaire.CANCEL})
    interview = Interview(ROADMAPS, MONDAY, ask=ask, today=TODAY)
    interview.ask_all()
    with pytest.raises(DeclinedError, match=r"^Cancelled; nothing was written\.$"):
        questionnaire.review(interview, lambda data: None)


def test_changing_the_role_offers_the_roadmaps_again_ticked_for_it() -> None:
    log: list[Question] = []
    ask = scripted(
        {
            "target_role": ["research-engineer", "phd-applicant"],
            "save": [False, True],
            "change": "target_role",
        },
        log,
    )
    interview = Interview(ROADMAPS, MONDAY, ask=ask, today=TODAY)
    interview.ask_all()
    data = questionnaire.review(interview, lambda d: None)
    roadmaps = [q for q in log if q.name == "roadmaps"]
    assert len(roadmaps) == 2
    assert "phd-applications" in roadmaps[1].default
    assert "phd-applications" in data["roadmaps"]


def test_changing_the_horizon_asks_about_the_holidays_it_now_crosses() -> None:
    log: list[Question] = []
    ask = scripted(
        {"weeks": ["4", "10"], "save": [False, True], "change": "weeks", "holidays": False}, log
    )
    interview = Interview(ROADMAPS, MONDAY, ask=ask, today=TODAY)
    interview.ask_all()
    assert "holidays" not in [q.name for q in log]  # 4 weeks from 23 Nov end before 21 Dec
    data = questionnaire.review(interview, lambda d: None)
    assert [q.name for q in log].count("holidays") == 1
    assert data["weeks"] == 10
    assert "time_off" not in data


# ----------------------------------------------------------------- the checklist's rows


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Learn big-O notation", 40, "Learn big-O notation"),
        ("Learn big-O notation", 20, "Learn big-O notation"),
        ("Learn big-O notation", 19, "Learn big-O…"),
        ("Learn big-O notation", 12, "Learn big-O…"),
        ("Learn big-O notation", 11, "Learn…"),
        ("Learn big-O notation", 5, "…"),  # not even the first word: never a piece of one
        ("Read the guide: then ask", 17, "Read the guide…"),  # no stray ":" before "…"
        ("日本語 のタイトル", 9, "日本語…"),  # wide characters count two cells
    ],
)
def test_titles_are_cut_at_a_word(text: str, width: int, expected: str) -> None:
    from upskill.render import fit

    assert fit(text, width) == expected


def test_a_checklist_row_keeps_its_id_whole_and_says_the_part() -> None:
    from upskill.plan import Part, Task
    from upskill.render import CHECKBOX_MARGIN, checklist_label

    task = Task(
        "ml-devloop.pytorch-basics", 2, "PyTorch basics: tensors and autograd", "learn", 2.5
    )
    part = Part(1, 4, 10.0)
    wide = checklist_label(task, part, 2, 200)
    assert wide == (
        "ml-devloop.pytorch-basics  PyTorch basics: tensors and autograd (2.5 of 10 h, part 1 of 4)"
    )
    narrow = checklist_label(task, part, 2, 80)
    assert narrow == "ml-devloop.pytorch-basics  PyTorch basics… (2.5 of 10 h, part 1 of 4)"
    assert len(narrow) + CHECKBOX_MARGIN <= 80
    tiny = checklist_label(task, None, 3, 30)  # overdue from week 2, no room for a title
    assert tiny == "ml-devloop.pytorch-basics (2.5 h, week 2)"


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, EOFError, "cancelled"])
def test_ctrl_c_however_it_arrives_is_one_abort(
    interrupt: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C pressed while prompt_toolkit is still starting its event loop can arrive as that
    loop's task being cancelled rather than as KeyboardInterrupt: it is the same abort (one
    line, exit 130, nothing written), not a traceback."""
    import asyncio

    import questionary

    from upskill.errors import AbortedError

    error = asyncio.CancelledError if interrupt == "cancelled" else interrupt

    class Prompt:
        def unsafe_ask(self) -> None:
            raise error()

    monkeypatch.setattr(questionary, "text", lambda *a, **k: Prompt())
    question = Question("name", "text", "Your name (optional):", label="Name", default="")
    with pytest.raises(AbortedError, match="interrupted; nothing was written"):
        questionnaire.questionary_ask(question)
