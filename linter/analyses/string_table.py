"""A read-only table of strings (each with an integer) in one file, looked up on disk without loading it.

The segmentation model's 2.6 million features would cost seconds and hundreds
of megabytes as a Python dict; as a table, opening it reads a header, and a
lookup reads one small bucket (two positioned reads, answered from the page
cache; the bucket index is memory-mapped, a few megabytes at most): the
process's memory does not grow with the model. Keys are found by
a 64-bit hash (CRC-32 and Adler-32 of the UTF-8 bytes: fast, and only a way
to find the bucket), then compared byte for byte, so a lookup is exact: a
key that is not in the table is never taken for one that is.

Layout (little-endian): header (magic, count, bucket bits); the byte offset
of each bucket from the start of the data (u64, 2**bits + 1); the data: each
bucket's entries in hash order, an entry being its hash (u64), its value
(i64), the length of its key (u16) and the key's UTF-8 bytes.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from array import array
from pathlib import Path
from typing import Iterable

MAGIC = b"RLSTAB03"
_HEADER = struct.Struct("<8sQQ")
_ENTRY = struct.Struct("<QqH")
MAX_KEY = 0xFFFF


class TableError(ValueError):
    """The file is not a string table this code can read."""


def key_hash(data: bytes) -> int:
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


def bucket_bits(count: int) -> int:
    """About four keys a bucket."""
    return min(24, (count // 4).bit_length())


def write_table(path: Path, items: Iterable[tuple[str, int]] | Iterable[str], values: bool) -> int:
    """Write `items` (key, value pairs when `values`, else keys with value 0) to `path`; returns how many keys."""
    rows = []
    for item in items:
        key, value = item if values else (item, 0)
        data = key.encode("utf-8")
        if len(data) > MAX_KEY:
            raise TableError(f"a key of {len(data)} bytes is too long for a string table")
        rows.append((key_hash(data), data, value))
    rows.sort()
    bits = bucket_bits(len(rows))
    shift = 64 - bits
    offsets = array("Q")
    chunks: list[bytes] = []
    at = j = 0
    for bucket in range(2**bits):
        offsets.append(at)
        while j < len(rows) and rows[j][0] >> shift == bucket:
            h, data, value = rows[j]
            chunk = _ENTRY.pack(h, value, len(data)) + data
            chunks.append(chunk)
            at += len(chunk)
            j += 1
    offsets.append(at)
    if offsets.itemsize != 8:
        raise TableError("this platform's unsigned long long is not 8 bytes")
    if array("H", [1]).tobytes() != b"\x01\x00":
        offsets.byteswap()
    with open(path, "wb") as out:
        out.write(_HEADER.pack(MAGIC, len(rows), bits))
        out.write(offsets.tobytes())
        out.write(b"".join(chunks))
    return len(rows)


class StringTable:
    """A table written by write_table: `key in table`, `table.get(key, default)`."""

    def __init__(self, path: Path):
        self._fd = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(self._fd).st_size
            head = os.pread(self._fd, _HEADER.size, 0)
            if len(head) != _HEADER.size:
                raise TableError(f"{path}: too short for a string table")
            magic, count, bits = _HEADER.unpack(head)
            if magic != MAGIC or bits > 24:
                raise TableError(f"{path}: not a string table")
            self._data = _HEADER.size + (2**bits + 1) * 8
            self._shift = 64 - bits
            if size < self._data:
                raise TableError(f"{path}: a damaged string table (shorter than its index)")
            self._map = mmap.mmap(self._fd, self._data, access=mmap.ACCESS_READ)
            self._starts = memoryview(self._map)[_HEADER.size :].cast("Q")
            if self._data + self._starts[2**bits] != size:
                raise TableError(f"{path}: a damaged string table (its size does not match its index)")
        except BaseException:
            os.close(self._fd)
            self._fd = None
            raise
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __del__(self, _close=os.close) -> None:
        fd = getattr(self, "_fd", None)
        if fd is not None:
            _close(fd)

    def _lookup(self, key: str) -> int | None:
        """The key's value, or None."""
        data = key.encode("utf-8")
        h = key_hash(data)
        bucket = h >> self._shift
        start, end = self._starts[bucket], self._starts[bucket + 1]
        region = os.pread(self._fd, end - start, self._data + start)
        pos, stop = 0, len(region)
        while pos < stop:
            entry_hash, value, length = _ENTRY.unpack_from(region, pos)
            pos += _ENTRY.size
            if entry_hash > h:
                return None
            if entry_hash == h and region[pos : pos + length] == data:
                return value
            pos += length
        return None

    def __contains__(self, key: str) -> bool:
        return self._lookup(key) is not None

    def get(self, key: str, default: int) -> int:
        value = self._lookup(key)
        return default if value is None else value
