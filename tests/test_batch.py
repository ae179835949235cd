"""resolint batch: the same findings as check, the result cache, failures and Ctrl-C that keep the rest, the progress bar."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from batch_drafts import draft_folder

from linter.batch.batch_run import INTERRUPTED, ProcessWorkers, run_batch, start_method
from linter.batch.data_reports import batch_csv, batch_json
from linter.batch.draft_task import DraftSetup
from linter.batch.html_report import render_html
from linter.batch.result_cache import ResultCache
from linter.checks import checkers
from linter.commands.cli import main
from linter.config import Config
from linter.lint import configured_rules


class Quiet:
    """A progress sink that remembers what it was told; `stop_after` raises Ctrl-C after that many drafts."""

    def __init__(self, stop_after: int | None = None):
        self.total, self.done, self.stop_after, self.current = 0, [], stop_after, []

    def start(self, total):
        self.total = total

    def checking(self, path):
        self.current.append(path)

    def advance(self, outcome):
        self.done.append(outcome)
        if self.stop_after is not None and len(self.done) >= self.stop_after:
            raise KeyboardInterrupt

    def stop(self):
        pass


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return draft_folder(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def setup():
    return DraftSetup(tuple(configured_rules(Config())))


def _paths(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file())


def _check_json(capsys, *paths) -> dict:
    main(["check", "--format", "json", "--no-config", *map(str, paths)])
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_batch_json_is_check_json_plus_errors(capsys, drafts, tmp_path):
    expected = _check_json(capsys, drafts)
    out = tmp_path / "out.json"
    code = main(["batch", str(drafts), "--json", str(out), "--jobs", "1", "--no-config", "--no-cache"])
    err = capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["files"] == expected["files"] and len(data["files"]) == 10
    assert {e["path"]: e["message"] for e in data["errors"]} == {
        str(drafts / "seeds" / "blank.txt"): "empty file (nothing but whitespace)",
        str(drafts / "word" / "broken.docx"): "broken .docx (damaged or truncated zip: File is not a zip file)",
    }
    assert data["batch"]["partial"] is False and data["batch"]["files_total"] == 12
    assert data["batch"]["summary"]["findings"] == sum(len(f["findings"]) for f in data["files"])
    assert code == 2  # two drafts could not be checked: never a pass
    assert f"resolint: {drafts / 'seeds' / 'blank.txt'}: empty file" in err
    assert "10 of 12 drafts checked" in err


def test_cache_reuses_unchanged_drafts_and_sees_changes(drafts, setup, tmp_path):
    paths = _paths(drafts)
    cache = ResultCache(tmp_path / "cache.sqlite")
    first = run_batch(paths, setup, None, cache, Quiet())
    assert first.reused == 0
    again = run_batch(paths, setup, None, cache, Quiet())
    assert again.reused == 10  # every draft that was checked; the two failures are tried again
    assert batch_json(again) == batch_json(first)
    changed = tmp_path / "changed"
    shutil.copytree(drafts, changed)  # same bytes under other names: still reused
    target = changed / "seeds" / "ecosoc-2013-38.pdf.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("(E/2010/30),", "(E/2010/30)，"), encoding="utf-8")
    third = run_batch(_paths(changed), setup, None, cache, Quiet())
    assert [o.path for o in third.checked if not o.reused] == [str(target)]
    assert not any(f.rule == "RP501" for o in third.outcomes if o.path == str(target) for f in o.findings)
    fewer = DraftSetup(tuple(configured_rules(Config(), select=["RP"])))
    assert run_batch(paths, fewer, None, cache, Quiet()).reused == 0  # another rule set, another key


def test_a_rule_that_raises_fails_that_draft_only(drafts, setup, monkeypatch):
    real = checkers()["pattern"]

    def fragile(doc, rule):
        if "补编第 10 号" in doc.source.text:
            raise ValueError("boom")
        return real(doc, rule)

    monkeypatch.setitem(checkers(), "pattern", fragile)
    result = run_batch(_paths(drafts), setup, None, None, Quiet())
    boom = {p for p in _paths(drafts) if p.endswith(".txt") and "补编第 10 号" in Path(p).read_text(encoding="utf-8")}
    assert len(boom) >= 2
    failed = {o.path: o.error for o in result.failed if "boom" in o.error}
    assert failed == {p: "internal error (ValueError: boom); please report it" for p in boom}
    assert len(result.checked) == 10 - len(boom) and not result.partial


def test_ctrl_c_keeps_what_was_done_and_says_partial(drafts, setup):
    paths = _paths(drafts)
    result = run_batch(paths, setup, None, None, Quiet(stop_after=3))
    assert result.stop_reason == INTERRUPTED and result.partial
    assert len(result.outcomes) == 3 and len(result.not_checked) == len(paths) - 3
    data = json.loads(batch_json(result))
    assert data["batch"]["partial"] is True and data["batch"]["not_checked"] == list(result.not_checked)
    rows = list(csv.DictReader(io.StringIO(batch_csv(result))))
    assert [r["path"] for r in rows if r["status"] == "not-checked"] == list(result.not_checked)
    page = render_html(result, list(setup.rules))
    assert 'id="partial"' in page and f"3 of {len(paths)} drafts were done" in page


@pytest.mark.slow
def test_two_worker_processes_give_the_same_report_and_load_the_segmenter_once_each(drafts, setup, tmp_path):
    paths = _paths(drafts)
    alone = run_batch(paths, setup, None, None, Quiet())
    progress = Quiet()
    pooled = run_batch(paths, setup, lambda: ProcessWorkers(setup, 2), None, progress)
    assert batch_json(pooled) == batch_json(alone)
    assert pooled.jobs == 2 and 1 <= len(pooled.workers) <= 2
    assert all(w["segmenter_loads"] <= 1 for w in pooled.workers.values())
    assert set(progress.current) <= set(paths) and progress.current


def test_workers_are_forked_only_where_no_other_thread_runs():
    import sys
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        assert start_method() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        other.join()


@pytest.mark.slow
def test_ctrl_c_stops_the_worker_processes(drafts, setup):
    result = run_batch(_paths(drafts), setup, lambda: ProcessWorkers(setup, 2), None, Quiet(stop_after=4))
    assert result.stop_reason == INTERRUPTED and len(result.outcomes) == 4


def test_csv_has_a_row_per_finding_and_per_failure(drafts, setup):
    result = run_batch(_paths(drafts), setup, None, None, Quiet())
    rows = list(csv.DictReader(io.StringIO(batch_csv(result))))
    assert sum(r["status"] == "finding" for r in rows) == sum(len(o.findings) for o in result.checked)
    assert sorted(Path(r["path"]).name for r in rows if r["status"] == "error") == ["blank.txt", "broken.docx"]
    comma = next(r for r in rows if r["rule"] == "RP501" and "ecosoc-2013-38" in r["path"])
    assert (comma["line"], comma["fix"]) == ("112", "replace “,” with “，”")


def test_progress_bar_is_silent_off_a_terminal_and_full_on_one(tmp_path):
    from rich.console import Console

    from linter.batch.outcomes import FileOutcome
    from linter.batch.progress_bar import ProgressBar

    def drive(console):
        bar = ProgressBar(console)
        bar.start(3)
        bar.checking("drafts/ga-68-193.pdf.txt")
        bar.advance(FileOutcome("drafts/ga-68-193.pdf.txt"))
        bar.advance(FileOutcome("drafts/bad.docx", error="broken .docx"))
        bar.stop()
        return console.file.getvalue()

    plain = drive(Console(file=io.StringIO(), force_terminal=False))
    assert plain == "resolint: drafts/bad.docx: broken .docx\n"  # only the failure, as check prints it
    shown = drive(Console(file=io.StringIO(), force_terminal=True, width=160))
    assert "2/3" in shown and "files/s" in shown and "ETA" in shown and "bad.docx" in shown


@pytest.mark.parametrize("args, message", [
    ([], "nothing to write"),
    (["--json", "{draft}"], "is one of the drafts"),
    (["--json", "{tmp}/no/such/dir/out.json"], "is not a directory"),
    (["--json", "{tmp}/o.json", "--jobs", "0"], "--jobs: must be at least 1"),
    (["-", "--json", "{tmp}/o.json"], "not standard input"),
])
def test_bad_options_are_one_line_and_exit_2(capsys, tmp_path, args, message):
    draft = tmp_path / "d.txt"
    draft.write_text("大会，\n\n1. 决定继续审议。\n", encoding="utf-8")
    before = draft.read_bytes()
    args = [a.format(draft=draft, tmp=tmp_path) for a in args]
    assert main(["batch", str(draft), *args, "--no-config"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0]
    assert draft.read_bytes() == before
