"""Verb-form checkers: paragraph openers, endings, operative numbering, and the 又/还 sequence."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.openers import Opener, find_openers
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document, Paragraph
from linter.registries.lexicon import nearest

# --- paragraph-openers -------------------------------------------------------


def check_openers(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    for part, paragraphs in (("preambular", doc.preambular), ("operative", doc.operative)):
        for paragraph in paragraphs:
            opener = openers.get(paragraph.offset)
            if opener is None:
                continue
            start, end = paragraph.offset + opener.start, paragraph.offset + opener.end
            if case == "unknown" and opener.verb is None and opener.first_word:
                if not _CJK_START.match(opener.first_word):
                    continue  # a paragraph opening with a symbol or number is structure's business
                suggestions = "、".join(nearest(opener.first_word)) or rule.phrase("no-suggestions")
                yield rule.finding(doc, start, end, word=opener.first_word, suggestions=suggestions, part=rule.phrase(part))
            elif opener.verb is not None and case == _MISPLACED.get(part):
                wrong = {"preambular": "operative", "operative": "preambular"}[part]
                if opener.verb.part == wrong:
                    yield rule.finding(
                        doc, start, end, verb=opener.text, where=rule.phrase(part), belongs=rule.phrase(wrong), en=opener.verb.en
                    )


_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_MISPLACED = {"preambular": "operative-verb-in-preamble", "operative": "preambular-verb-in-operative"}


# --- paragraph-endings --------------------------------------------------------

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


# --- numbering ------------------------------------------------------------------

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CHINESE = "一二三四五六七八九十"
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def check_numbering(doc: Document, rule: Rule) -> Iterator[Finding]:
    if rule.options["case"] == "operative":
        yield from _operative_numbers(doc, rule)
    else:
        yield from _sub_item_labels(doc, rule)


def _operative_numbers(doc: Document, rule: Rule) -> Iterator[Finding]:
    expected = 1
    seen: set[int] = set()
    for p in doc.operative:
        if p.number is None:
            head = min(len(p.text), 6)
            yield rule.finding(doc, p.offset, p.offset + head, message_key="unnumbered", expected=expected)
            expected += 1
            continue
        if p.number != expected:
            if p.number in seen:
                what = rule.phrase("repeats", number=p.number)
            elif p.number > expected:
                what = (rule.phrase("jumps", previous=expected - 1, number=p.number) if expected > 1
                        else rule.phrase("starts", number=p.number))
            else:
                what = rule.phrase("goes-backwards", number=p.number)
            fix = Fix((Edit(p.label_start, p.label_start + len(str(p.number)), str(expected)),), safe=False)
            yield rule.finding_at(p.label_start, p.label_start + len(str(p.number)), fix=fix, what=what, expected=expected)
        seen.add(p.number)
        expected = p.number + 1 if p.number >= expected else expected + 1


def _label_style(label: str) -> str | None:
    """Style of a run's first label; (i) starts a Roman run, not the ninth letter."""
    inner = label.strip("()（）.) ")
    if inner in _ROMAN and (inner == "i" or len(inner) > 1):
        return "roman"
    if len(inner) == 1 and inner in _LATIN:
        return "latin"
    if inner and all(ch in _CHINESE for ch in inner):
        return "chinese"
    return None


def _label_index(label: str, style: str) -> int | None:
    inner = label.strip("()（）.) ")
    if style == "roman":
        return _ROMAN.index(inner) if inner in _ROMAN else None
    if style == "latin":
        return _LATIN.index(inner) if len(inner) == 1 and inner in _LATIN else None
    if inner and all(ch in _CHINESE for ch in inner):
        return _chinese_value(inner) - 1
    return None


