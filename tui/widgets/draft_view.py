"""The draft in an editable text area, with every finding's span marked in place."""

from __future__ import annotations

from collections import defaultdict

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

from linter.findings import Finding

_STYLES = {
    "resolint.error": Style(color="bright_white", bgcolor="dark_red", underline=True),
    "resolint.warning": Style(color="black", bgcolor="yellow", underline=True),
    "resolint.info": Style(color="black", bgcolor="cyan"),
}


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    row = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return row, offset - line_start


def offset_of(text: str, row: int, column: int) -> int:
    pos = 0
    for _ in range(row):
        nxt = text.find("\n", pos)
        if nxt == -1:
            return len(text)
        pos = nxt + 1
    return pos + column


class DraftView(TextArea):
    """A TextArea whose highlights are the findings, not a syntax tree."""

    def on_mount(self) -> None:
        base = TextAreaTheme.get_builtin_theme("monokai")
        theme = TextAreaTheme(
            name="resolint",
            base_style=base.base_style if base else None,
            gutter_style=base.gutter_style if base else None,
            cursor_style=base.cursor_style if base else None,
            cursor_line_style=base.cursor_line_style if base else None,
            selection_style=base.selection_style if base else None,
            syntax_styles=dict(_STYLES),
        )
        self.register_theme(theme)
        self.theme = "resolint"
        self._marks: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)

    def show_findings(self, findings: tuple[Finding, ...], text: str) -> None:
        """Mark findings computed on `text`; marks are dropped if the text has changed since."""
        self._marks = defaultdict(list)
        if text == self.text:
            lines = text.split("\n")
            for f in findings:
                (r0, c0), (r1, c1) = location(text, f.start), location(text, f.end)
                for row in range(r0, r1 + 1):
                    start = c0 if row == r0 else 0
                    end = c1 if row == r1 else len(lines[row])
                    if row == r0 == r1:
                        end = max(end, start + 1)
                    self._mark(lines[row], row, start, end, f.severity)
        self._build_highlight_map()
        self.refresh()

    def _mark(self, line: str, row: int, start: int, end: int, severity: str) -> None:
        # TextArea keeps highlights in UTF-8 byte columns.
        b0 = len(line[:start].encode("utf-8"))
        b1 = len(line[:end].encode("utf-8"))
        self._marks[row].append((b0, b1, f"resolint.{severity}"))

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        self._highlights.clear()
        for row, marks in getattr(self, "_marks", {}).items():
            self._highlights[row].extend(marks)

    def select_span(self, start: int, end: int) -> None:
        """Select original offsets [start, end) and scroll them into view."""
        text = self.text
        self.selection = Selection(location(text, start), location(text, end))
        self.scroll_cursor_visible(center=True)
