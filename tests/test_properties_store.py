"""Property tests of the store: generated plans survive save/load exactly, bytes are stable,
and no input, however mangled, gets past the readers as anything but a DataError."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upskill import storage
from upskill.errors import DataError
from upskill.plan import STATUSES, Plan, Task, Unscheduled, plan_from_dict
from upskill.schema import KINDS, SKILLS, Profile, profile_from_dict
from upskill.tomlio import decode_toml

pytestmark = pytest.mark.slow  # real processes, builds or many generated cases

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,11}", fullmatch=True)
# Any text TOML can hold: every code point but surrogates (which UTF-8 cannot encode).
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2200, 12, 31))
hours = st.floats(min_value=0, max_value=1000, exclude_min=True, allow_nan=False)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    """Any valid profile, numbers as a person might write them (ints stay ints)."""
    profile: dict[str, Any] = {
        "background": draw(st.sampled_from(["phd-or-postdoc", "undergrad", "other"])),
        "target_role": draw(st.sampled_from(["research-engineer", "phd-applicant"])),
        "hours_per_week": draw(
            st.one_of(st.integers(1, 80), st.floats(min_value=1, max_value=80, allow_nan=False))
        ),
        "weeks": draw(st.integers(1, 156)),
        "start_date": draw(dates),
    }
    if draw(st.booleans()):
        profile["name"] = draw(text)
    if draw(st.booleans()):
        profile["runway_months"] = draw(st.one_of(st.integers(0, 600), st.floats(0, 600)))
    if draw(st.booleans()):
        profile["roadmaps"] = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    profile["interests"] = draw(st.lists(text.filter(lambda t: t.strip() == t and t), max_size=3))
    if draw(st.booleans()):
        profile["buffer_percent"] = draw(st.one_of(st.integers(0, 50), st.floats(0, 50)))
    if draw(st.booleans()):
        first = draw(dates)
        profile["time_off"] = [
            {
                "start": first,
                "end": first + dt.timedelta(days=draw(st.integers(0, 30))),
                "hours_per_week": draw(st.integers(0, 80)),
            }
        ]
    profile["skills"] = draw(
        st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4), max_size=9)
    )
    return profile_from_dict(profile, "generated")


@st.composite
def tasks(draw: st.DrawFn, weeks: int) -> Task:
    task_id = f"{draw(slug)}.{draw(slug)}"
    if draw(st.booleans()):
        task_id += f"@{draw(st.integers(1, 520))}"
    status = draw(st.sampled_from(STATUSES))
    done_on = None
    if status == "done":
        done_on = draw(dates)
    return Task(
        id=task_id,
        week=draw(st.integers(1, weeks)),
        title=draw(text),
        kind=draw(st.sampled_from(KINDS)),
        hours=draw(hours),
        status=status,
        done_on=done_on,
        note=draw(st.one_of(st.none(), text)),
        pinned=draw(st.booleans()),
    )


@st.composite
def plans(draw: st.DrawFn, min_tasks: int = 0) -> Plan:
    profile = draw(profiles())
    drawn = draw(st.lists(tasks(profile.weeks), min_size=min_tasks, max_size=25))
    unique = list({(t.id, t.week): t for t in drawn}.values())  # one part per task and week
    unscheduled = draw(
        st.lists(
            st.builds(
                Unscheduled,
                id=st.one_of(slug, text.filter(bool)),
                hours=st.floats(min_value=0, max_value=1e6, exclude_min=True, allow_nan=False),
                reason=text,
            ),
            max_size=5,
        )
    )
    return Plan(profile=profile, tasks=unique, unscheduled=unscheduled)


def in_week_order(plan: Plan) -> Plan:
    """The plan as loading returns it: tasks in week order, stable within a week."""
    return Plan(
        profile=plan.profile,
        tasks=sorted(plan.tasks, key=lambda t: t.week),
        unscheduled=plan.unscheduled,
        schema=plan.schema,
    )


@SETTINGS
@given(plans())
def test_a_saved_plan_loads_back_equal(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        storage.save_plan(home, plan)
        loaded = storage.load_plan(home)
    assert loaded == in_week_order(plan)
    assert loaded.to_toml_dict() == plan.to_toml_dict()
    # Titles come back code point for code point (no normalisation, no escaping left over).
    assert [t.title for t in loaded.tasks] == [t.title for t in in_week_order(plan).tasks]


@SETTINGS
@given(plans(), st.randoms(use_true_random=False))
def test_saving_is_byte_stable_whatever_the_task_order(plan: Plan, rng: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        first = storage.save_plan(home, plan).read_bytes()
        again = storage.save_plan(home, plan).read_bytes()
        reloaded = storage.save_plan(home, storage.load_plan(home)).read_bytes()
        shuffled = Plan(
            profile=plan.profile,
            tasks=rng.sample(plan.tasks, len(plan.tasks)),
            unscheduled=plan.unscheduled,
        )
        as_given = storage.save_plan(home, shuffled).read_bytes()
        in_order = storage.save_plan(home, in_week_order(shuffled)).read_bytes()
        leftovers = [p.name for p in home.iterdir() if p.name != "plan.toml"]
    assert first == again == reloaded
    # Within a week the order is the caller's; across weeks the file is always in week order,
    # so what is saved is what a later load-and-save writes again.
    assert as_given == in_order
    assert leftovers == []


toml_scalars = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.booleans(),
    text,
    dates,
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
PLAN_KEYS = ["schema", "profile", "tasks", "unscheduled", "weeks", "id", "hours", "status"]


@st.composite
def mangled_plan_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plan's TOML table with a few values replaced by anything TOML can hold."""
    data = draw(plans()).to_toml_dict()
    for _ in range(draw(st.integers(1, 3))):
        node: Any = data
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            if isinstance(node[key], dict | list) and node[key] and draw(st.booleans()):
                node = node[key]
                continue
            if draw(st.integers(0, 5)) == 0 and isinstance(node, dict):
                del node[key]
            else:
                node[key] = draw(toml_values)
            break
    return data


