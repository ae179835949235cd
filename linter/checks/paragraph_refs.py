"""Cross-references into the resolution itself: 上文/下文/本决议/执行部分/序言部分第 N 段 and 本决议附件."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from linter.analyses.memo import per_document
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document, Paragraph, Part

_NUMBER = r"\d{1,3}(?:\s?[(（][a-z]{1,4}[)）])?"
_SEPARATOR = r"\s?(?:、|和|及|以及|至|到|-|–|—)\s?(?:第\s?)?"
# Only an explicit anchor, or a verb that cites (根据第 5 段), makes a reference
# point into this text: 第 67/189 号决议第 5 段 and 宣言第 50 段 point elsewhere.
_REFERENCE = re.compile(
    r"(?P<anchor>(?P<direction>上文|下文)?(?:本决议的?)?(?P<section>序言部分|执行部分)?)"
    rf"第\s?(?P<numbers>{_NUMBER}(?:{_SEPARATOR}{_NUMBER}){{0,20}})\s?段"
)
_CITING_VERB = re.compile(r"(?:根据|依照|按照|依据|遵照|参照|见|如)\s?$")
_ITEM = re.compile(r"(\d{1,3})(?:\s?[(（]([a-z]{1,4})[)）])?")
_ANNEX_REFERENCE = re.compile(r"本决议的?(?:所附|附件)|(?<=通过|核可|核准|认可)所附")
_ANNEX_HEADING = re.compile(r"附件[一二三四五六七八九十]{0,3}(?![\u4e00-\u9fff]{0,3}[，；。])")


@dataclass(frozen=True)
class Place:
    """Where a paragraph stands: section 'preamble' or 'operative', and its number there."""

    section: str
    number: int | None


@dataclass(frozen=True)
class Target:
    """One paragraph a reference names: its section, number, sub-item letter, and span in the part."""

    section: str
    number: int
    item: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Reference:
    part: Part
    place: Place
    direction: str | None
    start: int
    end: int
    targets: tuple[Target, ...]


def _places(doc: Document) -> Iterator[tuple[Part, Place]]:
    """Each paragraph and sub-item with the place of the paragraph it belongs to."""
    for index, paragraph in enumerate(doc.preambular, 1):
        yield from _with_items(paragraph, Place("preamble", index))
    for paragraph in doc.operative:
        yield from _with_items(paragraph, Place("operative", paragraph.number))


def _with_items(paragraph: Paragraph, place: Place) -> Iterator[tuple[Part, Place]]:
    yield paragraph, place
    for item in paragraph.sub_items:
        yield item, place


@per_document
def find_references(doc: Document) -> tuple[Reference, ...]:
    """Shared by the target and direction rules. _REFERENCE opens with optional groups only, so the regex tries
    every position of a text; a part without 段 cannot hold a reference and is not searched."""
    return tuple(_references(doc))


def _references(doc: Document) -> Iterator[Reference]:
    for part, place in _places(doc):
        if "段" not in part.text:
            continue
        for m in _REFERENCE.finditer(part.text):
            if not m.group("anchor") and not _CITING_VERB.search(part.text, max(0, m.start() - 3), m.start()):
                continue
            section = "preamble" if m.group("section") == "序言部分" else "operative"
            base = m.start("numbers")
            targets = tuple(
                Target(section, int(item.group(1)), item.group(2), base + item.start(), base + item.end())
                for item in _ITEM.finditer(m.group("numbers"))
            )
            yield Reference(part, place, m.group("direction"), m.start(), m.end(), targets)


def _paragraph(doc: Document, target: Target) -> Paragraph | None:
    if target.section == "preamble":
        return doc.preambular[target.number - 1] if 1 <= target.number <= len(doc.preambular) else None
    return next((p for p in doc.operative if p.number == target.number), None)


def _has_item(paragraph: Paragraph, letter: str) -> bool:
    labels = {re.sub(r"[^a-z]", "", item.label) for item in paragraph.sub_items}
    if labels:
        return letter in labels
    # Sub-items run on in one paragraph when the draft does not break them out.
    return re.search(rf"[(（]{letter}[)）]", paragraph.text) is not None


def _describe(doc: Document, rule: Rule, section: str) -> str:
    if section == "preamble":
        return rule.phrase("preamble-extent", count=len(doc.preambular))
    numbers = [p.number for p in doc.operative if p.number is not None]
    if not numbers:
        return rule.phrase("no-numbered-paragraphs")
    return rule.phrase("operative-extent", first=min(numbers), last=max(numbers))


def check_target(doc: Document, rule: Rule) -> Iterator[Finding]:
    for ref in find_references(doc):
        for target in ref.targets:
            paragraph = _paragraph(doc, target)
            name = rule.phrase("preambular" if target.section == "preamble" else "operative")
            if paragraph is None:
                problem = rule.phrase("no-paragraph", section=name, number=target.number,
                                      extent=_describe(doc, rule, target.section))
            elif target.item and not _has_item(paragraph, target.item):
                problem = rule.phrase("no-sub-paragraph", section=name, number=target.number, item=target.item)
            else:
                continue
            start = ref.part.offset + target.start
            yield rule.finding(doc, start, ref.part.offset + target.end, reference=ref.part.text[target.start:target.end], problem=problem)


def _order(place: Place, target: Target) -> int:
    """-1 if the target comes before the referring paragraph, 1 after, 0 if it is the same one."""
    if place.section != target.section:
        return -1 if target.section == "preamble" else 1
    if place.number is None:
        return 0
    return (target.number > place.number) - (target.number < place.number)


def check_direction(doc: Document, rule: Rule) -> Iterator[Finding]:
    for ref in find_references(doc):
        if ref.direction is None:
            continue
        wanted = -1 if ref.direction == "上文" else 1
        for target in ref.targets:
            if _paragraph(doc, target) is None:
                continue  # the target rule reports it
            order = _order(ref.place, target)
            if order == wanted:
                continue
            where = rule.phrase("same-paragraph" if order == 0 else ("comes-before" if order < 0 else "comes-after"))
            name = rule.phrase("preambular" if target.section == "preamble" else "operative")
            start = ref.part.offset
            yield rule.finding(doc, start + ref.start, start + ref.end, direction=ref.direction,
                               meaning=rule.phrase("above" if wanted < 0 else "below"), section=name,
                               number=target.number, where=where)
            break


def has_annex(doc: Document) -> bool:
    """Whether the Document has an annex, or a paragraph after the organ line opens with an annex heading (附件一)."""
    if doc.annexes:
        return True
    parts = [*doc.paragraphs, *doc.other]
    return any(_ANNEX_HEADING.match(part.text) for part in parts)


def check_annex(doc: Document, rule: Rule) -> Iterator[Finding]:
    if has_annex(doc):
        return
    for part, _ in _places(doc):
        if "附" not in part.text:
            continue  # each form has it; the lookbehind of one is tried at every character
        for m in _ANNEX_REFERENCE.finditer(part.text):
            yield rule.finding(doc, part.offset + m.start(), part.offset + m.end(), reference=m.group(0))


KINDS = {
    "paragraph-reference-target": check_target,
    "paragraph-reference-direction": check_direction,
    "annex-reference": check_annex,
}
