"""Nothing cryptic: every bad input gets one clear line, the documented exit code, no traceback.

The catalogue of issue 5, run through the installed console script against a temporary home:
malformed, truncated, mistyped, out-of-range and hand-edited answers, plan and roadmap files;
unicode that must survive exactly; impossible graphs; unknown ids; newer schemas; no terminal.
A command that refuses a plan file leaves it byte-identical.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, TODAY
from tests.conftest import run_here as run
from upskill import plan as plan_module

ERROR = "upskill: error: "
POSTDOC = EXAMPLES / "postdoc-research-engineer.toml"


# ------------------------------------------------------------------ helpers and fixtures


def fails(result: subprocess.CompletedProcess[str], code: int = 1) -> list[str]:
    """Assert a clean failure with ``code``; return the message(s) without the prefix."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "no error message on stderr"
    for line in lines:
        assert line.startswith(ERROR), f"not an error line: {line!r}"
    return [line.removeprefix(ERROR) for line in lines]


def one_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """Like ``fails``, for exactly one line."""
    lines = fails(result, code)
    assert len(lines) == 1, lines
    return lines[0]


def answers(tmp_path: Path, text: str, name: str = "answers.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def postdoc_with(tmp_path: Path, key: str, value: str) -> Path:
    """The example answers file with ``key = value`` (replaced, or added at the top)."""
    lines = POSTDOC.read_text(encoding="utf-8").splitlines()
    pattern = re.compile(rf"^{re.escape(key)}\s*=")
    if any(pattern.match(line) for line in lines):
        lines = [f"{key} = {value}" if pattern.match(line) else line for line in lines]
    else:
        lines.insert(0, f"{key} = {value}")
    path = tmp_path / "answers.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def edit_plan(home: Path, old: str, new: str, count: int = 1) -> bytes:
    """Replace the first ``count`` occurrences of ``old`` in plan.toml; return the new bytes."""
    path = home / "plan.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path.read_bytes()


def line_of(home: Path, needle: str) -> int:
    text = (home / "plan.toml").read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def roadmap(home: Path, text: str, name: str = "mine.toml") -> Path:
    folder = home / "roadmaps"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def item(item_id: str, hours: str = "2", prerequisites: str = "", title: str = "") -> str:
    return textwrap.dedent(
        f"""
        [[items]]
        id = "{item_id}"
        title = "{title or item_id.title()}"
        hours = {hours}
        kind = "learn"
        prerequisites = [{prerequisites}]
        why = "because"
        source = "me"
        done_when = "done"
        """
    )


HEAD = 'id = "mine"\ntitle = "My track"\ndescription = "Mine."\n'


# ------------------------------------------------------------------ answers files


def test_malformed_toml_in_an_answers_file_names_the_line(tmp_path: Path, home: Path) -> None:
    path = answers(tmp_path, 'name = "Ada"\nweeks = = 3\n')
    message = one_error(run("init", "--answers", str(path)))
    assert message == (
        f"{path}: TOML syntax error: Invalid value (at line 2, column 9); fix the file there"
    )
    assert not home.exists() or not (home / "plan.toml").exists()


def test_an_answers_file_cut_short_names_its_last_line(tmp_path: Path) -> None:
    path = answers(tmp_path, 'background = "other"\nname = "Ad')
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: TOML syntax error: ")
    assert "(at end of document, line 2)" in message
    assert "cut short" in message


def test_an_unknown_key_in_an_answers_file_is_reported(tmp_path: Path) -> None:
    path = postdoc_with(tmp_path, "hobby", '"chess"')
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: hobby: unknown key")


def test_an_unknown_key_in_an_answers_file_does_not_point_at_the_roadmap_docs(
    tmp_path: Path,
) -> None:
    path = postdoc_with(tmp_path, "hobby", '"chess"')
    message = one_error(run("init", "--answers", str(path)))
    assert "roadmap-format" not in message, message  # an answers file is not a roadmap


def test_an_unknown_skill_in_an_answers_file_is_one_line_naming_it(tmp_path: Path) -> None:
    text = POSTDOC.read_text(encoding="utf-8").replace("research = 4", "research = 4\njuggling = 2")
    path = answers(tmp_path, text)
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: skills.juggling: "), message
    assert "[key]" not in message


def test_a_misspelt_key_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    text = POSTDOC.read_text(encoding="utf-8").replace("hours_per_week", "hours_per_wek")
    path = answers(tmp_path, text)
    lines = fails(run("init", "--answers", str(path)))
    assert f"{path}: hours_per_wek: unknown key" in "\n".join(lines)
    assert any(
        line.startswith(f"{path}: hours_per_week: required key is missing") for line in lines
    ), lines


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("weeks", '"26"', "weeks: must be a whole number from 1 to 156, for example weeks = 26"),
        ("weeks", "26.5", "weeks: must be a whole number from 1 to 156, for example weeks = 26"),
        ("background", "3", "background: must be one of phd-or-postdoc, grad-student"),
        ("target_role", '"astronaut"', "target_role: must be one of research-engineer"),
        ("roadmaps", '"coding"', "roadmaps: must be a non-empty list of roadmap ids"),
        ("interests", '["ml", 2]', "interests: must be a list of short tags"),
        ("start_date", "2026-11-23T10:00:00", "start_date: must be a date like 2026-11-23"),
        (
            "hours_per_week",
            '"ten"',
            "hours_per_week: must be a number from 1 to 80, for example hours_per_week = 10",
        ),
        (
            "hours_per_week",
            "true",
            "hours_per_week: must be a number from 1 to 80, for example hours_per_week = 10",
        ),
    ],
)
def test_wrong_types_in_an_answers_file(tmp_path: Path, key: str, value: str, says: str) -> None:
    path = postdoc_with(tmp_path, key, value)
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: {says}"), message


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("hours_per_week", "nan", "must be a number from 1 to 80, for example hours_per_week = 10"),
        ("hours_per_week", "inf", "must be a number from 1 to 80, for example hours_per_week = 10"),
        (
            "hours_per_week",
            "-inf",
            "must be a number from 1 to 80, for example hours_per_week = 10",
        ),
        ("hours_per_week", "-3", "must be a number from 1 to 80, for example hours_per_week = 10"),
        ("hours_per_week", "0", "must be a number from 1 to 80, for example hours_per_week = 10"),
        (
            "hours_per_week",
            "1e308",
            "must be a number from 1 to 80, for example hours_per_week = 10",
        ),
        ("weeks", "0", "must be a whole number from 1 to 156, for example weeks = 26"),
        ("weeks", "-1", "must be a whole number from 1 to 156, for example weeks = 26"),
        (
            "weeks",
            "99999999999999999999",
            "must be a whole number from 1 to 156, for example weeks = 26",
        ),
        ("weeks", "nan", "must be a whole number from 1 to 156, for example weeks = 26"),
        ("runway_months", "-1", "must be a number from 0 to 600, for example runway_months = 5"),
        ("runway_months", "nan", "must be a number from 0 to 600, for example runway_months = 5"),
    ],
)
def test_impossible_numbers_in_an_answers_file(
    tmp_path: Path, home: Path, key: str, value: str, says: str
) -> None:
    path = postdoc_with(tmp_path, key, value)
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: {key}: {says} (not "), message
    assert not (home / "plan.toml").exists()


def test_a_skill_rating_out_of_range(tmp_path: Path) -> None:
    text = POSTDOC.read_text(encoding="utf-8").replace("research = 4", "research = 9")
    path = answers(tmp_path, text)
    message = one_error(run("init", "--answers", str(path)))
    assert message == f"{path}: skills.research: must be a whole number 0..4, e.g. research = 2"


def test_an_unknown_roadmap_in_an_answers_file_names_the_file(tmp_path: Path) -> None:
    path = postdoc_with(tmp_path, "roadmaps", '["coding", "nope"]')
    message = one_error(run("init", "--answers", str(path)))
    assert "unknown roadmap 'nope'" in message
    assert message.startswith(f"{path}: roadmaps"), message


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b'name = "Ada"\nbackground = "oth\x00er"\n', "line 2: contains a NUL byte"),
        (b'name = "Ada"\n\nname2 = "\xff\xfe"\n', "line 3: not valid UTF-8 (byte 0xff)"),
        (b"", "the file is empty"),
        (b" \n\n\t\n", "the file is empty"),
    ],
)
def test_corrupt_bytes_in_an_answers_file(tmp_path: Path, raw: bytes, says: str) -> None:
    path = tmp_path / "answers.toml"
    path.write_bytes(raw)
    message = one_error(run("init", "--answers", str(path)))
    assert message.startswith(f"{path}: {says}"), message


