"""The opening-verb lexicon (rules/data/verbs.zh.yaml) against its schema, CONVENTIONS.md §2 and the seeds."""

from __future__ import annotations

import json
from collections import Counter

import jsonschema
import pytest
import yaml

from rules import DATA_DIR, SCHEMA_DIR

LEXICON = DATA_DIR / "verbs.zh.yaml"
SCHEMA = SCHEMA_DIR / "verbs.schema.json"
PREFIXES = ("又", "还", "并", "再次", "特别")

# Every paragraph opener of the five seeds (tests/seeds, /work/shared/seeds), bold
# quadrupling undone, in order of first appearance: S:e13, S:e12, S:ga, S:cop, S:dr.
# S:cop op 17 opens with the split form 提请缔约国注意, listed here as 提请注意.
SEED_OPENERS = [
    "关切", "震惊地注意到", "注意到", "回顾", "强调指出", "着重指出", "强调", "深信", "又回顾",
    "意识到", "鼓励", "邀请", "促请", "请",
    "认识到", "还回顾", "表示注意到", "考虑到", "赞赏地注意到", "欢迎", "重申呼吁", "又邀请",
    "表示赞赏地注意到", "再次邀请",
    "重申", "又重申", "还重申", "再次谴责", "表示严重关切", "深为关切的是", "表示关切",
    "表示深为关切", "重申关切", "敦促", "特别指出", "建议", "又请", "又强调", "确认", "提请注意",
    "强烈鼓励", "再次请",
    "铭记", "关切地注意到", "十分关注", "承认", "还承认", "又承认", "欣见", "认可", "还请",
    "还欣见", "决定", "还促请",
    "又关切", "还关切", "又确认", "感兴趣地注意到", "又感兴趣地注意到", "又敦促", "又鼓励", "认为",
    "吁请",
]

# CONVENTIONS.md §2 "Operative-only in practice" / "Preambular-only in practice" / "Both parts".
OPERATIVE_ONLY = ["决定", "请", "邀请", "敦促", "吁请", "建议", "核可", "核准", "提请注意"]
PREAMBULAR_ONLY = ["铭记", "考虑到", "深信", "意识到", "审议了", "遵循", "震惊地注意到", "感兴趣地注意到", "深为关切的是"]
BOTH = [
    "重申", "欢迎", "欣见", "注意到", "表示注意到", "赞赏地注意到", "关切地注意到", "表示关切", "强调",
    "强调指出", "确认", "认识到", "承认", "强烈谴责", "鼓励", "回顾", "促请",
]

# CONVENTIONS.md §2 verbs whose 又/还 forms the sequence needs (§3).
SEQUENCED = [
    "回顾", "请", "重申", "注意到", "确认", "认识到", "关切", "强调", "鼓励", "敦促", "邀请", "促请",
    "吁请", "欢迎", "决定", "承认", "欣见",
]


