"""The one exception type that reaches the user: input or configuration resolint cannot use."""

from __future__ import annotations


class InputError(Exception):
    """A file or setting that cannot be used; printed as one line and exit code 2.

    `path` names what could not be used (a file, a rule file, an option) and
    `reason` says why, in words a drafter understands.
    """

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
