"""Asks for a file name to save the draft under ("save elsewhere")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PathDialog(ModalScreen[str | None]):
    """Dismissed with the path typed (Enter) or None (Escape)."""

    CSS_PATH = "path_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, suggestion: str) -> None:
        super().__init__()
        self.prompt, self.suggestion = prompt, suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="path-box"):
            yield Static(self.prompt, id="path-prompt", markup=False)
            yield Input(self.suggestion, id="path-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
