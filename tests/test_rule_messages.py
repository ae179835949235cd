"""Every sentence a user reads is in a rule file: checkers choose templates by key, the loader checks the keys exist."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from linter.checks import _modules
from linter.engine.loader import kind_schema_file, load_rule, load_rules
from linter.errors import InputError

CHECKS = Path(__file__).resolve().parent.parent / "linter" / "checks"
# Two English words in a row: a sentence or a phrase, which belongs in a rule file's message or messages.
_ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")
_KEY_USE = re.compile(r"""(?:message_key=|\.phrase\()(?:[^)"]*?)"([a-z]+(?:-[a-z]+)*)\"""")


def _english_literals(path: Path) -> list[tuple[int, str]]:
    """String literals (f-string parts too) with English words, outside docstrings and raised exceptions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and _ENGLISH.search(node.value)]


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.py")), ids=lambda p: p.name)
def test_no_sentence_in_a_checker(path):
    assert _english_literals(path) == [], "move the text into the rule file's message or messages"
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:message|problem|what|reason)=f?["']""", source), "a message text passed from code"


def _required_keys(schema: object) -> set[str]:
    """Every key some branch of a kind schema requires in `messages`."""
    found: set[str] = set()
    if isinstance(schema, dict):
        messages = schema.get("properties", {}).get("messages") if isinstance(schema.get("properties"), dict) else None
        if isinstance(messages, dict):
            found |= set(messages.get("required", ()))
        for value in schema.values():
            found |= _required_keys(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _required_keys(value)
    return found


@pytest.mark.parametrize("module", [m for m in _modules() if getattr(m, "KINDS", None)], ids=lambda m: m.__name__)
def test_message_keys_a_checker_uses_are_declared(module):
    """Keys the code names are those its kinds' schemas require, so a rule file that lacks one fails to load."""
    declared: set[str] = set()
    for kind in module.KINDS:
        path = kind_schema_file(kind)
        if path.is_file():
            declared |= _required_keys(json.loads(path.read_text(encoding="utf-8")))
    source = Path(module.__file__).read_text(encoding="utf-8")
    used = set(_KEY_USE.findall(source))
    assert used - declared == set(), "keys the checker asks for that no kind schema requires"
    literals = set(re.findall(r'"([a-z]+(?:-[a-z]+)*)"', source))
    assert declared - literals == set(), "keys a kind schema requires that the checker never names"


def test_builtin_rules_carry_no_unused_templates():
    for rule in load_rules():
        path = kind_schema_file(rule.kind)
        declared = _required_keys(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else set()
        assert set(rule.messages) <= declared, (rule.id, set(rule.messages) - declared)


def test_rule_file_missing_a_template_is_a_load_error(tmp_path):
    path = tmp_path / "RT901.yaml"
    path.write_text(
        "id: RT901\nname: house-numbering\nkind: numbering\ncategory: structure\nseverity: error\n"
        "summary: Operative numbering\nmessage: 'Operative {what}: expected {expected}'\n"
        "messages: {unnumbered: 'No number (expected {expected})', repeats: 'repeats {number}', jumps: 'jumps to {number}',"
        " starts: 'starts at {number}'}\n"
        "description: {what: checks something, why: because it matters, example: x, use_instead: y}\n"
        "options: {case: operative}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="rule RT901: field 'messages': 'goes-backwards' is a required property"):
        load_rule(path)
    # The other case of the same kind asks for none of these templates.
    path.write_text(path.read_text(encoding="utf-8").replace("case: operative", "case: sub-items"), encoding="utf-8")
    assert load_rule(path).options == {"case": "sub-items"}


def test_template_lookup_names_rule_and_key():
    rule = next(r for r in load_rules() if r.kind == "bracket-balance")
    assert rule.phrase("not-closed", closer="）") == "not closed in this paragraph; add “）”"
    with pytest.raises(LookupError, match=rf"rule {rule.id} .* no message template 'nonesuch'"):
        rule.phrase("nonesuch")
