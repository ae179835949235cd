"""Parity of structure: paragraphs, sub-items and footnotes one text has and the other lacks, numbering, parts.

Every checker here compares a Chinese Document with the English original
attached to it (Document.counterpart, set by `resolint parity`); without one
they find nothing.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Counterpart, Finding
from linter.parity.align import Pair, Unit, alignment, marker_where, paragraph_units, unit_at
from linter.parity.english_spans import anchor, excerpt, reference, with_english
from linter.read.structure import Document

_PART_NAMES = {"preambular": "preambular", "operative": "operative"}


def _after(pairs: list[Pair], k: int) -> Unit | None:
    return next((p.zh for p in pairs[k + 1:] if p.zh is not None), None)


def _before(pairs: list[Pair], k: int) -> Unit | None:
    return next((p.zh for p in reversed(pairs[:k]) if p.zh is not None), None)


def _sequences(doc: Document) -> Iterator[tuple[list[Pair], Unit | None]]:
    """The paragraph pairs, then each paragraph pair's item pairs with the Chinese paragraph they belong to."""
    aligned = alignment(doc)
    yield aligned.paragraphs, None
    for pair, items in aligned.items:
        if items:
            yield items, pair.zh


def check_missing(doc: Document, rule: Rule) -> Iterator[Finding]:
    """An English paragraph or sub-item with no Chinese counterpart."""
    en = doc.counterpart
    if en is None:
        return
    for pairs, zh_parent in _sequences(doc):
        for k, pair in enumerate(pairs):
            if pair.zh is not None or pair.en is None:
                continue
            if zh_parent is None and pair.en.kind == "item":
                continue
            following = _after(pairs, k)
            if following is not None:
                start, end = anchor(doc, following.part)
                key, near = "before", following.where
            else:
                previous = _before(pairs, k) or zh_parent
                if previous is None:
                    continue
                start, end = anchor(doc, previous.part)
                key, near = "after", previous.where
            finding = rule.finding_at(start, end, values={
                "english": pair.en.where, "ref": reference(en, pair.en.part), "text": excerpt(pair.en.part.text),
                "place": rule.phrase(key, where=near)})
            yield with_english(finding, en, pair.en.where, pair.en.part)


