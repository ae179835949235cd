"""Undo extraction damage: turn a decoded draft into logical lines, markers and footnote bodies.

Every character of the normalized text keeps its origin in an OffsetMap, so
whatever a rule finds in the clean text is reported at the original
characters. The normalized text is the body's logical lines (one per
heading, header line, paragraph or footer line) joined by "\\n", then the
footnote bodies, one per line. Footnote markers are taken out of the text
and kept as `Marker`s with the place they stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.read.offsets import OffsetMap, TextBuilder
from linter.read.sources import Source
from linter.registries.lexicon import starts_with_opener


@dataclass(frozen=True)
class Marker:
    """A footnote marker: its number, its original span, and where it stood in the normalized text."""

    number: int
    start: int
    end: int
    at: int


@dataclass(frozen=True)
class NoteBody:
    """A footnote body: number (original span of the number) and its text (normalized span)."""

    number: int
    number_start: int
    number_end: int
    text_start: int
    text_end: int


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: OffsetMap
    lines: tuple[tuple[int, int], ...]
    markers: tuple[Marker, ...]
    notes: tuple[NoteBody, ...]


TERMINAL = "，；。：,;:"
_SPACE = " \t\u3000\u00a0"

# Bold type in a PDF comes out as the same glyphs four times over:
# 回顾回顾回顾回顾, 邀邀邀邀请请请请, 深为关切的是×4 then ，，，，.
_REPEATED4 = re.compile(r"([\u4e00-\u9fff\u3001-\u3003\uff0c\uff1b\uff1a\u300a\u300b\u201c\u201d]{1,24}?)\1\1\1")
# Letter-spaced headings: 大 会 决 议.
_LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}")

_RULE = re.compile(r"^\s*(?:_{5,}|-{5,}|—{3,})\s*$")
_BLANK_RULE = re.compile(r"^[ \t]{20,}$")
_LONE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_WORD_ANCHOR = re.compile(r"\s?\d{1,3} ?[FH]\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.．]|[(（][a-z一二三四五六七八九十]{1,3}[)）]|[a-z][.)])\s*")
_GLUED_START = re.compile(r"^\s*(\d{1,3})[ \t]+(?=[^\d\s年月日号段条款卷个次届项%])")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:"
    r"(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3}(?:\s+(?:GE\.)?\d{2}-\d{5})?"
    r"|[-–]\s*\d{1,3}\s*[-–]"
    r"|第\s*\d{1,3}\s*页(?:\s*/?\s*共\s*\d{1,3}\s*页)?"
    r"|(?:A|E|S|CTOC|CAC)/[A-Z0-9./-]+(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3}\s+(?:A|E|S|CTOC|CAC)/[A-Z0-9./-]+"
    r")\s*$"
)

# Lines that always stand alone, whatever the punctuation before them.
_STANDALONE = re.compile(
    r"^\s*(?:"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"  # footer date
    r"|第\s*[\d一二三四五六七八九十百]+\s*次全体会议\s*$"  # footer meeting
    r"|\[根据.*通过\]\s*$"  # basis line
    r"|\d{1,4}/\d{1,3}\.\s"  # title with symbol
    r"|第\s*[一二三四五六七八九十百]+\s*届会议\s*$"
    r"|第[一二三四五六]委员会\s*$"
    r"|议程项目"
    r")"
)
# The adopting organ's line: 大会， 经济及社会理事会， 《…公约》缔约方会议，
ORGAN_LINE = re.compile(r"^\s*(?:\S.{0,40}?)?(?:大会|理事会|委员会|会议)\s*[，,]\s*$")
_HEADER_PATTERN = re.compile(
    r"^\s*(?:\d{4}\s*年.*决\s*议|\[根据|\d{1,4}/\d{1,3}\.|第.{1,8}届会议|第.委员会|议程项目|秘书处的说明|.{0,20}决\s*议\s*$)"
)


def normalize(source: Source) -> Normalized:
    if source.format == "pdf-text":
        return _PdfReader(source.text).run()
    if source.format in ("markdown", "docx"):
        return _MarkdownReader(source.text, line_per_paragraph=source.format == "docx").run()
    return _PlainReader(source.text, glued_markers=True).run()


# --- shared machinery ---------------------------------------------------------


class _Writer:
    """Builds logical lines and footnote bodies, collapsing PDF damage on the way."""

    def __init__(self, original: str, collapse_bold: bool):
        self.original = original
        self.collapse_bold = collapse_bold
        self.body = TextBuilder(len(original))
        self.lines: list[list[int]] = []
        self.markers: list[Marker] = []
        self.notes: list[tuple[int, int, int, list[tuple[int, int]]]] = []
        self.header_kind: list[bool] = []

    # logical lines
    def new_line(self) -> None:
        if self.lines and self.lines[-1][0] == len(self.body):
            return  # the open line is still empty
        if self.lines:
            self.body.insert("\n", self.body.end_position())
        self.lines.append([len(self.body), len(self.body)])

    def current_empty(self) -> bool:
        return not self.lines or self.lines[-1][0] == len(self.body)

    def last_char(self) -> str:
        if self.current_empty():
            return ""
        return self.body.last_char()

    def emit(self, start: int, end: int) -> None:
        """Copy original[start:end] into the open line, trimmed, with damage collapsed."""
        start, end = _trim(self.original, start, end)
        if start >= end:
            return
        if not self.lines:
            self.new_line()
        _emit_clean(self.body, self.original, start, end, self.collapse_bold)
        self.lines[-1][1] = len(self.body)

    def emit_piece(self, start: int, end: int, trim_end: bool) -> None:
        """Copy a piece of a line between markers; spaces inside a line stay, the line's edges are trimmed."""
        if end <= start:
            return
        if not self.lines:
            self.new_line()
        if self.current_empty():
            start, _ = _trim(self.original, start, end)
        if trim_end:
            _, end = _trim(self.original, start, end)
        if start < end:
            _emit_clean(self.body, self.original, start, end, self.collapse_bold)
            self.lines[-1][1] = len(self.body)

    def marker(self, number: int, start: int, end: int) -> None:
        self.markers.append(Marker(number, start, end, len(self.body)))

    def note(self, number: int, number_start: int, number_end: int, pieces: list[tuple[int, int]]) -> None:
        self.notes.append((number, number_start, number_end, pieces))

    def finish(self) -> Normalized:
        lines = tuple((s, e) for s, e in self.lines if e > s)
        notes = []
        for number, ns, ne, pieces in self.notes:
            if len(self.body):
                self.body.insert("\n", ne)
            text_start = len(self.body)
            for ps, pe in pieces:
                ps, pe = _trim(self.original, ps, pe)
                _emit_clean(self.body, self.original, ps, pe, self.collapse_bold)
            notes.append(NoteBody(number, ns, ne, text_start, len(self.body)))
        text, offsets = self.body.build()
        return Normalized(text, offsets, lines, tuple(self.markers), tuple(notes))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _emit_clean(builder: TextBuilder, text: str, start: int, end: int, collapse_bold: bool) -> None:
    pos = start
    if collapse_bold:
        for m in _REPEATED4.finditer(text, start, end):
            _emit_spaced(builder, text, pos, m.start())
            builder.collapse(m.group(1), m.start(), m.end())
            pos = m.end()
    _emit_spaced(builder, text, pos, end)


