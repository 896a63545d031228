"""Hidden tests for `softmax_crossentropy(logits, p)`: crossentropy(p, softmax(logits)).

Equal to logsumexp(logits) - p . logits; finite for logits of magnitude up to 1e3. The
target p is a pmf and may have zero entries.
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
# Logits of size 1e3 lose about 1e-13 * 1e3 to rounding in any correct order of evaluation.
ATOL = 1e-8


def reference(logits, p):
    m = np.max(logits)
    return float(m + np.log(np.sum(np.exp(logits - m))) - np.dot(p, logits))


def vec(*values):
    return np.array(values, dtype=float)


@st.composite
def pairs(draw, magnitude=1e3):
    """Logits and a target pmf (zeros allowed) of the same length."""
    n = draw(st.integers(min_value=1, max_value=10))
    xs = draw(logits(min_size=n, max_size=n, magnitude=magnitude))
    p = draw(pmfs(min_size=n, max_size=n, allow_zeros=True))
    return xs, p


FIXED = [
    (vec(0.0, 0.0), vec(0.5, 0.5)),
    (vec(0.0, np.log(2.0)), vec(0.25, 0.75)),
    (vec(1.0, 2.0, 3.0), vec(0.2, 0.3, 0.5)),
    (vec(-1.0, 0.5, 2.0), vec(0.6, 0.3, 0.1)),
]
# One-hot and zero targets, a single logit; the last pair is a control without zeros.
ONE_HOT = [
    (vec(1.0, 2.0, 3.0), vec(0.0, 0.0, 1.0)),
    (vec(2.0, -1.0), vec(0.0, 1.0)),
    (vec(4.0), vec(1.0)),
    (vec(0.5, 1.5, -0.5), vec(0.5, 0.0, 0.5)),
    (vec(0.3, -0.2), vec(0.4, 0.6)),
]
# Logits of size 1e3, also of mixed signs; the last pair is a small control.
LARGE = [
    (vec(1000.0, 1000.0), vec(0.5, 0.5)),
    (vec(-1000.0, -999.0, -1001.0), vec(0.2, 0.3, 0.5)),
    (vec(-1000.0, 1000.0), vec(1.0, 0.0)),
    (vec(-1000.0, 1000.0), vec(0.0, 1.0)),
    (vec(1000.0, -1000.0, 0.0), vec(0.25, 0.25, 0.5)),
    (vec(0.0, 1.0), vec(0.5, 0.5)),
]


def assert_all_close(student, inputs):
    check_calls(student.softmax_crossentropy, reference, inputs, names=("logits", "p"),
                atol=ATOL)


@pytest.mark.points(3)
def test_fixed_pairs(student):
    """H(p, softmax(logits)) = logsumexp(logits) - p . logits."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_one_hot_and_zero_targets(student):
    """With a one-hot target the loss is the surprise of the labelled class."""
    assert_all_close(student, ONE_HOT)


@pytest.mark.points(2)
def test_large_logits(student):
    """Finite for logits of size 1000: [-1000, 1000] with target [1, 0] costs 2000 nats."""
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs())
def test_matches_reference_on_random_pairs(student, pair):
    xs, p = pair
    assert_close(student.softmax_crossentropy(xs, p), reference(xs, p), atol=ATOL,
                 inputs={"logits": xs, "p": p})


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs(magnitude=1e2),
       c=st.floats(-500.0, 500.0, allow_nan=False, allow_subnormal=False))
def test_nonnegative_and_shift_invariant(student, pair, c):
    """The loss is >= 0, and adding c to every logit does not change it."""
    xs, p = pair
    base, shifted = student.softmax_crossentropy(xs, p), student.softmax_crossentropy(xs + c, p)
    assert np.ndim(base) == 0 and not isinstance(base, bool | np.bool_) and float(base) >= -ATOL, (
        f"the cross-entropy of a softmax is one number >= 0, got {format_value(base)} for "
        f"logits = {format_value(xs)}, p = {format_value(p)}"
    )
    assert_close(shifted, base, atol=ATOL, inputs={"logits + c": xs + c, "p": p},
                 what=f"softmax_crossentropy(logits + c, p) with c = {c!r}, which equals "
                      "softmax_crossentropy(logits, p),")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    xs, p = vec(1000.0, -1000.0, 999.5, 0.0), vec(0.5, 0.0, 0.25, 0.25)
    _, (xs_after, p_after) = student.softmax_crossentropy.call_and_return_args(
        xs.copy(), p.copy())
    for name, before, after in (("logits", xs, xs_after), ("p", p, p_after)):
        assert np.array_equal(after, before), (
            f"softmax_crossentropy(logits, p) changed its argument {name}: "
            f"{format_value(before)} before the call, {format_value(after)} after it. "
            "Compute with new arrays instead of assigning into the inputs."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def softmax_crossentropy_naive_exp(logits, p):
    """np.exp(1000) overflows to inf, so the softmax is nan. Work in logs: ln softmax(x)_i = x_i
    - logsumexp(x), with logsumexp computed after shifting by max(x).
    """
    q = np.exp(logits) / np.sum(np.exp(logits))
    return -np.sum(p * np.log(q))


@mistake
def log_of_softmax_underflows(logits, p):
    """softmax([-1000, 1000]) is exactly [0, 1] in float64, and np.log(0) = -inf, although the
    loss is finite. Don't take the log of a softmax: the loss is logsumexp(logits) - p .
    logits.
    """
    exps = np.exp(logits - np.max(logits))
    q = exps / np.sum(exps)
    return -np.sum(p * np.log(q))


@mistake
def log_softmax_shift_not_added_back(logits, p):
    """ln softmax(x)_i = x_i - logsumexp(x), and logsumexp(x) = c + ln sum exp(x - c): after
    shifting by c = max(x), add c back (or use the shifted logits in both places).
    """
    log_z = np.log(np.sum(np.exp(logits - np.max(logits))))
    return -np.sum(p * (logits - log_z))


@mistake
def softmax_crossentropy_missing_minus(logits, p):
    """ln softmax(x)_i <= 0, so sum p_i ln softmax(x)_i is <= 0; the cross-entropy is its
    negative, logsumexp(x) - p . x, which is never below 0.
    """
    c = np.max(logits)
    log_z = c + np.log(np.sum(np.exp(logits - c)))
    return np.sum(p * (logits - log_z))


@mistake
def softmax_crossentropy_swapped(logits, p):
    """In H(p, q) the target p weights the log of the model q = softmax(logits): -sum p_i ln
    softmax(logits)_i. You computed -sum softmax(logits)_i ln p_i.
    """
    exps = np.exp(logits - np.max(logits))
    q = exps / np.sum(exps)
    return -np.sum(q * np.log(p))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_logsumexp_minus_dot(logits, p):
    from scipy.special import logsumexp

    return logsumexp(logits) - p @ logits


@alternative
def scipy_log_softmax(logits, p):
    from scipy.special import log_softmax

    return -np.sum(p * log_softmax(logits))


@alternative
def loop_per_class_with_math(logits, p):
    top = max(logits)
    log_z = top + math.log(sum(math.exp(x - top) for x in logits))
    loss = 0.0
    for x, target in zip(logits, p, strict=True):
        loss += target * (log_z - x)  # -p_i ln softmax_i
    return loss


@alternative
def logaddexp_reduce_minus_dot(logits, p):
    return np.logaddexp.reduce(logits) - np.dot(p, logits)


@alternative
def reuses_logsumexp(logits, p):
    return logsumexp(logits) - np.dot(p, logits)  # noqa: F821 (the notebook's logsumexp)