def test_a_missing_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert one_error(run("init", "--answers", str(path))) == f"{path}: no such file"


def test_an_answers_file_that_is_a_folder(tmp_path: Path) -> None:
    assert one_error(run("init", "--answers", str(tmp_path))) == (
        f"{tmp_path}: is a directory, not a TOML file"
    )


# ------------------------------------------------------------------ plan files


def test_no_plan_says_how_to_make_one(home: Path) -> None:
    message = one_error(run("plan"))
    assert message == f"no plan in {home}; create one with `upskill init`"


@pytest.mark.parametrize("content", [b"", b"\n\n   \n"])
def test_an_empty_plan_is_corrupt_not_missing(planned: Path, content: bytes) -> None:
    (planned / "plan.toml").write_bytes(content)
    for args in (["plan"], ["check", "coding.big-o"], ["replan", "--yes"]):
        message = one_error(run(*args))
        assert message == (
            f"{planned / 'plan.toml'}: the file is empty (corrupt or truncated); "
            "restore it or recreate it"
        )
    assert (planned / "plan.toml").read_bytes() == content


def _cut_inside_a_title(text: str) -> str:
    at = text.rindex('title = "')
    return text[: at + len('title = "') + 3]


def _cut_after_a_week(text: str) -> str:
    # a task a third of the way through the tasks (the reasons after them can be long)
    first, last = text.index("[[tasks]]"), text.rindex("[[tasks]]")
    at = text.index("[[tasks]]", first + (last - first) // 3)
    return text[: text.index("\n", text.index("week = ", at)) + 1]


@pytest.mark.parametrize(
    ("cut", "says"),
    [
        (lambda t: t[:30], r"TOML syntax error: .*\(at end of document, line \d+\); .*cut short"),
        (_cut_inside_a_title, r"TOML syntax error: Unterminated string \(at end of document"),
        (_cut_after_a_week, r"unscheduled: missing \(the file looks cut short\)"),
        (
            lambda t: t[: t.index("[[tasks]]")],
            r"^[^:]+: tasks: missing \(the file looks cut short\)",
        ),
        (lambda t: t[: t.index("[[unscheduled]]")], r"unscheduled: missing \(the file looks cut"),
    ],
    ids=["header", "inside-a-title", "after-a-week-key", "before-the-tasks", "before-unscheduled"],
)
def test_a_truncated_plan_is_reported_as_corrupt(
    planned: Path, cut: Callable[[str], str], says: str
) -> None:
    path = planned / "plan.toml"
    path.write_text(cut(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = path.read_bytes()
    message = one_error(run("check", "coding.big-o"))
    assert message.startswith(f"{path}: "), message
    assert "no plan" not in message
    assert re.search(says, message), message
    assert path.read_bytes() == before


def test_nul_and_non_utf8_bytes_in_a_plan(planned: Path) -> None:
    path = planned / "plan.toml"
    original = path.read_bytes()
    line = original[: original.index(b"coding.big-o")].count(b"\n") + 1
    path.write_bytes(original.replace(b"coding.big-o", b"coding.big\x00o", 1))
    message = one_error(run("check", "coding.big-o"))
    assert message.startswith(f"{path}: line {line}: contains a NUL byte"), message
    path.write_bytes(original.replace(b"coding.big-o", b"coding.big\xe9o", 1))
    message = one_error(run("plan"))
    assert message == f"{path}: line {line}: not valid UTF-8 (byte 0xe9); save the file as UTF-8"


def test_a_syntax_error_in_a_hand_edited_plan_names_line_and_column(planned: Path) -> None:
    line = line_of(planned, 'id = "coding.big-o"')
    before = edit_plan(planned, 'id = "coding.big-o"', 'id = "coding.big-o')
    message = one_error(run("check", "coding.big-o"))
    assert message.startswith(f"{planned / 'plan.toml'}: TOML syntax error: ")
    assert f"(at line {line}, column " in message
    assert (planned / "plan.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("schema = 2\n", "schema = 2\ncolour = 3\n", "colour"),
        ('status = "todo"\n', 'status = "todo"\nnotes = "x"\n', r"tasks\[0\] \([^)]+\)\.notes"),
        (
            'target_role = "research-engineer"\n',
            'target_role = "research-engineer"\nhobby = 1\n',
            r"profile\.hobby",
        ),
        ("research = 4\n", "research = 4\njuggling = 2\n", r"profile\.skills\.juggling"),
        ('reason = "', 'priority = 1\nreason = "', r"unscheduled\[0\]\.priority"),
    ],
    ids=["top", "task", "profile", "skill", "unscheduled"],
)
def test_unknown_keys_in_a_hand_edited_plan_are_reported(
    planned: Path, old: str, new: str, where: str
) -> None:
    before = edit_plan(planned, old, new)
    message = one_error(run("check", "coding.big-o"))
    assert re.fullmatch(
        rf"{re.escape(str(planned / 'plan.toml'))}: {where}: unknown (key|skill).*", message
    ), message
    assert (planned / "plan.toml").read_bytes() == before


def first_task_hours(home: Path) -> tuple[str, str]:
    """The first task row of the plan up to its hours line, and its id."""
    text = (home / "plan.toml").read_text(encoding="utf-8")
    match = re.search(r'\[\[tasks\]\]\n(?:.*\n)*?id = "([^"]+)"\n(?:.*\n)*?hours = [^\n]+\n', text)
    assert match, "no task row in the plan"
    return match.group(0), match.group(1)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"4"', "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("nan", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("inf", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("-inf", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("-1", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("0", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("1e308", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
        ("true", "must be a number of hours above 0, at most 1000, e.g. hours = 2.5"),
    ],
)
def test_impossible_task_hours_in_a_plan(planned: Path, value: str, says: str) -> None:
    row, tid = first_task_hours(planned)
    before = edit_plan(planned, row, re.sub(r"hours = [^\n]+\n$", f"hours = {value}\n", row))
    message = one_error(run("check", "coding.big-o"))
    assert re.fullmatch(
        rf"{re.escape(str(planned / 'plan.toml'))}: tasks\[\d+\] \({re.escape(tid)}\)\.hours: "
        + re.escape(says),
        message,
    ), message
    assert (planned / "plan.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("old", "new", "where", "says"),
    [
        ('status = "todo"', 'status = "finished"', r"tasks\[0\] \(.+\)\.status", "must be one of"),
        (
            'status = "todo"',
            'status = "done"',
            r"tasks\[0\] \(.+\)\.done_on",
            "missing: a done task needs its completion date, e.g. done_on = 2026-11-23",
        ),
        (
            'status = "todo"',
            'status = "todo"\ndone_on = 2026-11-24',
            r"tasks\[0\] \(.+\)\.done_on",
            "a task that is todo has no completion date",
        ),
        (
            'status = "todo"',
            'status = "skipped"\ndone_on = "yesterday"',
            r"tasks\[0\] \(.+\)\.done_on",
            "must be a date without quotes, e.g. done_on = 2026-11-23",
        ),
        ("kind = {kind}", 'kind = "nap"', r"tasks\[0\] \(.+\)\.kind", "must be one of"),
        ("week = 1\n", "week = 0\n", r"tasks\[0\] \(.+\)\.week", "must be a week number 1..26"),
        ("week = 1\n", "week = 27\n", r"tasks\[0\] \(.+\)\.week", "must be a week number 1..26"),
        ("week = 1\n", "week = 1.5\n", r"tasks\[0\] \(.+\)\.week", "must be a week number"),
        ("id = {id}", 'id = "journal"', r"tasks\[0\] \(journal\)\.id", "must be a task id"),
        (
            "id = {id}",
            'id = "research.question-journal@two"',
            r"tasks\[0\] \(research\.question-journal@two\)\.id",
            "must be a task id like coding.big-o",
        ),
        ("weeks = 26", 'weeks = "26"', r"profile\.weeks", "must be a whole number from 1 to 156"),
        (
            "hours_per_week = 15",
            "hours_per_week = nan",
            r"profile\.hours_per_week",
            "must be a number from 1 to 80",
        ),
        (
            "start_date = 2026-11-23",
            'start_date = "2026-11-23"',
            r"profile\.start_date",
            "must be a date like 2026-11-23",
        ),
        ('name = "Sam (physics postdoc)"', "name = 3", r"profile\.name", "must be text"),
        (
            "research = 4",
            "research = 7",
            r"profile\.skills\.research",
            "must be a whole number 0..4",
        ),
        ("schema = 2", 'schema = "2"', "schema", "missing or not a positive integer"),
    ],
)
def test_wrong_values_in_a_hand_edited_plan_name_the_key(
    planned: Path, old: str, new: str, where: str, says: str
) -> None:
    first = tomllib.loads((planned / "plan.toml").read_text(encoding="utf-8"))["tasks"][0]
    old = old.format(id=f'"{first["id"]}"', kind=f'"{first["kind"]}"')
    before = edit_plan(planned, old, new)
    message = one_error(run("check", "coding.big-o"))
    prefix = re.escape(str(planned / "plan.toml"))
    assert re.fullmatch(rf"{prefix}: {where}: {re.escape(says)}.*", message), message
    assert (planned / "plan.toml").read_bytes() == before