def _emit_spaced(builder: TextBuilder, text: str, start: int, end: int) -> None:
    """Copy, closing up letter-spaced headings (大 会 决 议 → 大会决议)."""
    pos = start
    for m in _LETTER_SPACED.finditer(text, start, end):
        builder.copy(text, pos, m.start())
        for i in range(m.start(), m.end(), 2):
            builder.copy(text, i, i + 1)
        pos = m.end()
    builder.copy(text, pos, end)


def _physical_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    pos = 0
    for part in text.split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    return lines


def _collapsed(text: str) -> str:
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), _REPEATED4.sub(r"\1", text)).strip()


def _is_standalone(content: str) -> bool:
    return bool(_STANDALONE.match(content))


def _find_organ_line(lines: list[str], limit: int = 80) -> int | None:
    """Index of the organ line (大会，) among the first physical lines, if any."""
    for i, line in enumerate(lines[:limit]):
        clean = _collapsed(line)
        if ORGAN_LINE.match(clean) and len(clean) <= 45 and not _HEADER_PATTERN.match(clean):
            return i
    return None


class _HeaderJoiner:
    """Header lines stand alone, except a long title line that wraps onto the next."""

    def __init__(self, writer: _Writer, original: str):
        self.w = writer
        self.original = original
        self.prev_physical = ""

    def line(self, start: int, end: int) -> None:
        content = self.original[start:end].strip()
        if not content:
            return
        prev = _collapsed(self.prev_physical)
        wraps = (
            len(prev) >= 15
            and prev[-1] not in TERMINAL + "、。）)]"
            and not prev[-1].isdigit()
            and not _HEADER_PATTERN.match(_collapsed(content))
            and not _is_standalone(content)
        )
        if not wraps:
            self.w.new_line()
        self.w.emit(start, end)
        self.prev_physical = content


