"""Text audit 12, findings 13 to 25: wording of the plans, checked on the roadmaps and on
the markdown of the example and benchmark people. Every one of these changed text only."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, run_here
from upskill.roadmaps import load_catalog

PEOPLE = Path(__file__).resolve().parent.parent / "benchmarks" / "people"


def markdown_of(answers: Path) -> str:
    """The markdown plan of one answers file, made in the test's home."""
    made = run_here("init", "--answers", str(answers), "--force")
    assert made.returncode == 0, made.stderr
    exported = run_here("export", "--format", "markdown")
    assert exported.returncode == 0, exported.stderr
    return exported.stdout


def test_the_track_record_audit_does_not_assume_a_shortlist() -> None:
    """Finding 13: the audit (before the shortlist, which builds on it) checked the GPA
    "against the stricter programmes' minimums", programmes not yet chosen. It names the one
    figure Gleave gives and leaves each programme's own to the shortlist, which records it."""
    items = load_catalog(None).items
    audit = items["phd-applications.track-record-audit"].done_when
    assert "stricter programmes' minimums" not in audit
    assert "Gleave cites Stanford's 3.6" in audit
    assert "when you build your shortlist" in audit
    shortlist = items["phd-applications.shortlist"]
    assert "track-record-audit" in shortlist.prerequisites
    assert "minimum GPA" in shortlist.done_when
    assert any("minimum GPA" in step for step in shortlist.steps)


def test_a_weekly_habit_in_the_rest_of_the_plan_is_given_its_full_hours() -> None:
    """Finding 14: "the rest of the plan ... (the largest: Weekly interview problems ...
    (22 h))" for the postdoc, whose weeks before the round hold 24 h of it: its first week is
    counted as preparation. The figure is the habit's full hours, with that share said.
    (Since stop 49 the postdoc's round is his second shot and needs no such line: the
    evenings engineer's, in week 36, shows it.)"""
    people = EXAMPLES.parent / "benchmarks" / "people"
    run_here("init", "--answers", str(people / "evenings-engineer.toml"), "--force")
    plan = json.loads(run_here("plan", "--format", "json", "--all").stdout)
    habit, round_id = "coding.weekly-problems", "interviewing.first-applications"
    week = min(w["week"] for w in plan["weeks"] for t in w["tasks"] if t["id"] == round_id)
    held = [
        t["hours"]
        for w in plan["weeks"]
        for t in w["tasks"]
        if t["id"].split("@")[0] == habit and w["week"] < week
    ]
    assert len(held) > 1
    markdown = run_here("export", "--format", "markdown").stdout
    said = next(x for x in markdown.splitlines() if x.startswith("Why the first application"))
    rest = said.split("h is the rest of the plan")[1]
    assert (
        f"Weekly interview problems: blind, study the solution, redo ({sum(held):g} h, "
        f"{held[0]:g} h of it counted as preparation above)"
    ) in rest


def test_the_weeks_a_deferred_piece_would_hold_the_round_back_match_the_arithmetic() -> None:
    """Finding 15: "about 2 weeks at 25 h a week (26 h ...)" is about one week."""
    from upskill.render import weeks_of_work

    assert weeks_of_work(26, 25) == "about a week"
    assert weeks_of_work(26, 8) == "3–4 weeks"
    assert weeks_of_work(33, 8) == "about 4 weeks"
    markdown = markdown_of(EXAMPLES / "masters-short-runway.toml")
    said = next(x for x in markdown.splitlines() if x.startswith("After the first round"))
    assert "would hold the round back by 1–2 weeks (41 h, with what it builds on, at 25 h" in said


