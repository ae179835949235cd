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
        usual = dominant(endings)
        return usual.join(new_lines)
    old_lines = read_text.split("\n")
    usual = dominant(endings)
    chosen: list[str] = []  # the ending after each new line but the last
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            if tag == "equal" or (tag == "replace" and i1 + k < i2):
                old = i1 + k
            else:
                old = i1 + min(k, i2 - i1) - 1 if tag == "replace" else i1 - 1
            chosen.append(endings[old] if 0 <= old < len(endings) else usual)
    chosen = chosen[: len(new_lines) - 1]
    out = [new_lines[0]]
    for ending, line in zip(chosen, new_lines[1:]):
        out.append(ending)
        out.append(line)
    return "".join(out)
