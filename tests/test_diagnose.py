"""Feedback from failures, and naming the misconception by replaying known mistakes."""

from __future__ import annotations

import numpy as np

from autograder.grading.diagnose import (
    choose_misconception,
    failure_feedback,
    reproducing_mistakes,
)
from autograder.grading.proxy import Call
from autograder.grading.run import MissingFunction
from autograder.suite.compare import GradingFailure
from autograder.suite.mistakes import Mistake


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


def test_every_mistake_reproducing_every_call_is_a_candidate():
    calls = [Call("double", (np.array([1.0]),), {}, value=np.array([3.0])),
             Call("double", (np.array([0.0]),), {}, value=np.array([2.0]))]
    squares = _mistake("squares", lambda x: x**2)
    adds = _mistake("adds_two", lambda x: x + 2)
    adds_again = _mistake("adds_two_again", lambda x: 2 + x)
    assert reproducing_mistakes("double", calls, [squares, adds, adds_again]) == [
        adds, adds_again]


def test_the_mistake_reproducing_most_failed_tests_is_named():
    a, b, c = (_mistake(name, lambda x: x) for name in ("b_second", "a_first", "c_third"))
    assert choose_misconception([[a, b], [a], [c, a]]) is a
    assert choose_misconception([[c], [a, b]]) is b  # one test each: the first by name
    assert choose_misconception([[c, a, b]]) is choose_misconception([[b, a, c]]) is b
    assert choose_misconception([[], []]) is None


def test_no_mistake_when_one_call_disagrees():
    calls = [Call("double", (np.array([1.0]),), {}, value=np.array([3.0])),
             Call("double", (np.array([5.0]),), {}, value=np.array([0.0]))]
    assert reproducing_mistakes("double", calls, [_mistake("adds", lambda x: x + 2)]) == []


def test_calls_to_other_functions_and_errors_alone_name_nothing():
    errors = [Call("double", (1.0,), {}, error="double raised ZeroDivisionError")]
    other = [Call("square", (1.0,), {}, value=3.0)]
    raising = _mistake("divides_by_zero", lambda x: 1 / 0)
    assert reproducing_mistakes("double", errors, [raising]) == []
    assert reproducing_mistakes("double", other, [_mistake("adds", lambda x: x + 2)]) == []


def test_a_hanging_mistake_is_abandoned():
    import time

    calls = [Call("double", (1.0,), {}, value=3.0)]

    def sleeps(x):
        time.sleep(10)

    started = time.monotonic()
    assert reproducing_mistakes("double", calls, [_mistake("sleeps", sleeps)]) == []
    assert time.monotonic() - started < 5


def test_a_group_of_failures_gives_the_first_message():
    group = ExceptionGroup("two bugs", [GradingFailure("For x = 1: expected 2"),
                                        ValueError("other")])
    assert failure_feedback(group) == "For x = 1: expected 2"


def test_a_tie_goes_to_the_mistake_that_agrees_where_the_student_was_right():
    # Both reproduce the failed test; only `float_count` also returns what the student did on
    # the input of a test the student passed (where `divides` raises).
    def divides(a, b):
        return a + b, 1 / (a + b)

    def float_count(a, b):
        return (float(a + b), 0.0) if a + b == 0 else (float(a + b), 1 / (a + b))

    d, f = _mistake("divides", divides), _mistake("float_count", float_count)
    passed = [Call("double", (0, 0), {}, value=(0.0, 0.0)), Call("double", (1, 1), {},
                                                                 value=(2.0, 0.5))]
    assert choose_misconception([[d, f]]) is d  # no passed calls: the first by name
    assert choose_misconception([[d, f]], passed) is f
    assert choose_misconception([[d], [d, f]], passed) is d  # more failed tests comes first
