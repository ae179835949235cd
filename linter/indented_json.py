"""json.dumps(value, ensure_ascii=False, indent=2), the same text several times faster.

The standard library encodes with indentation in pure Python, a generator per
level; the reports (check --format json, batch --json) are mostly that. Here
strings go through the C encoder's own string function and the structure is
written by one recursive function. Anything but dicts with string keys, lists,
tuples, strings, numbers, booleans and None is left to the standard library,
as are floats that are not finite. tests/test_indented_json.py compares both.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring

_INDENT = "  "


class _Unusual(Exception):
    """A value this module leaves to the standard library."""


def dumps(value) -> str:
    """The text of json.dumps(value, ensure_ascii=False, indent=2)."""
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value, newline: str, out: list[str]) -> None:
    """Append `value`'s text; `newline` is a line break and the indentation of the line `value` is on."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(("{" if first else ",") + inner + encode_basestring(key) + ": ")
            first = False
            _write(item, inner, out)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        first = True
        for item in value:
            out.append(("[" if first else ",") + inner)
            first = False
            _write(item, inner, out)
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    else:
        raise _Unusual
