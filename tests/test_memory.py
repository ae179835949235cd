"""What a big draft costs in memory: no Document outlives the check that needed it (a 50 MB draft's Document is
several times the file), and the readers keep lines compactly."""

from __future__ import annotations

import platform
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


def test_before_a_big_file_is_read_the_mmap_threshold_is_fixed(tmp_path, monkeypatch):
    """glibc would raise its mmap threshold once the file's bytes are freed, and a big draft's blocks would then
    fragment the heap (fix of 10 MB: 104 MB peak instead of 94)."""
    from linter.commands import memory_policy

    monkeypatch.setattr(memory_policy, "_set", False)
    small = tmp_path / "small.txt"
    small.write_text("大会，\n", encoding="utf-8")
    assert not memory_policy.before_reading(str(small))
    assert not memory_policy.before_reading(str(tmp_path / "missing.txt"))  # the reader reports it, not this
    assert not memory_policy.before_reading("-")
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(memory_policy.BIG_FILE)
    assert memory_policy.before_reading(str(big)) == (platform.libc_ver()[0] == "glibc")
