"""The `number-spacing` kind: digits and Chinese characters spaced in some places (2013 年) and not in others (2013年)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterator

from linter.analyses.dates import find_dates
from linter.analyses.memo import keeping, part_key, per_part
from linter.analyses.spacing import Boundary, counts, meetings, part_boundaries
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix, shifted
from linter.read.structure import Document, Part

# The number next to a boundary: 2013, 66/181, 1373(2001).
_NUMBER_LEFT = re.compile(r"[\d/.()]*\d$")
_NUMBER_RIGHT = re.compile(r"\d[\d/.()]*")
_FORMS = {True: "spaced", False: "unspaced"}  # message keys of the two ways to write a boundary


class _Wording:
    """A rule in a per_part key (a Rule does not hash): by what its findings are made of, its id, grading and
    message templates, so an equal one gives equal findings."""

    __slots__ = ("rule", "_what")

    def __init__(self, rule: Rule):
        self.rule = rule
        self._what = (rule.id, rule.category, rule.severity, rule.message, tuple(sorted(rule.messages.items())))

    def __hash__(self) -> int:
        return hash(self._what)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Wording) and self._what == other._what


def check_number_spacing(doc: Document, rule: Rule) -> Iterator[Finding]:
    spaced, total = counts(doc)
    if spaced * 2 == total:
        return  # no majority (or nothing to compare): nothing to align with
    majority = spaced * 2 > total
    if majority and doc.source.format in rule.options.get("missing_space_unreliable_in", ()):
        return  # this extraction drops spaces and never adds them: a missing one is no evidence
    count = spaced if majority else total - spaced
    kept = keeping()
    wording = _Wording(rule) if kept else None
    for part, found, n in meetings(doc):
        if n == (len(found) if majority else 0):
            continue  # no meeting of the minority form here
        # An editor's next version finds the same in the parts that did not change, unless the counts moved.
        relative = _relative_findings(doc, part, wording, majority, count, total) if kept else None
        if relative is None:
            yield from _findings(doc, part, rule, majority, count, total)[0]
        else:
            base = part_key(doc, part)[1]
            yield from (shifted(f, base) for f in relative)


@per_part
def _relative_findings(doc: Document, part: Part, wording: _Wording, majority: bool, count: int,
                       total: int) -> tuple[Finding, ...] | None:
    """The part's findings relative to its start; None when a number runs to the part's edge, where it may go on
    beyond the part (then the finding is not the part's alone)."""
    findings, alone = _findings(doc, part, wording.rule, majority, count, total)
    if not alone:
        return None
    base = part_key(doc, part)[1]
    return tuple(shifted(f, -base) for f in findings)


def _findings(doc: Document, part: Part, rule: Rule, majority: bool, count: int,
              total: int) -> tuple[list[Finding], bool]:
    """The findings in one part, and whether they depend on the part's text alone."""
    values = {"majority": rule.phrase(_FORMS[majority]), "count": count, "total": total}
    minority = [Boundary(part.offset + s, part.offset + e) for s, e in part_boundaries(doc, part)[0]
                if (e > s) != majority]
    lo, hi = part.offset, part.offset + len(part.text)
    findings, alone = [], True
    for start, end, members, in_date in _expressions(doc, part, minority):
        alone = alone and (in_date or lo < start and end < hi)
        edits = tuple(_edit(doc, b, majority) for b in members)
        fix = Fix(edits, safe=True, description=rule.phrase("fix"))
        ostart, oend = doc.span(start, end)
        findings.append(rule.finding_at(ostart, oend, fix=fix, text=doc.text[start:end],
                                        here=rule.phrase(_FORMS[not majority]), **values))
    return findings, alone


def _expressions(doc: Document, part: Part,
                 minority: list[Boundary]) -> Iterator[tuple[int, int, list[Boundary], bool]]:
    """Group the boundaries in or at the edge of one date (和2012年12月20日) into one finding; other numbers stand alone
    (the last item: whether the span is a date's, which lies inside the part)."""
    dates = [(part.offset + d.start, part.offset + d.end) for d in find_dates(part.text)]
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
            yield (*_number_span(doc.text, b), [b], False)
    for (start, end), members in by_date.items():
        # A boundary at the date's edge brings the character beyond it into the span.
        yield min(start, members[0].start - 1), max(end, members[-1].end + 1), members, True


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
