"""The declarative kinds: `pattern` (a regex that must not occur) and `substitution` (wrong → right)."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from linter.engine.rule import Rule, iter_parts
from linter.findings import Finding
from linter.read.structure import Document


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


@functools.lru_cache(maxsize=256)
def needed_character(pattern: str) -> re.Pattern | None:
    """A class of characters every match of `pattern` has one of, where the pattern opens with a lookaround: the
    regex engine then has no first character to look for and tries the pattern at every position, so a text
    without one is not searched. None for other patterns, and where no such class is found."""
    from re import _compiler, _parser  # the stdlib's own parser and compiler, as loader.nested_repeat uses

    parsed = _parser.parse(pattern)
    if not parsed.data or str(parsed.data[0][0]) not in ("ASSERT", "ASSERT_NOT"):
        return None
    item = _first_consumed(parsed.data)
    if item is None:
        return None
    state = _parser.State()
    state.flags = parsed.state.flags
    return _compiler.compile(_parser.SubPattern(state, [item]), state.flags)


def _first_consumed(items) -> tuple | None:
    """The first one-character item a match cannot do without (in the pattern's sequence, or a group or a
    repetition at least once in it)."""
    for op, av in items:
        if str(op) in ("LITERAL", "IN"):
            return op, av
        inner = None
        if str(op) == "SUBPATTERN" and not av[1] and not av[2]:  # a group without flags of its own
            inner = av[-1]
        elif str(op) in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:  # once at least
            inner = av[-1]
        found = _first_consumed(inner) if inner is not None else None
        if found is not None:
            return found
    return None


def check_pattern(doc: Document, rule: Rule) -> Iterator[Finding]:
    opts = rule.options
    regex = _compiled(opts["pattern"])
    needed = needed_character(opts["pattern"])
    group = opts.get("group", 0)
    mapping: dict[str, str] | None = opts.get("map")
    template: str | None = opts.get("replacement")
    safe = opts.get("fix", "safe") == "safe"
    for part in iter_parts(doc, opts.get("scope", "all")):
        if needed is not None and not needed.search(part.text):
            continue
        for m in regex.finditer(part.text):
            s, e = m.span(group)
            found = m.group(group)
            if mapping is not None:
                replacement = mapping.get(found, "".join(mapping.get(ch, ch) for ch in found))
            elif template is not None:
                replacement = m.expand(template)
            else:
                replacement = None
            yield _finding(rule, doc, part.offset + s, part.offset + e, found, replacement, safe, opts)


def _finding(rule: Rule, doc: Document, start: int, end: int, found: str, replacement, safe: bool, opts) -> Finding:
    fix = replacement if opts.get("fix", "safe") != "none" else None
    return rule.finding(doc, start, end, replacement=fix, safe=safe, values={"match": found, "replacement": replacement or ""})


def check_substitution(doc: Document, rule: Rule) -> Iterator[Finding]:
    opts = rule.options
    table: dict[str, str] = opts["table"]
    regex = _compiled("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    context = _compiled(opts["context"]) if "context" in opts else None
    safe = opts.get("fix", "safe") == "safe"
    for part in iter_parts(doc, opts.get("scope", "all")):
        for m in regex.finditer(part.text):
            if context and not context.search(part.text, max(0, m.start() - 20), min(len(part.text), m.end() + 20)):
                continue
            right = table[m.group(0)]
            yield _finding(rule, doc, part.offset + m.start(), part.offset + m.end(), m.group(0), right, safe, opts)


KINDS = {"pattern": check_pattern, "substitution": check_substitution}
