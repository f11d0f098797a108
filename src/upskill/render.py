"""Rendering: rich tables and plain data shapes for JSON output."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # roadmaps bring pydantic: only the commands that show roadmaps load it
    from upskill.roadmaps import Catalog

# Control characters (C0 but tab and newline, DEL, C1): in a title they could clear the
# screen, rewrite the clipboard (OSC 52) or fake a link (OSC 8) when printed. Roadmaps are
# shared and plans edited by hand, so their text is untrusted; it is cleaned on output (the
# files keep exactly what was written).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean(text: str, *, one_line: bool = False) -> str:
    """``text`` without control characters; ``one_line`` also turns tabs and newlines to spaces."""
    if one_line:
        return _CONTROL_OR_BREAK.sub(lambda m: " " if m.group() in "\t\n" else "", text)
    return _CONTROL.sub("", text)


def json_text(data: object) -> str:
    """JSON for a terminal as much as for a script: every control character escaped.

    json escapes C0 characters itself; DEL and C1 (which some terminals obey) are escaped
    here too, which JSON readers decode to the same text.
    """
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _DEL_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


_DEL_C1 = re.compile("[\x7f-\x9f]")
_console_class: Any = None


def safe_console(**options: Any) -> Any:
    """A rich Console that prints text as text: no markup or emoji codes, no control characters.

    Every string rich renders (``print`` arguments, table cells and titles) goes through
    ``render_str``, which is where it is cleaned; ``rich.text.Text`` built here is cleaned
    where it is made.
    """
    global _console_class
    if _console_class is None:
        from rich.console import Console

        class SafeConsole(Console):
            def render_str(self, text: str, *args: Any, **kwargs: Any) -> Any:
                return super().render_str(clean(text), *args, **kwargs)

        _console_class = SafeConsole
    options = {"highlight": False, "markup": False, "emoji": False, **options}
    return _console_class(**options)


def item_hours(hours: float, repeat: int | None) -> float:
    """An item's total hours: a recurring one counts every week it recurs."""
    return hours * (repeat or 1)


def roadmap_hours(roadmap: Any) -> float:
    return round(sum(item_hours(i.hours, i.repeat) for i in roadmap.items), 2)


