"""linter.indented_json writes exactly json.dumps(value, ensure_ascii=False, indent=2)."""

from __future__ import annotations

import json
from enum import IntEnum

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.indented_json import dumps

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _same(value) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(values)
def test_any_json_value_is_written_as_the_standard_library_writes_it(value):
    _same(value)


def test_the_hard_cases():
    class Level(IntEnum):
        HIGH = 2

    for value in ({}, [], (), "", {"": []}, [[[]]], {"a": {}}, "“引号”\n\t\\\"\u2028\x00\ud800", -0.0, 1e300,
                  float("nan"), float("inf"), [float("-inf")], {1: "a"}, {None: 1, True: 2, 2.5: 3}, Level.HIGH,
                  {"level": Level.HIGH}, 10**40, True, None):
        _same(value)


def test_a_check_report_is_written_the_same():
    from linter.findings import Edit, Finding, Fix
    from linter.report import FileResult, render_json

    finding = Finding("RP501", "punctuation", "error", "“,” 应为 “，”", 3, 4, Fix((Edit(3, 4, "，"),), safe=True))
    text = render_json([FileResult("d.txt", "大会，\n回顾,\n", (finding,))])
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2)
