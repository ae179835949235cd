"""The TUI's one door into the linter: lint the text being edited with the same pipeline as `resolint check`."""

from __future__ import annotations

from dataclasses import dataclass

from linter.engine import Rule, run
from linter.findings import Finding
from linter.sources import Source
from linter.structure import parse


@dataclass(frozen=True)
class LintResult:
    text: str  # the text the findings' offsets refer to
    findings: tuple[Finding, ...]


def lint_text(source: Source, text: str, rules: list[Rule]) -> LintResult:
    """Lint `text` as a new version of `source` (same path, format and encoding)."""
    doc = parse(Source(source.path, text, source.format, source.encoding))
    return LintResult(text, tuple(run(doc, rules)))
