"""Tests for rules/data/bodies.yaml: schema, coverage, regexes, and the session vocabulary.

The session vocabulary is evaluated here by a small reference evaluator
(``session_period``) written only for these tests: every dated example in
the registry must fall inside the period its session maps to, and every
counter-example must fall outside it.
"""

from __future__ import annotations

import calendar
import json
import re
import time
from datetime import date

import jsonschema
import pytest
import yaml

from rules import DATA_DIR, SCHEMA_DIR

REQUIRED_IDS = {
    "general-assembly",
    "economic-and-social-council",
    "security-council",
    "human-rights-council",
    "commission-on-crime-prevention-and-criminal-justice",
    "commission-on-narcotic-drugs",
    "commission-on-the-status-of-women",
    "untoc-conference-of-the-parties",
    "uncac-conference-of-the-states-parties",
}


# --------------------------------------------------------------- loading

@pytest.fixture(scope="module")
def registry() -> dict:
    with open(DATA_DIR / "bodies.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def schema() -> dict:
    with open(SCHEMA_DIR / "bodies.schema.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def bodies(registry) -> dict[str, dict]:
    return {b["id"]: b for b in registry["bodies"]}


# ------------------------------------------------- reference evaluator

def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period_interval(period: dict, key: int) -> tuple[date, date]:
    kind = period["kind"]
    if kind in ("annual-from-base", "named-year"):
        nominal = key + (period["base_year"] if kind == "annual-from-base" else 0)
        start = date(nominal + period.get("opens_year_offset", 0), period.get("opens_month", 1), 1)
        end = _month_end(nominal + period.get("closes_year_offset", 0), period.get("closes_month", 12))
        return start, end
    if kind == "calendar-year":
        return date(key, 1, 1), date(key, 12, 31)
    if kind == "several-per-year":
        year = period["base_year"] + (key - 1) // period["per_year"]
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "every-n-years":
        year = period["base_year"] + period["interval"] * key
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "table":
        value = period["years"][str(key)]
        first, last = (value, value) if isinstance(value, int) else value
        return date(first, 1, 1), date(last, 12, 31)
    raise AssertionError(f"unknown period kind {kind!r}")


def session_period(body: dict, key: int) -> tuple[date, date] | None:
    """Date interval of session `key` (a number or a year, per sessions.key); None if no rule covers it."""
    for period in body["sessions"]["periods"]:
        if period["from"] <= key <= period.get("to", key):
            return _period_interval(period, key)
    return None


def date_interval(text: str) -> tuple[date, date]:
    """'2010-05-21' -> that day; '2010-05' -> the month; '2010' -> the year."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def fits(body: dict, key: int, when: str) -> bool | None:
    """True if the date (or the month/year it names) overlaps the session's period; None if unknown."""
    period = session_period(body, key)
    if period is None:
        return None
    d0, d1 = date_interval(when)
    return d0 <= period[1] and d1 >= period[0]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def zh_to_int(s: str) -> int:
    """Chinese numerals below 1000: 七十三 -> 73, 十二 -> 12, 一百零五 -> 105."""
    total, digit = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += digit * 100
            digit = 0
        else:
            raise ValueError(s)
    return total + digit


def symbol_patterns(body: dict, kind: str) -> list[tuple[str, bool]]:
    """(anchored pattern, maps_to_session) for resolution or decision symbols of a body."""
    if kind == "decision":
        pats = [(body.get("decision_number"), True)]
    else:
        pats = [(body["resolution_symbol"], True), (body["resolution_number"], True)]
    pats += [(v["pattern"], v["maps_to_session"]) for v in body.get("symbol_variants", [])]
    return [(p, m) for p, m in pats if p]


def example_key(body: dict, example: dict) -> int | None:
    """The session key an example names (session number or year), or None if its series is not mapped."""
    key_kind = body["sessions"]["key"]
    if "session" in example:
        assert key_kind == "session", f"{body['id']}: example gives a session but sessions.key is {key_kind}"
        return example["session"]
    if "year" in example:
        assert key_kind == "year", f"{body['id']}: example gives a year but sessions.key is {key_kind}"
        return example["year"]
    kind = example.get("kind", "resolution")
    for pattern, maps in symbol_patterns(body, kind):
        m = re.match(pattern, example["symbol"])
        if not m:
            continue
        if not maps:
            return None
        groups = m.groupdict()
        if key_kind == "session":
            if groups.get("session"):
                return int(groups["session"])
            if groups.get("session_roman"):
                return roman_to_int(groups["session_roman"])
            return None
        return int(groups["year"]) if groups.get("year") else None
    raise AssertionError(f"{body['id']}: {example['symbol']!r} matches none of its {kind} patterns")


def body_for_document(bodies: dict, symbol: str) -> str | None:
    """The body whose longest document-symbol prefix starts `symbol`."""
    best, best_len = None, -1
    for body in bodies.values():
        for prefix in body["document_symbol_prefixes"]:
            if symbol.startswith(prefix) and len(prefix) > best_len:
                best, best_len = body["id"], len(prefix)
    return best


def official_records_symbol(records: dict, key: int, supplement: str) -> str:
    m = re.fullmatch(r"(\d+)\s*([A-Z]?)", supplement)
    number, letter = int(m.group(1)), m.group(2)
    doc = records.get("exceptions", {}).get(str(number), number + records["offset"])
    symbol = f"{records['symbol_prefix']}{key}/{doc}"
    if letter:
        symbol += records["letter_suffixes"][letter]
    return symbol


# ------------------------------------------------------------ the tests

def test_schema_is_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


def test_registry_validates_against_schema(registry, schema):
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(registry)]
    assert not errors, "\n".join(errors)


def test_schema_rejects_unknown_fields_and_kinds(registry, schema):
    validator = jsonschema.Draft202012Validator(schema)
    bad = json.loads(json.dumps(registry))
    bad["bodies"][0]["colour"] = "blue"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(registry))
    bad["bodies"][0]["sessions"]["periods"][-1]["kind"] = "lunar"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(registry))
    bad["bodies"][0]["organ_line"] = "大会,"
    assert not validator.is_valid(bad)


