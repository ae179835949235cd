"""`resolint check --statistics`: how many findings each rule made, as Ruff's `--statistics` prints them."""

from __future__ import annotations

import json
from collections import Counter
from typing import Sequence

from linter.engine.rule import Rule
from linter.report import FileResult


def rule_counts(results: Sequence[FileResult], rules: Sequence[Rule]) -> list[dict]:
    """One entry per rule that found something: code, name, count, fixable (a safe fix `resolint fix` applies);
    most findings first."""
    counts: Counter = Counter()
    fixable: set[str] = set()
    for result in results:
        for f in result.findings:
            counts[f.rule] += 1
            if f.fix and f.fix.safe and result.fixable != 0:  # 0: nothing in this file is fixable (a .docx)
                fixable.add(f.rule)
    names = {rule.id: rule.name for rule in rules}
    order = sorted(counts, key=lambda rid: (-counts[rid], rid))
    return [{"code": rid, "name": names.get(rid, ""), "count": counts[rid], "fixable": rid in fixable} for rid in order]


def render_statistics(results: Sequence[FileResult], rules: Sequence[Rule], fmt: str = "text") -> str:
    rows = rule_counts(results, rules)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if not rows:
        return ""
    any_fixable = any(row["fixable"] for row in rows)
    count_width = max(len(str(row["count"])) for row in rows)
    lines = []
    for row in rows:
        mark = ("[*] " if row["fixable"] else "[ ] ") if any_fixable else ""
        lines.append(f"{row['count']:>{count_width}}\t{row['code']}\t{mark}{row['name']}")
    if any_fixable:
        lines.append("[*] fixable with `resolint fix`")
    return "\n".join(lines)
