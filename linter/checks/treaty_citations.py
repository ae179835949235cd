"""Footnote citation checkers: treaty volumes and numbers, format, 同上, Official Records, repeats (first mentions: first_mentions)."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.citation_index import (
    UNTS,
    CitationIndex,
    Note,
    citation_index,
    note_span,
    publication_of,
)
from linter.analyses.footnote_citations import Citation, Field
from linter.analyses.treaty_mentions import Mention
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.bodies import registry
from linter.registries.treaties import Treaty


def _name(mention: Mention) -> str:
    """The treaty as the registry titles it (《公约》 is named by the convention it stands for)."""
    if len(mention.treaties) == 1:
        name = mention.treaties[0].display_title
    else:
        name = f"{mention.year}年《{mention.title}》" if mention.year else f"《{mention.title}》"
    return name + ("及其各项议定书" if mention.family else "")


# ---------------------------------------------------------------- RC201


def check_treaty_numbers(doc: Document, rule: Rule) -> Iterator[Finding]:
    """UNTS volumes and numbers against the registry entry of the treaty named where the marker stands."""
    index = citation_index(doc)
    reported: set[tuple[int, int]] = set()
    for named in index.marker_names:
        mention = named.mention
        note = index.note(named.marker.number)
        if mention is None or note is None or not mention.treaties:
            continue
        citation = note.unts()
        rows, volumes, numbers = index.expected_unts(mention)
        if citation is None or not rows:
            continue
        severity = "error" if all(r.verified for r in rows) else "warning"
        for finding in _number_findings(doc, rule, note, citation, mention, rows, volumes, numbers, severity):
            key = (finding.start, finding.end)
            if key not in reported:
                reported.add(key)
                yield finding


def _number_findings(doc, rule, note: Note, citation: Citation, mention: Mention, rows: tuple[Treaty, ...],
                     volumes: tuple[int, ...], numbers: tuple[int, ...], severity: str) -> Iterator[Finding]:
    name = _name(mention)
    wrong_volumes = [f for f in citation.volumes if f.value not in volumes]
    wrong_numbers = [f for f in citation.numbers if f.value not in numbers]
    single = len(rows) == 1 and len(volumes) == 1 and len(numbers) == 1
    if (single and len(citation.volumes) == 1 and len(citation.numbers) == 1 and wrong_volumes and wrong_numbers
            and citation.volumes[0].value == numbers[0] and citation.numbers[0].value == volumes[0]):
        vol, num = citation.volumes[0], citation.numbers[0]
        text = note.footnote.text
        start, _ = note_span(note, vol)
        _, end = note_span(note, num)
        yield rule.finding(
            doc, start, end, message_key="swapped", treaty=name, volume=volumes[0], number=numbers[0],
            replacement=f"{volumes[0]}{text[vol.end:num.start]}{numbers[0]}", safe=False, severity=severity,
        )
        return
    for what, wrong, expected in (("volume", wrong_volumes, volumes), ("number", wrong_numbers, numbers)):
        for field in wrong:
            start, end = note_span(note, field)
            fix = str(expected[0]) if single and len(wrong) == 1 else None
            yield rule.finding(
                doc, start, end, replacement=fix, safe=False, severity=severity,
                what=rule.phrase(what), found=field.value, treaty=name, marker=note.footnote.number,
                expected="、".join(map(str, expected)),
            )


# ---------------------------------------------------------------- RC203

_SEPARATED = {  # element pairs that take "，" between them, by citation kind
    "treaty": {("un", "title"), ("title", "volumes"), ("volumes", "numbers")},
    "ibid": {("ibid", "volumes"), ("ibid", "numbers"), ("ibid", "paragraphs"), ("ibid", "pages"), ("volumes", "numbers")},
    "resolution": {("resolutions", "annex"), ("resolutions", "paragraphs")},
    "document": {("symbol", "chapter"), ("symbol", "paragraphs"), ("symbol", "annex"), ("symbol", "resolutions"),
                 ("symbol", "section"), ("resolutions", "annex")},
    "records": {("parens", "chapter"), ("parens", "part"), ("parens", "annex"), ("parens", "paragraphs")},
}
_GLUED = {"records": {("title", "parens"), ("title", "corrigendum"), ("corrigendum", "parens")}}
_TREATY_ORDER = ("un", "title", "volumes", "numbers")


def check_format(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Separators, element order and the closing 。 of citations (digit spacing is RD307's business)."""
    index = citation_index(doc)
    for note in index.notes:
        if note.parsed is None:
            continue
        for source in note.sources:
            yield from _order_findings(doc, rule, note, source)
            yield from _separator_findings(doc, rule, note, source)
        yield from _end_mark_findings(doc, rule, note)


