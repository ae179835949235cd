"""The numbers a Chinese paragraph holds: its dates, its symbols, and every value its digits and numerals write.

A value is written in Arabic digits (2225, 1 000, 0.7), with a multiplier
(150万 = 1,500,000, 20亿), or in Chinese numerals (六十六, 一百七十二, 两千,
二〇一五). The set of values is what an English number is looked for in; the
tokens (with spans) say which Chinese number may stand where an English one is
missing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from linter.analyses.dates import DateMention, find_dates

_SPACES = re.compile(r"[\s\u3000]+")
_FULL_WIDTH = str.maketrans("（）／０１２３４５６７８９．，", "()/0123456789.,")
_ARABIC = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])(?:[ \u3000]?(万|亿|千))?")
_NUMERAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10 ** 4, "亿": 10 ** 8}
_CN_MULTIPLIER = {"万": 10 ** 4, "亿": 10 ** 8, "千": 10 ** 3}
# Measure words after which a lone 一 counts one: 一个, 一项, 一次, 一年.
_ONE_COUNTS = "个项次名份年天月周届条款段章"


@dataclass(frozen=True)
class Token:
    """A number written in the Chinese text: its span (in the text as given), what is written, its value, and the
    values it may stand for (150万: 150 and 1,500,000; a run of numerals: its parts too, 一些 holds 一)."""

    start: int
    end: int
    text: str
    value: Decimal
    ordinal: bool  # 第 … (a session, meeting, chapter or article number)
    values: frozenset = frozenset()


@dataclass
class ChineseNumbers:
    text: str
    compact: str  # the text without spaces, full-width digits and brackets made half-width
    dates: list[DateMention]
    values: set[Decimal] = field(default_factory=set)
    tokens: list[Token] = field(default_factory=list)

    def count_string(self, needle: str) -> int:
        """How often `needle` (spaces removed) stands in the text as a whole token (68/19 is not in 68/193)."""
        needle = _SPACES.sub("", needle).translate(_FULL_WIDTH)
        if not needle:
            return 0
        pattern = r"(?<![A-Za-z0-9/.\-])" + re.escape(needle) + r"(?![0-9/]|\.\d)"
        if needle[-1:].isalpha():
            pattern += r"(?![A-Za-z])"
        return len(re.findall(pattern, self.compact))


# 2014年1月15至17日, 2011年4月6和7日: a day range with 日 written once, at its end.
_DAY_RANGE = re.compile(r"(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?(?:至|和|及|-|–|到|、)\s?(\d{1,2})\s?日")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s?月|(?<![一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])月(?![份度]?[\d一二三四五六七八九十])")


def _dates(text: str) -> list[DateMention]:
    dates = find_dates(text)
    for m in _DAY_RANGE.finditer(text):
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2))
        dates.append(DateMention(m.start(), m.end(3), year, month, int(m.group(3))))
        dates.append(DateMention(m.start(4), m.end(), year, month, int(m.group(4)), inherited=True))
    # A month named alone (3月, the month of March) is a date of no day and no year.
    for m in _MONTH.finditer(text):
        if not any(d.start <= m.start() < d.end for d in dates):
            month = int(m.group(1)) if m.group(1) else chinese_value(m.group(2))
            dates.append(DateMention(m.start(), m.end(), None, month, None))
    return sorted(dates, key=lambda d: d.start)


@functools.lru_cache(maxsize=4096)
def chinese_numbers(text: str) -> ChineseNumbers:
    """The numbers of a Chinese text (shared, read-only: the aligner and the checks ask for the same texts)."""
    compact = _SPACES.sub("", text).translate(_FULL_WIDTH)
    found = ChineseNumbers(text, compact, _dates(text))
    flat = text.translate(_FULL_WIDTH)
    for m in _ARABIC.finditer(_join_digit_groups(flat)):
        try:
            value = Decimal(m.group(1).replace(",", "").replace(" ", ""))
        except InvalidOperation:
            continue
        values = {value} | ({value * _CN_MULTIPLIER[m.group(2)]} if m.group(2) else set())
        found.values.update(values)
        found.tokens.append(Token(m.start(1), m.end(1), m.group(1), value, _after_di(flat, m.start(1)), frozenset(values)))
    for m in _NUMERAL_RUN.finditer(text):
        if m.group(0) in _BIG or m.group(0) == "千":
            continue  # 150 万: the multiplier of the digits before it
        after = text[m.end():m.end() + 1]
        if m.group(0) == "一" and not (_after_di(text, m.start()) or after in _ONE_COUNTS or not _is_cjk(after)):
            continue  # 一些, 统一, 进一步, 一致: 一 in a word is no number
        values = {Decimal(v) for v in chinese_values(m.group(0))}
        found.values.update(values)
        whole = chinese_value(m.group(0))
        if values:
            value = Decimal(whole) if whole is not None else min(values)
            found.tokens.append(Token(m.start(), m.end(), m.group(0), value, _after_di(text, m.start()), frozenset(values)))
    found.tokens.sort(key=lambda t: t.start)
    return found


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _join_digit_groups(text: str) -> str:
    """1 000 → 1,000 (a space as thousands separator), keeping every offset where it was."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", ",", text)


def _after_di(text: str, pos: int) -> bool:
    return text[max(0, pos - 2):pos].rstrip(" \u3000").endswith("第")


def chinese_value(numeral: str) -> int | None:
    """一百七十二 → 172, 两千 → 2000, 三万五千 → 35000, 十亿 → 1000000000, 二〇一五 → 2015; None if malformed."""
    if not numeral:
        return None
    if not any(ch in _UNIT or ch in _BIG for ch in numeral):
        if all(ch in _DIGIT for ch in numeral):
            return int("".join(str(_DIGIT[ch]) for ch in numeral))  # 二〇一五: digit by digit
        return None
    total = section = 0
    digit = None
    for ch in numeral:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            section += (1 if digit is None else digit) * _UNIT[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def chinese_values(run: str) -> set[int]:
    """The values a run of numerals may write: the whole run, and each of its parts split at 零 and where a
    word boundary may fall (统一 and 一些 hold 一; 百分之五 is two runs)."""
    values: set[int] = set()
    whole = chinese_value(run)
    if whole is not None:
        values.add(whole)
    for i in range(len(run)):
        for j in range(i + 1, min(len(run), i + 8) + 1):
            value = chinese_value(run[i:j])
            if value is not None:
                values.add(value)
    return values
