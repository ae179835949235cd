"""Findings and fixes: what a rule reports, in offsets of the original text."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")
CATEGORIES = ("verb", "citation", "date", "session", "reference", "punctuation", "structure", "parity")


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
    counterpart: Counterpart | None = None  # parity findings: the English span the message names

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes that do not overlap an earlier one; returns the new text and how many were applied."""
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
    out = []
    pos = 0
    for edit in edits:
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out), applied
