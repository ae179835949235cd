"""Numbering (RT121, RT122): operative paragraph numbers and sub-item labels in sequence, one finding per slip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.paragraph_shapes import OPERATIVE_ENDS, is_mark, label_styles, run_style
from linter.read.structure import Document

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CHINESE = "一二三四五六七八九十"
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


@dataclass(frozen=True)
class Slip:
    """A place where a count goes wrong: `at` the position in the run, `expected` the value it should have,
    and `renumber` how many items (from `at` on) a fix renumbers to put the count right."""

    at: int
    expected: int
    renumber: int


def slips(values: list[int | None], first: int) -> list[Slip]:
    """Where a count written as `values` leaves first, first+1, first+2, ...: one slip per anomaly.

    A value that is off while the next one is where the count should go after it is a slip of the pen
    (1, 2, 9, 4): the fix changes that one. Otherwise the count resumes from the value written (1, 2, 2, 3, 4
    is one slip, the repeated 2; 1, 2, 4, 5 is one, the jump), and the fix renumbers the run that follows it.
    """
    found: list[Slip] = []
    expected = first
    for i, value in enumerate(values):
        if value == expected:
            expected += 1
            continue
        following = values[i + 1] if i + 1 < len(values) else None
        if value is None or following is None or following == expected + 1:
            found.append(Slip(i, expected, 1))
            expected += 1
            continue
        run = 1
        while i + run < len(values) and values[i + run] == value + run:
            run += 1
        found.append(Slip(i, expected, run))
        expected = value + 1
    return found


def check_numbering(doc: Document, rule: Rule) -> Iterator[Finding]:
    if rule.options["case"] == "operative":
        yield from _operative_numbers(doc, rule)
    else:
        yield from _sub_item_labels(doc, rule)


def _operative_numbers(doc: Document, rule: Rule) -> Iterator[Finding]:
    numbered = [p for p in doc.operative if p.number is not None]
    if not numbered:
        return  # a single operative paragraph, or a decision whose paragraphs are all unnumbered
    yield from _unnumbered(doc, rule)
    numbers = [p.number for p in numbered]
    for slip in slips(numbers, 1):
        p = numbered[slip.at]
        if p.number in numbers[: slip.at]:
            what = rule.phrase("repeats", number=p.number)
        elif p.number > slip.expected:
            what = (rule.phrase("jumps", previous=numbers[slip.at - 1], number=p.number) if slip.at
                    else rule.phrase("starts", number=p.number))
        else:
            what = rule.phrase("goes-backwards", number=p.number)
        edits = tuple(
            Edit(q.label_start, q.label_start + len(str(q.number)), str(slip.expected + k))
            for k, q in enumerate(numbered[slip.at : slip.at + slip.renumber])
        )
        yield rule.finding_at(p.label_start, p.label_start + len(str(p.number)), fix=Fix(edits, safe=False),
                              what=what, expected=slip.expected)


def _unnumbered(doc: Document, rule: Rule) -> Iterator[Finding]:
    """One finding per unnumbered operative paragraph; it does not shift the numbers after it."""
    previous = None
    operative = list(doc.operative)
    for i, p in enumerate(operative):
        if p.number is not None:
            previous = p
            continue
        head = min(len(p.text), 6)
        following = next((q.number for q in operative[i + 1 :] if q.number is not None), None)
        before = operative[i - 1]
        ends = (before.sub_items[-1] if before.sub_items else before).text.rstrip()[-1:]
        if previous is not None and (following == previous.number + 1 or not is_mark(ends, OPERATIVE_ENDS)):
            yield rule.finding(doc, p.offset, p.offset + head, message_key="split", previous=previous.number)
        else:
            yield rule.finding(doc, p.offset, p.offset + head, message_key="unnumbered",
                               expected=(previous.number + 1) if previous else 1)


def _render(style: str, index: int, like: str) -> str:
    if style.startswith("latin"):
        inner = _LATIN[index % 26] * (1 + index // 26)
    elif style.startswith("roman"):
        inner = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
    elif index < 10:
        inner = "十" if index == 9 else _CHINESE[index]
    elif index < 20:
        inner = "十" + _CHINESE[index - 10]
    else:
        inner = str(index + 1)
    open_, close = like[0] if like[0] in "(（" else "", like[-1] if like[-1] in ")）." else ""
    return f"{open_}{inner}{close}"


def _sub_item_labels(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Each run of sibling sub-items ((a) (b) …, and the (一) (二) … nested in an item) counts on its own."""
    for p in doc.paragraphs:
        for _parent, run in p.item_runs():
            style = run_style(run[0].label)
            if style is None:
                continue
            values = [label_styles(item.label).get(style) for item in run]
            for slip in slips(values, 0):
                edits = []
                for k, item in enumerate(run[slip.at : slip.at + slip.renumber]):
                    s = doc.text.rfind(item.label, 0, item.offset)
                    ostart, oend = doc.span(s, s + len(item.label))
                    edits.append(Edit(ostart, oend, _render(style, slip.expected + k, item.label)))
                item = run[slip.at]
                right = edits[0].replacement
                yield rule.finding_at(edits[0].start, edits[0].end, fix=Fix(tuple(edits), safe=False),
                                      found=item.label, expected=right)


KINDS = {"numbering": check_numbering}
