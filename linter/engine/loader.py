"""Load rule files, validate them against their JSON Schemas, and choose the ones a run uses."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable

from linter.checks import checkers
from linter.datafile import read_yaml, validator
from linter.engine.rule import Rule
from linter.errors import InputError
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
        messages=data.get("messages", {}),
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
    """Every rule of the built-in rules directory and `extra_dirs`, validated; cached by the files' content."""
    directories = [Path(d) for d in (RULES_DIR, *extra_dirs)]
    for directory in directories:
        if not directory.is_dir():
            raise InputError(str(directory), "rules directory does not exist")
    files = [path for directory in directories for path in rule_files(directory)]
    schemas = sorted(SCHEMA_DIR.rglob("*.json"))
    kind = "rules-" + hashlib.sha256("\0".join(str(d.resolve()) for d in directories).encode()).hexdigest()[:16]
    key = content_key(kind, [*files, *schemas], extra=",".join(sorted(checkers())))
    return list(cached(kind, key, lambda: _load_rules(directories)))


def _load_rules(directories: list[Path]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for directory in directories:
        for path in rule_files(directory):
            rule = load_rule(path)
            if rule.id in rules and Path(rules[rule.id].path).parent.parent == Path(directory):
                raise InputError(str(path), f"rule {rule.id}: duplicate id (also in {rules[rule.id].path})")
            rules[rule.id] = rule  # a user's rule with a built-in id replaces the built-in
    return sorted(rules.values(), key=lambda r: r.id)


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Keep rules whose id starts with a selected prefix and with no ignored prefix."""
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
