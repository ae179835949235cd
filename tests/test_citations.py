"""Footnote citation parser: every form of CONVENTIONS §4, spans that land on the digits, and every seed footnote."""

from __future__ import annotations

import re

import pytest

import linter.analyses.footnote_citations as citations
from linter.analyses.footnote_citations import parse_footnote
from linter.engine.loader import nested_repeat


def values(fields):
    return [f.value for f in fields]


def spanned(text, fields):
    """The text each field's span covers: what a finding on it would underline."""
    return [text[f.start:f.end] for f in fields]


def only(text):
    parsed = parse_footnote(text)
    assert parsed is not None, text
    assert len(parsed.sources) == 1
    return parsed.sources[0]


# ------------------------------------------------------------ treaty series


def test_treaty_citation_with_spans():
    text = "联合国，《条约汇编》，第 2225 卷，第 39574 号。"
    c = only(text)
    assert c.kind == "treaty"
    assert values(c.volumes) == [2225] and spanned(text, c.volumes) == ["2225"]
    assert values(c.numbers) == [39574] and spanned(text, c.numbers) == ["39574"]
    assert [e.kind for e in c.elements] == ["un", "title", "volumes", "numbers"]
    assert [g.value for g in c.gaps] == ["，", "，", "，"]
    assert parse_footnote(text).end_mark.value == "。"


@pytest.mark.parametrize("text", [
    "联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号。",  # S:e13 fn 2, S:ga fn 1
    "联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。",  # S:cop fn 1
])
def test_several_volumes(text):
    c = only(text)
    assert values(c.volumes) == [2225, 2237, 2241, 2326]
    assert spanned(text, c.volumes) == ["2225", "2237", "2241", "2326"]
    assert values(c.numbers) == [39574]


def test_number_range_and_list():
    c = only("联合国，《条约汇编》，第75卷，第970-973号。")  # C:peace_250
    assert values(c.numbers) == [970, 971, 972, 973]
    c = only("同上，第1125卷，第17512和17513号。")  # C:peace_251
    assert c.kind == "ibid" and values(c.volumes) == [1125] and values(c.numbers) == [17512, 17513]


def test_two_sources_joined_by_semicolon():
    text = "联合国，《条约汇编》，第 1577、2171 和 2173 卷，第 27531 号；第 66/138 号决议，附件。"  # S:ga fn 13
    parsed = parse_footnote(text)
    assert [s.kind for s in parsed.sources] == ["treaty", "resolution"]
    assert values(parsed.sources[0].volumes) == [1577, 2171, 2173]
    assert values(parsed.sources[1].resolutions) == ["66/138"]
    assert spanned(text, parsed.joiners) == ["；"]


# ------------------------------------------------------------ 同上


@pytest.mark.parametrize("text,fields", [
    ("同上，第 2349 卷，第 42146 号。", {"volumes": [2349], "numbers": [42146]}),  # S:e12 fn 2
    ("同上，第2237、2241和2326卷，第39574号。", {"volumes": [2237, 2241, 2326], "numbers": [39574]}),  # S:cop fn 4
    ("同上。", {"volumes": [], "paragraphs": []}),
    ("同上，第11段。", {"paragraphs": [11]}),
    ("同上，第 4 页。", {"pages": [4]}),
])
def test_ibid_forms(text, fields):
    c = only(text)
    assert c.kind == "ibid"
    for name, expected in fields.items():
        assert values(getattr(c, name)) == expected


# ------------------------------------------------------------ Official Records


def test_ecosoc_records_with_tail():
    text = "见《经济及社会理事会正式记录，2010 年，补编第 10 号》(E/2010/30)，第一章，D 节。"  # S:e12 fn 3
    c = only(text)
    assert c.kind == "records" and c.lead.value == "见"
    assert c.organ.value == "经济及社会理事会" and c.session_is_year
    assert c.session.value == 2010 and text[c.session.start:c.session.end] == "2010"
    assert c.supplement.value == "10" and text[c.supplement.start:c.supplement.end] == "10"
    assert spanned(text, c.symbols) == ["E/2010/30"]
    assert [e.kind for e in c.elements] == ["title", "parens", "chapter", "section"]


def test_records_with_corrigendum():
    text = "见《经济及社会理事会正式记录，2013 年，补编第 10 号》及更正(E/2013/30 和 Corr.1)，第一章，D 节。"  # S:ga fn 12
    c = only(text)
    assert values(c.symbols) == ["E/2013/30"]  # Corr.1 is not a symbol of its own
    assert "corrigendum" in [e.kind for e in c.elements]


def test_general_assembly_records_old_order():
    text = "《大会正式记录，第六十六届会议，补编第 10 号》(A/66/10)，第四章，第 50 段。"
    c = only(text)
    assert c.organ.value == "大会" and not c.session_is_year
    assert c.session.value == 66 and text[c.session.start:c.session.end] == "六十六"
    assert values(c.symbols) == ["A/66/10"] and values(c.paragraphs) == [50]


def test_records_with_parts():
    text = "《大会正式记录，第七十三届会议，补编第12号》(A/73/12 (Part I)和A/73/12 (Part II))，第二部分。"  # C:peace_256
    c = only(text)
    assert c.session.value == 73 and c.supplement.value == "12"
    assert values(c.symbols) == ["A/73/12 (Part I)", "A/73/12 (Part II)"]


