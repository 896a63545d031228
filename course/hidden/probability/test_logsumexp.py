"""Hidden tests for `logsumexp(xs)`: ln sum_i exp(x_i), finite for |xs| up to 1e3."""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.compare import assert_close, check_calls, format_value
from autograder.strategies import logits

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
