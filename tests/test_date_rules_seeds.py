"""The date and session rules (RD3xx, RS3xx) on the five seeds: silent as published, and each fires when one fact is altered."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES, SEEDS, rules_for

from linter.lint import lint
from linter.read.sources import Source


def findings(text: str, name: str, select: list[str]):
    source = Source(str(SEEDS / name), text, "pdf-text" if name.endswith(".pdf.txt") else "markdown", "utf-8")
    return lint(source, rules_for(select)).findings


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_published_seeds_have_no_date_or_session_findings(path):
    got = findings(path.read_text(encoding="utf-8"), path.name, ["RD", "RS"])
    assert [(f.rule, f.message) for f in got] == []


ALTERATIONS = [
    # (seed, original text, altered text, rule, the finding's original text)
    ("ga-68-193.pdf.txt", "2005 年 9月 16 日第 60/1 号", "2012 年 9月 16 日第 60/1 号", "RS304", "60/1"),
    ("ecosoc-2012-19.pdf.txt", "2010 年 5 月 21 日题为“加强公私伙伴关系", "2011 年 5 月 21 日题为“加强公私伙伴关系", "RS304", "19/1"),
    ("ecosoc-2013-38.pdf.txt", "第 65/230 号决议", "第 69/230 号决议", "RS305", "69/230"),
    ("ga-68-193.pdf.txt", "2013年 7月 25 日第 2013/40 号", "2013年 12月 25 日第 2013/40 号", "RS305", "2013/40"),
    ("ecosoc-2013-38.pdf.txt", "2013 年 7月 25 日 \n", "2013 年 7月 26 日 \n", "RS306", "2013 年 7月 26 日"),
    ("ga-68-193.pdf.txt", "(A/68/457)", "(A/67/457)", "RS306", "A/67/457"),
    ("ecosoc-2012-19.pdf.txt", "2012/19. ", "2011/19. ", "RS306", "2011/19"),
    ("ecosoc-2013-38.pdf.txt", "第 47 次全体会议", "第四十七次全体会议", "RS303", "第四十七次"),
    ("a-66-draft-illicit-financial-flows.pdf.txt", "第六十六届会议", "第66届会议", "RS302", "第66届"),
    ("ctoc-cop-6-1.md", "2012年2月7日", "2012年2月30日", "RD301", "2012年2月30日"),
    ("ctoc-cop-6-1.md", "2012年2月7日", "2012 年 2 月 7 日", "RD307", "2012 年 2 月 7 日"),
]


@pytest.mark.parametrize("name,before,after,rule,span", ALTERATIONS, ids=[f"{a[3]}-{a[0]}" for a in ALTERATIONS])
def test_an_altered_seed_is_caught(name, before, after, rule, span):
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert text.count(before) == 1, before
    altered = text.replace(before, after)
    got = findings(altered, name, ["RD", "RS"])
    assert [(f.rule, altered[f.start : f.end]) for f in got] == [(rule, span)]
