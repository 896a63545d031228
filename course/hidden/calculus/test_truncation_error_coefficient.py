"""Hidden tests for `truncation_error_coefficient(expr, x, h)`: the limit

    C(x) = lim_{h -> 0} [ (f(x + h) - f(x - h)) / (2h) - f'(x) ] / h^2 = f'''(x) / 6,

i.e. the central difference is f'(x) + C(x) h^2 + o(h^2). `expr` is f in the real symbol x,
`h` a positive symbol; the answer is a sympy expression in x. Any equivalent form is right.
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


def reference(expr, x):
    return sp.diff(expr, x, 3) / 6


def check_cases(student, exprs, x, h):
    """Call the student on every case first (all calls on record), then compare."""
    results = [student.truncation_error_coefficient(expr, x, h) for expr in exprs]
    for expr, got in zip(exprs, results, strict=True):
        assert_equivalent(got, reference(expr, x), domain={x: (-2.0, 2.0)},
                          inputs={"expr": expr, "x": x, "h": h})


@pytest.mark.points(3)
def test_smooth_functions(student):
    """For f = x^4 the central difference is 4x^3 + 4x h^2, so C(x) = 4x."""
    x, h = sp.Symbol("x", real=True), sp.Symbol("h", positive=True)
    check_cases(student, [x**4, sp.sin(x), sp.exp(2 * x)], x, h)


@pytest.mark.points(1)
def test_cubic_and_decaying_exponential(student):
    """A cubic's error is exactly C h^2 with a constant C (here 1); for exp(-x), C < 0.

    (No quadratic here: its error is exactly 0, and sympy's limit of the unsimplified
    quotient 0 / h^2 can run for a long time, which would punish a right answer.)"""
    x, h = sp.Symbol("x", real=True), sp.Symbol("h", positive=True)
    check_cases(student, [x**3 - x, sp.exp(-x)], x, h)


@pytest.mark.points(1)
def test_uses_its_symbols(student):
    t, eps = sp.Symbol("t", real=True), sp.Symbol("eps", positive=True)
    check_cases(student, [sp.cos(t), t**5], t, eps)
