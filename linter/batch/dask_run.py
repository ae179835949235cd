"""Workers on a Dask cluster (`--dask ADDRESS`, or `--dask local` for a LocalCluster here): one task per draft.

The drafts' bytes travel with the tasks, so workers on other machines need no shared folder;
the rules travel once per worker (scattered). Each worker process loads the segmenter once,
on its first draft that needs it, exactly as a local pool worker does.
"""

from __future__ import annotations

from typing import Sequence

from linter.batch.draft_task import DraftSetup, check_draft
from linter.errors import InputError


class DaskWorkers:
    def __init__(self, setup: DraftSetup, address: str, jobs: int):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--dask", "needs the `distributed` package: pip install 'resolint[dask]'") from None
        self._cluster = None
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self.client = Client(self._cluster)
            else:
                self.client = Client(address)  # waits distributed.comm.timeouts.connect (Dask's config, 30 s)
        except (OSError, TimeoutError, ValueError) as exc:
            if self._cluster is not None:
                self._cluster.close()
            raise InputError(f"--dask {address}", f"cannot reach the Dask scheduler ({type(exc).__name__}: {exc})") from None
        self.name = "dask"
        # One thread per worker process, as in the local pool: the linter lints one draft at a time per process.
        self.size = max(1, sum(self.client.nthreads().values()))
        self._setup = self.client.scatter(setup, broadcast=True)

    def submit(self, path: str, data: bytes):
        return self.client.submit(check_draft, self._setup, path, data, pure=False)

    def wait_any(self, futures: Sequence) -> set:
        from distributed import wait

        done, _ = wait(futures, return_when="FIRST_COMPLETED")
        return set(done)

    def close(self, abandon: bool) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
