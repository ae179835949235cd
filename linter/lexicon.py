"""The opening-verb lexicon (rules/data/verbs.zh.yaml), loaded once, for code that must recognise openers."""

from __future__ import annotations

import functools
import re

import yaml

from rules import DATA_DIR

VERBS_FILE = DATA_DIR / "verbs.zh.yaml"


@functools.lru_cache(maxsize=1)
def verb_entries() -> tuple[dict, ...]:
    with open(VERBS_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return tuple(data["verbs"])


@functools.lru_cache(maxsize=1)
def _opener_pattern() -> re.Pattern:
    forms = sorted({entry["zh"] for entry in verb_entries()}, key=len, reverse=True)
    return re.compile("(?:在这方面，?)?(?:" + "|".join(map(re.escape, forms)) + ")")


def starts_with_opener(text: str) -> bool:
    """Whether `text` begins with a known opening verb (prefixes such as 又/还 included)."""
    return bool(_opener_pattern().match(text))
