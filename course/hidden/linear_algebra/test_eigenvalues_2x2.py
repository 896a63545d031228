"""Hidden tests for `eigenvalues_2x2(a, b, c)`: the two eigenvalues of the symmetric matrix
[[a, b], [b, c]], as a tuple or list of two SymPy expressions in any order:

    (a + c) / 2 -+ sqrt(((a - c) / 2)^2 + b^2)

(real for all real a, b, c). Any equivalent forms are right, e.g. the keys of
sp.Matrix(...).eigenvals(); they are compared at points of the domain.
"""

import pytest
import sympy as sp

from autograder.suite.compare import GradingFailure, assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.symbolic import equivalent


def reference(a, b, c):
    mean, radius = (a + c) / 2, sp.sqrt(((a - c) / 2) ** 2 + b**2)
    return (mean - radius, mean + radius)


def two_expressions(got, inputs):
    shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
    if not isinstance(got, tuple | list) or len(got) != 2:
        raise GradingFailure(
            f"For {shown}: expected a tuple of the two eigenvalues, got {format_value(got)} "
            f"(a {type(got).__name__}). The keys of a dict from .eigenvals() become a list with "
            "list(...); a repeated eigenvalue is listed twice.")
    return got


def assert_same_pair(got, expected, inputs):
    """Equivalent in the given order or swapped; the feedback compares the closer pairing."""
    first, second = two_expressions(got, inputs)
    low, high = expected
    if equivalent(first, high).equal and not equivalent(first, low).equal:
        low, high = high, low
    assert_equivalent(first, low, inputs=inputs, what="your first eigenvalue")
    assert_equivalent(second, high, inputs=inputs, what="your second eigenvalue")


@pytest.mark.points(3)
def test_symbolic_eigenvalues(student):
    a, b, c = sp.symbols("a b c")
    assert_same_pair(student.eigenvalues_2x2(a, b, c), reference(a, b, c),
                     {"a": a, "b": b, "c": c})


@pytest.mark.points(1)
def test_numbers(student):
    """[[2, 1], [1, 2]] has eigenvalues 1 and 3; [[0, 1], [1, 0]] has -1 and 1."""
    cases = [(2, 1, 2), (0, 1, 0), (4, 0, 1), (1, 2, -2)]
    answers = [student.eigenvalues_2x2(*map(sp.Integer, case)) for case in cases]
    for case, got in zip(cases, answers, strict=True):
        args = [sp.Integer(v) for v in case]
        assert_same_pair(got, reference(*args), dict(zip("abc", args, strict=True)))


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    """The answer must be in terms of the symbols passed in, whatever their names."""
    x, y, z = sp.symbols("x y z")
    assert_same_pair(student.eigenvalues_2x2(x, y, z), reference(x, y, z),
                     {"a": x, "b": y, "c": z})


@pytest.mark.points(1)
def test_sum_is_trace_and_product_is_determinant(student):
    """lambda_1 + lambda_2 = a + c (the trace), lambda_1 lambda_2 = a c - b^2 (the det)."""
    a, b, c = sp.symbols("a b c")
    inputs = {"a": a, "b": b, "c": c}
    first, second = two_expressions(student.eigenvalues_2x2(a, b, c), inputs)
    assert_equivalent(first + second, a + c, inputs=inputs,
                      what="the sum of your eigenvalues (it should be the trace a + c)")
    assert_equivalent(first * second, a * c - b**2, inputs=inputs,
                      what="the product of your eigenvalues (it should be a c - b^2)")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def diagonal_entries(a, b, c):
    """a and c are the eigenvalues only when b = 0 (a diagonal matrix). In general solve det(lam
    I - M) = lam^2 - (a + c) lam + a c - b^2 = 0.
    """
    return (a, c)


@mistake
def forgets_the_halves(a, b, c):
    """The quadratic formula divides by 2: lam = ((a + c) -+ sqrt((a - c)^2 + 4 b^2)) / 2; your
    eigenvalues are twice too large (their sum should be the trace a + c).
    """
    root = sp.sqrt((a - c) ** 2 + 4 * b**2)
    return (a + c - root, a + c + root)


@mistake
def sum_under_the_root(a, b, c):
    """Under the root is the difference: ((a - c) / 2)^2 + b^2 (the discriminant (a + c)^2 - 4
    (a c - b^2) = (a - c)^2 + 4 b^2).
    """
    root = sp.sqrt(((a + c) / 2) ** 2 + b**2)
    return ((a + c) / 2 - root, (a + c) / 2 + root)


@mistake
def minus_b_squared(a, b, c):
    """The root is sqrt(((a - c) / 2)^2 + b^2), with +b^2: the discriminant (a + c)^2 - 4 (a c -
    b^2) adds 4 b^2. (A symmetric matrix always has real eigenvalues.)
    """
    root = sp.sqrt(((a - c) / 2) ** 2 - b**2)
    return ((a + c) / 2 - root, (a + c) / 2 + root)


@mistake
def mean_plus_minus_b(a, b, c):
    """(a + c) / 2 -+ b is right only when a = c. In general the distance from the mean is
    sqrt(((a - c) / 2)^2 + b^2).
    """
    return ((a + c) / 2 - b, (a + c) / 2 + b)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sympy_eigenvals(a, b, c):
    return list(sp.Matrix([[a, b], [b, c]]).eigenvals())


@alternative
def solve_the_quadratic(a, b, c):
    lam = sp.Symbol("lam")
    return sp.solve(lam**2 - (a + c) * lam + a * c - b**2, lam)


@alternative
def larger_first(a, b, c):
    root = sp.sqrt((a - c) ** 2 + 4 * b**2) / 2
    return ((a + c) / 2 + root, (a + c) / 2 - root)
