"""The treaty registry (rules/data/treaties.yaml plus user files): load, validate, and look treaties up by title or UNTS number."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from linter.datafile import read_validated
from linter.errors import InputError
from rules import DATA_DIR, SCHEMA_DIR

REGISTRY_FILE = DATA_DIR / "treaties.yaml"
SCHEMA_FILE = SCHEMA_DIR / "treaties.schema.json"


@dataclass(frozen=True)
class CitedForm:
    """A footnote body that cites a treaty otherwise than by UNTS volume and number (大会第2200 A (XXI)号决议，附件).

    `by` says which texts write it: "ga" (a General Assembly text citing its
    own resolution bare), "other-organs" (the others, which name the
    Assembly) or "any". `derived` marks a form built from `adopted_by`.
    """

    text: str
    by: str = "any"
    verified: bool = True
    source: str = ""
    derived: bool = False

    def fits(self, ga_text: bool | None) -> bool:
        """Whether a text of this kind writes the form (None: the organ is unknown, any form fits)."""
        return ga_text is None or self.by == "any" or (self.by == "ga") == ga_text


@dataclass(frozen=True)
class Adoption:
    """The resolution or decision that adopted a treaty's text (adopted_by)."""

    body: str  # GA, WHA, conference, other
    resolution: str
    document: str | None = None
    verified: bool = True


@dataclass(frozen=True)
class Treaty:
    """One registry entry. `volumes`/`numbers` are empty for a treaty cited otherwise (`cited_as`, `also_cited_as`)."""

    id: str
    title_zh: str
    title_en: str
    short_title_en: str = ""
    year_prefix: int | None = None
    variants: tuple[str, ...] = ()
    short_titles: tuple[str, ...] = ()
    year: int | None = None
    volumes: tuple[int, ...] = ()
    numbers: tuple[int, ...] = ()
    cited_as: str | None = None
    parent: str | None = None
    verified: bool = False
    source: str = ""
    also_cited_as: tuple[CitedForm, ...] = ()
    adopted_by: Adoption | None = None
    footnoted: bool = True  # False: UN texts name it without a footnote (the Charter, the ICJ Statute)

    @property
    def display_title(self) -> str:
        """The title as a resolution writes it: 1971 年《精神药物公约》 keeps the year outside 《》."""
        if self.year_prefix and not self.title_zh.startswith(str(self.year_prefix)):
            return f"{self.year_prefix}年《{self.title_zh}》"
        return self.title_zh if "《" in self.title_zh else f"《{self.title_zh}》"


@functools.lru_cache(maxsize=8192)  # every title of every draft is looked up, most of them many times
def title_key(title: str) -> str:
    """Titles compare without spaces and without inner 《》: 经1972年《议定书》修正的… = 经1972年议定书修正的…."""
    return _NOT_IN_KEY.sub("", title)


_NOT_IN_KEY = re.compile(r"[\s《》]")


_FORM_LEAD = re.compile(r"^(?:另见|参见|又见|见)")
_FORM_MARKS = str.maketrans({"（": "(", "）": ")", ",": "，"})


def form_key(text: str) -> str:
    """A cited form as compared: no spaces or 《》, no leading 见, no final 。; （）and , as () and ，."""
    key = title_key(text).translate(_FORM_MARKS)
    return _FORM_LEAD.sub("", key).rstrip("。．.")


# Resolutions that adopted several registry treaties carry them as 附件一, 附件二… (55/25, 54/263, 61/106).
_NUMBERED_ANNEXES = "一二三四五六七八九十"


