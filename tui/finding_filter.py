"""What the findings list shows: all findings, or those at or above a severity, of one category or all."""

from __future__ import annotations

from dataclasses import dataclass, replace

from linter.findings import Finding

# Each step of the severity filter: the severities listed.
SEVERITY_STEPS = (("error", "warning", "info"), ("error", "warning"), ("error",))
_STEP_NAMES = ("", "warnings and errors", "errors only")
_SHORT_STEP_NAMES = ("", "≥warning", "errors")


@dataclass(frozen=True)
class FindingFilter:
    step: int = 0  # index into SEVERITY_STEPS
    category: str = ""  # "" for every category

    def keeps(self, finding: Finding) -> bool:
        return finding.severity in SEVERITY_STEPS[self.step] and (not self.category or finding.category == self.category)

    def apply(self, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        return tuple(f for f in findings if self.keeps(f))

    def next_severity(self) -> "FindingFilter":
        return replace(self, step=(self.step + 1) % len(SEVERITY_STEPS))

    def next_category(self, findings: tuple[Finding, ...]) -> "FindingFilter":
        """All, then each category the lint found (in alphabetical order), then all again."""
        categories = ["", *sorted({f.category for f in findings})]
        at = categories.index(self.category) if self.category in categories else 0
        return replace(self, category=categories[(at + 1) % len(categories)])

    def describe(self, short: bool = False) -> str:
        """For the status bar: '' when everything is listed; `short` for a narrow one."""
        if short:
            parts = [p for p in (_SHORT_STEP_NAMES[self.step], self.category) if p]
            return "only " + ",".join(parts) if parts else ""
        parts = [p for p in (_STEP_NAMES[self.step], self.category and f"{self.category} only") if p]
        return "listing " + ", ".join(parts) if parts else ""
