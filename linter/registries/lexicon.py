"""The opening-verb lexicon (rules/data/verbs.zh.yaml): loaded once, validated, looked up by form."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linter.datafile import read_validated
from rules import DATA_DIR, SCHEMA_DIR

VERBS_FILE = DATA_DIR / "verbs.zh.yaml"
SEQUENCE_PREFIXES = ("又", "还")


@dataclass(frozen=True)
class Verb:
    zh: str
    base: str
    prefix: str  # none, 又, 还, 并, 再次, 特别
    part: str  # preambular, operative, both
    en: str


@functools.lru_cache(maxsize=1)
def verbs() -> dict[str, Verb]:
    """Every opener by its surface form."""
    data = read_validated(VERBS_FILE, SCHEMA_DIR / "verbs.schema.json", "the verb lexicon")
    return {e["zh"]: Verb(e["zh"], e["base"], e["prefix"], e["part"], e["en"]) for e in data["verbs"]}


def user_dictionary() -> list[str]:
    """Words the segmenter must keep whole: every opener, with and without its prefix."""
    return sorted(verbs())


@functools.lru_cache(maxsize=1)
def _opener_pattern() -> re.Pattern:
    forms = sorted(verbs(), key=len, reverse=True)
    return re.compile("(?:在这方面，?)?(?:" + "|".join(map(re.escape, forms)) + ")")


def starts_with_opener(text: str) -> bool:
    """Whether `text` begins with a known opening verb (prefixes such as 又/还 included)."""
    return bool(_opener_pattern().match(text))


def nearest(word: str, limit: int = 3) -> list[str]:
    """Known openers closest to `word` (shared characters, then length difference)."""
    def score(form: str) -> tuple:
        common = sum(min(word.count(ch), form.count(ch)) for ch in set(form))
        return (-common, abs(len(form) - len(word)), form)

    candidates = [form for form in verbs() if any(ch in form for ch in word)]
    return sorted(candidates, key=score)[:limit]
