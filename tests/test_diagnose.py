"""Feedback from failures, and naming the misconception by replaying known mistakes."""

from __future__ import annotations

import numpy as np

from autograder.compare import GradingFailure
from autograder.diagnose import failure_feedback, name_misconception
from autograder.mistakes import Mistake
from autograder.proxy import Call
from autograder.run import MissingFunction


def test_feedback_from_grading_failure_and_student_errors():
    message = "For p = [1.]: expected 0, got 1"
    assert failure_feedback(GradingFailure(message)) == message
    assert failure_feedback(MissingFunction("`f` is not defined")) == "`f` is not defined"


def test_plain_assert_and_suite_bugs_are_readable():
    assert failure_feedback(AssertionError("assert 1 == 2\n +  where ...")) == (
        "A check failed: assert 1 == 2")
    assert failure_feedback(AssertionError()) == "A check failed."
    assert failure_feedback(KeyError("x")).startswith("The grader could not check your answer")


def test_long_feedback_is_capped():
    assert len(failure_feedback(GradingFailure("x" * 5000))) == 1500


def _mistake(name, function):
    return Mistake("double", name, f"hint for {name}", function)


def test_first_mistake_reproducing_every_call_is_named():
    calls = [Call("double", (np.array([1.0]),), {}, value=np.array([3.0])),
             Call("double", (np.array([0.0]),), {}, value=np.array([2.0]))]
    squares = _mistake("squares", lambda x: x**2)
    adds = _mistake("adds_two", lambda x: x + 2)
    adds_again = _mistake("adds_two_again", lambda x: 2 + x)
    assert name_misconception("double", calls, [squares, adds, adds_again]) is adds


def test_no_mistake_when_one_call_disagrees():
    calls = [Call("double", (np.array([1.0]),), {}, value=np.array([3.0])),
             Call("double", (np.array([5.0]),), {}, value=np.array([0.0]))]
    assert name_misconception("double", calls, [_mistake("adds", lambda x: x + 2)]) is None


def test_calls_to_other_functions_and_errors_alone_name_nothing():
    errors = [Call("double", (1.0,), {}, error="double raised ZeroDivisionError")]
    other = [Call("square", (1.0,), {}, value=3.0)]
    raising = _mistake("divides_by_zero", lambda x: 1 / 0)
    assert name_misconception("double", errors, [raising]) is None
    assert name_misconception("double", other, [_mistake("adds", lambda x: x + 2)]) is None


def test_a_hanging_mistake_is_abandoned():
    import time

    calls = [Call("double", (1.0,), {}, value=3.0)]

    def sleeps(x):
        time.sleep(10)

    started = time.monotonic()
    assert name_misconception("double", calls, [_mistake("sleeps", sleeps)]) is None
    assert time.monotonic() - started < 5


def test_a_group_of_failures_gives_the_first_message():
    group = ExceptionGroup("two bugs", [GradingFailure("For x = 1: expected 2"),
                                        ValueError("other")])
    assert failure_feedback(group) == "For x = 1: expected 2"
