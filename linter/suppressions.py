"""Suppressions written in the draft, applied to a lint's findings: what they hide, and the ones that hide nothing.

A drafter marks a finding as intended where it stands:

- Markdown and plain text: a comment line `<!-- resolint: ignore RV143 -->` hides RV143 in the paragraph after
  it (a comment inside a paragraph: in that paragraph), `<!-- resolint: ignore-file RP513 -->` in the whole
  draft. Several ids: `ignore RV143, RP513`; a reason may follow the ids.
- .docx: a Word comment whose text starts with `resolint: ignore RV143` hides RV143 in the Word paragraphs it
  is anchored on (`ignore-file` anywhere in the body: the whole draft).

The readers leave the comments out of the document text (markdown_text, normalize), so no finding comes from
them and every other offset is the file's. An id that hides nothing is itself a finding of the rule of kind
`unused-suppression` (checks/unused_suppressions), when that rule runs, so stale comments do not pile up; an id
of a rule that did not run this time is left alone (a narrower --select cannot tell).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from linter.checks.unused_suppressions import unused_finding
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.document import Document, Paragraph
from linter.read.line_shapes import DIRECTIVE_LINE

UNUSED_KIND = "unused-suppression"
_COMMENT = re.compile(r"<!--(?P<inner>[\s\S]*?)-->")
_DIRECTIVE = re.compile(r"^\s*resolint:", re.I)
_BODY = re.compile(r"^\s*resolint:\s*(?P<verb>\S*)(?P<rest>[\s\S]*?)\s*$", re.I)
_TOKEN = re.compile(r"[^\s,，、]+")
RULE_ID = re.compile(r"R[A-Z]\d{3}", re.I)
_ID_LIKE = re.compile(r"[A-Za-z]{1,3}\d{1,5}")  # meant as a rule id (RV14, PR501): a misspelt one is a finding


@dataclass(frozen=True)
class RuleRef:
    """One rule id of a directive (upper case), where it is written, and what deleting it from the comment takes."""

    rule: str
    start: int
    end: int
    removal: tuple[int, int] | None


@dataclass(frozen=True)
class Directive:
    """A resolint comment: what it says, what it covers, and what would remove it from the draft."""

    text: str  # "resolint: ignore RV143" as written
    file_wide: bool
    refs: tuple[RuleRef, ...]
    scope: tuple[int, int]  # original offsets a paragraph directive covers (both ends included)
    start: int  # where a finding about the comment as a whole goes
    end: int
    removal: tuple[int, int] | None  # the comment's line (text formats); None for a Word comment
    problem: tuple[str, str] | None = None  # (why, token) when the comment cannot be read


def find_directives(doc: Document) -> list[Directive]:
    """The resolint comments of the draft, in order."""
    source = doc.source
    if source.format == "docx":
        return _word_directives(doc)
    text = source.text
    spans = ([m.span() for m in _COMMENT.finditer(text) if _DIRECTIVE.match(m.group("inner"))]
             if source.format == "markdown" else [m.span() for m in DIRECTIVE_LINE.finditer(text)])
    parts = _parts(doc) if spans else []  # a walk through every part: not for a draft without comments
    out = []
    for cs, ce in spans:
        s = text.index("<!--", cs)
        e = text.rindex("-->", s, ce) + 3
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        alone = not text[line_start:s].strip() and not text[e:line_end].strip()
        removal = (line_start, min(line_end + 1, len(text))) if alone else (s, e)
        scope = _scope(parts, s, e, alone)
        inner_start = s + 4
        out.append(_directive(text[inner_start : e - 3], inner_start, scope, (s, e), removal))
    return out


def _directive(inner: str, at: int, scope: tuple[int, int], where: tuple[int, int],
               removal: tuple[int, int] | None, anchored: bool = True) -> Directive:
    """Read `resolint: VERB ID, ID -- reason` (`inner` starts at offset `at`; `anchored` False: a Word comment,
    whose findings go at `where`)."""
    said = " ".join(inner.split())
    body = _BODY.match(inner)
    verb = body.group("verb").lower() if body else ""
    base = dict(text=said, file_wide=verb == "ignore-file", scope=scope, start=where[0], end=where[1], removal=removal)
    if verb not in ("ignore", "ignore-file"):
        return Directive(refs=(), problem=("malformed", said), **base)
    rest_at = at + body.start("rest")
    tokens = []
    for m in _TOKEN.finditer(body.group("rest")):
        if not _ID_LIKE.fullmatch(m.group()):
            break  # the ids end where words begin: a reason, free text
        if not RULE_ID.fullmatch(m.group()):
            return Directive(refs=(), problem=("not-a-rule", m.group()), **base)
        tokens.append((m.group(), rest_at + m.start(), rest_at + m.end()))
    if not tokens:
        return Directive(refs=(), problem=("malformed", said), **base)
    refs = []
    for k, (token, s, e) in enumerate(tokens):
        if not anchored:
            refs.append(RuleRef(token.upper(), *where, None))
            continue
        # Deleting one id takes the separator before it (or, for the first, the one after it).
        cut = (tokens[k - 1][2], e) if k else (s, tokens[1][1]) if len(tokens) > 1 else None
        refs.append(RuleRef(token.upper(), s, e, cut))
    return Directive(refs=tuple(refs), **base)


def _word_directives(doc: Document) -> list[Directive]:
    """Word comments on the body whose text starts with `resolint:`: each covers the lines of its paragraphs."""
    source = doc.source
    line_starts = [0] + [i + 1 for i, ch in enumerate(source.text) if ch == "\n"]
    out = []
    for text, first, last in source.word_comments:
        if not _DIRECTIVE.match(text):
            continue
        lines = [k for k, number in enumerate(source.word_paragraphs) if first <= number <= last]
        if lines:
            start = line_starts[lines[0]]
            end = line_starts[lines[-1] + 1] - 1 if lines[-1] + 1 < len(line_starts) else len(source.text)
            where = (start, line_starts[lines[0] + 1] - 1 if lines[0] + 1 < len(line_starts) else len(source.text))
        else:
            start, end, where = 0, -1, (0, 0)  # on empty paragraphs only: covers nothing
        out.append(_directive(text, 0, (start, end), where, None, anchored=False))
    return out


def _parts(doc: Document) -> list[tuple[int, int]]:
    """Each part's original span (a paragraph from its number on), sorted by start."""
    spans = []
    for part in doc.body_parts():
        start = part.start
        if isinstance(part, Paragraph) and part.label_start >= 0:
            start = min(start, part.label_start)
        spans.append((start, part.end))
    return sorted(spans)


