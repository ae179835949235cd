"""`make bench`, issue #16's targets: whole `resolint check` runs against `python -c "import spacy"` in the same run
(warm and cold, time and peak memory), where a cold check spends its time, and time and memory on 1, 10 and 50 MB.

Every figure is the median of several runs of a fresh process; the load average is printed with them.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.*"))
GA = ROOT / "tests" / "seeds" / "ga-68-193.pdf.txt"
REPEAT = int(os.environ.get("RESOLINT_BENCH_REPEAT", "5"))
SIZES_MB = [int(x) for x in (os.environ.get("RESOLINT_BENCH_SIZES") or "1,10,50").split(",")]


# Linux counts in a process's peak RSS the address space it was exec'ed from: a child spawned straight from this
# process (vfork-shared) would report this process's peak, a 50 MB draft's text included. A small launcher process
# starts each measured command and reports its wall time, peak RSS (KB) and exit status.
_LAUNCHER = r"""
import os, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{time.perf_counter() - t0} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run(cmd: list[str], env: dict, before=None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KB) and exit status of one process."""
    if before:
        before()
    with tempfile.NamedTemporaryFile("r") as result:
        subprocess.run([sys.executable, "-c", _LAUNCHER, result.name, *cmd], env=env, cwd=ROOT, check=True)
        seconds, kb, status = result.read().split()
    return float(seconds), int(kb), int(status)


def median_run(cmd: list[str], env: dict, before=None, repeat: int = REPEAT) -> tuple[float, int]:
    runs = [run(cmd, env, before)[:2] for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), statistics.median(m for _, m in runs)


def cli_cmd(command: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "linter.commands.cli", command, "--no-config", *args]


def check_cmd(*args: str) -> list[str]:
    return cli_cmd("check", *args)


def has_no_cache() -> bool:
    helptext = subprocess.run(check_cmd("--help"), capture_output=True, text=True, cwd=ROOT).stdout
    return "--no-cache" in helptext


def targets() -> None:
    print(f"\nissue #16 targets (median of {REPEAT} fresh processes; load average {os.getloadavg()[0]:.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env = {**os.environ, "RESOLINT_CACHE_DIR": str(cache)}
        nothing = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
        spacy_s, spacy_kb = median_run([sys.executable, "-c", "import spacy"], env)
        rows = [("python -c 'import spacy'", spacy_s, spacy_kb)]
        five = check_cmd(*map(str, SEEDS))
        one = check_cmd(str(GA))
        rows.append(("check, one seed (GA), first run (no cache at all)", *median_run(one, env, nothing)))
        run(one, env)
        # Cold as issue #16 measures it: no segmentation (and no result) cached for these drafts; the rule files
        # and registries validated before (their cache does not depend on the drafts).
        empty = lambda: [p.unlink() for p in cache.glob("*.sqlite*")]  # noqa: E731
        rows.append(("check, five seeds, cold", *median_run(five, env, empty)))
        rows.append(("check, one seed (GA), cold", *median_run(one, env, empty)))
        run(five, env)
        rows.append(("check, five seeds, warm", *median_run(five, env)))
        rows.append(("check, one seed (GA), warm", *median_run(one, env)))
        if has_no_cache():
            rows.append(("check, five seeds, warm, --no-cache (relint)", *median_run(check_cmd("--no-cache", *map(str, SEEDS)), env)))
        print(f"  {'':<48} {'seconds':>8} {'× spacy':>8} {'peak MB':>8}")
        for label, seconds, kb in rows:
            print(f"  {label:<48} {seconds:>8.3f} {seconds / spacy_s:>8.2f} {kb / 1024:>8.0f}")
        cold_breakdown(env, empty)


BREAKDOWN = r"""
import sys, time
t0 = time.perf_counter()
from linter.config import Config
from linter.lint import configured_rules, lint
from linter.read.sources import read_path
from linter.analyses import segmentation
t1 = time.perf_counter()
rules = configured_rules(Config())
t2 = time.perf_counter()
spent = {"load": 0.0, "segment": 0.0}
real_nlp, real_many = segmentation.Segmenter.nlp, segmentation.Segmenter.segment_many
def nlp(self):
    t = time.perf_counter(); r = real_nlp(self); spent["load"] += time.perf_counter() - t; return r
