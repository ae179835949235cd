"""Name and locate the English side of a parity finding: `en.txt:45` in the message, a Counterpart in JSON."""

from __future__ import annotations

import dataclasses
import os

from linter.analyses.memo import per_document
from linter.findings import Counterpart, Finding
from linter.read.document import Document, Paragraph, Part
from linter.read.offsets import LineIndex


@per_document
def _lines(doc: Document) -> LineIndex:
    return LineIndex(doc.source.text)


def english_span(en: Document, part: Part, i: int = 0, j: int | None = None) -> tuple[int, int]:
    """Original span of part.text[i:j] in the English file."""
    return part.locate(en, i, len(part.text) if j is None else j)


def reference(en: Document, part: Part, i: int = 0) -> str:
    """file:line of part.text[i] in the English original: en.txt:45."""
    start, _ = english_span(en, part, i, i + 1 if part.text else i)
    line, _ = _lines(en).line_col(start)
    return f"{os.path.basename(en.source.path)}:{line}"


def excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def with_english(finding: Finding, en: Document, where: str, part: Part, i: int = 0, j: int | None = None) -> Finding:
    """The finding with the English span it is compared with attached."""
    start, end = english_span(en, part, i, j)
    return dataclasses.replace(finding, counterpart=Counterpart(en.source.path, where, start, end))


def anchor(zh: Document, part: Part) -> tuple[int, int]:
    """Original span a finding about a whole Chinese paragraph or sub-item stands on: the paragraph's number or
    the sub-item's label, else the first character of its text."""
    if isinstance(part, Paragraph) and part.label_start >= 0:
        return part.label_start, part.label_end
    label = getattr(part, "label", "")
    if label:
        at = zh.text.rfind(label, max(0, part.offset - len(label) - 3), part.offset)
        if at >= 0:
            return zh.span(at, at + len(label))
    return zh.span(part.offset, part.offset + min(1, len(part.text)))
