"""The numbers an English paragraph holds, each with its span and the value a Chinese translation must keep.

Kinds: `date` (25 July 2013, 26 to 28 October 2011, July 2013), `symbol`
(A/68/457, E/CN.15/2013/27, S/RES/2212 (2015)), `resolution` (68/193, 2013/38,
1373 (2001), 1/CP.21), `year` (2015, the years of 2012-2015), `ordinal`
(sixty-sixth, 47th, the third), `roman` (chapter IV, annex II) and `number`
(2225, 39574, 193, 5 per cent, 1.5 million: the value, multiplier applied).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"


@dataclass(frozen=True)
class Fact:
    """A number as the English writes it (text, span in the searched text) and what it is."""

    kind: str  # date, symbol, resolution, year, ordinal, roman, number
    start: int
    end: int
    text: str
    value: object  # (year, month, day) with None for what is not written; str for symbols; int or Decimal


# --- document symbols and resolution numbers ------------------------------------------------------------------
_SYMBOL = re.compile(r"(?<![\w/.\-])(?:[A-Z][A-Za-z]{0,6}(?:\.\d{1,3})?/)+(?:[A-Za-z0-9.\-]*[A-Za-z0-9])"
                     r"(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])*(?:\s?\(\d{4}\))?")
_RESOLUTION = re.compile(r"(?<![\w/.\-])(?:(?:S|ES)-)?\d{1,4}/(?:(?:CP|CMP|CMA|COP|MOP)\.)?\d{1,4}(?![\d/])"
                         r"|(?<![\w/.\-])\d{1,4}\s?\(\d{4}\)")

# --- dates ------------------------------------------------------------------------------------------------------
_DAY_RANGE = re.compile(
    rf"(?<![\d/.])(?P<day>\d{{1,2}})(?:\s*(?:-|–|and|to)\s*(?P<day2>\d{{1,2}}))?"
    rf"\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"
)
_US_DATE = re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?!\d)")
_MONTH_YEAR = re.compile(rf"{_MONTH}\s+(?:of\s+)?(?P<year>\d{{4}})(?!\d)")
_YEAR_PERIOD = re.compile(r"(?<![\d/.])(?P<first>(?:19|20)\d\d)\s?(?:-|–|/|to)\s?(?P<last>(?:19|20)?\d\d)(?![\d/])")
_YEAR = re.compile(r"(?:(?<![\w/.])(?<!\d-)|(?<=post)|(?<=pre))(?:19|20)\d\d(?![\w/])")  # post-2015, post2015 too

# --- ordinals and Roman numerals ------------------------------------------------------------------------------------
_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
          "ninth": 9}
_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
          "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                 "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_WORD = re.compile(
    r"\b(?:(?P<hundred>one hundred(?: and)?\s)?(?P<tens>" + "|".join(_TENS) + r")-(?P<unit>" + "|".join(_UNITS) + r")"
    r"|(?P<hundred2>one hundred(?: and)?\s)?(?P<single>" + "|".join([*_UNITS, *_TEENS, *_TENS_ORDINAL]) + r"))\b",
    re.I,
)
_NUMERIC_ORDINAL = re.compile(r"(?<![\w.])(?P<n>\d{1,4})(?:st|nd|rd|th)\b")
# "first" and "second" are ordinals the Chinese often says otherwise (首次, 下半年): counted only before these words.
_COUNTED_AFTER = re.compile(r"\s+(?:(?:special|regular|ordinary|extraordinary|substantive|high-level|resumed|plenary|"
                            r"biennial|periodic|review|United Nations|World|International|Decade)\s+)*"
                            r"(?:session|meeting|Committee|Conference|Congress|Decade|review|report|cycle|"
                            r"Protocol|Optional Protocol|Additional Protocol|Forum|Summit|Assembly|periodic|World War)", re.I)
_UNCERTAIN = {"first", "second"}
_ROMAN = re.compile(r"\b(?P<word>[Cc]hapters?|[Aa]nnex(?:es)?|[Pp]arts?|[Ss]ections?|[Tt]itle|Protocol|[Vv]olume|"
                    r"[Ss]tage)\s+(?P<roman>[IVXL]{1,6})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

# --- plain numbers ----------------------------------------------------------------------------------------------------
_NUMBER = re.compile(r"(?<![\w/.\-+])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/])"
                     r"(?:\s?(?P<mult>thousand|million|billion|trillion)\b)?")
_MULTIPLIERS = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}


@functools.lru_cache(maxsize=4096)
def english_facts(text: str) -> tuple[Fact, ...]:
    """Every number in `text` once, in order; spans of one kind are not read again as another."""
    facts: list[Fact] = []
    taken = bytearray(len(text))

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(kind: str, s: int, e: int, value: object) -> None:
        facts.append(Fact(kind, s, e, text[s:e], value))
        taken[s:e] = b"\x01" * (e - s)

    for m in _TIME.finditer(text):  # 10.15 a.m.: a time of day, which Chinese writes 上午10时15分
        take("time", m.start(), m.end(), None)
        facts.pop()
    for m in _SYMBOL.finditer(text):
        if re.search(r"\d", m.group(0)) and free(m.start(), m.end()):
            take("symbol", m.start(), m.end(), m.group(0))
    for m in _RESOLUTION.finditer(text):
        if free(m.start(), m.end()):
            take("resolution", m.start(), m.end(), m.group(0))
    for pattern in (_DAY_RANGE, _US_DATE, _MONTH_YEAR):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month = MONTHS.index(m.group("month")) + 1
            year = int(m.group("year")) if m.group("year") else None
            day = int(m.group("day")) if "day" in m.groupdict() and m.group("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            day2 = m.groupdict().get("day2")
            if day2:  # 26 to 28 October 2011: two dates of one month
                take("date", m.start("day"), m.end("day"), (year, month, day))
                take("date", m.start("day2"), m.end(), (year, month, int(day2)))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            else:
                take("date", m.start(), m.end(), (year, month, day))
    for m in _LONE_MONTH.finditer(text):
        if free(m.start(), m.end()) and not (m.group(0) == "May" and _sentence_start(text, m.start())):
            take("date", m.start(), m.end(), (None, MONTHS.index(m.group(0)) + 1, None))
    for m in _YEAR_PERIOD.finditer(text):
        if free(m.start(), m.end()):
            first, last = m.group("first"), m.group("last")
            take("year", m.start("first"), m.end("first"), int(first))
            last_year = int(last) if len(last) == 4 else int(first[:2] + last)
            take("year", m.start("last"), m.end("last"), last_year)
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()) and not _MULTIPLIER_AFTER.match(text, m.end()):
            take("year", m.start(), m.end(), int(m.group(0)))
    for m in _NUMERIC_ORDINAL.finditer(text):
        if free(m.start(), m.end()):
            take("ordinal", m.start(), m.end(), int(m.group("n")))
    for m in _ORDINAL_WORD.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = _ordinal_value(m)
        word = m.group(0).lower()
        if word in _UNCERTAIN and not _COUNTED_AFTER.match(text, m.end()):
            continue
        take("ordinal", m.start(), m.end(), value)
    for m in _ROMAN.finditer(text):
        value = _roman(m.group("roman"))
        if value and free(m.start("roman"), m.end("roman")):
            take("roman", m.start("roman"), m.end("roman"), value)
    for m in _NUMBER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        try:
            value = Decimal(m.group("n").replace(",", ""))
        except InvalidOperation:
            continue
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult")]
        take("number", m.start(), m.end(), value)
    return tuple(sorted(facts, key=lambda f: f.start))


_TIME = re.compile(r"(?<![\d.])\d{1,2}[.:]\d{2}\s?(?:a\.m\.|p\.m\.|hours|noon)", re.I)
_MULTIPLIER_AFTER = re.compile(r"\s?(?:thousand|million|billion|trillion)\b")
_LONE_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".;:!?\"“("


def _ordinal_value(m: re.Match) -> int:
    hundred = 100 if (m.group("hundred") or m.group("hundred2")) else 0
    if m.group("tens"):
        return hundred + _TENS[m.group("tens").lower()] + _UNITS[m.group("unit").lower()]
    word = m.group("single").lower()
    return hundred + {**_UNITS, **_TEENS, **_TENS_ORDINAL}[word]


def _roman(text: str) -> int | None:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        following = _ROMAN_VALUES.get(text[i + 1]) if i + 1 < len(text) else 0
        total += -value if following and following > value else value
    return total or None


def month_numbers(text: str) -> set[int]:
    """Month numbers the English names (for telling which Chinese numbers the English accounts for)."""
    return {MONTHS.index(m) + 1 for m in re.findall("|".join(MONTHS), text)}