@pytest.fixture(scope="module")
def data():
    return yaml.safe_load(LEXICON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def verbs(data):
    return data["verbs"]


@pytest.fixture(scope="module")
def by_zh(verbs):
    return {v["zh"]: v for v in verbs}


def test_schema_is_valid_draft_2020_12():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_lexicon_validates_against_schema(data):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def test_schema_rejects_unknown_fields_and_values():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {"zh": "回顾", "base": "回顾", "prefix": "none", "part": "both", "en": "Recalling / Recalls", "source": "S"}
    bad_entries = [
        {**good, "extra": 1},
        {**good, "part": "annex"},
        {**good, "prefix": "在这方面"},
        {**good, "zh": "提请…注意"},
        {k: v for k, v in good.items() if k != "source"},
    ]
    for entry in bad_entries:
        assert not validator.is_valid({"version": 1, "verbs": [good] * 149 + [entry]}), entry
    assert validator.is_valid({"version": 1, "verbs": [good] * 150})
    assert not validator.is_valid({"version": 1, "verbs": [good] * 149})


def test_at_least_150_entries(verbs):
    assert len(verbs) >= 150


def test_zh_unique(verbs):
    dupes = [zh for zh, n in Counter(v["zh"] for v in verbs).items() if n > 1]
    assert dupes == []


def test_every_base_is_an_entry_of_its_own(by_zh):
    missing = {v["zh"]: v["base"] for v in by_zh.values() if v["base"] not in by_zh}
    assert missing == {}


def test_base_entries_are_unprefixed(by_zh):
    for v in by_zh.values():
        base = by_zh[v["base"]]
        assert base["prefix"] == "none" and base["base"] == base["zh"], v["zh"]


def test_zh_is_prefix_plus_base(verbs):
    for v in verbs:
        expected = v["base"] if v["prefix"] == "none" else v["prefix"] + v["base"]
        assert v["zh"] == expected, v


def test_unprefixed_entries_do_not_hide_a_prefix(by_zh):
    # 特别指出 (Underscores) is a verb of its own, not 特别 + 指出.
    own_verbs = {"特别指出"}
    for zh, v in by_zh.items():
        if v["prefix"] == "none" and zh not in own_verbs:
            assert not zh.startswith(PREFIXES), zh


def test_prefixed_forms_fit_the_part_of_their_base(by_zh):
    # A prefixed form may be narrower than its base (再次谴责 is preambular, 谴责 both), never wider.
    for zh, v in by_zh.items():
        if v["prefix"] != "none":
            base_part = by_zh[v["base"]]["part"]
            assert base_part == "both" or v["part"] == base_part, zh


def test_intensifiers_belong_to_the_verb(by_zh):
    for zh in ("强烈鼓励", "强烈谴责", "深为关切", "严重关切", "表示严重关切"):
        assert by_zh[zh]["prefix"] == "none" and by_zh[zh]["base"] == zh


def test_known_prefix_stripping(by_zh):
    assert by_zh["又重申"]["base"] == "重申" and by_zh["又重申"]["prefix"] == "又"
    assert by_zh["再次请"]["base"] == "请" and by_zh["再次请"]["prefix"] == "再次"
    assert by_zh["特别回顾"]["base"] == "回顾" and by_zh["特别回顾"]["prefix"] == "特别"
    assert by_zh["并回顾"]["base"] == "回顾" and by_zh["并回顾"]["prefix"] == "并"
    assert by_zh["还请"]["base"] == "请" and by_zh["还请"]["prefix"] == "还"


@pytest.mark.parametrize("verb", SEQUENCED)
def test_sequence_forms_present(by_zh, verb):
    for prefix in ("", "又", "还"):
        assert prefix + verb in by_zh, prefix + verb


@pytest.mark.parametrize("zh", OPERATIVE_ONLY)
def test_operative_only(by_zh, zh):
    assert by_zh[zh]["part"] == "operative"


@pytest.mark.parametrize("zh", PREAMBULAR_ONLY)
def test_preambular_only(by_zh, zh):
    assert by_zh[zh]["part"] == "preambular"


@pytest.mark.parametrize("zh", BOTH)
def test_both_parts(by_zh, zh):
    assert by_zh[zh]["part"] == "both"


def test_both_entries_give_two_english_forms(verbs):
    for v in verbs:
        assert (" / " in v["en"]) == (v["part"] == "both"), v["zh"]


def test_english_of_the_sequence(by_zh):
    assert by_zh["请"]["en"] == "Requests"
    assert by_zh["又请"]["en"] == "Also requests"
    assert by_zh["还请"]["en"] == "Further requests"
    assert by_zh["回顾"]["en"].startswith("Recalling")
    assert by_zh["又回顾"]["en"].startswith("Recalling also")


@pytest.mark.parametrize("zh", SEED_OPENERS)
def test_seed_opener_present(by_zh, zh):
    assert zh in by_zh


def test_seed_openers_are_sourced_in_the_seeds(by_zh):
    for zh in SEED_OPENERS:
        assert "S:" in by_zh[zh]["source"], zh


def test_no_de_for_di_misspellings(verbs):
    # 关切的注意到 (S:ga op 15) is a defect the linter flags, never a lexicon entry;
    # 深为关切的是 is the correct form.
    for v in verbs:
        assert "的注意到" not in v["zh"] and "的认识到" not in v["zh"], v["zh"]
    assert any(v["zh"] == "深为关切的是" for v in verbs)


def test_adverbial_noting_forms(by_zh):
    for zh in ("关切地注意到", "严重关切地注意到", "满意地注意到", "感兴趣地注意到", "表示深为关切地注意到",
               "赞赏地注意到", "表示赞赏地注意到", "震惊地注意到", "极为关切地注意到"):
        assert zh in by_zh, zh
