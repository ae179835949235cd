"""The `ordinal-numerals` kind: session or meeting numbers in the wrong script (第66届会议, 第七十次全体会议)."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.numerals import int_to_chinese
from linter.analyses.sessions import Ordinal, find_meetings, find_sessions
from linter.analyses.spacing import majority_spaced
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document

_FINDERS = {"session": (find_sessions, "届"), "meeting": (find_meetings, "次")}


def check_ordinal_numerals(doc: Document, rule: Rule) -> Iterator[Finding]:
    opts = rule.options
    find, counter = _FINDERS[opts["ordinal"]]
    want = opts["numerals"]
    words = opts.get("words")
    spaced = None
    for part in doc.body_parts():
        for ordinal in find(part.text):
            if ordinal.numerals == want or ordinal.value is None or not 1 <= ordinal.value <= 999:
                continue
            if words is not None and ordinal.what not in words:
                continue
            if want == "arabic" and spaced is None:
                # Arabic numerals follow the document's own digit spacing (第 70 次 or 第70次).
                spaced = bool(majority_spaced(doc))
            right = _written(ordinal, want, counter, spaced)
            yield rule.finding(doc, part.offset + ordinal.start, part.offset + ordinal.end,
                               replacement=right, found=part.text[ordinal.start:ordinal.end], right=right)


def _written(ordinal: Ordinal, numerals: str, counter: str, spaced: bool | None) -> str:
    if numerals == "chinese":
        return f"第{int_to_chinese(ordinal.value)}{counter}"
    gap = " " if spaced else ""
    return f"第{gap}{ordinal.value}{gap}{counter}"


KINDS = {"ordinal-numerals": check_ordinal_numerals}
