"""Saving the edited draft the way `resolint fix` writes: as it came (encoding, endings, permissions), and
never over a change made on disk since it was read."""

from __future__ import annotations

from linter.draft_writer import ChangedOnDisk, write_copy, write_draft
from linter.errors import InputError
from linter.read.sources import Source

__all__ = ["ChangedOnDisk", "save", "save_copy"]


def save(source: Source, text: str, overwrite: bool = False) -> Source:
    """Write `text` over `source`'s file; returns the Source as now on disk.

    Raises ChangedOnDisk when the file changed or vanished since it was read (the
    app then asks what to do), InputError with the reason for anything else.
    """
    if source.format == "docx":
        raise InputError(source.path, "not saved: resolint cannot write into a .docx; make the change in Word")
    if source.stamp is None:
        raise InputError(source.path, "not saved: the draft came from standard input")
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
