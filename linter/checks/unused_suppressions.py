"""The `unused-suppression` kind: a resolint comment in the draft that hides nothing (like Ruff's RUF100).

Whether a comment hides something is known only once every other rule has run, so this kind's checker finds
nothing on its own: `linter.suppressions` applies the comments after the run and asks `unused_finding` here for
each one that hid nothing. The sentences are the rule file's (`message` and `messages`).
"""

from __future__ import annotations

from typing import Iterator

from linter.engine.rule import Rule
from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document

# Why a comment (or one rule id in it) hides nothing → the rule file's template for it (None: `message`).
TEMPLATES = {
    "paragraph": None,  # `ignore RV143`: no RV143 finding in the paragraph after it
    "file": "file",  # `ignore-file RV143`: no RV143 finding in the draft
    "unknown": "unknown",  # an id of the right shape that no rule has
    "not-a-rule": "not-a-rule",  # a word where a rule id belongs
    "malformed": "malformed",  # neither `ignore` nor `ignore-file`, or no rule id at all
}


def check_nothing(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Nothing to find before the other rules' findings are known (see linter.suppressions)."""
    return iter(())


def unused_finding(rule: Rule, why: str, comment: str, token: str, start: int, end: int,
                   removal: tuple[int, int] | None) -> Finding:
    """The finding for `token` (a rule id, or the whole comment) of `comment` at [start, end); its fix deletes
    `removal` (the id, or the comment's line), which is no document text, so the fix is safe."""
    fix = Fix((Edit(removal[0], removal[1], ""),), safe=True) if removal else None
    return rule.finding_at(start, end, message_key=TEMPLATES[why], fix=fix, comment=comment, rule=token)


KINDS = {"unused-suppression": check_nothing}
