"""Hidden tests for `finite_difference(f, x, h=1e-5)`: the central difference
(f(x + h) - f(x - h)) / (2h) of a scalar function f at a scalar x.

The functions are passed as `SymbolicFunction`s, built and evaluated inside the student's
worker. The answer is compared with the same central difference computed here, with a
tolerance that covers the round-off of any order of evaluation (about eps |f| / h), so
(f(x+h) - f(x-h)) / (2*h), (f(x+h) - f(x-h)) / 2 / h and f(x+h)/(2h) - f(x-h)/(2h) all pass.
Forward and backward differences are told apart with large step sizes and with functions of
large curvature, where their error h f''/2 is far larger than that tolerance.
"""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close
from autograder.suite.mistakes import alternative, mistake
from autograder.wire import SymbolicFunction

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
DEFAULT_H = 1e-5
EPS = np.finfo(float).eps

x = sp.Symbol("x", real=True)
CUBIC = SymbolicFunction(x**3 - 2 * x, (x,))
EXP3 = SymbolicFunction(sp.exp(3 * x), (x,))
SIN = SymbolicFunction(sp.sin(x), (x,))
SQUARE = SymbolicFunction(x**2, (x,))
LOGISTIC = SymbolicFunction(1 / (1 + sp.exp(-x)), (x,))
WAVE = SymbolicFunction(sp.sin(3 * x) + x**3, (x,))


def reference(f, x0, h=DEFAULT_H):
    return (f(x0 + h) - f(x0 - h)) / (2 * h)


def assert_central(got, f, x0, h):
    """Within round-off of the reference central difference, whatever the order of operations."""
    scale = max(abs(f(x0 + h)), abs(f(x0 - h)), 1e-300)
    assert_close(got, reference(f, x0, h), rtol=1e-9, atol=16 * EPS * scale / h,
                 inputs={"f": f.expr, "x": x0, "h": h})


def check_cases(student, cases, *, pass_h):
    """Call the student on every case first (all calls on record), then compare."""
    if pass_h:
        results = [student.finite_difference(f, x0, h) for f, x0, h in cases]
    else:
        results = [student.finite_difference(f, x0) for f, x0, _ in cases]
    for (f, x0, h), got in zip(cases, results, strict=True):
        assert_central(got, f, x0, h)


DEFAULT_CASES = [
    (SQUARE, 1.0, DEFAULT_H),
    (CUBIC, 2.0, DEFAULT_H),
    (EXP3, 1.0, DEFAULT_H),
    (SIN, 0.5, DEFAULT_H),
    (LOGISTIC, -1.5, DEFAULT_H),
]
EXPLICIT_CASES = [
    (SQUARE, 1.0, 0.5),
    (CUBIC, 2.0, 0.1),
    (EXP3, 1.0, 0.01),
    (SIN, 0.5, 0.25),
    (CUBIC, -1.0, 1e-3),
]


@pytest.mark.points(3)
def test_default_step(student):
    """finite_difference(f, x) uses h = 1e-5: (f(x + h) - f(x - h)) / (2h)."""
    check_cases(student, DEFAULT_CASES, pass_h=False)


@pytest.mark.points(3)
def test_explicit_step(student):
    """With h = 0.1 the central difference of x^3 - 2x at 2 is 3 * 4 - 2 + h^2 = 10.01."""
    check_cases(student, EXPLICIT_CASES, pass_h=True)


@pytest.mark.points(1)
def test_step_as_keyword(student):
    cases = [(WAVE, 1.0, 0.2), (EXP3, 0.0, 0.05)]
    results = [student.finite_difference(f, x0, h=h) for f, x0, h in cases]
    for (f, x0, h), got in zip(cases, results, strict=True):
        assert_central(got, f, x0, h)


@pytest.mark.points(1)
def test_accurate_for_a_steep_curved_function(student):
    """Central differences are accurate to O(h^2): for exp(3x) at x = 1 with the default h,
    the answer is within 1e-7 (relative) of the true derivative 3 e^3, unlike a one-sided
    difference, whose error h f''/2 is about 1.5e-5 relative."""
    got = student.finite_difference(EXP3, 1.0)
    assert_close(got, 3 * np.exp(3.0), rtol=1e-7, inputs={"f": EXP3.expr, "x": 1.0},
                 what="finite_difference(f, x) (compared with the exact derivative 3 e^3)")


@pytest.mark.points(2)
@seed(SEED)
@given(x0=st.floats(-2.0, 2.0), h=st.floats(1e-3, 0.5))
def test_random_points_and_steps(student, x0, h):
    assert_central(student.finite_difference(WAVE, x0, h), WAVE, x0, h)


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def forward_difference(f, x, h=1e-5):
    """(f(x + h) - f(x)) / h is the forward difference: its error is about h f''(x) / 2,
    proportional to h. The central difference (f(x + h) - f(x - h)) / (2h) looks both ways;
    its error is about h^2 f'''(x) / 6, far smaller for small h.
    """
    return (f(x + h) - f(x)) / h


@mistake
def backward_difference(f, x, h=1e-5):
    """(f(x) - f(x - h)) / h is the backward difference, with an error of about h f''(x) / 2.
    Use the central difference (f(x + h) - f(x - h)) / (2h), symmetric about x.
    """
    return (f(x) - f(x - h)) / h


@mistake
def divides_by_h_not_2h(f, x, h=1e-5):
    """f(x + h) and f(x - h) are 2h apart, not h, so divide their difference by 2h: (f(x + h) -
    f(x - h)) / (2 * h). Yours is twice the slope.
    """
    return (f(x + h) - f(x - h)) / h


@mistake
def divides_by_2_times_h(f, x, h=1e-5):
    """`/ 2 * h` divides by 2 and then multiplies by h (Python evaluates left to right); write
    `/ (2 * h)` with parentheses.
    """
    return (f(x + h) - f(x - h)) / 2 * h


@mistake
def ignores_the_step_argument(f, x, h=1e-5):
    """Use the step h that the caller passes: finite_difference(f, x, h=0.1) must use h = 0.1.
    Only the default value of the parameter is 1e-5.
    """
    step = 1e-5
    return (f(x + step) - f(x - step)) / (2 * step)


@mistake
def values_swapped(f, x, h=1e-5):
    """The slope is (rise) / (run) from left to right: (f(x + h) - f(x - h)) / (2h). Yours has
    the two values the other way round, which flips the sign.
    """
    return (f(x - h) - f(x + h)) / (2 * h)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def halves_after_dividing(f, x, h=1e-5):
    return 0.5 * (f(x + h) - f(x - h)) / h


@alternative
def two_quotients(f, x, h=1e-5):
    return f(x + h) / (2 * h) - f(x - h) / (2 * h)


@alternative
def one_vectorised_call(f, x, h=1e-5):
    right, left = f(np.array([x + h, x - h]))
    return float((right - left) / 2 / h)


@alternative
def average_of_forward_and_backward(f, x, h=1e-5):
    fx = f(x)
    return ((f(x + h) - fx) / h + (fx - f(x - h)) / h) / 2
