"""The TUI driven headless: findings listed and marked, moving between them, fixes, saving, filtering, quitting."""

from __future__ import annotations

import asyncio
import codecs
import os
import subprocess
import sys
import threading

import pytest
from conftest import SEEDS

from linter.commands.cli import main
from linter.engine.loader import select_rules
from linter.errors import InputError
from linter.findings import Finding, apply_fixes
from linter.read.sources import Source, read_path
from tui import draft_file
from tui.app import RELINT_DELAY, ResolintApp
from tui.widgets import findings_list
from tui.widgets.confirm_dialog import ConfirmDialog
from tui.widgets.draft_view import DraftView
from tui.widgets.findings_list import FindingsList, successor
from tui.widgets.quit_dialog import QuitDialog

pytestmark = pytest.mark.slow

CTOC = SEEDS / "ctoc-cop-6-1.md"


def drive(source: Source, rules, steps, size=(140, 45)) -> ResolintApp:
    """Run the app on `source` headless, wait for the first lint, then `await steps(app, pilot)`."""

    async def run() -> ResolintApp:
        app = ResolintApp(source, rules)
        async with app.run_test(size=size) as pilot:
            await linted(app, pilot)
            await steps(app, pilot)
        return app

    return asyncio.run(run())


async def linted(app: ResolintApp, pilot, timeout: float = 60.0) -> None:
    """Wait until the findings shown are those of the draft as it is now."""
    for _ in range(int(timeout / 0.05)):
        await pilot.pause(0.05)
        if app.is_up_to_date() and not any(w.is_running for w in app.workers):
            return
    raise AssertionError("the lint never finished")


def parts(app: ResolintApp):
    return app.query_one(DraftView), app.query_one(FindingsList)


def detail_text(app: ResolintApp) -> str:
    return app.query_one("#finding-detail-text").content.plain


def status_text(app: ResolintApp) -> str:
    return app.query_one("#status").content.plain