def _emit_header(writer: _Writer, text: str, lines: list[tuple[int, int]], raw: list[str], skip=lambda k: False) -> int:
    """Write the header lines and the organ line; return the index of the first body line (0 without an organ)."""
    organ = _find_organ_line(raw)
    if organ is None:
        return 0
    header = _HeaderJoiner(writer, text)
    for k in range(organ):
        if not skip(k):
            header.line(*lines[k])
    writer.new_line()
    writer.emit(*lines[organ])
    return organ + 1


# --- PDF-extracted text -------------------------------------------------------


class _PdfReader:
    def __init__(self, text: str):
        self.text = text
        self.lines = _physical_lines(text)
        self.raw = [text[s:e] for s, e in self.lines]
        self.w = _Writer(text, collapse_bold=True)
        bold_starts = sum(1 for line in self.raw if _REPEATED4.match(line.strip()))
        self.doc_has_bold = bold_starts >= 3
        self.max_marker = 0

    def run(self) -> Normalized:
        self._main(_emit_header(self.w, self.text, self.lines, self.raw, skip=self._is_furniture))
        return self.w.finish()

    def _is_furniture(self, k: int) -> bool:
        return bool(_PAGE_FURNITURE.match(self.raw[k])) and not _LONE_NUMBER.match(self.raw[k])

    def _next_content(self, k: int) -> int:
        while k < len(self.raw) and not self.raw[k].strip():
            k += 1
        return k

    def _main(self, i: int) -> None:
        after_marker = False
        standalone_open = False
        n = len(self.raw)
        while i < n:
            raw = self.raw[i]
            start, end = self.lines[i]
            if _RULE.match(raw) or _BLANK_RULE.match(raw):
                i = self._footnote_block(i + 1)
                continue
            if not raw.strip():
                i += 1
                continue
            lone = _LONE_NUMBER.match(raw)
            if lone:
                self._marker(int(lone.group(1)), start + lone.start(1), start + lone.end(1))
                after_marker = True
                i += 1
                continue
            if self._is_furniture(i):
                i += 1
                continue
            anchor = _WORD_ANCHOR.search(raw)
            if anchor and _LONE_NUMBER.match(self.raw[self._next_content(i + 1)] if self._next_content(i + 1) < n else ""):
                # Word's footnote anchor ("0 F", "1H") printed before the real number.
                end = start + anchor.start()
            glued = _GLUED_START.match(raw)
            if glued and self._fits_marker(int(glued.group(1))) and not self.w.current_empty() and self.w.last_char() not in TERMINAL:
                self._marker(int(glued.group(1)), start + glued.start(1), start + glued.end(1))
                start = start + glued.end()
                after_marker = True
            content = self.text[start:end].strip()
            if self._starts_paragraph(raw, content, after_marker) or standalone_open:
                self.w.new_line()
            self.w.emit(start, end)
            standalone_open = _is_standalone(content)
            after_marker = False
            i += 1

    def _starts_paragraph(self, raw: str, content: str, after_marker: bool) -> bool:
        if self.w.current_empty():
            return True
        if _is_standalone(content):
            return True
        if self.w.last_char() not in TERMINAL:
            return False
        if _NUMBERED.match(content) or _REPEATED4.match(content):
            return True
        indented = raw[:1] in _SPACE
        if after_marker:
            # A marker ends a visual line, so the text after it is indented
            # like a paragraph start; only the opener can tell them apart.
            if self.doc_has_bold:
                return False
            return indented and starts_with_opener(_collapsed(content))
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
            lone = _LONE_NUMBER.match(self.raw[k])
            inline = _GLUED_START.match(self.raw[k]) if not lone else None
            if lone:
                body = self._next_content(k + 1)
                if body >= n or _LONE_NUMBER.match(self.raw[body]) or _RULE.match(self.raw[body]):
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
                if nxt >= n or _LONE_NUMBER.match(self.raw[nxt]) or _RULE.match(self.raw[nxt]):
                    break
                if self.raw[nxt].startswith("  ") or _NUMBERED.match(self.raw[nxt]):
                    break
                pieces.append(self.lines[nxt])
                k = nxt + 1
            self.w.note(number, ns, ne, pieces)
            last_number = number


