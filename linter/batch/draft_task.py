"""The work on one draft, the same in every worker process (local pool or Dask): bytes in, an outcome out.

Rules come ready-made with the task's setup, so a worker reads no rule file; the segmenter is
`segmentation.segmenter()`, loaded at most once per process and only when a paragraph's
segmentation is not already in the cache.
"""

from __future__ import annotations

import os
import resource
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from linter.analyses.segmentation import ModelError, SegmentCache, segmenter
from linter.batch.outcomes import FileOutcome
from linter.engine.rule import Rule
from linter.errors import InputError
from linter.lint import lint
from linter.read.sources import read_bytes
from linter.registries.treaties import use_registry_files


@dataclass(frozen=True)
class DraftSetup:
    """What every worker needs: the configured rules and the user's treaty registries."""

    rules: tuple[Rule, ...]
    treaty_files: tuple[Path, ...] = ()


class ModelUnusable(Exception):
    """The segmentation model cannot be loaded: no draft can be checked, so the batch stops."""


def check_draft(setup: DraftSetup, path: str, data: bytes) -> FileOutcome:
    """Lint one draft's bytes as `resolint check` would lint the file; any failure becomes the outcome's error."""
    use_registry_files(setup.treaty_files)
    t0 = time.perf_counter()
    text, fmt, findings, error = "", "", (), None
    try:
        result = lint(read_bytes(data, path), setup.rules)
        text, fmt, findings = result.text, result.document.source.format, result.findings
    except ModelError as exc:
        raise ModelUnusable(str(exc)) from None
    except InputError as exc:
        error = exc.reason
    except RecursionError:
        error = "document too deeply nested to read"
    except Exception as exc:  # a rule that raises must not cost the editor the rest of the batch
        error = f"internal error ({type(exc).__name__}: {exc}); please report it"
    return FileOutcome(
        path=path, text=text, findings=tuple(findings), error=error, format=fmt,
        seconds=time.perf_counter() - t0, worker=f"pid {os.getpid()}",
        segmenter_loads=segmenter().loads, peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


# --- the local process pool ---------------------------------------------------

_POOL_SETUP: DraftSetup | None = None


_WARM_UP_DRAFT = "大会，\n\n回顾其以往各项决议，\n\n1. 表示关切的注意到报告（A/68/1）；\n\n2. 决定继续审议此事。\n"


def prepare_to_fork(setup: DraftSetup) -> None:
    """Before workers are forked from this process: lint a small draft, so every checker is imported, every
    registry read and the model opened here, once, and shared by the workers. The segmentation cache is set aside
    meanwhile: an SQLite connection must never be used on both sides of a fork."""
    seg = segmenter()
    cache, seg.cache = seg.cache, None
    try:
        check_draft(setup, "warm-up.txt", _WARM_UP_DRAFT.encode())
    except ModelUnusable:
        pass  # the workers will say so, on their first draft
    finally:
        seg.cache = cache


def start_pool_worker(setup: DraftSetup) -> None:
    """Pool initializer: keep the setup for every task; Ctrl-C is the parent's to handle."""
    global _POOL_SETUP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _POOL_SETUP = setup
    if segmenter.cache_info().currsize:  # forked from a process that made its segmenter: give it a cache of its own
        seg = segmenter()
        if seg.cache is not None:
            _INHERITED.append(seg.cache)  # the parent's connection: kept, never used or closed here
            seg.cache = SegmentCache(seg.cache.path)


_INHERITED: list = []


def check_in_pool(path: str, data: bytes) -> FileOutcome:
    assert _POOL_SETUP is not None, "start_pool_worker was not run in this process"
    return check_draft(_POOL_SETUP, path, data)
