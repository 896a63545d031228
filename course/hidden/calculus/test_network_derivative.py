"""Hidden tests for `network_derivative(x, w1, w2)`: d/dx of the two-layer network
tanh(w2 * tanh(w1 * x)), by the chain rule

    (1 - tanh(w2 tanh(w1 x))^2) * w2 * (1 - tanh(w1 x)^2) * w1,

as a sympy expression in the real symbols x, w1, w2. Any equivalent form is right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


def reference(x, w1, w2):
    return sp.diff(sp.tanh(w2 * sp.tanh(w1 * x)), x)


def symbols(*names):
    return [sp.Symbol(name, real=True) for name in names]


def assert_derivative(got, x, w1, w2):
    assert_equivalent(got, reference(x, w1, w2),
                      domain={x: (-2.0, 2.0), w1: (-2.0, 2.0), w2: (-2.0, 2.0)},
                      inputs={"x": x, "w1": w1, "w2": w2})


@pytest.mark.points(3)
def test_equivalent_to_the_chain_rule(student):
    x, w1, w2 = symbols("x", "w1", "w2")
    assert_derivative(student.network_derivative(x, w1, w2), x, w1, w2)


@pytest.mark.points(1)
def test_slope_at_the_origin(student):
    """At x = 0 both tanh' factors are 1, so the slope is w1 * w2."""
    x, w1, w2 = symbols("x", "w1", "w2")
    got = student.network_derivative(x, w1, w2)
    at = got.subs(x, 0) if isinstance(got, sp.Basic) else got
    assert_equivalent(at, w1 * w2, domain={w1: (-2.0, 2.0), w2: (-2.0, 2.0)},
                      inputs={"x": 0, "w1": w1, "w2": w2}, what="your derivative at x = 0")


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    t, a, b = symbols("t", "a", "b")
    assert_derivative(student.network_derivative(t, a, b), t, a, b)


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def inner_tanh_treated_as_linear(x, w1, w2):
    """The inner layer is tanh(w1 x), not w1 x: the chain rule needs its derivative too, d/dx
    tanh(w1 x) = (1 - tanh(w1 x)^2) w1.
    """
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 * w1


@mistake
def missing_innermost_factor(x, w1, w2):
    """Chain rule one level further: d/dx tanh(w1 x) = (1 - tanh(w1 x)^2) * w1, the inner
    derivative of w1 x is w1.
    """
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 * (1 - sp.tanh(w1 * x) ** 2)


@mistake
def adds_the_local_derivatives(x, w1, w2):
    """The chain rule multiplies the local derivatives along the path x -> w1 x -> tanh -> w2 *
    -> tanh; it does not add them.
    """
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 + (1 - sp.tanh(w1 * x) ** 2) * w1


@mistake
def derivative_in_w1(x, w1, w2):
    """That is the derivative with respect to w1 (it ends in a factor x); the task asks for
    d/dx, whose last factor is w1.
    """
    return sp.diff(sp.tanh(w2 * sp.tanh(w1 * x)), w1)


@mistake
def outer_layer_only(x, w1, w2):
    """Differentiate the inner layer too: d/dx tanh(w2 u) = (1 - tanh(w2 u)^2) w2 du/dx with u =
    tanh(w1 x), du/dx = (1 - tanh(w1 x)^2) w1.
    """
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sympy_diff(x, w1, w2):
    return sp.diff(sp.tanh(w2 * sp.tanh(w1 * x)), x)


@alternative
def backprop_by_hand_with_cosh(x, w1, w2):
    hidden = sp.tanh(w1 * x)
    return w2 / sp.cosh(w2 * hidden) ** 2 * w1 / sp.cosh(w1 * x) ** 2


@alternative
def substituted_inner_variable(x, w1, w2):
    u = sp.Symbol("u")
    outer = sp.diff(sp.tanh(w2 * u), u).subs(u, sp.tanh(w1 * x))
    return sp.simplify(outer * sp.diff(sp.tanh(w1 * x), x))
