"""Lint results on disk, keyed by everything a result depends on: the draft, the rule set, the registries, the code.

`check` answers an unchanged draft from here without parsing it (as Ruff does),
and `batch` keeps its results the same way (linter/batch/result_cache). The
key is made of the rules as configured, every registry file and user treaty
file, the model's id, the linter's version and the bytes of its code, and the
draft's text and kind: a changed byte in any of them is a different key, so
an entry is never stale. A cache that cannot be used only costs speed.
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
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix, WordLocation
from linter.user_cache import fast_commits
from rules import DATA_DIR

LINTER_DIR = Path(__file__).resolve().parent
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


def finding_to_list(f: Finding) -> list:
    fix = None
    if f.fix:
        fix = [f.fix.safe, f.fix.description, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, f.category, f.severity, f.message, f.start, f.end, fix, f.location.as_dict() if f.location else None]


def finding_from_list(row: list) -> Finding:
    rule, category, severity, message, start, end, fix, location = row
    if fix is not None:
        safe, description, edits = fix
        fix = Fix(tuple(Edit(*e) for e in edits), safe=safe, description=description)
    return Finding(rule, category, severity, message, start, end, fix, WordLocation(**location) if location else None)


class LintCache:
    """One SQLite table: key → a compressed JSON object. A damaged entry is a miss; a broken file, no cache."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10)
                fast_commits(db)
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self._db = db
            except (sqlite3.Error, OSError):
                self._broken = True
        return self._db

    def get(self, key: str) -> dict | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            value = json.loads(zlib.decompress(row[0])) if row else None
        except (sqlite3.Error, zlib.error, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict) -> None:
        db = self._connect()
        if db is None:
            return
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


class CheckCache:
    """`check`'s results: a draft's findings (and, once counted, how many fixes `fix` would apply) under one run's
    rules, keyed by the fingerprint and the draft as read (its text, kind and Word paragraphs: all a result
    depends on). Entries are never stale: anything else that changes makes another key."""

    def __init__(self, path: Path, rules: Iterable[Rule], treaty_files: Iterable[Path] = ()):
        self._prefix = fingerprint(rules, treaty_files)
        self._store = LintCache(path)

    def key(self, source) -> str:
        h = hashlib.sha256(f"check|{self._prefix}|{source.format}|{','.join(map(str, source.word_paragraphs))}|"
                           .encode())
        h.update(source.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, source, need_fixable: bool) -> tuple[tuple[Finding, ...], int | None] | None:
        """(findings, fixable) as stored, or None; a miss too when `need_fixable` and the count was never made."""
        data = self._store.get(self.key(source))
        try:
            if data is None or (need_fixable and not data["fixable_known"]):
                return None
            return tuple(finding_from_list(r) for r in data["findings"]), data["fixable"]
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, source, findings: Iterable[Finding], fixable: int | None, fixable_known: bool) -> None:
        self._store.put(self.key(source), {"findings": [finding_to_list(f) for f in findings], "fixable": fixable,
                                           "fixable_known": fixable_known})

    def close(self) -> None:
        self._store.close()
