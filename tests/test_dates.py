"""Parsers of dates, periods, session and meeting ordinals, and Chinese numerals."""

from __future__ import annotations

import datetime

import pytest

from linter.analyses.dates import find_dates, find_periods, impossibility, parse_date
from linter.analyses.numerals import chinese_to_int, int_to_chinese
from linter.analyses.sessions import find_meetings, find_session_years, find_sessions
from linter.analyses.symbols import find_number_citations
from linter.engine.loader import nested_repeat
from linter.registries.bodies import registry


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
        ("2 月 30 日", "month 2 has at most 29 days"),
        ("2013 年 2 月 29 日", "February 2013 has 28 days (2013 is not a leap year)"),
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
    from linter.analyses import dates, sessions, spacing, symbols

    patterns = [v.pattern for m in (dates, sessions, spacing, symbols) for v in vars(m).values() if hasattr(v, "pattern")]
    assert len(patterns) >= 10
    assert [p for p in patterns if nested_repeat(p)] == []


# --------------------------------------------------------------- citations by number

ORGANS = ("经济及社会理事会", "预防犯罪和刑事司法委员会", "缔约方会议", "安全理事会", "理事会", "委员会", "大会")


def cited(text: str) -> list[tuple]:
    out = []
    for c in find_number_citations(text, ORGANS):
        for n in c.numbers:
            date = (n.date.year, n.date.month, n.date.day) if n.date else None
            out.append((c.kind, c.organ_word, n.lookup, date))
    return out


@pytest.mark.parametrize(
    "text,expected",
    [
        ("第 66/181 号决议", [("resolution", None, "66/181", None)]),
        ("见第 62/272、64/297 和 66/282 号决议。",
         [("resolution", None, "62/272", None), ("resolution", None, "64/297", None), ("resolution", None, "66/282", None)]),
        ("大会第 64/293、67/186、67/189、67/190和 67/192 号决议编写的报告",
         [("resolution", "大会", n, None) for n in ("64/293", "67/186", "67/189", "67/190", "67/192")]),
        ("安全理事会关于反恐怖主义的第 1373(2001)号决议所设委员会", [("resolution", "安全理事会", "1373(2001)", None)]),
        ("经济及社会理事会 2011年 7月 28日第 2011/32 号决议建议",
         [("resolution", "经济及社会理事会", "2011/32", (2011, 7, 28))]),
        ("委员会 2010 年 5月 21 日题为“加强针对伪造和盗版的犯罪，预防对策”的第 19/1 号决定",
         [("decision", "委员会", "19/1", (2010, 5, 21))]),
        ("第53/243 A和B号决议", [("resolution", None, "53/243", None)]),
        ("第 2225、2237 和 2326 卷，第 39574 号。", []),
        ("《公约》第16和18条", []),
    ],
)
def test_number_citations(text, expected):
    assert cited(text) == expected


def test_longest_organ_word_of_the_registry_wins():
    words = registry().context_words
    found = [c.organ_word for text in ("人权理事会第17/4号决议", "《联合国打击跨国有组织犯罪公约》缔约方大会第 5/5 号决议")
             for c in find_number_citations(text, words)]
    assert found == ["人权理事会", "缔约方大会"]


def test_each_number_of_a_chain_keeps_its_own_date():
    text = ("重申其 1991 年 12 月 18 日第 46/152 号、2005 年 9月 16 日第 60/1 号以及 2012 年 12 月 20 日"
            "第 67/186 号、第 67/189 号和第 67/192 号决议，")
    assert cited(text) == [
        ("resolution", "其", "46/152", (1991, 12, 18)), ("resolution", "其", "60/1", (2005, 9, 16)),
        ("resolution", "其", "67/186", (2012, 12, 20)), ("resolution", "其", "67/189", None),
        ("resolution", "其", "67/192", None)]


def test_organ_word_is_the_one_the_citation_wording_follows():
    # 大会 in the Congress's name (…刑事司法大会) is not followed by the citation's wording; 其 is.
    text = ("又回顾其关于第十二届联合国预防犯罪和刑事司法大会后续行动和第十三届联合国预防犯罪和刑事司法大会筹备工作的 "
            "2012年 12月 20日第 67/184 号决议")
    assert cited(text) == [("resolution", "其", "67/184", (2012, 12, 20))]
    # A later citation joined by 以及 keeps looking back to the organ named first.
    text = "注意到预防犯罪和刑事司法委员会关于网络犯罪的 2013年4月26日第22/7号决议以及关于技术援助的 2013年 4月 26 日第 22/8 号决议，"
    assert [c[1] for c in cited(text)] == ["预防犯罪和刑事司法委员会"] * 2
    # A comma outside quotes ends the clause: 大会 before it does not name the citation after it.
    assert cited("回顾大会的作用，又回顾第 60/288 号决议") == [("resolution", None, "60/288", None)]


