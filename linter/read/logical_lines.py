"""What every normalizing reader shares: logical lines and footnote bodies built over an OffsetMap.

A reader (pdf_text, markdown_text, plain_text) walks the physical lines of
a draft and tells a Writer where logical lines start, which characters to
copy, where markers stood and where footnote bodies lie; the Writer copies
with PDF damage collapsed (bold ×4, letter-spaced headings) and keeps the
origin of every character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from linter.read.line_shapes import HEADER_START, ORGAN_LINE, SPONSOR, is_standalone
from linter.read.offsets import OffsetMap, TextBuilder


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
SPACE = " \t\u3000\u00a0"

# Bold type in a PDF comes out as the same glyphs four times over:
# 回顾回顾回顾回顾, 邀邀邀邀请请请请, 深为关切的是×4 then ，，，，.
REPEATED4 = re.compile(r"([\u4e00-\u9fff\u3001-\u3003\uff0c\uff1b\uff1a\u300a\u300b\u201c\u201d]{1,24}?)\1\1\1")
# Letter-spaced headings: 大 会 决 议.
LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}")
# A numbered paragraph or sub-item: 1. (a) (一) a)
NUMBERED = re.compile(r"^\s*[“\"]?(?:\d{1,3}\s*[.．]|[(（][a-z一二三四五六七八九十]{1,3}[)）]|[a-z][.)])\s*")
# Footnote numbers as superscript digits (¹²), read as the number they stand for.
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def note_number(m: re.Match) -> int:
    """The number of a footnote line matched as [n] (group 1), n (group 2) or superscript digits (group 3)."""
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        return int(m.group(2))
    return int(m.group(3).translate(SUPERSCRIPT_DIGITS))


# A footnote number glued to the start of a line: "1 联合国，《条约汇编》…".
GLUED_START = re.compile(r"^\s*(\d{1,3})[ \t]+(?=[^\d\s年月日号段条款卷个次届项%])")


class Writer:
    """Builds logical lines and footnote bodies, collapsing PDF damage on the way."""

    def __init__(self, original: str, collapse_bold: bool, joiner: str = ""):
        self.original = original
        self.collapse_bold = collapse_bold
        # What joins the lines a line break split: nothing in Chinese, a space in English.
        self.joiner = joiner
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

    def open_state(self) -> tuple[bool, str]:
        """What the next line's reading may ask of the Writer: whether the open line is empty, its last character."""
        return self.current_empty(), self.last_char()

    def current_empty(self) -> bool:
        return not self.lines or self.lines[-1][0] == len(self.body)

    def last_char(self) -> str:
        if self.current_empty():
            return ""
        return self.body.last_char()

    def emit(self, start: int, end: int) -> None:
        """Copy original[start:end] into the open line, trimmed, with damage collapsed."""
        start, end = trim(self.original, start, end)
        if start >= end:
            return
        if not self.lines:
            self.new_line()
        emit_clean(self.body, self.original, start, end, self.collapse_bold)
        self.lines[-1][1] = len(self.body)

    def emit_piece(self, start: int, end: int, trim_end: bool) -> None:
        """Copy a piece of a line between markers; spaces inside a line stay, the line's edges are trimmed."""
        if end <= start:
            return
        if not self.lines:
            self.new_line()
        if self.current_empty():
            start, _ = trim(self.original, start, end)
        if trim_end:
            _, end = trim(self.original, start, end)
        if start < end:
            emit_clean(self.body, self.original, start, end, self.collapse_bold)
            self.lines[-1][1] = len(self.body)

    def join(self, at: int) -> None:
        """Put the joiner between the open line and what is copied next (a line the line break split off)."""
        if self.joiner and not self.current_empty() and self.body.last_char() not in SPACE:
            self.body.insert(self.joiner, at)
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
                ps, pe = trim(self.original, ps, pe)
                if self.joiner and len(self.body) > text_start and ps < pe:
                    self.body.insert(self.joiner, ps)
                emit_clean(self.body, self.original, ps, pe, self.collapse_bold)
            notes.append(NoteBody(number, ns, ne, text_start, len(self.body)))
        text, offsets = self.body.build()
        return Normalized(text, offsets, lines, tuple(self.markers), tuple(notes))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return start, end


def emit_clean(builder: TextBuilder, text: str, start: int, end: int, collapse_bold: bool) -> None:
    pos = start
    if collapse_bold:
        for m in REPEATED4.finditer(text, start, end):
            emit_spaced(builder, text, pos, m.start())
            builder.collapse(m.group(1), m.start(), m.end())
            pos = m.end()
    emit_spaced(builder, text, pos, end)


def emit_spaced(builder: TextBuilder, text: str, start: int, end: int) -> None:
    """Copy, closing up letter-spaced headings (大 会 决 议 → 大会决议)."""
    pos = start
    if text.find(" ", start, end) >= 0:  # a line without a space has no letter spacing: spared the search
        for m in LETTER_SPACED.finditer(text, start, end):
            builder.copy(text, pos, m.start())
            for i in range(m.start(), m.end(), 2):
                builder.copy(text, i, i + 1)
            pos = m.end()
    builder.copy(text, pos, end)


def collapsed(text: str) -> str:
    return LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), REPEATED4.sub(r"\1", text)).strip()


ORGAN_SEARCH = 80  # how many physical lines find_organ_line reads


def find_organ_line(lines: list[str], limit: int = ORGAN_SEARCH) -> int | None:
    """Index of the organ line (大会，) among the first physical lines, if any."""
    for i, line in enumerate(lines[:limit]):
        clean = collapsed(line)
        if ORGAN_LINE.match(clean) and len(clean) <= 45 and not HEADER_START.match(clean):
            return i
    return None


class HeaderJoiner:
    """Header lines stand alone, except a long title line that wraps onto the next."""

    def __init__(self, writer: Writer, original: str):
        self.w = writer
        self.original = original
        self.prev_physical = ""
        self.logical = ""  # the header line written so far

    def line(self, start: int, end: int) -> None:
        content = self.original[start:end].strip()
        if not content:
            return
        prev = collapsed(self.prev_physical)
        wraps = (
            len(prev) >= 15
            and prev[-1] not in TERMINAL + "、。）)]"
            and not prev[-1].isdigit()
            and not HEADER_START.match(collapsed(content))
            and not is_standalone(content)
            and not SPONSOR.match(self.logical)  # …提出的决议草案 ends its line; the title follows
        )
        if not wraps:
            self.w.new_line()
            self.logical = ""
        self.w.emit(start, end)
        self.prev_physical = content
        self.logical += collapsed(content)


def emit_header(writer: Writer, text: str, lines: Sequence[tuple[int, int]], raw: list[str], skip=lambda k: False) -> int:
    """Write the header lines and the organ line; return the index of the first body line (0 without an organ)."""
    organ = find_organ_line(raw)
    if organ is None:
        return 0
    header = HeaderJoiner(writer, text)
    for k in range(organ):
        if not skip(k):
            header.line(*lines[k])
    writer.new_line()
    writer.emit(*lines[organ])
    return organ + 1


def header_lines_read(raw: list[str], first: int) -> int:
    """The last physical line emit_header looked at, when it returned `first`."""
    return first - 1 if first else min(len(raw), ORGAN_SEARCH) - 1
