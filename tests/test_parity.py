"""`resolint parity`: whole synthetic pairs in both languages (the demo in examples/parity/), the command, its
JSON, and what `check` does with the parity rules (nothing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import builtin_rules, source_from

from linter.commands.cli import main
from linter.errors import InputError
from linter.lint import lint, parity
from linter.read.sources import read_path

DEMO = Path(__file__).resolve().parent.parent / "examples" / "parity"
ZH, EN = DEMO / "ecosoc-2013-38.zh.md", DEMO / "ecosoc-2013-38.en.md"


def _repaired_zh() -> str:
    """The demo's Chinese with its three defects undone: the faithful translation."""
    text = ZH.read_text(encoding="utf-8")
    text = text.replace("2011 年 12 月 9 日", "2011 年 12 月 19 日").replace("第 2252 卷", "第 2225 卷")
    return text.replace("   (c) 其他资料", "   (b) 最佳做法和案例研究；\n\n   (c) 其他资料")


def _english_as_plain_text() -> str:
    """The demo's English as text copied out of Word: markers glued to the text, no Markdown."""
    text = EN.read_text(encoding="utf-8")
    text = re.sub(r"<sup>(\d+)</sup>(?= )", r"\1 ", text)
    text = re.sub(r"<sup>(\d+)</sup>", r"\1", text)
    return text.replace("\n---\n", "\n__________________\n")


def test_the_demo_reports_its_three_defects_and_nothing_else():
    result = parity(read_path(str(ZH)), read_path(str(EN)), builtin_rules())
    got = [(f.rule, result.text[f.start:f.end], f.counterpart.where) for f in result.findings]
    assert got == [
        ("RB711", "2011 年 12 月 9 日", "preambular paragraph 4"),
        ("RB701", "(c)", "operative paragraph 6 (b)"),
        ("RB712", "2252", "footnote 3"),
    ]
    english = EN.read_text(encoding="utf-8")
    spans = [english[f.counterpart.start:f.counterpart.end] for f in result.findings]
    assert spans == ["19 December 2011", "Best practices and case studies;", "2225"]
    assert "“19 December 2011”" in result.findings[0].message and "2011 年 12 月 9 日" in result.findings[0].message


@pytest.mark.parametrize("english", [EN.read_text(encoding="utf-8"), _english_as_plain_text()], ids=["md", "txt"])
def test_a_faithful_translation_gives_nothing(english):
    path = "en.md" if english.startswith("[") and "<sup>" in english else "en.txt"
    result = parity(source_from(_repaired_zh(), path="zh.md"), source_from(english, path=path), builtin_rules())
    assert [(f.rule, f.message) for f in result.findings] == []
    doc = result.document
    assert (len(doc.counterpart.preambular), len(doc.counterpart.operative), len(doc.counterpart.footnotes)) == (4, 8, 3)


def test_the_chinese_seed_in_pdf_text_against_the_demo_english():
    """The seed as pasted out of the PDF holds all of 2013/38; the demo English only part: every paragraph the
    English lacks is reported as extra, and the paragraphs both have agree."""
    seed = Path(__file__).resolve().parent / "seeds" / "ecosoc-2013-38.pdf.txt"
    result = parity(read_path(str(seed)), read_path(str(EN)), builtin_rules())
    rules = {f.rule for f in result.findings}
    assert "RB711" not in rules and "RB722" not in rules
    extra = [f.message for f in result.findings if f.rule == "RB702"]
    assert len(extra) >= 7  # preambular paragraphs 5–11 of the seed are not in the demo English


def test_check_runs_no_parity_rule_without_an_original():
    result = lint(read_path(str(ZH)), builtin_rules())
    assert [f for f in result.findings if f.category == "parity"] == []


def test_the_original_must_be_english_and_the_draft_chinese():
    with pytest.raises(InputError, match="not an English text"):
        parity(read_path(str(ZH)), read_path(str(ZH)), builtin_rules())
    with pytest.raises(InputError, match="not a Chinese text"):
        parity(read_path(str(EN)), read_path(str(EN)), builtin_rules())


def test_the_command_text_json_and_exit_codes(capsys):
    assert main(["parity", "--no-config", str(ZH), str(EN)]) == 1
    out = capsys.readouterr().out
    assert "RB711 [error] The English preambular paragraph 4 says “19 December 2011”" in out
    assert "Found 3 problems (3 errors) in 1 of 1 file." in out
    assert main(["parity", "--no-config", "--format", "json", str(ZH), str(EN)]) == 1
    data = json.loads(capsys.readouterr().out)
    first = data["files"][0]["findings"][0]
    assert first["rule"] == "RB711" and first["english"]["text"] == "19 December 2011"
    assert first["english"]["where"] == "preambular paragraph 4" and first["english"]["line"] == 17
    assert main(["parity", "--no-config", "--select", "RB721", str(ZH), str(EN)]) == 0
    capsys.readouterr()
    assert main(["parity", "--no-config", str(EN), str(ZH)]) == 2  # swapped
    assert "the original is not an English text" in capsys.readouterr().err
