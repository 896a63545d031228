"""Hidden tests for `gaussian_surprise(mu, data)`: sum_i [0.5 ln(2 pi) + 0.5 (x_i - mu)^2].

The total surprise (negative log-likelihood, in nats) of the data under a unit-variance
Gaussian with mean `mu`; `data` is a 1-D float array, `mu` a float.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.compare import assert_close, check_calls, format_value
from autograder.strategies import vectors

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
