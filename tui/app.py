"""The resolint terminal UI: the draft with its findings marked inline, a findings list, and fixes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, TextArea

from linter.cli import write_atomic
from linter.engine import Rule
from linter.errors import InputError
from linter.findings import Finding, apply_fixes
from linter.sources import Source
from tui.linting import LintResult, lint_text
from tui.widgets.draft_view import DraftView, location, offset_of
from tui.widgets.finding_detail import FindingDetail
from tui.widgets.findings_list import FindingsList
from tui.widgets.status_bar import StatusBar

RELINT_DELAY = 0.5


class ResolintApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "resolint"
    BINDINGS = [
        Binding("f8", "next_finding", "Next"),
        Binding("shift+f8", "previous_finding", "Previous"),
        Binding("f2", "fix", "Fix"),
        Binding("f3", "fix_all", "Fix all safe"),
        Binding("ctrl+s", "save", "Save"),
        Binding("f5", "relint", "Re-lint"),
        Binding("f9", "errors_only", "Errors only"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, source: Source, rules: list[Rule]):
        super().__init__()
        self.source = source
        self.rules = rules
        self.rules_by_id = {r.id: r for r in rules}
        self.result = LintResult(source.text, ())
        self.saved_text = source.text
        self.errors_only = False
        self.linting = ""
        self._pending_unsafe: Finding | None = None
        self._quit_asked = False
        self._relint_timer = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield DraftView(self.source.text, id="draft", soft_wrap=True, show_line_numbers=True)
            with Vertical(id="side"):
                yield FindingsList(id="findings")
                yield FindingDetail(id="detail")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.source.path
        self.relint(first=True)

    # --- linting ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="lint")
    def relint(self, first: bool = False) -> None:
        self.call_from_thread(self._busy, "loading the segmentation model…" if first else "linting…")
        text = self.query_one(DraftView).text
        try:
            result = lint_text(self.source, text, self.rules)
        except InputError as exc:  # e.g. the segmentation model is missing: say so, keep the editor
            self.call_from_thread(self._lint_failed, str(exc))
            return
        self.call_from_thread(self._show_result, result)

    def _lint_failed(self, message: str) -> None:
        self.linting = ""
        self.notify(message, severity="error", timeout=30)
        self._refresh_status()

    def _busy(self, what: str) -> None:
        self.linting = what
        self._refresh_status()

    def _show_result(self, result: LintResult) -> None:
        self.linting = ""
        self.result = result
        keep = self.query_one(FindingsList).current()
        shown = self.visible_findings()
        self.query_one(DraftView).show_findings(shown, result.text)
        self.query_one(FindingsList).set_findings(shown, result.text, keep)
        if not shown:
            self.query_one(FindingDetail).show(None, None, result.text)
        self._refresh_status()

    def visible_findings(self) -> tuple[Finding, ...]:
        findings = self.result.findings
        return tuple(f for f in findings if f.severity == "error") if self.errors_only else findings

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._refresh_status()
        if self._relint_timer is not None:
            self._relint_timer.stop()
        # Wait for a pause in typing: linting on every key would only be thrown away.
        self._relint_timer = self.set_timer(RELINT_DELAY, self.relint)

    def _refresh_status(self) -> None:
        modified = self.query_one(DraftView).text != self.saved_text
        self.query_one(StatusBar).show(
            self.source.path, self.source.format, self.visible_findings(), modified, self.linting, self.errors_only
        )

    # --- navigation ----------------------------------------------------------------

    def on_findings_list_chosen(self, event: FindingsList.Chosen) -> None:
        finding = event.finding
        draft = self.query_one(DraftView)
        if self.result.text == draft.text:
            draft.select_span(finding.start, finding.end)
        self.query_one(FindingDetail).show(finding, self.rules_by_id.get(finding.rule), self.result.text)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        draft = self.query_one(DraftView)
        if draft.text != self.result.text or not event.selection.is_empty:
            return
        cursor = offset_of(draft.text, *event.selection.end)
        findings = self.query_one(FindingsList)
        current = findings.current()
        if current and current.start <= cursor <= current.end:
            return
        hit = next((f for f in findings.findings if f.start <= cursor < f.end), None)
        if hit is not None:
            findings.show(hit)

    def action_next_finding(self) -> None:
        self.query_one(FindingsList).step(1)

    def action_previous_finding(self) -> None:
        self.query_one(FindingsList).step(-1)

    def action_errors_only(self) -> None:
        self.errors_only = not self.errors_only
        self._show_result(self.result)

    def action_relint(self) -> None:
        self.relint()

    # --- fixes and saving -------------------------------------------------------------

    def action_fix(self) -> None:
        finding = self.query_one(FindingsList).current()
        draft = self.query_one(DraftView)
        if finding is None or finding.fix is None:
            self.notify("This finding has no fix.", severity="warning")
            return
        if draft.text != self.result.text:
            self.notify("The text changed since the last lint; wait for it to finish.", severity="warning")
            return
        if not finding.fix.safe and self._pending_unsafe != finding:
            self._pending_unsafe = finding
            self.notify("This fix is unsafe (it may change meaning). Press F2 again to apply it.", severity="warning")
            return
        self._pending_unsafe = None
        self._replace_text(apply_fixes(draft.text, [finding], unsafe=True)[0])

    def action_fix_all(self) -> None:
        draft = self.query_one(DraftView)
        if draft.text != self.result.text:
            self.notify("The text changed since the last lint; wait for it to finish.", severity="warning")
            return
        text, count = apply_fixes(draft.text, list(self.result.findings))
        if count:
            self._replace_text(text)
        self.notify(f"{count} safe fix{'es' if count != 1 else ''} applied.")

    def _replace_text(self, text: str) -> None:
        draft = self.query_one(DraftView)
        cursor = draft.selection.end
        # One edit replacing the whole text keeps undo working as a single step.
        draft.replace(text, (0, 0), draft.document.end)
        row = min(cursor[0], text.count("\n"))
        draft.move_cursor((row, 0))
        self.relint()

    async def action_quit(self) -> None:
        if self.query_one(DraftView).text != self.saved_text and not self._quit_asked:
            self._quit_asked = True
            self.notify("Unsaved changes. Ctrl+S saves; Ctrl+Q again quits without saving.", severity="warning")
            return
        self.exit()

    def action_save(self) -> None:
        if self.source.format == "docx":
            self.notify("resolint cannot write into a .docx; edit the Word file itself.", severity="error")
            return
        text = self.query_one(DraftView).text
        try:
            write_atomic(Path(self.source.path), text, self.source.encoding)
        except (OSError, UnicodeEncodeError) as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.saved_text = text
        self.source = dataclasses.replace(self.source, text=text)
        self.notify(f"Saved {self.source.path}.")
        self._refresh_status()
