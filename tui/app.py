"""The resolint terminal UI: the draft with its findings marked inline, the findings list, explanations and fixes."""

from __future__ import annotations

import os
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

from linter.config import Config
from linter.engine.rule import Rule
from linter.errors import InputError
from linter.findings import Finding, apply_fixes
from linter.lint import LintResult, incremental_linter, lint_text, warm_up, warnings, writable
from linter.read.sources import Source
from tui import draft_file
from tui.commands import COMMANDS, command, key_bindings, key_label, keys_for
from tui.file_actions import DISK_CHECK_INTERVAL, FileActions
from tui.finding_filter import FindingFilter
from tui.long_lines import break_long_lines, longest_line
from tui.widgets.confirm_dialog import ConfirmDialog
from tui.widgets.draft_view import DraftView
from tui.widgets.finding_detail import FindingDetail, edit_preview
from tui.widgets.findings_list import FindingsList
from tui.widgets.findings_panel import FindingsPanel
from tui.widgets.help_screen import HelpScreen
from tui.widgets.status_bar import StatusBar

RELINT_DELAY = 0.5  # seconds of quiet after typing before the draft is linted again
_ACTIONS = {c.action for c in COMMANDS}
_ANYWHERE = {"help", "open", "quit"}  # the commands that also work over the folder view
READ_ONLY_BANNER = (
    "Read-only: resolint does not write .docx files yet, so this draft cannot be edited or fixed here. "
    "Make the changes in Word; each finding names its Word paragraph (empty ones counted) and footnote."
)


def start(path: str, rules: list[Rule], config: Config, report) -> int:
    """`resolint tui PATH`: a draft (a new or empty file too) or a folder; `report` says why PATH cannot be opened."""
    if os.path.isdir(path):
        app = ResolintApp(None, rules, folder=path, config=config)
    else:
        try:
            source = draft_file.open_draft(path)
        except InputError as exc:
            report(exc)
            return 2
        app = ResolintApp(source, rules, config=config)
    app.run()
    return app.return_code or 0  # 1: the terminal went away


