"""Hidden tests for `taylor_polynomial(expr, x, x0, n)`: the degree-n Taylor polynomial

    sum_{k=0}^{n} f^(k)(x0) / k! * (x - x0)^k

of the sympy expression `expr` in the symbol `x` about the point `x0` (a sympy Integer or
Rational), for an int n >= 0.

Any expression equal to that polynomial is right: expanded, in powers of (x - x0), from
`sp.series(...).removeO()` or from an explicit sum. A result that still holds an O(...)
term is a series, not a polynomial, and is wrong (the feedback says to drop it with
`.removeO()`). Equality is decided by evaluation at fixed points (see autograder.suite.symbolic).
"""

import math

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake

x = sp.Symbol("x", real=True)


def reference(expr, var, x0, n):
    return sum(sp.diff(expr, var, k).subs(var, x0) / sp.factorial(k) * (var - x0) ** k
               for k in range(n + 1))


def check_cases(student, cases, var=x):
    """Call the student on every case first (all calls on record), then compare."""
    results = [student.taylor_polynomial(expr, var, x0, n) for expr, x0, n in cases]
    for (expr, x0, n), got in zip(cases, results, strict=True):
        assert_equivalent(got, reference(expr, var, x0, n), domain={var: (-2.0, 2.0)},
                          inputs={"expr": expr, "x": var, "x0": x0, "n": n})


ABOUT_ZERO = [
    (sp.exp(x), sp.Integer(0), 3),
    (sp.sin(x), sp.Integer(0), 5),
    (sp.log(1 + x), sp.Integer(0), 4),
    (1 / (1 + sp.exp(-x)), sp.Integer(0), 3),
]
ABOUT_OTHER_POINTS = [
    (sp.exp(x), sp.Integer(1), 2),
    (sp.log(x), sp.Integer(1), 3),
    (sp.sqrt(x), sp.Integer(4), 2),
    (sp.cos(x), sp.Rational(1, 2), 4),
    (x**3 - 2 * x, sp.Integer(-1), 2),
]


@pytest.mark.points(2)
def test_about_zero(student):
    """The Maclaurin polynomials: exp(x) to degree 3 is 1 + x + x^2/2 + x^3/6."""
    check_cases(student, ABOUT_ZERO)


@pytest.mark.points(3)
def test_about_other_points(student):
    """About x0 = 1, exp(x) to degree 2 is e + e (x - 1) + e (x - 1)^2 / 2: powers of
    (x - x0), with the derivatives evaluated at x0."""
    check_cases(student, ABOUT_OTHER_POINTS)


@pytest.mark.points(1)
def test_degree_zero_and_one(student):
    """Degree 0 is the constant f(x0); degree 1 is the tangent line f(x0) + f'(x0)(x - x0)."""
    check_cases(student, [(sp.exp(x), sp.Integer(2), 0), (sp.cos(x), sp.Integer(0), 0),
                          (sp.log(x), sp.Integer(2), 1), (sp.exp(2 * x), sp.Integer(0), 1)])


@pytest.mark.points(1)
def test_a_polynomial_is_its_own_taylor_polynomial(student):
    """A polynomial of degree <= n is its own degree-n Taylor polynomial, about any point."""
    check_cases(student, [(x**3 - 2 * x + 1, sp.Integer(2), 3), (x**2, sp.Integer(-3), 5)])


@pytest.mark.points(1)
def test_uses_the_symbol_it_is_given(student):
    t = sp.Symbol("t", real=True)
    check_cases(student, [(sp.exp(t), sp.Integer(1), 2), (sp.sin(2 * t), sp.Integer(0), 3)], var=t)


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def expands_about_zero(expr, x, x0, n):
    """Expand about the point x0 you are given: the coefficients are the derivatives at x0,
    f^(k)(x0) / k!, and the powers are (x - x0)^k. Yours expands about 0.
    """
    return sp.series(expr, x, 0, n + 1).removeO()


@mistake
def powers_of_x_instead_of_x_minus_x0(expr, x, x0, n):
    """About x0 the powers are (x - x0)^k, not x^k: the polynomial must match f and its
    derivatives at x = x0.
    """
    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * x**k for k in range(n + 1))


@mistake
def one_term_short(expr, x, x0, n):
    """Degree n means the powers (x - x0)^0 up to and including (x - x0)^n: n + 1 terms.
    sp.series(expr, x, x0, n) stops *before* degree n; use n + 1 there.
    """
    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k
               for k in range(n))


@mistake
def one_term_too_many(expr, x, x0, n):
    """Degree n means the last term is (x - x0)^n: k runs from 0 to n (range(n + 1)), and
    sp.series(expr, x, x0, n + 1) (not n + 2) gives exactly those.
    """
    return sp.series(expr, x, x0, n + 2).removeO()


@mistake
def forgets_the_factorial(expr, x, x0, n):
    """The k-th coefficient is f^(k)(x0) / k!: divide each derivative by sp.factorial(k)."""
    return sum(sp.diff(expr, x, k).subs(x, x0) * (x - x0) ** k for k in range(n + 1))


@mistake
def derivatives_not_evaluated_at_x0(expr, x, x0, n):
    """The coefficients are numbers: evaluate each derivative at the point, sp.diff(expr, x,
    k).subs(x, x0), before multiplying by (x - x0)^k / k!.
    """
    return sum(sp.diff(expr, x, k) / sp.factorial(k) * (x - x0) ** k for k in range(n + 1))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def series_without_the_order_term(expr, x, x0, n):
    return sp.series(expr, x, x0, n + 1).removeO()


@alternative
def expanded_sum_with_a_loop(expr, x, x0, n):
    total = 0
    derivative = expr
    for k in range(n + 1):
        total += derivative.subs(x, x0) * (x - x0) ** k / math.factorial(k)
        derivative = sp.diff(derivative, x)
    return sp.expand(total)


@alternative
def shifted_maclaurin_series(expr, x, x0, n):
    u = sp.Symbol("u")
    around_zero = sp.series(expr.subs(x, u + x0), u, 0, n + 1).removeO()
    return around_zero.subs(u, x - x0)
