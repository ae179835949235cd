"""A rule as loaded from its YAML file, the findings it makes, and its explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from linter.findings import Edit, Finding, Fix
from linter.read.structure import Document, Footnote


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: str
    summary: str
    message: str
    description: dict
    options: dict = field(default_factory=dict, hash=False, compare=False)
    path: str = ""
    messages: dict = field(default_factory=dict, hash=False, compare=False)
    replaces: str = ""  # a house rule that takes the place of the built-in rule with its id

    def template(self, key: str | None = None) -> str:
        """The rule's `message`, or its template `messages[key]` (the kind's schema makes the loader require it)."""
        if key is None:
            return self.message
        try:
            return self.messages[key]
        except KeyError:
            raise LookupError(f"rule {self.id} ({self.path}) has no message template '{key}', "
                              f"which its kind '{self.kind}' uses: require it in the kind's schema") from None

    def phrase(self, key: str, **values) -> str:
        """Template `messages[key]` filled in: a part of a message that the checker chooses (a reason, a problem)."""
        return self.template(key).format(**values)

    def finding(self, doc: Document, start: int, end: int, message_key: str | None = None,
                replacement: str | None = None, safe: bool = True, severity: str | None = None,
                values: dict | None = None, **more) -> Finding:
        """A finding at Document.text[start:end], with an optional replacement of that span.

        The message is the template `message_key` names (the rule's `message` when None) filled with
        `values` and `more` (`values` carries names the keyword arguments here take, like `replacement`).
        """
        ostart, oend = doc.span(start, end)
        fix = None
        if replacement is not None:
            fix = Fix((Edit(ostart, oend, replacement),), safe=safe)
        return self.finding_at(ostart, oend, message_key, fix, severity, values, **more)

    def finding_at(self, start: int, end: int, message_key: str | None = None, fix: Fix | None = None,
                   severity: str | None = None, values: dict | None = None, **more) -> Finding:
        """A finding at original offsets [start, end)."""
        text = self.template(message_key)
        values = {**(values or {}), **more}
        if values:
            text = text.format(**values)
        return Finding(self.id, self.category, severity or self.severity, text, start, end, fix)


Checker = Callable[[Document, Rule], Iterable[Finding]]


def iter_parts(doc: Document, scope: str) -> Iterator:
    """Parts a text rule looks at: 'body' (no footnotes), 'footnotes', or 'all'."""
    for part in doc.body_parts():
        is_note = isinstance(part, Footnote)
        if scope == "all" or (scope == "footnotes") == is_note:
            yield part


def explain_text(rule: Rule) -> str:
    """What `resolint explain` prints and the TUI shows: Ruff's sections, from the rule's description."""
    d = rule.description
    parts = [
        f"{rule.id} ({rule.name}) — {rule.category}, {rule.severity}",
        "",
        rule.summary,
        "",
        "What it does",
        f"  {d['what']}",
        "",
        "Why is this bad?",
        f"  {d['why']}",
        "",
        "Example",
        f"  {d['example']}",
        "",
        "Use instead",
        f"  {d['use_instead']}",
    ]
    if d.get("fix_safety"):
        parts += ["", "Fix safety", f"  {d['fix_safety']}"]
    if d.get("source"):
        parts += ["", "Source", f"  {d['source']}"]
    return "\n".join(parts)
