"""OffsetMap: where each character of normalized text came from in the original file."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field


class OffsetMap:
    """Maps every normalized character to the range of original characters it stands for.

    A character copied through maps to itself (one original character). A
    collapsed run such as 回顾回顾回顾回顾 → 回顾 maps the unit's characters to
    the first copy, except that the unit's last character stretches to the
    end of the run: a span covering the whole unit then covers the whole run
    (so a fix replaces all four copies), and a span of a part of the unit
    covers just that part of the first copy.
    """

    __slots__ = ("_starts", "_ends", "original_length")

    def __init__(self, starts: array, ends: array, original_length: int):
        self._starts = starts
        self._ends = ends
        self.original_length = original_length

    def __len__(self) -> int:
        return len(self._starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        n = len(self._starts)
        if n == 0:
            return (0, 0)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if start == end:
            # An empty span sits just before the character at `start`.
            pos = self._starts[start] if start < n else self._ends[n - 1]
            return (pos, pos)
        return (self._starts[start], self._ends[end - 1])

    def shape(self, start: int, end: int) -> tuple[int, bytes]:
        """(base, the map of [start, end] relative to base): equal shapes map equal-length spans alike, shifted by base.

        The character at `end` is included, since an empty span at the end of [start, end) maps through it.
        """
        n = len(self._starts)
        if not n:
            return 0, b""
        base = self._starts[start] if start < n else self._ends[n - 1]
        stop = min(end + 1, n)
        starts = array("q", (s - base for s in self._starts[start:stop]))
        ends = array("q", (e - base for e in self._ends[start:stop]))
        tail = b"" if end < n else b"end"
        return base, starts.tobytes() + b"|" + ends.tobytes() + tail

    def point(self, index: int) -> int:
        """Original offset of the insertion point before normalized `index`."""
        return self.to_original(index, index)[0]


@dataclass
class TextBuilder:
    """Accumulates normalized text piece by piece, keeping the OffsetMap in step."""

    original_length: int
    _chunks: list[str] = field(default_factory=list)
    _starts: array = field(default_factory=lambda: array("q"))
    _ends: array = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self._starts)

    def copy(self, original: str, start: int, end: int) -> None:
        """Append original[start:end] unchanged."""
        if end <= start:
            return
        self._chunks.append(original[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))

    def collapse(self, unit: str, run_start: int, run_end: int) -> None:
        """Append `unit` standing for the repeated run original[run_start:run_end]."""
        self._chunks.append(unit)
        k = len(unit)
        self._starts.extend(range(run_start, run_start + k))
        self._ends.extend(range(run_start + 1, run_start + k))
        self._ends.append(run_end)

    def insert(self, text: str, at: int) -> None:
        """Append synthetic text (a separator) that stands for nothing at original `at`."""
        self._chunks.append(text)
        self._starts.extend([at] * len(text))
        self._ends.extend([at] * len(text))

    def end_position(self) -> int:
        """Original offset just after the last character appended so far."""
        return self._ends[-1] if len(self._ends) else 0

    def last_char(self) -> str:
        for chunk in reversed(self._chunks):
            if chunk:
                return chunk[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._chunks), OffsetMap(self._starts, self._ends, self.original_length)


class LineIndex:
    """1-based line and column of original offsets (columns count characters)."""

    def __init__(self, text: str):
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_count(self) -> int:
        return len(self._starts)
