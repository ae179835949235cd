"""Parse a footnote body into citations (treaty series, Official Records, resolutions, documents, 同上) with spans."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linter.analyses.clauses import closing_paren
from linter.registries.bodies import registry

# Every offset below is an index into the footnote text handed to parse_footnote().


@dataclass(frozen=True)
class Field:
    """A value read from the footnote and the span [start, end) of the characters it was read from."""

    value: object
    start: int
    end: int


@dataclass(frozen=True)
class Element:
    """One element of a citation as written (联合国, a 《title》, 第 x 卷, (symbol), 第一章 …)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """One source cited in a footnote.

    kind is "treaty" (联合国，《条约汇编》…), "records" (Official Records),
    "resolution", "document" (a document symbol), "publication" (a title
    with a sales number) or "ibid" (同上). `gaps` holds the text between
    consecutive elements, so a rule can judge the separators.
    """

    kind: str
    start: int
    end: int
    elements: tuple[Element, ...]
    gaps: tuple[Field, ...]
    lead: Field | None = None  # 见, 另见, 参见
    title: Field | None = None  # the text inside 《》
    volumes: tuple[Field, ...] = ()
    numbers: tuple[Field, ...] = ()
    organ: Field | None = None
    session: Field | None = None  # records: GA session number, or ECOSOC year when `session_is_year`
    session_is_year: bool = False
    supplement: Field | None = None  # "10", "53A"
    symbols: tuple[Field, ...] = ()
    resolutions: tuple[Field, ...] = ()  # "55/25", "1373(2001)"
    paragraphs: tuple[Field, ...] = ()
    pages: tuple[Field, ...] = ()
    sales_number: Field | None = None  # 出售品编号：C.96.IV.13


@dataclass(frozen=True)
class ParsedFootnote:
    """A footnote body read as one or more sources joined by ；."""

    sources: tuple[Citation, ...]
    joiners: tuple[Field, ...]  # the ； between sources
    end_mark: Field | None  # the closing punctuation as written (。, ., ；…), None if there is none
    content_end: int  # where the last source ends: a missing 。 goes here


_SPACE = r"[ \t\u3000\u00a0]?"
_CN_NUMERAL = "[一二三四五六七八九十百零两]{1,5}"
_LIST_JOIN = rf"{_SPACE}(?:、|，|,|和|及){_SPACE}"

_RESOLUTION_SYMBOL = (
    r"(?:S-\d{1,2}/\d{1,3}"  # special sessions: S-23/2
    r"|\d{1,4}/(?:[A-Z]{2,5}\.)?\d{1,4}(?:" + _SPACE + r"[A-Z](?:" + _SPACE + r"和" + _SPACE + r"[A-Z])?)?"  # 55/25, 1/CP.21, 53/243 A和B
    r"|\d{1,4}" + _SPACE + r"\(\d{4}\)"  # Security Council: 1373(2001)
    r"|\d{1,4}" + _SPACE + r"[A-Z]" + _SPACE + r"\([IVXLC]{1,8}\))"  # 2200 A (XXI)
)


def _organs() -> str:
    """Alternation of the organ names footnotes use (the bodies registry's footnote_names)."""
    return "|".join(re.escape(name) for name in registry().footnote_names)


