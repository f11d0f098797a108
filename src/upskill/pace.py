"""Your pace, learned: the hours tasks really took against their estimates, per roadmap.

Pure: reads a plan, returns numbers. A data point is a done task (a split task counts once)
with ``spent_hours``; its estimate is its planned hours before any ``replan --pace`` scaling
(``hours / scaled_by``), so the pace is always measured against the roadmap's estimates and a
second ``replan --pace`` does not compound the first. Recurring practice is left out: a weekly
slot is a time box a person chooses, not an estimate of a piece of work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from upskill.plan import PACE_BOUNDS, Plan, records

# Data points a roadmap needs before its pace is said or used: fewer is noise.
MIN_TASKS = 3
# Within this of 1 a pace is "about the estimate": not worth a word or a change.
CLOSE_TO_ESTIMATE = 0.1


@dataclass(frozen=True)
class Pace:
    """Real hours against estimated hours of the timed, done tasks of one roadmap."""

    roadmap: str
    tasks: int
    estimated_hours: float
    spent_hours: float

    @property
    def known(self) -> bool:
        return self.tasks >= MIN_TASKS and self.estimated_hours > 0

    @property
    def ratio(self) -> float | None:
        """Spent over estimated hours (a ratio of sums: long tasks weigh more), or None."""
        if not self.known:
            return None
        return round(self.spent_hours / self.estimated_hours, 2)

    @property
    def scale(self) -> float | None:
        """The ratio bounded to PACE_BOUNDS: what `replan --pace` multiplies estimates by."""
        ratio = self.ratio
        if ratio is None:
            return None
        low, high = PACE_BOUNDS
        return min(max(ratio, low), high)

    def as_json(self) -> dict[str, Any]:
        return {
            "tasks": self.tasks,
            "estimated_hours": round(self.estimated_hours, 2),
            "spent_hours": round(self.spent_hours, 2),
            "ratio": self.ratio,
            "scale": self.scale,
        }


def learn(plan: Plan) -> dict[str, Pace]:
    """The pace of every roadmap with at least one timed, done task, by roadmap id."""
    sums: dict[str, list[float]] = {}
    for r in records(plan):
        if r.status != "done" or r.spent_hours is None or "@" in r.id or r.estimate <= 0:
            continue
        row = sums.setdefault(r.roadmap, [0, 0.0, 0.0])
        row[0] += 1
        row[1] += r.estimate
        row[2] += r.spent_hours
    return {
        roadmap: Pace(roadmap, int(n), round(estimated, 2), round(spent, 2))
        for roadmap, (n, estimated, spent) in sorted(sums.items())
    }


def scales(paces: Mapping[str, Pace]) -> dict[str, float]:
    """The factor for each roadmap whose pace is known: what `replan --pace` applies."""
    return {r: p.scale for r, p in paces.items() if p.scale is not None}


def describe(p: Pace) -> str:
    """ "you take about 1.4× the estimate on coding (4 tasks)"."""
    ratio = p.ratio
    assert ratio is not None
    if abs(ratio - 1) < CLOSE_TO_ESTIMATE:
        how = "about the estimated time"
    else:
        how = f"about {ratio:.1f}× the estimate"
    return f"you take {how} on {p.roadmap} ({p.tasks} tasks timed)"


def lines(paces: Mapping[str, Pace]) -> list[str]:
    """What `check` and `status` say about the pace: one line per roadmap whose pace is known."""
    known = [p for p in paces.values() if p.known]
    out = [f"Your pace: {describe(p)}." for p in known]
    if any(p.ratio is not None and abs(p.ratio - 1) >= CLOSE_TO_ESTIMATE for p in known):
        out.append("`upskill replan --pace` fits the estimates of what is left to it.")
    return out
