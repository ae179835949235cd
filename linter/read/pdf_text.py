"""Text pasted out of a PDF: page furniture, footnote blocks after rule lines, bold ×4, markers on lines of their own."""

from __future__ import annotations

import re

from linter.read.line_shapes import (
    BLANK_RULE,
    FOOTNOTE_RULE,
    LONE_NUMBER,
    PAGE_FURNITURE,
    WORD_ANCHOR,
    is_standalone,
)
from linter.read.logical_lines import (
    GLUED_START,
    NUMBERED,
    REPEATED4,
    SPACE,
    TERMINAL,
    Normalized,
    Writer,
    collapsed,
    emit_header,
    header_lines_read,
)
from linter.read.physical_lines import LineTexts, PhysicalLines, physical_lines
from linter.registries.lexicon import starts_with_opener

# A numbered (operative) paragraph's start: 1. 2.; and the marks after which an operative paragraph goes on.
_PARAGRAPH_NUMBER = re.compile(r"^[“\"]?\d{1,3}\s*[.．]")
_NOT_FINAL = "，、,"


def count_bold_starts(raw: list[str]) -> int:
    """Lines that start in bold type (the glyphs four times over): a draft with three or more has bold openers."""
    return sum(1 for line in raw if REPEATED4.match(line.strip()))


