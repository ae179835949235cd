"""Short names of bodies used before the full name (registry) or before the text defines them (国际刑事警察组织(国际刑警组织))."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.definitions import body_end, definitions
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.abbreviations import abbreviations


def _spans(text: str, names) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]


def _first_use(text: str, short: str, covered: list[tuple[int, int]], until: int, start: int = 0) -> int | None:
    """First occurrence of `short` in [start, until) that is not inside one of the `covered` spans (longer names)."""
    for m in re.compile(re.escape(short)).finditer(text, start, max(start, until)):
        if not any(s <= m.start() and m.end() <= e for s, e in covered):
            return m.start()
    return None


def check_abbreviations(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text[: body_end(doc)]
    # Header lines (the sponsor line 经社理事会主席…提出的决议草案, a title) are not the resolution's prose: a short
    # name there is not a use; a full name there still introduces the short one.
    start = doc.body_start
    reported: set[str] = set()
    for entry in abbreviations():
        full_spans = _spans(text, entry.full)
        introduced = min((s for s, _ in full_spans), default=len(text))
        # Before the first full name only other names can hold the short form (美国国际开发署).
        use = _first_use(text, entry.short, _spans(text, entry.contained_in), introduced, start)
        if use is None:
            continue
        reported.add(entry.short)
        problem = rule.phrase("full-name-later" if full_spans else "full-name-missing", full=entry.full[0], en=entry.en)
        yield rule.finding(doc, use, use + len(entry.short), short=entry.short, problem=problem)
    for definition in definitions(doc):
        if definition.is_title or definition.short in reported:
            continue
        reported.add(definition.short)  # only the first definition counts; a text may define a name twice
        use = _first_use(text, definition.short, [], definition.start, start)
        if use is None:
            continue
        problem = rule.phrase("defined-later", context=text[max(0, definition.start - 12) : definition.end + 1])
        yield rule.finding(doc, use, use + len(definition.short), short=definition.short, problem=problem)


KINDS = {"abbreviation-before-full-name": check_abbreviations}
