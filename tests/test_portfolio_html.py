"""The HTML portfolio in a real browser: Debian's Chromium, headless, driven by Playwright.

The page is made from a plan whose titles, notes and evidence were edited by hand to carry
markup and script; it must open without a console error, run no script, load nothing but
itself, show the evidence (only http(s) links clickable, each pointing exactly where it was
recorded) and draw the hours chart. A screenshot is left in /tmp for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import run

pytestmark = pytest.mark.slow

SCREENSHOT = Path("/tmp/upskill-portfolio.png")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SAFE = "https://github.com/sam-postdoc/probes/pull/7"
QUOTED = 'https://example.org/a?b=1&c="><script>window.__owned=1</script>'
SCRIPTED = "javascript:window.__owned=1"
HOSTILE_TITLE = '<img src=x onerror="window.__owned=1">Probing &amp; "features"'
HOSTILE_NOTE = "</p><script>window.__owned=1</script><b>bold?</b>"


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture
def page_file(planned: Path, tmp_path: Path) -> Path:
    """A portfolio page from a hand-edited plan: done work with hostile text, over 3 weeks."""
    path = planned / "plan.toml"
    plan = tomllib.loads(path.read_text(encoding="utf-8"))
    start = dt.date(2026, 11, 23)
    done = 0
    for t in plan["tasks"]:
        if t["week"] > 3 or "@" in t["id"]:
            continue
        t["status"] = "done"
        t["done_on"] = start + dt.timedelta(days=7 * (t["week"] - 1) + 4)
        done += 1
    first = next(t for t in plan["tasks"] if t["status"] == "done")
    first.update(
        title=HOSTILE_TITLE,
        note=HOSTILE_NOTE,
        evidence=[SAFE, QUOTED, SCRIPTED, "/home/sam/notebooks/probe.ipynb"],
        spent_hours=4.5,
    )
    assert done >= 6
    path.write_text(tomli_w.dumps(plan), encoding="utf-8")
    out = tmp_path / "portfolio.html"
    result = run(
        "portfolio", "--format", "html", "-o", str(out), env={"UPSKILL_TODAY": "2026-12-13"}
    )
    assert result.returncode == 0, result.stderr
    return out


def test_the_html_portfolio_in_a_real_browser(page_file: Path) -> None:
    binary = chromium()
    if binary is None:
        pytest.skip("no chromium binary: `apt-get install chromium` (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    url = page_file.as_uri()
    console: list[tuple[str, str]] = []
    errors: list[str] = []
    dialogs: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.on("console", lambda m: console.append((m.type, m.text)))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url, wait_until="load")
            checks = page.evaluate(PROBE)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()

    assert [c for c in console if c[0] in ("error", "warning")] == []
    assert errors == []
    assert dialogs == []
    assert requests == [url], "the page loads nothing but itself"
    assert checks["owned"] is None, "a script from the plan ran"
    assert checks["scripts"] == 0
    assert checks["images"] == 0
    # Only the http(s) evidence is a link, and it points exactly where it was recorded.
    assert checks["links"] == [SAFE, QUOTED]
    assert SCRIPTED in checks["text"]
    assert "/home/sam/notebooks/probe.ipynb" in checks["text"]
    assert HOSTILE_TITLE in checks["text"]
    assert HOSTILE_NOTE in checks["text"]
    chart: dict[str, Any] = checks["chart"]
    assert chart["width"] > 300
    assert chart["height"] > 100
    assert len(chart["bars"]) == 3  # weeks 1-3
    assert all(b["width"] > 0 for b in chart["bars"])
    assert all(b["height"] > 0 for b in chart["bars"])
    heights = [b["height"] for b in chart["bars"]]
    assert heights == sorted(heights), "cumulative hours never go down"
    assert chart["line"] > 0, "the cumulative line is drawn"
    assert SCREENSHOT.stat().st_size > 10_000


PROBE = """() => {
  const box = (el) => { const r = el.getBBox(); return {width: r.width, height: r.height}; };
  const svg = document.querySelector('svg#hours-chart');
  const line = svg && svg.querySelector('path.line');
  return {
    owned: window.__owned === undefined ? null : window.__owned,
    scripts: document.scripts.length,
    images: document.images.length,
    links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
    text: document.body.innerText,
    chart: svg ? {
      width: svg.getBoundingClientRect().width,
      height: svg.getBoundingClientRect().height,
      bars: Array.from(svg.querySelectorAll('rect.bar')).map(box),
      line: line ? line.getTotalLength() : 0,
    } : {width: 0, height: 0, bars: [], line: 0},
  };
}"""