def many(self, texts):
    t = time.perf_counter(); r = real_many(self, texts); spent["segment"] += time.perf_counter() - t; return r
segmentation.Segmenter.nlp, segmentation.Segmenter.segment_many = nlp, many
lint(read_path(sys.argv[1]), rules)
t3 = time.perf_counter()
spacy = "spacy" in sys.modules
print(f"{t1 - t0} {t2 - t1} {spent['load']} {spent['segment'] - spent['load']} {t3 - t2 - spent['segment']} {t3 - t0} {int(spacy)}")
"""


def cold_breakdown(env: dict, empty) -> None:
    """One cold check of the GA seed, in phases: imports, rules, model load, segmentation, the rest of lint, exit."""
    rows = []
    for _ in range(REPEAT):
        empty()
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", BREAKDOWN, str(GA)], env=env, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode:
            print(f"  cold breakdown failed: {done.stderr.strip()[-200:]}")
            return
        imports, rules, load, segment, rest, inside, spacy = map(float, done.stdout.split())
        rows.append((wall - inside, imports, rules, load, segment, rest, spacy))
    m = [statistics.median(col) for col in zip(*rows)]
    print(f"  cold check of the GA seed, in phases (s): start-up and exit {m[0]:.3f}, imports {m[1]:.3f}, "
          f"rules and registries {m[2]:.3f}, model load {m[3]:.3f}, segmentation {m[4]:.3f}, rest of lint {m[5]:.3f}; "
          f"spaCy imported: {'yes' if m[6] else 'no'}")


def big_inputs() -> None:
    """`check --format json` and `fix` of 1, 10 and 50 MB drafts (the GA seed's paragraphs repeated): time, exponent
    (of check), memory."""
    sys.path.insert(0, str(ROOT / "bench"))
    from run import big_draft  # noqa: E402

    text = big_draft().text
    head, _, body = text.partition(" 大会大会大会大会， \n")
    body, _, _ = body.partition("\n\n\n\n2013 年 12 月 18 日")
    print(f"\nbig inputs: check --format json{' --no-cache' if has_no_cache() else ''}, then fix (one run each; load average "
          f"{os.getloadavg()[0]:.2f})")
    points = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RESOLINT_CACHE_DIR": str(Path(tmp) / "cache")}
        run(check_cmd(str(GA)), env)  # the segmentation cache holds the seed's clauses, as after any check
        for mb in SIZES_MB:
            chunks, size = [head, " 大会大会大会大会， \n"], 0
            while size < mb * 1_000_000:
                chunks.append(body)
                size += len(body.encode("utf-8"))
            path = Path(tmp) / f"big-{mb}mb.pdf.txt"
            path.write_text("".join(chunks), encoding="utf-8")
            mbytes = path.stat().st_size / 1e6
            args = ["--format", "json", *(["--no-cache"] if has_no_cache() else []), str(path)]
            seconds, kb, status = run(check_cmd(*args), env)
            points.append((mbytes, seconds))
            print(f"  {mbytes:>6.1f} MB {seconds:>8.2f} s {mbytes / seconds:>6.2f} MB/s  peak {kb / 1024:>6.0f} MB "
                  f"({kb / 1024 / mbytes:.1f}× the input){'' if status in (0, 1) else f'  exit {status}'}")
            # `fix` lints the draft again after its fixes (the GA seed's paragraphs have fixable findings).
            seconds, kb, status = run(cli_cmd("fix", str(path)), env)
            print(f"  {'':>6}    fix {seconds:>8.2f} s {'':>12}  peak {kb / 1024:>6.0f} MB "
                  f"({kb / 1024 / mbytes:.1f}× the input){'' if status == 0 else f'  exit {status}'}")
            path.unlink()
    if len(points) >= 2:
        xs, ys = [math.log(p[0]) for p in points], [math.log(p[1]) for p in points]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        tail = math.log(points[-1][1] / points[-2][1]) / math.log(points[-1][0] / points[-2][0])
        print(f"  time ∝ size^{slope:.2f} (least squares over all sizes); ^{tail:.2f} between the two largest")


if __name__ == "__main__":
    targets()
    if os.environ.get("RESOLINT_BENCH_SIZES") != "":
        big_inputs()
