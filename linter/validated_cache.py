"""Data and rule files as they were after parsing and validation, kept on disk and keyed by their content.

Parsing the registries and rule files and checking them against their
schemas is most of a warm run's fixed cost, and its result depends only on
the files' bytes, the schemas' bytes and the code that reads them. So the
result is pickled under a key made of all of those; a changed byte anywhere
makes a new key, and the stale entry is removed when the new one is written.
A cache that cannot be used only costs speed. Unpickling runs code, so an
entry is read only when this user owns it and nobody else may write it (a
shared or planted cache directory is rebuilt, not trusted).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from linter import __version__
from linter.user_cache import cache_dir

T = TypeVar("T")
FORMAT = 1
LINTER_DIR = Path(__file__).resolve().parent
# The code whose output is cached: parsing and validating (datafile, loader) and the Rule it builds.
READER_CODE = (LINTER_DIR / "datafile.py", LINTER_DIR / "engine" / "loader.py", LINTER_DIR / "engine" / "rule.py")


def content_key(kind: str, files: Iterable[Path], extra: str = "") -> str:
    """A digest of the files' names and bytes (a missing file counts as missing), the reading code and `extra`."""
    h = hashlib.sha256(f"{FORMAT}|{kind}|{__version__}|{sys.version_info[:2]}|{extra}".encode())
    for path in (*READER_CODE, *files):
        h.update(b"\0" + str(path).encode() + b"\0")
        try:
            h.update(Path(path).read_bytes())
        except OSError as exc:
            h.update(f"(unreadable: {type(exc).__name__})".encode())
    return h.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """build(), or what it returned before for the same key. An exception from build() is not cached."""
    folder = cache_dir() / "validated"
    path = folder / f"{kind}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            if _trusted(os.fstat(fh.fileno())):
                return pickle.load(fh)
    except Exception:  # missing, unreadable or damaged: build it again
        pass
    value = build()
    _store(folder, kind, path, value)
    return value


def _trusted(stat: os.stat_result) -> bool:
    """Written by this user (mkstemp makes it 0600), and writable by no one else."""
    if not hasattr(os, "geteuid"):
        return True  # no POSIX owners (Windows): the user's profile folder is the boundary
    return stat.st_uid == os.geteuid() and not stat.st_mode & 0o022


def _store(folder: Path, kind: str, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in folder.glob(f"{kind}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
