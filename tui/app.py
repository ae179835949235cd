"""The resolint terminal UI: the draft with its findings marked inline, the findings list, explanations and fixes."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static, TextArea
from textual.worker import get_current_worker

from linter.engine.rule import Rule
from linter.errors import InputError
from linter.findings import Finding, apply_fixes
from linter.lint import LintResult, lint_text, warm_up, warnings, writable
from linter.read.sources import Source, read_path
from tui import draft_file
from tui.commands import COMMANDS, key_bindings
from tui.widgets.confirm_dialog import ConfirmDialog
from tui.widgets.draft_view import DraftView
from tui.widgets.finding_detail import FindingDetail, edit_preview
from tui.widgets.findings_list import FindingsList
from tui.widgets.findings_panel import FindingsPanel
from tui.widgets.path_dialog import PathDialog
from tui.widgets.save_conflict_dialog import ELSEWHERE, OVERWRITE, RELOAD, SaveConflictDialog
from tui.widgets.status_bar import StatusBar

RELINT_DELAY = 0.5  # seconds of quiet after typing before the draft is linted again
_ACTIONS = {c.action for c in COMMANDS}
READ_ONLY_BANNER = (
    "Read-only: resolint does not write .docx files yet, so this draft cannot be edited or fixed here. "
    "Make the changes in Word; each finding names its Word paragraph (empty ones counted) and footnote."
)


class ResolintApp(App):
    CSS_PATH = [
        "app.tcss",
        "widgets/draft_view.tcss",
        "widgets/findings_panel.tcss",
        "widgets/findings_list.tcss",
        "widgets/finding_detail.tcss",
        "widgets/status_bar.tcss",
    ]
    TITLE = "resolint"
    BINDINGS = [
        *key_bindings(),
        Binding("escape", "focus_findings", "Findings", tooltip="Leave the editor for the findings list"),
    ]

    def __init__(self, source: Source, rules: list[Rule]):
        super().__init__()
        self.source = source
        self.rules = rules
        self.rules_by_id = {r.id: r for r in rules}
        self.result: LintResult | None = None  # the last lint shown
        self.errors_only = False
        self.busy = ""  # what the linter is doing, for the status line
        self._reveal_next = True  # put the cursor on the current finding when the next lint arrives
        self._relint_timer = None
        self._last_linted_text: str | None = None  # the text of the lint last started

    def compose(self) -> ComposeResult:
        if not writable(self.source):
            # Said before any work is done: edits that could never be saved would be lost at Ctrl+S.
            yield Static(READ_ONLY_BANNER, id="read-only-banner", markup=False)
        with Horizontal(id="main"):
            yield DraftView(self.source.text, id="draft", soft_wrap=True, show_line_numbers=True,
                            read_only=not writable(self.source))
            with FindingsPanel():
                yield FindingsList(id="findings")
                yield FindingDetail(id="detail")
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DraftView).border_title = self.source.path
        self.query_one(FindingsList).loading = True  # the first lint may load the segmentation model
        self.query_one(FindingDetail).show(None, None, "", "Linting… the first lint loads the segmentation model.")
        self.relint()

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """Load the segmenter and spaCy's matchers in the background once the draft is shown, so no keystroke's
        lint waits for them."""
        try:
            warm_up(self.rules)
        except Exception:  # a model that cannot be loaded is reported by the lint that needs it
            pass

    # --- linting ---------------------------------------------------------------

    def relint(self) -> None:
        """Lint the draft as it is now, in a thread; a newer lint supersedes this one."""
        if self._relint_timer is not None:
            self._relint_timer.stop()
        self.busy = "linting…"
        self._refresh_status()
        self._last_linted_text = self.query_one(DraftView).draft_text
        self._lint_in_thread(self._last_linted_text)

    @work(thread=True, exclusive=True, group="lint")
    def _lint_in_thread(self, text: str) -> None:
        worker = get_current_worker()
        try:
            result = lint_text(self.source, text, self.rules)
        except InputError as exc:  # e.g. the segmentation model is missing: say so, keep the editor
            message = str(exc)
        except Exception as exc:  # a linter bug must not cost the drafter their unsaved edits
            message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        else:
            for warning in warnings():  # e.g. the cache is unusable: linting goes on without it
                self.call_from_thread(self.notify, warning, title="Warning", severity="warning", timeout=10)
            if not worker.is_cancelled:
                self.call_from_thread(self._show_result, result)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._lint_failed, message)

    def _lint_failed(self, message: str) -> None:
        self.busy = "not linted"
        self.query_one(FindingsList).loading = False
        self.notify(message, title="Lint failed", severity="error", timeout=30)
        self._refresh_status()

    def _show_result(self, result: LintResult) -> None:
        if result.text != self.query_one(DraftView).draft_text:
            return  # typed over while it ran; the lint of the newer text is already on its way
        first = self.result is None
        self.busy = ""
        self.result = result
        self._show_findings(reveal=self._reveal_next)
        self._reveal_next = False
        if first and not self.is_modified():
            self.query_one(FindingsList).focus()  # it could not take focus while loading; n and p work there
        if first:
            self._warm_up()

    def _show_findings(self, reveal: bool = False) -> None:
        """Give the list, the draft and the explanation the findings of the last lint, filtered."""
        result = self.result
        findings_list = self.query_one(FindingsList)
        findings_list.loading = False
        shown = self.visible_findings()
        findings_list.set_findings(shown, result.text, keep=findings_list.current() or self.query_one(DraftView).current)
        current = findings_list.current()
        self.query_one(DraftView).show_findings(shown, result.text, current)
        self._explain(current)
        if reveal and current is not None:
            self.query_one(DraftView).reveal(current)
        self._refresh_status()

    def visible_findings(self) -> tuple[Finding, ...]:
        findings = self.result.findings if self.result else ()
        return tuple(f for f in findings if f.severity == "error") if self.errors_only else findings

    def is_up_to_date(self) -> bool:
        """True when the findings shown are those of the draft as it is now."""
        return self.result is not None and not self.busy and self.result.text == self.query_one(DraftView).draft_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._refresh_status()
        if event.text_area.draft_text == self._last_linted_text:
            return  # a fix, linted as soon as it was applied
        if self._relint_timer is not None:
            self._relint_timer.stop()
        # Wait for a pause in typing: a lint per key would only be thrown away.
        self._relint_timer = self.set_timer(RELINT_DELAY, self.relint)

    def _refresh_status(self) -> None:
        self.query_one(StatusBar).show(
            self.source.path,
            self.source.format,
            self.result.findings if self.result else (),
            modified=self.is_modified(),
            busy=self.busy,
            errors_only=self.errors_only,
        )

    def is_modified(self) -> bool:
        return self.query_one(DraftView).draft_text != self.source.text

    # --- moving between findings ---------------------------------------------------

    def on_findings_list_highlighted(self, event: FindingsList.Highlighted) -> None:
        self.query_one(DraftView).reveal(event.finding)
        self._explain(event.finding)

    def on_draft_view_finding_entered(self, event: DraftView.FindingEntered) -> None:
        self.query_one(FindingsList).highlight(event.finding)

    def on_findings_list_opened(self, event: FindingsList.Opened) -> None:
        self.query_one(DraftView).focus()

    def _explain(self, finding: Finding | None) -> None:
        rule = self.rules_by_id.get(finding.rule) if finding else None
        self.query_one(FindingDetail).show(finding, rule, self.result.text if self.result else "",
                                           editable=writable(self.source))

    def action_next_finding(self) -> None:
        self.query_one(FindingsList).step(1)

    def action_previous_finding(self) -> None:
        self.query_one(FindingsList).step(-1)

    def action_toggle_errors_only(self) -> None:
        self.errors_only = not self.errors_only
        if self.result is not None:
            self._show_findings()
        self._refresh_status()

    def action_relint(self) -> None:
        self.relint()

    def action_focus_findings(self) -> None:
        self.query_one(FindingsList).focus()

    # --- fixes, saving, quitting -----------------------------------------------------

    def action_fix(self) -> None:
        if not self._editable():
            return
        finding = self.query_one(FindingsList).current()
        if finding is None or finding.fix is None:
            self.notify("The selected finding has no automatic fix.", severity="warning")
            return
        if not self._fixes_apply():
            return
        if finding.fix.safe:
            self._apply_fix(finding)
            return
        question = Text("This fix is unsafe: it may change what the paragraph says.\n\n")
        for edit in finding.fix.edits:
            before, after = edit_preview(self.result.text, edit)
            question.append_text(Text.assemble("  ", before, "\n→", after, "\n"))
        self.push_screen(
            ConfirmDialog(question, yes="Apply"), lambda yes: yes and self._apply_fix(finding)
        )

    def _apply_fix(self, finding: Finding) -> None:
        if self._fixes_apply():
            self._replace_text(apply_fixes(self.result.text, [finding], unsafe=True)[0])

    def action_fix_all(self) -> None:
        if not self._editable() or not self._fixes_apply():
            return
        # Only the findings listed: with errors only, the drafter has not seen the others' fixes.
        text, count = apply_fixes(self.result.text, list(self.visible_findings()))
        if count:
            self._replace_text(text)
        self.notify(f"{count} safe fix{'es' if count != 1 else ''} applied.")

    def _editable(self) -> bool:
        if writable(self.source):
            return True
        self.notify("This .docx is read-only here; make the change in Word.", severity="warning")
        return False

    def _fixes_apply(self) -> bool:
        """Fixes are offsets into the linted text: they can only be applied to that text."""
        if self.is_up_to_date():
            return True
        self.notify("The draft changed since the last lint; try again when it has been linted.", severity="warning")
        return False

    def _replace_text(self, text: str) -> None:
        self.query_one(DraftView).replace_text(text)
        self._reveal_next = True  # then the cursor goes on to the finding after the fixed one
        self.relint()

    def action_save(self) -> None:
        if self._editable():
            self._save(overwrite=False)

    def _save(self, overwrite: bool) -> None:
        text = self.query_one(DraftView).draft_text
        try:
            self.source = draft_file.save(self.source, text, overwrite=overwrite)
        except draft_file.ChangedOnDisk as exc:
            # Someone else's edit (or deletion) is on disk: the drafter decides, nothing is lost meanwhile.
            self.push_screen(SaveConflictDialog(self.source.path, exc.deleted), self._resolve_conflict)
            return
        except InputError as exc:
            self.notify(exc.reason, title="Not saved", severity="error", timeout=10)
            return
        self._saved()

    def _saved(self) -> None:
        self.query_one(DraftView).border_title = self.source.path
        self.notify(f"Saved {self.source.path}.")
        self._refresh_status()

    def _resolve_conflict(self, choice: str) -> None:
        if choice == OVERWRITE:
            self._save(overwrite=True)
        elif choice == RELOAD:
            self._reload()
        elif choice == ELSEWHERE:
            self.push_screen(PathDialog("Save the draft as:", self.source.path), self._save_copy)

    def _reload(self) -> None:
        try:
            source = read_path(self.source.path)
        except InputError as exc:
            self.notify(exc.reason, title="Not reloaded", severity="error", timeout=10)
            return
        self.source = source
        self._replace_text(source.text)
        self._refresh_status()
        self.notify(f"Reloaded {source.path} as it is on disk.")

    def _save_copy(self, path: str | None) -> None:
        if not path:
            return
        try:
            self.source = draft_file.save_copy(self.source, self.query_one(DraftView).draft_text, path)
        except InputError as exc:
            self.notify(f"{exc.path}: {exc.reason}", title="Not saved", severity="error", timeout=10)
            return
        self._saved()

    async def action_quit(self) -> None:
        if not self.is_modified():
            self.exit()
            return
        self.push_screen(
            ConfirmDialog("The draft has unsaved changes. Quit without saving them?", yes="Quit", no="Keep editing"),
            lambda yes: yes and self.exit(),
        )

    # --- keys and the command palette ------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, ModalScreen) and (action in _ACTIONS or action == "focus_findings"):
            return False  # behind a question, the draft's commands wait for the answer
        if action == "focus_findings":
            return self.focused is self.query_one(DraftView)  # offered only while typing
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Quit":  # ours asks about unsaved changes
                yield command
        for command in COMMANDS:
            yield SystemCommand(command.title, command.help, partial(self.run_action, command.action))