def test_ids_unique_and_required_bodies_present(registry, bodies):
    ids = [b["id"] for b in registry["bodies"]]
    assert len(ids) == len(set(ids))
    assert REQUIRED_IDS <= set(ids), REQUIRED_IDS - set(ids)


def test_references_between_bodies_resolve(bodies):
    for body in bodies.values():
        if "parent" in body:
            assert body["parent"] in bodies, body["id"]
        if "reports_in" in body:
            assert body["reports_in"]["body"] in bodies, body["id"]
            assert "official_records" in bodies[body["reports_in"]["body"]], body["id"]


def test_organ_lines(bodies):
    assert bodies["general-assembly"]["organ_line"] == "大会，"
    assert bodies["economic-and-social-council"]["organ_line"] == "经济及社会理事会，"
    assert bodies["untoc-conference-of-the-parties"]["organ_line"] == "《联合国打击跨国有组织犯罪公约》缔约方会议，"
    for body in bodies.values():
        assert body["organ_line"].endswith("，") and body["organ_line"][:-1].strip() == body["organ_line"][:-1]


def _all_regexes(body: dict):
    for field in ("resolution_symbol", "resolution_number", "decision_number"):
        if body.get(field):
            yield field, body[field]
    for v in body.get("symbol_variants", []):
        yield "symbol_variants", v["pattern"]
    for field in ("cited_as", "decision_cited_as"):
        for p in body.get(field, []):
            yield field, p
    for p in body.get("official_records", {}).get("title_patterns", []):
        yield "official_records.title_patterns", p


def test_every_regex_compiles(bodies):
    for body in bodies.values():
        for field, pattern in _all_regexes(body):
            try:
                re.compile(pattern)
            except re.error as exc:
                pytest.fail(f"{body['id']}.{field}: {pattern!r}: {exc}")


