"""The weekly review: an append-only journal (``<home>/journal.toml``), its rules and exports.

Pure: ``upskill.storage`` reads and writes the file. A review's answers come from the
questionnaire (``questionnaire.review_questions``) or from an answers file, and both go
through ``answers_from_dict``: one set of rules for either way in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from upskill.errors import DataError, key_shown
from upskill.schema import HOURS, is_date, is_number
from upskill.tomlio import file_version

SCHEMA = 1
FILE = "journal.toml"
MAX_ANSWER = 2000
MAX_REVIEWS = 100_000
# The questions, as keys: the answers file and each [[reviews]] entry use these names.
TEXT_ANSWERS = ("moved", "blocked", "question", "contact")
ANSWER_KEYS = (*TEXT_ANSWERS, "hours_next_week")
REVIEW_KEYS = ("date", "week", *ANSWER_KEYS)
# What each answer is, in the words the exports use.
LABELS = {
    "moved": "What moved",
    "blocked": "What blocked me",
    "question": "A question for a researcher",
    "contact": "One person to contact",
    "hours_next_week": "Hours I really have next week",
}
# The roadmap item a review with a question counts for.
QUESTION_JOURNAL = "research.question-journal"


@dataclass(frozen=True)
class Review:
    """One weekly review: its date, the plan week it closed, and the answers given."""

    date: dt.date
    week: int | None = None
    moved: str | None = None
    blocked: str | None = None
    question: str | None = None
    contact: str | None = None
    hours_next_week: float | int | None = None

    def answers(self) -> dict[str, Any]:
        """The answers given (blank ones left out), in question order."""
        return {k: getattr(self, k) for k in ANSWER_KEYS if getattr(self, k) is not None}

    def to_toml_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"date": self.date}
        if self.week is not None:
            row["week"] = self.week
        row.update(self.answers())
        return row

    def to_json(self) -> dict[str, Any]:
        row = self.to_toml_dict()
        row["date"] = self.date.isoformat()
        return row


@dataclass
class Journal:
    """Every review so far, oldest first; reviews are only ever added."""

    reviews: list[Review] = field(default_factory=list)
    schema: int = SCHEMA

    def to_toml_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "reviews": [r.to_toml_dict() for r in self.reviews]}

    def to_json(self) -> dict[str, Any]:
        return {"schema": self.schema, "reviews": [r.to_json() for r in self.reviews]}


def answers_from_dict(data: Any, name: str, prefix: str = "") -> dict[str, Any]:
    """Validate a review's answers (an answers file, or what was typed); blank answers drop out.

    Every problem is one DataError line ``name: key: what is wrong``.
    """

    def fail(key: str, message: str) -> DataError:
        return DataError(f"{name}: {prefix}{key}: {message}")

    if not isinstance(data, dict):
        raise DataError(f"{name}: must be a table of answers")
    out: dict[str, Any] = {}
    for key in TEXT_ANSWERS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or len(value) > MAX_ANSWER:
            raise fail(key, f'must be text of at most {MAX_ANSWER} characters, e.g. {key} = "..."')
        if any(not (ch.isprintable() or ch in "\n\t") for ch in value):
            raise fail(key, "holds control characters; write plain text")
        if value.strip():
            out[key] = value.strip()
    hours = data.get("hours_next_week")
    if hours is not None:
        if not is_number(hours) or not 0 <= hours <= HOURS[1]:
            raise fail(
                "hours_next_week",
                f"must be a number of hours from 0 to {HOURS[1]}, e.g. hours_next_week = 12",
            )
        out["hours_next_week"] = hours
    return out


def answers_file(data: dict[str, Any], name: str) -> dict[str, Any]:
    """An answers file for `upskill review --answers FILE`: only the answer keys."""
    unknown = sorted(set(data) - set(ANSWER_KEYS))
    if unknown:
        raise DataError(
            f"{name}: {key_shown(unknown[0])}: unknown key (check the spelling; the keys are "
            f"{', '.join(ANSWER_KEYS)})"
        )
    return answers_from_dict(data, name)


def journal_from_dict(data: dict[str, Any], name: str = FILE) -> Journal:
    """Validate a parsed journal.toml; every problem is one DataError line naming the key."""

    def fail(path: str, message: str) -> DataError:
        return DataError(f"{name}: {path}: {message}")

    schema = file_version(data, name, SCHEMA)
    unknown = sorted(set(data) - {"schema", "reviews"})
    if unknown:
        raise fail(key_shown(unknown[0]), "unknown key (remove it or check the spelling)")
    raw = data.get("reviews", [])
    if not isinstance(raw, list) or len(raw) > MAX_REVIEWS:
        raise fail("reviews", "must be an array of tables ([[reviews]])")
    journal = Journal(schema=schema)
    for i, row in enumerate(raw):
        where = f"reviews[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        extra = sorted(set(row) - set(REVIEW_KEYS))
        if extra:
            raise fail(
                f"{where}.{key_shown(extra[0])}",
                f"unknown key (check the spelling; the keys are {', '.join(REVIEW_KEYS)})",
            )
        date = row.get("date")
        if not is_date(date):
            raise fail(f"{where}.date", "must be a date like 2026-11-29")
        week = row.get("week")
        if week is not None and (not isinstance(week, int) or isinstance(week, bool) or week < 1):
            raise fail(f"{where}.week", "must be a week number from 1, e.g. week = 3")
        answers = answers_from_dict(row, name, prefix=f"{where}.")
        journal.reviews.append(Review(date, week, **answers))
    return journal


def count_as_question_journal(review: Review) -> bool:
    """A review that recorded a question keeps the question journal."""
    return bool(review.question)


def to_markdown(journal: Journal, title: str = "Weekly reviews") -> str:
    """The journal as Markdown: one section per review, each answer under its question."""
    from upskill.render import md_escape

    lines = [f"# {title}", ""]
    if not journal.reviews:
        lines += ["_No reviews yet._", ""]
    for r in journal.reviews:
        week = f", week {r.week}" if r.week is not None else ""
        lines += [f"## {r.date.isoformat()}{week}", ""]
        for key, value in r.answers().items():
            shown = f"{value:g}" if isinstance(value, int | float) else value
            text = "  \n  ".join(md_escape(part) for part in str(shown).splitlines())
            lines.append(f"- **{LABELS[key]}:** {text}")
        if not r.answers():
            lines.append("_No answers._")
        lines.append("")
    return "\n".join(lines)
