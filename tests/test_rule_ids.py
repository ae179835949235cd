"""Rule ids: a house rule's id names its category and 900-999, reusing a built-in id needs `replaces:`,
ids are case-insensitive everywhere, and a configured severity for an id no rule has is an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from linter.commands.cli import main
from linter.config import Config
from linter.engine.loader import load_rules
from linter.errors import InputError
from linter.lint import configured_rules

E13 = str(SEEDS / "ecosoc-2013-38.pdf.txt")  # one half-width comma (RP501) in footnote 3


def house_rule(folder: Path, rule_id: str, category: str = "punctuation", extra: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{rule_id}.yaml"
    path.write_text(
        f"id: {rule_id}\nname: house-comma\nkind: pattern\ncategory: {category}\nseverity: error\n"
        "summary: A house comma rule\nmessage: 'house says: no half-width comma'\n"
        "description: {what: half-width commas, why: house style, example: 'a,b', use_instead: 'a，b'}\n"
        f"options: {{pattern: '\\),', scope: all}}\n{extra}",
        encoding="utf-8",
    )
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_house_rule_reusing_a_builtin_id_is_an_error(tmp_path):
    path = house_rule(tmp_path / "house", "RP501")
    with pytest.raises(InputError) as exc:
        load_rules([tmp_path / "house"])
    assert exc.value.path == str(path)
    assert "a built-in rule has this id" in exc.value.reason and "replaces: RP501" in exc.value.reason


def test_replaces_takes_the_builtin_s_place(capsys, tmp_path):
    house_rule(tmp_path / "house", "RP501", extra="replaces: RP501\n")
    rules = {r.id: r for r in load_rules([tmp_path / "house"])}
    assert rules["RP501"].path == str(tmp_path / "house" / "RP501.yaml")
    code, out, _ = run(capsys, "check", "--no-config", "--rules-dir", str(tmp_path / "house"), "--select", "RP501", E13)
    assert code == 1 and "RP501 [error] house says" in out


@pytest.mark.parametrize("rule_id,extra,reason", [
    ("RP902", "replaces: RP501\n", "'replaces: RP501' must name"),  # replaces another id than its own
    ("RP599", "replaces: RP599\n", "'replaces: RP599' must name"),  # no built-in RP599 to replace
    ("RP601", "", "a house rule's id is RP and a number from 900 to 999"),
    ("RV901", "", "a punctuation rule's id is RP and three digits"),
])
def test_a_house_rule_id_must_name_its_category_and_900_999(tmp_path, rule_id, extra, reason):
    house_rule(tmp_path / "house", rule_id, extra=extra)
    with pytest.raises(InputError) as exc:
        load_rules([tmp_path / "house"])
    assert reason in exc.value.reason


def test_two_house_rules_with_one_id_are_an_error(tmp_path):
    house_rule(tmp_path / "a", "RP901")
    house_rule(tmp_path / "b", "RP901")
    with pytest.raises(InputError, match="duplicate id"):
        load_rules([tmp_path / "a", tmp_path / "b"])


def test_ids_are_case_insensitive_in_select_ignore_and_configuration(capsys, tmp_path, monkeypatch):
    code, out, _ = run(capsys, "check", "--no-config", "--select", "rp", "--ignore", "rp502", E13)
    assert code == 1 and "RP501 [warning]" in out
    assert run(capsys, "check", "--no-config", "--select", "rp501", "--fail-level", "error", E13)[0] == 0
    (tmp_path / ".resolint.toml").write_text('select = ["rp501"]\nseverity = {rp501 = "error"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", E13)
    assert code == 1 and "RP501 [error]" in out


def test_a_severity_for_an_unknown_rule_id_is_an_error(capsys, tmp_path, monkeypatch):
    with pytest.raises(InputError, match="setting 'severity': unknown rule id 'RP599'"):
        configured_rules(Config(path="x.toml", severity={"RP599": "error"}))
    (tmp_path / ".resolint.toml").write_text('severity = {RP599 = "error"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", E13)
    assert code == 2 and "unknown rule id 'RP599'" in err
