"""The Document: a resolution's parts (header, organ, paragraphs, footnotes, footer) with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.read.line_shapes import (
    DATE_LINE,
    FOOTER_DATE,
    HEADER_KINDS,
    MEETING,
    ORGAN_LINE,
    SYMBOL_HEADING,
    SYMBOL_TITLE,
)
from linter.read.logical_lines import Normalized
from linter.read.normalize import normalize
from linter.read.offsets import OffsetMap
from linter.read.sources import Source


@dataclass(frozen=True)
class Part:
    """A piece of the document: its clean text, its original span, and where the text sits in Document.text."""

    text: str
    start: int
    end: int
    offset: int

    def locate(self, doc: "Document", i: int, j: int) -> tuple[int, int]:
        """Original span of text[i:j]."""
        return doc.offsets.to_original(self.offset + i, self.offset + j)


@dataclass(frozen=True)
class HeaderLine(Part):
    kind: str = "other"  # date, basis, symbol-title, session, committee, agenda, note, heading, title, other


@dataclass(frozen=True)
class SubItem(Part):
    label: str = ""


@dataclass(frozen=True)
class Paragraph(Part):
    """A preambular or operative paragraph. `text` excludes the number; `number` is None in the preamble."""

    number: int | None = None
    label: str = ""
    label_start: int = -1
    label_end: int = -1
    sub_items: tuple[SubItem, ...] = ()


@dataclass(frozen=True)
class Header:
    lines: tuple[HeaderLine, ...] = ()
    date: Part | None = None
    basis: Part | None = None
    symbol: Part | None = None
    title: Part | None = None


@dataclass(frozen=True)
class Footer:
    date: Part | None = None
    meeting: Part | None = None


@dataclass(frozen=True)
class FootnoteMarker:
    number: int
    start: int
    end: int
    at: int  # offset in Document.text the marker stood at


@dataclass(frozen=True)
class Footnote(Part):
    number: int = 0
    number_start: int = -1
    number_end: int = -1


@dataclass(frozen=True)
class Document:
    source: Source
    text: str
    offsets: OffsetMap
    header: Header
    organ: Part | None
    preambular: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    markers: tuple[FootnoteMarker, ...]
    footnotes: tuple[Footnote, ...]
    footer: Footer
    other: tuple[Part, ...] = field(default=())

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preambular + self.operative

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of Document.text[start:end]."""
        return self.offsets.to_original(start, end)

    def body_parts(self) -> list[Part]:
        """Every part with running text, in reading order, footnotes last."""
        parts: list[Part] = list(self.header.lines)
        if self.organ:
            parts.append(self.organ)
        for p in self.paragraphs:
            parts.append(p)
            parts.extend(p.sub_items)
        parts.extend(x for x in (self.footer.date, self.footer.meeting) if x)
        parts.extend(self.other)
        parts.extend(self.footnotes)
        return parts


_OPERATIVE = re.compile(r"^(\d{1,3})\s*[.．]\s*")
_SUB_ITEM = re.compile(r"^([(（](?:[a-z]{1,2}|[一二三四五六七八九十]{1,3}|[ivx]{1,5})[)）]|[a-z][.)])\s*")
def parse(source: Source) -> Document:
    return build(source, normalize(source))


