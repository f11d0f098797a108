"""Reading TOML files people edit, with errors that name the file and the line."""

from __future__ import annotations

import errno
import tomllib
from pathlib import Path
from typing import Any

from upskill.errors import DataError

MAX_FILE_BYTES = 64 * 1024 * 1024


def decode_toml(raw: bytes, name: str) -> dict[str, Any]:
    """Parse TOML bytes; every failure becomes one DataError line naming ``name``."""
    if not raw.strip():
        raise DataError(
            f"{name}: the file is empty (corrupt or truncated); restore it or recreate it"
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataError(
            f"{name}: line {line}: contains a NUL byte (the file looks corrupt); "
            "remove it or restore the file"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"{name}: line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}); "
            "save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{name}: TOML syntax error: {_located(str(exc), text)}") from None
    except RecursionError:
        raise DataError(f"{name}: TOML nesting is too deep") from None


def _located(message: str, text: str) -> str:
    """tomllib's message, with a line number and a hint when it stops at the end of the file."""
    end = "(at end of document)"
    if message.endswith(end):
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        return (
            f"{message[: -len(end)]}(at end of document, line {max(last, 1)}); "
            "the file looks cut short: complete or restore it"
        )
    return f"{message}; fix the file there"


def read_limited(path: Path, name: str | None = None, *, regular_only: bool = False) -> bytes:
    """A file's bytes, at most MAX_FILE_BYTES; a missing or unreadable file is a DataError.

    ``regular_only`` refuses anything but a plain file (a named pipe would hang the read, a
    device such as /dev/zero never ends): the plan and roadmaps are always plain files. An
    answers file may come through a pipe (``--answers /dev/stdin``), still read with a limit.
    """
    import os
    import stat

    label = name or str(path)
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if regular_only:
        flags |= os.O_NONBLOCK  # opening a named pipe must not wait for a writer
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DataError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{label}: is a directory, not a TOML file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{label}: a symbolic link that points to itself (a loop)") from None
        raise DataError(
            f"{label}: cannot read: {exc.strerror}; check the file's permissions"
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DataError(f"{label}: is a directory, not a TOML file")
        if regular_only and not stat.S_ISREG(mode):
            raise DataError(
                f"{label}: is {_file_kind(mode)}, not a plain file; upskill reads only plain "
                "files here: replace it with one"
            )
        if regular_only:
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise DataError(
            f"{label}: cannot read: {exc.strerror}; check the file's permissions"
        ) from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"{label}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not an upskill file"
        )
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    import stat

    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_toml(path: Path, name: str | None = None, *, regular_only: bool = False) -> dict[str, Any]:
    """Read and parse a TOML file (with a size limit); a missing or unreadable file is a DataError.

    ``regular_only``: see ``read_limited``; answers files, read with the default, may be pipes.
    """
    label = name or str(path)
    return decode_toml(read_limited(path, label, regular_only=regular_only), label)


def file_version(data: dict[str, Any], name: str, current: int, missing: str | None = None) -> int:
    """The ``schema`` of an upskill file: refused if missing or written by a newer upskill.

    ``missing`` ends the message when there is no usable version (by default: write it).
    """
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        said = missing or f"; write schema = {current}"
        raise DataError(f"{name}: schema: missing or not a positive integer{said}")
    if schema > current:
        raise DataError(
            f"{name}: written by a newer upskill (schema {schema}, this one reads {current}); "
            "upgrade upskill, the file was left unchanged"
        )
    return schema