@functools.lru_cache(maxsize=1)
def _elements() -> tuple[tuple[str, re.Pattern], ...]:
    """Element patterns, tried in this order at each position; compiled once, on first use."""
    return (
        ("ibid", re.compile(r"同上")),
        ("un", re.compile(r"联合国(?=" + _SPACE + r"[，,、《]|《)")),
        ("title", re.compile(r"《[^《》\n]{1,160}》")),
        ("corrigendum", re.compile(r"及更正")),
        ("issued-as", re.compile(r"拟作为")),
        ("issued", re.compile(r"印发")),
        ("volumes", re.compile(rf"第{_SPACE}(\d{{1,5}}(?:{_LIST_JOIN}\d{{1,5}}){{0,30}}){_SPACE}卷")),
        (
            "resolutions",
            re.compile(
                rf"(?:({_organs()}){_SPACE})?第{_SPACE}({_RESOLUTION_SYMBOL}(?:{_LIST_JOIN}{_RESOLUTION_SYMBOL}){{0,30}})"
                rf"{_SPACE}号(决议|决定)"
            ),
        ),
        ("numbers", re.compile(rf"第{_SPACE}(\d{{1,6}}(?:{_SPACE}(?:、|和|及|-|–|—|至){_SPACE}\d{{1,6}}){{0,30}}){_SPACE}号")),
        ("chapter", re.compile(rf"第{_CN_NUMERAL}章")),
        ("section", re.compile(rf"(?:第{_CN_NUMERAL}\.)?[A-Z]{_SPACE}节")),
        ("part", re.compile(rf"第{_CN_NUMERAL}部分")),
        ("annex", re.compile(r"附件[一二三四五六七八九十]{0,3}")),
        ("paragraphs", re.compile(rf"第{_SPACE}(\d{{1,4}}(?:{_SPACE}(?:-|–|—|至|、|和){_SPACE}\d{{1,4}}){{0,20}}){_SPACE}段")),
        ("pages", re.compile(rf"第{_SPACE}(\d{{1,5}}(?:{_SPACE}(?:-|–|—|至){_SPACE}\d{{1,5}})?){_SPACE}页")),
        ("symbol", re.compile(r"[A-Z]{1,8}(?:/[A-Za-z0-9\-]{1,24}(?:\.[A-Za-z0-9\-]{1,24}){0,3}){1,10}")),
    )


