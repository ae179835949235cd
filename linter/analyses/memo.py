"""Memos: analyses several rules share are computed once per Document (openers, citations) or per paragraph text
within one lint (dates, bracket pairs)."""

from __future__ import annotations

import contextlib
import functools
import weakref
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


def per_document(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache fn(doc) for as long as `doc` lives (keyed by identity: hashing a Document hashes its text)."""
    results: dict[int, T] = {}

    @functools.wraps(fn)
    def wrapper(doc) -> T:
        key = id(doc)
        if key not in results:
            results[key] = fn(doc)
            weakref.finalize(doc, results.pop, key, None)
        return results[key]

    wrapper.cache = results  # type: ignore[attr-defined]
    return wrapper


class _TextMemo:
    """One per_text function's results: this lint's, and those a kept session brought from the lint before."""

    __slots__ = ("current", "previous")

    def __init__(self) -> None:
        self.current: dict = {}
        self.previous: dict = {}


_TEXT_MEMOS: list[_TextMemo] = []
_MISSING = object()
_scopes = 0


def per_text(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache fn(text, *more) for the rest of the current lint (see text_memos): an analysis of one paragraph that
    several rules make (its dates, its bracket pairs) is made once. `more` (hashable: a registry's word list) is
    part of the key. Outside a lint it is not cached; what it returns is shared, so callers must not change it.
    fn must depend on nothing but its arguments and the registries: a KeptMemos session reuses its results in
    the next lint of the draft."""
    memo = _TextMemo()
    _TEXT_MEMOS.append(memo)

    @functools.wraps(fn)
    def wrapper(text: str, *more) -> T:
        if not _scopes:
            return fn(text, *more)
        key = (text, *more) if more else text
        try:
            return memo.current[key]
        except KeyError:
            value = memo.previous.pop(key, _MISSING)
            if value is _MISSING:
                value = fn(text, *more)
            memo.current[key] = value
            return value

    return wrapper


class KeptMemos:
    """per_text results kept from one lint of a draft to the next (an editor's versions): paragraphs that did not
    change are not analysed again. Only what the last lint used is kept, so the memory stays that of one draft."""

    def __init__(self) -> None:
        self.results: list[dict] = []
        self.hits = 0  # results the last lint took from the one before (for tests and bench)


@contextlib.contextmanager
def text_memos(kept: KeptMemos | None = None) -> Iterator[None]:
    """The span of one lint (lint.lint enters it, one lint at a time): per_text results are kept inside, and
    dropped when it ends, so memory does not outlive the draft; with `kept`, handed to the next lint that
    enters with it instead."""
    global _scopes
    outermost = not _scopes
    if outermost and kept is not None:
        for memo, results in zip(_TEXT_MEMOS, kept.results):
            memo.previous = results
    _scopes += 1
    try:
        yield
    finally:
        _scopes -= 1
        if not _scopes:
            if outermost and kept is not None:
                kept.hits = sum(len(r) for r in kept.results) - sum(len(m.previous) for m in _TEXT_MEMOS)
                kept.results = [memo.current for memo in _TEXT_MEMOS]
            for memo in _TEXT_MEMOS:
                memo.current, memo.previous = {}, {}
