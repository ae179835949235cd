"""`make bench`: time parse and check on the seeds and on a 1 MB draft made from them."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.engine import load_rules, run  # noqa: E402
from linter.sources import Source, read_path  # noqa: E402
from linter.structure import parse  # noqa: E402

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
    t0 = time.perf_counter()
    rules = load_rules()
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"rule loading: {len(rules)} rules in {load_ms:.1f} ms\n")
    print(f"{'file':<46} {'chars':>8} {'parse ms':>9} {'check ms':>9} {'chars/s':>11}")
    for path in SEEDS:
        source = read_path(str(path))
        parse_s = timed(lambda: parse(source), 5)
        doc = parse(source)
        check_s = timed(lambda: run(doc, rules), 5)
        total = parse_s + check_s
        print(f"{path.name:<46} {len(source.text):>8} {parse_s*1000:>9.1f} {check_s*1000:>9.1f} {len(source.text)/total:>11,.0f}")
    big = big_draft()
    parse_s = timed(lambda: parse(big), 1)
    doc = parse(big)
    check_s = timed(lambda: run(doc, rules), 1)
    total = parse_s + check_s
    size_mb = len(big.text.encode("utf-8")) / 1e6
    print(f"{f'1 MB draft ({size_mb:.2f} MB UTF-8)':<46} {len(big.text):>8} {parse_s*1000:>9.1f} {check_s*1000:>9.1f} {len(big.text)/total:>11,.0f}")


if __name__ == "__main__":
    main()
