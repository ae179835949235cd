"""Short forms a resolution defines for itself: (下称“…”), a title's alias (《曼谷规则》), an abbreviation (国际刑警组织)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.analyses.memo import per_document
from linter.read.structure import Document

_EXPLICIT = re.compile(r"[(（](?:以下简称|下文简称|以下称|下文称|下称|简称)[:：]?\s?([“《][^“”《》()（）]{1,20}[”》])[)）]")
# (《曼谷规则》) right after a title or a quotation names it.
_ALIAS = re.compile(r"(?<=[》”])[(（]([“《][^“”《》()（）]{1,20}[”》])[)）]")
# 国际刑事警察组织(国际刑警组织): Chinese characters in brackets after a name.
_ACRONYM = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([\u4e00-\u9fff]{2,12})[)）]")
_CLAUSE_BREAK = re.compile(r"[，；。：、\n]")
_NAME_WINDOW = 40


@dataclass(frozen=True)
class Definition:
    """`short` as it is used afterwards (《公约》 with its marks, 统括工具 without quotes), at [start, end) of Document.text."""

    short: str
    start: int
    end: int
    is_title: bool


def body_end(doc: Document) -> int:
    """Where footnote bodies begin in Document.text: definitions and uses are read in the body only."""
    return min((note.offset for note in doc.footnotes), default=len(doc.text))


def _is_abbreviation_of(short: str, name: str) -> bool:
    """Whether `short` takes its characters from `name` in order without being a piece of it."""
    if short in name:
        return False  # 联合国人口基金(人口基金): the short form is the name's own tail
    chars = iter(name)
    return all(ch in chars for ch in short)


def _definitions(text: str, end: int) -> tuple[Definition, ...]:
    """Definitions in text[:end] (searched in place: a copy of a big draft's body would cost its size again)."""
    found: dict[int, Definition] = {}
    for pattern in (_EXPLICIT, _ALIAS):
        for m in pattern.finditer(text, 0, end):
            marked = m.group(1)
            is_title = marked.startswith("《")
            short = marked if is_title else marked[1:-1]
            found.setdefault(m.start(), Definition(short, m.start(1), m.end(1), is_title))
    for m in _ACRONYM.finditer(text, 0, end):
        before = text[max(0, m.start() - _NAME_WINDOW) : m.start()]
        name = _CLAUSE_BREAK.split(before)[-1]
        if _is_abbreviation_of(m.group(1), name):
            found.setdefault(m.start(), Definition(m.group(1), m.start(1), m.end(1), False))
    return tuple(sorted(found.values(), key=lambda d: d.start))


@per_document  # not keyed by the text: a cache holding the body of the last 32 drafts would hold megabytes
def definitions(doc: Document) -> tuple[Definition, ...]:
    """Definitions in the body, in reading order."""
    return _definitions(doc.text, body_end(doc))
