"""A document's footnotes read as citations: each body parsed, what its 同上 repeats, and the treaty each marker names."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from linter.analyses.document_dates import own_body
from linter.analyses.footnote_citations import (
    Citation,
    Field,
    ParsedFootnote,
    parse_footnote,
)
from linter.analyses.memo import per_text
from linter.analyses.treaty_mentions import (
    Mention,
    document_mentions,
    mention_at_marker,
)
from linter.read.structure import Document, Footnote, FootnoteMarker, Part
from linter.registries.bodies import registry as bodies_registry
from linter.registries.treaties import CitedForm, Registry, Treaty, active_registry

UNTS = ("unts",)
GENERAL_ASSEMBLY = "general-assembly"
# What a footnote body that cites something shows: a title, a resolution or decision, a document symbol, the UNTS.
_CITATION_HINT = re.compile(r"《|条约汇编|号决议|号决定|号文件|正式记录|出售品编号|[A-Z]{1,8}/[A-Za-z0-9]")


@dataclass(frozen=True)
class Note:
    """One footnote body: its parse (None if it is not a citation) and the body before it."""

    footnote: Footnote
    parsed: ParsedFootnote | None
    previous: "Note | None"
    publication: tuple | None  # what a 同上 in the next body would repeat; None after a body of several sources
    cited: tuple[tuple[Treaty, CitedForm], ...] = ()  # treaties cited by a registry form (a 同上 repeats them)

    def cited_form(self, treaty: Treaty) -> CitedForm | None:
        """The registry form by which this body (or the body its 同上 repeats) cites `treaty`, if any."""
        return next((form for t, form in self.cited if t.id == treaty.id), None)

    def cites_nothing(self) -> bool:
        """A body that is no citation at all: prose such as a definition (为本决议之目的，…系指…)."""
        return self.parsed is None and not self.cited and not _CITATION_HINT.search(self.footnote.text)

    @property
    def sources(self) -> tuple[Citation, ...]:
        return self.parsed.sources if self.parsed else ()

    def unts(self) -> Citation | None:
        """The source giving UNTS volumes and numbers: a treaty citation, or 同上 after one."""
        for source in self.sources:
            if source.kind == "treaty":
                return source
            if source.kind == "ibid" and source.volumes and self.previous and self.previous.publication == UNTS:
                return source
        return None

    def cited_volumes(self) -> tuple[int, ...]:
        """UNTS volumes this body cites, a bare 同上 taking those of the body it repeats."""
        source = self.unts()
        if source is not None:
            return tuple(f.value for f in source.volumes)
        if self.sources and self.sources[0].kind == "ibid" and self.previous is not None:
            return self.previous.cited_volumes()
        return ()


def publication_of(source: Citation, previous: tuple | None) -> tuple | None:
    """What a source cites, as 同上 would repeat it: UNTS is one publication whatever the volume."""
    if source.kind == "treaty":
        return UNTS
    if source.kind == "records":
        return ("records", source.organ.value, source.session.value, source.supplement.value)
    if source.kind == "resolution":
        return ("resolution", frozenset(f.value for f in source.resolutions))
    if source.kind == "document":
        return ("document", tuple(f.value for f in source.symbols))
    if source.kind == "publication":
        return ("publication", source.title.value)
    return previous  # 同上 repeats what the body before it cited


@dataclass(frozen=True)
class MarkerName:
    """A marker, the part it stands in, and the treaty name it hangs on (None if it follows no 《title》)."""

    marker: FootnoteMarker
    mention: Mention | None


@dataclass(frozen=True)
class CitationIndex:
    registry: Registry
    notes: tuple[Note, ...]
    mentions: tuple[tuple[Part, Mention], ...]
    marker_names: tuple[MarkerName, ...]
    ga_text: bool | None = None  # a General Assembly text (cites its own resolutions bare); None: organ unknown

    def note(self, number: int) -> Note | None:
        return next((n for n in self.notes if n.footnote.number == number), None)

    def markers_on(self, mention: Mention) -> list[FootnoteMarker]:
        return [m.marker for m in self.marker_names if m.mention is mention]

    def expected_unts(self, mention: Mention) -> tuple[tuple[Treaty, ...], tuple[int, ...], tuple[int, ...]]:
        """Registry rows a name covers (its protocols too after 及其各项议定书), their volumes and numbers."""
        rows: list[Treaty] = []
        for treaty in mention.treaties:
            rows.extend(self.registry.family(treaty) if mention.family else (treaty,))
        rows = [r for r in rows if r.volumes]
        volumes = tuple(dict.fromkeys(v for r in rows for v in r.volumes))
        numbers = tuple(dict.fromkeys(n for r in rows for n in r.numbers))
        return tuple(rows), volumes, numbers


def build_index(doc: Document, registry: Registry) -> CitationIndex:
    notes: list[Note] = []
    previous: Note | None = None
    for footnote in doc.footnotes:
        parsed = _parsed(footnote.text)
        publication = None
        if parsed is not None and len(parsed.sources) == 1:
            publication = publication_of(parsed.sources[0], previous.publication if previous else None)
        note = Note(footnote, parsed, previous, publication, _cited_by_form(footnote.text, parsed, previous, registry))
        notes.append(note)
        previous = note
    mentions = document_mentions(doc, registry)
    names = tuple(MarkerName(m, mention_at_marker(doc, m, mentions)) for m in doc.markers)
    body = own_body(doc, bodies_registry())
    ga_text = None if body is None else body.id == GENERAL_ASSEMBLY
    return CitationIndex(registry, tuple(notes), tuple(mentions), names, ga_text)


def _cited_by_form(text: str, parsed: ParsedFootnote | None, previous: Note | None,
                   registry: Registry) -> tuple[tuple[Treaty, CitedForm], ...]:
    """Treaties a body cites by a registry form (大会第2200 A (XXI)号决议，附件), source by source; a 同上 without
    volume repeats those of the body before it."""
    if parsed is not None:
        pieces = [text[s.start:s.end] for s in parsed.sources if s.kind != "ibid"]
        first = parsed.sources[0]
        repeated = first.kind == "ibid" and not first.volumes and not first.numbers
    else:
        pieces = [p for p in re.split(r"[；;]", text) if p.strip()]
        repeated = False
    found: list[tuple[Treaty, CitedForm]] = []
    if repeated and previous is not None and len(previous.sources) <= 1:
        found.extend(previous.cited)
    for piece in pieces:
        found.extend(registry.by_cited_form(piece))
    return tuple(dict.fromkeys(found))


# A footnote body parsed once a lint (and, in an editor's session, kept while it does not change).
_parsed = per_text(parse_footnote)

# The last index built, with a weak reference to its Document: holding the Document itself would keep it (a 50 MB
# draft's is several times that) alive until the next lint.
_last: tuple[weakref.ref, Registry, CitationIndex] | None = None


def citation_index(doc: Document) -> CitationIndex:
    """The index of `doc`, built once for all the citation rules that run on it."""
    global _last
    registry = active_registry()
    if _last is None or _last[0]() is not doc or _last[1] is not registry:
        _last = (weakref.ref(doc), registry, build_index(doc, registry))
    return _last[2]


def note_span(note: Note, field: Field | Citation) -> tuple[int, int]:
    """Normalized offsets (Document.text) of a field or citation of a footnote body."""
    return note.footnote.offset + field.start, note.footnote.offset + field.end
