"""The App's file commands: open (a draft, a new file, a folder), save, save elsewhere, changes made on disk, quit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from linter.commands.draft_paths import walk_drafts
from linter.config import Config
from linter.errors import InputError
from linter.read.sources import Source, read_path
from tui import draft_file
from tui.widgets.draft_view import DraftView
from tui.widgets.folder_view import FolderView
from tui.widgets.open_dialog import OpenDialog
from tui.widgets.path_dialog import PathDialog
from tui.widgets.quit_dialog import KEEP_EDITING, SAVE_AND_QUIT, QuitDialog
from tui.widgets.save_conflict_dialog import ELSEWHERE, OVERWRITE, RELOAD, SaveConflictDialog

DISK_CHECK_INTERVAL = 2.0  # seconds between looks at the file on disk (and on every return to the app)
TERMINAL_CHECK_INTERVAL = 1.0  # seconds between looks at whether the terminal is still there


def stdin_is_terminal() -> bool:
    try:
        return os.isatty(0)
    except OSError:
        return False


class FileActions:
    """Mixed into ResolintApp, which provides source, config, rules, open_source(), is_modified(), draft_text()."""

    source: Source | None
    config: Config

    # --- opening ------------------------------------------------------------------

    def action_open(self) -> None:
        folder = os.path.dirname(os.path.abspath(self.source.path)) if self.has_draft() else os.getcwd()
        self.push_screen(OpenDialog(folder), self.open_path)

    def open_path(self, path: str | None) -> None:
        """Open a draft (new or empty files too) or a folder, after asking about unsaved changes."""
        if not path:
            return
        if os.path.isdir(path):
            self.show_folder(path)
            return
        self._unless_unsaved("open", lambda: self._open_file(path))

    def _open_file(self, path: str) -> None:
        try:
            source = draft_file.open_draft(path)
        except InputError as exc:
            self.notify(exc.reason, title=f"Not opened: {path}", severity="error", timeout=10)
            return
        self.open_source(source)
        if draft_file.is_new(source):
            self.notify(f"New draft: {path} is created when you save (Ctrl+S).")

    def show_folder(self, folder: str) -> None:
        paths = walk_drafts(Path(folder), self.config)
        if not paths:
            self.notify(f"No drafts in {folder}.", severity="warning")
            return
        self.push_screen(FolderView(folder, paths, self.rules), self._folder_chosen)

    def _folder_chosen(self, path: str) -> None:
        if path:
            self.open_path(path)

    # --- saving ------------------------------------------------------------------

    def action_save(self) -> None:
        if self._editable():
            self._save(overwrite=False)

    def _save(self, overwrite: bool, then: Callable[[], None] | None = None) -> None:
        try:
            self.source = draft_file.save(self.source, self.draft_text(), overwrite=overwrite)
        except draft_file.ChangedOnDisk as exc:
            # Someone else's edit (or deletion) is on disk: the drafter decides, nothing is lost meanwhile.
            self.push_screen(SaveConflictDialog(self.source.path, exc.deleted),
                             lambda choice: self._resolve_conflict(choice, then))
            return
        except InputError as exc:
            self.notify(exc.reason, title="Not saved", severity="error", timeout=10)
            return
        self._saved()
        if then is not None:
            then()

    def _saved(self) -> None:
        self.query_one(DraftView).border_title = self.source.path
        self.notify(f"Saved {self.source.path}.")
        self.refresh_status()

    def _resolve_conflict(self, choice: str, then: Callable[[], None] | None = None) -> None:
        if choice == OVERWRITE:
            self._save(overwrite=True, then=then)
        elif choice == RELOAD:
            self._reload()
        elif choice == ELSEWHERE:
            self.push_screen(PathDialog("Save the draft as:", self.source.path), lambda path: self._save_copy(path, then))

    def _reload(self) -> None:
        try:
            source = read_path(self.source.path)
        except InputError as exc:
            self.notify(exc.reason, title="Not reloaded", severity="error", timeout=10)
            return
        self.source = source
        self.replace_text(source.text)
        self.refresh_status()
        self.notify(f"Reloaded {source.path} as it is on disk.")

    def _save_copy(self, path: str | None, then: Callable[[], None] | None = None) -> None:
        if not path:
            return
        try:
            self.source = draft_file.save_copy(self.source, self.draft_text(), path)
        except InputError as exc:
            self.notify(f"{exc.path}: {exc.reason}", title="Not saved", severity="error", timeout=10)
            return
        self._saved()
        if then is not None:
            then()

    # --- changes made on disk while the draft is open ------------------------------------

    def on_app_focus(self) -> None:
        self.check_disk()

    def watch_terminal(self) -> None:
        """From now on, look each second at whether the terminal is still there (check_terminal)."""
        self.started_on_terminal = stdin_is_terminal()
        self.set_interval(TERMINAL_CHECK_INTERVAL, self.check_terminal)

    def check_terminal(self) -> None:
        """Leave when the terminal has gone, keeping unsaved edits in a file beside the draft.

        A window closed under `make demo` sends no hang-up signal to the app; its input is then at end of file
        for good, and Textual's input thread spins on it at full speed for as long as the process lives."""
        if not self.started_on_terminal or stdin_is_terminal():
            return
        if self.has_draft() and self.is_modified() and self.source.format != "docx":
            try:
                draft_file.save_copy(self.source, self.draft_text(), draft_file.recovery_path(self.source.path))
            except InputError:
                pass  # nowhere to say so: the terminal is gone
        self.exit(return_code=1)

    def check_disk(self) -> None:
        """If the file changed on disk: reload an unmodified draft; ask about a modified one (once per change)."""
        if not self.has_draft() or self.source.format == "docx" or not draft_file.changed_on_disk(self.source):
            return
        seen = _disk_state(self.source.path)
        if seen == getattr(self, "_disk_asked", None) or self.screen is not self.screen_stack[0]:
            return  # already asked about this state of the file, or another question is open
        self._disk_asked = seen
        deleted = seen is None
        if not self.is_modified():
            if deleted:
                self.notify(f"{self.source.path} was deleted on disk; Ctrl+S will not recreate it.", severity="warning",
                            timeout=10)
            else:
                self._reload()
            return
        self.push_screen(SaveConflictDialog(self.source.path, deleted, saving=False), self._resolve_conflict)

    # --- quitting ------------------------------------------------------------------

    async def action_quit(self) -> None:
        self._unless_unsaved("quit", self.exit)

    def _unless_unsaved(self, then_what: str, then: Callable[[], None]) -> None:
        """Do `then` now, or after asking: save first, go on without saving, or keep editing."""
        if not self.has_draft() or not self.is_modified():
            then()
            return

        def answered(choice: str) -> None:
            if choice == SAVE_AND_QUIT:
                self._save(overwrite=False, then=then)
            elif choice != KEEP_EDITING:
                then()

        self.push_screen(QuitDialog(then_what, can_save=self.source.format != "docx"), answered)


def _disk_state(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns
