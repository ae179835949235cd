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


_TEXT_MEMOS: list[dict] = []
_scopes = 0


def per_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Cache fn(text) for the rest of the current lint (see text_memos): an analysis of one paragraph that several
    rules make (its dates, its bracket pairs) is made once. Outside a lint it is not cached; what it returns is
    shared, so callers must not change it."""
    results: dict[str, T] = {}
    _TEXT_MEMOS.append(results)

    @functools.wraps(fn)
    def wrapper(text: str) -> T:
        if not _scopes:
            return fn(text)
        try:
            return results[text]
        except KeyError:
            value = results[text] = fn(text)
            return value

    return wrapper


@contextlib.contextmanager
def text_memos() -> Iterator[None]:
    """The span of one lint (lint.lint enters it, one lint at a time): per_text results are kept inside, and
    dropped when it ends, so memory does not outlive the draft."""
    global _scopes
    _scopes += 1
    try:
        yield
    finally:
        _scopes -= 1
        if not _scopes:
            for results in _TEXT_MEMOS:
                results.clear()
