"""A built-in rule's category is written three times (folder, id letter, `category:`); they must agree."""

from __future__ import annotations

from pathlib import Path

from linter.engine.loader import load_rules
from rules import RULES_DIR

# The one table of id letters. Structure takes T (sTructure): S is taken by session,
# and N ("numbering") would name only the first structure rules, not the category.
LETTERS = {
    "V": "verb",
    "C": "citation",
    "D": "date",
    "S": "session",
    "R": "reference",
    "P": "punctuation",
    "T": "structure",
    "B": "parity",  # Bilingual: a Chinese text against its English original (resolint parity)
}


def test_letters_cover_every_category_once():
    import json

    schema = json.loads((RULES_DIR / "schema" / "rule.schema.json").read_text(encoding="utf-8"))
    assert sorted(LETTERS.values()) == sorted(schema["properties"]["category"]["enum"])


def test_folder_id_letter_and_category_agree():
    wrong = []
    for rule in load_rules():
        folder = Path(rule.path).parent.name
        letter = rule.id[1]
        if not (folder == rule.category and LETTERS.get(letter) == rule.category):
            wrong.append((rule.id, folder, rule.category))
    assert wrong == [], "rule id letter, folder and category disagree"
