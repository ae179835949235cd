"""Parsers of dates, periods, session and meeting ordinals, and Chinese numerals."""

from __future__ import annotations

import datetime

import pytest

from linter.dates import find_dates, find_periods, impossibility, parse_date
from linter.engine import nested_repeat
from linter.numerals import chinese_to_int, int_to_chinese
from linter.sessions import find_meetings, find_session_years, find_sessions


def ymd(text: str) -> list[tuple]:
    return [(d.year, d.month, d.day, text[d.start : d.end]) for d in find_dates(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2013 年 12 月 18 日大会决议", [(2013, 12, 18, "2013 年 12 月 18 日")]),
        ("2013年7月25日", [(2013, 7, 25, "2013年7月25日")]),
        ("2011年 12月 19日题为", [(2011, 12, 19, "2011年 12月 19日")]),
        ("于 7 月 25 日至 27 日举行", [(None, 7, 25, "7 月 25 日"), (None, 7, 27, "27 日")]),
        ("2011 年 10月 26 日至 28 日在莫斯科", [(2011, 10, 26, "2011 年 10月 26 日"), (2011, 10, 28, "28 日")]),
        ("2023年4月18日和19日", [(2023, 4, 18, "2023年4月18日"), (2023, 4, 19, "19日")]),
        ("7 月 30 日至 8 月 2 日", [(None, 7, 30, "7 月 30 日"), (None, 8, 2, "8 月 2 日")]),
        ("即将于 2014 年 6 月对", [(2014, 6, None, "2014 年 6 月")]),
        ("1988 年《联合国禁止非法贩运麻醉药品和精神药物公约》", [(1988, None, None, "1988 年")]),
        ("2023年届会", [(2023, None, None, "2023年")]),
    ],
)
def test_dates(text, expected):
    assert ymd(text) == expected


@pytest.mark.parametrize("text", ["E/2013/30", "第 2013/38 号决议", "第 2225 卷，第 39574 号", "12 个月", "A/64/92-E/2009/98"])
def test_no_dates_in_symbols_and_counts(text):
    assert find_dates(text) == []


def test_periods_and_their_years():
    text = "该办公室 2012-2015 年期间战略的 2012 年 7月 26 日第 2012/12 号决议和《2015-2030年仙台减少灾害风险框架》"
    assert [(p.first, p.last, text[p.start : p.end]) for p in find_periods(text)] == [
        (2012, 2015, "2012-2015 年"), (2015, 2030, "2015-2030年")]
    # The years of a period are not dates of their own.
    assert ymd(text) == [(2012, 7, 26, "2012 年 7月 26 日")]


@pytest.mark.parametrize(
    "text,reason",
    [
        ("2 月 30 日", "month 2 has only 29 days"),
        ("2013 年 2 月 29 日", "2013 is not a leap year"),
        ("2013 年 13 月", "there is no month 13"),
        ("2013 年 4 月 31 日", "month 4 has only 30 days"),
        ("2013 年 4 月 0 日", "there is no day 0"),
    ],
)
def test_impossible_dates(text, reason):
    (date,) = find_dates(text)
    assert reason in impossibility(date)
    assert date.as_date() is None


@pytest.mark.parametrize("text", ["2012 年 2 月 29 日", "2 月 29 日", "2013 年 12 月 31 日", "2014 年 6 月"])
def test_possible_dates(text):
    assert all(impossibility(d) is None for d in find_dates(text))


def test_parse_date_takes_the_first_whole_date():
    assert parse_date("2013 年 7 月 25日经济及社会理事会决议") == datetime.date(2013, 7, 25)
    assert parse_date("经济及社会理事会决议") is None
    assert parse_date("2013 年 2 月 30 日") is None


def test_sessions_and_congress_ordinals():
    text = "请秘书长向大会第六十九届会议和第 70 届会议以及第十三届联合国预防犯罪和刑事司法大会提交报告"
    found = [(o.value, o.numerals, o.what, text[o.start : o.end]) for o in find_sessions(text)]
    assert found == [
        (69, "chinese", "会议", "第六十九届"), (70, "arabic", "会议", "第 70 届"), (13, "chinese", "", "第十三届")]


def test_meetings():
    text = "第 47 次全体会议；第七十次全体会议；缔约国第二十二次会议"
    found = [(o.value, o.numerals, o.what, o.spaced, text[o.start : o.end]) for o in find_meetings(text)]
    assert found == [
        (47, "arabic", "全体会议", True, "第 47 次"), (70, "chinese", "全体会议", None, "第七十次"),
        (22, "chinese", "会议", None, "第二十二次")]


def test_ecosoc_session_year_is_no_session_number():
    text = "2023年届会议程项目19(a)"
    assert find_sessions(text) == []
    assert [y.year for y in find_session_years(text)] == [2023]


@pytest.mark.parametrize(
    "chinese,number",
    [("七", 7), ("十", 10), ("十五", 15), ("二十", 20), ("六十六", 66), ("一百", 100), ("一百零五", 105),
     ("一百一十", 110), ("九百九十九", 999)],
)
def test_chinese_numerals(chinese, number):
    assert chinese_to_int(chinese) == number
    assert int_to_chinese(number) == chinese


@pytest.mark.parametrize("text", ["", "零", "十十", "一零", "一百零", "六十六届", "百"])
def test_malformed_chinese_numerals(text):
    assert chinese_to_int(text) is None


def test_numerals_round_trip():
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 1000))


def test_parser_regexes_have_no_nested_unbounded_repetition():
    from linter import dates, sessions, spacing

    patterns = [v.pattern for m in (dates, sessions, spacing) for v in vars(m).values() if hasattr(v, "pattern")]
    assert len(patterns) >= 6
    assert [p for p in patterns if nested_repeat(p)] == []
