"""A folder's drafts with their finding counts, worst first; Enter opens one."""

from __future__ import annotations

import os

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from linter.engine.rule import Rule
from linter.errors import InputError
from linter.lint import lint_text
from tui.draft_file import open_draft

_SEVERITIES = ("error", "warning", "info")


def worst_first(counts: tuple[int, int, int] | None) -> tuple:
    """Sort key: most errors, then warnings, then info; drafts not checked (yet) last."""
    return (1, 0, 0, 0) if counts is None else (0, -counts[0], -counts[1], -counts[2])


class FolderView(Screen[str]):
    """Dismissed with the path of the draft to open (Enter); Esc goes back to the open draft, if any."""

    CSS_PATH = "folder_view.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back to the draft"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, folder: str, paths: list[str], rules: list[Rule]) -> None:
        super().__init__()
        self.folder, self.paths, self.rules = folder, paths, rules
        self.counts: dict[str, tuple[int, int, int] | None] = {p: None for p in paths}
        self.problems: dict[str, str] = {}
        self._moved = False  # once the drafter moves in the list, re-sorting keeps the cursor on their draft

    def compose(self) -> ComposeResult:
        yield Static(f"{self.folder}: {len(self.paths)} drafts, worst first. Enter opens one.", id="folder-title",
                     markup=False)
        yield DataTable(id="folder-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Errors", key="error")
        table.add_column("Warnings", key="warning")
        table.add_column("Info", key="info")
        table.add_column("Draft", key="path")
        self._fill()
        table.focus()
        self._count_all()

    def _fill(self) -> None:
        """List the drafts worst first, the cursor staying on the draft it was on."""
        table = self.query_one(DataTable)
        current = self.current()
        table.clear()
        for path in self.ordered():
            counts = self.counts[path]
            if path in self.problems:
                cells = ["–"] * 3 + [Text(f"{self._label(path)}  ({self.problems[path]})", style="dim")]
            elif counts is None:
                cells = ["…"] * 3 + [self._label(path)]
            else:
                cells = [Text(str(n), style=colour if n else "dim") for n, colour in zip(counts, ("red", "yellow", "cyan"))]
                cells.append(self._label(path))
            table.add_row(*cells, key=path)
        if current is not None and self._moved:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        else:
            table.move_cursor(row=0, animate=False)

    def on_key(self) -> None:
        self._moved = True

    def _label(self, path: str) -> str:
        return os.path.relpath(path, self.folder)

    @work(thread=True, exclusive=True, group="folder")
    def _count_all(self) -> None:
        worker = get_current_worker()
        for path in self.paths:
            if worker.is_cancelled:
                return
            try:
                source = open_draft(path)
                findings = lint_text(source, source.text, self.rules).findings
            except InputError as exc:
                self.app.call_from_thread(self._failed, path, exc.reason)
                continue
            except Exception as exc:  # a linter bug in one draft must not hide the others
                self.app.call_from_thread(self._failed, path, f"internal error ({type(exc).__name__})")
                continue
            counts = tuple(sum(1 for f in findings if f.severity == s) for s in _SEVERITIES)
            self.app.call_from_thread(self._counted, path, counts)

    def _counted(self, path: str, counts: tuple[int, int, int]) -> None:
        self.counts[path] = counts
        self._fill()

    def _failed(self, path: str, reason: str) -> None:
        self.problems[path] = reason
        self._fill()

    def ordered(self) -> list[str]:
        """The drafts as listed: worst first."""
        return sorted(self.paths, key=lambda p: (worst_first(self.counts[p]), p))

    def current(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_back(self) -> None:
        if self.app.has_draft():
            self.dismiss("")
