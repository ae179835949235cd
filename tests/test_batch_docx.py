"""--annotate-docx: a copy of each Word draft with every finding as a Word comment on exactly the runs it concerns."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from batch_drafts import word_draft
from docx_factory import make_docx, para, run
from lxml import etree

from linter.batch.batch_run import run_batch
from linter.batch.docx_comments import annotate, annotate_all
from linter.batch.draft_task import DraftSetup
from linter.commands.cli import main
from linter.config import Config
from linter.lint import configured_rules, lint_path
from linter.read.docx_reader import read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored_texts(data: bytes) -> dict[int, str]:
    """Comment id → the docx text between its commentRangeStart and commentRangeEnd (footnote marks as [^id])."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(int(el.get(f"{W}id")))
            texts.setdefault(int(el.get(f"{W}id")), "")
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(el.get(f"{W}id")))
        elif el.tag in (f"{W}t", f"{W}footnoteReference"):
            piece = el.text or "" if el.tag == f"{W}t" else f"[^{el.get(f'{W}id')}]"
            for i in open_ids:
                texts[i] += piece
    return texts


def assert_valid_package(data: bytes) -> None:
    """Every part is well-formed XML, comments.xml is declared and related, and each comment has one range and one reference."""
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.testzip() is None
    for name in z.namelist():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(z.read(name))
    types = z.read("[Content_Types].xml").decode()
    assert 'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"' in types
    rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {r.get("Target") for r in rels if r.get("Type").endswith("/comments")}
    assert targets == {"comments.xml"} and "word/comments.xml" in z.namelist()
    body = etree.fromstring(z.read("word/document.xml"))
    comments = etree.fromstring(z.read("word/comments.xml"))
    ids = sorted(int(c.get(f"{W}id")) for c in comments.iter(f"{W}comment"))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(int(e.get(f"{W}id")) for e in body.iter(f"{W}{tag}")) == ids, tag
    for c in comments.iter(f"{W}comment"):
        start = next(e for e in body.iter(f"{W}commentRangeStart") if e.get(f"{W}id") == c.get(f"{W}id"))
        end = next(e for e in body.iter(f"{W}commentRangeEnd") if e.get(f"{W}id") == c.get(f"{W}id"))
        order = list(body.iter())
        assert order.index(start) < order.index(end)


@pytest.fixture(scope="module")
def rules():
    return configured_rules(Config())


def test_each_finding_is_a_comment_on_its_own_runs(tmp_path, rules):
    original = tmp_path / "draft.docx"
    original.write_bytes(word_draft())
    before = original.read_bytes()
    result = lint_path(str(original), rules)
    found = {(f.rule, result.text[f.start:f.end]) for f in result.findings}
    assert {("RP501", ","), ("RV101", "请"), ("RV111", "；")} <= found
    copy = tmp_path / "out" / "draft.docx"
    assert main(["batch", str(original), "--annotate-docx", str(copy.parent), "--no-config", "--no-cache", "--jobs", "1"]) == 1
    assert original.read_bytes() == before
    data = copy.read_bytes()
    assert_valid_package(data)
    assert read_docx(data, "copy.docx") == read_docx(before, "draft.docx")  # comments add no text
    comments = list(docx.Document(str(copy)).comments)
    assert len(comments) == len(result.findings)
    assert {c.author for c in comments} == {"resolint"}
    anchors = anchored_texts(data)
    by_rule = {}
    for c in comments:
        by_rule.setdefault(c.text.split(" ")[0], []).append((anchors[c.comment_id], c.text))
    body_comma, note_comma = sorted(by_rule["RP501"], key=lambda a: a[0])
    assert body_comma == (",", "RP501 [warning] Half-width “,” in Chinese text: use the full-width “，”\n"
                                "Proposed fix: replace “,” with “，”")
    # The footnote's comma: anchored on the footnote's reference mark in the text, and the comment says so.
    assert note_comma[0] == "[^2]" and note_comma[1].startswith("RP501 [warning] (in footnote 1) Half-width")
    assert by_rule["RV101"][0][0] == "请" and by_rule["RV101"][0][1].startswith("RV101 [error] “请” opens")
    assert by_rule["RV111"][0] == ("；", "RV111 [warning] End of a preambular paragraph: “；” where “，” belongs\n"
                                        "Proposed fix: replace “；” with “，”")  # inside a tracked insertion


def test_anchors_match_the_findings_text_on_a_real_draft(tmp_path, rules):
    """A seed as a Word draft, each paragraph cut into three runs: every comment covers exactly its finding's text."""
    lines = [l.strip() for l in (Path(__file__).parent / "seeds" / "ctoc-cop-6-1.md").read_text(encoding="utf-8").splitlines()]
    paragraphs = []
    for line in filter(None, (l.lstrip("#").strip() for l in lines)):
        third = max(1, len(line) // 3)
        paragraphs.append(para(*(run(escape(p)) for p in (line[:third], line[third:2 * third], line[2 * third:]) if p)))
    path = tmp_path / "cop.docx"
    path.write_bytes(make_docx(paragraphs))
    result = lint_path(str(path), rules)
    assert len(result.findings) >= 3
    from linter.batch.outcomes import FileOutcome

    data = annotate(path.read_bytes(), FileOutcome(str(path), result.text, result.findings, format="docx"))
    assert_valid_package(data)
    anchors = anchored_texts(data)
    comments = {c.comment_id: c.text for c in docx.Document(io.BytesIO(data)).comments}
    for i, f in enumerate(result.findings):
        span = result.text[f.start:f.end] or result.text[f.start:f.start + 1]
        assert comments[i].startswith(f"{f.rule} [{f.severity}] ") and f.message in comments[i]
        assert anchors[i] == span, (f, anchors[i])


def test_only_docx_drafts_get_copies_and_never_over_a_draft(tmp_path, rules):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.docx").write_bytes(word_draft())
    (folder / "b.txt").write_text("大会，\n\n1. 决定继续审议。\n", encoding="utf-8")
    setup = DraftSetup(tuple(rules))

    class Quiet:
        start = checking = advance = stop = lambda *a: None

    result = run_batch([str(folder / "a.docx"), str(folder / "b.txt")], setup, None, None, Quiet())
    assert annotate_all(result, tmp_path / "out") == (1, [])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx"]
    before = (folder / "a.docx").read_bytes()
    written, problems = annotate_all(result, folder)  # OUTDIR = the drafts' own folder
    assert written == 0 and "would overwrite a draft" in problems[0]
    assert (folder / "a.docx").read_bytes() == before
