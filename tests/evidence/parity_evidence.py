"""Number parity on real aligned pairs: false alarms on unaltered lines, and numbers changed in the Chinese caught.

Reads the unpc-dev development set (4,000 aligned zh/en lines of 2015 UN documents), keeps the lines of
resolutions and L documents (drafts), and runs linter.parity.number_parity on each English/Chinese pair:

- false alarms: every gap on an unaltered pair is a finding; each has a verdict in
  tests/evidence/parity_adjudicated.yaml (`defect`: the published Chinese really lost or changed the number;
  `false-alarm`: resolint is wrong). The rate is false alarms per 10,000 Chinese characters.
- recall: in a copy of each line, one Chinese number that the English also holds (digits, or the Chinese numerals
  of 第…届/次) is changed (its last digit +1); the pair must then give a gap it did not give before.

And every parity rule on the real drafts of real_paragraphs.py with their English (the same lines' English under
the English organ line): each finding has a verdict too.

Run:  python tests/evidence/parity_evidence.py   (prints the gaps, the rate, the recall and the findings)
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from opener_evidence import CORPUS, RESOLUTION_KINDS, Row, read_rows  # noqa: E402

from linter.analyses.numerals import chinese_to_int, int_to_chinese  # noqa: E402
from linter.parity.number_parity import Gap, number_gaps  # noqa: E402

_DIGITS = re.compile(r"\d+")
_CN_ORDINAL = re.compile(r"(?<=第)[一二三四五六七八九十百]{1,6}(?=[届次])")


@dataclass(frozen=True)
class Mutation:
    row: Row
    zh: str  # the Chinese with one number changed
    before: str
    after: str


def pairs(path: Path = CORPUS) -> list[Row]:
    """The lines of resolutions and drafts (L documents)."""
    return [row for row in read_rows(path) if row.kind in RESOLUTION_KINDS]


# A line's paragraph number or sub-item label: the Document keeps it apart from the text (structure parity
# compares numbers and labels), so number parity never sees it.
_LABEL = re.compile(r"^\s*(?:\d{1,3}\s*[.．]|[(（][a-z一二三四五六七八九十ivx]{1,4}[)）]|[A-Z]\.)\s*")


def text_of(line: str) -> str:
    return _LABEL.sub("", line, count=1)


def gaps_of(row: Row) -> list[Gap]:
    return number_gaps(text_of(row.en), text_of(row.zh))


def mutate(row: Row) -> Mutation | None:
    """The line with one number the English also holds changed, or None when it holds none."""
    en_digits = set(_DIGITS.findall(text_of(row.en)))
    zh = text_of(row.zh)
    choices: list[tuple[int, int, str]] = []
    for m in _DIGITS.finditer(zh):
        if m.group(0) in en_digits:
            last = str((int(m.group(0)[-1]) + 1) % 10)
            choices.append((m.start(), m.end(), m.group(0)[:-1] + last))
    for m in _CN_ORDINAL.finditer(zh):
        value = chinese_to_int(m.group(0))
        if value and value < 999:
            choices.append((m.start(), m.end(), int_to_chinese(value + 1)))
    if not choices:
        return None
    start, end, new = random.Random(row.line).choice(choices)
    return Mutation(row, zh[:start] + new + zh[end:], zh[start:end], new)


def recall(rows: list[Row]) -> tuple[int, int, list[Mutation]]:
    caught = total = 0
    missed = []
    for row in rows:
        mutation = mutate(row)
        if mutation is None:
            continue
        total += 1
        if len(number_gaps(text_of(row.en), mutation.zh)) > len(gaps_of(row)):
            caught += 1
        else:
            missed.append(mutation)
    return caught, total, missed


# --- every parity rule on real drafts in both languages -----------------------------------------------------------

EN_ORGAN_LINES = {"GA": "The General Assembly,", "SC": "The Security Council,", "ECOSOC": "The Economic and Social Council,",
                  "SPLOS": "The Meeting of States Parties,"}


def draft_pairs() -> list[tuple[object, str]]:
    """The real drafts of tests/evidence/real_paragraphs.py (runs of consecutive resolution paragraphs of one
    source, under its organ line), each with its English: the same lines' English under the English organ line."""
    from real_paragraphs import drafts

    out = []
    for draft in drafts():
        organ = EN_ORGAN_LINES.get(draft.organ, "The General Assembly,")
        out.append((draft, organ + "\n\n" + "".join(p.row.en.strip() + "\n\n" for p in draft.paragraphs)))
    return out


def pipeline_findings(rules) -> list[tuple[object, object]]:
    """(draft, finding) of every parity rule, `resolint parity` of each real draft against its English."""
    from linter.lint import parity
    from linter.read.sources import Source

    found = []
    for draft, english in draft_pairs():
        result = parity(Source(f"{draft.symbol}.zh.txt", draft.text, "text", "utf-8"),
                        Source(f"{draft.symbol}.en.txt", english, "text", "utf-8"), rules)
        found.extend((draft, f) for f in result.findings)
    return found


def main() -> int:
    rows = pairs()
    chars = sum(len(r.zh) for r in rows)
    found = [(r, g) for r in rows for g in gaps_of(r)]
    for row, gap in found:
        print(f"{row.line}\t{row.symbol}\t{gap.fact.kind}\t{gap.fact.text!r}\texpected {gap.expected}\tfound {gap.found_text!r}")
    print(f"# {len(found)} gaps on {len(rows)} lines, {chars} Chinese characters: {len(found) / chars * 10000:.2f} per 10,000")
    caught, total, missed = recall(rows)
    for m in missed:
        print(f"missed\t{m.row.line}\t{m.before} -> {m.after}\t{m.row.en[:80]!r}")
    print(f"# recall: {caught} of {total} changed lines caught ({caught / max(total, 1):.3f})")
    from linter.engine.loader import load_rules

    found = pipeline_findings(load_rules())
    chars = sum(p.end - p.start for d, _ in draft_pairs() for p in d.paragraphs)
    for draft, f in found:
        p = draft.paragraph_at(f.start)
        print(f"{p.row.line if p else '-'}\t{draft.symbol}\t{f.rule}\t{draft.text[f.start:f.end]!r}\t{f.message}")
    print(f"# every parity rule on {len(draft_pairs())} real drafts ({chars} Chinese characters): {len(found)} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
