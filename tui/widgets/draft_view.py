"""The draft in an editable text area, with every finding's span marked in place."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.document._document import Document
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Location, Selection

from linter.findings import Finding
from linter.read.offsets import LineIndex
from tui.widgets.draft_wrap import DraftDocument, DraftWrap

# Textual's Document splits lines with str.splitlines, which also breaks at form feeds (pdftotext's
# page breaks), \v, \x1c-\x1e, \x85 and \u2028/\u2029: a finding's offsets would then miss its text.
# The editor shows each of them as a visible stand-in, one character for one, so every offset of
# the draft is the same offset in the editor; draft_text turns the stand-ins back.
_STAND_INS = {"\f": "␌", "\v": "␋", "\x1c": "␜", "\x1d": "␝", "\x1e": "␞", "\x85": "␤", "\u2028": "⏎", "\u2029": "⁋"}
_TO_EDITOR = str.maketrans(_STAND_INS)
_TO_DRAFT = str.maketrans({v: k for k, v in _STAND_INS.items()})
BIG_DRAFT = 100_000  # characters: a draft this long surely needs the scrollbar (see draft_view.tcss)


def editor_text(draft: str) -> str:
    """The draft as the editor holds it (line breaks only at \\n)."""
    return _swapped(draft, _STAND_INS, _TO_EDITOR)


def draft_text(editor: str) -> str:
    """The editor's text as the draft it stands for."""
    return _swapped(editor, _STAND_INS.values(), _TO_DRAFT)


def _swapped(text: str, chars, table: dict[int, str]) -> str:
    # str.translate looks every character up in the table (~60 ms for a draft of 500,000 characters, and the draft
    # is asked for at every key); most drafts hold none of these characters, which `in` finds out at C speed.
    return text.translate(table) if any(ch in text for ch in chars) else text


