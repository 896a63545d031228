"""Hidden tests for `softmax(xs)`: exp(xs) / sum(exp(xs)), finite for |xs| up to 1e3."""

import math

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import logits

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(xs):
    """Softmax with the max-shift: exp(xs - max) / sum(exp(xs - max)), same result."""
    shifted = np.exp(xs - np.max(xs))
    return shifted / np.sum(shifted)


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    vec(0.0, 0.0),
    vec(1.0, 2.0, 3.0),
    vec(0.0, np.log(2.0)),
    vec(-1.0, 0.0, 1.0, 2.0),
    vec(5.0),
    vec(0.5, 0.5, 0.5),
]
# Large logits of one sign: exp overflows (1000) or underflows (-1000) without a shift.
LARGE_SAME_SIGN = [
    vec(1000.0, 1000.0),
    vec(1000.0, 999.0, 998.0),
    vec(-1000.0, -1000.0),
    vec(-1000.0, -999.0, -1001.0),
    vec(0.0, 1.0),
]
# Large logits far apart: only the shift by the maximum keeps every exponent <= 0.
LARGE_MIXED = [
    vec(-1000.0, 1000.0),
    vec(1000.0, -1000.0, 0.0),
    vec(0.0, 800.0),
    vec(-800.0, 0.0, 1.0),
    vec(0.0, 1.0),
]


def assert_all_close(student, inputs):
    check_calls(student.softmax, reference, [(xs,) for xs in inputs], names=("xs",))


@pytest.mark.points(3)
def test_fixed_logits(student):
    """softmax([0, ln 2]) = [1/3, 2/3]; equal logits give the uniform pmf."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_large_logits_of_one_sign(student):
    """softmax([1000, 1000]) = [0.5, 0.5]: exp(1000) is inf in float64, so shift first."""
    assert_all_close(student, LARGE_SAME_SIGN)


@pytest.mark.points(2)
def test_large_logits_of_mixed_signs(student):
    """softmax([-1000, 1000]) = [0, 1]: subtract the maximum, not the minimum or the mean."""
    assert_all_close(student, LARGE_MIXED)


@pytest.mark.points(2)
@seed(SEED)
@given(xs=logits(min_size=1, max_size=12, magnitude=1e3))
def test_matches_reference_on_random_logits(student, xs):
    assert_close(student.softmax(xs), reference(xs), inputs={"xs": xs})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    xs = vec(1000.0, -1000.0, 999.5, 0.0)
    _, (after,) = student.softmax.call_and_return_args(xs.copy())
    assert np.array_equal(after, xs), (
        f"softmax(xs) changed its argument: xs = {format_value(xs)} before the call, "
        f"{format_value(after)} after it. "
        "Write `shifted = xs - np.max(xs)` (a new array), not `xs -= np.max(xs)`."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def shift_in_place(xs):
    """`xs -= np.max(xs)` subtracts in place and changes the caller's array; write `shifted = xs
    - np.max(xs)`, which makes a new array.
    """
    xs -= np.max(xs)
    exps = np.exp(xs)
    return exps / np.sum(exps)


@mistake
def naive_exp_overflows(xs):
    """np.exp(1000) overflows to inf (and np.exp(-1000) underflows to 0), so inf/inf or 0/0
    gives nan. Subtract np.max(xs) from every logit first: softmax doesn't change, and the
    largest exponential becomes exp(0) = 1.
    """
    exps = np.exp(xs)
    return exps / np.sum(exps)


@mistake
def shift_by_minimum(xs):
    """Shifting by the minimum keeps the smallest exponent at 0 but lets the largest overflow
    (exp(2000) for [-1000, 1000]). Shift by the maximum, so that every exponent is <= 0.
    """
    exps = np.exp(xs - np.min(xs))
    return exps / np.sum(exps)


@mistake
def not_normalised(xs):
    """The exponentials must be divided by their sum, so that the probabilities add up to 1:
    return exps / np.sum(exps).
    """
    return np.exp(xs - np.max(xs))


@mistake
def sigmoid_instead(xs):
    """That is the logistic sigmoid of each logit on its own; softmax couples them: exp(x_i) /
    sum_j exp(x_j), so the result sums to 1.
    """
    return 1 / (1 + np.exp(-xs))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_math_exp(xs):
    top = max(xs)
    exps = [math.exp(x - top) for x in xs]
    total = sum(exps)
    return np.array([e / total for e in exps])


@alternative
def scipy_softmax(xs):
    from scipy.special import softmax

    return softmax(xs)


@alternative
def exp_of_log_softmax(xs):
    from scipy.special import logsumexp

    return np.exp(xs - logsumexp(xs))


@alternative
def keepdims_on_the_last_axis(xs):
    exps = np.exp(xs - xs.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


@alternative
def shifted_then_extended_precision(xs):
    # np.longdouble results: an ndarray of dtype float128 on x86-64 Linux.
    exps = np.exp((xs - np.max(xs)).astype(np.longdouble))
    return exps / exps.sum()
