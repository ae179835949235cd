"""A progress line on stderr for work that takes a while: only on a terminal, and only after a couple of seconds.

Many files show "files done / total"; one large file shows what is being
done to it ("reading…", "checking…"), redrawn by a small thread since no
count moves while a single file is linted. Other messages for stderr go
through `say`, which clears the line first, so they never land in its middle.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import TextIO

DELAY = 2.0  # seconds of work before a progress line is worth showing
TICK = 0.2

_active: "Progress | None" = None


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, delay: float | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.delay = DELAY if delay is None else delay
        self.done = 0
        self.stage = ""
        self.shown = False
        self._started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "Progress":
        global _active
        _active = self
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="resolint-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        global _active
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.clear()
        _active = None

    def step(self, stage: str, path: str) -> None:
        """Now `stage` ("reading", "checking", "fixing") the file `path`."""
        with self._lock:
            self.stage = f"{stage} {path}…"

    def file_done(self) -> None:
        with self._lock:
            self.done += 1

    def line(self) -> str:
        with self._lock:
            if self.total > 1:
                return f"resolint: {self.done}/{self.total} files done; {self.stage}"
            return f"resolint: {self.stage}"

    def _run(self) -> None:
        if self._stop.wait(max(0.0, self.delay - (time.monotonic() - self._started))):
            return
        while not self._stop.is_set():
            self._draw()
            self._stop.wait(TICK)

    def _draw(self) -> None:
        text = self.line()[: shutil.get_terminal_size((80, 24)).columns - 1]
        with self._lock:
            if self._stop.is_set():
                return
            # \r and erase-line: the line is redrawn in place, never scrolled.
            self.stream.write("\r\033[K" + text)
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

    def print_line(self, message: str) -> None:
        """`message` on a line of its own; the progress line comes back at the next tick."""
        with self._lock:
            self._clear()
            print(message, file=self.stream)


def say(message: str) -> None:
    """Print a line on stderr, clearing the progress line first if one is shown."""
    if _active is not None and _active.stream is sys.stderr:
        _active.print_line(message)
    else:
        print(message, file=sys.stderr)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
