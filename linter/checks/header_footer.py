"""The `header-footer-dates` kind: date line, footer date, own symbol, session line and basis symbols must agree."""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from linter.analyses.dates import parse_date
from linter.analyses.document_dates import own_body
from linter.analyses.sessions import find_session_years, find_sessions
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document, Part
from linter.registries.bodies import Body, SessionKey, registry

# A document symbol in the basis line: A/68/457, E/2013/30, E/CN.15/2013/L.5.
_DOCUMENT_SYMBOL = re.compile(r"(?<![A-Za-z0-9/.])[A-Z][A-Za-z0-9.]{0,9}(?:/[A-Za-z0-9.]{1,12}){1,6}")


def check_header_footer(doc: Document, rule: Rule) -> Iterator[Finding]:
    header_day = parse_date(doc.header.date.text) if doc.header.date else None
    footer_day = parse_date(doc.footer.date.text) if doc.footer.date else None
    if header_day and footer_day and header_day != footer_day:
        yield _at(doc, rule, doc.footer.date, 0, len(doc.footer.date.text),
                  rule.phrase("footer-date", date=footer_day), rule.phrase("differs-from-date-line", date=header_day))
    adopted = header_day or footer_day
    own = own_body(doc, registry())
    if own is None:
        return
    symbol_key = None
    symbol = doc.header.symbol
    if symbol is not None:
        symbol_key = own.session_key(symbol.text, "resolution") or own.session_key(symbol.text, "decision")
        problem = _misdated(own, symbol_key, adopted)
        if problem:
            yield _at(doc, rule, symbol, 0, len(symbol.text), rule.phrase("symbol", symbol=symbol.text),
                      _outside(rule, problem, adopted))
    yield from _session_lines(doc, rule, own, symbol_key, adopted)
    if doc.header.basis is not None and adopted is not None:
        yield from _basis_symbols(doc, rule, doc.header.basis, adopted)


def _session_lines(doc: Document, rule: Rule, own: Body, symbol_key: SessionKey | None,
                   adopted: datetime.date | None) -> Iterator[Finding]:
    """第六十六届会议 (or ECOSOC's 2023年届会) in the header against the symbol and the date."""
    for line in doc.header.lines:
        keyed = [(o.start, o.end, SessionKey("session", o.value)) for o in find_sessions(line.text)
                 if line.kind == "session" and o.value]
        keyed += [(y.start, y.end, SessionKey("year", y.year)) for y in find_session_years(line.text)]
        for start, end, key in keyed:
            written = line.text[start:end]
            if symbol_key is not None and symbol_key.kind == key.kind and symbol_key.value != key.value:
                yield _at(doc, rule, line, start, end, rule.phrase("session-line", written=written),
                          rule.phrase("session-differs-from-symbol", named=key.value, symbol=doc.header.symbol.text,
                                      session=symbol_key.value))
                continue
            problem = _misdated(own, key, adopted)
            if problem:
                yield _at(doc, rule, line, start, end, rule.phrase("session-line", written=written),
                          _outside(rule, problem, adopted))


def _basis_symbols(doc: Document, rule: Rule, basis: Part, adopted: datetime.date) -> Iterator[Finding]:
    """Report symbols in [根据…(A/68/457)通过] belong to the session that adopts the text."""
    for m in _DOCUMENT_SYMBOL.finditer(basis.text):
        owner = registry().body_of_document(m.group(0))
        if owner is None:
            continue
        body, rest = owner
        key = _document_key(body, rest.split("/")[0])
        problem = _misdated(body, key, adopted)
        if problem:
            yield _at(doc, rule, basis, m.start(), m.end(), rule.phrase("report", symbol=m.group(0)),
                      _outside(rule, problem, adopted))


def _document_key(body: Body, segment: str) -> SessionKey | None:
    """The session or year the first segment of a document symbol names (A/68/… session 68, E/2013/… year 2013)."""
    kind = body.data["sessions"]["key"]
    if not segment.isdigit():
        return None
    if kind == "session" and len(segment) <= 3:
        return SessionKey("session", int(segment))
    if kind == "year" and len(segment) == 4:
        return SessionKey("year", int(segment))
    return None  # CTOC/COP/2010/17: a year where the body counts sessions


def _misdated(body: Body, key: SessionKey | None, adopted: datetime.date | None) -> str | None:
    """The session description when session `key` of `body` cannot include `adopted`, else None."""
    if key is None or adopted is None:
        return None
    interval = body.interval(key)
    if interval is None or interval.contains(adopted):
        return None
    return body.describe_session(key)


def _outside(rule: Rule, session: str, adopted: datetime.date) -> str:
    return rule.phrase("outside-session", session=session, adopted=adopted)


def _at(doc: Document, rule: Rule, part: Part, i: int, j: int, subject: str, problem: str) -> Finding:
    return rule.finding(doc, part.offset + i, part.offset + j, subject=subject, problem=problem)


KINDS = {"header-footer-dates": check_header_footer}
