"""`resolint batch`: a session's drafts in one run, into an HTML report, JSON, CSV and Word copies with comments."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

from linter.config import resolve_config
from linter.errors import InputError
from linter.findings import SEVERITIES, severity_rank
from linter.user_cache import cache_dir

# The batch machinery (and the linter itself) is imported when a batch runs, not when the command line is read.


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def add_parser(sub, rule_options: Callable, expand_paths: Callable) -> None:
    """The `batch` subcommand; `expand_paths` is check's own (directories, suffixes, exclude), so both see the same files."""
    p = sub.add_parser("batch", help="review many drafts at once: HTML/JSON/CSV reports, Word copies with comments")
    p.add_argument("paths", nargs="+", help="drafts and directories of drafts")
    p.add_argument("--report", metavar="OUT.html", help="the HTML report (one self-contained file)")
    p.add_argument("--json", metavar="OUT.json", help="check's JSON, plus errors and the run's completeness")
    p.add_argument("--csv", metavar="OUT.csv", help="one row per finding (UTF-8 with BOM, opens in Excel)")
    p.add_argument("--annotate-docx", metavar="OUTDIR", help="a copy of every .docx draft with the findings as Word comments")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help=f"worker processes (default: all cores, here {default_jobs()})")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster (scheduler address, or 'local')")
    p.add_argument("--no-cache", action="store_true", help="check every draft again, even when unchanged")
    p.add_argument("--fail-level", choices=list(SEVERITIES), help="lowest severity that makes the exit code 1 (default info)")
    rule_options(p)
    p.set_defaults(func=lambda args: run_command(args, expand_paths))


class _Problems:
    def __init__(self) -> None:
        self.count = 0

    def report(self, error: InputError | str) -> None:
        self.count += 1
        print(f"resolint: {error}", file=sys.stderr)


def _split(values) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def run_command(args, expand_paths: Callable) -> int:
    from linter.batch.batch_run import INTERRUPTED, ProcessWorkers, run_batch
    from linter.batch.draft_task import DraftSetup
    from linter.batch.result_cache import ResultCache
    from linter.lint import configured_rules

    problems = _Problems()
    try:
        config = resolve_config(args.config, not args.no_config)
        rules = configured_rules(config, _split(args.select), _split(args.ignore), args.rules_dir or ())
        if not (args.report or args.json or args.csv or args.annotate_docx):
            raise InputError("batch", "nothing to write: give --report, --json, --csv or --annotate-docx")
        if args.jobs is not None and args.jobs < 1:
            raise InputError("--jobs", f"must be at least 1 (got {args.jobs})")
        if "-" in args.paths:
            raise InputError("-", "batch reads files and directories, not standard input (use check for that)")
        paths = expand_paths(args.paths, problems.report, config)
        _check_outputs(args, paths)
    except InputError as exc:
        problems.report(exc)
        return 2
    if not paths:
        return 2
    jobs = args.jobs or default_jobs()
    setup = DraftSetup(tuple(rules), tuple(config.treaties))
    from linter.batch.progress_bar import ProgressBar  # rich only when a batch runs

    progress = ProgressBar()
    cache = None if args.no_cache else ResultCache(cache_dir() / "batch-results.sqlite")
    try:
        if args.dask:
            from linter.batch.dask_run import DaskWorkers

            factory = lambda: DaskWorkers(setup, args.dask, jobs)  # noqa: E731
        else:
            factory = (lambda: ProcessWorkers(setup, min(jobs, len(paths)))) if jobs > 1 else None  # noqa: E731
        result = run_batch(paths, setup, factory, cache, progress)
    except InputError as exc:
        problems.report(exc)
        return 2
    finally:
        if cache:
            cache.close()
    written = write_outputs(args, result, rules)
    _say_done(result, progress.reused, written)
    if result.stop_reason == INTERRUPTED:
        return 130
    if result.partial or result.failed or problems.count:
        return 2
    threshold = severity_rank(args.fail_level or config.fail_level or "info")
    return 1 if any(severity_rank(f.severity) >= threshold for f in result.findings()) else 0


def _check_outputs(args, paths: list[str]) -> None:
    """Refuse, before any work, an output that cannot be written or that would overwrite a draft."""
    drafts = {os.path.realpath(p) for p in paths}
    for option, target in (("--report", args.report), ("--json", args.json), ("--csv", args.csv)):
        if not target:
            continue
        if os.path.realpath(target) in drafts:
            raise InputError(option, f"{target} is one of the drafts; choose another output file")
        parent = Path(target).resolve().parent
        if not parent.is_dir():
            raise InputError(option, f"{parent} is not a directory")
        if Path(target).is_dir():
            raise InputError(option, f"{target} is a directory; give a file name")
    if args.annotate_docx and Path(args.annotate_docx).exists() and not Path(args.annotate_docx).is_dir():
        raise InputError("--annotate-docx", f"{args.annotate_docx} exists and is not a directory")


def write_outputs(args, result, rules) -> list[str]:
    from linter.batch.data_reports import batch_csv, batch_json

    written = []
    if args.json:
        _write(args.json, batch_json(result), "utf-8")
        written.append(args.json)
    if args.csv:
        _write(args.csv, batch_csv(result), "utf-8-sig")  # the byte-order mark tells Excel it is UTF-8
        written.append(args.csv)
    if args.report:
        from linter.batch.html_report import render_html

        _write(args.report, render_html(result, rules), "utf-8")
        written.append(args.report)
    if args.annotate_docx:
        from linter.batch.docx_comments import annotate_all

        copies, problems = annotate_all(result, Path(args.annotate_docx))
        for problem in problems:
            print(f"resolint: {problem}", file=sys.stderr)
        written.append(f"{args.annotate_docx} ({copies} annotated .docx)")
    return written


def _write(path: str, text: str, encoding: str) -> None:
    """Through a temporary file and a rename: an interrupted write never leaves half a report."""
    tmp = Path(f"{path}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding=encoding, newline="\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _say_done(result, reused: int, written: list[str]) -> None:
    from linter.batch.outcomes import summarize

    s = summarize(result)
    parts = [f"{n} {sev}" for sev, n in s.by_severity.items() if n]
    line = (f"resolint batch: {s.checked} of {result.total} drafts checked in {result.seconds:.1f} s "
            f"({result.jobs} {result.backend} worker{'s' if result.jobs != 1 else ''}): {s.findings} findings"
            + (f" ({', '.join(parts)})" if parts else "") + f"; {reused} reused from the cache")
    if result.workers:
        peak = max(w["peak_rss_kb"] for w in result.workers.values()) / 1024 / 1024
        line += f"; peak memory per worker {peak:.2f} GB"
    if s.failed:
        line += f"; {s.failed} could not be checked"
    if result.partial:
        line += f"; PARTIAL, {len(result.not_checked)} not checked: {result.stop_reason}"
    print(line, file=sys.stderr)
    if written:
        print(f"resolint batch: wrote {', '.join(written)}", file=sys.stderr)
