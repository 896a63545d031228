"""Hidden tests for `logsumexp(xs)`: ln sum_i exp(x_i), finite for |xs| up to 1e3."""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import logits

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(xs):
    """The log-sum-exp trick: m + ln sum exp(xs - m) with m = max(xs), same value."""
    m = np.max(xs)
    return float(m + np.log(np.sum(np.exp(xs - m))))


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    vec(0.0, 0.0),
    vec(1.0, 2.0, 3.0),
    vec(0.0, np.log(2.0), np.log(3.0)),
    vec(-1.0, 0.5, 2.0, -3.0),
    vec(5.0),
    vec(0.0),
]
# Large values of one sign: exp overflows (1000) or underflows (-1000) without a shift.
LARGE_SAME_SIGN = [
    vec(1000.0, 1000.0),
    vec(1000.0, 999.0, 998.0),
    vec(-1000.0, -1000.0),
    vec(-1000.0, -999.0, -1001.0),
    vec(1000.0),
    vec(0.0, 1.0),
]
# Large values far apart: only the shift by the maximum keeps every exponent <= 0.
LARGE_MIXED = [
    vec(-1000.0, 1000.0),
    vec(1000.0, -1000.0, 0.0),
    vec(0.0, 800.0),
    vec(-800.0, 0.0, 1.0),
    vec(0.0, 1.0),
]


def assert_all_close(student, inputs):
    check_calls(student.logsumexp, reference, [(xs,) for xs in inputs], names=("xs",))


@pytest.mark.points(2)
def test_fixed_values(student):
    """logsumexp([0, 0]) = ln 2; logsumexp([0, ln 2, ln 3]) = ln 6; one value gives itself."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_large_values_of_one_sign(student):
    """logsumexp([1000, 1000]) = 1000 + ln 2: exp(1000) is inf in float64, so shift first."""
    assert_all_close(student, LARGE_SAME_SIGN)


@pytest.mark.points(2)
def test_large_values_of_mixed_signs(student):
    """logsumexp([-1000, 1000]) = 1000 (to float precision): shift by the maximum."""
    assert_all_close(student, LARGE_MIXED)


@pytest.mark.points(2)
@seed(SEED)
@given(xs=logits(min_size=1, max_size=12, magnitude=1e3))
def test_matches_reference_on_random_values(student, xs):
    assert_close(student.logsumexp(xs), reference(xs), inputs={"xs": xs})


@pytest.mark.points(1)
@seed(SEED)
@given(xs=logits(min_size=1, max_size=8, magnitude=1e2),
       c=st.floats(-500.0, 500.0, allow_nan=False, allow_subnormal=False))
def test_shift_adds_the_constant(student, xs, c):
    """logsumexp(xs + c) = logsumexp(xs) + c, and max(xs) <= logsumexp(xs) <= max + ln n."""
    base, shifted = student.logsumexp(xs), student.logsumexp(xs + c)
    assert np.ndim(base) == 0 and not isinstance(base, bool | np.bool_), (
        f"logsumexp(xs) should return one number, got {format_value(base)} for "
        f"xs = {format_value(xs)}"
    )
    assert_close(shifted, float(base) + c, inputs={"xs + c": xs + c},
                 what=f"logsumexp(xs + c) with c = {c!r}, i.e. logsumexp(xs) + c,")
    top = float(np.max(xs))
    assert top - 1e-9 <= float(base) <= top + np.log(len(xs)) + 1e-9, (
        f"logsumexp(xs) must lie between max(xs) = {top:.6g} and max(xs) + ln n = "
        f"{top + np.log(len(xs)):.6g}, got {format_value(base)} for xs = {format_value(xs)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    xs = vec(1000.0, -1000.0, 999.5, 0.0)
    _, (after,) = student.logsumexp.call_and_return_args(xs.copy())
    assert np.array_equal(after, xs), (
        f"logsumexp(xs) changed its argument: xs = {format_value(xs)} before the call, "
        f"{format_value(after)} after it. "
        "Write `shifted = xs - np.max(xs)` (a new array), not `xs -= np.max(xs)`."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def logsumexp_naive_overflows(xs):
    """np.exp(1000) overflows to inf (and np.exp(-1000) underflows to 0, whose log is -inf). Use
    the log-sum-exp trick: c = np.max(xs), then c + np.log(np.sum(np.exp(xs - c))).
    """
    return np.log(np.sum(np.exp(xs)))


@mistake
def shift_not_added_back(xs):
    """Unlike softmax, logsumexp is not shift invariant: logsumexp(xs) = c + ln sum exp(xs - c).
    After shifting by c = np.max(xs), add c back to the log.
    """
    return np.log(np.sum(np.exp(xs - np.max(xs))))


@mistake
def logsumexp_mean_instead_of_sum(xs):
    """logsumexp sums the exponentials: ln sum_j exp(x_j). np.mean divides by n, which subtracts
    ln n from the answer.
    """
    c = np.max(xs)
    return c + np.log(np.mean(np.exp(xs - c)))


@mistake
def max_instead_of_logsumexp(xs):
    """max(xs) is only the leading term: logsumexp(xs) = max + ln sum exp(xs - max), and the
    second term is between 0 and ln n (ln 2 for two equal values).
    """
    return np.max(xs)


@mistake
def logsumexp_log_base_2(xs):
    """Use the natural log np.log, the inverse of np.exp; np.log2 gives the answer divided by ln
    2.
    """
    c = np.max(xs)
    return c + np.log2(np.sum(np.exp(xs - c)))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_logsumexp(xs):
    from scipy.special import logsumexp

    return logsumexp(xs)


@alternative
def loop_with_math_log(xs):
    top = max(xs)
    return top + math.log(sum(math.exp(x - top) for x in xs))


@alternative
def logaddexp_reduce(xs):
    return np.logaddexp.reduce(xs)


@alternative
def keepdims_then_squeeze(xs):
    # A 0-d array: np.squeeze of a shape-(1,) array.
    top = np.max(xs, keepdims=True)
    return np.squeeze(top + np.log(np.sum(np.exp(xs - top), keepdims=True)))


@alternative
def shifted_then_extended_precision_sum(xs):
    # An np.longdouble scalar, which is an np.floating.
    top = np.max(xs)
    return top + np.log(np.sum(np.exp(np.longdouble(xs - top))))
