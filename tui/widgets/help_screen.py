"""Every key and what it does, from the command table (F1 or ?)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import key_table


def key_help() -> Table:
    table = Table(box=None, expand=True, padding=(0, 1), show_edge=False)
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Letter", style="bold", no_wrap=True)
    table.add_column("Command", no_wrap=True)
    table.add_column("What it does", ratio=1)
    for row in key_table():
        table.add_row(*row)
    return table


class HelpScreen(ModalScreen[None]):
    """Dismissed with Esc, q, F1 or ?."""

    CSS_PATH = "help_screen.tcss"
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(
                "Keys. In the editor letters are text: use the first column there. Beside the draft (findings list, "
                "explanation) the letter works too. Esc closes this.\n",
                id="help-intro",
            )
            yield Static(key_help(), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Help"

    def action_close(self) -> None:
        self.dismiss(None)
