"""A record of the journey, end to end: eight simulated weeks of the example postdoc.

The installed console script runs in a subprocess against files on a real disk, with
``UPSKILL_TODAY`` moving through the weeks: checks with evidence, notes and real hours, two
weekly reviews (one from an answers file, one typed in a pseudo-terminal), five people written
to with replies and follow-ups, a replan with the learned pace, and a portfolio whose Markdown
and JSON hold exactly what was recorded. The walk reads the plan it is given (which tasks fall
in which week) rather than assuming one, so it follows changes to the roadmaps.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, upskill_exe
from tests.conftest import run_here as run
from upskill.render import md_escape

START = dt.date(2026, 11, 23)  # the template plan's first Monday
PACE = 1.5  # the postdoc takes half as long again as the estimates on one roadmap
REPO = "https://github.com/sam-postdoc/journey"


def saturday(week: int) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1) + 5)


class Walk:
    """The person: runs upskill on a given day and keeps its own account of what it recorded."""

    def __init__(self, home: Path, folder: Path) -> None:
        self.home = home
        self.folder = folder  # where relative evidence paths are given from
        self.today = START
        # task id: what was recorded on it, as the portfolio must show it
        self.recorded: dict[str, dict[str, Any]] = {}
        self.commits = 0
        self.timed = self._busiest_roadmap()
        self.keep_open: set[str] = set()  # tasks the person finishes on their own, later

    def _busiest_roadmap(self) -> str:
        """The roadmap with the most one-off tasks in the first weeks: its work is timed (the
        person records real hours there), so that a pace shows by week 4."""
        counts: dict[str, int] = {}
        for t in self.plan()["tasks"]:
            if t["week"] <= 4 and "@" not in t["id"] and t["kind"] != "network":
                roadmap = t["id"].split(".", 1)[0]
                counts[roadmap] = counts.get(roadmap, 0) + 1
        return max(sorted(counts), key=lambda r: counts[r])

    def on(self, day: dt.date) -> Walk:
        self.today = day
        return self

    def run(self, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
        result = run(*args, env={"UPSKILL_TODAY": self.today.isoformat()}, cwd=self.folder)
        assert result.returncode == code, (args, result.stdout, result.stderr)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--format", "json").stdout)

    def plan(self) -> dict[str, Any]:
        return tomllib.loads((self.home / "plan.toml").read_text(encoding="utf-8"))

    def tasks(self) -> list[dict[str, Any]]:
        return list(self.plan()["tasks"])

    def todo_in(self, week: int) -> list[dict[str, Any]]:
        """The to-do tasks of a week, a split task once (its first part)."""
        seen: dict[str, dict[str, Any]] = {}
        for t in self.tasks():
            if t["week"] == week and t["status"] == "todo":
                seen.setdefault(t["id"], t)
        return list(seen.values())

    def estimate(self, task_id: str) -> float:
        return sum(t["hours"] for t in self.tasks() if t["id"] == task_id)

    def entry(self, task_id: str) -> dict[str, Any]:
        return self.recorded.setdefault(
            task_id, {"evidence": [], "spent_hours": None, "note": None}
        )

    def check(
        self,
        task_id: str,
        *,
        evidence: tuple[str, ...] | list[str] = (),
        stored: list[str] | None = None,
        note: str | None = None,
        hours: float | None = None,
        extra: tuple[str, ...] = (),
    ) -> subprocess.CompletedProcess[str]:
        args = ["check", task_id, *extra]
        for ref in evidence:
            args += ["--evidence", ref]
        if note is not None:
            args += ["--note", note]
        if hours is not None:
            args += ["--hours", f"{hours:g}"]
        result = self.run(*args)
        if evidence or note or hours is not None:
            entry = self.entry(task_id)
            entry["evidence"] += stored if stored is not None else list(evidence)
            if note is not None:
                entry["note"] = f"{entry['note']}\n{note}" if entry["note"] else note
            if hours is not None:
                entry["spent_hours"] = hours
        return result

    def work_through(self, week: int, leave: int = 0) -> list[str]:
        """Check the week's tasks the way this person does, leaving the last ``leave`` to do.

        The timed roadmap's work gets a commit link and its real hours (PACE times the estimate); the
        rest of the week is ticked off in one go. Returns the ids left to do.
        """
        todo = [t for t in self.todo_in(week) if t["id"] not in self.keep_open]
        left = [t["id"] for t in todo[len(todo) - leave :]] if leave else []
        plain = []
        for t in todo:
            tid = t["id"]
            if tid in left or "@" in tid:
                if tid not in left:
                    plain.append(tid)
                continue
            if t["id"].startswith(f"{self.timed}.") and t["kind"] != "network":
                self.commits += 1
                self.check(
                    tid,
                    evidence=[f"{REPO}/commit/{self.commits:04d}"],
                    hours=round(self.estimate(tid) * PACE, 2),
                    note=f"week {week}: slower than the estimate" if week in (1, 3) else None,
                )
            else:
                plain.append(tid)
        if plain:
            self.run("check", *plain)
        return left


def people_json(walk: Walk) -> dict[str, Any]:
    data: dict[str, Any] = walk.json("people", "list")
    return data


def follow_ups_in_plan(walk: Walk) -> set[str]:
    """The names under "Follow-ups due" in `upskill plan`'s view of this week."""
    text = walk.run("plan").stdout
    if "Follow-ups due" not in text:
        return set()
    block = text.split("Follow-ups due", 1)[1].split("Next week:", 1)[0]
    return {m.group(1) for m in re.finditer(r"^  (.+?) \(", block, re.MULTILINE)}


