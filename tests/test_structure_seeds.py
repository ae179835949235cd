"""The five seeds parse to the counts in shared/seeds/README.md, with the facts a correct parser must find."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from linter.read.sources import read_path
from linter.read.structure import parse

COUNTS = {
    "ecosoc-2013-38.pdf.txt": (11, 8, 5),
    "ecosoc-2012-19.pdf.txt": (17, 17, 10),
    "ga-68-193.pdf.txt": (43, 50, 13),
    "ctoc-cop-6-1.md": (17, 21, 8),
    "a-66-draft-illicit-financial-flows.pdf.txt": (18, 18, 5),
}


def doc_of(name: str):
    return parse(read_path(str(SEEDS / name)))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_seed_counts(name):
    doc = doc_of(name)
    assert (len(doc.preambular), len(doc.operative), len(doc.footnotes)) == COUNTS[name]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_operative_numbers_run_from_one(name):
    doc = doc_of(name)
    assert [p.number for p in doc.operative] == list(range(1, len(doc.operative) + 1))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_spans_hold_their_text(name):
    """Every part's original span starts and ends where its clean text does (up to collapsed bold)."""
    doc = doc_of(name)
    original = doc.source.text
    for part in doc.body_parts():
        assert 0 <= part.start < part.end <= len(original)
        assert original[part.end - 1] == part.text[-1]
        if part not in doc.footnotes:  # a footnote's span starts at its number
            assert original[part.start] == part.text[0]
    for marker in doc.markers:
        assert original[marker.start : marker.end] == str(marker.number)
    for note in doc.footnotes:
        assert original[note.number_start : note.number_end] == str(note.number)


def test_ga_header_footer_and_markers():
    doc = doc_of("ga-68-193.pdf.txt")
    assert doc.header.symbol.text == "68/193"
    assert doc.header.title.text == "加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力"
    assert doc.header.date.text == "2013 年 12 月 18 日大会决议"  # 大 会 决 议 letter-spacing closed up
    assert doc.header.basis.text == "[根据第三委员会的报告(A/68/457)通过]"
    assert doc.organ.text == "大会，"
    assert doc.footer.date.text == "2013 年 12 月 18 日" and doc.footer.meeting is None
    assert [m.number for m in doc.markers] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 1, 2, 3, 4, 5]
    assert [f.number for f in doc.footnotes] == list(range(1, 14))
    # Bold openers and the ，，，， after 深为关切的是 collapse; the paragraph cut by a page's footnotes is whole.
    texts = [p.text for p in doc.preambular]
    assert texts[0].startswith("重申其 1991 年") and texts[1].startswith("又重申大会关于")
    assert any(t.startswith("深为关切的是，在一些情况中") for t in texts)
    assert texts[12].endswith("《联合国反腐败公约》的缔约国充分实施这些公约的规定，特别是采取措施防止和打击洗钱活动，包括将清洗跨国有组织犯罪活动所得收益的行为定为刑事犯罪，")
    assert doc.operative[49].text.startswith("又请秘书长在上文第 49 段所述报告中")
    # Marker 14 belongs to operative 1, after its ；.
    marker14 = next(m for m in doc.markers if m.number == 14)
    op1 = doc.operative[0]
    assert op1.offset <= marker14.at <= op1.offset + len(op1.text)


def test_ecosoc_2012_paragraph_resumes_after_footnote_block():
    doc = doc_of("ecosoc-2012-19.pdf.txt")
    assert doc.header.symbol.text == "2012/19"
    assert doc.footer.date.text == "2012 年 7 月 26 日" and doc.footer.meeting.text == "第 46 次全体会议"
    p = next(p for p in doc.preambular if p.text.startswith("回顾大会 2010 年 7月 30 日"))
    assert "并认为《行动计划》除其他外将加强合作与协调，努力打击人口贩运" in p.text
    assert p.text.endswith("补充议定书》，")
    # "1 的会员国" — a marker glued to the continuation of operative 1.
    assert doc.operative[0].text.startswith("重申呼吁尚未批准或加入《联合国打击跨国有组织犯罪公约》及其各项议定书的会员国考虑")


def test_draft_with_word_anchors():
    doc = doc_of("a-66-draft-illicit-financial-flows.pdf.txt")
    assert [m.number for m in doc.markers] == [1, 2, 3, 4, 5, 4, 1, 3]
    assert doc.organ.text == "大会，"
    assert "0 F" not in doc.text and "1F" not in doc.text and "0H" not in doc.text
    # The marker 4 line is followed by " 以" — a continuation, not a new paragraph.
    assert any("公约》，以及联合国其他机构的相关决议" in p.text for p in doc.preambular)
    assert doc.header.title.text == "加强国际合作，应对犯罪活动所产生的非法资金流动的有害影响"
    assert doc.footnotes[1].text == "见《经济及社会理事会正式记录，2009 年，补编第 8 号》(E/2009/28)，第一章，C 节；另见A/64/92-E/2009/98，第二.A 节。"


def test_cop_markdown():
    doc = doc_of("ctoc-cop-6-1.md")
    assert doc.header.symbol.text == "6/1"
    assert doc.organ.text == "《联合国打击跨国有组织犯罪公约》缔约方会议，"
    assert [m.number for m in doc.markers] == [2, 3, 4, 5, 6, 7, 8]
    assert doc.operative[6].text.endswith("以便根据会员国在打击跨国有组织犯罪方面的需要和优先事项，向国别、区域和专题方案与活动提供支持并予以补充；")
    assert doc.preambular[12].text.startswith("还承认技术援助")
