"""A finding's proposed fix in words, for readers who cannot apply it with `resolint fix` (the HTML report, Word comments)."""

from __future__ import annotations

from linter.findings import Finding


def fix_in_words(finding: Finding, text: str) -> str:
    """'replace “,” with “，”' (edits joined by '; '), '(unsafe: check the meaning)' when not safe; '' without a fix."""
    if not finding.fix:
        return ""
    parts = []
    for edit in finding.fix.edits:
        old = text[edit.start:edit.end]
        if old and edit.replacement:
            parts.append(f"replace “{old}” with “{edit.replacement}”")
        elif edit.replacement:
            parts.append(f"insert “{edit.replacement}”")
        elif old:
            parts.append(f"delete “{old}”")
    words = "; ".join(parts) or finding.fix.description
    if finding.fix.description and finding.fix.description not in words:
        words = f"{finding.fix.description}: {words}"
    return words + ("" if finding.fix.safe else " (unsafe: check the meaning)")
