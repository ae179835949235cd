"""`make bench`: time lint() on the seeds and on a 1 MB draft made from them, the segmenter, and whole checks."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.config import Config  # noqa: E402
from linter.lint import configured_rules, lint, parity  # noqa: E402
from linter.read.sources import Source, read_path  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.*"))


def timed(fn, repeat: int) -> float:
    """Median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def big_draft() -> Source:
    """About 1 MB of text: the GA seed's paragraphs repeated, as one long PDF paste."""
    ga = read_path(str(ROOT / "tests" / "seeds" / "ga-68-193.pdf.txt"))
    head, _, body = ga.text.partition(" 大会大会大会大会， \n")
    body, _, _ = body.partition("\n\n\n\n2013 年 12 月 18 日")
    chunks = [head, " 大会大会大会大会， \n"]
    size = 0
    while size < 1_000_000:
        chunks.append(body)
        size += len(body.encode("utf-8"))
    return Source("big.pdf.txt", "".join(chunks), "pdf-text", "utf-8")


def main() -> None:
    from linter.analyses.segmentation import segmenter

    t0 = time.perf_counter()
    rules = configured_rules(Config())
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"rule loading: {len(rules)} rules in {load_ms:.1f} ms")
    # Load the model first so the table measures linting; the cache starts empty (see bench main()).
    t0 = time.perf_counter()
    segmenter().nlp()
    print(f"segmenter load before the table: {(time.perf_counter() - t0) * 1000:.0f} ms; segmentation cache starts empty\n")
    print(f"{'file':<46} {'chars':>8} {'lint ms':>9} {'chars/s':>11}")
    print("(seeds: median of 5 runs, the first of which fills the segmentation cache; 1 MB draft: one run)")
    for path in SEEDS:
        source = read_path(str(path))
        total = timed(lambda: lint(source, rules), 5)
        print(f"{path.name:<46} {len(source.text):>8} {total*1000:>9.1f} {len(source.text)/total:>11,.0f}")
    big = big_draft()
    total = timed(lambda: lint(big, rules), 1)
    size_mb = len(big.text.encode("utf-8")) / 1e6
    print(f"{f'1 MB draft ({size_mb:.2f} MB UTF-8)':<46} {len(big.text):>8} {total*1000:>9.1f} {len(big.text)/total:>11,.0f}")
    bench_parity(rules)


def parity_pair(chinese_chars: int = 12000) -> tuple[Source, Source]:
    """The parity demo (examples/parity/), its defects kept, with its operative part repeated (and renumbered) in
    both languages until the Chinese has about `chinese_chars` characters."""
    zh = (ROOT / "examples" / "parity" / "ecosoc-2013-38.zh.md").read_text(encoding="utf-8")
    en = (ROOT / "examples" / "parity" / "ecosoc-2013-38.en.md").read_text(encoding="utf-8")

    def grow(text: str, footer: str, copies: int) -> str:
        head, rest = text.split("\n1. ", 1)
        body, tail = rest.split(footer, 1)
        body = "1. " + body
        renumbered = [re.sub(r"^(\d+)\. ", lambda m: f"{int(m.group(1)) + 8 * k}. ", body, flags=re.M)
                      for k in range(copies)]
        return head + "\n" + "".join(renumbered) + footer + tail

    copies = 1
    while len(grow(zh, "2013 年 7 月 25 日\n", copies)) < chinese_chars:
        copies += 1
    return (Source("zh.md", grow(zh, "2013 年 7 月 25 日\n", copies), "markdown", "utf-8"),
            Source("en.md", grow(en, "47th plenary meeting\n", copies), "markdown", "utf-8"))


def bench_parity(rules) -> None:
    """`resolint parity` of a 12,000-character pair, warm (lexicons and registries loaded by a first run)."""
    from linter.parity.chinese_numbers import chinese_numbers
    from linter.parity.english_numbers import english_facts

    def once():  # the numbers of each paragraph are cached by text: cleared, so every run reads them again
        english_facts.cache_clear()
        chinese_numbers.cache_clear()
        return parity(zh, en, rules)

    zh, en = parity_pair()
    result = once()
    total = timed(once, 5)
    print(f"\nparity: {len(zh.text)} Chinese + {len(en.text)} English characters, "
          f"{len(result.document.operative)} operative paragraphs, {len(result.findings)} findings: "
          f"{total * 1000:.1f} ms warm (median of 5; target < 300 ms)")


