"""Every treaty footnote of the five seeds parses and resolves to the registry entries it cites."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from linter.analyses.citation_index import citation_index
from linter.read.sources import read_path
from linter.read.structure import parse

UNTOC_FAMILY = ["untoc", "untoc-trafficking-protocol", "untoc-smuggling-protocol", "untoc-firearms-protocol"]
EXPECTED = {
    "a-66-draft-illicit-financial-flows.pdf.txt": {1: ["untoc"], 3: ["uncac"], 4: ["drug-trafficking-convention-1988"]},
    "ctoc-cop-6-1.md": {1: UNTOC_FAMILY, 3: ["untoc"], 4: UNTOC_FAMILY[1:], 6: ["untoc-trafficking-protocol"]},
    "ecosoc-2012-19.pdf.txt": {1: UNTOC_FAMILY, 2: ["uncac"], 7: ["untoc"], 8: ["untoc-trafficking-protocol"]},
    "ecosoc-2013-38.pdf.txt": {2: UNTOC_FAMILY, 5: ["untoc"]},
    "ga-68-193.pdf.txt": {
        1: UNTOC_FAMILY, 2: ["single-convention-1961-amended"], 3: ["psychotropic-convention-1971"],
        4: ["drug-trafficking-convention-1988"], 5: ["uncac"], 11: ["untoc-trafficking-protocol"],
        13: ["crc", "crc-opsc", "crc-opac"],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_treaty_footnotes_resolve(name):
    doc = parse(read_path(str(SEEDS / name)))
    index = citation_index(doc)
    found = {}
    for note in index.notes:
        unts = note.unts()
        if unts is None:
            continue
        volumes = set(note.cited_volumes())
        numbers = {f.value for f in unts.numbers}
        found[note.footnote.number] = [
            t.id for t in index.registry.treaties if volumes & set(t.volumes) and numbers & set(t.numbers)
        ]
    assert found == EXPECTED[name]
    # Every footnote body parses into citations, except E/RES/2013/38 fn 1, a definition in prose.
    prose = [n.footnote.number for n in index.notes if n.parsed is None]
    assert prose == ([1] if name == "ecosoc-2013-38.pdf.txt" else [])
