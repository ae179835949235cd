"""The opening verb of each paragraph: matched against the verb lexicon first, the segmenter only where it finds none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.analyses.memo import per_document
from linter.analyses.segmentation import segmenter
from linter.read.structure import Document, Paragraph
from linter.registries.lexicon import LEADS, Verb, match_opener

OPENING_CHARS = 24  # segment at most the opening of a paragraph: the verb is in it
_LEAD = re.compile("^(?:" + "|".join(LEADS) + r")[，,]?\s*")
_CLAUSE_END = re.compile(r"[，。；：,;:]")


@dataclass(frozen=True)
class Opener:
    paragraph: Paragraph
    verb: Verb | None  # None: the paragraph opens with no known verb
    start: int  # span of the opener in paragraph.text
    end: int
    first_word: str  # the opener, or the segmenter's first word when no opener was found
    words: tuple[str, ...] = ()  # no opener: the segmented opening clause (words with their trailing spaces)

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@per_document
def find_openers(doc: Document) -> dict[int, Opener]:
    """Opener of every paragraph, keyed by the paragraph's offset in Document.text.

    The lexicon is matched longest first, with prefixes (又, 还再次, 特别 ...) and leads (在这方面，, 但是);
    only paragraphs it does not match are segmented, and only their opening clause, to name the first word.
    """
    found: dict[int, Opener] = {}
    unmatched: list[tuple[Paragraph, int, str]] = []
    for paragraph in doc.paragraphs:
        if not paragraph.text:
            continue
        m = match_opener(paragraph.text)
        if m is not None:
            found[paragraph.offset] = Opener(paragraph, m.verb, m.lead, m.end, paragraph.text[m.lead : m.end])
            continue
        lead_m = _LEAD.match(paragraph.text)
        lead = lead_m.end() if lead_m else 0
        unmatched.append((paragraph, lead, opening_clause(paragraph.text[lead:])))
    if unmatched:
        tokens = segmenter().segment_many([clause for _, _, clause in unmatched])
        for (paragraph, lead, _), words in zip(unmatched, tokens):
            first = words[0].rstrip() if words else ""
            found[paragraph.offset] = Opener(paragraph, None, lead, lead + len(first), first, tuple(words))
    return found


def opening_clause(text: str) -> str:
    """The text up to the first clause mark, at most OPENING_CHARS characters: what the segmenter is given."""
    end = _CLAUSE_END.search(text, 0, OPENING_CHARS)
    return text[: end.start() if end else OPENING_CHARS]