class DraftView(TextArea):
    """A TextArea whose highlights are the findings of the last lint, not a syntax tree."""

    COMPONENT_CLASSES = {"draft-view--error", "draft-view--warning", "draft-view--info", "draft-view--current"}

    class FindingEntered(Message):
        """The cursor moved onto the span of a finding other than the current one."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, text: str, **kwargs) -> None:
        # TextArea makes its Document (and wraps it) twice as it starts; starting empty, the draft's lines are
        # split and measured once, below.
        super().__init__("", **kwargs)
        self._set_document(editor_text(text), self.language)
        self.set_class(len(text) > BIG_DRAFT, "-big")
        self.findings: tuple[Finding, ...] = ()
        self.current: Finding | None = None
        self._marked_text = text
        self._marked_lines = text.split("\n")
        self._index = LineIndex(text)
        self._marks: dict[int, list[tuple[int, int, str]]] = {}

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        # Same state, other classes (see draft_wrap): what TextArea just made is kept, not made or wrapped again.
        self.wrapped_document.__class__ = DraftWrap
        if type(self.document) is Document:
            self.document.__class__ = DraftDocument

    def _watch_language(self, language: str | None) -> None:
        # TextArea makes the Document again when its language is set, at start too; this one is plain text always,
        # and the Document it has is already that.
        if language is not None:
            super()._watch_language(language)

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # Textual wraps the whole draft again whenever something that may change the wrap width changes (each
        # setting as the widget is mounted, the gutter, a resize), even when the width stays what it was: a second
        # or more for a draft of megabytes, before its first screen. Edits keep the wrapping up to date line by
        # line (wrap_range), so at an unchanged width a new wrap would find what is already there.
        wrapped = self.wrapped_document
        if wrapped._width == self.wrap_width and wrapped._tab_width == self.indent_width:
            self._line_cache.clear()
            self._refresh_size()
            return
        super()._rewrap_and_refresh_virtual_size()

    @property
    def draft_text(self) -> str:
        """The draft as edited, character for character (offsets of findings refer to it)."""
        return draft_text(self.text)

    # --- marks -----------------------------------------------------------------

    def show_findings(self, findings: tuple[Finding, ...], text: str, current: Finding | None) -> None:
        """Mark findings computed on `text`; nothing is marked if the draft has changed since."""
        if text != self.draft_text:
            findings, current = (), None
        self.findings, self.current = findings, current
        self._marked_text, self._marked_lines, self._index = text, text.split("\n"), LineIndex(text)
        self._marks = defaultdict(list)
        for finding in findings:
            for row, start, end in self._rows_of(finding):
                self._marks[row].append((start, end, finding.severity))
        self._restyle()

    def _rows_of(self, finding: Finding):
        """(row, start column, end column) of each line of the marked text that the finding's span touches."""
        (r0, c0), (r1, c1) = self.location(finding.start), self.location(finding.end)
        for row in range(r0, r1 + 1):
            start = c0 if row == r0 else 0
            end = c1 if row == r1 else len(self._marked_lines[row])
            # An empty span (a missing character) still needs one visible cell.
            yield row, start, max(end, start + 1) if row == r0 == r1 else end

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, severity in self._marks.get(line_index, ()):
            line.stylize(self.get_component_rich_style(f"draft-view--{severity}"), start, end)
        if self.current is not None:
            for row, start, end in self._rows_of(self.current):
                if row == line_index:
                    line.stylize(self.get_component_rich_style("draft-view--current"), start, end)
        return line

    def _restyle(self) -> None:
        self.notify_style_update()  # TextArea caches rendered lines; this empties the cache
        self.refresh()

    def marks_fit(self) -> bool:
        """True while the draft is the text the findings were computed on."""
        return self.draft_text == self._marked_text

    # --- cursor and findings ------------------------------------------------------

    def location(self, offset: int) -> Location:
        """(row, column) of an offset into the marked text."""
        line, column = self._index.line_col(offset)
        return line - 1, column - 1

    def offset(self, location: Location) -> int:
        """Offset into the marked text of a (row, column) location."""
        row, column = location
        return self._index.line_start(row + 1) + column

    def reveal(self, finding: Finding) -> None:
        """Make `finding` current (highlighted) and put the cursor at its start, unless the cursor is already on it.

        Nothing is selected: the next key the drafter types is inserted, it does not replace the flagged text.
        """
        self.current = finding
        self._restyle()
        if finding not in self.findings or not self.marks_fit():
            return
        if not self.selection.is_empty or not finding.start <= self.offset(self.selection.end) <= finding.end:
            self.selection = Selection.cursor(self.location(finding.start))
        self.scroll_cursor_visible(center=True)

    def on_resize(self) -> None:
        # Soft wrapping changes with the width: keep the cursor's line in view rather than the old scroll offset.
        self.call_after_refresh(self.scroll_cursor_visible, center=True)

    def open_text(self, text: str) -> None:
        """Show another draft (a new undo history, no marks until it is linted)."""
        self.set_class(len(text) > BIG_DRAFT, "-big")
        self.load_text(editor_text(text))
        self.show_findings((), text, None)

    def replace_text(self, text: str) -> None:
        """Replace the draft with `text` as one edit over the part that differs (one undo step)."""
        old, text = self.text, editor_text(text)
        limit = min(len(old), len(text))
        prefix = next((i for i in range(limit) if old[i] != text[i]), limit)
        suffix = next((i for i in range(limit - prefix) if old[-1 - i] != text[-1 - i]), limit - prefix)
        index = LineIndex(old)
        (l0, c0), (l1, c1) = index.line_col(prefix), index.line_col(len(old) - suffix)
        self.replace(text[prefix : len(text) - suffix], (l0 - 1, c0 - 1), (l1 - 1, c1 - 1))

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if not event.selection.is_empty or not self.marks_fit():
            return
        cursor = self.offset(event.selection.end)
        if self.current is not None and self.current.start <= cursor <= self.current.end:
            return
        hit = next((f for f in self.findings if f.start <= cursor < f.end), None)
        if hit is not None:
            self.post_message(self.FindingEntered(hit))
