"""Numbering (RT121, RT122): operative paragraph numbers and sub-item labels in sequence."""

from __future__ import annotations

from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document

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


KINDS = {"numbering": check_numbering}