def test_a_seed_opens_with_its_findings_listed_and_marked_in_the_text(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        assert draft.draft_text == app.source.text  # offsets of findings are offsets into this very text
        inversion = next(f for f in findings.findings if f.rule == "RV142" and "又承认" in f.message)
        assert "“又承认” follows “还承认”" in inversion.message
        assert draft.draft_text[inversion.start : inversion.end].startswith("又承认")
        assert findings.findings == draft.findings == app.result.findings
        (row, start), (_, end) = draft.location(inversion.start), draft.location(inversion.end)
        error_style = draft.get_component_rich_style("draft-view--error")
        assert any(
            s.start <= start and s.end >= end and s.style == error_style for s in draft.get_line(row).spans
        )
        # The status bar counts what the lint found (the seed's known defects include 3 errors).
        counts = {s: sum(1 for f in app.result.findings if f.severity == s) for s in ("error", "warning", "info")}
        assert counts["error"] == 3
        plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
        shown = f"{plural(counts['error'], 'error')}  {plural(counts['warning'], 'warning')}  {counts['info']} info"
        assert shown in status_text(app) and "ctoc-cop-6-1.md" in status_text(app)
        assert "modified" not in status_text(app)
        # The first finding is current: its explanation is shown and the cursor is on its span.
        first = findings.current()
        assert first == findings.findings[0] and detail_text(app).startswith(first.message)
        assert "What it does" in detail_text(app) and "Why is this bad?" in detail_text(app)
        assert draft.selection.is_empty and draft.selection.end == draft.location(first.start)

    drive(read_path(str(CTOC)), all_rules, steps)


def test_while_the_first_lint_runs_the_list_shows_a_loading_indicator_and_the_editor_takes_keys(all_rules, monkeypatch):
    import tui.app

    model_loaded = threading.Event()
    real_lint = tui.app.lint_text
    monkeypatch.setattr(tui.app, "lint_text", lambda *args, **kw: model_loaded.wait(10) and real_lint(*args, **kw))

    async def run():
        app = ResolintApp(read_path(str(CTOC)), all_rules)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause(0.2)
            draft, findings = parts(app)
            assert findings.loading and "linting…" in status_text(app)
            draft.focus()
            await pilot.press("x")  # typing during the lint is not blocked by it
            assert draft.draft_text.startswith("x")
            model_loaded.set()
            await linted(app, pilot)
            assert not findings.loading and findings.findings

    asyncio.run(run())


def test_n_and_p_move_between_findings_and_the_cursor_selects_the_finding_under_it(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        first, second = findings.findings[:2]
        await pilot.press("n")
        await pilot.pause()
        assert findings.current() == second
        # The cursor goes to the finding, which is highlighted but not selected (typing must not replace it).
        assert draft.selection.is_empty and draft.selection.end == draft.location(second.start)
        assert draft.current == second
        assert detail_text(app).startswith(second.message)
        await pilot.press("p")
        await pilot.pause()
        assert findings.current() == first
        assert draft.selection.is_empty and draft.selection.end == draft.location(first.start)
        # Moving the cursor in the text onto a flagged span selects its finding, and leaves the cursor alone.
        inversion = next(f for f in findings.findings if f.rule == "RV142")
        inside = draft.location(inversion.start + 1)
        draft.move_cursor(inside)
        await pilot.pause()
        assert findings.current() == inversion
        assert draft.selection.start == draft.selection.end == inside
        assert detail_text(app).startswith(inversion.message)
        # The command palette offers the same commands as the keys.
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Next finding", "Apply fix", "Apply all safe fixes", "Filter by severity", "Save", "Undo", "Redo", "Help"} <= titles

    drive(read_path(str(CTOC)), all_rules, steps)


def test_a_safe_fix_is_applied_relinted_and_saved_atomically_in_the_same_encoding(tmp_path, all_rules):
    path = tmp_path / "ecosoc-2013-38.txt"
    text = (SEEDS / "ecosoc-2013-38.pdf.txt").read_text(encoding="utf-8")
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    source = read_path(str(path))
    assert source.encoding == "utf-16-le" and source.format == "pdf-text"

    async def steps(app, pilot):
        draft, findings = parts(app)
        comma = next(f for f in findings.findings if f.rule == "RP501")
        assert draft.draft_text[comma.start : comma.end] == ","
        findings.highlight(comma)
        await pilot.pause()
        assert "→" in detail_text(app)  # the fix it proposes, before and after
        await pilot.press("f")
        await linted(app, pilot)
        assert all(f.rule != "RP501" for f in findings.findings)
        assert draft.draft_text == text[: comma.start] + "，" + text[comma.end :]
        assert "modified" in status_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF16_LE) and data[2:].decode("utf-16-le") == draft.draft_text
        assert os.listdir(tmp_path) == [path.name]  # the temporary file was renamed over the draft
        assert "modified" not in status_text(app)

    drive(source, all_rules, steps)


def test_an_unsafe_fix_asks_first_and_fix_all_leaves_it_alone(all_rules):
    rules = select_rules(all_rules, ["RR422"], None)

    async def steps(app, pilot):
        draft, findings = parts(app)
        (clipped,) = findings.findings
        assert not clipped.fix.safe
        original = draft.draft_text
        await pilot.press("F")
        await pilot.pause()
        assert draft.draft_text == original  # only safe fixes
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog) and draft.draft_text == original
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("y")
        await linted(app, pilot)
        assert "以审查《联合国打击跨国有组织犯罪公约》及其议定书" in draft.draft_text
        assert findings.findings == ()

    drive(read_path(str(SEEDS / "ga-68-193.pdf.txt")), rules, steps)