def roadmap_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per roadmap: id, title, item count, total hours, where it came from."""
    return [
        {
            "id": r.id,
            "title": r.title,
            "items": len(r.items),
            "hours": roadmap_hours(r),
            "origin": catalog.origin.get(r.id, ""),
        }
        for r in catalog.roadmaps.values()
    ]


def prerequisite_order(catalog: Catalog, roadmap_id: str) -> list[str]:
    """The roadmap's item ids, each after its in-roadmap prerequisites, else in file order.

    A depth-first walk with its own stack: a chain of prerequisites thousands deep is a
    valid roadmap and must not exhaust Python's recursion limit.
    """
    roadmap = catalog.roadmaps[roadmap_id]
    ids = [f"{roadmap_id}.{i.id}" for i in roadmap.items]
    members = set(ids)
    placed: set[str] = set()
    out: list[str] = []
    for root in ids:
        if root in placed:
            continue
        placed.add(root)
        stack = [(root, iter(catalog.prerequisites(root)))]
        while stack:
            node, pending = stack[-1]
            for p in pending:
                if p in members and p not in placed:
                    placed.add(p)
                    stack.append((p, iter(catalog.prerequisites(p))))
                    break
            else:
                stack.pop()
                out.append(node)
    return out


def roadmap_detail(catalog: Catalog, roadmap_id: str) -> dict[str, Any]:
    roadmap = catalog.roadmaps[roadmap_id]
    items = []
    for full in prerequisite_order(catalog, roadmap_id):
        item = catalog.items[full]
        data = item.model_dump(mode="json", exclude_none=True)
        data["id"] = full
        items.append(data)
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "description": roadmap.description,
        "origin": catalog.origin.get(roadmap.id, ""),
        "items": items,
    }


def roadmaps_table(console: Any, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Roadmaps", title_justify="left")
    table.add_column("id", style="bold")
    table.add_column("title")
    table.add_column("items", justify="right")
    table.add_column("hours", justify="right")
    for row in rows:
        table.add_row(row["id"], row["title"], str(row["items"]), f"{row['hours']:g}")
    console.print(table)
    console.print(
        f"{len(rows)} roadmaps, {sum(r['items'] for r in rows)} items, "
        f"{sum(r['hours'] for r in rows):g} hours. `upskill roadmaps show ID` for the items."
    )


def roadmap_table(console: Any, data: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(title=f"{data['title']} ({data['id']})", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("item", style="bold", overflow="fold")
    table.add_column("title")
    table.add_column("kind")
    table.add_column("hours", justify="right")
    table.add_column("level")
    table.add_column("needs", overflow="fold")
    for n, item in enumerate(data["items"], 1):
        hours = f"{item['hours']:g}" + (f" ×{item['repeat']}" if item.get("repeat") else "")
        level = (
            f"{item['skill']} < {item['level']}"
            if item.get("skill") and item.get("level")
            else "all"
        )
        table.add_row(
            str(n),
            item["id"].split(".", 1)[1],
            item["title"],
            item["kind"],
            hours,
            level,
            ", ".join(item.get("prerequisites", [])),
        )
    if data.get("description"):
        console.print(data["description"])
    console.print(table)


STATUS_MARK = {"todo": "☐ todo", "done": "☑ done", "skipped": "– skipped"}


def week_table(console: Any, plan: Any, week: int, title_prefix: str = "") -> None:
    """One week of the plan as a table, with its total against the weekly budget."""
    from rich.table import Table
    from rich.text import Text

    tasks = plan.tasks_in(week)
    total = sum(t.hours for t in tasks)
    start, end = plan.week_start(week), plan.week_end(week)
    title = f"{title_prefix}Week {week} of {plan.weeks}: {start:%a %d %b} – {end:%a %d %b %Y}"
    table = Table(title=title, title_justify="left", show_footer=True)
    # The id under each title is what people copy into `check` and `explain`: never wrap it.
    widest = max((len(t.id) for t in tasks), default=10)
    table.add_column("task", footer="total", ratio=1, min_width=widest, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column(
        "hours",
        justify="right",
        no_wrap=True,
        footer=f"{round(total, 2):g} / {budget(plan.hours_per_week)} h",
    )
    table.add_column("status", no_wrap=True)
    for t in tasks:
        style = "dim" if t.status != "todo" else ""
        label = Text(clean(t.title, one_line=True))
        label.append(f"\n{t.id}", style="dim")
        table.add_row(label, t.kind, f"{t.hours:g}", STATUS_MARK[t.status], style=style)
    if not tasks:
        table.add_row("(nothing planned)", "", "", "")
    console.print(table)


def plan_markdown(plan: Any, weeks: list[int] | None = None) -> str:
    """The plan as a GitHub-friendly checklist, one section per week."""
    name = plan.profile.get("name")
    lines = [f"# upskill plan{' for ' + clean(name, one_line=True) if name else ''}", ""]
    lines.append(
        f"{plan.weeks} weeks from {plan.start.isoformat()}, {budget(plan.hours_per_week)} h/week, "
        f"target: {clean(str(plan.profile.get('target_role', '?')), one_line=True)}."
    )
    lines.append("")
    numbers = weeks if weeks is not None else list(range(1, plan.last_week() + 1))
    for n in numbers:
        tasks = plan.tasks_in(n)
        total = sum(t.hours for t in tasks)
        lines.append(
            f"## Week {n} ({plan.week_start(n).isoformat()} – {plan.week_end(n).isoformat()}), "
            f"{total:g} h"
        )
        lines.append("")
        for t in tasks:
            box = "x" if t.status == "done" else " "
            title = _md_escape(t.title)
            extra = f", done {t.done_on.isoformat()}" if t.done_on and t.status == "done" else ""
            if t.status == "skipped":
                lines.append(f"- [ ] ~~{title}~~ (`{t.id}`, {t.hours:g} h, skipped)")
            else:
                lines.append(f"- [{box}] {title} (`{t.id}`, {t.kind}, {t.hours:g} h{extra})")
        if not tasks:
            lines.append("_Nothing planned._")
        lines.append("")
    if plan.unscheduled and weeks is None:
        lines.append("## Did not fit")
        lines.append("")
        for u in plan.unscheduled:
            uid = clean(u.id, one_line=True).replace("`", "'")
            lines.append(f"- `{uid}` ({u.hours:g} h): {_md_escape(u.reason)}")
        lines.append("")
    return "\n".join(lines)


def budget(hours: float) -> str:
    """A weekly budget as the person gave it: never rounded (2.999 must not show as 3)."""
    return f"{hours:.15g}"


def _md_escape(text: str) -> str:
    out = clean(text, one_line=True)
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out


def bar(done: float, total: float, width: int = 12) -> str:
    if total <= 0:
        return "─" * width
    filled = min(width, round(width * done / total))
    return "█" * filled + "░" * (width - filled)


def summary_view(console: Any, data: dict[str, Any]) -> None:
    """The check summary: per roadmap and overall, done against planned to date and in total."""
    from rich.table import Table

    week, weeks = data["week"], data["weeks"]
    if week < 1:
        when = "before week 1"
    elif week > weeks:
        when = f"after the last week, {weeks}"
    else:
        when = f"week {week} of {weeks}"
    table = Table(title=f"Progress on {data['today']} ({when})", title_justify="left")
    table.add_column("roadmap")
    table.add_column("done / to date", justify="right")
    table.add_column("done / total", justify="right")
    table.add_column("progress", no_wrap=True)
    table.add_column("skipped", justify="right")
    rows = [*data["roadmaps"].items(), ("overall", data)]
    for name, r in rows:
        pct = 100 * r["done_hours"] / r["planned_hours"] if r["planned_hours"] else 0.0
        table.add_row(
            name,
            f"{r['done_hours']:g} / {round(r['planned_to_date_hours'], 1):g} h",
            f"{r['done_hours']:g} / {r['planned_hours']:g} h",
            f"{bar(r['done_hours'], r['planned_hours'])} {pct:3.0f}%",
            f"{r['skipped_hours']:g} h" if r["skipped_hours"] else "",
            style="bold" if name == "overall" else "",
        )
    console.print(table)
    console.print(
        f"You are {data['status']}." if data["status"] != "on track" else "You are on track."
    )
    m = data.get("next_milestone")
    if m:
        if m.get("overdue"):
            when = "overdue"
        elif m["days_away"] == 0:
            when = "this week"
        else:
            when = f"in {m['days_away']} day{'s' if m['days_away'] != 1 else ''}"
        console.print(f"Next milestone: {m['title']} ({m['id']}), week {m['week']}, {when}.")


def chart(console: Any, rows: list[tuple[int, float, float]], width: int = 40) -> None:
    """Cumulative planned against cumulative done hours, week by week."""
    if not rows:
        console.print("Nothing to chart yet.")
        return
    top = max(max(p, d) for _, p, d in rows) or 1.0
    console.print("Cumulative hours: planned (▒) against done (█)")
    for week, planned, done in rows:
        p = round(width * planned / top)
        d = round(width * done / top)
        console.print(f"W{week:>3} plan {'▒' * p:<{width}} {planned:7.1f}")
        console.print(f"     done {'█' * d:<{width}} {done:7.1f}")
    _, planned, done = rows[-1]
    gap = done - planned
    console.print(f"Gap now: {gap:+.1f} h")
