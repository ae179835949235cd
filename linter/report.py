"""Render findings (Ruff-style text, the JSON contract, SARIF 2.1.0, GitHub annotations) and the Document as JSON."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence
from urllib.parse import quote

from linter import __version__, indented_json
from linter.findings import Finding
from linter.read.offsets import LineIndex
from linter.read.structure import Document


@dataclass(frozen=True)
class FileResult:
    path: str
    text: str
    findings: tuple[Finding, ...]
    # How many fixes `resolint fix` applies to this file (one fix can uncover another, or spoil an overlapping
    # one); None: count the safe fixes of the findings.
    fixable: int | None = None
    suppressed: tuple[Finding, ...] = ()  # hidden by resolint comments in the draft (linter.suppressions)
    baselined: tuple[Finding, ...] = ()  # hidden because the baseline file knows them (linter.baseline)


@dataclass(frozen=True)
class FileError:
    """A file (or the configuration, or the model) that could not be checked: never to be read as a pass."""

    path: str
    message: str


def finding_json(finding: Finding, index: LineIndex) -> dict:
    line, column = index.line_col(finding.start)
    end_line, end_column = index.line_col(finding.end)
    out = {
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start": finding.start,
        "end": finding.end,
    }
    if finding.location:
        out["location"] = finding.location.as_dict()
    if finding.fix:
        out["fix"] = {
            "safe": finding.fix.safe,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in finding.fix.edits],
        }
    return out


def render_json(results: list[FileResult], errors: Sequence[FileError] = (), show_hidden: bool = False,
                baseline: bool = False) -> str:
    """The JSON contract; `show_hidden` adds each file's `suppressed` findings (with `suppressed_by`: comment or
    baseline), `baseline` the top-level count of `baselined` findings."""
    return indented_json.dumps(json_contract(results, errors, show_hidden, baseline))


def json_contract(results: list[FileResult], errors: Sequence[FileError] = (), show_hidden: bool = False,
                  baseline: bool = False) -> dict:
    """What render_json writes, as a dict."""
    files = []
    for result in results:
        index = LineIndex(result.text)
        entry = {"path": result.path, "findings": [finding_json(f, index) for f in result.findings]}
        if show_hidden:
            entry["suppressed"] = [{**finding_json(f, index), "suppressed_by": by} for f, by in _hidden(result)]
        files.append(entry)
    problems = [{"path": e.path, "message": e.message} for e in errors]
    out = {"version": 1, "files": files, "errors": problems}
    if baseline:
        out["baselined"] = sum(len(r.baselined) for r in results)
    return out


def _hidden(result: FileResult) -> list[tuple[Finding, str]]:
    return [(f, "comment") for f in result.suppressed] + [(f, "baseline") for f in result.baselined]


_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_text(results: list[FileResult], colour: bool = False, errors: Sequence[FileError] = (),
                show_hidden: bool = False, listing: bool = True) -> str:
    """Ruff-style findings and the summary; `show_hidden` also lists what comments and the baseline hide,
    `listing` False gives the summary alone (after --statistics' table)."""
    def c(name: str, text: str) -> str:
        return f"{_COLOURS[name]}{text}{_COLOURS['reset']}" if colour else text

    out: list[str] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    fixable = 0
    files_with = 0
    for result in results:
        if result.findings:
            files_with += 1
        index = LineIndex(result.text)
        lines = result.text.split("\n")
        fixable += result.fixable if result.fixable is not None else sum(1 for f in result.findings if f.fix and f.fix.safe)
        shown = [(f, f.severity) for f in result.findings]
        if show_hidden:
            shown += [(f, "suppressed") for f in result.suppressed] + [(f, "baselined") for f in result.baselined]
            shown.sort(key=lambda item: item[0].sort_key())
        for f, label in shown:
            if label == f.severity:
                counts[f.severity] += 1
            if listing:
                out.extend(_excerpt(result.path, index, lines, f, label, c))
    total = sum(counts.values())
    if total:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
        summary = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files_with} of {len(results)} {_files(len(results))}."
        if fixable:
            summary += f" {fixable} fixable with `resolint fix`."
    elif errors:
        summary = f"No problems found in {len(results)} {_files(len(results))}." if results else ""
    else:
        summary = f"All checks passed ({len(results)} {_files(len(results))})."
    summary += _hidden_counts(results, show_hidden)
    if errors:
        # Said last and in red: a run with files it could not read is not a pass, whatever it found in the rest.
        failed = f"{len(errors)} {_files(len(errors))} could not be checked (see above)."
        summary = f"{summary} {c('error', failed)}".strip()
    out.append(c("bold", summary))
    return "\n".join(out)


