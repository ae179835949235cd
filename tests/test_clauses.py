"""clause_start / clause_end look near the position; they must agree with a scan from the text's start."""

import random
import re

from linter.analyses.clauses import clause_end, clause_start

STOPS = re.compile(r"[，。；]")


def _naive(text: str, start: int, end: int) -> tuple[int, int]:
    before = max((m.end() for m in STOPS.finditer(text, 0, start)), default=0)
    after = STOPS.search(text, end)
    return before, after.start() if after else len(text)


def test_clause_bounds_agree_with_a_scan_from_the_start():
    rng = random.Random(7)
    for _ in range(2000):
        # Stops rare or dense, and texts longer than the first look-back, so the look-back has to grow.
        alphabet = "决定" * rng.choice((1, 20, 400)) + "，。；"
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 900)))
        start = rng.randrange(0, len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        assert (clause_start(text, start, STOPS), clause_end(text, end, STOPS)) == _naive(text, start, end)


def test_a_stop_just_before_the_position_ends_the_clause_before_it():
    assert clause_start("甲，乙", 2, STOPS) == 2
    assert clause_start("甲，乙", 1, STOPS) == 0
    assert clause_end("甲，乙", 1, STOPS) == 1
