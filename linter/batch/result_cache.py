"""Batch results on disk, keyed by a draft's bytes, its kind of file, the rule set, the registries and the code.

An unchanged draft checked again with the same rules and data costs a hash and a lookup.
Only drafts that were checked are stored; a draft that failed is tried again on the next run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path
from typing import Iterable

from linter import __version__
from linter.analyses.segmentation import MODEL_ID
from linter.batch.outcomes import FileOutcome
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix, WordLocation
from rules import DATA_DIR

LINTER_DIR = Path(__file__).resolve().parent.parent
# Code that shapes findings; the batch machinery, the commands and the report formats do not.
NOT_FINDINGS_CODE = ("batch", "commands")
SCHEMA_VERSION = 2  # 2: a finding's Word location is stored too


def fingerprint(rules: Iterable[Rule], treaty_files: Iterable[Path] = ()) -> str:
    """Changes whenever a result could: the rules (as configured), registry data, user treaty files, the code."""
    h = hashlib.sha256(f"{SCHEMA_VERSION}|{__version__}|{MODEL_ID}".encode())
    for rule in rules:
        h.update(json.dumps([rule.id, rule.kind, rule.category, rule.severity, rule.message, rule.messages,
                             rule.options], sort_keys=True, ensure_ascii=False, default=str).encode())
    code = sorted(p for p in LINTER_DIR.rglob("*.py") if p.relative_to(LINTER_DIR).parts[0] not in NOT_FINDINGS_CODE)
    files = sorted(DATA_DIR.glob("*.y*ml")) + code + [Path(p) for p in treaty_files]
    for path in files:
        h.update(str(path.name).encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"(unreadable)")
    return h.hexdigest()


def draft_key(fingerprint_: str, path: str, data: bytes) -> str:
    """The file's suffix is part of the key: it decides how the bytes are read (.md, .docx, text)."""
    suffix = Path(path).suffix.lower()
    return hashlib.sha256(f"{fingerprint_}|{suffix}|".encode() + data).hexdigest()


def _finding_to_list(f: Finding) -> list:
    fix = None
    if f.fix:
        fix = [f.fix.safe, f.fix.description, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, f.category, f.severity, f.message, f.start, f.end, fix, f.location.as_dict() if f.location else None]


def _finding_from_list(row: list) -> Finding:
    rule, category, severity, message, start, end, fix, location = row
    if fix is not None:
        safe, description, edits = fix
        fix = Fix(tuple(Edit(*e) for e in edits), safe=safe, description=description)
    return Finding(rule, category, severity, message, start, end, fix, WordLocation(**location) if location else None)


class ResultCache:
    """One SQLite table: key → compressed {text, format, findings}. A cache that cannot be used costs speed only."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10)
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self._db = db
            except (sqlite3.Error, OSError):
                self._broken = True
        return self._db

    def get(self, key: str, path: str) -> FileOutcome | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            data = json.loads(zlib.decompress(row[0]))
            findings = tuple(_finding_from_list(r) for r in data["findings"])
        except (sqlite3.Error, zlib.error, ValueError, KeyError, TypeError):
            return None  # a damaged entry is a miss
        return FileOutcome(path=path, text=data["text"], findings=findings, format=data["format"], reused=True)

    def put(self, key: str, outcome: FileOutcome) -> None:
        db = self._connect()
        if db is None or not outcome.ok:
            return
        value = {"text": outcome.text, "format": outcome.format, "findings": [_finding_to_list(f) for f in outcome.findings]}
        blob = zlib.compress(json.dumps(value, ensure_ascii=False).encode(), 6)
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", (key, blob))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
