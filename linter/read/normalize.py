"""Undo extraction damage: turn a decoded draft into logical lines, markers and footnote bodies.

Every character of the normalized text keeps its origin in an OffsetMap, so
whatever a rule finds in the clean text is reported at the original
characters. The normalized text is the body's logical lines (one per
heading, header line, paragraph or footer line) joined by "\\n", then the
footnote bodies, one per line. Footnote markers are taken out of the text
and kept as `Marker`s with the place they stood. One reader per kind of
text does the work: pdf_text, markdown_text (also .docx), plain_text.
"""

from __future__ import annotations

from linter.read.line_shapes import DIRECTIVE_LINE
from linter.read.logical_lines import Normalized
from linter.read.markdown_text import MarkdownReader
from linter.read.pdf_text import PdfReader
from linter.read.plain_text import PlainReader
from linter.read.sources import Source


def normalize(source: Source) -> Normalized:
    if source.format in ("markdown", "docx"):
        return MarkdownReader(source.text, line_per_paragraph=source.format == "docx").run()
    # resolint's comment lines are read as blank lines (same offsets): they are not document text.
    text = DIRECTIVE_LINE.sub(lambda m: " " * len(m.group()), source.text)
    if source.format == "pdf-text":
        return PdfReader(text).run()
    return PlainReader(text, glued_markers=True).run()