def _excerpt(path: str, index: LineIndex, lines: list[str], f: Finding, label: str, c) -> list[str]:
    """A finding's line (`label`: its severity, or suppressed / baselined) and the source line with carets."""
    tone = f.severity if label == f.severity else "dim"
    line, col = index.line_col(f.start)
    end_line, end_col = index.line_col(f.end)
    where = f" (Word: {f.location.describe()})" if f.location else ""
    head = f"{c('bold', path)}:{line}:{col}: {c(tone, f.rule)} [{label}] {f.message}{where}"
    source_line = lines[line - 1] if line - 1 < len(lines) else ""
    shown = source_line.rstrip()
    if len(shown) > 120:
        # Keep the flagged span in view on long (unwrapped) lines.
        left = max(0, col - 40)
        shown = ("…" if left else "") + shown[left : left + 100] + "…"
        col_in_shown = col - left + (1 if left else 0)
    else:
        col_in_shown = col
    span_end = end_col if end_line == line else len(source_line) + 1
    span_text = source_line[col - 1 : max(span_end - 1, col)]
    pad = _width(shown[: col_in_shown - 1])
    return [head, f"  {c('dim', '|')} {shown}", f"  {c('dim', '|')} {' ' * pad}{c(tone, '^' * max(1, _width(span_text)))}"]


def _hidden_counts(results: list[FileResult], shown: bool) -> str:
    """What the summary adds about findings not counted: hidden by comments in the drafts, or baselined."""
    suppressed = sum(len(r.suppressed) for r in results)
    baselined = sum(len(r.baselined) for r in results)
    out = ""
    if suppressed:
        out += f" {suppressed} suppressed by resolint comments in the drafts"
        out += "." if shown else " (--show-suppressed lists them)."
    if baselined:
        out += f" {baselined} baselined (known before; not counted)."
    return out


def _files(n: int) -> str:
    return "file" if n == 1 else "files"


