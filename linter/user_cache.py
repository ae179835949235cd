"""Where resolint keeps its caches: RESOLINT_CACHE_DIR, or the user's cache directory."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

CACHE_ENV = "RESOLINT_CACHE_DIR"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("resolint"))


def fast_commits(db: sqlite3.Connection) -> None:
    """Write-ahead log, synced at checkpoints only: a commit costs microseconds instead of an fsync (milliseconds),
    and readers never wait for a writer. A crash of the machine may lose the last entries, never the file's
    consistency, which is all a cache needs. A file that cannot switch (another process holds it) stays as it is."""
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        pass
