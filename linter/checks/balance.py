"""Bracket and quotation-mark balance inside each paragraph, and pairs whose two halves differ in width."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from linter.analyses.memo import per_text
from linter.engine.rule import Rule, iter_parts
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document

# Opening mark → its family; ( and （ are one family so that a pair of mixed
# widths is one pair (reported by the width rule), not two unbalanced marks.
OPENERS = {"《": "《", "〈": "〈", "“": "“", "‘": "‘", "【": "【", "(": "(", "（": "(", "[": "[", "［": "["}
CLOSERS = {"》": "《", "〉": "〈", "”": "“", "’": "‘", "】": "【", ")": "(", "）": "(", "]": "[", "］": "["}
CLOSER_OF = {"《": "》", "〈": "〉", "“": "”", "‘": "’", "【": "】", "(": ")", "[": "]"}
FULL_WIDTH = set("（）［］")
# Any opening or closing mark: a paragraph is walked mark by mark, not character by character.
_MARK = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS)) + "]")

# "a)" or "ii)" opening a clause is an item label, not half of a pair.
_ITEM_LABEL = re.compile(r"(?:^|[，；：。][ \t]?)(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})$")
_LATIN = re.compile(r"[A-Za-z]")
# A document symbol in brackets is RP503's business.
_SYMBOL_INSIDE = re.compile(r"\s*[A-Z]{1,6}/")


@dataclass(frozen=True)
class Pair:
    open: int
    close: int


@dataclass(frozen=True)
class Stray:
    """A mark without its partner; `before` is the closing mark that ended its chance, if any."""

    index: int
    before: int | None = None


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and bool(_LATIN.match(text[i - 1])) and bool(_LATIN.match(text[i + 1]))


def _is_item_label(text: str, close: int) -> bool:
    # `^` only matches at the real start of the text, so a window is enough.
    return bool(_ITEM_LABEL.search(text, max(0, close - 6), close))


@per_text
def match_marks(text: str) -> tuple[list[Pair], list[Stray]]:
    """Pair opening and closing marks of one paragraph; what cannot be paired is a Stray."""
    pairs: list[Pair] = []
    strays: list[Stray] = []
    stack: list[int] = []  # text indices of the open marks
    open_by_family: dict[str, list[int]] = {}  # stack depths per family, so a closer finds its partner at once
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if ch in OPENERS and not (ch == "‘" and _is_apostrophe(text, i)):
            open_by_family.setdefault(OPENERS[ch], []).append(len(stack))
            stack.append(i)
        elif ch in CLOSERS:
            if ch == "’" and _is_apostrophe(text, i):
                continue
            if ch in ")）" and _is_item_label(text, i):
                continue
            depths = open_by_family.get(CLOSERS[ch])
            if not depths:
                strays.append(Stray(i))
                continue
            depth = depths.pop()
            # Marks opened after the partner and still open were never closed: 《…(…》
            for j in stack[depth + 1 :]:
                strays.append(Stray(j, before=i))
                open_by_family[OPENERS[text[j]]].pop()
            pairs.append(Pair(stack[depth], i))
            del stack[depth:]
    strays.extend(Stray(j) for j in stack)
    return pairs, sorted(strays, key=lambda s: s.index)


def check_balance(doc: Document, rule: Rule) -> Iterator[Finding]:
    for part in iter_parts(doc, "all"):
        _, strays = match_marks(part.text)
        for stray in strays:
            mark = part.text[stray.index]
            if mark in OPENERS:
                closer = CLOSER_OF[OPENERS[mark]]
                if stray.before is not None:
                    problem = rule.phrase("not-closed-before", before=part.text[stray.before], closer=closer)
                else:
                    problem = rule.phrase("not-closed", closer=closer)
            else:
                problem = rule.phrase("closes-nothing")
            start = part.offset + stray.index
            yield rule.finding(doc, start, start + 1, mark=mark, problem=problem)


def check_width_mismatch(doc: Document, rule: Rule) -> Iterator[Finding]:
    for part in iter_parts(doc, "all"):
        pairs, _ = match_marks(part.text)
        for pair in pairs:
            opening, closing = part.text[pair.open], part.text[pair.close]
            if (opening in FULL_WIDTH) == (closing in FULL_WIDTH):
                continue
            if _SYMBOL_INSIDE.match(part.text, pair.open + 1):
                continue
            start, end = part.locate(doc, pair.open, pair.close + 1)
            half_open, half_close = OPENERS[opening], CLOSER_OF[OPENERS[opening]]
            fix = Fix((Edit(start, start + 1, half_open), Edit(end - 1, end, half_close)), safe=True)
            yield rule.finding_at(start, end, fix=fix, opening=opening, closing=closing)


KINDS = {"bracket-balance": check_balance, "bracket-width-mismatch": check_width_mismatch}
