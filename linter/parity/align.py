"""Align a Chinese Document with its English original part by part: paragraphs, sub-items, footnotes, header, footer.

Paragraphs (preamble and operative part as one sequence, so a paragraph that
changed part still pairs) and the sub-items of each pair are aligned by dynamic
programming: a pair scores by its operative number or sub-item label, its part,
the numbers both hold, whether the openers say the same thing and the ratio of
their lengths; a paragraph left without a partner is one the other text lacks.
Footnotes pair by number; header and footer lines by what they are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Sequence

from linter.analyses.memo import per_document
from linter.parity.chinese_numbers import chinese_numbers
from linter.parity.english_numbers import english_facts
from linter.parity.opener_pairs import compatible
from linter.read.document import Document, Paragraph, Part, SubItem
from linter.read.english_shapes import lexicon_opener
from linter.read.paragraph_shapes import label_styles
from linter.registries.lexicon import match_opener

# English characters per Chinese character in UN texts (unpc-dev resolution lines: about 3.3).
LENGTH_RATIO = 3.3
_GAP = -1.2  # the score of leaving a unit without a partner
_BAND = 12  # how far off the diagonal a pair is still scored


@dataclass(frozen=True)
class Unit:
    """A paragraph or sub-item of one text, with where it stands."""

    part: Part
    kind: str  # preambular, operative, item
    ordinal: int  # 1-based place among the units of its kind (of its paragraph, for an item)
    number: int | None = None  # an operative paragraph's number
    label: str = ""  # a sub-item's label
    level: int = 0
    key: tuple = ()  # (level, index) of a sub-item label: (a) is (1, 0), (ii) and (二) are (2, 1)
    parent: "Unit | None" = None

    @property
    def where(self) -> str:
        """How a message names it: preambular paragraph 3, operative paragraph 2, operative paragraph 2 (b)."""
        if self.kind == "preambular":
            return f"preambular paragraph {self.ordinal}"
        if self.kind == "operative":
            return f"operative paragraph {self.number if self.number is not None else self.ordinal}"
        return f"{self.parent.where if self.parent else 'paragraph'} {self.label}"


@dataclass(frozen=True)
class Pair:
    zh: Unit | None
    en: Unit | None


@dataclass(frozen=True)
class LinePair:
    """A header or footer line, or a footnote, of both texts (either may be None)."""

    what: str  # the date line, the basis line, the symbol, the title, the footer date, the meeting line, footnote n
    zh: Part | None
    en: Part | None


@dataclass
class Alignment:
    paragraphs: list[Pair] = field(default_factory=list)
    items: list[tuple[Pair, list[Pair]]] = field(default_factory=list)  # each paragraph pair with its item pairs
    notes: list[LinePair] = field(default_factory=list)
    lines: list[LinePair] = field(default_factory=list)

    def units(self) -> list[Pair]:
        """Every pair, paragraphs and sub-items, in reading order."""
        out: list[Pair] = []
        for pair, items in self.items:
            out.append(pair)
            out.extend(items)
        return out


def paragraph_units(doc: Document) -> list[Unit]:
    units = [Unit(p, "preambular", i) for i, p in enumerate(doc.preambular, 1)]
    units += [Unit(p, "operative", i, p.number) for i, p in enumerate(doc.operative, 1)]
    return units


def item_units(paragraph: Unit) -> list[Unit]:
    """The sub-items of a paragraph unit. An item's key is its level and its index in its run's numbering: English
    (i), (ii) and Chinese (一), (二) count alike (CONVENTIONS §1), so (ii) and (二) both have index 1."""
    out = []
    counters: dict[int, int] = {}
    families: dict[int, str] = {}
    for item in paragraph.part.sub_items if isinstance(paragraph.part, Paragraph) else ():
        counters[item.level] = counters.get(item.level, 0) + 1
        for deeper in [lv for lv in counters if lv > item.level]:
            del counters[deeper]
            families.pop(deeper, None)
        by_family: dict[str, int] = {}
        for style, index in label_styles(item.label).items():
            by_family.setdefault("latin" if style.startswith("latin") else "counted", index)
        if counters[item.level] == 1 or families.get(item.level) not in by_family:
            families[item.level] = "counted" if by_family.get("counted") == 0 or "latin" not in by_family else "latin"
        index = by_family.get(families[item.level], counters[item.level] - 1)
        out.append(Unit(item, "item", counters[item.level], label=item.label, level=item.level,
                        key=(item.level, index), parent=paragraph))
    return out


@per_document
def alignment(doc: Document) -> Alignment:
    """The alignment of a Chinese Document with its counterpart (empty without one)."""
    english = doc.counterpart
    if english is None:
        return Alignment()
    return align(doc, english)


def align(zh: Document, en: Document) -> Alignment:
    result = Alignment()
    scorer = _Scorer()
    result.paragraphs = sequence([u for u in paragraph_units(zh)], [u for u in paragraph_units(en)], scorer.paragraphs)
    for pair in result.paragraphs:
        zh_items = item_units(pair.zh) if pair.zh else []
        en_items = item_units(pair.en) if pair.en else []
        items = sequence(zh_items, en_items, scorer.items) if pair.zh and pair.en else (
            [Pair(u, None) for u in zh_items] + [Pair(None, u) for u in en_items])
        result.items.append((pair, items))
    en_notes = {f.number: f for f in en.footnotes}
    zh_notes = {f.number: f for f in zh.footnotes}
    for number in sorted(set(en_notes) | set(zh_notes)):
        result.notes.append(LinePair(f"footnote {number}", zh_notes.get(number), en_notes.get(number)))
    result.lines = [
        LinePair(what, zh_part, en_part)
        for what, zh_part, en_part in (
            ("the date line", zh.header.date, en.header.date),
            ("the basis line", zh.header.basis, en.header.basis),
            ("the symbol", zh.header.symbol, en.header.symbol),
            ("the title", zh.header.title, en.header.title),
            ("the footer date", zh.footer.date, en.footer.date),
            ("the meeting line", zh.footer.meeting, en.footer.meeting),
        )
        if zh_part is not None or en_part is not None
    ]
    return result


def sequence(zh: Sequence[Unit], en: Sequence[Unit], score: Callable[[Unit, Unit], float]) -> list[Pair]:
    """Needleman–Wunsch: the order-keeping pairing of `zh` and `en` with the best total score."""
    n, m = len(zh), len(en)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0], step[i][0] = best[i - 1][0] + _GAP, "zh"
    for j in range(1, m + 1):
        best[0][j], step[0][j] = best[0][j - 1] + _GAP, "en"
    # Pairs far off the diagonal are not scored: a translation keeps the order, and the band is wider than
    # any difference in length between the two sequences.
    band = (abs(n - m) + _BAND) * max(n, m)
    for i in range(1, n + 1):
        row, above, moves = best[i], best[i - 1], step[i]
        for j in range(1, m + 1):
            value, move = above[j] + _GAP, "zh"
            if row[j - 1] + _GAP > value:
                value, move = row[j - 1] + _GAP, "en"
            if abs(i * m - j * n) <= band:
                paired = above[j - 1] + score(zh[i - 1], en[j - 1])
                if paired >= value:
                    value, move = paired, "pair"
            row[j], moves[j] = value, move
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        move = step[i][j]
        if move == "pair":
            pairs.append(Pair(zh[i - 1], en[j - 1]))
            i, j = i - 1, j - 1
        elif move == "zh":
            pairs.append(Pair(zh[i - 1], None))
            i -= 1
        else:
            pairs.append(Pair(None, en[j - 1]))
            j -= 1
    return pairs[::-1]


class _Scorer:
    """Pair scores from what each unit holds, read once per unit: its numbers as a set of keys, its opener."""

    def __init__(self) -> None:
        self._keys: dict[int, frozenset] = {}
        self._openers: dict[int, object] = {}
        self._verdicts: dict[tuple, bool | None] = {}

    def _en_keys(self, unit: Unit) -> frozenset:
        key = id(unit.part)
        if key not in self._keys:
            self._keys[key] = frozenset(_fact_key(f) for f in english_facts(unit.part.text))
        return self._keys[key]

    def _zh_keys(self, unit: Unit) -> frozenset:
        key = id(unit.part)
        if key not in self._keys:
            cn = chinese_numbers(unit.part.text)
            keys = {("n", v) for t in cn.tokens for v in t.values}
            keys.update(("d", d.year, d.month, d.day) for d in cn.dates)
            keys.update(("d", None, d.month, d.day) for d in cn.dates)
            keys.update(("s", s) for s in _SYMBOLISH.findall(cn.compact))
            self._keys[key] = frozenset(keys)
        return self._keys[key]

    def _content(self, zh: Unit, en: Unit) -> float:
        en_text, zh_text = en.part.text, zh.part.text
        facts = self._en_keys(en)
        score = 0.0
        if facts:
            kept = len(facts & self._zh_keys(zh)) / len(facts)
            score += 2.5 * kept - 1.0
        ratio = len(en_text) / max(len(zh_text), 1)
        score += 1.0 - min(abs(math.log(ratio / LENGTH_RATIO)), 2.5)
        return score

    def _opener(self, unit: Unit, english: bool):
        key = id(unit.part)
        if key not in self._openers:
            text = unit.part.text
            found = lexicon_opener(text) if english else match_opener(text)
            self._openers[key] = (found[0] if found else None) if english else found
        return self._openers[key]

    def paragraphs(self, zh: Unit, en: Unit) -> float:
        score = self._content(zh, en)
        score += 0.6 if zh.kind == en.kind else -0.6
        if zh.number is not None and en.number is not None:
            score += 1.0 if zh.number == en.number else -0.3
        en_opener, zh_opener = self._opener(en, True), self._opener(zh, False)
        verdict = None
        if en_opener is not None and zh_opener is not None:
            pair_key = (en_opener.en, zh_opener.verb.zh)
            if pair_key not in self._verdicts:
                self._verdicts[pair_key] = compatible(en_opener, zh_opener)
            verdict = self._verdicts[pair_key]
        score += {True: 1.0, False: -1.5, None: 0.0}[verdict]
        return score

    def items(self, zh: Unit, en: Unit) -> float:
        score = self._content(zh, en)
        score += 1.5 if zh.key == en.key else -0.5
        return score


_SYMBOLISH = re.compile(r"[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\(\d{4}\))?")


def _fact_key(fact) -> tuple:
    """What a unit's English number is looked up by among the Chinese unit's keys."""
    if fact.kind == "date":
        return ("d", *fact.value)
    if fact.kind in ("symbol", "resolution"):
        return ("s", re.sub(r"\s", "", str(fact.value)))
    return ("n", Decimal(fact.value))


def marker_where(number: int) -> str:
    """How a message names a footnote marker."""
    return f"footnote marker {number}"


def unit_at(units: list[Unit], at: int) -> Unit | None:
    """The innermost unit whose text holds normalized offset `at` (a marker's place)."""
    found = None
    for unit in units:
        part = unit.part
        if part.offset <= at <= part.offset + len(part.text):
            if found is None or isinstance(part, SubItem):
                found = unit
    return found
