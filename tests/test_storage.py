"""Nothing lost: atomic saves, kept modes and symlinks, failures that leave the old file, locking.

Most guarantees are checked twice: in-process around ``storage.atomic_write`` (to inject a
failure at an exact step), and with real processes (kill -9, Ctrl-C, twenty concurrent
`upskill check`, a read-only home, a file-size limit) because that is what users run into.
"""

from __future__ import annotations

import errno
import os
import random
import resource
import select
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, init_example, run, run_as_user, upskill_exe
from upskill import storage
from upskill.errors import DataError, StateError, StorageError
from upskill.plan import Plan

ERROR = "upskill: error: "


# ------------------------------------------------------------------ helpers and fixtures


def temp_files(folder: Path) -> list[str]:
    """Leftover temporary files of atomic_write (``.NAME.XXXX.tmp``)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def error_lines(stderr: str) -> list[str]:
    """stderr's lines; every one must be an `upskill: error:` line and none a traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert lines, "expected an error message on stderr"
    for line in lines:
        assert line.startswith(ERROR), f"not an error line: {line!r}"
    return lines


def plan_ids(home: Path) -> list[str]:
    """Distinct one-off task ids (no recurring occurrences), in plan order."""
    plan = storage.load_plan(home)
    return list(dict.fromkeys(t.id for t in plan.tasks if "@" not in t.id))


def status_of(home: Path, task_id: str) -> set[str]:
    return {t.status for t in storage.load_plan(home).tasks if t.id == task_id}


def in_this_fd_folder(fd: int, folder: Path) -> bool:
    """Whether ``fd`` is a file inside ``folder`` (so fakes leave pytest's own I/O alone)."""
    try:
        return str(Path(f"/proc/self/fd/{fd}").readlink()).startswith(str(folder))
    except OSError:
        return False


# ------------------------------------------------------------------ atomic_write in-process


def test_a_new_file_is_private_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    storage.atomic_write(target, b"a = 1\n")
    assert target.read_bytes() == b"a = 1\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o400, 0o600])
def test_a_save_keeps_the_original_files_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old = 1\n")
    target.chmod(mode)
    storage.atomic_write(target, b"new = 2\n")
    assert target.read_bytes() == b"new = 2\n"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert temp_files(tmp_path) == []


def test_a_symlinked_file_stays_a_symlink_and_its_target_is_replaced(tmp_path: Path) -> None:
    real_dir = tmp_path / "synced"
    real_dir.mkdir()
    real = real_dir / "my-plan.toml"
    real.write_bytes(b"old = 1\n")
    real.chmod(0o640)
    link = tmp_path / "plan.toml"
    link.symlink_to(Path("synced") / "my-plan.toml")  # relative, as people make them
    storage.atomic_write(link, b"new = 2\n")
    assert link.is_symlink()
    assert link.readlink() == Path("synced") / "my-plan.toml"
    assert real.read_bytes() == b"new = 2\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    # The temporary file lived beside the target (same file system), and is gone.
    assert temp_files(real_dir) == []
    assert temp_files(tmp_path) == []


def test_a_dangling_plan_symlink_is_reported_not_taken_for_no_plan(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "plan.toml").symlink_to(home / "gone.toml")
    with pytest.raises(StateError, match=r"plan\.toml: is a symbolic link to .*gone\.toml"):
        storage.load_plan(home)


def _failing(
    monkeypatch: pytest.MonkeyPatch, folder: Path, name: str, code: int
) -> Callable[..., Any]:
    """Replace ``os.<name>`` by a version failing with ``code`` for files in ``folder``."""
    real = getattr(os, name)

    def fake(*args: Any, **kwargs: Any) -> Any:
        first = args[0]
        ours = (
            in_this_fd_folder(first, folder)
            if isinstance(first, int)
            else str(first).startswith(str(folder))
        )
        if ours:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return fake