def test_a_date_in_another_clause_or_outside_an_aside_is_not_the_citations_date():
    assert cited("注意到 2012 年 2 月 7 日举行的吹风会，回顾第 5/1 号决议") == [("resolution", None, "5/1", None)]
    assert cited("欢迎 2012 年 9 月 24 日(见第 60/1 号决议)") == [("resolution", None, "60/1", None)]
    assert cited("回顾 2010 年 12 月 21 日关于《联合国女性囚犯待遇规则》(《曼谷规则》)的第 65/229 号决议") == [
        ("resolution", None, "65/229", (2010, 12, 21))]


# --------------------------------------------------------------- the five seeds

from conftest import SEEDS  # noqa: E402

from linter.analyses.document_dates import adoption_date, cited_numbers  # noqa: E402
from linter.read.sources import read_path  # noqa: E402
from linter.read.structure import parse  # noqa: E402


def seed_inventory(name: str) -> dict:
    doc = parse(read_path(str(SEEDS / name)))
    full, partial, sessions, meetings = [], [], [], []
    for part in doc.body_parts():
        for d in find_dates(part.text):
            (full if d.is_full else partial).append(d.as_date() if d.is_full else (d.year, d.month))
        sessions += [o.value for o in find_sessions(part.text)]
        meetings += [o.value for o in find_meetings(part.text)]
    numbers = [(c.number.lookup, c.body.id if c.body else None) for c in cited_numbers(doc, registry())]
    adopted = adoption_date(doc)
    return {"full": full, "partial": partial, "sessions": sessions, "meetings": meetings, "cited": numbers,
            "adopted": adopted[0] if adopted else None}


D = datetime.date
GA, ECOSOC, CCPCJ, COP, SC = (
    "general-assembly", "economic-and-social-council", "commission-on-crime-prevention-and-criminal-justice",
    "untoc-conference-of-the-parties", "security-council")


def test_seed_ga_68_193():
    inv = seed_inventory("ga-68-193.pdf.txt")
    assert inv["adopted"] == D(2013, 12, 18)
    assert len(inv["full"]) == 18 and inv["full"][0] == inv["full"][-1] == D(2013, 12, 18)  # date line and footer
    assert D(1991, 12, 18) in inv["full"] and D(2006, 9, 8) in inv["full"]
    assert (2014, 6) in inv["partial"] and inv["partial"].count((1988, None)) == 4
    assert inv["sessions"] == [64, 57, 12, 13, 13, 7, 69]
    assert len(inv["cited"]) == 30
    assert inv["cited"][:4] == [("46/152", GA), ("60/1", GA), ("67/1", GA), ("67/186", GA)]
    assert ("22/7", CCPCJ) in inv["cited"] and ("2013/38", ECOSOC) in inv["cited"] and ("1373(2001)", SC) in inv["cited"]
    assert inv["cited"][-6:] == [("60/288", GA), ("62/272", GA), ("64/297", GA), ("66/282", GA), ("65/228", GA), ("66/138", GA)]


def test_seed_ecosoc_2012_19():
    inv = seed_inventory("ecosoc-2012-19.pdf.txt")
    assert inv["adopted"] == D(2012, 7, 26)  # the date line lost its date: the footer's
    assert len(inv["full"]) == 15 and D(2011, 10, 26) in inv["full"] and D(2011, 10, 28) in inv["full"]
    assert inv["meetings"] == [46]
    assert inv["sessions"] == [12, 6, 22, 2, 22]
    assert len(inv["cited"]) == 14
    assert [n for n, b in inv["cited"] if b == CCPCJ] == ["19/1", "19/2", "20/3", "20/6", "19/1", "20/7"]
    assert ("5/5", COP) in inv["cited"] and ("2012/18", ECOSOC) in inv["cited"] and ("55/2", GA) in inv["cited"]
    assert all(body is not None for _, body in inv["cited"])


def test_seed_ecosoc_2013_38():
    inv = seed_inventory("ecosoc-2013-38.pdf.txt")
    assert inv["adopted"] == D(2013, 7, 25)
    assert inv["full"] == [D(2013, 7, 25), D(2011, 12, 19), D(2012, 7, 26), D(2010, 5, 21), D(2013, 7, 25)]
    assert inv["sessions"] == [24] and inv["meetings"] == [47]
    assert inv["cited"] == [("66/181", GA), ("2012/19", ECOSOC), ("19/1", CCPCJ), ("65/230", GA)]


def test_seed_ctoc_cop_6_1():
    inv = seed_inventory("ctoc-cop-6-1.md")
    assert inv["adopted"] is None
    assert inv["full"] == [D(2010, 10, 22), D(2012, 2, 7), D(2010, 10, 22)]
    assert inv["sessions"] == [13, 6, 7]
    # The heading 第6/1号决议 is the text's own number, not a citation.
    assert inv["cited"] == [("5/1", COP), ("5/1", COP), ("5/8", COP), ("64/293", GA)]


def test_seed_draft_a_66():
    inv = seed_inventory("a-66-draft-illicit-financial-flows.pdf.txt")
    assert inv["adopted"] is None
    assert inv["full"] == [D(2011, 7, 28), D(2010, 12, 21)]
    assert inv["sessions"] == [66, 12, 22]
    assert inv["cited"] == [("2011/32", ECOSOC), ("65/232", GA), ("65/230", GA)]
