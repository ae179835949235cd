"""Issue #15: the draft's soft wrapping (tui/widgets/draft_wrap.py) breaks lines exactly where Textual would."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from conftest import SEED_FILES
from linter.read.sources import read_path
from tui.long_lines import break_long_lines
from tui.widgets.draft_wrap import DraftWrap, wrap_offsets

# Wide and narrow, spaces, zero-width (combining, controls), soft hyphen, and the emoji sequences left to Textual.
ALPHABET = "大会决定，。；：（）1２ aZ  \u00a0\u0301\u0007\u00ad\u3000—“”\t\u200d\ufe0f👍🏽"
WIDTHS = (1, 2, 3, 4, 7, 40, 58, 117)  # not 0: that is no wrapping, and Textual does not call its function then


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.text(alphabet=ALPHABET, max_size=200), st.sampled_from(WIDTHS))
def test_lines_are_broken_where_textual_breaks_them(line, width):
    assert wrap_offsets(line, width, 4) == compute_wrap_offsets(line, width, 4)


@pytest.mark.parametrize("width", (2, 5, 58, 200))
def test_the_seed_drafts_are_broken_where_textual_breaks_them(width):
    for path in SEED_FILES:
        for line in read_path(str(path)).text.split("\n"):
            assert wrap_offsets(line, width, 4) == compute_wrap_offsets(line, width, 4), (path, line)


def _tables(wrapped: WrappedDocument) -> tuple:
    return (wrapped._wrap_offsets, wrapped._offset_to_line_info, wrapped._line_index_to_offsets,
            wrapped._tab_width_cache, wrapped.height)


@pytest.mark.parametrize("tabs", (False, True))
def test_a_whole_draft_is_wrapped_as_textual_wraps_it(tabs):
    rng = random.Random(15)
    text = break_long_lines("".join(rng.choice(ALPHABET.replace("\t", "")) for _ in range(30_000)).replace("，", "\n"))
    if tabs:
        text = text.replace("a", "\t", 3)
    for width in (0, 1, 2, 58):
        ours, theirs = DraftWrap(Document(text)), WrappedDocument(Document(text))
        ours.wrap(width, 4)
        theirs.wrap(width, 4)
        assert _tables(ours) == _tables(theirs)


def test_the_height_follows_edits():
    document = Document("大会，\n\n" + "决定" * 100)
    wrapped = DraftWrap(document, width=20)
    result = document.replace_range((2, 0), (2, 4), "一\n二\n")
    wrapped.wrap_range((2, 0), (2, 4), result.end_location)
    assert wrapped.height == sum(len(offsets) + 1 for offsets in wrapped._wrap_offsets)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.text(alphabet="大会\n，a", max_size=20), st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3),
                                                                     st.text(alphabet="决\nb", max_size=3)), max_size=5))
def test_the_draft_document_text_follows_every_edit(text, edits):
    """DraftDocument keeps its joined text between edits (Textual asks for it per painted line): never stale."""
    from tui.widgets.draft_wrap import DraftDocument

    mine, theirs = DraftDocument(text), Document(text)
    assert mine.text == theirs.text
    for row, column, insert in edits:
        start = (min(row, mine.line_count - 1), 0)
        end = (start[0], min(column, len(mine[start[0]])))
        mine.replace_range(start, end, insert)
        theirs.replace_range(start, end, insert)
        assert mine.text == theirs.text
