"""What an adversarial tester tried (issue 11): every command ends in output or one error line.

Exports to devices, pipes and the standard streams; output that cannot be written; closed
standard streams; the ends of the calendar; files that are pipes, endless devices or symbolic
link loops; unreadable folders; control characters in shared roadmaps and edited plans; and the
smaller holes (rounding a budget up, ids with a trailing newline, quadratic replan, wrong
advice in messages).
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, run_as_user, run_here, upskill_exe
from upskill import storage

EXAMPLE = EXAMPLES / "postdoc-research-engineer.toml"
ERROR = "upskill: error: "


def run_with(
    *args: str, preexec: Callable[[], None] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """The installed script with the given stdio (``stdout=file`` ...) or fds closed first."""
    options: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE}
    options.update(kwargs)
    if "stderr" not in options:
        options["stderr"] = subprocess.PIPE
    return subprocess.run(
        [upskill_exe(), *args],
        text=True,
        env=dict(os.environ),
        timeout=60,
        preexec_fn=preexec,
        check=False,
        **options,
    )


def the_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line (without its prefix); no traceback, nothing else on stderr."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(ERROR), lines
    return lines[0][len(ERROR) :]


def plan_text(home: Path) -> str:
    return (home / "plan.toml").read_text(encoding="utf-8")


def status_of(home: Path, task_id: str) -> set[str]:
    return {t.status for t in storage.load_plan(home).tasks if t.id == task_id}


# ------------------------------------------------------------------ 3. export -o


def test_export_into_a_named_pipe_feeds_its_reader(planned: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "calendar.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run_here("export", "--format", "markdown", "-o", str(fifo))
        assert result.returncode == 0, result.stderr
        got, _ = reader.communicate(timeout=30)
    finally:
        if reader.poll() is None:  # the pipe was replaced: nothing will ever reach the reader
            reader.kill()
            reader.wait()
            reader.stdout.close()  # type: ignore[union-attr]
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the named pipe was replaced by a file"
    assert got.decode().startswith("# upskill plan")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_export_onto_a_device_node_writes_into_it_and_keeps_it(
    planned: Path, tmp_path: Path
) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("cannot make a device node here")
    result = run_here("export", "--format", "ics", "-o", str(device))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode), "the device node was replaced by a file"


def test_export_to_dev_stdout_appends_where_the_shell_said(planned: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n\nDo not lose these.\n", encoding="utf-8")
    with notes.open("a", encoding="utf-8") as appended:  # upskill ... >> notes.md
        result = run_with("export", "--format", "markdown", "-o", "/dev/stdout", stdout=appended)
    assert result.returncode == 0, result.stderr
    text = notes.read_text(encoding="utf-8")
    assert text.startswith("# My notes\n\nDo not lose these.\n# upskill plan")


def test_export_to_dev_stdout_into_a_pipe(planned: Path) -> None:
    result = run_with("export", "--format", "json", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == 1
    assert "does not exist" not in result.stderr


# ------------------------------------------------------------------ 8. output that fails


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--format", "json"],
        ["plan", "--all", "--format", "markdown"],
        ["check"],
        ["explain", "coding.big-o"],
        ["export", "--format", "ics"],
        ["roadmaps", "list"],
        ["--version"],
    ],
)
def test_output_to_a_full_disk_is_one_error_line(planned: Path, args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = run_with(*args, stdout=full)
    assert result.returncode == 1
    assert the_error(result) == "could not write the output: No space left on device"


def test_a_check_whose_output_fails_still_says_it_was_saved(planned: Path) -> None:
    with Path("/dev/full").open("w") as full:
        result = run_with("check", "coding.big-o", stdout=full)
    assert result.returncode == 1
    message = the_error(result)
    assert message.startswith("could not write the output: No space left on device")
    assert f"saved before that: {planned / 'plan.toml'}" in message
    assert status_of(planned, "coding.big-o") == {"done"}


def test_a_closed_stdout_is_one_error_line(planned: Path) -> None:
    result = run_with("plan", preexec=lambda: os.close(1), stdout=None)
    assert result.returncode == 1
    assert the_error(result).startswith("could not write the output")


# ------------------------------------------------------------------ 9, 18. closed stdin, stderr


def _close(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


def test_check_with_stdin_closed_prints_the_summary(planned: Path) -> None:
    result = run_with("check", preexec=_close(0), stdin=None)
    assert result.returncode == 0, result.stderr
    assert "Progress on" in result.stdout


def test_replan_with_stdin_closed_asks_for_yes(planned: Path) -> None:
    result = run_with("replan", preexec=_close(0), stdin=None)
    assert result.returncode == 2
    assert "use --yes" in the_error(result)


def test_init_with_stdin_closed_asks_for_answers(home: Path) -> None:
    result = run_with("init", preexec=_close(0), stdin=None)
    assert result.returncode == 2
    assert "use --answers" in the_error(result)


def test_with_stderr_closed_errors_never_go_to_stdout(planned: Path) -> None:
    result = run_with("check", "no-such.task", preexec=_close(2), stderr=None)
    assert result.returncode == 1
    assert result.stdout == ""


def test_with_stderr_closed_an_export_to_stdout_stays_clean(planned: Path) -> None:
    result = run_with("export", "--format", "json", "-o", "/no/such/dir/x.json", preexec=_close(2))
    assert result.returncode == 1
    assert result.stdout == ""


# ------------------------------------------------------------------ 10. ends of the calendar


def test_a_start_near_the_end_of_the_calendar_is_refused(home: Path) -> None:
    result = run_here("init", "--answers", str(EXAMPLE), "--start", "9999-12-20")
    assert result.returncode == 2
    assert "--start 9999-12-20" in the_error(result)
    assert not (home / "plan.toml").exists()


def test_a_today_near_the_start_of_the_calendar_is_refused(home: Path) -> None:
    result = run_here("init", "--answers", str(EXAMPLE), env={"UPSKILL_TODAY": "0001-01-03"})
    assert result.returncode == 2
    assert "UPSKILL_TODAY=0001-01-03" in the_error(result)
    assert not (home / "plan.toml").exists()


def test_a_plan_file_that_runs_past_the_calendar_is_refused(planned: Path) -> None:
    text = re.sub(r"start_date = \S+", "start_date = 9999-10-04", plan_text(planned))
    (planned / "plan.toml").write_text(text, encoding="utf-8")
    for args in (["plan"], ["check"], ["export", "--format", "ics"], ["replan", "--yes"]):
        result = run_here(*args)
        assert result.returncode == 1, args
        assert "profile.start_date" in the_error(result)


@pytest.mark.parametrize("today", ["0001-01-01", "0004-12-31", "9996-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "args", [["plan"], ["check"], ["check", "coding.big-o"], ["replan", "--yes"], ["init"]]
)
def test_no_command_crashes_at_the_ends_of_the_calendar(
    planned: Path, today: str, args: list[str]
) -> None:
    if args == ["init"]:
        args = ["init", "--answers", str(EXAMPLE), "--force"]
    result = run_here(*args, env={"UPSKILL_TODAY": today})
    assert result.returncode == 2
    assert f"UPSKILL_TODAY={today}" in the_error(result)


def test_check_on_a_date_before_the_plan_started_is_refused(planned: Path) -> None:
    before = plan_text(planned)
    result = run_here("check", "coding.big-o", "--on", "0001-01-01")
    assert result.returncode == 2
    assert "--on 0001-01-01" in the_error(result)
    result = run_here("check", "coding.big-o", "--on", "2026-11-01")
    assert result.returncode == 2
    assert the_error(result) == "--on 2026-11-01 is before your plan started (2026-11-23)"
    assert plan_text(planned) == before


# ------------------------------------------------------------------ 11. odd files


def test_a_plan_that_is_a_named_pipe_is_refused_at_once(planned: Path) -> None:
    (planned / "plan.toml").unlink()
    os.mkfifo(planned / "plan.toml")
    for args in (["plan"], ["check", "coding.big-o"]):
        result = run_here(*args, timeout=30)
        assert result.returncode == 1
        assert the_error(result) == (
            f"{planned / 'plan.toml'}: is a named pipe, not a plain file; upskill reads only "
            "plain files here: replace it with one"
        )


def test_a_user_roadmap_linked_to_an_endless_device_is_refused(home: Path) -> None:
    folder = home / "roadmaps"
    folder.mkdir(parents=True)
    (folder / "zero.toml").symlink_to("/dev/zero")
    result = run_here("roadmaps", "list", timeout=30)
    assert result.returncode == 1
    assert "zero.toml: is a device, not a plain file" in the_error(result)


def test_a_symlink_loop_among_user_roadmaps_is_an_error_not_a_crash(
    home: Path, tmp_path: Path
) -> None:
    folder = home / "roadmaps"
    folder.mkdir(parents=True)
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'id = "mine"\ntitle = "Mine"\n[[items]]\nid = "a"\ntitle = "A"\nhours = 1\n'
        'kind = "learn"\nwhy = "w"\nsource = "s"\ndone_when = "d"\n',
        encoding="utf-8",
    )
    result = run_here("roadmaps", "validate", str(mine))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    listed = run_here("roadmaps", "list")
    assert listed.returncode == 1
    assert "loop.toml: a symbolic link that points to itself" in the_error(listed)


def test_a_prerequisite_chain_thousands_deep_is_shown(home: Path) -> None:
    depth = 3000
    items = [
        f'[[items]]\nid = "step-{i}"\ntitle = "Step {i}"\nhours = 1\nkind = "learn"\n'
        f'why = "w"\nsource = "s"\ndone_when = "d"\n'
        + (f'prerequisites = ["step-{i - 1}"]\n' if i else "")
        for i in range(depth)
    ]
    folder = home / "roadmaps"
    folder.mkdir(parents=True)
    # In reverse, so that showing them in prerequisite order has to follow the whole chain.
    (folder / "deep.toml").write_text(
        'id = "deep"\ntitle = "Deep"\n' + "".join(reversed(items)), encoding="utf-8"
    )
    result = run_here("roadmaps", "show", "deep", "--format", "json")
    assert result.returncode == 0, result.stderr[-2000:]
    ids = [item["id"] for item in json.loads(result.stdout)["items"]]
    assert ids == [f"deep.step-{i}" for i in range(depth)]


def test_an_unreadable_roadmaps_folder_is_an_error_not_ignored(
    planned: Path, without_root_override: list[str]
) -> None:
    folder = planned / "roadmaps"
    folder.mkdir()
    folder.chmod(0o000)
    try:
        result = run_as_user(without_root_override, "roadmaps", "list")
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1
    assert the_error(result).startswith(
        f"{folder}: cannot read the folder of your roadmaps: Permission denied"
    )


# ------------------------------------------------------------------ 13. control characters

EVIL = (
    "\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x9b31m\x7f"
)
EVIL_TOML = (
    EVIL.replace("\\", "\\\\")
    .replace("\x1b", "\\u001b")
    .replace("\x07", "\\u0007")
    .replace("\x9b", "\\u009b")
    .replace("\x7f", "\\u007f")
)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _evil_home(home: Path) -> None:
    """The example plan, with a shared roadmap and hand-edited titles full of escape codes."""
    folder = home / "roadmaps"
    folder.mkdir(parents=True)
    (folder / "evil.toml").write_text(
        f'id = "evil"\ntitle = "Evil {EVIL_TOML}"\ndescription = "Desc {EVIL_TOML}"\n'
        f'[[items]]\nid = "trap"\ntitle = "Trap {EVIL_TOML}"\nhours = 2\nkind = "milestone"\n'
        f'why = "Why {EVIL_TOML}"\nsource = "Source {EVIL_TOML}"\n'
        f'done_when = "Done {EVIL_TOML}"\n'
        f'resources = [{{ title = "Res {EVIL_TOML}", url = "https://example.org/{EVIL_TOML}" }}]\n',
        encoding="utf-8",
    )
    plan = storage.load_plan(home)
    milestone = next(t for t in plan.tasks if t.kind in ("milestone", "apply"))
    for task in [*plan.tasks[:3], milestone]:  # shown by plan, check's summary and exports
        task.title = f"{EVIL} {task.title}"
    plan.unscheduled[0].id = f"{EVIL}{plan.unscheduled[0].id}"
    plan.unscheduled[0].reason = f"{EVIL} {plan.unscheduled[0].reason}"
    storage.save_plan(home, plan)


@pytest.mark.parametrize(
    "args",
    [
        ["roadmaps", "list"],
        ["roadmaps", "show", "evil"],
        ["roadmaps", "show", "evil", "--format", "json"],
        ["explain", "evil.trap"],
        ["plan"],
        ["plan", "--all"],
        ["plan", "--format", "markdown"],
        ["plan", "--format", "json"],
        ["check"],
        ["export", "--format", "markdown"],
        ["export", "--format", "ics"],
        ["export", "--format", "json"],
    ],
)
def test_control_characters_from_roadmaps_and_plans_never_reach_the_terminal(
    planned: Path, args: list[str]
) -> None:
    _evil_home(planned)
    result = run_here(*args)
    assert result.returncode == 0, result.stderr
    shown = result.stdout + result.stderr
    assert not CONTROLS.search(shown.replace("\r\n", "\n")), repr(CONTROLS.findall(shown)[:5])


def test_json_keeps_the_text_exactly_while_escaping_it(planned: Path) -> None:
    _evil_home(planned)
    result = run_here("roadmaps", "show", "evil", "--format", "json")
    assert json.loads(result.stdout)["title"] == f"Evil {EVIL}"


def test_an_error_message_quoting_a_file_is_cleaned_too(planned: Path) -> None:
    with (planned / "plan.toml").open("a", encoding="utf-8") as plan:
        plan.write(f'"{EVIL_TOML}" = 1\n')
    result = run_here("plan")
    assert result.returncode == 1
    assert not CONTROLS.search(result.stderr)


# ------------------------------------------------------------------ 15, 16, 17. smaller


def test_a_budget_with_three_decimals_is_never_exceeded_or_rounded_up(
    home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            "hours_per_week = 15", "hours_per_week = 2.999"
        ),
        encoding="utf-8",
    )
    assert run_here("init", "--answers", str(answers)).returncode == 0
    weeks = json.loads(run_here("plan", "--format", "json").stdout)["weeks"]
    assert max(week["hours"] for week in weeks) <= 2.999
    shown = run_here("plan", "--all").stdout
    assert "/ 2.999 h" in shown
    assert not re.search(r"\b3 / 2\.999", shown)


def test_a_task_id_with_a_trailing_newline_in_the_plan_is_refused(planned: Path) -> None:
    text = plan_text(planned).replace('id = "coding.big-o"', 'id = "coding.big-o\\n"', 1)
    (planned / "plan.toml").write_text(text, encoding="utf-8")
    result = run_here("plan")
    assert result.returncode == 1
    assert ".id: must be a task id like coding.big-o" in the_error(result)


@pytest.mark.parametrize("given", ["coding.big-o\n", " coding.big-o", "coding.big-o\x1b[2J"])
def test_a_task_id_with_whitespace_or_control_characters_is_refused(
    planned: Path, given: str
) -> None:
    before = plan_text(planned)
    result = run_here("check", given)
    assert result.returncode == 1
    assert "spaces, a line break or other invisible characters" in the_error(result)
    assert plan_text(planned) == before


def test_replan_is_linear_in_tasks_that_no_roadmap_has(
    planned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: looking up each orphan's parts must not scan every to-do task."""
    from upskill import progress
    from upskill.plan import Task
    from upskill.roadmaps import load_catalog

    plan = storage.load_plan(planned)
    n = 2000
    plan.tasks += [Task(f"logbook.entry-{i}", 26, f"Entry {i}", "write", 0.25) for i in range(n)]
    looked_up = 0
    item_id = Task.item_id

    def counted(task: Task) -> str:
        nonlocal looked_up
        looked_up += 1
        return item_id.fget(task)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(Task, "item_id", property(counted))
    progress.replan(plan, load_catalog(planned), plan.start)
    assert looked_up < 50 * n, f"{looked_up} look-ups for {n} orphan tasks"


