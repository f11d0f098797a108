"""The `upskill init` questionnaire: questions as data, asked through one seam.

``run`` walks the questions; ``ask`` is the only place that talks to the terminal (questionary,
imported lazily). Tests inject their own ``ask``; the pseudo-terminal tests drive the real one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from upskill.errors import AbortedError, DeclinedError
from upskill.schema import BACKGROUNDS, DEFAULT_ROADMAPS, HOURS, RATINGS, ROLES, SKILLS, WEEKS

BACKGROUND_LABELS = {
    "phd-or-postdoc": "PhD or postdoc (any field)",
    "grad-student": "Master's or PhD student",
    "undergrad": "Undergraduate",
    "software-engineer": "Software engineer",
    "data-scientist": "Data scientist / analyst",
    "other": "Something else",
}
ROLE_LABELS = {
    "research-engineer": "Research engineer at an AI lab",
    "research-scientist": "Research scientist",
    "ml-engineer": "ML engineer (training and shipping models)",
    "phd-applicant": "A PhD place in AI / ML",
}
SKILL_LABELS = {
    "coding": "Coding (writing programs, mostly Python)",
    "data_structures": "Data structures and algorithms",
    "statistics": "Statistics and probability",
    "ml_fundamentals": "Machine-learning fundamentals",
    "deep_learning": "Deep learning (PyTorch, transformers)",
    "interviewing": "Technical interviewing",
    "open_source": "Open-source contribution",
    "research": "Research (own questions, papers)",
    "networking": "Networking and outreach",
}


@dataclass(frozen=True)
class Question:
    """One question: how to ask it, its default, and how to turn the answer into a value."""

    name: str
    kind: str  # text | select | checkbox | confirm
    message: str
    choices: Sequence[tuple[str, Any]] = ()
    default: Any = None
    validate: Callable[[str], str | None] | None = None  # text: error message or None
    convert: Callable[[Any], Any] = field(default=lambda v: v)
    instruction: str | None = None
    label: str = ""  # short name, in the list of answers to change
    optional: bool = False  # text: "-" clears an answer offered as the default
    # A yes/no question to ask about the (converted) answer before keeping it, or None.
    confirm: Callable[[Any], str | None] | None = None

    @property
    def short(self) -> str:
        return self.label or self.message.rstrip(":?")


Ask = Callable[[Question], Any]
CLEAR = "-"  # typed at an optional question whose default is a saved answer: no answer


def _number(
    low: float, high: float, whole: bool = False, optional: bool = False
) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        text = text.strip()
        if not text and optional:
            return None
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            return f"Enter a {'whole ' if whole else ''}number from {low:g} to {high:g}"
        if not low <= value <= high or value != value:
            return f"Enter a number from {low:g} to {high:g}"
        return None

    return check


def _date(text: str) -> str | None:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return "Enter a date as YYYY-MM-DD"
    return None


def _past(today: dt.date) -> Callable[[dt.date], str | None]:
    def check(day: dt.date) -> str | None:
        if day >= today:
            return None
        days = (today - day).days
        return (
            f"{day:%a %d %b %Y} is {days} day{'s' if days != 1 else ''} ago: the weeks since "
            "then count as due, so you would start behind. Start then?"
        )

    return check


def _whole_or_float(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


def _float_or_none(text: str) -> float | None:
    return float(text) if text.strip() else None


def _tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def parse_time_off(text: str) -> list[dict[str, Any]]:
    """ "2027-03-01..2027-03-07, 2027-05-03..2027-05-16=4" as profile time_off entries."""
    out: list[dict[str, Any]] = []
    for chunk in (c.strip() for c in text.split(",")):
        if not chunk:
            continue
        span, _, hours = chunk.partition("=")
        first, sep, last = span.partition("..")
        if not sep:
            raise ValueError(f"{chunk!r}: write START..END, e.g. 2027-03-01..2027-03-07")
        start, end = dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(last.strip())
        if end < start:
            raise ValueError(f"{chunk!r}: the end comes before the start")
        entry: dict[str, Any] = {"start": start, "end": end, "hours_per_week": 0}
        if hours.strip():
            value = float(hours)
            if not 0 <= value <= HOURS[1]:
                raise ValueError(f"{chunk!r}: hours from 0 to {HOURS[1]}")
            entry["hours_per_week"] = int(value) if value.is_integer() else value
        out.append(entry)
    return out


def _time_off_problem(text: str) -> str | None:
    try:
        parse_time_off(text)
    except ValueError as exc:
        return str(exc) if "'" in str(exc) else "Enter dates as YYYY-MM-DD..YYYY-MM-DD"
    return None


def holidays_in(start: dt.date, weeks: int) -> tuple[dt.date, dt.date] | None:
    """The late-December fortnight (21 Dec - 3 Jan) if the plan's horizon crosses it."""
    end = start + dt.timedelta(days=7 * weeks - 1)
    for year in range(start.year - 1, end.year + 1):
        first, last = dt.date(year, 12, 21), dt.date(year + 1, 1, 3)
        if first <= end and last >= start:
            return first, last
    return None


