"""Paragraph endings (RV111-RV113): the final mark each paragraph and sub-item takes by its place."""

from __future__ import annotations

from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document, Paragraph, Part

_END_MARKS = "，；。：,;.:、"
_CLOSERS = "”’》）)」』"


def _expected_endings(doc: Document) -> Iterator[tuple[Part, str | tuple[str, ...], str, str]]:
    """(part, expected final mark or marks, role, scope) for every paragraph and sub-item: the role is a message
    key, the scope the rule that judges it (a paragraph introducing sub-items is judged with its items)."""
    for p in doc.preambular:
        yield from _with_items(p, "，", "preambular-paragraph", "preambular")
    last = len(doc.operative) - 1
    drafts = _introducing_drafts(doc)
    for i, p in enumerate(doc.operative):
        if p.offset in drafts:
            yield p, "：", "operative-introducing-draft", "operative"
            continue
        final = "。" if i == last else "；"
        role = "last-operative-paragraph" if i == last else "operative-paragraph"
        if not p.sub_items and i != last:
            # A chapeau "：" whose items are not labelled (a quoted text, a list) is not a wrong ending.
            yield p, (final, "："), role, "operative"
            continue
        yield from _with_items(p, final, role, "operative")


def _with_items(p: Paragraph, final: str, role: str, scope: str) -> Iterator[tuple[Part, str, str, str]]:
    """A paragraph and its sub-items at every level: a part with items ends with "："; of a run of items, all but
    the last end with "；" and the last as its parent would without items (a paragraph's "，"/"；"/"。")."""
    if not p.sub_items:
        yield p, final, role, scope
        return
    intro = "preambular-introducing-sub-items" if scope == "preambular" else "operative-introducing-sub-items"
    yield p, "：", intro, "sub-items"
    parents = {id(parent) for parent, _ in p.item_runs()}
    own_final = {id(p): final}
    for parent, run in p.item_runs():
        for j, item in enumerate(run):
            mine = own_final[id(parent)] if j == len(run) - 1 else "；"
            own_final[id(item)] = mine
            yield item, "：" if id(item) in parents else mine, "sub-item", "sub-items"


def _introducing_drafts(doc: Document) -> set[int]:
    """Offsets of the operative paragraphs a resolution embedded in this one follows (建议大会通过下列决议草案：)."""
    found = set()
    for inner in doc.embedded:
        start = inner.organ.offset if inner.organ else inner.body_start
        before = [p for p in doc.operative if p.offset < start]
        if before:
            found.add(before[-1].offset)
    return found


def check_endings(doc: Document, rule: Rule) -> Iterator[Finding]:
    scope = rule.options["scope"]
    for part, expected, role, where in _expected_endings(doc):
        if where == scope:
            yield from _judge(doc, rule, part, expected, role)


def _judge(doc: Document, rule: Rule, part: Part, expected: str | tuple[str, ...], role: str) -> Iterator[Finding]:
    text = part.text.rstrip()
    if not text:
        return
    accepted = expected if isinstance(expected, tuple) else (expected,)
    k = len(text)
    while k > 1 and text[k - 1] in _CLOSERS and text[k - 2] in _END_MARKS:
        k -= 1  # a mark inside a closing quote or bracket: “…。”
    last = text[k - 1]
    if last in accepted:
        return
    s = part.offset + k - 1
    if last in _END_MARKS:
        yield rule.finding(doc, s, s + 1, replacement=accepted[0], found=f"“{last}”", expected=accepted[0],
                           role=rule.phrase(role))
    else:
        # No final mark: report the last character and insert the mark after it.
        s = part.offset + len(text) - 1
        ostart, oend = doc.span(s, s + 1)
        fix = Fix((Edit(oend, oend, accepted[0]),))
        yield rule.finding_at(ostart, oend, fix=fix, found=rule.phrase("no-punctuation"), expected=accepted[0],
                              role=rule.phrase(role))


KINDS = {"paragraph-endings": check_endings}
