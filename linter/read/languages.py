"""Which language a draft is written in, and the line and opener shapes `structure` reads it with.

A Chinese draft is read with line_shapes and the Chinese verb lexicon; an
English one (the original a Chinese text is translated from) with
english_shapes and the English opener lexicon. Both fill the same Document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from linter.read import english_shapes as en
from linter.read import line_shapes as zh
from linter.read.paragraph_shapes import opening_verb


@dataclass(frozen=True)
class Shapes:
    """The patterns `structure` recognises a language's lines by, and how it tells an opener's part."""

    language: str  # "zh" or "en"
    organ_line: re.Pattern
    embedded_organ: re.Pattern
    footer_date: re.Pattern
    meeting: re.Pattern
    annex_heading: re.Pattern
    date_line: re.Pattern
    symbol_title: re.Pattern
    symbol_heading: re.Pattern
    header_kinds: tuple[tuple[str, re.Pattern], ...]
    opening_part: Callable[[str], str | None]  # preambular, operative, both, or None (no known opener)
    max_organ_length: int  # an organ line is short; a longer line ending "，" is a paragraph


def _chinese_part(text: str) -> str | None:
    verb = opening_verb(text)
    return verb.part if verb is not None else None


CHINESE = Shapes("zh", zh.ORGAN_LINE, zh.EMBEDDED_ORGAN, zh.FOOTER_DATE, zh.MEETING, zh.ANNEX_HEADING, zh.DATE_LINE,
                 zh.SYMBOL_TITLE, zh.SYMBOL_HEADING, zh.HEADER_KINDS, _chinese_part, 45)
ENGLISH = Shapes("en", en.ORGAN_LINE, en.EMBEDDED_ORGAN, en.FOOTER_DATE, en.MEETING, en.ANNEX_HEADING, en.DATE_LINE,
                 en.SYMBOL_TITLE, en.SYMBOL_HEADING, en.HEADER_KINDS, en.opening_part, 160)

# Runs, not single characters: counting a run's length is the same count, with a match object a run, not a letter.
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """"en" for a text with (almost) no Chinese characters and many Latin letters, else "zh".

    Chinese drafts carry Latin letters too (document symbols, footnotes), but a Chinese character
    stands for about three English letters: a text is English only when Chinese characters are fewer
    than 1 in 50 of its letters."""
    sample = text[:20000]
    cjk = sum(map(len, _CJK.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    return "en" if latin >= 20 and cjk * 50 < latin else "zh"


def shapes_for(language: str) -> Shapes:
    return ENGLISH if language == "en" else CHINESE