@SETTINGS
@given(mangled_plan_dicts())
def test_a_mangled_plan_is_accepted_or_refused_with_a_data_error(data: dict[str, Any]) -> None:
    try:
        plan = plan_from_dict(data, "plan.toml")
    except DataError as exc:
        message = str(exc)
        assert message.startswith("plan.toml: ")
        assert "\n" not in message
        return
    # What is accepted can be written back and read again unchanged.
    assert plan_from_dict(decode_toml(storage.dumps_toml(plan.to_toml_dict()), "x"), "x") == plan


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_parse_or_give_a_one_line_data_error(raw: bytes) -> None:
    try:
        decode_toml(raw, "f.toml")
    except DataError as exc:
        message = str(exc)
        assert message.startswith("f.toml: ")
        assert "\n" not in message


@SETTINGS
@given(plans(min_tasks=1), st.data())
def test_a_saved_plan_cut_anywhere_never_reads_back_with_a_changed_value(
    plan: Plan, data: st.DataObject
) -> None:
    """A cut file is refused, or (cut between two whole entries of the file's last section)
    reads back as part of the plan: trailing entries or optional keys lost, no value altered.

    Saves are atomic, so only an outside tool can cut the file; a cut at an entry boundary of
    the last section is undetectable in a hand-editable file without an end marker.
    """
    raw = storage.dumps_toml(plan.to_toml_dict())
    cut = data.draw(st.integers(0, len(raw) - 1))
    try:
        shorter = plan_from_dict(decode_toml(raw[:cut], "plan.toml"), "plan.toml")
    except DataError:
        return
    full = in_week_order(plan)
    assert shorter.profile == full.profile
    prefix = full.tasks[: len(shorter.tasks)]
    assert shorter.tasks[:-1] == prefix[:-1]
    if shorter.tasks:  # the last entry may have lost its optional keys, nothing else
        last, whole = shorter.tasks[-1], prefix[-1]
        assert (last.id, last.week, last.hours, last.status, last.done_on) == (
            whole.id,
            whole.week,
            whole.hours,
            whole.status,
            whole.done_on,
        )
        assert last.note in (None, whole.note)
    assert shorter.unscheduled == full.unscheduled[: len(shorter.unscheduled)]
