"""The only module that touches the user's files: home directory, locking, atomic TOML writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import re
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
from upskill.errors import DataError, StateError, StorageError, UsageError
from upskill.plan import Plan, plan_from_dict
from upskill.tomlio import decode_toml, read_limited

PLAN_FILE = "plan.toml"
PROFILE_FILE = "profile.toml"
LOCK_FILE = ".upskill.lock"


def resolve_home(option: str | Path | None = None) -> Path:
    """``--home``, else ``$UPSKILL_HOME``, else the platform's user data directory."""
    if option is not None:
        if not str(option).strip():
            raise UsageError("--home needs a folder; it was given an empty one")
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


def _permission_advice(folder: Path, alternative: str) -> str:
    """What to do about a folder we may not write in: fix it only if it is the person's own."""
    try:
        mine = folder.stat().st_uid == os.geteuid()
    except OSError:
        mine = False
    if mine:
        return f"make {folder} writable or {alternative}"
    return f"{folder} is not yours to write in; {alternative}"


@contextlib.contextmanager
def locked(home: Path) -> Iterator[None]:
    """Serialise writers with an exclusive lock on a separate lock file.

    flock is released by the kernel when the holder dies, so a killed process never leaves
    the next one stuck; a stale lock file on disk is harmless (it is never deleted: deleting
    it would let two processes hold locks on two different files). Temporary files that a
    killed writer left behind are removed once the lock is held: no one else can be using them.
    """
    ensure_home(home)
    path = home / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        advice = (
            _permission_advice(home, "choose another --home")
            if exc.errno in (errno.EACCES, errno.EPERM)
            else "choose another --home"
        )
        raise StorageError(f"{path}: cannot open the lock file: {exc.strerror}; {advice}") from None
    try:
        with contextlib.suppress(StorageError):
            _keep_owner(fd, path, None, home)  # as root: the lock file stays the person's
        _acquire(fd, path)
    except BaseException:
        os.close(fd)
        raise
    try:
        remove_stale_temporaries(home)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class Edit:
    """The plan being changed inside `editing`, and saves that must follow it in one step."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.then: list[Callable[[], object]] = []  # run after the plan is saved, same step
        self.saved = False


@contextlib.contextmanager
def editing(home: Path) -> Iterator[Edit]:
    """Read-modify-write of plan.toml: lock, read once, let the caller change it, save once.

    The plan is saved only if it changed (a command that changes nothing leaves the file and
    its timestamp alone), then whatever the caller queued in ``edit.then`` (another file that
    goes with the change), in one transaction that Ctrl-C cannot split. An exception inside
    the block saves nothing.
    """
    import copy

    with locked(home):
        edit = Edit(load_plan(home))
        before = copy.deepcopy(edit.plan)
        yield edit
        changed = edit.plan != before
        if changed or edit.then:
            with transaction():
                if changed:
                    save_plan(home, edit.plan)
                    edit.saved = True
                for save in edit.then:
                    save()


def _acquire(fd: int, path: Path) -> None:
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Another upskill holds the lock (perhaps a prompt waiting for an answer): say so
            # rather than hang silently, then wait for it.
            say(f"upskill: waiting for another upskill to finish (lock {path})")
            fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot lock it: {exc.strerror}; use a --home on a local file system"
        ) from None


def say(line: str) -> None:
    """One line on stderr; with no stderr at all, nowhere (never into stdout)."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


# The temporary files atomic_write makes for the files kept in the home folder, as mkstemp
# names them: ".plan.toml." + 8 random characters + ".tmp" (also for backups).
_OUR_TEMPORARY = re.compile(
    r"^\.(plan|profile|journal|people)\.toml(\.bak(\.[0-9]+)?)?\.[a-z0-9_]{8}\.tmp$"
)


