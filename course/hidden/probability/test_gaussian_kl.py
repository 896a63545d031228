"""Hidden tests for `gaussian_kl(mu1, sigma1, mu2, sigma2)`:
KL(N(mu1, sigma1^2) || N(mu2, sigma2^2)),

    KL = ln(sigma2 / sigma1) + (sigma1^2 + (mu1 - mu2)^2) / (2 sigma2^2) - 1/2

sigma1 and sigma2 are standard deviations (> 0), all four arguments floats.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
NAMES = ("mu1", "sigma1", "mu2", "sigma2")


def reference(mu1, sigma1, mu2, sigma2):
    return (math.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - 0.5)


FIXED = [
    (0.0, 1.0, 0.0, 1.0),
    (1.0, 1.0, 0.0, 1.0),
    (0.0, 1.0, 0.0, 2.0),
    (0.0, 2.0, 0.0, 1.0),
    (0.5, 0.5, -1.0, 3.0),
    (-2.0, 3.0, 1.0, 0.5),
]
# Very narrow and very wide Gaussians, far-apart means.
EXTREME = [
    (0.0, 1e-3, 0.0, 1.0),
    (0.0, 1e3, 10.0, 1e3),
    (100.0, 2.0, -100.0, 4.0),
]
MEANS = st.floats(-10, 10, allow_nan=False)
SIGMAS = st.floats(0.05, 10, allow_nan=False)


@pytest.mark.points(3)
def test_fixed_gaussians(student):
    """KL = ln(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2; zero for equal Gaussians."""
    check_calls(student.gaussian_kl, reference, FIXED, names=NAMES)


@pytest.mark.points(1)
def test_narrow_wide_and_far_apart(student):
    check_calls(student.gaussian_kl, reference, EXTREME, names=NAMES)


@pytest.mark.points(2)
@seed(SEED)
@given(mu1=MEANS, sigma1=SIGMAS, mu2=MEANS, sigma2=SIGMAS)
def test_matches_reference_on_random_gaussians(student, mu1, sigma1, mu2, sigma2):
    args = (mu1, sigma1, mu2, sigma2)
    assert_close(student.gaussian_kl(*args), reference(*args), atol=1e-8,
                 inputs=dict(zip(NAMES, args, strict=True)))


@pytest.mark.points(1)
@seed(SEED)
@given(mu1=MEANS, sigma1=SIGMAS, mu2=MEANS, sigma2=SIGMAS)
def test_gibbs_inequality_and_zero_for_equal_gaussians(student, mu1, sigma1, mu2, sigma2):
    """KL >= 0, with 0 when both Gaussians are the same."""
    same = student.gaussian_kl(mu1, sigma1, mu1, sigma1)
    assert_close(same, 0.0, atol=1e-9, inputs={"mu1": mu1, "sigma1": sigma1, "mu2": mu1,
                                               "sigma2": sigma1})
    value = student.gaussian_kl(mu1, sigma1, mu2, sigma2)
    assert np.ndim(value) == 0 and float(value) >= -1e-9, (
        f"Gibbs' inequality says KL >= 0, got {format_value(value)} for mu1 = {mu1}, "
        f"sigma1 = {sigma1}, mu2 = {mu2}, sigma2 = {sigma2}"
    )


@pytest.mark.points(1)
@seed(SEED)
@given(mu1=MEANS, sigma1=SIGMAS, mu2=MEANS, sigma2=SIGMAS)
def test_agrees_with_numerical_integration(student, mu1, sigma1, mu2, sigma2):
    """The closed form is the integral of p ln(p / q) over the real line."""
    args = (mu1, sigma1, mu2, sigma2)
    xs = np.linspace(mu1 - 12 * sigma1, mu1 + 12 * sigma1, 20001)
    log_p = -0.5 * ((xs - mu1) / sigma1) ** 2 - np.log(sigma1 * math.sqrt(2 * math.pi))
    log_q = -0.5 * ((xs - mu2) / sigma2) ** 2 - np.log(sigma2 * math.sqrt(2 * math.pi))
    # The integrand vanishes at +-12 sigma1, so a plain Riemann sum is as good as any rule.
    integral = float(np.sum(np.exp(log_p) * (log_p - log_q)) * (xs[1] - xs[0]))
    assert_close(student.gaussian_kl(*args), integral, rtol=1e-4, atol=1e-6,
                 inputs=dict(zip(NAMES, args, strict=True)),
                 what="gaussian_kl (compared with the integral of p ln(p/q))")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def swapped_gaussians(mu1, sigma1, mu2, sigma2):
    """KL(N1 || N2) is not symmetric: the log term is ln(sigma2 / sigma1) and the quadratic term
    is divided by 2 sigma2^2, the variance of the *second* Gaussian. You computed KL(N2 ||
    N1).
    """
    return np.log(sigma1 / sigma2) + (sigma2**2 + (mu1 - mu2) ** 2) / (2 * sigma1**2) - 0.5


@mistake
def missing_minus_half(mu1, sigma1, mu2, sigma2):
    """Check the constant: KL = ln(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2, which is 0
    for two equal Gaussians.
    """
    return np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)


@mistake
def sigmas_used_as_variances(mu1, sigma1, mu2, sigma2):
    """sigma1 and sigma2 are standard deviations: square them where the formula has variances,
    (s1^2 + (m1 - m2)^2) / (2 s2^2), and the log term is ln(s2 / s1).
    """
    return 0.5 * np.log(sigma2 / sigma1) + (sigma1 + (mu1 - mu2) ** 2) / (2 * sigma2) - 0.5


@mistake
def log_ratio_inverted(mu1, sigma1, mu2, sigma2):
    """The log term is ln(sigma2 / sigma1): a narrow N1 inside a wide N2 costs a lot (KL grows
    as sigma1 shrinks).
    """
    return np.log(sigma1 / sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2) - 0.5


@mistake
def missing_two_in_denominator(mu1, sigma1, mu2, sigma2):
    """The quadratic term is divided by 2 sigma2^2, twice the variance of N2."""
    return np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / sigma2**2 - 0.5


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def with_variances_and_math(mu1, sigma1, mu2, sigma2):
    var1, var2 = sigma1**2, sigma2**2
    return 0.5 * (math.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1)


@alternative
def ratio_of_standard_deviations(mu1, sigma1, mu2, sigma2):
    r = sigma1 / sigma2
    return 0.5 * (r**2 - 1) - np.log(r) + (mu1 - mu2) ** 2 / (2 * sigma2**2)


@alternative
def crossentropy_minus_entropy_of_gaussians(mu1, sigma1, mu2, sigma2):
    cross = 0.5 * np.log(2 * np.pi * sigma2**2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
    own = 0.5 * np.log(2 * np.pi * np.e * sigma1**2)
    return cross - own