def test_fix_all_applies_every_safe_fix_at_once(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        before = app.result.findings
        expected, count = apply_fixes(draft.draft_text, list(before))
        assert count >= 2
        await pilot.press("F")
        await linted(app, pilot)
        assert draft.draft_text == expected
        assert len(app.result.findings) < len(before)

    # Safe fixes of three rules: 又回顾 after 又回顾 (RV144), a preambular "；" (RV111), a last "；" (RV112).
    text = "大会，\n\n回顾其决议，\n\n又回顾其宣言，\n\n又回顾其报告；\n\n1. 请秘书长提交报告；\n"
    drive(Source("draft.txt", text, "text", "utf-8"), all_rules, steps)


def test_errors_only_typing_relints_after_a_pause_and_quitting_asks_about_unsaved_changes(all_rules):
    async def steps(app, pilot):
        draft, findings = parts(app)
        everything = findings.findings
        await pilot.press("e")
        await pilot.pause()
        assert findings.findings == tuple(f for f in everything if f.severity != "info")
        assert "listing warnings and errors" in status_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert findings.findings == draft.findings == tuple(f for f in everything if f.severity == "error")
        assert "listing errors only" in status_text(app) and "1 warning " in status_text(app)  # counts stay whole
        await pilot.press("e")
        await pilot.pause()
        assert findings.findings == everything
        # Typing: no lint until the typing pauses, and the cursor stays where the drafter typed.
        draft.focus()
        await pilot.pause()
        end = draft.document.end
        draft.insert("\n\n1. 请秘书长提交报告，", end)
        typed_end = draft.selection.end
        await pilot.pause(RELINT_DELAY / 4)
        assert not app.is_up_to_date()
        await pilot.pause(RELINT_DELAY)
        await linted(app, pilot)
        assert draft.selection.end == typed_end
        assert any(f.rule == "RV112" and f.start >= len(app.source.text) for f in app.result.findings)
        # Letters are text in the editor; Esc goes back to the list, where q quits, after asking.
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, QuitDialog)
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running

    drive(read_path(str(CTOC)), all_rules, steps)


def test_bad_input_is_the_clis_one_line_error_and_exit_2_before_the_app_starts(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(ResolintApp, "run", lambda self: pytest.fail("the app must not start"))
    nowhere = tmp_path / "no-such-folder" / "draft.txt"
    assert main(["tui", "--no-config", str(nowhere)]) == 2
    assert capsys.readouterr().err == f"resolint: {nowhere}: no such folder to create the file in\n"
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"\xff\xfe\x00\xd8")
    assert main(["tui", "--no-config", str(undecodable)]) == 2