def test_a_task_listed_twice_in_one_week(planned: Path) -> None:
    text = (planned / "plan.toml").read_text(encoding="utf-8")
    block = text[text.index("[[tasks]]") : text.index("[[tasks]]", text.index("[[tasks]]") + 1)]
    (planned / "plan.toml").write_text(text.replace(block, block + block, 1), encoding="utf-8")
    message = one_error(run("plan"))
    assert re.search(r"tasks\[1\] \(.+\): task .+ appears twice in week 1", message), message


@pytest.mark.parametrize("schema", ["3", "99"])
def test_a_plan_from_a_newer_upskill_is_refused_and_left_unchanged(
    planned: Path, schema: str
) -> None:
    before = edit_plan(planned, "schema = 2\n", f"schema = {schema}\n")
    path = planned / "plan.toml"
    for args in (["check", "coding.big-o"], ["replan", "--yes"], ["plan"], ["check", "nope"]):
        message = one_error(run(*args))
        assert message == (
            f"{path}: written by a newer upskill (schema {schema}, this one reads 2); "
            "upgrade upskill, the file was left unchanged"
        )
        assert path.read_bytes() == before
    assert not (planned / "plan.toml.bak").exists()


@pytest.mark.parametrize("line", ["schema = 0\n", "schema = -1\n", ""])
def test_a_plan_without_a_valid_schema_is_not_an_upskill_plan(planned: Path, line: str) -> None:
    before = edit_plan(planned, "schema = 2\n", line)
    message = one_error(run("check", "coding.big-o"))
    assert message == (
        f"{planned / 'plan.toml'}: schema: missing or not a positive integer "
        "(upskill writes schema = 2); this is not an upskill plan"
    )
    assert (planned / "plan.toml").read_bytes() == before


