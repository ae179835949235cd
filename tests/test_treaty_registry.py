"""Tests for rules/data/treaties.yaml: schema, coverage of CONVENTIONS.md §5, seed citations.

The registry is data; these tests check it against the contract
(rules/schema/treaties.schema.json), against the treaty table of
shared/CONVENTIONS.md §5 (copied below, so the tests do not depend on a file
outside the repository), and against every UNTS citation in the seed
resolutions under tests/seeds.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest
import yaml

from rules import DATA_DIR, SCHEMA_DIR

REGISTRY_FILE = DATA_DIR / "treaties.yaml"
SCHEMA_FILE = SCHEMA_DIR / "treaties.schema.json"
SEEDS = Path(__file__).parent / "seeds"

# CONVENTIONS.md §5: row -> (volumes, numbers, year, status). Row 14 is cited
# by resolution (numbers None). Issue #11 upgraded rows 8, 27, 35-38, 47-50 and
# 52 to verified: the UNTS record (U:untc) shows their volume and number together.
V, U = "verified", "unverified"
CONVENTIONS_ROWS: dict[int, tuple[set[int], set[int] | None, int, str]] = {
    1: ({2225}, {39574}, 2000, V),
    2: ({2237}, {39574}, 2000, V),
    3: ({2241}, {39574}, 2000, V),
    4: ({2326}, {39574}, 2001, V),
    5: ({2349}, {42146}, 2003, V),
    6: ({520}, {7515}, 1961, V),
    7: ({976}, {14152}, 1972, V),
    8: ({976}, {14151}, 1972, V),
    9: ({1019}, {14956}, 1971, V),
    10: ({1582}, {27627}, 1988, V),
    11: ({1577}, {27531}, 1989, V),
    12: ({2171}, {27531}, 2000, V),
    13: ({2173}, {27531}, 2000, V),
    14: (set(), None, 2011, V),
    15: ({999}, {14668}, 1966, V),
    16: ({999}, {14668}, 1966, V),
    17: ({1642}, {14668}, 1989, U),
    18: ({993}, {14531}, 1966, V),
    19: ({1249}, {20378}, 1979, V),
    20: ({2131}, {20378}, 1999, U),
    21: ({1465}, {24841}, 1984, V),
    22: ({2375}, {24841}, 2002, U),
    23: ({660}, {9464}, 1965, V),
    24: ({189}, {2545}, 1951, V),
    25: ({606}, {8791}, 1967, V),
    26: ({1155}, {18232}, 1969, V),
    27: ({1833}, {31363}, 1982, V),
    28: ({1836}, {31364}, 1994, V),
    29: ({2187}, {38544}, 1998, V),
    30: ({2515}, {44910}, 2006, V),
    31: ({2518}, {44910}, 2006, U),
    32: ({1771}, {30822}, 1992, V),
    33: ({2303}, {30822}, 1997, V),
    34: ({3156}, {54113}, 2015, V),
    35: ({1760}, {30619}, 1992, V),
    36: ({500}, {7310}, 1961, V),
    37: ({596}, {8638}, 1963, V),
    38: ({78}, {1021}, 1948, V),
    39: ({75}, {970, 971, 972, 973}, 1949, V),
    40: ({75}, {973}, 1949, V),
    41: ({1125}, {17512, 17513}, 1977, V),
    42: ({2404}, {43425}, 2005, V),
    43: ({2149}, {37517}, 1997, V),
    44: ({2178}, {38349}, 1999, V),
    45: ({2445}, {44004}, 2005, V),
    46: ({1316}, {21931}, 1979, V),
    47: ({2220}, {39481}, 1990, V),
    48: ({2716}, {48088}, 2006, V),
    49: ({2051}, {35457}, 1994, V),
    50: ({993}, {14537}, 1973, V),
    51: ({2133}, {37245}, 1999, V),
    52: ({729}, {10485}, 1968, V),
}
ROWS_SPOT_CHECKED_BY_BRIEF = (1, 2, 5, 7, 9, 10, 11, 13, 30, 34)

GENERIC_SHORT_TITLES = {"公约", "议定书", "任择议定书", "条约", "协定", "规约", "补充议定书", "各项议定书"}

# One UNTS citation in a footnote body: 联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号
# (PDF seeds put spaces around the digits, the Markdown seed does not), or 同上，第…卷，第…号.
UNTS_CITATION = re.compile(
    r"(?:《条约汇编》|同上)\s*，\s*第\s*(?P<vols>\d+(?:\s*(?:、|和)\s*\d+)*)\s*卷\s*，\s*"
    r"第\s*(?P<nums>\d+(?:\s*(?:-|–|、|和)\s*\d+)*)\s*号"
)


def parse_numbers(text: str) -> list[int]:
    """'970-973' -> [970, 971, 972, 973]; '17512和17513' -> [17512, 17513]."""
    out: list[int] = []
    for part in re.split(r"\s*(?:、|和)\s*", text.strip()):
        if m := re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", part):
            lo, hi = int(m.group(1)), int(m.group(2))
            assert lo <= hi, part
            out.extend(range(lo, hi + 1))
        else:
            out.append(int(part))
    return out


def unts_citations(text: str) -> list[tuple[int, int]]:
    """Every (volume, number) pair a text cites: each volume with each number."""
    pairs = []
    for m in UNTS_CITATION.finditer(text):
        vols = [int(v) for v in re.findall(r"\d+", m.group("vols"))]
        nums = parse_numbers(m.group("nums"))
        pairs.extend((v, n) for v in vols for n in nums)
    return pairs


def key(text: str) -> str:
    return re.sub(r"[\s《》]", "", text)


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> dict:
    return yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def treaties(registry) -> list[dict]:
    return registry["treaties"]


@pytest.fixture(scope="module")
def by_id(treaties) -> dict[str, dict]:
    return {t["id"]: t for t in treaties}


@pytest.fixture(scope="module")
def by_pair(treaties) -> dict[tuple[int, int], list[str]]:
    index: dict[tuple[int, int], list[str]] = defaultdict(list)
    for t in treaties:
        for v, n in pairs_of(t):
            index[(v, n)].append(t["id"])
    return index


def numbers_of(t: dict) -> list[int]:
    unts = t.get("unts") or {}
    number = unts.get("number")
    if number is None:
        return []
    return [number] if isinstance(number, int) else list(number)


def volumes_of(t: dict) -> list[int]:
    return list((t.get("unts") or {}).get("volumes", []))


def pairs_of(t: dict) -> list[tuple[int, int]]:
    return [(v, n) for v in volumes_of(t) for n in numbers_of(t)]


def rows_of(t: dict) -> list[int]:
    row = t.get("conventions_row")
    if row is None:
        return []
    return [row] if isinstance(row, int) else list(row)


def root_of(t: dict, by_id: dict[str, dict]) -> str:
    seen = set()
    while t.get("parent"):
        assert t["id"] not in seen, f"parent cycle through {t['id']}"
        seen.add(t["id"])
        t = by_id[t["parent"]]
    return t["id"]


# ------------------------------------------------------------------ schema

def test_schema_is_valid_draft_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_registry_validates_against_schema(schema, registry):
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(registry), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def _first_entry_with(registry, predicate) -> tuple[dict, int]:
    for i, t in enumerate(registry["treaties"]):
        if predicate(t):
            return copy.deepcopy(registry), i
    raise AssertionError("no entry to mutate")


@pytest.mark.parametrize(
    "mutation",
    [
        pytest.param(lambda t: t.pop("status"), id="missing-status"),
        pytest.param(lambda t: t.update(status="probable"), id="status-not-in-enum"),
        pytest.param(lambda t: t.update(id="UNTOC"), id="id-not-kebab"),
        pytest.param(lambda t: t.update(id="untoc--x"), id="id-double-hyphen"),
        pytest.param(lambda t: t.update(colour="blue"), id="unknown-field"),
        pytest.param(lambda t: t.update(title_zh="《联合国反腐败公约》"), id="title-with-brackets"),
        pytest.param(lambda t: t.update(short_titles_zh=["《反腐败公约》"]), id="short-title-with-brackets"),
        pytest.param(lambda t: t.update(year="2003"), id="year-as-string"),
        pytest.param(lambda t: t.update(unts={"volumes": [], "number": 42146}), id="no-volume"),
        pytest.param(lambda t: t.update(unts={"volumes": [2349]}), id="no-number"),
        pytest.param(lambda t: t.update(unts={"volumes": [2349], "number": "42146"}), id="number-as-string"),
        pytest.param(lambda t: t.update(unts={"volumes": [2349], "number": None}), id="verified-without-number"),
        pytest.param(lambda t: t.update(verified_parts=["volume"]), id="verified-with-verified-parts"),
        pytest.param(lambda t: t.update(unts=None), id="null-unts-without-cited-as-or-note"),
        pytest.param(lambda t: t.update(cited_as="第 58/4 号决议，附件"), id="cited-as-besides-unts"),
        pytest.param(lambda t: t.update(year_prefix=2003, date_prefix_zh="2003年10月31日"), id="two-prefixes"),
        pytest.param(lambda t: t.update(in_force=False), id="not-in-force-with-unts"),
        pytest.param(lambda t: t.update(parent="Not An Id"), id="bad-parent-id"),
    ],
)
def test_schema_rejects_broken_entries(schema, registry, mutation):
    broken, i = _first_entry_with(registry, lambda t: t["id"] == "uncac")
    mutation(broken["treaties"][i])
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken)), "schema accepted a broken entry"


def test_schema_rejects_broken_top_level(schema, registry):
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors({**registry, "version": 2}))
    assert list(validator.iter_errors({**registry, "extra": True}))
    assert list(validator.iter_errors({"version": 1, "treaties": []}))
    assert list(validator.iter_errors({"version": 1}))


def test_schema_accepts_a_minimal_user_entry(schema):
    user = {
        "version": 1,
        "treaties": [
            {
                "id": "my-treaty",
                "title_zh": "某某公约",
                "title_en": "Some Convention",
                "year": 2020,
                "unts": {"volumes": [3000], "number": 55555},
                "status": "unverified",
                "source": "M",
            },
            {
                "id": "my-unregistered-treaty",
                "title_zh": "另一公约",
                "title_en": "Another Convention",
                "year": 2021,
                "unts": None,
                "cited_as": "第 76/1 号决议，附件",
                "status": "verified",
                "source": "A/RES/76/1",
            },
        ],
    }
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(user))


# ------------------------------------------------------------------ integrity

def test_at_least_150_entries(treaties):
    assert len(treaties) >= 150


def test_ids_unique(treaties):
    ids = [t["id"] for t in treaties]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_every_parent_exists_and_there_are_no_cycles(treaties, by_id):
    for t in treaties:
        if "parent" in t:
            assert t["parent"] in by_id, f"{t['id']}: unknown parent {t['parent']}"
            assert t["parent"] != t["id"]
            root_of(t, by_id)


def test_volume_number_pairs_unique_except_within_a_family(treaties, by_id, by_pair):
    for pair, ids in by_pair.items():
        if len(ids) > 1:
            roots = {root_of(by_id[i], by_id) for i in ids}
            assert len(roots) == 1, f"{pair} shared by unrelated entries {ids}"
    # The only shared pair today: the ICCPR and its first Optional Protocol (vol. 999, No. 14668).
    assert sorted(by_pair[(999, 14668)]) == ["iccpr", "iccpr-op1"]


def test_group_members_share_nothing_but_the_volume(treaties):
    groups: dict[str, list[dict]] = defaultdict(list)
    for t in treaties:
        if "group" in t:
            groups[t["group"]].append(t)
    assert {t["id"] for t in groups["geneva-conventions-1949"]} == {
        "geneva-convention-i", "geneva-convention-ii", "geneva-convention-iii", "geneva-convention-iv"}
    for members in groups.values():
        numbers = [n for t in members for n in numbers_of(t)]
        assert len(numbers) == len(set(numbers))


def test_unverified_parts_and_sources_are_consistent(treaties):
    evidence = re.compile(r"(S:|C:|\bT'?[:\s(]|\bU[:\s(]|\bW[:\s(]|secondary|treaties\.un\.org)")
    for t in treaties:
        if t["status"] == "verified":
            assert "verified_parts" not in t, t["id"]
            assert not t["source"].startswith("M"), t["id"]
            assert evidence.search(t["source"]), f"{t['id']}: verified without a named source"
            if t["unts"] is None:
                assert t.get("cited_as"), t["id"]
        if t.get("in_force") is False:
            assert t["unts"] is None, t["id"]


def test_titles_are_written_as_required(treaties):
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    for t in treaties:
        titles = [t["title_zh"], *t.get("titles_zh_variants", [])]
        for title in titles:
            if not t.get("composite_title"):
                assert "《" not in title and "》" not in title, t["id"]
            if "year_prefix" in t:
                assert not key(title).startswith(str(t["year_prefix"])), f"{t['id']}: year prefix inside the title"
            assert key(title) not in full, f"{t['id']} and {full.get(key(title))} share the title {title}"
            full[key(title)] = t["id"]
        for s in t.get("short_titles_zh", []):
            assert s not in GENERIC_SHORT_TITLES, f"{t['id']}: generic short title {s}"
            assert key(s) not in short, f"short title {s} of {t['id']} and {short.get(key(s))}"
            short[key(s)] = t["id"]
    for s, tid in short.items():
        assert s not in full or full[s] == tid, f"short title {s} of {tid} is another treaty's full title"


# ------------------------------------------------------------------ CONVENTIONS.md §5

def test_every_conventions_row_is_present(treaties):
    present = {r for t in treaties for r in rows_of(t)}
    assert present == set(CONVENTIONS_ROWS), sorted(set(CONVENTIONS_ROWS) ^ present)


@pytest.mark.parametrize("row", sorted(CONVENTIONS_ROWS))
def test_conventions_row_numbers_year_and_status(treaties, row):
    volumes, numbers, year, status = CONVENTIONS_ROWS[row]
    entries = [t for t in treaties if row in rows_of(t)]
    assert entries, f"row {row} missing"
    if numbers is None:
        assert all(t["unts"] is None for t in entries)
    else:
        assert {v for t in entries for v in volumes_of(t)} == volumes
        assert {n for t in entries for n in numbers_of(t)} == numbers
    assert {t["year"] for t in entries} == {year}
    assert {t["status"] for t in entries} == {status}, f"row {row}: {[t['id'] for t in entries]}"


@pytest.mark.parametrize(
    "row, entry_id, volume, number",
    [
        (1, "untoc", 2225, 39574),
        (2, "untoc-trafficking-protocol", 2237, 39574),
        (5, "uncac", 2349, 42146),
        (7, "single-convention-1961-amended", 976, 14152),
        (9, "psychotropic-convention-1971", 1019, 14956),
        (10, "drug-trafficking-convention-1988", 1582, 27627),
        (11, "crc", 1577, 27531),
        (13, "crc-opac", 2173, 27531),
        (30, "crpd", 2515, 44910),
        (34, "paris-agreement", 3156, 54113),
    ],
)
def test_spot_checked_rows(by_id, row, entry_id, volume, number):
    assert row in ROWS_SPOT_CHECKED_BY_BRIEF
    t = by_id[entry_id]
    assert row in rows_of(t)
    assert volumes_of(t) == [volume]
    assert numbers_of(t) == [number]
    assert t["status"] == "verified"


def test_split_rows(treaties):
    row39 = sorted((numbers_of(t)[0], t["id"]) for t in treaties if 39 in rows_of(t))
    assert [n for n, _ in row39] == [970, 971, 972, 973]
    assert all(volumes_of(t) == [75] for t in treaties if 39 in rows_of(t))
    row40 = [t["id"] for t in treaties if 40 in rows_of(t)]
    assert row40 == ["geneva-convention-iv"]
    row41 = sorted(numbers_of(t)[0] for t in treaties if 41 in rows_of(t))
    assert row41 == [17512, 17513]


def test_row_27_verified_by_the_unts_record(by_id):
    t = by_id["unclos"]
    assert t["status"] == "verified" and "verified_parts" not in t
    assert "I-31363" in t["source"]


def test_row_14_is_cited_by_resolution(by_id):
    t = by_id["crc-opic"]
    assert t["unts"] is None
    assert key(t["cited_as"]) == key("第 66/138 号决议，附件")
    assert t["parent"] == "crc"


def test_year_prefixes_and_composite_title(by_id):
    assert by_id["psychotropic-convention-1971"]["year_prefix"] == 1971
    assert by_id["drug-trafficking-convention-1988"]["year_prefix"] == 1988
    assert by_id["single-convention-1961"]["year_prefix"] == 1961
    amended = by_id["single-convention-1961-amended"]
    assert amended["composite_title"] is True
    assert "year_prefix" not in amended
    # S:ga writes 经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》.
    assert key(amended["title_zh"]) == key("经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》")
    assert by_id["geneva-convention-iv"]["date_prefix_zh"] == "1949年8月12日"


def test_row_2_variants_and_short_titles(by_id):
    protocol = by_id["untoc-trafficking-protocol"]
    assert protocol["title_zh"].startswith("联合国打击跨国有组织犯罪公约关于")
    assert "关于预防、禁止和惩治贩运人口特别是妇女和儿童的补充议定书" in protocol["titles_zh_variants"]  # S:e12, no 行为
    assert "关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的议定书" in protocol["titles_zh_variants"]  # S:cop
    assert by_id["untoc"]["short_titles_zh"] == ["有组织犯罪公约"]
    assert "打击跨国有组织犯罪公约" not in by_id["untoc"].get("short_titles_zh", [])  # S:ga op 5 is a defect
    assert "禁止酷刑公约" in by_id["cat"]["short_titles_zh"]


# ------------------------------------------------------------------ seed citations

def test_parser_reads_ranges_and_lists():
    assert unts_citations("联合国，《条约汇编》，第75卷，第970-973号。") == [(75, 970), (75, 971), (75, 972), (75, 973)]
    assert unts_citations("同上，第1125卷，第17512和17513号。") == [(1125, 17512), (1125, 17513)]
    assert unts_citations("联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号。") == [
        (2225, 39574), (2237, 39574), (2241, 39574), (2326, 39574)]


def _seed_citations() -> list[tuple[str, int, int]]:
    found = []
    for path in sorted(SEEDS.iterdir()):
        if path.suffix in (".txt", ".md"):
            for v, n in unts_citations(path.read_text(encoding="utf-8")):
                found.append((path.name, v, n))
    return found


SEED_EXPECTED = {
    (2225, 39574): "untoc",
    (2237, 39574): "untoc-trafficking-protocol",
    (2241, 39574): "untoc-smuggling-protocol",
    (2326, 39574): "untoc-firearms-protocol",
    (2349, 42146): "uncac",
    (976, 14152): "single-convention-1961-amended",
    (1019, 14956): "psychotropic-convention-1971",
    (1582, 27627): "drug-trafficking-convention-1988",
    (1577, 27531): "crc",
    (2171, 27531): "crc-opsc",
    (2173, 27531): "crc-opac",
}


def test_seed_citations_are_found():
    pairs = {(v, n) for _, v, n in _seed_citations()}
    assert pairs == set(SEED_EXPECTED), sorted(pairs ^ set(SEED_EXPECTED))


@pytest.mark.parametrize("seed, volume, number", _seed_citations())
def test_each_seed_citation_resolves_to_exactly_one_entry(by_pair, seed, volume, number):
    ids = by_pair.get((volume, number), [])
    assert ids == [SEED_EXPECTED[(volume, number)]], f"{seed}: 第{volume}卷，第{number}号 -> {ids}"


def test_seed_resolution_citation_resolves(treaties):
    text = (SEEDS / "ga-68-193.pdf.txt").read_text(encoding="utf-8")
    m = re.search(r"号；\s*(第\s*66/138\s*号决议，附件)", text)
    assert m, "S:ga fn 13 not found"
    hits = [t["id"] for t in treaties if t.get("cited_as") and key(t["cited_as"]) == key(m.group(1))]
    assert hits == ["crc-opic"]


@pytest.mark.parametrize(
    "footnote, expected",
    [
        ("联合国，《条约汇编》，第75卷，第970-973号。",
         ["geneva-convention-i", "geneva-convention-ii", "geneva-convention-iii", "geneva-convention-iv"]),  # C:peace_250
        ("同上，第1125卷，第17512和17513号。", ["geneva-ap-i", "geneva-ap-ii"]),  # C:peace_251
        ("同上，第2404卷，第43425号。", ["geneva-ap-iii"]),  # C:peace_252
        ("联合国，《条约汇编》，第75卷，第973号。", ["geneva-convention-iv"]),  # C:peace_260
        ("同上，第2515卷，第44910号。", ["crpd"]),  # C:peace_263
        ("同上，第189卷，第2545号。", ["refugee-convention"]),  # C:peace_264
        ("联合国，《条约汇编》，第2445卷，第44004号。", ["nuclear-terrorism-convention"]),  # C:peace_480
        ("联合国，《条约汇编》，第1249卷，第20378号。", ["cedaw"]),  # C:human_rights_989
    ],
)
def test_corpus_citations_resolve(by_pair, footnote, expected):
    pairs = unts_citations(footnote)
    assert pairs
    assert [i for p in pairs for i in by_pair.get(p, [])] == expected


# ------------------------------------------------------------------ evidence (issue #11)

def form_key(text: str) -> str:
    """A footnote form without spaces, 《》, a leading 见 and the final 。."""
    return key(text).removeprefix("见").removesuffix("。")


def forms_of(t: dict) -> list[dict]:
    return list(t.get("also_cited_as", []))


def test_every_verified_fact_names_a_source_that_is_not_m(treaties):
    for t in treaties:
        if t["status"] == "verified":
            assert not t["source"].lstrip().startswith("M"), t["id"]
        adopted = t.get("adopted_by")
        if adopted and adopted.get("status", "verified") == "verified":
            assert not adopted["source"].lstrip().startswith("M"), f"{t['id']}: adopted_by"
        for form in forms_of(t):
            if form.get("status", "verified") == "verified":
                assert not form["source"].lstrip().startswith("M"), f"{t['id']}: {form['text']}"


UNTS_RECORD = re.compile(r"U:untc \d{4}-\d{4} \(I-(?P<number>\d+), vol\. (?P<vols>[\d, ]+)\)")


def test_unts_record_citations_agree_with_the_entry(treaties):
    """A source 'U:untc <period> (I-n, vol. v)' must name the entry's own number and a volume of it."""
    checked = 0
    for t in treaties:
        for m in UNTS_RECORD.finditer(t["source"]):
            checked += 1
            assert t["unts"] is not None, t["id"]
            assert int(m.group("number")) in numbers_of(t), f"{t['id']}: {m.group(0)}"
            record_volumes = {int(v) for v in re.findall(r"\d+", m.group("vols"))}
            if t["id"] != "single-convention-1961-amended":  # the record gives a later volume (note)
                assert record_volumes & set(volumes_of(t)), f"{t['id']}: {m.group(0)}"
    assert checked >= 100


