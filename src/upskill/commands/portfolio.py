"""`upskill portfolio`: what you did and what shows it, for a CV, a cover note or a referral."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from upskill.commands import OutputOption, app, current_home, emit
from upskill.errors import UsageError


class PortfolioFormat(str, Enum):  # noqa: UP042 (typer needs a str Enum)
    markdown = "markdown"
    json = "json"
    html = "html"


@app.command(short_help="Your evidence by skill and roadmap: markdown, json or html.")
def portfolio(
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only what was done on or after this date.", metavar="DATE"),
    ] = None,
    fmt: Annotated[
        PortfolioFormat,
        typer.Option("--format", "-f", help="markdown, json, or html (one self-contained page)."),
    ] = PortfolioFormat.markdown,
    output: OutputOption = None,
) -> None:
    """The work you did, with its evidence, grouped by skill and roadmap; the milestones you
    reached; and, if you applied before, what you did since your application.

    Notes, links and titles are shown exactly as recorded (in HTML, escaped, and only http(s)
    links are clickable). The outreach log adds only its counts, never a name.
    """
    from upskill import clock, storage
    from upskill import portfolio as folio
    from upskill.people import totals
    from upskill.render import json_text
    from upskill.roadmaps import load_catalog

    today = clock.today()
    start = clock.parse_date(since, "--since") if since else None
    if start is not None and start > today:
        raise UsageError(f"--since {start.isoformat()} is in the future; nothing is done yet")
    home = current_home()
    plan = storage.load_plan(home)
    log = storage.load_people(home)
    data = folio.build(
        plan,
        load_catalog(home),
        today,
        start,
        outreach=totals(log) if log.people else None,
    )
    if fmt is PortfolioFormat.json:
        text = json_text(data)
    elif fmt is PortfolioFormat.html:
        text = folio.to_html(data)
    else:
        text = folio.to_markdown(data) + "\n"
    emit(text.encode("utf-8"), output)