def _order_findings(doc, rule, note: Note, source: Citation) -> Iterator[Finding]:
    if source.kind != "treaty":
        return
    kinds = [e.kind for e in source.elements]
    if "volumes" in kinds and "numbers" in kinds and kinds.index("numbers") < kinds.index("volumes"):
        first, second = source.elements[kinds.index("numbers")], source.elements[kinds.index("volumes")]
        text = note.footnote.text
        start, end = note_span(note, Field(None, first.start, second.end))
        swapped = text[second.start:second.end] + text[first.end:second.start] + text[first.start:first.end]
        yield rule.finding(doc, start, end, replacement=swapped, problem=rule.phrase("volume-before-number"),
                           found=text[first.start:second.end])
    elif source.elements[0].kind != "un" and source.lead is None:
        first = source.elements[0]
        start, end = note_span(note, first)
        found = note.footnote.text[first.start:first.end]
        yield rule.finding(doc, start, end, replacement="联合国，" + found,
                           problem=rule.phrase("opens-with-un"), found=found)


def _separator_findings(doc, rule, note: Note, source: Citation) -> Iterator[Finding]:
    text = note.footnote.text
    separated = _SEPARATED.get(source.kind, set())
    glued = _GLUED.get(source.kind, set())
    for left, gap, right in zip(source.elements, source.gaps, source.elements[1:]):
        pair = (left.kind, right.kind)
        written = gap.value.strip()
        if pair in separated and written == "":
            want, problem = "，", "separator-missing"
        elif pair in separated and written == "、":
            want, problem = "，", "separator-not-enumeration-comma"
        elif pair in glued and gap.value != "":
            want, problem = "", "symbol-after-title"
        else:
            continue  # "," is RP501's finding; a space is typography
        # A missing separator is shown with both elements; a stray space only with the marks around it.
        a, b = (left.end - 1, right.start + 1) if want == "" else (left.start, right.end)
        start, end = note_span(note, Field(None, a, b))
        yield rule.finding(doc, start, end, replacement=text[a:left.end] + want + text[right.start:b],
                           problem=rule.phrase(problem), found=text[a:b])


def _end_mark_findings(doc, rule, note: Note) -> Iterator[Finding]:
    mark = note.parsed.end_mark
    if mark is not None and mark.value == "。":
        return
    if mark is not None:
        start, end = note_span(note, mark)
        yield rule.finding(doc, start, end, replacement="。", problem=rule.phrase("end-mark"), found=mark.value)
        return
    last = note.sources[-1].elements[-1]
    start, end = note_span(note, last)
    found = note.footnote.text[last.start:last.end]
    yield rule.finding(doc, start, end, replacement=found + "。", problem=rule.phrase("end-mark"), found=found)


# ---------------------------------------------------------------- RC204


def check_ibid(doc: Document, rule: Rule) -> Iterator[Finding]:
    """同上 must follow a body that cites one source, the same one the text around its marker names."""
    index = citation_index(doc)
    for note in index.notes:
        for source in note.sources:
            if source.kind != "ibid":
                continue
            problem = _ibid_problem(rule, index, note, source)
            if problem:
                start, end = note_span(note, source.elements[0])
                yield rule.finding(doc, start, end, problem=problem)


def _ibid_problem(rule: Rule, index: CitationIndex, note: Note, source: Citation) -> str | None:
    previous = note.previous
    if previous is None:
        return rule.phrase("first-footnote")
    if source is not note.sources[0]:
        return rule.phrase("not-first-source")
    if len(previous.sources) > 1:
        return rule.phrase("several-sources", previous=previous.footnote.number, count=len(previous.sources))
    if previous.cites_nothing():
        return _after_prose(rule, index, note, source, previous)
    if previous.parsed is None and not previous.cited:
        return None  # a body resolint cannot read: no judgement
    if (source.volumes or source.numbers) and previous.publication != UNTS:
        return rule.phrase("not-treaty-series", previous=previous.footnote.number,
                           publication=_publication_words(rule, previous.publication, previous))
    return _names_other_treaty(rule, index, note, source, previous)


def _treaty_named_at(index: CitationIndex, note: Note) -> tuple[Mention, Treaty] | None:
    """The one treaty named where the marker of `note` stands, if any."""
    names = [n.mention for n in index.marker_names if n.marker.number == note.footnote.number and n.mention]
    names = [m for m in names if len(m.treaties) == 1]
    return (names[0], names[0].treaties[0]) if names else None


def _after_prose(rule: Rule, index: CitationIndex, note: Note, source: Citation, previous: Note) -> str | None:
    """同上 after a body that cites nothing (a definition): wrong under a treaty's name or with a volume."""
    named = _treaty_named_at(index, note)
    if named is not None and _known_citation(named[1]):
        return rule.phrase("treaty-after-prose", previous=previous.footnote.number, treaty=_name(named[0]))
    if source.volumes or source.numbers:
        return rule.phrase("after-prose", previous=previous.footnote.number)
    return None


