"""Run rules over a Document: each rule's kind names the checker that runs it."""

from __future__ import annotations

from linter.checks import checkers
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document

# Kinds that judge the paragraphs of one resolution (openers, endings, numbering, the 又/还 sequence, references
# to its paragraphs). They run on the document and again on each resolution embedded in it (an ECOSOC text
# recommending a GA draft: Document.embedded), which has its own preamble, operative part and numbering. Every
# other kind runs once, on the document: its text (body_parts) already holds the embedded resolutions' text.
PER_RESOLUTION = frozenset({
    "paragraph-openers", "paragraph-endings", "numbering", "verb-sequence",
    "paragraph-reference-target", "paragraph-reference-direction",
})


def run(doc: Document, rules: list[Rule]) -> list[Finding]:
    kinds = checkers()
    findings: list[Finding] = []
    for rule in rules:
        for resolution in doc.resolutions() if rule.kind in PER_RESOLUTION else (doc,):
            findings.extend(kinds[rule.kind](resolution, rule))
    return sorted(findings, key=Finding.sort_key)
