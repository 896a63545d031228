"""Hidden tests for `tanh_derivative(x)`: d/dx tanh(x) = 1 - tanh(x)^2 as a sympy expression in
the real symbol x. Any form equal to it for real x is right: 1 - tanh(x)^2, 1 / cosh(x)^2,
4 / (exp(x) + exp(-x))^2, sech(x)^2, sp.diff(sp.tanh(x), x).
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def returns_tanh(x):
    """That is tanh itself; differentiate it: d/dx tanh(x) = 1 - tanh(x)^2 (sp.diff does it)."""
    return sp.tanh(x)


@mistake
def one_plus_tanh_squared(x):
    """tanh = sinh / cosh, so by the quotient rule tanh' = (cosh^2 - sinh^2) / cosh^2 = 1 -
    tanh^2: a minus sign, not a plus.
    """
    return 1 + sp.tanh(x) ** 2


@mistake
def one_minus_tanh(x):
    """tanh' = 1 - tanh(x)^2: the tanh is squared."""
    return 1 - sp.tanh(x)


@mistake
def sigmoid_pattern(x):
    """tanh(x) (1 - tanh(x)) is the sigmoid's pattern sigma (1 - sigma); tanh has its own: tanh'
    = 1 - tanh^2.
    """
    return sp.tanh(x) * (1 - sp.tanh(x))


@mistake
def sech_not_squared(x):
    """tanh' = 1 / cosh(x)^2 = sech(x)^2: the sech (or cosh) is squared."""
    return 1 / sp.cosh(x)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def one_over_cosh_squared(x):
    return 1 / sp.cosh(x) ** 2


@alternative
def exponentials(x):
    return 4 / (sp.exp(x) + sp.exp(-x)) ** 2


@alternative
def diff_of_tanh(x):
    return sp.diff(sp.tanh(x), x)


@alternative
def sech_squared(x):
    return sp.sech(x) ** 2