def _holidays(first: dt.date, last: dt.date) -> Callable[[Any], list[dict[str, Any]]]:
    def convert(yes: Any) -> list[dict[str, Any]]:
        if not yes:
            return []
        return [{"start": first, "end": last, "hours_per_week": 0, "label": "holidays"}]

    return convert


def time_off_questions(start: dt.date, weeks: int) -> list[Question]:
    """Weeks off: the holidays are offered when the plan crosses them, then any others."""
    qs = []
    holidays = holidays_in(start, weeks)
    if holidays is not None:
        first, last = holidays
        qs.append(
            Question(
                "holidays",
                "confirm",
                f"Your plan runs over the holidays: take {first:%d %b} - {last:%d %b %Y} off?",
                label="Holidays off",
                default=True,
                convert=_holidays(first, last),
            )
        )
    qs.append(
        Question(
            "time_off",
            "text",
            "Other weeks off or lighter weeks (START..END, or START..END=HOURS for fewer "
            "hours; comma-separated; blank for none):",
            label="Other weeks off",
            optional=True,
            default="",
            validate=_time_off_problem,
            convert=parse_time_off,
        )
    )
    return qs


def questions(
    roadmaps: Sequence[tuple[str, str]],
    role: str,
    start: dt.date,
    tags: Sequence[str] = (),
    today: dt.date | None = None,
) -> list[Question]:
    """The questions after the target role is known (the roadmaps pre-ticked depend on it).

    ``roadmaps`` holds (id, title) of every loaded roadmap; ``tags`` the interest tags they
    use, offered as examples; with ``today``, a start date before it is confirmed.
    """
    default_roadmaps = DEFAULT_ROADMAPS[role]
    roadmap_ids = [rid for rid, _ in roadmaps]
    qs = [
        Question(
            "hours_per_week",
            "text",
            f"Hours per week you can give this ({HOURS[0]}-{HOURS[1]}):",
            label="Hours per week",
            default="10",
            validate=_number(*HOURS),
            convert=_whole_or_float,
        ),
        Question(
            "weeks",
            "text",
            f"Plan horizon in weeks ({WEEKS[0]}-{WEEKS[1]}):",
            label="Weeks",
            default="26",
            validate=_number(*WEEKS, whole=True),
            convert=int,
        ),
        Question(
            "start_date",
            "text",
            "Start date (YYYY-MM-DD):",
            label="Start date",
            default=start.isoformat(),
            validate=_date,
            convert=lambda v: dt.date.fromisoformat(v.strip()),
            confirm=_past(today) if today is not None else None,
        ),
        Question(
            "runway_months",
            "text",
            "Months of runway before money runs out (blank if not a concern):",
            label="Months of runway",
            optional=True,
            default="",
            validate=_number(0, 600, optional=True),
            convert=_float_or_none,
        ),
        Question(
            "roadmaps",
            "checkbox",
            "Roadmaps to include:",
            label="Roadmaps",
            choices=[(f"{rid}: {title}", rid) for rid, title in roadmaps],
            default=[r for r in default_roadmaps if r in roadmap_ids],
        ),
        Question(
            "interests",
            "text",
            "Interests, comma-separated ("
            + (f"the roadmaps know {', '.join(tags)}" if tags else "e.g. interpretability")
            + "; blank for none):",
            label="Interests",
            optional=True,
            default="",
            convert=_tags,
        ),
    ]
    for skill in SKILLS:
        qs.append(
            Question(
                f"skills.{skill}",
                "select",
                f"{SKILL_LABELS[skill]}: rate yourself",
                label=f"{SKILL_LABELS[skill].split(' (')[0]} rating",
                choices=[(label, n) for n, label in enumerate(RATINGS)],
                default=0,
            )
        )
    return qs


