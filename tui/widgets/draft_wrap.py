"""The draft's soft wrapping: Textual's WrappedDocument, made fast enough for a draft of megabytes.

Textual wraps every line of the document before the first screen (and again at each resize), folding a line that
has no spaces, as Chinese text has none, one character at a time in Python: 1.2 s for a draft of 2 million
characters. `wrap_offsets` finds the same breaks from running sums of the characters' widths, a bisection a screen
row; lines it does not cover (tabs, emoji sequences, a width under two cells) go to Textual's own function.
tests/test_draft_wrap.py checks that both give the same breaks.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size
from textual._wrap import compute_wrap_offsets, re_chunk
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

# Characters whose width Textual (rich) works out from their neighbours: such lines are left to Textual.
_JOINERS = ("\t", "\u200d", "\ufe0f")


def wrap_offsets(line: str, width: int, tab_width: int) -> list[int]:
    """compute_wrap_offsets(line, width, tab_width): where Textual breaks `line` to fit `width` cells."""
    if width < 2 or any(ch in line for ch in _JOINERS):
        # Under two cells a wide character does not fit a row at all, which Textual treats its own way.
        return compute_wrap_offsets(line, width, tab_width)
    # cells[i]: the width of line[:i]. Every character fits a row alone (none is wider than two cells).
    cells = list(accumulate(map(get_character_cell_size, line), initial=0))
    breaks: list[int] = []
    used = 0  # cells taken on the current row
    for chunk in re_chunk.finditer(line):  # a word with the spaces after it, or spaces
        start, end = chunk.span()
        chunk_width = cells[end] - cells[start]
        if width - used >= chunk_width:
            used += chunk_width
        elif chunk_width > width:
            # Folded: rows as full as the next character allows, the first starting on a row of its own.
            row = start
            while True:
                if row:
                    breaks.append(row)
                limit = cells[row] + width
                if cells[end] <= limit:
                    used = cells[end] - cells[row]
                    break
                row = bisect_right(cells, limit, row + 1, end + 1) - 1
        elif used and start:
            breaks.append(start)
            used = chunk_width
    return breaks


class DraftWrap(WrappedDocument):
    """WrappedDocument with wrap_offsets for whole-document wraps, and a height that is not summed at each ask.

    Textual sums the rows of every line for the height, and asks for it for each line it paints: with a draft of
    tens of thousands of lines that was a pass over all of them per painted line. wrap and wrap_range keep
    _offset_to_line_info one entry a row, so its length is the same number.
    """

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        """As WrappedDocument.wrap (the same four tables), with the breaks from wrap_offsets."""
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tab_width = self._tab_width
        if any("\t" in line for line in self.document.lines):
            super().wrap(width, tab_width)  # tab stops: Textual's own measure
            return
        wrap_offsets_of, tab_widths, line_info, line_offsets = [], [], [], []
        y = 0
        for index, line in enumerate(self.document.lines):
            breaks = wrap_offsets(line, width, tab_width) if width else []
            wrap_offsets_of.append(breaks)
            tab_widths.append([0] if line else [])  # get_tab_widths' widths for a line with no tab
            rows = len(breaks) + 1
            line_info.extend((index, section) for section in range(rows))
            line_offsets.append(list(range(y, y + rows)))
            y += rows
        self._wrap_offsets = wrap_offsets_of
        self._offset_to_line_info = line_info
        self._line_index_to_offsets = line_offsets
        self._tab_width_cache = tab_widths


class DraftDocument(Document):
    """Document whose text is joined once a version, not at each ask.

    TextArea.render_line asks for the whole text (to see whether the draft is empty, for its placeholder) for every
    line it paints: for a draft of megabytes, a join of megabytes a painted line, 20-odd ms a screen. replace_range
    is the only change a Document's lines undergo, so the text joined is kept until the next one.
    """

    _joined: str | None = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = super().text
        return self._joined

    def replace_range(self, start, end, text):
        self._joined = None
        return super().replace_range(start, end, text)
