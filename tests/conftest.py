"""Shared test helpers: seed paths, the rules (loaded once per session) and a one-call lint of a string."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

import pytest

# Tests never write into the user's segmentation cache.
os.environ.setdefault("RESOLINT_CACHE_DIR", tempfile.mkdtemp(prefix="resolint-test-cache-"))

from linter.engine.loader import load_rules, select_rules
from linter.lint import lint, parity
from linter.read.sources import Source, detect_format
from linter.registries.treaties import use_registry_files

SEEDS = Path(__file__).parent / "seeds"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))


@functools.lru_cache(maxsize=1)
def builtin_rules() -> tuple:
    """The built-in rules, loaded and validated once per test session."""
    return tuple(load_rules())


def rules_for(select: list[str] | None, ignore: list[str] | None = None) -> list:
    return select_rules(list(builtin_rules()), select, ignore)


@pytest.fixture(scope="session")
def all_rules():
    return list(builtin_rules())


def source_from(text: str, fmt: str | None = None, path: str = "<test>.txt") -> Source:
    return Source(path, text, fmt or detect_format(text, path), "utf-8")


def lint_text(text: str, rule_ids: list[str], fmt: str | None = None):
    result = lint(source_from(text, fmt), rules_for(rule_ids))
    return result.document, list(result.findings)


def parity_text(zh: str, en: str, rule_ids: list[str], fmt: str | None = None):
    """The parity findings of a Chinese text against an English original, both given as strings."""
    result = parity(source_from(zh, fmt), source_from(en, path="<english>.txt"), rules_for(rule_ids))
    return result.document, list(result.findings)


@pytest.fixture(autouse=True)
def _builtin_treaty_registry():
    """A test that configures user treaty registries must not leak them into the next test."""
    yield
    use_registry_files(())
