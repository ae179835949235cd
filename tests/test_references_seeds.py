"""Reference and typography rules on the five seed resolutions: the known defects are found, the rest reviewed by hand."""

from __future__ import annotations

import pytest
from conftest import SEEDS, rules_for

from linter.checks.paragraph_refs import find_references
from linter.lint import lint_path
from linter.read.offsets import LineIndex

# My rules: RR4xx and RP510 onwards (RP501-RP503 have their own owner and tests).
MINE = ["RR4", "RP51"]

# Every finding these rules make on the seeds, each checked by hand against
# CONVENTIONS.md: (rule, line, text of the span).
REVIEWED = {
    "ga-68-193.pdf.txt": [
        ("RR401", 386, "14"),  # op 1 marker 14, bodies run 1-13 (CONVENTIONS §7)
        ("RR422", 425, "《打击跨国有组织犯罪公约》"),  # op 5, clipped title (CONVENTIONS §7)
    ],
    "ctoc-cop-6-1.md": [
        ("RR402", 35, "1"),  # body 1 has no <sup>1</sup> (CONVENTIONS §7)
    ],
    "ecosoc-2013-38.pdf.txt": [],
    "ecosoc-2012-19.pdf.txt": [],
    "a-66-draft-illicit-financial-flows.pdf.txt": [],
}


def _findings(name: str):
    result = lint_path(str(SEEDS / name), rules_for(MINE))
    return result.document, result.findings


def test_ga_68_193_marker_14_has_no_body():
    doc, findings = _findings("ga-68-193.pdf.txt")
    missing = [f for f in findings if f.rule == "RR401"]
    assert [doc.source.text[f.start : f.end] for f in missing] == ["14"]
    assert "14" in missing[0].message


def test_ctoc_cop_6_1_body_1_has_no_marker():
    doc, findings = _findings("ctoc-cop-6-1.md")
    orphans = [f for f in findings if f.rule == "RR402"]
    assert len(orphans) == 1
    line = doc.source.text[: orphans[0].start].rsplit("\n", 1)[-1]
    assert line == "<sup>" and doc.source.text[orphans[0].start : orphans[0].end] == "1"


def test_ga_68_193_operative_50_reference_to_49_lands():
    doc, findings = _findings("ga-68-193.pdf.txt")
    references = [r for r in find_references(doc) if r.place.number == 50]
    assert [(r.direction, [t.number for t in r.targets]) for r in references] == [("上文", [49])]
    start, end = references[0].part.locate(doc, references[0].start, references[0].end)
    assert doc.source.text[start:end] == "上文第 49 段"
    assert not [f for f in findings if f.rule in ("RR410", "RR411") and f.start < end and start < f.end]


def test_ga_68_193_operative_5_title_is_clipped_not_early():
    """The full title stands in pre 2, so the defect is the clipped form (RR422), not the order (RR420)."""
    doc, findings = _findings("ga-68-193.pdf.txt")
    op5 = next(p for p in doc.operative if p.number == 5)
    in_op5 = [f for f in findings if op5.start <= f.start < op5.end]
    assert [(f.rule, doc.source.text[f.start : f.end]) for f in in_op5] == [("RR422", "《打击跨国有组织犯罪公约》")]
    assert "《联合国打击跨国有组织犯罪公约》" in doc.preambular[1].text


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_every_finding_on_the_seeds_was_reviewed(name):
    doc, findings = _findings(name)
    index = LineIndex(doc.source.text)
    got = [(f.rule, index.line_col(f.start)[0], doc.source.text[f.start : f.end]) for f in findings]
    assert got == REVIEWED[name]
