"""Openers found by the lexicon first (longest form, any prefix, leads), the segmenter only for the rest."""

from __future__ import annotations

import pytest

from linter.analyses import openers
from linter.read.sources import Source
from linter.read.structure import parse
from linter.registries.lexicon import form, match_opener, near_misses, starts_with_opener, verbs


@pytest.mark.parametrize("text, opener, base, prefix", [
    ("重申决定在第六十九届会议上审议", "重申", "重申", "none"),  # unpc-dev 2444: not 重申决
    ("重申决心打击犯罪", "重申决心", "重申决心", "none"),  # longest first
    ("还再次请秘书长", "还再次请", "请", "还再次"),  # unlisted combination
    ("又特别指出", "又特别指出", "特别指出", "又"),  # 特别指出 (Underscores) is a verb of its own
    ("特别回顾其决议", "特别回顾", "回顾", "特别"),
    ("因此决定", "因此决定", "决定", "因此"),
    ("提请缔约国注意《公约》", "提请缔约国注意", "提请注意", "none"),
])
def test_longest_lexicon_match(text, opener, base, prefix):
    m = match_opener(text)
    assert m is not None and text[m.lead:m.end] == opener
    assert (m.verb.base, m.verb.prefix) == (base, prefix)


def test_leads_before_the_opener():
    for text in ("在这方面，回顾其决议", "但是承认，许多国家", "但是承认许多国家", "为此决定"):
        m = match_opener(text)
        assert m is not None and m.lead > 0, text
    assert starts_with_opener("但是承认，许多国家")
    assert not starts_with_opener("应日本政府邀请于")


def test_a_prefixed_form_takes_the_base_part_and_fields():
    assert form("还再次请").part == "operative" and not form("还再次请").listed
    assert form("又认定").organ == "SC"
    assert form("再次宣布").usual_part == "operative" and form("再次宣布").part == "both"
    assert verbs()["决定"].seen["operative"] >= 19


def test_near_misses():
    assert ("回故", "回故", "回顾") in near_misses("回故其决议")
    assert ("又回故", "回故", "又回顾") in near_misses("又回故其宣言")
    assert near_misses("秘书长提交报告") == []
    assert all(len(word) >= 2 for _, word, _ in near_misses("回故其决议"))
    # Only the Chinese opening is compared, and a text shorter than a form is a head of its own length.
    assert ("回故", "回故", "回顾") in near_misses("回故")
    assert near_misses("回1故其决议") == []
    assert near_misses("回故,其决议") == near_misses("回故")
    # Edits at the first character: swapped with the second, or one put before it.
    assert ("顾回", "顾回", "回顾") in near_misses("顾回其决议")
    assert ("又顾回", "顾回", "又回顾") in near_misses("又顾回其决议")
    assert ("重回顾", "重回顾", "回顾") in near_misses("重回顾其决议")


def test_matched_paragraphs_are_not_segmented(monkeypatch):
    def no_segmenter():
        raise AssertionError("the segmenter was asked for a paragraph the lexicon matches")

    monkeypatch.setattr(openers, "segmenter", no_segmenter)
    text = "大会，\n\n回顾其决议，\n\n但是承认，许多国家增加了援助，\n\n1. 重申决定在第六十九届会议上审议；\n\n2. 还再次请秘书长提交报告。"
    found = openers.find_openers(parse(Source("t.txt", text, "text", "utf-8")))
    assert [o.text for o in found.values()] == ["回顾", "承认", "重申", "还再次请"]


def test_english_lexicon_loads():
    from linter.registries.lexicon import english_openers

    en = english_openers()
    assert en["Further requests"].base == "Requests" and en["Further requests"].position == "further"
    assert en["Also requests"].zh == {"又请": 1}
    assert en["Acting under Chapter VII of the Charter of the United Nations"].part == "preambular"
