"""The opening-verb lexicons (rules/data/verbs.zh.yaml, verbs.en.yaml) against their schemas, CONVENTIONS.md §2,
the seeds and the counted evidence of corpus/unpc-dev (tests/evidence/opener_evidence.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml

from rules import DATA_DIR, SCHEMA_DIR

LEXICON = DATA_DIR / "verbs.zh.yaml"
SCHEMA = SCHEMA_DIR / "verbs.schema.json"
EN_LEXICON = DATA_DIR / "verbs.en.yaml"
EN_SCHEMA = SCHEMA_DIR / "verbs_en.schema.json"
PREFIXES = ("又", "还", "并", "再次", "特别", "因此", "就此", "大力", "同样")
EVIDENCE_SCRIPT = Path(__file__).resolve().parent / "evidence" / "opener_evidence.py"


def _load_evidence_module():
    spec = importlib.util.spec_from_file_location("opener_evidence", EVIDENCE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


oe = _load_evidence_module()

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

# Single-part by evidence (seeds, C, unpc-dev: seen opening that part, never the other). CONVENTIONS.md §2's
# 通过, 宣布, 授权 (M) have no evidence and are both, with usual_part operative.
OPERATIVE_ONLY = [
    "决定", "请", "邀请", "敦促", "吁请", "建议", "核可", "核准", "提请注意", "要求", "坚决主张", "赞同", "指示",
]
PREAMBULAR_ONLY = [
    "铭记", "考虑到", "深信", "意识到", "审议了", "遵循", "震惊地注意到", "感兴趣地注意到", "深为关切的是", "认定",
    "根据《联合国宪章》第七章采取行动", "关切",
]
BOTH = [
    "重申", "欢迎", "欣见", "注意到", "表示注意到", "赞赏地注意到", "关切地注意到", "表示关切", "强调",
    "强调指出", "确认", "认识到", "承认", "强烈谴责", "鼓励", "回顾", "促请",
    # issue #17: real operative paragraphs open with these, real preambles with 再次呼吁
    "认可", "严重关切", "再次呼吁", "着重指出", "指出", "肯定", "谴责",
]
# unpc-dev: 1475 严重关切 "Expresses grave concern", 2384 认可 "Endorses", 628 赞同, 811 坚决主张 (op);
# 3999 再次呼吁 "Reiterating its call", 208 根据《联合国宪章》第七章采取行动 (pre).
NOT_PREAMBULAR_ONLY = ["认可", "满意地注意到", "严重关切", "赞同", "坚决主张"]
NOT_OPERATIVE_ONLY = ["再次呼吁", "根据《联合国宪章》第七章采取行动"]
# Openers issue #17 names as missing: present, with evidence or marked M.
MISSING_IN_ISSUE = [
    "支持", "肯定", "赞赏", "提及", "念及", "接受", "大力鼓励", "感到震惊的是", "认可", "满意地注意到", "严重关切",
    "赞同", "坚决主张", "再次呼吁", "特别指出", "断定", "认定", "根据《联合国宪章》第七章采取行动",
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


def test_prefixed_forms_keep_the_part_of_their_base(by_zh):
    # A prefix combines with any opener: 又X follows X in the same part, 再次X repeats X.
    for zh, v in by_zh.items():
        if v["prefix"] != "none":
            assert v["part"] == by_zh[v["base"]]["part"], zh


def test_intensifiers_belong_to_the_verb(by_zh):
    for zh in ("强烈鼓励", "强烈谴责", "深为关切", "严重关切", "表示严重关切"):
        assert by_zh[zh]["prefix"] == "none" and by_zh[zh]["base"] == zh


def test_known_prefix_stripping(by_zh):
    assert by_zh["又重申"]["base"] == "重申" and by_zh["又重申"]["prefix"] == "又"
    assert by_zh["再次请"]["base"] == "请" and by_zh["再次请"]["prefix"] == "再次"
    assert by_zh["特别回顾"]["base"] == "回顾" and by_zh["特别回顾"]["prefix"] == "特别"
    assert by_zh["并回顾"]["base"] == "回顾" and by_zh["并回顾"]["prefix"] == "并"
    assert by_zh["还请"]["base"] == "请" and by_zh["还请"]["prefix"] == "还"
    assert by_zh["大力鼓励"]["base"] == "鼓励" and by_zh["大力鼓励"]["prefix"] == "大力"
    assert by_zh["就此强调"]["base"] == "强调" and by_zh["就此强调"]["prefix"] == "就此"
    assert by_zh["还再次要求"]["base"] == "要求" and by_zh["还再次要求"]["prefix"] == "还再次"


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


# --- new fields ----------------------------------------------------------------------------


def test_schema_rejects_bad_evidence_fields():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {"zh": "回顾", "base": "回顾", "prefix": "none", "part": "both", "en": "Recalling / Recalls", "source": "S",
            "seen": {"preambular": 2}, "lines": {"preambular": [3, 5]}, "organs": ["GA"]}
    assert validator.is_valid({"version": 1, "verbs": [good] * 150})
    bad_entries = [
        {**good, "seen": {"preambular": 0}},
        {**good, "seen": {"annex": 1}},
        {**good, "lines": {"preambular": []}},
        {k: v for k, v in good.items() if k != "lines"},
        {**good, "organ": "Security Council"},
        {**good, "usual_part": "annex"},
        {**good, "prefix": "但是"},
        {**good, "zh": "根据…第七章"},
    ]
    for entry in bad_entries:
        assert not validator.is_valid({"version": 1, "verbs": [good] * 149 + [entry]}), entry


@pytest.mark.parametrize("zh", MISSING_IN_ISSUE)
def test_openers_missing_in_issue_17_are_present(by_zh, zh):
    v = by_zh[zh]
    assert "seen" in v or "M" in v["source"] or "S:" in v["source"] or "C:" in v["source"], zh


@pytest.mark.parametrize("zh", NOT_PREAMBULAR_ONLY)
def test_real_operative_openers_are_not_preambular_only(by_zh, zh):
    assert by_zh[zh]["part"] != "preambular"


@pytest.mark.parametrize("zh", NOT_OPERATIVE_ONLY)
def test_real_preambular_openers_are_not_operative_only(by_zh, zh):
    assert by_zh[zh]["part"] != "operative"


def test_security_council_openers(by_zh):
    for zh in ("认定", "断定", "根据《联合国宪章》第七章采取行动"):
        assert by_zh[zh]["organ"] == "SC", zh
    assert sum(1 for v in by_zh.values() if "organ" in v) == 3


def test_usual_part_differs_from_part_and_rests_on_no_contrary_evidence(by_zh):
    for zh, v in by_zh.items():
        if "usual_part" in v:
            assert v["usual_part"] != v["part"], zh


def test_openers_without_evidence_are_both(by_zh):
    # a base whose forms are all unverified (M, no corpus sighting) cannot be single-part
    families: dict[str, list] = {}
    for v in by_zh.values():
        families.setdefault(v["base"], []).append(v)
    for base, forms in families.items():
        if all(f["source"].startswith("M") and "seen" not in f for f in forms):
            assert all(f["part"] == "both" for f in forms), base


# --- the English lexicon ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def en_data():
    return yaml.safe_load(EN_LEXICON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_en(en_data):
    return {o["en"]: o for o in en_data["openers"]}


def test_en_schema_is_valid_and_lexicon_validates(en_data):
    schema = json.loads(EN_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(en_data), key=str)
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def test_en_unique_and_bases_are_entries(en_data, by_en):
    assert len(by_en) == len(en_data["openers"])
    for o in by_en.values():
        assert o["base"] in by_en, o["en"]
        assert by_en[o["base"]]["position"] == "base" and by_en[o["base"]]["part"] == o["part"], o["en"]


def test_en_position_follows_the_words(by_en):
    for en, o in by_en.items():
        words = en.lower().split()
        expected = "further" if "further" in words else "also" if "also" in words else "base"
        assert o["position"] == expected, en


def test_en_sequence_of_requests(by_en):
    assert by_en["Requests"]["position"] == "base"
    assert by_en["Also requests"]["position"] == "also" and by_en["Also requests"]["base"] == "Requests"
    assert by_en["Further requests"]["position"] == "further" and by_en["Further requests"]["base"] == "Requests"
    assert by_en["Also requests"]["zh"] == {"又请": 1} and by_en["Further requests"]["zh"] == {"还请": 2}


def test_en_zh_correspondences_are_lexicon_forms(by_en, by_zh):
    for o in by_en.values():
        for zh in o.get("zh", {}):
            assert zh in by_zh, (o["en"], zh)


def test_en_lexicon_covers_the_zh_english(by_en):
    for en in ("Recalling", "Recalls", "Noting with concern", "Expresses grave concern", "Decides", "Also decides",
               "Further decides", "Acting under Chapter VII of the Charter of the United Nations", "Determining",
               "Having considered", "Deeply concerned", "Insists", "Endorses"):
        assert en in by_en, en


# --- the evidence script (no corpus needed) -------------------------------------------------


@pytest.mark.parametrize("en, part, opener, position", [
    ("Recalling its resolution 1970 (2011),", "preambular", "Recalling", "base"),
    ("Recalling also that 2015 will mark,", "preambular", "Recalling also", "also"),
    ("Noting with concern the findings of the Panel,", "preambular", "Noting with concern", "base"),
    ("Deeply concerned at the situation,", "preambular", "Deeply concerned", "base"),
    ("Having considered the recommendation,", "preambular", "Having considered", "base"),
    ("Acting under Chapter VII of the Charter of the United Nations,", "preambular",
     "Acting under Chapter VII of the Charter of the United Nations", "base"),
    ("Taking note also of resolution 5,", "preambular", "Taking note also of", "also"),
    ("13. Requests the Secretary-General to report;", "operative", "Requests", "base"),
    ("49. Also requests the system to engage;", "operative", "Also requests", "also"),
    ("9. Further requests the Office to develop;", "operative", "Further requests", "further"),
    ("29. Requests also the secretariat to take;", "operative", "Requests also", "also"),
    ("3. Expresses grave concern over the takeover;", "operative", "Expresses grave concern", "base"),
    ("4. Strongly encourages Member States to integrate;", "operative", "Strongly encourages", "base"),
    ("1. Condemns in the strongest terms any use;", "operative", "Condemns in the strongest terms", "base"),
    ("Decides to adopt the statute.", "operative", "Decides", "base"),
    ("17. Decides that the mandate shall include the following:", "operative", "Decides", "base"),
])
def test_en_opener(en, part, opener, position):
    got = oe.en_opener(en)
    assert (got.part, got.opener, got.position) == (part, opener, position)


@pytest.mark.parametrize("en", [
    "The Organization was to be based on the principle.",
    "11. Recognize the importance of the full engagement of men;",  # a declaration, not a resolution
    "Notes: (a) In United Nations country teams.",
    "During the interactive discussion, statements were made,",
    "Developing capacity;",
    "23. Acknowledging the complementary roles:",
    "Statements were also made by representatives.",
])
def test_en_not_a_resolution_paragraph(en):
    assert oe.en_opener(en) is None


@pytest.mark.parametrize("zh, opener, base, prefix, lead", [
    ("1. 又请秘书长提交报告；", "又请", "请", "又", ""),
    ("12. 还再次要求苏丹；", "还再次要求", "要求", "还再次", ""),
    ("在这方面，回顾其决议，", "回顾", "回顾", "none", "在这方面"),
    ("3. 特别指出合作；", "特别指出", "特别指出", "none", ""),
    ("特别关切局势，", "特别关切", "关切", "特别", ""),
    ("根据《联合国宪章》第七章采取行动，", "根据《联合国宪章》第七章采取行动", "根据《联合国宪章》第七章采取行动", "none", ""),
    ("2. 表示深为关切双方未能履行承诺；", "表示深为关切", "表示深为关切", "none", ""),
    ("决定 通过其附属机构提供建议；", "决定", "决定", "none", ""),
    ("就此强调，必须提供可信的分析，", "就此强调", "强调", "就此", ""),
])
def test_zh_opener(zh, opener, base, prefix, lead):
    got = oe.zh_opener(zh)
    assert (got.opener, got.base, got.prefix, got.lead) == (opener, base, prefix, lead)


def test_evidence_bases_and_prefixes_are_in_the_lexicon(by_zh):
    assert set(oe.BASES) <= set(by_zh)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert set(oe.PREFIXES) <= set(schema["$defs"]["verb"]["properties"]["prefix"]["enum"]) | {
        s + a for s in oe.SEQUENCE_PREFIXES for a in oe.ADVERB_PREFIXES}


# --- the lexicons against the corpus ---------------------------------------------------------

corpus_present = pytest.mark.skipif(
    not oe.CORPUS.exists(),
    reason=f"corpus/unpc-dev is absent ({oe.CORPUS}): the counted evidence cannot be recomputed",
)


@pytest.fixture(scope="module")
def evidence():
    return oe.evidence()


@corpus_present
def test_evidence_is_deterministic(evidence):
    again = oe.evidence()
    assert again["zh"] == evidence["zh"] and again["en"] == evidence["en"] and again["summary"] == evidence["summary"]


@corpus_present
def test_zh_seen_counts_agree_with_the_corpus(by_zh, evidence):
    recorded = {zh: (v["seen"], v["lines"], v["organs"]) for zh, v in by_zh.items() if "seen" in v}
    computed = {}
    for zh, cells in evidence["zh"].items():
        seen = {p: c["count"] for p, c in cells.items() if c["count"]}
        lines = {p: c["lines"] for p, c in cells.items() if c["count"]}
        organs = sorted({o for c in cells.values() for o in c["organs"]})
        computed[zh] = (seen, lines, organs)
    assert recorded == computed


@corpus_present
def test_en_seen_counts_agree_with_the_corpus(by_en, evidence):
    recorded = {en: (o["seen"], o["lines"], o["organs"], o["zh"]) for en, o in by_en.items() if "seen" in o}
    zh_by_en: dict[str, Counter] = {}
    for s in evidence["sightings"]:
        zh_by_en.setdefault(s.en, Counter())[s.zh] += 1
    computed = {}
    for en, cells in evidence["en"].items():
        seen = {p: c["count"] for p, c in cells.items() if c["count"]}
        lines = {p: c["lines"] for p, c in cells.items() if c["count"]}
        organs = sorted({o for c in cells.values() for o in c["organs"]})
        computed[en] = (seen, lines, organs, dict(zh_by_en[en]))
    assert recorded == computed


@corpus_present
def test_single_part_openers_have_no_counter_evidence(by_zh, evidence):
    # part preambular/operative only if no form of the base opens the other part anywhere in the corpus
    family_parts: dict[str, set] = {}
    for s in evidence["sightings"]:
        family_parts.setdefault(s.base, set()).add(s.part)
    for zh, v in by_zh.items():
        if v["part"] != "both":
            other = {"preambular": "operative", "operative": "preambular"}[v["part"]]
            assert other not in family_parts.get(v["base"], set()), zh


@corpus_present
def test_openers_seen_in_both_parts_are_both(by_zh, evidence):
    for zh, cells in evidence["zh_base"].items():
        if all(cells[p]["count"] for p in oe.PARTS):
            assert by_zh[zh]["part"] == "both", zh


@corpus_present
def test_every_corpus_opener_is_in_the_lexicons(by_zh, by_en, evidence):
    assert set(evidence["zh"]) <= set(by_zh)
    assert set(evidence["en"]) <= set(by_en)


@corpus_present
def test_classified_lines(evidence):
    # the README: 160 numbered operative paragraphs and 97 preamble-like lines in resolutions and L documents;
    # other kinds add draft resolutions carried by reports and letters
    s = evidence["summary"]
    assert s["preambular"] >= 90 and s["operative"] >= 140
    assert all(s.part in oe.PARTS for s in evidence["sightings"])
