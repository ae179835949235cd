"""Whether an English opener and a Chinese one say the same thing, by the two opener lexicons.

Compatible when the Chinese verb's English (verbs.zh.yaml `en`: "Recalling / Recalls")
has the English opener's stem, or when the English entry's Chinese openers counted in
unpc-dev (verbs.en.yaml `zh`) hold the Chinese verb. Unknown on either side: no verdict.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linter.read.english_shapes import lexicon_opener
from linter.registries.lexicon import EnglishOpener, OpenerMatch, match_opener, verbs

_NOISE = {"also", "further", "its", "their", "in", "particular", "with", "of", "the", "again", "once"}
_SUFFIXES = ("ing", "ies", "es", "ed", "s", "e")


@dataclass(frozen=True)
class OpenerPair:
    en: EnglishOpener | None
    en_end: int  # where the English opener ends in its text
    zh: OpenerMatch | None

    def compatible(self) -> bool | None:
        """True or False when both openers are known, else None."""
        if self.en is None or self.zh is None:
            return None
        return compatible(self.en, self.zh)


def opener_pair(en_text: str, zh_text: str) -> OpenerPair:
    found = lexicon_opener(en_text)
    return OpenerPair(found[0] if found else None, found[1] if found else 0, match_opener(zh_text))


def compatible(en: EnglishOpener, zh: OpenerMatch) -> bool:
    verb = zh.verb
    if verb.zh in en.zh or verb.base in en.zh or any(_base_of(form) == verb.base for form in en.zh):
        return True
    base_entry = verbs().get(verb.base)
    glosses = {verb.en, base_entry.en if base_entry else ""}
    stems = set().union(*(_stems(g) for g in glosses if g))
    return _stem(en.base) in stems


@functools.lru_cache(maxsize=512)
def _base_of(form: str) -> str:
    entry = verbs().get(form)
    return entry.base if entry else form


@functools.lru_cache(maxsize=1024)
def _stems(gloss: str) -> frozenset[str]:
    """Stems of every English gloss in a Chinese entry's `en`: "Recalling / Recalls" → {recall}."""
    return frozenset(_stem(part) for part in re.split(r"[/,;]| or ", gloss) if part.strip())


@functools.lru_cache(maxsize=1024)
def _stem(phrase: str) -> str:
    """A crude stem of an opener phrase: Recalling, Recalls → recall; Takes note of → tak not."""
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _NOISE]
    out = []
    for word in words:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
        out.append(word)
    return " ".join(out)
