"""Treaty short titles: used before the full title, 《公约》 that could mean two conventions, clipped titles like 《打击跨国有组织犯罪公约》."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.analyses.definitions import definitions
from linter.analyses.memo import per_document
from linter.analyses.treaty_mentions import Mention, part_mentions
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document, Part
from linter.registries.treaties import Registry, Treaty, active_registry, title_key

GENERIC = "公约"  # 《公约》: "the Convention", whichever convention the text is speaking of
_TREATY_WORDS = ("公约", "议定书", "协定", "规约", "条约")


@dataclass(frozen=True)
class TitleUse:
    """One 《title》 in reading order: where its 《…》 stands in Document.text and what it names."""

    mention: Mention
    start: int
    end: int
    group: int  # index of the paragraph (with its sub-items), header line or organ line
    kind: str  # full, short, generic, clipped, other
    treaties: tuple[Treaty, ...]


def _groups(doc: Document) -> Iterator[list[Part]]:
    """Header lines, the organ line, then each paragraph with its sub-items: the units 《公约》 looks back in."""
    for line in doc.header.lines:
        yield [line]
    if doc.organ:
        yield [doc.organ]
    for paragraph in doc.paragraphs:
        yield [paragraph, *paragraph.sub_items]


def clipped_from(title: str, registry: Registry) -> tuple[Treaty, ...]:
    """Treaties whose full title ends with `title` but is longer: 打击跨国有组织犯罪公约 ⊂ 联合国打击跨国有组织犯罪公约."""
    if not title_key(title).endswith(_TREATY_WORDS):
        return ()
    return registry.by_clipped_title(title)


def title_uses(doc: Document, registry: Registry) -> list[TitleUse]:
    """Every 《title》 of the text in reading order: found once a Document (three rules go through them)."""
    known = _uses(doc)
    if known[0] is not registry:
        known[:] = [registry, _title_uses(doc, registry)]
    return known[1]


@per_document
def _uses(doc: Document) -> list:
    return [None, []]  # [the registry they were read with, the TitleUse]


def _title_uses(doc: Document, registry: Registry) -> list[TitleUse]:
    uses: list[TitleUse] = []
    for group, parts in enumerate(_groups(doc)):
        for part in parts:
            for mention in part_mentions(part.text, registry):
                # The span is the 《…》 itself, without a year or amending clause before it.
                bracket = part.text.rfind("《", mention.start, mention.end)
                start = part.offset + (bracket if bracket >= 0 else mention.start)
                clipped = () if mention.treaties or mention.title == GENERIC else clipped_from(mention.title, registry)
                if mention.title == GENERIC:
                    kind, treaties = "generic", ()
                elif mention.treaties:
                    kind, treaties = ("short" if mention.short else "full"), mention.treaties
                else:
                    kind, treaties = ("clipped" if clipped else "other"), clipped
                uses.append(TitleUse(mention, start, part.offset + mention.end, group, kind, treaties))
    return uses


def _convention(use: TitleUse) -> str | None:
    """What a use contributes to the conventions 《公约》 may stand for: a treaty id, an unknown title, or nothing."""
    if use.kind == "generic" or not use.mention.title.endswith(GENERIC):
        return None
    return use.treaties[0].id if len(use.treaties) == 1 else use.mention.title


def _title_definitions(doc: Document) -> dict[str, int]:
    """Short titles the text defines for itself ((下称《公约》), (《曼谷规则》)), at their first definition."""
    first: dict[str, int] = {}
    for definition in definitions(doc):
        if definition.is_title:
            first.setdefault(definition.short, definition.start)
    return first


def _display(treaties: tuple[Treaty, ...]) -> str:
    return "、".join(t.display_title for t in treaties[:3])


def check_before_full(doc: Document, rule: Rule) -> Iterator[Finding]:
    uses = title_uses(doc, active_registry())
    named: set[str] = set()
    conventions_named = False
    defined = _title_definitions(doc)
    for k, use in enumerate(uses):
        title = f"《{use.mention.title}》"
        if title in defined and use.start < defined[title]:
            yield rule.finding(doc, use.start, use.end, title=title, problem=rule.phrase("defined-later"))
        elif use.kind == "short" and not named & _ids(use):
            later = any(u.kind == "full" and _ids(u) & _ids(use) for u in uses[k + 1 :])
            problem = rule.phrase("full-title-later" if later else "full-title-missing", full=_display(use.treaties))
            yield rule.finding(doc, use.start, use.end, title=title, problem=problem)
        elif use.kind == "generic" and not conventions_named and title not in defined:
            yield rule.finding(doc, use.start, use.end, title=title, problem=rule.phrase("no-convention-named"))
        if use.kind in ("full", "clipped"):
            named |= _ids(use)
        conventions_named = conventions_named or _convention(use) is not None


def _ids(use: TitleUse) -> set[str]:
    return {t.id for t in use.treaties}


def check_ambiguous(doc: Document, rule: Rule) -> Iterator[Finding]:
    registry = active_registry()
    defined = _title_definitions(doc)
    last_named: dict[str, TitleUse] = {}  # conventions of the latest group that named any
    current: dict[str, TitleUse] = {}
    group = -1
    for use in title_uses(doc, registry):
        if use.group != group:
            if current:
                last_named = current
            current, group = {}, use.group
        convention = _convention(use)
        if convention is not None:
            current[convention] = use
        if use.kind != "generic" or defined.get(f"《{GENERIC}》", len(doc.text)) < use.start:
            continue
        candidates = current or last_named
        if len(candidates) >= 2:
            names = "、".join(f"《{u.mention.title}》" for u in list(candidates.values())[:3])
            yield rule.finding(doc, use.start, use.end, names=names,
                               where=rule.phrase("in-this-paragraph" if current else "in-last-paragraph"))


def check_clipped(doc: Document, rule: Rule) -> Iterator[Finding]:
    defined = _title_definitions(doc)
    for use in title_uses(doc, active_registry()):
        title = f"《{use.mention.title}》"
        if use.kind != "clipped" or title in defined or len(use.treaties) != 1:
            continue
        treaty = use.treaties[0]
        accepted = [f"《{GENERIC}》"] if treaty.title_zh.endswith(GENERIC) else []
        accepted += [f"《{short}》" for short in treaty.short_titles]
        full = f"《{treaty.title_zh}》" if "《" not in treaty.title_zh else None
        yield rule.finding(doc, use.start, use.end, replacement=full, safe=False, title=title,
                           full=treaty.display_title, accepted="、".join(accepted) or rule.phrase("none-registered"))


KINDS = {
    "short-title-before-full-title": check_before_full,
    "ambiguous-short-title": check_ambiguous,
    "unaccepted-short-title": check_clipped,
}
