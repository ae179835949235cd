"""Lines too long for the editor: a paste whose line breaks were lost puts a whole draft on one line.

Textual's TextArea measures and divides a line for every screen row it paints, so a line of two million characters
took a minute to show and held each key as long, wrapped or not. Such a line is no paragraph: the editor breaks it
where paragraphs and sentences end, the drafter is told, and the file on disk is unchanged until it is saved.
"""

from __future__ import annotations

import re

LONG_LINE = 20_000  # longer than any paragraph of a resolution: the line breaks were lost
PIECE = 2_000  # the longest piece left after breaking, when no sentence ends sooner

_SENTENCE_END = re.compile(r"(?<=[。；：])")


def break_long_lines(text: str) -> str:
    """`text` with each line longer than LONG_LINE broken after 。；： (and a piece still longer than PIECE after
    its last ， within PIECE, or at PIECE when it has none); other lines as they are."""
    if longest_line(text) <= LONG_LINE:
        return text
    lines = text.split("\n")
    return "\n".join(_pieces(line) if len(line) > LONG_LINE else line for line in lines)


def longest_line(text: str) -> int:
    return max(map(len, text.split("\n")))


def _pieces(line: str) -> str:
    out: list[str] = []
    for sentence in _SENTENCE_END.split(line):
        while len(sentence) > PIECE:
            cut = sentence.rfind("，", 0, PIECE) + 1 or PIECE
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        if sentence:
            out.append(sentence)
    return "\n".join(out)
