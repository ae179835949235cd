"""Every rule's fixture file (tests/rules/<ID>.yaml), run by one parametrized test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import lint_text

from linter.engine.loader import load_rules
from linter.findings import apply_fixes
from linter.read.offsets import LineIndex

FIXTURES = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{name}")


def test_every_rule_has_a_fixture_file():
    ids = {rule.id for rule in load_rules()}
    have = {p.stem for p in FIXTURES.glob("*.yaml")}
    assert ids - have == set(), "rules without tests/rules/<ID>.yaml"
    assert have - ids == set(), "fixture files for rules that do not exist"


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case):
    text = case.get("fail", case.get("pass"))
    assert text is not None, "a case needs pass: or fail:"
    doc, findings = lint_text(text, [rule_id], case.get("format"))
    findings = [f for f in findings if f.rule == rule_id]
    if "pass" in case:
        assert findings == [], [(f.message, text[f.start:f.end]) for f in findings]
        return
    index = LineIndex(text)
    got = [{"line": index.line_col(f.start)[0], "column": index.line_col(f.start)[1], "text": text[f.start:f.end]} for f in findings]
    expected = [{k: e[k] for k in ("line", "column", "text") if k in e} for e in case["expect"]]
    got_cmp = [{k: g[k] for k in e} for g, e in zip(got, expected)]
    assert len(got) == len(expected) and got_cmp == expected, got
    for f, e in zip(findings, case["expect"]):
        if "severity" in e:
            assert f.severity == e["severity"]
        if "message" in e:
            assert e["message"] in f.message, f.message
    if "fix" in case:
        fixed, _ = apply_fixes(text, findings, unsafe=case.get("unsafe", False))
        assert fixed == case["fix"]
