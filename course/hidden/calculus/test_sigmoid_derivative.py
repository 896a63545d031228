"""Hidden tests for `sigmoid_derivative(x)`: d/dx 1 / (1 + exp(-x)) as a sympy expression in
the real symbol x. Any form equal to it for real x is right: sigma(x) (1 - sigma(x)),
exp(-x) / (1 + exp(-x))^2, exp(x) / (1 + exp(x))^2, 1 / (4 cosh(x/2)^2), sp.diff(...).
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


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
