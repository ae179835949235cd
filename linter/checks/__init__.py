"""Checkers: one function per rule kind, each turning a Document and a Rule into findings."""

from __future__ import annotations

from linter.checks.pattern import check_pattern, check_substitution

CHECKERS = {
    "pattern": check_pattern,
    "substitution": check_substitution,
}
