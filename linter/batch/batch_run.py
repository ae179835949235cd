"""Run a batch: read each draft, reuse cached results, send the rest to workers, collect outcomes in the order given.

Workers are local processes (`--jobs N`, in this process when N is 1) or a Dask cluster
(`dask_run`); both run `draft_task.check_draft`, so the results are the same. Ctrl-C stops the
run cleanly: what was done is kept and the result says it is partial.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Protocol, Sequence

from linter.batch.draft_task import (
    DraftSetup,
    ModelUnusable,
    check_draft,
    check_in_pool,
    prepare_to_fork,
    start_pool_worker,
)
from linter.batch.outcomes import BatchResult, FileOutcome
from linter.batch.result_cache import ResultCache, draft_key, fingerprint
from linter.errors import InputError
from linter.read.sources import read_path

INTERRUPTED = "interrupted (Ctrl-C)"


class WorkersLost(Exception):
    """A worker process died or the cluster went away: the batch stops with what it has."""


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def checking(self, path: str) -> None: ...
    def advance(self, outcome: FileOutcome) -> None: ...
    def stop(self) -> None: ...


class Workers(Protocol):
    """Where drafts are checked: a local process pool or a Dask cluster."""

    name: str
    size: int

    def submit(self, path: str, data: bytes): ...  # a future with done() and result()
    def wait_any(self, futures: Sequence) -> set: ...
    def close(self, abandon: bool) -> None: ...


def read_draft(path: str) -> tuple[bytes | None, str | None]:
    """The draft's bytes, or why it cannot be read (in the words `check` uses)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        try:
            read_path(path)
        except InputError as exc:
            return None, exc.reason
        return None, "cannot read"
    if not data:
        return None, "empty file"
    return data, None


class ProcessWorkers:
    """A pool of local worker processes, each set up once.

    On Linux, with no other thread running, the workers are forked from this process after it has imported every
    checker, read the registries and opened the model (draft_task.prepare_to_fork): they start in milliseconds with
    all of it shared, none of it read again. Elsewhere they come from a forkserver (or are spawned) and load the
    rules' code and the segmenter on their first draft that needs them.
    """

    def __init__(self, setup: DraftSetup, jobs: int):
        self.name, self.size = "local", jobs
        method = start_method()
        context = multiprocessing.get_context(method)
        if method == "fork":
            prepare_to_fork(setup)
        elif method == "forkserver":
            context.set_forkserver_preload(["linter.batch.draft_task"])  # workers start with the linter imported
        self.pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                           initializer=start_pool_worker, initargs=(setup,))
        if method == "fork":
            # The first task forks every worker at once, before the pool's own thread starts (cpython#90622).
            self.pool.submit(int).result()

    def submit(self, path: str, data: bytes):
        return self.pool.submit(check_in_pool, path, data)

    def wait_any(self, futures: Sequence) -> set:
        done, _ = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
        return done

    def close(self, abandon: bool) -> None:
        if abandon:
            processes = list(getattr(self.pool, "_processes", {}).values())  # ours, ended by their handles
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(5)
        else:
            self.pool.shutdown(wait=True)


def start_method() -> str:
    """fork where it is safe (Linux, and no thread but this one: a fork copies locks other threads may hold),
    else forkserver, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def run_batch(paths: Sequence[str], setup: DraftSetup, workers_factory: Callable[[], Workers] | None,
              cache: ResultCache | None, progress: Progress, jobs: int = 1) -> BatchResult:
    """Check `paths`; `workers_factory` None checks them here, one after the other."""
    t0 = time.perf_counter()
    done: dict[int, FileOutcome] = {}
    stop_reason = ""
    workers: Workers | None = None
    started = False
    try:
        key = fingerprint(setup.rules, setup.treaty_files) if cache else ""
        todo: list[tuple[int, str, bytes, str]] = []
        known: list[tuple[int, FileOutcome]] = []
        for i, path in enumerate(paths):
            data, error = read_draft(path)
            outcome = FileOutcome(path=path, error=error) if error else None
            draft = draft_key(key, path, data) if cache and data is not None else ""
            if outcome is None and cache:
                outcome = cache.get(draft, path)
            if outcome is None:
                todo.append((i, path, data, draft))
            else:
                known.append((i, outcome))
        if todo and workers_factory is not None:
            if cache:
                cache.close()  # no database connection may cross into forked workers; the next put opens another
            workers = workers_factory()  # before the progress bar's thread starts: workers may be forked
        progress.start(len(paths))
        started = True
        for i, outcome in known:
            _keep(done, i, outcome, "", None, progress)
        if todo:
            if workers is None:
                for i, path, data, draft in todo:
                    progress.checking(path)
                    _keep(done, i, check_draft(setup, path, data), draft, cache, progress)
            else:
                _run_on(workers, todo, done, cache, progress)
    except KeyboardInterrupt:
        stop_reason = INTERRUPTED
    except ModelUnusable as exc:
        stop_reason = f"the segmentation model cannot be used: {exc}"
    except WorkersLost as exc:
        stop_reason = f"a worker stopped: {exc}"
    finally:
        if workers is not None:
            workers.close(abandon=bool(stop_reason))
        if started:
            progress.stop()
    outcomes = tuple(done[i] for i in sorted(done))
    left = tuple(p for i, p in enumerate(paths) if i not in done)
    return BatchResult(outcomes, total=len(paths), not_checked=left, stop_reason=stop_reason,
                       seconds=time.perf_counter() - t0, jobs=workers.size if workers else 1,
                       backend=workers.name if workers else "local", workers=_worker_stats(outcomes))


def _keep(done: dict[int, FileOutcome], i: int, outcome: FileOutcome, draft: str, cache: ResultCache | None,
          progress: Progress) -> None:
    """Record the outcome first: a Ctrl-C from here on does not lose it."""
    done[i] = outcome
    if cache and draft:
        cache.put(draft, outcome)
    progress.advance(outcome)


def _run_on(workers: Workers, todo: list, done: dict[int, FileOutcome], cache: ResultCache | None,
            progress: Progress) -> None:
    """Keep every worker busy with a short queue ahead; collect outcomes as they come."""
    window = max(2, 2 * workers.size)
    queue = list(reversed(todo))
    flying: dict = {}  # future → (index, path, cache key)
    while queue or flying:
        while queue and len(flying) < window:
            i, path, data, draft = queue.pop()
            flying[workers.submit(path, data)] = (i, path, draft)
        oldest = min(flying.values())[1]
        progress.checking(oldest)
        for future in workers.wait_any(list(flying)):
            i, path, draft = flying.pop(future)
            try:
                outcome = future.result()
            except ModelUnusable:
                raise
            except Exception as exc:  # check_draft catches every draft's own failure: this is the worker's
                raise WorkersLost(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from None
            _keep(done, i, outcome, draft, cache, progress)


def _worker_stats(outcomes: Sequence[FileOutcome]) -> dict:
    stats: dict[str, dict] = {}
    for o in outcomes:
        if o.reused or not o.worker:
            continue
        s = stats.setdefault(o.worker, {"files": 0, "segmenter_loads": 0, "peak_rss_kb": 0})
        s["files"] += 1
        s["segmenter_loads"] = max(s["segmenter_loads"], o.segmenter_loads)
        s["peak_rss_kb"] = max(s["peak_rss_kb"], o.peak_rss_kb)
    return stats
