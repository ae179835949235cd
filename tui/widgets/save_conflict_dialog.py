"""Asked when Ctrl+S finds the file changed or deleted on disk since it was read: whose text wins."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

RELOAD, OVERWRITE, ELSEWHERE, CANCEL = "reload", "overwrite", "elsewhere", "cancel"


class SaveConflictDialog(ModalScreen[str]):
    """Dismissed with RELOAD (r), OVERWRITE (o), ELSEWHERE (s) or CANCEL (Escape).

    A deleted file offers neither reload (nothing to read) nor overwrite (a file
    someone deleted is not recreated behind their back): only saving elsewhere.
    """

    CSS_PATH = "save_conflict_dialog.tcss"
    BINDINGS = [
        Binding("r", f"answer('{RELOAD}')", "Reload"),
        Binding("o", f"answer('{OVERWRITE}')", "Overwrite"),
        Binding("s", f"answer('{ELSEWHERE}')", "Save elsewhere"),
        Binding("escape,c", f"answer('{CANCEL}')", "Cancel"),
    ]

    def __init__(self, path: str, deleted: bool) -> None:
        super().__init__()
        self.path, self.deleted = path, deleted

    def choices(self) -> tuple[str, ...]:
        return (ELSEWHERE, CANCEL) if self.deleted else (RELOAD, OVERWRITE, ELSEWHERE, CANCEL)

    def compose(self) -> ComposeResult:
        if self.deleted:
            question = f"{self.path} was deleted since it was opened. Nothing was saved."
        else:
            question = (
                f"{self.path} changed on disk since it was opened (someone else's edit?). Nothing was saved.\n\n"
                "Reload discards your edits and shows the file as it is now; Overwrite replaces the other edit with yours."
            )
        labels = {RELOAD: "Reload (r)", OVERWRITE: "Overwrite (o)", ELSEWHERE: "Save elsewhere (s)", CANCEL: "Cancel (Esc)"}
        with Vertical(id="conflict-box"):
            yield Static(question, id="conflict-question", markup=False)
            with Horizontal(id="conflict-buttons"):
                for choice in self.choices():
                    yield Button(labels[choice], id=f"conflict-{choice}", variant="warning" if choice == OVERWRITE else "default")

    def on_mount(self) -> None:
        self.query_one(f"#conflict-{CANCEL}", Button).focus()  # Enter on a reflex loses nobody's work

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id.removeprefix("conflict-"))

    def action_answer(self, choice: str) -> None:
        if choice in self.choices():
            self.dismiss(choice)
