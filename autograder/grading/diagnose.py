"""Turning a failed hidden test into feedback: the message, and the misconception if known.

`failure_feedback` picks the student-facing text out of whatever the test raised (never a
bare AssertionError or a pytest traceback). `reproducing_mistakes` replays the inputs of the
failed test's calls through the exercise's known mistakes (trusted code, in the grader) and
returns those that reproduce every one of the student's outcomes. `choose_misconception`
applies the naming rule over all tests of an exercise: the mistake that reproduces the most
failed tests is named; among equals, the one that agrees with the student on more calls of the
passed tests; then the first by name. (File order plays no part, so moving a mistake in its
file never changes what a student is told.)
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import hypothesis.errors

from autograder.grading.proxy import Call
from autograder.grading.run import StudentError
from autograder.suite.compare import GradingFailure, values_match
from autograder.suite.mistakes import Mistake
from autograder.suite.timebudget import run_with_budget

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


def exercise_calls(exercise: str, calls: Sequence[Call]) -> list[Call]:
    """The calls of one test that replaying mistakes looks at: the exercise's, the last few."""
    return [c for c in calls if c.name == exercise][-MAX_REPLAYED_CALLS:]


def reproducing_mistakes(
    exercise: str, calls: Sequence[Call], mistakes: Sequence[Mistake]
) -> list[Mistake]:
    """The known mistakes that reproduce every outcome of the exercise's calls in one test."""
    relevant = exercise_calls(exercise, calls)
    if not any(c.error is None for c in relevant):
        return []
    return [m for m in mistakes if all(_reproduces(m, call) for call in relevant)]


def choose_misconception(
    per_failed_test: Sequence[Sequence[Mistake]], passed_calls: Sequence[Call] = ()
) -> Mistake | None:
    """The naming rule. Of the mistakes that reproduce some failed test of an exercise:
    1. the one that reproduces the most of its failed tests;
    2. among equals, the one that also agrees with the student on the most calls of the tests
       the student passed (a mistake that would have failed where the student did not is the
       worse explanation);
    3. among equals, the first by name."""
    counts: dict[str, int] = {}
    by_name: dict[str, Mistake] = {}
    for candidates in per_failed_test:
        for known in candidates:
            counts[known.name] = counts.get(known.name, 0) + 1
            by_name[known.name] = known
    if not counts:
        return None
    most = max(counts.values())
    tied = sorted(name for name, count in counts.items() if count == most)
    if len(tied) == 1 or not passed_calls:
        return by_name[tied[0]]
    agreement = {name: sum(_reproduces(by_name[name], call) for call in passed_calls)
                 for name in tied}
    return by_name[min(tied, key=lambda name: (-agreement[name], name))]
