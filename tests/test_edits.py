"""Hand edits and work done outside the plan (issue 12, findings 5-7), as users meet them.

Every command runs as the installed console script on a real temporary home.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from tests.conftest import run

MONDAY = "2026-11-23"  # the template plan's start (week 1)
WEEK3 = {"UPSKILL_TODAY": "2026-12-09"}  # Wednesday of week 3


def read_plan(home: Path) -> dict[str, Any]:
    return tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))


def write_plan(home: Path, data: dict[str, Any]) -> None:
    (home / "plan.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("upskill: warning: ")]


def catalog() -> Any:
    from upskill.roadmaps import load_catalog

    return load_catalog(None)


# ----------------------------------------------------------------- warnings for odd edits


def test_a_fresh_plan_gives_no_warning(planned: Path) -> None:
    for args in (["plan"], ["status"], ["check", "--format", "json"], ["replan", "--yes"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert warnings_in(result.stderr) == [], args


def test_a_week_over_budget_is_named_by_plan_check_status_and_replan(planned: Path) -> None:
    data = read_plan(planned)
    first = data["tasks"][0]
    assert first["week"] == 1
    first["hours"] = 40.0
    write_plan(planned, data)
    name = planned / "plan.toml"
    for args in (["plan"], ["status"], ["check", "--format", "json"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        found = warnings_in(result.stderr)
        assert len(found) == 1, (args, result.stderr)
        assert found[0].startswith(f"upskill: warning: {name}: tasks in week 1: ")
        assert (
            "more than the week's 15 h; move some to a later week or run `upskill replan`"
            in (found[0])
        )
    replanned = run("replan", "--yes")
    assert replanned.returncode == 0, replanned.stderr
    assert any(
        "tasks in week 1:" in line and "this replan reflows" in line
        for line in warnings_in(replanned.stderr)
    ), replanned.stderr


def _task_before_its_prerequisite(data: dict[str, Any]) -> tuple[int, str]:
    """Move a to-do task into week 1 although a prerequisite of it comes later; (index, pre)."""
    known = catalog()
    weeks: dict[str, int] = {}
    for t in data["tasks"]:
        item = t["id"].split("@", 1)[0]
        weeks[item] = max(weeks.get(item, 0), t["week"])
    for i, t in enumerate(data["tasks"]):
        item = t["id"].split("@", 1)[0]
        if "@" in t["id"] or t["status"] != "todo" or item not in known.items:
            continue
        later = [p for p in known.prerequisites(item) if weeks.get(p, 0) > 1]
        if later and sum(1 for u in data["tasks"] if u["id"] == t["id"]) == 1:
            t["week"] = 1
            return i, later[0]
    raise AssertionError("no task with a prerequisite after week 1 in the template plan")


def test_replan_names_a_typod_id_and_a_task_before_its_prerequisite(planned: Path) -> None:
    data = read_plan(planned)
    _, pre = _task_before_its_prerequisite(data)
    typo = next(t for t in data["tasks"] if t["id"] == "coding.big-o")
    typo["id"] = "coding.big-0"
    write_plan(planned, data)
    again = read_plan(planned)  # tasks as the file lists them now (by week), for their keys
    index = next(i for i, t in enumerate(again["tasks"]) if t["id"] == "coding.big-0")
    result = run("replan", "--yes")
    assert result.returncode == 0, result.stderr
    found = warnings_in(result.stderr)
    name = planned / "plan.toml"
    assert (
        f"upskill: warning: {name}: tasks[{index}] (coding.big-0).id: no loaded roadmap has this "
        "item (did you mean coding.big-o?); replan keeps it under this id"
    ) in found, found
    assert any(
        f"comes before its prerequisite {pre}" in line and ".week: week 1 " in line
        for line in found
    ), found
    # The cheap commands do not load the roadmaps, so they cannot know; they stay quiet.
    assert warnings_in(run("check", "--format", "json").stderr) == []


def test_an_edited_profile_is_named_with_how_to_apply_it(planned: Path) -> None:
    profile = planned / "profile.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("hours_per_week = 15", "hours_per_week = 20"),
        encoding="utf-8",
    )
    for args in (["plan"], ["status"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert warnings_in(result.stderr) == [
            f"upskill: warning: {profile}: differs from the [profile] in {planned / 'plan.toml'} "
            "(edited by hand?), and the plan does not follow it yet; apply it with "
            f"`upskill replan --profile {profile}`"
        ]
    applied = run("replan", "--yes", "--profile", str(profile))
    assert applied.returncode == 0, applied.stderr
    assert json.loads(run("plan", "--format", "json").stdout)["profile"]["hours_per_week"] == 20
    assert warnings_in(run("plan").stderr) == []
    assert warnings_in(run("status").stderr) == []
