"""The only module that touches the user's files: home directory, locking, atomic TOML writes."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from upskill.errors import StateError, StorageError
from upskill.plan import Plan, plan_from_dict
from upskill.tomlio import read_toml

PLAN_FILE = "plan.toml"
PROFILE_FILE = "profile.toml"
LOCK_FILE = ".upskill.lock"


def resolve_home(option: str | Path | None = None) -> Path:
    """``--home``, else ``$UPSKILL_HOME``, else the platform's user data directory."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("UPSKILL_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("upskill", appauthor=False))


def ensure_home(home: Path) -> Path:
    """Create the home directory (mode 0700) if it does not exist."""
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        raise StorageError(f"{home}: exists and is not a directory; choose another --home") from None
    except OSError as exc:
        raise StorageError(f"{home}: cannot create the home directory: {exc.strerror}") from None
    if not home.is_dir():
        raise StorageError(f"{home}: exists and is not a directory; choose another --home")
    return home


@contextlib.contextmanager
def locked(home: Path) -> Iterator[None]:
    """Serialise writers with an exclusive lock on a separate lock file.

    flock is released by the kernel when the holder dies, so a killed process never leaves
    the next one stuck; a stale lock file on disk is harmless.
    """
    ensure_home(home)
    path = home / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(f"{path}: cannot open the lock file: {exc.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that it is always either the old or the new content.

    Temporary file in the same directory, flush + fsync, the original's mode kept, os.replace,
    directory fsync; the temporary file is removed on any failure. A symlink stays a symlink:
    its target is replaced.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o600
    except OSError as exc:
        raise StorageError(f"{path}: cannot read its permissions: {exc.strerror}") from None
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as exc:
        raise StorageError(_write_error(path, exc)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass  # some filesystems refuse to fsync a directory; the data itself is synced
    finally:
        os.close(dfd)


def _write_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        what = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        what = "the disk quota is exceeded"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "permission denied (read-only directory or file system?)"
    else:
        what = exc.strerror or str(exc)
    return f"{path}: could not save: {what}; the previous version is unchanged"


def dumps_toml(data: dict[str, Any]) -> bytes:
    import tomli_w

    return tomli_w.dumps(data).encode("utf-8")


def plan_path(home: Path) -> Path:
    return home / PLAN_FILE


def profile_path(home: Path) -> Path:
    return home / PROFILE_FILE


def load_plan(home: Path) -> Plan:
    """Read and validate ``<home>/plan.toml``; a missing plan says how to make one."""
    path = plan_path(home)
    if not path.exists() and not path.is_symlink():
        raise StateError(f"no plan in {home}; create one with `upskill init`")
    return plan_from_dict(read_toml(path, str(path)), str(path))


def save_plan(home: Path, plan: Plan) -> Path:
    ensure_home(home)
    path = plan_path(home)
    atomic_write(path, dumps_toml(plan.to_toml_dict()))
    return path


def save_profile(home: Path, profile: dict[str, Any]) -> Path:
    ensure_home(home)
    path = profile_path(home)
    atomic_write(path, dumps_toml(profile))
    return path


def backup(path: Path) -> Path | None:
    """Copy ``path`` to ``path.bak`` (atomically) before it is rewritten; None if it is absent."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"{path}: cannot read it to keep a backup: {exc.strerror}") from None
    bak = path.with_name(path.name + ".bak")
    atomic_write(bak, data)
    return bak
