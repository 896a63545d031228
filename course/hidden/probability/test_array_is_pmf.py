"""Hidden tests for `array_is_pmf(array)`: all entries >= 0 and the sum np.isclose to 1.

The answer is a bool (Python bool or np.bool_). Inputs are 1-D float arrays.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_equal, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import pmfs

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(array):
    return bool(np.all(array >= 0) and np.isclose(np.sum(array), 1.0))


def vec(*values):
    return np.array(values, dtype=float)


# Sums exactly 1 in floating point (dyadic fractions).
SIMPLE_PMFS = [
    vec(0.5, 0.5),
    vec(1.0),
    vec(0.25, 0.25, 0.5),
    vec(0.125, 0.375, 0.25, 0.25),
]
# Non-negative, but the sum is clearly not 1. The last one is a pmf (a control).
WRONG_SUMS = [
    vec(0.5, 0.6),
    vec(0.25, 0.25),
    vec(2.0),
    vec(0.0, 0.0, 0.0),
    vec(0.5, 0.5),
]
# Sum 1, but an entry is negative (also with every entry <= 1). The last one is a pmf.
NEGATIVE_ENTRIES = [
    vec(1.5, -0.5),
    vec(0.6, -0.1, 0.5),
    vec(-0.25, 0.25, 0.5, 0.5),
    vec(0.5, 0.5),
]
# Zero entries are allowed. The last one has no zero (a control).
ZERO_ENTRIES = [
    vec(0.0, 1.0),
    vec(0.5, 0.0, 0.5),
    vec(0.0, 0.0, 1.0, 0.0),
    vec(0.25, 0.75),
]
# Sums that miss 1 by floating-point rounding only, with np.sum and with sum() alike
# (0.7 + 0.2 + 0.1 is 0.9999999999999999, twenty times 0.05 is 1.0000000000000002).
ROUNDED_SUMS = [
    vec(0.7, 0.2, 0.1),
    np.full(7, 1 / 7),
    np.full(6, 1 / 6),
    np.full(20, 0.05),
    vec(0.5, 0.5),
]
# Sums within np.isclose's default tolerance (|s - 1| <= 1e-8 + 1e-5) of 1 -> True, and
# one clearly outside it -> False. The first one is off by rounding only. The offsets are
# visible at the 6 significant digits that feedback shows.
NEAR_ONE = [
    vec(0.7, 0.2, 0.1),
    vec(0.5, 0.5 + 5e-6),
    vec(0.25, 0.75 - 4e-6),
    vec(0.3, 0.7 + 2e-6),
    vec(0.5, 0.5 + 1e-3),
]


def assert_all_equal(student, inputs):
    cases = [(array,) for array in inputs]
    check_calls(student.array_is_pmf, reference, cases, names=("array",), compare=assert_equal)


@pytest.mark.points(2)
def test_accepts_simple_pmfs(student):
    assert_all_equal(student, SIMPLE_PMFS)


@pytest.mark.points(1)
def test_rejects_sums_other_than_one(student):
    assert_all_equal(student, WRONG_SUMS)


@pytest.mark.points(1)
def test_rejects_negative_entries(student):
    """[0.6, -0.1, 0.5] sums to 1 and has no entry above 1, yet is not a pmf."""
    assert_all_equal(student, NEGATIVE_ENTRIES)


@pytest.mark.points(1)
def test_accepts_zero_entries(student):
    """A pmf may give probability 0 to some outcomes: entries must be >= 0, not > 0."""
    assert_all_equal(student, ZERO_ENTRIES)


@pytest.mark.points(1)
def test_sum_with_rounding_error(student):
    """Compare the sum with np.isclose, never with ==: 0.7 + 0.2 + 0.1 is not 1.0."""
    assert_all_equal(student, ROUNDED_SUMS)


@pytest.mark.points(1)
def test_sum_within_isclose_tolerance(student):
    """The sum counts as 1 when np.isclose(sum, 1) holds with its default tolerances."""
    assert_all_equal(student, NEAR_ONE)


@pytest.mark.points(1)
@seed(SEED)
@given(p=pmfs(min_size=1, max_size=12, allow_zeros=True))
def test_accepts_random_pmfs(student, p):
    assert_equal(student.array_is_pmf(p), True, inputs={"array": p})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    array = vec(0.5, 0.0, 0.5)
    _, (after,) = student.array_is_pmf.call_and_return_args(array.copy())
    assert np.array_equal(after, array), (
        f"array_is_pmf(array) changed its argument: {format_value(array)} before the call, "
        f"{format_value(after)} after it. Only look at the array: do not assign into it or "
        "normalise it in place."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def exact_sum_equality(array):
    """Floating-point sums are rarely exactly 1 (0.7 + 0.2 + 0.1 gives 0.9999999999999999), so
    compare the sum with np.isclose(np.sum(array), 1) instead of ==.
    """
    return bool(np.all(array >= 0) and np.sum(array) == 1)


@mistake
def tolerance_too_tight(array):
    """math.isclose uses a much tighter tolerance (1e-9 relative) than np.isclose; the task asks
    for np.isclose(np.sum(array), 1) with its default tolerances.
    """
    return all(x >= 0 for x in array) and math.isclose(sum(array), 1)


@mistake
def no_negativity_check(array):
    """A sum of 1 is not enough: [1.5, -0.5] sums to 1 but a probability can't be negative. Also
    check np.all(array >= 0).
    """
    return bool(np.isclose(np.sum(array), 1))


@mistake
def checks_upper_bound_instead(array):
    """Entries <= 1 follow from the other two conditions; what must be checked is that no entry
    is negative: [0.6, -0.1, 0.5] has every entry <= 1 and sums to 1, yet is not a pmf.
    """
    return bool(np.all(array <= 1) and np.isclose(np.sum(array), 1))


@mistake
def rejects_zero_entries(array):
    """Probabilities may be exactly 0 (an outcome that never happens): test array >= 0, not
    array > 0.
    """
    return bool(np.all(array > 0) and np.isclose(np.sum(array), 1))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_running_total(array):
    total = 0.0
    for x in array:
        if x < 0:
            return False
        total += x
    return bool(np.isclose(total, 1.0))


@alternative
def min_and_allclose(array):
    return array.min() >= 0 and np.allclose(array.sum(), 1)


@alternative
def isclose_rule_written_out(array):
    # np.isclose(a, b) is |a - b| <= atol + rtol * |b| with atol = 1e-8, rtol = 1e-5.
    no_negatives = not (array < 0).any()
    return no_negatives and abs(array.sum() - 1) <= 1e-8 + 1e-5 * 1


@alternative
def python_all_and_sum(array):
    return all(x >= 0 for x in array) and np.isclose(sum(array), 1)
