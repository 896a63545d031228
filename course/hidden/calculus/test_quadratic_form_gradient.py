"""Hidden tests for `quadratic_form_gradient(A, x)`: the gradient of f(x) = x^T A x for a square
sympy Matrix A (numbers or symbols, not necessarily symmetric) and a column Matrix x of real
symbols, which is (A + A^T) x.

The answer is a sympy Matrix: a column (n x 1) as asked, but a row (1 x n) or a list of the n
partial derivatives is accepted too. Any equivalent entries are right.
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent, format_value


def reference(A, x):
    return (A + A.T) * x


def column(got, n):
    """The student's answer as an n x 1 Matrix, or a failed test saying what is wrong."""
    if isinstance(got, sp.MatrixBase) and got.shape in ((n, 1), (1, n)):
        return sp.Matrix(n, 1, list(got))
    if (isinstance(got, list | tuple) and len(got) == n
            and all(isinstance(e, sp.Expr) for e in got)):
        return sp.Matrix(n, 1, list(got))
    raise AssertionError(
        f"quadratic_form_gradient(A, x) should return the gradient as an {n} x 1 sympy Matrix "
        f"(one partial derivative per entry of x); you returned {format_value(got)}"
    )


def xs(n, name="x"):
    return sp.Matrix(n, 1, [sp.Symbol(f"{name}{i}", real=True) for i in range(1, n + 1)])


CASES = [
    (sp.Matrix([[1, 2], [0, 3]]), 2),
    (sp.Matrix([[2, -1, 0], [3, 1, 4], [0, 5, -2]]), 3),
    (sp.Matrix([[1, 2], [2, 5]]), 2),
]


def check_cases(student, cases, name="x"):
    """Call the student on every case first (all calls on record), then compare."""
    calls = [(A, xs(n, name)) for A, n in cases]
    results = [student.quadratic_form_gradient(A, x) for A, x in calls]
    for (A, x), got in zip(calls, results, strict=True):
        assert_equivalent(column(got, x.rows), reference(A, x), inputs={"A": A, "x": x.T})


@pytest.mark.points(3)
def test_numeric_matrices(student):
    """For A = [[1, 2], [0, 3]]: f = x1^2 + 2 x1 x2 + 3 x2^2, with the gradient
    [2 x1 + 2 x2, 2 x1 + 6 x2]."""
    check_cases(student, CASES)


@pytest.mark.points(1)
def test_symbolic_matrix(student):
    """The entries of A may be symbols too: A = [[a, b], [c, d]]."""
    a, b, c, d = sp.symbols("a b c d", real=True)
    check_cases(student, [(sp.Matrix([[a, b], [c, d]]), 2)])


@pytest.mark.points(1)
def test_one_variable_and_other_names(student):
    """A 1 x 1 A = [[k]] gives f = k x^2 and gradient 2 k x; an antisymmetric A gives f = 0 and
    the gradient 0 (A + A^T = 0). Whatever the symbols are called."""
    check_cases(student, [(sp.Matrix([[3]]), 1), (sp.Matrix([[0, 1], [-1, 0]]), 2)], name="u")
