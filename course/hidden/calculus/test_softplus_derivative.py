"""Hidden tests for `softplus_derivative(x)`: d/dx ln(1 + exp(x)), which is the sigmoid
1 / (1 + exp(-x)), as a sympy expression in the real symbol x. Any form equal to it for
real x is right: exp(x) / (1 + exp(x)), 1 / (1 + exp(-x)), sp.diff(...), (1 + tanh(x/2)) / 2.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def missing_inner_derivative(x):
    """Chain rule: d/dx ln(u) = u' / u with u = 1 + e^x, and u' = e^x. Without the inner
    derivative you get 1 / (1 + e^x); with it, e^x / (1 + e^x), the sigmoid.
    """
    return 1 / (1 + sp.exp(x))


@mistake
def only_the_inner_derivative(x):
    """d/dx ln(u) = u' / u: divide the inner derivative e^x by u = 1 + e^x."""
    return sp.exp(x)


@mistake
def returns_softplus(x):
    """That is the softplus itself; differentiate it: d/dx ln(1 + e^x) = e^x / (1 + e^x)."""
    return sp.log(1 + sp.exp(x))


@mistake
def sigmoid_derivative_instead(x):
    """e^x / (1 + e^x)^2 is the derivative of the sigmoid, one step too far: the derivative of
    the softplus ln(1 + e^x) is the sigmoid itself, e^x / (1 + e^x).
    """
    return sp.exp(x) / (1 + sp.exp(x)) ** 2


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def diff_of_softplus(x):
    return sp.diff(sp.log(1 + sp.exp(x)), x)


@alternative
def sigmoid_form(x):
    return 1 / (1 + sp.exp(-x))


@alternative
def tanh_form(x):
    return (1 + sp.tanh(x / 2)) / 2
