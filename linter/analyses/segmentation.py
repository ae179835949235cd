"""Chinese word segmentation: pkuseg as spaCy's zh tokenizer runs it, loaded once and lazily, cached on disk.

Importing this module imports neither spaCy nor the model. A segmentation
found in the cache (keyed by text, model and lexicon) never loads them, so
a re-check of an unchanged draft costs no model load at all. The model is
read in its memory-mapped form (pkuseg_mapped) where `make install` wrote
one, which opens in milliseconds and never imports spaCy.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Iterable, Sequence

from linter.errors import InputError
from linter.user_cache import CACHE_ENV, cache_dir  # noqa: F401 (cache_dir: where batch keeps its results too)
from linter.user_cache import fast_commits

MODEL_ID = "pkuseg-0.0.25-default"
MODEL_ENV = "RESOLINT_PKUSEG_MODEL"
FIX_HINT = ("run `make install` (or `python -m linter.commands.model_install`; with `--user`, for every resolint "
            "of this user, pre-commit's included)")


class ModelError(InputError):
    """The segmentation model is missing or unusable; stops the run (exit 2)."""


def default_model_dir() -> Path:
    return Path(sys.prefix) / "share" / "resolint" / "pkuseg" / "default"


def user_model_dir() -> Path:
    """Where `model_install --user` puts the model: every resolint installation of this user finds it there (the
    environment pre-commit builds for its hook included)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("resolint")) / "pkuseg" / "default"


def model_dir() -> Path:
    """$RESOLINT_PKUSEG_MODEL; else this installation's model, or failing that the user's (model_install --user)."""
    if os.environ.get(MODEL_ENV):
        return Path(os.environ[MODEL_ENV])
    own = default_model_dir()
    if not (own / "weights.npz").is_file() and (user_model_dir() / "weights.npz").is_file():
        return user_model_dir()
    return own


