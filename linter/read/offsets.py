"""OffsetMap: where each character of normalized text came from in the original file."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import repeat
from operator import sub

from linter.read.physical_lines import line_starts


class OffsetMap:
    """Maps every normalized character to the range of original characters it stands for.

    A character copied through maps to itself (one original character). A
    collapsed run such as 回顾回顾回顾回顾 → 回顾 maps the unit's characters to
    the first copy, except that the unit's last character stretches to the
    end of the run: a span covering the whole unit then covers the whole run
    (so a fix replaces all four copies), and a span of a part of the unit
    covers just that part of the first copy.

    Stored as runs, not per character (a per-character map cost 16 bytes a
    character, several times a large draft's own size): run j starts at
    normalized `_norm[j]` and original `_orig[j]` and advances `_step[j]`
    (1, or 0 for inserted text, which stands at one point) original
    characters a character; a character's end is its start + 1 (its start,
    in inserted text) unless `_end_at` says otherwise (a collapsed unit's
    last character).
    """

    __slots__ = ("_norm", "_orig", "_step", "_end_at", "_end_keys", "_length", "original_length", "_shapes", "_before")

    def __init__(self, norm: array, orig: array, step: array, end_at: dict[int, int], length: int,
                 original_length: int):
        self._norm, self._orig, self._step, self._end_at = norm, orig, step, end_at
        self._end_keys: list[int] | None = None  # end_at's keys in order, made when shape first needs them
        self._length = length
        self.original_length = original_length
        self._shapes: dict[tuple[int, int], tuple[int, tuple]] = {}  # shape's results, for the next version's map
        self._before: tuple | None = None  # what `follows` said about the map of the version before

    def __len__(self) -> int:
        return self._length

    def _start(self, i: int) -> int:
        j = bisect_right(self._norm, i) - 1
        return self._orig[j] + self._step[j] * (i - self._norm[j])

    def _end(self, i: int) -> int:
        end = self._end_at.get(i)
        if end is not None:
            return end
        j = bisect_right(self._norm, i) - 1
        return self._orig[j] + self._step[j] * (i - self._norm[j] + 1)

    def between(self, left: int, right: int) -> tuple[int, int]:
        """The original span between normalized characters `left` and `right` (both in the text): from the end of
        left's original range to the start of right's; to_original(left, left + 1)[1], to_original(right,
        right + 1)[0] at half the cost."""
        return self._end(left), self._start(right)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end)."""
        n = self._length
        if n == 0:
            return (0, 0)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if start == end:
            # An empty span sits just before the character at `start`.
            pos = self._start(start) if start < n else self._end(n - 1)
            return (pos, pos)
        return (self._start(start), self._end(end - 1))

    def follows(self, before: "OffsetMap", same_below: int, moved_from: int, by_norm: int, by_orig: int,
                body_end: int) -> None:
        """Say how this map (an incremental parse's) relates to `before`, the last version's: the same below
        normalized `same_below`, and from `moved_from` to `body_end` (where footnote bodies begin) the same moved
        by `by_norm` (normalized) and `by_orig` (original). Shapes `before` worked out are then reused: every
        part's shape is asked for on every lint, and working each out again costs as much as a small edit."""
        self._before = (before._shapes, same_below, moved_from, by_norm, by_orig, body_end)
        before._before = None  # one version back is enough: the chain of maps is not kept alive

    def shape(self, start: int, end: int) -> tuple[int, tuple]:
        """See _shape; remembered, and taken from the last version's map where `follows` says it is unchanged."""
        known = self._shapes.get((start, end))
        if known is None:
            known = self._shape_before(start, end) or self._shape(start, end)
            self._shapes[(start, end)] = known
        return known

    def _shape_before(self, start: int, end: int) -> tuple[int, tuple] | None:
        if self._before is None:
            return None
        shapes, same_below, moved_from, by_norm, by_orig, body_end = self._before
        if end < same_below:  # [start, end] (`end` included) lies where nothing changed
            return shapes.get((start, end))
        if moved_from <= start and end < body_end:
            known = shapes.get((start - by_norm, end - by_norm))
            if known is not None:
                return known[0] + by_orig, known[1]
        return None

    def _shape(self, start: int, end: int) -> tuple[int, tuple]:
        """(base, the map of [start, end] relative to base): equal shapes map equal-length spans alike, shifted by base.

        The character at `end` is included, since an empty span at the end of [start, end) maps through it. Read
        off the runs, which are canonical (a run never continues the one before: TextBuilder and writer_splice
        merge such runs), so a map built in pieces (an incremental parse) has the shape of one built at once.
        The runs past the first are shifted with map() over array slices: a paragraph's runs (one a wrapped
        line) are not visited one by one in Python, and every part's shape is read on every lint.
        """
        n = self._length
        if not n:
            return 0, ()
        base = self._start(start) if start < n else self._end(n - 1)
        stop = min(end + 1, n)
        norm, orig, step, end_at = self._norm, self._orig, self._step, self._end_at
        j = bisect_right(norm, start) - 1
        last = bisect_left(norm, stop, j + 1)  # the runs that start before `stop`
        at = max(norm[j], start)
        head = (at - start, orig[j] + step[j] * (at - norm[j]) - base)
        runs = (head, tuple(map(sub, norm[j + 1 : last], repeat(start, last - j - 1))),
                tuple(map(sub, orig[j + 1 : last], repeat(base, last - j - 1))), step[j:last].tobytes())
        ends: tuple = ()
        if end_at:
            if self._end_keys is None:
                self._end_keys = sorted(end_at)
            keys = self._end_keys
            ends = tuple((i - start, end_at[i] - base) for i in keys[bisect_left(keys, start) : bisect_left(keys, stop)])
        return base, (runs, ends, stop - start, end < n)

    def point(self, index: int) -> int:
        """Original offset of the insertion point before normalized `index`."""
        return self.to_original(index, index)[0]