def test_an_unknown_task_id_changes_nothing(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    assert one_error(run("check", "nope")) == "unknown task 'nope'; see `upskill plan --all`"
    message = one_error(run("check", "coding.big-oo"))
    assert message.startswith("unknown task 'coding.big-oo'; did you mean coding.big-o")
    # One bad id among good ones: nothing is marked (all or nothing).
    assert one_error(run("check", "coding.big-o", "nope")).startswith("unknown task 'nope'")
    assert one_error(run("check", "--skip", "nope")).startswith("unknown task 'nope'")
    assert (planned / "plan.toml").read_bytes() == before
    assert one_error(run("explain", "nope")).startswith("unknown task 'nope'")


def test_debug_shows_the_traceback(planned: Path) -> None:
    (planned / "plan.toml").write_bytes(b"")
    result = run("--debug", "plan")
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "DataError" in result.stderr
    plain = run("plan")
    assert "Traceback" not in plain.stderr


# ------------------------------------------------------------------ roadmap files


def _roadmap_error(home: Path, text: str) -> tuple[Path, str]:
    path = roadmap(home, text)
    return path, one_error(run("roadmaps", "list"))


def test_malformed_toml_in_a_roadmap_names_the_line(home: Path) -> None:
    path, message = _roadmap_error(home, HEAD + "\n[[items]\nid = 'a'\n")
    assert message.startswith(f"{path}: TOML syntax error: ")
    assert "(at line 5, column " in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (HEAD + 'colour = "red"\n' + item("a"), "colour"),
        (HEAD + item("a") + "difficulty = 3\n", r"items\[0\] \(a\)\.difficulty"),
        (HEAD + item("a").replace("title", "titel", 1), r"items\[0\] \(a\)\.titel"),
    ],
    ids=["top", "item", "misspelt"],
)
def test_unknown_keys_in_a_roadmap_are_reported(home: Path, text: str, where: str) -> None:
    path = roadmap(home, text)
    lines = fails(run("roadmaps", "list"))
    assert any(re.fullmatch(rf"{re.escape(str(path))}: {where}: unknown key.*", m) for m in lines)


