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

from linter.analyses.segmentation import ModelError, segmenter
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


def start_pool_worker(setup: DraftSetup) -> None:
    """Pool initializer: keep the setup for every task; Ctrl-C is the parent's to handle."""
    global _POOL_SETUP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _POOL_SETUP = setup


def check_in_pool(path: str, data: bytes) -> FileOutcome:
    assert _POOL_SETUP is not None, "start_pool_worker was not run in this process"
    return check_draft(_POOL_SETUP, path, data)
