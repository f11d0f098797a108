"""Reading and validating the profile (answers file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from upskill.errors import DataError
from upskill.models import Profile, format_validation_error
from upskill.tomlio import read_toml


def profile_from_dict(data: dict[str, Any], name: str, key_prefix: str = "") -> Profile:
    """Validate profile data; every problem becomes a line ``name: key: problem``.

    ``key_prefix`` names where the profile sits in its file (``profile.`` in plan.toml).
    """
    from pydantic import ValidationError

    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        lines = format_validation_error(exc, data)
        raise DataError("\n".join(f"{name}: {key_prefix}{line}" for line in lines)) from None


def load_answers(path: Path) -> Profile:
    """Read an answers file (the profile TOML of DESIGN.md)."""
    return profile_from_dict(read_toml(path, str(path)), str(path))


def check_roadmaps(profile: Profile, known: list[str], name: str, key: str = "roadmaps") -> None:
    """Every roadmap the profile names must be loaded; the error names the file and key."""
    unknown = [r for r in profile.chosen_roadmaps() if r not in known]
    if unknown:
        raise DataError(
            f"{name}: {key}: unknown roadmap {unknown[0]!r}; available: {', '.join(known)} "
            "(your own go in <home>/roadmaps/)"
        )
