"""Footnote citation checkers: treaty volumes and numbers, first mentions, format, 同上, Official Records, repeats."""

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
from linter.registries.treaties import Treaty, title_key


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


# ---------------------------------------------------------------- RC202


def check_first_mentions(doc: Document, rule: Rule) -> Iterator[Finding]:
    """The first time the text names a treaty, a footnote should cite where it is published."""
    index = citation_index(doc)
    seen: set[str] = set()
    orphans = _orphan_notes(doc, index)
    for part, mention in index.mentions:
        if mention.quoted or mention.resolution_subject or len(mention.treaties) != 1:
            continue
        treaty = mention.treaties[0]
        if treaty.id in seen:
            continue
        seen.add(treaty.id)
        problem = _first_mention_problem(rule, index, mention, treaty, orphans)
        if problem:
            start, end = part.offset + mention.start, part.offset + mention.end
            yield rule.finding(doc, start, end, name=_written_name(mention, treaty), problem=problem)


def _written_name(mention: Mention, treaty: Treaty) -> str:
    """The name as the text writes it, with the registry's title when the text uses another one."""
    written = f"{mention.year}年《{mention.title}》" if mention.year else f"《{mention.title}》"
    if title_key(written) == title_key(treaty.display_title):
        return written
    return f"{written} ({treaty.display_title})"


def _orphan_notes(doc: Document, index: CitationIndex) -> list[Note]:
    used = {m.number for m in doc.markers}
    return [n for n in index.notes if n.footnote.number not in used]


def _first_mention_problem(rule: Rule, index: CitationIndex, mention: Mention, treaty: Treaty,
                           orphans: list[Note]) -> str | None:
    markers = index.markers_on(mention)
    if not markers:
        wanted = rule.phrase("unts-volume-and-number") if treaty.volumes else (treaty.cited_as or rule.phrase("where-published"))
        orphan = next((n for n in orphans if set(n.cited_volumes()) & set(treaty.volumes)), None)
        hint = rule.phrase("orphan-footnote", number=orphan.footnote.number) if orphan else ""
        return rule.phrase("no-footnote", wanted=wanted, hint=hint)
    notes = [index.note(m.number) for m in markers]
    notes = [n for n in notes if n is not None and n.parsed is not None]
    if not notes or not treaty.volumes:
        return None  # a missing body is RR401's finding; an unparsed one is left alone
    if any(n.unts() is not None or n.cited_volumes() for n in notes):
        return None
    return rule.phrase("not-treaty-series", number=notes[0].footnote.number)


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
    if previous.parsed is None:
        return None  # a body resolint cannot read: no judgement
    if (source.volumes or source.numbers) and previous.publication != UNTS:
        return rule.phrase("not-treaty-series", previous=previous.footnote.number,
                           publication=_publication_words(rule, previous.publication))
    return _names_other_treaty(rule, index, note, source, previous)


def _names_other_treaty(rule: Rule, index: CitationIndex, note: Note, source: Citation, previous: Note) -> str | None:
    """A bare 同上 under a treaty's name must repeat a citation of that treaty."""
    if source.volumes or source.numbers:
        return None
    names = [n.mention for n in index.marker_names if n.marker.number == note.footnote.number and n.mention]
    names = [m for m in names if len(m.treaties) == 1]
    if not names:
        return None
    mention = names[0]
    treaty = mention.treaties[0]
    _, volumes, _ = index.expected_unts(mention)
    if previous.publication == UNTS:
        cited = previous.cited_volumes()
        if volumes and cited and not set(cited) & set(volumes):
            return rule.phrase("other-volumes", previous=previous.footnote.number, volumes="、".join(map(str, cited)),
                               treaty=_name(mention))
        return None
    if previous.publication and previous.publication[0] == "resolution" and treaty.cited_as:
        if any(symbol in treaty.cited_as for symbol in previous.publication[1]):
            return None
    if treaty.volumes or treaty.cited_as:
        return rule.phrase("other-publication", treaty=_name(mention), previous=previous.footnote.number,
                           publication=_publication_words(rule, previous.publication))
    return None


def _publication_words(rule: Rule, publication: tuple | None) -> str:
    if publication is None:
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
    "treaty-first-mention": check_first_mentions,
    "citation-format": check_format,
    "ibid-reference": check_ibid,
    "records-symbol": check_records,
    "repeated-citation": check_repeats,
}
