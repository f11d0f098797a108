"""The command line: parse options, call one core function, render, map errors to exit codes.

Start-up time matters (people run this every day): only typer is imported at module level;
everything heavy is imported inside the command that needs it.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from upskill import __version__
from upskill.errors import DataError, UpskillError, UsageError


def _plain_coercion() -> None:
    """Coerce simple parameters without pydantic.

    typer 0.29 coerces every non-flag parameter through a pydantic TypeAdapter, which imports
    pydantic (about five times the interpreter's own start-up) on every run. Ours are plain
    str, int, float, Path, Enum and list[str]: convert those directly and leave anything else,
    and any other typer version, to typer itself.
    """
    try:
        from typer import _coercion, core
    except ImportError:  # pragma: no cover - older typer, no adapters to avoid
        return
    base = getattr(_coercion, "RuntimeParam", None)
    param_class = getattr(core, "_TyperParameter", None)
    if base is None or param_class is None or not hasattr(param_class, "get_runtime_param"):
        return  # pragma: no cover

    class Plain(base):  # type: ignore[misc, valid-type]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            target, many = _plain_target(self.annotation)
            if many:
                return [_convert(target, v, param, ctx) for v in value]
            return _convert(target, value, param, ctx)

    original = param_class.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            descriptor = self.type_descriptor
            info = descriptor.parameter_info
            plain = _plain_target(descriptor.annotation)[0] is not None
            if plain and descriptor.file_annotation is None and info.parser is None:
                self._runtime_param = Plain(parameter_info=info, annotation=descriptor.annotation)
        return original(self)

    param_class.get_runtime_param = get_runtime_param


def _plain_target(annotation: Any) -> tuple[Any, bool]:
    """(the plain type, whether a list) for str/int/float/Path/Enum, optional or list; else None."""
    import types
    import typing

    many = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None, False
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
        many = True
    if annotation in (str, int, float, bool, Path) or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    ):
        return annotation, many
    return None, False


def _convert(target: Any, value: Any, param: Any, ctx: Any) -> Any:
    if target is bool and not isinstance(value, bool):
        return str(value).strip().lower() in ("1", "true", "yes", "on")
    try:
        return target(value)
    except ValueError:
        if isinstance(target, type) and issubclass(target, Enum):
            allowed = ", ".join(repr(m.value) for m in target)
            message = f"{value!r} is not one of {allowed}."
        else:
            message = f"{value!r} is not a valid {target.__name__}."
        raise typer.BadParameter(message, ctx=ctx, param=param) from None


_plain_coercion()

app = typer.Typer(
    name="upskill",
    help="Plan and track your way into AI research, week by week.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs more than the rest
    context_settings={"help_option_names": ["-h", "--help"]},
)
roadmaps_app = typer.Typer(
    help="Browse and check roadmaps (the built-in tracks and your own).",
    rich_markup_mode=None,
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(roadmaps_app, name="roadmaps")


class Format(str, Enum):  # noqa: UP042 (typer needs a str Enum)
    table = "table"
    json = "json"


class PlanFormat(str, Enum):  # noqa: UP042
    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(str, Enum):  # noqa: UP042
    ics = "ics"
    markdown = "markdown"
    json = "json"


_state: dict[str, Any] = {"home": None}
DEFAULT_ORDER = (
    "coding",
    "ml-devloop",
    "interviewing",
    "open-source",
    "research",
    "network",
    "phd-applications",
)


def _version(value: bool) -> None:
    if value:
        print(f"upskill {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    home: Annotated[
        str | None,
        typer.Option(
            "--home",
            help="Folder for profile.toml, plan.toml and roadmaps/ "
            "[default: $UPSKILL_HOME, else your user data folder].",
            metavar="DIR",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Plan and track your way into AI research, week by week."""
    _state["home"] = home
    if debug:
        os.environ["UPSKILL_DEBUG"] = "1"


def _home() -> Path:
    from upskill.storage import resolve_home

    return resolve_home(_state["home"])


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


# ---------------------------------------------------------------- roadmaps


@roadmaps_app.callback()
def _roadmaps_default(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Browse and check roadmaps (the built-in tracks and your own)."""
    if ctx.invoked_subcommand is None:
        roadmaps_list(fmt)


@roadmaps_app.command("list", short_help="Roadmaps with item counts and hours.")
def roadmaps_list(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the roadmaps with their item counts and total hours."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(_home())
    rows = render.roadmap_rows(catalog)
    if fmt is Format.json:
        _print_json(rows)
    else:
        render.roadmaps_table(_console(), rows)


@roadmaps_app.command("show", short_help="A roadmap's items in prerequisite order.")
def roadmaps_show(
    roadmap_id: Annotated[str, typer.Argument(metavar="ID", help="A roadmap id, e.g. coding.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Show a roadmap's items in prerequisite order, with hours, kind and level."""
    from upskill import render
    from upskill.roadmaps import load_catalog

    catalog = load_catalog(_home())
    if roadmap_id not in catalog.roadmaps:
        raise DataError(f"unknown roadmap {roadmap_id!r}; available: {', '.join(catalog.roadmaps)}")
    data = render.roadmap_detail(catalog, roadmap_id)
    if fmt is Format.json:
        _print_json(data)
    else:
        render.roadmap_table(_console(), data)


@roadmaps_app.command("validate", short_help="Check a roadmap file.")
def roadmaps_validate(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A roadmap TOML file.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Check a roadmap file: exit 0 with a summary, or exit 1 listing every problem."""
    from upskill.roadmaps import RoadmapError, validate_file

    try:
        roadmap = validate_file(file, _home())
    except RoadmapError as exc:
        if fmt is Format.json:
            _print_json({"file": str(file), "valid": False, "problems": exc.problems})
            raise typer.Exit(1) from None
        raise
    hours = sum(i.hours * (i.repeat or 1) for i in roadmap.items)
    if fmt is Format.json:
        _print_json(
            {
                "file": str(file),
                "valid": True,
                "id": roadmap.id,
                "items": len(roadmap.items),
                "hours": round(hours, 2),
            }
        )
    else:
        print(f"{file}: ok: roadmap {roadmap.id!r}, {len(roadmap.items)} items, {hours:g} hours")


# ---------------------------------------------------------------- init


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command(short_help="Make your plan: questionnaire or --answers FILE.")
def init(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="Read the profile from this TOML file; ask nothing.", metavar="FILE"
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="Start date (YYYY-MM-DD), overriding the profile.", metavar="DATE"
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing plan (a .bak is kept).")
    ] = False,
) -> None:
    """Answer a few questions (or give --answers FILE) and get a week-by-week plan."""
    from upskill import clock, render, storage
    from upskill.errors import DeclinedError, NoTerminalError, StateError
    from upskill.planner import build_plan, coming_monday
    from upskill.profile import check_roadmaps, load_answers, profile_from_dict
    from upskill.roadmaps import load_catalog

    home = _home()
    today = clock.today()
    start_override = clock.parse_date(start, "--start") if start else None
    interactive = answers is None
    if interactive and not sys.stdin.isatty():
        raise NoTerminalError("no terminal to ask questions on; use --answers FILE (see examples/)")
    plan_file = storage.plan_path(home)
    exists = plan_file.exists() or plan_file.is_symlink()
    if exists and not force and not _interactive():
        raise StateError(f"{plan_file} already exists; use --force to replace it (a .bak is kept)")
    if exists and not force:
        from upskill import questionnaire

        if not questionnaire.confirm(
            f"{plan_file} exists. Replace it (a .bak is kept)?", default=False
        ):
            raise DeclinedError("kept the existing plan; nothing was written")
    catalog = load_catalog(home)
    if answers is not None:
        profile = load_answers(answers)
        check_roadmaps(profile, list(catalog.roadmaps), str(answers))
    else:
        from upskill import questionnaire

        core = [r for r in DEFAULT_ORDER if r in catalog.roadmaps]
        ordered = core + [r for r in catalog.roadmaps if r not in core]
        choices = [(r, catalog.roadmaps[r].title) for r in ordered]
        data = questionnaire.run(choices, coming_monday(today))
        profile = profile_from_dict(data, "answers")
        _print_profile(profile)
        if not questionnaire.confirm("Save this profile and build the plan?"):
            raise DeclinedError("cancelled; nothing was written")
    if start_override is not None:
        profile = profile.model_copy(update={"start_date": start_override})
    start_date = profile.start_date or coming_monday(today)
    plan = build_plan(profile, catalog, start_date)
    with storage.locked(home):
        storage.backup(plan_file)
        profile_data = profile.to_toml_dict()
        profile_data["start_date"] = start_date
        storage.save_profile(home, profile_data)
        storage.save_plan(home, plan)
    console = _console()
    console.print(f"Saved your profile to {storage.profile_path(home)}")
    console.print(f"Saved your plan to {plan_file}")
    scheduled = sum(t.hours for t in plan.tasks)
    console.print(
        f"{plan.weeks} weeks from {start_date.isoformat()} at {plan.hours_per_week:g} h/week: "
        f"{len({t.item_id for t in plan.tasks})} items, {scheduled:g} h scheduled."
    )
    render.week_table(console, plan, 1, "Preview: ")
    if plan.unscheduled:
        missing = sum(u.hours for u in plan.unscheduled)
        more_weeks = -(-missing // plan.hours_per_week)
        more_hours = missing / plan.weeks
        alternative = (
            f" (or {more_hours:.1f} more hours a week)"
            if plan.hours_per_week + more_hours <= 80
            else ""
        )
        console.print(
            f"{len(plan.unscheduled)} pieces of work ({missing:g} h) did not fit: about "
            f"{more_weeks:g} more weeks at {plan.hours_per_week:g} h/week{alternative}. "
            "See `upskill plan --all`; `upskill replan --weeks N` or `--hours H` makes room."
        )
    console.print("Next: `upskill plan` for this week, `upskill check ID` when you finish a task.")


def _print_profile(profile: Any) -> None:
    console = _console()
    console.print("\nYour profile:")
    for key, value in profile.to_toml_dict().items():
        if key == "skills":
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(map(str, value)) or "(none)"
        console.print(f"  {key}: {value}")


# ---------------------------------------------------------------- plan


@app.command("plan", short_help="Show this week and the next (or any week).")
def plan_cmd(
    week: Annotated[
        int | None, typer.Option("--week", "-w", help="Show only week N.", metavar="N")
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Show every week.")] = False,
    fmt: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PlanFormat.table,
) -> None:
    """Show the plan: this week and the next by default."""
    from upskill import clock, render, storage

    if week is not None and show_all:
        raise UsageError("--week and --all cannot be used together")
    plan = storage.load_plan(_home())
    if week is not None and not 1 <= week <= plan.weeks:
        raise UsageError(f"--week {week} is outside the plan (weeks 1..{plan.weeks})")
    today = clock.today()
    current = plan.week_of(today)
    if fmt is PlanFormat.json:
        _print_json(plan.to_json(week))
        return
    if week is not None:
        weeks = [week]
    elif show_all:
        weeks = list(range(1, plan.last_week() + 1))
    elif current < 1:
        weeks = [1]
    elif current > plan.weeks:
        weeks = []
    else:
        weeks = [w for w in (current, current + 1) if w <= plan.weeks]
    if fmt is PlanFormat.markdown:
        sys.stdout.write(render.plan_markdown(plan, None if show_all else weeks) + "\n")
        return
    console = _console()
    if current < 1 and week is None and not show_all:
        console.print(f"Your plan starts on {plan.start:%A %d %B %Y}; here is week 1.")
    if current > plan.weeks and week is None and not show_all:
        from upskill.progress import summary

        data = summary(plan, today)
        console.print(f"Your {plan.weeks}-week plan ended on {plan.week_end(plan.weeks):%d %B %Y}.")
        render.summary_view(console, data)
        console.print(
            "`upskill replan --weeks N` extends it; `upskill plan --all` shows every week."
        )
        return
    for w in weeks:
        prefix = "This week: " if w == current else ("Next week: " if w == current + 1 else "")
        render.week_table(console, plan, w, prefix)
    if show_all and plan.unscheduled:
        console.print("Did not fit:")
        for u in plan.unscheduled:
            console.print(f"  {u.id} ({u.hours:g} h): {u.reason}")


# ---------------------------------------------------------------- explain


@app.command(short_help="Why a task is in your plan.")
def explain(
    task_id: Annotated[str, typer.Argument(metavar="ID", help="A task id, e.g. coding.big-o.")],
) -> None:
    """Why a task is in your plan: rationale, source, prerequisites, finish line, resources."""
    from upskill import storage
    from upskill.errors import UnknownTaskError
    from upskill.roadmaps import load_catalog

    home = _home()
    catalog = load_catalog(home)
    item_id = task_id.split("@", 1)[0]
    plan = None
    if storage.plan_path(home).exists():
        plan = storage.load_plan(home)
    if item_id not in catalog.items:
        import difflib

        pool = list(catalog.items) + ([t.item_id for t in plan.tasks] if plan else [])
        close = difflib.get_close_matches(item_id, pool, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        if plan and any(t.item_id == item_id for t in plan.tasks):
            raise UnknownTaskError(
                f"{item_id} is in your plan but no loaded roadmap has it any more"
            )
        raise UnknownTaskError(f"unknown task {task_id!r}{hint}")
    item = catalog.items[item_id]
    console = _console()
    console.print(f"[bold]{item.title}[/bold] ({item_id})", markup=True)
    console.print(
        f"{item.kind}, {item.hours:g} h"
        + (f" a week for {item.repeat} weeks" if item.repeat else "")
    )
    if plan is not None:
        parts = [t for t in plan.tasks if t.item_id == item_id]
        if parts:
            weeks = sorted({t.week for t in parts})
            status = ", ".join(sorted({t.status for t in parts}))
            console.print(f"In your plan: week(s) {', '.join(map(str, weeks))}; {status}.")
        elif any(u.id.split("@", 1)[0] == item_id for u in plan.unscheduled):
            console.print("In your plan: did not fit (see `upskill plan --all`).")
        else:
            console.print("Not in your plan (already known at your level, or not for your role).")
    console.print(f"Why: {item.why or '(not given)'}")
    console.print(f"Source: {item.source or '(not given)'}")
    if item.skill:
        level = f", needed while your rating is below {item.level}" if item.level else ""
        console.print(f"Skill: {item.skill}{level}")
    prereqs = catalog.prerequisites(item_id)
    console.print(f"Needs first: {', '.join(prereqs) if prereqs else 'nothing'}")
    console.print(f"Done when: {item.done_when or '(not given)'}")
    for r in item.resources:
        console.print(f"  - {r.title}: {r.url}", soft_wrap=True)


# ---------------------------------------------------------------- check


@app.command(short_help="Mark tasks done; see if you are ahead or behind.")
def check(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Task ids to mark (recurring: ID@N)."),
    ] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Mark the tasks not done again.")] = False,
    skip: Annotated[
        bool, typer.Option("--skip", help="Mark the tasks skipped (deliberately not doing them).")
    ] = False,
    on: Annotated[
        str | None, typer.Option("--on", help="Completion date instead of today.", metavar="DATE")
    ] = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Also draw cumulative planned against done hours.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Mark tasks done (or --undo, --skip), then show where you stand against the plan."""
    from upskill import clock, progress, render, storage

    if undo and skip:
        raise UsageError("--undo and --skip cannot be used together")
    if (undo or skip or on) and not ids and not _interactive():
        raise UsageError("--undo, --skip and --on need task ids")
    home = _home()
    today = clock.today()
    when = clock.parse_date(on, "--on") if on else None
    if when is not None and when > today:
        raise UsageError(
            f"--on {when.isoformat()} is in the future; a task is done when it is done"
        )
    if not storage.plan_path(home).exists():
        storage.load_plan(home)  # says there is no plan, before any lock file is made
    if ids:
        status = "todo" if undo else "skipped" if skip else "done"
        with storage.locked(home):
            plan = storage.load_plan(home)
            resolved = progress.resolve_ids(plan, ids, today, status)
            changed = progress.mark(plan, resolved, status, when, default=today)
            if changed:
                storage.save_plan(home, plan)
        if fmt is not Format.json:
            verb = {"todo": "not done", "skipped": "skipped", "done": "done"}[status]
            names = ", ".join(dict.fromkeys(resolved))
            print(f"Marked {verb}: {names}" if changed else f"Already {verb}: {names}")
    elif _interactive() and fmt is Format.table:
        _check_interactive(home, today, when)
        plan = storage.load_plan(home)
    else:
        plan = storage.load_plan(home)
    data = progress.summary(plan, today)
    if fmt is Format.json:
        _print_json(data)
        return
    console = _console()
    render.summary_view(console, data)
    if chart:
        render.chart(console, progress.chart_rows(plan, today))


def _check_interactive(home: Path, today: Any, when: Any) -> None:
    """A checkbox of this week's and overdue tasks; ticked become done, unticked not done."""
    from upskill import progress, questionnaire, storage

    plan = storage.load_plan(home)
    week = max(plan.week_of(today), 1)
    shown: dict[str, Any] = {}
    for t in plan.tasks:
        if t.status == "skipped" or t.week > week:
            continue
        if t.week == week or t.status == "todo":
            shown.setdefault(t.id, t)
    if not shown:
        print("Nothing due this week or overdue.")
        return
    hours: dict[str, float] = {}
    for t in plan.tasks:  # a split task is shown once, with all its hours
        hours[t.id] = hours.get(t.id, 0.0) + t.hours
    choices = []
    for tid, t in shown.items():
        late = f", week {t.week}, overdue" if t.week < week and t.status == "todo" else ""
        choices.append((f"{t.title} ({tid}, {hours[tid]:g} h{late})", tid))
    ticked = set(
        questionnaire.questionary_ask(
            questionnaire.Question(
                "done",
                "checkbox",
                f"Week {week}: tick what you have finished",
                choices=choices,
                default=[tid for tid, t in shown.items() if t.status == "done"],
                instruction="(space to tick, enter to save)",
            )
        )
    )
    with storage.locked(home):
        plan = storage.load_plan(home)  # re-read: another process may have written meanwhile
        status = {t.id: t.status for t in plan.tasks}
        # Only what the person changed: an untouched tick keeps its completion date.
        now_done = [tid for tid in shown if tid in ticked and status.get(tid) == "todo"]
        now_todo = [tid for tid in shown if tid not in ticked and status.get(tid) == "done"]
        changed = progress.mark(plan, now_done, "done", when, default=today)
        changed += progress.mark(plan, now_todo, "todo", None)
        if changed:
            storage.save_plan(home, plan)


# ---------------------------------------------------------------- replan


@app.command(short_help="Reflow unfinished work over the coming weeks.")
def replan(
    from_date: Annotated[
        str | None,
        typer.Option(
            "--from", help="Reflow from the week of this date [default: today].", metavar="DATE"
        ),
    ] = None,
    weeks: Annotated[
        int | None,
        typer.Option("--weeks", help="New plan horizon in weeks (1-156).", metavar="N"),
    ] = None,
    hours: Annotated[
        float | None,
        typer.Option("--hours", help="New weekly hours from now on (1-80).", metavar="H"),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")
    ] = False,
) -> None:
    """Reflow unfinished work (including overdue) over this week and the ones after it."""
    from upskill import clock, progress, storage
    from upskill.errors import DeclinedError, NoTerminalError
    from upskill.roadmaps import load_catalog

    if not yes and not sys.stdin.isatty():
        raise NoTerminalError("no terminal to confirm on; use --yes to replan without asking")
    if hours is not None and not 1 <= hours <= 80:  # also refuses nan
        raise UsageError(f"--hours {hours:g} is outside 1..80")
    if weeks is not None and not 1 <= weeks <= 156:
        raise UsageError(f"--weeks {weeks} is outside 1..156")
    home = _home()
    today = clock.today()
    start = clock.parse_date(from_date, "--from") if from_date else today
    catalog = load_catalog(home)
    path = storage.plan_path(home)
    plan = storage.load_plan(home)
    seen = path.read_bytes()
    result = progress.replan(plan, catalog, start, hours=hours, weeks=weeks, name=str(path))
    console = _console()
    _show_replan(console, result)
    if not yes:
        from upskill import questionnaire

        if not questionnaire.confirm("Write the new plan?"):
            raise DeclinedError("kept the old plan; nothing was written")
    # The lock is not held while the person decides; if another command wrote meanwhile,
    # replan from what is on disk now so that its update is not lost.
    with storage.locked(home):
        if path.read_bytes() != seen:
            fresh = storage.load_plan(home)
            result = progress.replan(
                fresh, catalog, start, hours=hours, weeks=weeks, name=str(path)
            )
        bak = storage.backup(path)
        storage.save_plan(home, result.plan)
    console.print(
        f"Saved the new plan to {storage.plan_path(home)}" + (f" (previous: {bak})" if bak else "")
    )


def _show_replan(console: Any, result: Any) -> None:
    console.print(f"Replanning from week {result.from_week}.")
    if result.moved:
        console.print(f"{len(result.moved)} tasks move:")
        for tid, before, after in result.moved[:40]:
            b = ",".join(map(str, sorted(set(before))))
            a = ",".join(map(str, sorted(set(after))))
            console.print(f"  {tid}: week {b} -> {a}")
        if len(result.moved) > 40:
            console.print(f"  ... and {len(result.moved) - 40} more")
    else:
        console.print("Nothing moves.")
    if result.newly_unscheduled:
        console.print(
            f"{len(result.newly_unscheduled)} no longer fit: "
            f"{', '.join(result.newly_unscheduled[:20])}"
        )
    unscheduled = result.plan.unscheduled
    if unscheduled:
        console.print(
            f"Not scheduled in all: {len(unscheduled)} ({sum(u.hours for u in unscheduled):g} h)."
        )


# ---------------------------------------------------------------- export


@app.command(short_help="Export to a calendar (ics), markdown or json.")
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="ics (calendars), markdown or json.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE"
        ),
    ] = None,
) -> None:
    """Export the plan for calendars (ics), notes (markdown) or scripts (json)."""
    from upskill import clock, storage
    from upskill import export as exporter

    plan = storage.load_plan(_home())
    if fmt is ExportFormat.ics:
        data = exporter.to_ics(plan, clock.today())
    elif fmt is ExportFormat.markdown:
        data = exporter.to_markdown(plan)
    else:
        data = exporter.to_json(plan)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        storage.atomic_write(output, data)
        print(f"Wrote {output}", file=sys.stderr)


def main() -> None:
    """Console-script entry point: run the app, turning errors into one line and an exit code.

    typer (0.29+) already maps usage errors to exit 2 and Ctrl-C to exit 130; our own errors
    arrive here with their exit code.
    """
    debug = bool(os.environ.get("UPSKILL_DEBUG")) or "--debug" in sys.argv[1:]
    try:
        app()
    except UpskillError as exc:
        if debug:
            raise
        for line in str(exc).splitlines() or ["unknown error"]:
            print(f"upskill: error: {line}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("upskill: interrupted; nothing was written", file=sys.stderr)
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130:  # typer turns Ctrl-C into exit 130 without a word
            print("upskill: interrupted; nothing was written", file=sys.stderr)
        raise
