"""Load the built-in and the user's roadmaps and validate them, alone and as a graph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from upskill.errors import DataError
from upskill.models import Item, Roadmap, format_validation_error
from upskill.tomlio import decode_toml, read_limited

ROADMAP_HINT = "see docs/roadmap-format.md"


class RoadmapError(DataError):
    """One or more roadmap files are invalid; ``problems`` holds one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Catalog:
    """All loaded roadmaps, in load order, with an index of items by full id (``roadmap.item``)."""

    roadmaps: dict[str, Roadmap]
    origin: dict[str, str] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)

    @classmethod
    def of(cls, loaded: Iterable[tuple[Roadmap, str]]) -> Catalog:
        roadmaps: dict[str, Roadmap] = {}
        origin: dict[str, str] = {}
        items: dict[str, Item] = {}
        for roadmap, label in loaded:
            roadmaps[roadmap.id] = roadmap
            origin[roadmap.id] = label
            for item in roadmap.items:
                items[f"{roadmap.id}.{item.id}"] = item
        return cls(roadmaps, origin, items)

    def tags(self) -> list[str]:
        """The interest tags the loaded roadmaps use, lower-cased and sorted."""
        return sorted({t.lower() for item in self.items.values() for t in item.tags})

    def prerequisites(self, full_id: str) -> list[str]:
        """The full ids of an item's prerequisites."""
        return _qualified(full_id, self.items[full_id].prerequisites)

    def after(self, full_id: str, background: str | None = None) -> list[str]:
        """The full ids of the items this one comes after when both are in a plan: for
        people of ``background``, if given, as `after_by_background` says for them."""
        item = self.items[full_id]
        if background is not None and background in item.after_by_background:
            return _qualified(full_id, item.after_by_background[background])
        return _qualified(full_id, item.after)

    def every_after(self, full_id: str) -> list[str]:
        """What an item comes after for anyone (`after` and every `after_by_background`)."""
        item = self.items[full_id]
        refs = [*item.after, *(r for refs in item.after_by_background.values() for r in refs)]
        return _qualified(full_id, list(dict.fromkeys(refs)))

    def first_shot_for(self, full_id: str) -> str | None:
        """The full id of the round an item is a first shot at (`first_shot_for`), or None."""
        ref = self.items[full_id].first_shot_for
        return qualify(ref, full_id.split(".", 1)[0]) if ref else None

    def prepares_for(self, full_id: str) -> list[str]:
        """The full ids of the work this drill prepares for (`prepares_for`)."""
        return _qualified(full_id, self.items[full_id].prepares_for)


def _qualified(full_id: str, refs: list[str]) -> list[str]:
    """``refs`` of item ``full_id``, each as a full id (a bare id is in its own roadmap)."""
    if not refs:  # (most items have none: the planner asks this of every item)
        return []
    roadmap_id = full_id.split(".", 1)[0]
    return [qualify(p, roadmap_id) for p in refs]


def qualify(ref: str, roadmap_id: str) -> str:
    """``big-o`` in roadmap ``coding`` is ``coding.big-o``; a dotted id is already full."""
    return ref if "." in ref else f"{roadmap_id}.{ref}"


def builtin_files() -> list[tuple[str, bytes]]:
    """The built-in roadmap files as (name, bytes), sorted by name.

    An installed wheel carries them in ``upskill/data/roadmaps``; a source checkout
    (editable install, ``PYTHONPATH=src``) reads the top-level ``data/roadmaps``.
    """
    packaged = resources.files("upskill").joinpath("data", "roadmaps")
    if packaged.is_dir():
        entries = [(e.name, e.read_bytes()) for e in packaged.iterdir() if e.name.endswith(".toml")]
    else:
        checkout = Path(__file__).resolve().parents[2] / "data" / "roadmaps"
        entries = [(p.name, p.read_bytes()) for p in checkout.glob("*.toml")]
    if not entries:
        raise DataError(
            "the built-in roadmaps are missing from this installation; reinstall upskill"
        )
    return sorted(entries)


