"""Parity of wording that carries meaning: opening verbs (Reaffirms vs 回顾), sequence words (Also requests vs
又请/还请), and the treaties a paragraph names."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.treaty_mentions import document_mentions
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.parity.align import alignment
from linter.parity.english_spans import anchor, reference, with_english
from linter.parity.english_treaties import english_mentions, same_family
from linter.parity.opener_pairs import opener_pair
from linter.read.structure import Document
from linter.registries.bodies import registry as bodies
from linter.registries.treaties import active_registry

_OTHER = {"又": "还", "还": "又"}


def _opener_pairs(doc: Document):
    for pair in alignment(doc).paragraphs:
        if pair.zh is not None and pair.en is not None and pair.zh.kind == pair.en.kind:
            found = opener_pair(pair.en.part.text, pair.zh.part.text)
            if found.en is not None and found.zh is not None:
                yield pair, found


def _zh_span(doc: Document, pair, found) -> tuple[int, int]:
    return pair.zh.part.locate(doc, found.zh.lead, found.zh.end)


def check_openers(doc: Document, rule: Rule) -> Iterator[Finding]:
    """An English opener and a Chinese one the two lexicons do not pair (Reaffirms / 回顾)."""
    en = doc.counterpart
    if en is None:
        return
    for pair, found in _opener_pairs(doc):
        if found.compatible() is not False:
            continue
        start, end = _zh_span(doc, pair, found)
        finding = rule.finding_at(start, end, values={
            "english": pair.en.where, "ref": reference(en, pair.en.part), "en_opener": found.en.en,
            "zh_opener": found.zh.verb.zh, "zh_english": found.zh.verb.en,
            "expected": "、".join(sorted(found.en.zh, key=lambda z: -found.en.zh[z])[:3]) or "-"})
        yield with_english(finding, en, pair.en.where, pair.en.part, 0, found.en_end)


def check_sequence_words(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Also/Further in the English and 又/还 in the Chinese, by the body's convention (bodies.yaml sequence_style)."""
    en = doc.counterpart
    if en is None:
        return
    body = bodies().body_of_organ(doc.organ.text) if doc.organ is not None else None
    second = (body.data.get("sequence_style") or {}).get("second", "又") if body is not None else "又"
    expected_for = {"base": "", "also": second, "further": _OTHER[second]}
    for pair, found in _opener_pairs(doc):
        prefix = found.zh.verb.prefix if found.zh.verb.prefix != "none" else ""
        sequence = prefix[:1] if prefix[:1] in "又还并" else ""
        expected = expected_for[found.en.position]
        if sequence == expected or (found.en.position == "also" and sequence == "并"):
            continue
        start, end = _zh_span(doc, pair, found)
        finding = rule.finding_at(start, end, values={
            "english": pair.en.where, "ref": reference(en, pair.en.part), "en_opener": found.en.en,
            "position": found.en.position, "zh_opener": found.zh.verb.zh,
            "expected": rule.phrase("plain") if not expected else f"{expected}{found.zh.verb.base}",
            "body": body.zh if body is not None else rule.phrase("unknown-body")})
        yield with_english(finding, en, pair.en.where, pair.en.part, 0, found.en_end)


def check_treaties(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A treaty the English paragraph names that the Chinese paragraph names otherwise, or not at all."""
    en = doc.counterpart
    if en is None:
        return
    registry = active_registry()
    zh_mentions: dict[int, list] = {}
    for part, mention in document_mentions(doc, registry):
        zh_mentions.setdefault(id(part), []).append(mention)
    for pair in alignment(doc).units():
        if pair.zh is None or pair.en is None:
            continue
        named = zh_mentions.get(id(pair.zh.part), [])
        zh_treaties = [t for m in named for t in m.treaties]
        unresolved = any(not m.treaties for m in named)
        reported: set[str] = set()
        for mention in english_mentions(pair.en.part.text, registry):
            treaty = mention.treaty
            if treaty.id in reported or any(same_family(treaty, t) for t in zh_treaties):
                continue
            reported.add(treaty.id)
            other = next((m for m in named if m.treaties and not any(same_family(treaty, t) for t in m.treaties)), None)
            values = {"english": pair.en.where, "ref": reference(en, pair.en.part, mention.start), "text": mention.text,
                      "title": treaty.display_title}
            if other is not None:
                start, end = pair.zh.part.locate(doc, other.start, other.end)
                finding = rule.finding_at(start, end, "other-treaty", values={**values, "named": other.title})
            elif not unresolved:
                start, end = anchor(doc, pair.zh.part)
                finding = rule.finding_at(start, end, "no-treaty", severity="warning", values=values)
            else:
                continue
            yield with_english(finding, en, pair.en.where, pair.en.part, mention.start, mention.end)


KINDS = {"parity-openers": check_openers, "parity-sequence-words": check_sequence_words,
         "parity-treaties": check_treaties}
