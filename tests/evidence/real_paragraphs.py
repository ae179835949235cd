"""Real resolution paragraphs from the unpc-dev corpus, wrapped as small drafts for false-alarm tests.

A line counts when its English is plainly a resolution paragraph (opener_evidence.en_opener says
which part) and it comes from a resolution or L-document, or from another document that carries
a draft and ends with the mark of that part. Lines of one source with consecutive line numbers
form a run; each run becomes one draft: the organ line of its organ, then its paragraphs in
order. A run is cut where an operative paragraph is followed by a preambular one.

Run:  python tests/evidence/real_paragraphs.py   (prints every finding of the judged rules)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from opener_evidence import CORPUS, RESOLUTION_KINDS, Row, en_opener, read_rows  # noqa: E402

ORGAN_LINES = {"GA": "大会，", "SC": "安全理事会，", "ECOSOC": "经济及社会理事会，", "SPLOS": "缔约国会议，"}
_PART_MARKS = {"preambular": "，,", "operative": "；。：;.:"}


@dataclass(frozen=True)
class Paragraph:
    row: Row
    part: str
    start: int  # offset of the paragraph in its draft
    end: int


@dataclass(frozen=True)
class Draft:
    symbol: str
    organ: str
    text: str
    paragraphs: tuple[Paragraph, ...]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.start <= offset < p.end), None)


def paragraph_rows(path: Path = CORPUS) -> list[tuple[Row, str]]:
    """(row, part) of every line the English confirms as a resolution paragraph."""
    out = []
    for row in read_rows(path):
        en = en_opener(row.en)
        if en is None:
            continue
        if row.kind not in RESOLUTION_KINDS and row.zh.strip()[-1:] not in _PART_MARKS[en.part]:
            continue
        out.append((row, en.part))
    return out


def drafts(path: Path = CORPUS) -> list[Draft]:
    runs: list[list[tuple[Row, str]]] = []
    for row, part in paragraph_rows(path):
        prev = runs[-1][-1] if runs else None
        if (prev and prev[0].symbol == row.symbol and prev[0].line + 1 == row.line
                and not (prev[1] == "operative" and part == "preambular")):
            runs[-1].append((row, part))
        else:
            runs.append([(row, part)])
    out = []
    for run in runs:
        organ = ORGAN_LINES.get(run[0][0].organ, "大会，")
        text = organ + "\n\n"
        paragraphs = []
        for row, part in run:
            zh = row.zh.strip()
            paragraphs.append(Paragraph(row, part, len(text), len(text) + len(zh)))
            text += zh + "\n\n"
        out.append(Draft(run[0][0].symbol, run[0][0].organ, text, tuple(paragraphs)))
    return out


def main() -> int:
    from real_text_rules import JUDGED, judged  # noqa: E402

    from linter.engine.loader import load_rules, select_rules
    from linter.lint import lint
    from linter.read.sources import Source

    rules = select_rules(load_rules(), JUDGED, None)
    chars = 0
    total = 0
    for draft in drafts():
        chars += sum(p.end - p.start for p in draft.paragraphs)
        for f in judged(draft, lint(Source(f"{draft.symbol}.txt", draft.text, "text", "utf-8"), rules).findings):
            p = draft.paragraph_at(f.start)
            total += 1
            print(f"{p.row.line if p else '-'}\t{draft.symbol}\t{f.rule}\t{draft.text[f.start:f.end]!r}\t{f.message}")
    print(f"# {total} findings on {chars} characters: {total / chars * 10000:.2f} per 10,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
