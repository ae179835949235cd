"""Build the Document from normalized lines: header, organ line, paragraphs and sub-items, footer, annexes, embedded resolutions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.read.document import (  # noqa: F401  (the model is imported from here too)
    Annex,
    Document,
    Footer,
    Footnote,
    FootnoteMarker,
    Header,
    HeaderLine,
    Paragraph,
    Part,
    SubItem,
)
from linter.read.english_text import normalize_english
from linter.read.languages import CHINESE, ENGLISH, Shapes, detect_language
from linter.read.logical_lines import Normalized
from linter.read.normalize import normalize
from linter.read.offsets import OffsetMap
from linter.read.paragraph_shapes import (
    OPERATIVE_ENDS,
    RawParagraph,
    final_mark,
    is_mark,
    nest_levels,
    split_parts,
)
from linter.read.sources import Source

_OPERATIVE = re.compile(r"^(\d{1,3})\s*[.．]\s*")
_SUB_ITEM = re.compile(r"^([(（](?:[a-z]{1,2}|[一二三四五六七八九十]{1,3}|[ivx]{1,5})[)）]|[a-z][.)])\s*")


def parse(source: Source) -> Document:
    """The Document of a draft in Chinese or (the original of a translation) in English."""
    if detect_language(source.text) == "en":
        return build(source, normalize_english(source), ENGLISH)
    return build(source, normalize(source))


def build(source: Source, norm: Normalized, shapes: Shapes = CHINESE) -> Document:
    text = norm.text
    offsets = norm.offsets
    part = _part_maker(text, offsets)

    lines = list(norm.lines)
    organ_line = shapes.organ_line
    organ_index = next((k for k, (s, e) in enumerate(lines) if organ_line.match(text[s:e])), None)
    if organ_index is None:
        organ_index = _implicit_header_end(text, lines, shapes) - 1
    header_lines = [_header_line(part, text, s, e, shapes) for s, e in lines[: max(organ_index, 0)]]
    organ = part(Part, *lines[organ_index]) if organ_index >= 0 and organ_line.match(text[slice(*lines[organ_index])]) else None
    body = lines[organ_index + 1 :] if organ_index >= 0 else lines

    read = _BodyReader(source, text, offsets, shapes)
    result = read.body(body)

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
    header = _header(header_lines, offsets, shapes)
    return Document(
        source=source, text=text, offsets=offsets, header=header, organ=organ,
        preambular=result.preambular, operative=result.operative, markers=markers,
        footnotes=footnotes, footer=Footer(result.footer_date, result.footer_meeting), other=result.other,
        annexes=result.annexes, embedded=result.embedded, language=shapes.language,
    )


def _part_maker(text: str, offsets: OffsetMap):
    def part(cls, s: int, e: int, **kw):
        os_, oe = offsets.to_original(s, e)
        return cls(text=text[s:e], start=os_, end=oe, offset=s, **kw)

    return part


@dataclass(frozen=True)
class _Body:
    preambular: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footer_date: Part | None = None
    footer_meeting: Part | None = None
    other: tuple[Part, ...] = ()
    annexes: tuple[Annex, ...] = ()
    embedded: tuple[Document, ...] = ()


class _BodyReader:
    """Reads the lines after an organ line into paragraphs, sub-items, footer, annexes and embedded resolutions."""

    def __init__(self, source: Source, text: str, offsets: OffsetMap, shapes: Shapes = CHINESE):
        self.source = source
        self.text = text
        self.offsets = offsets
        self.shapes = shapes
        self.part = _part_maker(text, offsets)

    def body(self, lines: list[tuple[int, int]]) -> _Body:
        raws: list[RawParagraph] = []
        footer_date = footer_meeting = None
        other: list[Part] = []
        embedded: list[Document] = []
        text, part, shapes = self.text, self.part, self.shapes
        k = 0
        while k < len(lines):
            s, e = lines[k]
            line = text[s:e]
            if shapes.annex_heading.match(line) and raws:
                return self._finish(raws, footer_date, footer_meeting, other, self._annexes(lines[k:]), embedded)
            if shapes.footer_date.match(line) and raws:
                footer_date = part(Part, s, e)
            elif shapes.meeting.match(line):
                footer_meeting = part(Part, s, e)
            elif footer_date or footer_meeting:
                other.append(part(Part, s, e))
            elif raws and is_mark(final_mark(text, raws[-1]), "：:") and (draft := self._embedded(lines, k)):
                doc, k = draft
                embedded.append(doc)
                continue
            else:
                self._paragraph_line(raws, s, e)
            k += 1
        return self._finish(raws, footer_date, footer_meeting, other, (), embedded)

    def _paragraph_line(self, raws: list[RawParagraph], s: int, e: int) -> None:
        line = self.text[s:e]
        sub = _SUB_ITEM.match(line)
        if sub and raws:
            raws[-1].items.append((sub.group(1), s + sub.end(), e))
            return
        number = _OPERATIVE.match(line)
        if number:
            ls, le = self.offsets.to_original(s + number.start(1), s + number.end())
            raws.append(RawParagraph(s + number.end(), e, int(number.group(1)), line[: number.end()].strip(), ls, le))
        else:
            raws.append(RawParagraph(s, e))

    def _finish(self, raws, footer_date, footer_meeting, other, annexes, embedded) -> _Body:
        preambular, operative = split_parts(self.text, raws, self.shapes.opening_part)
        return _Body(
            tuple(self._paragraph(r) for r in preambular), tuple(self._paragraph(r) for r in operative),
            footer_date, footer_meeting, tuple(other), tuple(annexes), tuple(embedded),
        )

    def _paragraph(self, raw: RawParagraph) -> Paragraph:
        levels = nest_levels(self.text, raw.items)
        items = tuple(self.part(SubItem, s, e, label=label, level=level) for (label, s, e), level in zip(raw.items, levels))
        return self.part(Paragraph, raw.s, raw.e, number=raw.number, label=raw.label, label_start=raw.label_start,
                         label_end=raw.label_end, sub_items=items)

    def _annexes(self, lines: list[tuple[int, int]]) -> list[Annex]:
        annexes: list[Annex] = []
        for s, e in lines:
            if self.shapes.annex_heading.match(self.text[s:e]):
                annexes.append(Annex(self.part(Part, s, e)))
            else:
                last = annexes[-1]
                annexes[-1] = Annex(last.heading, last.lines + (self.part(Part, s, e),))
        return annexes

    def _embedded(self, lines: list[tuple[int, int]], k: int) -> tuple[Document, int] | None:
        """A resolution recommended to another organ, starting at lines[k] after a paragraph ending "：":
        an organ line (大会，), or a title line and then the organ line; quoted (“大会，) or not."""
        text = self.text
        title = None
        organ_at = k
        shapes = self.shapes
        if k < len(lines) and not _is_organ(text, *lines[k], shapes):
            s, e = lines[k]
            if k + 1 >= len(lines) or not _is_organ(text, *lines[k + 1], shapes) or text[e - 1 : e] in OPERATIVE_ENDS + "，,":
                return None
            title, organ_at = (s, e), k + 1
        s, e = lines[organ_at]
        quoted = text[s] in "“\""
        drop = 1 if quoted else 0
        header = () if title is None else (self.part(HeaderLine, title[0] + (drop if text[title[0]] in "“\"" else 0), title[1], kind="title"),)
        organ = self.part(Part, s + drop, e)
        raws: list[RawParagraph] = []
        j = organ_at + 1
        while j < len(lines):
            s, e = lines[j]
            line = text[s:e]
            if shapes.footer_date.match(line) or shapes.meeting.match(line) or shapes.annex_heading.match(line):
                break
            if quoted and text[s] in "“\"":
                s += 1
            closes = quoted and e - s >= 2 and text[e - 1] in "”\"" and is_mark(text[e - 2], OPERATIVE_ENDS)
            self._paragraph_line(raws, s, e - 1 if closes else e)
            j += 1
            if closes:
                break
        body = self._finish(raws, None, None, [], (), [])
        doc = Document(
            source=self.source, text=text, offsets=self.offsets, header=Header(header, title=header[0] if header else None),
            organ=organ, preambular=body.preambular, operative=body.operative, markers=(), footnotes=(), footer=Footer(),
            language=shapes.language,
        )
        return doc, j


def _is_organ(text: str, s: int, e: int, shapes: Shapes = CHINESE) -> bool:
    """An organ line opening a resolution quoted in this one: 大会， “经济及社会理事会， 《…》缔约方会议，
    (not a paragraph that opens with a verb and happens to end with 理事会，)."""
    line = text[s:e].lstrip("“\"")
    if shapes.embedded_organ.match(line):
        return True
    return (len(line) <= shapes.max_organ_length and bool(shapes.organ_line.match(line))
            and shapes.opening_part(line) is None)


def _implicit_header_end(text: str, lines: list[tuple[int, int]], shapes: Shapes = CHINESE) -> int:
    """Without an organ line, leading lines that look like header lines are the header."""
    k = 0
    while k < len(lines) and k < 12:
        line = text[slice(*lines[k])]
        if shapes.date_line.match(line) or shapes.symbol_title.match(line) or shapes.symbol_heading.match(line) or any(
            p.match(line) for _, p in shapes.header_kinds
        ):
            k += 1
        else:
            break
    return k


def _header_line(part, text: str, s: int, e: int, shapes: Shapes = CHINESE) -> HeaderLine:
    line = text[s:e]
    if shapes.symbol_title.match(line):
        kind = "symbol-title"
    elif shapes.symbol_heading.match(line):
        kind = "symbol-heading"
    elif shapes.date_line.match(line):
        kind = "date"
    else:
        kind = next((k for k, p in shapes.header_kinds if p.match(line)), "other")
    return part(HeaderLine, s, e, kind=kind)


# A header line ending like this introduces what follows and is no title.
_INTRO_ENDS = {"zh": "：", "en": (":", "：")}


def _header(lines: list[HeaderLine], offsets: OffsetMap, shapes: Shapes = CHINESE) -> Header:
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
            m = shapes.symbol_title.match(line.text)
            symbol = sub(line, m.start(1), m.end(1))
            if m.group(2):
                title = sub(line, m.start(2), m.end(2))
        elif line.kind == "symbol-heading" and symbol is None:
            m = shapes.symbol_heading.match(line.text)
            symbol = sub(line, m.start(1), m.end(1))
        elif line.kind == "other" and title is None and len(line.text) >= 12 and not line.text.endswith(_INTRO_ENDS[shapes.language]):
            title = line
    # A symbol heading (第6/1号决议) is followed by its title line.
    if title is None and symbol is not None:
        after = [l for l in lines if l.kind == "other" and l.offset > symbol.offset]
        if after:
            title = after[0]
    return Header(tuple(lines), date, basis, symbol, title)
