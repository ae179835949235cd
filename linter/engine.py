"""Load rule files, validate them against their JSON Schema, and run the enabled ones over a Document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import jsonschema

from linter.datafile import read_yaml, validator
from linter.errors import InputError
from linter.findings import Finding, Fix
from linter.structure import Document, Footnote
from rules import RULES_DIR, SCHEMA_DIR


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: str
    summary: str
    message: str
    description: dict
    options: dict = field(default_factory=dict, hash=False, compare=False)
    path: str = ""

    def finding(self, doc: Document, start: int, end: int, message: str | None = None,
                replacement: str | None = None, safe: bool = True, severity: str | None = None,
                **values) -> Finding:
        """A finding at Document.text[start:end], with an optional replacement of that span."""
        ostart, oend = doc.span(start, end)
        fix = None
        if replacement is not None:
            fix = Fix((_edit(ostart, oend, replacement),), safe=safe)
        return self.finding_at(ostart, oend, message, fix, severity, **values)

    def finding_at(self, start: int, end: int, message: str | None = None, fix: Fix | None = None,
                   severity: str | None = None, **values) -> Finding:
        """A finding at original offsets [start, end)."""
        text = message if message is not None else self.message
        if values:
            text = text.format(**values)
        return Finding(self.id, self.category, severity or self.severity, text, start, end, fix)


def _edit(start: int, end: int, replacement: str):
    from linter.findings import Edit

    return Edit(start, end, replacement)


Checker = Callable[[Document, Rule], Iterable[Finding]]


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
    from linter.checks import checkers

    if data["kind"] not in checkers():
        raise InputError(str(path), f"rule {data['id']}: field 'kind': unknown kind '{data['kind']}'")
    _validate_kind_options(path, data)
    return Rule(
        id=data["id"], name=data["name"], kind=data["kind"], category=data["category"],
        severity=data["severity"], summary=data["summary"], message=data["message"],
        description=data["description"], options=data.get("options", {}), path=str(path),
    )


def _validate_kind_options(path: Path, data: dict) -> None:
    """Options are checked here, not at run time in the middle of a batch."""
    from linter.checks import option_schemas

    options = data.get("options", {})
    schema = option_schemas().get(data["kind"])
    if schema is not None:
        error = next(iter(sorted(jsonschema.Draft202012Validator(schema).iter_errors(options), key=lambda e: list(e.path))), None)
        if error is not None:
            where = "/".join(["options", *(str(p) for p in error.absolute_path)])
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
    from re import _parser as sre_parse  # the stdlib's own parser: no second grammar to maintain

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
    rules: dict[str, Rule] = {}
    for directory in (RULES_DIR, *extra_dirs):
        if not Path(directory).is_dir():
            raise InputError(str(directory), "rules directory does not exist")
        for path in rule_files(Path(directory)):
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


def run(doc: Document, rules: list[Rule]) -> list[Finding]:
    from linter.checks import checkers

    kinds = checkers()
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(kinds[rule.kind](doc, rule))
    return sorted(findings, key=Finding.sort_key)


def iter_parts(doc: Document, scope: str) -> Iterator:
    """Parts a text rule looks at: 'body' (no footnotes), 'footnotes', or 'all'."""
    for part in doc.body_parts():
        is_note = isinstance(part, Footnote)
        if scope == "all" or (scope == "footnotes") == is_note:
            yield part
