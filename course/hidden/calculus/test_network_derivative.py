"""Hidden tests for `network_derivative(x, w1, w2)`: d/dx of the two-layer network
tanh(w2 * tanh(w1 * x)), by the chain rule

    (1 - tanh(w2 tanh(w1 x))^2) * w2 * (1 - tanh(w1 x)^2) * w1,

as a sympy expression in the real symbols x, w1, w2. Any equivalent form is right.
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


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
