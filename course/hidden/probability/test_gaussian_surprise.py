"""Hidden tests for `gaussian_surprise(mu, data)`: sum_i [0.5 ln(2 pi) + 0.5 (x_i - mu)^2].

The total surprise (negative log-likelihood, in nats) of the data under a unit-variance
Gaussian with mean `mu`; `data` is a 1-D float array, `mu` a float.
"""

import math

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
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def reference(mu, data):
    return float(np.sum(HALF_LOG_2PI + 0.5 * (data - mu) ** 2))


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    (0.0, vec(0.0)),
    (0.0, vec(1.0, -1.0)),
    (1.5, vec(1.0, 2.0, 3.0)),
    (-2.0, vec(0.5, -0.5, 4.0, -3.0)),
    (0.25, vec(0.25, 0.25, 0.25)),
]
# Many points, and far-away data: the constant is paid once per data point.
SCALE = [
    (3.0, np.linspace(-5.0, 5.0, 50)),
    (100.0, vec(101.0, 99.0, 100.5)),
    (-1e3, vec(1e3, -1e3)),
]


@pytest.mark.points(3)
def test_fixed_data(student):
    """One point at the mean costs ln(2 pi) / 2; every unit of squared distance 1/2 more."""
    check_calls(student.gaussian_surprise, reference, FIXED, names=("mu", "data"))


@pytest.mark.points(1)
def test_many_points_and_large_values(student):
    check_calls(student.gaussian_surprise, reference, SCALE, names=("mu", "data"))


@pytest.mark.points(2)
@seed(SEED)
@given(mu=st.floats(-10, 10, allow_nan=False), data=vectors((1, 12)))
def test_matches_reference_on_random_data(student, mu, data):
    assert_close(student.gaussian_surprise(mu, data), reference(mu, data),
                 inputs={"mu": mu, "data": data})


@pytest.mark.points(1)
@seed(SEED)
@given(data=vectors((2, 10)), step=st.floats(0.1, 3.0))
def test_smallest_at_the_sample_mean(student, data, step):
    """Maximum likelihood: the surprise is smallest at mu = mean(data), and moving mu away
    by d in either direction costs n d^2 / 2 more."""
    mean = float(np.mean(data))
    at_mean = student.gaussian_surprise(mean, data)
    above = student.gaussian_surprise(mean + step, data)
    below = student.gaussian_surprise(mean - step, data)
    extra = len(data) * step**2 / 2
    for side, value in (("mean + d", above), ("mean - d", below)):
        assert_close(float(value) - float(at_mean), extra, rtol=1e-6, atol=1e-7,
                     inputs={"data": data, "d": step},
                     what=f"gaussian_surprise at mu = {side} minus at mu = mean(data)")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    data = vec(1.0, 2.0, 3.0)
    _, (_, after) = student.gaussian_surprise.call_and_return_args(1.5, data.copy())
    assert np.array_equal(after, data), (
        f"gaussian_surprise(mu, data) changed data: {format_value(data)} before the call, "
        f"{format_value(after)} after it. Compute with new arrays instead of assigning into "
        "the input."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def missing_half_on_squares(mu, data):
    """The Gaussian density has exp(-(x - mu)^2 / 2), so each point's surprise has 0.5 (x -
    mu)^2, not (x - mu)^2.
    """
    return np.sum(0.5 * np.log(2 * np.pi) + (data - mu) ** 2)


@mistake
def constant_added_once(mu, data):
    """The normalising term 0.5 ln(2 pi) belongs to every data point's surprise: add it n times
    (once per point), not once for the whole data set.
    """
    return 0.5 * np.log(2 * np.pi) + np.sum(0.5 * (data - mu) ** 2)


@mistake
def no_normalising_constant(mu, data):
    """The surprise -ln p(x) includes the normaliser of the density: 0.5 ln(2 pi) per point.
    Dropping it does not move the minimum, but the value is no longer the surprise.
    """
    return np.sum(0.5 * (data - mu) ** 2)


@mistake
def log_2pi_without_half(mu, data):
    """The density's normaliser is 1 / sqrt(2 pi), so its surprise is 0.5 ln(2 pi), not ln(2
    pi).
    """
    return np.sum(np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)


@mistake
def mean_instead_of_sum_gaussian(mu, data):
    """The surprise of independent data points adds up: sum over the data, do not average."""
    return np.mean(0.5 * np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)


@mistake
def log_likelihood_not_surprise(mu, data):
    """Surprise is minus the log-density: -ln p(x) = 0.5 ln(2 pi) + 0.5 (x - mu)^2, which is
    positive. You returned the log-likelihood itself.
    """
    return np.sum(-0.5 * np.log(2 * np.pi) - 0.5 * (data - mu) ** 2)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_over_points_with_math(mu, data):
    total = 0.0
    for x in data:
        total += 0.5 * math.log(2 * math.pi) + 0.5 * (x - mu) ** 2
    return total


@alternative
def constant_once_plus_half_sse(mu, data):
    return len(data) / 2 * np.log(2 * np.pi) + 0.5 * np.sum((data - mu) ** 2)


@alternative
def scipy_norm_logpdf(mu, data):
    from scipy.stats import norm

    return -np.sum(norm.logpdf(data, loc=mu, scale=1.0))


@alternative
def reuses_sum_squared_error(mu, data):
    # Defined further down the notebook; it exists by the time this is called.
    return len(data) / 2 * np.log(2 * np.pi) + sum_squared_error(mu, data) / 2  # noqa: F821