def remove_stale_temporaries(home: Path) -> list[Path]:
    """Remove what a killed save left (``.plan.toml.XXXXXXXX.tmp``); callers hold the lock."""
    folders = {home: _OUR_TEMPORARY}
    for name in (PLAN_FILE, PROFILE_FILE):
        link = home / name
        if link.is_symlink():  # the temporary file of a symlinked file lives beside its target
            target = Path(os.path.realpath(link))
            folders.setdefault(
                target.parent,
                re.compile(rf"^\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp$"),
            )
    removed = []
    for folder, pattern in folders.items():
        try:
            names = [entry.name for entry in folder.iterdir()]
        except OSError:
            continue
        for name in names:
            if not pattern.match(name):
                continue
            stale = folder / name
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.lstat(stale).st_mode):
                    stale.unlink()
                    removed.append(stale)
    return removed


class _DeferredInterrupt:
    """Hold back Ctrl-C while files are written, so it lands between steps, never inside one.

    Before the first commit point (os.replace) a pending Ctrl-C abandons the write (the
    temporary file is removed, the old files stay); once a new file is in place, the rest of
    the transaction is written and the Ctrl-C is delivered after it. Only the main thread can
    own signal handlers; elsewhere this does nothing.
    """

    def __init__(self) -> None:
        self.pending = False
        self.committed = False
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
        """Before a commit: deliver a Ctrl-C pressed meanwhile, unless a file is already in place.

        Delivered normally means KeyboardInterrupt; a Ctrl-C that is ignored is dropped.
        """
        if self.pending and self._installed and not self.committed:
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


_transaction: _DeferredInterrupt | None = None


@contextlib.contextmanager
def transaction() -> Iterator[_DeferredInterrupt]:
    """Several saves that Ctrl-C must not split (a plan and its profile; their backups).

    A Ctrl-C before the first file is replaced abandons them all; after it, the rest are
    written and the Ctrl-C is delivered at the end. Nested transactions join the outer one.
    """
    global _transaction
    if _transaction is not None:
        yield _transaction
        return
    hold = _DeferredInterrupt()
    _transaction = hold
    try:
        with hold:
            yield hold
    finally:
        _transaction = None


# What this process has written, so that messages about an interruption or a failure tell
# the truth: files replaced (plan.toml, profile.toml, an export) and backups made.
saved: list[Path] = []
backed_up: list[Path] = []


def atomic_write(
    path: Path,
    data: bytes,
    *,
    follow_symlinks: bool = True,
    alternative: str = "choose another --home",
    outcome: str | None = None,
    backup_copy: bool = False,
    mode: int | None = None,
) -> None:
    """Replace ``path`` with ``data`` so that it is always either the old or the new content.

    Temporary file in the same directory, flush + fsync, the original's mode (``mode``
    instead, if given) and, as root, its owner kept, os.replace, directory fsync; the
    temporary file is removed on any failure
    (and on Ctrl-C before the new file is in place). A symlink stays a symlink: its target is
    replaced (``follow_symlinks=False`` replaces the link itself). ``alternative`` is the way
    out a failure message offers; ``outcome`` replaces its "the previous version is unchanged".
    """
    target = Path(os.path.realpath(path)) if follow_symlinks else Path.cwd() / path
    folder = target.parent
    owner: tuple[int, int] | None = None
    try:
        st = target.stat() if follow_symlinks else target.lstat()
    except FileNotFoundError:
        mode, existed = (0o600 if mode is None else mode), False
    except OSError as exc:
        raise StorageError(f"{path}: cannot read its permissions: {exc.strerror}") from None
    else:
        existed = True
        if mode is None:
            mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else 0o600
        owner = (st.st_uid, st.st_gid)
    tmp: Path | None = None
    with transaction() as interrupt:
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
            tmp = Path(tmp_name)
            try:
                os.fchmod(fd, mode)
                _keep_owner(fd, path, owner, folder)
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            if not backup_copy:  # a backup is only a copy: finish it, decide at the real file
                interrupt.check()
            tmp.replace(target)
            tmp = None
            if backup_copy:
                backed_up.append(Path(path))
            else:
                interrupt.committed = True
                saved.append(Path(path))
            _fsync_dir(folder)
        except OSError as exc:
            raise StorageError(
                _write_error(path, target, exc, existed, alternative, outcome)
            ) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()


