"""Hidden tests for `softplus_derivative(x)`: d/dx ln(1 + exp(x)), which is the sigmoid
1 / (1 + exp(-x)), as a sympy expression in the real symbol x. Any form equal to it for
real x is right: exp(x) / (1 + exp(x)), 1 / (1 + exp(-x)), sp.diff(...), (1 + tanh(x/2)) / 2.
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


def reference(x):
    return 1 / (1 + sp.exp(-x))


@pytest.mark.points(3)
def test_equivalent_to_the_derivative(student):
    x = sp.Symbol("x", real=True)
    assert_equivalent(student.softplus_derivative(x), reference(x), domain={x: (-6.0, 6.0)},
                      inputs={"x": x})


@pytest.mark.points(1)
def test_one_half_at_zero(student):
    """softplus'(0) = e^0 / (1 + e^0) = 1/2."""
    x = sp.Symbol("x", real=True)
    got = student.softplus_derivative(x)
    at = got.subs(x, 0) if isinstance(got, sp.Basic) else got
    assert_equivalent(at, sp.Rational(1, 2), inputs={"x": 0}, what="your derivative at x = 0")


@pytest.mark.points(1)
def test_uses_its_argument(student):
    z = sp.Symbol("z", real=True)
    assert_equivalent(student.softplus_derivative(z), reference(z), domain={z: (-6.0, 6.0)},
                      inputs={"x": z})
