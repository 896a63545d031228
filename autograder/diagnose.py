"""Turning a failed hidden test into feedback: the message, and the misconception if known.

`failure_feedback` picks the student-facing text out of whatever the test raised (never a
bare AssertionError or a pytest traceback). `name_misconception` replays the inputs of the
failed test's calls through the exercise's known mistakes (trusted code, in the grader) and
returns the first mistake that reproduces every one of the student's outcomes.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import hypothesis.errors

from autograder.compare import GradingFailure, values_match
from autograder.mistakes import Mistake
from autograder.proxy import Call
from autograder.run import StudentError
from autograder.timebudget import run_with_budget

MAX_FEEDBACK_CHARS = 1500
MISTAKE_BUDGET_SECONDS = 2.0
MAX_REPLAYED_CALLS = 40


def failure_feedback(exc: BaseException) -> str:
    """The student-facing message for an exception raised by a hidden test."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]  # several failures of one test: the first one teaches
    if isinstance(exc, (GradingFailure, StudentError)):
        text = str(exc)
    elif isinstance(exc, hypothesis.errors.Flaky):
        text = ("Your function gave different results when called again with the same input; "
                "make it depend only on its arguments.")
    elif isinstance(exc, AssertionError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        text = f"A check failed: {first}" if first else "A check failed."
    else:
        text = f"The grader could not check your answer ({type(exc).__name__}: {exc})."
    if len(text) > MAX_FEEDBACK_CHARS:
        text = text[: MAX_FEEDBACK_CHARS - 3] + "..."
    return text


def _reproduces(mistake: Mistake, call: Call) -> bool:
    args, kwargs = copy.deepcopy(call.args), copy.deepcopy(call.kwargs)
    try:
        done, expected = run_with_budget(
            MISTAKE_BUDGET_SECONDS, lambda: mistake.function(*args, **kwargs)
        )
    except Exception:
        return call.error is not None
    if not done:
        return False
    if call.error is not None:
        return False
    return values_match(call.value, expected)


def name_misconception(
    exercise: str, calls: Sequence[Call], mistakes: Sequence[Mistake]
) -> Mistake | None:
    """The first known mistake that reproduces every outcome of these calls, if any."""
    relevant = [c for c in calls if c.name == exercise][-MAX_REPLAYED_CALLS:]
    if not any(c.error is None for c in relevant):
        return None
    for mistake in mistakes:
        if all(_reproduces(mistake, call) for call in relevant):
            return mistake
    return None
