"""Hidden tests for `sigmoid_derivative(x)`: d/dx 1 / (1 + exp(-x)) as a sympy expression in
the real symbol x. Any form equal to it for real x is right: sigma(x) (1 - sigma(x)),
exp(-x) / (1 + exp(-x))^2, exp(x) / (1 + exp(x))^2, 1 / (4 cosh(x/2)^2), sp.diff(...).
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


def reference(x):
    return sp.exp(-x) / (1 + sp.exp(-x)) ** 2


def domain(x):
    return {x: (-6.0, 6.0)}


@pytest.mark.points(3)
def test_equivalent_to_the_derivative(student):
    x = sp.Symbol("x", real=True)
    assert_equivalent(student.sigmoid_derivative(x), reference(x), domain=domain(x),
                      inputs={"x": x})


@pytest.mark.points(1)
def test_one_quarter_at_zero(student):
    """sigma(0) = 1/2, so the slope there is 1/2 (1 - 1/2) = 1/4, the steepest it gets."""
    x = sp.Symbol("x", real=True)
    got = student.sigmoid_derivative(x)
    at = got.subs(x, 0) if isinstance(got, sp.Basic) else got
    assert_equivalent(at, sp.Rational(1, 4), inputs={"x": 0},
                      what="your derivative at x = 0")


@pytest.mark.points(1)
def test_uses_its_argument(student):
    """The answer must be in terms of the symbol passed in, whatever its name."""
    z = sp.Symbol("z", real=True)
    assert_equivalent(student.sigmoid_derivative(z), reference(z), domain=domain(z),
                      inputs={"x": z})


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def returns_the_sigmoid(x):
    """That is the sigmoid itself; its derivative is sigma(x) (1 - sigma(x)), which sp.diff
    finds for you: sp.diff(1 / (1 + sp.exp(-x)), x).
    """
    return 1 / (1 + sp.exp(-x))


@mistake
def inner_derivative_sign(x):
    """Chain rule: d/dx (1 + e^(-x))^(-1) = -(1 + e^(-x))^(-2) * d/dx e^(-x), and d/dx e^(-x) =
    -e^(-x). The two minus signs cancel: the sigmoid is increasing.
    """
    return -sp.exp(-x) / (1 + sp.exp(-x)) ** 2


@mistake
def denominator_not_squared(x):
    """d/dx 1/u = -u'/u^2: the denominator is squared, e^(-x) / (1 + e^(-x))^2."""
    return sp.exp(-x) / (1 + sp.exp(-x))


@mistake
def one_minus_sigmoid_squared(x):
    """1 - sigma^2 is the pattern of tanh' = 1 - tanh^2; for the sigmoid it is sigma' = sigma (1
    - sigma).
    """
    s = 1 / (1 + sp.exp(-x))
    return 1 - s**2


@mistake
def sigmoid_squared(x):
    """sigma' = sigma (1 - sigma): the two factors are sigma and 1 - sigma, not sigma twice."""
    s = 1 / (1 + sp.exp(-x))
    return s * s


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sigma_times_one_minus_sigma(x):
    s = 1 / (1 + sp.exp(-x))
    return s * (1 - s)


@alternative
def differentiate_with_sympy(x):
    return sp.diff(1 / (1 + sp.exp(-x)), x)


@alternative
def exp_x_form(x):
    return sp.exp(x) / (1 + sp.exp(x)) ** 2


@alternative
def cosh_form(x):
    return 1 / (4 * sp.cosh(x / 2) ** 2)
