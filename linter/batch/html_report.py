"""The batch as one self-contained HTML file: summary with bar charts, a sortable and filterable table of files,
every rule's explanation, and every draft as text with its findings highlighted in place and explained.

No network: the styles (report.css) and the script (report.js) are written inline. Without the
script the report still reads; it only adds sorting, filtering and explanations beside findings.
"""

from __future__ import annotations

import html
import os
from importlib import resources
from pathlib import Path
from typing import Sequence

from linter import __version__
from linter.batch.fix_words import fix_in_words
from linter.batch.outcomes import BatchResult, FileOutcome, Summary, summarize
from linter.engine.rule import Rule, explain_text
from linter.findings import SEVERITIES, Finding, severity_rank
from linter.read.offsets import LineIndex

ORDER = tuple(reversed(SEVERITIES))  # error, warning, info


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files("linter.batch").joinpath(name).read_text(encoding="utf-8")


def render_html(result: BatchResult, rules: Sequence[Rule]) -> str:
    s = summarize(result)
    by_id = {r.id: r for r in rules}
    ids = {o.path: f"d{i}" for i, o in enumerate(result.outcomes, 1)}
    names = _short_names([o.path for o in result.outcomes])
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>resolint batch report</title>", f"<style>{_asset('report.css')}</style></head><body>",
        '<header><h1>resolint batch report</h1>',
        f'<p class="run" id="run-info">resolint {_e(__version__)} · {result.total} drafts · '
        f"{result.seconds:.1f} s on {result.jobs} {_e(result.backend)} worker{'s' if result.jobs != 1 else ''} · "
        f"{result.reused} reused from the cache</p>",
        _partial_banner(result),
        '<nav><a href="#summary">Summary</a><a href="#files">Files</a><a href="#rules">Rules</a>'
        f'{"<a href=#errors>Could not be checked</a>" if s.failed else ""}<a href="#drafts">Drafts</a></nav></header>',
        "<main>", _summary(s, by_id), _files_table(result, ids, names), _errors(result), _rules(s, result, by_id, ids),
        '<section id="drafts"><h2>Drafts</h2>',
        *(_draft(o, ids[o.path], names[o.path]) for o in result.checked),
        "</section></main>", f"<script>{_asset('report.js')}</script></body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _partial_banner(result: BatchResult) -> str:
    if not result.partial:
        return ""
    return (f'<p class="partial" id="partial">Partial report: {len(result.outcomes)} of {result.total} drafts '
            f"were done when the run stopped ({_e(result.stop_reason)}); {len(result.not_checked)} were not checked.</p>")


