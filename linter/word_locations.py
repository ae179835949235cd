"""Where a finding in a .docx is in Word's terms: the Word paragraph, the resolution's paragraph, the footnote.

A .docx is read as one line per non-empty Word paragraph, so the line and
column `check` reports are not something a Word user can go to; this gives
them what they can count in Word instead.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from linter.findings import Finding, WordLocation
from linter.read.offsets import LineIndex
from linter.read.structure import Document

_NOTE_LINE = re.compile(r"\[\^(\d{1,3})\]:")


def locate_in_word(doc: Document, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """`findings` each with its WordLocation; unchanged when the draft is not a .docx."""
    source = doc.source
    if source.format != "docx" or not source.word_paragraphs:
        return findings
    index = LineIndex(source.text)
    lines = source.text.split("\n")
    # Each paragraph from its number ("3.") to its end; a finding at the very end (a missing "。") is still in it.
    spans = sorted(
        (min(p.start, p.label_start) if p.label_start >= 0 else p.start, p.end, i, p)
        for i, p in enumerate(doc.paragraphs)
    )
    starts = [s[0] for s in spans]
    preamble = {id(p): k for k, p in enumerate(doc.preambular, 1)}
    out = []
    for f in findings:
        line, _ = index.line_col(f.start)
        word = source.word_paragraphs[line - 1] if line - 1 < len(source.word_paragraphs) else 0
        location = WordLocation(paragraph=word or None)
        if not word:
            note = _NOTE_LINE.match(lines[line - 1]) if line - 1 < len(lines) else None
            location = WordLocation(footnote=int(note.group(1))) if note else WordLocation()
        else:
            k = bisect_right(starts, f.start) - 1
            if k >= 0 and f.start <= spans[k][1]:
                p = spans[k][3]
                if id(p) in preamble:
                    location = dataclasses.replace(location, preambular=preamble[id(p)])
                else:
                    location = dataclasses.replace(location, operative=p.number)
        out.append(dataclasses.replace(f, location=location) if location.as_dict() else f)
    return tuple(out)
