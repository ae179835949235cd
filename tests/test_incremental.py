"""Incremental linting (linter/incremental.py) finds exactly what a full lint finds, edit after edit."""

from __future__ import annotations

import random

import pytest
from conftest import SEED_FILES

from linter.checks import checkers
from linter.incremental import LOCAL_KINDS
from linter.lint import incremental_linter, lint_text
from linter.read.sources import read_path

_INSERTS = ["，", ",", "。", "回顾", "又", "1", " ", "\n", "\n\n", "(", "）", "《", "2013年2月30日", "的的", "决定", "a"]


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


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_incremental_lint_equals_full_lint_over_random_edits(path, all_rules):
    source = read_path(str(path))
    linter = incremental_linter(all_rules)
    rng = random.Random(path.name)
    text = source.text
    for step in range(12):
        incremental = lint_text(source, text, all_rules, incremental=linter)
        full = lint_text(source, text, all_rules)
        assert incremental.findings == full.findings, f"{path.name}, edit {step}"
        if step:
            assert linter.reused > 0  # the unchanged paragraphs were not analysed again
        text = _edit(rng, text)


def test_local_kinds_are_kinds_of_rules():
    assert LOCAL_KINDS <= set(checkers())
