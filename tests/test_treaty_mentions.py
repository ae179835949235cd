"""Treaty names in paragraphs and the treaty a footnote marker hangs on, against a small registry built here."""

from __future__ import annotations

import re

from conftest import source_from

import linter.analyses.citation_index as citation_index
import linter.analyses.treaty_mentions as treaty_mentions
import linter.checks.treaty_citations as citation_checks
from linter.analyses.treaty_mentions import (
    document_mentions,
    mention_at_marker,
    part_mentions,
)
from linter.engine.loader import nested_repeat
from linter.read.structure import parse
from linter.registries.treaties import Registry, Treaty

UNTOC = Treaty("untoc", "联合国打击跨国有组织犯罪公约", "UNTOC", short_titles=("公约", "有组织犯罪公约"),
               volumes=(2225,), numbers=(39574,), verified=True)
TIP = Treaty("tip", "联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书", "TIP",
             variants=("关于预防、禁止和惩治贩运人口特别是妇女和儿童的补充议定书",), volumes=(2237,), numbers=(39574,),
             parent="untoc", verified=True)
SOM = Treaty("som", "联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书", "SOM", volumes=(2241,),
             numbers=(39574,), parent="untoc", verified=True)
SINGLE = Treaty("single", "麻醉品单一公约", "Single", year_prefix=1961, volumes=(520,), numbers=(7515,), verified=True)
AMENDED = Treaty("amended", "经1972年《议定书》修正的1961年《麻醉品单一公约》", "Amended", volumes=(976,),
                 numbers=(14152,), verified=True)
PSYCHOTROPIC = Treaty("psy", "精神药物公约", "Psy", year_prefix=1971, volumes=(1019,), numbers=(14956,), verified=True)
CRC = Treaty("crc", "儿童权利公约", "CRC", short_titles=("公约",), volumes=(1577,), numbers=(27531,), verified=True)
REGISTRY = Registry([UNTOC, TIP, SOM, SINGLE, AMENDED, PSYCHOTROPIC, CRC])


def ids(mention):
    return [t.id for t in mention.treaties]


def test_lookup_by_full_variant_short_and_year():
    assert REGISTRY.by_title("联合国打击跨国有组织犯罪公约") == (UNTOC,)
    assert REGISTRY.by_title("关于预防、禁止和惩治贩运人口特别是妇女和儿童的补充议定书") == (TIP,)
    assert REGISTRY.by_title("有组织犯罪公约") == (UNTOC,)
    assert REGISTRY.by_title("公约") == (UNTOC, CRC)  # a generic short title: the document decides
    assert REGISTRY.by_title("精神药物公约", 1971) == (PSYCHOTROPIC,)
    assert REGISTRY.by_full_title("1961 年麻醉品单一公约") == (SINGLE,)
    assert REGISTRY.by_title("联合国宪章") == ()


def test_lookup_by_volume_and_number_and_family():
    assert REGISTRY.by_unts(2237, 39574) == (TIP,)
    assert REGISTRY.by_unts(2237, 42146) == ()
    assert REGISTRY.family(UNTOC) == (UNTOC, TIP, SOM)
    assert [t.id for t in REGISTRY.search("贩运人口")] == ["tip"]


def test_year_prefix_and_amending_clause():
    text = "执行经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》、1971 年《精神药物公约》和1961年《麻醉品单一公约》，"
    mentions = part_mentions(text, REGISTRY)
    assert [ids(m) for m in mentions] == [["amended"], ["psy"], ["single"]]
    assert text[mentions[0].start:mentions[0].end] == "经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》"
    assert mentions[1].year == 1971 and text[mentions[1].start:mentions[1].end] == "1971 年《精神药物公约》"


def test_family_tail_quotes_and_resolution_subjects():
    text = ("回顾其题为“实施《联合国打击跨国有组织犯罪公约》”的第5/1号决议，又回顾其关于《儿童权利公约》的第 44/25 号决议，"
            "重申《联合国打击跨国有组织犯罪公约》及其各项议定书的重要性，")
    quoted, subject, family = part_mentions(text, REGISTRY)
    assert quoted.quoted and not quoted.resolution_subject
    assert subject.resolution_subject and not subject.quoted
    assert family.family and text[family.end:family.tail_end] == "及其各项议定书"
    assert not family.quoted and not family.resolution_subject


def doc_of(body: str):
    return parse(source_from(body, "markdown", "<test>.md"))


def test_short_title_resolves_to_the_convention_named_before():
    doc = doc_of("大会，\n\n回顾《儿童权利公约》，又回顾《联合国打击跨国有组织犯罪公约》，\n\n1. 促请会员国加入《公约》。")
    mentions = [m for _, m in document_mentions(doc, REGISTRY)]
    assert [ids(m) for m in mentions] == [["crc"], ["untoc"], ["untoc"]]


def test_generic_short_title_with_nothing_named_before_stays_unresolved():
    doc = doc_of("大会，\n\n1. 促请会员国加入《公约》；\n\n2. 又促请会员国执行《有组织犯罪公约》。")
    mentions = [m for _, m in document_mentions(doc, REGISTRY)]
    assert [ids(m) for m in mentions] == [[], ["untoc"]]


def test_marker_hangs_on_the_title_right_before_it():
    doc = doc_of(
        "大会，\n\n重申《联合国打击跨国有组织犯罪公约》及其各项议定书、<sup>1</sup>1971 年《精神药物公约》<sup>2</sup>，"
        "回顾《联合国打击跨国有组织犯罪公约》缔约方会议第 5/5 号决议，<sup>3</sup>\n\n1. 请秘书长提交报告。\n\n---\n\n"
        "<sup>1</sup> 甲。\n\n<sup>2</sup> 乙。\n\n<sup>3</sup> 丙。"
    )
    mentions = document_mentions(doc, REGISTRY)
    named = {m.number: mention_at_marker(doc, m, mentions) for m in doc.markers}
    assert ids(named[1]) == ["untoc"] and named[1].family
    assert ids(named[2]) == ["psy"] and not named[2].family
    assert named[3] is None  # the marker follows a resolution, not the title at the start of the clause


def test_no_regex_repeats_a_repetition():
    modules = (treaty_mentions, citation_index, citation_checks)
    patterns = [v.pattern for m in modules for v in vars(m).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 6  # the Official Records symbol patterns are the bodies registry's (test_bodies_records.py)
    assert [p for p in patterns if nested_repeat(p)] == []
