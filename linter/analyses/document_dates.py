"""What a Document says about time: its adoption date, the body adopting it, and the resolutions it cites."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterator

from linter.analyses.dates import parse_date
from linter.analyses.memo import per_document
from linter.analyses.symbols import CitedNumber, NumberCitation, find_number_citations
from linter.read.structure import Document, HeaderLine, Part
from linter.registries.bodies import Body, Registry

# Header lines that carry the document's own number, not a citation: 68/193. 标题 and 第6/1号决议.
OWN_SYMBOL_KINDS = ("symbol-title", "symbol-heading")


@dataclass(frozen=True)
class Cited:
    """One cited number in its part, with the body it is a resolution (or decision) of, if known."""

    part: Part
    citation: NumberCitation
    number: CitedNumber
    body: Body | None

    def span(self) -> tuple[int, int]:
        """Document.text offsets of the number."""
        return self.part.offset + self.number.start, self.part.offset + self.number.end


def adoption_date(doc: Document) -> tuple[datetime.date, Part] | None:
    """The date the text was adopted: the header date line, else the footer date; None for a draft."""
    for part in (doc.header.date, doc.footer.date):
        if part is not None and (day := parse_date(part.text)) is not None:
            return day, part
    return None


def own_body(doc: Document, registry: Registry) -> Body | None:
    """The body whose organ line opens the text (大会，)."""
    return registry.body_of_organ(doc.organ.text) if doc.organ is not None else None


def cited_numbers(doc: Document, registry: Registry) -> list[Cited]:
    """Every resolution or decision number cited in the text, footnotes included, in reading order: found once a
    Document (two rules go through them, and reading which body a number is of looks back through the text)."""
    known = _cited(doc)
    if known[0] is not registry:
        known[:] = [registry, list(_find_cited(doc, registry))]
    return known[1]


@per_document
def _cited(doc: Document) -> list:
    return [None, []]  # [the registry they were resolved with, the Cited]


def _find_cited(doc: Document, registry: Registry) -> Iterator[Cited]:
    own = own_body(doc, registry)
    for part in doc.body_parts():
        if isinstance(part, HeaderLine) and part.kind in OWN_SYMBOL_KINDS:
            continue
        for citation in find_number_citations(part.text, registry.context_words):
            at = part.offset + citation.start
            for number in citation.numbers:
                body = registry.resolve(citation.organ_word, number.lookup, citation.kind, own, doc.text, at)
                yield Cited(part, citation, number, body)
