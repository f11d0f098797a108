"""Nothing a person wrote is discarded (issue 11, findings 4-7 and 14).

Backups keep several generations, and one with progress is never pushed out by ones without;
a hand-edited profile.toml is never overwritten unasked; plan.toml and profile.toml are written
in a stated order, and every message about them is true; a killed save's temporary files are
cleaned up; a symbolic link is written through only to an upskill file; a run as root leaves
the person's files theirs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, init_example, run_as_user, run_here
from upskill import storage

EXAMPLE = EXAMPLES / "postdoc-research-engineer.toml"
OTHER = EXAMPLES / "swe-to-ml.toml"
ERROR = "upskill: error: "


def profile_of(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def plan_profile(home: Path) -> dict[str, object]:
    profile = profile_of(home / "plan.toml")["profile"]
    assert isinstance(profile, dict)
    return profile


def done_ids(data: bytes) -> set[str]:
    plan = tomllib.loads(data.decode("utf-8"))
    return {t["id"] for t in plan["tasks"] if t["status"] == "done"}


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(ERROR)]
    assert len(lines) == 1, result.stderr
    return lines[0][len(ERROR) :]


# ------------------------------------------------------------------ generations of backups


def test_two_init_force_in_a_row_keep_the_plan_with_progress(home: Path) -> None:
    init_example()
    assert run_here("check", "coding.big-o").returncode == 0
    with_progress = (home / "plan.toml").read_bytes()
    for _ in range(2):
        result = run_here("init", "--answers", str(OTHER), "--force")
        assert result.returncode == 0, result.stderr
    kept = [p for p in storage.backups(home / "plan.toml") if p.read_bytes() == with_progress]
    assert kept, "the plan with progress is in no backup"
    assert done_ids(kept[0].read_bytes()) == {"coding.big-o"}


def test_init_force_then_replan_keeps_the_plan_with_progress(home: Path) -> None:
    init_example()
    assert run_here("check", "coding.big-o").returncode == 0
    with_progress = (home / "plan.toml").read_bytes()
    assert run_here("init", "--answers", str(OTHER), "--force").returncode == 0
    result = run_here("replan", "--yes", "--hours", "12")
    assert result.returncode == 0, result.stderr
    assert with_progress in [p.read_bytes() for p in storage.backups(home / "plan.toml")]


def _generations(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in storage.backups(path)}


def test_backups_rotate_and_one_with_progress_is_never_pushed_out(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    progress = b'[[tasks]]\nid = "coding.big-o"\nstatus = "done"\n'
    path.write_bytes(progress)
    storage.backup(path, progress=True)
    n = storage.BACKUP_GENERATIONS
    for i in range(n + 3):  # more generations without progress than are kept
        path.write_bytes(f'[[tasks]]\nid = "coding.big-o"\nstatus = "todo"  # {i}\n'.encode())
        storage.backup(path, progress=True)
    kept = _generations(path)
    assert len(kept) == n + 1
    assert kept["plan.toml.bak"].endswith(f"# {n + 2}\n".encode())  # the newest first
    assert kept[f"plan.toml.bak.{n}"].endswith(b"# 3\n")  # then in order
    assert kept[f"plan.toml.bak.{n + 1}"] == progress  # kept beyond the usual generations
    # Once a newer backup holds progress, the old one may go the usual way.
    path.write_bytes(progress.replace(b"big-o", b"hashmaps"))
    storage.backup(path, progress=True)
    for _ in range(n):
        path.write_bytes(b'status = "todo"\n')
        storage.backup(path, progress=True)
    kept = _generations(path)
    assert progress not in kept.values()
    assert progress.replace(b"big-o", b"hashmaps") in kept.values()


def test_a_backup_of_the_same_bytes_is_not_a_new_generation(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes(b"a = 1\n")
    storage.backup(path)
    path.write_bytes(b"a = 2\n")
    storage.backup(path)
    storage.backup(path)  # nothing changed since: a retried command adds nothing
    assert _generations(path) == {"profile.toml.bak": b"a = 2\n", "profile.toml.bak.2": b"a = 1\n"}


def test_a_backup_never_writes_through_a_symlink(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"keep me\n")
    path = tmp_path / "plan.toml"
    path.write_bytes(b"a = 1\n")
    (tmp_path / "plan.toml.bak").symlink_to(precious)
    storage.backup(path, progress=True)
    assert precious.read_bytes() == b"keep me\n"
    assert (tmp_path / "plan.toml.bak").read_bytes() == b"a = 1\n"


def test_the_readme_never_points_init_force_at_the_real_home() -> None:
    """Commands people paste (the README's code blocks) must not replace a plan of their own."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|text)\n(.*?)\n```", readme, re.DOTALL)
    commands = [
        part for block in blocks for part in re.split(r"&&|;|\n", block) if "upskill" in part
    ]
    forced = [c for c in commands if re.search(r"\binit\b", c) and "--force" in c]
    assert forced, "the quick start has an init --force"
    for command in forced:
        assert "--home" in command, f"the README runs init --force on the real home: {command}"


# ------------------------------------------------------------------ profile.toml


def test_replan_refuses_to_overwrite_a_hand_edited_profile(planned: Path) -> None:
    profile = planned / "profile.toml"
    edited = profile.read_text(encoding="utf-8").replace("weeks = 26", "weeks = 40")
    profile.write_text(edited, encoding="utf-8")
    plan_before = (planned / "plan.toml").read_bytes()
    result = run_here("replan", "--yes", "--hours", "12")
    assert result.returncode == 1
    message = one_error_line(result)
    assert f"{profile} has changes that are not in the plan" in message
    assert f"upskill replan --profile {profile}" in message
    assert profile.read_text(encoding="utf-8") == edited
    assert (planned / "plan.toml").read_bytes() == plan_before


def test_replan_with_the_edited_profile_applies_it_and_keeps_a_backup(planned: Path) -> None:
    profile = planned / "profile.toml"
    original = profile.read_bytes()
    profile.write_text(original.decode().replace("weeks = 26", "weeks = 40"), encoding="utf-8")
    edited = profile.read_bytes()
    result = run_here("replan", "--yes", "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    assert plan_profile(planned)["weeks"] == 40
    assert profile_of(profile) == plan_profile(planned)
    assert (planned / "profile.toml.bak").read_bytes() == edited


def test_replan_keeps_a_backup_of_the_profile(planned: Path) -> None:
    before = (planned / "profile.toml").read_bytes()
    result = run_here("replan", "--yes", "--hours", "12")
    assert result.returncode == 0, result.stderr
    assert (planned / "profile.toml.bak").read_bytes() == before
    assert profile_of(planned / "profile.toml")["hours_per_week"] == 12


def test_init_force_keeps_a_hand_edited_profile_and_says_where(planned: Path) -> None:
    profile = planned / "profile.toml"
    profile.write_text(
        "# my notes\n" + profile.read_text(encoding="utf-8").replace("weeks = 26", "weeks = 30"),
        encoding="utf-8",
    )
    edited = profile.read_bytes()
    result = run_here("init", "--answers", str(OTHER), "--force")
    assert result.returncode == 0, result.stderr
    assert (planned / "profile.toml.bak").read_bytes() == edited
    assert "held changes that were in no plan" in result.stderr
    assert str(planned / "profile.toml.bak") in result.stderr


def test_init_force_with_the_profile_itself_as_answers_says_nothing_about_it(
    planned: Path,
) -> None:
    profile = planned / "profile.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("weeks = 26", "weeks = 30"), encoding="utf-8"
    )
    result = run_here("init", "--answers", str(profile), "--force")
    assert result.returncode == 0, result.stderr
    assert "in no plan" not in result.stderr
    assert plan_profile(planned)["weeks"] == 30


def test_a_profile_left_behind_by_an_interrupted_save_is_brought_in_line(planned: Path) -> None:
    """plan.toml saved, profile.toml not: it still holds the previous plan's profile."""
    old_profile = (planned / "profile.toml").read_bytes()
    assert run_here("replan", "--yes", "--hours", "12").returncode == 0
    (planned / "profile.toml").write_bytes(old_profile)  # as if the second write never happened
    result = run_here("replan", "--yes")
    assert result.returncode == 0, result.stderr
    assert "held the profile of the previous plan" in result.stderr
    assert profile_of(planned / "profile.toml") == plan_profile(planned)
    assert plan_profile(planned)["hours_per_week"] == 12


# ------------------------------------------------------------------ order and true messages


# Runs the real entry point with one fault injected: a Ctrl-C right after a given file is
# replaced (os.replace returns, then SIGINT arrives), which a person can do at any moment.
CTRL_C_AFTER = textwrap.dedent(
    """
    import os, signal, sys
    real, after = os.replace, sys.argv[1]
    def replace(src, dst, *args, **kwargs):
        real(src, dst, *args, **kwargs)
        if os.path.basename(dst) == after:
            signal.raise_signal(signal.SIGINT)
    os.replace = replace
    sys.argv = ["upskill", *sys.argv[2:]]
    from upskill._entry import main
    main()
    """
)


def ctrl_c_after(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CTRL_C_AFTER, name, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_ctrl_c_after_a_check_is_saved_does_not_say_nothing_was_written(planned: Path) -> None:
    result = ctrl_c_after("plan.toml", "check", "coding.big-o")
    assert result.returncode == 130
    assert "nothing was written" not in result.stderr
    assert f"interrupted after saving {planned / 'plan.toml'}" in result.stderr
    assert done_ids((planned / "plan.toml").read_bytes()) == {"coding.big-o"}


def test_ctrl_c_between_the_plan_and_the_profile_cannot_split_them(planned: Path) -> None:
    result = ctrl_c_after("plan.toml", "init", "--answers", str(OTHER), "--force")
    assert result.returncode == 130
    assert "nothing was written" not in result.stderr
    assert "interrupted after saving" in result.stderr
    assert profile_of(planned / "profile.toml") == plan_profile(planned)
    assert plan_profile(planned)["target_role"] == profile_of(OTHER)["target_role"]


def test_ctrl_c_before_any_file_is_replaced_still_says_nothing_changed(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    result = ctrl_c_after("plan.toml.bak", "init", "--answers", str(OTHER), "--force")
    assert result.returncode == 130
    assert "nothing was changed" in result.stderr
    assert (planned / "plan.toml").read_bytes() == before


def test_init_writes_the_plan_before_the_profile(home: Path) -> None:
    """A Ctrl-C after the first file lands must find the plan, the source of truth, saved."""
    result = ctrl_c_after("plan.toml", "init", "--answers", str(EXAMPLE))
    assert result.returncode == 130
    lines = result.stderr.splitlines()
    saved = lines[-1]
    assert saved.startswith("upskill: interrupted after saving "), lines
    assert saved.index("plan.toml") < saved.index("profile.toml")


def test_a_failed_profile_save_after_the_plan_was_saved_says_so(
    planned: Path, tmp_path: Path, without_root_override: list[str]
) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (planned / "profile.toml").rename(synced / "profile.toml")
    (planned / "profile.toml").symlink_to(synced / "profile.toml")
    plan_before = (planned / "plan.toml").read_bytes()
    synced.chmod(0o500)  # its folder cannot take the new profile
    try:
        result = run_as_user(without_root_override, "replan", "--yes", "--hours", "12")
    finally:
        synced.chmod(0o700)
    assert result.returncode == 1
    message = one_error_line(result)
    assert message.startswith(f"{planned / 'profile.toml'}: could not save: permission denied")
    assert "the previous version is unchanged" not in message
    assert "plan.toml was saved" in message
    assert (planned / "plan.toml").read_bytes() != plan_before
    assert plan_profile(planned)["hours_per_week"] == 12


# ------------------------------------------------------------------ temporary files


def test_temporary_files_left_by_a_killed_save_are_removed_by_the_next_save(
    planned: Path,
) -> None:
    stale = [".plan.toml.k1ll3d9x.tmp", ".profile.toml.abcd_123.tmp", ".plan.toml.bak.zzzz0000.tmp"]
    others = [".plan.toml.v1.bak.abcdefgh.tmp", "notes.tmp", ".plan.toml.short.tmp"]
    for name in stale + others:
        (planned / name).write_text("half a plan", encoding="utf-8")
    result = run_here("check", "coding.big-o")
    assert result.returncode == 0, result.stderr
    left = sorted(p.name for p in planned.iterdir() if p.name.endswith(".tmp"))
    assert left == sorted(others)


def test_the_readme_says_what_happens_to_comments_in_plan_toml() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    your_data = readme.split("## Your data", 1)[1].split("\n## ", 1)[0]
    assert "comment" in your_data.lower()
    assert "plan.toml.bak.2" in your_data  # how to get an older plan back


# ------------------------------------------------------------------ symbolic links, owners


def test_init_force_does_not_write_through_a_profile_link_to_a_foreign_file(
    planned: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.conf"
    precious.write_text("user = ada\n", encoding="utf-8")
    (planned / "profile.toml").unlink()
    (planned / "profile.toml").symlink_to(precious)
    plan_before = (planned / "plan.toml").read_bytes()
    result = run_here("init", "--answers", str(OTHER), "--force")
    assert result.returncode == 1
    message = one_error_line(result)
    assert message.startswith(f"{planned / 'profile.toml'}: is a symbolic link to {precious}")
    assert "does not hold an upskill profile" in message
    assert precious.read_text(encoding="utf-8") == "user = ada\n"
    assert (planned / "plan.toml").read_bytes() == plan_before


def test_init_force_does_not_write_through_a_plan_link_to_a_foreign_file(
    planned: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("my thesis notes\n", encoding="utf-8")
    (planned / "plan.toml").unlink()
    (planned / "plan.toml").symlink_to(precious)
    result = run_here("init", "--answers", str(OTHER), "--force")
    assert result.returncode == 1
    assert "is a symbolic link to" in one_error_line(result)
    assert precious.read_text(encoding="utf-8") == "my thesis notes\n"


def test_a_link_to_an_upskill_plan_is_still_written_through(planned: Path, tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    (planned / "plan.toml").rename(synced / "plan.toml")
    (planned / "plan.toml").symlink_to(synced / "plan.toml")
    result = run_here("init", "--answers", str(OTHER), "--force")
    assert result.returncode == 0, result.stderr
    assert (planned / "plan.toml").is_symlink()
    assert plan_profile(synced)["target_role"] == profile_of(OTHER)["target_role"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_run_as_root_leaves_the_persons_files_theirs(planned: Path) -> None:
    person = (4242, 4343)  # any ids other than root's
    os.chown(planned, *person)
    for path in planned.iterdir():
        os.chown(path, *person)
    assert run_here("check", "coding.big-o").returncode == 0
    result = run_here("replan", "--yes", "--hours", "12")
    assert result.returncode == 0, result.stderr
    owners = {p.name: (p.stat().st_uid, p.stat().st_gid) for p in planned.iterdir()}
    assert "plan.toml.bak" in owners
    assert "profile.toml.bak" in owners
    assert owners == dict.fromkeys(owners, person)
