"""Hidden tests for `gaussian_kl_formula(mu1, sigma1, mu2, sigma2)`: the closed form of
KL(N(mu1, sigma1^2) || N(mu2, sigma2^2)) as a sympy expression in the four symbols given
(means real, standard deviations positive). Any form equal to it on that domain is right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake

DOMAIN_BOUNDS = {"mu1": (-3.0, 3.0), "sigma1": (0.2, 4.0), "mu2": (-3.0, 3.0),
                 "sigma2": (0.2, 4.0)}


def symbols(*names):
    means = [sp.Symbol(n, real=True) for n in names[0::2]]
    sigmas = [sp.Symbol(n, positive=True) for n in names[1::2]]
    return means[0], sigmas[0], means[1], sigmas[1]


def reference(mu1, sigma1, mu2, sigma2):
    return (sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - sp.Rational(1, 2))


def domain(args, names=("mu1", "sigma1", "mu2", "sigma2")):
    return {arg: DOMAIN_BOUNDS[name] for arg, name in zip(args, names, strict=True)}


def inputs(args):
    return dict(zip(("mu1", "sigma1", "mu2", "sigma2"), args, strict=True))


@pytest.mark.points(3)
def test_equivalent_to_the_closed_form(student):
    args = symbols("mu1", "sigma1", "mu2", "sigma2")
    assert_equivalent(student.gaussian_kl_formula(*args), reference(*args),
                      domain=domain(args), inputs=inputs(args))


@pytest.mark.points(1)
def test_zero_for_equal_gaussians(student):
    """Substituting mu2 = mu1 and sigma2 = sigma1 must leave 0."""
    mu1, sigma1, mu2, sigma2 = args = symbols("mu1", "sigma1", "mu2", "sigma2")
    got = student.gaussian_kl_formula(*args)
    same = got.subs({mu2: mu1, sigma2: sigma1}) if isinstance(got, sp.Basic) else got
    assert_equivalent(same, sp.Integer(0), domain=domain(args), inputs=inputs(args),
                      what="your expression with mu2 = mu1 and sigma2 = sigma1")


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    """The answer must be in the symbols passed in, whatever their names."""
    args = symbols("m_p", "s_p", "m_q", "s_q")
    names = ("m_p", "s_p", "m_q", "s_q")
    bounds = {a: DOMAIN_BOUNDS[n] for a, n in zip(args, ("mu1", "sigma1", "mu2", "sigma2"),
                                                   strict=True)}
    assert_equivalent(student.gaussian_kl_formula(*args), reference(*args), domain=bounds,
                      inputs=dict(zip(names, args, strict=True)))


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def swapped_gaussians_formula(mu1, sigma1, mu2, sigma2):
    """KL is not symmetric: the log term is ln(sigma2 / sigma1) and the quadratic term is
    divided by 2 sigma2^2. You wrote KL(N2 || N1).
    """
    return sp.log(sigma1 / sigma2) + (sigma2**2 + (mu1 - mu2) ** 2) / (2 * sigma1**2) - sp.S.Half


@mistake
def missing_minus_half_formula(mu1, sigma1, mu2, sigma2):
    """Check the constant: the divergence of a Gaussian from itself must be 0 (the -1/2)."""
    return sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)


@mistake
def log_ratio_inverted_formula(mu1, sigma1, mu2, sigma2):
    """The log term is ln(sigma2 / sigma1), not ln(sigma1 / sigma2)."""
    return sp.log(sigma1 / sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2) - sp.S.Half


@mistake
def missing_two_formula(mu1, sigma1, mu2, sigma2):
    """The quadratic term is divided by 2 sigma2^2, twice the variance of N2."""
    return sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / sigma2**2 - sp.S.Half


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def half_log_of_variance_ratio(mu1, sigma1, mu2, sigma2):
    return (sp.log(sigma2**2 / sigma1**2) / 2 + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - sp.Rational(1, 2))


@alternative
def float_halves(mu1, sigma1, mu2, sigma2):
    return (sp.log(sigma2) - sp.log(sigma1) + 0.5 * sigma1**2 / sigma2**2
            + 0.5 * (mu1 - mu2) ** 2 / sigma2**2 - 0.5)


@alternative
def symbolic_crossentropy_minus_entropy(mu1, sigma1, mu2, sigma2):
    cross = sp.log(sp.sqrt(2 * sp.pi) * sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
    own = sp.log(sp.sqrt(2 * sp.pi * sp.E) * sigma1)
    return cross - own
