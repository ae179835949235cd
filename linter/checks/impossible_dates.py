"""The `impossible-date` kind: a date that no calendar has (2 月 30 日, 13 月, 2013 年 2 月 29 日)."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.dates import find_dates, impossibility
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document


def check_impossible_dates(doc: Document, rule: Rule) -> Iterator[Finding]:
    for part in doc.body_parts():
        for date in find_dates(part.text):
            reason = impossibility(date)
            if reason is None:
                continue
            yield rule.finding(doc, part.offset + date.start, part.offset + date.end,
                               date=part.text[date.start:date.end], reason=reason)


KINDS = {"impossible-date": check_impossible_dates}