def _scope(parts: list[tuple[int, int]], s: int, e: int, alone: bool) -> tuple[int, int]:
    """What a paragraph directive at [s, e) covers: the part after a comment line; the innermost part around
    a comment inside a paragraph. Nothing after it: covers nothing."""
    if not alone:
        around = [(ps, pe) for ps, pe in parts if ps <= s and e <= pe]
        if around:
            return min(around, key=lambda p: p[1] - p[0])
    k = bisect_right(parts, (e, -1))
    if k < len(parts):
        return (e, parts[k][1])
    return (e, e - 1)


def with_known_ids(rule: Rule, known: set[str]) -> Rule:
    """The unused-suppression rule told every rule id there is, so it can tell an unknown id from one not run."""
    return dataclasses.replace(rule, options={**rule.options, "known": sorted(known)})


def apply_suppressions(doc: Document, findings: Sequence[Finding],
                       rules: Sequence[Rule]) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(findings kept, findings the draft's comments hide); the kept ones include a finding of the
    `unused-suppression` rule (if it runs) for each comment, or id in one, that hides nothing."""
    directives = find_directives(doc)
    if not directives:
        return tuple(findings), ()
    used: set[tuple[int, int]] = set()  # (directive index, ref index)
    kept, hidden = _hide(directives, findings, used)
    unused_rule = next((r for r in rules if r.kind == UNUSED_KIND), None)
    if unused_rule is None:
        return kept, hidden
    ran = {r.id for r in rules}
    # Every rule id there is (configured_rules tells the rule); without that list, any id of the right shape.
    known = set(unused_rule.options.get("known", ())) | ran if unused_rule.options.get("known") else None
    # Ids of the unused-suppression rule itself are judged after the others, which they may hide; what is left
    # unused then is hidden only by an id that hid something (two unused comments never excuse each other).
    first = _unused(directives, used, unused_rule, ran, known, own=False)
    more_kept, more_hidden = _hide(directives, first, used)
    second = _unused(directives, used, unused_rule, ran, known, own=True)
    last_kept, last_hidden = _hide(directives, second, set(), only=set(used))
    kept = tuple(sorted(kept + more_kept + last_kept, key=Finding.sort_key))
    return kept, tuple(sorted(hidden + more_hidden + last_hidden, key=Finding.sort_key))


def _hide(directives: list[Directive], findings: Sequence[Finding], used: set[tuple[int, int]],
          only: set[tuple[int, int]] | None = None) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Split `findings` into kept and hidden, adding the ids that hide one to `used` (`only`: just these may)."""
    kept, hidden = [], []
    for finding in findings:
        hiders = [
            (i, k) for i, d in enumerate(directives) for k, ref in enumerate(d.refs)
            if ref.rule == finding.rule and (d.file_wide or d.scope[0] <= finding.start <= d.scope[1])
            and (only is None or (i, k) in only)
        ]
        used.update(hiders)
        (hidden if hiders else kept).append(finding)
    return tuple(kept), tuple(hidden)


def _unused(directives: list[Directive], used: set[tuple[int, int]], rule: Rule, ran: set[str],
            known: set[str] | None, own: bool) -> list[Finding]:
    out = []
    for i, d in enumerate(directives):
        if d.problem:
            if not own:
                why, token = d.problem
                out.append(unused_finding(rule, why, d.text, token, d.start, d.end, d.removal))
            continue
        unknown = {ref.rule for ref in d.refs if known is not None and ref.rule not in known}
        stale = [(k, ref) for k, ref in enumerate(d.refs) if (ref.rule == rule.id) == own and (i, k) not in used
                 and (ref.rule in ran or ref.rule in unknown)]
        whole = len(stale) == len(d.refs) and all((i, k) not in used for k in range(len(d.refs)))
        for _, ref in stale:
            why = "unknown" if ref.rule in unknown else "file" if d.file_wide else "paragraph"
            out.append(unused_finding(rule, why, d.text, ref.rule, ref.start, ref.end,
                                      d.removal if whole else ref.removal))
    return out