def run_timed(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - t0, result


def segmentation() -> None:
    """Segmenter load, segmentation speed, and whole checks with a cold and a warm cache."""
    from linter.analyses.segmentation import SegmentCache, Segmenter, model_dir
    from linter.registries.lexicon import user_dictionary

    print("\nsegmentation (spaCy zh + pkuseg)")
    env = dict(os.environ)
    spacy_s, _ = run_timed([sys.executable, "-c", "import spacy"], env)
    print(f"  python -c 'import spacy'                    {spacy_s*1000:>8.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        seg = Segmenter(model_dir(), user_dictionary(), SegmentCache(Path(tmp) / "s.sqlite"))
        t0 = time.perf_counter()
        seg.nlp()
        print(f"  segmenter load (import + model + lexicon)    {(time.perf_counter() - t0)*1000:>8.0f} ms")
        texts = [p for path in SEEDS for p in read_path(str(path)).text.split("\n") if p.strip()]
        seg.cache = None
        t0 = time.perf_counter()
        words = seg.segment_many(texts)
        elapsed = time.perf_counter() - t0
        chars = sum(len(t) for t in texts)
        print(f"  segmentation, whole seeds ({chars} chars)     {chars/elapsed:>8,.0f} chars/s")
        assert all("".join(w) == t for w, t in zip(words, texts))

        cache = Path(tmp) / "cache"
        env_cache = {**env, "RESOLINT_CACHE_DIR": str(cache)}
        cmd = [sys.executable, "-m", "linter.commands.cli", "check", "--no-config", "--format", "json", *map(str, SEEDS)]
        cold_s, _ = run_timed(cmd, env_cache)
        warm_s, _ = run_timed(cmd, env_cache)
        spacy_again, _ = run_timed([sys.executable, "-c", "import spacy"], env)
        print(f"  resolint check, five seeds, cold cache       {cold_s*1000:>8.0f} ms")
        print(f"  resolint check, five seeds, warm cache       {warm_s*1000:>8.0f} ms")
        print(f"  python -c 'import spacy' (again)             {spacy_again*1000:>8.0f} ms")
        # What the pre-commit hook runs (.pre-commit-hooks.yaml: `resolint check` on the files committed), warm.
        draft = ROOT / "tests" / "seeds" / "ga-68-193.pdf.txt"
        hook = [str(Path(sys.executable).parent / "resolint"), "check", "--no-config", str(draft)]
        run_timed(hook, env_cache)
        hook_s = statistics.median(run_timed(hook, env_cache)[0] for _ in range(5))
        spacy_s = statistics.median(run_timed([sys.executable, "-c", "import spacy"], env)[0] for _ in range(5))
        verdict = "no slower than" if hook_s <= spacy_s else "SLOWER than"
        print(f"  pre-commit hook, one draft, warm (median 5)  {hook_s*1000:>8.0f} ms  ({verdict} import spacy, "
              f"{spacy_s*1000:.0f} ms)")
        _, imports = run_timed([sys.executable, "-X", "importtime", *cmd[1:]], env_cache)
        spacy_lines = [line for line in imports.stderr.splitlines() if "spacy" in line]
        print(f"  warm check imports spaCy: {'yes' if spacy_lines else 'no'} (python -X importtime: {len(spacy_lines)} spacy modules)")
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    # bench/ is on sys.path when run as a script.
    from batch_throughput import batch_throughput
    from speed_targets import big_inputs, targets
    from tui_bench import tui_bench

    with tempfile.TemporaryDirectory() as cache:
        os.environ["RESOLINT_CACHE_DIR"] = cache  # never time against (or fill) the user's cache
        main()
        segmentation()
        targets()
        big_inputs()
        tui_bench()
        batch_throughput()
