"""upskill as a library (`upskill.api`): the commands' work, called in-process on a real home."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_here
from upskill import api, storage
from upskill.errors import StateError, UsageError
from upskill.profile import load_answers

TODAY = dt.date(2026, 11, 22)


def profile() -> object:
    return load_answers(EXAMPLES / "postdoc-research-engineer.toml")


def snapshot(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(home.iterdir()) if p.is_file()}


def first_todo(home: Path, kind: str | None = None) -> str:
    plan = storage.load_plan(home)
    return next(
        t.id
        for t in sorted(plan.tasks, key=lambda t: t.week)
        if t.status == "todo" and "@" not in t.id and (kind is None or t.kind == kind)
    )


def test_init_check_and_status_agree_with_the_files(home: Path) -> None:
    made = api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    assert made.plan_backup is None
    assert made.profile_backup is None
    assert storage.load_plan(home) == made.plan
    assert api.status(home, TODAY)["done_hours"] == 0
    task = first_todo(home)
    hours = sum(t.hours for t in made.plan.tasks if t.id == task)
    done = api.run_check(home, [task], today=TODAY + dt.timedelta(days=2))
    assert done.ids == [task]
    assert done.changed
    assert done.saved
    assert api.status(home, TODAY + dt.timedelta(days=2))["done_hours"] == pytest.approx(hours)
    # The CLI reads the same file the library wrote.
    shown = run_here("status", "--format", "json", env={"UPSKILL_TODAY": "2026-11-24"})
    assert shown.returncode == 0, shown.stderr
    assert f'"done_hours": {hours:g}' in shown.stdout.replace(".0,", ",")


def test_init_refuses_to_replace_a_plan_without_force(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    before = snapshot(home)
    with pytest.raises(StateError, match="already exists"):
        api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    assert snapshot(home) == before
    again = api.run_init(home, profile(), today=TODAY, force=True)  # type: ignore[arg-type]
    assert again.plan_backup is not None
    assert again.plan_backup.read_bytes() == before["plan.toml"]


def test_checking_what_is_already_done_writes_nothing(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    task = first_todo(home)
    api.run_check(home, [task], today=TODAY)
    stamp = storage.plan_path(home).stat().st_mtime_ns
    again = api.run_check(home, [task], today=TODAY)
    assert not again.changed
    assert not again.saved
    assert storage.plan_path(home).stat().st_mtime_ns == stamp


def test_a_refused_check_leaves_every_file_as_it_was(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    before = snapshot(home)
    task = first_todo(home, kind="learn")
    with pytest.raises(UsageError, match="outreach task"):
        api.run_check(home, [task], today=TODAY, people=["Ada"])
    with pytest.raises(UsageError, match="one task at a time"):
        api.run_check(home, [task, first_todo(home, kind="write")], spent_hours=2)
    with pytest.raises(UsageError, match="in the future"):
        api.run_check(home, [task], today=TODAY, on=TODAY + dt.timedelta(days=1))
    with pytest.raises(UsageError, match="before your plan started"):
        api.run_check(home, [task], today=TODAY, on=TODAY - dt.timedelta(days=30))
    assert snapshot(home) == before


def test_check_records_evidence_and_hours_on_the_task(home: Path, tmp_path: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    task = first_todo(home)
    notebook = tmp_path / "work.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    done = api.run_check(
        home, [task], today=TODAY, evidence=[str(notebook)], spent_hours=3.5, note="  went well "
    )
    assert [r.task_id for r in done.recorded] == [task]
    data = tomllib.loads(storage.plan_path(home).read_text(encoding="utf-8"))
    first = next(t for t in data["tasks"] if t["id"] == task)
    assert first["evidence"] == [str(notebook)]
    assert first["spent_hours"] == 3.5
    assert first["note"] == "went well"


def test_the_checklist_applies_only_its_own_changes(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    task = first_todo(home)
    ticked = api.apply_checklist(home, [task, "coding.no-such-task"], [], today=TODAY)
    assert ticked.done == [task]
    assert ticked.gone == ["coding.no-such-task"]
    assert all(t.status == "done" for t in storage.load_plan(home).tasks if t.id == task)


def test_editing_saves_nothing_when_the_block_fails(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    before = snapshot(home)

    def change_then_fail() -> None:
        with storage.editing(home) as edit:
            edit.plan.tasks[0].status = "skipped"
            raise RuntimeError("changed my mind")

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert snapshot(home) == before


def test_replan_through_the_library_keeps_what_was_done(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    task = first_todo(home)
    api.run_check(home, [task], today=TODAY)
    later = TODAY + dt.timedelta(days=15)
    request = api.replan_request(home, today=later, hours=10)
    shown, preview = api.preview_replan(home, request)
    assert storage.load_plan(home) == shown  # a preview writes nothing
    done = api.run_replan(home, request, shown=shown)
    assert not done.changed_meanwhile
    assert done.plan_backup is not None
    saved = storage.load_plan(home)
    assert saved == done.result.plan == preview.plan
    assert saved.hours_per_week == 10
    assert all(t.status == "done" for t in saved.tasks if t.id == task)


def test_replan_notices_a_plan_changed_since_the_preview(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    request = api.replan_request(home, today=TODAY)
    shown, _ = api.preview_replan(home, request)
    task = first_todo(home)
    api.run_check(home, [task], today=TODAY)  # another program, meanwhile
    done = api.run_replan(home, request, shown=shown)
    assert done.changed_meanwhile
    assert all(t.status == "done" for t in storage.load_plan(home).tasks if t.id == task)


def test_replan_refuses_to_overwrite_an_edited_profile(home: Path) -> None:
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    path = storage.profile_path(home)
    path.write_text(path.read_text(encoding="utf-8").replace("= 15", "= 12"), encoding="utf-8")
    before = snapshot(home)
    with pytest.raises(StateError, match="changes that are not in the plan"):
        api.run_replan(home, api.replan_request(home, today=TODAY))
    assert snapshot(home) == before
    applied = api.run_replan(home, api.replan_request(home, today=TODAY, profile_file=path))
    assert applied.result.plan.hours_per_week == 12


@pytest.mark.parametrize("hours", [0, 81, float("nan")])
def test_replan_refuses_impossible_hours(home: Path, hours: float) -> None:
    with pytest.raises(UsageError, match="--hours"):
        api.replan_request(home, today=TODAY, hours=hours)


# ---------------------------------------------------- one rule for the profile, wherever it is


def test_a_plan_file_with_impossible_hours_is_refused_by_every_command(home: Path) -> None:
    """plan.toml's profile is checked by the same rules as an answers file, by every reader."""
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    path = storage.plan_path(home)
    text = path.read_text(encoding="utf-8")
    assert "\nhours_per_week = 15\n" in text
    path.write_text(text.replace("\nhours_per_week = 15\n", "\nhours_per_week = 100\n"), "utf-8")
    for args in (["plan"], ["check"], ["status"], ["replan", "--yes"], ["export", "-f", "json"]):
        result = run_here(*args)
        assert result.returncode != 0, args
        assert "hours_per_week" in result.stderr, (args, result.stderr)
        assert "(not 100)" in result.stderr, (args, result.stderr)


def test_numbers_round_trip_as_written_through_replan(home: Path) -> None:
    """init writes `hours_per_week = 15`; a replan that changes nothing else keeps it so."""
    api.run_init(home, profile(), today=TODAY)  # type: ignore[arg-type]
    api.run_replan(home, api.replan_request(home, today=TODAY))
    for name in ("plan.toml", "profile.toml"):
        text = (home / name).read_text(encoding="utf-8")
        assert "hours_per_week = 15\n" in text, name
        assert "15.0" not in text, name


def test_the_readme_example_runs_as_written(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Use it from Python.*?```python\n(.*?)```", readme, re.S)
    assert found is not None
    code = found.group(1).replace('Path("/tmp/upskill-demo")', f"Path({str(home)!r})")
    assert str(home) in code
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})  # our own documentation, as a user runs it
    assert storage.load_plan(home).hours_per_week == 10
