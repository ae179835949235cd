"""Where the clause around a position begins and ends, found near the position rather than from the paragraph's
start, so that a paragraph of two million characters (a paste with its line breaks lost) costs no more per look
than a short one."""

from __future__ import annotations

import re

# The narrowest look-back tried first; it grows fourfold until a stop is found or the text's start is reached.
_FIRST_WIDTH = 64


def clause_start(text: str, pos: int, stops: re.Pattern[str]) -> int:
    """Just after the last match of `stops` that ends at or before `pos` (0 when there is none)."""
    width = _FIRST_WIDTH
    while True:
        low = max(0, pos - width)
        last = None
        for last in stops.finditer(text, low, pos):
            pass
        if last is not None:
            return last.end()
        if low == 0:
            return 0
        width *= 4


def clause_end(text: str, pos: int, stops: re.Pattern[str]) -> int:
    """Where the first match of `stops` at or after `pos` begins (the text's length when there is none)."""
    found = stops.search(text, pos)
    return found.start() if found else len(text)


def closing_paren(text: str, pos: int, end: int) -> int | None:
    """Where the bracket opened at `pos` closes before `end` (( and （ alike), or None."""
    depth = 0
    for i in range(pos, end):
        if text[i] in "(（":
            depth += 1
        elif text[i] in ")）":
            depth -= 1
            if depth == 0:
                return i
    return None
