"""Hidden tests for `quadratic_form_gradient(A, x)`: the gradient of f(x) = x^T A x for a square
sympy Matrix A (numbers or symbols, not necessarily symmetric) and a column Matrix x of real
symbols, which is (A + A^T) x.

The answer is a sympy Matrix: a column (n x 1) as asked, but a row (1 x n) or a list of the n
partial derivatives is accepted too. Any equivalent entries are right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake


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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def two_a_x(A, x):
    """2 A x is the gradient only when A is symmetric. In general x^T A x has the gradient (A +
    A^T) x: x appears twice, once on each side of A.
    """
    return 2 * A * x


@mistake
def a_x_only(A, x):
    """x appears twice in x^T A x, so the product rule gives two terms: A x and A^T x. The
    gradient is (A + A^T) x.
    """
    return A * x


@mistake
def a_transpose_x_only(A, x):
    """A^T x is one of the two product-rule terms; the other is A x: (A + A^T) x."""
    return A.T * x


@mistake
def halved(A, x):
    """(A + A^T) x / 2 is the gradient of x^T A x / 2; the task's f has no 1/2, so the gradient
    is (A + A^T) x.
    """
    return (A + A.T) * x / 2


@mistake
def the_quadratic_form_itself(A, x):
    """Return the gradient (the column of partial derivatives d f / d x_i), not the value x^T A
    x of the quadratic form.
    """
    return x.T * A * x


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def partial_derivatives_one_by_one(A, x):
    f = (x.T * A * x)[0, 0]
    return sp.Matrix([sp.diff(f, xi) for xi in x])


@alternative
def jacobian_transposed(A, x):
    f = sp.Matrix([sp.expand((x.T * A * x)[0, 0])])
    return f.jacobian(x).T


@alternative
def row_vector(A, x):
    return x.T * (A + A.T)


@alternative
def derive_by_array(A, x):
    return sp.derive_by_array((x.T * A * x)[0, 0], list(x))


@alternative
def list_of_sums(A, x):
    n = A.shape[0]
    return [sum((A[i, j] + A[j, i]) * x[j] for j in range(n)) for i in range(n)]