def build(source: Source, norm: Normalized) -> Document:
    text = norm.text
    offsets = norm.offsets

    def part(cls, s: int, e: int, **kw):
        os_, oe = offsets.to_original(s, e)
        return cls(text=text[s:e], start=os_, end=oe, offset=s, **kw)

    lines = list(norm.lines)
    organ_index = next((k for k, (s, e) in enumerate(lines) if ORGAN_LINE.match(text[s:e])), None)
    if organ_index is None:
        organ_index = _implicit_header_end(text, lines) - 1
    header_lines = [_header_line(part, text, s, e) for s, e in lines[: max(organ_index, 0)]]
    organ = part(Part, *lines[organ_index]) if organ_index >= 0 and ORGAN_LINE.match(text[slice(*lines[organ_index])]) else None
    body = lines[organ_index + 1 :] if organ_index >= 0 else lines

    preambular: list[Paragraph] = []
    operative: list[Paragraph] = []
    pending_subs: list[SubItem] = []
    footer_date = footer_meeting = None
    other: list[Part] = []

    def close_subs() -> None:
        target = operative if operative else preambular
        if pending_subs and target:
            last = target[-1]
            target[-1] = Paragraph(
                text=last.text, start=last.start, end=last.end, offset=last.offset, number=last.number,
                label=last.label, label_start=last.label_start, label_end=last.label_end,
                sub_items=last.sub_items + tuple(pending_subs),
            )
        pending_subs.clear()

    for s, e in body:
        line = text[s:e]
        if FOOTER_DATE.match(line) and (operative or preambular):
            footer_date = part(Part, s, e)
            continue
        if MEETING.match(line):
            footer_meeting = part(Part, s, e)
            continue
        if footer_date or footer_meeting:
            other.append(part(Part, s, e))
            continue
        sub = _SUB_ITEM.match(line)
        if sub and (operative or preambular):
            pending_subs.append(part(SubItem, s + sub.end(), e, label=sub.group(1)))
            continue
        close_subs()
        number = _OPERATIVE.match(line)
        if number:
            ls, le = offsets.to_original(s + number.start(1), s + number.end())
            operative.append(
                part(Paragraph, s + number.end(), e, number=int(number.group(1)),
                     label=line[: number.end()].strip(), label_start=ls, label_end=le)
            )
        elif operative:
            # An unnumbered paragraph among operative ones: keep it there, the numbering rule reports it.
            operative.append(part(Paragraph, s, e, number=None))
        else:
            preambular.append(part(Paragraph, s, e))
    close_subs()

    markers = tuple(FootnoteMarker(m.number, m.start, m.end, m.at) for m in norm.markers)
    footnotes = tuple(
        Footnote(
            text=text[n.text_start : n.text_end],
            start=n.number_start,
            end=offsets.to_original(n.text_start, n.text_end)[1] if n.text_end > n.text_start else n.number_end,
            offset=n.text_start,
            number=n.number,
            number_start=n.number_start,
            number_end=n.number_end,
        )
        for n in norm.notes
    )
    header = _header(header_lines, offsets)
    return Document(
        source=source, text=text, offsets=offsets, header=header, organ=organ,
        preambular=tuple(preambular), operative=tuple(operative), markers=markers,
        footnotes=footnotes, footer=Footer(footer_date, footer_meeting), other=tuple(other),
    )


def _implicit_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Without an organ line, leading lines that look like header lines are the header."""
    k = 0
    while k < len(lines) and k < 12:
        line = text[slice(*lines[k])]
        if DATE_LINE.match(line) or SYMBOL_TITLE.match(line) or SYMBOL_HEADING.match(line) or any(
            p.match(line) for _, p in HEADER_KINDS
        ):
            k += 1
        else:
            break
    return k


def _header_line(part, text: str, s: int, e: int) -> HeaderLine:
    line = text[s:e]
    if SYMBOL_TITLE.match(line):
        kind = "symbol-title"
    elif SYMBOL_HEADING.match(line):
        kind = "symbol-heading"
    elif DATE_LINE.match(line):
        kind = "date"
    else:
        kind = next((k for k, p in HEADER_KINDS if p.match(line)), "other")
    return part(HeaderLine, s, e, kind=kind)


def _header(lines: list[HeaderLine], offsets: OffsetMap) -> Header:
    def sub(line: HeaderLine, i: int, j: int) -> Part:
        s, e = offsets.to_original(line.offset + i, line.offset + j)
        return Part(line.text[i:j], s, e, line.offset + i)

    date = basis = symbol = title = None
    for i, line in enumerate(lines):
        if line.kind == "date" and date is None:
            date = line
        elif line.kind == "basis" and basis is None:
            basis = line
        elif line.kind == "symbol-title" and symbol is None:
            m = SYMBOL_TITLE.match(line.text)
            symbol = sub(line, m.start(1), m.end(1))
            if m.group(2):
                title = sub(line, m.start(2), m.end(2))
        elif line.kind == "symbol-heading" and symbol is None:
            m = SYMBOL_HEADING.match(line.text)
            symbol = sub(line, m.start(1), m.end(1))
        elif line.kind == "other" and title is None and len(line.text) >= 12 and not line.text.endswith("："):
            title = line
    # A symbol heading (第6/1号决议) is followed by its title line.
    if title is None and symbol is not None:
        after = [l for l in lines if l.kind == "other" and l.offset > symbol.offset]
        if after:
            title = after[0]
    return Header(tuple(lines), date, basis, symbol, title)