def test_check_never_imports_textual():
    script = (
        "import sys; from linter.commands.cli import main; "
        f"main(['check', '--no-config', '--select', 'RP501', {str(CTOC)!r}]); "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def test_saving_refuses_a_docx_and_keeps_the_encoding(tmp_path):
    docx = Source(str(tmp_path / "draft.docx"), "大会，\n", "docx", "docx")
    with pytest.raises(InputError, match="docx"):
        draft_file.save(docx, "大会，\n\n1. 决定。")
    assert not (tmp_path / "draft.docx").exists()
    gb = tmp_path / "draft.txt"
    gb.write_bytes("大会，\n".encode("gb18030"))
    saved = draft_file.save(read_path(str(gb)), "大会，\n\n1. 决定继续审议。\n")
    assert gb.read_bytes().decode("gb18030") == saved.text and saved.encoding == "gb18030"


def test_the_editor_keeps_every_character_of_the_draft():
    # pdftotext ends pages with a form feed; str.splitlines would make it a line break.
    text = "大会，\n\x0c回顾\u2028其决议，\n1. 决定。"
    view = DraftView(text)
    assert view.draft_text == text and view.document.line_count == 3
    assert len(view.text) == len(text)  # one character for one: offsets line up
    view.replace("注意到\r\n", (1, 1), (1, 3))
    assert view.draft_text == "大会，\n\x0c注意到\n\u2028其决议，\n1. 决定。"


def test_after_a_relint_the_fixed_finding_hands_over_to_the_next():
    def finding(rule, start):
        return Finding(rule, "verb", "error", f"{rule} message", start, start + 2)

    fixed, later = finding("RV142", 10), finding("RP501", 40)
    assert successor((finding("RV101", 5), later), fixed) == 1
    assert successor((finding("RV101", 5), finding("RV142", 12)), fixed) == 1  # moved by an edit before it
    assert successor((finding("RV101", 5),), fixed) == 0


def test_a_lint_that_ends_while_the_app_shuts_down_raises_nothing(all_rules):
    # A big draft's first lint can end after the screens are gone; showing it moves the focus, and the focus
    # handler then found no findings list (NoMatches, or ScreenStackError) and the app crashed on the way out.
    app = drive(read_path(str(SEEDS / "ecosoc-2013-38.pdf.txt")), all_rules, lambda app, pilot: pilot.pause())
    assert app.result is not None and not app.screen_stack
    app.on_descendant_focus()


def test_a_relint_that_changes_no_entry_keeps_the_list_and_one_that_does_rebuilds_it(all_rules):
    # OptionList measures every entry it is given (seconds for thousands of findings); a keystroke that changes
    # no finding's rule, severity, line:column or message must not pay that, and must still hand the new findings.
    async def steps(app, pilot):
        draft, findings = parts(app)
        first = findings.get_option_at_index(0)
        draft.insert("。", draft.document.end)  # after every finding: their entries stay as they were
        await linted(app, pilot)
        assert findings.get_option_at_index(0) is first and findings.findings == app.result.findings
        draft.insert("\n", (0, 0))  # every finding one line down
        await linted(app, pilot)
        rebuilt = findings.get_option_at_index(0)
        assert rebuilt is not first and findings.findings == app.result.findings
        line = app.result.findings[0]
        assert f"{draft.location(line.start)[0] + 1}:" in str(rebuilt.prompt)

    drive(read_path(str(SEEDS / "ecosoc-2013-38.pdf.txt")), all_rules, steps)


def test_a_long_list_is_given_a_chunk_at_a_time_and_any_finding_can_be_reached_meanwhile(all_rules, monkeypatch):
    # OptionList measures each entry it is given; thousands at once held the drafter's keys for seconds.
    monkeypatch.setattr(findings_list, "CHUNK", 1)
    monkeypatch.setattr(findings_list, "CHUNK_PAUSE", 0.5)

    async def steps(app, pilot):
        _, findings = parts(app)
        assert len(findings.findings) >= 3
        findings.highlighted = 0
        findings.set_findings((), "")  # listed again from scratch, one entry at a time
        findings.set_findings(app.result.findings, app.result.text)
        assert findings.option_count == 1 and findings.current() == app.result.findings[0]
        findings.step(-1)  # to the last, not listed yet: listed at once
        assert findings.current() == app.result.findings[-1] == findings.findings[findings.highlighted]
        for _ in range(40):
            await pilot.pause(0.1)
        assert findings.option_count == len(app.result.findings)
        # The draft's cursor onto a finding not listed yet (the drafter typing there): not listed at once, which
        # would hold their keys; highlighted when the listing reaches it.
        findings.set_findings((), "")
        findings.set_findings(app.result.findings, app.result.text)
        findings.highlight(app.result.findings[-1])
        assert findings.option_count == 1 and findings.current() == app.result.findings[-1]
        findings.step(-1)  # n and p go on from the finding the cursor is on, listed or not
        assert findings.current() == app.result.findings[-2] == findings.findings[findings.highlighted]
        findings.highlight(app.result.findings[-1])
        for _ in range(40):
            await pilot.pause(0.1)
        assert findings.highlighted == len(app.result.findings) - 1
        assert [o.id for o in map(findings.get_option_at_index, range(findings.option_count))] == [
            str(n) for n in range(len(app.result.findings))]

    drive(read_path(str(SEEDS / "ga-68-193.pdf.txt")), all_rules, steps)
