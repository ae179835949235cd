"""The findings beside the draft: rule, severity, line:column and message, one entry each."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from linter.findings import Finding
from linter.read.offsets import LineIndex

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
# OptionList measures each entry as it is added (~0.8 ms an entry): a long list is added a chunk at a time, with
# pauses in which the drafter's keys are handled, rather than all at once (1.4 s for 1,800 findings, input held).
CHUNK = 200
CHUNK_PAUSE = 0.02  # seconds


def successor(findings: tuple[Finding, ...], previous: Finding | None) -> int:
    """Index of the finding that takes `previous`'s place after a re-lint: itself, else the next one in the text."""
    if previous is None or not findings:
        return 0
    for same in (
        lambda f: (f.rule, f.message, f.start) == (previous.rule, previous.message, previous.start),
        lambda f: (f.rule, f.message) == (previous.rule, previous.message),
        lambda f: f.start >= previous.start,
    ):
        index = next((i for i, f in enumerate(findings) if same(f)), None)
        if index is not None:
            return index
    return len(findings) - 1


def _options(entries: tuple[tuple, ...]) -> list[Option | None]:
    """Entry n at 2n, each but the last followed by None (a rule below it: messages wrap over several lines).
    A chunk [2a:2b] then ends with its rule; one that began with None would make OptionList measure all again."""
    options: list[Option | None] = []
    for number, (rule, severity, line, column, message) in enumerate(entries):
        colour = SEVERITY_COLOURS[severity]
        label = Text.assemble((rule, f"bold {colour}"), " ", (severity, colour), (f"  {line}:{column}\n", "dim"),
                              message)
        options.extend((Option(label, id=str(number)), None))
    return options[:-1]


class FindingsList(OptionList):
    """Tells the app which finding the drafter moved to; is told which findings to list."""

    BINDINGS = [Binding("enter", "open", "Edit", key_display="Enter", tooltip="Edit the draft, at this finding if any")]

    class Highlighted(Message):
        """The drafter moved the highlight to `finding` (keys, mouse, or n and p)."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    class Opened(Message):
        """The drafter asked to edit the draft, at the highlighted finding if there is one (Enter)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: tuple[Finding, ...] = ()
        self._entries: tuple[tuple, ...] = ()  # what the entries say (rule, severity, line, column, message)
        self._prompts: list[Option | None] = []  # the entries' options (see _options)
        self._listed = 0  # how many of them the OptionList has been given
        # The entry to highlight once it is listed, and whether quietly: a re-lint, or the draft's cursor, may
        # point past what is listed yet, and listing up to it at once would hold the drafter's keys.
        self._pending: tuple[int, bool] | None = None

    def set_findings(self, findings: tuple[Finding, ...], text: str, keep: Finding | None = None) -> None:
        """List findings computed on `text`, highlighting `keep` or the one that took its place, quietly."""
        self.findings = findings
        index = LineIndex(text)
        entries = tuple((f.rule, f.severity, *index.line_col(f.start), f.message) for f in findings)
        target = successor(findings, keep) if findings else None
        # A re-lint is not the drafter moving: the draft's cursor must stay where they are typing.
        with self.prevent(OptionList.OptionHighlighted):
            # A keystroke seldom changes what the entries say (the findings after it only move by a character):
            # then the list stays as it is.
            if entries != self._entries:
                self._entries, self._prompts, self._listed = entries, _options(entries), 0
                self.clear_options()
                self._list_until(CHUNK)
        self._show(target, quietly=True)
        self.border_title = f"Findings ({len(findings)})"
        self._list_later()

    def _show(self, number: int | None, quietly: bool) -> None:
        """Highlight entry `number` now if it is listed, else as soon as it is (see _list_more)."""
        self._pending = None
        if number is not None and number >= self._listed:
            self._pending = (number, quietly)
        elif quietly:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = number
        else:
            self.highlighted = number

    def _list_until(self, count: int) -> None:
        """Give the OptionList the entries up to `count`."""
        count = min(count, len(self._entries))
        if count > self._listed:
            self.add_options(self._prompts[2 * self._listed : 2 * count])
            self._listed = count

    def _list_later(self) -> None:
        if self._listed < len(self._entries):
            self.set_timer(CHUNK_PAUSE, self._list_more)

    def _list_more(self) -> None:
        self._list_until(self._listed + CHUNK)
        if self._pending is not None and self._pending[0] < self._listed:
            self._show(*self._pending)
        self._list_later()

    def current(self) -> Finding | None:
        number = self._pending[0] if self._pending is not None else self.highlighted
        if number is None or not self.findings:
            return None
        return self.findings[number]

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) finding, wrapping around."""
        if self.findings:
            at = self._pending[0] if self._pending is not None else (self.highlighted or 0)  # from the one shown
            self._go_to((at + delta) % len(self.findings))

    def highlight(self, finding: Finding) -> None:
        """Follow the draft's cursor onto `finding` (highlighted when listed: the drafter is typing, not here)."""
        if finding in self.findings:
            self._show(self.findings.index(finding), quietly=False)

    def _go_to(self, number: int) -> None:
        """n and p: the drafter asked for this entry, so it is listed now if it is not yet."""
        self._list_until(number + 1)
        self._pending = None
        self.highlighted = number

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.findings[int(event.option.id)]))

    def action_open(self) -> None:
        self.post_message(self.Opened())  # with no findings too: Enter always leads to the editor
