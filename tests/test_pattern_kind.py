"""The `pattern` kind's shortcut: a text without the character every match needs is not searched."""

from __future__ import annotations

import re

import pytest
from conftest import SEED_FILES

from linter.checks.pattern import needed_character
from linter.engine.loader import load_rules
from linter.read.sources import read_path
from linter.read.structure import parse


@pytest.mark.parametrize(
    "pattern,needed,not_needed",
    [
        (r"(?<=\d)\s?(，)\s?(?=\d)", "，", ",1 2"),  # inside a group
        (r"(?<=[一-龥])、(以及|和)", "、", "以及和"),
        (r"(?<![A-Z])\s?[,;]", ",;", " ：:"),
        (r"(?=\d)\d+", "0123456789٣", "a"),  # \d as the pattern reads it: any decimal digit
        (r"(?<=\d)(?:，|,)", "，,", "、"),  # alternatives of one character are a class to the parser
        (r"(?<=\d)(?:[ab]c){2,}", "ab", "c"),
    ],
)
def test_needed_character(pattern, needed, not_needed):
    found = needed_character(pattern)
    assert found is not None
    assert all(found.fullmatch(ch) for ch in needed)
    assert not any(found.fullmatch(ch) for ch in not_needed)


@pytest.mark.parametrize("pattern", [
    r"[０-９]+",  # opens with what it consumes: the engine finds it by itself
    r"(?<=\d)(?:，|和平)",  # only alternatives to choose from
    r"(?<=\d)(?:a)*b?",  # nothing it must consume
    r"(?<=\d)(?i:a)",  # a group with flags of its own
])
def test_no_needed_character(pattern):
    assert needed_character(pattern) is None


def test_every_match_of_the_builtin_patterns_has_the_needed_character():
    texts = [p.text for f in SEED_FILES for p in parse(read_path(str(f))).body_parts()]
    checked = 0
    for rule in load_rules():
        if rule.kind != "pattern" or (needed := needed_character(rule.options["pattern"])) is None:
            continue
        for text in texts:
            for m in re.finditer(rule.options["pattern"], text):
                assert needed.search(m.group(0)), (rule.id, m.group(0))
                checked += 1
    assert checked > 0
