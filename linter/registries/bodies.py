"""The registry of adopting bodies (rules/data/bodies.yaml): which dates a session covers, which body a citation names."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from linter.datafile import read_validated
from linter.errors import InputError
from rules import DATA_DIR, SCHEMA_DIR

BODIES_FILE = DATA_DIR / "bodies.yaml"
BODIES_SCHEMA = SCHEMA_DIR / "bodies.schema.json"

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Interval:
    """A closed range of calendar days."""

    first: datetime.date
    last: datetime.date

    def contains(self, day: datetime.date) -> bool:
        return self.first <= day <= self.last

    def overlaps(self, other: "Interval") -> bool:
        return self.first <= other.last and other.first <= self.last

    def describe(self) -> str:
        return f"{_month_name(self.first)} to {_month_name(self.last)}"


@dataclass(frozen=True)
class SessionKey:
    """What a resolution number says about time: a session number or a year (key of `sessions`)."""

    kind: str  # "session" or "year"
    value: int


@dataclass(frozen=True)
class OfficialRecords:
    """How a body's Official Records supplements map to document symbols (its `official_records` entry).

    Supplement k (letter L) of session or year K is symbol_prefix + K + "/" +
    (exceptions[k], else k + offset) + letter_suffixes[L]: ECOSOC 2010 补编第10号 is E/2010/30,
    10A is E/2010/30/Add.1, 1 is E/2010/99; GA 第七十三届会议，补编第12号 is A/73/12.
    """

    title_zh: str
    key: str  # "session" or "year": what the title names
    symbol_prefix: str
    offset: int
    exceptions: dict  # supplement number -> document number
    letter_suffixes: dict  # letter -> symbol suffix (A -> /Add.1)

    @functools.cached_property
    def _symbol_pattern(self) -> re.Pattern:
        key = r"\d{4}" if self.key == "year" else r"\d{1,3}"
        return re.compile(rf"{re.escape(self.symbol_prefix)}(?P<key>{key})/(?P<document>\d{{1,3}})(?![\d.])")

    def symbol(self, key: int, supplement: str) -> str | None:
        """The document symbol of supplement `supplement` (10, 10A) of session or year `key`."""
        m = re.fullmatch(r"(\d+)\s*([A-Z]?)", supplement)
        if m is None or (m.group(2) and m.group(2) not in self.letter_suffixes):
            return None
        number = int(m.group(1))
        document = self.exceptions.get(number, number + self.offset)
        return f"{self.symbol_prefix}{key}/{document}" + (self.letter_suffixes[m.group(2)] if m.group(2) else "")

    def supplement(self, symbol: str) -> tuple[int, str] | None:
        """(session or year, supplement) a document symbol stands for: E/2010/30/Add.1 is (2010, "10A");
        None when it is not one of this body's supplements (or has a suffix the registry does not know)."""
        m = self._symbol_pattern.match(symbol)
        if m is None:
            return None
        document = int(m.group("document"))
        number = next((k for k, v in self.exceptions.items() if v == document), document - self.offset)
        if number < 1:
            return None
        rest = symbol[m.end():]
        letter = next((letter for letter, suffix in self.letter_suffixes.items() if rest.startswith(suffix)), "")
        if not letter and rest.startswith("/Add."):
            return None  # an addendum the registry gives no letter
        return int(m.group("key")), f"{number}{letter}"


