"""Text audit 12, findings 13 to 25: wording of the plans, checked on the roadmaps and on
the markdown of the example and benchmark people. Every one of these changed text only."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tests.conftest import EXAMPLES, run_here
from upskill.roadmaps import load_catalog

PEOPLE = Path(__file__).resolve().parent.parent / "benchmarks" / "people"


@lru_cache(maxsize=None)
def markdown_of(answers: Path) -> str:
    """The markdown plan of one answers file, made in the test's home, its lines joined."""
    made = run_here("init", "--answers", str(answers), "--force")
    assert made.returncode == 0, made.stderr
    exported = run_here("export", "--format", "markdown")
    assert exported.returncode == 0, exported.stderr
    return exported.stdout


def test_the_track_record_audit_does_not_assume_a_shortlist() -> None:
    """Finding 13: the audit (before the shortlist, which builds on it) checked the GPA
    "against the stricter programmes' minimums", programmes not yet chosen. It names the one
    figure Gleave gives and leaves each programme's own to the shortlist, which records it."""
    items = load_catalog(None).items
    audit = items["phd-applications.track-record-audit"].done_when
    assert "stricter programmes' minimums" not in audit
    assert "Gleave cites Stanford's 3.6" in audit
    assert "when you build your shortlist" in audit
    shortlist = items["phd-applications.shortlist"]
    assert "track-record-audit" in shortlist.prerequisites
    assert "minimum GPA" in shortlist.done_when
    assert any("minimum GPA" in step for step in shortlist.steps)
