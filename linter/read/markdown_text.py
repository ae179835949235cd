"""Markdown drafts, and .docx text rendered as Markdown: headings, <sup>n</sup> and [^n] markers, footnote sections."""

from __future__ import annotations

import re
from bisect import bisect_right

from linter.read.line_shapes import is_standalone
from linter.read.logical_lines import TERMINAL, Normalized, Writer
from linter.read.physical_lines import physical_lines

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
MD_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_NOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*")
_MD_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]")
_MD_EMPHASIS = re.compile(r"\*\*|__")
# An HTML comment is no part of the text (an unclosed one runs to the end, as in CommonMark).
_MD_COMMENT = re.compile(r"<!--[\s\S]*?(?:-->|\Z)")


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
        # Comments are skipped, not deleted: lines are read from a copy with them blanked out (same offsets),
        # and only the text around them is copied. Docx text is Word's text, where "<!--" is just characters.
        self.comments = [] if line_per_paragraph else [m.span() for m in _MD_COMMENT.finditer(text)]
        self.comment_ends = [e for _, e in self.comments]
        self.masked = _blank(text, self.comments)

    def run(self) -> Normalized:
        in_notes = False
        block_open = False  # a paragraph is open and a next line without a blank joins it
        last_note: list | None = None
        for start, end in self.lines:
            raw = self.masked[start:end]
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
                last_note = [number, start + note.start(g), start + note.end(g), self._uncommented(start + note.end(), end)]
                self.w.note(*last_note)
                continue
            if last_note is not None and in_notes:
                last_note[3].extend(self._uncommented(start, end))  # a footnote body wrapped onto a second line
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
        for m in self.inline.finditer(self.masked[start:end]):
            ms, me = start + m.start(), start + m.end()
            self._emit_around_comments(pos, ms)
            number = m.group(1) or m.group(2)
            if number:
                g = 1 if m.group(1) else 2
                self.w.marker(int(number), start + m.start(g), start + m.end(g))
            pos = me
        self._emit_around_comments(pos, end)

    def _emit_around_comments(self, start: int, end: int) -> None:
        """Emit original[start:end] but for the comments in it; the piece's end is trimmed as before."""
        pieces = self._uncommented(start, end)
        for ps, pe in pieces[:-1]:
            self.w.emit_piece(ps, pe, trim_end=False)
        self.w.emit_piece(*pieces[-1], trim_end=True)

    def _uncommented(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of original[start:end] outside comments (at least one, maybe empty)."""
        out, pos = [], start
        k = bisect_right(self.comment_ends, start)  # the first comment that ends after `start`
        while k < len(self.comments) and self.comments[k][0] < end:
            cs, ce = self.comments[k]
            out.append((pos, max(pos, cs)))
            pos = max(pos, ce)
            k += 1
        out.append((pos, max(pos, end)))
        return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans' characters as spaces, newlines kept, so every offset stays the same."""
    if not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s])
        out.append(re.sub(r"[^\n]", " ", text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out)
