"""Paragraph openers (RV101-RV104): a verb in the wrong part, an opener that is a typo or a subject, an organ's own verb."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.document_dates import own_body
from linter.analyses.memo import per_text
from linter.analyses.openers import Opener, find_openers
from linter.analyses.segmentation import segmenter
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document, Paragraph
from linter.registries.bodies import registry
from linter.registries.lexicon import near_misses, nearest

_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_MISPLACED = {"preambular": "operative-verb-in-preamble", "operative": "preambular-verb-in-operative"}
_WRONG = {"preambular": "operative", "operative": "preambular"}


def check_openers(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    if case == "unknown":
        yield from _unknown(doc, rule, openers)
        return
    if case == "organ":
        yield from _organ(doc, rule, openers)
        return
    for part, paragraphs in (("preambular", doc.preambular), ("operative", doc.operative)):
        if case != _MISPLACED[part]:
            continue
        for paragraph in paragraphs:
            opener = openers.get(paragraph.offset)
            # `part` is the evidence (verbs.zh.yaml): usual_part (M, unverified) is never reported.
            if opener is None or opener.verb is None or opener.verb.part != _WRONG[part]:
                continue
            if part == "preambular" and _unnumbered_operative(doc, paragraph):
                continue
            start, end = paragraph.offset + opener.start, paragraph.offset + opener.end
            yield rule.finding(doc, start, end, verb=opener.text, where=rule.phrase(part),
                               belongs=rule.phrase(_WRONG[part]), en=opener.verb.en)


@per_text  # a walk through the whole lexicon for each paragraph with an unknown opener, on every lint
def _near_misses(text: str) -> list[tuple[str, str, str]]:
    return near_misses(text)


def _unnumbered_operative(doc: Document, paragraph: Paragraph) -> bool:
    """A text without numbered paragraphs whose paragraph ends like an operative one (；。): its numbers do not tell
    the parts apart (a sole operative paragraph is unnumbered: unpc-dev 2340 A/69/L.55, 131 UNEP/CHW.12/20)."""
    return not doc.operative and paragraph.text.rstrip()[-1:] in ("；", "。", ";")


def _unknown(doc: Document, rule: Rule, openers: dict[int, Opener]) -> Iterator[Finding]:
    """No known opener, and the first word is either a misspelt opener or a subject (秘书长, 会员国).

    Other unknown openings are left alone: real texts open with phrases no lexicon lists (应日本政府邀请于仙台举行会议，
    "Having met in Sendai at the invitation of Japan", unpc-dev 3674).
    """
    subjects = tuple(rule.options.get("subjects", ()))
    candidates: list[tuple[str, Paragraph, Opener, list[tuple[str, str, str]]]] = []
    for part, paragraphs in (("preambular", doc.preambular), ("operative", doc.operative)):
        for paragraph in paragraphs:
            opener = openers.get(paragraph.offset)
            if opener is None or opener.verb is not None or not _CJK_START.match(opener.first_word):
                continue  # a paragraph opening with a symbol or number is structure's business
            rest = paragraph.text[opener.start:]
            if opener.first_word in subjects or (subjects and rest.startswith(subjects)):
                subject = next((s for s in sorted(subjects, key=len, reverse=True) if rest.startswith(s)),
                               opener.first_word)
                start = paragraph.offset + opener.start
                yield rule.finding(doc, start, start + len(subject), message_key="subject", word=subject,
                                   part=rule.phrase(part))
                continue
            # A misspelt opener ends on a word boundary of the segmentation (在过去 is not 通过 misspelt).
            bounds = _boundaries(opener.words)
            misses = [miss for miss in _near_misses(rest) if len(miss[0]) in bounds]
            if misses:
                candidates.append((part, paragraph, opener, misses))
    if not candidates:
        return
    words = sorted({word for *_, misses in candidates for _, word, _ in misses})
    is_word = dict(zip(words, segmenter().known_words(words)))
    for part, paragraph, opener, misses in candidates:
        # A word the segmenter's vocabulary knows (关于, 作为, 重视; 因此 + 提议) is some other word, not a typo.
        typos = [(head, form) for head, word, form in misses if not is_word[word]]
        if not typos:
            continue
        head = typos[0][0]
        forms = list(dict.fromkeys([form for h, form in typos if h == head] + nearest(head)))[:3]
        start = paragraph.offset + opener.start
        yield rule.finding(doc, start, start + len(head), word=head, suggestions="、".join(forms),
                           part=rule.phrase(part))


def _boundaries(words: tuple[str, ...]) -> set[int]:
    """Character offsets where a word of `words` ends."""
    out, pos = set(), 0
    for word in words:
        pos += len(word)
        out.add(pos - (len(word) - len(word.rstrip())))
    return out


def _organ(doc: Document, rule: Rule, openers: dict[int, Opener]) -> Iterator[Finding]:
    """An opener only one organ uses (认定, 根据《联合国宪章》第七章采取行动: SC), in a text another organ adopts."""
    body = own_body(doc, registry())
    if body is None:
        return  # no organ line, or one the registry does not know: the organ is not known
    for part, paragraphs in (("preambular", doc.preambular), ("operative", doc.operative)):
        for paragraph in paragraphs:
            opener = openers.get(paragraph.offset)
            if opener is None or opener.verb is None or opener.verb.organ is None:
                continue
            # verbs.zh.yaml names the organ as bodies.yaml abbreviates it (SC).
            owner = next((b for b in registry().bodies if b.data.get("abbreviation") == opener.verb.organ), None)
            if owner is None or owner is body:
                continue
            start, end = paragraph.offset + opener.start, paragraph.offset + opener.end
            yield rule.finding(doc, start, end, verb=opener.text, en=opener.verb.en, organ=owner.zh, body=body.zh)


KINDS = {"paragraph-openers": check_openers}
