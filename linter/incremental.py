"""Linting successive versions of one draft (an editor's): what a paragraph's rules found is reused while its text stays.

A rule of a paragraph-local kind (LOCAL_KINDS: its findings on a part depend only on that part's text and how the
part maps to the original) runs on each part alone, and its findings are cached by the part's text and map shape,
relative to where the part starts; an edit re-runs it on the parts that changed only. Every other rule (structure,
numbering, citations, document-wide majorities) runs on the whole Document each time, as `lint` runs it. The
result is the same as `lint`'s, finding for finding (tests/test_incremental.py checks it over random edits).
"""

from __future__ import annotations

from typing import Sequence

from linter.analyses.memo import KeptMemos, part_key, text_memos
from linter.checks import checkers
from linter.engine.rule import Rule
from linter.engine.runner import PER_RESOLUTION
from linter.findings import Finding, shifted
from linter.read.document import Document, Footer, Footnote, Header, Part
from linter.read.reparse import Reparser

# Kinds whose findings on a part depend on nothing outside it (checked against `lint` by the equivalence test).
LOCAL_KINDS = frozenset({
    "pattern", "substitution", "bracket-balance", "bracket-width-mismatch", "impossible-date", "doubled-word",
})


def _alone(doc: Document, part: Part) -> Document:
    """`doc` with `part` as its only part: the same text and offsets, so findings come out where they belong."""
    return Document(doc.source, doc.text, doc.offsets, Header(), None, (), (), (), (part,) if isinstance(part, Footnote)
                    else (), Footer(), other=() if isinstance(part, Footnote) else (part,))


class IncrementalLinter:
    """Lints versions of one draft with the same rules; keeps the findings of local rules per part between lints."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = list(rules)
        self.local = [r for r in self.rules if r.kind in LOCAL_KINDS and r.kind not in PER_RESOLUTION]
        self.whole = [r for r in self.rules if r not in self.local]
        self._cache: dict[tuple, tuple[Finding, ...]] = {}  # part key → local rules' findings, rule by rule
        self.reused = 0  # parts whose local findings came from the cache in the last lint (for bench and tests)
        self.memos = KeptMemos()  # per-paragraph analyses (dates, citations …) kept for the next version
        self.reparser = Reparser()  # re-reads only the lines around an edit

    def findings(self, doc: Document) -> list[Finding]:
        """What `runner.run(doc, rules)` returns, sorted the same way."""
        kinds = checkers()
        found: list[Finding] = []
        for rule in self.whole:
            for resolution in doc.resolutions() if rule.kind in PER_RESOLUTION else (doc,):
                found.extend(kinds[rule.kind](resolution, rule))
        cache: dict[tuple, tuple[Finding, ...]] = {}
        self.reused = 0
        for part in doc.body_parts():
            key, base = part_key(doc, part)
            relative = cache.get(key)
            if relative is None:
                relative = self._cache.get(key)
            if relative is None:
                alone = _alone(doc, part)
                relative = tuple(shifted(f, -base) for r in self.local for f in kinds[r.kind](alone, r))
            else:
                self.reused += 1
            cache[key] = relative
            if relative:  # most parts have none: no generator made for them
                found.extend(shifted(f, base) for f in relative)
        self._cache = cache  # only what the current version has: the memory stays that of one draft
        return sorted(found, key=Finding.sort_key)

    def parse_and_check(self, source) -> tuple[Document, list[Finding]]:
        with text_memos(self.memos):
            doc = self.reparser.parse(source)
            return doc, self.findings(doc)
