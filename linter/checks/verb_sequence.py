"""The 又/还 sequence (RV141-RV144): runs of paragraphs with the same verb, CONVENTIONS §3."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.document_dates import own_body
from linter.analyses.openers import Opener, find_openers
from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document
from linter.registries.bodies import registry


def _family(base: str) -> str:
    # 关切, 又关切, 还表示关切 run together in C:health_017–019: 表示X continues X.
    return base.removeprefix("表示")


def check_sequence(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    # Preamble and operative part are separate sequences (CONVENTIONS §3).
    parts = [[openers.get(p.offset) for p in paragraphs] for paragraphs in (doc.preambular, doc.operative)]
    pairs = [(prev, cur) for ops in parts for prev, cur in zip(ops, ops[1:])]
    if case == "mixed":
        yield from _mixed(doc, rule, pairs)
        return
    for ops in parts:
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
                huan, you = _seconds(pairs)
                convention = rule.phrase("convention", huan=len(huan), you=len(you))
                p_start = prev.paragraph.offset + prev.start
                fix = Fix((Edit(*doc.span(p_start, p_start + 1), "又"), Edit(*prefix_span, "还")), safe=False)
                yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, base=base, convention=convention)
            elif case == "repeat" and prefix == "又" and prev.verb.prefix == "又":
                fix = Fix((Edit(*prefix_span, "还"),))
                yield rule.finding_at(*span, fix=fix, verb=cur.text, prev=prev.text, right="还" + base)


def _mixed(doc: Document, rule: Rule, pairs: list[tuple[Opener | None, Opener | None]]) -> Iterator[Finding]:
    """One finding per document at most: a verb whose runs take 又 for the second paragraph in one place and 还 in
    another. Off for a body whose house style is 还 for the second (bodies.yaml sequence_style), which mixes them."""
    body = own_body(doc, registry())
    if body is not None and body.data.get("sequence_style", {}).get("second") == "还":
        return
    huan, you = _seconds(pairs)
    mixed = {_family(o.verb.base) for o in huan} & {_family(o.verb.base) for o in you}
    if not mixed:
        return
    # Report the first paragraph that departs from the document's majority (又 on a tie, the GA/ECOSOC style).
    major, minor = (huan, you) if len(huan) > len(you) else (you, huan)
    first = min((o for o in minor if _family(o.verb.base) in mixed), key=lambda o: o.paragraph.offset + o.start)
    other = next(o for o in major if _same(o, first))
    start = first.paragraph.offset + first.start
    yield rule.finding_at(*doc.span(start, start + len(first.text)), verb=first.text, base=first.verb.base,
                          other=other.text, you=len(you), huan=len(huan))


def _seconds(pairs) -> tuple[list[Opener], list[Opener]]:
    """Second paragraphs of runs: those written 还X right after X, and those written 又X right after X."""
    huan = [cur for prev, cur in pairs if _is(cur, "还") and _is(prev, "none") and _same(prev, cur)]
    you = [cur for prev, cur in pairs if _is(cur, "又") and _is(prev, "none") and _same(prev, cur)]
    return huan, you


def _is(opener: Opener | None, prefix: str) -> bool:
    return bool(opener and opener.verb and opener.verb.prefix == prefix)


def _same(a: Opener, b: Opener) -> bool:
    return _family(a.verb.base) == _family(b.verb.base)


KINDS = {"verb-sequence": check_sequence}
