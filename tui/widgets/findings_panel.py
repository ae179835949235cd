"""The column beside the draft (findings list, explanation), where single letters are commands rather than text."""

from __future__ import annotations

from textual.containers import Vertical

from tui.commands import letter_bindings


class FindingsPanel(Vertical):
    BINDINGS = letter_bindings()
