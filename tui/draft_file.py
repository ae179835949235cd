"""Saving the edited draft over its file the way `resolint fix` does: same encoding, temporary file and rename."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from linter.draft_writer import write_atomic
from linter.errors import InputError
from linter.read.sources import Source


def save(source: Source, text: str) -> Source:
    """Write `text` over `source`'s file; returns the Source as now on disk. Raises InputError, saying why not."""
    if source.format == "docx":
        raise InputError(source.path, "not saved: resolint cannot write into a .docx; make the change in Word")
    if source.path == "<stdin>":
        raise InputError(source.path, "not saved: the draft came from standard input")
    try:
        write_atomic(Path(source.path), text, source.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(source.path, f"not saved: {exc.object[exc.start]!r} cannot be written in {source.encoding}") from None
    except OSError as exc:
        raise InputError(source.path, f"not saved: {exc.strerror or exc}") from None
    return dataclasses.replace(source, text=text)
