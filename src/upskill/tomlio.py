"""Reading TOML files people edit, with errors that name the file and the line."""

from __future__ import annotations

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


def read_toml(path: Path, name: str | None = None) -> dict[str, Any]:
    """Read and parse a TOML file; a missing or unreadable file is a DataError."""
    label = name or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{label}: is a directory, not a TOML file") from None
    except OSError as exc:
        raise DataError(
            f"{label}: cannot read: {exc.strerror}; check the file's permissions"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            f"{label}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not a plan file"
        )
    return decode_toml(raw, label)
