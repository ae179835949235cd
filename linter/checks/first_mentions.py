"""RC202: the first time a text names a treaty, a footnote cites where it is published (UNTS or a registry form)."""

from __future__ import annotations

from typing import Iterator

from linter.analyses.citation_index import CitationIndex, Note, citation_index
from linter.analyses.treaty_mentions import Mention
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document
from linter.registries.treaties import CitedForm, Treaty, title_key


def check_first_mentions(doc: Document, rule: Rule) -> Iterator[Finding]:
    """The first time the text names a treaty, a footnote should cite where it is published."""
    index = citation_index(doc)
    seen: set[str] = set()
    orphans = _orphan_notes(doc, index)
    for part, mention in index.mentions:
        if (mention.quoted or mention.resolution_subject or mention.frame or mention.names_body
                or len(mention.treaties) != 1):
            continue
        treaty = mention.treaties[0]
        if treaty.id in seen or not treaty.footnoted:
            continue
        seen.add(treaty.id)
        if mention.family:  # 《公约》及其各项议定书 names the protocols too
            seen.update(t.id for t in index.registry.children(treaty))
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


def _wanted_form(index: CitationIndex, treaty: Treaty) -> CitedForm | None:
    """The registry form this text should cite `treaty` by (the seen ones first), None if it has none."""
    forms = [f for f in index.registry.cited_forms(treaty) if f.fits(index.ga_text)]
    forms.sort(key=lambda f: (f.derived, not f.verified))
    return forms[0] if forms else None


def _first_mention_problem(rule: Rule, index: CitationIndex, mention: Mention, treaty: Treaty,
                           orphans: list[Note]) -> str | None:
    markers = index.markers_on(mention)
    if not markers:
        if treaty.volumes:
            wanted = rule.phrase("unts-volume-and-number")
        else:
            form = _wanted_form(index, treaty)
            wanted = form.text if form else rule.phrase("where-published")
        orphan = next((n for n in orphans if set(n.cited_volumes()) & set(treaty.volumes) or n.cited_form(treaty)), None)
        hint = rule.phrase("orphan-footnote", number=orphan.footnote.number) if orphan else ""
        return rule.phrase("no-footnote", wanted=wanted, hint=hint)
    notes = [n for n in (index.note(m.number) for m in markers) if n is not None]
    forms = [(n, n.cited_form(treaty)) for n in notes]
    if any(form is not None and form.fits(index.ga_text) for _, form in forms):
        return None  # cited by the adopting resolution, the COP decision…, as the registry has it
    misfit = next(((n, form) for n, form in forms if form is not None), None)
    if misfit is not None:
        wanted = _wanted_form(index, treaty)
        return rule.phrase("organ-form", number=misfit[0].footnote.number,
                           writer=rule.phrase("ga-writer" if index.ga_text else "other-writer"),
                           wanted=wanted.text if wanted else rule.phrase("where-published"))
    notes = [n for n in notes if n.parsed is not None]
    if not notes or not treaty.volumes:
        return None  # a missing body is RR401's finding; an unparsed one is left alone
    if any(n.unts() is not None or n.cited_volumes() for n in notes):
        return None
    return rule.phrase("not-treaty-series", number=notes[0].footnote.number)


KINDS = {"treaty-first-mention": check_first_mentions}
