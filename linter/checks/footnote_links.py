"""Footnote links: every marker has a body, every body a marker, first uses ascend, numbers are unique."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document, FootnoteMarker


def _first_uses(doc: Document) -> list[FootnoteMarker]:
    """The first marker of each number, in reading order; a source cited again reuses its number."""
    seen: set[int] = set()
    firsts = []
    for marker in doc.markers:
        if marker.number not in seen:
            seen.add(marker.number)
            firsts.append(marker)
    return firsts


def check_marker_without_body(doc: Document, rule: Rule) -> Iterator[Finding]:
    bodies = {note.number for note in doc.footnotes}
    uses_of = Counter(m.number for m in doc.markers)
    for marker in _first_uses(doc):
        if marker.number not in bodies:
            uses = uses_of[marker.number]
            yield rule.finding_at(marker.start, marker.end, number=marker.number,
                                  uses="" if uses == 1 else rule.phrase("used-times", uses=uses))


def check_body_without_marker(doc: Document, rule: Rule) -> Iterator[Finding]:
    used = {marker.number for marker in doc.markers}
    for note in doc.footnotes:
        if note.number not in used:
            yield rule.finding_at(note.number_start, note.number_end, number=note.number)


def check_first_use_order(doc: Document, rule: Rule) -> Iterator[Finding]:
    used = {marker.number for marker in doc.markers}
    # A skipped number whose body exists is an unreferenced body, which RR402 reports.
    explained = {note.number for note in doc.footnotes} - used
    highest = 0
    for marker in _first_uses(doc):
        skipped = range(highest + 1, marker.number)
        if marker.number < highest:
            problem = rule.phrase("used-after", highest=highest)
        elif skipped and not all(n in explained for n in skipped):
            problem = (rule.phrase("skips-one", skipped=skipped[0]) if len(skipped) == 1
                       else rule.phrase("skips-range", first=skipped[0], last=skipped[-1]))
        else:
            problem = None
        if problem:
            yield rule.finding_at(marker.start, marker.end, number=marker.number, problem=problem)
        highest = max(highest, marker.number)


def check_duplicate_body(doc: Document, rule: Rule) -> Iterator[Finding]:
    seen: set[int] = set()
    for note in doc.footnotes:
        if note.number in seen:
            yield rule.finding_at(note.number_start, note.number_end, number=note.number)
        seen.add(note.number)


KINDS = {
    "footnote-marker-without-body": check_marker_without_body,
    "footnote-body-without-marker": check_body_without_marker,
    "footnote-first-use-order": check_first_use_order,
    "footnote-duplicate-body": check_duplicate_body,
}
