"""LineIndex: every offset's line and column, as counted one character at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.read.offsets import LineIndex


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet="ab\n\r大会，", max_size=40))
def test_line_and_column_of_every_offset(text):
    index = LineIndex(text)
    line, column = 1, 1
    for offset in range(len(text) + 1):
        assert index.line_col(offset) == (line, column)
        if offset < len(text):
            line, column = (line + 1, 1) if text[offset] == "\n" else (line, column + 1)
    assert index.line_count() == text.count("\n") + 1
    assert all(index.line_start(n) == sum(len(x) + 1 for x in text.split("\n")[: n - 1]) for n in range(1, line + 1))