class Registry:
    """Treaties and the indexes that find them by id, title and (volume, number)."""

    def __init__(self, treaties: Iterable[Treaty]):
        self.treaties: tuple[Treaty, ...] = tuple(treaties)
        self._by_id = {t.id: t for t in self.treaties}
        self._full: dict[str, list[Treaty]] = {}
        self._short: dict[str, list[Treaty]] = {}
        self._forms: dict[str, tuple[CitedForm, ...]] = {}
        self._by_form: dict[str, list[tuple[Treaty, CitedForm]]] = {}
        self._ending: dict[str, tuple[Treaty, ...]] = {}
        sharing: dict[str, int] = {}
        for t in self.treaties:
            if t.adopted_by is not None and t.adopted_by.body == "GA" and t.adopted_by.document is None:
                sharing[t.adopted_by.resolution] = sharing.get(t.adopted_by.resolution, 0) + 1
        for t in self.treaties:
            forms = _cited_forms(t, shared=sharing.get(t.adopted_by.resolution if t.adopted_by else "", 0) > 1)
            self._forms[t.id] = forms
            for form in forms:
                entries = self._by_form.setdefault(form_key(form.text), [])
                if all(e[0] is not t for e in entries):
                    entries.append((t, form))
        for t in self.treaties:
            for title in (t.title_zh, *t.variants):
                self._full.setdefault(title_key(title), []).append(t)
                if t.year_prefix:
                    self._full.setdefault(title_key(f"{t.year_prefix}年{title}"), []).append(t)
            for short in t.short_titles:
                self._short.setdefault(title_key(short), []).append(t)

    def get(self, treaty_id: str) -> Treaty | None:
        return self._by_id.get(treaty_id)

    def ending_with(self, title: str) -> tuple[Treaty, ...]:
        """Entries whose full title ends with `title` (《公约》: any convention), in registry order."""
        found = self._ending.get(title)
        if found is None:
            # Asked of every generic short title in every draft: the walk through the registry is made once.
            found = self._ending[title] = tuple(t for t in self.treaties if t.title_zh.endswith(title))
        return found

    def by_full_title(self, title: str, year: int | None = None) -> tuple[Treaty, ...]:
        """Entries whose full title or a variant is `title` (a written year prefix narrows the choice)."""
        if year is not None:
            found = self._full.get(title_key(f"{year}年{title}"))
            if found:
                return tuple(found)
        found = self._full.get(title_key(title), [])
        if year is not None and len(found) > 1:
            narrowed = [t for t in found if t.year_prefix == year]
            found = narrowed or found
        return tuple(found)

    def by_short_title(self, title: str) -> tuple[Treaty, ...]:
        return tuple(self._short.get(title_key(title), ()))

    def by_title(self, title: str, year: int | None = None) -> tuple[Treaty, ...]:
        """Full title or variant first; a short title only when no full title matches."""
        return self.by_full_title(title, year) or self.by_short_title(title)

    def by_clipped_title(self, title: str) -> tuple[Treaty, ...]:
        """Entries whose full title ends with `title` but is longer: 打击跨国有组织犯罪公约 ⊂ 联合国打击跨国有组织犯罪公约.

        The last word decides: a title clipped to …公约 names the convention,
        not the protocols whose titles go on past it.
        """
        key = title_key(title)
        if len(key) < 4:
            return ()
        return tuple(
            t for t in self.treaties
            if any(title_key(full).endswith(key) and title_key(full) != key for full in (t.title_zh, *t.variants))
        )

    def cited_forms(self, treaty: Treaty) -> tuple[CitedForm, ...]:
        """The footnote forms that cite `treaty` besides the UNTS: cited_as, also_cited_as, and for a treaty
        the General Assembly adopted (no `document`), the annex of its resolution as a GA text and as
        other organs write it."""
        return self._forms.get(treaty.id, ())

    def by_cited_form(self, text: str) -> tuple[tuple[Treaty, CitedForm], ...]:
        """Entries that `text` (a footnote body or one of its sources) cites by a form of cited_forms().

        A tail after the form (，第 5 条) still cites the treaty.
        """
        key = form_key(text)
        found = list(self._by_form.get(key, ()))
        cut = key.rfind("，")
        while cut > 0:
            found.extend(self._by_form.get(key[:cut], ()))
            cut = key.rfind("，", 0, cut)
        return tuple(dict.fromkeys(found))

    def by_volume(self, volume: int) -> tuple[Treaty, ...]:
        return tuple(t for t in self.treaties if volume in t.volumes)

    def by_unts(self, volume: int, number: int) -> tuple[Treaty, ...]:
        """Entries registered in UNTS volume `volume` under number `number`."""
        return tuple(t for t in self.treaties if volume in t.volumes and number in t.numbers)

    def children(self, treaty: Treaty) -> tuple[Treaty, ...]:
        return tuple(t for t in self.treaties if t.parent == treaty.id)

    def family(self, treaty: Treaty) -> tuple[Treaty, ...]:
        """A treaty and its protocols: what 《公约》及其各项议定书 names."""
        return (treaty, *self.children(treaty))

    def search(self, query: str) -> tuple[Treaty, ...]:
        """Entries whose id, a Chinese title or the English title contains `query` (case- and space-insensitive)."""
        q = title_key(query).lower()
        return tuple(
            t for t in self.treaties
            if any(q in title_key(s).lower() for s in (t.id, t.title_zh, t.title_en, *t.variants, *t.short_titles))
        )


