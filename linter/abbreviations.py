"""The abbreviation registry (rules/data/abbreviations.zh.yaml): short names of bodies and the full names that introduce them."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import jsonschema
import yaml

from linter.errors import InputError
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
    with open(ABBREVIATIONS_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise InputError(str(ABBREVIATIONS_FILE), f"field '{where}': {error.message}")
    return tuple(
        Abbreviation(e["short"], tuple(e["full"]), tuple(e.get("contained_in", ())), e["en"], e["source"])
        for e in data["abbreviations"]
    )
