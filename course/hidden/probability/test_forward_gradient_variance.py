"""Hidden tests for `forward_gradient_variance(grad)`: the per-entry variance of the forward
gradient estimate g_hat = (grad . v) v with v ~ N(0, I), which is ||grad||^2 + grad_i^2.

grad is a 1-D float array; the answer is an array of the same shape.
"""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(grad):
    return np.sum(grad**2) + grad**2


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    vec(1.0),
    vec(1.0, 0.0),
    vec(3.0, 4.0),
    vec(1.0, -2.0, 2.0),
    vec(0.5, 0.5, 0.5, 0.5),
]
EDGE = [
    vec(0.0, 0.0, 0.0),
    vec(1e3, -1e3),
    np.ones(100),
]


@pytest.mark.points(3)
def test_fixed_gradients(student):
    """Var[(g . v) v_i] = E[(g . v)^2 v_i^2] - g_i^2 = (||g||^2 + 2 g_i^2) - g_i^2."""
    check_calls(student.forward_gradient_variance, reference, [(g,) for g in FIXED],
                names=("grad",))


@pytest.mark.points(1)
def test_zero_large_and_long_gradients(student):
    check_calls(student.forward_gradient_variance, reference, [(g,) for g in EDGE],
                names=("grad",))


@pytest.mark.points(2)
@seed(SEED)
@given(grad=vectors((1, 12)))
def test_matches_reference_on_random_gradients(student, grad):
    assert_close(student.forward_gradient_variance(grad), reference(grad),
                 inputs={"grad": grad})


@pytest.mark.points(1)
def test_agrees_with_a_simulation(student):
    """A Monte Carlo estimate of the variance (fixed seed, 200000 directions) agrees."""
    grad = vec(1.0, -2.0, 0.5)
    rng = np.random.default_rng(0)
    v = rng.standard_normal((200_000, grad.size))
    estimates = (v @ grad)[:, None] * v
    simulated = estimates.var(axis=0)
    assert_close(student.forward_gradient_variance(grad), simulated, rtol=0.03,
                 inputs={"grad": grad}, what="forward_gradient_variance (vs a simulation)")


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    grad = vec(3.0, 4.0)
    _, (after,) = student.forward_gradient_variance.call_and_return_args(grad.copy())
    assert np.array_equal(after, grad), (
        f"forward_gradient_variance(grad) changed grad: {format_value(grad)} before the call, "
        f"{format_value(after)} after it."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def second_moment_not_variance(grad):
    """Var[X] = E[X^2] - (E[X])^2: E[(g . v)^2 v_i^2] = ||g||^2 + 2 g_i^2, and the estimate is
    unbiased (E = g_i), so subtract g_i^2.
    """
    return np.sum(grad**2) + 2 * grad**2


@mistake
def own_entry_only(grad):
    """Every entry of the estimate picks up noise from the *whole* gradient through g . v: the
    variance is ||g||^2 + g_i^2, not g_i^2 alone.
    """
    return grad**2


@mistake
def squared_norm_only(grad):
    """Close: E[(g . v)^2 v_i^2] = ||g||^2 + 2 g_i^2 (v_i appears in g . v too), so the variance
    is ||g||^2 + g_i^2.
    """
    return np.full(grad.shape, np.sum(grad**2))


@mistake
def standard_deviation(grad):
    """The variance, not the standard deviation: no square root."""
    return np.sqrt(np.sum(grad**2) + grad**2)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def dot_plus_square(grad):
    return np.dot(grad, grad) + np.square(grad)


@alternative
def loop_over_entries(grad):
    norm2 = sum(g * g for g in grad)
    return np.array([norm2 + g * g for g in grad])


@alternative
def diagonal_of_the_covariance(grad):
    # Cov[(g . v) v] = ||g||^2 I + g g^T for v ~ N(0, I).
    cov = np.linalg.norm(grad) ** 2 * np.eye(len(grad)) + np.outer(grad, grad)
    return np.diag(cov).copy()
