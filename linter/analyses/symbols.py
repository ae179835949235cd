"""Find resolutions and decisions cited by number (第 66/181 号决议, 第 64/293、67/186 和 67/192 号决议) with their dates and organ words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from linter.analyses.dates import SPACE, DateMention, find_dates
from linter.analyses.memo import per_text

# One number: 66/181, 2013/38, 53/243 A和B, 1373(2001), 2200 A (XXI), S-23/2, 1/CP.21.
_NUMBER = (
    rf"(?:(?:S|ES)-)?\d{{1,4}}(?:"
    rf"{SPACE}/{SPACE}(?:CP\.)?\d{{1,4}}(?P<part>{SPACE}[A-Z](?:{SPACE}(?:和|至){SPACE}[A-Z])?)?"
    rf"|{SPACE}(?:[A-Z]{SPACE})?[(（]{SPACE}(?:\d{{4}}|[IVXLC]{{1,8}}){SPACE}[)）]"
    rf")"
)
_NUMBER_RE = re.compile(_NUMBER)
_LIST_SEPARATOR = rf"{SPACE}(?:、|和|及|以及|与){SPACE}"
# 第 64/293、67/186 和 67/192 号: several numbers under one 第 … 号.
_GROUP = re.compile(
    rf"(?<![0-9A-Za-z/.\-])(?:第{SPACE})?(?P<numbers>{_NUMBER.replace('?P<part>', '?:')}"
    rf"(?:{_LIST_SEPARATOR}{_NUMBER.replace('?P<part>', '?:')}){{0,30}}){SPACE}号"
)
_END = re.compile(rf"{SPACE}(?P<what>决议|决定)")
# Between two groups of one citation: 第 46/152 号、2005 年 9 月 16 日第 60/1 号.
_LINK = re.compile(rf"{SPACE}(?:、|，?以及|和|及|与){SPACE}")
_FULL_DATE_AT_END = re.compile(rf"\d{{4}}{SPACE}年{SPACE}\d{{1,2}}{SPACE}月{SPACE}\d{{1,2}}{SPACE}日{SPACE}$")
# What may stand between a citation's date and its 第: nothing, 通过的, or 题为“…”的 / 关于…的.
_DATE_TO_NUMBER = re.compile(rf"{SPACE}(?:(?:题为|关于)[^，；。]{{0,200}}的{SPACE}|通过的{SPACE})?")
# An organ word is the citation's when the citation's own wording follows it:
# 大会 2011 年…, 委员会关于…, 其题为…, 大会第 65/230 号, 大会在其第 … 号决议中.
_AFTER_ORGAN = re.compile(rf"{SPACE}(?:\d{{4}}{SPACE}年|关于|题为|第{SPACE}\d|在其|通过的|S-|ES-)")
_OWN = "其"
_CLAUSE_END = "，；。：,;"
_OPEN_TO_CLOSE = {"“": "”", "《": "》", "(": ")", "（": "）", "‘": "’"}
_CLOSE_TO_OPEN = {v: k for k, v in _OPEN_TO_CLOSE.items()}
_LOOKBACK = 200
# Names that end in a context word but are no adopting body: the Congress (联合国预防犯罪和刑事司法大会) is not 大会.
NOT_BODIES = ("预防犯罪和刑事司法大会", "预防犯罪和罪犯待遇大会")


@dataclass(frozen=True)
class CitedNumber:
    """One cited number. `lookup` is the form registry patterns take (spaces and part letters out: 53/243)."""

    text: str
    start: int
    end: int
    lookup: str
    date: DateMention | None  # the date written with it, if any


@dataclass(frozen=True)
class NumberCitation:
    """第 … 号决议 (or 号决定): one or more numbers, the organ word before them (or 其, or None) and its offset."""

    start: int
    end: int
    kind: str  # resolution or decision
    numbers: tuple[CitedNumber, ...]
    organ_word: str | None
    organ_start: int | None


@per_text
def find_number_citations(text: str, organ_words: Sequence[str]) -> list[NumberCitation]:
    """Every citation of resolutions or decisions by number in `text`.

    `organ_words` are the words that name an organ before a citation
    (大会, 委员会 …; longest first wins); 其 always stands for the citing
    body itself.
    """
    if "号" not in text:
        return []  # every citation by number has it; _GROUP opens with a lookbehind, tried at every character
    dates = [d for d in find_dates(text) if d.is_full]
    groups = list(_GROUP.finditer(text))
    citations = []
    chain: list[re.Match] = []
    for i, group in enumerate(groups):
        chain.append(group)
        end = _END.match(text, group.end())
        if end:
            citations.append(_citation(text, chain, end, dates, organ_words))
            chain = []
            continue
        following = groups[i + 1] if i + 1 < len(groups) else None
        if following is None or not _links(text[group.end() : following.start()]):
            chain = []  # 第 2225 卷-like numbers or a list that never reaches 决议
    return citations


def _links(between: str) -> bool:
    return bool(_LINK.fullmatch(_FULL_DATE_AT_END.sub("", between)))


def _citation(text: str, chain: list[re.Match], end: re.Match, dates: list[DateMention],
              organ_words: Sequence[str]) -> NumberCitation:
    numbers: list[CitedNumber] = []
    previous_end = None
    for group in chain:
        date = _date_before(text, group.start(), dates, previous_end)
        for k, m in enumerate(_NUMBER_RE.finditer(text, group.start("numbers"), group.end("numbers"))):
            numbers.append(CitedNumber(m.group(0), m.start(), m.end(), _lookup(m), date if k == 0 else None))
        previous_end = group.end()
    start = chain[0].start()
    first_date = numbers[0].date
    organ_word, organ_start = _organ_before(text, first_date.start if first_date else start, organ_words)
    return NumberCitation(start, end.end(), "resolution" if end.group("what") == "决议" else "decision",
                          tuple(numbers), organ_word, organ_start)


def _lookup(m: re.Match) -> str:
    text = m.group(0)
    if m.group("part"):
        text = text[: m.start("part") - m.start()]
    if "/" in text:
        return re.sub(r"\s", "", text)
    return text


def _date_before(text: str, pos: int, dates: list[DateMention], floor: int | None) -> DateMention | None:
    """The full date this number is cited with: just before it, or before a 题为“…”的 / 关于…的 that leads to it."""
    for date in reversed(dates):
        if date.end > pos:
            continue
        if (floor is not None and date.start < floor) or pos - date.end > _LOOKBACK:
            return None
        between = _unquoted(text[date.end : pos])
        # None: the number sits inside a bracket opened after the date, (第 60/1 号决议), an aside.
        return date if between is not None and _DATE_TO_NUMBER.fullmatch(between) else None
    return None


def _unquoted(text: str) -> str | None:
    """`text` without its quoted and bracketed spans (“…”, 《…》, (…)), whose commas end no clause; None if one stays open."""
    out = []
    depth = 0
    for ch in text:
        if ch in _OPEN_TO_CLOSE:
            depth += 1
        elif ch in _CLOSE_TO_OPEN and depth:
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out) if depth == 0 else None


def _organ_before(text: str, pos: int, organ_words: Sequence[str]) -> tuple[str | None, int | None]:
    """The nearest organ word (or 其) in the same clause before `pos` that the citation's wording follows."""
    depth = 0
    floor = max(0, pos - _LOOKBACK)
    i = pos
    while i > floor:
        i -= 1
        ch = text[i]
        if ch in _CLOSE_TO_OPEN:
            depth += 1
            continue
        if ch in _OPEN_TO_CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if ch in _CLAUSE_END:
            break
        word = _word_ending_at(text, i + 1, organ_words)
        if word is None:
            continue
        start = i + 1 - len(word)
        if _AFTER_ORGAN.match(text, i + 1) and not text[:i + 1].endswith(NOT_BODIES):
            return word, start
    return None, None


def _word_ending_at(text: str, end: int, organ_words: Sequence[str]) -> str | None:
    for word in organ_words:  # longest first
        if text.endswith(word, 0, end):
            return word
    return _OWN if text.endswith(_OWN, 0, end) else None