def _chinese_value(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CHINESE.index(numeral[1]) + 1
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (_CHINESE.index(tens) + 1) * 10 + ((_CHINESE.index(units) + 1) if units else 0)
    return _CHINESE.index(numeral) + 1


def _render(style: str, index: int, like: str) -> str:
    if style == "latin":
        inner = _LATIN[index % 26]
    elif style == "roman":
        inner = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
    else:
        inner = "十" if index == 9 else _CHINESE[index] if index < 10 else str(index + 1)
    open_, close = like[0] if like[0] in "(（" else "", like[-1] if like[-1] in ")）." else ""
    return f"{open_}{inner}{close}"


def _sub_item_labels(doc: Document, rule: Rule) -> Iterator[Finding]:
    for p in doc.paragraphs:
        if not p.sub_items:
            continue
        style = _label_style(p.sub_items[0].label)
        if style is None:
            continue
        for i, item in enumerate(p.sub_items):
            index = _label_index(item.label, style)
            if index == i:
                continue
            s = doc.text.rfind(item.label, 0, item.offset)
            right = _render(style, i, item.label)
            yield rule.finding(doc, s, s + len(item.label), replacement=right, safe=False, found=item.label, expected=right)


# --- verb-sequence --------------------------------------------------------------


def _family(base: str) -> str:
    # 关切, 又关切, 还表示关切 run together in C:health_017–019: 表示X continues X.
    return base.removeprefix("表示")


def check_sequence(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    parts = [[openers.get(p.offset) for p in paragraphs] for paragraphs in (doc.preambular, doc.operative)]
    # How this document numbers its runs, for the inversion message (CONVENTIONS §3: name the majority).
    pairs = [(prev, cur) for ops in parts for prev, cur in zip(ops, ops[1:])]
    huan_second = sum(1 for prev, cur in pairs if _is(cur, "还") and _is(prev, "none") and _same(prev, cur))
    you_second = sum(1 for prev, cur in pairs if _is(cur, "又") and _is(prev, "none") and _same(prev, cur))
    for ops in parts:  # preamble and operative part are separate sequences (CONVENTIONS §3)
        for i, cur in enumerate(ops):
            if cur is None or cur.verb is None or cur.verb.prefix not in ("又", "还"):
                continue
            prev = ops[i - 1] if i > 0 else None
            prefix = cur.verb.prefix
            base = cur.verb.base
            start = cur.paragraph.offset + cur.start
            # The finding covers the whole opener; its fix touches only the prefix.
            span = doc.span(start, start + len(cur.text))
            prefix_span = doc.span(start, start + len(prefix))
            if prev is None or prev.verb is None or not _same(prev, cur):
                if case == "orphan":
                    before = f"“{prev.text}”" if prev and prev.text else rule.phrase("nothing")
                    fix = Fix((Edit(*prefix_span, ""),), safe=False)
                    yield rule.finding_at(*span, fix=fix, verb=cur.text, prefix=prefix, base=base, before=before)
                continue
            if case == "inversion" and prefix == "又" and prev.verb.prefix == "还":
                convention = rule.phrase("convention", huan=huan_second, you=you_second)
                p_start = prev.paragraph.offset + prev.start
                fix = Fix((Edit(*doc.span(p_start, p_start + 1), "又"), Edit(*prefix_span, "还")), safe=False)
                yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, base=base, convention=convention)
            elif case == "order":
                if prefix == "还" and prev.verb.prefix == "none":
                    fix = Fix((Edit(*prefix_span, "又"),))
                    yield rule.finding_at(
                        *span, fix=fix, verb=cur.text, prev=prev.text, right="又" + base, position=rule.phrase("second"),
                        severity="info",
                    )
                elif prefix == "又" and prev.verb.prefix == "又":
                    fix = Fix((Edit(*prefix_span, "还"),))
                    yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, right="还" + base,
                                          position=rule.phrase("third"))


def _is(opener: Opener | None, prefix: str) -> bool:
    return bool(opener and opener.verb and opener.verb.prefix == prefix)


def _same(a: Opener, b: Opener) -> bool:
    return _family(a.verb.base) == _family(b.verb.base)


KINDS = {
    "paragraph-openers": check_openers,
    "paragraph-endings": check_endings,
    "numbering": check_numbering,
    "verb-sequence": check_sequence,
}
