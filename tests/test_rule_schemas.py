"""Each fact about a rule kind lives in one place: its options schema in rules/schema/kinds/<kind>.schema.json."""

from __future__ import annotations

import inspect
import json

import pytest

from linter.checks import checkers
from linter.engine.loader import kind_schema_file, load_rule, load_rules
from linter.errors import InputError
from rules import SCHEMA_DIR

KIND_SCHEMAS = SCHEMA_DIR / "kinds"


def _kinds_with_options() -> set[str]:
    """Kinds whose checker reads rule.options, or that a built-in rule gives options."""
    kinds = {kind for kind, checker in checkers().items() if ".options" in inspect.getsource(checker)}
    return kinds | {rule.kind for rule in load_rules() if rule.options}


def test_every_kind_with_options_has_a_schema_file():
    missing = sorted(kind for kind in _kinds_with_options() if not kind_schema_file(kind).is_file())
    assert missing == [], "kinds with options but no rules/schema/kinds/<kind>.schema.json"


def test_every_schema_file_names_a_kind():
    files = {path.name.removesuffix(".schema.json") for path in KIND_SCHEMAS.glob("*.json")}
    assert files - set(checkers()) == set(), "schema files for kinds no checker declares"
    for path in KIND_SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"].endswith(f"/kinds/{path.name}")


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.rglob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_is_valid_against_its_metaschema(path):
    # The linter does not check its schemas when it loads them (datafile.validator): this does, for all of them.
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_no_option_schema_left_in_python():
    from linter.checks import _modules

    assert [m.__name__ for m in _modules() if hasattr(m, "OPTION_SCHEMAS")] == []


@pytest.mark.parametrize("options,field", [("{}", "options"), ("{case: sideways}", "options/case")])
def test_bad_options_are_a_load_error(tmp_path, options, field):
    path = tmp_path / "RV901.yaml"
    path.write_text(
        "id: RV901\nname: house-sequence\nkind: verb-sequence\ncategory: verb\nseverity: info\n"
        "summary: Something\nmessage: Something wrong\n"
        "description: {what: checks something, why: because it matters, example: x, use_instead: y}\n"
        f"options: {options}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=f"rule RV901: field '{field}'"):
        load_rule(path)
