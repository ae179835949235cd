"""A Markdown comment (<!-- … -->) is not document text: no finding comes from inside one, and every other
offset stays what it is in the file (the comment is skipped, not deleted)."""

from __future__ import annotations

from conftest import builtin_rules

from linter.lint import lint
from linter.read.sources import read_bytes

DRAFT = (
    "大会，\n\n"
    "<!-- 又回顾其决议， -->\n\n"
    "回顾其决议<!-- 注：见 <sup>2</sup> 和 [^3] -->，并注意到报告,\n\n"
    "1. 请秘书长提交报告。<!--\n多行\n注释 [^4]\n-->\n"
)


def test_nothing_inside_a_comment_is_checked():
    result = lint(read_bytes(DRAFT.encode(), "c.md"), builtin_rules())
    assert [(f.rule, DRAFT[f.start : f.end]) for f in result.findings] == [("RV111", ",")]  # the one real problem
    doc = result.document
    assert [p.text for p in doc.preambular] == ["回顾其决议，并注意到报告,"]
    assert [p.text for p in doc.operative] == ["请秘书长提交报告。"]
    assert doc.markers == () and doc.footnotes == ()


def test_text_around_a_comment_keeps_its_offsets():
    doc = lint(read_bytes(DRAFT.encode(), "c.md"), builtin_rules()).document
    (p,) = doc.preambular
    assert p.start == DRAFT.index("回顾其决议<")
    assert p.end == DRAFT.index("报告,") + 3
    comma = p.text.index("，")
    assert doc.span(p.offset + comma, p.offset + comma + 1) == (DRAFT.index("-->，") + 3, DRAFT.index("-->，") + 4)


def test_an_unclosed_comment_runs_to_the_end_and_a_comment_in_a_footnote_is_skipped():
    text = "大会，\n\n回顾其决议<sup>1</sup>，\n\n1. 请秘书长提交报告。\n\n---\n\n<sup>1</sup> 第 66/181 号<!-- 核对 -->决议。\n\n<!-- 以下未完"
    doc = lint(read_bytes(text.encode(), "c.md"), builtin_rules()).document
    assert [f.text for f in doc.footnotes] == ["第 66/181 号决议。"]
    assert [p.text for p in doc.operative] == ["请秘书长提交报告。"]
