"""What a big draft costs in memory: no Document outlives the check that needed it (a 50 MB draft's Document is
several times the file), and the readers keep lines compactly."""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest

from linter.lint import lint
from linter.read.sources import read_path

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.*"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_document_is_freed_with_its_result(seed, all_rules):
    result = lint(read_path(str(seed)), all_rules)
    document = weakref.ref(result.document)
    del result
    # Freed at once (reference counting), not at the next garbage collection: no module keeps it, nothing cycles.
    assert document() is None
