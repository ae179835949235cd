"""`make bench`, batch section: `resolint batch` on 500 drafts generated from the seeds (each text different, so the
result cache cannot hide the work), --jobs 1 and 2, cold and warm cache, against lint() of one draft at a time."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.config import Config  # noqa: E402
from linter.lint import configured_rules, lint  # noqa: E402
from linter.read.sources import read_path  # noqa: E402

# The drafts the batch tests use; tests/ goes on the path after `rules` is imported (tests/rules would shadow it).
sys.path.append(str(ROOT / "tests"))
from batch_drafts import generated_folder  # noqa: E402

COUNT = int(os.environ.get("RESOLINT_BENCH_DRAFTS", "500"))
_REUSED = re.compile(r"(\d+) reused from the cache")
_PEAK = re.compile(r"peak memory per worker ([\d.]+) GB")


def _single_lint(paths: list[Path]) -> float:
    """chars/s of lint() one draft at a time in this process (model loaded, segmentation cache warm for these)."""
    rules = configured_rules(Config())
    sources = [read_path(str(p)) for p in paths]
    for s in sources:
        lint(s, rules)  # fill the segmentation cache, as a warm single check has it
    t0 = time.perf_counter()
    for s in sources:
        lint(s, rules)
    return sum(len(s.text) for s in sources) / (time.perf_counter() - t0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch_throughput() -> None:
    print(f"\nbatch: {COUNT} drafts generated from the seeds (every 10th a .docx), all four outputs written")
    with tempfile.TemporaryDirectory() as tmp:
        drafts = generated_folder(Path(tmp) / "drafts", COUNT)
        paths = sorted(drafts.iterdir())
        chars = sum(len(read_path(str(p)).text) for p in paths)
        print(f"  {len(paths)} drafts, {chars:,} characters")
        one = _single_lint(paths[:20])
        check_env = {**os.environ, "RESOLINT_CACHE_DIR": str(Path(tmp) / "check-cache")}
        cmd = [sys.executable, "-m", "linter.commands.cli", "check", "--no-config", "--format", "json", str(paths[0])]
        subprocess.run(cmd, env=check_env, capture_output=True, cwd=ROOT)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=check_env, capture_output=True, cwd=ROOT)
        check_s = time.perf_counter() - t0
        print(f"  single check, lint() in one process (warm):  {one:>10,.0f} chars/s")
        print(f"  single check, `resolint check` of one draft: {len(read_path(str(paths[0])).text) / check_s:>10,.0f} chars/s "
              f"({check_s:.2f} s, mostly start-up)")
        print(f"  {'jobs':>4} {'cache':<5} {'seconds':>8} {'files/s':>8} {'chars/s':>10} {'chars/s/core':>12} "
              f"{'reused':>6} {'peak GB/worker':>14} {'CPU s':>6} {'chars/CPU s':>11}  (load {os.getloadavg()[0]:.2f})")
        for jobs in (1, 2):
            env = {**os.environ, "RESOLINT_CACHE_DIR": str(Path(tmp) / f"cache-{jobs}")}
            out = Path(tmp) / f"out-{jobs}"
            for label in ("cold", "warm"):
                cmd = [sys.executable, "-m", "linter.commands.cli", "batch", str(drafts), "--no-config", "--jobs", str(jobs),
                       "--report", str(out / "r.html"), "--json", str(out / "r.json"), "--csv", str(out / "r.csv"),
                       "--annotate-docx", str(out / "word")]
                out.mkdir(exist_ok=True)
                t0, cpu0 = time.perf_counter(), _children_cpu()
                done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
                seconds, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
                if done.returncode not in (0, 1):
                    print(f"  jobs {jobs} {label}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
                    continue
                reused = int(m.group(1)) if (m := _REUSED.search(done.stderr)) else 0
                peak = m.group(1) if (m := _PEAK.search(done.stderr)) else "-"
                print(f"  {jobs:>4} {label:<5} {seconds:>8.1f} {len(paths) / seconds:>8.1f} {chars / seconds:>10,.0f} "
                      f"{chars / seconds / jobs:>12,.0f} {reused:>6} {peak:>14} {cpu:>6.1f} {chars / cpu:>11,.0f}")
        print("  (cold: empty result and segmentation caches; warm: the same command again. Wall time of the whole\n"
              "   command: start-up, the segmenter loaded once per worker, the four outputs. A warm run loads no model.\n"
              "   CPU s: user and system time of the command and its workers, which other processes' load does not\n"
              "   inflate as it does the wall time; chars/CPU s is the throughput of one core given to it alone.)")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as cache:
        os.environ["RESOLINT_CACHE_DIR"] = cache
        batch_throughput()