def check_extra(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A Chinese paragraph or sub-item with no English counterpart."""
    en = doc.counterpart
    if en is None:
        return
    for pairs, zh_parent in _sequences(doc):
        for pair in pairs:
            if pair.en is not None or pair.zh is None:
                continue
            start, end = anchor(doc, pair.zh.part)
            yield rule.finding_at(start, end, values={"chinese": pair.zh.where, "path": en.source.path})


def check_numbering(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Aligned paragraphs or sub-items numbered differently."""
    en = doc.counterpart
    if en is None:
        return
    for pairs, _ in _sequences(doc):
        for pair in pairs:
            zh_unit, en_unit = pair.zh, pair.en
            if zh_unit is None or en_unit is None:
                continue
            if zh_unit.kind == en_unit.kind == "operative":
                differs = None not in (zh_unit.number, en_unit.number) and zh_unit.number != en_unit.number
                zh_label, en_label = str(zh_unit.number), str(en_unit.number)
            elif zh_unit.kind == en_unit.kind == "item":
                differs = zh_unit.key != en_unit.key
                zh_label, en_label = zh_unit.label, en_unit.label
            else:
                continue
            if differs:
                start, end = anchor(doc, zh_unit.part)
                finding = rule.finding_at(start, end, values={
                    "chinese": zh_label, "english": en_label, "where": en_unit.where, "ref": reference(en, en_unit.part),
                    "text": excerpt(en_unit.part.text)})
                yield with_english(finding, en, en_unit.where, en_unit.part)


def check_part(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A paragraph preambular in one text and operative in the other."""
    en = doc.counterpart
    if en is None:
        return
    for pair in alignment(doc).paragraphs:
        if pair.zh is None or pair.en is None or pair.zh.kind == pair.en.kind:
            continue
        start, end = anchor(doc, pair.zh.part)
        finding = rule.finding_at(start, end, values={
            "chinese": pair.zh.where, "zh_part": _PART_NAMES[pair.zh.kind], "en_part": _PART_NAMES[pair.en.kind],
            "english": pair.en.where, "ref": reference(en, pair.en.part), "text": excerpt(pair.en.part.text)})
        yield with_english(finding, en, pair.en.where, pair.en.part)


def check_footnotes(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Footnote bodies one text has and the other lacks, and markers missing or standing in another paragraph."""
    en = doc.counterpart
    if en is None:
        return
    aligned = alignment(doc)
    for note in aligned.notes:
        number = int(note.what.split()[-1])
        if note.zh is None and note.en is not None:
            marker = next((m for m in doc.markers if m.number == number), None)
            start, end = (marker.start, marker.end) if marker else doc.span(len(doc.text), len(doc.text))
            finding = rule.finding_at(start, end, "body-missing", values={
                "number": number, "ref": reference(en, note.en), "text": excerpt(note.en.text)})
            yield with_english(finding, en, note.what, note.en)
        elif note.en is None and note.zh is not None:
            yield rule.finding_at(note.zh.start, note.zh.end, "body-extra", severity="warning",
                                  values={"number": number, "path": en.source.path})
    yield from _markers(doc, en, rule)


def _markers(doc: Document, en: Document, rule: Rule) -> Iterator[Finding]:
    zh_units = {id(u.part): u for u in paragraph_units(doc)}
    partner = {}  # id of an English paragraph -> the Chinese paragraph unit aligned with it
    for pair in alignment(doc).paragraphs:
        if pair.zh is not None and pair.en is not None:
            partner[id(pair.en.part)] = pair.zh
    zh_paragraphs = list(zh_units.values())
    zh_at = {}
    for m in doc.markers:
        unit = unit_at(zh_paragraphs, m.at)
        zh_at.setdefault(m.number, []).append((m, unit))
    en_units = paragraph_units(en)
    seen: set[tuple[int, int]] = set()
    for m in en.markers:
        en_unit = unit_at(en_units, m.at)
        if en_unit is None or (m.number, id(en_unit.part)) in seen:
            continue
        seen.add((m.number, id(en_unit.part)))
        zh_unit = partner.get(id(en_unit.part))
        if zh_unit is None:
            continue  # the paragraph itself is missing: RB701 says so
        here = zh_at.get(m.number, [])
        if any(unit is not None and unit.part is zh_unit.part for _, unit in here):
            continue
        if _glued_number(zh_unit.part.text, m.number):
            continue  # a marker the Chinese reader left in the text (报告3第27段: out of the sequence it expects)
        ref = f"{os.path.basename(en.source.path)}:{en.source.text.count(chr(10), 0, m.start) + 1}"
        elsewhere = [unit for _, unit in here if unit is not None]
        if elsewhere:
            key, values = "marker-moved", {"chinese": elsewhere[0].where}
            start, end = here[0][0].start, here[0][0].end
        else:
            key, values = "marker-missing", {}
            start, end = anchor(doc, zh_unit.part)
        finding = rule.finding_at(start, end, key, values={
            "number": m.number, "english": en_unit.where, "zh_where": zh_unit.where, "ref": ref, **values})
        yield dataclasses.replace(finding, counterpart=Counterpart(en.source.path, marker_where(m.number),
                                                                   m.start, m.end))


def _glued_number(text: str, number: int) -> bool:
    return re.search(rf"(?<=[\u4e00-\u9fff，。；、》”）)]){number}(?!\d)", text) is not None


KINDS = {
    "parity-missing-part": check_missing,
    "parity-extra-part": check_extra,
    "parity-numbering": check_numbering,
    "parity-part": check_part,
    "parity-footnotes": check_footnotes,
}
