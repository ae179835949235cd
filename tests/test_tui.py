"""The TUI driven headless: findings shown and marked, navigation, fixes, saving, the errors-only filter."""

from __future__ import annotations

import asyncio
import shutil

from linter.engine import load_rules
from linter.sources import read_path
from tui.app import ResolintApp
from tui.widgets.draft_view import DraftView, location
from tui.widgets.findings_list import FindingsList

from conftest import SEEDS


def drive(path, steps, rules=None):
    """Run the app on `path`, wait for the first lint, then run `steps(app, pilot)`."""

    async def main():
        app = ResolintApp(read_path(str(path)), rules or load_rules())
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(app, pilot)
            await steps(app, pilot)

    asyncio.run(main())


async def settle(app, pilot, timeout: float = 60.0):
    """Wait until a lint of the current text has been shown."""
    waited = 0.0
    while waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
        draft = app.query_one(DraftView)
        if app.result.text == draft.text and not app.linting and not any(w.is_running for w in app.workers):
            return
    raise AssertionError("the lint never finished")


def test_findings_are_listed_and_marked():
    async def steps(app, pilot):
        rules = {f.rule for f in app.result.findings}
        assert {"RV142", "RR402"} <= rules
        findings = app.query_one(FindingsList)
        assert len(findings.findings) == len(app.result.findings)
        draft = app.query_one(DraftView)
        inversion = next(f for f in app.result.findings if f.rule == "RV142")
        row, _ = location(draft.text, inversion.start)
        assert any(name == "resolint.error" for _, _, name in draft._highlights[row])

    drive(SEEDS / "ctoc-cop-6-1.md", steps)


def test_next_finding_moves_the_cursor_to_its_span():
    async def steps(app, pilot):
        draft = app.query_one(DraftView)
        first = app.query_one(FindingsList).current()
        await pilot.press("f8")
        await pilot.pause(0.1)
        second = app.query_one(FindingsList).current()
        assert second != first
        assert draft.selection.start == location(draft.text, second.start)
        assert draft.selection.end == location(draft.text, second.end)
        await pilot.press("shift+f8")
        await pilot.pause(0.1)
        assert app.query_one(FindingsList).current() == first

    drive(SEEDS / "ctoc-cop-6-1.md", steps)


def test_fix_save_and_filter(tmp_path):
    draft_path = tmp_path / "e13.txt"
    shutil.copy(SEEDS / "ecosoc-2013-38.pdf.txt", draft_path)
    rules = [r for r in load_rules() if r.id in ("RP501", "RV121", "RR401")]

    async def steps(app, pilot):
        comma = next(f for f in app.result.findings if f.rule == "RP501")
        app.query_one(FindingsList).show(comma)
        await pilot.pause(0.1)
        await pilot.press("f2")
        await settle(app, pilot)
        assert all(f.rule != "RP501" for f in app.result.findings)
        assert "(E/2010/30)，第一章" in app.query_one(DraftView).text
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert "(E/2010/30)，第一章" in draft_path.read_text(encoding="utf-8")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["e13.txt"]
        # An edit re-lints after a pause; errors-only hides the rest.
        app.query_one(DraftView).insert("1. 请秘书长提交报告；\n", (80, 0))
        await pilot.pause(0.7)
        await settle(app, pilot)
        assert any(f.rule == "RV121" for f in app.result.findings)
        await pilot.press("f9")
        await pilot.pause(0.1)
        assert all(f.severity == "error" for f in app.query_one(FindingsList).findings)

    drive(draft_path, steps, rules)