@pytest.mark.parametrize(
    ("hours", "says"),
    [
        ("nan", "Input should be a finite number"),
        ("inf", "Input should be a finite number"),
        ("-3", "Input should be greater than 0"),
        ("0", "Input should be greater than 0"),
        ("1e308", "Input should be less than or equal to 1000"),
        ('"3"', "Input should be a valid number"),
    ],
)
def test_impossible_hours_in_a_roadmap(home: Path, hours: str, says: str) -> None:
    path, message = _roadmap_error(home, HEAD + item("a", hours=hours))
    assert message == f"{path}: items[0] (a).hours: {says}"


def test_a_prerequisite_cycle_is_named(home: Path) -> None:
    path, message = _roadmap_error(
        home,
        HEAD
        + item("a", prerequisites='"c"')
        + item("b", prerequisites='"a"')
        + item("c", prerequisites='"b"'),
    )
    assert message == f"{path}: prerequisite cycle: mine.a -> mine.c -> mine.b -> mine.a"


def test_a_cycle_across_roadmaps_is_named(home: Path) -> None:
    roadmap(home, 'id = "other"\ntitle = "Other"\n' + item("x", prerequisites='"mine.a"'), "o.toml")
    path, message = _roadmap_error(home, HEAD + item("a", prerequisites='"other.x"'))
    assert message.startswith(f"{path}: prerequisite cycle: ")
    assert "mine.a" in message
    assert "other.x" in message


