"""Parity of numbers: every number of an English paragraph, header or footer line, or footnote is in its Chinese
counterpart (dates, years, resolution and document symbols, session and meeting numbers, volumes, amounts …)."""

from __future__ import annotations

from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Finding
from linter.parity.align import alignment
from linter.parity.english_spans import anchor, reference, with_english
from linter.parity.number_parity import Gap, number_gaps
from linter.read.document import Part
from linter.read.structure import Document

# The message template naming each kind of number (the words are in the rule files).
_KINDS = {"date": "kind-date", "symbol": "kind-symbol", "resolution": "kind-resolution", "year": "kind-year",
          "ordinal": "kind-ordinal", "roman": "kind-number", "number": "kind-number"}


def _gap_finding(doc: Document, en: Document, rule: Rule, gap: Gap, zh_part: Part, en_part: Part,
                 where: str) -> Finding:
    fact = gap.fact
    if gap.found is not None:
        start, end = zh_part.locate(doc, gap.found.start, gap.found.end)
        instead = rule.phrase("instead", found=gap.found_text)
    else:
        start, end = anchor(doc, zh_part)
        instead = rule.phrase("nothing-instead")
    finding = rule.finding_at(start, end, values={
        "english": where, "ref": reference(en, en_part, fact.start), "text": fact.text, "kind": rule.phrase(_KINDS[fact.kind]),
        "expected": gap.expected, "instead": instead})
    return with_english(finding, en, where, en_part, fact.start, fact.end)


def check_numbers(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Numbers of aligned paragraphs, sub-items, header and footer lines."""
    en = doc.counterpart
    if en is None:
        return
    aligned = alignment(doc)
    for pair in aligned.units():
        if pair.zh is None or pair.en is None:
            continue
        for gap in number_gaps(pair.en.part.text, pair.zh.part.text):
            yield _gap_finding(doc, en, rule, gap, pair.zh.part, pair.en.part, pair.en.where)
    for line in aligned.lines:
        if line.zh is None or line.en is None:
            continue
        for gap in number_gaps(line.en.text, line.zh.text):
            yield _gap_finding(doc, en, rule, gap, line.zh, line.en, line.what)


def check_footnote_numbers(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Citations of aligned footnotes: the same symbols, volumes, numbers, years and pages."""
    en = doc.counterpart
    if en is None:
        return
    for note in alignment(doc).notes:
        if note.zh is None or note.en is None:
            continue
        for gap in number_gaps(note.en.text, note.zh.text):
            yield _gap_finding(doc, en, rule, gap, note.zh, note.en, note.what)


KINDS = {"parity-numbers": check_numbers, "parity-footnote-numbers": check_footnote_numbers}