def _keep_owner(fd: int, path: Path, owner: tuple[int, int] | None, folder: Path) -> None:
    """Keep the owner and group of the file replaced; as root, give a new file the folder's.

    Without this, a save run as root (``sudo upskill ...``) would leave the person's plan owned
    by root and lock them out of it.
    """
    me = (os.geteuid(), os.getegid())
    if owner is None:
        if me[0] != 0:
            return
        try:
            st = folder.stat()
        except OSError:
            return
        owner = (st.st_uid, st.st_gid)
    if owner == me:
        return
    try:
        os.fchown(fd, owner[0], owner[1])
    except OSError:
        if owner[0] == me[0]:
            return  # only the group differs and cannot be kept: the file stays the person's
        raise StorageError(
            f"{path}: belongs to {_user_name(owner[0])}, and saving it as {_user_name(me[0])} "
            f"would make it yours and lock them out; run upskill as {_user_name(owner[0])}; "
            "nothing was written"
        ) from None


def _user_name(uid: int) -> str:
    try:
        import pwd

        return f"user {pwd.getpwuid(uid).pw_name}"
    except (KeyError, ImportError):
        return f"user id {uid}"


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


def _write_error(
    path: Path,
    target: Path,
    exc: OSError,
    existed: bool = True,
    alternative: str = "choose another --home",
    outcome: str | None = None,
) -> str:
    folder = target.parent
    if exc.errno == errno.ENOSPC:
        what = "the disk is full; free some space and try again"
    elif exc.errno == errno.EDQUOT:
        what = "the disk quota is exceeded; free some space and try again"
    elif exc.errno == errno.EFBIG:
        what = "the file is too large for the file system or the process's size limit"
    elif exc.errno == errno.ENOENT and not folder.is_dir():
        what = f"the folder {folder} does not exist; create it first"
    elif exc.errno == errno.EROFS:
        what = f"the file system is read-only; {alternative}"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        what = f"permission denied; {_permission_advice(folder, alternative)}"
    else:
        what = exc.strerror or str(exc)
    if outcome is None:
        outcome = "the previous version is unchanged" if existed else "nothing was written"
    return f"{path}: could not save: {what}; {outcome}"


def write_output(path: Path, data: bytes) -> str:
    """Write an export to ``path``; returns how: ``replaced``, ``to standard output``, ``written``.

    A plain file (or a new path) is replaced atomically. Anything else is written to as it is,
    never replaced: a device node stays a device, a named pipe's reader gets the data, and
    ``-o /dev/stdout`` (or /dev/stderr) writes to the stream itself, appending if the shell
    opened it so (``>> notes.md``).
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise StorageError(f"{path}: cannot write to it: {exc.strerror}") from None
    for fd, stream in ((1, sys.stdout), (2, sys.stderr)):
        if st is not None and stream is not None and _same_file(fd, st):
            stream.flush()
            stream.buffer.write(data)  # a failure here is a failed output, reported as such
            stream.flush()
            return "to standard output" if fd == 1 else "to standard error"
    if st is None or stat.S_ISREG(st.st_mode):
        atomic_write(path, data, alternative="choose another -o FILE")
        return "replaced"
    if stat.S_ISDIR(st.st_mode):
        raise StorageError(f"{path}: is a folder; give -o a file name")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)  # no O_CREAT, no O_TRUNC: write into it
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as exc:
        raise StorageError(f"{path}: could not write: {exc.strerror}") from None
    saved.append(path)
    return "written"


def _same_file(fd: int, st: os.stat_result) -> bool:
    try:
        other = os.fstat(fd)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)


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


def dumps_records(data: dict[str, Any], key: str) -> bytes:
    """TOML for a file of records (``schema``, then ``[[key]]`` tables), one table each.

    tomli_w writes a short array of tables inline (``key = [{ ... }]``), which is hard to
    edit by hand; written table by table, every record reads the same however short it is.
    """
    rows = data[key]
    head = {k: v for k, v in data.items() if k != key}
    if not rows:
        return dumps_toml({**head, key: []})
    parts = [dumps_toml(head)]
    parts.extend(b"\n[[" + key.encode() + b"]]\n" + dumps_toml(row) for row in rows)
    return b"".join(parts)


def plan_path(home: Path) -> Path:
    return home / PLAN_FILE


def profile_path(home: Path) -> Path:
    return home / PROFILE_FILE


def load_plan(home: Path) -> Plan:
    """Read and validate ``<home>/plan.toml``; a missing plan says how to make one.

    The file is read once: what is validated (and, under the lock, decided on) is exactly
    what was read.
    """
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
    raw = read_limited(path, str(path), regular_only=True)
    data = decode_toml(raw, str(path))
    schema = data.get("schema")
    current = plan_schema.SCHEMA
    if isinstance(schema, int) and not isinstance(schema, bool) and 1 <= schema < current:
        data = _migrate(path, raw, data, schema)
    plan = plan_from_dict(data, str(path))
    check_calendar(plan, str(path))
    return plan


def check_calendar(plan: Plan, name: str) -> None:
    """Every week of the plan must be a real date range, inside the dates upskill works with."""
    from upskill import clock

    if clock.plan_end(plan.start, plan.weeks) is None:
        last = clock.LATEST - dt.timedelta(days=7 * plan.weeks - 1)
        raise DataError(
            f"{name}: profile.start_date: a {plan.weeks}-week plan starting on "
            f"{plan.start.isoformat()} would end after {clock.LATEST.isoformat()}; "
            f"start on {last.isoformat()} or earlier"
        )


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 only added optional keys: a schema 1 file is a valid schema 2 file as it is."""
    return data


