"""Suppressions in the draft: `<!-- resolint: ignore ID -->` (next paragraph), `ignore-file`, a Word comment on a
paragraph; the comment is no document text; --show-suppressed; an ignore that hides nothing is RT190; batch
hides the same findings as check."""

from __future__ import annotations

import io
import json

import docx
import pytest
from conftest import builtin_rules

from linter.commands.cli import main
from linter.config import Config
from linter.lint import configured_rules, fix, lint
from linter.read.sources import read_bytes

PLAIN = "大会，\n\n回顾其决议,并注意到报告，\n\n回顾其决议,并注意到报告，\n\n1. 请秘书长提交报告。\n"
DIRECTIVE = "<!-- resolint: ignore RP501 -->\n"
SUPPRESSED = PLAIN.replace("回顾", DIRECTIVE + "回顾", 1)  # before the first preambular paragraph only


def _lint(text: str, path: str, rules=None):
    return lint(read_bytes(text.encode(), path), rules or configured_rules(Config()))


def _quoted(text: str, findings) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in findings]


@pytest.mark.parametrize("path", ["d.txt", "d.md"])
def test_ignore_hides_the_rule_in_the_next_paragraph_only(path):
    result = _lint(SUPPRESSED, path)
    second = SUPPRESSED.rindex("回顾其决议,") + 5
    assert [(f.rule, f.start) for f in result.findings] == [("RP501", second)]
    assert [(f.rule, f.start) for f in result.suppressed] == [("RP501", SUPPRESSED.index("回顾其决议,") + 5)]


@pytest.mark.parametrize("path", ["d.txt", "d.md"])
def test_the_comment_is_no_document_text(path):
    """The same paragraphs and findings as without the comment line, each at its offset in the file."""
    rules = [r for r in builtin_rules() if r.id != "RP501"]
    plain, commented = _lint(PLAIN, path, rules), _lint(SUPPRESSED, path, rules)
    shift = len(DIRECTIVE)
    assert [p.text for p in commented.document.paragraphs] == [p.text for p in plain.document.paragraphs]
    first = commented.document.preambular[0]
    assert first.start == SUPPRESSED.index("回顾")
    cut = PLAIN.index("回顾")
    moved = [(f.rule, f.start + (shift if f.start >= cut else 0)) for f in plain.findings]
    assert [(f.rule, f.start) for f in commented.findings] == moved
    assert commented.suppressed == ()


def test_ignore_file_hides_the_rule_everywhere_and_ids_are_case_insensitive():
    text = "<!-- resolint: ignore-file rp501 -->\n" + PLAIN
    result = _lint(text, "d.txt")
    assert [f.rule for f in result.findings] == []
    assert [f.rule for f in result.suppressed] == ["RP501", "RP501"]


def test_fix_leaves_a_suppressed_finding_alone_and_deletes_a_stale_comment():
    text = SUPPRESSED + "<!-- resolint: ignore RV143 -->\n"
    rules = configured_rules(Config())
    result = fix(read_bytes(text.encode(), "d.txt"), rules)
    assert result.text == SUPPRESSED.replace("回顾其决议,并注意到报告，\n\n1.", "回顾其决议，并注意到报告，\n\n1.")
    assert result.remaining == ()


def _docx(comments: list[tuple[int, str]]) -> bytes:
    document = docx.Document()
    paragraphs = [document.add_paragraph(t) for t in ("大会，", "回顾其决议,并注意到报告，", "回顾其决议,并注意到报告，",
                                                      "1. 请秘书长提交报告。")]
    for k, text in comments:
        document.add_comment(paragraphs[k].runs, text=text, author="drafter")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_comment_on_a_paragraph_hides_the_rule_there():
    source = read_bytes(_docx([(1, "resolint: ignore RP501 (quoted as adopted)")]), "d.docx")
    result = lint(source, configured_rules(Config()))
    assert [(f.rule, f.location.paragraph) for f in result.findings] == [("RP501", 3)]
    assert [(f.rule, f.location.paragraph) for f in result.suppressed] == [("RP501", 2)]
    assert "resolint" not in source.text  # a comment adds no text


def test_a_word_comment_that_hides_nothing_is_rt190_at_its_paragraph():
    result = lint(read_bytes(_docx([(3, "resolint: ignore RP501"), (0, "请核对")]), "d.docx"), configured_rules(Config()))
    stale = [f for f in result.findings if f.rule == "RT190"]
    assert [(f.location.paragraph, f.fix) for f in stale] == [(4, None)]
    assert "“resolint: ignore RP501” hides no RP501 finding" in stale[0].message
    whole = lint(read_bytes(_docx([(0, "resolint: ignore-file RP501")]), "d.docx"), configured_rules(Config()))
    assert [f.rule for f in whole.findings] == [] and len(whole.suppressed) == 2


def test_check_show_suppressed_lists_what_is_hidden(capsys, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(SUPPRESSED, encoding="utf-8")
    code = main(["check", "--no-config", str(draft)])
    out = capsys.readouterr().out
    assert code == 1 and "[suppressed]" not in out
    assert out.splitlines()[-1].endswith("1 suppressed by resolint comments in the drafts (--show-suppressed lists them).")
    main(["check", "--no-config", "--show-suppressed", str(draft)])
    out = capsys.readouterr().out
    assert f"{draft}:4:6: RP501 [suppressed] " in out
    main(["check", "--no-config", "--show-suppressed", "--format", "json", str(draft)])
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert [(f["rule"], f["line"], f["suppressed_by"]) for f in entry["suppressed"]] == [("RP501", 4, "comment")]
    main(["check", "--no-config", "--show-suppressed", "--format", "sarif", str(draft)])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert [r.get("suppressions") for r in results] == [None, [{"kind": "inSource"}]]
    # Everything hidden: a pass, at any fail level.
    draft.write_text("<!-- resolint: ignore-file RP501 -->\n" + PLAIN, encoding="utf-8")
    assert main(["check", "--no-config", str(draft)]) == 0


def test_batch_hides_what_check_hides(capsys, tmp_path):
    (tmp_path / "a.md").write_text(SUPPRESSED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SUPPRESSED + "<!-- resolint: ignore RV143 -->\n", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(_docx([(1, "resolint: ignore RP501")]))
    main(["check", "--format", "json", "--no-config", str(tmp_path)])
    expected = json.loads(capsys.readouterr().out)["files"]
    out = tmp_path / "out.json"
    main(["batch", str(tmp_path), "--json", str(out), "--jobs", "1", "--no-config", "--no-cache"])
    capsys.readouterr()
    assert json.loads(out.read_text(encoding="utf-8"))["files"] == expected
    assert sum(len(f["findings"]) for f in expected) == 4  # one RP501 each, and b.txt's stale comment