# --- Markdown (and .docx, rendered as Markdown) -----------------------------

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_NOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*")
_MD_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]")
_MD_EMPHASIS = re.compile(r"\*\*|__")


class _MarkdownReader:
    def __init__(self, text: str, line_per_paragraph: bool = False):
        self.text = text
        self.line_per_paragraph = line_per_paragraph  # docx text: every line is a paragraph
        self.lines = _physical_lines(text)
        self.w = _Writer(text, collapse_bold=False)

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
            if _MD_RULE.match(raw):
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
            elif not block_open or self.line_per_paragraph or _is_standalone(raw):
                self.w.new_line()
            self._emit_inline(start, end)
            block_open = True
        return self.w.finish()

    def _emit_inline(self, start: int, end: int) -> None:
        """Emit a line, taking out footnote markers and emphasis marks."""
        pos = start
        for m in re.finditer(f"{_MD_MARKER.pattern}|{_MD_EMPHASIS.pattern}", self.text[start:end]):
            ms, me = start + m.start(), start + m.end()
            self.w.emit_piece(pos, ms, trim_end=True)
            number = m.group(1) or m.group(2)
            if number:
                g = 1 if m.group(1) else 2
                self.w.marker(int(number), start + m.start(g), start + m.end(g))
            pos = me
        self.w.emit_piece(pos, end, trim_end=True)


# --- plain text and text copied out of Word ---------------------------------

# A footnote number Word glued to the text: "…框架》，1 强调…".
_GLUED_MARKER = re.compile(
    r"(?<=[\u4e00-\u9fff，。；、：》”）)])(?<!第)([1-9]\d{0,2})"
    r"(?=[ \t]?(?:[\u4e00-\u9fff《“（(]|[，。；、：]|$))(?![ \t]?[年月日号段条款卷个次届项名亿万千百%])"
)
_NOTE_LINE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})(?![\d.．、])|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPER_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


class _PlainReader:
    def __init__(self, text: str, glued_markers: bool):
        self.text = text
        self.lines = _physical_lines(text)
        self.raw = [text[s:e] for s, e in self.lines]
        self.w = _Writer(text, collapse_bold=True)
        self.glued_markers = glued_markers
        self.max_marker = 0

    def run(self) -> Normalized:
        i = _emit_header(self.w, self.text, self.lines, self.raw)
        in_notes = False
        standalone_open = False
        last_note = 0
        for k in range(i, len(self.lines)):
            start, end = self.lines[k]
            raw = self.raw[k]
            content = raw.strip()
            if not content:
                continue
            if _RULE.match(raw) or _MD_RULE.match(raw) or content in ("脚注", "注释", "注"):
                in_notes = True
                continue
            note = _NOTE_LINE.match(raw)
            if note and (in_notes or standalone_open or self._after_body_end()) and self._note_number(note) == last_note + 1:
                number = self._note_number(note)
                g = next(x for x in (1, 2, 3) if note.group(x))
                self.w.note(number, start + note.start(g), start + note.end(g), [(start + note.end(), end)])
                last_note = number
                in_notes = True
                continue
            if in_notes and last_note:
                # A wrapped footnote body.
                number, ns, ne, pieces = self.w.notes[-1]
                if not self.text[pieces[-1][0] : pieces[-1][1]].rstrip().endswith("。"):
                    pieces.append((start, end))
                    continue
            in_notes = False
            joins = (
                not self.w.current_empty()
                and self.w.last_char() not in TERMINAL
                and not _is_standalone(content)
                and not _NUMBERED.match(content)
            )
            if not joins or standalone_open:
                self.w.new_line()
            self._emit_with_markers(start, end)
            standalone_open = _is_standalone(content)
        return self.w.finish()

    def _after_body_end(self) -> bool:
        return self.w.last_char() in "。" or self.w.current_empty()

    @staticmethod
    def _note_number(m: re.Match) -> int:
        if m.group(1):
            return int(m.group(1))
        if m.group(2):
            return int(m.group(2))
        return int(m.group(3).translate(_SUPERSCRIPT))

    def _emit_with_markers(self, start: int, end: int) -> None:
        pos = start
        seg = self.text[start:end]
        found: list[tuple[int, int, int, int]] = []
        for m in _SUPER_MARKER.finditer(seg):
            found.append((m.start(), m.end(), m.end(), int(m.group(0).translate(_SUPERSCRIPT))))
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

