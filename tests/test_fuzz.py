"""Every rule on randomly damaged drafts: nothing crashes and every finding lies inside the file it names.

RESOLINT_FUZZ_EXAMPLES sets how many drafts (default 1000; `make fuzz` runs
20000). The generator is seeded, so a failure names the example that
reproduces it: RESOLINT_FUZZ_SEED=<seed> with RESOLINT_FUZZ_EXAMPLES=1.
"""

from __future__ import annotations

import dataclasses
import os
import random

import pytest
from conftest import SEED_FILES, builtin_rules

from linter.analyses import segmentation
from linter.findings import apply_fixes
from linter.lint import lint
from linter.read.offsets import LineIndex
from linter.read.sources import read_bytes
from linter.report import finding_json

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("RESOLINT_FUZZ_EXAMPLES", "1000"))
FIRST_SEED = int(os.environ.get("RESOLINT_FUZZ_SEED", "0"))

PUNCTUATION = "，；。：、！？,;:.《》〈〉（）()“”‘’【】[]—-/_ "
PIECES = (
    "<sup>3</sup>", "<sup>14</sup>", "[^2]", "\n1\n", "\n12 \n", "0 F\n1", "1H\n", "¹", "\n__________________\n",
    "\n---\n", "\n\n", "\n", "  ", "上文第 49 段", "下文第 3(a) 段", "本决议所附", "序言部分第 2 段", "该公约",
    "上述文书", "《公约》", "《打击跨国有组织犯罪公约》", "(下称“《公约》”)", "国际刑事警察组织(国际刑警组织)", "麻管局",
    "１２３", "ＡＢＣ", "、和", "第 62/272，64/297 号", "回顾回顾回顾回顾", "，，，，", "2013 年 12 月 18 日", "第 47 次全体会议",
    "1. ", "(a) ", "大会，", "附件", "\t", "\u3000", "\u00a0", "\r\n", "\ufeff",
)

FOOTNOTE_SECTIONS = (
    "\n\n---\n\n<sup>1</sup> 联合国，《条约汇编》，第 2225 卷。",
    "\n\n---\n\n<sup>1</sup> 同上。\n\n<sup>1</sup> 大会第 55/2 号决议。\n\n<sup>3</sup> 同上，第 4 页。",
    "\n__________________\n1\n 同上。\n2\n 第 60/288 号决议。",
)


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in SEED_FILES:
        lines.extend(line for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    return lines


SEED_LINES = _seed_lines()


def _random_char(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(PUNCTUATION)
    if roll < 0.6:
        return str(rng.randrange(10))
    if roll < 0.9:
        return chr(rng.randrange(0x4E00, 0x9FA6))
    code = rng.randrange(0x20, 0x2FFFF)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"  # a file cannot hold a lone surrogate


def mutate(text: str, rng: random.Random) -> str:
    """Apply a few random edits: insert, delete, duplicate or swap characters, insert markup pieces."""
    chars = list(text)
    for _ in range(rng.randrange(1, 12)):
        at = rng.randrange(len(chars) + 1)
        op = rng.randrange(6)
        if op == 0:
            chars.insert(at, _random_char(rng))
        elif op == 1 and chars:
            del chars[min(at, len(chars) - 1) : min(at + rng.randrange(1, 6), len(chars))]
        elif op == 2 and chars:
            piece = chars[at : at + rng.randrange(1, 8)]
            chars[at:at] = piece * rng.randrange(1, 5)
        elif op == 3 and len(chars) > 1:
            i, j = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        else:
            chars[at:at] = list(rng.choice(PIECES))
    return "".join(chars)


def draft(rng: random.Random) -> tuple[str, str | None]:
    """A draft of a few mutated paragraphs cut from the seeds, in a random format."""
    start = rng.randrange(len(SEED_LINES))
    paragraphs = SEED_LINES[start : start + rng.randrange(1, 8)]
    paragraphs = [mutate(p, rng) if rng.random() < 0.8 else p for p in paragraphs]
    head = rng.choice(("大会，", "", "2013 年 12 月 18 日大会决议\n\n大会大会大会大会，", "经济及社会理事会，"))
    text = "\n\n".join([head, *paragraphs]) if head else "\n\n".join(paragraphs)
    if rng.random() < 0.3:
        text += rng.choice(FOOTNOTE_SECTIONS)
    fmt = rng.choice((None, "pdf-text", "markdown", "text", "word-text"))
    return text if text.strip() else "大会，", fmt


@pytest.fixture
def private_segment_cache(tmp_path, monkeypatch):
    """Thousands of random paragraphs would otherwise fill the user's segmentation cache."""
    monkeypatch.setenv("RESOLINT_CACHE_DIR", str(tmp_path / "cache"))
    segmentation.segmenter.cache_clear()
    yield
    segmentation.segmenter.cache_clear()


def test_every_rule_survives_damaged_drafts(private_segment_cache):
    every_rule = builtin_rules()
    for seed in range(FIRST_SEED, FIRST_SEED + EXAMPLES):
        rng = random.Random(seed)
        raw, fmt = draft(rng)
        try:
            # Read as a file is read (line endings, BOM), then force the format so every reader gets damage.
            source = read_bytes(raw.encode("utf-8"), "fuzz.md" if fmt == "markdown" else "fuzz.txt")
            if fmt:
                source = dataclasses.replace(source, format=fmt)
            text = source.text
            findings = lint(source, every_rule).findings
            apply_fixes(text, findings, unsafe=True)
        except Exception as exc:
            raise AssertionError(f"RESOLINT_FUZZ_SEED={seed}: {type(exc).__name__}: {exc}\n{raw!r} ({fmt})") from exc
        index = LineIndex(text)
        for finding in findings:
            where = f"RESOLINT_FUZZ_SEED={seed}: {finding.rule} at [{finding.start}, {finding.end})"
            assert 0 <= finding.start <= finding.end <= len(text), where
            reported = finding_json(finding, index)
            line = text.count("\n", 0, finding.start) + 1
            column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
            assert (reported["line"], reported["column"]) == (line, column), where
            for edit in finding.fix.edits if finding.fix else ():
                assert 0 <= edit.start <= edit.end <= len(text), f"{where}: fix edit [{edit.start}, {edit.end})"
