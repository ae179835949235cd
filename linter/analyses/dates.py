"""Find Chinese calendar dates (2013 年 12 月 18 日, 7 月 25 日至 27 日) and year periods (2012-2015 年) in text."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from linter.analyses.memo import per_text

# Between a number and its unit: nothing, or the half-width space of the
# PDF typography (sometimes doubled, or full-width, by extraction).
SPACE = r"[ \u00a0\u3000]{0,2}"

_DATE = re.compile(
    rf"(?<![\d/.\-–])(?:"
    rf"(?P<year>\d{{4}}){SPACE}年(?:{SPACE}(?P<month>\d{{1,2}}){SPACE}月(?:{SPACE}(?P<day>\d{{1,2}}){SPACE}日)?)?"
    rf"|(?P<md_month>\d{{1,2}}){SPACE}月{SPACE}(?P<md_day>\d{{1,2}}){SPACE}日"
    rf")"
)
# The second half of a range or pair: 至 28 日, 和 19 日, 至 8 月 2 日. A
# second half with its own year is a date of its own and not taken here.
_CONTINUATION = re.compile(
    rf"{SPACE}(?:至|到|和|及|、|-|–|—){SPACE}(?!\d{{4}}{SPACE}年)"
    rf"(?:(?P<month>\d{{1,2}}){SPACE}月{SPACE})?(?P<day>\d{{1,2}}){SPACE}日"
)
_PERIOD = re.compile(rf"(?<![\d/.])(?P<first>\d{{4}}){SPACE}(?:-|–|—|~|至|到){SPACE}(?P<last>\d{{4}}){SPACE}年")


@dataclass(frozen=True)
class DateMention:
    """A date as written: offsets in the searched text; year, month or day None where the text has none."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    # Year (and month) taken from the first half of a range: 26 日至 28 日.
    inherited: bool = False

    @property
    def is_full(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def as_date(self) -> datetime.date | None:
        """The calendar date, if the mention names a whole, possible one."""
        if not self.is_full or impossibility(self) is not None:
            return None
        return datetime.date(self.year, self.month, self.day)


@dataclass(frozen=True)
class YearPeriod:
    """A span of years: 2012-2015 年."""

    start: int
    end: int
    first: int
    last: int


@per_text
def find_dates(text: str) -> list[DateMention]:
    """Every date in `text` in order, ranges split into their halves; years inside a period are not dates."""
    if "年" not in text and "月" not in text:
        return []  # every date has one of them; the patterns open with a lookbehind, which is tried everywhere
    periods = find_periods(text)
    found: list[DateMention] = []
    for m in _DATE.finditer(text):
        if any(p.start <= m.start() < p.end for p in periods) or (found and m.start() < found[-1].end):
            continue  # a year of a period, or the second half of a range already taken
        if m.group("year"):
            year = int(m.group("year"))
            month = _int(m.group("month"))
            day = _int(m.group("day"))
        else:
            year, month, day = None, int(m.group("md_month")), int(m.group("md_day"))
        found.append(DateMention(m.start(), m.end(), year, month, day))
        if day is not None:
            found.extend(_continuations(text, m.end(), year, month))
    return found


def _continuations(text: str, pos: int, year: int | None, month: int | None) -> list[DateMention]:
    out = []
    while (c := _CONTINUATION.match(text, pos)) is not None:
        month = _int(c.group("month")) or month
        out.append(DateMention(c.start("month") if c.group("month") else c.start("day"), c.end(), year, month,
                               int(c.group("day")), inherited=True))
        pos = c.end()
    return out


def find_periods(text: str) -> list[YearPeriod]:
    return [YearPeriod(m.start(), m.end(), int(m.group("first")), int(m.group("last"))) for m in _PERIOD.finditer(text)]


def impossibility(date: DateMention) -> str | None:
    """Why a date cannot exist (month 13, 2 月 30 日, 2013 年 2 月 29 日), or None."""
    if date.month is not None and not 1 <= date.month <= 12:
        return f"there is no month {date.month}"
    if date.day is None:
        return None
    if date.month is None:
        return None
    # Without a year, February may have 29 days (2000 is a leap year).
    days = calendar.monthrange(date.year if date.year is not None else 2000, date.month)[1]
    if 1 <= date.day <= days:
        return None
    if date.month == 2 and date.day == 29:
        return f"February {date.year} has 28 days ({date.year} is not a leap year)"
    if date.year is None and date.month == 2:
        return "month 2 has at most 29 days"
    if date.day == 0:
        return "there is no day 0"
    return f"month {date.month} has only {days} days"


def parse_date(text: str) -> datetime.date | None:
    """The first whole, possible date in `text` (a header or footer date line)."""
    for mention in find_dates(text):
        if mention.is_full:
            return mention.as_date()
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None
