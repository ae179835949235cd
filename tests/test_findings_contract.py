"""On every seed, every finding's span lies in the file and holds what its message quotes."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEED_FILES

from linter.lint import lint_path
from linter.read.offsets import LineIndex
from linter.report import FileResult, render_json

_QUOTED = re.compile(r"“([^”]{1,60})”")
_BOLD = re.compile(r"(.{1,24}?)\1\1\1")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
def test_spans_hold_what_messages_quote(seed, all_rules):
    result = lint_path(str(seed), all_rules)
    text = result.text
    data = json.loads(render_json([FileResult(result.path, text, result.findings)]))
    index = LineIndex(text)
    for f in data["files"][0]["findings"]:
        assert 0 <= f["start"] < f["end"] <= len(text), f
        assert (f["line"], f["column"]) == index.line_col(f["start"])
        span = _BOLD.sub(r"\1", re.sub(r"\s+", "", text[f["start"] : f["end"]]))
        quoted = [re.sub(r"\s+", "", q) for q in _QUOTED.findall(f["message"])]
        if quoted:
            assert any(q in span or span in q for q in quoted), (f["rule"], span, f["message"])