def test_a_self_loop_is_named(home: Path) -> None:
    path, message = _roadmap_error(home, HEAD + item("a", prerequisites='"a"'))
    assert message == (
        f"{path}: items[0] (a).prerequisites: the item needs itself: mine.a -> mine.a"
    )


@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ('"zz"', "'zz' points to no item"),
        ('"coding.nope"', "'coding.nope' points to no item"),
        ('"elsewhere.zz"', "'elsewhere.zz' points to no item (no roadmap 'elsewhere' is loaded)"),
    ],
)
def test_a_dangling_prerequisite_is_named(home: Path, ref: str, says: str) -> None:
    path, message = _roadmap_error(home, HEAD + item("a", prerequisites=ref))
    assert message == f"{path}: items[0] (a).prerequisites: {says}"


def test_a_first_shot_at_no_round_is_named(home: Path) -> None:
    path, message = _roadmap_error(home, HEAD + item("a") + 'first_shot_for = "coding.nope"\n')
    assert message == f"{path}: items[0] (a).first_shot_for: 'coding.nope' points to no item"


def test_a_step_that_stays_with_no_roadmap_is_named(home: Path) -> None:
    path, message = _roadmap_error(home, HEAD + item("a") + 'stays_with = ["nowhere"]\n')
    assert message == f"{path}: items[0] (a).stays_with: no roadmap 'nowhere' is loaded"


