"""Find treaties named in a draft's paragraphs, and the treaty a footnote marker hangs on."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from linter.analyses.clauses import clause_end, clause_start
from linter.analyses.memo import per_document, per_text
from linter.read.structure import Document, FootnoteMarker, Part
from linter.registries.treaties import Registry, Treaty

_TITLE = re.compile(r"《([^《》\n]{1,160})》")
# 1971 年《精神药物公约》: the year stands outside 《》.
_YEAR_BEFORE = re.compile(r"(\d{4})\s?年\s?$")
# 经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》 names one treaty (the amended text), not two.
_AMENDED = re.compile(r"经\s?(\d{4})\s?年\s?《([^《》\n]{1,40})》\s?修正的\s?(\d{4})\s?年\s?《([^《》\n]{1,80})》")
_FAMILY_TAIL = re.compile(r"\s?及其?(?:各项|三项|两项|所有)?(?:补充|任择)?议定书")
# Between the name and its marker only punctuation may stand (议定书》、¹ or 议定书》¹，).
_TO_MARKER = re.compile(r"[\s，、；。,;：:]{0,3}")
# A name that is only the subject of a resolution: 关于《X》的 … 第 n 号决议, 题为“…《X》…”的第 n 号决议.
_CLAUSE_END = re.compile(r"[，；。：,;:]")
_RESOLUTION_AFTER = re.compile(r"号(?:决议|决定)")
# 在《X》下通过的《Y》: X is named as the frame Y was adopted under, not as a treaty in its own right.
_FRAME_AFTER = re.compile(r"\s?(?:框架)?下\s?(?:通过|订立|缔结|设立|谈判)?\s?的\s?(?:\d{4}\s?年\s?)?《")
# 《X》缔约方会议, 《X》秘书处: the words name a body of the treaty, not the treaty.
_BODY_AFTER = re.compile(r"\s?(?:缔约方|缔约国)(?:会议|大会)|\s?秘书处")
_GENERIC_SHORT = {"公约", "议定书", "任择议定书", "协定", "条约", "规约", "宪章"}


@dataclass(frozen=True)
class Mention:
    """A 《title》 in a paragraph, with what the words around it say about it.

    start/end span the whole name in the part's text (year prefix and
    amending clause included); `tail_end` also covers 及其各项议定书.
    `treaties` are the registry entries the name resolves to (none for a
    title that is not a treaty in the registry).
    """

    title: str
    year: int | None
    start: int
    end: int
    tail_end: int
    family: bool
    quoted: bool
    resolution_subject: bool
    short: bool
    treaties: tuple[Treaty, ...]
    frame: bool = False  # 在《X》下通过的《Y》
    names_body: bool = False  # 《X》缔约方会议, 《X》秘书处


def part_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every 《title》 in a part's text, resolved against the registry without document context.

    New Mention objects each call (the citation index tells the mentions of two parts apart by identity), copied
    from those the lint found in this text before."""
    return [_copy(mention) for mention in _part_mentions(text, registry)]


def _copy(mention: Mention) -> Mention:
    """copy.copy(mention) without copy's generic protocol (a frozen dataclass: its __dict__ is all there is)."""
    new = object.__new__(Mention)
    new.__dict__.update(mention.__dict__)
    return new


@per_text
def _part_mentions(text: str, registry: Registry) -> list[Mention]:
    mentions: list[Mention] = []
    if "《" not in text:
        return mentions  # every name is in 《》; most paragraphs name none
    taken: list[tuple[int, int]] = []  # the amended-treaty names, in order and apart
    quotes = _Quotes(text)
    for m in _AMENDED.finditer(text):
        name = f"经{m.group(1)}年《{m.group(2)}》修正的{m.group(3)}年《{m.group(4)}》"
        found = registry.by_full_title(name)
        if found:
            mentions.append(_mention(text, quotes, m.group(4), None, m.start(), m.end(), found, short=False))
            taken.append((m.start(), m.end()))
    for m in _TITLE.finditer(text):
        within = bisect_right(taken, (m.start(), len(text))) - 1
        if within >= 0 and m.start() < taken[within][1]:
            continue
        year_match = _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start())
        year = int(year_match.group(1)) if year_match else None
        start = year_match.start() if year_match else m.start()
        title = m.group(1)
        full = registry.by_full_title(title, year)
        found = full or registry.by_short_title(title)
        if not found and title in _GENERIC_SHORT:
            # 《公约》 can stand for any convention; the document context picks one (_resolve_short).
            found = registry.ending_with(title)
        mentions.append(_mention(text, quotes, title, year, start, m.end(), found, short=not full and bool(found)))
    return sorted(mentions, key=lambda x: x.start)


