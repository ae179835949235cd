"""spaCy's Matcher for the token patterns rules use, on a list of token texts, without spaCy.

A pattern is a list of token specs; spaCy's Matcher (with no `greedy` setting)
returns every (start, end) where the tokens from start to end match the
pattern as a whole, overlapping or not, and never an empty span. This module
returns the same set for the specs it understands: TEXT or ORTH given as a
string, {IN: [...]}, {NOT_IN: [...]} or {REGEX: ...} (re.search, as spaCy
does), a spec with no attribute (any token), and OP '1', '+', '*', '?' or
'!'. `compile_patterns` returns None for any other pattern, and the caller
asks spaCy. tests/test_token_matcher.py compares both on the seeds, the
unpc-dev lines and random token sequences.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

_OPS = {"1", "+", "*", "?", "!"}
_ATTRS = ("TEXT", "ORTH")  # both are the token's text

Predicate = Callable[[str], bool]
Step = tuple[Predicate, str]  # (does a token fit, OP)


def compile_patterns(patterns: Sequence) -> list[list[Step]] | None:
    """The patterns as steps, or None when one of them uses something this module does not read."""
    compiled = []
    for pattern in patterns:
        if not isinstance(pattern, list) or not pattern:
            return None
        steps = []
        for spec in pattern:
            step = _step(spec)
            if step is None:
                return None
            steps.append(step)
        compiled.append(steps)
    return compiled


def _step(spec) -> Step | None:
    if not isinstance(spec, dict):
        return None
    op = spec.get("OP", "1")
    if op not in _OPS or set(spec) - {"OP", *_ATTRS}:
        return None
    tests = []
    for attr in _ATTRS:
        if attr in spec:
            test = _predicate(spec[attr])
            if test is None:
                return None
            tests.append(test)
    if not tests:
        return (lambda text: True), op
    if len(tests) == 1:
        return tests[0], op
    return (lambda text: all(t(text) for t in tests)), op


def _predicate(value) -> Predicate | None:
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, arg), = value.items()
    if key in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        wanted = frozenset(arg)
        return wanted.__contains__ if key == "IN" else (lambda text: text not in wanted)
    if key == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda text: search(text) is not None
    return None


def find_matches(steps_list: list[list[Step]], texts: Sequence[str]) -> set[tuple[int, int]]:
    """Every (start, end) where texts[start:end] matches one of the patterns as a whole (end > start)."""
    found: set[tuple[int, int]] = set()
    n = len(texts)
    for steps in steps_list:
        fits = [[test(t) for t in texts] for test, _ in steps]  # each spec against each token, once
        for start in range(n):
            for end in _ends(steps, fits, start, n):
                if end > start:
                    found.add((start, end))
    return found


def _ends(steps: list[Step], fits: list[list[bool]], start: int, n: int) -> set[int]:
    """Where a match of the whole pattern starting at `start` can end: a set of states (the step reached)
    advanced one token at a time, as a regular expression over tokens."""
    last = len(steps)
    ends: set[int] = set()
    states = _closure({0}, steps)
    pos = start
    while states:
        if last in states:
            ends.add(pos)
        if pos == n:
            break
        moved: set[int] = set()
        for k in states:
            if k == last:
                continue
            op = steps[k][1]
            fit = fits[k][pos]
            if op == "!":
                fit = not fit
            if not fit:
                continue
            if op in ("+", "*"):
                moved.add(k)  # stay: one more token of the same spec
            moved.add(k + 1)
        states = _closure(moved, steps)
        pos += 1
    return ends


def _closure(states: set[int], steps: list[Step]) -> set[int]:
    """Add the states reached by skipping optional specs ('*', '?')."""
    out = set(states)
    todo = list(states)
    while todo:
        k = todo.pop()
        if k < len(steps) and steps[k][1] in ("*", "?") and k + 1 not in out:
            out.add(k + 1)
            todo.append(k + 1)
    return out