# ------------------------------------------------------------------ 18. messages and limits


def test_an_empty_home_option_is_an_error(home: Path) -> None:
    result = run_here("--home", "", "plan")
    assert result.returncode == 2
    assert the_error(result) == "--home needs a folder; it was given an empty one"


def test_replan_long_after_the_plan_ended_gives_advice_that_can_be_followed(
    planned: Path,
) -> None:
    result = run_here("replan", "--yes", env={"UPSKILL_TODAY": "2500-01-01"})
    assert result.returncode == 1
    message = the_error(result)
    assert "at least" not in message
    assert "upskill init --force" in message
    numbers = [int(n) for n in re.findall(r"--weeks (\d+)", message)]
    assert all(n <= 156 for n in numbers)


def test_an_ics_export_of_an_empty_plan_is_a_valid_calendar(planned: Path) -> None:
    text = plan_text(planned)
    head = text.split("[[tasks]]", 1)[0]
    assert head.startswith("schema = 2\n")
    empty = head.replace("schema = 2\n", "schema = 2\ntasks = []\nunscheduled = []\n", 1)
    (planned / "plan.toml").write_text(empty, encoding="utf-8")
    result = run_here("export", "--format", "ics")
    assert result.returncode == 0, result.stderr
    from icalendar import Calendar

    calendar = Calendar.from_ical(result.stdout)
    assert len(calendar.subcomponents) >= 1  # RFC 5545: at least one component
    assert "BEGIN:VEVENT" in result.stdout


def test_a_folder_of_someone_else_is_not_advice_to_make_it_writable(
    planned: Path, tmp_path: Path, without_root_override: list[str]
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, 4242, 4242)
    result = run_as_user(
        without_root_override, "export", "--format", "ics", "-o", str(theirs / "plan.ics")
    )
    assert result.returncode == 1
    message = the_error(result)
    assert "make" not in message
    assert f"{theirs} is not yours to write in; choose another -o FILE" in message
