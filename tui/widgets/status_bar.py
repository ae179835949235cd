"""One line under the draft: counts by severity, the filter, whether it is modified or being linted, and the file.

Everything but the file name is said first, shortened if it must be, so it fits 80 columns; the name gives way.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from linter.findings import Finding

_SEPARATOR = ("  │  ", "dim")
_NARROW_SEPARATOR = (" │ ", "dim")
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


@dataclass(frozen=True)
class StatusFacts:
    path: str
    fmt: str
    counts: dict
    modified: bool
    busy: str
    filter: str  # what the list is filtered to, "" for everything
    short_filter: str = ""  # the same in a few characters


class StatusBar(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.facts: StatusFacts | None = None

    def show(self, path: str, fmt: str, findings: tuple[Finding, ...], *, modified: bool, busy: str = "",
             filter: str = "", short_filter: str = "") -> None:
        """`findings` are all the last lint found, whatever the list is filtered to."""
        counts = {s: sum(1 for f in findings if f.severity == s) for s in _COLOURS}
        self.facts = StatusFacts(path, fmt, counts, modified, busy, filter, short_filter or filter)
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        if self.facts is not None:
            width = self.content_region.width or 78
            self.update(status_line(self.facts, width))


def status_line(facts: StatusFacts, width: int) -> Text:
    """The widest form of the line that fits `width` cells: long counts, then short ones, the path clipped last."""
    name = facts.path.replace("\\", "/").rsplit("/", 1)[-1]
    whole = Text(name).cell_len + 1  # the file name whole (after "…"), else at least a recognisable end of it
    for long, separator, need in ((True, _SEPARATOR, None), (True, _SEPARATOR, whole), (False, _SEPARATOR, whole),
                                  (False, _NARROW_SEPARATOR, whole), (False, _NARROW_SEPARATOR, 6)):
        tail = _tail(facts, long, separator)
        room = width - tail.cell_len - len(separator[0])
        if need is None:
            head = Text.assemble(facts.path, separator, facts.fmt, separator)
            if head.cell_len <= room + len(separator[0]):
                return head + tail
        elif room >= need:
            return Text.assemble(_clip(facts.path, room), separator) + tail
    return _tail(facts, False, _NARROW_SEPARATOR)[:width]


def _tail(facts: StatusFacts, long: bool, separator) -> Text:
    parts = []
    for severity, colour in _COLOURS.items():
        n = facts.counts[severity]
        word = (severity if n == 1 or severity == "info" else severity + "s") if long else severity[0].upper()
        parts.append((f"{n} {word}" if long else f"{word}{n}", colour))
        parts.append("  " if long else " ")
    line = Text.assemble(*parts[:-1])
    for extra, style in ((facts.filter if long else facts.short_filter, ""), ("modified" if facts.modified else "", "bold"), (facts.busy, "italic")):
        if extra:
            line.append_text(Text.assemble(separator, (extra, style)))
    return line


def _clip(path: str, room: int) -> str:
    """`path` cut from the left to `room` cells (the file name matters more than its folders)."""
    if Text(path).cell_len <= room:
        return path
    if room <= 1:
        return ""
    out = ""
    for ch in reversed(path):
        if Text("…" + ch + out).cell_len > room:
            break
        out = ch + out
    return "…" + out
