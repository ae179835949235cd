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


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet="ab\n大", max_size=40), st.integers(min_value=1, max_value=7))
def test_the_index_built_a_block_at_a_time_is_the_same(text, block):
    """A big draft's index is built a block of text at a time: lines that straddle blocks are counted once."""
    from linter.read import physical_lines

    whole = LineIndex(text)
    saved, physical_lines.BLOCK = physical_lines.BLOCK, block
    try:
        assert list(LineIndex(text)._starts) == list(whole._starts)
        assert list(physical_lines.physical_lines(text)) == [(s, s + len(line)) for s, line in
                                                             zip(whole._starts, text.split("\n"))]
    finally:
        physical_lines.BLOCK = saved


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet="ab大", max_size=5), min_size=1, max_size=8), st.data())
def test_physical_lines_replaced_are_those_of_the_edited_text(lines, data):
    """Reparse splices the lines of an edited text (lines a..j-1 replaced) instead of splitting it all again."""
    from linter.read.physical_lines import LineTexts, physical_lines

    text = "\n".join(lines)
    a = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(a + 1, len(lines)))
    segment = data.draw(st.lists(st.text(alphabet="xy大", max_size=5), min_size=1, max_size=4))
    new = "\n".join(lines[:a] + segment + lines[j:])
    by = len(new) - len(text)
    old = physical_lines(text)
    assert list(old.replaced(a, j, segment, by)) == list(physical_lines(new))
    assert [old[k] for k in range(len(old))] == list(old) and old[1:3] == list(old)[1:3] and old[-1] == list(old)[-1]
    assert all(text[s:e] == line for (s, e), line in zip(old, lines))
    texts = LineTexts(text, old)
    assert list(texts) == lines and [texts[k] for k in range(len(lines))] == lines
    assert texts[a:j] == lines[a:j] and texts[-1] == lines[-1] and texts[j:a] == []
