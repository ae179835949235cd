"""The registry as evidence: cited forms (also_cited_as, adopted_by, cited_as), footnoted: false, every volume of an entry."""

from __future__ import annotations

import pytest
from conftest import lint_text

from linter.registries.treaties import form_key, load_registry, use_registry_files


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def ids(found):
    return sorted(t.id for t, _ in found)


def test_form_key_ignores_spaces_lead_and_final_stop():
    assert form_key("见第 2200 A (XXI) 号决议，附件。") == form_key("第2200 A(XXI)号决议，附件")
    assert form_key("大会第 44/25 号决议,附件") == form_key("大会第44/25号决议，附件")


@pytest.mark.parametrize(
    "body, expected",
    [
        # C:development_1087 (ECOSOC) and the GA bare form
        ("见大会第2200 A (XXI)号决议，附件。", ["iccpr", "iccpr-op1", "icescr"]),
        ("见第 2200 A (XXI) 号决议，附件。", ["iccpr", "iccpr-op1", "icescr"]),
        ("见大会第2200 A(XXI)号决议，附件。", ["iccpr", "iccpr-op1", "icescr"]),  # C:culture_300
        # C:development_1539-1541 and 1122-1123
        ("见 FCCC/CP/2015/10/Add.1，第 1/CP.21 号决定，附件。", ["paris-agreement"]),
        ("在《联合国气候变化框架公约》下通过，见FCCC/CP/2015/10/Add.1，1/CP.21号决定。", ["paris-agreement"]),
        ("世界卫生组织，WHA58/2005/REC/1 号文件，第 58.3 号决议，附件。", ["ihr-2005"]),  # C:peace_253
        # adopted_by without document: the annex of the GA resolution
        ("大会第44/25号决议，附件。", ["crc"]),
        ("第 59/38 号决议，附件。", ["jurisdictional-immunities-convention"]),
        ("大会第79/243号决议，附件。", ["cybercrime-convention"]),
        # a resolution that adopted several treaties: numbered annexes
        ("大会第55/25号决议，附件二。", ["untoc", "untoc-smuggling-protocol", "untoc-trafficking-protocol"]),
        ("第 61/106 号决议，附件一。", ["crpd", "crpd-op"]),
        # a tail after the form still cites the treaty
        ("大会第44/25号决议，附件，第 12 条。", ["crc"]),
        # not forms: no annex, another resolution, a document that is not the treaty's
        ("大会第44/25号决议。", []),
        ("第 60/288 号决议，附件。", []),
        ("大会第44/25号决议，附件一。", []),  # 44/25 adopted one treaty: no numbered annex
    ],
)
def test_bodies_that_cite_a_treaty_by_a_registry_form(registry, body, expected):
    assert ids(registry.by_cited_form(body)) == expected


def test_forms_say_which_organ_writes_them(registry):
    forms = {form_key(f.text): f for f in registry.cited_forms(registry.get("iccpr"))}
    assert forms[form_key("第 2200 A (XXI) 号决议，附件")].by == "ga"
    assert forms[form_key("大会第2200 A (XXI)号决议，附件")].by == "other-organs"
    assert forms[form_key("第 2200 A (XXI) 号决议，附件")].fits(True)
    assert not forms[form_key("第 2200 A (XXI) 号决议，附件")].fits(False)
    assert forms[form_key("第 2200 A (XXI) 号决议，附件")].fits(None)  # organ unknown: either


def test_no_annex_form_when_the_text_is_in_a_document(registry):
    # adopted_by.document: CTBT (A/50/1027), TPNW, BBNJ, Paris; no 第 R 号决议，附件 is derived
    for treaty_id in ("ctbt", "tpnw", "bbnj-agreement", "paris-agreement", "ihr-2005"):
        treaty = registry.get(treaty_id)
        assert not any(f.derived for f in registry.cited_forms(treaty)), treaty_id
    assert ids(registry.by_cited_form("第 50/245 号决议，附件。")) == []


def test_footnoted_false_for_the_charter_and_the_icj_statute(registry):
    assert not registry.get("un-charter").footnoted and not registry.get("icj-statute").footnoted
    assert registry.get("untoc").footnoted and registry.get("minamata-convention").footnoted


def test_registry_counts(registry):
    assert len(registry.treaties) == 177
    assert sum(t.verified for t in registry.treaties) == 145


def test_protocols_sharing_the_parents_number_resolve_to_the_pair(registry):
    # SUA: Convention and Fixed Platforms Protocol share vol. 1678, No. 29004; the Montreal airports
    # protocol and the CCW protocols share the parent's number with their own volume.
    assert {t.id for t in registry.by_unts(1678, 29004)} == {"sua-convention-1988", "sua-fixed-platforms-protocol-1988"}
    assert {t.id for t in registry.by_unts(1589, 14118)} == {"montreal-airports-protocol-1988"}
    assert {t.id for t in registry.by_unts(974, 14118)} == {"montreal-convention-1971"}
    assert {t.id for t in registry.by_unts(2024, 22495)} == {"ccw-protocol-iv"}
    for parent in ("sua-convention-1988", "montreal-convention-1971", "ccw"):
        family = registry.family(registry.get(parent))
        assert len(family) >= 2 and all(t.parent == parent for t in family[1:])


def test_clipped_title_ending_in_convention_names_the_convention(registry):
    assert [t.id for t in registry.by_clipped_title("打击跨国有组织犯罪公约")] == ["untoc"]


# ---------------------------------------------------------------- RC201 against every volume of an entry

TWO_VOLUMES = """version: 1
treaties:
  - id: house-convention
    title_zh: 示范区域合作公约
    title_en: Model Regional Cooperation Convention
    year: 2020
    unts: {volumes: [3001, 3050], number: 55555}
    status: verified
    source: our own records
"""


@pytest.mark.parametrize("volume, wrong", [("3001", False), ("3050", False), ("3001 和 3050", False), ("3051", True)])
def test_rc201_compares_against_all_volumes_of_the_entry(tmp_path, volume, wrong):
    path = tmp_path / "ours.yaml"
    path.write_text(TWO_VOLUMES, encoding="utf-8")
    use_registry_files([path])
    text = f"大会，\n\n回顾《示范区域合作公约》，<sup>1</sup>\n\n1. 请秘书长提交报告。\n\n---\n\n<sup>1</sup> 联合国，《条约汇编》，第 {volume} 卷，第 55555 号。"
    _, findings = lint_text(text, ["RC201", "RC202"], "markdown")
    assert [f.rule for f in findings] == (["RC201"] if wrong else [])
    if wrong:
        assert "3001、3050" in findings[0].message and findings[0].fix is None
