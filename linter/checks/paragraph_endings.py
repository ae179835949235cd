"""Paragraph endings (RV111-RV113): the final mark each paragraph and sub-item takes by its place."""

from __future__ import annotations

from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document, Paragraph

_END_MARKS = "，；。：,;.:、"
_CLOSERS = "”’》）)」』"


def _expected_endings(doc: Document) -> Iterator[tuple[object, str, str]]:
    """(part, expected final mark, role) for every paragraph and sub-item, by house rules; the role is a message key."""
    for i, p in enumerate(doc.preambular):
        if p.sub_items:
            yield p, "：", "preambular-introducing-sub-items"
            for j, item in enumerate(p.sub_items):
                yield item, "，" if j == len(p.sub_items) - 1 else "；", "sub-item"
        else:
            yield p, "，", "preambular-paragraph"
    last = len(doc.operative) - 1
    for i, p in enumerate(doc.operative):
        final = "。" if i == last else "；"
        role = "last-operative-paragraph" if i == last else "operative-paragraph"
        if p.sub_items:
            yield p, "：", "operative-introducing-sub-items"
            for j, item in enumerate(p.sub_items):
                yield item, final if j == len(p.sub_items) - 1 else "；", "sub-item"
        else:
            yield p, final, role


def check_endings(doc: Document, rule: Rule) -> Iterator[Finding]:
    scope = rule.options["scope"]
    for part, expected, role in _expected_endings(doc):
        is_preamble = part in doc.preambular or any(part in p.sub_items for p in doc.preambular)
        is_sub = not isinstance(part, Paragraph)
        if scope == "preambular" and (not is_preamble or is_sub):
            continue
        if scope == "operative" and (is_preamble or is_sub):
            continue
        if scope == "sub-items" and not (is_sub or part.sub_items):
            continue
        text = part.text.rstrip()
        if not text:
            continue
        k = len(text)
        while k > 0 and text[k - 1] in _CLOSERS and k - 1 > 0 and text[k - 2] not in _END_MARKS:
            k -= 1  # a closing quote/bracket after the text: the mark belongs after it
        last = text[-1]
        if last == expected:
            continue
        if last in _END_MARKS:
            s = part.offset + len(text) - 1
            yield rule.finding(doc, s, s + 1, replacement=expected, found=f"“{last}”", expected=expected,
                               role=rule.phrase(role))
        else:
            # No final mark: report the last character and insert the mark after it.
            s = part.offset + len(text) - 1
            ostart, oend = doc.span(s, s + 1)
            fix = Fix((Edit(oend, oend, expected),))
            yield rule.finding_at(ostart, oend, fix=fix, found=rule.phrase("no-punctuation"), expected=expected,
                                  role=rule.phrase(role))


KINDS = {"paragraph-endings": check_endings}