def _scan_time(pattern: str, text: str) -> float:
    """Best of three: a busy machine slows a run down, never speeds it up."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in re.finditer(pattern, text):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def test_regexes_run_in_linear_time(bodies):
    """Four times the hostile input takes about four times as long, not sixteen (a ratio, so load does not matter)."""
    hostile = ("第 1/1/1/1 " * 500) + ("第" + " " * 1250 + "1" * 1250) + ("(" * 750) + ("S-ES-" * 500)
    for body in bodies.values():
        for field, pattern in _all_regexes(body):
            once, four = _scan_time(pattern, hostile), _scan_time(pattern, hostile * 4)
            assert four <= 8 * once + 0.02, f"{body['id']}.{field} grows faster than its input: {pattern!r}"


def test_symbol_regexes_have_the_named_groups_their_key_needs(bodies):
    for body in bodies.values():
        key = body["sessions"]["key"]
        for field in ("resolution_symbol", "resolution_number"):
            pattern = body.get(field)
            if pattern:
                names = set(re.compile(pattern).groupindex)
                assert "number" in names, f"{body['id']}.{field}"
                assert key in names or "year" in names, f"{body['id']}.{field} has no {key} group"


def test_examples_match_their_own_patterns(bodies):
    for body in bodies.values():
        for example in body["examples"] + body.get("counter_examples", []):
            if "symbol" in example:
                kind = example.get("kind", "resolution")
                assert any(re.match(p, example["symbol"]) for p, _ in symbol_patterns(body, kind)), (
                    f"{body['id']}: {example['symbol']!r} matches no {kind} pattern")


def test_cited_examples_are_found_with_their_groups(bodies):
    for body in bodies.values():
        patterns = body.get("cited_as", []) + body.get("decision_cited_as", [])
        for cited in body.get("cited_examples", []):
            found = [m for p in patterns if (m := re.search(p, cited["text"]))]
            assert found, f"{body['id']}: no cited_as pattern finds {cited['text']!r}"
            want = cited.get("groups", {})
            assert any(all(m.groupdict().get(k) == v for k, v in want.items()) for m in found), (
                f"{body['id']}: {cited['text']!r} groups {[m.groupdict() for m in found]} != {want}")


def test_every_body_with_resolutions_has_a_citation_form(bodies):
    for body in bodies.values():
        if body["resolution_number"]:
            assert body["cited_as"], body["id"]
        if body.get("decision_number"):
            assert body.get("decision_cited_as"), body["id"]


def test_ga_session_regex_does_not_take_ecosoc_years():
    # A four-digit year/number citation is ECOSOC's (第 2013/38 号决议), not a GA session.
    ga = r"第\s*(?P<session>\d{1,3})/(?P<number>\d+)"
    assert re.search(ga, "第 2013/38 号决议") is None


def test_special_session_citation_is_not_read_inside_emergency(bodies):
    ga = bodies["general-assembly"]
    special = next(p for p in ga["cited_as"] if "special_session" in p)
    assert re.search(special, "ES-10/15号决议") is None
    assert re.search(special, "大会S-23/2号决议").group("special_session") == "23"


def test_periods_are_ordered_and_disjoint(bodies):
    for body in bodies.values():
        periods = body["sessions"]["periods"]
        previous_to = None
        for period in periods:
            if "to" in period:
                assert period["to"] >= period["from"], body["id"]
            if previous_to is not None:
                assert period["from"] > previous_to, f"{body['id']}: periods overlap or are unordered"
            previous_to = period.get("to", float("inf"))
            if period["kind"] == "table":
                for k in period["years"]:
                    assert period["from"] <= int(k) <= period.get("to", int(k)), f"{body['id']}: table key {k} outside from/to"


def test_evaluator_on_known_mappings(bodies):
    ga = bodies["general-assembly"]
    assert session_period(ga, 60) == (date(2005, 9, 1), date(2006, 9, 30))
    assert session_period(ga, 46) == (date(1991, 9, 1), date(1992, 9, 30))
    assert session_period(bodies["human-rights-council"], 1)[0].year == 2006
    assert session_period(bodies["human-rights-council"], 4)[0].year == 2007
    assert session_period(bodies["human-rights-council"], 52)[0].year == 2023
    assert session_period(bodies["commission-on-crime-prevention-and-criminal-justice"], 22) == (
        date(2012, 12, 1), date(2013, 12, 31))
    assert session_period(bodies["untoc-conference-of-the-parties"], 12)[0].year == 2024
    assert session_period(bodies["uncac-conference-of-the-states-parties"], 2)[0].year == 2008
    assert session_period(bodies["uncac-conference-of-the-states-parties"], 10)[0].year == 2023
    ecosoc = bodies["economic-and-social-council"]
    assert session_period(ecosoc, 2012) == (date(2012, 1, 1), date(2012, 12, 31))
    assert session_period(ecosoc, 2023) == (date(2022, 7, 1), date(2023, 7, 31))
    assert session_period(ecosoc, 1950) is None  # before the year-numbered series: unknown, not wrong


def test_every_example_lies_in_its_session(bodies):
    checked = 0
    for body in bodies.values():
        for example in body["examples"]:
            key = example_key(body, example)
            if key is None:
                continue
            verdict = fits(body, key, example["date"])
            assert verdict is not None, f"{body['id']}: no period covers key {key} ({example})"
            assert verdict, f"{body['id']}: {example} is outside {session_period(body, key)}"
            checked += 1
    assert checked >= 60


def test_every_counter_example_is_rejected(bodies):
    for body in bodies.values():
        for example in body.get("counter_examples", []):
            key = example_key(body, example)
            assert key is not None, f"{body['id']}: counter-example {example} names no mapped session"
            assert fits(body, key, example["date"]) is False, (
                f"{body['id']}: counter-example {example} was accepted: {session_period(body, key)}")


def test_ga_session_60_resolution_dated_2012_is_rejected(bodies):
    ga = bodies["general-assembly"]
    key = example_key(ga, {"symbol": "A/RES/60/1", "date": "2012-09-16", "source": ["test"]})
    assert key == 60
    assert fits(ga, 60, "2012-09-16") is False
    assert fits(ga, 60, "2012") is False
    assert fits(ga, 60, "2005-09-16") is True


ANCHORS = [  # CONVENTIONS §6
    ("general-assembly", "A/RES/46/152", "1991-12-18"),
    ("general-assembly", "A/RES/60/1", "2005-09-16"),
    ("general-assembly", "A/RES/60/288", "2006-09-08"),
    ("general-assembly", "A/RES/64/293", "2010-07-30"),
    ("general-assembly", "A/RES/66/181", "2011-12-19"),
    ("general-assembly", "A/RES/67/1", "2012-09-24"),
    ("economic-and-social-council", "E/RES/2011/32", "2011-07-28"),
    ("economic-and-social-council", "E/RES/2012/19", "2012-07-26"),
    ("economic-and-social-council", "E/RES/2013/38", "2013-07-25"),
    ("commission-on-crime-prevention-and-criminal-justice", "19/1", "2010-05-21"),
    ("commission-on-crime-prevention-and-criminal-justice", "20/3", "2011-04-15"),
    ("commission-on-crime-prevention-and-criminal-justice", "22/7", "2013-04-26"),
]
SESSION_ANCHORS = [
    ("untoc-conference-of-the-parties", 5, "2010"),
    ("untoc-conference-of-the-parties", 6, "2012"),
    ("untoc-conference-of-the-parties", 7, "2014"),
]


@pytest.mark.parametrize("body_id,symbol,when", ANCHORS)
def test_conventions_anchor_is_an_example_and_fits(bodies, body_id, symbol, when):
    body = bodies[body_id]
    assert any(e.get("symbol") == symbol and e["date"] == when for e in body["examples"]), (
        f"{body_id}: anchor {symbol} of {when} missing from examples")
    assert fits(body, example_key(body, {"symbol": symbol, "date": when}), when) is True


@pytest.mark.parametrize("body_id,session,when", SESSION_ANCHORS)
def test_conventions_session_anchor(bodies, body_id, session, when):
    body = bodies[body_id]
    assert any(e.get("session") == session and e["date"].startswith(when) for e in body["examples"])
    assert fits(body, session, when) is True
    assert fits(body, session, str(int(when) + 1)) is False


def test_official_records_symbols(bodies):
    checked = 0
    for body in bodies.values():
        records = body.get("official_records")
        if not records:
            continue
        for example in records["examples"]:
            got = official_records_symbol(records, example["key"], example["supplement"])
            assert got == example["symbol"], f"{body['id']}: {example} computed {got}"
            checked += 1
            if "title" in example:
                found = [m for p in records["title_patterns"] if (m := re.search(p, example["title"]))]
                assert found, f"{body['id']}: no title pattern finds {example['title']!r}"
                g = found[0].groupdict()
                key = zh_to_int(g["session_zh"]) if g.get("session_zh") else int(g["year"])
                assert key == example["key"]
                assert g["supplement"] + (g.get("letter") or "") == example["supplement"]
    assert checked >= 10


def test_reports_in_supplements_follow_the_parent_offset(bodies):
    ecosoc = bodies["economic-and-social-council"]["official_records"]
    assert official_records_symbol(ecosoc, 2013, "10") == "E/2013/30"
    assert official_records_symbol(ecosoc, 2013, "10A") == "E/2013/30/Add.1"
    expected = {
        "commission-on-crime-prevention-and-criminal-justice": 10,
        "commission-on-narcotic-drugs": 8,
        "commission-on-the-status-of-women": 7,
        "commission-for-social-development": 6,
    }
    for body_id, supplement in expected.items():
        assert bodies[body_id]["reports_in"]["body"] == "economic-and-social-council", body_id
        assert bodies[body_id]["reports_in"]["supplement"] == supplement, body_id


def test_chinese_numeral_and_roman_helpers():
    assert [zh_to_int(s) for s in ("十二", "七十三", "一百零五", "六十")] == [12, 73, 105, 60]
    assert [roman_to_int(s) for s in ("II", "XXI", "XXIX", "XXV", "LXIII")] == [2, 21, 29, 25, 63]


def test_document_prefix_longest_match(bodies):
    assert body_for_document(bodies, "A/HRC/52/1") == "human-rights-council"
    assert body_for_document(bodies, "A/68/457") == "general-assembly"
    assert body_for_document(bodies, "E/CN.15/2012/15") == "commission-on-crime-prevention-and-criminal-justice"
    assert body_for_document(bodies, "E/2013/30") == "economic-and-social-council"
    assert body_for_document(bodies, "CTOC/COP/2010/17") == "untoc-conference-of-the-parties"
    assert body_for_document(bodies, "CAC/COSP/2015/10") == "uncac-conference-of-the-states-parties"


def test_names_as_in_conventions(bodies):
    expected = {
        "general-assembly": "大会",
        "economic-and-social-council": "经济及社会理事会",
        "security-council": "安全理事会",
        "human-rights-council": "人权理事会",
        "commission-on-crime-prevention-and-criminal-justice": "预防犯罪和刑事司法委员会",
        "commission-on-narcotic-drugs": "麻醉药品委员会",
        "commission-on-the-status-of-women": "妇女地位委员会",
        "untoc-conference-of-the-parties": "《联合国打击跨国有组织犯罪公约》缔约方会议",
    }
    for body_id, zh in expected.items():
        assert bodies[body_id]["zh"] == zh
        assert bodies[body_id]["context_zh"][0] == zh
    untoc = [v["name"] for v in bodies["untoc-conference-of-the-parties"]["zh_variants"]]
    assert "联合国打击跨国有组织犯罪公约缔约方大会" in untoc
    uncac = [v["name"] for v in bodies["uncac-conference-of-the-states-parties"]["zh_variants"]]
    assert "《联合国反腐败公约》缔约国大会" in uncac


def test_numerals(bodies):
    for body in bodies.values():
        assert body["meeting_numerals"] == "arabic"
    assert bodies["general-assembly"]["session_numerals"] == "chinese"
    assert bodies["economic-and-social-council"]["session_numerals"] == "year"


def _items_with_sources(body: dict):
    yield body["id"], body
    for i, v in enumerate(body["zh_variants"]):
        yield f"{body['id']}.zh_variants[{i}]", v
    for i, v in enumerate(body.get("symbol_variants", [])):
        yield f"{body['id']}.symbol_variants[{i}]", v
    for i, p in enumerate(body["sessions"]["periods"]):
        yield f"{body['id']}.periods[{i}]", p
    for field in ("official_records", "reports_in"):
        if field in body:
            yield f"{body['id']}.{field}", body[field]


def test_facts_resting_only_on_M_are_unverified(bodies):
    for body in bodies.values():
        for where, item in _items_with_sources(body):
            if item.get("source") == ["M"]:
                assert item.get("verified") is False, f"{where} rests only on M but is marked verified"
        if not body["verified"]:
            assert body.get("notes", "").strip(), f"{body['id']} is unverified but has no notes saying why"
            assert "M" in body["notes"], f"{body['id']}: notes should name what rests on M"
