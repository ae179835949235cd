""".docx drafts are read-only for resolint, and it says so honestly: nothing counts as fixable (a fix is a suggestion
to make in Word), `fix` writes and claims nothing, the TUI opens them read-only; each finding says where it is in
Word's terms."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from docx_factory import make_docx, note_ref, para, run

from linter.commands.cli import main
from linter.read.sources import read_path

# Word paragraphs 2 and 4 are empty: the docx text has no line for them, Word counts them.
PARAGRAPHS = [
    para(run("大会，")),
    para(),
    para(run("回顾其决议，")),
    para(),
    para(run("注意到报告,并回顾《联合国打击跨国有组织犯罪公约》"), note_ref(3), run("，")),
    para(run("请秘书长提交报告；"), num=(1, 0)),
    para(run("决定继续审议,并请各国提交资料。"), num=(1, 0)),
]
NOTES = {3: "联合国，《条约汇编》，第 2225 卷,第 39574 号。"}  # Word shows it as footnote 1 (first referenced)
TEXT = "大会，\n\n回顾其决议，\n\n注意到报告,并回顾《联合国打击跨国有组织犯罪公约》<sup>1</sup>，\n\n1. 请秘书长提交报告；\n\n2. 决定继续审议,并请各国提交资料。\n\n---\n\n<sup>1</sup> 联合国，《条约汇编》，第 2225 卷,第 39574 号。\n"


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def docx(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(make_docx(PARAGRAPHS, notes=NOTES))
    return path


def test_check_counts_nothing_fixable_in_a_docx_and_fix_claims_nothing(capsys, docx):
    before = docx.read_bytes()
    code, out, _ = cli(capsys, "check", "--no-config", "--select", "RP501", str(docx))
    assert code == 1 and "Found 3 problems" in out and "fixable" not in out
    code, out, err = cli(capsys, "fix", "--no-config", "--select", "RP501", "--diff", str(docx))
    assert code == 0 and out == ""
    assert err.startswith(f"{docx}: 0 fixes applied (resolint does not write .docx files")
    code, out, err = cli(capsys, "fix", "--no-config", "--select", "RP501", str(docx))
    assert code == 0 and "0 fixes applied" in err
    assert docx.read_bytes() == before


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
def test_the_fixable_count_of_check_is_what_fix_applies(capsys, tmp_path, docx, suffix):
    if suffix == ".docx":
        path = docx
    else:
        path = tmp_path / f"draft{suffix}"
        path.write_text(TEXT, encoding="utf-8")
    _, out, _ = cli(capsys, "check", "--no-config", str(path))
    fixable = re.search(r"(\d+) fixable", out)
    _, _, err = cli(capsys, "fix", "--no-config", str(path))
    applied = re.search(r": (\d+) fix(?:es)? applied", err)
    assert (int(fixable.group(1)) if fixable else 0) == int(applied.group(1))
    assert suffix == ".docx" or int(applied.group(1)) >= 3  # the three half-width commas, at least


def test_the_fixable_count_includes_the_fixes_a_fix_uncovers(capsys, tmp_path):
    draft = tmp_path / "d.txt"  # one fix of 报告报告报告 leaves 报告报告 for a second: check used to say 1, fix applied 2
    draft.write_text("大会，\n\n注意到秘书长的报告报告报告，\n\n1. 请秘书长提交报告。\n", encoding="utf-8")
    _, out, _ = cli(capsys, "check", "--no-config", str(draft))
    _, _, err = cli(capsys, "fix", "--no-config", str(draft))
    assert re.search(r"(\d+) fixable", out).group(1) == re.search(r": (\d+) fixes applied", err).group(1) == "2"
    assert draft.read_text(encoding="utf-8") == "大会，\n\n注意到秘书长的报告，\n\n1. 请秘书长提交报告。\n"


def test_findings_in_a_docx_say_where_they_are_in_word(capsys, docx):
    code, out, _ = cli(capsys, "check", "--no-config", "--select", "RP501", "--format", "json", str(docx))
    locations = [f["location"] for f in json.loads(out)["files"][0]["findings"]]
    assert locations == [{"paragraph": 5, "preambular": 2}, {"paragraph": 7, "operative": 2}, {"footnote": 1}]
    code, out, _ = cli(capsys, "check", "--no-config", "--select", "RP501", str(docx))
    lines = [line for line in out.splitlines() if "RP501" in line]
    assert lines[0].endswith("(Word: paragraph 5, preambular paragraph 2)")
    assert lines[1].endswith("(Word: paragraph 7, operative paragraph 2)")
    assert lines[2].endswith("(Word: footnote 1)")
    # A plain-text draft has no Word location.
    txt = docx.with_suffix(".txt")
    txt.write_text(TEXT, encoding="utf-8")
    code, out, _ = cli(capsys, "check", "--no-config", "--select", "RP501", "--format", "json", str(txt))
    assert all("location" not in f for f in json.loads(out)["files"][0]["findings"])


def test_a_line_break_inside_a_word_paragraph_does_not_shift_the_numbers(capsys, tmp_path):
    path = tmp_path / "br.docx"
    text_with_newline = '<w:r><w:t xml:space="preserve">回顾其决议，\n又回顾</w:t></w:r>'
    path.write_bytes(make_docx([para(run("大会，")), f"<w:p>{text_with_newline}</w:p>", para(run("注意到报告,"))]))
    source = read_path(str(path))
    assert source.text.splitlines()[1] == "回顾其决议， 又回顾" and source.word_paragraphs == (1, 2, 3)


@pytest.mark.slow
def test_the_tui_opens_a_docx_read_only_and_says_why(docx, all_rules):
    from test_tui import linted

    from tui.app import ResolintApp
    from tui.widgets.draft_view import DraftView

    before = docx.read_bytes()

    async def run_app():
        app = ResolintApp(read_path(str(docx)), [r for r in all_rules if r.id.startswith("RP")])
        async with app.run_test(size=(140, 45)) as pilot:
            await linted(app, pilot)
            banner = app.query_one("#read-only-banner").content
            assert "Read-only" in str(banner) and "Word" in str(banner)
            draft = app.query_one(DraftView)
            assert draft.read_only
            draft.focus()
            await pilot.press("x", "y")
            assert not app.is_modified()
            await pilot.press("f3", "ctrl+s")
            await pilot.pause()
            assert not app.is_modified()
            detail = app.query_one("#finding-detail-text").content.plain
            assert "In Word: paragraph 5, preambular paragraph 2" in detail
            assert "Suggested change (make it in Word)" in detail and "f applies it" not in detail

    asyncio.run(run_app())
    assert docx.read_bytes() == before
