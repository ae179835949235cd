"""One line under the screen: file, format, counts by severity, modified or not."""

from __future__ import annotations

from textual.widgets import Static

from linter.findings import Finding


class StatusBar(Static):
    def show(self, path: str, fmt: str, findings: tuple[Finding, ...], modified: bool, busy: str = "", filtered: bool = False) -> None:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        parts = [
            path,
            fmt,
            f"[red]{_count(counts['error'], 'error')}[/]  [yellow]{_count(counts['warning'], 'warning')}[/]  "
            f"[cyan]{counts['info']} info[/]",
        ]
        if filtered:
            parts.append("errors only")
        if modified:
            parts.append("[b]modified[/b]")
        if busy:
            parts.append(f"[i]{busy}[/i]")
        self.update("  │  ".join(parts))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
