"""The batch's progress on the terminal (rich): files done of total, files/s, ETA, the file being checked.

Silent when standard error is not a terminal, so logs and pipes get only the reports.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from linter.batch.outcomes import FileOutcome


class _FilesPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.1f} files/s" if speed else "  -.- files/s", style="progress.data.speed")


class ProgressBar:
    """`start`, `checking`, `advance`, `stop`, as batch_run asks; `console` prints above the bar."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal
        self._bar = Progress(
            TextColumn("[bold]checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            _FilesPerSecond(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[current]}"),
            console=self.console, disable=not self.enabled, transient=False,
        )
        self._task = None
        self.reused = 0
        self.failed: list[FileOutcome] = []

    def start(self, total: int) -> None:
        self._task = self._bar.add_task("batch", total=total, current="")
        self._bar.start()

    def checking(self, path: str) -> None:
        self._bar.update(self._task, current=_short(path))

    def advance(self, outcome: FileOutcome) -> None:
        self.reused += outcome.reused
        if not outcome.ok:
            self.failed.append(outcome)
            self._bar.console.print(f"resolint: {outcome.path}: {outcome.error}", highlight=False, markup=False, soft_wrap=True)
        self._bar.update(self._task, advance=1, current=_short(outcome.path))

    def stop(self) -> None:
        self._bar.update(self._task, current="")
        self._bar.stop()


def _short(path: str, width: int = 40) -> str:
    name = Path(path).name
    return name if len(name) <= width else "…" + name[-(width - 1):]