def test_chemical_weapons_convention_is_volume_1974(by_id):
    t = by_id["chemical-weapons-convention"]
    assert volumes_of(t) == [1974] and numbers_of(t) == [33757]
    assert t["status"] == "verified" and "I-33757, vol. 1974" in t["source"]
    assert "1975" in t["note"]  # says where the old, wrong value came from


@pytest.mark.parametrize(
    "entry_id, verified_before_issue_11",
    [("unclos", False), ("npt", False), ("genocide-convention", False), ("cbd", False),
     ("vcdr", False), ("vccr", False), ("iccpr-op1", True)],
)
def test_audited_entries_name_their_evidence(by_id, entry_id, verified_before_issue_11):
    t = by_id[entry_id]
    assert t["status"] == "verified"
    assert "U:untc" in t["source"] or "doczz.net" in t["source"]


@pytest.mark.parametrize("entry_id", ["iccpr", "icescr"])
def test_covenants_are_cited_by_resolution_2200(by_id, entry_id):
    forms = {form_key(f["text"]): f for f in forms_of(by_id[entry_id])}
    ga = forms[form_key("见第 2200 A (XXI) 号决议，附件。")]
    other = forms[form_key("大会第2200 A (XXI)号决议，附件")]
    assert ga["by"] == "ga" and other["by"] == "other-organs"
    assert not other["source"].startswith("M")
    adopted = by_id[entry_id]["adopted_by"]
    assert adopted["body"] == "GA" and adopted["resolution"] == "2200 A (XXI)"


