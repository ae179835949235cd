"""One line under the draft: file, format, counts by severity, and whether it is modified or being linted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from linter.findings import Finding

_SEPARATOR = ("  │  ", "dim")


class StatusBar(Static):
    def show(
        self, path: str, fmt: str, findings: tuple[Finding, ...], *, modified: bool, busy: str = "", errors_only: bool = False
    ) -> None:
        """`findings` are all the last lint found, whatever the list is filtered to."""
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        # Text, not markup: a path may contain square brackets.
        line = Text.assemble(
            path, _SEPARATOR, fmt, _SEPARATOR,
            (_count(counts["error"], "error"), "red"), "  ",
            (_count(counts["warning"], "warning"), "yellow"), "  ",
            (f"{counts['info']} info", "cyan"),
        )
        if errors_only:
            line.append_text(Text.assemble(_SEPARATOR, "listing errors only"))
        if modified:
            line.append_text(Text.assemble(_SEPARATOR, ("modified", "bold")))
        if busy:
            line.append_text(Text.assemble(_SEPARATOR, (busy, "italic")))
        self.update(line)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
