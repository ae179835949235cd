"""Writing a draft back to its file: as it came (encoding, byte-order mark, line endings, permissions, owner),
through a temporary file and a rename, and never over a change someone else made since it was read."""

from __future__ import annotations

import codecs
import dataclasses
import os
import stat
import tempfile
from pathlib import Path

from linter.errors import InputError
from linter.read.line_endings import find_endings, restore
from linter.read.sources import FileStamp, Source

_BOMS = {"utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
_CODECS = {"utf-8-sig": "utf-8"}


class ChangedOnDisk(InputError):
    """The file is no longer what was read (edited or deleted by someone else); nothing was written."""

    def __init__(self, path: str, reason: str, deleted: bool = False):
        super().__init__(path, reason)
        self.deleted = deleted


def encode_draft(source: Source, text: str) -> bytes:
    """`text` (newlines as "\\n") as the bytes of a file like `source`: its line endings, encoding and BOM."""
    if source.format == "docx":
        raise InputError(source.path, "resolint cannot write a .docx; make the changes in Word")
    raw = restore(text, source.newlines, source.text)
    try:
        body = raw.encode(_CODECS.get(source.encoding, source.encoding))
    except UnicodeEncodeError as exc:
        raise InputError(source.path, f"{exc.object[exc.start]!r} cannot be written in {source.encoding}") from None
    bom = _BOMS.get(source.encoding, b"") if source.bom or source.encoding == "utf-8-sig" else b""
    return bom + body


def write_draft(source: Source, text: str, overwrite: bool = False) -> Source:
    """Write `text` over the file `source` was read from; returns the Source as now on disk.

    A symbolic link is followed (the file it points to is written). Refused with
    InputError, nothing written: a read-only file; and, unless `overwrite`, a file
    changed or deleted since it was read (ChangedOnDisk). A deleted file is never
    recreated, not even with `overwrite`.
    """
    if source.stamp is None:
        raise InputError(source.path, "not read from a file, so there is no file to write")
    data = encode_draft(source, text)
    target = Path(os.path.realpath(source.path))
    current = _stat(source.path, target)
    if not current.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(source.path, "the file is read-only; not overwritten")
    if not overwrite:
        _check_unchanged(source, target, current)
    stamp = _replace(target, data, current, check=None if overwrite else source)
    return dataclasses.replace(source, text=text, newlines=find_endings(restore(text, source.newlines, source.text)), stamp=stamp)


def write_copy(source: Source, text: str, path: str) -> Source:
    """Write `text` as a new file at `path`, like `source` (encoding, endings); an existing file is not replaced."""
    data = encode_draft(source, text)
    target = Path(os.path.realpath(path))
    if os.path.lexists(path):
        raise InputError(path, "a file of that name exists; choose another name")
    try:
        mode = (os.stat(source.path).st_mode & 0o777) | stat.S_IWUSR
    except OSError:
        mode = 0o644
    stamp = _replace(target, data, None, check=None, mode=mode)
    endings = find_endings(restore(text, source.newlines, source.text))
    return dataclasses.replace(source, path=path, text=text, newlines=endings, stamp=stamp)


def _stat(path: str, target: Path) -> os.stat_result:
    try:
        return os.stat(target)
    except FileNotFoundError:
        raise ChangedOnDisk(path, "the file was deleted since it was read; not recreated", deleted=True) from None
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None


def _check_unchanged(source: Source, target: Path, current: os.stat_result) -> None:
    """Raise ChangedOnDisk unless the file still has the size, mtime and content it had when read."""
    stamp = source.stamp
    if current.st_size == stamp.size and current.st_mtime_ns == stamp.mtime_ns:
        try:
            same = FileStamp.of(target.read_bytes(), current).sha256 == stamp.sha256
        except FileNotFoundError:
            raise ChangedOnDisk(source.path, "the file was deleted since it was read; not recreated", deleted=True) from None
        except OSError as exc:
            raise InputError(source.path, f"cannot read it again before writing: {exc.strerror or exc}") from None
        if same:
            return
    raise ChangedOnDisk(source.path, "the file changed on disk since it was read; nothing written")


def _replace(target: Path, data: bytes, current: os.stat_result | None, check: Source | None,
             mode: int | None = None) -> FileStamp:
    """Write `data` to a temporary file beside `target` with `current`'s mode and owner, then rename it over."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(str(target), f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if current is not None:
                _keep_owner(fh.fileno(), current)
            os.fchmod(fh.fileno(), stat.S_IMODE(current.st_mode) if current is not None else mode)
            written = os.fstat(fh.fileno())
        if check is not None:
            # Checked again at the last moment: the window in which another writer can be lost is the rename itself.
            _check_unchanged(check, target, _stat(check.path, target))
        if current is None and os.path.lexists(target):
            raise InputError(str(target), "a file of that name appeared meanwhile; not replaced")
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(str(target), f"cannot write: {exc.strerror or exc}") from None
        raise
    return FileStamp.of(data, written)


def _keep_owner(fd: int, current: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as we are allowed (the group alone, or neither)."""
    if not hasattr(os, "fchown"):
        return
    for uid, gid in ((current.st_uid, current.st_gid), (-1, current.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except PermissionError:
            continue