# Upgrades of older plan files, keyed by the schema they start from: each takes the parsed TOML
# of schema N and returns it as schema N + 1. When the file's shape changes, bump plan.SCHEMA
# and add the step from the old one here.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_schema_1}


def _migrate(path: Path, original: bytes, data: dict[str, Any], schema: int) -> dict[str, Any]:
    """Bring an older plan file up to date, keeping a copy of it first (``plan.toml.vN.bak``)."""
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
        atomic_write(backup_path, original, follow_symlinks=False, backup_copy=True)
        say(
            f"upskill: {path} is from an older upskill (schema {schema}); it is upgraded when "
            f"next saved, and the old file is kept as {backup_path.name}"
        )
    return data


def save_plan(home: Path, plan: Plan) -> Path:
    """Write ``plan`` to ``<home>/plan.toml`` atomically (callers hold ``locked(home)``)."""
    ensure_home(home)
    path = plan_path(home)
    atomic_write(path, dumps_toml(plan.to_toml_dict()))
    return path


def save_profile(home: Path, profile: dict[str, Any], outcome: str | None = None) -> Path:
    """Write the profile (answers-file TOML) to ``<home>/profile.toml`` atomically."""
    ensure_home(home)
    path = profile_path(home)
    atomic_write(path, dumps_toml(profile), outcome=outcome)
    return path


# ------------------------------------------------------------------ backups

# Backups keep several generations: NAME.bak is the newest, NAME.bak.2 the one before, ...
BACKUP_GENERATIONS = 10
# A done or skipped task, as upskill writes it (and as people are likely to type it).
_PROGRESS = re.compile(rb"""^\s*status\s*=\s*["'](done|skipped)["']""", re.MULTILINE)


def backup_path(path: Path, generation: int = 1) -> Path:
    """``plan.toml.bak`` (generation 1, the newest), ``plan.toml.bak.2``, ..."""
    suffix = ".bak" if generation == 1 else f".bak.{generation}"
    return path.with_name(path.name + suffix)


def backups(path: Path) -> list[Path]:
    """The backups of ``path`` that exist, newest first."""
    found = [backup_path(path, n) for n in range(1, BACKUP_GENERATIONS + 2)]
    return [p for p in found if p.is_file() or p.is_symlink()]


def holds_progress(data: bytes) -> bool:
    """Whether a plan file records any work done or skipped."""
    return bool(_PROGRESS.search(data))


def _read_backup(path: Path) -> bytes | None:
    try:
        return read_limited(path, str(path), regular_only=True)
    except DataError:
        return None


