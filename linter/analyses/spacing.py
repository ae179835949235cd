"""Where Arabic digits meet Chinese characters in a Document, and whether each meeting is spaced (2013 年) or not (2013年)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.analyses.memo import per_document, per_part
from linter.read.structure import Document, Part

# A digit then a Chinese character, or the reverse, with at most two spaces between.
_BOUNDARY = re.compile(r"(?<=\d)[ \u00a0]{0,2}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \u00a0]{0,2}(?=\d)")
_GAP_SPACES = " \u00a0"
_DIGIT = re.compile(r"\d")  # the same digits as _BOUNDARY's


@dataclass(frozen=True)
class Boundary:
    """A digit–CJK meeting: Document.text offsets of the gap between the two characters (empty when unspaced)."""

    start: int
    end: int

    @property
    def spaced(self) -> bool:
        return self.end > self.start


def boundaries(doc: Document) -> list[Boundary]:
    """Every digit–CJK meeting whose spacing the original shows.

    A meeting made by normalisation, where a line break (or a footnote
    marker) stood between the two characters, says nothing about the
    drafter's spacing and is left out.
    """
    return [Boundary(part.offset + start, part.offset + end)
            for part, found, _ in meetings(doc) for start, end in found]


@per_document
def meetings(doc: Document) -> list[tuple[Part, list[tuple[int, int]], int]]:
    """Each body part with its part_boundaries: what two rules go through (each part's are kept between lints)."""
    return [(part, *part_boundaries(doc, part)) for part in doc.body_parts()]


@per_document
def counts(doc: Document) -> tuple[int, int]:
    """(spaced meetings, all meetings) of `boundaries`, without making a Boundary of each."""
    found = meetings(doc)
    return sum(n for _, _, n in found), sum(len(spans) for _, spans, _ in found)


@per_part
def part_boundaries(doc: Document, part: Part) -> tuple[list[tuple[int, int]], int]:
    """The meetings in one part whose spacing the original shows, as offsets into the part's text; how many are
    spaced."""
    found = []
    if not _DIGIT.search(part.text):
        return found, 0  # each meeting has a digit on one side; _BOUNDARY's lookbehinds are tried everywhere
    original = doc.source.text
    for m in _BOUNDARY.finditer(part.text):
        # The lookarounds put a character on either side of the match, inside the part.
        gap = original[slice(*doc.offsets.between(part.offset + m.start() - 1, part.offset + m.end()))]
        if not gap.strip(_GAP_SPACES):
            found.append(m.span())
    return found, sum(1 for start, end in found if end > start)


def majority_spaced(doc: Document) -> bool | None:
    """Whether the document mostly spaces digits from Chinese characters; None when it has no such meeting or a tie."""
    spaced, total = counts(doc)
    unspaced = total - spaced
    if spaced == unspaced:
        return None
    return spaced > unspaced
