"""The `doubled-word` kind: a word written twice in a row, decided on segmented words, not characters."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.segmentation import segmenter
from linter.checks.token_pattern import clause_around
from linter.engine.rule import Rule, iter_parts
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document

# Cheap character test first: only clauses with a repeated run are segmented.
_CANDIDATE = re.compile(r"([\u4e00-\u9fff]{1,4})\1")
_QUOTE = re.compile(r"“[^”]*”")


def check_doubled_words(doc: Document, rule: Rule) -> Iterator[Finding]:
    allowed = set(rule.options.get("allow", ()))
    clauses: list[tuple[int, str, list[tuple[int, int]]]] = []
    for part in iter_parts(doc, rule.options.get("scope", "body")):
        quoted = [m.span() for m in _QUOTE.finditer(part.text)]
        seen: set[int] = set()
        for hit in _CANDIDATE.finditer(part.text):
            start, end = clause_around(part.text, hit.start(), hit.end())
            if start in seen:
                continue
            seen.add(start)
            clauses.append((part.offset + start, part.text[start:end], [(s - start, e - start) for s, e in quoted]))
    if not clauses:
        return
    for (offset, text, quoted), words in zip(clauses, segmenter().segment_many([c[1] for c in clauses])):
        pos = 0
        previous: tuple[str, int] | None = None
        for word in words:
            bare = word.rstrip()
            if previous and bare and bare == previous[0] and bare not in allowed and _has_cjk(bare):
                first = previous[1]
                # Repetition inside a quotation is the speaker's, not a slip (各个各个 in a quote).
                if not any(qs <= first and pos + len(bare) <= qe for qs, qe in quoted):
                    s, e = offset + first, offset + pos + len(bare)
                    ostart, oend = doc.span(s, e)
                    second = doc.span(offset + pos, offset + pos + len(bare))
                    fix = Fix((Edit(second[0], second[1], ""),))
                    yield rule.finding_at(ostart, oend, fix=fix, doubled=bare + bare, word=bare)
                    previous = None
                    pos += len(word)
                    continue
            previous = (bare, pos) if word == bare else None  # a space between copies is not a doubling
            pos += len(word)


def _has_cjk(word: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in word)


KINDS = {"doubled-word": check_doubled_words}
