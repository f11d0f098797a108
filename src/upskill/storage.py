"""The only module that touches the user's files: home directory, locking, atomic TOML writes."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from upskill import plan as plan_schema
from upskill.errors import DataError, StateError, StorageError
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
        raise StorageError(
            f"{home}: exists and is not a directory; choose another --home"
        ) from None
    except OSError as exc:
        raise StorageError(
            f"{home}: cannot create the home directory: {exc.strerror}; "
            "choose another --home or create it yourself"
        ) from None
    if not home.is_dir():
        raise StorageError(f"{home}: exists and is not a directory; choose another --home")
    return home


@contextlib.contextmanager
def locked(home: Path) -> Iterator[None]:
    """Serialise writers with an exclusive lock on a separate lock file.

    flock is released by the kernel when the holder dies, so a killed process never leaves
    the next one stuck; a stale lock file on disk is harmless (it is never deleted: deleting
    it would let two processes hold locks on two different files).
    """
    ensure_home(home)
    path = home / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot open the lock file: {exc.strerror}; "
            f"make {home} writable or choose another --home"
        ) from None
    try:
        _acquire(fd, path)
    except BaseException:
        os.close(fd)
        raise
    try:
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: Path) -> None:
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Another upskill holds the lock (perhaps a prompt waiting for an answer): say so
            # rather than hang silently, then wait for it.
            print(
                f"upskill: waiting for another upskill to finish (lock {path})",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot lock it: {exc.strerror}; use a --home on a local file system"
        ) from None


class _DeferredInterrupt:
    """Hold back Ctrl-C while a file is written, so it lands between steps, never inside one.

    Before the commit point (os.replace) a pending Ctrl-C abandons the write (the temporary
    file is removed, the old file stays); once the new file is in place, it is delivered after.
    Only the main thread can own signal handlers; elsewhere this does nothing.
    """

    def __init__(self) -> None:
        self.pending = False
        self._previous: Any = None
        self._installed = False

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        self.pending = True

    def __enter__(self) -> _DeferredInterrupt:
        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is not None
        ):
            try:
                self._previous = signal.signal(signal.SIGINT, self._handler)
                self._installed = True
            except (ValueError, OSError):  # pragma: no cover - e.g. a sub-interpreter
                self._installed = False
        return self

    def check(self) -> None:
        """Deliver a Ctrl-C pressed meanwhile now (normally: KeyboardInterrupt), then hold again."""
        if self.pending and self._installed:
            self.pending = False
            signal.signal(signal.SIGINT, self._previous)
            try:
                signal.raise_signal(signal.SIGINT)
            finally:
                signal.signal(signal.SIGINT, self._handler)

    def __exit__(self, *exc_info: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False
            if self.pending:
                self.pending = False
                signal.raise_signal(signal.SIGINT)  # delivered through the restored handler


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that it is always either the old or the new content.

    Temporary file in the same directory, flush + fsync, the original's mode kept, os.replace,
    directory fsync; the temporary file is removed on any failure (and on Ctrl-C before the
    new file is in place). A symlink stays a symlink: its target is replaced.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    existed = True
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode, existed = 0o600, False
    except OSError as exc:
        raise StorageError(f"{path}: cannot read its permissions: {exc.strerror}") from None
    tmp: Path | None = None
    with _DeferredInterrupt() as interrupt:
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
            tmp = Path(tmp_name)
            try:
                os.fchmod(fd, mode)
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            interrupt.check()
            tmp.replace(target)
            tmp = None
            _fsync_dir(folder)
        except OSError as exc:
            raise StorageError(_write_error(path, exc, existed)) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass  # some filesystems refuse to fsync a directory; the data itself is synced
    finally:
        os.close(dfd)


def _write_error(path: Path, exc: OSError, existed: bool = True) -> str:
    if exc.errno == errno.ENOSPC:
        what = "the disk is full; free some space and try again"
    elif exc.errno == errno.EDQUOT:
        what = "the disk quota is exceeded; free some space and try again"
    elif exc.errno == errno.EFBIG:
        what = "the file is too large for the file system or the process's size limit"
    elif exc.errno == errno.ENOENT:
        what = f"the folder {path.parent} does not exist; create it first"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = f"permission denied; make {path.parent} writable or choose another --home"
    else:
        what = exc.strerror or str(exc)
    outcome = "the previous version is unchanged" if existed else "nothing was written"
    return f"{path}: could not save: {what}; {outcome}"


def dumps_toml(data: dict[str, Any]) -> bytes:
    """TOML bytes for ``data``; text that UTF-8 cannot hold is an error, not a half-written file."""
    import tomli_w

    try:
        return tomli_w.dumps(data).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("utf-8", "backslashreplace").decode("ascii")
        raise DataError(
            f"cannot save: some text holds {bad}, which is not valid Unicode "
            "(a name or title typed on a terminal that is not UTF-8?); retype it"
        ) from None


def plan_path(home: Path) -> Path:
    return home / PLAN_FILE


def profile_path(home: Path) -> Path:
    return home / PROFILE_FILE


def load_plan(home: Path) -> Plan:
    """Read and validate ``<home>/plan.toml``; a missing plan says how to make one."""
    path = plan_path(home)
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise StateError(f"no plan in {home}; create one with `upskill init`") from None
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot read: {exc.strerror}; check the permissions of {home}"
        ) from None
    if path.is_symlink() and not path.exists():
        raise StateError(
            f"{path}: is a symbolic link to {path.readlink()}, which does not exist; "
            "restore the target or remove the link and run `upskill init`"
        )
    data = read_toml(path, str(path))
    schema = data.get("schema")
    current = plan_schema.SCHEMA
    if isinstance(schema, int) and not isinstance(schema, bool) and 1 <= schema < current:
        data = _migrate(path, data, schema)
    return plan_from_dict(data, str(path))


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 only added optional keys: a schema 1 file is a valid schema 2 file as it is."""
    return data


# Upgrades of older plan files, keyed by the schema they start from: each takes the parsed TOML
# of schema N and returns it as schema N + 1. When the file's shape changes, bump plan.SCHEMA
# and add the step from the old one here.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_schema_1}


def _migrate(path: Path, data: dict[str, Any], schema: int) -> dict[str, Any]:
    """Bring an older plan file up to date, keeping a copy of it first (``plan.toml.vN.bak``)."""
    original = path.read_bytes()
    for version in range(schema, plan_schema.SCHEMA):
        step = MIGRATIONS.get(version)
        if step is None:
            raise DataError(
                f"{path}: schema {schema} is too old for this upskill to upgrade; "
                "the file was left unchanged"
            )
        data = step(data)
        data["schema"] = version + 1
    plan_from_dict(data, str(path))  # a migration that does not validate changes nothing
    # Upgraded in memory: the next save (under the lock) writes the new schema. The old file
    # is kept first, once, since that save replaces it.
    backup_path = path.with_name(f"{path.name}.v{schema}.bak")
    if not backup_path.exists():
        atomic_write(backup_path, original)
        print(
            f"upskill: {path} is from an older upskill (schema {schema}); it is upgraded when "
            f"next saved, and the old file is kept as {backup_path.name}",
            file=sys.stderr,
        )
    return data


def save_plan(home: Path, plan: Plan) -> Path:
    """Write ``plan`` to ``<home>/plan.toml`` atomically (callers hold ``locked(home)``)."""
    ensure_home(home)
    path = plan_path(home)
    atomic_write(path, dumps_toml(plan.to_toml_dict()))
    return path


def save_profile(home: Path, profile: dict[str, Any]) -> Path:
    """Write the profile (answers-file TOML) to ``<home>/profile.toml`` atomically."""
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
