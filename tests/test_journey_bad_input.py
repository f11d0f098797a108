"""Bad input to the record of the journey: one line naming the key or option, no traceback,
a non-zero exit, and every file in the home folder left byte for byte as it was.

One home (the example plan, an outreach log, a journal) is made once for the module; each test
copies it and runs one command against it.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import run_here as run

ERROR = "upskill: error: "
LOCK = ".upskill.lock"
OUTREACH = "network.first-outreach"  # in the example plan's first weeks, kind network


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    """The example plan with two people in the outreach log and one review in the journal."""
    folder = tmp_path_factory.mktemp("journey") / "home"
    shutil.copytree(template, folder)
    env = {"UPSKILL_HOME": str(folder), "UPSKILL_TODAY": "2026-12-05"}
    answers = folder.parent / "answers.toml"
    answers.write_text('moved = "a first week"\nhours_next_week = 10\n', encoding="utf-8")
    for args in (
        ["people", "add", "Ana Ruiz", "--org", "Example Lab", "--how", "email", "--about",
         "her paper", "--on", "2026-12-01"],
        ["people", "add", "Ben Okafor", "--org", "Open Models", "--how", "dm", "--about",
         "an issue"],
        ["review", "--answers", str(answers)],
        ["check", "coding.leetcode-setup", "--evidence", "https://example.org/log",
         "--hours", "2"],
    ):  # fmt: skip
        result = run(*args, env=env)
        assert result.returncode == 0, (args, result.stderr)
    return folder


@pytest.fixture
def journey(home: Path, base: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own copy of the module's home, on the same day."""
    shutil.copytree(base, home, dirs_exist_ok=True)
    monkeypatch.setenv("UPSKILL_TODAY", "2026-12-05")
    return home


def files(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(home.iterdir()) if p.name != LOCK}


def refused(home: Path, *args: str, code: int = 1, cwd: Path | None = None) -> str:
    """Run ``upskill ARGS``: it must fail with ``code`` on one error line and change no file."""
    before = files(home)
    result = run(*args, cwd=cwd)
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR), result.stderr
    assert files(home) == before, "a refused command changed a file"
    return lines[0].removeprefix(ERROR)


def edit(home: Path, name: str, old: str, new: str) -> None:
    path = home / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text[:400])
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------ check


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["coding.big-o", "--hours", "-1"], "--hours -1: give the hours the task really took"),
        (["coding.big-o", "--hours", "nan"], "--hours nan: give the hours"),
        (["coding.big-o", "--hours", "inf"], "--hours inf: give the hours"),
        (["coding.big-o", "--hours", "0"], "--hours 0: give the hours"),
        (["coding.big-o", "--hours", "1001"], "at most 1000"),
        (["coding.big-o", "coding.hashmaps", "--hours", "3"], "--hours is the hours one task"),
        (["coding.big-o", "--evidence", ""], "--evidence is empty"),
        (["coding.big-o", "--evidence", "no/such/file.md"], "--evidence no/such/file.md: no such"),
        (["coding.big-o", "--evidence", "https://a.b/c\nd"], "--evidence 'https://a.b/c\\nd'"),
        (["--evidence", "https://a.b/c"], "need a task id"),
        (["coding.big-o", "--undo", "--evidence", "https://a.b"], "go with marking done"),
        (["coding.big-o", "--skip", "--hours", "2"], "go with marking done"),
        (["coding.big-o", "--note", "  "], "--note is empty"),
        (["coding.big-o", "--note", "two\nlines"], "--note holds a line break"),
        (["coding.big-o", "--person", "Ana Ruiz"], "--person goes with an outreach task"),
    ],
)
def test_bad_check_options(journey: Path, args: list[str], says: str) -> None:
    message = refused(journey, "check", *args, code=2)
    assert says in message, message


