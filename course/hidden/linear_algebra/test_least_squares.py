"""Hidden tests for `least_squares(X, y)`: the w (shape (n,)) minimising ||X w - y||^2 for X
of full column rank (shape (m, n), m >= n) and y of shape (m,).

The inputs are well conditioned, so every correct method passes: np.linalg.lstsq, pinv, QR,
or the normal equations X^T X w = X^T y solved with np.linalg.solve (or even inv).
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import GradingFailure, assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.strategies import matrices, vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
RTOL, ATOL = 1e-6, 1e-8


def reference(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]


def mat(rows):
    return np.array(rows, dtype=float)


def vec(*values):
    return np.array(values, dtype=float)


# Overdetermined problems and one square one (an exact solve). The first case has no column
# of ones, so that a wrong answer that adds one still returns something there (a mistake is
# only named from calls that returned).
FIXED = [
    (mat([[2, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1], [3, 0, 1]]), vec(1, -2, 0.5, 3, 2)),
    (mat([[1, 0], [1, 1], [1, 2]]), vec(1, 2, 2)),
    (mat([[1, 0], [1, 1], [1, 2], [1, 3]]), vec(6, 5, 7, 10)),
    (mat([[2, 1], [1, 3]]), vec(3, 5)),
    (mat([[1], [2], [3]]), vec(1, 1, 1)),
]
# y in the column space: the fit is exact and recovers the w that made y. Then 1 x 1.
EXACT = [
    (mat([[1, 0], [1, 1], [1, 2]]), mat([[1, 0], [1, 1], [1, 2]]) @ vec(2, -1)),
    (mat([[3, 1], [1, 2], [0, 1], [2, 2]]), mat([[3, 1], [1, 2], [0, 1], [2, 2]]) @ vec(0.5, 4)),
    (mat([[2]]), vec(3)),
    (mat([[1], [1]]), vec(0, 2)),
]
# Large and small numbers: w scales with y / X.
LARGE = [
    (1e3 * FIXED[1][0], 1e6 * FIXED[1][1]),
    (FIXED[2][0], 1e8 * FIXED[2][1]),
    (1e-3 * FIXED[0][0], FIXED[0][1]),
]


@st.composite
def problems(draw):
    X = draw(matrices((1, 8), (1, 4), full_column_rank=True))
    y = draw(vectors(X.shape[0]))
    return X, y


def close_to(got, expected, **options):
    """assert_close with an absolute tolerance that scales with the size of the answer."""
    assert_close(got, expected, rtol=RTOL, atol=ATOL * max(1.0, np.abs(expected).max()),
                 **options)


def assert_all_close(student, cases):
    check_calls(student.least_squares, reference, cases, names=("X", "y"), compare=close_to)


def as_array(got, shape, inputs, what="the result"):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


@pytest.mark.points(3)
def test_fixed_problems(student):
    """Fitting a line y = w0 + w1 t to the points (0, 1), (1, 2), (2, 2) gives w = [7/6, 1/2]."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_exact_fits_and_1x1(student):
    """When y = X w exactly, least squares recovers w (the residual is 0)."""
    assert_all_close(student, EXACT)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=problems())
def test_matches_reference_on_random_problems(student, case):
    X, y = case
    close_to(student.least_squares(X, y), reference(X, y), inputs={"X": X, "y": y})


@pytest.mark.points(2)
@seed(SEED)
@given(case=problems())
def test_residual_orthogonal_to_columns(student, case):
    """At the minimum, the residual y - X w is orthogonal to every column of X:
    X^T (y - X w) = 0 (the normal equations)."""
    X, y = case
    w = as_array(student.least_squares(X, y), (X.shape[1],), {"X": X, "y": y}, "w")
    residual = y - X @ w
    scale = max(1.0, np.abs(X).max() * np.abs(y).max() * X.shape[0])
    assert_close(X.T @ residual, np.zeros(X.shape[1]), atol=1e-8 * scale,
                 inputs={"X": X, "y": y}, what="X^T (y - X w)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    X, y = FIXED[2]
    _, (x_after, y_after) = student.least_squares.call_and_return_args(X.copy(), y.copy())
    assert np.array_equal(x_after, X) and np.array_equal(y_after, y), (
        f"least_squares(X, y) changed its arguments: X = {format_value(X)} and "
        f"y = {format_value(y)} before the call, {format_value(x_after)} and "
        f"{format_value(y_after)} after it. Compute with new arrays."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def solve_as_if_square(X, y):
    """np.linalg.solve needs a square X; with more data points than unknowns there is no exact
    solution. Solve the normal equations X^T X w = X^T y, or use np.linalg.lstsq.
    """
    return np.linalg.solve(X, y)


@mistake
def whole_lstsq_tuple(X, y):
    """np.linalg.lstsq returns a tuple (w, residuals, rank, singular_values); return only its
    first element, np.linalg.lstsq(X, y, rcond=None)[0].
    """
    return np.linalg.lstsq(X, y, rcond=None)


@mistake
def forgets_the_gram_matrix(X, y):
    """X^T y is only the right-hand side of the normal equations; w solves X^T X w = X^T y:
    np.linalg.solve(X.T @ X, X.T @ y).
    """
    return X.T @ y


@mistake
def adds_a_bias_column(X, y):
    """Don't add a column of ones: X is the design matrix as given (if an intercept is wanted, X
    already has that column). w has one entry per column of X.
    """
    X1 = np.column_stack([np.ones(len(X)), X])
    return np.linalg.solve(X1.T @ X1, X1.T @ y)


@mistake
def ridge_penalty(X, y):
    """Adding lambda * I to X^T X is ridge regression, which shrinks w; plain least squares
    solves X^T X w = X^T y exactly.
    """
    return np.linalg.solve(X.T @ X + 0.1 * np.eye(X.shape[1]), X.T @ y)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def pinv(X, y):
    return np.linalg.pinv(X) @ y


@alternative
def normal_equations_with_inv(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y


@alternative
def qr_and_triangular_solve(X, y):
    from scipy.linalg import solve_triangular

    Q, R = np.linalg.qr(X)
    return solve_triangular(R, Q.T @ y)