def _property(value: str) -> str:
    """A value in a workflow command's property list (file=…,title=…)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[FileResult], errors: Sequence[FileError] = ()) -> str:
    out = [
        f"::error file={_property(e.path)},title=resolint::" + e.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        for e in errors
    ]
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for result in results:
        index = LineIndex(result.text)
        for f in result.findings:
            line, col = index.line_col(f.start)
            end_line, end_col = index.line_col(f.end)
            message = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            out.append(
                f"::{level[f.severity]} file={_property(result.path)},line={line},col={col},endLine={end_line},"
                f"endColumn={end_col},title={_property(f.rule)}::{message}"
            )
    return "\n".join(out)


def render_sarif(results: list[FileResult], rules: list, errors: Sequence[FileError] = (),
                 show_hidden: bool = False) -> str:
    """SARIF 2.1.0; `show_hidden` adds what comments (suppression kind inSource) and the baseline (external) hide."""
    level = {"error": "error", "warning": "warning", "info": "note"}
    listed = {id(r): [(f, None) for f in r.findings] + (_hidden(r) if show_hidden else []) for r in results}
    used = sorted({f.rule for r in results for f, _ in listed[id(r)]})
    by_id = {rule.id: rule for rule in rules}
    rule_index = {rid: i for i, rid in enumerate(used)}
    driver_rules = []
    for rid in used:
        rule = by_id.get(rid)
        entry = {"id": rid}
        if rule:
            entry.update(
                name=rule.name,
                shortDescription={"text": rule.summary},
                fullDescription={"text": rule.description["what"]},
                help={"text": f"{rule.description['why']}\nExample: {rule.description['example']}\nUse instead: {rule.description['use_instead']}"},
                defaultConfiguration={"level": level[rule.severity]},
                properties={"category": rule.category},
            )
        driver_rules.append(entry)
    sarif_results = []
    for result in results:
        index = LineIndex(result.text)
        for f, hidden_by in listed[id(result)]:
            line, col = index.line_col(f.start)
            end_line, end_col = index.line_col(f.end)
            item = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": level[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(result.path),
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                            },
                        }
                    }
                ],
            }
            if f.location:
                item["properties"] = {"wordLocation": f.location.as_dict()}
            if hidden_by:
                item["suppressions"] = [{"kind": "inSource" if hidden_by == "comment" else "external"}]
            if f.fix:
                item["fixes"] = [
                    {
                        "description": {"text": f.fix.description or ("safe fix" if f.fix.safe else "unsafe fix")},
                        "artifactChanges": [
                            {
                                "artifactLocation": _artifact(result.path),
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(item)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resolint",
                        "version": __version__,
                        "informationUri": "https://github.com/resolint/resolint",
                        "rules": driver_rules,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(errors)],
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


SRCROOT = "%SRCROOT%"  # the folder resolint ran in: relative artifact URIs are relative to it


def _artifact(path: str) -> dict:
    """A SARIF artifactLocation: a percent-encoded URI relative to %SRCROOT% (the current folder), or an absolute
    file: URI for a draft outside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": SRCROOT}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"  # a base URI is a folder: it ends with a slash


def _invocation(errors: Sequence[FileError]) -> dict:
    """SARIF's record of the run: not successful when a file could not be checked, with one notification per file."""
    invocation: dict = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": e.message},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(e.path)}}],
            }
            for e in errors
        ]
    return invocation


def document_json(doc: Document) -> dict:
    """`resolint parse --format json`: every part of the Document with its text and span.

    Sub-items are listed in reading order with their `level` (1 for (a), 2 for the (一) or (i) nested in an
    (a) item, ...); `annexes` are the annexes after the text, `embedded` the resolutions this one recommends to
    another organ, each with its own header, organ line and paragraphs (spans in the same file).
    """
    return {
        "version": 1,
        "path": doc.source.path,
        "format": doc.source.format,
        "encoding": doc.source.encoding,
        **_resolution_json(doc),
        "markers": [{"number": m.number, "start": m.start, "end": m.end} for m in doc.markers],
        "footnotes": [{"number": f.number, "text": f.text, "start": f.start, "end": f.end} for f in doc.footnotes],
        "footer": {"date": _part_json(doc.footer.date), "meeting": _part_json(doc.footer.meeting)},
        "annexes": [
            {"heading": _part_json(a.heading), "lines": [_part_json(line) for line in a.lines]} for a in doc.annexes
        ],
        "embedded": [_resolution_json(inner) for inner in doc.embedded],
    }


def _part_json(p):
    return None if p is None else {"text": p.text, "start": p.start, "end": p.end}


def _resolution_json(doc: Document) -> dict:
    """Header, organ line and paragraphs: what an outer resolution and an embedded one both have."""
    def items(p):
        return [{"label": s.label, "level": s.level, **_part_json(s)} for s in p.sub_items]

    return {
        "header": {
            "date": _part_json(doc.header.date),
            "basis": _part_json(doc.header.basis),
            "symbol": _part_json(doc.header.symbol),
            "title": _part_json(doc.header.title),
            "lines": [{"kind": line.kind, **_part_json(line)} for line in doc.header.lines],
        },
        "organ": _part_json(doc.organ),
        "preambular": [{**_part_json(p), "sub_items": items(p)} for p in doc.preambular],
        "operative": [{"number": p.number, **_part_json(p), "sub_items": items(p)} for p in doc.operative],
    }