FIRST_QUESTIONS = [
    Question(
        "name",
        "text",
        "Your name (optional):",
        label="Name",
        optional=True,
        default="",
        convert=lambda v: v.strip() or None,
    ),
    Question(
        "background",
        "select",
        "Your background:",
        label="Background",
        choices=[(BACKGROUND_LABELS[b], b) for b in BACKGROUNDS],
        default="phd-or-postdoc",
    ),
    Question(
        "target_role",
        "select",
        "What are you aiming for?",
        label="Aiming for",
        choices=[(ROLE_LABELS[r], r) for r in ROLES],
        default="research-engineer",
    ),
]


def questionary_ask(q: Question) -> Any:
    """Ask one question on the terminal; Ctrl-C becomes AbortedError (exit 130, nothing written)."""
    import asyncio

    import questionary

    try:
        if q.kind == "text":
            # The default is shown, not pre-filled: typing "12" must give 12, not "1012".
            default = str(q.default or "")
            validate = q.validate
            clearable = q.optional and bool(default)

            def check(text: str) -> bool | str:
                if (not text.strip() and default) or (clearable and text.strip() == CLEAR):
                    return True
                return (validate(text) or True) if validate else True

            shown = f"[{default}; {CLEAR} for none]" if clearable else f"[{default}]"
            answer = questionary.text(
                q.message,
                instruction=shown if default else None,
                validate=check,
            ).unsafe_ask()
            if answer is not None and not answer.strip() and default:
                answer = default
            elif answer is not None and clearable and answer.strip() == CLEAR:
                answer = ""
        elif q.kind == "select":
            choices = [questionary.Choice(title, value) for title, value in q.choices]
            chosen = next((c for c in choices if c.value == q.default), None)
            answer = questionary.select(q.message, choices=choices, default=chosen).unsafe_ask()
        elif q.kind == "checkbox":
            answer = questionary.checkbox(
                q.message,
                choices=[
                    questionary.Choice(title, value, checked=value in (q.default or []))
                    for title, value in q.choices
                ],
                instruction=q.instruction,
            ).unsafe_ask()
        else:
            # y or n alone only chooses; Enter answers. With questionary's default (answer on
            # the key), the Enter people press after y/n out of habit lands in the next prompt
            # or in the shell.
            answer = questionary.confirm(
                q.message, default=bool(q.default), auto_enter=False
            ).unsafe_ask()
    except (KeyboardInterrupt, EOFError, asyncio.CancelledError):
        # (Ctrl-C while prompt_toolkit starts its event loop can arrive as the loop's task
        # being cancelled rather than as KeyboardInterrupt)
        raise AbortedError("interrupted; nothing was written") from None
    if answer is None:  # questionary returns None when the prompt is cancelled
        raise AbortedError("interrupted; nothing was written")
    return answer