def ml_todo_hours(walk: Walk) -> tuple[float, list[float | None]]:
    """The timed roadmap's work still to do (placed or not fitting), recurring aside: total
    hours and the scaled_by each row carries."""
    plan = walk.plan()
    mine = f"{walk.timed}."
    rows = [
        t
        for t in plan["tasks"]
        if t["id"].startswith(mine) and t["status"] == "todo" and "@" not in t["id"]
    ]
    rows += [u for u in plan["unscheduled"] if u["id"].startswith(mine) and "@" not in u["id"]]
    return round(sum(r["hours"] for r in rows), 2), [r.get("scaled_by") for r in rows]


def done_records(walk: Walk) -> dict[str, dict[str, Any]]:
    """Every done task's record as plan.toml holds it, split parts merged."""
    out: dict[str, dict[str, Any]] = {}
    for t in walk.tasks():
        if t["status"] != "done":
            continue
        r = out.setdefault(
            t["id"], {"done_on": t["done_on"], "evidence": [], "spent_hours": None, "note": None}
        )
        r["evidence"] += t.get("evidence", [])
        if "spent_hours" in t:
            r["spent_hours"] = t["spent_hours"]
        if "note" in t:
            r["note"] = t["note"]
    return out


def review_in_a_terminal(walk: Walk, answers: list[str]) -> str:
    """Answer `upskill review` in a pseudo-terminal; return what it printed."""
    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    env["UPSKILL_TODAY"] = walk.today.isoformat()
    child = pexpect.spawn(
        upskill_exe(),
        ["review"],
        env=env,
        dimensions=(40, 120),
        timeout=20,
        encoding="utf-8",
        codec_errors="replace",
    )
    try:
        for message, answer in zip(REVIEW_PROMPTS, answers, strict=True):
            child.expect(re.escape(message[:30]))
            child.send(answer + "\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


REVIEW_PROMPTS = [
    "What moved this week?",
    "What blocked you?",
    "A question you would ask a researcher",
    "One person to contact next",
    "Hours you really have next week",
]


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty")
@pytest.mark.slow
def test_eight_weeks_of_a_journey(planned: Path, tmp_path: Path) -> None:
    walk = Walk(planned, tmp_path)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "stats-by-hand.md").write_text("# worked exercises\n", encoding="utf-8")

    # ---------------------------------------------------------------- week 1
    walk.on(saturday(1))
    first = next(t["id"] for t in walk.todo_in(1) if not t["id"].startswith(f"{walk.timed}."))
    walk.check(
        first,
        evidence=["notes/stats-by-hand.md"],  # relative to where the command runs
        stored=[str(notes / "stats-by-hand.md")],
        note="set up the log on day one",
    )
    walk.work_through(1)
    pace = json.loads(walk.run("status", "--format", "json").stdout)["pace"]
    assert all(p["ratio"] is None for p in pace.values()), "one timed task is not a pace yet"

    # ---------------------------------------------------------------- week 2: first messages
    walk.on(saturday(2))
    walk.run("people", "add", "Ana Ruiz", "--org", "Example Lab", "--how", "email",
             "--about", "her probing paper", "--on", "2026-12-01")  # fmt: skip
    walk.run("people", "add", "Ben Okafor", "--org", "Open Models", "--how", "dm",
             "--about", "a first issue in their repo", "--on", "2026-12-02")  # fmt: skip
    outreach = next(t for w in (1, 2, 3, 4) for t in walk.todo_in(w) if t["kind"] == "network")
    said = walk.run(
        "check", outreach["id"], "--person", "ana ruiz", "--person", "Ben Okafor"
    ).stdout
    assert f"Logged as covered by {outreach['id']}: Ana Ruiz, Ben Okafor" in said
    walk.run("people", "reply", "Ana Ruiz", "--on", "2026-12-04")
    walk.work_through(2)
    answers = tmp_path / "review-week-2.toml"
    answers.write_text(
        'moved = "Stats refresher and PyTorch basics done"\n'
        'blocked = "A CUDA driver mismatch on the cluster"\n'
        'question = "Why do linear probes find features the model never uses?"\n'
        'contact = "Cy Marsh, who wrote the probing survey"\n'
        "hours_next_week = 12\n",
        encoding="utf-8",
    )
    said = walk.run("review", "--answers", str(answers)).stdout
    assert "Saved your review of week 2" in said

    # ---------------------------------------------------------------- week 3: follow-ups
    walk.on(saturday(3))
    assert follow_ups_in_plan(walk) == {
        "Ben Okafor"
    }  # a week after his message, no answer; Ana replied
    plan_keys = set(walk.json("plan", "--week", "3"))
    assert plan_keys == {"schema", "profile", "weeks", "unscheduled"}  # the json is unchanged
    walk.run("people", "follow-up", "Ben Okafor")
    assert follow_ups_in_plan(walk) == set()
    for name, org, day in (
        ("Cy Marsh", "Probing Group", "2026-12-07"),
        ("Dee Patel", "Eval Startup", "2026-12-08"),
        ("Eve Lindqvist", "University Lab", "2026-12-08"),
    ):
        walk.run("people", "add", name, "--org", org, "--how", "email",
                 "--about", "a question from my journal", "--on", day)  # fmt: skip
    overdue = walk.work_through(3, leave=1)

    # ---------------------------------------------------------------- week 4: an application
    walk.on(saturday(4))
    walk.run("people", "reply", "Cy Marsh", "--on", "2026-12-15")
    assert follow_ups_in_plan(walk) == {"Ben Okafor", "Dee Patel", "Eve Lindqvist"}
    walk.run("people", "follow-up", "Dee Patel")
    application = next(t for t in walk.tasks() if t["kind"] == "apply" and t["status"] == "todo")
    applied_on = "2026-12-16"
    walk.check(
        application["id"],
        evidence=["https://jobs.example.org/applications/1234"],
        note="applied early to one lab",
        extra=("--on", applied_on),
    )
    walk.recorded[application["id"]]["applied"] = True
    # Started but not finished: the evidence stays on the task while it is to do again.
    unfinished = walk.todo_in(4)[-1]["id"]
    walk.check(unfinished, evidence=[f"{REPO}/tree/wip"])
    walk.run("check", unfinished, "--undo", "--note", "half done; finish after the holidays")
    walk.entry(unfinished)["note"] = "half done; finish after the holidays"
    walk.keep_open.add(unfinished)
    walk.work_through(4, leave=1)

    summary = walk.json("check")
    pace = summary["pace"][walk.timed]
    assert pace["tasks"] >= 3
    assert pace["ratio"] == PACE
    assert pace["scale"] == PACE
    assert all(p["ratio"] is None for r, p in summary["pace"].items() if r != walk.timed)
    status = walk.run("status").stdout
    assert f"you take about 1.5× the estimate on {walk.timed}" in status
    assert "upskill replan --pace" in status

    printed = review_in_a_terminal(
        walk,
        [
            "Loss curves finally make sense",
            "Holiday travel ahead",
            "What would you measure first in a new eval?",
            "Dee Patel again after the holidays",
            "",  # Enter: the default, next week's hours in the plan (a week off: 0)
        ],
    )
    assert "Saved your review of week 4" in printed
    reviews = json.loads(walk.run("review", "--export", "json").stdout)["reviews"]
    assert [r["week"] for r in reviews] == [2, 4]
    assert reviews[1]["hours_next_week"] == 0
    assert reviews[1]["question"] == "What would you measure first in a new eval?"
    listed = walk.run("review", "--list").stdout
    assert "2026-12-05" in listed
    assert "2026-12-19" in listed

    # ---------------------------------------------------------------- weeks 5-6: holidays
    # ---------------------------------------------------------------- week 7: replan, paced
    walk.on(START + dt.timedelta(weeks=6))  # Monday of week 7
    before_done = done_records(walk)
    before_hours, before_scales = ml_todo_hours(walk)
    assert set(before_scales) == {None}
    said = walk.run("replan", "--yes", "--pace").stdout
    assert "Your pace scales the estimates of what is left:" in said
    assert f"{walk.timed}: x1.5" in said
    after_hours, after_scales = ml_todo_hours(walk)
    assert after_hours == pytest.approx(before_hours * PACE, abs=0.01 * len(after_scales))
    assert set(after_scales) == {PACE}
    assert done_records(walk) == before_done, "done work stays exactly as it was"
    moved = [t for t in walk.tasks() if t["id"] == unfinished]
    assert min(t["week"] for t in moved) >= 7
    assert moved[0]["evidence"] == [f"{REPO}/tree/wip"]
    assert moved[0]["note"] == "half done; finish after the holidays"
    walk.run("replan", "--yes", "--pace")
    assert ml_todo_hours(walk)[0] == pytest.approx(after_hours, abs=0.01 * len(after_scales)), (
        "a second --pace must not scale the estimates again"
    )
    walk.on(saturday(7))
    walk.run("people", "reply", "Ben Okafor", "--on", "2027-01-06")
    walk.work_through(7)

    # ---------------------------------------------------------------- week 8
    walk.on(saturday(8))
    walk.work_through(8)
    walk.check(unfinished, evidence=[f"{REPO}/pull/42"], hours=9)
    for tid in overdue:
        walk.run("check", tid)

    # ---------------------------------------------------------------- the record
    walk.on(START + dt.timedelta(weeks=8, days=-1))  # Sunday, end of week 8
    log = people_json(walk)
    assert {
        k: log[k] for k in ("people_contacted", "messages_sent", "replies", "people_replied")
    } == {
        "people_contacted": 5,
        "messages_sent": 7,
        "replies": 3,
        "people_replied": 3,
    }
    assert log["reply_rate"] == 0.6
    # Eve never heard again since 8 Dec; Dee has not answered the follow-up of 19 Dec either.
    assert [(f["name"], f["due"]) for f in log["follow_ups_due"]] == [
        ("Eve Lindqvist", "2026-12-15"),
        ("Dee Patel", "2026-12-26"),
    ]
    covered = {p["name"]: p["tasks"] for p in log["people"]}
    assert covered["Ana Ruiz"] == covered["Ben Okafor"] == [outreach["id"]]
    for path in ("people.toml", "journal.toml"):
        assert stat.S_IMODE((planned / path).stat().st_mode) == 0o600

    data = walk.json("portfolio")
    _portfolio_holds_what_was_recorded(walk, data, application["id"], applied_on)
    markdown = walk.run("portfolio", "--format", "markdown").stdout
    _markdown_holds_what_was_recorded(walk, data, markdown, applied_on)
    for name in ("Ana Ruiz", "Ben Okafor", "Dee Patel", "Eve Lindqvist", "Example Lab"):
        assert name not in markdown, "the log stays private"
        assert name not in json.dumps(data), "the log stays private"
    page = tmp_path / "portfolio.html"
    said = walk.run("portfolio", "--format", "html", "-o", str(page))
    assert said.stderr == f"Wrote {page}\n"
    html = page.read_text(encoding="utf-8")
    assert f'<a href="{REPO}/pull/42" rel="noopener noreferrer">' in html
    assert f"Since your application on {applied_on}:" in html
    (tmp_path / "portfolio.md").write_text(markdown, encoding="utf-8")  # for a person to read

    # The same record in the exports and in explain.
    exported = json.loads(walk.run("export", "--format", "json").stdout)
    rows = {t["id"]: t for w in exported["weeks"] for t in w["tasks"] if "evidence" in t}
    assert rows[unfinished]["evidence"] == [f"{REPO}/tree/wip", f"{REPO}/pull/42"]
    assert rows[unfinished]["spent_hours"] == 9
    assert f"  - Evidence: <{REPO}/pull/42>" in walk.run("export", "--format", "markdown").stdout
    calendar = walk.run("export", "--format", "ics").stdout.replace("\n ", "")  # unfolded
    assert f"evidence: {REPO}/pull/42" in calendar
    explained = walk.run("explain", unfinished).stdout
    assert f"Evidence: {REPO}/pull/42" in explained
    assert "took 9 h against an estimate of" in explained
    assert "note: half done; finish after the holidays" in explained


