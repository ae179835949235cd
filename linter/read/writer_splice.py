"""A Writer's output cut at a line and spliced: what lets reparse re-read only the lines around an edit.

A reader's Writer is marked (`Marks`) before each line it reads. `resume_writer` makes a new Writer holding
what an earlier reading had written up to a mark; `splice` appends what the earlier reading wrote after
another mark, shifted to where it now stands (original offsets by the edit's length change, normalized
offsets by the new text's). Footnote bodies are written by Writer.finish, after the splice.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from linter.read.logical_lines import Marker, Writer


@dataclass(frozen=True)
class Marks:
    """Where a Writer stood before a line: its text's length, the original offset its last character ends at,
    how many logical lines, markers and notes it held, and how many pieces its last note had."""

    length: int
    last_end: int
    lines: int
    markers: int
    notes: int
    pieces: int

    def shifted(self, by_norm: int, by_orig: int, lines: int, markers: int, notes: int, pieces: int) -> "Marks":
        return Marks(self.length + by_norm, self.last_end + by_orig, self.lines + lines, self.markers + markers,
                     self.notes + notes, self.pieces + pieces)


def marks(w: Writer) -> Marks:
    return Marks(len(w.body), w.body.end_position(), len(w.lines), len(w.markers), len(w.notes),
                 len(w.notes[-1][3]) if w.notes else 0)


def resume_writer(old: Writer, body: str, at: Marks, original: str) -> Writer:
    """A Writer over `original` holding what `old` (whose body text is `body`) had written at `at`."""
    w = Writer(original, old.collapse_bold, old.joiner)
    b, ob = w.body, old.body
    n = at.length
    if n:
        b._chunks.append(body[:n])
    runs = bisect_right(ob._norm, n - 1) if n else 0  # the runs that start before `n`
    b._norm, b._orig, b._step = ob._norm[:runs], ob._orig[:runs], ob._step[:runs]
    b._end_at = {i: e for i, e in ob._end_at.items() if i < n}
    b._length, b._last_end = n, at.last_end
    w.lines = [list(line) for line in old.lines[: at.lines]]
    if w.lines:
        w.lines[-1][1] = min(w.lines[-1][1], n)  # the open line as it stood
    w.markers = old.markers[: at.markers]
    w.notes = old.notes[: at.notes]
    if w.notes:
        number, ns, ne, pieces = w.notes[-1]
        w.notes[-1] = (number, ns, ne, pieces[: at.pieces])
    return w


def splice(w: Writer, old: Writer, body: str, at: Marks, end: Marks, by_orig: int) -> None:
    """Append to `w` what `old` wrote between its marks `at` and `end` (the end of its lines), shifted: `w` now
    stands where `old` stood at `at`, its original text longer by `by_orig`."""
    b, ob = w.body, old.body
    start, stop = at.length, end.length
    by = len(b) - start
    if stop > start:
        b._chunks.append(body[start:stop])
        j = bisect_right(ob._norm, start) - 1  # the run `start` is in, then those that start after it
        last = bisect_right(ob._norm, stop - 1)
        o, step = ob._orig[j] + ob._step[j] * (start - ob._norm[j]) + by_orig, ob._step[j]
        # A run that continues `w`'s last one is not begun: the map stays canonical (OffsetMap.shape relies on it).
        if not (b._norm and b._step[-1] == step and start + by - 1 not in b._end_at
                and b._orig[-1] + step * (start + by - b._norm[-1]) == o):
            b._norm.append(start + by)
            b._orig.append(o)
            b._step.append(step)
        b._norm.extend(x + by for x in ob._norm[j + 1 : last])
        b._orig.extend(x + by_orig for x in ob._orig[j + 1 : last])
        b._step.extend(ob._step[j + 1 : last])
        b._end_at.update((i + by, e + by_orig) for i, e in ob._end_at.items() if start <= i < stop)
        b._length = stop + by
    b._last_end = end.last_end + by_orig
    if at.lines:  # the line open at `at` as it went on
        w.lines[-1][1] = old.lines[at.lines - 1][1] + by
    w.lines.extend([s + by, e + by] for s, e in old.lines[at.lines : end.lines])
    w.markers.extend(Marker(m.number, m.start + by_orig, m.end + by_orig, m.at + by)
                     for m in old.markers[at.markers : end.markers])
    if at.notes:  # the note open at `at`: its body's later lines
        pieces = old.notes[at.notes - 1][3]
        more = pieces[at.pieces : end.pieces if end.notes == at.notes else len(pieces)]
        if more:
            w.notes[-1][3].extend((s + by_orig, e + by_orig) for s, e in more)
    for number, ns, ne, pieces in old.notes[at.notes : end.notes]:
        w.notes.append((number, ns + by_orig, ne + by_orig, [(s + by_orig, e + by_orig) for s, e in pieces]))
