"""The Document model: a resolution's parts (header, organ, paragraphs, sub-items, footnotes, footer, annexes) with spans.

`structure` builds it; everything after the readers takes it as it is (frozen).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """A labelled sub-item. `level` 1 is an item of the paragraph ((a), (b) …); level 2 an item of the level-1
    item above it that ends with "：" ((一), (二) … or (i), (ii) …); and so on. Paragraph.sub_items holds every
    level in reading order; Paragraph.item_runs() groups them under their parents."""

    label: str = ""
    level: int = 1


@dataclass(frozen=True)
class Paragraph(Part):
    """A preambular or operative paragraph. `text` excludes the number; `number` is None in the preamble
    (and for an unnumbered operative paragraph). `sub_items`: all its sub-items, every level, in reading order."""

    number: int | None = None
    label: str = ""
    label_start: int = -1
    label_end: int = -1
    sub_items: tuple[SubItem, ...] = ()

    def item_runs(self) -> list[tuple[Part, tuple[SubItem, ...]]]:
        """Each run of sibling sub-items with its parent (this paragraph, or the item they are nested in), in order."""
        runs: list[tuple[Part, tuple[SubItem, ...]]] = []
        stack: list[tuple[Part, list[SubItem]]] = [(self, [])]

        def close() -> None:
            parent, items = stack.pop()
            if items:
                runs.append((parent, tuple(items)))

        for item in self.sub_items:
            while len(stack) > item.level:
                close()
            while len(stack) < item.level:
                above = stack[-1]
                stack.append((above[1][-1] if above[1] else above[0], []))
            stack[-1][1].append(item)
        while stack:
            close()
        return sorted(runs, key=lambda run: run[1][0].offset)


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
class Annex:
    """An annex after the resolution text (本决议所附…): its heading (附件, 附件一) and its lines. Not paragraphs of the resolution."""

    heading: Part
    lines: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Document:
    """A resolution. `embedded` holds the resolutions it recommends to another organ (建议大会通过下列决议草案：
    大会，…): Documents of their own over the same text and offsets, with their own header (title), organ line and
    paragraphs, and no markers, footnotes, footer or annexes (those belong to this, the outer document)."""

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
    annexes: tuple[Annex, ...] = field(default=())
    embedded: tuple["Document", ...] = field(default=())
    language: str = "zh"  # "en" for an English original read for `resolint parity`
    # The English original this (Chinese) document is checked against by the parity rules; None otherwise.
    counterpart: "Document | None" = field(default=None, compare=False)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preambular + self.operative

    @property
    def body_start(self) -> int:
        """Where the body begins in Document.text: just after the header lines (0 without a header)."""
        return max((line.offset + len(line.text) + 1 for line in self.header.lines), default=0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of Document.text[start:end]."""
        return self.offsets.to_original(start, end)

    def resolutions(self) -> tuple["Document", ...]:
        """This document and the resolutions embedded in it: what the paragraph rules judge, one at a time."""
        return (self, *self.embedded)

    def body_parts(self) -> list[Part]:
        """Every part with running text (embedded resolutions' and annexes' included), in reading order, footnotes last."""
        # Asked by most rules of every draft; a frozen Document's parts never change, so they are gathered once
        # (kept beside the fields, which equality and replace() do not see), and each caller gets its own list.
        known = self.__dict__.get("_body_parts")
        if known is None:
            known = self._gather_body_parts()
            object.__setattr__(self, "_body_parts", known)
        return list(known)

    def _gather_body_parts(self) -> tuple[Part, ...]:
        parts: list[Part] = list(self.header.lines)
        if self.organ:
            parts.append(self.organ)
        for p in self.paragraphs:
            parts.append(p)
            parts.extend(p.sub_items)
        for doc in self.embedded:
            parts.extend(doc.body_parts())
        parts.extend(x for x in (self.footer.date, self.footer.meeting) if x)
        parts.extend(self.other)
        for annex in self.annexes:
            parts.append(annex.heading)
            parts.extend(annex.lines)
        parts.sort(key=lambda part: part.offset)
        parts.extend(self.footnotes)
        return tuple(parts)