def test_a_habit_shorter_than_its_topics_says_one_count_at_a_time() -> None:
    """Finding 16: "It has 16 weekly topics and 8 weeks for you, 4 of them in your plan, one
    topic a week: ...; its other 4 weeks are under ..." packed three counts into a sentence.
    The topics, the weeks in the plan and the weeks left out are said one at a time, also
    when the plan's weeks are not the habit's first ones (after a replan)."""
    from types import SimpleNamespace

    from upskill.render import topics_held

    item = SimpleNamespace(topics=[f"Section: T{k}" for k in range(1, 6)])
    plan = SimpleNamespace(
        tasks=[SimpleNamespace(item_id="c.h", id=f"c.h@{k}") for k in (1, 3)],
        unscheduled=[SimpleNamespace(id="c.h@4")],
    )
    assert topics_held(plan, "c.h", item, frozenset()) == (
        "It has 5 weekly topics, one a week. Your plan does 2 of them: T1, T3. Its other week "
        'is under "Did not fit", and 2 more topics come after it.'
    )
    plan.tasks.insert(1, SimpleNamespace(item_id="c.h", id="c.h@2"))
    plan.unscheduled = []
    assert topics_held(plan, "c.h", item, frozenset()) == (
        "It has 5 weekly topics, one a week. Your plan does the first 3: T1, T2, T3. Its last 2 "
        "topics come after those weeks."
    )


def test_the_statement_length_is_not_put_in_gleaves_mouth() -> None:
    """Finding 18: "(often one or two pages: reviewers skim, Gleave warns)" read as if Gleave
    set the statement's length; his "one or two pages" is the CV's. What he says of the
    statement is that reviewers give a whole application about eight minutes."""
    draft = load_catalog(None).items["phd-applications.sop-draft"]
    assert "reviewers skim, Gleave warns" not in draft.done_when
    assert "Gleave notes that reviewers give a whole application" in draft.done_when
    assert "about eight minutes" in draft.done_when
    assert not any("two pages" in step for step in draft.steps)


def test_the_ai_safety_camp_note_says_what_gleave_says() -> None:
    """Finding 19: "Gleave: best if you are already in a PhD" is stronger than his "a good
    option if you're already in a PhD program and looking to shift your agenda more towards
    a safety focus", and dropped the condition."""
    items = load_catalog(None).items
    camp = next(r for x in items.values() for r in x.resources if "AI Safety Camp" in r.title)
    assert "best if" not in camp.title
    assert "a good option for PhD students shifting their agenda toward safety" in camp.title


def test_the_time_split_trigger_is_said_to_be_the_roadmaps() -> None:
    """Finding 20: "If coding is under 40% of the two, one ML course ... is marked skipped"
    under Anders alone read as his advice; he says he would now split closer to 50-50."""
    check = load_catalog(None).items["ml-devloop.time-split-check"]
    assert "under 40%" in check.done_when
    assert check.beyond is not None
    assert "The 40% trigger" in check.beyond
    assert "closer to 50-50" in check.beyond
    markdown = markdown_of(PEOPLE / "chemistry-postdoc-four-months-runway.toml")
    assert "Beyond the documents: The 40% trigger" in markdown


def test_the_event_follow_up_says_the_plan_cannot_know_the_event_date() -> None:
    """Finding 21: the booking is for "an event in the coming months", but the follow-up said
    "if your event is not over by this week", three weeks on, as if it would be. It says the
    plan cannot know the date and that the task moves to the week after the event."""
    follow_up = load_catalog(None).items["network.event-follow-up"]
    for text in (follow_up.done_when, follow_up.why):
        assert "cannot know" in text
        assert "the week after your event" in text
    assert "if your event is not over by this week" not in follow_up.done_when


def test_the_retrospective_does_not_count_the_weeks_since_applying() -> None:
    """Finding 22: "This week, two weeks after applying" in a week three weeks after the
    chemistry postdoc's first applications: the retrospective waits at least two weeks after
    the round, and may come later, so it says no exact count."""
    retro = load_catalog(None).items["interviewing.interview-retrospective"]
    assert retro.wait_weeks == 2
    assert "two weeks after applying" not in retro.done_when
    assert retro.done_when.startswith("This week, a few weeks after your first applications")


