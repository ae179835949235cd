"""Folders of drafts for the batch tests and the benchmark: the seeds and examples, Word drafts, and varied copies."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docx_factory import deleted, inserted, make_docx, note_ref, para, run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "tests" / "seeds").iterdir() if p.suffix in (".txt", ".md"))
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))


def word_draft(variant: int = 0) -> bytes:
    """A Word draft with findings in runs, across runs, in a tracked insertion, on a numbered paragraph and in a footnote."""
    return make_docx(
        [
            para(run("大会，")),
            para(run("回顾其以往各项决议,"), run(f"尤其是第 {66 + variant}/181 号决议，")),
            para(run("注意到《联合国反腐败公约》"), note_ref(2), run("，")),
            para(run("请秘书长提交报告"), inserted("；")),
            para(run("决定继续审议"), deleted("此事"), run("。"), num=(1, 0)),
        ],
        notes={2: "联合国,《条约汇编》，第 2349 卷，第 42146 号。"},
    )


def draft_folder(root: Path, docx: int = 2, broken: bool = True) -> Path:
    """Seeds and examples in subfolders, `docx` Word drafts, and (with `broken`) two files that cannot be checked."""
    for name, files in (("seeds", SEEDS), ("examples", EXAMPLES)):
        (root / name).mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy(f, root / name / f.name)
    (root / "word").mkdir(exist_ok=True)
    for i in range(docx):
        (root / "word" / f"draft-{i}.docx").write_bytes(word_draft(i))
    if broken:
        (root / "word" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
        (root / "seeds" / "blank.txt").write_text("   \n", encoding="utf-8")
    return root


_DIGITS = re.compile(r"(?<![\d/])(\d{1,3})(?![\d/])")


def varied(text: str, n: int) -> str:
    """The draft with its small numbers shifted and a paragraph of its own, so no two copies share their text."""
    shifted = _DIGITS.sub(lambda m: str(int(m.group(1)) + n % 7), text, count=40)
    return shifted.replace("大会，", f"大会，\n\n注意到第 {n} 次报告，", 1) if "大会，" in shifted else shifted + f"\n第 {n} 号\n"


def generated_folder(root: Path, count: int, docx_every: int = 10) -> Path:
    """`count` drafts made from the seeds (every `docx_every`-th a Word draft), each text different."""
    root.mkdir(parents=True, exist_ok=True)
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in SEEDS]
    for n in range(count):
        if docx_every and n % docx_every == docx_every - 1:
            (root / f"draft-{n:04d}.docx").write_bytes(word_draft(n))
            continue
        suffix, text = texts[n % len(texts)]
        name = f"draft-{n:04d}{'.pdf.txt' if suffix == '.txt' else suffix}"
        (root / name).write_text(varied(text, n), encoding="utf-8")
    return root
