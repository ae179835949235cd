"""What the current finding means: the fix it proposes (before → after) and the rule's explanation."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from linter.engine.rule import Rule, explain_text
from linter.findings import Edit, Finding
from tui.widgets.findings_list import SEVERITY_COLOURS

CONTEXT = 6  # characters shown either side of an edit, so an inserted comma is seen in place


def edit_preview(text: str, edit: Edit) -> tuple[Text, Text]:
    """The edited span with a little of its line around it, before and after the edit."""
    line_start = text.rfind("\n", 0, edit.start) + 1
    line_end = text.find("\n", edit.end)
    line_end = len(text) if line_end == -1 else line_end
    left = text[max(line_start, edit.start - CONTEXT) : edit.start]
    right = text[edit.end : min(line_end, edit.end + CONTEXT)]
    before = Text.assemble(left, (text[edit.start : edit.end] or "‸", "bold red underline"), right)
    after = Text.assemble(left, (edit.replacement or "‸", "bold green underline"), right)
    return before, after


class FindingDetail(VerticalScroll):
    """Is told which finding is current; shows it and scrolls back to the top."""

    def compose(self) -> ComposeResult:
        yield Static(id="finding-detail-text")

    def on_mount(self) -> None:
        self.border_title = "Rule"

    def show(self, finding: Finding | None, rule: Rule | None, text: str, placeholder: str = "No finding selected.",
             editable: bool = True, fix_key: str = "F2") -> None:
        """Explain `finding`, whose offsets point into `text`; in a draft that is not `editable`, a fix is a suggestion.

        `fix_key`: the keys that apply a fix where the drafter is (the editor takes letters as text).
        """
        body = self.query_one("#finding-detail-text", Static)
        self.scroll_home(animate=False)
        if finding is None:
            self.border_title = "Rule"
            body.update(Text(placeholder, style="dim"))
            return
        self.border_title = finding.rule
        out = Text()
        out.append(finding.message + "\n", style=f"bold {SEVERITY_COLOURS[finding.severity]}")
        if finding.location:
            out.append(f"In Word: {finding.location.describe()}\n")
        if finding.fix:
            if not editable:
                out.append("\nSuggested change (make it in Word)\n", style="bold")
            else:
                safety = (f"safe: {fix_key} applies it" if finding.fix.safe
                          else f"unsafe, may change meaning: {fix_key} asks first, then applies it")
                out.append(f"\nFix ({safety})\n", style="bold")
            for edit in finding.fix.edits:
                before, after = edit_preview(text, edit)
                # The arrow is glued to the text: a space would let the wrap push the text to the next line.
                out.append_text(Text.assemble("  ", before, "\n→", after, "\n"))
        else:
            out.append("\nNo automatic fix.\n", style="dim")
        out.append("\n")
        out.append(explain_text(rule) if rule is not None else f"{finding.rule}: no explanation (unknown rule)")
        body.update(out)
