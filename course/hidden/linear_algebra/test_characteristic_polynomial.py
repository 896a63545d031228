"""Hidden tests for `characteristic_polynomial(M, lam)`: det(lam I - M) as a SymPy
expression in the symbol `lam`, for a square SymPy Matrix M (numbers or symbols).

It is monic of degree n, and its roots are the eigenvalues of M. Any expanded, factored or
other form equal to it is right; note det(M - lam I) differs by the sign (-1)^n.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake


def reference(M, lam):
    return (lam * sp.eye(M.shape[0]) - M).det()


LAM = sp.Symbol("lam")
A, B, C = sp.symbols("a b c")

# 3 x 3 (odd size: det(M - lam I) has the opposite sign), not triangular.
FIXED = [
    sp.ImmutableMatrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]]),
    sp.ImmutableMatrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]]),
    sp.ImmutableMatrix([[0, 1, 0], [0, 0, 1], [-6, 11, 6]]),
]
TWO_BY_TWO = [sp.ImmutableMatrix([[1, 2], [3, 4]]), sp.ImmutableMatrix([[0, -1], [1, 0]])]
# Parametrised: the polynomial's coefficients are expressions in a, b, c.
SYMBOLIC = [sp.ImmutableMatrix([[A, B], [B, C]]),
            sp.ImmutableMatrix([[A, 1, 0], [0, A, 1], [0, 0, B]])]
# 1 x 1; triangular (eigenvalues on the diagonal).
EDGES = [sp.ImmutableMatrix([[7]]), sp.ImmutableMatrix([[1, 5, 2], [0, 2, 3], [0, 0, 3]])]


def assert_all_equivalent(student, matrices, lam=LAM):
    answers = [student.characteristic_polynomial(M, lam) for M in matrices]
    for M, got in zip(matrices, answers, strict=True):
        assert_equivalent(got, reference(M, lam), inputs={"M": M, "lam": lam})


@pytest.mark.points(2)
def test_3x3_matrices(student):
    """For odd n, det(lam I - M) = -det(M - lam I): use lam I - M, so the result is monic."""
    assert_all_equivalent(student, FIXED)


@pytest.mark.points(1)
def test_2x2_matrices(student):
    """For 2 x 2: lam^2 - trace(M) lam + det(M)."""
    assert_all_equivalent(student, TWO_BY_TWO)


@pytest.mark.points(2)
def test_parametrised_matrices(student):
    """[[a, b], [b, c]] has lam^2 - (a + c) lam + a c - b^2."""
    assert_all_equivalent(student, SYMBOLIC)


@pytest.mark.points(1)
def test_1x1_and_triangular(student):
    """A triangular matrix has the product of (lam - diagonal entry)."""
    assert_all_equivalent(student, EDGES)


@pytest.mark.points(1)
def test_uses_the_symbol_given(student):
    """The polynomial must be in the symbol passed in, whatever its name."""
    t = sp.Symbol("t")
    assert_all_equivalent(student, [FIXED[0]], lam=t)


@pytest.mark.points(1)
def test_roots_are_the_eigenvalues(student):
    """The characteristic polynomial vanishes at every eigenvalue."""
    M = sp.ImmutableMatrix([[2, 0, 0], [1, 3, 0], [4, 5, 6]])
    got = student.characteristic_polynomial(M, LAM)
    assert isinstance(got, sp.Expr), (
        f"characteristic_polynomial(M, lam) should return a sympy expression, got "
        f"{format_value(got)} (a {type(got).__name__}). A Poly (from M.charpoly) becomes one "
        "with .as_expr()."
    )
    for eigenvalue in (2, 3, 6):
        assert_equivalent(got.subs(LAM, eigenvalue), sp.Integer(0),
                          inputs={"M": M, "lam": eigenvalue},
                          what=f"your polynomial at the eigenvalue {eigenvalue}")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def det_of_m_minus_lam(M, lam):
    """det(M - lam I) = (-1)^n det(lam I - M): for odd n it has the opposite sign. The
    characteristic polynomial here is det(lam I - M), which is monic (leading term lam^n).
    """
    return (M - lam * sp.eye(M.shape[0])).det()


@mistake
def two_by_two_formula(M, lam):
    """lam^2 - trace(M) lam + det(M) is the formula for 2 x 2 matrices only; in general compute
    det(lam I - M), e.g. (lam * sp.eye(n) - M).det().
    """
    return lam**2 - M.trace() * lam + M.det()


@mistake
def product_of_the_diagonal(M, lam):
    """The product of (lam - M[i, i]) is the characteristic polynomial only for triangular
    matrices; in general compute the determinant det(lam I - M).
    """
    result = sp.Integer(1)
    for i in range(M.shape[0]):
        result *= lam - M[i, i]
    return result


@mistake
def plus_instead_of_minus(M, lam):
    """det(lam I + M) has the roots -eigenvalues. Subtract M: det(lam I - M)."""
    return (lam * sp.eye(M.shape[0]) + M).det()


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sympy_charpoly(M, lam):
    return M.charpoly(lam).as_expr()


@alternative
def sign_corrected(M, lam):
    n = M.shape[0]
    return sp.expand((-1) ** n * (M - lam * sp.eye(n)).det())


@alternative
def factored(M, lam):
    return sp.factor(sp.Matrix(lam * sp.eye(M.shape[0]) - M).det(method="berkowitz"))