def backup(path: Path, *, progress: bool = False) -> Path | None:
    """Keep the current ``path`` as its newest backup, shifting the older generations along.

    BACKUP_GENERATIONS are kept. With ``progress`` (plan files), the newest backup that
    records progress is never pushed out by ones that record none: if the generations kept
    would hold no progress, it stays, as generation BACKUP_GENERATIONS + 1. Nothing is done
    when ``path`` is absent or its newest backup already holds the same bytes. Callers hold
    the lock; a failure leaves ``path`` itself untouched.
    """
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        data = read_limited(path, str(path), regular_only=True)
    except DataError as exc:
        raise StorageError(f"{exc}; cannot keep a backup, so nothing was changed") from None
    n = BACKUP_GENERATIONS
    slots = [backup_path(path, g) for g in range(1, n + 2)]  # slots[n]: kept for its progress
    present = [s.is_file() or s.is_symlink() for s in slots]
    if present[0] and _read_backup(slots[0]) == data:
        return slots[0]
    try:
        extra: Path | None = None
        if progress:
            # After the shift, generations 1..n are: this file, then slots[0..n-2].
            kept = [data] + [
                _read_backup(s)
                for s, here in zip(slots[: n - 1], present[: n - 1], strict=True)
                if here
            ]
            if not any(k is None or holds_progress(k) for k in kept):
                for candidate, here in ((slots[n - 1], present[n - 1]), (slots[n], present[n])):
                    if here and _has_progress(candidate):
                        extra = candidate
                        break
        if extra is not slots[n] and present[n]:
            slots[n].unlink()
        if present[n - 1]:
            if extra is slots[n - 1]:
                slots[n - 1].replace(slots[n])
            else:
                slots[n - 1].unlink()
        for g in range(n - 2, -1, -1):
            if present[g]:
                slots[g].replace(slots[g + 1])
    except OSError as exc:
        raise StorageError(
            f"{path}: cannot rotate its backups: {exc.strerror}; nothing was changed"
        ) from None
    atomic_write(slots[0], data, follow_symlinks=False, backup_copy=True)
    return slots[0]


def _has_progress(path: Path) -> bool:
    data = _read_backup(path)
    return data is None or holds_progress(data)  # unreadable: it may hold anything, keep it


# ------------------------------------------------------------------ the profile beside the plan


def profile_state(home: Path, plan_profile: dict[str, Any] | None) -> str:
    """How ``profile.toml`` stands against the profile in the plan.

    ``missing``; ``same``; ``stale``: it holds the profile of the previous plan (the newest
    backup), as a save interrupted between plan.toml and profile.toml leaves it; ``edited``:
    anything else, which only a person can have written, so it must not be overwritten unasked.
    """
    path = profile_path(home)
    if not (path.exists() or path.is_symlink()):
        return "missing"
    try:
        data = decode_toml(read_limited(path, str(path), regular_only=True), str(path))
    except DataError:
        return "edited"
    if plan_profile is not None and data == plan_profile:
        return "same"
    previous = _read_backup(backup_path(plan_path(home)))
    if previous is not None:
        try:
            old = decode_toml(previous, "plan.toml.bak").get("profile")
        except DataError:
            old = None
        if old is not None and data == old:
            return "stale"
    return "edited"


def check_link(path: Path, looks_right: Callable[[dict[str, Any]], bool], what: str) -> None:
    """Refuse to write through a symbolic link to anything but an upskill file of its kind."""
    if not path.is_symlink():
        return
    target = Path(os.path.realpath(path))
    why = None
    try:
        st = target.stat()
    except OSError:
        why = "which does not exist"
    else:
        if not stat.S_ISREG(st.st_mode):
            why = "which is not a plain file"
        elif st.st_size and not _holds(target, looks_right):
            why = f"which does not hold an upskill {what}"
    if why is not None:
        raise StorageError(
            f"{path}: is a symbolic link to {target}, {why}; not writing through it: "
            "remove the link (or point it at the right file) and try again; nothing was written"
        )


