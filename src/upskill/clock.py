"""Today's date, which ``UPSKILL_TODAY=YYYY-MM-DD`` stands in for (tests, demos, bug reports)."""

from __future__ import annotations

import datetime as dt
import os

from upskill.errors import UsageError


def today() -> dt.date:
    value = os.environ.get("UPSKILL_TODAY")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"UPSKILL_TODAY={value!r} is not a date; use YYYY-MM-DD") from None


def parse_date(value: str, option: str) -> dt.date:
    """A command-line date; a bad one is a usage error naming the option."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None