def _portfolio_holds_what_was_recorded(
    walk: Walk, data: dict[str, Any], application: str, applied_on: str
) -> None:
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(walk.home)
    shown: dict[str, dict[str, Any]] = {}
    for group in data["skills"]:
        for roadmap in group["roadmaps"]:
            for t in roadmap["tasks"]:
                assert t["id"] not in shown, f"{t['id']} shown twice"
                item = catalog.items[t["id"].split("@", 1)[0]]
                assert group["skill"] == item.skill, t["id"]
                assert roadmap["roadmap"] == t["id"].split(".", 1)[0]
                shown[t["id"]] = t
    done = done_records(walk)
    assert set(shown) == set(done), "every done task, and nothing else"
    for tid, t in shown.items():
        mine = walk.recorded.get(tid, {"evidence": [], "spent_hours": None, "note": None})
        assert t["evidence"] == mine["evidence"], tid
        assert t["spent_hours"] == mine["spent_hours"], tid
        assert t["note"] == mine["note"], tid
        assert t["done_on"] == done[tid]["done_on"].isoformat(), tid
    assert data["application"] == {
        "id": application,
        "title": next(t["title"] for t in walk.tasks() if t["id"] == application),
        "done_on": applied_on,
    }
    assert {m["id"] for m in data["milestones"]} >= {application}
    since = data["since_application"]
    assert since["date"] == applied_on
    assert set(since["tasks"]) == {
        tid for tid, r in done.items() if r["done_on"] > dt.date.fromisoformat(applied_on)
    }
    assert data["totals"]["evidence"] == sum(len(r["evidence"]) for r in walk.recorded.values())
    assert data["totals"]["tasks_done"] == len(done)
    weeks = data["weeks"]
    assert [w["week"] for w in weeks] == list(range(1, 9))
    assert weeks[-1]["cumulative_done_hours"] == pytest.approx(data["totals"]["hours_done"])
    assert weeks[4]["done_hours"] == weeks[5]["done_hours"] == 0  # the holidays
    assert data["outreach"]["people_replied"] == 3