@dataclass(frozen=True, eq=False)
class Body:
    """One adopting body of the registry, with its regexes compiled."""

    id: str
    zh: str
    names: tuple[str, ...]  # zh and its variants
    organ_line: str
    context_words: tuple[str, ...]
    cites_own_bare: bool
    session_numerals: str
    meeting_numerals: str
    document_prefixes: tuple[str, ...]
    data: dict

    @functools.cached_property
    def official_records(self) -> OfficialRecords | None:
        """How its Official Records supplements map to symbols; None for a body that publishes none."""
        records = self.data.get("official_records")
        if records is None:
            return None
        return OfficialRecords(
            title_zh=records["title_zh"], key=records["key"], symbol_prefix=records["symbol_prefix"],
            offset=records["offset"], exceptions={int(k): v for k, v in records.get("exceptions", {}).items()},
            letter_suffixes=dict(records.get("letter_suffixes", {})),
        )

    @functools.cached_property
    def _number_patterns(self) -> dict[str, tuple[tuple[re.Pattern, bool], ...]]:
        """Per kind, (anchored pattern, maps to a session) pairs: main numbering first, then old series."""
        variants = tuple((re.compile(v["pattern"]), v["maps_to_session"]) for v in self.data.get("symbol_variants", ()))
        out = {}
        for kind, field in (("resolution", "resolution_number"), ("decision", "decision_number")):
            main = self.data.get(field)
            out[kind] = ((re.compile(main), True),) + variants if main else ()
        return out

    def accepts(self, number: str, kind: str = "resolution") -> bool:
        """Whether `number` (66/181, 1373(2001), 2200 A (XXI)) is a possible resolution or decision number here."""
        return any(p.match(number) for p, _ in self._number_patterns[kind])

    def session_key(self, number: str, kind: str = "resolution") -> SessionKey | None:
        """The session or year a number names; None if the number does not fit or its series is not mapped."""
        for pattern, maps in self._number_patterns[kind]:
            m = pattern.match(number)
            if not m:
                continue
            if not maps:
                return None
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if "session" in groups:
                return SessionKey("session", int(groups["session"]))
            if "session_roman" in groups:
                return SessionKey("session", roman_to_int(groups["session_roman"]))
            if "year" in groups:
                return SessionKey("year", int(groups["year"]))
            return None
        return None

    def interval(self, key: SessionKey) -> Interval | None:
        """The days session (or session year) `key` can adopt texts on; None where no period covers it."""
        sessions = self.data["sessions"]
        if key.kind != sessions["key"]:
            return None
        for period in sessions["periods"]:
            if period["from"] <= key.value <= period.get("to", key.value):
                return _period_interval(period, key.value)
        return None

    def describe_session(self, key: SessionKey) -> str:
        """'General Assembly session 60 (September 2005 to September 2006)' (key must have an interval)."""
        if key.kind == "session":
            what = f"session {key.value}"
        elif self.session_numerals == "none":
            what = f"year {key.value}"  # the Security Council has no sessions: the year is the adoption year
        else:
            what = f"{key.value} session"
        return f"{self.data['en']} {what} ({self.interval(key).describe()})"

    def fits(self, number: str, day: datetime.date, kind: str = "resolution") -> bool | None:
        """Whether a text numbered `number` can be dated `day`; None when the registry cannot tell."""
        key = self.session_key(number, kind)
        interval = self.interval(key) if key else None
        return None if interval is None else interval.contains(day)


