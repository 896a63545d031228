"""Hidden tests for `softmax(xs)`: exp(xs) / sum(exp(xs)), finite for |xs| up to 1e3."""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.compare import assert_close, check_calls, format_value
from autograder.strategies import logits

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