class Interview:
    """The questionnaire: the answers so far (as typed or chosen) and the questions they lead to.

    Every question offers its answer so far as its default: a saved profile's answers on a
    re-run (``saved``), the answer given when one is asked again to change it. ``ask`` is the
    one seam to the terminal; tests pass their own.
    """

    def __init__(
        self,
        roadmaps: Sequence[tuple[str, str]],
        start: dt.date,
        *,
        ask: Ask = questionary_ask,
        tags: Sequence[str] = (),
        today: dt.date | None = None,
        saved: Mapping[str, Any] | None = None,
    ) -> None:
        self.roadmaps, self.start, self.ask = roadmaps, start, ask
        self.tags, self.today = tags, today
        self.answers: dict[str, Any] = saved_answers(saved) if saved else {}
        # What no question asks (buffer_percent) and the labels of saved weeks off are kept.
        self.kept = {k: saved[k] for k in ("buffer_percent",) if saved and k in saved}
        self.labels = {
            (t["start"], t["end"], t.get("hours_per_week", 0)): t["label"]
            for t in (saved or {}).get("time_off", [])
            if t.get("label") and t.get("label") != "holidays"
        }

    def questions(self) -> list[Question]:
        """Every question, in order, for the answers so far (the role and dates shape them)."""
        role = self.answers.get("target_role", FIRST_QUESTIONS[2].default)
        later = questions(self.roadmaps, role, self.start, self.tags, self.today)
        start = self._value("start_date", later) or self.start
        weeks = self._value("weeks", later) or int(_named(later, "weeks").default)
        return [*FIRST_QUESTIONS, *later, *time_off_questions(start, int(weeks))]

    def _value(self, name: str, qs: Sequence[Question]) -> Any:
        return _named(qs, name).convert(self.answers[name]) if name in self.answers else None

    def ask_all(self) -> None:
        """Ask every question once (each offering the saved answer, if any, as its default)."""
        asked: set[str] = set()
        while True:
            pending = [q for q in self.questions() if q.name not in asked]
            if not pending:
                return
            self.ask_one(pending[0].name)
            asked.add(pending[0].name)

    def ask_one(self, name: str) -> None:
        """Ask question ``name`` (its default: the answer so far); confirm it if it says so."""
        base = _named(self.questions(), name)
        q = replace(base, default=self.answers[name]) if name in self.answers else base
        while True:
            answer = self.ask(q)
            problem = q.confirm(q.convert(answer)) if q.confirm else None
            if problem is None or self.ask(
                Question(f"{name}.confirm", "confirm", problem, default=False)
            ):
                self.answers[name] = answer
                return
            q = replace(base)  # asked again: offer the usual default, not the refused answer

    def change(self, name: str) -> None:
        """Ask one question again, and those that follow from it (roadmaps, weeks off)."""
        before = dict(self.answers)
        self.ask_one(name)
        if name == "target_role" and self.answers[name] != before.get(name):
            self.answers.pop("roadmaps", None)  # offered afresh, pre-ticked for the new role
            self.ask_one("roadmaps")
        if name in ("start_date", "weeks") and self.answers[name] != before.get(name):
            for q in self.questions():
                if q.name in ("holidays", "time_off"):
                    self.ask_one(q.name)

    def choices(self) -> list[tuple[str, str]]:
        """(label with the answer so far, question name) of every question, for a select."""
        out = []
        for q in self.questions():
            if q.name in self.answers:
                out.append((f"{q.short}: {shown(q, self.answers[q.name])}", q.name))
        return out

    def data(self) -> dict[str, Any]:
        """The profile data of the answers (not yet validated)."""
        data: dict[str, Any] = dict(self.kept)
        skills: dict[str, int] = {}
        time_off: list[dict[str, Any]] = []
        for q in self.questions():
            if q.name not in self.answers:
                continue
            value = q.convert(self.answers[q.name])
            if q.name.startswith("skills."):
                skills[q.name.split(".", 1)[1]] = int(value)
            elif q.name in ("holidays", "time_off"):
                time_off.extend(value)
            elif value is not None:
                data[q.name] = value
        for entry in time_off:
            key = (entry["start"], entry["end"], entry["hours_per_week"])
            if "label" not in entry and key in self.labels:
                entry["label"] = self.labels[key]
        if time_off:
            data["time_off"] = time_off
        data["skills"] = skills
        return data


def _named(qs: Sequence[Question], name: str) -> Question:
    return next(q for q in qs if q.name == name)


CANCEL = ":cancel"


