"""Parsing successive versions of one draft (an editor's): only the physical lines around an edit are read again.

A Reparser keeps its last reading: the reader's Writer and, every few lines, a checkpoint (the reader's state
and where the Writer stood). For a new version it finds the lines that changed, resumes reading at the last
checkpoint before them that had not looked at them, and stops as soon as, past the change, it stands at a
checkpoint of the last reading in the same state: from there on the reading would be the last one's, shifted,
so that is spliced in (writer_splice). Plain and PDF text are read this way; Markdown, Word and English texts,
and edits that reach the header or change what the whole draft says about itself (bold type), are parsed
whole. The Document is always the one `structure.parse` makes (tests/test_incremental.py checks it).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from linter.read.document import Document
from linter.read.languages import detect_language
from linter.read.line_shapes import DIRECTIVE_LINE
from linter.read.logical_lines import Normalized
from linter.read.pdf_text import PdfReader, count_bold_starts
from linter.read.plain_text import PlainReader
from linter.read.sources import Source
from linter.read.structure import build, parse
from linter.read.writer_splice import Marks, marks, resume_writer, splice

STRIDE = 16  # physical lines between checkpoints
_FORMATS = ("text", "pdf-text")


@dataclass(frozen=True)
class Checkpoint:
    state: tuple  # the reader's state before the line (reader.state())
    marks: Marks  # where its Writer stood
    seen: int  # the last line read (ahead of this one too) before it


@dataclass
class _Reading:
    format: str
    text: str  # what the reader read: the draft with resolint's comment lines blanked
    reader: PlainReader | PdfReader  # after its last line (its Writer finished)
    checkpoints: dict[int, Checkpoint]
    keys: list[int]  # the checkpoints' lines, in order
    end: Marks  # where the Writer stood after the last line (before the footnote bodies)
    normalized: Normalized


def _blank_directives(text: str) -> str:
    """resolint's comment lines are read as blank lines (same offsets): they are not document text."""
    return DIRECTIVE_LINE.sub(lambda m: " " * len(m.group()), text)


def _reader(fmt: str, text: str, lines=None, bold_starts=None) -> PlainReader | PdfReader:
    if fmt == "pdf-text":
        return PdfReader(text, lines, bold_starts=bold_starts)
    return PlainReader(text, glued_markers=True, lines=lines)


def _read(reader, k: int, checkpoints: dict[int, Checkpoint], resync=None) -> tuple[int, bool]:
    """Read from line k to the end, or until `resync(k)` says the last reading takes over: (line, resynced)."""
    n, last = len(reader.lines), -STRIDE
    while k < n:
        if resync is not None and resync(k):
            return k, True
        if k - last >= STRIDE:
            checkpoints[k] = Checkpoint(reader.state(), marks(reader.w), reader.seen)
            last = k
        k = reader.line(k)
    return k, False


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """(length of the common prefix, length of the common suffix after it) of two texts."""
    limit = min(len(old), len(new))

    def extent(same) -> int:
        done, size = 0, 256
        while done < limit and same(done, min(limit, done + size)):
            done, size = min(limit, done + size), size * 2
        lo, hi = done, min(limit, done + size)  # the first difference is in [lo, hi)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if same(lo, mid) else (lo, mid - 1)
        return lo

    prefix = extent(lambda i, j: old[i:j] == new[i:j])
    limit -= prefix
    suffix = extent(lambda i, j: old[len(old) - j : len(old) - i] == new[len(new) - j : len(new) - i])
    return prefix, suffix


def _first(line: tuple[int, int]) -> int:
    return line[0]


