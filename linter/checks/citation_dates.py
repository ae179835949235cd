"""Kinds `citation-date` (a cited number that its date cannot have) and `cited-after-adoption` (a citation of the future)."""

from __future__ import annotations

import datetime
from typing import Iterator

from linter.analyses.document_dates import Cited, adoption_date, cited_numbers
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.bodies import registry


def check_citation_dates(doc: Document, rule: Rule) -> Iterator[Finding]:
    for cited in cited_numbers(doc, registry()):
        date = cited.number.date
        day = date.as_date() if date is not None else None
        if day is None or cited.body is None or cited.body.fits(cited.number.lookup, day, cited.citation.kind) is not False:
            continue  # unjudged (no date, unknown organ or session) or right
        key = cited.body.session_key(cited.number.lookup, cited.citation.kind)
        start, end = cited.span()
        yield rule.finding(doc, start, end, number=cited.number.text, kind=cited.citation.kind.capitalize(),
                           session=cited.body.describe_session(key),
                           date=cited.part.text[date.start:date.end])


def check_cited_after_adoption(doc: Document, rule: Rule) -> Iterator[Finding]:
    adopted = adoption_date(doc)
    if adopted is None:
        return  # a draft: nothing is in its future yet
    day, _ = adopted
    for cited in cited_numbers(doc, registry()):
        reason = _future(rule, cited, day)
        if reason is not None:
            start, end = cited.span()
            yield rule.finding(doc, start, end, number=cited.number.text, kind=cited.citation.kind.capitalize(),
                               reason=reason, adopted=day.isoformat())


def _future(rule: Rule, cited: Cited, adopted: datetime.date) -> str | None:
    """Why the cited text cannot exist yet on `adopted`, or None."""
    date = cited.number.date
    day = date.as_date() if date is not None else None
    if day is not None:
        return rule.phrase("dated-later", date=day.isoformat()) if day > adopted else None
    if cited.body is None:
        return None
    key = cited.body.session_key(cited.number.lookup, cited.citation.kind)
    interval = cited.body.interval(key) if key else None
    if interval is not None and interval.first > adopted:
        return rule.phrase("not-opened", session=cited.body.describe_session(key))
    return None


KINDS = {"citation-date": check_citation_dates, "cited-after-adoption": check_cited_after_adoption}
