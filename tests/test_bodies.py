"""linter.registries.bodies: loading the registry, session calendars, and which body a citation names."""

from __future__ import annotations

import datetime

import pytest
import yaml

from linter.errors import InputError
from linter.registries.bodies import (
    BODIES_FILE,
    Interval,
    SessionKey,
    coarse_interval,
    load_registry,
    registry,
    roman_to_int,
)

D = datetime.date


def _examples(field: str):
    for body in registry().bodies:
        for example in body.data.get(field, ()):
            yield pytest.param(body.id, example, id=f"{body.id}-{example.get('symbol', example.get('session', example.get('year')))}-{example['date']}")


def _verdict(body_id: str, example: dict) -> bool | None:
    body = registry().by_id[body_id]
    when = coarse_interval(example["date"])
    if "symbol" in example:
        number = example["symbol"]
        for prefix in ("A/RES/", "E/RES/", "S/RES/", "A/HRC/RES/"):
            number = number.removeprefix(prefix)
        key = body.session_key(number, example.get("kind", "resolution"))
    elif "session" in example:
        key = SessionKey("session", example["session"])
    else:
        key = SessionKey("year", example["year"])
    interval = body.interval(key) if key else None
    return None if interval is None else interval.overlaps(when)


@pytest.mark.parametrize("body_id,example", list(_examples("examples")))
def test_every_dated_example_fits(body_id, example):
    # Series that are not mapped to sessions (special sessions, ECOSOC's old numbering) give None.
    assert _verdict(body_id, example) in (True, None)


@pytest.mark.parametrize("body_id,example", list(_examples("counter_examples")))
def test_every_counter_example_is_rejected(body_id, example):
    assert _verdict(body_id, example) is False


def test_most_examples_are_actually_judged():
    judged = [e for b, e in ((p.values[0], p.values[1]) for p in _examples("examples")) if _verdict(b, e) is not None]
    assert len(judged) >= 60


@pytest.mark.parametrize(
    "body_id,key,first,last",
    [
        ("general-assembly", SessionKey("session", 60), D(2005, 9, 1), D(2006, 9, 30)),
        ("general-assembly", SessionKey("session", 1), D(1946, 1, 1), D(1946, 12, 31)),
        ("economic-and-social-council", SessionKey("year", 2012), D(2012, 1, 1), D(2012, 12, 31)),
        ("economic-and-social-council", SessionKey("year", 2023), D(2022, 7, 1), D(2023, 7, 31)),
        ("commission-on-crime-prevention-and-criminal-justice", SessionKey("session", 22), D(2012, 12, 1), D(2013, 12, 31)),
        ("human-rights-council", SessionKey("session", 52), D(2023, 1, 1), D(2023, 12, 31)),
        ("untoc-conference-of-the-parties", SessionKey("session", 6), D(2012, 1, 1), D(2012, 12, 31)),
        ("unfccc-conference-of-the-parties", SessionKey("session", 6), D(2000, 1, 1), D(2001, 12, 31)),
    ],
)
def test_session_intervals(body_id, key, first, last):
    assert registry().by_id[body_id].interval(key) == Interval(first, last)


def test_unknown_sessions_and_wrong_key_kinds_are_unknown():
    ga = registry().by_id["general-assembly"]
    ecosoc = registry().by_id["economic-and-social-council"]
    assert ecosoc.interval(SessionKey("year", 1950)) is None
    assert ga.interval(SessionKey("year", 2013)) is None
    assert ga.session_key("S-23/2") is None  # special sessions are not regular sessions
    assert ga.session_key("2013/38") is None


def test_session_keys_of_numbers():
    by = registry().by_id
    assert by["general-assembly"].session_key("66/181") == SessionKey("session", 66)
    assert by["general-assembly"].session_key("2200 A (XXI)") == SessionKey("session", 21)
    assert by["security-council"].session_key("1373(2001)") == SessionKey("year", 2001)
    assert by["economic-and-social-council"].session_key("2023/201 A", "decision") == SessionKey("year", 2023)
    assert by["unfccc-conference-of-the-parties"].session_key("1/CP.21", "decision") == SessionKey("session", 21)
    assert by["unfccc-conference-of-the-parties"].session_key("1/CP.21") is None  # it adopts no resolutions


