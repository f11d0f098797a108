"""`upskill people`: the outreach log (add, reply, follow-up, list)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from upskill.commands import Format, app, current_home, make_console, people_app, print_json
from upskill.errors import UsageError

app.add_typer(people_app, name="people")


@people_app.callback()
def _people_default(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Your outreach log: who you wrote to, replies, the reply rate, follow-ups that are due.

    Kept in <home>/people.toml, readable only by you (mode 0600), never in a portfolio.
    """
    if ctx.invoked_subcommand is None:
        people_list(fmt)


@people_app.command("add", short_help="Log a message to someone new.")
def people_add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who you wrote to.")],
    org: Annotated[
        str | None, typer.Option("--org", help="Where they work.", metavar="ORG")
    ] = None,
    how: Annotated[
        str | None,
        typer.Option("--how", help="email, dm, event, intro or other.", metavar="HOW"),
    ] = None,
    about: Annotated[
        str | None,
        typer.Option("--about", help="What you wrote to them about.", metavar="TEXT"),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", help="When you wrote [default: today].", metavar="DATE"),
    ] = None,
) -> None:
    """Log a first message to someone: who, where they work, how you reached them, on what."""
    from upskill import clock, storage
    from upskill.people import HOW, MAX_NAME, MAX_TEXT, Person

    person_name = _one_line(name, "NAME", MAX_NAME)
    if how is None or org is None or about is None:
        missing = [o for o, v in (("--org", org), ("--how", how), ("--about", about)) if v is None]
        raise UsageError(
            f"people add needs {', '.join(missing)}: e.g. upskill people add {person_name!r} "
            '--org "Example Lab" --how email --about "her paper on probes"'
        )
    if how not in HOW:
        raise UsageError(f"--how {how!r} is not one of {', '.join(HOW)}")
    org_text = _one_line(org, "--org", MAX_TEXT)
    about_text = _one_line(about, "--about", MAX_TEXT)
    today = clock.today()
    when = _past_date(on, today)
    home = current_home()
    with storage.locked(home):
        log = storage.load_people(home)
        log.add(Person(person_name, org_text, how, about_text, [when]))
        storage.save_people(home, log)
    print(f"Logged your message to {person_name} ({org_text}) on {when.isoformat()}.")
    _say_totals(log, today)


@people_app.command("reply", short_help="Log a reply from someone.")
def people_reply(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who replied.")],
    on: Annotated[
        str | None,
        typer.Option("--on", help="When they replied [default: today].", metavar="DATE"),
    ] = None,
) -> None:
    """Log a reply from someone in your outreach log."""
    _log_date(name, on, reply=True)


@people_app.command("follow-up", short_help="Log a follow-up message to someone.")
def people_follow_up(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who you followed up with.")],
    on: Annotated[
        str | None,
        typer.Option("--on", help="When you wrote [default: today].", metavar="DATE"),
    ] = None,
) -> None:
    """Log a follow-up message to someone in your outreach log."""
    _log_date(name, on, reply=False)


def _log_date(name: str, on: str | None, *, reply: bool) -> None:
    """A reply (after the first message) or a follow-up (after the last one), under the lock."""
    from upskill import clock, storage

    today = clock.today()
    when = _past_date(on, today)
    home = current_home()
    with storage.locked(home):
        log = storage.load_people(home)
        person = log.find(name)
        since = min(person.messages) if reply else max(person.messages)
        if when < since:
            which = "you first wrote to" if reply else "your last message to"
            raise UsageError(
                f"--on {when.isoformat()} is before {which} {person.name} ({since.isoformat()})"
            )
        if reply:
            person.replies = sorted([*person.replies, when])
        else:
            person.messages = sorted([*person.messages, when])
        storage.save_people(home, log)
    what = f"a reply from {person.name}" if reply else f"a follow-up to {person.name}"
    print(f"Logged {what} on {when.isoformat()}.")
    _say_totals(log, today)


@people_app.command("list", short_help="Everyone you wrote to, replies, follow-ups due.")
def people_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Everyone you wrote to, with messages sent, replies, the reply rate and follow-ups due."""
    from upskill import clock, storage
    from upskill.people import to_json

    today = clock.today()
    log = storage.load_people(current_home())
    if fmt is Format.json:
        print_json(to_json(log, today))
        return
    from upskill import render

    render.people_table(make_console(), log, today)


def _one_line(value: str, option: str, limit: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise UsageError(f"{option} is empty")
    if not text.isprintable():
        raise UsageError(f"{option} holds control characters; write plain text")
    if len(text) > limit:
        raise UsageError(f"{option} is longer than {limit} characters")
    return text


def _past_date(on: str | None, today: Any) -> Any:
    """``--on DATE`` (default today): a message or a reply happens on or before today."""
    from upskill import clock

    if on is None:
        return today
    when = clock.parse_date(on, "--on")
    if when > today:
        raise UsageError(f"--on {when.isoformat()} is in the future; log it when it happens")
    return when


def _say_totals(log: Any, today: Any) -> None:
    from upskill.people import due, totals

    t = totals(log)
    rate = f" ({t['reply_rate']:.0%})" if t["reply_rate"] is not None else ""
    line = (
        f"{t['messages_sent']} message{'s' if t['messages_sent'] != 1 else ''} to "
        f"{t['people_contacted']} {'person' if t['people_contacted'] == 1 else 'people'}; "
        f"{t['people_replied']} replied{rate}."
    )
    pending = due(log, today)
    if pending:
        line += f" Follow-ups due: {len(pending)} (`upskill people list`)."
    print(line)