class SegmentCache:
    """Segmentations on disk in SQLite: one row per (model, lexicon, text) digest.

    A cache that cannot be used (a path that cannot be created, a read-only
    home, a corrupt file) only costs speed: it is given up for the run and
    `unusable` says why, for one warning.
    """

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.unusable: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and self.unusable is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=5, check_same_thread=False)
                fast_commits(db)
                db.execute("CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, tokens TEXT NOT NULL)")
                self._db = db
            except (sqlite3.Error, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                self.unusable = f"segmentation cache {self.path.parent} unusable ({reason}); checking without it"
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, tuple[str, ...]]:
        db = self._connect()
        if db is None or not keys:
            return {}
        found: dict[str, tuple[str, ...]] = {}
        with self._lock:
            try:
                for i in range(0, len(keys), 500):
                    chunk = keys[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    for key, tokens in db.execute(f"SELECT key, tokens FROM segments WHERE key IN ({marks})", chunk):
                        found[key] = tuple(tokens.split("\x1f"))
            except sqlite3.Error:
                return {}
        return found

    def put_many(self, items: dict[str, Sequence[str]]) -> None:
        db = self._connect()
        if db is None or not items:
            return
        with self._lock:
            try:
                with db:
                    db.executemany(
                        "INSERT OR REPLACE INTO segments (key, tokens) VALUES (?, ?)",
                        [(k, "\x1f".join(v)) for k, v in items.items()],
                    )
            except sqlite3.Error:
                pass


class Segmenter:
    """Segments text with pkuseg through spaCy; the verb lexicon is its user dictionary."""

    def __init__(self, model: Path, user_words: Iterable[str], cache: SegmentCache | None, pipeline=None):
        """`pipeline`: an already loaded spaCy pipeline of the same model and words, to share instead of loading."""
        self.model = model
        self.user_words = sorted(set(user_words))
        lexicon_hash = hashlib.sha256("\n".join(self.user_words).encode()).hexdigest()[:16]
        self._salt = f"{MODEL_ID}|{lexicon_hash}|"
        self.cache = cache
        self._nlp = pipeline
        self._lock = threading.Lock()
        self.loads = 0  # how many times the model was loaded (0 on a warm cache)

    def cache_key(self, text: str) -> str:
        """The cache's key for `text`: it changes with the model and with the lexicon."""
        return hashlib.sha256((self._salt + text).encode()).hexdigest()

    def nlp(self):
        with self._lock:
            if self._nlp is None:
                self._nlp = load_pipeline(self.model, self.user_words)
                self.loads += 1
            return self._nlp

    def segment(self, text: str) -> tuple[str, ...]:
        """Words of `text`, each with the whitespace that follows it: "".join(words) == text."""
        return self.segment_many([text])[0]

    def segment_many(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        keys = [self.cache_key(t) for t in texts]
        known = self.cache.get_many(sorted(set(keys))) if self.cache else {}
        missing = {k: t for k, t in zip(keys, texts) if k not in known and t}
        if missing:
            fresh = dict(zip(missing, self.nlp().pipe(missing.values())))
            known.update(fresh)
            if self.cache:
                self.cache.put_many(fresh)
        return [known.get(k, ()) for k in keys]

    def known_words(self, words: Sequence[str]) -> list[bool]:
        """Whether each of `words` is in the model's vocabulary (the words pkuseg was trained on), cached like
        segmentations: 关于, 重视 are words; 回故, 决订 (misspelt openers) are not."""
        keys = [self.cache_key("vocabulary\x1f" + w) for w in words]
        known = self.cache.get_many(sorted(set(keys))) if self.cache else {}
        missing = {k: w for k, w in zip(keys, words) if k not in known}
        if missing:
            nlp = self.nlp()
            fresh = {k: ("1" if nlp.in_vocabulary(w) else "0",) for k, w in missing.items()}
            known.update(fresh)
            if self.cache:
                self.cache.put_many(fresh)
        return [known[k] == ("1",) for k in keys]


def load_pipeline(model: Path, user_words: list[str]):
    """The segmenter of `model` with our user dictionary: its memory-mapped form (milliseconds to open, no
    spaCy), or spaCy's zh pipeline where the model has none (a model installed by hand, an older install).
    Both give the same words; both have `pipe(texts)` (each text's tokens) and `in_vocabulary(word)`."""
    files = (model / "weights.npz", model / "features.msgpack")
    try:
        missing = not all(f.is_file() for f in files)
        unreadable = not missing and not all(os.access(f, os.R_OK) for f in files)
    except PermissionError:  # the folder itself cannot be entered
        missing, unreadable = False, True
    if missing:
        raise ModelError(str(model), f"pkuseg segmentation model not found; {FIX_HINT}")
    if unreadable:
        raise ModelError(str(model), "pkuseg segmentation model cannot be read (permission denied); "
                         f"make it readable (chmod -R a+rX), reinstall it ({FIX_HINT}) or set {MODEL_ENV}")
    from linter.analyses.pkuseg_mapped import MappedPkuseg, mapped_form_present

    if mapped_form_present(model):
        try:
            return MappedPkuseg(model, user_words)
        except (OSError, ValueError) as exc:
            raise ModelError(str(model), f"pkuseg model is unusable ({type(exc).__name__}); {FIX_HINT}") from None
    return SpacyPipeline(load_spacy_pipeline(model, user_words))


def load_spacy_pipeline(model: Path, user_words: list[str]):
    """spaCy's blank zh pipeline with the pkuseg segmenter and our user dictionary (the reference the mapped form
    is tested against)."""
    import spacy

    try:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
        nlp.tokenizer.pkuseg_update_user_dict(list(user_words))
    except Exception as exc:  # numpy, msgpack and pkuseg each fail differently on a damaged model
        raise ModelError(str(model), f"pkuseg model is unusable ({type(exc).__name__}); {FIX_HINT}") from None
    return nlp


class SpacyPipeline:
    """spaCy's pipeline seen as the Segmenter uses a pipeline."""

    def __init__(self, nlp):
        self.nlp = nlp

    def pipe(self, texts: Iterable[str]):
        # Tokens keep their trailing whitespace, so they always join back to the text.
        for doc in self.nlp.pipe(texts):
            yield tuple(tok.text_with_ws for tok in doc)

    def in_vocabulary(self, word: str) -> bool:
        return word in self.nlp.tokenizer.pkuseg_seg.feature_extractor.unigram


@functools.lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    global _shared_cache
    from linter.registries.lexicon import user_dictionary  # the lexicon is read only when something is segmented

    _shared_cache = SegmentCache(cache_dir() / "segments.sqlite")
    return Segmenter(model_dir(), user_dictionary(), _shared_cache)


_shared_cache: SegmentCache | None = None  # the cache of the segmenter the rules use, once set up
_warned: set[str] = set()


def new_warnings() -> list[str]:
    """Warnings about the segmenter not yet given (its cache unusable), each returned once per process."""
    problem = _shared_cache.unusable if _shared_cache is not None else None
    if problem is None or problem in _warned:
        return []
    _warned.add(problem)
    return [problem]
