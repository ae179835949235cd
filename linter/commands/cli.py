"""The `resolint` command: check, fix, parse, rules, explain (and batch, from linter/batch)."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

from linter import __version__
from linter.analyses.segmentation import ModelError, cache_dir
from linter.baseline import apply_baseline, load_baseline
from linter.batch.batch_command import add_parser as add_batch_parser
from linter.commands.check_one import check_path
from linter.commands.draft_paths import expand_paths
from linter.commands.memory_policy import before_reading
from linter.commands.parity_command import add_parser as add_parity_parser
from linter.commands.progress import Progress, say
from linter.commands.treaty_lookup import add_parsers as add_treaty_parsers
from linter.config import Config, resolve_config
from linter.draft_writer import write_draft
from linter.engine.loader import load_rules
from linter.engine.rule import Rule, explain_text
from linter.errors import InputError
from linter.findings import SEVERITIES, severity_rank
from linter.lint import configured_rules, fix, read_document, warnings, writable
from linter.lint_cache import CheckCache
from linter.read.line_endings import restore
from linter.read.sources import read_path
from linter.report import (
    FileError,
    FileResult,
    document_json,
    render_github,
    render_json,
    render_sarif,
    render_text,
)
from linter.rule_statistics import render_statistics


class _Problems:
    """Collects one-line errors for stderr (and for the report: they are never a pass); any makes the exit code 2."""

    def __init__(self) -> None:
        self.errors: list[FileError] = []

    @property
    def count(self) -> int:
        return len(self.errors)

    def report(self, error: InputError) -> None:
        self.errors.append(FileError(error.path, error.reason))
        say(f"resolint: {error}")


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _setup(args, problems: _Problems) -> tuple[Config, list[Rule]] | None:
    """Configuration and rules, or None after reporting why they cannot be used."""
    try:
        config = resolve_config(getattr(args, "config", None), not getattr(args, "no_config", False))
        rules = configured_rules(config, _split(args.select), _split(args.ignore), args.rules_dir or ())
        return config, rules
    except InputError as exc:
        problems.report(exc)
        return None


def cmd_check(args) -> int:
    problems = _Problems()
    if (setup := _setup(args, problems)) is None:
        if args.format != "text":  # a CI job reading the report sees the failure too (stderr said it to a person)
            _print_results(args.format, [], [], problems.errors)
        return 2
    config, rules = setup
    fail_level = args.fail_level or config.fail_level or "info"
    results: list[FileResult] = []
    documents = []  # with a baseline, each result's Document: it knows a finding by its paragraph's text
    try:
        baseline = load_baseline(Path(args.baseline), missing_ok=args.write_baseline) if args.baseline else None
    except InputError as exc:
        problems.report(exc)
        if args.format != "text":
            _print_results(args.format, [], [], problems.errors)
        return 2
    paths = expand_paths(args.paths, problems.report, config)
    # The cache keeps findings only: the baseline needs each finding's paragraph, --show-suppressed what was hidden.
    uncached = args.no_cache or baseline is not None or args.show_suppressed
    cache = None if uncached else CheckCache(cache_dir() / "check-results.sqlite", rules, config.treaties)
    with Progress(len(paths)) as progress:
        for i, path in enumerate(paths):
            try:
                # Without a baseline no Document outlives its file's check (a 50 MB draft's is several times that).
                kept = documents if baseline is not None else None
                results.append(check_path(path, rules, cache, args.format == "text", progress, kept))
            except ModelError as exc:
                # No file can be checked without the model: say it once, and list each file as not checked.
                say(f"resolint: {exc}")
                problems.errors.extend(FileError(p, f"not checked: {exc}") for p in paths[i:])
                break
            except InputError as exc:
                problems.report(exc)
            except RecursionError:
                problems.report(InputError(path, "document too deeply nested to read"))
            except Exception as exc:  # a bug must not cost the user the rest of the batch
                problems.report(InputError(path, f"internal error ({type(exc).__name__}: {exc}); please report it"))
            _warn()
            progress.file_done()
    if baseline is not None:
        try:
            results = apply_baseline(baseline, results, documents, write=args.write_baseline, said=say)
        except InputError as exc:  # the baseline could not be written
            problems.report(exc)
    if args.statistics:  # the table, then the summary
        table = render_statistics(results, rules, args.format)
        print(table if args.format == "json" else "\n".join(filter(None, (table, render_text(
            results, colour=_colour(), errors=problems.errors, listing=False)))))
    else:
        _print_results(args.format, results, rules, problems.errors, args.show_suppressed, baseline is not None)
    if problems.count:
        return 2
    threshold = severity_rank(fail_level)
    failing = any(severity_rank(f.severity) >= threshold for r in results for f in r.findings)
    return 1 if failing else 0


def _warn() -> None:
    for warning in warnings():
        say(f"resolint: warning: {warning}")


def _print_results(fmt: str, results: list[FileResult], rules: list[Rule], errors: list[FileError],
                   show_hidden: bool = False, baseline: bool = False) -> None:
    if fmt == "json":
        print(render_json(results, errors, show_hidden, baseline))
    elif fmt == "sarif":
        print(render_sarif(results, rules, errors, show_hidden))
    elif fmt == "github":
        text = render_github(results, errors)
        if text:
            print(text)
    else:
        print(render_text(results, colour=_colour(), errors=errors, show_hidden=show_hidden))


def _colour() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def cmd_fix(args) -> int:
    problems = _Problems()
    if (setup := _setup(args, problems)) is None:
        return 2
    config, rules = setup
    paths = expand_paths(args.paths, problems.report, config)
    with Progress(len(paths)) as progress:
        for path in paths:
            progress.step("fixing", path)
            _fix_one(path, args, rules, problems)
            progress.file_done()
    return 2 if problems.count else 0


def _fix_one(path: str, args, rules: list[Rule], problems: _Problems) -> None:
    before_reading(path)
    try:
        source = read_path(path)
    except InputError as exc:
        problems.report(exc)
        return
    if not writable(source):
        # Nothing in a .docx counts as fixable (check says so too): say why, and go on with the other files.
        say(f"{path}: 0 fixes applied (resolint does not write .docx files; "
            "make the changes `resolint check` lists in Word)")
        return
    try:
        result = fix(source, rules, unsafe=args.unsafe)
    except InputError as exc:  # the segmentation model missing, say
        problems.report(exc)
        return
    except Exception as exc:  # a bug must not cost the user the rest of the batch
        problems.report(InputError(path, f"internal error ({type(exc).__name__}: {exc}); please report it"))
        return
    finally:
        _warn()
    applied, fixed = result.applied, result.text
    if args.diff:
        # The lines as they are in the file, endings included: a diff never hides a change of line ending.
        before = restore(source.text, source.newlines, source.text)
        after = restore(fixed, source.newlines, source.text)
        sys.stdout.writelines(difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), path, path
        ))
    elif applied and path != "-":
        try:
            write_draft(source, fixed)
        except InputError as exc:
            problems.report(InputError(path, f"not fixed: {exc.reason}"))
            return
    elif applied:
        sys.stdout.write(restore(fixed, source.newlines, source.text))
    say(f"{path}: {applied} fix{'es' if applied != 1 else ''} applied")


def cmd_parse(args) -> int:
    try:
        doc = read_document(args.path)
    except InputError as exc:
        _Problems().report(exc)
        return 2
    data = document_json(doc)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{doc.source.path} ({doc.source.format}, {doc.source.encoding})")
    for line in doc.header.lines:
        print(f"  header/{line.kind}: {line.text}")
    print(f"  organ: {doc.organ.text if doc.organ else '-'}")
    for i, p in enumerate(doc.preambular, 1):
        print(f"  P{i}: {_short(p.text)}")
    for p in doc.operative:
        print(f"  O{p.number}: {_short(p.text)}")
        for s in p.sub_items:
            print(f"    {'  ' * s.level}{s.label} {_short(s.text)}")
    for inner in doc.embedded:
        print(f"  embedded: {inner.organ.text if inner.organ else '-'} {len(inner.preambular)} preambular, {len(inner.operative)} operative")
    for annex in doc.annexes:
        print(f"  annex: {annex.heading.text} ({len(annex.lines)} lines)")
    print(f"  markers: {' '.join(str(m.number) for m in doc.markers) or '-'}")
    for f in doc.footnotes:
        print(f"  footnote {f.number}: {_short(f.text)}")
    print(f"  footer: {doc.footer.date.text if doc.footer.date else '-'} / {doc.footer.meeting.text if doc.footer.meeting else '-'}")
    print(f"  counts: {len(doc.preambular)} preambular, {len(doc.operative)} operative, {len(doc.footnotes)} footnotes, {len(doc.markers)} markers")
    return 0


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_rules(args) -> int:
    try:
        rules = load_rules([Path(d) for d in args.rules_dir or ()])
    except InputError as exc:
        _Problems().report(exc)
        return 2
    if args.format == "json":
        print(json.dumps([
            {"id": r.id, "category": r.category, "severity": r.severity, "name": r.name, "kind": r.kind, "summary": r.summary}
            for r in rules
        ], ensure_ascii=False, indent=2))
        return 0
    print(f"{'ID':<7} {'CATEGORY':<12} {'SEVERITY':<8} {'NAME':<36} SUMMARY")
    for r in rules:
        print(f"{r.id:<7} {r.category:<12} {r.severity:<8} {r.name:<36} {r.summary}")
    return 0


def cmd_explain(args) -> int:
    try:
        rules = {r.id: r for r in load_rules([Path(d) for d in args.rules_dir or ()])}
    except InputError as exc:
        _Problems().report(exc)
        return 2
    rule = rules.get(args.id.upper())
    if rule is None:
        _Problems().report(InputError(args.id, "unknown rule id (see 'resolint rules')"))
        return 2
    print(explain_text(rule))
    return 0


def cmd_tui(args) -> int:
    problems = _Problems()
    if (setup := _setup(args, problems)) is None:
        return 2
    from tui.app import start  # Textual is imported only for the TUI

    return start(args.path, setup[1], setup[0], problems.report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resolint", description=__doc__)
    parser.add_argument("--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def rule_options(p):
        p.add_argument("--select", action="append", help="only these rule ids or prefixes (comma-separated)")
        p.add_argument("--ignore", action="append", help="skip these rule ids or prefixes (comma-separated)")
        p.add_argument("--rules-dir", action="append", help="an extra directory of rule files")
        p.add_argument("--config", help="configuration file (default: .resolint.toml or pyproject.toml upward)")
        p.add_argument("--no-config", action="store_true", help="ignore configuration files")

    check = sub.add_parser("check", help="lint drafts (files, directories, or - for stdin)")
    check.add_argument("paths", nargs="+")
    check.add_argument("--format", choices=["text", "json", "sarif", "github"], default="text")
    check.add_argument("--fail-level", choices=list(SEVERITIES), help="lowest severity that makes the exit code 1 (default info)")
    check.add_argument("--show-suppressed", action="store_true",
                       help="also list the findings resolint comments in the drafts (and the baseline) hide")
    check.add_argument("--baseline", metavar="FILE", help="fail only on findings this baseline file does not know")
    check.add_argument("--write-baseline", action="store_true", help="record the current findings in --baseline FILE")
    check.add_argument("--statistics", action="store_true", help="count findings by rule instead of listing them")
    check.add_argument("--no-cache", action="store_true", help="lint every draft again, even when unchanged")
    rule_options(check)
    check.set_defaults(func=cmd_check)

    fix = sub.add_parser("fix", help="apply safe fixes in place (temp file + rename)")
    fix.add_argument("paths", nargs="+")
    fix.add_argument("--unsafe", action="store_true", help="also apply fixes marked unsafe")
    fix.add_argument("--diff", action="store_true", help="print a diff instead of writing")
    rule_options(fix)
    fix.set_defaults(func=cmd_fix)

    parse_cmd = sub.add_parser("parse", help="show the structure resolint reads in a draft")
    parse_cmd.add_argument("path")
    parse_cmd.add_argument("--format", choices=["text", "json"], default="text")
    parse_cmd.set_defaults(func=cmd_parse)

    tui = sub.add_parser("tui", help="the draft (a new file too) with findings marked inline, a findings list and fixes;"
                                     " or a folder's drafts, worst first")
    tui.add_argument("path")
    rule_options(tui)
    tui.set_defaults(func=cmd_tui)

    rules_cmd = sub.add_parser("rules", help="list all rules")
    rules_cmd.add_argument("--format", choices=["text", "json"], default="text")
    rules_cmd.add_argument("--rules-dir", action="append")
    rules_cmd.set_defaults(func=cmd_rules)

    explain = sub.add_parser("explain", help="what a rule checks, why, and an example")
    explain.add_argument("id")
    explain.add_argument("--rules-dir", action="append")
    explain.set_defaults(func=cmd_explain)
    add_treaty_parsers(sub)  # treaties, footnote
    add_batch_parser(sub, rule_options, expand_paths)  # batch: linter/batch/
    add_parity_parser(sub, rule_options, _setup, _colour, _Problems)  # parity: linter/commands/parity_command.py
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "write_baseline", False) and not args.baseline:
        parser.error("--write-baseline needs --baseline FILE")
    if getattr(args, "statistics", False) and args.format not in ("text", "json"):
        parser.error("--statistics prints text or json")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
