"""Hidden tests for `mse_gradient(w, X, y)`: the gradient in w of the mean squared error
L(w) = (1/n) sum_i (X_i . w - y_i)^2, which is (2/n) X^T (X w - y).

X is an (n, d) float array, w a length-d array, y a length-n array; the answer has w's shape.
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


def reference(w, X, y):
    return 2.0 / len(y) * X.T @ (X @ w - y)


def loss(w, X, y):
    return np.mean((X @ w - y) ** 2)


def vec(*values):
    return np.array(values, dtype=float)


def mat(*rows):
    return np.array(rows, dtype=float)


# (w, X, y); n != d in most, so a factor of n and one of d are told apart.
FIXED = [
    (vec(1.0), mat([1.0], [2.0], [3.0]), vec(1.0, 2.0, 4.0)),
    (vec(0.0, 0.0), mat([1.0, 0.0], [0.0, 1.0], [1.0, 1.0]), vec(1.0, 2.0, 3.0)),
    (vec(1.0, -1.0), mat([1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]), vec(0.0, 1.0, 0.0, -2.0)),
    (vec(0.5, 2.0, -1.0), mat([1.0, 0.0, 2.0], [0.0, 3.0, 1.0]), vec(1.0, 1.0)),
]
EXACT_FIT = [  # X w = y: the gradient is 0 at a perfect fit
    (vec(2.0, -1.0), mat([1.0, 1.0], [2.0, 0.0], [0.0, 3.0]), vec(1.0, 4.0, -3.0)),
]
ONE_EXAMPLE = [
    (vec(1.0, 2.0), mat([3.0, -1.0]), vec(2.0)),
    (vec(3.0), mat([2.0]), vec(1.0)),
]


@st.composite
def problems(draw):
    n = draw(st.integers(1, 8))
    d = draw(st.integers(1, 5))
    elements = st.floats(-5.0, 5.0)
    X = draw(hnp.arrays(np.float64, (n, d), elements=elements))
    w = draw(hnp.arrays(np.float64, (d,), elements=elements))
    y = draw(hnp.arrays(np.float64, (n,), elements=elements))
    return w, X, y


def assert_all_close(student, cases):
    check_calls(student.mse_gradient, reference, cases, names=("w", "X", "y"))


@pytest.mark.points(3)
def test_fixed_problems(student):
    """(2/n) X^T (X w - y): the mean (1/n) over the n examples and the 2 from the square."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_zero_at_a_perfect_fit_and_one_example(student):
    assert_all_close(student, EXACT_FIT + ONE_EXAMPLE)


@pytest.mark.points(2)
@seed(SEED)
@given(problem=problems())
def test_random_problems(student, problem):
    w, X, y = problem
    assert_close(student.mse_gradient(w, X, y), reference(w, X, y), atol=1e-8,
                 inputs={"w": w, "X": X, "y": y})


@pytest.mark.points(1)
def test_matches_a_finite_difference_of_the_loss(student):
    """Each entry is the slope of the mean squared error along that coordinate of w."""
    w, X, y = FIXED[2]
    got = student.mse_gradient(w, X, y)
    h = 1e-6
    slopes = np.array([(loss(w + h * e, X, y) - loss(w - h * e, X, y)) / (2 * h)
                       for e in np.eye(len(w))])
    assert_close(got, slopes, rtol=1e-5, atol=1e-6, inputs={"w": w, "X": X, "y": y},
                 what="mse_gradient(w, X, y) (vs central differences of the mean squared error)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    w, X, y = FIXED[2]
    _, after = student.mse_gradient.call_and_return_args(w.copy(), X.copy(), y.copy())
    for name, before, now in zip(("w", "X", "y"), (w, X, y), after, strict=True):
        assert np.array_equal(now, before), (
            f"mse_gradient(w, X, y) changed {name}: {format_value(before)} before the call, "
            f"{format_value(now)} after it. Compute new arrays (residual = X @ w - y) instead "
            "of assigning into the arguments."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def modifies_y_in_place(w, X, y):
    """Don't assign into the arguments (`y -= ...`, `w *= ...`): compute the residual as a new
    array, residual = X @ w - y.
    """
    y -= X @ w
    return -2.0 / len(y) * X.T @ y


@mistake
def missing_factor_two(w, X, y):
    """d/dr r^2 = 2r: the derivative of each squared residual brings down a factor 2, so the
    gradient is (2/n) X^T (X w - y).
    """
    return X.T @ (X @ w - y) / len(y)


@mistake
def sum_instead_of_mean(w, X, y):
    """The loss is the *mean* of the squared residuals, so its gradient has the factor 1/n (n =
    number of examples = len(y)): (2/n) X^T (X w - y).
    """
    return 2 * X.T @ (X @ w - y)


@mistake
def residual_sign_flipped(w, X, y):
    """The residual is r = X w - y (prediction minus target); with y - X w the gradient points
    the wrong way. Gradient: (2/n) X^T (X w - y).
    """
    return 2 / len(y) * X.T @ (y - X @ w)


@mistake
def divides_by_number_of_features(w, X, y):
    """n in the mean is the number of examples, len(y) (the rows of X), not the number of
    features len(w).
    """
    return 2 / len(w) * X.T @ (X @ w - y)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_over_examples(w, X, y):
    grad = np.zeros(len(w))
    for i in range(len(y)):
        grad += 2 * (X[i] @ w - y[i]) * X[i]
    return grad / len(y)


@alternative
def row_vector_times_X(w, X, y):
    residual = X @ w - y
    return 2 * residual @ X / X.shape[0]


@alternative
def einsum_and_mean(w, X, y):
    residual = np.einsum("ij,j->i", X, w) - y
    return 2 * np.mean(residual[:, None] * X, axis=0)
