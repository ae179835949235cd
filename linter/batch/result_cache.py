"""Batch results on disk (linter/lint_cache), keyed by a draft's bytes, its kind of file, the rule set, the registries
and the code.

An unchanged draft checked again with the same rules and data costs a hash and a lookup.
Only drafts that were checked are stored; a draft that failed is tried again on the next run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from linter.batch.outcomes import FileOutcome
from linter.lint_cache import LintCache, finding_from_list, finding_to_list, fingerprint

__all__ = ["ResultCache", "draft_key", "fingerprint"]


def draft_key(fingerprint_: str, path: str, data: bytes) -> str:
    """The file's suffix is part of the key: it decides how the bytes are read (.md, .docx, text)."""
    suffix = Path(path).suffix.lower()
    return hashlib.sha256(f"{fingerprint_}|{suffix}|".encode() + data).hexdigest()


class ResultCache:
    """Outcomes of checked drafts: {text, format, findings} under the draft's key."""

    def __init__(self, path: Path):
        self.path = path
        self._store = LintCache(path)

    def get(self, key: str, path: str) -> FileOutcome | None:
        data = self._store.get(key)
        try:
            findings = tuple(finding_from_list(r) for r in data["findings"]) if data else None
            if findings is None:
                return None
            return FileOutcome(path=path, text=data["text"], findings=findings, format=data["format"], reused=True)
        except (ValueError, KeyError, TypeError):
            return None  # a damaged entry is a miss

    def put(self, key: str, outcome: FileOutcome) -> None:
        if outcome.ok:
            self._store.put(key, {"text": outcome.text, "format": outcome.format,
                                  "findings": [finding_to_list(f) for f in outcome.findings]})

    def close(self) -> None:
        self._store.close()
