"""On every seed, every finding's span lies in the file and holds what its message quotes."""

from __future__ import annotations

import json
import re

import pytest

from linter.report import FileResult, render_json
from linter.offsets import LineIndex
from linter.sources import read_path
from linter.structure import parse
from linter.engine import run

from conftest import SEED_FILES

_QUOTED = re.compile(r"“([^”]{1,60})”")
_BOLD = re.compile(r"(.{1,24}?)\1\1\1")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
def test_spans_hold_what_messages_quote(seed, all_rules):
    source = read_path(str(seed))
    findings = run(parse(source), all_rules)
    text = source.text
    data = json.loads(render_json([FileResult(source.path, text, tuple(findings))]))
    index = LineIndex(text)
    for f in data["files"][0]["findings"]:
        assert 0 <= f["start"] < f["end"] <= len(text), f
        assert (f["line"], f["column"]) == index.line_col(f["start"])
        span = _BOLD.sub(r"\1", re.sub(r"\s+", "", text[f["start"] : f["end"]]))
        quoted = [re.sub(r"\s+", "", q) for q in _QUOTED.findall(f["message"])]
        if quoted:
            assert any(q in span or span in q for q in quoted), (f["rule"], span, f["message"])
