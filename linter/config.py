"""User configuration: [tool.resolint] in pyproject.toml, or .resolint.toml, found from a directory upward."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from linter.errors import InputError
from linter.findings import SEVERITIES

KEYS = {"select", "ignore", "severity", "rules-dirs", "treaties", "fail-level", "exclude"}


@dataclass(frozen=True)
class Config:
    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)
    rules_dirs: tuple[Path, ...] = ()
    treaties: tuple[Path, ...] = ()
    fail_level: str | None = None
    exclude: tuple[str, ...] = ()


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        own = directory / ".resolint.toml"
        if own.is_file():
            return own
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "resolint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
    return None


def resolve_config(explicit: str | None = None, use_files: bool = True, start: Path | None = None) -> Config:
    """The configuration a command runs with: an explicit file, the one found upward from `start`, or none."""
    if not use_files:
        return Config()
    if explicit:
        return load_config(Path(explicit))
    return load_config(find_config(start or Path.cwd()))


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read configuration: {exc}") from None
    table = data.get("tool", {}).get("resolint", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise InputError(str(path), "[tool.resolint] must be a table")
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(str(path), f"unknown setting '{sorted(unknown)[0]}' (known: {', '.join(sorted(KEYS))})")
    base = path.parent

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(str(path), f"setting '{key}' must be a list of strings")
        return tuple(value)

    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(v in SEVERITIES + ("off",) for v in severity.values()):
        raise InputError(str(path), f"setting 'severity' maps rule ids to one of {', '.join(SEVERITIES)}, off")
    fail_level = table.get("fail-level")
    if fail_level is not None and fail_level not in SEVERITIES:
        raise InputError(str(path), f"setting 'fail-level' must be one of {', '.join(SEVERITIES)}")
    return Config(
        path=str(path),
        select=strings("select"),
        ignore=strings("ignore"),
        severity={str(k).upper(): v for k, v in severity.items()},  # rule ids are case-insensitive
        rules_dirs=tuple(base / p for p in strings("rules-dirs")),
        treaties=tuple(base / p for p in strings("treaties")),
        fail_level=fail_level,
        exclude=strings("exclude"),
    )
