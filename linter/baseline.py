"""A baseline file: the findings drafts had when it was recorded, so that a check fails only on new ones.

A finding is known by its rule, its file (relative to the baseline file's folder), the text it quotes and the text
of its paragraph (a digest), not by its line: a paragraph inserted above, or the operative paragraphs renumbered,
leave every old finding known; a finding that is fixed drops out when the baseline is written again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from linter.errors import InputError
from linter.findings import Finding
from linter.read.document import Document, Paragraph
from linter.report import FileResult

VERSION = 1
Key = tuple[str, str, str, str]  # rule, file, quoted text, paragraph digest


@dataclass(frozen=True)
class Baseline:
    path: Path
    entries: tuple[dict, ...] = ()  # as in the file: rule, path, text, paragraph, message

    def known(self) -> Counter:
        return Counter((e["rule"], e["path"], e["text"], e["paragraph"]) for e in self.entries)


def load_baseline(path: Path, missing_ok: bool = False) -> Baseline:
    """The baseline at `path`; a missing file is an empty baseline when `missing_ok` (about to be written)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if missing_ok:
            return Baseline(path)
        raise InputError(str(path), "no such baseline file (record one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(str(path), f"cannot read the baseline: {exc}") from None
    fields = {"rule", "path", "text", "paragraph"}
    entries = data.get("findings") if isinstance(data, dict) and data.get("version") == VERSION else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and fields <= set(e) for e in entries):
        raise InputError(str(path), f"not a resolint baseline (version {VERSION}, findings with "
                                    f"{', '.join(sorted(fields))}); write it again with --write-baseline")
    return Baseline(path, tuple(entries))


def relative_path(draft: str, baseline: Path) -> str:
    """The draft's path as the baseline records it: relative to the baseline's folder, with forward slashes."""
    if draft.startswith("<"):
        return draft  # <stdin>
    return Path(os.path.relpath(Path(draft).resolve(), baseline.resolve().parent)).as_posix()


def finding_key(doc: Document, finding: Finding, file: str) -> Key:
    text = doc.source.text
    return (finding.rule, file, text[finding.start : finding.end], _digest(_paragraph_text(doc, finding.start)))


def _paragraph_text(doc: Document, at: int) -> str:
    """The clean text of the innermost part around offset `at` (a paragraph without its number), or its line."""
    around = []
    for part in doc.body_parts():
        start = min(part.start, part.label_start) if isinstance(part, Paragraph) and part.label_start >= 0 else part.start
        if start <= at <= part.end:
            around.append((part.end - start, part.text))
    if around:
        return min(around)[1]
    text = doc.source.text
    return text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1].strip()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def split_known(baseline: Baseline, docs_findings: Sequence[tuple[Document, Sequence[Finding]]],
                ) -> list[tuple[tuple[Finding, ...], tuple[Finding, ...]]]:
    """For each draft, (its new findings, those the baseline knows), a recorded finding matching once."""
    known = baseline.known()
    out = []
    for doc, findings in docs_findings:
        file = relative_path(doc.source.path, baseline.path)
        new, old = [], []
        for finding in findings:
            key = finding_key(doc, finding, file)
            if known[key] > 0:
                known[key] -= 1
                old.append(finding)
            else:
                new.append(finding)
        out.append((tuple(new), tuple(old)))
    return out


def write_baseline(baseline: Baseline, docs_findings: Sequence[tuple[Document, Sequence[Finding]]]) -> int:
    """Record the findings of the drafts checked now (entries of drafts not checked this time are kept);
    returns how many findings the file holds."""
    checked = {relative_path(doc.source.path, baseline.path) for doc, _ in docs_findings}
    entries = [e for e in baseline.entries if e["path"] not in checked]
    for doc, findings in docs_findings:
        file = relative_path(doc.source.path, baseline.path)
        for finding in findings:
            rule, _, quoted, paragraph = finding_key(doc, finding, file)
            entries.append({"rule": rule, "path": file, "text": quoted, "paragraph": paragraph,
                            "message": finding.message})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["text"], e["paragraph"]))
    data = {"version": VERSION, "findings": entries}
    tmp = baseline.path.with_name(baseline.path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, baseline.path)
    except OSError as exc:
        raise InputError(str(baseline.path), f"cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


def apply_baseline(baseline: Baseline, results: list[FileResult], documents: Sequence[Document], write: bool = False,
                   said: Callable[[str], None] = lambda _: None) -> list[FileResult]:
    """`results` with what the baseline knows moved to `baselined`; with `write`, the baseline is recorded first
    (and then knows every finding). Raises InputError when it cannot be written."""
    pairs = [(doc, r.findings) for doc, r in zip(documents, results)]
    if write:
        count = write_baseline(baseline, pairs)
        said(f"resolint: {count} finding{'s' if count != 1 else ''} recorded in {baseline.path}")
        baseline = load_baseline(baseline.path)
    split = split_known(baseline, pairs)
    return [dataclasses.replace(r, findings=new, baselined=old, fixable=_fixable(r, old))
            for r, (new, old) in zip(results, split)]


def _fixable(result: FileResult, baselined: Sequence[Finding]) -> int | None:
    """What the summary calls fixable: not the baselined findings' fixes (None: count those of the rest)."""
    if result.fixable == 0 or not any(f.fix and f.fix.safe for f in baselined):
        return result.fixable
    return None