def test_checking_an_outreach_task_for_someone_not_in_the_log(journey: Path) -> None:
    message = refused(journey, "check", OUTREACH, "--person", "Ana Ruis")
    assert message.startswith("unknown person 'Ana Ruis': not in your outreach log")
    assert "did you mean Ana Ruiz?" in message


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("spent_hours", "-1", "must be a number of hours above 0, e.g. spent_hours = 3.5"),
        ("spent_hours", "nan", "must be a number of hours above 0, e.g. spent_hours = 3.5"),
        ("spent_hours", '"3"', "must be a number of hours above 0, e.g. spent_hours = 3.5"),
        ("spent_hours", "0", "must be a number of hours above 0, e.g. spent_hours = 3.5"),
        ("evidence", '"https://a.b"', "must be a list of at most 100 links or paths"),
        ("evidence", '[""]', "must be a list of at most 100 links or paths"),
        ("evidence", '["a\\nb"]', "must be a list of at most 100 links or paths"),
        ("evidence", "[3]", "must be a list of at most 100 links or paths"),
        ("scaled_by", "5", "must be a number from 0.5 to 2"),
        ("evidenc", '["x"]', "unknown key"),
    ],
)
def test_bad_record_keys_in_a_hand_edited_plan(
    journey: Path, key: str, value: str, says: str
) -> None:
    edit(journey, "plan.toml", 'id = "coding.big-o"\n', f'id = "coding.big-o"\n{key} = {value}\n')
    tasks = tomllib.loads((journey / "plan.toml").read_text(encoding="utf-8"))["tasks"]
    index = next(i for i, t in enumerate(tasks) if t["id"] == "coding.big-o")
    message = refused(journey, "check", "coding.hashmaps")
    assert message.startswith(f"{journey / 'plan.toml'}: tasks[{index}] (coding.big-o).{key}: ")
    assert says in message, message


def test_a_bad_record_key_on_work_that_did_not_fit(journey: Path) -> None:
    edit(journey, "plan.toml", 'reason = "', 'evidence = 3\nreason = "')
    message = refused(journey, "plan")
    assert re.fullmatch(
        rf"{re.escape(str(journey / 'plan.toml'))}: unscheduled\[0\]\.evidence: must be a list.*",
        message,
    ), message


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["add", "Cy"], 2, "people add needs --org, --how, --about"),
        (["add", "Cy", "--org", "X", "--about", "y"], 2, "people add needs --how"),
        (["add", "Cy", "--org", "X", "--how", "pigeon", "--about", "y"], 2, "--how 'pigeon'"),
        (["add", "Cy", "--org", "X", "--how", "dm", "--about", "y", "--on", "2026-12-06"], 2,
         "--on 2026-12-06 is in the future"),
        (["add", "Cy", "--org", "X", "--how", "dm", "--about", "y", "--on", "soon"], 2,
         "--on 'soon' is not a date"),
        (["add", "ana ruiz", "--org", "X", "--how", "dm", "--about", "y"], 2,
         "'ana ruiz' is already in your outreach log"),
        (["add", " ", "--org", "X", "--how", "dm", "--about", "y"], 2, "NAME is empty"),
        (["add", "Cy", "--org", "X\x1b[2J", "--how", "dm", "--about", "y"], 2,
         "--org holds control characters"),
        (["reply", "Nobody"], 1, "unknown person 'Nobody'"),
        (["reply", "Ana Ruiz", "--on", "2026-11-30"], 2,
         "--on 2026-11-30 is before you first wrote to Ana Ruiz (2026-12-01)"),
        (["reply", "Ana Ruiz", "--on", "2027-01-01"], 2, "--on 2027-01-01 is in the future"),
        (["follow-up", "Ben Okafor", "--on", "2026-12-04"], 2,
         "--on 2026-12-04 is before your last message to Ben Okafor (2026-12-05)"),
        (["follow-up", "Benn"], 1, "unknown person 'Benn'"),
    ],
)  # fmt: skip
def test_bad_people_commands(journey: Path, args: list[str], code: int, says: str) -> None:
    message = refused(journey, "people", *args, code=code)
    assert says in message, message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("schema = 1", "schema = 2", "written by a newer upskill (schema 2, this one reads 1)"),
        ("schema = 1", 'schema = "1"', "schema: missing or not a positive integer"),
        ("schema = 1", "schema = 1\nowner = 3", "owner: unknown key"),
        ('how = "email"', 'how = "pigeon"', "people[0] (Ana Ruiz).how: must be one of email"),
        ('org = "Example Lab"', 'org = "Example Lab"\nphone = "1"',
         "people[0] (Ana Ruiz).phone: unknown key"),
        ("messages = [\n    2026-12-01,\n]", "messages = []", "people[0] (Ana Ruiz).messages"),
        ("messages = [\n    2026-12-01,\n]", 'messages = ["2026-12-01"]',
         "people[0] (Ana Ruiz).messages: must be a list of the dates"),
        ('name = "Ben Okafor"', 'name = "ana ruiz"', "people[1] (ana ruiz).name: 'ana ruiz' appears twice"),
        ('name = "Ana Ruiz"', "name = 3", "people[0].name: must be a name on one line"),
        ('name = "Ana Ruiz"', 'name = "Ana Ruiz"\nreplies = [2026-11-01]',
         "a reply on 2026-11-01 comes before your first message (2026-12-01)"),
        ("schema = 1", "schema = = 1", "TOML syntax error: Invalid value (at line 1, column 10)"),
    ],
)  # fmt: skip
def test_a_bad_people_file_is_named_and_left_alone(
    journey: Path, old: str, new: str, says: str
) -> None:
    edit(journey, "people.toml", old, new)
    for args in (["people", "list"], ["people", "reply", "Ana Ruiz"], ["portfolio"]):
        message = refused(journey, *args)
        assert message.startswith(f"{journey / 'people.toml'}: "), message
        assert says in message, message


