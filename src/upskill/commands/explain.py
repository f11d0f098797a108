"""`upskill explain ID`: why a task is in the plan."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from upskill.commands import (
    app,
    complete_task_ids,
    current_home,
    make_console,
)


@app.command(short_help="Why a task is in your plan.")
def explain(
    task_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A task id, e.g. coding.big-o.", autocompletion=complete_task_ids
        ),
    ],
) -> None:
    """Why a task is in your plan: rationale, source, prerequisites, finish line, resources."""
    from upskill import storage
    from upskill.errors import UnknownTaskError
    from upskill.roadmaps import load_catalog

    home = current_home()
    catalog = load_catalog(home)
    item_id = task_id.split("@", 1)[0]
    plan = None
    if storage.plan_path(home).exists():
        plan = storage.load_plan(home)
    from upskill.render import clean

    if item_id not in catalog.items:
        import difflib

        pool = list(catalog.items) + ([t.item_id for t in plan.tasks] if plan else [])
        pool = list(dict.fromkeys(p for p in pool if p != item_id))
        close = difflib.get_close_matches(item_id, pool, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        if plan and any(t.item_id == item_id for t in plan.tasks):
            # Still show what the plan holds (the person's notes above all), then say why
            # there is no rationale.
            for line in plan_lines(plan, item_id, catalog):
                print(clean(line))
            raise UnknownTaskError(
                f"{item_id} is in your plan but no loaded roadmap has it any more "
                f"(a typo in plan.toml, or a removed roadmap?){hint}"
            )
        raise UnknownTaskError(f"unknown task {task_id!r}{hint}")
    item = catalog.items[item_id]
    console = make_console()
    from rich.markup import escape

    quick = plan is not None and plan.profile.quick and item.quick_hours is not None
    # (the title the plan gives it: its quick version's, or the one for an item it holds)
    in_plan = frozenset(t.item_id for t in plan.tasks) if plan is not None else frozenset()
    title = item.title_for(quick, in_plan)
    console.print(f"[bold]{escape(clean(title))}[/bold] ({item_id})", markup=True)
    repeat = item.repeat
    if plan is not None and repeat:
        from upskill.planner import habit_weeks

        repeat = habit_weeks(plan.profile, item, item_id.split(".", 1)[0])
    weekly = plan.profile.hours_per_week if plan is not None else None
    hours = item.hours_for(quick, weekly)
    console.print(
        f"{item.kind}, {hours:g} h"
        + (f" a week for {repeat} weeks" if repeat else "")
        + (
            f" (its quick version, for a very short plan; {item.hours:g} h in full)"
            if quick
            else ""
        )
        + (
            f" (a {item.week_share:.0%} share of your {weekly:g} h week; {item.hours:g} h at least)"
            if item.week_share is not None and weekly is not None and hours > item.hours
            else ""
        )
    )
    if plan is not None:
        for line in plan_lines(plan, item_id, catalog):
            console.print(line)
        if not any(t.item_id == item_id for t in plan.tasks) and not any(
            u.id.split("@", 1)[0] == item_id for u in plan.unscheduled
        ):
            console.print(f"Not in your plan: {_why_not(plan.profile, item_id, item, catalog)}.")
        _show_records(console, plan, task_id)
    why = item.why_for(plan.profile.background) if plan is not None else item.why
    console.print(f"Why: {why or '(not given)'}")
    pointed = item.for_these(plan.profile.interests) if plan is not None else None
    if pointed:
        console.print(f"For your interests: {pointed}")
    console.print(f"Source: {item.source or '(not given)'}")
    beyond = item.beyond_for(plan.profile.background) if plan is not None else item.beyond
    if beyond:
        console.print(f"Beyond the documents: {beyond}")
    ours = plan is not None and (
        any(t.item_id == item_id for t in plan.tasks)
        or any(u.id.split("@", 1)[0] == item_id for u in plan.unscheduled)
    )
    if item.deadline and plan is not None and ours:
        from upskill.planner import deadline_date, deadline_week, lead_of

        lead = lead_of(item)
        due = deadline_date(item.deadline, plan.start, lead)
        week = deadline_week(item.deadline, plan.start, lead)
        where = f"week {week} of your plan" if week <= plan.weeks else "after your plan ends"
        console.print(f"Deadline: {due:%d %b %Y} ({where}); check each programme's own date.")
    if item.skill:
        needed = "for those rated" if item.kind == "apply" else "needed while your rating is"
        level = f", {needed} below {item.level}" if item.level else ""
        console.print(f"Skill: {item.skill}{level}")
    prereqs = catalog.prerequisites(item_id)
    if plan is not None:  # where each stands for this person: planned, known, or missing
        prereqs = [f"{p} ({_standing(plan, catalog, p)})" for p in prereqs]
    console.print(f"Needs first: {', '.join(prereqs) if prereqs else 'nothing'}")
    if plan is not None:  # ... and the work in the plan it comes after, when it can (rv18:
        # "your signature ML build" read as the build begun in the round's own week)
        from upskill.planner import POLICY, after_of

        planned = {t.item_id for t in plan.tasks}
        soft = [
            a
            for a in after_of(catalog, item_id, plan.profile)
            if a in planned and a not in catalog.prerequisites(item_id)
        ]
        if soft:
            begins: dict[str, int] = {}  # each item's first week
            for t in sorted(plan.tasks, key=lambda t: t.week):
                begins.setdefault(t.item_id, t.week)
            starts = begins.get(item_id)
            profile = plan.profile
            # a post a round would like to link to does not wait for a build that is not the
            # person's signature work (the planner's rule, `Planner.timing`)
            linked = item.kind == "write" and any(
                item_id in catalog.after(r)
                for r, other in catalog.items.items()
                if other.after_prep_weeks is not None and r in planned
            )

            def later(a: str) -> str:
                other = catalog.items[a]
                if (
                    linked
                    and other.kind == "build"
                    and not other.goal_of(profile.target_role, profile.runway_months)
                ):
                    return ": later here: it comes after your round, and this goes before it"
                # interview practice a round went out without (the round went early, in its
                # window) comes in the weeks its interviews may come: the planner's rule
                # (`Planner._owed_now`), said as such, not as a failure to fit (rv39: four
                # reviewers read "did not fit before" as the plan admitting a wrong order)
                if (
                    item.after_prep_weeks is not None
                    and other.kind == "practice"
                    and a.split(".", 1)[0] in ("interviewing", "coding")
                    and starts is not None
                    and begins[a] <= starts + POLICY.interview_window
                ):
                    return (
                        ": later here: practice for the interviews it brings, in the weeks "
                        "they may come"
                    )
                return ": later here, as it did not fit before"

            said = ", ".join(
                f"{a} ({_standing(plan, catalog, a)}"
                + (later(a) if starts and begins[a] >= starts else "")
                + ")"
                for a in soft
            )
            console.print(f"Comes after, where it can: {said}")
    if item.steps and not quick:  # (a quick version is its own step: rv48 found its
        # "deadlines noted" beside the full version's "write and submit the first application")
        console.print("Steps: " + "; ".join(f"{n}. {step}" for n, step in enumerate(item.steps, 1)))
    if item.topics:
        from upskill.render import covered_in, topic_of

        covered = covered_in(catalog, plan) if plan is not None else frozenset()
        topic = topic_of(item, task_id, covered)
        if topic is not None:
            console.print(f"This week ({task_id}): {topic}")
        console.print(
            "One a week, in this order: "
            + "; ".join(f"{n}. {subject}" for n, subject in enumerate(item.topics, 1))
        )
    done_when = (
        item.done_when_for(
            plan.profile.background,
            plan.profile.quick,
            plan.profile.target_role,
            runway=plan.profile.runway_months,
            held={t.item_id for t in plan.tasks},
        )
        if plan is not None
        else item.done_when
    )
    console.print(f"Done when: {done_when or '(not given)'}")
    shown = (
        item.resources_for(plan.profile.interests, plan.profile.target_role)
        if plan is not None
        else item.resources
    )
    for r in shown:
        console.print(f"  - {r.title}: {r.url}", soft_wrap=True)


def _show_records(console: Any, plan: Any, task_id: str) -> None:
    """What the person recorded on the task (each occurrence of a recurring one): the date it
    was done, the real hours against the estimate, and evidence (plan_lines shows the notes)."""
    from upskill.plan import records

    wanted = [
        r for r in records(plan) if r.id == task_id or ("@" not in task_id and r.item_id == task_id)
    ]
    for r in wanted:
        said = []
        if r.status == "done" and r.done_on is not None:
            said.append(f"done on {r.done_on.isoformat()}")
        if r.spent_hours is not None:
            said.append(f"took {r.spent_hours:g} h against an estimate of {r.estimate:g} h")
        if not (said or r.evidence):
            continue
        label = f"{r.id}: " if len(wanted) > 1 else ""
        if said:
            text = "; ".join(said)
            console.print(f"{label}{text[0].upper()}{text[1:]}.")
        for ref in r.evidence:
            console.print(f"  Evidence: {ref}", soft_wrap=True)


def plan_lines(plan: Any, item_id: str, catalog: Any) -> list[str]:
    """What the plan holds of an item: its weeks, work done outside the plan, the person's
    notes, and why what was left out was (the reasons stored in plan.toml)."""
    from upskill.render import clean

    lines: list[str] = []
    rows = [t for t in plan.tasks if t.item_id == item_id]
    planned = [t for t in rows if not t.unplanned]
    if planned:
        weeks = sorted({t.week for t in planned})
        status = ", ".join(sorted({t.status for t in planned}))
        lines.append(f"In your plan: week(s) {', '.join(map(str, weeks))}; {status}.")
        added = [t for t in planned if t.pinned and t.unscheduled_reason]
        roadmap = item_id.split(".", 1)[0]
        if not added and roadmap not in plan.profile.chosen_roadmaps():
            from upskill.planner import staying

            kept = {f"{r}.{i.id}" for r, i in staying(plan.profile, catalog)}
            if item_id in kept and any(t.status == "todo" for t in planned):
                lines.append(  # (a step that stays: `stays_with`)
                    f"You left out the {roadmap} roadmap; this step of it stays, as part of "
                    f"applying (`upskill check {item_id} --skip` leaves it out too)."
                )
        if added:
            names = ", ".join(dict.fromkeys(t.id for t in added))
            had = clean(added[0].unscheduled_reason or "", one_line=True)
            lines.append(
                f"You added {names} with `upskill add` (pinned; `upskill add --undo` takes it "
                f"out); the planner had left it out: {had}."
            )
    for t in rows:
        if t.unplanned and t.status == "done" and t.done_on is not None:
            had = (
                f" (it had been left out: {clean(t.unscheduled_reason, one_line=True)})"
                if t.unscheduled_reason
                else ""
            )
            lines.append(
                f"Done outside the plan: {t.id}, {t.hours:g} h on {t.done_on.isoformat()}{had}."
            )
    notes = [(t.week, t.note) for t in rows if t.note]
    if len({n for _, n in notes}) == 1:
        lines.append(f"Your note: {notes[0][1]}")
    else:
        lines.extend(f"Your note (week {week}): {note}" for week, note in notes)
    left = [u for u in plan.unscheduled if u.id.split("@", 1)[0] == item_id]
    by_reason: dict[str, list[str]] = {}
    for u in left:
        by_reason.setdefault(clean(u.reason, one_line=True), []).append(u.id)
    for reason, ids in by_reason.items():
        what = "Left out of your plan" if not rows else f"Left out: {_ids(ids)}"
        lines.append(f"{what}: {reason or 'no reason recorded'} (`upskill plan --all` lists it).")
    return lines


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if len(ids) <= 3 else f"{ids[0]} ... {ids[-1]} ({len(ids)} weeks)"


def _standing(plan: Any, catalog: Any, item_id: str) -> str:
    """A prerequisite as this plan has it: its week, already known, or why it is not there."""
    weeks = sorted({t.week for t in plan.tasks if t.item_id == item_id})
    if weeks:
        done = all(t.status == "done" for t in plan.tasks if t.item_id == item_id)
        if done:
            return "done"
        # (a weekly habit is met once begun, as the planner has it: what needs it may come
        # in any week after its first, so that week is the one said)
        if catalog.items[item_id].repeat is not None and len(weeks) > 1:
            return f"weekly from week {weeks[0]}"
        return f"week {weeks[-1]}"
    left = [u for u in plan.unscheduled if u.id.split("@", 1)[0] == item_id]
    if left:
        other = left[0].reason.removeprefix("an alternative to ").split(",", 1)[0]
        if other != left[0].reason and other in catalog.items:  # the plan has another way
            return f"covered by {other}, {_standing(plan, catalog, other)}"
        return "did not fit"
    why = _why_not(plan.profile, item_id, catalog.items[item_id], catalog)
    return "you know this already: " + why if why.startswith("you rated") else "not in your plan"


def _why_not(profile: Any, item_id: str, item: Any, catalog: Any) -> str:
    """Why the planner left a roadmap item out of this person's plan (the planner's own rule)."""
    from upskill.planner import exclusion, first_shot_rule

    out = exclusion(profile, item, item_id.split(".", 1)[0])
    round_id = catalog.first_shot_for(item_id)
    if out is None and round_id is not None:  # (in a plan only when its round comes late)
        out = first_shot_rule(catalog.items[round_id].title)
    shot = next((p for p in catalog.prerequisites(item_id) if catalog.first_shot_for(p)), None)
    if out is None and shot is not None:  # (the look back at a shot goes with the shot)
        out = f"it follows {shot}, and your plan sends no first shot; " + first_shot_rule(
            catalog.items[catalog.first_shot_for(shot) or shot].title
        )
    return out or (
        "it was not selected when the plan was made, from the roadmaps as they were then "
        f"(`upskill add {item_id}` puts it into a week)"
    )