@functools.lru_cache(maxsize=1)
def _any_element() -> re.Pattern:
    """The element patterns as one alternation, in their order: at a position the first that matches wins, as when
    they are tried one by one, but a position costs one call instead of up to fifteen."""
    return re.compile("|".join(f"(?P<e{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(_elements())))


_GAP = re.compile(r"[ \t\u3000\u00a0，,、]{0,4}")
_LEAD = re.compile(r"(?:另见|参见|又见|见)" + _SPACE)
_END_MARKS = "。．.；;，,"
_NUMBER = re.compile(r"\d{1,6}")
_RANGE = re.compile(rf"(\d{{1,6}}){_SPACE}(?:-|–|—|至){_SPACE}(\d{{1,6}})")
_SYMBOL_IN_PARENS = re.compile(
    # a corrigendum (和 Corr.1) is not a symbol of its own
    r"[A-Z]{1,8}(?:/[A-Za-z0-9\-]{1,24}(?:\.[A-Za-z0-9\-]{1,24}){0,3}){1,10}(?:" + _SPACE + r"\((?:Part|part|Vol\.)[^()]{0,12}\))?"
)
_SALES_NUMBER = re.compile(r"出售品编号[：:]" + _SPACE + r"([A-Z]\.\d{2}\.[IVXL]{1,6}\.[A-Z]?\d{1,3}[A-Za-z]?)")


@functools.lru_cache(maxsize=1)
def _records_titles() -> tuple[re.Pattern, re.Pattern]:
    """The older (大会正式记录，第N届会议) and newer (大会第N届会议正式记录) Official Records titles."""
    organs = _organs()
    old = re.compile(
        rf"(?P<organ>{organs})正式记录[，,]{_SPACE}(?:第(?P<session>{_CN_NUMERAL})届会议|(?P<year>\d{{4}}){_SPACE}年)"
        rf"[，,]{_SPACE}补编第{_SPACE}(?P<supplement>\d{{1,3}}(?:{_SPACE}[A-Z])?){_SPACE}号"
        r"(?:" + _SPACE + r"\([^()]{1,20}\))?"
    )
    new = re.compile(
        rf"(?P<organ>{organs})第(?P<session>{_CN_NUMERAL})届会议正式记录[，,]{_SPACE}"
        rf"补编第{_SPACE}(?P<supplement>\d{{1,3}}(?:{_SPACE}[A-Z])?){_SPACE}号"
    )
    return old, new


def __getattr__(name: str):
    """_ELEMENTS, _RECORDS_OLD and _RECORDS_NEW as module attributes, compiled on first use (they read the registry)."""
    if name == "_ELEMENTS":
        return _elements()
    if name in ("_RECORDS_OLD", "_RECORDS_NEW"):
        return _records_titles()[name == "_RECORDS_NEW"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Which elements may appear in a citation of each kind (the first element decides most kinds).
_ALLOWED = {
    "ibid": {"ibid", "volumes", "numbers", "paragraphs", "pages", "chapter", "section", "part", "annex"},
    "treaty": {"un", "title", "volumes", "numbers"},
    "records": {"title", "corrigendum", "parens", "chapter", "section", "part", "annex", "paragraphs", "pages"},
    "resolution": {"resolutions", "annex", "paragraphs", "chapter", "section", "part"},
    "document": {"symbol", "issued-as", "issued", "resolutions", "annex", "chapter", "section", "part", "paragraphs", "pages"},
    "publication": {"title", "parens", "chapter", "section", "part", "paragraphs", "pages"},
}


def parse_footnote(text: str) -> ParsedFootnote | None:
    """The citations in a footnote body, or None when any part of it is not a citation form resolint knows."""
    end = len(text.rstrip())
    end_mark = None
    if end and text[end - 1] in _END_MARKS:
        end_mark = Field(text[end - 1], end - 1, end)
        end -= 1
    content_end = len(text[:end].rstrip())
    pieces = _split_sources(text, 0, content_end)
    if pieces is None:
        return None
    sources = []
    for start, stop in pieces[0]:
        citation = _parse_source(text, start, stop)
        if citation is None:
            return None
        sources.append(citation)
    return ParsedFootnote(tuple(sources), pieces[1], end_mark, content_end)


def _split_sources(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], tuple[Field, ...]] | None:
    """Spans of the sources joined by ；, ignoring a ； inside 《》 or ()."""
    spans, joiners = [], []
    depth = 0
    begin = start
    for i in range(start, end):
        ch = text[i]
        if ch in "《(（":
            depth += 1
        elif ch in "》)）":
            depth -= 1
        elif ch in "；;" and depth == 0:
            spans.append((begin, i))
            joiners.append(Field(ch, i, i + 1))
            begin = i + 1
    spans.append((begin, end))
    if depth != 0 or any(not text[a:b].strip() for a, b in spans):
        return None
    return spans, tuple(joiners)


def _parse_source(text: str, start: int, end: int) -> Citation | None:
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    lead = None
    m = _LEAD.match(text, pos, end)
    if m:
        lead = Field(text[m.start() : m.end()].strip(), m.start(), m.start() + len(m.group(0).strip()))
        pos = m.end()
    elements: list[tuple[Element, re.Match | None]] = []
    gaps: list[Field] = []
    while pos < end:
        if elements:
            gap = _GAP.match(text, pos, end)
            gaps.append(Field(gap.group(0), pos, gap.end()))
            pos = gap.end()
            if pos >= end:
                return None  # a trailing separator: not a form we know
        element = _element_at(text, pos, end)
        if element is None:
            return None
        elements.append(element)
        pos = element[0].end
    if not elements:
        return None
    return _build(text, start, end, lead, elements, gaps)


def _element_at(text: str, pos: int, end: int) -> tuple[Element, re.Match | None] | None:
    if text[pos] in "(（":
        close = closing_paren(text, pos, end)
        return None if close is None else (Element("parens", pos, close + 1), None)
    if (found := _any_element().match(text, pos, end)) is None:
        return None
    kind, pattern = _elements()[int(found.lastgroup[1:])]
    return Element(kind, pos, found.end()), pattern.match(text, pos, end)  # the same match, with its own groups


def _build(text, start, end, lead, elements, gaps) -> Citation | None:
    kinds = [e.kind for e, _ in elements]
    titles = [(e, m) for e, m in elements if e.kind == "title"]
    kind = _kind_of(text, kinds, titles)
    if kind is None or not set(kinds) <= _ALLOWED[kind]:
        return None
    fields: dict = {}
    for element, match in elements:
        if element.kind == "volumes":
            fields.setdefault("volumes", []).extend(_integers(text, match.start(1), match.end(1)))
        elif element.kind == "numbers":
            fields.setdefault("numbers", []).extend(_integers(text, match.start(1), match.end(1)))
        elif element.kind in ("paragraphs", "pages"):
            fields.setdefault(element.kind, []).extend(_integers(text, match.start(1), match.end(1)))
        elif element.kind == "resolutions":
            if match.group(1) and "organ" not in fields:
                fields["organ"] = Field(match.group(1), match.start(1), match.end(1))
            fields.setdefault("resolutions", []).extend(_resolution_symbols(text, match.start(2), match.end(2)))
        elif element.kind == "symbol":
            fields.setdefault("symbols", []).append(Field(text[element.start : element.end], element.start, element.end))
        elif element.kind == "parens" and kind == "records":
            fields.setdefault("symbols", []).extend(_symbols_in_parens(text, element.start + 1, element.end - 1))
        elif element.kind == "parens" and kind == "publication":
            sales = _SALES_NUMBER.search(text, element.start, element.end)
            if sales:
                fields["sales_number"] = Field(sales.group(1), sales.start(1), sales.end(1))
        elif element.kind == "title":
            fields["title"] = Field(text[element.start + 1 : element.end - 1], element.start + 1, element.end - 1)
    if kind == "treaty" and not (fields.get("volumes") and fields.get("numbers")):
        return None
    if kind == "records":
        records = _records_title(fields["title"])
        if records is None or not fields.get("symbols"):
            return None
        fields.update(records)
    if kind == "publication" and "sales_number" not in fields:
        return None  # a titled publication is known only with its sales number
    for key in ("volumes", "numbers", "paragraphs", "pages", "resolutions", "symbols"):
        if key in fields:
            fields[key] = tuple(fields[key])
    last = elements[-1][0].end
    return Citation(
        kind=kind, start=lead.start if lead else elements[0][0].start, end=last,
        elements=tuple(e for e, _ in elements), gaps=tuple(gaps), lead=lead, **fields,
    )


def _kind_of(text: str, kinds: list[str], titles: list) -> str | None:
    if kinds[0] == "ibid":
        return "ibid"
    if "un" in kinds or any(text[e.start : e.end] == "《条约汇编》" for e, _ in titles):
        return "treaty"
    if kinds[0] == "title" and len(titles) == 1 and "parens" in kinds:
        inner = text[titles[0][0].start + 1 : titles[0][0].end - 1]
        if "正式记录" in inner:
            return "records"
        return "publication"
    if kinds[0] == "resolutions":
        return "resolution"
    if kinds[0] in ("symbol", "issued-as"):
        return "document"
    return None


def _integers(text: str, start: int, end: int) -> list[Field]:
    """The numbers of a list such as 2225、2237 和 2326 or a range 970-973 (each number of a range spans the range)."""
    out: list[Field] = []
    pos = start
    while pos < end:
        r = _RANGE.match(text, pos, end)
        if r:
            low, high = int(r.group(1)), int(r.group(2))
            if 0 < high - low <= 50:
                out.extend(Field(n, r.start(), r.end()) for n in range(low, high + 1))
            else:
                out.extend((Field(low, r.start(1), r.end(1)), Field(high, r.start(2), r.end(2))))
            pos = r.end()
            continue
        m = _NUMBER.search(text, pos, end)
        if not m:
            break
        out.append(Field(int(m.group(0)), m.start(), m.end()))
        pos = m.end()
    return out


_ONE_RESOLUTION = re.compile(_RESOLUTION_SYMBOL)


def _resolution_symbols(text: str, start: int, end: int) -> list[Field]:
    return [Field(m.group(0), m.start(), m.end()) for m in _ONE_RESOLUTION.finditer(text, start, end)]


def _symbols_in_parens(text: str, start: int, end: int) -> list[Field]:
    return [Field(m.group(0), m.start(), m.end()) for m in _SYMBOL_IN_PARENS.finditer(text, start, end)]


def _records_title(title: Field) -> dict | None:
    """Organ, session (or year) and supplement of an Official Records title, with spans in the footnote."""
    inner = title.value
    old, new = _records_titles()
    m = old.fullmatch(inner) or new.fullmatch(inner)
    if m is None:
        return None

    def field(group: str, value) -> Field:
        return Field(value, title.start + m.start(group), title.start + m.end(group))

    out = {"organ": field("organ", m.group("organ"))}
    if m.groupdict().get("year"):
        out["session"] = field("year", int(m.group("year")))
        out["session_is_year"] = True
    else:
        session = chinese_numeral(m.group("session"))
        if session is None:
            return None
        out["session"] = field("session", session)
    out["supplement"] = field("supplement", re.sub(r"\s", "", m.group("supplement")))
    return out


_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2}


def chinese_numeral(text: str) -> int | None:
    """六十六 → 66, 十 → 10, 一百零五 → 105; None for anything else."""
    total, current = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (1 if current is None else current) * 10
            current = None
        elif ch == "百":
            if current is None:
                return None
            total += current * 100
            current = None
        else:
            return None
    total += current or 0
    return total or None