def review(interview: Interview, show: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """Show the answers and ask to save; "no" picks one answer to change, then shows them again.

    Only an explicit "cancel" throws the answers away (DeclinedError: exit 1, nothing written).
    """
    while True:
        data = interview.data()
        show(data)
        if interview.ask(
            Question("save", "confirm", "Save this profile and build the plan?", default=True)
        ):
            return data
        choice = interview.ask(
            Question(
                "change",
                "select",
                "Which answer do you want to change?",
                choices=[*interview.choices(), ("Cancel: keep nothing, write nothing", CANCEL)],
            )
        )
        if choice == CANCEL:
            raise DeclinedError("Cancelled; nothing was written.")
        interview.change(choice)


def run(
    roadmaps: Sequence[tuple[str, str]],
    today_start: dt.date,
    ask: Ask = questionary_ask,
    tags: Sequence[str] = (),
) -> dict[str, Any]:
    """Ask every question and return the profile data (not yet validated)."""
    interview = Interview(roadmaps, today_start, ask=ask, tags=tags)
    interview.ask_all()
    return interview.data()


def shown(q: Question, answer: Any) -> str:
    """An answer as the person gave it, in words: the choice's title, Yes/No, or the text."""
    if q.kind == "select":
        title = next((t for t, v in q.choices if v == answer), str(answer))
        return title.split(":")[0] if q.name.startswith("skills.") else title
    if q.kind == "checkbox":
        return ", ".join(map(str, answer)) or "(none)"
    if q.kind == "confirm":
        return "Yes" if answer else "No"
    return str(answer).strip() or "(none)"


def saved_answers(profile: Mapping[str, Any]) -> dict[str, Any]:
    """A profile's data (profile.toml) as the answers that would give it: a re-run's defaults."""

    def text(value: Any) -> str:
        return f"{value:.15g}" if isinstance(value, float) else str(value)

    out: dict[str, Any] = {}
    for key in ("background", "target_role"):
        if key in profile:
            out[key] = profile[key]
    out["name"] = profile.get("name") or ""
    for key in ("hours_per_week", "weeks"):
        if key in profile:
            out[key] = text(profile[key])
    if isinstance(profile.get("start_date"), dt.date):
        out["start_date"] = profile["start_date"].isoformat()
    runway = profile.get("runway_months")
    out["runway_months"] = text(runway) if runway is not None else ""
    if profile.get("roadmaps"):
        out["roadmaps"] = list(profile["roadmaps"])
    out["interests"] = ", ".join(profile.get("interests", []))
    for skill in SKILLS:
        out[f"skills.{skill}"] = int(profile.get("skills", {}).get(skill, 0))
    off = list(profile.get("time_off", []))
    holidays = [t for t in off if t.get("label") == "holidays"]
    start, weeks = profile.get("start_date"), profile.get("weeks")
    if holidays:
        out["holidays"] = True
    elif isinstance(start, dt.date) and isinstance(weeks, int) and holidays_in(start, weeks):
        out["holidays"] = False  # asked before, and the answer was no
    out["time_off"] = ", ".join(
        f"{t['start'].isoformat()}..{t['end'].isoformat()}"
        + (f"={text(t['hours_per_week'])}" if t.get("hours_per_week") else "")
        for t in off
        if t.get("label") != "holidays"
    )
    return out


def confirm(message: str, ask: Ask = questionary_ask, default: bool = True) -> bool:
    return bool(ask(Question("confirm", "confirm", message, default=default)))


# ------------------------------------------------------------------ the weekly review

REVIEW_MESSAGES = {
    "moved": "What moved this week?",
    "blocked": "What blocked you?",
    "question": "A question you would ask a researcher (blank: none this week):",
    "contact": "One person to contact next (blank: no one):",
    "hours_next_week": "Hours you really have next week (0-80):",
}


def review_questions(hours_default: float | None = None) -> list[Question]:
    """The weekly review's questions; the hours default to what next week has in the plan."""
    default = f"{hours_default:g}" if hours_default is not None else ""
    texts = [
        Question(key, "text", REVIEW_MESSAGES[key], default="")
        for key in ("moved", "blocked", "question", "contact")
    ]
    hours = Question(
        "hours_next_week",
        "text",
        REVIEW_MESSAGES["hours_next_week"],
        default=default,
        validate=_number(0, HOURS[1], optional=True),
        convert=lambda v: _whole_or_float(v) if v.strip() else None,
    )
    return [*texts, hours]


def run_review(ask: Ask = questionary_ask, hours_default: float | None = None) -> dict[str, Any]:
    """Ask the review's questions; blank answers are left out (not yet validated)."""
    data: dict[str, Any] = {}
    for q in review_questions(hours_default):
        value = q.convert(ask(q))
        if value is not None and value != "":
            data[q.name] = value
    return data
