"""The TUI's one door into the linter: lint the text being edited with the same pipeline as `resolint check`."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass

from linter.engine import Rule, run
from linter.findings import Finding
from linter.sources import Source
from linter.structure import parse

# One lint at a time: a lint that was superseded still runs to its end in its thread,
# and the segmenter it shares with the next one is not made for two threads at once.
_ONE_AT_A_TIME = threading.Lock()


@dataclass(frozen=True)
class LintResult:
    text: str  # the text the findings' offsets refer to
    findings: tuple[Finding, ...]


def lint_text(source: Source, text: str, rules: list[Rule]) -> LintResult:
    """Lint `text` as a new version of `source` (same path, format and encoding)."""
    with _ONE_AT_A_TIME:
        doc = parse(dataclasses.replace(source, text=text))
        return LintResult(text, tuple(run(doc, rules)))
