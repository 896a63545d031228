"""Hidden tests for `truncation_error_coefficient(expr, x, h)`: the limit

    C(x) = lim_{h -> 0} [ (f(x + h) - f(x - h)) / (2h) - f'(x) ] / h^2 = f'''(x) / 6,

i.e. the central difference is f'(x) + C(x) h^2 + o(h^2). `expr` is f in the real symbol x,
`h` a positive symbol; the answer is a sympy expression in x. Any equivalent form is right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def forward_difference_coefficient(expr, x, h):
    """That is the forward difference's coefficient, f''(x) / 2 (its error is of order h). For
    the central difference (f(x + h) - f(x - h)) / (2h) the h f'' terms cancel and the error
    is f'''(x) h^2 / 6 + ...
    """
    return sp.limit(((expr.subs(x, x + h) - expr) / h - sp.diff(expr, x)) / h, h, 0)


@mistake
def third_derivative_without_factorial(expr, x, h):
    """Expand f(x +- h) to third order: the h^3 terms are +- f'''(x) h^3 / 3!, so after dividing
    by 2h the error term is f'''(x) h^2 / 6, with the 1/6.
    """
    return sp.diff(expr, x, 3)


@mistake
def exact_minus_approximation(expr, x, h):
    """Error means (approximation - exact): (f(x + h) - f(x - h)) / (2h) - f'(x) = + f'''(x) h^2
    / 6 + ... Yours has the sign flipped.
    """
    return -sp.diff(expr, x, 3) / 6


@mistake
def limit_of_the_error_itself(expr, x, h):
    """The limit is of the error divided by h^2; the error itself tends to 0. Divide by h^2
    before taking the limit (or take the coefficient of h^2 in the series in h).
    """
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.limit(central - sp.diff(expr, x), h, 0)


@mistake
def divided_by_three(expr, x, h):
    """f(x + h) - f(x - h) = 2 f'(x) h + 2 f'''(x) h^3 / 6 + ...: after dividing by 2h the h^2
    coefficient is f'''(x) / 6, not f'''(x) / 3.
    """
    return sp.diff(expr, x, 3) / 3


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def limit_of_the_scaled_error(expr, x, h):
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.limit((central - sp.diff(expr, x)) / h**2, h, 0)


@alternative
def h_squared_coefficient_of_the_series(expr, x, h):
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.series(central, h, 0, 3).removeO().coeff(h, 2)


@alternative
def third_derivative_over_six(expr, x, h):
    return sp.Rational(1, 6) * expr.diff(x).diff(x).diff(x)