def test_paris_agreement_cited_by_the_cop_decision(by_id):
    forms = {form_key(f["text"]) for f in forms_of(by_id["paris-agreement"])}
    assert form_key("见 FCCC/CP/2015/10/Add.1，第 1/CP.21 号决定，附件。") in forms
    assert form_key("在《联合国气候变化框架公约》下通过，见FCCC/CP/2015/10/Add.1，1/CP.21号决定。") in forms
    assert by_id["paris-agreement"]["adopted_by"]["resolution"] == "1/CP.21"


def test_international_health_regulations_cited_by_the_wha_record(by_id):
    t = by_id["ihr-2005"]
    forms = {form_key(f["text"]) for f in forms_of(t)}
    assert form_key("世界卫生组织，WHA58/2005/REC/1 号文件，第 58.3 号决议，附件。") in forms
    assert t["adopted_by"]["body"] == "WHA" and t["adopted_by"]["resolution"] == "58.3"
    assert (volumes_of(t), numbers_of(t)) == ([2509], [44861])


def test_treaty_not_in_force_is_cited_by_its_adopting_resolution(treaties):
    # adopted_by.document: the text is in that document, not in an annex of the resolution (CTBT: A/50/1027)
    not_in_force = [t for t in treaties if t.get("in_force") is False and t.get("adopted_by", {}).get("body") == "GA"
                    and "document" not in t["adopted_by"]]
    assert {t["id"] for t in not_in_force} >= {"jurisdictional-immunities-convention", "cybercrime-convention"}
    for t in not_in_force:
        assert form_key(t["cited_as"]) == form_key(f"第 {t['adopted_by']['resolution']} 号决议，附件"), t["id"]