def test_fits():
    ga = registry().by_id["general-assembly"]
    assert ga.fits("60/1", D(2005, 9, 16)) is True
    assert ga.fits("60/1", D(2012, 9, 16)) is False
    assert ga.fits("S-23/2", D(2000, 6, 10)) is None


def test_organ_lines_and_names():
    reg = registry()
    assert reg.body_of_organ("大会，").id == "general-assembly"
    assert reg.body_of_organ("经济及社会理事会，").id == "economic-and-social-council"
    assert reg.body_of_organ("《联合国打击跨国有组织犯罪公约》缔约方会议，").id == "untoc-conference-of-the-parties"
    assert reg.body_of_organ("某某委员会，") is None


def test_context_words_are_longest_first():
    words = registry().context_words
    assert words.index("缔约方大会") < words.index("大会")
    assert words.index("人权理事会") < words.index("理事会")


@pytest.mark.parametrize(
    "word,number,own,before,expected",
    [
        ("大会", "66/181", "economic-and-social-council", "", "general-assembly"),
        ("其", "2012/19", "economic-and-social-council", "", "economic-and-social-council"),
        ("其", "66/181", "economic-and-social-council", "", None),  # ECOSOC numbers by year
        (None, "60/288", "general-assembly", "", "general-assembly"),  # a GA text cites the GA bare
        (None, "66/181", "economic-and-social-council", "", None),  # ambiguous bare number
        (None, "2013/38", "general-assembly", "", "economic-and-social-council"),  # only ECOSOC numbers so
        (None, "1373(2001)", None, "", "security-council"),
        ("委员会", "19/1", "economic-and-social-council", "回顾预防犯罪和刑事司法委员会的作用，又回顾",
         "commission-on-crime-prevention-and-criminal-justice"),
        ("委员会", "19/1", "economic-and-social-council", "回顾麻醉药品委员会的作用，又回顾", "commission-on-narcotic-drugs"),
        ("委员会", "19/1", "economic-and-social-council", "", None),  # no commission named before
        ("理事会", "2012/19", "economic-and-social-council", "", "economic-and-social-council"),
        ("缔约方会议", "5/5", "economic-and-social-council", "", "untoc-conference-of-the-parties"),
        ("缔约方会议", "1/CP.21", "general-assembly", "", None),  # 决议 of a body that only adopts decisions
    ],
)
def test_resolve(word, number, own, before, expected):
    reg = registry()
    body = reg.resolve(word, number, "resolution", reg.by_id.get(own), before + "第", len(before))
    assert (body.id if body else None) == expected


def test_document_symbols():
    reg = registry()
    body, rest = reg.body_of_document("A/HRC/52/1")
    assert (body.id, rest) == ("human-rights-council", "52/1")
    assert reg.body_of_document("A/68/457")[0].id == "general-assembly"
    assert reg.body_of_document("XYZ/1") is None


def test_roman_numerals():
    assert [roman_to_int(s) for s in ("II", "XXI", "XXIX", "XL", "LXIII")] == [2, 21, 29, 40, 63]


def test_invalid_registry_is_refused(tmp_path):
    data = yaml.safe_load(BODIES_FILE.read_text(encoding="utf-8"))
    data["bodies"][0]["sessions"]["periods"][-1]["kind"] = "lunar"
    bad = tmp_path / "bodies.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="bodies/0/sessions/periods"):
        load_registry(bad)
    data = yaml.safe_load(BODIES_FILE.read_text(encoding="utf-8"))
    data["bodies"].append(data["bodies"][0])
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate body id"):
        load_registry(bad)
