"""Reading the profile (answers file) from disk; its rules live in ``upskill.schema``."""

from __future__ import annotations

from pathlib import Path

from upskill.schema import Profile, profile_from_dict
from upskill.tomlio import read_toml


def load_answers(path: Path) -> Profile:
    """Read an answers file (the profile TOML of DESIGN.md)."""
    return profile_from_dict(read_toml(path, str(path)), str(path))
