"""The drafter's commands and their keys: a letter beside the draft, and a key that also works while typing in it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    action: str  # an action of the App
    label: str  # in the footer
    title: str  # in the command palette
    help: str
    letter: str | None  # while the findings list or the explanation has focus
    key: str  # anywhere, including the editor, where letters are text


COMMANDS = (
    Command("next_finding", "Next", "Next finding", "Select the next finding and put the cursor on its span", "n", "f8"),
    Command("previous_finding", "Prev", "Previous finding", "Select the previous finding and put the cursor on its span", "p", "shift+f8"),
    Command("fix", "Fix", "Apply fix", "Apply the selected finding's fix (an unsafe fix asks first)", "f", "f2"),
    Command("fix_all", "Fix all", "Apply all safe fixes", "Apply every fix marked safe", "F", "f3"),
    Command("relint", "Re-lint", "Re-lint", "Lint the draft again now", "r", "f5"),
    Command("toggle_errors_only", "Errors only", "Toggle errors only", "List and mark only errors, or everything again", "e", "f9"),
    Command("save", "Save", "Save", "Write the draft to its file (temporary file and rename, same encoding)", None, "ctrl+s"),
    Command("quit", "Quit", "Quit", "Leave resolint (asks first if there are unsaved changes)", "q", "ctrl+q"),
)


def letter_bindings() -> list[Binding]:
    # "app." so the bindings of the panel and of the App name the same action and the footer shows one.
    return [Binding(c.letter, f"app.{c.action}", c.label, tooltip=c.help) for c in COMMANDS if c.letter]


def key_bindings() -> list[Binding]:
    return [Binding(c.key, f"app.{c.action}", c.label, tooltip=c.help) for c in COMMANDS]
