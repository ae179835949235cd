"""Find session and meeting ordinals (第六十六届会议, 第 66 届会议, 第 47 次全体会议) and session years (2023年届会)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.analyses.dates import SPACE
from linter.analyses.memo import per_text
from linter.analyses.numerals import chinese_to_int

_NUMERAL = r"(?P<number>\d{1,3}|[零一二两三四五六七八九十百]{1,7})"
_SESSION = re.compile(rf"第(?P<before>{SPACE}){_NUMERAL}(?P<after>{SPACE})届(?P<what>特别会议|会议|会)?")
_MEETING = re.compile(rf"第(?P<before>{SPACE}){_NUMERAL}(?P<after>{SPACE})次{SPACE}(?P<what>全体会议|会议)")
# ECOSOC names its sessions by year: 2023年届会 is the session, not a session number.
_SESSION_YEAR = re.compile(rf"(?<!\d)(?P<year>\d{{4}}){SPACE}年{SPACE}(?:实质性|组织)?届会")


@dataclass(frozen=True)
class Ordinal:
    """第 N 届 / 第 N 次 as written: offsets of 第 … 届/次 (the word after is `what`) and of the numeral, its value, and its script."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: int | None  # None for a malformed Chinese numeral
    numerals: str  # "arabic" or "chinese"
    what: str  # the word after: 会议, 全体会议, 特别会议, or "" (第十二届联合国…大会)

    @property
    def spaced(self) -> bool | None:
        """Whether an Arabic numeral has spaces around it (第 47 次); None for Chinese numerals."""
        return None if self.numerals == "chinese" else self.number_start > self.start + 1


@dataclass(frozen=True)
class SessionYear:
    start: int
    end: int
    year: int


@per_text  # asked of every part on every lint (two ordinal rules, the header check)
def find_sessions(text: str) -> list[Ordinal]:
    """第六十六届会议, 第 66 届会议, and congress ordinals (第十二届联合国预防犯罪和刑事司法大会)."""
    return [_ordinal(m, m.end("after") + 1) for m in _SESSION.finditer(text)]


@per_text
def find_meetings(text: str) -> list[Ordinal]:
    """第 47 次全体会议, 第七十次会议."""
    return [_ordinal(m, m.end("after") + 1) for m in _MEETING.finditer(text)]


def find_session_years(text: str) -> list[SessionYear]:
    return [SessionYear(m.start(), m.end(), int(m.group("year"))) for m in _SESSION_YEAR.finditer(text)]


def _ordinal(m: re.Match, end: int) -> Ordinal:
    number = m.group("number")
    arabic = number.isdigit()
    value = int(number) if arabic else chinese_to_int(number)
    return Ordinal(m.start(), end, m.start("number"), m.end("number"), value,
                   "arabic" if arabic else "chinese", m.group("what") or "")
