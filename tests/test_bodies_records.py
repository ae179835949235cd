"""Official Records supplements and the organ names of footnote citations come from the bodies registry alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from linter.analyses import footnote_citations
from linter.engine.loader import nested_repeat
from linter.errors import InputError
from linter.registries.bodies import BODIES_FILE, load_registry, registry

LINTER = Path(__file__).resolve().parent.parent / "linter"


def _records_examples():
    for body in registry().bodies:
        for example in body.data.get("official_records", {}).get("examples", ()):
            yield pytest.param(body.id, example, id=f"{body.id}-{example['symbol']}")


@pytest.mark.parametrize("body_id,example", list(_records_examples()))
def test_supplement_and_symbol_follow_the_registry(body_id, example):
    records = registry().by_id[body_id].official_records
    assert records.symbol(example["key"], example["supplement"]) == example["symbol"]
    assert records.supplement(example["symbol"]) == (example["key"], example["supplement"].replace(" ", ""))


def test_supplement_edge_cases():
    ga = registry().body_of_organ("大会").official_records
    ecosoc = registry().body_of_organ("经济及社会理事会").official_records
    assert ga.supplement("A/77/53/Add.2") == (77, "53B")
    assert ga.supplement("A/77/53/Add.9") is None  # an addendum the registry gives no letter: no judgement
    assert ga.supplement("A/73/12 (Part I)") == (73, "12")
    assert ecosoc.supplement("E/2013/99") == (2013, "1")  # exceptions {'1': 99}
    assert ecosoc.supplement("E/2013/15") is None  # below the offset: not a supplement
    assert ecosoc.supplement("A/73/12") is None
    assert registry().body_of_organ("安全理事会").official_records is None
    assert not any(nested_repeat(records._symbol_pattern.pattern) for records in (ga, ecosoc))


def test_footnote_organs_are_the_registry_names():
    names = registry().footnote_names
    assert {"大会", "经济及社会理事会", "安理会"} <= set(names)
    for body in registry().bodies:
        assert set(body.data.get("footnote_names", ())) <= set(body.names)
    resolutions = dict(footnote_citations._elements())["resolutions"]
    assert resolutions.match("安理会第 1373(2001)号决议").group(1) == "安理会"
    old, new = footnote_citations._records_titles()
    assert old.fullmatch("经济及社会理事会正式记录，2013 年，补编第 10 号").group("organ") == "经济及社会理事会"
    assert new.fullmatch("大会第七十七届会议正式记录，补编第53A号").group("organ") == "大会"
    assert [p.pattern for p in (old, new, resolutions) if nested_repeat(p.pattern)] == []


@pytest.mark.parametrize("module", ["analyses/footnote_citations.py", "checks/treaty_citations.py"])
def test_no_organ_name_or_offset_in_code(module):
    source = (LINTER / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr)}
    organ_names = {name for body in registry().bodies for name in body.names if name not in ("理事会", "委员会")}
    constants = [n.value for n in ast.walk(tree)
                 if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]
    assert [c for c in constants if any(name in c for name in organ_names)] == []
    assert "- 20" not in source


def test_footnote_name_of_another_body_is_a_load_error(tmp_path):
    data = yaml.safe_load(BODIES_FILE.read_text(encoding="utf-8"))
    data["bodies"][0]["footnote_names"] = ["安理会"]
    path = tmp_path / "bodies.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="bodies/0/footnote_names/0"):
        load_registry(path)
