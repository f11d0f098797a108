"""Plan-quality benchmark: what the plans for the people in examples/ look like, in numbers.

    python benchmarks/plans.py                      # the upskill next to this interpreter
    python benchmarks/plans.py --exe OTHER/upskill  # another build (e.g. an older commit)
    python benchmarks/plans.py --dump DIR           # also write each plan as markdown

Each example is planned by running the console script (`init --answers`, then
`plan --format json`) in a temporary home, with today fixed to the Sunday before
the default start, so any build can be measured the same way. The plans are scored against
the roadmaps of this checkout (their priorities and signature goals), so an older build is
judged by today's content. Figures per example:

- goals: the week each signature goal of the person's role lands (its last part), "-" if never,
  and the week of a first shot at the round (`first_shot_for`) where the plan has one;
- practice: a timed assessment, a mock interview and the stories all finished before the week
  of the first application round or its first shot (or already known); "n/a" when no round is
  planned;
- core: the share of the person's core items (those they need) that are scheduled;
- value: value scheduled of the value available (each item's value as the planner weighs it);
- code/ML: hours in coding, interviewing and open source against hours in the ML devloop;
- free: hours left unplanned, as a share of the weekly budget over the weeks planned;
- <1.5h: parts of split items shorter than 1.5 h; stretch: the most weeks one item spans;
- tasks: the most distinct tasks in a week; units: the most things to switch between in a
  week as the markdown lays it out (its blocks of one kind of work, or its tasks where it has
  no blocks); buffer: the least room left in a week with work;
- order defects (fewer is better), each a count: "prep>" items an application comes after
  (or needs) that start in or after its week; "follow>" follow-ups (a wait after what they
  follow) more than three weeks later than they could be; "gaps" weekly habits that pause in a
  week with time and resume later; "setup>" setup placed after its window (`within_weeks`);
  "basics>" basics the person lacks (a core or high course or drill at the lowest level of a
  skill rated low) that start after the first third of the plan;
- mock+: weeks from the first application that brings interviews (a job round, internships,
  a programme) to the first mock interview (negative: the mocks come first), "-" if either
  is missing; off-int: hours of work tagged only with interests the person did not name (a
  language-model build for a roboticist), when they named some; unwritten: builds in the plan
  whose write-up (the writing that builds on that build alone: the reproduction's post) is not;
  collab: the weeks from a collaboration's first work to its last, and the week its paper (or a
  short runway's short paper) starts, "-" if there is none.
- churn: how far the plan moves when the person finds one more hour a week: of the items in
  both plans, how many start more than two weeks earlier or later (fewer is steadier; the
  planner packs week by week, so a small change early on can reshuffle the weeks after it).

It prints a markdown table and exits 0; it exits 1 only if a plan could not be made.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-29"  # a Sunday: plans start on Monday 2026-11-30
CODING = ("coding", "interviewing", "open-source")
ML = ("ml-devloop",)
ASSESSMENT = ("coding.first-online-assessment",)
MOCKS = ("interviewing.first-mocks", "interviewing.weekly-mock-interview")
STORIES = ("interviewing.behavioural-stories",)
APPLY = "interviewing.first-applications"
SHOT = "interviewing.first-shot"  # a first shot at that round, when the round comes late


def default_exe() -> str:
    return str(Path(sys.executable).with_name("upskill"))


def make_plan(exe: str, example: Path, home: Path) -> dict[str, Any]:
    env = dict(os.environ, UPSKILL_HOME=str(home), UPSKILL_TODAY=TODAY, NO_COLOR="1")
    init = subprocess.run(
        [exe, "init", "--answers", str(example), "--force"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if init.returncode != 0:
        raise SystemExit(f"{example.name}: init failed: {init.stderr.strip()}")
    out = subprocess.run(
        [exe, "plan", "--format", "json"], capture_output=True, text=True, env=env, check=True
    )
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def markdown(exe: str, home: Path) -> str:
    env = dict(os.environ, UPSKILL_HOME=str(home), UPSKILL_TODAY=TODAY, NO_COLOR="1")
    return subprocess.run(
        [exe, "plan", "--all", "--format", "markdown"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout


def units(text: str) -> int:
    """The most things to switch between in a week of the plan's markdown: its block headings
    ("**Research** (2 tasks, 5 h)"), or its tasks where it has none."""
    most = 0
    for week in re.split(r"^## Week \d+ .*$", text.split("## Did not fit")[0], flags=re.M)[1:]:
        blocks = len(re.findall(r"^\*\*[^*]+\*\* \(", week, flags=re.M))
        most = max(most, blocks or len(re.findall(r"^- \[", week, flags=re.M)))
    return most


def first_weeks(data: dict[str, Any]) -> dict[str, int]:
    """The first week of each item in a plan (a habit's first occurrence)."""
    out: dict[str, int] = {}
    for week in data["weeks"]:
        for task in week.get("tasks", []):
            out.setdefault(task["id"].split("@", 1)[0], week["week"])
    return out


def churn(exe: str, example: Path, data: dict[str, Any], tmp: Path) -> str:
    """Items of ``data`` that start more than two weeks apart in the plan made with one more
    hour a week, out of the items both plans hold."""
    import tomllib

    import tomli_w

    answers = tomllib.loads(example.read_text(encoding="utf-8"))
    answers["hours_per_week"] = answers["hours_per_week"] + 1
    more = tmp / example.name
    more.write_text(tomli_w.dumps(answers), encoding="utf-8")
    before, after = first_weeks(data), first_weeks(make_plan(exe, more, tmp / "more-home"))
    both = [i for i in before if i in after]
    moved = sum(1 for i in both if abs(before[i] - after[i]) > 2)
    return f"{moved}/{len(both)}"


def score(data: dict[str, Any], example: Path) -> dict[str, str]:
    """The figures of one plan, scored against this checkout's roadmaps."""
    import datetime as dt

    from upskill.planner import candidates
    from upskill.profile import load_answers
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(None)
    profile = load_answers(example)
    start = (
        dt.date.fromisoformat(data["weeks"][0]["start"]) if data["weeks"] else dt.date(2026, 11, 30)
    )
    selection = candidates(profile, catalog, start)
    # (a first shot is a conditional move, not a need: counted only where the plan has it)
    units = {
        u.id: u
        for u in selection.units
        if u.first_shot_for is None
        or any(t["id"] == u.id for w in data["weeks"] for t in w["tasks"])
    }
    known = set(selection.known)
    budget = float(profile.hours_per_week)

    tasks = [t for w in data["weeks"] for t in w["tasks"]]
    item_weeks: dict[str, list[int]] = defaultdict(list)
    item_parts: dict[str, list[float]] = defaultdict(list)
    for w in data["weeks"]:
        for t in w["tasks"]:
            item = t["id"].split("@", 1)[0]
            item_weeks[item].append(w["week"])
            if "@" not in t["id"]:
                item_parts[item].append(t["hours"])
    last = {i: max(ws) for i, ws in item_weeks.items()}
    first = first_weeks(data)

    goals = []
    for uid, unit in units.items():
        if unit.goal:
            short = uid.split(".", 1)[1]
            goals.append(f"{short} {('w' + str(last[uid])) if uid in last else '-'}")
    if APPLY in units and not any(g.startswith("first-applications") for g in goals):
        goals.append(f"first-applications {('w' + str(last[APPLY])) if APPLY in last else '-'}")

    if SHOT in first:
        goals.append(f"first-shot w{first[SHOT]}")
    if APPLY in first:
        week = min(first[APPLY], first.get(SHOT, first[APPLY]))

        def before(ids: tuple[str, ...]) -> bool:
            return any(i in known or (i in first and first[i] < week) for i in ids) or not any(
                i in units for i in ids
            )

        practice = "yes" if before(ASSESSMENT) and before(MOCKS) and before(STORIES) else "no"
    else:
        practice = "n/a"

    core = [u for u in units.values() if u.priority == "core"]
    core_done = [u for u in core if u.id in item_weeks]
    value_all = sum(u.value for u in units.values() if not u.filler)
    value_got = 0.0
    for u in units.values():
        if u.id not in item_weeks:
            continue
        if u.occurrences is not None:
            value_got += u.value * len(item_weeks[u.id]) / max(len(u.occurrences), 1)
        else:
            value_got += u.value
    hours: dict[str, float] = defaultdict(float)
    for t in tasks:
        hours[t["roadmap"]] += t["hours"]
    coding = sum(hours[r] for r in CODING)
    ml = sum(hours[r] for r in ML)
    weeks_planned = int(profile.weeks)
    planned = sum(hours.values())
    free = 1 - planned / (budget * weeks_planned) if budget else 0.0
    slivers = sum(1 for parts in item_parts.values() if len(parts) > 1 for h in parts if h < 1.5)
    stretch = max(
        (last[i] - first[i] + 1 for i, parts in item_parts.items() if len(parts) > 1), default=1
    )
    most_tasks = max((len(w["tasks"]) for w in data["weeks"]), default=0)
    # Order defects.
    prep_late = 0
    for uid, unit in units.items():
        if unit.kind == "apply" and uid in first:
            for a in dict.fromkeys([*unit.after, *unit.prerequisites]):
                if a in first and first[a] >= first[uid]:
                    prep_late += 1
    follow_late = 0
    for uid, unit in units.items():
        if unit.wait_weeks and uid in first:
            ready = [last[p] for p in unit.prerequisites if p in last]
            if ready and first[uid] > max(ready) + unit.wait_weeks + 3:
                follow_late += 1
    open_weeks = {w["week"] for w in data["weeks"] if w.get("budget", budget) > 0}
    gaps = 0
    for uid, unit in units.items():
        weeks = sorted(set(item_weeks.get(uid, []))) if unit.occurrences is not None else []
        if len(weeks) > 1:
            span = [w for w in range(weeks[0], weeks[-1] + 1) if w in open_weeks]
            gaps += 1 if len(span) > len(weeks) else 0
    setup_late = sum(
        1
        for uid, unit in units.items()
        if unit.within_weeks is not None and uid in first and first[uid] > unit.within_weeks
    )
    third = max(weeks_planned // 3, 1)
    basics_late = sum(
        1
        for uid, unit in units.items()
        if unit.gated
        and (unit.level or 0) <= 2
        and unit.occurrences is None
        and unit.kind in ("learn", "practice")
        and unit.priority in ("core", "high")
        and uid in first
        and first[uid] > third
    )
    # Interview practice against the first application that brings interviews (for a job, an
    # internship or a programme): weeks from that application to the first mock.
    sent = [
        first[uid]
        for uid, unit in units.items()
        if unit.kind == "apply" and unit.roadmap in ("interviewing", "network") and uid in first
    ]
    mocks = [first[i] for i in MOCKS if i in first]
    mock_lag = f"{min(mocks) - min(sent):+d}" if sent and mocks else "-"
    # Work tagged for interests the person did not name (a language-model build for a
    # roboticist), when they named some.
    interests = {i.lower() for i in profile.interests}
    off_interest = sum(
        t["hours"]
        for t in tasks
        if interests
        and (tags := {x.lower() for x in catalog.items[t["id"].split("@", 1)[0]].tags})
        and not tags & interests
    )
    # Builds in the plan without their write-up (the piece of writing that builds on that
    # build alone, like the reproduction's post): half a piece of evidence.
    unwritten = sum(
        1
        for uid, unit in units.items()
        if unit.kind == "write"
        and unit.priority in ("core", "high")
        and len(pre := [p for p in unit.prerequisites if p in units]) == 1
        and units[pre[0]].kind == "build"
        and pre[0] in first
        and uid not in first
    )
    # The collaboration, when there is one: the weeks from its first results to its last
    # work, and the week its write-up (the paper draft or a short runway's short paper) starts.
    together = sorted(
        w["week"]
        for w in data["weeks"]
        for t in w["tasks"]
        if t["id"].split("@", 1)[0].startswith("research.collaboration-")
        and t["id"] != "research.collaboration-agreed"
    )
    written = [
        first[i]
        for i in ("research.collaboration-paper", "research.collaboration-short-draft")
        if i in first
    ]
    collab = (
        f"w{together[0]}-{together[-1]}, paper " + (f"w{min(written)}" if written else "-")
        if together
        else "-"
    )
    rooms = [budget - sum(t["hours"] for t in w["tasks"]) for w in data["weeks"] if w["tasks"]]
    return {
        "goals": ", ".join(goals) or "-",
        "practice": practice,
        "core": f"{len(core_done)}/{len(core)}" if core else "-",
        "value": f"{100 * value_got / value_all:.0f}%" if value_all else "-",
        "code/ML": f"{coding:g}/{ml:g}",
        "free": f"{100 * free:.0f}%",
        "<1.5h": str(slivers),
        "stretch": str(stretch),
        "tasks": str(most_tasks),
        "buffer": f"{min(rooms, default=0):g} h",
        "prep>": str(prep_late),
        "follow>": str(follow_late),
        "gaps": str(gaps),
        "setup>": str(setup_late),
        "basics>": str(basics_late),
        "mock+": mock_lag,
        "off-int": f"{off_interest:g} h",
        "unwritten": str(unwritten),
        "collab": collab,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exe", default=default_exe(), help="the upskill console script to run")
    parser.add_argument("--dump", type=Path, help="write each plan's markdown into this folder")
    parser.add_argument(
        "--examples", type=Path, default=EXAMPLES, help="the folder of answers files to plan"
    )
    args = parser.parse_args(argv)
    columns = [
        "goals",
        "practice",
        "core",
        "value",
        "code/ML",
        "free",
        "<1.5h",
        "stretch",
        "tasks",
        "units",
        "buffer",
        "prep>",
        "follow>",
        "gaps",
        "setup>",
        "basics>",
        "mock+",
        "off-int",
        "unwritten",
        "collab",
        "churn",
    ]
    print(f"Plans from {args.exe}, scored against {ROOT / 'data' / 'roadmaps'}\n")
    print("| example | " + " | ".join(columns) + " |")
    print("| --- | " + " | ".join("---" for _ in columns) + " |")
    for example in sorted(args.examples.glob("*.toml")):
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            data = make_plan(args.exe, example, home)
            row = score(data, example)
            row["churn"] = churn(args.exe, example, data, Path(tmp))
            row["units"] = str(units(markdown(args.exe, home)))
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{example.stem}.md").write_text(markdown(args.exe, home))
        print(f"| {example.stem} | " + " | ".join(row[c] for c in columns) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