def _known_citation(treaty: Treaty) -> bool:
    """Whether the registry says how the treaty is cited (UNTS, cited_as, also_cited_as)."""
    return bool(treaty.volumes or treaty.cited_as or treaty.also_cited_as)


def _names_other_treaty(rule: Rule, index: CitationIndex, note: Note, source: Citation, previous: Note) -> str | None:
    """A bare 同上 under a treaty's name must repeat a citation of that treaty."""
    if source.volumes or source.numbers:
        return None
    named = _treaty_named_at(index, note)
    if named is None:
        return None
    mention, treaty = named
    if previous.cited_form(treaty) is not None:
        return None  # the body before cites it by the adopting resolution, the COP decision…
    _, volumes, _ = index.expected_unts(mention)
    if previous.publication == UNTS:
        cited = previous.cited_volumes()
        if volumes and cited and not set(cited) & set(volumes):
            return rule.phrase("other-volumes", previous=previous.footnote.number, volumes="、".join(map(str, cited)),
                               treaty=_name(mention))
        return None
    if _known_citation(treaty):
        return rule.phrase("other-publication", treaty=_name(mention), previous=previous.footnote.number,
                           publication=_publication_words(rule, previous.publication, previous))
    return None


def _publication_words(rule: Rule, publication: tuple | None, note: Note | None = None) -> str:
    if publication is None:
        if note is not None and note.cited:
            return "、".join(dict.fromkeys(t.display_title for t, _ in note.cited))
        return rule.phrase("unreadable-publication")
    kind = publication[0]
    if kind == "unts":
        return rule.phrase("unts-publication")
    if kind == "records":
        return rule.phrase("records-publication")
    if kind == "resolution":
        return rule.phrase("resolution-publication", symbols="、".join(sorted(publication[1])))
    if kind == "document":
        return rule.phrase("document-publication", symbols="、".join(publication[1]))
    return f"《{publication[1]}》"


# ---------------------------------------------------------------- RC205

def check_records(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Official Records: the session (or year) and supplement number must agree with the document symbol."""
    index = citation_index(doc)
    for note in index.notes:
        for source in note.sources:
            if source.kind == "records":
                yield from _records_findings(doc, rule, note, source)


def _records_findings(doc, rule, note: Note, source: Citation) -> Iterator[Finding]:
    """The bodies registry says how the organ's supplements map to symbols (offset, exceptions, letters)."""
    body = registry().body_of_organ(source.organ.value)
    records = body.official_records if body is not None else None
    if records is None or (records.key == "year") != source.session_is_year:
        return
    if records.key == "year":
        session_words = str(source.session.value)
    else:
        session_words = f"第{note.footnote.text[source.session.start:source.session.end]}届会议"
    for symbol in source.symbols:
        meant = records.supplement(symbol.value)
        if meant is None:
            continue
        session, supplement = meant
        if session != source.session.value:
            start, end = note_span(note, source.session)
            yield rule.finding(doc, start, end, message_key="year" if source.session_is_year else "session",
                               found=session_words, symbol=symbol.value, expected=session)
        elif supplement != source.supplement.value:
            start, end = note_span(note, source.supplement)
            yield rule.finding(doc, start, end, found=source.supplement.value, symbol=symbol.value, expected=supplement)
        return  # the first symbol of the organ's series decides


# ---------------------------------------------------------------- RC206


def check_repeats(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A body that cites in full the publication of the body just before it: house style writes 同上."""
    index = citation_index(doc)
    for note in index.notes:
        previous = note.previous
        if not note.sources or previous is None or previous.publication is None:
            continue
        source = note.sources[0]
        if source.kind == "ibid" or source.lead is not None:
            continue
        if previous.publication != (UNTS if source.kind == "treaty" else _own_publication(source)):
            continue
        repeated = _repeated_part(source)
        if repeated is None:
            continue
        start, end = note_span(note, repeated)
        found = note.footnote.text[repeated.start:repeated.end]
        yield rule.finding(doc, start, end, replacement="同上", safe=False, found=found,
                           previous=previous.footnote.number)


def _own_publication(source: Citation) -> tuple | None:
    return publication_of(source, None)


def _repeated_part(source: Citation) -> Field | None:
    """The part 同上 replaces: everything before the volume (treaty series) or before the tail (others)."""
    keep = {"treaty": ("volumes", "numbers")}.get(source.kind, ("chapter", "section", "part", "annex", "paragraphs", "pages"))
    head = [e for e in source.elements if e.kind not in keep]
    rest = [e for e in source.elements if e.kind in keep]
    if not head or (rest and rest[0].start < head[-1].end):
        return None
    return Field(None, head[0].start, head[-1].end)


KINDS = {
    "treaty-citation-number": check_treaty_numbers,
    "citation-format": check_format,
    "ibid-reference": check_ibid,
    "records-symbol": check_records,
    "repeated-citation": check_repeats,
}