@pytest.mark.parametrize("step", ["write", "fsync", "fchmod", "replace"])
@pytest.mark.parametrize(
    ("code", "says"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "quota"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_save_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, says: str
) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old = 1\n")
    _failing(monkeypatch, tmp_path, step, code)
    with pytest.raises(StorageError) as caught:
        storage.atomic_write(target, b"new = 2\n" * 10_000)
    monkeypatch.undo()
    message = str(caught.value)
    assert message.startswith(f"{target}: could not save: ")
    assert says in message
    assert message.endswith("the previous version is unchanged")
    assert "\n" not in message
    assert target.read_bytes() == b"old = 1\n"
    assert temp_files(tmp_path) == []


def test_a_temporary_file_that_cannot_be_created_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(
        StorageError, match=r"could not save: the disk is full.*nothing was written"
    ):
        storage.atomic_write(tmp_path / "new.toml", b"a = 1\n")
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_lands_short_is_completed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.write may write less than asked (signals, some file systems): loop, never truncate."""
    real = os.write

    def short(fd: int, data: Any) -> int:
        if in_this_fd_folder(fd, tmp_path):
            return real(fd, bytes(data)[:7])
        return real(fd, data)

    monkeypatch.setattr(os, "write", short)
    payload = bytes(range(256)) * 50
    storage.atomic_write(tmp_path / "f", payload)
    monkeypatch.undo()
    assert (tmp_path / "f").read_bytes() == payload


def test_the_data_and_the_folder_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        try:
            synced.append(str(Path(f"/proc/self/fd/{fd}").readlink()))
        except OSError:
            synced.append("?")
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    storage.atomic_write(tmp_path / "plan.toml", b"a = 1\n")
    monkeypatch.undo()
    assert any(s.endswith(".tmp") for s in synced), synced  # the data, before the rename
    assert str(tmp_path) in synced, synced  # the directory entry, after it


def test_ctrl_c_before_the_new_file_is_in_place_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old = 1\n")
    real = os.fsync
    handler = signal.getsignal(signal.SIGINT)

    def ctrl_c_during_fsync(fd: int) -> None:
        signal.raise_signal(signal.SIGINT)  # the user presses Ctrl-C in the middle of the save
        real(fd)

    monkeypatch.setattr(os, "fsync", ctrl_c_during_fsync)
    with pytest.raises(KeyboardInterrupt):
        storage.atomic_write(target, b"new = 2\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"old = 1\n"
    assert temp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is handler


def test_ctrl_c_during_the_rename_gives_the_new_file_then_the_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old = 1\n")
    real = os.replace
    handler = signal.getsignal(signal.SIGINT)

    def ctrl_c_during_replace(src: Any, dst: Any) -> None:
        real(src, dst)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(os, "replace", ctrl_c_during_replace)
    with pytest.raises(KeyboardInterrupt):
        storage.atomic_write(target, b"new = 2\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"new = 2\n"
    assert temp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is handler


def test_an_ignored_ctrl_c_does_not_stop_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.toml"
    real = os.fsync

    def ctrl_c(fd: int) -> None:
        signal.raise_signal(signal.SIGINT)
        real(fd)

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        monkeypatch.setattr(os, "fsync", ctrl_c)
        storage.atomic_write(target, b"new = 2\n")
        monkeypatch.undo()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
    assert target.read_bytes() == b"new = 2\n"


def test_text_utf8_cannot_hold_is_refused_before_anything_is_written(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    plan = storage.load_plan(planned)
    plan.tasks[0].title = "bad \udcff byte"  # what surrogateescape makes of a stray byte
    with pytest.raises(DataError, match=r"cannot save: some text holds \\udcff"):
        storage.save_plan(planned, plan)
    assert (planned / "plan.toml").read_bytes() == before
    assert temp_files(planned) == []


# ------------------------------------------------------------------ home directory


def test_a_missing_home_is_created_private(tmp_path: Path) -> None:
    home = tmp_path / "not" / "yet" / "here"
    result = run(
        "--home", str(home), "init", "--answers", str(EXAMPLES / "postdoc-research-engineer.toml")
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "plan.toml").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "profile.toml").stat().st_mode) == 0o600
    assert temp_files(home) == []


def test_a_home_that_is_a_file_is_reported(tmp_path: Path) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder")
    result = run(
        "--home", str(home), "init", "--answers", str(EXAMPLES / "postdoc-research-engineer.toml")
    )
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"{ERROR}{home}: exists and is not a directory; choose another --home"
    ]
    assert home.read_text() == "not a folder"


def test_a_read_only_home_refuses_the_save_and_keeps_the_plan(
    planned: Path, without_root_override: list[str]
) -> None:
    (planned / storage.LOCK_FILE).touch(mode=0o600)  # as left by an earlier run
    before = (planned / "plan.toml").read_bytes()
    planned.chmod(0o500)
    try:
        result = run_as_user(without_root_override, "check", "coding.big-o")
        shown = run_as_user(without_root_override, "plan")
    finally:
        planned.chmod(0o700)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"{ERROR}{planned / 'plan.toml'}: could not save: permission denied; "
        f"make {planned} writable or choose another --home; the previous version is unchanged"
    ]
    assert (planned / "plan.toml").read_bytes() == before
    assert temp_files(planned) == []
    assert shown.returncode == 0, shown.stderr  # reading still works


def test_a_read_only_home_without_a_lock_file_says_what_to_do(
    planned: Path, without_root_override: list[str]
) -> None:
    before = (planned / "plan.toml").read_bytes()
    planned.chmod(0o500)
    try:
        result = run_as_user(without_root_override, "check", "coding.big-o")
    finally:
        planned.chmod(0o700)
    assert result.returncode == 1
    lock = planned / storage.LOCK_FILE
    assert error_lines(result.stderr) == [
        f"{ERROR}{lock}: cannot open the lock file: Permission denied; "
        f"make {planned} writable or choose another --home"
    ]
    assert (planned / "plan.toml").read_bytes() == before


def test_an_unreadable_home_is_an_error_not_a_traceback(
    planned: Path, without_root_override: list[str]
) -> None:
    planned.chmod(0o000)
    try:
        result = run_as_user(without_root_override, "plan")
    finally:
        planned.chmod(0o700)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"{ERROR}{planned / 'plan.toml'}: cannot read: Permission denied; "
        f"check the permissions of {planned}"
    ]


def test_an_unreadable_plan_file_is_an_error_not_a_traceback(
    planned: Path, without_root_override: list[str]
) -> None:
    (planned / "plan.toml").chmod(0o000)
    try:
        result = run_as_user(without_root_override, "plan")
    finally:
        (planned / "plan.toml").chmod(0o600)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"{ERROR}{planned / 'plan.toml'}: cannot read: Permission denied; "
        "check the file's permissions"
    ]


def _limit_file_size() -> None:  # pragma: no cover - runs in the child before exec
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_write_the_kernel_refuses_midway_keeps_the_old_plan(planned: Path) -> None:
    """A real short write: a 4 KiB file-size limit makes the kernel refuse the 40 KiB plan."""
    before = (planned / "plan.toml").read_bytes()
    assert len(before) > 4096
    result = subprocess.run(
        [upskill_exe(), "check", "coding.big-o"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limit_file_size,
        check=False,
    )
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"{ERROR}{planned / 'plan.toml'}: could not save: ")
    assert line.endswith("; the previous version is unchanged")
    assert (planned / "plan.toml").read_bytes() == before
    assert temp_files(planned) == []


def test_a_symlinked_plan_stays_a_symlink_through_the_cli(planned: Path, tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    (planned / "plan.toml").rename(synced / "plan.toml")
    (planned / "plan.toml").symlink_to(synced / "plan.toml")
    result = run("check", "coding.big-o")
    assert result.returncode == 0, result.stderr
    assert (planned / "plan.toml").is_symlink()
    assert status_of(synced, "coding.big-o") == {"done"}
    assert temp_files(planned) == []
    assert temp_files(synced) == []


def test_a_backup_is_kept_before_a_replan(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    result = run("replan", "--yes", "--hours", "20")
    assert result.returncode == 0, result.stderr
    assert (planned / "plan.toml.bak").read_bytes() == before
    assert (planned / "plan.toml").read_bytes() != before
    assert temp_files(planned) == []


# ------------------------------------------------------------------ kill -9 and Ctrl-C


SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from upskill import storage
    from upskill.plan import plan_from_dict
    from upskill.tomlio import read_toml

    home, files, how = Path(sys.argv[1]), sys.argv[2:4], sys.argv[4]
    if how == "save_plan":
        plans = [plan_from_dict(read_toml(Path(f))) for f in files]
        save = lambda i: storage.save_plan(home, plans[i % 2])
    else:  # big payloads: nearly all the time goes into writing, where a kill hurts most
        payloads = [Path(f).read_bytes() for f in files]
        save = lambda i: storage.atomic_write(storage.plan_path(home), payloads[i % 2])
    i = 0
    while True:
        save(i)
        i += 1
        print(i, flush=True)
    """
)
PAD = b"# padding, to make each write long\n" * 100_000  # 3.6 MB of TOML comments