def parse_roadmap(data: dict[str, Any], label: str) -> Roadmap:
    """Validate one parsed roadmap file on its own (schema and duplicate ids)."""
    from pydantic import ValidationError

    try:
        roadmap = Roadmap.model_validate(data)
    except ValidationError as exc:
        raise RoadmapError(
            [f"{label}: {line}" for line in format_validation_error(exc, data, ROADMAP_HINT)]
        ) from None
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(roadmap.items):
        if item.id in seen:
            problems.append(
                f"{label}: items[{index}] ({item.id}).id: duplicate item id {item.id!r}"
            )
        seen.add(item.id)
    if problems:
        raise RoadmapError(problems)
    return roadmap


def check_graph(loaded: list[tuple[Roadmap, str]]) -> list[str]:
    """Problems of the combined graph: duplicate roadmap ids, dangling prerequisites (and
    covered topics that are nobody's), cycles."""
    problems: list[str] = []
    labels: dict[str, str] = {}
    for roadmap, label in loaded:
        if roadmap.id in labels:
            problems.append(
                f"{label}: id: roadmap id {roadmap.id!r} is already used by {labels[roadmap.id]}"
            )
        else:
            labels[roadmap.id] = label
    catalog = Catalog.of(loaded)
    for roadmap, label in loaded:
        for index, item in enumerate(roadmap.items):
            for key, refs in (
                ("prerequisites", item.prerequisites),
                ("after", item.after),
                (
                    "after_by_background",
                    [r for said in item.after_by_background.values() for r in said],
                ),
                ("prepares_for", item.prepares_for),
                ("done_when_with", list(item.done_when_with)),
                ("title_with", list(item.title_with)),
                ("first_shot_for", [item.first_shot_for] if item.first_shot_for else []),
            ):
                for ref in refs:
                    full = qualify(ref, roadmap.id)
                    if full not in catalog.items:
                        target = full.split(".", 1)[0]
                        hint = (
                            ""
                            if target in catalog.roadmaps
                            else f" (no roadmap {target!r} is loaded)"
                        )
                        problems.append(
                            f"{label}: items[{index}] ({item.id}).{key}: "
                            f"{ref!r} points to no item{hint}"
                        )
                    elif full == f"{roadmap.id}.{item.id}":
                        problems.append(
                            f"{label}: items[{index}] ({item.id}).{key}: "
                            f"the item needs itself: {full} -> {full}"
                        )
            for ref in item.stays_with:
                if ref not in catalog.roadmaps:
                    problems.append(
                        f"{label}: items[{index}] ({item.id}).stays_with: "
                        f"no roadmap {ref!r} is loaded"
                    )
    topics = {t for it in catalog.items.values() for t in it.topics}
    for roadmap, label in loaded:
        for index, item in enumerate(roadmap.items):
            for topic in item.covers:
                if topic not in topics:
                    problems.append(
                        f"{label}: items[{index}] ({item.id}).covers: "
                        f"{topic!r} is no weekly topic of any item"
                    )
    for cycle in find_cycles(catalog):
        label = catalog.origin.get(cycle[0].split(".", 1)[0], "?")
        problems.append(f"{label}: prerequisite cycle: {' -> '.join(cycle)}")
    return problems


