"""What `resolint check` and `resolint parse` print for the seeds and examples, compared with recorded output.

A change that moves code must leave these identical. A change meant to alter
findings (a new rule, a false alarm removed) updates them on purpose:
RESOLINT_UPDATE_GOLDEN=1 make test-fast, then review the diff of tests/golden/
in the commit like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import builtin_rules

from linter.lint import lint_path
from linter.report import FileResult, document_json, render_json

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
DRAFTS = sorted([*(ROOT / "tests" / "seeds").glob("*.*"), *(ROOT / "examples").glob("*.*")])
UPDATE = os.environ.get("RESOLINT_UPDATE_GOLDEN") == "1"


def _compare(name: str, got: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"no recorded output {path.name}: run with RESOLINT_UPDATE_GOLDEN=1 and review it"
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; if on purpose, RESOLINT_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_output_is_as_recorded(draft, monkeypatch):
    monkeypatch.chdir(ROOT)
    rel = str(draft.relative_to(ROOT))
    result = lint_path(rel, builtin_rules())
    _compare(f"{draft.parent.name}-{draft.name}.check.json", render_json([FileResult(rel, result.text, result.findings)]) + "\n")


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parse_output_is_as_recorded(draft, monkeypatch):
    monkeypatch.chdir(ROOT)
    rel = str(draft.relative_to(ROOT))
    doc = lint_path(rel, ()).document
    _compare(f"{draft.parent.name}-{draft.name}.parse.json", json.dumps(document_json(doc), ensure_ascii=False, indent=2) + "\n")