class PdfReader:
    """Reads line by line (`line`), so that a re-read of an edited draft (reparse) can resume at a line and stop
    where its `state` meets the earlier reading's again; `seen` is the last line looked at ahead."""

    def __init__(self, text: str, lines: PhysicalLines | None = None, bold_starts: int | None = None):
        self.text = text
        self.lines = physical_lines(text) if lines is None else lines
        self.raw = LineTexts(text, self.lines)
        self.w = Writer(text, collapse_bold=True)
        self.bold_starts = count_bold_starts(self.raw) if bold_starts is None else bold_starts
        self.doc_has_bold = self.bold_starts >= 3
        self.max_marker = 0
        # Inside the operative part a paragraph starts with its number: a line that follows one not ending
        # a paragraph (after "，") continues it, even when the page top indents it like a paragraph start.
        self.in_operative = False
        self.after_marker = False
        self.standalone_open = False
        self.seen = 0

    def run(self) -> Normalized:
        k, n = self.start(), len(self.raw)
        while k < n:
            k = self.line(k)
        return self.w.finish()

    def start(self) -> int:
        """Write the header; return the first body line."""
        first = emit_header(self.w, self.text, self.lines, self.raw, skip=self._is_furniture)
        self.seen = header_lines_read(self.raw, first)
        return first

    def state(self) -> tuple:
        """What decides how the lines from here on are read (with the Writer's open line)."""
        return (self.max_marker, self.in_operative, self.after_marker, self.standalone_open, *self.w.open_state())

    def restore(self, state: tuple) -> None:
        self.max_marker, self.in_operative, self.after_marker, self.standalone_open = state[:4]

    def _is_furniture(self, k: int) -> bool:
        return bool(PAGE_FURNITURE.match(self.raw[k])) and not LONE_NUMBER.match(self.raw[k])

    def _next_content(self, k: int) -> int:
        while k < len(self.raw) and not self.raw[k].strip():
            k += 1
        self.seen = max(self.seen, k)
        return k

    def line(self, i: int) -> int:
        """Read physical line i (a footnote block: all its lines); return the next line to read."""
        n = len(self.raw)
        raw = self.raw[i]
        start, end = self.lines[i]
        self.seen = max(self.seen, i)
        if FOOTNOTE_RULE.match(raw) or BLANK_RULE.match(raw):
            return self._footnote_block(i + 1)
        if not raw.strip():
            return i + 1
        lone = LONE_NUMBER.match(raw)
        if lone:
            self._marker(int(lone.group(1)), start + lone.start(1), start + lone.end(1))
            self.after_marker = True
            return i + 1
        if self._is_furniture(i):
            return i + 1
        # The anchor ends in F or H; its pattern, with no first character to look for, is tried everywhere.
        anchor = WORD_ANCHOR.search(raw) if "F" in raw or "H" in raw else None
        if anchor and LONE_NUMBER.match(self.raw[self._next_content(i + 1)] if self._next_content(i + 1) < n else ""):
            # Word's footnote anchor ("0 F", "1H") printed before the real number.
            end = start + anchor.start()
        glued = GLUED_START.match(raw)
        if glued and self._fits_marker(int(glued.group(1))) and not self.w.current_empty() and self.w.last_char() not in TERMINAL:
            self._marker(int(glued.group(1)), start + glued.start(1), start + glued.end(1))
            start = start + glued.end()
            self.after_marker = True
        content = self.text[start:end].strip()
        if self._starts_paragraph(raw, content, self.after_marker) or self.standalone_open:
            self.w.new_line()
            if _PARAGRAPH_NUMBER.match(content):
                self.in_operative = True
            elif is_standalone(content):
                self.in_operative = False  # a footer, an annex, the organ line of a resolution quoted in this one
        self.w.emit(start, end)
        self.standalone_open = is_standalone(content)
        self.after_marker = False
        return i + 1

    def _starts_paragraph(self, raw: str, content: str, after_marker: bool) -> bool:
        if self.w.current_empty():
            return True
        if is_standalone(content):
            return True
        if self.w.last_char() not in TERMINAL:
            return False
        if NUMBERED.match(content) or REPEATED4.match(content):
            return True
        if self.in_operative and self.w.last_char() in _NOT_FINAL:
            return False
        indented = raw[:1] in SPACE
        if after_marker:
            # A marker ends a visual line, so the text after it is indented
            # like a paragraph start; only the opener can tell them apart.
            if self.doc_has_bold:
                return False
            return indented and starts_with_opener(collapsed(content))
        return indented

    def _fits_marker(self, number: int) -> bool:
        return 1 <= number <= self.max_marker + 1

    def _marker(self, number: int, start: int, end: int) -> None:
        self.w.marker(number, start, end)
        self.max_marker = max(self.max_marker, number)

    def _footnote_block(self, k: int) -> int:
        """Read footnote bodies after a rule line; return the index of the line after the block."""
        n = len(self.raw)
        last_number = 0
        while True:
            k = self._next_content(k)
            if k >= n:
                return k
            lone = LONE_NUMBER.match(self.raw[k])
            inline = GLUED_START.match(self.raw[k]) if not lone else None
            if lone:
                body = self._next_content(k + 1)
                if body >= n or LONE_NUMBER.match(self.raw[body]) or FOOTNOTE_RULE.match(self.raw[body]):
                    return k
                number = int(lone.group(1))
                ns, ne = self.lines[k][0] + lone.start(1), self.lines[k][0] + lone.end(1)
                pieces = [self.lines[body]]
                k = body + 1
            elif inline and int(inline.group(1)) == last_number + 1:
                number = int(inline.group(1))
                ls = self.lines[k][0]
                ns, ne = ls + inline.start(1), ls + inline.end(1)
                pieces = [(ls + inline.end(), self.lines[k][1])]
                k += 1
            else:
                return k
            # Body continues over wrapped lines until it ends a sentence.
            while not self.text[pieces[-1][0] : pieces[-1][1]].rstrip().endswith(("。", ".")):
                nxt = self._next_content(k)
                if nxt >= n or LONE_NUMBER.match(self.raw[nxt]) or FOOTNOTE_RULE.match(self.raw[nxt]):
                    break
                if self.raw[nxt].startswith("  ") or NUMBERED.match(self.raw[nxt]):
                    break
                pieces.append(self.lines[nxt])
                k = nxt + 1
            self.w.note(number, ns, ne, pieces)
            last_number = number
