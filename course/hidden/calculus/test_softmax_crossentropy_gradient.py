"""Hidden tests for `softmax_crossentropy_gradient(logits, p)`: the gradient in the logits of
the cross-entropy H(p, softmax(logits)) = logsumexp(logits) - sum_i p_i logits_i, which is
softmax(logits) - p (for a one-hot label p: softmax minus one-hot).

p is a pmf (zeros allowed); the logits may be as large as +-1000 (mixed signs included), where
the answer must still be finite and right.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import logits, pmfs

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def reference(logits, p):
    return softmax(logits) - p


def loss(z, p):
    m = np.max(z)
    return m + np.log(np.sum(np.exp(z - m))) - np.sum(p * z)


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    (vec(0.0, 0.0), vec(1.0, 0.0)),
    (vec(1.0, 2.0, 3.0), vec(0.0, 0.0, 1.0)),
    (vec(0.0, np.log(3.0)), vec(0.5, 0.5)),
    (vec(2.0, -1.0, 0.5, 0.0), vec(0.1, 0.2, 0.3, 0.4)),
    (vec(4.0), vec(1.0)),
]
LARGE = [
    (vec(1000.0, 1000.0), vec(0.0, 1.0)),
    (vec(-1000.0, 1000.0), vec(1.0, 0.0)),
    (vec(1000.0, -1000.0, 0.0), vec(0.0, 0.0, 1.0)),
    (vec(-1000.0, -999.0), vec(0.5, 0.5)),
]


@st.composite
def problems(draw):
    z = draw(logits(min_size=1, max_size=8, magnitude=1e3))
    p = draw(pmfs(min_size=len(z), max_size=len(z), allow_zeros=True))
    return z, p


@pytest.mark.points(3)
def test_fixed_logits(student):
    """For equal logits and the label [1, 0]: [1/2, 1/2] - [1, 0] = [-1/2, 1/2]."""
    check_calls(student.softmax_crossentropy_gradient, reference, FIXED, names=("logits", "p"))


@pytest.mark.points(2)
def test_large_logits(student):
    """softmax([-1000, 1000]) = [0, 1]: exp(1000) overflows unless the maximum is
    subtracted first."""
    check_calls(student.softmax_crossentropy_gradient, reference, LARGE, names=("logits", "p"))


@pytest.mark.points(2)
@seed(SEED)
@given(problem=problems())
def test_random_logits_and_targets(student, problem):
    z, p = problem
    assert_close(student.softmax_crossentropy_gradient(z, p), reference(z, p),
                 inputs={"logits": z, "p": p})


@pytest.mark.points(1)
def test_matches_finite_differences_and_sums_to_zero(student):
    """Each entry is the slope of the loss along that logit; the entries sum to 1 - 1 = 0."""
    z, p = vec(0.5, -1.0, 2.0), vec(0.2, 0.0, 0.8)
    got = student.softmax_crossentropy_gradient(z, p)
    h = 1e-6
    slopes = np.array([(loss(z + h * e, p) - loss(z - h * e, p)) / (2 * h) for e in np.eye(3)])
    assert_close(got, slopes, rtol=1e-5, atol=1e-8, inputs={"logits": z, "p": p},
                 what="softmax_crossentropy_gradient (vs central differences of the loss)")
    assert_close(np.sum(got), 0.0, atol=1e-9, inputs={"logits": z, "p": p},
                 what="the sum of the gradient's entries")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    z, p = vec(1000.0, -2.0, 0.5), vec(0.0, 1.0, 0.0)
    _, after = student.softmax_crossentropy_gradient.call_and_return_args(z.copy(), p.copy())
    for name, before, now in zip(("logits", "p"), (z, p), after, strict=True):
        assert np.array_equal(now, before), (
            f"softmax_crossentropy_gradient changed {name}: {format_value(before)} before the "
            f"call, {format_value(now)} after it. Build new arrays (shifted = logits - "
            "np.max(logits)) instead of assigning into the arguments."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def shifts_logits_in_place(logits, p):
    """`logits -= np.max(logits)` changes the caller's array; write `shifted = logits -
    np.max(logits)`.
    """
    logits -= np.max(logits)
    e = np.exp(logits)
    return e / e.sum() - p


@mistake
def target_minus_prediction(logits, p):
    """The gradient is softmax(logits) - p (prediction minus target); p - softmax(logits) points
    uphill.
    """
    e = np.exp(logits - np.max(logits))
    return p - e / e.sum()


@mistake
def softmax_without_shift(logits, p):
    """np.exp(1000) overflows to inf and inf / inf is nan: subtract np.max(logits) before
    exponentiating (softmax does not change).
    """
    e = np.exp(logits)
    return e / e.sum() - p


@mistake
def softmax_only(logits, p):
    """The gradient of the cross-entropy is softmax(logits) - p: subtract the target."""
    e = np.exp(logits - np.max(logits))
    return e / e.sum()


@mistake
def log_softmax_minus_target(logits, p):
    """The gradient of logsumexp(z) - p . z is softmax(z) - p; log-softmax minus p is a
    different thing.
    """
    shifted = logits - np.max(logits)
    return shifted - np.log(np.sum(np.exp(shifted))) - p


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_softmax(logits, p):
    from scipy.special import softmax

    return softmax(logits) - p


@alternative
def exp_of_log_softmax(logits, p):
    m = logits.max()
    log_z = m + np.log(np.exp(logits - m).sum())
    return np.exp(logits - log_z) - p


@alternative
def loop_with_math(logits, p):
    m = max(logits)
    exps = [math.exp(v - m) for v in logits]
    total = sum(exps)
    return np.array([e / total - t for e, t in zip(exps, p, strict=True)])