def _mention(text: str, quotes: _Quotes, title: str, year, start: int, end: int, found, short: bool) -> Mention:
    tail = _FAMILY_TAIL.match(text, end)
    return Mention(
        title=title, year=year, start=start, end=end, tail_end=tail.end() if tail else end, family=bool(tail),
        quoted=quotes.inside(start), resolution_subject=_names_a_resolution(text, start, end),
        short=short, treaties=tuple(found),
        frame="在" in _clause_before(text, start) and bool(_FRAME_AFTER.match(text, end)),
        names_body=bool(_BODY_AFTER.match(text, end)),
    )


def _clause_before(text: str, start: int) -> str:
    """The text of the clause before `start` (from the last ，；。： on)."""
    return text[clause_start(text, start, _CLAUSE_END):start]


class _Quotes:
    """Where “ and ” stand in a text, to tell whether a position lies inside “…” (a quoted title of another
    document) without counting from the text's start each time."""

    def __init__(self, text: str) -> None:
        self.opens = [m.start() for m in re.finditer("“", text)]
        self.closes = [m.start() for m in re.finditer("”", text)] if self.opens else []

    def inside(self, pos: int) -> bool:
        return bisect_left(self.opens, pos) > bisect_left(self.closes, pos)


def _names_a_resolution(text: str, start: int, end: int) -> bool:
    """关于《X》的 … 第 n 号决议: the clause is about a resolution whose subject is X."""
    return ("关于" in _clause_before(text, start)
            and bool(_RESOLUTION_AFTER.search(text, end, clause_end(text, end, _CLAUSE_END))))


@per_document  # asked again for every footnote marker (marker_part)
def body_parts(doc: Document) -> list[Part]:
    """The parts where treaties are named and markers stand: paragraphs and their sub-items, in order."""
    parts: list[Part] = []
    for paragraph in doc.paragraphs:
        parts.append(paragraph)
        parts.extend(paragraph.sub_items)
    return parts


def document_mentions(doc: Document, registry: Registry) -> list[tuple[Part, Mention]]:
    """Every mention in reading order, short titles resolved to the treaty named in full before them.

    《公约》 means the convention the text has named; a generic short title
    with no such treaty before it stays unresolved.
    """
    out: list[tuple[Part, Mention]] = []
    named: list[Treaty] = []
    for part in body_parts(doc):
        for mention in part_mentions(part.text, registry):
            if mention.short:
                mention = _resolve_short(mention, named)
            elif mention.treaties:
                named.extend(mention.treaties)
            out.append((part, mention))
    return out


def _resolve_short(mention: Mention, named: list[Treaty]) -> Mention:
    candidates = {t.id for t in mention.treaties}
    for treaty in reversed(named):
        if treaty.id in candidates:
            return _with_treaties(mention, (treaty,))
    if len(mention.treaties) == 1 and mention.title not in _GENERIC_SHORT:
        return mention
    return _with_treaties(mention, ())


def _with_treaties(mention: Mention, treaties: tuple[Treaty, ...]) -> Mention:
    return dataclasses.replace(mention, treaties=treaties)


def marker_part(doc: Document, marker: FootnoteMarker) -> Part | None:
    """The paragraph or sub-item a marker stood in."""
    for part in body_parts(doc):
        if part.offset <= marker.at <= part.offset + len(part.text):
            return part
    return None


def mention_at_marker(doc: Document, marker: FootnoteMarker, mentions: list[tuple[Part, Mention]]) -> Mention | None:
    """The name a marker hangs on: the last 《title》 before it in its paragraph, with only punctuation between."""
    part = marker_part(doc, marker)
    if part is None:
        return None
    pos = marker.at - part.offset
    before = [m for p, m in mentions if p is part and m.tail_end <= pos]
    if not before:
        return None
    last = before[-1]
    gap = _TO_MARKER.match(part.text, last.tail_end, pos)
    return last if gap and gap.end() == pos else None