class ResolintApp(FileActions, App):
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
        Binding("escape", "focus_findings", "Findings", key_display=key_label("escape"),
                tooltip="Leave the editor for the findings list"),
    ]

    def __init__(self, source: Source | None, rules: list[Rule], folder: str | None = None,
                 config: Config | None = None):
        """Open `source`, or with None the `folder`'s file list (a draft is opened from there)."""
        super().__init__()
        self.source = source
        self.folder = folder
        self.config = config or Config()
        self.rules = rules
        self.rules_by_id = {r.id: r for r in rules}
        self.result: LintResult | None = None  # the last lint shown
        self.filter = FindingFilter()
        self.busy = ""  # what the linter is doing, for the status line
        self._reveal_next = True  # put the cursor on the current finding when the next lint arrives
        self._relint_timer = None
        self._last_linted_text: str | None = None  # the text of the lint last started
        self._incremental = incremental_linter(rules)  # keeps what unchanged paragraphs found between lints
        self.started_on_terminal = False  # set on mount: whether the app's input is a terminal

    def compose(self) -> ComposeResult:
        yield Static(READ_ONLY_BANNER, id="read-only-banner", markup=False)
        with Horizontal(id="main"):
            yield DraftView(break_long_lines(self.source.text) if self.source else "", id="draft", soft_wrap=True,
                            show_line_numbers=True)
            with FindingsPanel():
                yield FindingsList(id="findings")
                yield FindingDetail(id="detail")
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_interval(DISK_CHECK_INTERVAL, self.check_disk)
        self.watch_terminal()
        if self.source is not None:
            self.open_source(self.source)
        else:
            self.query_one(DraftView).disabled = True
            self.show_folder(self.folder)

    def has_draft(self) -> bool:
        return self.source is not None

    def open_source(self, source: Source) -> None:
        """Show `source` in the editor and lint it (the first lint may load the segmentation model)."""
        self.source, self.result, self._reveal_next = source, None, True
        self._incremental = incremental_linter(self.rules)
        draft = self.query_one(DraftView)
        draft.disabled = False
        draft.read_only = not writable(source)
        # Said before any work is done: edits that could never be saved would be lost at Ctrl+S.
        self.query_one("#read-only-banner").display = not writable(source)
        draft.border_title = source.path
        shown = break_long_lines(source.text)
        if draft.draft_text != shown:
            draft.open_text(shown)
        if shown != source.text:
            self.notify(f"A line of {longest_line(source.text):,} characters (a paste that lost its line breaks?) is "
                        "shown broken after each 。；：. The file on disk is unchanged until you save.",
                        title="Long line broken", timeout=20)
        self.query_one(FindingsList).loading = True
        self.query_one(FindingDetail).show(None, None, "", "Linting… the first lint loads the segmentation model.")
        # The text is shown first: a lint started now would share the interpreter with the first paint.
        self.call_after_refresh(self.relint)

    def draft_text(self) -> str:
        return self.query_one(DraftView).draft_text

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
        self.refresh_status()
        self._last_linted_text = self.draft_text()
        self._lint_in_thread(self.source, self._last_linted_text)

    @work(thread=True, exclusive=True, group="lint")
    def _lint_in_thread(self, source: Source, text: str) -> None:
        worker = get_current_worker()
        try:
            result = lint_text(source, text, self.rules, incremental=self._incremental)
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
        self.refresh_status()

    def _show_result(self, result: LintResult) -> None:
        if result.text != self.draft_text() or result.path != self.source.path:
            return  # typed over (or another draft opened) while it ran; the newer lint is on its way
        first = self.result is None
        self.busy = ""
        self.result = result
        self._show_findings(reveal=self._reveal_next)
        self._reveal_next = False
        if first and not self.is_modified() and self.screen is self.screen_stack[0]:
            # The list could not take focus while loading; n and p work there. A new draft is for typing.
            (self.query_one(FindingsList) if result.text else self.query_one(DraftView)).focus()
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
        self.refresh_status()

    def visible_findings(self) -> tuple[Finding, ...]:
        return self.filter.apply(self.result.findings if self.result else ())

    def is_up_to_date(self) -> bool:
        """True when the findings shown are those of the draft as it is now."""
        return self.result is not None and not self.busy and self.result.text == self.draft_text()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.refresh_status()
        if event.text_area.draft_text == self._last_linted_text:
            return  # a fix, linted as soon as it was applied
        if self._relint_timer is not None:
            self._relint_timer.stop()
        # Wait for a pause in typing: a lint per key would only be thrown away.
        self._relint_timer = self.set_timer(RELINT_DELAY, self.relint)

    def refresh_status(self) -> None:
        if self.source is None:
            return
        self.query_one(StatusBar).show(
            self.source.path,
            self.source.format,
            self.result.findings if self.result else (),
            modified=self.is_modified(),
            busy=self.busy,
            filter=self.filter.describe(),
            short_filter=self.filter.describe(short=True),
        )

    def is_modified(self) -> bool:
        return self.source is not None and self.draft_text() != self.source.text

    # --- moving between findings ---------------------------------------------------

    def on_findings_list_highlighted(self, event: FindingsList.Highlighted) -> None:
        self.query_one(DraftView).reveal(event.finding)
        self._explain(event.finding)

    def on_draft_view_finding_entered(self, event: DraftView.FindingEntered) -> None:
        self.query_one(FindingsList).highlight(event.finding)

    def on_findings_list_opened(self, event: FindingsList.Opened) -> None:
        draft = self.query_one(DraftView)
        draft.focus()
        if draft.current is not None:
            draft.reveal(draft.current)

    def on_descendant_focus(self) -> None:
        # The explanation names the keys that work where the focus now is. Focus also moves while the app shuts
        # down and its screens are taken apart: then there is no findings list to explain.
        lists = self.query(FindingsList) if self.screen_stack else ()
        if self.result is not None and lists:
            self._explain(lists.first().current())

    def _explain(self, finding: Finding | None) -> None:
        rule = self.rules_by_id.get(finding.rule) if finding else None
        self.query_one(FindingDetail).show(finding, rule, self.result.text if self.result else "",
                                           editable=writable(self.source),
                                           fix_key=keys_for("fix", self.focused is self.query_one(DraftView)))

    def action_next_finding(self) -> None:
        self.query_one(FindingsList).step(1)

    def action_previous_finding(self) -> None:
        self.query_one(FindingsList).step(-1)

    def action_cycle_severity(self) -> None:
        self._refilter(self.filter.next_severity())

    def action_cycle_category(self) -> None:
        self._refilter(self.filter.next_category(self.result.findings if self.result else ()))

    def _refilter(self, new: FindingFilter) -> None:
        self.filter = new
        if self.result is not None:
            self._show_findings()
        self.refresh_status()

    def action_relint(self) -> None:
        self.relint()

    def action_focus_findings(self) -> None:
        self.query_one(FindingsList).focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # --- edits, fixes, undo ----------------------------------------------------------

    def action_fix(self) -> None:
        if not self._editable():
            return
        finding = self.query_one(FindingsList).current()
        if finding is None or finding.fix is None:
            self.notify("The current finding has no automatic fix.", severity="warning")
            return
        if not self._fixes_apply():
            return
        if finding.fix.safe:
            self._apply_fix(finding)
            return
        fix = command("fix")
        question = Text(f"This fix is unsafe: it may change what the paragraph says. {key_label(fix.key)} again "
                        "applies it.\n\n")
        for edit in finding.fix.edits:
            before, after = edit_preview(self.result.text, edit)
            question.append_text(Text.assemble("  ", before, "\n→", after, "\n"))
        yes_keys = {fix.key: key_label(fix.key), fix.letter: key_label(fix.letter)}
        self.push_screen(ConfirmDialog(question, yes="Apply", yes_keys=yes_keys),
                         lambda yes: yes and self._apply_fix(finding))

    def _apply_fix(self, finding: Finding) -> None:
        if self._fixes_apply():
            self.replace_text(apply_fixes(self.result.text, [finding], unsafe=True)[0])

    def action_fix_all(self) -> None:
        if not self._editable() or not self._fixes_apply():
            return
        # Only the findings listed: with a filter on, the drafter has not seen the others' fixes.
        text, count = apply_fixes(self.result.text, list(self.visible_findings()))
        if count:
            self.replace_text(text)
        self.notify(f"{count} safe fix{'es' if count != 1 else ''} applied.")

    def action_undo(self) -> None:
        if self._editable():
            self.query_one(DraftView).undo()

    def action_redo(self) -> None:
        if self._editable():
            self.query_one(DraftView).redo()

    def _editable(self) -> bool:
        if self.source is not None and writable(self.source):
            return True
        self.notify("This .docx is read-only here; make the change in Word.", severity="warning")
        return False

    def _fixes_apply(self) -> bool:
        """Fixes are offsets into the linted text: they can only be applied to that text."""
        if self.is_up_to_date():
            return True
        self.notify("The draft changed since the last lint; try again when it has been linted.", severity="warning")
        return False

    def replace_text(self, text: str) -> None:
        self.query_one(DraftView).replace_text(text)
        self._reveal_next = True  # then the cursor goes on to the finding after the fixed one
        self.relint()

    # --- keys and the command palette ------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, ModalScreen) and (action in _ACTIONS or action == "focus_findings"):
            return False  # behind a question, the draft's commands wait for the answer
        if self.screen is not self.screen_stack[0] and action in _ACTIONS:
            return action in _ANYWHERE  # over the folder view, only what makes sense there
        if action == "focus_findings":
            return self.focused is self.query_one(DraftView)  # offered only while typing
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for system in super().get_system_commands(screen):
            if system.title not in ("Quit", "Keys"):  # ours asks about unsaved changes; F1 lists our keys
                yield system
        for c in COMMANDS:
            keys = " or ".join(key_label(k) for k in (c.key, c.letter) if k)
            yield SystemCommand(c.title, f"{c.help} ({keys})", partial(self.run_action, c.action))