@pytest.mark.parametrize(
    "entry_id, resolution",
    [("crc", "44/25"), ("uncac", "58/4"), ("untoc", "55/25"), ("untoc-trafficking-protocol", "55/25"),
     ("untoc-smuggling-protocol", "55/25"), ("untoc-firearms-protocol", "55/255"), ("crpd", "61/106"),
     ("cedaw", "34/180"), ("cat", "39/46"), ("crc-opic", "66/138"), ("space-registration-convention", "3235 (XXIX)")],
)
def test_adopting_resolutions_with_evidence(by_id, entry_id, resolution):
    adopted = by_id[entry_id]["adopted_by"]
    assert adopted["body"] == "GA" and adopted["resolution"] == resolution
    assert adopted.get("status", "verified") == "verified" and not adopted["source"].startswith("M")


GA_RESOLUTION = re.compile(r"^(\d{1,3}/\d{1,3}( [A-Z])?|\d{1,4}( [A-Z])? \([XVI]+\)|S-\d+/\d+)$")


def test_ga_resolution_numbers_are_well_formed(treaties):
    ga = [t for t in treaties if t.get("adopted_by", {}).get("body") == "GA"]
    assert len(ga) >= 40
    for t in ga:
        assert GA_RESOLUTION.match(t["adopted_by"]["resolution"]), (t["id"], t["adopted_by"]["resolution"])
        assert int(t["adopted_by"]["date"][:4]) <= t["year"] + 1, t["id"]


