"""Typed errors: each carries the exit code the CLI maps it to."""

from __future__ import annotations


class UpskillError(Exception):
    """Base error: bad data or state, exit code 1."""

    exit_code = 1


class DataError(UpskillError):
    """A file is malformed or holds impossible values."""


class StateError(UpskillError):
    """The home directory is not in a state the command can work with (no plan, ...)."""


class UnknownTaskError(UpskillError):
    """A task id given on the command line is not in the plan."""


class UnknownPersonError(UpskillError):
    """A name given on the command line is not in the outreach log (people.toml)."""


class StorageError(UpskillError):
    """A file could not be written (disk full, read-only, ...); the old file is intact."""


class DeclinedError(UpskillError):
    """The person answered no to a confirmation; nothing was written (exit 1).

    Shown as the plain sentence it is, without the ``upskill: error:`` of real errors.
    """


class UsageError(UpskillError):
    """Bad command-line usage, exit code 2."""

    exit_code = 2


class NoTerminalError(UsageError):
    """An interactive command ran without a terminal and without its non-interactive option."""


class AbortedError(UpskillError):
    """The user pressed Ctrl-C; nothing was written (exit 130)."""

    exit_code = 130


def key_shown(key: object) -> str:
    """A key as an error line names it: quoted, escapes and all, when it holds a newline or
    another character that would not show (a TOML key may be any quoted string), so the
    error stays one line and the key is seen."""
    text = str(key)
    return text if text.isprintable() and text == text.strip() and text else repr(text)
