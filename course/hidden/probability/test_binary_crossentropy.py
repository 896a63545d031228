"""Hidden tests for `binary_crossentropy(y, p_hat)`:
mean_i -[y_i ln p_hat_i + (1 - y_i) ln(1 - p_hat_i)].

The labels y may be soft (anywhere in [0, 1]); p_hat is strictly inside (0, 1).
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(y, p_hat):
    return float(-np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat)))


def vec(*values):
    return np.array(values, dtype=float)


def _floats(low, high):
    return st.floats(low, high, allow_nan=False, allow_subnormal=False)


@st.composite
def pairs(draw, hard=True, soft=True):
    """Labels (hard 0/1 and/or soft in [0, 1]) and predictions in [1e-6, 1 - 1e-6]."""
    n = draw(st.integers(min_value=1, max_value=10))
    kinds = []
    if hard:
        kinds.append(st.sampled_from([0.0, 1.0]))
    if soft:
        kinds.append(_floats(0.0, 1.0) if hard else _floats(1e-6, 1 - 1e-6))
    y = draw(hnp.arrays(np.float64, n, elements=st.one_of(*kinds)))
    p_hat = draw(hnp.arrays(np.float64, n, elements=_floats(1e-6, 1 - 1e-6)))
    return y, p_hat


FIXED = [
    (vec(1.0, 0.0), vec(0.5, 0.5)),
    (vec(1.0, 0.0, 1.0), vec(0.9, 0.2, 0.6)),
    (vec(0.0, 0.0, 1.0, 1.0), vec(0.1, 0.4, 0.7, 0.99)),
    (vec(1.0), vec(0.8)),
]
# Soft labels (label smoothing, averaged annotations); the last pair has hard labels.
SOFT = [
    (vec(0.5, 0.5), vec(0.5, 0.5)),
    (vec(0.9, 0.1, 0.3), vec(0.7, 0.2, 0.4)),
    (vec(0.25), vec(0.75)),
    (vec(0.0, 0.6, 1.0), vec(0.3, 0.6, 0.8)),
    (vec(1.0, 0.0), vec(0.6, 0.3)),
]


def assert_all_close(student, inputs):
    check_calls(student.binary_crossentropy, reference, inputs, names=("y", "p_hat"))


@pytest.mark.points(3)
def test_fixed_hard_labels(student):
    """The mean over examples of -ln p_hat (label 1) or -ln(1 - p_hat) (label 0)."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_soft_labels(student):
    """Labels may be anywhere in [0, 1]: both terms count, weighted by y and 1 - y."""
    assert_all_close(student, SOFT)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs())
def test_matches_reference_on_random_labels(student, pair):
    y, p_hat = pair
    assert_close(student.binary_crossentropy(y, p_hat), reference(y, p_hat),
                 inputs={"y": y, "p_hat": p_hat})


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs(hard=False))
def test_best_prediction_is_the_label(student, pair):
    """Gibbs' inequality per example: the loss is smallest when p_hat = y, and >= 0."""
    y, p_hat = pair
    against_p_hat = student.binary_crossentropy(y, p_hat)
    against_y = student.binary_crossentropy(y, y)
    best = reference(y, y)
    assert_close(against_y, best, inputs={"y": y, "p_hat": y})
    assert np.ndim(against_p_hat) == 0 and float(against_p_hat) >= best * (1 - 1e-6) - 1e-9, (
        f"no prediction beats p_hat = y: the loss can't be smaller than "
        f"binary_crossentropy(y, y) = {best:.6g}, got {format_value(against_p_hat)} for "
        f"y = {format_value(y)}, p_hat = {format_value(p_hat)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    y, p_hat = vec(1.0, 0.0, 0.3), vec(0.9, 0.2, 0.5)
    _, (y_after, p_after) = student.binary_crossentropy.call_and_return_args(
        y.copy(), p_hat.copy())
    for name, before, after in (("y", y, y_after), ("p_hat", p_hat, p_after)):
        assert np.array_equal(after, before), (
            f"binary_crossentropy(y, p_hat) changed its argument {name}: "
            f"{format_value(before)} before the call, {format_value(after)} after it. "
            "Compute with new arrays instead of assigning into the inputs."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def bce_sum_instead_of_mean(y, p_hat):
    """The binary cross-entropy is the mean over the examples, so that it does not grow with the
    batch: use np.mean (or divide the sum by len(y)).
    """
    return -np.sum(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))


@mistake
def bce_log_base_2(y, p_hat):
    """Use the natural log np.log (nats), not np.log2 (bits)."""
    return -np.mean(y * np.log2(p_hat) + (1 - y) * np.log2(1 - p_hat))


@mistake
def bce_missing_minus(y, p_hat):
    """ln p_hat and ln(1 - p_hat) are negative, so the bracket is negative; the loss is its
    negative: -mean[y ln p_hat + (1 - y) ln(1 - p_hat)].
    """
    return np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))


@mistake
def bce_positive_term_only(y, p_hat):
    """Both classes count: examples with label 0 (and soft labels) contribute (1 - y) ln(1 -
    p_hat), the log-probability the model gives to class 0.
    """
    return -np.mean(y * np.log(p_hat))


@mistake
def bce_swapped_arguments(y, p_hat):
    """The label y weights the log of the prediction: y ln p_hat + (1 - y) ln(1 - p_hat). You
    took the log of the labels (and ln 0 = -inf for hard labels).
    """
    return -np.mean(p_hat * np.log(y) + (1 - p_hat) * np.log(1 - y))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_math_log_mean(y, p_hat):
    total = 0.0
    for label, pred in zip(y, p_hat, strict=True):
        total += label * math.log(pred) + (1 - label) * math.log(1 - pred)
    return -total / len(y)


@alternative
def scipy_xlogy_xlog1py(y, p_hat):
    from scipy.special import xlog1py, xlogy

    return -np.mean(xlogy(y, p_hat) + xlog1py(1 - y, -p_hat))


@alternative
def log1p_and_dot_products(y, p_hat):
    return -(y @ np.log(p_hat) + (1 - y) @ np.log1p(-p_hat)) / len(y)


@alternative
def crossentropy_of_two_class_pmfs(y, p_hat):
    targets = np.stack([y, 1 - y])
    model = np.stack([p_hat, 1 - p_hat])
    return -np.sum(targets * np.log(model)) / y.size
