"""Hidden tests for `newton_step(x, grad, hess)`: one Newton step x - H^{-1} g for a point x, the
gradient g and the invertible Hessian H there, all float arrays (x and g of length n, H of
shape (n, n)). The answer has x's shape.

A Hessian is symmetric, so every H here is (grad @ inv(hess) is then right, too); it need not
be positive definite.
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
NAMES = ("x", "grad", "hess")


def reference(x, grad, hess):
    return x - np.linalg.solve(hess, grad)


def vec(*values):
    return np.array(values, dtype=float)


def mat(*rows):
    return np.array(rows, dtype=float)


FIXED = [
    (vec(1.0, 1.0), vec(2.0, 20.0), mat([2.0, 0.0], [0.0, 20.0])),
    (vec(0.0, 0.0), vec(1.0, -1.0), mat([2.0, 1.0], [1.0, 3.0])),
    (vec(3.0), vec(6.0), mat([2.0])),
    (vec(1.0, 2.0, 3.0), vec(1.0, 0.0, -1.0), mat([4.0, 1.0, 0.0], [1.0, 3.0, 1.0],
                                                  [0.0, 1.0, 2.0])),
]
# The Hessian of (a b - 1)^2 at a = b = 1/2 is indefinite (a saddle region): Newton's step is
# still defined, and heads for the saddle point at the origin rather than downhill.
INDEFINITE = [
    (vec(0.5, 0.5), vec(-0.75, -0.75), mat([0.5, -1.0], [-1.0, 0.5])),
]


@st.composite
def problems(draw):
    n = draw(st.integers(1, 5))
    B = draw(hnp.arrays(np.float64, (n, n), elements=st.floats(-2.0, 2.0)))
    hess = B @ B.T + np.eye(n)
    x = draw(hnp.arrays(np.float64, (n,), elements=st.floats(-5.0, 5.0)))
    grad = draw(hnp.arrays(np.float64, (n,), elements=st.floats(-5.0, 5.0)))
    return x, grad, hess


@pytest.mark.points(3)
def test_fixed_steps(student):
    """With a diagonal H each coordinate is divided by its own curvature: from [1, 1] with
    g = [2, 20] and H = diag(2, 20) the step is [1, 1], landing on [0, 0]."""
    check_calls(student.newton_step, reference, FIXED, names=NAMES)


@pytest.mark.points(1)
def test_indefinite_hessian(student):
    """A Hessian need not be positive definite (here eigenvalues 1.5 and -0.5): the step
    x - H^{-1} g is still defined (np.linalg.solve works; a Cholesky factorisation does not)."""
    check_calls(student.newton_step, reference, INDEFINITE, names=NAMES)


@pytest.mark.points(2)
@seed(SEED)
@given(problem=problems())
def test_random_problems(student, problem):
    x, grad, hess = problem
    assert_close(student.newton_step(x, grad, hess), reference(x, grad, hess), rtol=1e-6,
                 atol=1e-8, inputs=dict(zip(NAMES, problem, strict=True)))


@pytest.mark.points(1)
def test_minimises_a_quadratic_in_one_step(student):
    """For f(x) = 1/2 x^T A x - b^T x, one Newton step from anywhere lands on the minimum
    A^{-1} b."""
    A, b, x = mat([3.0, 1.0], [1.0, 2.0]), vec(1.0, -1.0), vec(5.0, -7.0)
    got = student.newton_step(x, A @ x - b, A)
    assert_close(got, np.linalg.solve(A, b), inputs={"x": x, "grad": A @ x - b, "hess": A},
                 what="the point after one Newton step (the minimum of the quadratic)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    x, grad, hess = FIXED[1]
    _, after = student.newton_step.call_and_return_args(x.copy(), grad.copy(), hess.copy())
    for name, before, now in zip(NAMES, (x, grad, hess), after, strict=True):
        assert np.array_equal(now, before), (
            f"newton_step changed {name}: {format_value(before)} before the call, "
            f"{format_value(now)} after it. Return a new array (x - step), not `x -= step`."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def steps_in_place(x, grad, hess):
    """`x -= step` changes the caller's array; return x - step, a new array."""
    x -= np.linalg.solve(hess, grad)
    return x


@mistake
def multiplies_by_the_hessian(x, grad, hess):
    """Newton's step divides by the curvature: solve H d = g (np.linalg.solve(hess, grad)) and
    return x - d. Multiplying by H instead makes steep directions take the biggest steps.
    """
    return x - hess @ grad


@mistake
def steps_uphill_newton(x, grad, hess):
    """Step against the gradient: x - H^{-1} g, with a minus sign."""
    return x + np.linalg.solve(hess, grad)


@mistake
def divides_by_the_diagonal(x, grad, hess):
    """Dividing by the diagonal of H ignores the coupling between coordinates; solve the full
    system H d = g with np.linalg.solve(hess, grad).
    """
    return x - grad / np.diag(hess)


@mistake
def plain_gradient_step(x, grad, hess):
    """A Newton step scales the gradient by the inverse Hessian: x - H^{-1} g. x - g is a
    gradient step with learning rate 1.
    """
    return x - grad


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def explicit_inverse(x, grad, hess):
    return x - np.linalg.inv(hess) @ grad


@alternative
def least_squares_solve(x, grad, hess):
    step, *_ = np.linalg.lstsq(hess, grad, rcond=None)
    return x - step


@alternative
def scipy_solve(x, grad, hess):
    from scipy.linalg import solve

    return x - solve(hess, grad)
