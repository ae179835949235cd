"""Asked when the drafter quits (or opens another draft) with unsaved changes: save and go on, go on without
saving, or keep editing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

SAVE_AND_QUIT, QUIT, KEEP_EDITING = "save", "quit", "keep"


class QuitDialog(ModalScreen[str]):
    """Dismissed with SAVE_AND_QUIT (s), QUIT (y or d, for discard) or KEEP_EDITING (n or Esc)."""

    CSS_PATH = "quit_dialog.tcss"
    BINDINGS = [
        Binding("s", f"answer('{SAVE_AND_QUIT}')", "Save first"),
        Binding("y,d", f"answer('{QUIT}')", "Do not save"),
        Binding("n,escape", f"answer('{KEEP_EDITING}')", "Keep editing"),
    ]

    def __init__(self, then: str = "quit", can_save: bool = True) -> None:
        """`then`: what happens after ("quit", "open")."""
        super().__init__()
        self.then, self.can_save = then, can_save

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Static("The draft has unsaved changes.", id="quit-question")
            with Horizontal(id="quit-buttons"):
                if self.can_save:
                    yield Button(f"Save and {self.then} (s)", variant="primary", id=f"quit-{SAVE_AND_QUIT}")
                yield Button(f"{self.then.capitalize()} without saving (d)", variant="warning", id=f"quit-{QUIT}")
                yield Button("Keep editing (Esc)", id=f"quit-{KEEP_EDITING}")

    def on_mount(self) -> None:
        self.query_one(f"#quit-{KEEP_EDITING}", Button).focus()  # Enter on a reflex loses nothing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id.removeprefix("quit-"))

    def action_answer(self, choice: str) -> None:
        if choice != SAVE_AND_QUIT or self.can_save:
            self.dismiss(choice)
