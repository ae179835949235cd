"""How a resolution's body lines group: which unnumbered paragraphs read as operative, how sub-item labels nest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from linter.registries.lexicon import Verb, verbs

# Marks a paragraph can end with that are not a preambular "，"; closing quotes and brackets may follow the mark.
OPERATIVE_ENDS = "；。：;.:"
_CLOSERS = "”’》）)」』"
# Introductory phrases before a paragraph's opener (CONVENTIONS §1: 在这方面 may precede it).
_LEAD = re.compile(r"^(?:在这方面|为此|此外)，?")


@dataclass
class RawParagraph:
    """A paragraph as read, before the split into preamble and operative part."""

    s: int
    e: int
    number: int | None = None
    label: str = ""
    label_start: int = -1
    label_end: int = -1
    items: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end) in Document.text


def is_mark(mark: str, marks: str) -> bool:
    """Whether `mark` is one of `marks` (an empty mark is none of them)."""
    return len(mark) == 1 and mark in marks


def final_mark(text: str, raw: RawParagraph) -> str:
    """The mark a paragraph ends with: its last sub-item's if it has sub-items; closing quotes and brackets skipped."""
    s, e = (raw.items[-1][1], raw.items[-1][2]) if raw.items else (raw.s, raw.e)
    piece = text[s:e].rstrip().rstrip(_CLOSERS)
    return piece[-1:] if piece else ""


def opening_verb(text: str) -> Verb | None:
    """The known opening verb a paragraph starts with (longest form), if any."""
    lexicon = verbs()
    lead = _LEAD.match(text)
    text = text[lead.end() if lead else 0 :][:12]
    for n in range(len(text), 0, -1):
        if text[:n] in lexicon:
            return lexicon[text[:n]]
    return None


def _verb_part(text: str) -> str | None:
    verb = opening_verb(text)
    return verb.part if verb is not None else None


def reads_operative(text: str, raw: RawParagraph, part_of: Callable[[str], str | None] = _verb_part) -> bool:
    """Whether an unnumbered paragraph at the end of the text reads as operative: it ends with "；", "。" or "："
    (or has no final mark but an operative verb), and its opener is not one only preambles use. `part_of` tells
    the part an opener opens (the Chinese verb lexicon unless an English draft is read)."""
    part = part_of(text[raw.s : raw.e])
    if part == "preambular":
        return False
    mark = final_mark(text, raw)
    if is_mark(mark, "，,"):
        return False
    return is_mark(mark, OPERATIVE_ENDS) or part == "operative"


def split_parts(text: str, raws: list[RawParagraph],
                part_of: Callable[[str], str | None] = _verb_part) -> tuple[list[RawParagraph], list[RawParagraph]]:
    """Preamble and operative part. The operative part starts at the first numbered paragraph; without one, it is
    the run of paragraphs at the end that read as operative (a single unnumbered operative paragraph, or a
    decision pasted without its numbers)."""
    first = next((i for i, r in enumerate(raws) if r.number is not None), None)
    if first is not None:
        return raws[:first], raws[first:]
    k = len(raws)
    while k > 0 and reads_operative(text, raws[k - 1], part_of):
        k -= 1
    return raws[:k], raws[k:]


_LATIN = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_CHINESE = "一二三四五六七八九十"


def label_styles(label: str) -> dict[str, int]:
    """The numbering styles a label can belong to, each with the label's 0-based index in it.

    A style is the kind of numeral (latin, roman, chinese) with the label's shape ((a) or a. or a)): (i) may
    be the ninth letter or the first Roman numeral, so it has both."""
    shape = "()" if label[:1] in "(（" else label[-1:]
    inner = label.strip("()（）.) ")
    found: dict[str, int] = {}
    if inner in _ROMAN:
        found["roman" + shape] = _ROMAN.index(inner)
    if len(inner) == 1 and inner in _LATIN:
        found["latin" + shape] = _LATIN.index(inner)
    elif len(inner) == 2 and inner[0] == inner[1] and inner[0] in _LATIN and inner not in _ROMAN:
        found["latin" + shape] = 26 + _LATIN.index(inner[0])  # (aa) after (z)
    if inner and all(ch in _CHINESE for ch in inner):
        found["chinese" + shape] = chinese_value(inner) - 1
    return found


def chinese_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CHINESE.index(numeral[1]) + 1
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (_CHINESE.index(tens) + 1) * 10 + ((_CHINESE.index(units) + 1) if units else 0)
    return _CHINESE.index(numeral) + 1


def run_style(label: str) -> str | None:
    """The style of the run of sub-items this label opens."""
    return _first_style(label_styles(label))


def _first_style(styles: dict[str, int]) -> str | None:
    """The style a run opened by this label has: (i) opens a Roman run, (v) and (x) stay letters."""
    if not styles:
        return None
    starting = [style for style, index in styles.items() if index == 0]
    if starting:
        return starting[0]
    return next((style for style in styles if not style.startswith("roman")), next(iter(styles)))


def nest_levels(text: str, items: list[tuple[str, int, int]]) -> list[int]:
    """The level of each sub-item. An item that opens a style's count ((一), (i)) right after an item ending "："
    goes one level down; otherwise an item continues the nearest level of its style (the one it is next in,
    if several), and an item of a style no open level has goes one level down."""
    levels: list[int] = []
    stack: list[list] = []  # [style, index of its last item]
    previous_end = ""
    for label, s, e in items:
        styles = label_styles(label)
        opening = next((style for style, index in styles.items() if index == 0), None)
        if not stack:
            stack.append([_first_style(styles), styles.get(_first_style(styles), 0)])
        elif is_mark(previous_end, "：:") and opening is not None:
            stack.append([opening, 0])
        else:
            depth = next((d for d in range(len(stack) - 1, -1, -1)
                          if stack[d][0] in styles and styles[stack[d][0]] == stack[d][1] + 1), None)
            if depth is None:
                depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] in styles), None)
            if depth is None:
                stack.append([_first_style(styles), styles.get(_first_style(styles), 0)])
            else:
                del stack[depth + 1 :]
                stack[-1][1] = styles[stack[-1][0]]
        levels.append(len(stack))
        piece = text[s:e].rstrip().rstrip(_CLOSERS)
        previous_end = piece[-1:]
    return levels