def test_a_user_roadmap_reusing_a_built_in_id_is_reported(home: Path) -> None:
    text = HEAD.replace('id = "mine"', 'id = "coding"') + item("a")
    path, message = _roadmap_error(home, text)
    assert message == f"{path}: id: roadmap id 'coding' is already used by built-in coding.toml"


def test_two_user_roadmaps_with_one_id(home: Path) -> None:
    roadmap(home, HEAD + item("a"), "a.toml")
    second = roadmap(home, HEAD + item("b"), "b.toml")
    message = one_error(run("roadmaps", "list"))
    assert (
        message
        == f"{second}: id: roadmap id 'mine' is already used by {home / 'roadmaps' / 'a.toml'}"
    )


def test_a_duplicate_item_id_in_a_roadmap(home: Path) -> None:
    path, message = _roadmap_error(home, HEAD + item("a") + item("a"))
    assert message == f"{path}: items[1] (a).id: duplicate item id 'a'"


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (HEAD.encode() + b'\n[[items]]\nid = "a\x00"\n', "line 6: contains a NUL byte"),
        (HEAD.encode() + b'\n[[items]]\nid = "\xc3\x28"\n', "line 6: not valid UTF-8 (byte 0xc3)"),
    ],
)
def test_corrupt_bytes_in_a_roadmap(home: Path, raw: bytes, says: str) -> None:
    folder = home / "roadmaps"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_bytes(raw)
    message = one_error(run("roadmaps", "list"))
    assert message.startswith(f"{folder / 'mine.toml'}: {says}"), message


def test_validate_reports_a_bad_roadmap_file(tmp_path: Path) -> None:
    path = tmp_path / "rl.toml"
    path.write_text(HEAD + item("a", hours="nan", prerequisites='"b"'), encoding="utf-8")
    message = one_error(run("roadmaps", "validate", str(path)))
    assert message == f"{path}: items[0] (a).hours: Input should be a finite number"


def test_a_broken_user_roadmap_stops_init_before_anything_is_written(
    home: Path, tmp_path: Path
) -> None:
    path = roadmap(home, HEAD + item("a", prerequisites='"zz"'))
    message = one_error(run("init", "--answers", str(POSTDOC)))
    assert message.startswith(f"{path}: items[0] (a).prerequisites")
    assert not (home / "plan.toml").exists()
    assert not (home / "profile.toml").exists()


# ------------------------------------------------------------------ unicode round-trip


TITLES = [
    "🚀 Train a 🤖 model, then 👩‍👩‍👧 family emoji with ZWJ",
    "تعلم الآلة: right-to-left عربي and עברית mixed",
    "Combining marks: e\u0301te\u0301, a\u0308\u0301, Z\u0336a\u0337l\u0338g\u0335o",
    "Precomposed \u00e9t\u00e9 vs decomposed e\u0301te\u0301 stay distinct",
    "Quotes \"double\" and 'single', a back\\slash, a tab\there",
    "\u200b zero width space, \ufeff BOM inside, \u2028 line separator",
    "日本語のタイトル — CJK and an em dash",
]


