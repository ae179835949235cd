"""Every regex in rules/ (rule options, token patterns, the bodies registry) runs in linear time on hostile text.

Each is run over 1 MB inputs built to make a backtracking matcher slow (long
runs of one character, brackets and quotes never closed, long runs of what
a pattern repeats) and must finish within a budget relative to `str.count`
over the same input: a ratio, so a loaded machine does not fail it, while a
quadratic pattern (a million times slower at this size) cannot pass.
"""

from __future__ import annotations

import functools
import re
import signal
import time

import pytest

from linter.datafile import read_yaml
from linter.engine.loader import load_rules
from linter.registries.bodies import BODIES_FILE

pytestmark = pytest.mark.slow

SIZE = 1_000_000
RATIO = 3000  # a linear scan here costs tens to hundreds of str.count scans; a quadratic one, millions
BODY_REGEX_KEYS = {"pattern", "title_patterns", "resolution_symbol", "resolution_number", "decision_number",
                   "cited_as", "decision_cited_as"}


def _regexes() -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node, where: str, keys: set[str], inside: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}/{key}", keys, inside or key in keys)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}", keys, inside)
        elif isinstance(node, str) and inside:
            found[where] = node

    for rule in load_rules():
        walk(rule.options, rule.id, {"pattern", "context", "prefilter", "REGEX"})
    walk(read_yaml(BODIES_FILE, "the bodies registry"), "bodies", BODY_REGEX_KEYS)
    return found


@functools.lru_cache(maxsize=1)
def _hostile_inputs() -> dict[str, str]:
    runs = {f"run of {ch!r}": ch * SIZE for ch in ("a", "1", " ", "的", "，", "第", "年", ".", "/", "-", "\n", "　")}
    unclosed = {f"unclosed {o!r}": o + fill * (SIZE - 1) for o in ("(", "（", "《", "“", "[", "‘")
                for fill in ("中", "1")}
    repeats = {
        "digits and spaces": "1 " * (SIZE // 2),
        "symbol-like": "A/" * (SIZE // 2),
        "dates without end": "2013 年 12 月 " * (SIZE // 12),
        "numbers and slashes": "66/181，" * (SIZE // 7),
        "CJK pairs": "回顾" * (SIZE // 2),
        "resolution without 号": "第 66/181 " * (SIZE // 9),
    }
    return {**runs, **unclosed, **repeats}


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


REGEXES = _regexes()


def test_the_rules_have_regexes_to_check():
    assert any(k.startswith("RP") for k in REGEXES) and any("REGEX" in k for k in REGEXES)
    assert any(k.startswith("bodies/") for k in REGEXES)


@pytest.mark.parametrize("where", sorted(REGEXES))
def test_runs_in_linear_time(where):
    pattern = re.compile(REGEXES[where])
    slow = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for name, text in _hostile_inputs().items():
            reference = _best(lambda: text.count("ab")) + 1e-6
            signal.alarm(5)  # a hard stop for a pattern that would take hours; the ratio is the test
            try:
                elapsed = _best(lambda: sum(1 for _ in pattern.finditer(text)), repeat=1)
            except _TooSlow:
                elapsed = float("inf")
            finally:
                signal.alarm(0)
            if elapsed > RATIO * reference:
                slow.append(f"{name}: {elapsed:.3f} s, {elapsed / reference:.0f}× str.count")
                break  # one is enough to say so
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not slow, f"{where} ({REGEXES[where]!r}) is not linear: {slow}"
