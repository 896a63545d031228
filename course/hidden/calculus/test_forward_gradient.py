"""Hidden tests for `forward_gradient(grad, directions)`: the forward-gradient estimate averaged
over k random directions,

    (1/k) sum_j (grad . v_j) v_j,    v_j = directions[j] (the rows of a (k, n) array),

for a gradient `grad` of length n. Each term needs only a directional derivative, which
forward-mode differentiation gives without backpropagation; for v ~ N(0, I) each term is
unbiased, with per-entry variance ||grad||^2 + grad_i^2.
"""

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
NAMES = ("grad", "directions")


def reference(grad, directions):
    return (directions @ grad) @ directions / len(directions)


def vec(*values):
    return np.array(values, dtype=float)


def mat(*rows):
    return np.array(rows, dtype=float)


FIXED = [
    (vec(3.0, 4.0), mat([1.0, 0.0])),  # one direction: (g . e1) e1 = [3, 0]
    (vec(3.0, 4.0), mat([1.0, 0.0], [0.0, 1.0])),  # the average of [3, 0] and [0, 4]
    (vec(1.0, -2.0, 0.5), mat([1.0, 1.0, 1.0], [0.0, 2.0, -1.0])),
    (vec(2.0, 1.0), mat([1.0, 1.0], [1.0, -1.0], [2.0, 0.0])),
]


@st.composite
def problems(draw):
    n = draw(st.integers(1, 5))
    k = draw(st.integers(1, 6))
    grad = draw(hnp.arrays(np.float64, (n,), elements=st.floats(-5.0, 5.0)))
    directions = draw(hnp.arrays(np.float64, (k, n), elements=st.floats(-3.0, 3.0)))
    return grad, directions


@pytest.mark.points(3)
def test_fixed_directions(student):
    """With the directions e1 and e2 the estimate is ([3, 0] + [0, 4]) / 2 = [1.5, 2]."""
    check_calls(student.forward_gradient, reference, FIXED, names=NAMES)


@pytest.mark.points(2)
@seed(SEED)
@given(problem=problems())
def test_random_directions(student, problem):
    grad, directions = problem
    assert_close(student.forward_gradient(grad, directions), reference(grad, directions),
                 atol=1e-8, inputs=dict(zip(NAMES, problem, strict=True)))


@pytest.mark.points(1)
def test_unbiased_over_many_gaussian_directions(student):
    """Averaged over 40000 directions v ~ N(0, I) (seed 0) the estimate is close to the
    gradient itself: E[v v^T] = I, so E[(g . v) v] = g. Its standard error per entry is
    sqrt((||g||^2 + g_i^2) / k), about 0.014 here."""
    grad = vec(1.0, -2.0, 0.5)
    directions = np.random.default_rng(0).standard_normal((40_000, 3))
    got = student.forward_gradient(grad, directions)
    assert_close(got, reference(grad, directions), inputs={"grad": grad, "directions": "40000 x 3"})
    assert_close(got, grad, atol=0.06, rtol=0.0, inputs={"grad": grad},
                 what="the average over 40000 Gaussian directions (compared with grad)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    grad, directions = FIXED[2]
    _, after = student.forward_gradient.call_and_return_args(grad.copy(), directions.copy())
    for name, before, now in zip(NAMES, (grad, directions), after, strict=True):
        assert np.array_equal(now, before), (
            f"forward_gradient changed {name}: {format_value(before)} before the call, "
            f"{format_value(now)} after it. Build new arrays instead of assigning into the "
            "arguments."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def scales_directions_in_place(grad, directions):
    """Don't assign into the arguments; compute new arrays."""
    directions *= (directions @ grad)[:, None]
    return directions.mean(axis=0)


@mistake
def sums_over_directions(grad, directions):
    """Average over the k directions (divide by k = len(directions)); a sum grows with k."""
    return (directions @ grad) @ directions


@mistake
def directional_derivatives_only(grad, directions):
    """Each term is a vector: the directional derivative g . v times the direction v. (g . v)
    alone is a number.
    """
    return np.mean(directions @ grad)


@mistake
def elementwise_product(grad, directions):
    """g . v is a dot product (one number, np.dot or @), not the elementwise product g * v: the
    estimate is (g . v) v.
    """
    return np.mean((directions * grad) * directions, axis=0)


@mistake
def unit_directions(grad, directions):
    """Use the directions as given: normalising them to unit length scales E[v v^T] from I to I
    / n, and the estimate is no longer unbiased.
    """
    v = directions / np.linalg.norm(directions, axis=1, keepdims=True)
    return (v @ grad) @ v / len(v)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_over_directions(grad, directions):
    total = np.zeros_like(grad)
    for v in directions:
        total = total + np.dot(grad, v) * v
    return total / len(directions)


@alternative
def outer_products(grad, directions):
    k = directions.shape[0]
    return sum(np.outer(v, v) for v in directions) @ grad / k


@alternative
def einsum_mean(grad, directions):
    return np.einsum("kj,j,ki->i", directions, grad, directions) / directions.shape[0]
