"""The people you reach: an outreach log (``<home>/people.toml``), its rules and its numbers.

Pure: the file is read and written by ``upskill.storage``; this module validates what was read,
changes the log in memory and counts. The log is private: it names people, so it is kept only
in the home folder (mode 0600) and never goes into a portfolio.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from upskill.errors import DataError, UnknownPersonError, UsageError, key_shown
from upskill.schema import is_date
from upskill.tomlio import file_version

SCHEMA = 1
FILE = "people.toml"
HOW = ("email", "dm", "event", "intro", "other")
# A message without an answer is worth one short follow-up after this many days...
FOLLOW_UP_AFTER_DAYS = 7
# ...and after this many unanswered follow-ups, the log stops reminding you: let it rest.
MAX_FOLLOW_UPS = 2
MAX_NAME = 200
MAX_TEXT = 2000
MAX_PEOPLE = 10_000
MAX_DATES = 1000
_PERSON_KEYS = ("name", "org", "how", "about", "messages", "replies", "tasks")
_TOP_KEYS = ("schema", "people")


@dataclass
class Person:
    """Someone you wrote to: who, where, how, about what, and when you wrote and they replied."""

    name: str
    org: str
    how: str
    about: str
    messages: list[dt.date]  # the first message, then each follow-up
    replies: list[dt.date] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)  # the outreach tasks that covered them

    @property
    def key(self) -> str:
        return name_key(self.name)

    def unanswered(self) -> list[dt.date]:
        """The messages since their last reply (all of them if they never replied)."""
        last_reply = max(self.replies, default=None)
        return sorted(d for d in self.messages if last_reply is None or d > last_reply)

    def follow_up_due(self) -> dt.date | None:
        """When a follow-up is due (a week after an unanswered message), or None.

        None when they answered your last message, or when you have already followed up
        MAX_FOLLOW_UPS times without an answer.
        """
        waiting = self.unanswered()
        if not waiting or len(waiting) > MAX_FOLLOW_UPS:
            return None
        return waiting[-1] + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS)

    def status(self, today: dt.date) -> str:
        """``replied``, ``waiting``, ``follow-up due`` or ``resting`` (no answer, let it be)."""
        waiting = self.unanswered()
        if not waiting:
            return "replied"
        due = self.follow_up_due()
        if due is None:
            return "resting"
        return "follow-up due" if due <= today else "waiting"

    def to_toml_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "name": self.name,
            "org": self.org,
            "how": self.how,
            "about": self.about,
            "messages": list(self.messages),
        }
        if self.replies:
            row["replies"] = list(self.replies)
        if self.tasks:
            row["tasks"] = list(self.tasks)
        return row

    def to_json(self, today: dt.date) -> dict[str, Any]:
        due = self.follow_up_due()
        return {
            "name": self.name,
            "org": self.org,
            "how": self.how,
            "about": self.about,
            "messages": [d.isoformat() for d in self.messages],
            "replies": [d.isoformat() for d in self.replies],
            "tasks": list(self.tasks),
            "status": self.status(today),
            "follow_up_due": due.isoformat() if due is not None else None,
        }


def name_key(name: str) -> str:
    """Names are matched without regard to case or surrounding blanks."""
    return " ".join(name.split()).casefold()


@dataclass
class PeopleLog:
    """Everyone in the outreach log, in the order they were added."""

    people: list[Person] = field(default_factory=list)
    schema: int = SCHEMA

    def find(self, name: str) -> Person:
        """The person called ``name``; an unknown name fails, with the closest names."""
        key = name_key(name)
        for p in self.people:
            if p.key == key:
                return p
        import difflib

        names = [p.name for p in self.people]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else "; `upskill people list` shows who is there"
        )
        raise UnknownPersonError(
            f"unknown person {name!r}: not in your outreach log{hint} "
            "(add someone with `upskill people add NAME --org ORG --how HOW --about TEXT`)"
        )

    def add(self, person: Person) -> None:
        if any(p.key == person.key for p in self.people):
            raise UsageError(
                f"{person.name!r} is already in your outreach log; to record another message "
                f"use `upskill people follow-up {person.name!r}`"
            )
        self.people.append(person)

    def to_toml_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "people": [p.to_toml_dict() for p in self.people]}


def due(log: PeopleLog, today: dt.date) -> list[tuple[Person, dt.date]]:
    """The follow-ups due on ``today`` (or overdue), earliest first."""
    out = []
    for p in log.people:
        when = p.follow_up_due()
        if when is not None and when <= today:
            out.append((p, when))
    out.sort(key=lambda pair: (pair[1], pair[0].key))
    return out


def totals(log: PeopleLog) -> dict[str, Any]:
    """Messages sent, people written to, replies, and the share of people who replied."""
    contacted = len(log.people)
    replied = sum(1 for p in log.people if p.replies)
    return {
        "people_contacted": contacted,
        "messages_sent": sum(len(p.messages) for p in log.people),
        "replies": sum(len(p.replies) for p in log.people),
        "people_replied": replied,
        "reply_rate": round(replied / contacted, 2) if contacted else None,
    }


def to_json(log: PeopleLog, today: dt.date) -> dict[str, Any]:
    """`upskill people list --format json`."""
    return {
        "today": today.isoformat(),
        **totals(log),
        "follow_up_after_days": FOLLOW_UP_AFTER_DAYS,
        "follow_ups_due": [
            {"name": p.name, "due": when.isoformat()} for p, when in due(log, today)
        ],
        "people": [p.to_json(today) for p in log.people],
    }


# ------------------------------------------------------------------ reading the file


def log_from_dict(data: dict[str, Any], name: str = FILE) -> PeopleLog:
    """Validate a parsed people.toml; every problem is one DataError line naming the key."""

    def fail(path: str, message: str) -> DataError:
        return DataError(f"{name}: {path}: {message}")

    schema = file_version(data, name, SCHEMA)
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise fail(key_shown(unknown[0]), "unknown key (remove it or check the spelling)")
    raw = data.get("people", [])
    if not isinstance(raw, list) or len(raw) > MAX_PEOPLE:
        raise fail("people", "must be an array of tables ([[people]])")
    log = PeopleLog(schema=schema)
    for i, row in enumerate(raw):
        where = f"people[{i}]"
        if not isinstance(row, dict):
            raise fail(where, "must be a table")
        if isinstance(row.get("name"), str) and row["name"].isprintable():
            where += f" ({row['name']})"
        extra = sorted(set(row) - set(_PERSON_KEYS))
        if extra:
            raise fail(
                f"{where}.{key_shown(extra[0])}",
                f"unknown key (remove it or check the spelling; the keys are "
                f"{', '.join(_PERSON_KEYS)})",
            )
        person_name = row.get("name")
        if not is_text(person_name, MAX_NAME) or not person_name:
            raise fail(f"{where}.name", 'must be a name on one line, e.g. name = "Ana Ruiz"')
        for key, example in (("org", '"Example Lab"'), ("about", '"her paper on probes"')):
            if not is_text(row.get(key), MAX_TEXT):
                raise fail(f"{where}.{key}", f"must be text on one line, e.g. {key} = {example}")
        if row.get("how") not in HOW:
            raise fail(f"{where}.how", f"must be one of {', '.join(HOW)}")
        messages = row.get("messages")
        if not _dates(messages) or not messages:
            raise fail(
                f"{where}.messages",
                "must be a list of the dates you wrote to them (the first message, then each "
                "follow-up), e.g. messages = [2026-11-30]",
            )
        replies = row.get("replies", [])
        if not _dates(replies):
            raise fail(f"{where}.replies", "must be a list of dates, e.g. replies = [2026-12-02]")
        if replies and min(replies) < min(messages):
            raise fail(
                f"{where}.replies",
                f"a reply on {min(replies).isoformat()} comes before your first message "
                f"({min(messages).isoformat()})",
            )
        tasks = row.get("tasks", [])
        if not isinstance(tasks, list) or not all(is_text(t, 200) and t for t in tasks):
            raise fail(
                f"{where}.tasks",
                'must be a list of task ids, e.g. tasks = ["network.first-outreach"]',
            )
        person = Person(
            person_name,
            row["org"],
            row["how"],
            row["about"],
            sorted(messages),
            sorted(replies),
            list(tasks),
        )
        if any(p.key == person.key for p in log.people):
            raise fail(f"{where}.name", f"{person_name!r} appears twice; merge the two entries")
        log.people.append(person)
    return log


def is_text(value: Any, limit: int) -> bool:
    """Text on one line (no control characters), at most ``limit`` characters."""
    return isinstance(value, str) and len(value) <= limit and value.isprintable()


def _dates(value: Any) -> bool:
    return isinstance(value, list) and len(value) <= MAX_DATES and all(is_date(d) for d in value)
