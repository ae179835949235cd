"""Run rules over a Document: each rule's kind names the checker that runs it."""

from __future__ import annotations

from linter.checks import checkers
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document


def run(doc: Document, rules: list[Rule]) -> list[Finding]:
    kinds = checkers()
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(kinds[rule.kind](doc, rule))
    return sorted(findings, key=Finding.sort_key)