def _holds(target: Path, looks_right: Callable[[dict[str, Any]], bool]) -> bool:
    try:
        raw = read_limited(target, str(target), regular_only=True)
        if not raw.strip():
            return True
        return looks_right(decode_toml(raw, str(target)))
    except DataError:
        return False


def looks_like_plan(data: dict[str, Any]) -> bool:
    return isinstance(data.get("schema"), int) and isinstance(data.get("profile"), dict)


def looks_like_profile(data: dict[str, Any]) -> bool:
    from upskill.schema import PROFILE_KEYS

    return bool(data) and set(data) <= set(PROFILE_KEYS)


def commit(home: Path, plan: Plan, profile: dict[str, Any]) -> tuple[Path | None, Path | None]:
    """Save a new plan and its profile, keeping backups of both (callers hold the lock).

    The order is the plan first (the source of truth), then the profile, in one transaction
    that Ctrl-C cannot split. If the profile cannot be saved, the message says that the plan
    was. Returns the backups made (plan, profile).
    """
    ensure_home(home)
    plan_file, profile_file = plan_path(home), profile_path(home)
    check_link(plan_file, looks_like_plan, "plan")
    check_link(profile_file, looks_like_profile, "profile")
    with transaction():
        plan_bak = backup(plan_file, progress=True)
        profile_bak = backup(profile_file)
        save_plan(home, plan)
        left = (
            f"{profile_file.name} still holds the previous profile"
            if profile_bak is not None
            else f"{profile_file.name} was not written"
        )
        save_profile(
            home,
            profile,
            outcome=(
                f"{plan_file.name} was saved, but {left}; once the cause is fixed, "
                "`upskill replan --yes` brings it in line"
            ),
        )
    return plan_bak, profile_bak


# ------------------------------------------------------------------ the record of the journey

# The weekly reviews and the outreach log: private files, always mode 0600, written whole and
# atomically under the lock like the plan. Neither has backups: the journal only grows, and
# every change to the outreach log adds a date to it.
PRIVATE = 0o600


def journal_path(home: Path) -> Path:
    from upskill.journal import FILE

    return home / FILE


def people_path(home: Path) -> Path:
    from upskill.people import FILE

    return home / FILE


def _read_record(path: Path) -> dict[str, Any] | None:
    """The parsed file, or None if there is none yet (a dangling symlink is an error)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StorageError(f"{path}: cannot read: {exc.strerror}") from None
    if path.is_symlink() and not path.exists():
        raise StateError(
            f"{path}: is a symbolic link to {path.readlink()}, which does not exist; "
            "restore the target or remove the link"
        )
    return decode_toml(read_limited(path, str(path), regular_only=True), str(path))


def load_journal(home: Path) -> Any:
    """``<home>/journal.toml`` validated (an empty journal if there is none yet)."""
    from upskill.journal import Journal, journal_from_dict

    path = journal_path(home)
    data = _read_record(path)
    return Journal() if data is None else journal_from_dict(data, str(path))


def save_journal(home: Path, journal: Any) -> Path:
    """Write the journal atomically, mode 0600 (callers hold ``locked(home)``)."""
    ensure_home(home)
    path = journal_path(home)
    check_link(path, lambda d: "reviews" in d or set(d) == {"schema"}, "journal")
    atomic_write(path, dumps_records(journal.to_toml_dict(), "reviews"), mode=PRIVATE)
    return path


def load_people(home: Path) -> Any:
    """``<home>/people.toml`` validated (an empty log if there is none yet)."""
    from upskill.people import PeopleLog, log_from_dict

    path = people_path(home)
    data = _read_record(path)
    return PeopleLog() if data is None else log_from_dict(data, str(path))


def save_people(home: Path, log: Any, outcome: str | None = None) -> Path:
    """Write the outreach log atomically, mode 0600 (callers hold ``locked(home)``)."""
    ensure_home(home)
    path = people_path(home)
    check_link(path, lambda d: "people" in d or set(d) == {"schema"}, "outreach log")
    atomic_write(path, dumps_records(log.to_toml_dict(), "people"), mode=PRIVATE, outcome=outcome)
    return path