def test_records_new_order():
    text = "见《大会第七十七届会议正式记录，补编第53A号》(A/77/53/Add.1)，第三章A节。"  # C:development_030
    c = only(text)
    assert c.session.value == 77 and c.supplement.value == "53A"
    assert values(c.symbols) == ["A/77/53/Add.1"]


# ------------------------------------------------------------ resolutions and documents


@pytest.mark.parametrize("text,organ,symbols", [
    ("第 60/288 号决议。", None, ["60/288"]),
    ("见第 62/272、64/297 和 66/282 号决议。", None, ["62/272", "64/297", "66/282"]),
    ("第 65/228 号决议，附件。", None, ["65/228"]),
    ("大会第 65/230 号决议，附件。", "大会", ["65/230"]),
    ("大会第 55/2 号决议。", "大会", ["55/2"]),
    ("大会第69/283号决议，附件二。", "大会", ["69/283"]),
    ("第 55/25 号决议，附件一。", None, ["55/25"]),
    ("安全理事会第 1373(2001)号决议。", "安全理事会", ["1373(2001)"]),
])
def test_resolution_forms(text, organ, symbols):
    c = only(text)
    assert c.kind == "resolution"
    assert (c.organ.value if c.organ else None) == organ
    assert values(c.resolutions) == symbols
    assert spanned(text, c.resolutions) == symbols


@pytest.mark.parametrize("text,symbols", [
    ("见 CTOC/COP/2010/17，第一章，A 节。", ["CTOC/COP/2010/17"]),
    ("CTOC/COP/WG.4/2011/8，第46-51段。", ["CTOC/COP/WG.4/2011/8"]),
    ("A/64/92-E/2009/98，第二.A 节。", ["A/64/92-E/2009/98"]),
    ("E/CN.15/2012/15。", ["E/CN.15/2012/15"]),
    ("拟作为CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6印发。", ["CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6"]),
    ("FCCC/CP/2015/10/Add.1，第1/CP.21号决定，附件。", ["FCCC/CP/2015/10/Add.1"]),
])
def test_document_forms(text, symbols):
    c = only(text)
    assert c.kind == "document"
    assert values(c.symbols) == symbols


def test_decision_in_a_document_citation():
    c = only("FCCC/CP/2015/10/Add.1，第1/CP.21号决定，附件。")
    assert values(c.resolutions) == ["1/CP.21"]


def test_publication_with_sales_number():
    text = "《第四次妇女问题世界会议报告》(联合国出版物，出售品编号：C.96.IV.13)。"
    c = only(text)
    assert c.kind == "publication" and c.sales_number.value == "C.96.IV.13"


def test_see_also_as_second_source():
    text = "见《经济及社会理事会正式记录，2009 年，补编第 8 号》(E/2009/28)，第一章，C 节；另见A/64/92-E/2009/98，第二.A 节。"
    parsed = parse_footnote(text)  # S:dr fn 2
    assert [s.kind for s in parsed.sources] == ["records", "document"]
    assert parsed.sources[1].lead.value == "另见"


# ------------------------------------------------------------ what the format rule reads


def test_separators_and_end_mark_as_written():
    text = "联合国,《条约汇编》第2225卷第39574号"
    parsed = parse_footnote(text)
    assert [g.value for g in parsed.sources[0].gaps] == [",", "", ""]
    assert parsed.end_mark is None and parsed.content_end == len(text)


def test_number_before_volume_still_reads():
    c = only("联合国，《条约汇编》，第 39574 号，第 2225 卷。")
    assert [e.kind for e in c.elements] == ["un", "title", "numbers", "volumes"]


@pytest.mark.parametrize("text", [
    "",
    "。",
    "为本决议之目的，贵金属包括金、银、铂、铱、钯、铑、钌和锇。",  # S:e13 fn 1: prose
    "联合国，《条约汇编》。",  # no volume, no number
    "联合国，《条约汇编》，第 2225 卷，",  # a trailing separator
    "《未闭合的标题，第 2225 卷。",
    "见(E/2010/30",
    "第 2225 卷，第 39574 号，详见附件中的说明。",
    "《联合国千年宣言》。",
    "；；",
])
def test_unparseable_footnotes_are_none(text):
    assert parse_footnote(text) is None


def test_no_regex_repeats_a_repetition():
    patterns = [v for v in vars(citations).values() if isinstance(v, re.Pattern)]
    patterns += [p for _, p in citations._ELEMENTS]
    assert len(patterns) > 20
    assert [p.pattern for p in patterns if nested_repeat(p.pattern)] == []


def test_elements_are_tried_in_order_in_one_call():
    """_element_at finds at each position of every seed footnote what trying the element patterns one by one finds."""
    from conftest import SEED_FILES

    from linter.read.sources import read_path
    from linter.read.structure import parse

    texts = [n.text for p in SEED_FILES for n in parse(read_path(str(p))).footnotes]
    texts.append("同上，第 2225 卷，第 39574 号；大会第 55/25 号决议，附件一，第 A 节；A/C.3/68/L.17。")
    checked = 0
    for text in texts:
        for pos in range(len(text)):
            if text[pos] in "(（":
                continue  # brackets are matched by hand, not by the patterns
            one_by_one = next(((kind, m.span(), m.groups()) for kind, pattern in citations._elements()
                               if (m := pattern.match(text, pos, len(text)))), None)
            found = citations._element_at(text, pos, len(text))
            assert (None if found is None else (found[0].kind, found[1].span(), found[1].groups())) == one_by_one
            checked += one_by_one is not None
    assert checked > 50
