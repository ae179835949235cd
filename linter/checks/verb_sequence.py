"""The 又/还 sequence (RV141-RV143): runs of paragraphs with the same verb, CONVENTIONS §3."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.openers import Opener, find_openers
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document


def _family(base: str) -> str:
    # 关切, 又关切, 还表示关切 run together in C:health_017–019: 表示X continues X.
    return base.removeprefix("表示")


def check_sequence(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    parts = [[openers.get(p.offset) for p in paragraphs] for paragraphs in (doc.preambular, doc.operative)]
    # How this document numbers its runs, for the inversion message (CONVENTIONS §3: name the majority).
    pairs = [(prev, cur) for ops in parts for prev, cur in zip(ops, ops[1:])]
    huan_second = sum(1 for prev, cur in pairs if _is(cur, "还") and _is(prev, "none") and _same(prev, cur))
    you_second = sum(1 for prev, cur in pairs if _is(cur, "又") and _is(prev, "none") and _same(prev, cur))
    for ops in parts:  # preamble and operative part are separate sequences (CONVENTIONS §3)
        for i, cur in enumerate(ops):
            if cur is None or cur.verb is None or cur.verb.prefix not in ("又", "还"):
                continue
            prev = ops[i - 1] if i > 0 else None
            prefix = cur.verb.prefix
            base = cur.verb.base
            start = cur.paragraph.offset + cur.start
            # The finding covers the whole opener; its fix touches only the prefix.
            span = doc.span(start, start + len(cur.text))
            prefix_span = doc.span(start, start + len(prefix))
            if prev is None or prev.verb is None or not _same(prev, cur):
                if case == "orphan":
                    before = f"“{prev.text}”" if prev and prev.text else rule.phrase("nothing")
                    fix = Fix((Edit(*prefix_span, ""),), safe=False)
                    yield rule.finding_at(*span, fix=fix, verb=cur.text, prefix=prefix, base=base, before=before)
                continue
            if case == "inversion" and prefix == "又" and prev.verb.prefix == "还":
                convention = rule.phrase("convention", huan=huan_second, you=you_second)
                p_start = prev.paragraph.offset + prev.start
                fix = Fix((Edit(*doc.span(p_start, p_start + 1), "又"), Edit(*prefix_span, "还")), safe=False)
                yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, base=base, convention=convention)
            elif case == "order":
                if prefix == "还" and prev.verb.prefix == "none":
                    fix = Fix((Edit(*prefix_span, "又"),))
                    yield rule.finding_at(
                        *span, fix=fix, verb=cur.text, prev=prev.text, right="又" + base, position=rule.phrase("second"),
                        severity="info",
                    )
                elif prefix == "又" and prev.verb.prefix == "又":
                    fix = Fix((Edit(*prefix_span, "还"),))
                    yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, right="还" + base,
                                          position=rule.phrase("third"))


def _is(opener: Opener | None, prefix: str) -> bool:
    return bool(opener and opener.verb and opener.verb.prefix == prefix)


def _same(a: Opener, b: Opener) -> bool:
    return _family(a.verb.base) == _family(b.verb.base)


KINDS = {"verb-sequence": check_sequence}
