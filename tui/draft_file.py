"""Opening a draft (a new or empty file included) and saving it the way `resolint fix` writes: as it came
(encoding, endings, permissions), never over a change made on disk since it was read, which is also looked for
when the drafter comes back to the app."""

from __future__ import annotations

import os

from linter.draft_writer import ChangedOnDisk, write_copy, write_draft
from linter.errors import InputError
from linter.read.sources import FileStamp, Source, detect_format, read_path

__all__ = ["ChangedOnDisk", "NEW_FILE", "changed_on_disk", "is_new", "open_draft", "save", "save_copy"]

# The stamp of a draft whose file does not exist yet: the first save creates it (and refuses if one appeared).
NEW_FILE = FileStamp(size=-1, mtime_ns=0, sha256="")


def open_draft(path: str) -> Source:
    """Read the draft at `path`; a missing or empty file opens as an empty draft (a new one)."""
    if not os.path.lexists(path):
        if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            raise InputError(path, "no such folder to create the file in")
        return Source(path, "", detect_format("", path), "utf-8", stamp=NEW_FILE)
    try:
        return read_path(path)
    except InputError as exc:
        if not exc.reason.startswith("empty file") or path.lower().endswith(".docx"):
            raise
    # Empty, or nothing but whitespace: an empty draft, saved over that file.
    with open(path, "rb") as fh:
        stat = os.fstat(fh.fileno())
        data = fh.read()
    return Source(path, "", detect_format("", path), "utf-8", stamp=FileStamp.of(data, stat))


def is_new(source: Source) -> bool:
    return source.stamp == NEW_FILE


def save(source: Source, text: str, overwrite: bool = False) -> Source:
    """Write `text` over `source`'s file (or create it, for a new draft); returns the Source as now on disk.

    Raises ChangedOnDisk when the file changed or vanished since it was read (the
    app then asks what to do), InputError with the reason for anything else.
    """
    if source.format == "docx":
        raise InputError(source.path, "not saved: resolint cannot write into a .docx; make the change in Word")
    if source.stamp is None:
        raise InputError(source.path, "not saved: the draft came from standard input")
    if is_new(source):
        return save_copy(source, text, source.path)
    try:
        return write_draft(source, text, overwrite=overwrite)
    except ChangedOnDisk:
        raise
    except InputError as exc:
        raise InputError(source.path, f"not saved: {exc.reason}") from None


def save_copy(source: Source, text: str, path: str) -> Source:
    """Write `text` to a new file `path` (same encoding and endings); the draft goes on from there."""
    try:
        return write_copy(source, text, path)
    except InputError as exc:
        raise InputError(path, f"not saved: {exc.reason}") from None


def recovery_path(path: str) -> str:
    """A path beside `path` that does not exist yet, for edits that could not be saved where they belong."""
    candidate, n = f"{path}.unsaved", 1
    while os.path.lexists(candidate):
        n += 1
        candidate = f"{path}.unsaved-{n}"
    return candidate


def changed_on_disk(source: Source) -> bool:
    """True when the file was changed or deleted since `source` was read (or last saved)."""
    stamp = source.stamp
    if stamp is None or stamp == NEW_FILE:
        return False
    try:
        current = os.stat(source.path)
        if current.st_size == stamp.size and current.st_mtime_ns == stamp.mtime_ns:
            return False
        with open(source.path, "rb") as fh:
            return FileStamp.of(fh.read(), current).sha256 != stamp.sha256
    except OSError:
        return True
