"""The opening verb of each paragraph, found on segmented text with the verb lexicon as user dictionary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.analyses.memo import per_document
from linter.analyses.segmentation import segmenter
from linter.read.structure import Document, Paragraph
from linter.registries.lexicon import Verb, verbs

OPENING_CHARS = 24  # segment only the opening of a paragraph: the verb is in it
MAX_TOKENS = 4
# Introductory phrases that may stand before the verb (CONVENTIONS §1: 在这方面 may precede the opener).
_LEAD = re.compile(r"^(?:在这方面|为此|此外)，?")
# A verb split around its object: 提请缔约国注意 is 提请注意 (S:cop op 17).
_SPLIT = re.compile(r"^(提请)[^，。；]{1,16}?(注意)")


@dataclass(frozen=True)
class Opener:
    paragraph: Paragraph
    verb: Verb | None  # None: the paragraph opens with no known verb
    start: int  # span of the opener in paragraph.text
    end: int
    first_word: str  # the segmenter's first word, for messages about unknown openers

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@per_document
def find_openers(doc: Document) -> dict[int, Opener]:
    """Opener of every paragraph, keyed by the paragraph's offset in Document.text."""
    paragraphs = [p for p in doc.paragraphs if p.text]
    leads = [(_LEAD.match(p.text).end() if _LEAD.match(p.text) else 0) for p in paragraphs]
    openings = [p.text[lead : lead + OPENING_CHARS] for p, lead in zip(paragraphs, leads)]
    tokens = segmenter().segment_many(openings)
    lexicon = verbs()
    found: dict[int, Opener] = {}
    for paragraph, lead, opening, words in zip(paragraphs, leads, openings, tokens):
        found[paragraph.offset] = _match(paragraph, lead, opening, words, lexicon)
    return found


def _match(paragraph: Paragraph, lead: int, opening: str, words: tuple[str, ...], lexicon: dict[str, Verb]) -> Opener:
    best: tuple[int, Verb] | None = None
    joined = ""
    for word in words[:MAX_TOKENS]:
        if joined and joined != joined.rstrip():
            break  # an opener never spans a space
        joined += word
        if joined.rstrip() in lexicon:
            best = (len(joined.rstrip()), lexicon[joined.rstrip()])
    split = _SPLIT.match(opening)
    if best is None and split and "提请注意" in lexicon:
        best = (split.end(), lexicon["提请注意"])
    first = words[0].rstrip() if words else ""
    if best is None:
        return Opener(paragraph, None, lead, lead + len(first), first)
    return Opener(paragraph, best[1], lead, lead + best[0], first)
