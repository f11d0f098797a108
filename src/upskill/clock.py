"""Today's date, which ``UPSKILL_TODAY=YYYY-MM-DD`` stands in for (tests, demos, bug reports)."""

from __future__ import annotations

import datetime as dt
import os

from upskill.errors import UsageError

# The dates upskill works with: a few years inside the ends of the calendar, since a plan
# runs up to three years from its start and deadlines look a year further (years 1..9999
# are all Python's dates have).
EARLIEST = dt.date(5, 1, 1)
LATEST = dt.date(9995, 12, 31)


def today() -> dt.date:
    value = os.environ.get("UPSKILL_TODAY")
    if not value:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"UPSKILL_TODAY={value!r} is not a date; use YYYY-MM-DD") from None
    return in_range(day, f"UPSKILL_TODAY={value.strip()}")


def parse_date(value: str, option: str) -> dt.date:
    """A command-line date; a bad one is a usage error naming the option."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None
    return in_range(day, f"{option} {value.strip()}")


def in_range(day: dt.date, what: str) -> dt.date:
    """``day`` if upskill can plan around it, else a usage error naming ``what``."""
    if not EARLIEST <= day <= LATEST:
        raise UsageError(
            f"{what} is too close to the ends of the calendar; use a date from "
            f"{EARLIEST.isoformat()} to {LATEST.isoformat()}"
        )
    return day


def plan_end(start: dt.date, weeks: int) -> dt.date | None:
    """The last day of a ``weeks``-week plan from ``start``; None if it would pass LATEST."""
    if start > LATEST - dt.timedelta(days=7 * weeks - 1):
        return None
    return start + dt.timedelta(days=7 * weeks - 1)
