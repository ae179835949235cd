"""Number parity of one English text and its Chinese translation: each English number the Chinese does not keep.

The house style's conversions count as kept: `25 July 2013` is 2013 年 7 月 25 日,
`sixty-sixth session` 第六十六届会议, `47th plenary meeting` 第 47 次全体会议,
`5 per cent` 5% or 百分之五, `1.5 million` 150 万, `chapter IV` 第四章, `A/RES/68/193`
第 68/193 号决议, spaces between digits and Chinese characters do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from linter.analyses.dates import DateMention
from linter.analyses.numerals import int_to_chinese
from linter.parity.chinese_numbers import ChineseNumbers, Token, chinese_numbers
from linter.parity.english_numbers import Fact, english_facts, month_numbers

_RES_SYMBOL = re.compile(r"^(?:A|E)/RES/(?:(?P<n>S-\d+/\d+|ES-\d+/\d+|\d+/\d+)|(?P<rest>.+))$|^S/RES/(?P<sc>\d+\s?\(\d{4}\))$")


@dataclass(frozen=True)
class Gap:
    """An English number (fact) the Chinese does not keep; `found` is the Chinese number that may stand in its
    place (a number of the Chinese the English does not account for), or None."""

    fact: Fact
    expected: str  # how the Chinese writes it
    found: Token | DateMention | None
    found_text: str


def number_gaps(en: str, zh: str, chinese: ChineseNumbers | None = None) -> list[Gap]:
    """Every number of the English text `en` that the Chinese text `zh` does not hold (as often as the English)."""
    facts = english_facts(en)
    if not facts:
        return []
    cn = chinese if chinese is not None else chinese_numbers(zh)
    missing = unmatched(facts, cn)
    if not missing:
        return []
    explained = _explained_values(facts, en)
    spare_dates = [d for d in cn.dates if not any(_date_matches(f.value, d) for f in facts if f.kind == "date")]
    spare_tokens = [t for t in cn.tokens if not (t.values & explained) and not _inside_date(t, cn.dates)]
    gaps = []
    for fact in missing:
        found = _nearest(fact, en, spare_dates if fact.kind == "date" else spare_tokens, len(zh))
        found_text = zh[found.start:found.end] if found is not None else ""
        gaps.append(Gap(fact, expected_form(fact), found, found_text))
    return gaps


def unmatched(facts: list[Fact], cn: ChineseNumbers) -> list[Fact]:
    """The facts the Chinese does not hold: each Chinese date, symbol and number answers for one English fact."""
    used_dates: set[int] = set()
    used_tokens: set[int] = set()
    used_strings: dict[str, int] = {}
    missing: list[Fact] = []
    for fact in facts:
        if fact.kind != "date":
            continue
        k = next((i for i, d in enumerate(cn.dates) if i not in used_dates and _date_matches(fact.value, d)), None)
        if k is None:
            missing.append(fact)
            continue
        used_dates.add(k)
        date = cn.dates[k]
        used_tokens.update(i for i, t in enumerate(cn.tokens) if date.start <= t.start < date.end)
    for fact in facts:
        if fact.kind in ("symbol", "resolution"):
            needle = _string_in(fact, cn, used_strings)
            if needle is None:
                missing.append(fact)
            else:
                used_strings[needle] = used_strings.get(needle, 0) + 1
    # Ordinals first, so 第六十六 answers for `sixty-sixth` before a bare 66 is taken by another number.
    order = sorted((f for f in facts if f.kind not in ("date", "symbol", "resolution")), key=lambda f: f.kind != "ordinal")
    for fact in order:
        value = Decimal(fact.value)
        if fact.kind == "ordinal":  # 第六十六; or a number of the same value (二十一世纪, 五十周年)
            choices = [i for i, t in enumerate(cn.tokens) if i not in used_tokens and t.value == value]
        else:
            choices = [i for i, t in enumerate(cn.tokens) if i not in used_tokens and value in t.values]
        if not choices:
            missing.append(fact)
            continue
        exact = [i for i in choices if cn.tokens[i].value == value and cn.tokens[i].ordinal == (fact.kind == "ordinal")]
        used_tokens.add((exact or choices)[0])
    return sorted(missing, key=lambda f: f.start)


def _string_in(fact: Fact, cn: ChineseNumbers, used: dict[str, int]) -> str | None:
    """The form of a symbol or resolution number the Chinese holds more often than it was used, or None."""
    value = str(fact.value)
    forms = [value]
    m = _RES_SYMBOL.match(re.sub(r"\s", "", value)) if fact.kind == "symbol" else None
    if m and (m.group("n") or m.group("sc")):
        forms.append(m.group("n") or m.group("sc"))
    for form in forms:
        key = re.sub(r"\s", "", form)
        if cn.count_string(key) > used.get(key, 0):
            return key
    return None


def present(fact: Fact, cn: ChineseNumbers) -> bool:
    """Whether the Chinese holds the English number `fact` in a form the house style allows."""
    return not unmatched([fact], cn)


def _date_matches(value: tuple, date: DateMention) -> bool:
    year, month, day = value
    if month != date.month:
        return False
    if day is not None and day != date.day:
        return False
    return year is None or date.year is None or year == date.year


def _inside_date(token: Token, dates: list[DateMention]) -> bool:
    return any(d.start <= token.start < d.end for d in dates)


def _explained_values(facts: list[Fact], en: str) -> set[Decimal]:
    """Values the English accounts for: its facts, the digits inside its symbols and dates, its months."""
    values: set[Decimal] = {Decimal(m) for m in month_numbers(en)}
    for fact in facts:
        if fact.kind == "date":
            values.update(Decimal(v) for v in fact.value if v is not None)
        elif fact.kind in ("symbol", "resolution"):
            values.update(Decimal(d) for d in re.findall(r"\d+", str(fact.value)))
        else:
            values.add(Decimal(fact.value))
    values.update(Decimal(d) for d in re.findall(r"(?<![\d.])\d+(?![\d.])", en))
    return values


def _nearest(fact: Fact, en: str, candidates: list, zh_length: int):
    """The candidate standing nearest the place the English number has in its text (by relative position)."""
    if not candidates:
        return None
    where = fact.start / max(len(en), 1)
    return min(candidates, key=lambda c: abs(c.start / max(zh_length, 1) - where))


def expected_form(fact: Fact) -> str:
    """How a Chinese text writes the English number: 2013年7月25日, 第六十六, 68/193, 150万."""
    kind, value = fact.kind, fact.value
    if kind == "date":
        year, month, day = value
        return (f"{year}年" if year else "") + f"{month}月" + (f"{day}日" if day else "")
    if kind in ("ordinal", "roman"):
        return f"{int_to_chinese(value)} ({value})" if 1 <= value <= 999 else str(value)
    if kind in ("symbol", "resolution"):
        return re.sub(r"\s", "", str(value))
    if kind == "number":
        number = Decimal(value)
        if number >= 10000 and number == number.to_integral_value():
            for unit, size in (("亿", 10 ** 8), ("万", 10 ** 4)):
                if number % (size // 100 if unit == "亿" else size // 10) == 0 and number >= size:
                    scaled = (number / size).normalize()
                    return f"{_plain(number)} ({_plain(scaled)}{unit})"
        return _plain(number)
    return str(value)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text
