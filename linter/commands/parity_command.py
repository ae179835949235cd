"""`resolint parity ZH_FILE EN_FILE`: a Chinese draft checked against its English original, findings on the Chinese."""

from __future__ import annotations

import json

from linter.errors import InputError
from linter.findings import SEVERITIES, Finding, severity_rank
from linter.lint import parity
from linter.read.offsets import LineIndex
from linter.read.sources import read_path
from linter.report import FileResult, finding_json, render_text


def add_parser(sub, rule_options, setup, colour, problems) -> None:
    """The `parity` subcommand. From the CLI: `setup(args, problems)` gives the configuration and rules as `check`
    has them, `colour()` whether to colour, `problems()` the collector of one-line errors."""
    p = sub.add_parser("parity", help="check a Chinese draft against its English original (structure, numbers, "
                                      "openers, treaties, footnotes)")
    p.add_argument("zh_path", metavar="ZH_FILE", help="the Chinese draft (.txt, .md, .docx, PDF-pasted text)")
    p.add_argument("en_path", metavar="EN_FILE", help="the English original it was translated from")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--fail-level", choices=list(SEVERITIES), help="lowest severity that makes the exit code 1")
    rule_options(p)
    p.set_defaults(func=lambda args: run(args, setup, colour, problems()))


def run(args, setup, colour, problems) -> int:
    if (configured := setup(args, problems)) is None:
        return 2
    config, rules = configured
    try:
        result = parity(read_path(args.zh_path), read_path(args.en_path), rules)
    except InputError as exc:
        problems.report(exc)
        return 2
    english = result.document.counterpart
    if args.format == "json":
        print(render_parity_json(result.path, result.text, result.findings, english.source.path, english.source.text))
    else:
        print(render_text([FileResult(result.path, result.text, result.findings)], colour=colour()))
    threshold = severity_rank(args.fail_level or config.fail_level or "info")
    return 1 if any(severity_rank(f.severity) >= threshold for f in result.findings) else 0


def render_parity_json(path: str, text: str, findings: tuple[Finding, ...], en_path: str, en_text: str) -> str:
    """`check --format json`'s object for the Chinese file, each finding with the English span it names."""
    index, en_index = LineIndex(text), LineIndex(en_text)
    out = []
    for f in findings:
        item = finding_json(f, index)
        if f.counterpart is not None:
            c = f.counterpart
            line, column = en_index.line_col(c.start)
            end_line, end_column = en_index.line_col(c.end)
            item["english"] = {"path": c.path, "where": c.where, "line": line, "column": column, "end_line": end_line,
                               "end_column": end_column, "start": c.start, "end": c.end, "text": en_text[c.start:c.end]}
        out.append(item)
    return json.dumps({"version": 1, "original": en_path, "files": [{"path": path, "findings": out}]},
                      ensure_ascii=False, indent=2)

