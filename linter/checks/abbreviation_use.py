"""Short names of bodies used before the full name (registry) or before the text defines them (国际刑事警察组织(国际刑警组织))."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.definitions import body_end, definitions
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.abbreviations import abbreviations


def _spans(text: str, names, until: int, end: int) -> list[tuple[int, int]]:
    """Where `names` occur in text[:end] (each name's matches not overlapping, as re.finditer finds them) starting
    before `until`: str.find, which stops there, not a regex scan of the whole draft for each name."""
    spans = []
    for name in names:
        at = text.find(name, 0, end) if name else -1
        while 0 <= at < until:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name), end)
    return spans


def _first(text: str, names, end: int) -> int | None:
    """The first place any of `names` occurs in text[:end], or None."""
    found = [at for at in (text.find(name, 0, end) for name in names if name) if at >= 0]
    return min(found) if found else None


def _first_use(text: str, short: str, covered: list[tuple[int, int]], until: int, start: int = 0) -> int | None:
    """First occurrence of `short` in [start, until) that is not inside one of the `covered` spans (longer names)."""
    at = text.find(short, start, max(start, until)) if short else -1
    while at >= 0:
        if not any(s <= at and at + len(short) <= e for s, e in covered):
            return at
        at = text.find(short, at + len(short), max(start, until))
    return None


def check_abbreviations(doc: Document, rule: Rule) -> Iterator[Finding]:
    # The body, text[:end], is searched in place: a copy of a big draft's body would cost its size again.
    text, end = doc.text, body_end(doc)
    # Header lines (the sponsor line 经社理事会主席…提出的决议草案, a title) are not the resolution's prose: a short
    # name there is not a use; a full name there still introduces the short one.
    start = doc.body_start
    reported: set[str] = set()
    for entry in abbreviations():
        first_full = _first(text, entry.full, end)
        introduced = end if first_full is None else first_full
        # Before the first full name only other names can hold the short form (美国国际开发署).
        use = _first_use(text, entry.short, _spans(text, entry.contained_in, introduced, end), introduced, start)
        if use is None:
            continue
        reported.add(entry.short)
        problem = rule.phrase("full-name-later" if first_full is not None else "full-name-missing",
                              full=entry.full[0], en=entry.en)
        yield rule.finding(doc, use, use + len(entry.short), short=entry.short, problem=problem)
    for definition in definitions(doc):
        if definition.is_title or definition.short in reported:
            continue
        reported.add(definition.short)  # only the first definition counts; a text may define a name twice
        use = _first_use(text, definition.short, [], definition.start, start)
        if use is None:
            continue
        problem = rule.phrase("defined-later", context=text[max(0, definition.start - 12) : min(definition.end + 1, end)])
        yield rule.finding(doc, use, use + len(definition.short), short=definition.short, problem=problem)


KINDS = {"abbreviation-before-full-name": check_abbreviations}
