"""One file of `resolint check`: its findings from the cache or a lint, and how many fixes `fix` would apply."""

from __future__ import annotations

import dataclasses

from linter.commands.memory_policy import before_reading
from linter.commands.progress import Progress
from linter.engine.rule import Rule
from linter.lint import fix, lint
from linter.lint_cache import CheckCache
from linter.read.sources import read_path
from linter.report import FileResult


@dataclasses.dataclass(frozen=True)
class Checked:
    findings: tuple
    fixable: int | None
    suppressed: tuple = ()
    document: object = None  # None when the findings came from the cache


def check_path(path: str, rules: list[Rule], cache: CheckCache | None, count_fixable: bool, progress: Progress,
               documents: list | None) -> FileResult:
    """The file's result; its Document appended to `documents` (None: not kept)."""
    progress.step("reading", path)
    before_reading(path)
    source = read_path(path)
    progress.step("checking", path)
    checked = check_one(source, rules, cache, count_fixable, keep_document=documents is not None)
    if documents is not None:
        documents.append(checked.document)
    return FileResult(source.path, source.text, checked.findings, checked.fixable, checked.suppressed)


def check_one(source, rules: list[Rule], cache: CheckCache | None, count_fixable: bool,
               keep_document: bool = False) -> Checked:
    """The draft's findings, and (when `count_fixable`) how many fixes `fix` would apply: from the cache for an
    unchanged draft under unchanged rules, registries and code, else by linting it."""
    if cache is not None and (hit := cache.get(source, need_fixable=count_fixable)) is not None:
        return Checked(*hit)
    result = lint(source, rules)
    findings, suppressed = result.findings, result.suppressed
    document = result.document if keep_document else None
    del result  # its Document, unless kept, goes now: not through the lints of the fix passes below
    has_fix = any(f.fix and f.fix.safe for f in findings)
    # What `fix` would apply, found the way it finds it: counting fixes would miss those a fix uncovers.
    fixable = fix(source, rules, findings=findings).applied if has_fix and count_fixable else None
    if cache is not None:
        cache.put(source, findings, fixable, fixable_known=count_fixable or not has_fix)
    return Checked(findings, fixable, suppressed, document)
