"""Findings and fixes: what a rule reports, in offsets of the original text."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")
CATEGORIES = ("verb", "citation", "date", "session", "reference", "punctuation", "structure", "parity")
# The one table of rule id letters: an id is R + its category's letter + three digits (RP501). Structure takes
# T (sTructure): S is taken by session, and N ("numbering") would name only the first structure rules; parity
# takes B (Bilingual: a Chinese text against its English original, resolint parity).
ID_LETTERS = {"V": "verb", "C": "citation", "D": "date", "S": "session", "R": "reference", "P": "punctuation",
              "T": "structure", "B": "parity"}
# A house rule (rules-dirs) numbers itself 900-999, which built-in rules never use: one added later cannot clash.
HOUSE_NUMBERS = range(900, 1000)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Edit:
    """Replace original[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True)
class WordLocation:
    """Where a finding in a .docx is, in terms a Word user can find: each part None where it does not apply."""

    paragraph: int | None = None  # the Word paragraph, counted from 1 over the body, empty ones included
    preambular: int | None = None  # the ordinal of the preambular paragraph (1 = first)
    operative: int | None = None  # the operative paragraph's own number
    footnote: int | None = None  # the footnote's number, for a finding inside a footnote

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if v is not None}

    def describe(self) -> str:
        parts = []
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.preambular is not None:
            parts.append(f"preambular paragraph {self.preambular}")
        if self.operative is not None:
            parts.append(f"operative paragraph {self.operative}")
        if self.footnote is not None:
            parts.append(f"footnote {self.footnote}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Counterpart:
    """What a parity finding on a Chinese text is compared with: a span of the English original (in its file)."""

    path: str
    where: str  # "operative paragraph 3", "footnote 5", "the date line"
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    location: WordLocation | None = None  # only for a .docx (see linter.word_locations)
    counterpart: Counterpart | None = None  # parity findings: the English span the message names

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)


def shifted(finding: Finding, by: int) -> Finding:
    """`finding` (its fix too) moved by `by` original characters: findings kept relative to a part, placed."""
    if not by:
        return finding
    f, fix = finding, finding.fix
    if fix is not None:  # the constructors, not dataclasses.replace: several times faster, for thousands a lint
        fix = Fix(tuple(Edit(e.start + by, e.end + by, e.replacement) for e in fix.edits), fix.safe, fix.description)
    return Finding(f.rule, f.category, f.severity, f.message, f.start + by, f.end + by, fix, f.location, f.counterpart)


def chosen_edits(findings: list[Finding], unsafe: bool = False) -> tuple[list[Edit], int]:
    """The edits `apply_fixes` makes, in order: each fix that does not overlap an earlier one; and how many fixes."""
    edits: list[Edit] = []
    applied = 0
    taken_until = -1
    for finding in sorted((f for f in findings if f.fix and (f.fix.safe or unsafe)), key=lambda f: f.fix.edits[0].start):
        fix_edits = sorted(finding.fix.edits, key=lambda e: e.start)
        if fix_edits[0].start < taken_until:
            continue  # overlaps a fix already taken; a second run picks it up
        edits.extend(fix_edits)
        taken_until = max(e.end for e in fix_edits)
        applied += 1
    return edits, applied


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes that do not overlap an earlier one; returns the new text and how many were applied."""
    edits, applied = chosen_edits(findings, unsafe)
    out = []
    pos = 0
    for edit in edits:
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out), applied