def test_unicode_titles_round_trip_exactly(home: Path, tmp_path: Path) -> None:
    body = "".join(
        item(
            f"t{i}",
            hours="1",
            title=title.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t"),
        )
        for i, title in enumerate(TITLES)
    )
    path = roadmap(home, HEAD + body)
    assert run("roadmaps", "validate", str(path)).returncode == 0
    profile = answers(
        tmp_path,
        """
        background = "other"
        target_role = "research-engineer"
        hours_per_week = 10
        weeks = 4
        roadmaps = ["mine"]
        """,
    )
    result = run("init", "--answers", str(profile))
    assert result.returncode == 0, result.stderr

    def shown() -> dict[str, str]:
        out = run("plan", "--format", "json")
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        return {t["id"]: t["title"] for w in data["weeks"] for t in w["tasks"]}

    expected = {f"mine.t{i}": title for i, title in enumerate(TITLES)}
    assert shown() == expected
    raw = (home / "plan.toml").read_bytes().decode("utf-8")
    for title in TITLES[:4]:
        assert title in raw  # stored as written: no escaping, no normalisation
    # ... and they survive a save by another command.
    assert run("check", "mine.t0").returncode == 0
    assert shown() == expected


# ------------------------------------------------------------------ no terminal, bad usage


def test_init_without_a_terminal_asks_for_answers(home: Path) -> None:
    message = one_error(run("init"), code=2)
    assert "--answers" in message
    assert not home.exists() or not (home / "plan.toml").exists()


def test_replan_without_a_terminal_asks_for_yes(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    message = one_error(run("replan"), code=2)
    assert "--yes" in message
    assert (planned / "plan.toml").read_bytes() == before


def test_check_without_ids_and_without_a_terminal_prints_the_summary(planned: Path) -> None:
    before = (planned / "plan.toml").read_bytes()
    result = run("check", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["today"] == TODAY
    assert (planned / "plan.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["plan", "--week", "0"], {}, "--week 0 is outside the plan (weeks 1..26)"),
        (["plan", "--week", "1", "--all"], {}, "--week and --all cannot be used together"),
        (["check", "--undo", "--skip", "coding.big-o"], {}, "--undo and --skip"),
        (["check", "--on", "someday", "coding.big-o"], {}, "--on 'someday' is not a date"),
        (["plan"], {"UPSKILL_TODAY": "tomorrow"}, "UPSKILL_TODAY='tomorrow' is not a date"),
        (["replan", "--yes", "--from", "2026-13-01"], {}, "--from '2026-13-01' is not a date"),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    planned: Path, args: list[str], env: dict[str, str], says: str
) -> None:
    before = (planned / "plan.toml").read_bytes()
    message = one_error(run(*args, env=env), code=2)
    assert says in message, message
    assert (planned / "plan.toml").read_bytes() == before


def test_an_unknown_option_exits_2(planned: Path) -> None:
    result = run("plan", "--wek", "3")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--wek" in result.stderr


def test_export_into_a_missing_folder_writes_nothing(planned: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "plan.ics"
    message = one_error(run("export", "--format", "ics", "-o", str(target)))
    assert message == (
        f"{target}: could not save: the folder {target.parent} does not exist; create it first; "
        "nothing was written"
    )
    assert not target.parent.exists()


# ------------------------------------------------------------------ the plan reader's own lists


def test_the_profile_is_described_once() -> None:
    """The schema's key list and the dataclass agree; the plan reads the schema's kinds."""
    from upskill import schema

    assert set(schema.field_names()) == set(schema.PROFILE_KEYS)
    assert plan_module.KINDS is schema.KINDS