def test_an_undergraduate_is_not_asked_whether_they_are_at_a_university() -> None:
    """Finding 23: "(if you are at a university or can visit one)" to an undergraduate; the
    postdoc's version already says "(at your own university first, or one you can visit)"."""
    ask = load_catalog(None).items["network.ask-for-opportunities"]
    said = ask.done_when_for("undergrad")
    assert "if you are at a university or can visit one" not in said
    assert "(at your own university first, or one you can visit)" in said
    markdown = markdown_of(PEOPLE / "undergrad-research-engineer.toml")
    assert "(at your own university first, or one you can visit)" in markdown
    assert "if you are at a university or can visit one" not in markdown


def test_the_runway_note_earns_its_citation_of_gleave() -> None:
    """Finding 24: the runway note cited Gleave, who does not discuss runway, for every
    reader; only the PhD clauses drew on him. Each version now says what he adds: lab
    residencies, a particularly good option with an unusual background."""
    plan = load_catalog(None).items["network.runway-plan"]
    assert "Adam Gleave" in plan.source
    for background in ("phd-or-postdoc", "software-engineer", "grad-student", "undergrad"):
        for role in ("research-engineer", "research-scientist"):
            said = plan.done_when_for(background, role=role)
            assert "lab residency, which Gleave calls a particularly good option" in said
    markdown = markdown_of(PEOPLE / "chemistry-postdoc-four-months-runway.toml")
    assert "a PhD in another field" in markdown


def test_a_student_with_a_supervisor_hears_of_the_supervisor_not_a_collaborator() -> None:
    """Finding 25: an undergraduate applying to PhDs asks one professor to supervise a project
    (week 1); the project's first weeks told him "attach it to your next follow-up to the
    researchers you asked" and spoke of a collaborator. In a plan holding the supervision
    request's follow-up, those finish lines speak of the supervisor; the PhD student who asked
    researchers to collaborate keeps the collaborator's."""
    items = load_catalog(None).items
    supervisor = "phd-applications.supervisor-agreed"
    for item_id in (
        "research.collaboration-kickoff",
        "research.collaboration-sprint",
        "research.collaboration-weekly",
    ):
        item = items[item_id]
        said = item.done_when_for("undergrad", role="phd-applicant", held={supervisor})
        assert "No supervisor yet" in said, item_id
        assert "the professor (or postdoc) you asked" in said, item_id
        assert "collaborator" not in said, item_id
        assert "researchers you asked" not in said, item_id
        assert item.done_when_for("undergrad", role="phd-applicant") == item.done_when
        # (a quick version still wins, as it does over every variant)
        quick = item.model_copy(update={"quick_hours": 0.5, "quick_done_when": "quick"})
        assert quick.done_when_for("undergrad", quick=True, held={supervisor}) == "quick"
    jordan = markdown_of(EXAMPLES / "undergrad-phd.toml")
    assert "No supervisor yet: take the project you proposed in your request" in jordan
    assert "attach it to your next follow-up to the researchers you asked" not in jordan
    assert "with a collaborator, send a written agenda" not in jordan
    lee = markdown_of(EXAMPLES / "phd-student-no-network.toml")
    assert "No supervisor yet" not in lee
    assert "attach it to your next follow-up to the researchers you asked" in lee


def test_a_finish_line_for_a_plan_holding_an_item_names_a_real_item(tmp_path: Path) -> None:
    """`done_when_with` keys are full ids of loaded items, checked like prerequisites."""
    from tests.test_roadmaps import validates_with

    good = '{ "phd-applications.supervisor-agreed" = "With your supervisor." }'
    validates_with(tmp_path, "done_when_with", good, True)
    validates_with(tmp_path, "done_when_with", '{ "research.no-such-item" = "x" }', False)
    validates_with(tmp_path, "done_when_with", '{ "supervisor-agreed" = "x" }', False)
    validates_with(tmp_path, "done_when_with", '{ "research.collaboration-kickoff" = "" }', False)
