"""English drafts (the original a Chinese text is translated from) as logical lines, markers and footnote bodies.

Plain text, text copied out of Word and text pasted out of a PDF are read by
one reader: a paragraph starts at a paragraph number, a sub-item label, an
opener after a line that ends a paragraph ("Recalling", "Also requests"), a
blank line (unless the text is double-spaced, as PDF pastes are) or a header
or footer line; the lines a paragraph wraps over are joined with a space.
Footnote markers are digits glued to a word or its punctuation (thereto,1),
superscript digits, or numbers on lines of their own; footnote bodies follow a
rule line, or stand at a page bottom after the marker with their number.
Markdown and .docx text go through the Markdown reader with English shapes.
"""

from __future__ import annotations

import re

from linter.read import english_shapes as en
from linter.read.line_shapes import BLANK_RULE, FOOTNOTE_RULE, LONE_NUMBER, PAGE_FURNITURE
from linter.read.logical_lines import (
    NUMBERED,
    SUPERSCRIPT_DIGITS,
    Normalized,
    Writer,
    note_number,
    trim,
)
from linter.read.markdown_text import MD_RULE, MarkdownReader
from linter.read.physical_lines import PhysicalLines
from linter.read.sources import Source

# Marks after which a paragraph may end (closing quotes and brackets may follow them).
_ENDS = ",;:."
_CLOSERS = "”’\")]"
# A footnote number glued to the word or mark before it: thereto,1 / Convention2 / “…”.3
_GLUED = re.compile(r"(?<=[a-z)\]”’\",;:.])([1-9]\d{0,2})(?=[\s,.;:)]|$)"
                    r"|(?<=[,;:.”\"] )([1-9]\d{0,2})(?= [a-z]| ?$)")  # PDF text may space the marker: metals, 1 and
# A number glued to the comma or semicolon after a word, before the next lower-case word: a marker even out of the
# sequence (an excerpt's markers do not start at 1).
_SURE_MARKER = re.compile(r"(?<=[a-z][,;])([1-9]\d{0,2})(?= [a-z])")
# Abbreviations a number follows without a space that are no footnote markers: Corr.1, Add.2, CP.21, No.1
_NOT_BEFORE_MARKER = re.compile(r"(?:\b(?:Corr|Add|Rev|CP|CMP|CMA|No|Nos|vol|para|paras|art|Part|Sess|L|Sub|WG|CRP"
                                r"|Misc|INF|Amend|Suppl|sect|chap|p|pp)\.|[A-Z]\.|[./\-+])$")
_SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# A footnote body's first line: its number, then the text (1 United Nations, Treaty Series, vol. 2225, No. 39574.).
_NOTE_START = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})(?![\d.,/])|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)")
_NOTES_HEADING = re.compile(r"^\s*(?:Notes|Footnotes)\s*:?\s*$")
_SPACE = " \t\u00a0"


def normalize_english(source: Source) -> Normalized:
    if source.format in ("markdown", "docx"):
        return MarkdownReader(source.text, line_per_paragraph=source.format == "docx", standalone=en.is_standalone,
                              joiner=" ", emphasis=re.compile(r"\*{1,2}|__")).run()
    return EnglishReader(source.text, pdf=source.format == "pdf-text").run()


