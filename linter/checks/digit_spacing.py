"""The `number-spacing` kind: digits and Chinese characters spaced in some places (2013 年) and not in others (2013年)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterator

from linter.analyses.dates import find_dates
from linter.analyses.spacing import Boundary, boundaries
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document

# The number next to a boundary: 2013, 66/181, 1373(2001).
_NUMBER_LEFT = re.compile(r"[\d/.()]*\d$")
_NUMBER_RIGHT = re.compile(r"\d[\d/.()]*")
_FORMS = {True: "spaced", False: "unspaced"}  # message keys of the two ways to write a boundary


def check_number_spacing(doc: Document, rule: Rule) -> Iterator[Finding]:
    found = boundaries(doc)
    spaced = sum(1 for b in found if b.spaced)
    if spaced * 2 == len(found):
        return  # no majority (or nothing to compare): nothing to align with
    majority = spaced * 2 > len(found)
    if majority and doc.source.format in rule.options.get("missing_space_unreliable_in", ()):
        return  # this extraction drops spaces and never adds them: a missing one is no evidence
    values = {"majority": rule.phrase(_FORMS[majority]), "count": spaced if majority else len(found) - spaced, "total": len(found)}
    minority = [b for b in found if b.spaced != majority]
    for start, end, members in _expressions(doc, minority):
        edits = tuple(_edit(doc, b, majority) for b in members)
        fix = Fix(edits, safe=True, description=rule.phrase("fix"))
        ostart, oend = doc.span(start, end)
        yield rule.finding_at(ostart, oend, fix=fix, text=doc.text[start:end], here=rule.phrase(_FORMS[not majority]), **values)


def _expressions(doc: Document, minority: list[Boundary]) -> Iterator[tuple[int, int, list[Boundary]]]:
    """Group the boundaries in or at the edge of one date (和2012年12月20日) into one finding; other numbers stand alone."""
    dates = [(part.offset + d.start, part.offset + d.end) for part in doc.body_parts() for d in find_dates(part.text)]
    # The first date (in that order) touching a boundary, found among the dates starting near it, not all of them.
    order = sorted(range(len(dates)), key=lambda k: dates[k][0])
    starts = [dates[k][0] for k in order]
    longest = max((end - start for start, end in dates), default=0)
    by_date: dict[tuple[int, int], list[Boundary]] = {}
    for b in minority:
        near = order[bisect_left(starts, b.start - longest) : bisect_right(starts, b.end)]
        date = next((dates[k] for k in sorted(near) if dates[k][0] <= b.end and b.start <= dates[k][1]), None)
        if date is not None:
            by_date.setdefault(date, []).append(b)
        else:
            yield (*_number_span(doc.text, b), [b])
    for (start, end), members in by_date.items():
        # A boundary at the date's edge brings the character beyond it into the span.
        yield min(start, members[0].start - 1), max(end, members[-1].end + 1), members


def _number_span(text: str, b: Boundary) -> tuple[int, int]:
    """The number and the one Chinese character on either side of the boundary: 179个, 第 50."""
    if text[b.start - 1].isdigit():
        left = _NUMBER_LEFT.search(text, max(0, b.start - 40), b.start)
        return (left.start() if left else b.start - 1), b.end + 1
    right = _NUMBER_RIGHT.match(text, b.end)
    return b.start - 1, right.end() if right else b.end + 1


def _edit(doc: Document, b: Boundary, spaced: bool) -> Edit:
    if spaced:
        at = doc.span(b.end, b.end + 1)[0]
        return Edit(at, at, " ")
    start, end = doc.span(b.start, b.end)
    return Edit(start, end, "")


KINDS = {"number-spacing": check_number_spacing}
