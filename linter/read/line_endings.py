"""A draft's line endings as found (LF, CRLF, CR, or a mix), remembered so that writing it back restores them.

Reading turns every ending into "\\n" so offsets are the same whatever the
file used; these are the endings that "\\n" stood for, and the way to put
them back into a text that was edited since.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

# What "\n" number i of the read text was in the file, or one ending for all of them (the usual case,
# kept as a single string so that a large uniform file costs nothing).
LineEndings = str | tuple[str, ...]

_ENDING = re.compile(r"\r\n|\r|\n")


def find_endings(raw: str) -> LineEndings:
    """The endings of `raw`, a decoded file before its newlines are normalised."""
    found = _ENDING.findall(raw)
    kinds = set(found)
    if len(kinds) > 1:
        return tuple(found)
    return found[0] if found else "\n"


def dominant(endings: LineEndings) -> str:
    if isinstance(endings, str):
        return endings
    return Counter(endings).most_common(1)[0][0] if endings else "\n"


def restore(text: str, endings: LineEndings, read_text: str | None = None) -> str:
    """`text` (newlines as "\\n") with the file's own endings put back.

    A uniform file gets its one ending everywhere. In a mixed file a line that
    is still there keeps its own ending; `read_text` is the text as read, to
    tell which lines those are. A new or rewritten line takes the ending of the
    line it replaced, or of the line before it, or the file's usual ending.
    """
    if isinstance(endings, str):
        return text if endings == "\n" else text.replace("\n", endings)
    new_lines = text.split("\n")
    if read_text is None or read_text.count("\n") != len(endings):
        return dominant(endings).join(new_lines)
    old_lines = read_text.split("\n")
    # Lines before the first change and after the last are the same lines: they keep their endings exactly
    # (a diff of the lines in between could pair two identical lines the other way round).
    head = 0
    while head < min(len(old_lines), len(new_lines)) - 1 and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (tail < min(len(old_lines), len(new_lines)) - 1 - head
           and old_lines[-1 - tail] == new_lines[-1 - tail]):
        tail += 1
    old_ends = [*endings, ""]  # each old line's ending; the last line has none
    n_old, n_new = len(old_lines), len(new_lines)
    ends = old_ends[:head]
    ends += [old_ends[first] if 0 <= first < n_old else "" for first in
             _middle(old_lines[head : n_old - tail], new_lines[head : n_new - tail], head)]
    ends += old_ends[n_old - tail :] if tail else []
    usual = dominant(endings)
    out = []
    for k, line in enumerate(new_lines):
        out.append(line)
        if k < n_new - 1:
            out.append(ends[k] or usual)  # a line that became the last-but-something needs a real ending
    return "".join(out)


def _middle(old_lines: list[str], new_lines: list[str], first: int) -> list[int]:
    """For each of `new_lines` (which replace `old_lines`, line `first` on), the old line whose ending it takes:
    a kept line its own, a new or rewritten line that of the line it replaced, or of the line before it."""
    chosen: list[int] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            if tag == "equal" or (tag == "replace" and i1 + k < i2):
                old = i1 + k
            else:
                old = i1 + min(k, i2 - i1) - 1 if tag == "replace" else i1 - 1
            chosen.append(first + old)
    return chosen
