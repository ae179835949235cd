"""Read a YAML data file and check it against its JSON Schema, failing with one line that names the file and field.

A file that passed is cached by content (validated_cache): an unchanged registry is not parsed or validated again.
YAML is read with libyaml's loader where PyYAML has it; jsonschema is imported only to validate.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from linter.errors import InputError
from linter.validated_cache import cached, content_key


def read_yaml(path: Path, what: str) -> object:
    """Parsed YAML; an InputError naming the line for bad YAML, and `what` the file is for an unreadable one."""
    import yaml

    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(str(path), f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read {what}: {exc}") from None


@functools.lru_cache(maxsize=64)
def validator(schema_file: Path):
    """The validator of one of our schemas. Schemas ship with the code (users give data, never schemas), so their
    own validity is a test's to check (test_rule_schemas), not every run's: against the 2020-12 metaschema it cost
    half a second of each run that found no validated data in its cache."""
    import jsonschema

    schema = json.loads(Path(schema_file).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def schema_error(data: object, schema_file: Path) -> str | None:
    """"field 'a/0/b': message" for the most telling schema violation, or None."""
    import jsonschema

    error = jsonschema.exceptions.best_match(validator(schema_file).iter_errors(data))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    return f"field '{where}': {error.message}"


def read_validated(path: Path, schema_file: Path, what: str) -> dict:
    path = Path(path)
    kind = "data-" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return cached(kind, content_key(kind, [path, Path(schema_file)]), lambda: _read_validated(path, schema_file, what))


def _read_validated(path: Path, schema_file: Path, what: str) -> dict:
    data = read_yaml(path, what)
    problem = schema_error(data, schema_file)
    if problem:
        raise InputError(str(path), problem)
    return data
