"""Hidden tests for `sum_squared_error(mu, data)`: sum_i (x_i - mu)^2."""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(mu, data):
    return float(np.sum((data - mu) ** 2))


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    (0.0, vec(0.0)),
    (0.0, vec(1.0, -1.0)),
    (1.5, vec(1.0, 2.0, 3.0)),
    (-2.0, vec(0.5, -0.5, 4.0, -3.0)),
    (2.0, vec(5.0)),
]
SCALE = [
    (3.0, np.linspace(-5.0, 5.0, 50)),
    (1e3, vec(999.5, 1000.5, 1002.0)),
    (-1e3, vec(1e3, -1e3)),
]


@pytest.mark.points(3)
def test_fixed_data(student):
    check_calls(student.sum_squared_error, reference, FIXED, names=("mu", "data"))


@pytest.mark.points(1)
def test_many_points_and_large_values(student):
    check_calls(student.sum_squared_error, reference, SCALE, names=("mu", "data"))


@pytest.mark.points(2)
@seed(SEED)
@given(mu=st.floats(-10, 10, allow_nan=False), data=vectors((1, 12)))
def test_matches_reference_on_random_data(student, mu, data):
    assert_close(student.sum_squared_error(mu, data), reference(mu, data),
                 inputs={"mu": mu, "data": data})


@pytest.mark.points(1)
@seed(SEED)
@given(data=vectors((2, 10)), step=st.floats(0.1, 3.0))
def test_smallest_at_the_sample_mean(student, data, step):
    """sum (x_i - mu)^2 = sum (x_i - mean)^2 + n (mu - mean)^2, smallest at mu = mean."""
    mean = float(np.mean(data))
    at_mean = float(student.sum_squared_error(mean, data))
    moved = float(student.sum_squared_error(mean + step, data))
    assert_close(moved - at_mean, len(data) * step**2, rtol=1e-6, atol=1e-7,
                 inputs={"data": data, "d": step},
                 what="sum_squared_error at mu = mean + d minus at mu = mean(data)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    data = vec(1.0, 2.0, 3.0)
    _, (_, after) = student.sum_squared_error.call_and_return_args(1.5, data.copy())
    assert np.array_equal(after, data), (
        f"sum_squared_error(mu, data) changed data: {format_value(data)} before the call, "
        f"{format_value(after)} after it. Compute with new arrays instead of assigning into "
        "the input."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def mean_squared_error(mu, data):
    """This is the *sum* of squared errors: np.sum, not np.mean (that is the MSE)."""
    return np.mean((data - mu) ** 2)


@mistake
def errors_not_squared(mu, data):
    """Square each error before adding: positive and negative errors would otherwise cancel (for
    data [1, -1] and mu = 0 the sum of errors is 0).
    """
    return np.sum(data - mu)


@mistake
def absolute_errors(mu, data):
    """Square the errors, (x_i - mu)^2, rather than taking their absolute values."""
    return np.sum(np.abs(data - mu))


@mistake
def norm_not_squared(mu, data):
    """np.linalg.norm(data - mu) is the square root of the sum of squares; the task asks for the
    sum of squares itself.
    """
    return np.linalg.norm(data - mu)


@mistake
def half_sum_of_squares(mu, data):
    """No factor 1/2 here: the 1/2 belongs to the Gaussian surprise, the sum of squared errors
    is sum (x_i - mu)^2.
    """
    return 0.5 * np.sum((data - mu) ** 2)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_over_data(mu, data):
    return sum((x - mu) ** 2 for x in data)


@alternative
def dot_of_residuals(mu, data):
    residuals = data - mu
    return residuals @ residuals


@alternative
def squared_norm(mu, data):
    return np.linalg.norm(data - mu) ** 2


@alternative
def expanded_square(mu, data):
    # (x - mu)^2 = x^2 - 2 mu x + mu^2; less stable for large data, exact enough here.
    return np.sum(data**2) - 2 * mu * np.sum(data) + len(data) * mu**2
