"""Shared test helpers: seed paths and a one-call lint of a string."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never write into the user's segmentation cache.
os.environ.setdefault("RESOLINT_CACHE_DIR", tempfile.mkdtemp(prefix="resolint-test-cache-"))

from linter.engine import load_rules, run, select_rules
from linter.sources import Source, detect_format
from linter.structure import parse

SEEDS = Path(__file__).parent / "seeds"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


def source_from(text: str, fmt: str | None = None, path: str = "<test>.txt") -> Source:
    return Source(path, text, fmt or detect_format(text, path), "utf-8")


def lint_text(text: str, rule_ids: list[str], fmt: str | None = None):
    rules = select_rules(load_rules(), rule_ids, None)
    doc = parse(source_from(text, fmt))
    return doc, run(doc, rules)


@pytest.fixture(autouse=True)
def _builtin_treaty_registry():
    """A test that configures user treaty registries must not leak them into the next test."""
    yield
    from linter.treaties import use_registry_files

    use_registry_files(())
