"""Treaties named in an English paragraph, by the registry's English titles and short titles."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linter.datafile import read_yaml
from linter.registries.treaties import REGISTRY_FILE, Registry, Treaty


@dataclass(frozen=True)
class EnglishMention:
    start: int
    end: int
    text: str
    treaty: Treaty


@functools.lru_cache(maxsize=1)
def _short_titles() -> dict[str, tuple[str, ...]]:
    """English short titles by treaty id (the built-in registry's short_title_en and short_titles_en)."""
    data = read_yaml(REGISTRY_FILE, "treaty registry") or {}
    out = {}
    for entry in data.get("treaties", ()):
        names = [entry["short_title_en"]] if entry.get("short_title_en") else []
        names += list(entry.get("short_titles_en") or ())
        out[entry["id"]] = tuple(names)
    return out


@functools.lru_cache(maxsize=8)
def _finder(registry: Registry) -> tuple[re.Pattern, dict[str, Treaty]]:
    by_name: dict[str, Treaty] = {}
    shorts = _short_titles()
    for treaty in registry.treaties:
        for name in (treaty.title_en, *shorts.get(treaty.id, ())):
            name = " ".join(name.split())
            if len(name) >= 4 and name not in by_name:
                by_name[name] = treaty
    names = sorted(by_name, key=len, reverse=True)
    pattern = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), by_name


def english_mentions(text: str, registry: Registry) -> list[EnglishMention]:
    """Every registry treaty named by its English title or a short title in `text`, longest name first."""
    if not registry.treaties:
        return []
    pattern, by_name = _finder(registry)
    return [EnglishMention(m.start(), m.end(), m.group(0), by_name[" ".join(m.group(0).split())])
            for m in pattern.finditer(text)]


def same_family(a: Treaty, b: Treaty) -> bool:
    """A treaty and its protocols count as one name here: a title cut short names the parent instead."""
    return a.id == b.id or a.parent == b.id or b.parent == a.id or (a.parent is not None and a.parent == b.parent)