def _period_interval(period: dict, n: int) -> Interval | None:
    kind = period["kind"]
    if kind in ("annual-from-base", "named-year", "calendar-year"):
        year = period["base_year"] + n if kind == "annual-from-base" else n
        first = datetime.date(year + period.get("opens_year_offset", 0), period.get("opens_month", 1), 1)
        return Interval(first, _month_end(year + period.get("closes_year_offset", 0), period.get("closes_month", 12)))
    if kind == "several-per-year":
        return _years(period["base_year"] + (n - 1) // period["per_year"])
    if kind == "every-n-years":
        return _years(period["base_year"] + period["interval"] * n)
    if kind == "table":
        years = period["years"].get(str(n))
        if years is None:
            return None  # a session the table leaves out is unknown, not wrong
        first, last = (years, years) if isinstance(years, int) else years
        return Interval(datetime.date(first, 1, 1), datetime.date(last, 12, 31))
    raise ValueError(f"unknown period kind {kind!r} (the schema admits none)")


def _years(year: int) -> Interval:
    return Interval(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month_name(day: datetime.date) -> str:
    return f"{calendar.month_name[day.month]} {day.year}"


def coarse_interval(text: str) -> Interval:
    """YYYY, YYYY-MM or YYYY-MM-DD as the days it covers (a registry example date)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return _years(parts[0])
    if len(parts) == 2:
        return Interval(datetime.date(parts[0], parts[1], 1), _month_end(parts[0], parts[1]))
    day = datetime.date(*parts)
    return Interval(day, day)


def roman_to_int(text: str) -> int:
    total = 0
    for ch, nxt in zip(text, text[1:] + " "):
        value = _ROMAN[ch]
        total += -value if nxt in _ROMAN and _ROMAN[nxt] > value else value
    return total


class Registry:
    """All bodies, with look-ups by organ line, context word and document symbol."""

    def __init__(self, bodies: list[Body]):
        self.bodies = tuple(bodies)
        self.by_id = {b.id: b for b in bodies}
        owners: dict[str, list[Body]] = {}
        for body in bodies:
            for word in body.context_words:
                owners.setdefault(word, []).append(body)
        self._owners = owners
        # Longest first, so that 缔约方大会 is taken before 大会.
        self.context_words = tuple(sorted(owners, key=len, reverse=True))
        # Names footnote citations use before 第…号决议 and in …正式记录, longest first.
        self.footnote_names = tuple(sorted((n for b in bodies for n in b.data.get("footnote_names", ())),
                                           key=len, reverse=True))

    def body_of_organ(self, organ: str) -> Body | None:
        """The body whose organ line (大会，) or name this is."""
        line = organ.strip()
        name = line.rstrip("，,")
        for body in self.bodies:
            if line == body.organ_line:
                return body
        for body in self.bodies:
            if name in body.names:
                return body
        return None

    def bodies_named(self, word: str) -> tuple[Body, ...]:
        """Bodies a context word (大会, 委员会) may name."""
        return tuple(self._owners.get(word, ()))

    def full_names(self, body: Body) -> tuple[str, ...]:
        """Names that point at this body alone (委员会 is shared by every commission, 预防犯罪和刑事司法委员会 is not)."""
        words = set(body.names) | set(body.context_words)
        return tuple(sorted((w for w in words if len(self._owners.get(w, [body])) == 1), key=len, reverse=True))

    def resolve(self, word: str | None, number: str, kind: str, own: Body | None, text: str, pos: int) -> Body | None:
        """The body a citation of `number` at text[pos] names.

        `word` is the context word before it (大会, 委员会), "其" for the citing
        body itself, or None for a bare citation; a shared short name (委员会)
        is read as the body last named in full in text[:pos].
        """
        if word == "其":
            return own if own is not None and own.accepts(number, kind) else None
        if word is None and own is not None and own.cites_own_bare and own.accepts(number, kind):
            return own
        if word is None:
            candidates = [b for b in self.bodies if b.accepts(number, kind)]
            # A commission numbering like its parent (人口与发展委员会 2012/1) is cited by name; bare is the parent.
            candidates = [b for b in candidates if b.data.get("parent") not in {c.id for c in candidates}]
            # A bare number only one body could have issued (2013/38, 1373(2001)) names that body.
            return candidates[0] if len(candidates) == 1 else None
        candidates = tuple(b for b in self.bodies_named(word) if b.accepts(number, kind))
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        if own in candidates:
            return own  # 理事会 in an ECOSOC text is ECOSOC
        def last_mention(body: Body) -> int:
            return max((text.rfind(name, 0, pos) for name in self.full_names(body)), default=-1)

        last_named = max(candidates, key=last_mention)
        return last_named if last_mention(last_named) >= 0 else None

    def body_of_document(self, symbol: str) -> tuple[Body, str] | None:
        """The body a document symbol belongs to (longest prefix: A/HRC/ before A/) and the rest of the symbol."""
        best: tuple[Body, str] | None = None
        best_len = 0
        for body in self.bodies:
            for prefix in body.document_prefixes:
                if symbol.startswith(prefix) and len(prefix) > best_len:
                    best, best_len = (body, symbol[len(prefix):]), len(prefix)
        return best


def _body(entry: dict) -> Body:
    names = (entry["zh"],) + tuple(v["name"] for v in entry["zh_variants"])
    return Body(
        id=entry["id"], zh=entry["zh"], names=names, organ_line=entry["organ_line"],
        context_words=tuple(entry["context_zh"]), cites_own_bare=entry.get("cites_own_bare", False),
        session_numerals=entry["session_numerals"], meeting_numerals=entry["meeting_numerals"],
        document_prefixes=tuple(entry["document_symbol_prefixes"]), data=entry,
    )


def load_registry(path: Path = BODIES_FILE) -> Registry:
    """Read and schema-validate a bodies registry."""
    data = read_validated(Path(path), BODIES_SCHEMA, "the bodies registry")
    ids = [entry["id"] for entry in data["bodies"]]
    if len(set(ids)) != len(ids):
        raise InputError(str(path), "duplicate body id")
    for i, entry in enumerate(data["bodies"]):
        names = {entry["zh"], *(v["name"] for v in entry["zh_variants"])}
        for j, name in enumerate(entry.get("footnote_names", ())):
            if name not in names:
                raise InputError(str(path), f"field 'bodies/{i}/footnote_names/{j}': '{name}' is not a name "
                                            f"of {entry['id']} (zh or zh_variants)")
    return Registry([_body(entry) for entry in data["bodies"]])


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The shipped registry, loaded once."""
    return load_registry()
