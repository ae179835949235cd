"""Load rule files, validate them against their JSON Schemas, and choose the ones a run uses."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable

from linter.checks import checker_files, checkers
from linter.datafile import read_yaml, validator
from linter.engine.rule import Rule
from linter.errors import InputError
from linter.findings import HOUSE_NUMBERS, ID_LETTERS
from linter.validated_cache import cached, content_key
from rules import RULES_DIR, SCHEMA_DIR


def rule_files(directory: Path) -> list[Path]:
    """Rule files under a rules directory; registries (data/) and schemas are not rules."""
    files = []
    for path in sorted(directory.rglob("*.y*ml")):
        rel = path.relative_to(directory).parts
        if rel[0] in ("data", "schema"):
            continue
        files.append(path)
    return files


def load_rule(path: Path) -> Rule:
    data = read_yaml(path, "rule file")
    if not isinstance(data, dict):
        raise InputError(str(path), "a rule file must be a mapping with id, kind, category, severity, ...")
    errors = sorted(validator(SCHEMA_DIR / "rule.schema.json").iter_errors(data), key=lambda e: (len(e.path), list(e.path)))
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        rule_id = data.get("id", "?")
        raise InputError(str(path), f"rule {rule_id}: field '{where}': {error.message}")
    if data["kind"] not in checkers():
        raise InputError(str(path), f"rule {data['id']}: field 'kind': unknown kind '{data['kind']}'")
    _validate_kind_options(path, data)
    return Rule(
        id=data["id"], name=data["name"], kind=data["kind"], category=data["category"],
        severity=data["severity"], summary=data["summary"], message=data["message"],
        description=data["description"], options=data.get("options", {}), path=str(path),
        messages=data.get("messages", {}), replaces=data.get("replaces", ""),
    )


def kind_schema_file(kind: str) -> Path:
    """The schema of what a rule of `kind` carries beyond rule.schema.json (its options, the message
    templates its checker asks for); it may not exist."""
    return SCHEMA_DIR / "kinds" / f"{kind}.schema.json"


def _validate_kind_options(path: Path, data: dict) -> None:
    """Options and message templates are checked here, not at run time in the middle of a batch."""
    options = data.get("options", {})
    schema_file = kind_schema_file(data["kind"])
    if schema_file.is_file():
        error = next(iter(sorted(validator(schema_file).iter_errors(data), key=lambda e: list(e.path))), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
            raise InputError(str(path), f"rule {data['id']}: field '{where}': {error.message}")
    for key in ("pattern", "context"):
        if key in options:
            try:
                re.compile(options[key])
            except re.error as exc:
                raise InputError(str(path), f"rule {data['id']}: field 'options/{key}': bad regex: {exc}") from None
            if nested_repeat(options[key]):
                raise InputError(
                    str(path),
                    f"rule {data['id']}: field 'options/{key}': nested unbounded repetition can take "
                    "exponential time; rewrite the pattern",
                )
    for wrong in options.get("table", {}):
        if not wrong:
            raise InputError(str(path), f"rule {data['id']}: field 'options/table': empty key")


def nested_repeat(pattern: str) -> bool:
    """Whether a regex repeats something that itself repeats without bound, like (a+)+."""
    from re import (
        _parser as sre_parse,  # the stdlib's own parser: no second grammar to maintain
    )

    unbounded = sre_parse.MAXREPEAT

    def walk(items, inside_repeat: bool) -> bool:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                lo, hi, sub = arg
                if hi == unbounded or hi > 50:
                    if inside_repeat:
                        return True
                    if walk(sub, True):
                        return True
                elif walk(sub, inside_repeat):
                    return True
            elif name == "SUBPATTERN":
                if walk(arg[-1], inside_repeat):
                    return True
            elif name == "BRANCH":
                if any(walk(branch, inside_repeat) for branch in arg[1]):
                    return True
            elif name in ("ASSERT", "ASSERT_NOT"):
                if walk(arg[1], inside_repeat):
                    return True
        return False

    return walk(sre_parse.parse(pattern), False)


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The built-in rules and the house rules of `extra_dirs` (rules-dirs, --rules-dir), sorted by id; validated
    once and cached by the files' content.

    A house rule's id is R + its category's letter + 900-999; it takes a built-in id only when it says
    `replaces: <that id>`. Two rules with one id are an error, never one silently hiding the other.
    """
    directories = [Path(d) for d in (RULES_DIR, *extra_dirs)]
    for directory in directories:
        if not directory.is_dir():
            raise InputError(str(directory), "rules directory does not exist")
    files = [path for directory in directories for path in rule_files(directory)]
    schemas = sorted(SCHEMA_DIR.rglob("*.json"))
    kind = "rules-" + hashlib.sha256("\0".join(str(d.resolve()) for d in directories).encode()).hexdigest()[:16]
    # The checkers' code stands in for the kinds they declare: an unchanged cache entry imports none of them.
    key = content_key(kind, [*files, *schemas, *checker_files()])
    return list(cached(kind, key, lambda: _load_rules(directories)))


def _load_rules(directories: list[Path]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    builtin: set[str] = set()
    replaced: set[str] = set()
    for directory in directories:
        house = directory != RULES_DIR
        for path in rule_files(directory):
            rule = load_rule(path)
            replaces = rule.replaces
            _check_id(path, rule, replaces, house, builtin)
            if rule.id in rules and (not replaces or rule.id in replaced):
                raise InputError(str(path), f"rule {rule.id}: duplicate id (also in {rules[rule.id].path})")
            if replaces:
                replaced.add(rule.id)
            elif not house:
                builtin.add(rule.id)
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def _check_id(path: Path, rule: Rule, replaces: str, house: bool, builtin: set[str]) -> None:
    """The id names the rule's category; a house rule numbers itself 900-999 or replaces a built-in by name."""
    if ID_LETTERS.get(rule.id[1]) != rule.category:
        letter = next(k for k, v in ID_LETTERS.items() if v == rule.category)
        raise InputError(str(path), f"rule {rule.id}: a {rule.category} rule's id is R{letter} and three digits")
    if replaces and (not house or replaces != rule.id or replaces not in builtin):
        raise InputError(str(path), f"rule {rule.id}: 'replaces: {replaces}' must name the built-in rule this file "
                                    "takes the place of, which is its own id (see 'resolint rules')")
    if house and not replaces:
        if rule.id in builtin:
            raise InputError(str(path), f"rule {rule.id}: a built-in rule has this id; number a house rule "
                                        f"R{rule.id[1]}900-999, or say 'replaces: {rule.id}' to replace the built-in")
        if int(rule.id[2:]) not in HOUSE_NUMBERS:
            raise InputError(str(path), f"rule {rule.id}: a house rule's id is R{rule.id[1]} and a number "
                                        "from 900 to 999 (built-in rules never use them)")


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Keep rules whose id starts with a selected prefix and with no ignored prefix (ids are case-insensitive)."""
    select = [s.upper() for s in select] if select else select
    ignore = [s.upper() for s in ignore] if ignore else ignore
    known = [r.id for r in rules]
    for option, values in (("--select", select), ("--ignore", ignore)):
        for value in values or ():
            if value != "ALL" and not any(rid.startswith(value) for rid in known):
                raise InputError(option, f"unknown rule id or prefix '{value}' (see 'resolint rules')")
    chosen = []
    for rule in rules:
        if select and "ALL" not in select and not any(rule.id.startswith(s) for s in select):
            continue
        if ignore and any(rule.id.startswith(s) for s in ignore):
            continue
        chosen.append(rule)
    return chosen
