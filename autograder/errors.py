"""The errors a user can cause, each ending in one line that says what to change.

`UsageError` (how a command was called: an unknown assignment, a missing path) and
`AuthoringError` (a course file that cannot be used: a known mistake that needs a name the
worker cannot give it, a source notebook without an exercise) are the instructor's; the CLI
prints them and exits with status 2. `LoadError` is a student's: a submission that cannot
be graded, reported in that submission's result while the batch goes on.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    """`text` with its whitespace runs (newlines included) folded to single spaces."""
    return " ".join(text.split())


class UsageError(Exception):
    """A mistake in how the command was called; one line, and the CLI exits with status 2."""


class AuthoringError(UsageError):
    """A course file that cannot be used as written; the message names the file and the fix."""


class LoadError(Exception):
    """A submission that cannot be graded; `str()` is one line meant for the student."""

    def __init__(self, reason: str) -> None:
        super().__init__(one_line(reason))