@pytest.fixture(params=["save_plan", "big"])
def two_states(
    request: pytest.FixtureRequest, planned: Path, tmp_path: Path
) -> tuple[Path, Path, str, set[bytes]]:
    """Two plan files differing in one task, how the saver writes them, and their exact bytes.

    ``save_plan``: the files as save_plan writes them, saved through it. ``big``: the same
    plans padded to megabytes, written with atomic_write, so a signal lands inside a write.
    """
    plan = storage.load_plan(planned)
    pad = PAD if request.param == "big" else b""
    a = tmp_path / "a.toml"
    a.write_bytes(storage.dumps_toml(plan.to_toml_dict()) + pad)
    first = plan.tasks[0]
    first.status, first.done_on = "skipped", None
    b = tmp_path / "b.toml"
    b.write_bytes(storage.dumps_toml(plan.to_toml_dict()) + pad)
    states = {a.read_bytes(), b.read_bytes()}
    assert len(states) == 2
    return a, b, request.param, states


def _interrupt_at_random(
    home: Path,
    states: tuple[Path, Path, str, set[bytes]],
    sig: int,
    rounds: int,
    rng: random.Random,
) -> Iterator[tuple[int, int]]:
    """Run the saver, send ``sig`` after a random number of saves and a random extra delay.

    A fixed number of rounds (no wall-clock budget: a busy machine is only slower). Yields
    (saves seen, return code) per round, after the process has died.
    """
    a, b, how, _ = states
    most = 30 if how == "save_plan" else 6
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(home), str(a), str(b), how],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        wanted, seen = rng.randint(most // 6, most), 0
        try:
            while seen < wanted:
                line = proc.stdout.readline()
                assert line, "the saver died on its own"
                seen = int(line)
            time.sleep(rng.uniform(0, 0.02))  # land anywhere inside the next save
            proc.send_signal(sig)
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        yield seen, code


def _assert_old_or_new(home: Path, states: set[bytes]) -> None:
    data = (home / "plan.toml").read_bytes()
    assert data in states, f"plan.toml is neither state ({len(data)} bytes)"
    storage.load_plan(home)  # and it parses and validates


@pytest.mark.slow
def test_kill_9_at_random_moments_never_leaves_a_partial_plan(
    planned: Path, two_states: tuple[Path, Path, str, set[bytes]]
) -> None:
    states = two_states[3]
    rng = random.Random(20261122)
    total = rounds = 0
    for seen, code in _interrupt_at_random(planned, two_states, signal.SIGKILL, 8, rng):
        assert code == -signal.SIGKILL
        _assert_old_or_new(planned, states)
        # A killed save may leave its temporary file, never anything else.
        others = {p.name for p in planned.iterdir()} - set(temp_files(planned))
        assert others == {"plan.toml", "profile.toml"}
        total += seen
        rounds += 1
    assert rounds == 8, rounds
    assert total >= (8 * 5 if two_states[2] == "save_plan" else 8), total


@pytest.mark.slow
def test_ctrl_c_at_random_moments_leaves_old_or_new_and_no_temporary_file(
    planned: Path, two_states: tuple[Path, Path, str, set[bytes]]
) -> None:
    rng = random.Random(7)
    rounds = 0
    for _, code in _interrupt_at_random(planned, two_states, signal.SIGINT, 5, rng):
        assert code in (-signal.SIGINT, 1, 130), code  # died of the KeyboardInterrupt
        _assert_old_or_new(planned, two_states[3])
        assert temp_files(planned) == []
        rounds += 1
    assert rounds == 5


@pytest.mark.slow
def test_ctrl_c_on_a_real_check_leaves_old_or_new_and_frees_the_lock(planned: Path) -> None:
    path = planned / "plan.toml"
    old = path.read_bytes()
    rng = random.Random(3)
    for delay in sorted(rng.uniform(0.05, 0.8) for _ in range(5)):
        path.write_bytes(old)
        proc = subprocess.Popen(
            [upskill_exe(), "check", "coding.big-o"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode in (0, 130, -signal.SIGINT), (delay, proc.returncode, err)
        if path.read_bytes() != old:
            assert status_of(planned, "coding.big-o") == {"done"}
        assert temp_files(planned) == []
    after = run("check", "--undo", "coding.big-o", timeout=30)  # the lock is free
    assert after.returncode == 0, after.stderr
    assert "waiting" not in after.stderr


# ------------------------------------------------------------------ locking


@pytest.mark.slow
def test_twenty_concurrent_checks_all_land(planned: Path) -> None:
    ids = plan_ids(planned)[:20]
    assert len(ids) == 20
    env = dict(os.environ)
    procs = [
        subprocess.Popen(
            [upskill_exe(), "check", tid, "--format", "json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        for tid in ids
    ]
    failures = []
    for tid, proc in zip(ids, procs, strict=True):
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            failures.append((tid, proc.returncode, err))
    assert failures == []
    plan = storage.load_plan(planned)
    lost = [tid for tid in ids if {t.status for t in plan.tasks if t.id == tid} != {"done"}]
    assert lost == [], f"lost updates: {lost}"
    assert temp_files(planned) == []


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from upskill import storage

    with storage.locked(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(120)
    """
)


def test_a_writer_waits_for_the_lock_and_a_killed_holder_frees_it(planned: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(planned)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline() == "locked\n"
        writer = subprocess.Popen(
            [upskill_exe(), "check", "coding.big-o"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert writer.stderr is not None
            ready, _, _ = select.select([writer.stderr], [], [], 30)
            assert ready, "the writer neither waited nor finished"
            waiting = writer.stderr.readline()  # serialised: it waits while the lock is held
            lock = planned / ".upskill.lock"
            assert waiting == f"upskill: waiting for another upskill to finish (lock {lock})\n"
            time.sleep(0.3)
            assert writer.poll() is None
            assert status_of(planned, "coding.big-o") == {"todo"}
            holder.send_signal(signal.SIGKILL)  # dies holding the lock ...
            holder.wait(timeout=10)
            _, err = writer.communicate(timeout=20)  # ... which frees it at once
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait()
        holder.stdout.close()
    assert writer.returncode == 0, err
    assert status_of(planned, "coding.big-o") == {"done"}


def test_a_stale_lock_file_is_harmless(planned: Path) -> None:
    lock = planned / storage.LOCK_FILE
    lock.write_text("4242\nleft behind by a process that was killed\n")
    started = time.monotonic()
    result = run("check", "coding.big-o", timeout=30)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 15
    assert "waiting" not in result.stderr
    assert status_of(planned, "coding.big-o") == {"done"}
    assert lock.exists()  # never deleted: deleting a lock file races with the next locker


def test_the_lock_is_released_after_an_error(planned: Path) -> None:
    bad = run("check", "nope")
    assert bad.returncode == 1
    good = run("check", "coding.big-o", timeout=30)
    assert good.returncode == 0, good.stderr
    assert "waiting" not in good.stderr


def test_an_unlockable_lock_file_is_reported(
    planned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with (
        pytest.raises(StorageError, match=r"\.upskill\.lock: cannot lock it: .*--home"),
        storage.locked(planned),
    ):
        pass  # pragma: no cover


def test_locked_sections_in_one_process_do_not_deadlock_after_each_other(planned: Path) -> None:
    for _ in range(3):
        with storage.locked(planned):
            plan: Plan = storage.load_plan(planned)
            storage.save_plan(planned, plan)
    assert temp_files(planned) == []


def test_a_schema_1_plan_is_upgraded_with_a_backup_kept_first(home: Path) -> None:
    """Schema 2 only added optional keys: a plan written by an older upskill reads as it was."""
    init_example()
    path = home / "plan.toml"
    old = path.read_bytes().replace(b"schema = 2\n", b"schema = 1\n", 1)
    path.write_bytes(old)
    loaded = storage.load_plan(home)
    assert loaded.schema == 2
    assert (home / "plan.toml.v1.bak").read_bytes() == old
    assert path.read_bytes() == old  # read-only commands take no lock, so they do not write
    storage.save_plan(home, loaded)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["schema"] == 2


def test_an_older_schema_is_migrated_with_a_backup_kept_first(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pretend schema 3 exercises an upgrade that changes what is read."""
    from upskill import plan as plan_schema

    init_example()
    path = home / "plan.toml"
    old = path.read_bytes()

    def shout(data: dict[str, Any]) -> dict[str, Any]:
        for task in data["tasks"]:
            task["title"] = task["title"].upper()
        return data

    monkeypatch.setattr(plan_schema, "SCHEMA", 3)
    monkeypatch.setattr(storage, "MIGRATIONS", {2: shout})
    loaded = storage.load_plan(home)
    assert loaded.schema == 3
    assert all(t.title == t.title.upper() for t in loaded.tasks)
    assert (home / "plan.toml.v2.bak").read_bytes() == old
    assert path.read_bytes() == old
    storage.save_plan(home, loaded)  # the next save (under the lock) writes the new schema
    assert tomllib.loads(path.read_text(encoding="utf-8"))["schema"] == 3
    again = storage.load_plan(home)  # already current: nothing more happens
    assert again.tasks == loaded.tasks
    assert (home / "plan.toml.v2.bak").read_bytes() == old


def test_a_schema_with_no_upgrade_path_is_refused_unchanged(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from upskill import plan as plan_schema

    init_example()
    path = home / "plan.toml"
    old = path.read_bytes()
    monkeypatch.setattr(plan_schema, "SCHEMA", 4)
    monkeypatch.setattr(storage, "MIGRATIONS", {3: lambda data: data})
    with pytest.raises(DataError, match="schema 2 is too old for this upskill to upgrade"):
        storage.load_plan(home)
    assert path.read_bytes() == old
    assert not (home / "plan.toml.v2.bak").exists()