def _markdown_holds_what_was_recorded(
    walk: Walk, data: dict[str, Any], markdown: str, applied_on: str
) -> None:
    assert f"**Since your application on {applied_on}:**" in markdown
    for tid, mine in walk.recorded.items():
        for ref in mine["evidence"]:
            shown = f"<{ref}>" if ref.startswith("https://") else f"`{ref}`"
            assert f"  - Evidence: {shown}" in markdown, ref
        for line in (mine["note"] or "").splitlines():
            assert f"  - Note: {md_escape(line)}" in markdown, line
        if mine["spent_hours"] is not None:
            assert re.search(
                rf"\(`{re.escape(tid)}`\), done [-0-9]+, [0-9.]+ h planned, took "
                rf"{mine['spent_hours']:g} h",
                markdown,
            ), tid
    evidence_lines = [line for line in markdown.splitlines() if "- Evidence:" in line]
    assert len(evidence_lines) == data["totals"]["evidence"], "no evidence that was not recorded"


# ------------------------------------------------------------------ the question journal


def test_a_review_with_a_question_keeps_the_question_journal(home: Path, tmp_path: Path) -> None:
    """research.question-journal is done by a review that records a question, not by others."""
    result = run("init", "--answers", str(EXAMPLES / "masters-short-runway.toml"))
    assert result.returncode == 0, result.stderr

    def journal_task() -> dict[str, Any]:
        plan = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
        (task,) = [t for t in plan["tasks"] if t["id"] == "research.question-journal"]
        return dict(task)

    assert journal_task()["status"] == "todo"
    plain = tmp_path / "plain.toml"
    plain.write_text('moved = "a quiet week"\n', encoding="utf-8")
    said = run("review", "--answers", str(plain), env={"UPSKILL_TODAY": "2026-11-29"})
    assert said.returncode == 0, said.stderr
    assert journal_task()["status"] == "todo"
    asked = tmp_path / "asked.toml"
    asked.write_text('question = "How do you pick an eval?"\n', encoding="utf-8")
    said = run("review", "--answers", str(asked), env={"UPSKILL_TODAY": "2026-12-02"})
    assert said.returncode == 0, said.stderr
    assert "Marked done: research.question-journal" in said.stdout
    assert journal_task()["status"] == "done"
    assert journal_task()["done_on"] == dt.date(2026, 12, 2)
    journal = tomllib.loads((home / "journal.toml").read_text(encoding="utf-8"))
    assert journal == {
        "schema": 1,
        "reviews": [
            {"date": dt.date(2026, 11, 29), "week": 1, "moved": "a quiet week"},
            {"date": dt.date(2026, 12, 2), "week": 2, "question": "How do you pick an eval?"},
        ],
    }


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty")
def test_ctrl_c_in_the_review_writes_nothing(planned: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    before = {p.name: p.read_bytes() for p in planned.iterdir() if p.is_file()}
    env = dict(os.environ, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(
        upskill_exe(), ["review"], env=env, dimensions=(40, 120), timeout=20, encoding="utf-8"
    )
    child.expect(re.escape(REVIEW_PROMPTS[0]))
    child.send("something moved\r")
    child.expect(re.escape(REVIEW_PROMPTS[1]))
    child.send("\x03")
    child.expect("nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    after = {p.name: p.read_bytes() for p in planned.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if k != ".upskill.lock"} == before


# ------------------------------------------------------------------ records through replans


def test_a_record_moves_with_its_task_even_out_of_the_plan_and_back(template: Path) -> None:
    """Evidence, a note and real hours on a to-do task survive a replan that finds no room for
    it (they wait on its [[unscheduled]] row) and one that places it again (first part)."""
    from upskill import progress, storage
    from upskill.plan import plan_from_dict
    from upskill.roadmaps import load_catalog

    plan = storage.load_plan(template)
    catalog = load_catalog(template)
    target = next(
        t
        for t in plan.tasks
        if t.status == "todo" and "@" not in t.id and len(plan.parts_of(t.id)) > 1
    )
    tid = target.id
    progress.record(plan, tid, evidence=["https://example.org/wip"], note="started", spent_hours=2)
    today = dt.date(2026, 11, 23)

    squeezed = progress.replan(plan, catalog, today, hours=1, today=today).plan
    assert tid not in {t.id for t in squeezed.tasks}, "an hour a week leaves no room for it"
    (first,) = [u for u in squeezed.unscheduled if u.id == tid]
    assert (first.evidence, first.note, first.spent_hours) == (
        ["https://example.org/wip"],
        "started",
        2,
    )
    # What is saved is read back the same.
    squeezed = plan_from_dict(tomllib.loads(storage.dumps_toml(squeezed.to_toml_dict()).decode()))

    roomy = progress.replan(squeezed, catalog, today, hours=40, today=today).plan
    parts = roomy.parts_of(tid)
    assert parts, f"{tid} did not come back with 40 hours a week"
    assert parts[0].evidence == ["https://example.org/wip"]
    assert parts[0].spent_hours == 2
    assert all(p.note == "started" for p in parts)
    assert all(not p.evidence and p.spent_hours is None for p in parts[1:])
