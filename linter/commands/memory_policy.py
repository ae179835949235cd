"""How the process asks glibc for memory when it reads a big draft.

glibc serves a block above its mmap threshold (128 KB at first) with mmap, and returns it to the system when it is
freed. But the first such block freed raises the threshold to its size (up to 32 MB): from then on a big draft's
texts and tables come from the heap, where what one lint frees is left fragmented beside what the next one takes
(fix lints twice). A fixed threshold keeps them mapped: `fix` of a 10 MB draft peaked at 95 MB instead of 104,
at the same speed.
"""

from __future__ import annotations

import os

BIG_FILE = 4_000_000  # bytes: below this the interpreter's own memory outweighs the draft's
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
_THRESHOLD = 128 * 1024  # glibc's own starting value

_set = False


def before_reading(path: str) -> bool:
    """Fix the mmap threshold before a big file at `path` is read (its bytes, freed once decoded, would raise it);
    whether it is fixed (glibc only). Standard input and files that cannot be read are left to the reader."""
    global _set
    if _set:
        return True
    try:
        big = os.path.getsize(path) >= BIG_FILE
    except (OSError, ValueError):
        return False
    if big:
        import ctypes

        try:
            _set = bool(ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
        except (OSError, AttributeError):  # not glibc (no mallopt): its allocator's own ways
            pass
    return _set