def _bars(rows: list[tuple[str, str, int, str]], key: str) -> str:
    """A table of (label html, css class, count, data-count key) with a bar per row, scaled to the largest."""
    top = max((n for _, _, n, _ in rows), default=0) or 1
    out = [f'<table class="bars" id="by-{key}"><tbody>']
    for label, cls, n, name in rows:
        out.append(f'<tr><th>{label}</th><td class="num" data-count="{_e(name)}">{n}</td>'
                   f'<td class="bar"><span class="{cls}" style="width:{100 * n / top:.1f}%"></span></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _summary(s: Summary, by_id: dict[str, Rule]) -> str:
    cards = [("files", "drafts", s.files), ("checked", "checked", s.checked), ("failed", "could not be checked", s.failed),
             ("with-findings", "with findings", s.with_findings), ("findings", "findings", s.findings)]
    out = ['<section id="summary"><h2>Summary</h2><div class="cards">']
    for key, label, n in cards:
        out.append(f'<div class="card"><span class="big" data-count="{key}">{n}</span><span>{label}</span></div>')
    out.append("</div><div class=\"charts\"><div><h3>By severity</h3>")
    out.append(_bars([(f'<a href="#files" data-filter-sev="{sev}">{sev}</a>', f"sev-{sev}", n, f"severity:{sev}")
                      for sev, n in s.by_severity.items()], "severity"))
    out.append("</div><div><h3>By category</h3>")
    out.append(_bars([(_e(cat), "cat", n, f"category:{cat}") for cat, n in s.by_category.items()], "category"))
    out.append("</div></div><h3>By rule</h3>")
    rows = []
    for rid, n in s.by_rule.items():
        name = by_id[rid].name if rid in by_id else ""
        rows.append((f'<a href="#rule-{_e(rid)}">{_e(rid)}</a> <span class="rname">{_e(name)}</span>',
                     f"sev-{s.rule_severity[rid]}", n, f"rule:{rid}"))
    out.append(_bars(rows, "rule") if rows else "<p>No findings.</p>")
    out.append("</section>")
    return "".join(out)


def _short_names(paths: list[str]) -> dict[str, str]:
    """Paths relative to the drafts' common folder, which the page says once."""
    if len(paths) < 2:
        return {p: Path(p).name for p in paths}
    try:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:  # paths on different drives
        return {p: p for p in paths}
    return {p: os.path.relpath(os.path.abspath(p), root) for p in paths}


def _files_table(result: BatchResult, ids: dict[str, str], names: dict[str, str]) -> str:
    rule_ids = sorted({f.rule for f in result.findings()})
    out = ['<section id="files"><h2>Files</h2><form class="filters" id="filters" onsubmit="return false">',
           '<label>Worst severity <select id="f-sev"><option value="">any</option>',
           *(f'<option value="{sev}">{sev}</option>' for sev in ORDER),
           '<option value="clean">no findings</option><option value="failed">could not be checked</option></select></label>',
           '<label>At least <input id="f-min" type="number" min="0" value="0"> findings</label>',
           '<label>Rule <select id="f-rule"><option value="">any</option>',
           *(f'<option value="{_e(r)}">{_e(r)}</option>' for r in rule_ids),
           f'</select></label></form><p id="f-shown"><span id="shown-count">{len(result.outcomes)}</span> of '
           f"{len(result.outcomes)} files shown</p>",
           '<table id="file-table" class="files"><thead><tr><th data-sort="path">File</th><th data-sort="worst">Worst</th>'
           '<th data-sort="n" class="num">Findings</th>',
           *(f'<th data-sort="{sev}" class="num">{sev}</th>' for sev in ORDER),
           "<th>Rules</th></tr></thead><tbody>"]
    for o in result.outcomes:
        did = ids[o.path]
        if not o.ok:
            out.append(f'<tr data-path="{_e(o.path)}" data-worst="failed" data-rank="4" data-n="0" data-rules="" '
                       f'class="failed"><td><a href="#err-{did}" title="{_e(o.path)}">{_e(names[o.path])}</a></td><td>could not be checked</td>'
                       f'<td class="num">–</td>{"<td></td>" * len(ORDER)}<td>{_e(o.error)}</td></tr>')
            continue
        counts = o.severity_counts()
        worst = o.worst or "clean"
        rank = severity_rank(o.worst) + 1 if o.worst else 0
        rules = sorted({f.rule for f in o.findings})
        attrs = "".join(f' data-{sev}="{counts[sev]}"' for sev in ORDER)
        out.append(f'<tr data-path="{_e(o.path)}" data-worst="{worst}" data-rank="{rank}" data-n="{len(o.findings)}"'
                   f'{attrs} data-rules=" {" ".join(rules)} "><td><a href="#{did}" title="{_e(o.path)}">{_e(names[o.path])}</a></td>'
                   f'<td><span class="badge sev-{worst}">{worst}</span></td><td class="num">{len(o.findings)}</td>'
                   + "".join(f'<td class="num">{counts[sev] or ""}</td>' for sev in ORDER)
                   + f'<td class="rules">{" ".join(_e(r) for r in rules)}</td></tr>')
    out.append("</tbody></table></section>")
    return "".join(out)


def _errors(result: BatchResult) -> str:
    if not result.failed and not result.not_checked:
        return ""
    out = ['<section id="errors"><h2>Could not be checked</h2><ul class="errors">']
    for i, o in enumerate(result.outcomes, 1):
        if not o.ok:
            out.append(f'<li id="err-d{i}"><b>{_e(o.path)}</b>: {_e(o.error)}</li>')
    for path in result.not_checked:
        out.append(f'<li class="not-checked"><b>{_e(path)}</b>: not checked ({_e(result.stop_reason)})</li>')
    out.append("</ul></section>")
    return "".join(out)


def _rules(s: Summary, result: BatchResult, by_id: dict[str, Rule], ids: dict[str, str]) -> str:
    out = ['<section id="rules"><h2>Rules that found something</h2>']
    for rid in s.by_rule:
        rule = by_id.get(rid)
        text = explain_text(rule) if rule else f"{rid}: rule not in this run's rule set"
        where = []
        for o in result.checked:
            hits = [i for i, f in enumerate(o.findings) if f.rule == rid]
            if hits:
                where.append(f'<a href="#{ids[o.path]}-f{hits[0]}">{_e(Path(o.path).name)}</a>'
                             + (f" ({len(hits)})" if len(hits) > 1 else ""))
        out.append(f'<article class="rule" id="rule-{_e(rid)}"><h3>{_e(rid)} <span class="rname">'
                   f'{_e(rule.name if rule else "")}</span> <span class="count">{_plural(s.by_rule[rid], "finding")} '
                   f'in {_plural(len(where), "draft")}</span></h3><pre class="explain">{_e(text)}</pre>'
                   f'<p class="where">{" · ".join(where)}</p><p><a href="#summary">↑ summary</a></p></article>')
    out.append("</section>")
    return "".join(out)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _draft(o: FileOutcome, did: str, name: str) -> str:
    counts = o.severity_counts()
    said = ", ".join(f"{n} {sev}" for sev, n in counts.items() if n) or "no findings"
    out = [f'<article class="draft" id="{did}"><h3 title="{_e(o.path)}">{_e(name)}</h3><p class="meta">{_e(o.format)} · '
           f'{len(o.text):,} characters · {said} · <a href="#files">↑ files</a></p>',
           f'<pre class="text">{highlighted(o.text, o.findings, did)}</pre>']
    if o.findings:
        index = LineIndex(o.text)
        out.append('<ol class="findings">')
        for i, f in enumerate(o.findings):
            line, col = index.line_col(f.start)
            fix = fix_in_words(f, o.text)
            out.append(f'<li id="{did}-f{i}" class="sev-{f.severity}"><a class="badge sev-{f.severity}" '
                       f'href="#{did}-m{i}">{f.severity}</a> <a class="rid" href="#rule-{_e(f.rule)}">{_e(f.rule)}</a> '
                       f'<span class="pos">line {line}, column {col}</span> <span class="msg">{_e(f.message)}</span>'
                       + (f'<div class="fix">Proposed fix: {_e(fix)}</div>' if fix else "")
                       + f'<details data-rule="{_e(f.rule)}"><summary>Why (resolint explain {_e(f.rule)})</summary>'
                       f'<pre class="explain"></pre></details></li>')
        out.append("</ol>")
    out.append("</article>")
    return "".join(out)


def highlighted(text: str, findings: Sequence[Finding], did: str) -> str:
    """The text escaped, each stretch covered by findings wrapped in a link to the first of them (worst colour);
    a finding of no width is a caret. Every finding i gets an anchor id `{did}-m{i}` at its start."""
    n = len(text)
    spans = [(min(max(f.start, 0), n), min(max(f.end, f.start, 0), n)) for f in findings]
    cuts = sorted({0, n, *(a for a, _ in spans), *(b for _, b in spans)})
    starts: dict[int, list[int]] = {}
    for i, (a, _) in enumerate(spans):
        starts.setdefault(a, []).append(i)
    out = []
    for a, b in zip(cuts, cuts[1:] + [n]):
        for i in starts.get(a, ()):
            out.append(f'<span id="{did}-m{i}" class="anchor"></span>')
            if spans[i][0] == spans[i][1]:
                out.append(_mark([i], findings, did, "‸", "caret"))
        if b <= a:
            continue
        covering = [i for i, (s, e) in enumerate(spans) if s <= a and b <= e and s < e]
        piece = text[a:b]
        out.append(_mark(covering, findings, did, _e(piece)) if covering else _e(piece))
    return "".join(out)


def _mark(covering: list[int], findings: Sequence[Finding], did: str, inner: str, extra: str = "") -> str:
    worst = max((findings[i].severity for i in covering), key=severity_rank)
    title = "\n".join(f"{findings[i].rule}: {findings[i].message}" for i in covering)
    return (f'<a class="hl sev-{worst} {extra}" href="#{did}-f{covering[0]}" title="{_e(title)}">{inner}</a>')
