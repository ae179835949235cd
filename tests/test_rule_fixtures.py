"""Every rule's fixture file (tests/rules/<ID>.yaml), run by one parametrized test.

Each case becomes a RuleCase; a key it does not know (a typo such as
`fixed:` for `fix:`) is an error, never a silently skipped check.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import builtin_rules, lint_text, parity_text

from linter.findings import apply_fixes
from linter.read.offsets import LineIndex

FIXTURES = Path(__file__).parent / "rules"
# Parity rules (resolint parity) lint a Chinese text against the English original a case gives under `english:`.
PARITY = re.compile(r"^RB\d{3}$")


@dataclass(frozen=True)
class Expected:
    """One finding a fail case expects: where it starts, and optionally what it covers and says."""

    line: int
    column: int
    text: str | None = None
    message: str | None = None  # a part of the message
    severity: str | None = None


@dataclass(frozen=True)
class RuleCase:
    rule: str
    name: str
    text: str
    passes: bool
    expect: tuple[Expected, ...] = ()
    format: str | None = None
    fix: str | None = None  # the text after applying the findings' fixes
    unsafe: bool = False  # apply unsafe fixes too
    english: str | None = None  # parity rules: the English original the Chinese text is checked against

    @classmethod
    def parse(cls, rule: str, name: str, case: dict) -> "RuleCase":
        if not isinstance(case, dict):
            raise ValueError(f"{rule}/{name}: a case is a mapping")
        known = {"pass", "fail", "expect", "format", "fix", "unsafe", "english"}
        unknown = set(case) - known
        if unknown:
            raise ValueError(f"{rule}/{name}: unknown key(s) {sorted(unknown)} (known: {sorted(known)})")
        if ("pass" in case) == ("fail" in case):
            raise ValueError(f"{rule}/{name}: a case has exactly one of pass: or fail:")
        passes = "pass" in case
        if passes and ("expect" in case or "fix" in case):
            raise ValueError(f"{rule}/{name}: a pass case expects nothing and fixes nothing")
        if not passes and not case.get("expect"):
            raise ValueError(f"{rule}/{name}: a fail case names the findings it expects (expect:)")
        if PARITY.match(rule) and not isinstance(case.get("english"), str):
            raise ValueError(f"{rule}/{name}: a parity rule's case gives the English original (english:)")
        if "english" in case and not PARITY.match(rule):
            raise ValueError(f"{rule}/{name}: only parity rules (RB…) compare with an English original")
        expect = tuple(Expected(**e) for e in case.get("expect") or ())
        return cls(rule, name, case["pass"] if passes else case["fail"], passes, expect,
                   case.get("format"), case.get("fix"), bool(case.get("unsafe", False)), case.get("english"))


def _files() -> list[Path]:
    return sorted(FIXTURES.glob("*.yaml"))


def _cases():
    for path in _files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data["rule"], name, case, id=f"{data['rule']}-{name}")


def test_every_rule_has_a_fixture_file():
    ids = {rule.id for rule in builtin_rules()}
    have = {p.stem for p in _files()}
    assert ids - have == set(), "rules without tests/rules/<ID>.yaml"
    assert have - ids == set(), "fixture files for rules that do not exist"


def test_fixture_files_are_well_formed():
    for path in _files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) == {"rule", "cases"}, path
        assert data["rule"] == path.stem, path
        cases = [RuleCase.parse(data["rule"], name, case) for name, case in data["cases"].items()]
        assert any(c.passes for c in cases) and any(not c.passes for c in cases), f"{path}: needs pass and fail cases"


@pytest.mark.parametrize("case", [
    {"fail": "x", "expect": [{"line": 1, "column": 1}], "fixed": "y"},  # typo for fix
    {"pass": "x", "expect": [{"line": 1, "column": 1}]},
    {"fail": "x"},
    {"fail": "x", "pass": "y"},
    {"fail": "x", "expect": [{"line": 1, "column": 1, "txt": "x"}]},  # typo in an expectation
    {"pass": "x", "englsh": "y"},  # typo for english
    {"pass": "x", "english": "y"},  # not a parity rule
])
def test_a_malformed_case_is_an_error(case):
    with pytest.raises((ValueError, TypeError)):
        RuleCase.parse("RP501", "bad", case)


@pytest.mark.parametrize("case", [{"pass": "x"}, {"pass": "x", "english": None}])
def test_a_parity_case_gives_the_english(case):
    with pytest.raises(ValueError):
        RuleCase.parse("RB711", "bad", case)


@pytest.mark.parametrize("rule_id,name,raw", list(_cases()))
def test_rule_case(rule_id, name, raw):
    case = RuleCase.parse(rule_id, name, raw)
    text = case.text
    if case.english is not None:
        doc, findings = parity_text(text, case.english, [rule_id], case.format)
    else:
        doc, findings = lint_text(text, [rule_id], case.format)
    findings = [f for f in findings if f.rule == rule_id]
    if case.passes:
        assert findings == [], [(f.message, text[f.start:f.end]) for f in findings]
        return
    index = LineIndex(text)
    got = [{"line": index.line_col(f.start)[0], "column": index.line_col(f.start)[1], "text": text[f.start:f.end]}
           for f in findings]
    expected = [{k: v for k, v in dataclasses.asdict(e).items() if k in ("line", "column", "text") and v is not None}
                for e in case.expect]
    got_cmp = [{k: g[k] for k in e} for g, e in zip(got, expected)]
    assert len(got) == len(expected) and got_cmp == expected, got
    for f, e in zip(findings, case.expect):
        if e.severity is not None:
            assert f.severity == e.severity
        if e.message is not None:
            assert e.message in f.message, f.message
    if case.fix is not None:
        fixed, _ = apply_fixes(text, findings, unsafe=case.unsafe)
        assert fixed == case.fix