CHUNKS = 1024


@dataclass
class TextBuilder:
    """Accumulates normalized text piece by piece, keeping the OffsetMap in step."""

    original_length: int
    # Pieces appended (a few characters each, mostly) are joined every CHUNKS of them into `_joined`: a piece on
    # its own costs a string object's 70-odd bytes, more than its characters.
    _chunks: list[str] = field(default_factory=list)
    _joined: list[str] = field(default_factory=list)
    # The OffsetMap's runs (4-byte offsets: drafts under 2 G characters).
    _norm: array = field(default_factory=lambda: array("i"))
    _orig: array = field(default_factory=lambda: array("i"))
    _step: array = field(default_factory=lambda: array("b"))
    _end_at: dict = field(default_factory=dict)
    _length: int = 0
    _last_end: int = 0

    def __len__(self) -> int:
        return self._length

    def _run(self, orig: int, count: int, step: int) -> None:
        """`count` characters from original `orig`, advancing `step` a character; continues the last run if it can."""
        if not count:
            return
        n = len(self._norm)
        if n and self._step[-1] == step and (self._length - 1) not in self._end_at and \
                self._orig[-1] + step * (self._length - self._norm[-1]) == orig:
            pass  # the last run goes on
        else:
            self._norm.append(self._length)
            self._orig.append(orig)
            self._step.append(step)
        self._length += count

    def _append(self, piece: str) -> None:
        chunks = self._chunks
        chunks.append(piece)
        if len(chunks) >= CHUNKS:
            self._joined.append("".join(chunks))
            chunks.clear()

    def copy(self, original: str, start: int, end: int) -> None:
        """Append original[start:end] unchanged."""
        if end <= start:
            return
        self._append(original[start:end])
        self._run(start, end - start, 1)
        self._last_end = end

    def collapse(self, unit: str, run_start: int, run_end: int) -> None:
        """Append `unit` standing for the repeated run original[run_start:run_end]."""
        self._append(unit)
        self._run(run_start, len(unit), 1)
        if unit:
            self._end_at[self._length - 1] = run_end
            self._last_end = run_end

    def insert(self, text: str, at: int) -> None:
        """Append synthetic text (a separator) that stands for nothing at original `at`."""
        self._append(text)
        self._run(at, len(text), 0)
        if text:
            self._last_end = at

    def end_position(self) -> int:
        """Original offset just after the last character appended so far."""
        return self._last_end if self._length else 0

    def last_char(self) -> str:
        for chunk in reversed(self._chunks):
            if chunk:
                return chunk[-1]
        for chunk in reversed(self._joined):
            if chunk:
                return chunk[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._joined + self._chunks), OffsetMap(self._norm, self._orig, self._step, self._end_at, self._length,
                                                self.original_length)


class LineIndex:
    """1-based line and column of original offsets (columns count characters)."""

    def __init__(self, text: str):
        # An array, not a list: 8 bytes a line instead of 36.
        self._starts = line_starts(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_count(self) -> int:
        return len(self._starts)
