"""Paragraph openers (RV101-RV103): a verb in the wrong part, or no known verb at all."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.openers import find_openers
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.lexicon import nearest


def check_openers(doc: Document, rule: Rule) -> Iterator[Finding]:
    case = rule.options["case"]
    if not doc.paragraphs:
        return
    openers = find_openers(doc)
    for part, paragraphs in (("preambular", doc.preambular), ("operative", doc.operative)):
        for paragraph in paragraphs:
            opener = openers.get(paragraph.offset)
            if opener is None:
                continue
            start, end = paragraph.offset + opener.start, paragraph.offset + opener.end
            if case == "unknown" and opener.verb is None and opener.first_word:
                if not _CJK_START.match(opener.first_word):
                    continue  # a paragraph opening with a symbol or number is structure's business
                suggestions = "、".join(nearest(opener.first_word)) or rule.phrase("no-suggestions")
                yield rule.finding(doc, start, end, word=opener.first_word, suggestions=suggestions, part=rule.phrase(part))
            elif opener.verb is not None and case == _MISPLACED.get(part):
                wrong = {"preambular": "operative", "operative": "preambular"}[part]
                if opener.verb.part == wrong:
                    yield rule.finding(
                        doc, start, end, verb=opener.text, where=rule.phrase(part), belongs=rule.phrase(wrong), en=opener.verb.en
                    )


_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_MISPLACED = {"preambular": "operative-verb-in-preamble", "operative": "preambular-verb-in-operative"}


KINDS = {"paragraph-openers": check_openers}
