"""Issue #15: a draft whose line breaks were lost (one line of megabytes) opens at once, broken where its sentences
end, and nothing changes on disk until the drafter saves."""

from __future__ import annotations

import pytest
from test_tui import drive, parts, status_text

from linter.read.sources import read_path
from tui.app import ResolintApp
from tui.long_lines import LONG_LINE, PIECE, break_long_lines
from tui.widgets.draft_view import draft_text, editor_text

PARAGRAPH = "回顾其关于打击跨国有组织犯罪的各项决议，又回顾其第 67/186 号决议；注意到秘书长的报告。"


def test_a_line_no_paragraph_could_be_is_broken_after_its_sentences():
    line = PARAGRAPH * (LONG_LINE // len(PARAGRAPH) + 1)
    text = "大会，\n" + line + "\n1. 决定；"
    broken = break_long_lines(text)
    assert broken.replace("\n", "") == text.replace("\n", "")  # only line breaks are added
    pieces = broken.split("\n")
    assert pieces[0] == "大会，" and pieces[-1] == "1. 决定；"
    assert all(p.endswith(("；", "。")) for p in pieces[1:-1])
    assert len(pieces) == 2 + 2 * (LONG_LINE // len(PARAGRAPH) + 1)


def test_a_long_run_without_sentence_ends_is_broken_after_a_comma_or_at_the_piece_length():
    commas = ("甲" * 500 + "，") * 100
    assert max(map(len, break_long_lines(commas).split("\n"))) <= PIECE
    assert all(p.endswith("，") for p in break_long_lines(commas).split("\n"))
    bare = "甲" * (LONG_LINE + 1)
    assert break_long_lines(bare).split("\n") == ["甲" * PIECE] * (len(bare) // PIECE) + ["甲"]


def test_ordinary_lines_are_left_as_they_are():
    text = "大会，\n\n" + PARAGRAPH * 100 + "\n"  # a long paragraph, but a paragraph
    assert break_long_lines(text) is text


def test_stand_ins_round_trip_and_a_draft_without_them_is_returned_as_is():
    text = "第一页\f第二页\u2028"
    assert draft_text(editor_text(text)) == text and "\f" not in editor_text(text)
    plain = PARAGRAPH * 10
    assert editor_text(plain) is plain and draft_text(plain) is plain


@pytest.mark.slow
def test_a_draft_on_one_line_opens_broken_and_the_file_is_unchanged(tmp_path, all_rules, monkeypatch):
    told = []
    notify = ResolintApp.notify
    monkeypatch.setattr(ResolintApp, "notify", lambda self, message, **kw: told.append(kw.get("title")) or
                        notify(self, message, **kw))
    path = tmp_path / "pasted.txt"
    path.write_text("大会，" + PARAGRAPH * (LONG_LINE // len(PARAGRAPH) + 1), encoding="utf-8")
    before = path.read_bytes()
    rules = [r for r in all_rules if r.id.startswith("RP")]

    async def steps(app, pilot):
        draft, _ = parts(app)
        assert draft.draft_text == break_long_lines(app.source.text) != app.source.text
        assert draft.soft_wrap and draft.document.line_count > 100
        assert app.is_modified() and "modified" in status_text(app)
        assert "Long line broken" in told
        assert app.result.text == draft.draft_text  # the findings are those of the text shown

    drive(read_path(str(path)), rules, steps)
    assert path.read_bytes() == before