def _cited_forms(treaty: Treaty, shared: bool) -> tuple[CitedForm, ...]:
    forms: list[CitedForm] = []
    adopted = treaty.adopted_by
    ga_annex = adopted is not None and adopted.body == "GA" and adopted.document is None
    if treaty.cited_as:
        # 第 66/138 号决议，附件 is the bare form of a GA text; other forms are anybody's.
        bare = ga_annex and title_key(treaty.cited_as).startswith("第")
        forms.append(CitedForm(treaty.cited_as, "ga" if bare else "any", treaty.verified, treaty.source))
    forms.extend(treaty.also_cited_as)
    if ga_annex:
        annexes = ("附件", *(f"附件{n}" for n in _NUMBERED_ANNEXES)) if shared else ("附件",)
        for annex in annexes:
            for by, head in (("ga", ""), ("other-organs", "大会")):
                text = f"{head}第{adopted.resolution}号决议，{annex}"
                forms.append(CitedForm(text, by, adopted.verified, "adopted_by", derived=True))
    seen: set[tuple[str, str]] = set()
    out = []
    for form in forms:
        if (form_key(form.text), form.by) not in seen:
            seen.add((form_key(form.text), form.by))
            out.append(form)
    return tuple(out)


def read_registry_file(path: Path) -> tuple[Treaty, ...]:
    """The entries of one registry file; an InputError naming the file and the field if it is not valid."""
    data = read_validated(Path(path), SCHEMA_FILE, "treaty registry")
    return tuple(_treaty(entry) for entry in data["treaties"])


def _treaty(entry: dict) -> Treaty:
    unts = entry.get("unts") or {}
    numbers = unts.get("number") or ()
    return Treaty(
        id=entry["id"],
        title_zh=entry["title_zh"],
        title_en=entry.get("title_en", ""),
        short_title_en=entry.get("short_title_en", ""),
        year_prefix=entry.get("year_prefix"),
        variants=tuple(entry.get("titles_zh_variants", ())),
        short_titles=tuple(entry.get("short_titles_zh", ())),
        year=entry.get("year"),
        volumes=tuple(unts.get("volumes", ())),
        numbers=(numbers,) if isinstance(numbers, int) else tuple(numbers),
        cited_as=entry.get("cited_as"),
        parent=entry.get("parent"),
        verified=entry.get("status") == "verified",
        source=str(entry.get("source", "")),
        also_cited_as=tuple(
            CitedForm(f["text"], f.get("by", "any"), f.get("status", "verified") == "verified", str(f["source"]))
            for f in entry.get("also_cited_as", ())
        ),
        adopted_by=_adoption(entry.get("adopted_by")),
        footnoted=entry.get("footnoted", True),
    )


def _adoption(data: dict | None) -> Adoption | None:
    if not data:
        return None
    return Adoption(data["body"], data["resolution"], data.get("document"), data.get("status", "verified") == "verified")


def load_registry(user_files: tuple[Path, ...] = ()) -> Registry:
    """The built-in registry with the user's files over it: a user entry with a built-in id replaces it."""
    # Keyed by modification time too, so an edited registry is read again (the TUI runs long).
    return _load_registry(tuple((Path(p), _stamp(Path(p))) for p in user_files))


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1  # read_registry_file reports the missing file


@functools.lru_cache(maxsize=8)
def _load_registry(stamped: tuple[tuple[Path, int], ...]) -> Registry:
    user_files = [path for path, _ in stamped]
    entries = {t.id: t for t in read_registry_file(REGISTRY_FILE)}
    origin = {t.id: REGISTRY_FILE for t in entries.values()}
    for path in user_files:
        seen: set[str] = set()
        for index, treaty in enumerate(read_registry_file(path)):
            if treaty.id in seen:
                raise InputError(str(path), f"field 'treaties/{index}/id': duplicate id '{treaty.id}'")
            seen.add(treaty.id)
            entries[treaty.id] = treaty
            origin[treaty.id] = path
    for treaty in entries.values():
        if treaty.parent is not None and treaty.parent not in entries:
            raise InputError(str(origin[treaty.id]), f"field 'parent' of '{treaty.id}': unknown treaty id '{treaty.parent}'")
    return Registry(entries.values())


_user_files: tuple[Path, ...] | None = None


def use_registry_files(paths: Iterable[Path]) -> None:
    """Make the rules read these user registries (the `treaties` setting) besides the built-in one."""
    global _user_files
    _user_files = tuple(Path(p) for p in paths)


def active_registry() -> Registry:
    """The registry the citation rules use: built-in plus the user files set by use_registry_files."""
    return load_registry(_user_files or ())