def test_plan_still_shows_the_week_when_the_people_file_is_broken(journey: Path) -> None:
    edit(journey, "people.toml", "schema = 1", "schema = 9")
    result = run("plan")
    assert result.returncode == 0, result.stderr
    assert "Week 2 of 26" in result.stdout
    assert result.stderr.startswith(f"upskill: warning: {journey / 'people.toml'}: written by")
    assert "follow-ups are not shown" in result.stderr


def test_a_follow_up_rests_after_two_unanswered(journey: Path) -> None:
    """Ben is written to three times without an answer: the log stops asking."""
    env = {"UPSKILL_TODAY": "2026-12-20"}
    for day in ("2026-12-12", "2026-12-19"):
        assert run("people", "follow-up", "Ben Okafor", "--on", day, env=env).returncode == 0
    data = json.loads(run("people", "list", "-f", "json", env=env).stdout)
    status = {p["name"]: (p["status"], p["follow_up_due"]) for p in data["people"]}
    assert status == {
        "Ana Ruiz": ("follow-up due", "2026-12-08"),  # never answered her one message
        "Ben Okafor": ("resting", None),
    }
    assert data["follow_ups_due"] == [{"name": "Ana Ruiz", "due": "2026-12-08"}]


def test_people_files_are_private(journey: Path) -> None:
    (journey / "people.toml").chmod(0o644)
    assert run("people", "reply", "Ben Okafor").returncode == 0
    assert (journey / "people.toml").stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ review


def test_review_without_a_terminal_asks_for_answers(journey: Path) -> None:
    message = refused(journey, "review", code=2)
    assert "use --answers FILE" in message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('moved = "x"\nmood = "good"\n', "mood: unknown key (check the spelling; the keys are "),
        ("hours_next_week = -1\n", "hours_next_week: must be a number of hours from 0 to 80"),
        ("hours_next_week = nan\n", "hours_next_week: must be a number of hours from 0 to 80"),
        ("hours_next_week = 81\n", "hours_next_week: must be a number of hours from 0 to 80"),
        ('hours_next_week = "10"\n', "hours_next_week: must be a number of hours from 0 to 80"),
        ("moved = 3\n", "moved: must be text of at most 2000 characters"),
        ('question = "a\\u001b[2Jb"\n', "question: holds control characters"),
        ("moved = \n", "TOML syntax error: Invalid value (at line 1, column 9)"),
        ("", "the file is empty"),
    ],
)
def test_a_bad_answers_file_for_the_review(
    journey: Path, tmp_path: Path, text: str, says: str
) -> None:
    answers = tmp_path / "review.toml"
    answers.write_text(text, encoding="utf-8")
    message = refused(journey, "review", "--answers", str(answers))
    assert message.startswith(f"{answers}: "), message
    assert says in message, message


