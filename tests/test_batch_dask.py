"""--dask: the same batch on a Dask cluster (here a LocalCluster of two worker processes) gives the same reports."""

from __future__ import annotations

import re

import pytest
from batch_drafts import draft_folder

from linter.commands.cli import main

distributed = pytest.importorskip("distributed", reason="--dask needs the distributed package (pip install 'resolint[dask]')")

RUN_INFO = re.compile(r'<p class="run" id="run-info">.*?</p>')  # timing and workers: the one line that may differ


def _batch(drafts, out, *more) -> tuple[int, dict[str, str]]:
    out.mkdir()
    code = main(["batch", str(drafts), "--report", str(out / "r.html"), "--json", str(out / "r.json"),
                 "--csv", str(out / "r.csv"), "--annotate-docx", str(out / "word"), "--no-config", "--no-cache", *more])
    files = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    texts = {name: p.read_text(encoding="utf-8") for name, p in files.items() if not name.endswith(".docx")}
    assert f"on {'2 dask' if '--dask' in more else '1 local'} worker" in texts["r.html"]
    texts = {name: RUN_INFO.sub("", text) for name, text in texts.items()}
    return code, {**texts, **{name: p for name, p in files.items() if name.endswith(".docx")}}


@pytest.mark.slow
def test_a_two_worker_cluster_gives_the_local_reports(tmp_path):
    drafts = draft_folder(tmp_path / "drafts")
    local_code, local = _batch(drafts, tmp_path / "local", "--jobs", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask_code, on_dask = _batch(drafts, tmp_path / "dask", "--dask", cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert dask_code == local_code == 2  # two drafts cannot be checked, on either
    assert sorted(on_dask) == sorted(local) == ["r.csv", "r.html", "r.json", "word/draft-0.docx", "word/draft-1.docx"]
    for name in ("r.json", "r.csv", "r.html"):
        assert on_dask[name] == local[name], name
    # The annotated copies carry the same comments (their zip timestamps differ).
    import docx

    for name in ("word/draft-0.docx", "word/draft-1.docx"):
        assert [c.text for c in docx.Document(str(on_dask[name])).comments] == \
               [c.text for c in docx.Document(str(local[name])).comments]
    assert len(pids) == 2


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("大会，\n\n1. 决定继续审议。\n", encoding="utf-8")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = main(["batch", str(draft), "--json", str(tmp_path / "o.json"), "--no-config", "--dask", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "cannot reach the Dask scheduler" in err[0]
