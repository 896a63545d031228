"""Hidden tests for `tanh_derivative(x)`: d/dx tanh(x) = 1 - tanh(x)^2 as a sympy expression in
the real symbol x. Any form equal to it for real x is right: 1 - tanh(x)^2, 1 / cosh(x)^2,
4 / (exp(x) + exp(-x))^2, sech(x)^2, sp.diff(sp.tanh(x), x).
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


def reference(x):
    return 1 - sp.tanh(x) ** 2


@pytest.mark.points(3)
def test_equivalent_to_the_derivative(student):
    x = sp.Symbol("x", real=True)
    assert_equivalent(student.tanh_derivative(x), reference(x), domain={x: (-4.0, 4.0)},
                      inputs={"x": x})


@pytest.mark.points(1)
def test_one_at_zero(student):
    """tanh is steepest at 0, where its slope is 1 - 0^2 = 1."""
    x = sp.Symbol("x", real=True)
    got = student.tanh_derivative(x)
    at = got.subs(x, 0) if isinstance(got, sp.Basic) else got
    assert_equivalent(at, sp.Integer(1), inputs={"x": 0}, what="your derivative at x = 0")


@pytest.mark.points(1)
def test_uses_its_argument(student):
    u = sp.Symbol("u", real=True)
    assert_equivalent(student.tanh_derivative(u), reference(u), domain={u: (-4.0, 4.0)},
                      inputs={"x": u})