class Reparser:
    """`parse` for versions of one draft; each version is parsed as structure.parse parses it."""

    def __init__(self) -> None:
        self._last: _Reading | None = None
        self.reread_lines = 0  # physical lines the last parse read (for bench and tests); -1: parsed whole

    def parse(self, source: Source) -> Document:
        if source.format not in _FORMATS or detect_language(source.text) == "en":
            self._last, self.reread_lines = None, -1
            return parse(source)
        reading = None
        last = self._last
        self._last = None  # a reading that fails half-way is not kept
        if last is not None and last.format == source.format:
            reading = self._reread(last, source.text)
        if reading is None:
            reading = self._read_whole(source)
        self._last = reading
        return build(source, reading.normalized)

    def _read_whole(self, source: Source) -> _Reading:
        text = _blank_directives(source.text)
        reader = _reader(source.format, text)
        checkpoints: dict[int, Checkpoint] = {}
        _read(reader, reader.start(), checkpoints)
        self.reread_lines = -1
        return self._finish(source.format, text, reader, checkpoints)

    @staticmethod
    def _finish(fmt: str, text: str, reader, checkpoints: dict[int, Checkpoint]) -> _Reading:
        end = marks(reader.w)
        return _Reading(fmt, text, reader, checkpoints, sorted(checkpoints), end, reader.w.finish())

    def _reread(self, last: _Reading, new: str) -> _Reading | None:
        old = last.text
        prefix, suffix = _common_ends(old, new)
        lines = last.reader.lines
        by_orig = len(new) - len(old)
        a = bisect_right(lines, prefix, key=_first) - 1  # the first line that changed
        j = bisect_right(lines, len(old) - suffix, key=_first)  # the first line after them that did not
        start_a = lines[a][0]
        seg_end = lines[j][0] - 1 + by_orig if j < len(lines) else len(new)
        segment = _blank_directives(new[start_a:seg_end])
        text = old[:start_a] + segment + (old[lines[j][0] - 1 :] if j < len(lines) else "")
        seg_raw = segment.split("\n")
        e_new = a + len(seg_raw)  # the first line after the change, in the new version
        by_lines = len(seg_raw) - (j - a)
        new_lines = lines.replaced(a, j, seg_raw, by_orig)
        bold = None
        if last.format == "pdf-text":
            bold = last.reader.bold_starts - count_bold_starts(last.reader.raw[a:j]) + count_bold_starts(seg_raw)
            if (bold >= 3) != last.reader.doc_has_bold:
                return None  # bold openers read otherwise throughout
        # The last checkpoint before the change that had not looked at the changed lines yet.
        keys = last.keys
        i = bisect_right(keys, a) - 1
        while i >= 0 and last.checkpoints[keys[i]].seen >= a:
            i -= 1
        if i < 0:
            return None  # the change reaches the header: read it all again
        c = keys[i]
        at = last.checkpoints[c]
        reader = _reader(last.format, text, new_lines, bold_starts=bold)
        body = last.normalized.text
        reader.w = resume_writer(last.reader.w, body, at.marks, text)
        reader.restore(at.state)
        reader.seen = at.seen
        checkpoints = {k: last.checkpoints[k] for k in keys[:i]}
        met: list[int] = []

        def resync(k: int) -> bool:
            if k < e_new:
                return False
            then = last.checkpoints.get(k - by_lines)
            if then is None or then.marks.last_end + by_orig != reader.w.body.end_position():
                return False
            if then.state != reader.state():
                return False
            met.append(k - by_lines)
            return True

        k, resynced = _read(reader, c, checkpoints, resync)
        self.reread_lines = k - c
        same_below = at.marks.length
        if not resynced:
            reading = self._finish(last.format, text, reader, checkpoints)
            reading.normalized.offsets.follows(last.normalized.offsets, same_below, reading.end.length, 0, 0, 0)
            return reading
        old_at, new_at = last.checkpoints[met[0]].marks, marks(reader.w)
        splice(reader.w, last.reader.w, body, old_at, last.end, by_orig)

        def moved(m: Marks) -> Marks:
            return m.shifted(new_at.length - old_at.length, by_orig, new_at.lines - old_at.lines,
                             new_at.markers - old_at.markers, new_at.notes - old_at.notes,
                             new_at.pieces - old_at.pieces if m.notes == old_at.notes else 0)

        for key in keys[bisect_right(keys, met[0] - 1):]:
            then = last.checkpoints[key]
            checkpoints[key + by_lines] = Checkpoint(then.state, moved(then.marks), then.seen + by_lines)
        reading = self._finish(last.format, text, reader, checkpoints)
        reading.normalized.offsets.follows(last.normalized.offsets, same_below, new_at.length,
                                           new_at.length - old_at.length, by_orig, reading.end.length)
        return reading