class EnglishReader:
    def __init__(self, text: str, pdf: bool):
        self.text = text
        self.raw = text.split("\n")
        self.lines = PhysicalLines.of(self.raw)
        self.w = Writer(text, collapse_bold=False, joiner=" ")
        # Blank lines separate paragraphs, unless every line is followed by one (a PDF paste).
        self.blank_lines_count = not (pdf or _double_spaced(self.raw))
        self.max_marker = 0
        self.last_note = 0
        self.tail = ""  # the text of the last physical line copied, markers left out

    def run(self) -> Normalized:
        self._body(self._header())
        return self.w.finish()

    # --- header ---------------------------------------------------------------------------
    def _header(self) -> int:
        organ = next((k for k, line in enumerate(self.raw[:120]) if en.ORGAN_LINE.match(line.strip())), None)
        if organ is None:
            return 0
        previous = ""  # the header line written so far
        blank = False
        for k in range(organ):
            content = self.raw[k].strip()
            if not content:
                blank = True
                continue
            if PAGE_FURNITURE.match(content) and not previous:
                continue
            wraps = (
                previous and (not blank or not self.blank_lines_count) and len(previous) >= 30 and previous[-1] not in _ENDS + "]"
                and not en.HEADER_START.match(content) and not en.is_standalone(content)
                and not en.SPONSOR.match(previous)
            )
            if wraps:
                self.w.join(self.lines[k][0])
                previous += " " + content
            else:
                self.w.new_line()
                previous = content
            self.w.emit(*self.lines[k])
            blank = False
        self.w.new_line()
        self.w.emit(*self.lines[organ])
        return organ + 1

    # --- body -----------------------------------------------------------------------------
    def _body(self, k: int) -> None:
        n = len(self.raw)
        blank = False
        standalone_open = False
        while k < n:
            raw = self.raw[k]
            start, end = self.lines[k]
            content = raw.strip()
            if not content:
                blank = True
                k += 1
                continue
            if FOOTNOTE_RULE.match(raw) or BLANK_RULE.match(raw) or MD_RULE.match(raw) or _NOTES_HEADING.match(raw):
                k = self._notes(k + 1)
                continue
            lone = LONE_NUMBER.match(raw)
            if lone:
                number = int(lone.group(1))
                if self._fits(number) and not self.w.current_empty():
                    self._marker(number, start + lone.start(1), start + lone.end(1))
                k += 1
                continue
            if PAGE_FURNITURE.match(raw):
                k += 1
                continue
            note = _NOTE_START.match(raw)
            if note and note_number(note) == self.last_note + 1 and note_number(note) <= self.max_marker \
                    and self._ends_paragraph() and not NUMBERED.match(content):
                k = self._notes(k)  # a footnote at the bottom of a page, without a rule line
                continue
            if self._starts_paragraph(content, blank) or standalone_open:
                self.w.new_line()
            else:
                self.w.join(start)
            self._emit_with_markers(start, end)
            standalone_open = en.is_standalone(content) or bool(en.ORGAN_LINE.match(content))
            blank = False
            k += 1

    def _ends_paragraph(self) -> bool:
        last = self._last_mark()
        return self.w.current_empty() or last in _ENDS

    def _last_mark(self) -> str:
        """The mark the open line ends with, closing quotes and brackets skipped."""
        if self.w.current_empty():
            return ""
        return self.tail.rstrip().rstrip(_CLOSERS)[-1:]

    def _starts_paragraph(self, content: str, blank: bool) -> bool:
        if self.w.current_empty() or en.is_standalone(content) or en.ORGAN_LINE.match(content):
            return True
        if NUMBERED.match(content):
            return True
        if blank and self.blank_lines_count:
            # A blank line ends a paragraph, unless the text runs on in mid-sentence (a page break).
            return not content[:1].islower()
        return self._last_mark() in _ENDS and en.starts_with_opener(content)

    # --- markers --------------------------------------------------------------------------
    def _fits(self, number: int) -> bool:
        return 1 <= number <= self.max_marker + 1

    def _marker(self, number: int, start: int, end: int) -> None:
        self.w.marker(number, start, end)
        self.max_marker = max(self.max_marker, number)

    def _emit_with_markers(self, start: int, end: int) -> None:
        line = self.text[start:end]
        start, end = trim(self.text, start, end)
        line = self.text[start:end]
        found: list[tuple[int, int, int, int]] = []  # marker start, end, number, where the text before it ends
        for m in _SUPERSCRIPT.finditer(line):
            found.append((m.start(), m.end(), int(m.group(0).translate(SUPERSCRIPT_DIGITS)), m.start()))
        for m in _GLUED.finditer(line):
            g = 1 if m.group(1) else 2
            if not _NOT_BEFORE_MARKER.search(line, 0, m.start() - (g - 1)):
                found.append((m.start(g), m.end(g), int(m.group(g)), m.start(g) - (g - 1)))
        for m in _SURE_MARKER.finditer(line):  # Questions,22 subject: a marker whatever the numbers before it
            found = [f for f in found if f[0] != m.start(1)] + [(m.start(1), m.end(1), -int(m.group(1)), m.start(1))]
        pos = start
        tail = []
        for ms, me, number, before in sorted(found):
            number = abs(number)  # negative: a marker out of the sequence, but sure by its place
            if not self._fits(number) and (ms, me, -number, before) not in found:
                continue
            self.w.emit_piece(pos, start + before, trim_end=False)
            tail.append(self.text[pos : start + before])
            self._marker(number, start + ms, start + me)
            pos = start + me
        self.w.emit_piece(pos, end, trim_end=True)
        tail.append(self.text[pos:end])
        self.tail = "".join(tail)

    # --- footnote bodies --------------------------------------------------------------------

    def _notes(self, k: int) -> int:
        """Read footnote bodies from line k; return the index of the first line after them."""
        n = len(self.raw)
        current: list | None = None
        while k < n:
            raw = self.raw[k]
            start, end = self.lines[k]
            if not raw.strip():
                k += 1
                continue
            if FOOTNOTE_RULE.match(raw) or BLANK_RULE.match(raw) or MD_RULE.match(raw):
                k += 1
                continue
            lone = LONE_NUMBER.match(raw)
            note = _NOTE_START.match(raw)
            if lone and int(lone.group(1)) == self.last_note + 1 and k + 1 < n:
                body = k + 1
                while body < n and not self.raw[body].strip():
                    body += 1
                if body < n and not LONE_NUMBER.match(self.raw[body]):
                    current = [int(lone.group(1)), start + lone.start(1), start + lone.end(1), [self.lines[body]]]
                    self._note(current)
                    k = body + 1
                    continue
            if note and note_number(note) == self.last_note + 1:
                g = next(x for x in (1, 2, 3) if note.group(x))
                current = [note_number(note), start + note.start(g), start + note.end(g), [(start + note.end(), end)]]
                self._note(current)
                k += 1
                continue
            if current is not None and not self._piece_ends(current) and not NUMBERED.match(raw.strip()):
                current[3].append((start, end))  # the body wraps onto this line
                k += 1
                continue
            return k
        return k

    def _note(self, note: list) -> None:
        self.w.note(*note)  # the Writer keeps the list: lines appended to note[3] later still count
        self.last_note = note[0]

    def _piece_ends(self, note: list) -> bool:
        s, e = note[3][-1]
        return self.text[s:e].rstrip().rstrip(_CLOSERS).endswith(".")


def _double_spaced(raw: list[str]) -> bool:
    content = sum(1 for line in raw if line.strip())
    pairs = sum(1 for a, b in zip(raw, raw[1:]) if a.strip() and not b.strip())
    return content >= 6 and pairs >= 0.7 * content
