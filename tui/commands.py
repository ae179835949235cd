"""The drafter's commands and their keys, the one table the footer, help screen, palette, README and hints are made from.

Each command has a key that works anywhere, the editor included (F-keys and Ctrl), and most have a letter that
works beside the draft (findings list, explanation), where letters are not text.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    action: str  # an action of the App
    label: str  # in the footer
    title: str  # in the command palette and the help screen
    help: str
    letter: str | None  # while the findings list or the explanation has focus
    key: str | None  # anywhere, including the editor, where letters are text
    footer: bool = True  # shown in the footer; the help screen, the palette and the README list every command


COMMANDS = (
    Command("help", "Help", "Help", "List every key and what it does", "question_mark", "f1"),
    Command("next_finding", "Next", "Next finding", "Put the cursor on the next finding", "n", "f8"),
    Command("previous_finding", "Prev", "Previous finding", "Put the cursor on the previous finding", "p", "shift+f8",
            footer=False),
    Command("fix", "Fix", "Apply fix", "Apply the current finding's fix (an unsafe fix asks first: the same key again applies it)",
            "f", "f2"),
    Command("fix_all", "Fix all", "Apply all safe fixes", "Apply every safe fix of the findings listed", "F", "f3",
            footer=False),
    Command("undo", "Undo", "Undo", "Undo the last edit or fix", "u", "ctrl+z", footer=False),
    Command("redo", "Redo", "Redo", "Redo what was undone", "U", "ctrl+y", footer=False),
    Command("relint", "Re-lint", "Re-lint", "Lint the draft again now", "r", "f5", footer=False),
    Command("cycle_severity", "Severity", "Filter by severity",
            "List all findings, then warnings and errors, then errors only", "e", "f9"),
    Command("cycle_category", "Category", "Filter by category",
            "List all categories, then each category found in turn", "c", "f6", footer=False),
    Command("open", "Open", "Open a file", "Open another draft (or a new file, or a folder)", "o", "ctrl+o",
            footer=False),
    Command("save", "Save", "Save", "Write the draft to its file (temporary file and rename, same encoding)", None, "ctrl+s"),
    Command("quit", "Quit", "Quit", "Leave resolint (asks first if there are unsaved changes)", "q", "ctrl+q"),
)

# Keys that are not commands of the App: moving between the editor and the list. Listed with the commands.
MOVES = (
    ("escape", "Findings list", "Leave the editor for the findings list"),
    ("enter", "Edit", "From the findings list: into the editor, at the current finding if any"),
    ("tab", "Next pane", "Move between the editor, the findings list and the explanation"),
    ("ctrl+p", "Command palette", "Every command by name"),
)

_NAMES = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "tab": "Tab"}


def key_label(key: str) -> str:
    """How a key is written everywhere: F8, Shift+F8, Ctrl+S, ?, Esc."""
    if key in _NAMES:
        return _NAMES[key]
    if len(key) == 1:
        return key
    return "+".join(part.upper() if len(part) <= 3 and part[0] == "f" else part.capitalize() for part in key.split("+"))


def command(action: str) -> Command:
    return next(c for c in COMMANDS if c.action == action)


def keys_for(action: str, in_editor: bool) -> str:
    """The keys that run `action` where the drafter is: 'F2' in the editor, 'f or F2' beside it."""
    c = command(action)
    keys = [key_label(c.key)] if c.key else []
    if c.letter and not in_editor:
        keys.insert(0, key_label(c.letter))
    return " or ".join(keys)


def letter_bindings() -> list[Binding]:
    # "app." so the bindings of the panel and of the App name the same action and the footer shows one.
    return [Binding(c.letter, f"app.{c.action}", c.label, show=c.footer, key_display=key_label(c.letter),
                    tooltip=c.help) for c in COMMANDS if c.letter]


def key_bindings() -> list[Binding]:
    return [Binding(c.key, f"app.{c.action}", c.label, show=c.footer, key_display=key_label(c.key), tooltip=c.help)
            for c in COMMANDS if c.key]


def key_table() -> list[tuple[str, str, str, str]]:
    """(key, letter beside the draft, command, what it does) for every command and move: help screen and README."""
    rows = [(key_label(c.key) if c.key else "", key_label(c.letter) if c.letter else "", c.title, c.help)
            for c in COMMANDS]
    rows += [(key_label(key), "", title, what) for key, title, what in MOVES]
    return rows


def key_table_markdown() -> str:
    """The README's key table (a test keeps the README's copy equal to this)."""
    lines = ["| Key | Letter | Command | What it does |", "| --- | --- | --- | --- |"]
    lines += [f"| {key} | {letter} | {title} | {what} |" for key, letter, title, what in key_table()]
    return "\n".join(lines)
