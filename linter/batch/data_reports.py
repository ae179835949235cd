"""The batch as JSON (check's contract, plus errors and the run's completeness) and as CSV (one row per finding or failure)."""

from __future__ import annotations

import csv
import io

from linter import indented_json
from linter.batch.fix_words import fix_in_words
from linter.batch.outcomes import BatchResult, summarize
from linter.read.offsets import LineIndex
from linter.report import FileResult, json_contract


def batch_json(result: BatchResult) -> str:
    """`check --format json` for the drafts that were checked, `errors` for those that could not be, and `batch`:
    whether the run is complete and the counts the HTML report shows. Nothing in it depends on timing or the cache."""
    data = json_contract([FileResult(o.path, o.text, o.findings) for o in result.checked])
    data["errors"] = [{"path": o.path, "message": o.error} for o in result.failed]
    s = summarize(result)
    data["batch"] = {
        "partial": result.partial,
        "stop_reason": result.stop_reason,
        "files_total": result.total,
        "files_done": len(result.outcomes),
        "not_checked": list(result.not_checked),
        "summary": {
            "files_checked": s.checked, "files_failed": s.failed, "files_with_findings": s.with_findings,
            "findings": s.findings, "by_severity": s.by_severity, "by_category": s.by_category, "by_rule": s.by_rule,
        },
    }
    return indented_json.dumps(data)


CSV_COLUMNS = ("path", "status", "rule", "category", "severity", "line", "column", "end_line", "end_column",
               "message", "fix")


def batch_csv(result: BatchResult) -> str:
    """Rows in the drafts' order: `finding` (one per finding), `clean` (a draft without findings),
    `error` (message = the reason), `not-checked` (left when the run stopped early)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in result.outcomes:
        if not o.ok:
            writer.writerow([o.path, "error", "", "", "", "", "", "", "", o.error, ""])
            continue
        if not o.findings:
            writer.writerow([o.path, "clean", "", "", "", "", "", "", "", "", ""])
            continue
        index = LineIndex(o.text)
        for f in o.findings:
            line, column = index.line_col(f.start)
            end_line, end_column = index.line_col(f.end)
            writer.writerow([o.path, "finding", f.rule, f.category, f.severity, line, column, end_line, end_column,
                             f.message, fix_in_words(f, o.text)])
    for path in result.not_checked:
        writer.writerow([path, "not-checked", "", "", "", "", "", "", "", result.stop_reason, ""])
    return out.getvalue()
