"""The portfolio: what you did, with what shows it, grouped by skill and roadmap.

``build`` is pure (a plan, the catalog, today): it returns the `portfolio --format json`
object, and Markdown and HTML are rendered from that object alone, so the three always hold
the same record. Everything in it comes from files people edit (titles, notes, links), so every
renderer treats it as untrusted text: Markdown escapes it, HTML escapes it and makes only
http(s) links clickable, and the page can load nothing (a Content-Security-Policy forbids it).
The outreach log is private: only its counts appear, never a name.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import Any

from upskill.plan import Plan, records
from upskill.schema import MILESTONE_KINDS, SKILLS

SCHEMA = 1
ACROSS = "Across skills: milestones, applications and outreach"


def build(
    plan: Plan,
    catalog: Any,
    today: dt.date,
    since: dt.date | None = None,
    outreach: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The portfolio as data: the `portfolio --format json` object of docs/journey.md."""
    from upskill.questionnaire import SKILL_LABELS

    done = [
        r
        for r in records(plan)
        if r.status == "done" and r.done_on is not None and r.done_on <= today
    ]
    done.sort(key=lambda r: (r.done_on or today, r.id))
    shown = [r for r in done if since is None or (r.done_on is not None and r.done_on >= since)]

    applications = [r for r in done if r.kind == "apply"]
    application = applications[-1] if applications else None
    since_application = None
    if application is not None and application.done_on is not None:
        after = [r for r in done if r.done_on is not None and r.done_on > application.done_on]
        since_application = {"date": application.done_on.isoformat(), **_totals(after)}
        since_application["tasks"] = [r.id for r in after]

    order = {r: i for i, r in enumerate(plan.profile.chosen_roadmaps())}
    groups: dict[str | None, dict[str, list[dict[str, Any]]]] = {}
    for r in shown:
        item = catalog.items.get(r.item_id)
        skill = item.skill if item is not None else None
        groups.setdefault(skill, {}).setdefault(r.roadmap, []).append(_task(r))
    skills = []
    for skill in [*SKILLS, None]:
        if skill not in groups:
            continue
        roadmaps = []
        for roadmap in sorted(groups[skill], key=lambda x: (order.get(x, len(order)), x)):
            known = catalog.roadmaps.get(roadmap)
            roadmaps.append(
                {
                    "roadmap": roadmap,
                    "title": known.title if known is not None else roadmap,
                    "tasks": groups[skill][roadmap],
                }
            )
        skills.append(
            {
                "skill": skill,
                "label": SKILL_LABELS.get(skill, skill) if skill else ACROSS,
                "roadmaps": roadmaps,
            }
        )
    return {
        "schema": SCHEMA,
        "name": plan.profile.name,
        "target_role": plan.profile.target_role,
        "today": today.isoformat(),
        "plan_start": plan.start.isoformat(),
        "since": since.isoformat() if since is not None else None,
        "totals": _totals(shown),
        "application": (
            {
                "id": application.id,
                "title": application.title,
                "done_on": application.done_on.isoformat(),
            }
            if application is not None and application.done_on is not None
            else None
        ),
        "since_application": since_application,
        "milestones": [
            {"id": r.id, "title": r.title, "kind": r.kind, "done_on": _iso(r.done_on)}
            for r in shown
            if r.kind in MILESTONE_KINDS
        ],
        "skills": skills,
        "weeks": _weeks(plan, today, since),
        "outreach": outreach,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _task(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "kind": r.kind,
        "done_on": _iso(r.done_on),
        "hours": r.hours,
        "spent_hours": r.spent_hours,
        "evidence": list(r.evidence),
        "note": "\n".join(r.notes) if r.notes else None,
    }


def _totals(done: list[Any]) -> dict[str, Any]:
    timed = [r for r in done if r.spent_hours is not None]
    return {
        "tasks_done": len(done),
        "hours_done": round(sum(r.hours for r in done), 2),
        "tasks_timed": len(timed),
        "spent_hours": round(sum(r.spent_hours for r in timed), 2),
        "evidence": sum(len(r.evidence) for r in done),
    }


def _weeks(plan: Plan, today: dt.date, since: dt.date | None) -> list[dict[str, Any]]:
    """Hours of planned work done, week by week up to this one, and their running total."""
    last = min(plan.week_of(today), plan.weeks)
    if last < 1:
        return []
    first = min(max(plan.week_of(since), 1), last) if since is not None else 1
    per_week = [0.0] * (last + 1)
    for t in plan.tasks:
        if t.status != "done" or t.done_on is None or t.done_on > today:
            continue
        if since is not None and t.done_on < since:
            continue
        week = min(max(plan.week_of(t.done_on), 1), last)
        per_week[week] += t.hours
    out = []
    total = 0.0
    for week in range(first, last + 1):
        total += per_week[week]
        out.append(
            {
                "week": week,
                "start": plan.week_start(week).isoformat(),
                "end": plan.week_end(week).isoformat(),
                "done_hours": round(per_week[week], 2),
                "cumulative_done_hours": round(total, 2),
            }
        )
    return out


# ------------------------------------------------------------------ Markdown


def _role(data: dict[str, Any]) -> str:
    from upskill.questionnaire import ROLE_LABELS

    role = str(data["target_role"])
    return ROLE_LABELS.get(role, role)


def _summary(totals: dict[str, Any]) -> str:
    """ "12 tasks done, 40 h of planned work (real hours on 5: 22 h), 6 pieces of evidence"."""
    n = totals["tasks_done"]
    text = f"{n} task{'s' if n != 1 else ''} done, {totals['hours_done']:g} h of planned work"
    if totals["tasks_timed"]:
        text += f" (real hours on {totals['tasks_timed']}: {totals['spent_hours']:g} h)"
    e = totals["evidence"]
    return text + f", {e} piece{'s' if e != 1 else ''} of evidence"


def _period(data: dict[str, Any]) -> str:
    first = data["since"] or data["plan_start"]
    return f"from {first} to {data['today']}"


def to_markdown(data: dict[str, Any]) -> str:
    """The portfolio as Markdown, ready to paste into a CV, a cover note or a message."""
    from upskill.render import md_escape, md_link

    name = data["name"]
    lines = [f"# Portfolio{': ' + md_escape(name) if name else ''}", ""]
    lines.append(f"Aiming for: {md_escape(_role(data))}. The record {_period(data)}.")
    lines.append("")
    lines.append(f"{_summary(data['totals'])}.")
    lines.append("")
    app = data["since_application"]
    if app is not None:
        lines.append(f"**Since your application on {app['date']}:** {_summary(app)}.")
        lines.append("")
    if data["milestones"]:
        lines += ["## Milestones reached", ""]
        for m in data["milestones"]:
            lines.append(f"- {m['done_on']}: {md_escape(m['title'])} (`{m['id']}`)")
        lines.append("")
    lines += ["## Work by skill", ""]
    if not data["skills"]:
        lines += ["_Nothing done in this period yet._", ""]
    for group in data["skills"]:
        lines += [f"### {md_escape(group['label'])}", ""]
        for roadmap in group["roadmaps"]:
            lines += [f"#### {md_escape(roadmap['title'])} (`{roadmap['roadmap']}`)", ""]
            for t in roadmap["tasks"]:
                took = f", took {t['spent_hours']:g} h" if t["spent_hours"] is not None else ""
                lines.append(
                    f"- **{md_escape(t['title'])}** (`{t['id']}`), done {t['done_on']}, "
                    f"{t['hours']:g} h planned{took}"
                )
                for ref in t["evidence"]:
                    lines.append(f"  - Evidence: {md_link(ref)}")
                if t["note"]:
                    for line in t["note"].splitlines():
                        if line.strip():
                            lines.append(f"  - Note: {md_escape(line)}")
            lines.append("")
    if data["weeks"]:
        lines += ["## Hours of planned work done, by week", ""]
        lines += ["| week | from | to | done | in all |", "| ---: | --- | --- | ---: | ---: |"]
        for w in data["weeks"]:
            lines.append(
                f"| {w['week']} | {w['start']} | {w['end']} | {w['done_hours']:g} h | "
                f"{w['cumulative_done_hours']:g} h |"
            )
        lines.append("")
    out = data["outreach"]
    if out and out["people_contacted"]:
        lines += ["## Outreach", "", _outreach(out) + ".", ""]
    return "\n".join(lines)


def _outreach(out: dict[str, Any]) -> str:
    rate = f" ({out['reply_rate']:.0%})" if out["reply_rate"] is not None else ""
    return (
        f"Wrote to {out['people_contacted']} people ({out['messages_sent']} messages, follow-ups "
        "included); "
        f"{out['people_replied']} replied{rate}"
    )


# ------------------------------------------------------------------ HTML

# No script, no external anything: the page is the file. The policy makes that a promise the
# browser keeps even if some text slipped through unescaped.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
_CSS = """
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee7;
  --accent: #2f6fdb; --done: #3a9d5d; --paper: #ffffff; --band: #f4f6fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 32px 24px 48px; background: var(--paper); }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 2px solid var(--line);
  padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 24px 0 4px; }
h4 { font-size: 1rem; margin: 12px 0 4px; color: var(--muted); font-weight: 600; }
.lead { color: var(--muted); margin: 0 0 16px; }
.totals { font-size: 1.05rem; }
.since { background: #eef4ff; border-left: 4px solid var(--accent); padding: 8px 12px; }
ul.tasks { list-style: none; padding: 0; margin: 0; }
ul.tasks > li { padding: 8px 0; border-bottom: 1px solid var(--line); }
.title { font-weight: 600; }
.meta, .id { color: var(--muted); font-size: 0.9rem; }
code { font: 0.88rem ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--band);
  padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
ul.evidence { margin: 4px 0 0; padding-left: 20px; }
a { color: var(--accent); overflow-wrap: anywhere; }
.note { margin: 4px 0 0; font-style: italic; white-space: pre-wrap; }
figure { margin: 8px 0 0; }
figcaption { color: var(--muted); font-size: 0.9rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--muted); }
table { border-collapse: collapse; margin-top: 8px; }
td, th { padding: 2px 10px; border-bottom: 1px solid var(--line); text-align: right; }
th:nth-child(2), td:nth-child(2) { text-align: left; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 32px; }
@media print { body { background: none; } main { padding: 0; } }
"""


def _e(value: object) -> str:
    """Text for HTML: control characters removed, everything that means markup escaped."""
    from upskill.render import clean

    return html.escape(clean(str(value)), quote=True)


def _evidence_html(ref: str) -> str:
    from upskill.render import is_web_link

    if is_web_link(ref):
        return f'<a href="{_e(ref)}" rel="noopener noreferrer">{_e(ref)}</a>'
    return f"<code>{_e(ref)}</code>"


def _ticks(peak: float) -> list[float]:
    """Round values for the chart's axis, from 0 to at least ``peak`` in at most five steps."""
    options = [f * s for s in (1, 10, 100, 1000, 10000) for f in (1, 2, 2.5, 5)]
    step = next((o for o in options if peak / o <= 5), options[-1])
    return [step * i for i in range(math.ceil(peak / step) + 1)]


def chart_svg(weeks: list[dict[str, Any]], width: int = 860, height: int = 280) -> str:
    """Cumulative hours of planned work done by week: a bar per week and a line over them."""
    if not weeks:
        return ""
    left, right, top, bottom = 60, 12, 22, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = _ticks(max(w["cumulative_done_hours"] for w in weeks) or 1.0)
    peak = ticks[-1]
    step = plot_w / len(weeks)
    bar_w = min(max(step * 0.6, 2.0), 56.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="hours-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'style="max-width:100%;height:auto" aria-labelledby="chart-title">',
        '<title id="chart-title">Cumulative hours of planned work done, by week</title>',
    ]
    for value in ticks:
        y = top + plot_h * (1 - value / peak)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            'stroke="#d9dee7" stroke-width="1"/>'
        )
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{value:g} h</text>')
    points = []
    label_every = max(1, -(-len(weeks) // 13))
    for i, w in enumerate(weeks):
        value = w["cumulative_done_hours"]
        h = plot_h * value / peak
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h - h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
            f'height="{max(h, 0):.1f}" fill="#3a9d5d" opacity="0.85">'
            f"<title>Week {_e(w['week'])}: {value:g} h in all "
            f"({w['done_hours']:g} h that week)</title></rect>"
        )
        points.append(f"{x + bar_w / 2:.1f},{y:.1f}")
        if i % label_every == 0 or i == len(weeks) - 1:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">W{_e(w["week"])}</text>'
            )
            if value:
                parts.append(
                    f'<text class="value" x="{x + bar_w / 2:.1f}" y="{y - 6:.1f}" '
                    f'text-anchor="middle">{value:g}</text>'
                )
    parts.append(
        f'<path class="line" d="M {" L ".join(points)}" fill="none" stroke="#2f6fdb" '
        'stroke-width="2"/>'
    )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#5b6575" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def to_html(data: dict[str, Any]) -> str:
    """The portfolio as one self-contained HTML page: inline CSS and an inline SVG chart."""
    name = data["name"]
    title = f"Portfolio: {name}" if name else "Portfolio"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body><main>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="lead">Aiming for: {_e(_role(data))}. The record {_e(_period(data))}.</p>',
        f'<p class="totals">{_e(_summary(data["totals"]))}.</p>',
    ]
    app = data["since_application"]
    if app is not None:
        out.append(
            f'<p class="since"><strong>Since your application on {_e(app["date"])}:</strong> '
            f"{_e(_summary(app))}.</p>"
        )
    if data["weeks"]:
        out.append("<h2>Hours of planned work done</h2>")
        out.append(f"<figure>{chart_svg(data['weeks'])}")
        out.append(
            "<figcaption>Cumulative hours of planned work done, week by week.</figcaption></figure>"
        )
    if data["milestones"]:
        out.append('<h2>Milestones reached</h2><ul class="tasks milestones">')
        for m in data["milestones"]:
            out.append(
                f'<li><span class="meta">{_e(m["done_on"])}</span> '
                f'<span class="title">{_e(m["title"])}</span> '
                f'<code class="id">{_e(m["id"])}</code></li>'
            )
        out.append("</ul>")
    out.append("<h2>Work by skill</h2>")
    if not data["skills"]:
        out.append("<p>Nothing done in this period yet.</p>")
    for group in data["skills"]:
        out.append(f"<h3>{_e(group['label'])}</h3>")
        for roadmap in group["roadmaps"]:
            out.append(
                f"<h4>{_e(roadmap['title'])} <code>{_e(roadmap['roadmap'])}</code></h4>"
                '<ul class="tasks">'
            )
            for t in roadmap["tasks"]:
                took = f", took {t['spent_hours']:g} h" if t["spent_hours"] is not None else ""
                meta = f"done {t['done_on']}, {t['hours']:g} h planned{took}"
                out.append(
                    f'<li><span class="title">{_e(t["title"])}</span> '
                    f'<code class="id">{_e(t["id"])}</code><br>'
                    f'<span class="meta">{_e(meta)}</span>'
                )
                if t["evidence"]:
                    out.append('<ul class="evidence">')
                    out.extend(f"<li>{_evidence_html(ref)}</li>" for ref in t["evidence"])
                    out.append("</ul>")
                if t["note"]:
                    out.append(f'<p class="note">{_e(t["note"])}</p>')
                out.append("</li>")
            out.append("</ul>")
    if data["weeks"]:
        out.append("<h2>By week</h2><table><thead><tr><th>week</th><th>dates</th>")
        out.append("<th>done</th><th>in all</th></tr></thead><tbody>")
        for w in data["weeks"]:
            out.append(
                f"<tr><td>{_e(w['week'])}</td><td>{_e(w['start'])} – {_e(w['end'])}</td>"
                f"<td>{w['done_hours']:g} h</td>"
                f"<td>{w['cumulative_done_hours']:g} h</td></tr>"
            )
        out.append("</tbody></table>")
    outreach = data["outreach"]
    if outreach and outreach["people_contacted"]:
        out.append(f"<h2>Outreach</h2><p>{_e(_outreach(outreach))}.</p>")
    out.append(f"<footer>Made by upskill on {_e(data['today'])}.</footer>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