def test_a_missing_answers_file_for_the_review(journey: Path, tmp_path: Path) -> None:
    message = refused(journey, "review", "--answers", str(tmp_path / "nope.toml"))
    assert message == f"{tmp_path / 'nope.toml'}: no such file"


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("schema = 1", "schema = 3", "written by a newer upskill (schema 3, this one reads 1)"),
        ("schema = 1", "schema = 1\nmood = 1", "mood: unknown key"),
        ("date = 2026-12-05", 'date = "2026-12-05"', "reviews[0].date: must be a date"),
        ("week = 2", "week = 0", "reviews[0].week: must be a week number"),
        ("hours_next_week = 10", "hours_next_week = nan", "reviews[0].hours_next_week: must be"),
        (
            "hours_next_week = 10",
            "hours_next_week = 10\nfeeling = 3",
            "reviews[0].feeling: unknown",
        ),
        ("schema = 1", "schema = [", "TOML syntax error"),
    ],
)
def test_a_bad_journal_is_named_and_left_alone(
    journey: Path, tmp_path: Path, old: str, new: str, says: str
) -> None:
    edit(journey, "journal.toml", old, new)
    answers = tmp_path / "review.toml"
    answers.write_text('moved = "more"\n', encoding="utf-8")
    for args in (["review", "--list"], ["review", "--answers", str(answers)]):
        message = refused(journey, *args)
        assert message.startswith(f"{journey / 'journal.toml'}: "), message
        assert says in message, message


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--export", "pdf"], "--export 'pdf' is not one of markdown, json"),
        (["-o", "out.md"], "-o goes with --export"),
        (["--list", "--answers", "x.toml"], "--list cannot be used with --export or --answers"),
    ],
)
def test_bad_review_options(journey: Path, args: list[str], says: str) -> None:
    message = refused(journey, "review", *args, code=2)
    assert says in message, message


# ------------------------------------------------------------------ portfolio


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", "2026-12-06"], "--since 2026-12-06 is in the future"),
        (["--since", "last week"], "--since 'last week' is not a date"),
    ],
)
def test_bad_portfolio_options(journey: Path, args: list[str], says: str) -> None:
    message = refused(journey, "portfolio", *args, code=2)
    assert says in message, message


def test_an_unknown_portfolio_format_exits_2(journey: Path) -> None:
    result = run("portfolio", "--format", "pdf")
    assert result.returncode == 2
    assert "--format" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_portfolio_into_a_missing_folder_writes_nothing(journey: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "portfolio.html"
    message = refused(journey, "portfolio", "--format", "html", "-o", str(target))
    assert message == (
        f"{target}: could not save: the folder {target.parent} does not exist; create it first; "
        "nothing was written"
    )


def test_a_portfolio_replaces_a_file_atomically(journey: Path, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    result = run("portfolio", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Portfolio: Sam (physics postdoc)")
    assert target.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_portfolio_since_a_date_shows_only_what_came_after(journey: Path) -> None:
    env = {"UPSKILL_TODAY": "2026-12-05"}
    assert run("check", "coding.big-o", "--on", "2026-11-25", env=env).returncode == 0
    data = json.loads(run("portfolio", "-f", "json", "--since", "2026-11-30", env=env).stdout)
    ids = [t["id"] for g in data["skills"] for r in g["roadmaps"] for t in r["tasks"]]
    assert ids == ["coding.leetcode-setup"], ids
    assert data["since"] == "2026-11-30"
    assert [w["week"] for w in data["weeks"]] == [2]
