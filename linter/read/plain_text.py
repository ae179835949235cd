"""Plain text and text copied out of Word: footnote numbers glued to the text, superscript digits, notes after a rule."""

from __future__ import annotations

import re

from linter.read.line_shapes import FOOTNOTE_RULE, is_standalone
from linter.read.logical_lines import (
    NUMBERED,
    SUPERSCRIPT_DIGITS,
    TERMINAL,
    Normalized,
    Writer,
    emit_header,
    header_lines_read,
    note_number,
)
from linter.read.markdown_text import MD_RULE
from linter.read.physical_lines import LineTexts, PhysicalLines, physical_lines

# A footnote number Word glued to the text: "…框架》，1 强调…".
_GLUED_MARKER = re.compile(
    r"(?<=[\u4e00-\u9fff，。；、：》”）)])(?<!第)([1-9]\d{0,2})"
    r"(?=[ \t]?(?:[\u4e00-\u9fff《“（(]|[，。；、：]|$))(?![ \t]?[年月日号段条款卷个次届项名亿万千百%])"
)
_NOTE_LINE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})(?![\d.．、])|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)")
_SUPER_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


class PlainReader:
    """Reads line by line (`line`), so that a re-read of an edited draft (reparse) can resume at a line and stop
    where its `state` meets the earlier reading's again."""

    def __init__(self, text: str, glued_markers: bool, lines: PhysicalLines | None = None):
        self.text = text
        self.lines = physical_lines(text) if lines is None else lines
        self.raw = LineTexts(text, self.lines)
        self.w = Writer(text, collapse_bold=True)
        self.glued_markers = glued_markers
        self.max_marker = 0
        self.in_notes = False
        self.standalone_open = False
        self.last_note = 0
        self.seen = 0  # the last line read ahead of the current one (none here: PdfReader's lookahead)

    def run(self) -> Normalized:
        k, n = self.start(), len(self.lines)
        while k < n:
            k = self.line(k)
        return self.w.finish()

    def start(self) -> int:
        """Write the header; return the first body line."""
        first = emit_header(self.w, self.text, self.lines, self.raw)
        self.seen = header_lines_read(self.raw, first)
        return first

    def state(self) -> tuple:
        """What decides how the lines from here on are read (with the Writer's open line and last note)."""
        tail = None
        if self.in_notes and self.last_note:
            pieces = self.w.notes[-1][3]
            tail = self.text[pieces[-1][0] : pieces[-1][1]].rstrip().endswith("。")
        return (self.max_marker, self.in_notes, self.standalone_open, self.last_note, tail, *self.w.open_state())

    def restore(self, state: tuple) -> None:
        self.max_marker, self.in_notes, self.standalone_open, self.last_note = state[:4]

    def line(self, k: int) -> int:
        """Read physical line k; return the next line to read."""
        start, end = self.lines[k]
        raw = self.raw[k]
        content = raw.strip()
        if not content:
            return k + 1
        if FOOTNOTE_RULE.match(raw) or MD_RULE.match(raw) or content in ("脚注", "注释", "注"):
            self.in_notes = True
            return k + 1
        note = _NOTE_LINE.match(raw)
        if note and (self.in_notes or self.standalone_open or self._after_body_end()) \
                and note_number(note) == self.last_note + 1:
            number = note_number(note)
            g = next(x for x in (1, 2, 3) if note.group(x))
            self.w.note(number, start + note.start(g), start + note.end(g), [(start + note.end(), end)])
            self.last_note = number
            self.in_notes = True
            return k + 1
        if self.in_notes and self.last_note:
            # A wrapped footnote body.
            number, ns, ne, pieces = self.w.notes[-1]
            if not self.text[pieces[-1][0] : pieces[-1][1]].rstrip().endswith("。"):
                pieces.append((start, end))
                return k + 1
        self.in_notes = False
        joins = (
            not self.w.current_empty()
            and self.w.last_char() not in TERMINAL
            and not is_standalone(content)
            and not NUMBERED.match(content)
        )
        if not joins or self.standalone_open:
            self.w.new_line()
        self._emit_with_markers(start, end)
        self.standalone_open = is_standalone(content)
        return k + 1

    def _after_body_end(self) -> bool:
        return self.w.last_char() in "。" or self.w.current_empty()


    def _emit_with_markers(self, start: int, end: int) -> None:
        pos = start
        seg = self.text[start:end]
        found: list[tuple[int, int, int, int]] = []
        for m in _SUPER_MARKER.finditer(seg):
            found.append((m.start(), m.end(), m.end(), int(m.group(0).translate(SUPERSCRIPT_DIGITS))))
        if self.glued_markers:
            for m in _GLUED_MARKER.finditer(seg):
                skip = m.end() + (1 if seg[m.end() : m.end() + 1] in (" ", "\t") else 0)
                found.append((m.start(), m.end(), skip, int(m.group(1))))
        found.sort()
        for ms, me, skip, number in found:
            if not 1 <= number <= self.max_marker + 1:
                continue
            self.w.emit_piece(pos, start + ms, trim_end=False)
            self.w.marker(number, start + ms, start + me)
            self.max_marker = max(self.max_marker, number)
            pos = start + skip
        self.w.emit_piece(pos, end, trim_end=True)
