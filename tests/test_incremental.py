"""Incremental linting (linter/incremental.py) finds exactly what a full lint finds, edit after edit."""

from __future__ import annotations

import dataclasses
import random

import pytest
from conftest import SEED_FILES

from linter.checks import checkers
from linter.incremental import LOCAL_KINDS
from linter.lint import incremental_linter, lint_text
from linter.read.document import Document
from linter.read.sources import Source, read_path

_INSERTS = ["，", ",", "。", "回顾", "又", "1", " ", "\n", "\n\n", "(", "）", "《", "2013年2月30日", "的的", "决定", "a"]
# Edits that change the structure: a new numbered paragraph, a sub-item, an organ line, a footer date, a footnote
# rule and a footnote body, a marker, an annex heading, a suppression comment.
_LINES = ["12. 决定继续审议这个问题。", "(c) 加强国际合作；", "大会，", "2013年12月18日", "第 70 次全体会议", "________",
          "3 大会第 66/181 号决议。", "附件", "<!-- resolint: ignore RP501 -->", "回顾其第 67/186 号决议，", "决定：",
          "“大会，", "68/193. 加强联合国预防犯罪和刑事司法方案"]


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _edit(rng: random.Random, text: str) -> str:
    """One drafter's edit: an insertion, a deletion or a replacement somewhere in one paragraph."""
    at = rng.randrange(len(text) + 1)
    what = rng.random()
    if what < 0.5:
        return text[:at] + rng.choice(_INSERTS) + text[at:]
    end = min(len(text), at + rng.randrange(1, 6))
    if what < 0.8:
        return text[:at] + text[end:]
    return text[:at] + rng.choice(_INSERTS) + text[end:]


def _structural_edit(rng: random.Random, text: str) -> str:
    """An edit of whole lines: a line added, deleted, duplicated, or joined to the next."""
    start, end = _line_bounds(text, rng.randrange(len(text) + 1))
    what = rng.random()
    if what < 0.4:
        return text[:start] + rng.choice(_LINES) + "\n" + text[start:]
    if what < 0.6:
        return text[:start] + text[end + 1 :]
    if what < 0.8:
        return text[:start] + text[start:end] + "\n" + text[start:]
    return text[:end] + text[end + 1 :]


def _comparable(doc: Document) -> Document:
    """The Document with its maps as their shapes (an OffsetMap compares by identity)."""
    return dataclasses.replace(doc, offsets=doc.offsets.shape(0, len(doc.offsets)),
                               embedded=tuple(_comparable(e) for e in doc.embedded))


def _part_shapes(doc: Document) -> list:
    """Each part's map as part keys see it: an incremental parse takes most from the last version's map."""
    return [doc.offsets.shape(p.offset, p.offset + len(p.text)) for p in doc.body_parts()]


def _check_edits(source: Source, rules, rng: random.Random, steps: int, edit) -> None:
    linter = incremental_linter(rules)
    text = source.text
    for step in range(steps):
        incremental = lint_text(source, text, rules, incremental=linter)
        full = lint_text(source, text, rules)
        assert incremental.findings == full.findings, f"{source.path}, edit {step}"
        assert incremental.suppressed == full.suppressed, f"{source.path}, edit {step}"
        assert _comparable(incremental.document) == _comparable(full.document), f"{source.path}, edit {step}"
        assert _part_shapes(incremental.document) == _part_shapes(full.document), f"{source.path}, edit {step}"
        if step:
            assert linter.reused > 0  # the unchanged paragraphs were not analysed again
        text = edit(rng, text)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_incremental_lint_equals_full_lint_over_random_edits(path, all_rules):
    _check_edits(read_path(str(path)), all_rules, random.Random(path.name), 12, _edit)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_incremental_lint_equals_full_lint_over_edits_of_structure(path, all_rules):
    _check_edits(read_path(str(path)), all_rules, random.Random("lines " + path.name), 12, _structural_edit)


@pytest.mark.parametrize("fmt", ["text", "pdf-text"])
@pytest.mark.slow
def test_incremental_lint_equals_full_lint_on_a_big_draft(fmt, all_rules):
    """Several seeds in one draft (as bench's seeds x20, smaller), each kind of edit in turn, typing runs too."""
    text = "\n\n".join(read_path(str(p)).text for p in SEED_FILES * 2)
    source = Source(f"big.{fmt}.txt", text, fmt, "utf-8")
    rng = random.Random(fmt)

    def mixed(rng: random.Random, text: str) -> str:
        return (_edit if rng.random() < 0.6 else _structural_edit)(rng, text)

    _check_edits(source, all_rules, rng, 16, mixed)


def test_local_kinds_are_kinds_of_rules():
    assert LOCAL_KINDS <= set(checkers())
