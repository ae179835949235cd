"""Memos: analyses several rules share are computed once per Document (openers, citations) or per paragraph text
within one lint (dates, bracket pairs)."""

from __future__ import annotations

import contextlib
import functools
import operator
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
_keeping = False  # the current lint hands its results on (KeptMemos): per_part caches only then


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
        # get, not try/except KeyError: in an editor's lint most first asks miss `current` (found in `previous`),
        # and a raised KeyError costs more than the lookup.
        value = memo.current.get(key, _MISSING)
        if value is _MISSING:
            value = memo.previous.pop(key, _MISSING)
            if value is _MISSING:
                value = fn(text, *more)
            memo.current[key] = value
        return value

    return wrapper


def per_text_batch(fn: Callable[..., list]) -> Callable[..., list]:
    """per_text for an analysis made of many texts at once (a segmenter's batch): fn(texts, *more) gives one
    result per text, and is called with only the texts whose results are not held."""
    memo = _TextMemo()
    _TEXT_MEMOS.append(memo)

    @functools.wraps(fn)
    def wrapper(texts: list[str], *more) -> list:
        if not _scopes:
            return fn(texts, *more)
        out: list = [None] * len(texts)
        missing: dict = {}
        for i, text in enumerate(texts):
            key = (text, *more) if more else text
            value = memo.current.get(key, _MISSING)
            if value is _MISSING:
                value = memo.previous.pop(key, _MISSING)
                if value is not _MISSING:
                    memo.current[key] = value
            if value is _MISSING:
                missing.setdefault(key, []).append(i)
            else:
                out[i] = value
        if missing:
            fresh = fn([key[0] if more else key for key in missing], *more)
            for (key, where), value in zip(missing.items(), fresh):
                memo.current[key] = value
                for i in where:
                    out[i] = value
        return out

    return wrapper


_PART_KEYS: dict[int, tuple] = {}  # id(part) → (part, key, base), for the current lint


_KEY_FIELDS = ("kind", "number", "label", "level")
# A part class → what reads the _KEY_FIELDS it has: with the class's name in the key, that tells parts apart as
# well as all four would, and an attrgetter reads them without a Python loop (every part's key is made every lint).
_FIELD_GETTERS: dict[type, Callable] = {}


def _fields(part):
    get = _FIELD_GETTERS.get(type(part))
    if get is None:
        names = [name for name in _KEY_FIELDS if hasattr(part, name)]
        get = _FIELD_GETTERS[type(part)] = operator.attrgetter(*names) if names else (lambda p: None)
    return get(part)


def part_key(doc, part) -> tuple[tuple, int]:
    """(key, base): what an analysis of `part` alone can depend on (its kind and fields, its text, the shape of
    its map to the original, the original text it spans), and the original offset that map is relative to."""
    if _scopes:
        known = _PART_KEYS.get(id(part))
        if known is not None and known[0] is part:
            return known[1], known[2]
    fields = _fields(part)
    base, shape = doc.offsets.shape(part.offset, part.offset + len(part.text))
    key = (type(part).__name__, fields, part.text, shape, doc.source.text[part.start : part.end])
    if _scopes:
        _PART_KEYS[id(part)] = (part, key, base)
    return key, base


def keeping() -> bool:
    """Whether this lint hands its results on (KeptMemos): per_part caches only then."""
    return _keeping


def per_part(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache fn(doc, part, *more) by part_key and `more` (hashable), for the lint and (with KeptMemos) the next:
    fn must say nothing that depends on where the part stands (offsets relative to it) or on any other part."""
    memo = _TextMemo()
    _TEXT_MEMOS.append(memo)

    @functools.wraps(fn)
    def wrapper(doc, part, *more) -> T:
        if not _keeping:  # a one-off lint: the key would cost more than it saves
            return fn(doc, part, *more)
        key = part_key(doc, part)[0]
        if more:
            key = (key, *more)
        value = memo.current.get(key, _MISSING)  # as in per_text
        if value is _MISSING:
            value = memo.previous.pop(key, _MISSING)
            if value is _MISSING:
                value = fn(doc, part, *more)
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
    global _scopes, _keeping
    outermost = not _scopes
    if outermost:
        _keeping = kept is not None
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
            _PART_KEYS.clear()
            _keeping = False
