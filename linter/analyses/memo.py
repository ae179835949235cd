"""Per-document memo: analyses several rules share (openers, citations) are computed once per Document."""

from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

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
