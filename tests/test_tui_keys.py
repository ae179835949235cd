"""Issue #15: every key does what it says, and says the same everywhere (footer, help, palette, README, hints)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS
from rich.console import Console
from test_tui import detail_text, drive, linted, parts, status_text

from linter.engine.loader import select_rules
from linter.read.sources import Source, read_path
from tui.commands import COMMANDS, MOVES, key_label, key_table_markdown
from tui.widgets.confirm_dialog import ConfirmDialog
from tui.widgets.help_screen import HelpScreen, key_help
from tui.widgets.status_bar import StatusFacts, status_line

pytestmark = pytest.mark.slow

README = Path(__file__).parent.parent / "README.md"
GA = SEEDS / "ga-68-193.pdf.txt"
CLEAN = "大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告。\n"


def test_enter_on_a_draft_with_no_findings_goes_into_the_editor(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        assert findings.findings == () and app.focused is findings
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is draft
        await pilot.press("x")
        assert draft.draft_text == "x" + CLEAN

    drive(Source("clean.txt", CLEAN, "text", "utf-8"), [r for r in all_rules if r.id.startswith("RP")], steps)


def test_an_unsafe_fix_is_applied_by_the_same_key_again_in_the_editor_and_in_the_list(all_rules):
    rules = select_rules(all_rules, ["RR422"], None)

    async def steps(app, pilot):
        draft, findings = parts(app)
        (clipped,) = findings.findings
        original = draft.draft_text
        await pilot.pause()
        assert "unsafe, may change meaning: f or F2 asks first, then applies it" in detail_text(app)
        await pilot.press("enter")  # into the editor, where f is text and F2 is the key
        await pilot.pause()
        assert "unsafe, may change meaning: F2 asks first" in detail_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "F2 again applies it" in str(app.screen.question)
        await pilot.press("f2")
        await linted(app, pilot)
        assert "以审查《联合国打击跨国有组织犯罪公约》及其议定书" in draft.draft_text and findings.findings == ()
        # Undo puts the clipped name back (one step), redo applies the fix again; from the list, u and U.
        await pilot.press("ctrl+z")
        await linted(app, pilot)
        assert draft.draft_text == original
        await pilot.press("escape", "U")
        await linted(app, pilot)
        assert "及其议定书" in draft.draft_text
        await pilot.press("u")
        await linted(app, pilot)
        assert draft.draft_text == original
        # In the list the letter asks, and the letter again applies.
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("f")
        await linted(app, pilot)
        assert "及其议定书" in draft.draft_text

    drive(read_path(str(GA)), rules, steps)


def test_a_safe_fix_names_f2_in_the_editor_and_f_or_f2_beside_it(all_rules):
    text = "大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告, 并提交。\n"

    async def steps(app, pilot):
        await pilot.pause()
        assert "Fix (safe: f or F2 applies it)" in detail_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Fix (safe: F2 applies it)" in detail_text(app)

    drive(Source("comma.txt", text, "text", "utf-8"), select_rules(all_rules, ["RP501"], None), steps)


def test_moving_to_a_finding_does_not_select_it_so_typing_inserts(all_rules):
    rules = select_rules(all_rules, ["RV131"], None)

    async def steps(app, pilot):
        draft, findings = parts(app)
        assert findings.findings
        await pilot.press("enter")
        await pilot.pause()
        target = findings.findings[-1]
        await pilot.press("shift+f8")  # from the editor: the previous finding, wrapping to the last
        await pilot.pause()
        assert findings.current() == target and draft.current == target
        assert draft.selection.is_empty and draft.selection.end == draft.location(target.start)
        flagged = draft.draft_text[target.start : target.end]
        await pilot.press("x")
        assert draft.draft_text[target.start : target.end + 1] == "x" + flagged  # inserted; 的 not replaced

    drive(read_path(str(GA)), rules, steps)


def test_every_key_is_labelled_alike_in_footer_help_palette_and_readme(all_rules):
    async def steps(app, pilot):
        bindings = {b.action: b for b in app.BINDINGS}
        for c in COMMANDS:
            if c.key:
                binding = bindings[f"app.{c.action}"]
                assert binding.key_display == key_label(c.key) and binding.description == c.label
        palette = {s.title: s.help for s in app.get_system_commands(app.screen)}
        for c in COMMANDS:
            assert key_label(c.key) in palette[c.title]
        assert "Quit" in palette and "asks first" in palette["Quit"]  # ours, not Textual's quit without asking
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True)
        console.print(key_help())  # what the help screen shows
        text = console.export_text()
        for c in COMMANDS:
            assert re.search(rf"{re.escape(key_label(c.key))}\s+{re.escape(key_label(c.letter)) if c.letter else ''}\s*"
                             rf"{re.escape(c.title)}", text), c.title
        for key, title, _ in MOVES:
            assert key_label(key) in text and title in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")  # beside the draft, ? too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    drive(Source("clean.txt", CLEAN, "text", "utf-8"), [], steps)
    readme = README.read_text(encoding="utf-8")
    block = readme.split("<!-- keys:", 1)[1].split("-->", 1)[1].split("<!-- /keys -->", 1)[0].strip()
    assert block == key_table_markdown()
    assert "Ctrl+Z" in block and "Ctrl+Y" in block and "second F2" not in readme


def test_filters_by_severity_and_category_and_the_counts_stay_whole(all_rules):
    async def steps(app, pilot):
        _, findings = parts(app)
        everything = findings.findings
        categories = sorted({f.category for f in everything})
        assert len(categories) >= 2
        await pilot.press("c")
        await pilot.pause()
        assert findings.findings == tuple(f for f in everything if f.category == categories[0])
        assert f"{categories[0]} only" in status_text(app)
        await pilot.press("f9", "f9")
        await pilot.pause()
        assert all(f.severity == "error" and f.category == categories[0] for f in findings.findings)
        for _ in categories:
            await pilot.press("c")
        await pilot.press("e")
        await pilot.pause()
        assert findings.findings == everything and "listing" not in status_text(app)

    drive(read_path(str(SEEDS / "ctoc-cop-6-1.md")), all_rules, steps)


def test_the_status_bar_fits_80_columns_and_keeps_modified():
    facts = StatusFacts("/home/someone/drafts/a-very-long-folder-name/ga-68-193.pdf.txt", "pdf-text",
                        {"error": 12, "warning": 31, "info": 7}, True, "linting…", "listing warnings and errors, verb only",
                        "only ≥warning,verb")
    for width in (78, 60, 126):
        line = status_line(facts, width)
        assert line.cell_len <= width
        assert "modified" in line.plain and "linting…" in line.plain and "verb" in line.plain
        assert "12" in line.plain and "31" in line.plain
    assert "12 errors  31 warnings  7 info" in status_line(facts, 126).plain
    assert status_line(facts, 78).plain.startswith("…")  # the folders give way, the file name stays
    assert "ga-68-193.pdf.txt" in status_line(facts, 78).plain


def test_at_80x24_the_status_says_modified_and_a_resize_keeps_the_cursor_in_view(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        await pilot.press("enter")
        last = findings.findings[-1]
        draft.move_cursor(draft.location(last.start))
        draft.scroll_cursor_visible(center=True)
        await pilot.press("x")
        await pilot.pause()
        assert "modified" in status_text(app)
        for size in ((160, 48), (80, 24), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.3)
            x, y = draft.cursor_screen_offset
            assert draft.content_region.contains(x, y), size
            assert "modified" in status_text(app)

    drive(read_path(str(GA)), select_rules(all_rules, ["RP", "RV"], None), steps, size=(80, 24))


def test_the_finding_list_keeps_letters_as_commands_and_the_editor_keeps_them_as_text(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        assert app.focused is findings
        await pilot.press("n")
        await pilot.pause()
        assert draft.draft_text == app.source.text
        await pilot.press("enter", "n")
        assert app.focused is draft and draft.draft_text != app.source.text

    drive(read_path(str(SEEDS / "ctoc-cop-6-1.md")), select_rules(all_rules, ["RP"], None), steps)

