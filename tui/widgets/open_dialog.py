"""The file picker: a draft (or folder) chosen in a tree, or a path typed, new files included."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from linter.read.sources import DRAFT_SUFFIXES


class DraftTree(DirectoryTree):
    """Folders (not hidden ones) and the files a draft can be."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in DRAFT_SUFFIXES)]


class OpenDialog(ModalScreen[str | None]):
    """Dismissed with a path (a file picked in the tree, or what was typed and Enter) or None (Esc)."""

    CSS_PATH = "open_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Static("Open a draft: pick one below, or type a path (a new file, or a folder) and press Enter.",
                         id="open-prompt", markup=False)
            yield Input(os.path.join(self.folder, ""), id="open-input")
            yield DraftTree(self.folder, id="open-tree")

    def on_mount(self) -> None:
        self.query_one("#open-box").border_title = "Open"
        self.query_one(Input).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = os.path.expanduser(event.value.strip())
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
