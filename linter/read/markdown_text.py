"""Markdown drafts, and .docx text rendered as Markdown: headings, <sup>n</sup> and [^n] markers, footnote sections."""

from __future__ import annotations

import re

from linter.read.line_shapes import is_standalone
from linter.read.logical_lines import TERMINAL, Normalized, Writer, physical_lines

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
MD_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_NOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*")
_MD_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]")
_MD_EMPHASIS = re.compile(r"\*\*|__")


class MarkdownReader:
    def __init__(self, text: str, line_per_paragraph: bool = False, standalone=is_standalone, joiner: str = "",
                 emphasis: re.Pattern = _MD_EMPHASIS):
        self.text = text
        self.line_per_paragraph = line_per_paragraph  # docx text: every line is a paragraph
        self.lines = physical_lines(text)
        # An English draft (read for `resolint parity`) has its own standalone lines and joins lines with a space.
        self.standalone = standalone
        self.inline = re.compile(f"{_MD_MARKER.pattern}|{emphasis.pattern}")
        self.w = Writer(text, collapse_bold=False, joiner=joiner)

    def run(self) -> Normalized:
        in_notes = False
        block_open = False  # a paragraph is open and a next line without a blank joins it
        last_note: list | None = None
        for start, end in self.lines:
            raw = self.text[start:end]
            if not raw.strip():
                block_open = False
                last_note = None
                continue
            if MD_RULE.match(raw):
                in_notes = True
                continue
            note = _MD_NOTE.match(raw)
            # A paragraph never opens with a footnote marker: a block that does is a footnote body.
            if note and (in_notes or raw.lstrip().startswith("[^") or not block_open):
                in_notes = True
                number = int(note.group(1) or note.group(2))
                g = 1 if note.group(1) else 2
                last_note = [number, start + note.start(g), start + note.end(g), [(start + note.end(), end)]]
                self.w.note(*last_note)
                continue
            if last_note is not None and in_notes:
                last_note[3].append((start, end))  # a footnote body wrapped onto a second line
                continue
            heading = _MD_HEADING.match(raw)
            if heading:
                self.w.new_line()
                self._emit_inline(start + heading.end(), end)
                self.w.new_line()
                in_notes = False
                block_open = False
                continue
            if in_notes:
                in_notes = False
                # Text after a footnote section continues the paragraph it interrupted.
                continues = not self.w.current_empty() and self.w.last_char() not in TERMINAL
                if not continues:
                    self.w.new_line()
            elif not block_open or self.line_per_paragraph or self.standalone(raw):
                self.w.new_line()
            self.w.join(start)
            self._emit_inline(start, end)
            block_open = True
        return self.w.finish()

    def _emit_inline(self, start: int, end: int) -> None:
        """Emit a line, taking out footnote markers and emphasis marks."""
        pos = start
        for m in self.inline.finditer(self.text[start:end]):
            ms, me = start + m.start(), start + m.end()
            self.w.emit_piece(pos, ms, trim_end=True)
            number = m.group(1) or m.group(2)
            if number:
                g = 1 if m.group(1) else 2
                self.w.marker(int(number), start + m.start(g), start + m.end(g))
            pos = me
        self.w.emit_piece(pos, end, trim_end=True)
