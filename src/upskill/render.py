"""Rendering: rich tables and plain data shapes for JSON output."""

from __future__ import annotations

from typing import Any

from upskill.roadmaps import Catalog


def item_hours(hours: float, repeat: int | None) -> float:
    return hours * (repeat or 1)


def roadmap_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per roadmap: id, title, item count, total hours, where it came from."""
    return [
        {
            "id": r.id,
            "title": r.title,
            "items": len(r.items),
            "hours": round(sum(item_hours(i.hours, i.repeat) for i in r.items), 2),
            "origin": catalog.origin.get(r.id, ""),
        }
        for r in catalog.roadmaps.values()
    ]


def prerequisite_order(catalog: Catalog, roadmap_id: str) -> list[str]:
    """The roadmap's item ids, each after its in-roadmap prerequisites, else in file order."""
    roadmap = catalog.roadmaps[roadmap_id]
    ids = [f"{roadmap_id}.{i.id}" for i in roadmap.items]
    members = set(ids)
    placed: set[str] = set()
    out: list[str] = []

    def visit(full: str) -> None:
        if full in placed:
            return
        placed.add(full)
        for p in catalog.prerequisites(full):
            if p in members:
                visit(p)
        out.append(full)

    for full in ids:
        visit(full)
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
    table.add_column("item", style="bold")
    table.add_column("title")
    table.add_column("kind")
    table.add_column("hours", justify="right")
    table.add_column("level")
    table.add_column("needs")
    for n, item in enumerate(data["items"], 1):
        hours = f"{item['hours']:g}" + (f" ×{item['repeat']}" if item.get("repeat") else "")
        level = f"{item['skill']} < {item['level']}" if item.get("skill") and item.get("level") else "all"
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
