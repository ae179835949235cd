"""What the current finding means: the rule's explanation and the fix it proposes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from linter.cli import explain_text
from linter.engine import Rule
from linter.findings import Finding


class FindingDetail(Static):
    def show(self, finding: Finding | None, rule: Rule | None, text: str) -> None:
        if finding is None:
            self.update(Text("No finding selected.", style="dim"))
            return
        out = Text()
        out.append(f"{finding.rule} [{finding.severity}] ", style="bold")
        out.append(finding.message + "\n\n")
        if finding.fix:
            out.append("Fix" + ("" if finding.fix.safe else " (unsafe: asks first)") + ": ", style="bold")
            for edit in finding.fix.edits:
                before = text[edit.start : edit.end] or "∅"
                out.append(before, style="red strike")
                out.append(" → ")
                out.append((edit.replacement or "∅") + "  ", style="green")
            out.append("\n\n")
        if rule is not None:
            out.append(explain_text(rule))
        self.update(out)
