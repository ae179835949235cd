"""The one door from a draft to findings: rules set up from the configuration, lint, fix.

The CLI, the TUI, bench/ and the tests all come through here; nothing else
parses a draft and runs rules over it.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from linter.analyses.memo import text_memos
from linter.analyses.segmentation import new_warnings
from linter.config import Config
from linter.engine.loader import load_rules, select_rules
from linter.engine.rule import Rule
from linter.engine.runner import run
from linter.errors import InputError
from linter.findings import Finding, apply_fixes
from linter.incremental import IncrementalLinter
from linter.read.sources import Source, read_path
from linter.read.structure import Document, parse
from linter.registries.treaties import load_registry, use_registry_files
from linter.suppressions import UNUSED_KIND, apply_suppressions, with_known_ids
from linter.word_locations import locate_in_word

# Fixes can overlap; a few passes settle them (each pass lints the fixed text again).
FIX_PASSES = 5

# One lint at a time: the segmenter and the per-document memos are not made for two threads at once
# (the TUI lints in a worker thread, and a superseded lint still runs to its end).
_ONE_AT_A_TIME = threading.Lock()


@dataclass(frozen=True)
class LintResult:
    document: Document
    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...] = ()  # what the draft's resolint comments hide (linter.suppressions)

    @property
    def path(self) -> str:
        return self.document.source.path

    @property
    def text(self) -> str:
        """The text the findings' offsets refer to."""
        return self.document.source.text


@dataclass(frozen=True)
class FixResult:
    source: Source  # the draft as read
    text: str  # the draft with the fixes applied
    applied: int
    remaining: tuple[Finding, ...]  # findings on the fixed text


def configured_rules(config: Config, select: Sequence[str] = (), ignore: Sequence[str] = (),
                     rules_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The rules a run uses: built-in and configured rule files, selected, re-graded; user registries made active.

    `select` and `ignore` given here (command-line options) come before the configuration's.
    Raises InputError for a configuration or rule file that cannot be used.
    """
    # The user's treaty registries are read and validated once, before any draft.
    use_registry_files(config.treaties)
    load_registry(tuple(config.treaties))
    rules = load_rules([*config.rules_dirs, *(Path(d) for d in rules_dirs)])
    known = {rule.id for rule in rules}
    for rule_id in config.severity:
        if rule_id not in known:
            raise InputError(config.path or "configuration", f"setting 'severity': unknown rule id '{rule_id}' "
                                                             "(see 'resolint rules')")
    rules = select_rules(rules, list(select) or list(config.select) or None, list(ignore) + list(config.ignore))
    chosen = []
    for rule in rules:
        level = config.severity.get(rule.id)
        if level == "off":
            continue
        chosen.append(dataclasses.replace(rule, severity=level) if level else rule)
    return [with_known_ids(rule, known) if rule.kind == UNUSED_KIND else rule for rule in chosen]


def read_document(path: str) -> Document:
    """The structure of the draft at `path` ('-' is standard input)."""
    return parse(read_path(path))


def writable(source: Source) -> bool:
    """Whether resolint can write this draft back: not a .docx (writing Word files is for later)."""
    return source.format != "docx"


def lint(source: Source, rules: Sequence[Rule]) -> LintResult:
    with _ONE_AT_A_TIME, text_memos():
        doc = parse(source)
        findings = tuple(run(doc, list(rules)))
    findings, suppressed = apply_suppressions(doc, findings, rules)
    return LintResult(doc, locate_in_word(doc, findings), locate_in_word(doc, suppressed))


def warm_up(rules: Sequence[Rule]) -> None:
    """Load now what a lint may need later: the segmentation model, and spaCy's matchers for token-pattern rules
    (importing spaCy takes a second). The TUI calls it in the background at start, so no keystroke waits for it."""
    from linter.analyses.segmentation import segmenter
    from linter.checks.token_pattern import prepare_matchers

    with _ONE_AT_A_TIME:  # not beside a lint: both would import spaCy at once
        segmenter().nlp()
        prepare_matchers([rule for rule in rules if rule.kind == "token-pattern"])


def warnings() -> list[str]:
    """Things that went wrong without costing a finding (the segmentation cache unusable): each said once."""
    return new_warnings()


def lint_path(path: str, rules: Sequence[Rule]) -> LintResult:
    return lint(read_path(path), rules)


def lint_text(source: Source, text: str, rules: Sequence[Rule], incremental: IncrementalLinter | None = None) -> LintResult:
    """Lint `text` as a new version of `source` (same path, format and encoding): the TUI's edits.

    With `incremental` (an IncrementalLinter made for these rules, kept between versions), what the paragraphs
    that did not change found last time is reused; the result is the same.
    """
    source = dataclasses.replace(source, text=text)
    if incremental is None:
        return lint(source, rules)
    with _ONE_AT_A_TIME:
        doc, findings = incremental.parse_and_check(source)
    findings, suppressed = apply_suppressions(doc, findings, rules)
    return LintResult(doc, locate_in_word(doc, findings), locate_in_word(doc, suppressed))


def incremental_linter(rules: Sequence[Rule]) -> IncrementalLinter:
    """For lint_text: one per open draft (and rule set)."""
    return IncrementalLinter(rules)


def parity(source: Source, original: Source, rules: Sequence[Rule]) -> LintResult:
    """Check a Chinese draft against its English original: the parity rules among `rules`, findings on the Chinese.

    Raises InputError when the original is not English or the draft is."""
    with _ONE_AT_A_TIME:
        doc = parse(source)
        english = parse(original)
        if english.language != "en":
            raise InputError(original.path, "the original is not an English text (parity compares a Chinese draft "
                                            "with its English original: resolint parity ZH_FILE EN_FILE)")
        if doc.language != "zh":
            raise InputError(source.path, "the draft is not a Chinese text (resolint parity ZH_FILE EN_FILE)")
        doc = dataclasses.replace(doc, counterpart=english)
        return LintResult(doc, tuple(run(doc, [r for r in rules if r.category == "parity"])))


def fix(source: Source, rules: Sequence[Rule], unsafe: bool = False,
        findings: Sequence[Finding] | None = None) -> FixResult:
    """Apply the fixes of the findings (safe ones, or all with `unsafe`) until none is left to apply; `findings`:
    the draft's, when the caller has linted it already."""
    if findings is None:
        # Only the findings are kept between passes: a Document (several times a big draft's size) is dropped
        # before the next lint builds another.
        findings = lint(source, rules).findings
    if not writable(source):
        # A .docx's fixes are suggestions to make in Word: none is applied, so none counts as fixable.
        return FixResult(source, source.text, 0, tuple(findings))
    text, applied = source.text, 0
    for _ in range(FIX_PASSES):
        fixed, n = apply_fixes(text, list(findings), unsafe=unsafe)
        if not n:
            break
        text, applied = fixed, applied + n
        findings = lint_text(source, text, rules).findings
    return FixResult(source, text, applied, tuple(findings))
