"""Asked when Ctrl+S, or coming back to the app, finds the file changed or deleted on disk since it was read:
whose text wins."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

RELOAD, OVERWRITE, ELSEWHERE, CANCEL = "reload", "overwrite", "elsewhere", "cancel"


class SaveConflictDialog(ModalScreen[str]):
    """Dismissed with RELOAD (r), OVERWRITE (o), ELSEWHERE (s) or CANCEL (Escape, or k: keep mine).

    A deleted file offers neither reload (nothing to read) nor overwrite (a file
    someone deleted is not recreated behind their back): only saving elsewhere.
    """

    CSS_PATH = "save_conflict_dialog.tcss"
    BINDINGS = [
        Binding("r", f"answer('{RELOAD}')", "Reload"),
        Binding("o", f"answer('{OVERWRITE}')", "Overwrite"),
        Binding("s", f"answer('{ELSEWHERE}')", "Save elsewhere"),
        Binding("escape,c,k", f"answer('{CANCEL}')", "Cancel"),
    ]

    def __init__(self, path: str, deleted: bool, saving: bool = True) -> None:
        """`saving`: asked by Ctrl+S; otherwise found on coming back to the app, where nothing is overwritten."""
        super().__init__()
        self.path, self.deleted, self.saving = path, deleted, saving

    def choices(self) -> tuple[str, ...]:
        if self.deleted:
            return (ELSEWHERE, CANCEL)
        return (RELOAD, OVERWRITE, ELSEWHERE, CANCEL) if self.saving else (RELOAD, ELSEWHERE, CANCEL)

    def compose(self) -> ComposeResult:
        if not self.saving:
            gone = "was deleted" if self.deleted else "changed on disk (someone else's edit?)"
            question = (
                f"{self.path} {gone} since it was opened; you have unsaved edits.\n\n"
                + ("" if self.deleted else "Reload discards your edits and shows the file as it is now; ")
                + "Keep mine goes on with your text (Ctrl+S will ask before replacing the file)."
            )
        elif self.deleted:
            question = f"{self.path} was deleted since it was opened. Nothing was saved."
        else:
            question = (
                f"{self.path} changed on disk since it was opened (someone else's edit?). Nothing was saved.\n\n"
                "Reload discards your edits and shows the file as it is now; Overwrite replaces the other edit with yours."
            )
        labels = {RELOAD: "Reload (r)", OVERWRITE: "Overwrite (o)", ELSEWHERE: "Save elsewhere (s)", CANCEL: "Cancel (Esc)" if self.saving else "Keep mine (k)"}
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
