"""Where a finding sits in a .docx: from offsets in resolint's docx text back to Word runs.

The docx text (`linter/read/docx_reader.py`) has one line per non-empty body paragraph (a list
label, a space, the paragraph's text stripped), footnote references as `[^n]`, then `---` and
one `[^n]: body` line per footnote. Here the same walk over the body records which run each
character came from, and each paragraph is matched to its line by its text, so a reader change
that adds or drops a line loses the precise anchor of that paragraph only, not of the rest.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

_T, _R, _P = qn("w:t"), qn("w:r"), qn("w:p")
_SPACE = {qn("w:tab"), qn("w:br"), qn("w:cr")}
_NOTE_LINE = re.compile(r"\[\^(\d+)\]: ")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class RunSpan:
    """A run's characters in the docx text: [start, end). `splittable`: the run is one w:t, so it can be cut."""

    run: object  # lxml element w:r
    start: int
    end: int
    splittable: bool


@dataclass
class DocxMap:
    spans: list[RunSpan] = field(default_factory=list)  # in document order
    lines: list[tuple[int, int, list[RunSpan]]] = field(default_factory=list)  # each body line and its runs
    note_refs: dict[int, RunSpan] = field(default_factory=dict)  # footnote number → its reference run
    notes_start: int = -1  # where the footnote lines begin (-1: none)
    note_lines: list[tuple[int, int]] = field(default_factory=list)  # (offset of the line, footnote number)


def _paragraph_pieces(p, order: dict[str, int]) -> list[tuple[object, str, bool]]:
    """(run, its text in the docx text, splittable) in reading order, as docx_reader reads the paragraph."""
    pieces = []
    for run in p.iter(_R):
        if any(a.tag == qn("w:del") for a in run.iterancestors()):
            continue
        if any(a.tag == _P and a is not p for a in run.iterancestors()):
            continue
        out, kinds = [], []
        for child in run:
            tag = child.tag
            if tag == _T:
                out.append(child.text or "")
                kinds.append("t")
            elif tag in _SPACE:
                out.append(" ")
                kinds.append("x")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
                kinds.append("x")
            elif tag == qn("w:footnoteReference"):
                if child.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
                    continue
                note_id = child.get(qn("w:id"))
                order.setdefault(note_id, len(order) + 1)
                out.append(f"[^{order[note_id]}]")
                kinds.append("ref")
        text = "".join(out)
        if text:
            pieces.append((run, text, kinds == ["t"]))
    return pieces


def _paragraphs(body):
    for el in body.iter(_P):
        if el.getparent() is not None and el.getparent().tag == qn("w:txbxContent"):
            continue
        yield el


def map_docx(body, text: str) -> DocxMap:
    """The runs behind `text` (the docx text of the document whose body element is `body`)."""
    m = DocxMap()
    # The footnotes follow the last "---" line, every line after it a "[^n]: " (a body paragraph may be "---" too).
    notes_at = text.rfind("\n---\n")
    tail = text[notes_at + 5:].rstrip("\n").split("\n") if notes_at >= 0 else []
    if notes_at >= 0 and all(_NOTE_LINE.match(line) for line in tail):
        m.notes_start = notes_at + 1
        pos = notes_at + 5
        for line in tail:
            m.note_lines.append((pos, int(_NOTE_LINE.match(line).group(1))))
            pos += len(line) + 1
    else:
        notes_at = -1
    body_text = text[:notes_at] if notes_at >= 0 else text.rstrip("\n")
    lines, pos = [], 0
    for line in body_text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    order: dict[str, int] = {}
    cursor = 0
    for p in _paragraphs(body):
        pieces = _paragraph_pieces(p, order)
        raw = "".join(t for _, t, _ in pieces)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        found = next((k for k in range(cursor, min(cursor + 20, len(lines))) if lines[k][1].endswith(stripped)), None)
        if found is None:
            continue  # the reader wrote this paragraph otherwise; its findings fall back to the nearest line
        cursor = found + 1
        line_start, line = lines[found]
        base = line_start + len(line) - len(stripped) - lead  # docx-text offset of raw[0]
        spans, at = [], 0
        for run, piece, splittable in pieces:
            span = RunSpan(run, base + at, base + at + len(piece), splittable)
            spans.append(span)
            if piece.startswith("[^") and not splittable:
                number = int(piece[2:-1])
                m.note_refs.setdefault(number, span)
            at += len(piece)
        m.spans.extend(spans)
        m.lines.append((line_start, line_start + len(line), spans))
    return m


def runs_for(m: DocxMap, start: int, end: int) -> tuple[list[RunSpan], str]:
    """The runs a finding at [start, end) concerns, and where it is when that is not in them ('' when it is)."""
    if m.notes_start >= 0 and start >= m.notes_start:
        number = next((n for at, n in reversed(m.note_lines) if at <= start), None)
        ref = m.note_refs.get(number) if number is not None else None
        if ref is not None:
            return [ref], f"in footnote {number}"
        return _line_runs(m, start), f"in footnote {number}" if number else "in the footnotes"
    if end <= start:
        end = start + 1
    hit = [s for s in m.spans if s.start < end and start < s.end]
    if hit:
        return hit, ""
    return _line_runs(m, start), "at the paragraph's number or spacing"


def _line_runs(m: DocxMap, offset: int) -> list[RunSpan]:
    """All runs of the paragraph at `offset`, or of the last paragraph before it."""
    best: list[RunSpan] = []
    for line_start, _, spans in m.lines:
        if line_start <= offset:
            best = spans
    return best or (m.lines[0][2] if m.lines else [])


def split_runs(m: DocxMap, cuts: list[int]) -> None:
    """Cut splittable runs at these docx-text offsets, so a comment can cover exactly its characters."""
    points = sorted(set(cuts))
    new_spans: list[RunSpan] = []
    replaced: dict[int, list[RunSpan]] = {}
    for span in m.spans:
        inside = [c for c in points if span.start < c < span.end] if span.splittable else []
        if not inside:
            new_spans.append(span)
            continue
        t = span.run.find(_T)
        text = t.text or ""
        bounds = [span.start, *inside, span.end]
        pieces = []
        for a, b in zip(bounds, bounds[1:]):
            r = copy.deepcopy(span.run)
            rt = r.find(_T)
            rt.text = text[a - span.start:b - span.start]
            rt.set(XML_SPACE, "preserve")
            span.run.addprevious(r)
            pieces.append(RunSpan(r, a, b, True))
        span.run.getparent().remove(span.run)
        replaced[id(span)] = pieces
        new_spans.extend(pieces)
    m.spans = new_spans
    m.lines = [(a, b, [p for s in spans for p in replaced.get(id(s), [s])]) for a, b, spans in m.lines]
