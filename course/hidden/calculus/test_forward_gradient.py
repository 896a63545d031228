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

from autograder.compare import assert_close, check_calls, format_value

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
