"""The physical lines of a draft: where each starts and ends (newlines excluded), and their text.

Kept as one array of line starts, not a (start, end) tuple a line, and each line's text sliced when asked for: a
50 MB draft pasted out of a PDF has over a million short lines, and a tuple with its two integers costs more than
a hundred bytes each, a string of its own over seventy.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate, islice, repeat
from operator import add, sub


class PhysicalLines(Sequence):
    """Line k is (start, end) of text[start:end]; the line after it starts at end + 1 (past the newline)."""

    __slots__ = ("_starts",)

    def __init__(self, starts: array):
        self._starts = starts  # one more than there are lines: the last is len(text) + 1

    @classmethod
    def of(cls, raw: Sequence[str]) -> PhysicalLines:
        """The lines of "\\n".join(raw)."""
        return cls(array("q", accumulate(map((1).__add__, map(len, raw)), initial=0)))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, k):
        s = self._starts
        if isinstance(k, slice):
            a, b, step = k.indices(len(self))
            if step != 1:
                return [self[i] for i in range(a, b, step)]
            return list(zip(s[a:b], map(sub, s[a + 1 : b + 1], repeat(1))))
        if k < 0:
            k += len(self)
        if not 0 <= k < len(s) - 1:
            raise IndexError("line index out of range")
        return s[k], s[k + 1] - 1

    def __iter__(self):
        s = self._starts
        return zip(s, map(sub, s[1:], repeat(1)))

    def slices(self, a: int, b: int):
        """slice(start, end) of lines a..b-1, one at a time."""
        s = self._starts
        return map(slice, s[a:b], map(sub, s[a + 1 : b + 1], repeat(1)))

    def replaced(self, a: int, j: int, segment: Sequence[str], by: int) -> PhysicalLines:
        """Lines a..j-1 replaced by `segment`'s lines (starting where line a started), the lines after shifted by
        `by` characters: the lines of an edited text, without splitting all of it again."""
        s = self._starts
        inner = array("q", accumulate(map((1).__add__, map(len, segment[:-1])), initial=s[a]))
        return PhysicalLines(s[:a] + inner + array("q", map(add, s[j:], repeat(by))))


class LineTexts(Sequence):
    """text[start:end] of each of `lines`, sliced when asked for."""

    __slots__ = ("_text", "_lines")

    def __init__(self, text: str, lines: PhysicalLines):
        self._text = text
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, k):
        if isinstance(k, slice):
            a, b, step = k.indices(len(self))
            if step != 1:
                return [self[i] for i in range(a, b, step)]
            return list(map(self._text.__getitem__, self._lines.slices(a, b)))
        start, end = self._lines[k]
        return self._text[start:end]

    def __iter__(self):
        return map(self._text.__getitem__, self._lines.slices(0, len(self._lines)))


BLOCK = 1 << 16


def line_starts(text: str) -> array:
    """Where each line of `text` starts: after each newline, and 0. Counted a block of text at a time: split whole,
    a big draft would be a string a line at once."""
    starts = array("q", [0])
    for block in range(0, len(text), BLOCK):
        lines = text[block : block + BLOCK].split("\n")
        starts.extend(islice(accumulate(map((1).__add__, map(len, islice(lines, len(lines) - 1))), initial=block), 1, None))
    return starts


def physical_lines(text: str) -> PhysicalLines:
    starts = line_starts(text)
    starts.append(len(text) + 1)
    return PhysicalLines(starts)