@pytest.mark.parametrize(
    "entry_id, volume, number",
    [("anti-personnel-mine-ban-convention", 2056, 35597), ("ccw", 1342, 22495), ("outer-space-treaty", 610, 8843),
     ("bwc", 1015, 14860), ("cpiun", 1, 4), ("cpisa", 33, 521), ("fish-stocks-agreement", 2167, 37924),
     ("ramsar-convention", 996, 14583), ("cms", 1651, 28395), ("sua-convention-1988", 1678, 29004),
     ("plastic-explosives-convention", 2122, 36984), ("montreal-convention-1971", 974, 14118),
     ("tokyo-convention-1963", 704, 10106)],
)
def test_treaties_drafters_cite_are_present(by_id, entry_id, volume, number):
    t = by_id[entry_id]
    assert (volumes_of(t), numbers_of(t)) == ([volume], [number])
    assert t["status"] == "verified"


@pytest.mark.parametrize(
    "entry_id", ["icj-statute", "minamata-convention", "cartagena-protocol", "nagoya-protocol", "tpnw",
                 "ccw-protocol-iv", "ccw-protocol-v", "ccw-amended-protocol-ii", "ilo-c29", "ilo-c87",
                 "maritime-labour-convention", "vienna-succession-treaties-convention"],
)
def test_more_treaties_present(by_id, entry_id):
    assert entry_id in by_id


def test_english_short_titles(by_id, treaties):
    assert "Ottawa Convention" in by_id["anti-personnel-mine-ban-convention"]["short_titles_en"]
    seen: dict[str, str] = {}
    for t in treaties:
        for title in [t.get("short_title_en"), *t.get("short_titles_en", [])]:
            if title:
                assert title not in seen or seen[title] == t["id"], f"{title}: {seen.get(title)} and {t['id']}"
                seen[title] = t["id"]
