"""`upskill status`: where you stand, read-only (`check` is the one that changes things)."""

from __future__ import annotations

from typing import Annotated

import typer

from upskill.commands import Format, app, current_home, show_standing, warn


@app.command(short_help="Where you stand: ahead or behind, read-only.")
def status(
    chart: Annotated[
        bool, typer.Option("--chart", help="Also draw cumulative planned against done hours.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Show hours done against planned to date, per roadmap and overall, and the next milestone.

    Never changes anything: use `upskill check` to mark tasks.
    """
    from upskill import clock, storage
    from upskill.lint import profile_warning, warnings

    home = current_home()
    plan = storage.load_plan(home)
    # The cheap checks only: status never loads the roadmaps (`replan` checks ids and order).
    warn(warnings(plan, str(storage.plan_path(home))) + profile_warning(home, plan))
    show_standing(plan, clock.today(), fmt, chart)
