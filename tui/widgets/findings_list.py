"""The list of findings beside the draft; choosing one tells the app which finding is current."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from linter.findings import Finding
from linter.offsets import LineIndex

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


class FindingsList(OptionList):
    class Chosen(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: tuple[Finding, ...] = ()

    def set_findings(self, findings: tuple[Finding, ...], text: str, keep: Finding | None = None) -> None:
        self.findings = findings
        index = LineIndex(text)
        self.clear_options()
        options = []
        for f in findings:
            line, col = index.line_col(f.start)
            label = Text.assemble((f"{f.rule} ", f"bold {_COLOUR[f.severity]}"), (f"{line}:{col} ", "dim"), f.message)
            options.append(Option(label))
        self.add_options(options)
        if findings:
            at = next((i for i, f in enumerate(findings) if keep and (f.rule, f.message) == (keep.rule, keep.message)), 0)
            self.highlighted = at

    def current(self) -> Finding | None:
        if self.highlighted is None or not self.findings:
            return None
        return self.findings[self.highlighted]

    def step(self, delta: int) -> None:
        if self.findings:
            self.highlighted = ((self.highlighted or 0) + delta) % len(self.findings)

    def show(self, finding: Finding) -> None:
        if finding in self.findings:
            self.highlighted = self.findings.index(finding)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.findings):
            self.post_message(self.Chosen(self.findings[event.option_index]))