def find_cycles(catalog: Catalog) -> list[list[str]]:
    """Every distinct prerequisite cycle found by a depth-first walk (self-loops excluded)."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(catalog.items, white)
    cycles: list[list[str]] = []
    for root in catalog.items:
        if colour[root] != white:
            continue
        stack: list[tuple[str, list[str]]] = [(root, _edges(catalog, root))]
        path = [root]
        colour[root] = grey
        while stack:
            node, edges = stack[-1]
            if edges:
                nxt = edges.pop(0)
                if colour[nxt] == white:
                    colour[nxt] = grey
                    path.append(nxt)
                    stack.append((nxt, _edges(catalog, nxt)))
                elif colour[nxt] == grey:
                    cycles.append([*path[path.index(nxt) :], nxt])
            else:
                colour[node] = black
                path.pop()
                stack.pop()
    return cycles


def _edges(catalog: Catalog, full_id: str) -> list[str]:
    edges = [*catalog.prerequisites(full_id), *catalog.every_after(full_id)]
    return [p for p in dict.fromkeys(edges) if p in catalog.items and p != full_id]


def _load_file(name: str, raw: bytes, problems: list[str]) -> Roadmap | None:
    try:
        return parse_roadmap(decode_toml(raw, name), name)
    except RoadmapError as exc:
        problems.extend(exc.problems)
    except DataError as exc:
        problems.append(str(exc))
    return None


def user_roadmap_files(home: Path | None) -> list[Path]:
    """The user's own roadmap files, ``<home>/roadmaps/*.toml``, sorted.

    A folder that exists but cannot be read is an error, not an empty folder: silently
    leaving out a person's roadmaps would change their plan without a word.
    """
    if home is None:
        return []
    folder = home / "roadmaps"
    if not folder.is_dir():
        return []
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError as exc:
        raise DataError(
            f"{folder}: cannot read the folder of your roadmaps: {exc.strerror}; "
            "check its permissions"
        ) from None
    return sorted(folder / name for name in names if name.endswith(".toml"))


def _read_user_file(path: Path) -> bytes:
    """A user roadmap's bytes: a plain file, with a size limit (not a pipe, not /dev/zero)."""
    return read_limited(path, str(path), regular_only=True)


def load_catalog(home: Path | None = None) -> Catalog:
    """Load the built-in and the user's roadmaps, validated; RoadmapError lists every problem."""
    problems: list[str] = []
    loaded: list[tuple[Roadmap, str]] = []
    for name, raw in builtin_files():
        roadmap = _load_file(f"built-in {name}", raw, problems)
        if roadmap is not None:
            loaded.append((roadmap, f"built-in {name}"))
    for path in user_roadmap_files(home):
        try:
            raw = _read_user_file(path)
        except DataError as exc:
            problems.append(str(exc))
            continue
        roadmap = _load_file(str(path), raw, problems)
        if roadmap is not None:
            loaded.append((roadmap, str(path)))
    problems.extend(check_graph(loaded))
    if problems:
        raise RoadmapError(problems)
    return Catalog.of(loaded)


def _same_builtin(label: str, raw: bytes) -> bool:
    name = label.removeprefix("built-in ")
    return any(n == name and data == raw for n, data in builtin_files())


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:  # missing, unreadable, a symbolic link loop: not the file under test
        return False


def validate_file(path: Path, home: Path | None = None) -> Roadmap:
    """Validate one roadmap file, resolving prerequisites against the other loaded roadmaps."""
    label = str(path)
    raw = _read_user_file(path)
    roadmap = parse_roadmap(decode_toml(raw, label), label)
    others: list[tuple[Roadmap, str]] = []
    problems: list[str] = []
    for name, builtin in builtin_files():
        other = _load_file(f"built-in {name}", builtin, problems)
        if other is not None:
            others.append((other, f"built-in {name}"))
    for other_path in user_roadmap_files(home):
        if _same_path(other_path, path):
            continue
        try:
            other = _load_file(str(other_path), _read_user_file(other_path), problems)
        except DataError:
            continue
        if other is not None:
            others.append((other, str(other_path)))
    # A roadmap id may be loaded once: a second file with it is refused everywhere else, so here
    # too, unless the file under test is that very file (a built-in checked in place).
    clash = [
        lab
        for r, lab in others
        if r.id == roadmap.id and not (lab.startswith("built-in ") and _same_builtin(lab, raw))
    ]
    if clash:
        raise RoadmapError(
            [
                f"{label}: id: roadmap id {roadmap.id!r} is already used by {clash[0]}; "
                "give your roadmap an id of its own"
            ]
        )
    others = [(r, lab) for r, lab in others if r.id != roadmap.id]
    own = [p for p in check_graph([(roadmap, label), *others]) if p.startswith(f"{label}:")]
    if own:
        raise RoadmapError(own)
    return roadmap
