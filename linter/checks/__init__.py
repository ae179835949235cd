"""Checkers: one function per rule kind, each turning a Document and a Rule into findings.

Each module here declares `KINDS = {"kind-name": checker}`; they are
collected on first use. A kind with options (or message templates) has its
schema in rules/schema/kinds/<kind-name>.schema.json, so adding a checker means
adding a module and, if it takes options, that schema file.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import Path


@functools.lru_cache(maxsize=1)
def _modules() -> tuple:
    return tuple(importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__))


def checker_files() -> list[Path]:
    """The checkers' source files: what kinds exist and what they accept is in them (read, not imported)."""
    return sorted(Path(__path__[0]).glob("*.py"))


@functools.lru_cache(maxsize=1)
def checkers() -> dict:
    found: dict = {}
    for module in _modules():
        for kind, checker in getattr(module, "KINDS", {}).items():
            if kind in found:
                raise RuntimeError(f"rule kind {kind!r} is declared twice ({module.__name__})")
            found[kind] = checker
    return found

