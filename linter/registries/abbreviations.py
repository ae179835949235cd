"""The abbreviation registry (rules/data/abbreviations.zh.yaml): short names of bodies and the full names that introduce them."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from linter.datafile import read_validated
from rules import DATA_DIR, SCHEMA_DIR

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.zh.yaml"
SCHEMA_FILE = SCHEMA_DIR / "abbreviations.schema.json"


@dataclass(frozen=True)
class Abbreviation:
    short: str
    full: tuple[str, ...]
    contained_in: tuple[str, ...]
    en: str
    source: str


@functools.lru_cache(maxsize=1)
def abbreviations() -> tuple[Abbreviation, ...]:
    data = read_validated(ABBREVIATIONS_FILE, SCHEMA_FILE, "the abbreviation registry")
    return tuple(
        Abbreviation(e["short"], tuple(e["full"]), tuple(e.get("contained_in", ())), e["en"], e["source"])
        for e in data["abbreviations"]
    )
