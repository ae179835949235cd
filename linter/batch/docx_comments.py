"""Reviewed copies of the Word drafts: each finding a Word comment by "resolint" on the runs it concerns.

The copy goes to OUTDIR under the draft's path relative to the drafts' common folder; the
original is only read. Findings in footnotes are anchored on the footnote's reference mark in the
text and say so, since python-docx writes comments in the main document only.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
from docx.text.run import Run

from linter.batch.docx_anchors import map_docx, runs_for, split_runs
from linter.batch.fix_words import fix_in_words
from linter.batch.outcomes import BatchResult, FileOutcome
from linter.errors import InputError
from linter.read.sources import read_bytes

AUTHOR, INITIALS = "resolint", "RL"


def comment_text(finding, text: str, where: str = "") -> str:
    """Rule id, severity and message (and where, for a footnote); the proposed fix on a second line."""
    first = f"{finding.rule} [{finding.severity}] " + (f"({where}) " if where else "") + finding.message
    fix = fix_in_words(finding, text)
    return first + (f"\nProposed fix: {fix}" if fix else "")


def annotate(data: bytes, outcome: FileOutcome) -> bytes:
    """The .docx `data` with `outcome`'s findings as comments (the findings' offsets are into outcome.text)."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    m = map_docx(body, outcome.text)
    places = [runs_for(m, f.start, f.end) for f in outcome.findings]
    cuts = []
    for f, (spans, where) in zip(outcome.findings, places):
        if not where:
            cuts += [f.start, max(f.end, f.start + 1)]
    split_runs(m, cuts)
    for f, (_, where) in zip(outcome.findings, places):
        spans, where = runs_for(m, f.start, f.end)
        if not spans:
            continue  # a document without a single run of text: nothing to hang a comment on
        first, last = (Run(s.run, document._body) for s in (spans[0], spans[-1]))
        document.add_comment([first, last], text=comment_text(f, outcome.text, where), author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def copy_path(path: str, root: Path, outdir: Path) -> Path:
    try:
        rel = Path(path).resolve().relative_to(root)
    except ValueError:
        rel = Path(Path(path).name)
    return outdir / rel


def annotate_all(result: BatchResult, outdir: Path) -> tuple[int, list[str]]:
    """Write a commented copy of every .docx draft that was checked; returns how many, and problems in one line each."""
    drafts = [o for o in result.checked if o.format == "docx"]
    if not drafts:
        return 0, []
    parents = [str(Path(o.path).resolve().parent) for o in drafts]
    root = Path(os.path.commonpath(parents))
    inputs = {Path(o.path).resolve() for o in result.outcomes}
    written, problems = 0, []
    for o in drafts:
        target = copy_path(o.path, root, outdir)
        try:
            if target.resolve() in inputs:
                raise InputError(o.path, f"the copy would overwrite a draft ({target}); choose another --annotate-docx folder")
            data = Path(o.path).read_bytes()
            if read_bytes(data, o.path).text != o.text:
                raise InputError(o.path, "changed since it was checked; not annotated")
            annotated = annotate(data, o)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
            try:
                tmp.write_bytes(annotated)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            written += 1
        except InputError as exc:
            problems.append(str(exc))
        except OSError as exc:
            problems.append(f"{target}: cannot write the annotated copy ({exc.strerror or exc})")
        except Exception as exc:  # a .docx python-docx cannot rebuild must not stop the other copies
            problems.append(f"{o.path}: could not annotate ({type(exc).__name__}: {exc})")
    return written, problems
