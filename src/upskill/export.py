"""Exports for calendars (iCalendar), notes (Markdown) and scripts (JSON)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from upskill.plan import Plan
from upskill.render import (
    Detail,
    block_heading,
    budget,
    clean,
    hours_label,
    item_needs,
    json_text,
    laid_out,
    note_line,
    plan_markdown,
    week_blocks,
)
from upskill.schema import MILESTONE_KINDS


def _uid(plan: Plan, what: str) -> str:
    # Stable across exports and replans: re-importing updates the events instead of duplicating.
    return f"upskill-{plan.start.isoformat()}-{what}@upskill.local"


def to_ics(plan: Plan, stamp: dt.date, catalog: Any = None) -> bytes:
    """One all-day event per week listing its tasks, and one per milestone task."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//upskill//plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "upskill plan")
    dtstamp = dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC)
    parts = plan.parts()
    needs = item_needs(catalog, plan.profile)
    for week in range(1, plan.last_week() + 1):
        tasks = plan.tasks_in(week)
        if not tasks:
            continue
        total = sum(t.hours for t in tasks if not plan.done_ahead(t))
        event = Event()
        event.add("uid", _uid(plan, f"week-{week}"))
        event.add("dtstamp", dtstamp)
        event.add("dtstart", plan.week_start(week))
        event.add("dtend", plan.week_end(week) + dt.timedelta(days=1))
        off = plan.profile.time_off_in(plan.week_start(week))
        lighter = f" ({clean(off.label or 'time off', one_line=True)})" if off is not None else ""
        event.add("summary", f"upskill week {week}: {total:g} h{lighter}")
        lines = []
        # (a busy week's blocks, as the markdown has them)
        for head, t in laid_out(week_blocks(tasks, needs)):
            if head is not None:
                lines.append(block_heading(head[0], head[1], [])[0].replace("**", "") + ":")
            box = {"done": "[x]", "skipped": "[-]"}.get(t.status, "[ ]")
            size = hours_label(t, parts.get(id(t)))
            lines.append(f"{box} {clean(t.title, one_line=True)} ({t.id}, {size})")
            if t.note:
                lines.append(f"    note: {note_line(t.note)}")
            for ref in t.evidence:
                lines.append(f"    evidence: {clean(ref, one_line=True)}")
            if t.spent_hours is not None:
                lines.append(f"    took: {t.spent_hours:g} h")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    milestones = {t.id: t for t in plan.tasks if t.kind in MILESTONE_KINDS and t.occurrence is None}
    due_hours = {tid: sum(x.hours for x in plan.tasks if x.id == tid) for tid in milestones}
    for t in milestones.values():  # a milestone split over weeks falls due in its last week
        event = Event()
        event.add("uid", _uid(plan, f"milestone-{t.id}"))
        event.add("dtstamp", dtstamp)
        event.add("dtstart", plan.week_end(t.week))
        event.add("dtend", plan.week_end(t.week) + dt.timedelta(days=1))
        event.add("summary", f"Milestone: {clean(t.title, one_line=True)}")
        event.add(
            "description",
            f"{t.id}, {due_hours[t.id]:g} h, due by the end of week {t.week}; status {t.status}",
        )
        cal.add_component(event)
    if not cal.subcomponents:
        # RFC 5545 wants at least one component in a calendar: a plan with nothing scheduled
        # is one all-day event on its first day that says so.
        event = Event()
        event.add("uid", _uid(plan, "empty"))
        event.add("dtstamp", dtstamp)
        event.add("dtstart", plan.start)
        event.add("dtend", plan.start + dt.timedelta(days=1))
        event.add("summary", "upskill plan: nothing scheduled")
        event.add(
            "description",
            f"{plan.weeks} weeks from {plan.start.isoformat()} at "
            f"{budget(plan.hours_per_week)} h/week; no task is in the plan.",
        )
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


def to_markdown(plan: Plan, info: Mapping[str, Detail] | None = None, catalog: Any = None) -> bytes:
    """The whole plan as a checklist; ``info`` adds each task's finish line and first link,
    ``catalog`` the core work of a roadmap the person left out."""
    return plan_markdown(plan, None, info, catalog).encode("utf-8")


def to_json(plan: Plan) -> bytes:
    return json_text(plan.to_json()).encode("utf-8")
