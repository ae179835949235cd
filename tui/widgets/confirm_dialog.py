"""A yes/no question over the screen, for the two actions that cannot be taken back lightly."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Dismissed with True (y, `yes_keys`, or the first button) or False (n, Escape, or the second button)."""

    CSS_PATH = "confirm_dialog.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str | Text, yes: str, no: str = "Cancel", yes_keys: dict[str, str] | None = None) -> None:
        """`yes_keys`: more keys that answer yes, as {key: label} (the key that asked, pressed again)."""
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        self.yes_keys = yes_keys or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} ({' or '.join(['y', *self.yes_keys.values()])})", variant="warning", id="confirm-yes")
                yield Button(f"{self.no} (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()  # Enter on a reflex does the harmless thing

    def on_key(self, event) -> None:
        if event.key in self.yes_keys:
            event.stop()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
