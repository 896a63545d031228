"""Hidden tests for `inverse_2x2(a, b, c, d)`: the inverse of the matrix [[a, b], [c, d]] as a
SymPy Matrix, 1 / (a d - b c) * [[d, -b], [-c, a]], for SymPy symbols (or numbers) a, b, c, d.

Any form equal to it wherever a d - b c != 0 is right (sp.Matrix(...).inv(), the adjugate
formula, simplified or not); entries are compared at points of the domain.
"""

import pytest
import sympy as sp

from autograder.suite.compare import GradingFailure, assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake


def reference(a, b, c, d):
    return sp.ImmutableMatrix([[d, -b], [-c, a]]) / (a * d - b * c)


def symbols(names="a b c d"):
    return sp.symbols(names)


@pytest.mark.points(3)
def test_symbolic_inverse(student):
    a, b, c, d = symbols()
    assert_equivalent(student.inverse_2x2(a, b, c, d), reference(a, b, c, d),
                      inputs={"a": a, "b": b, "c": c, "d": d})


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    """The answer must be in terms of the symbols passed in, whatever their names."""
    p, q, r, s = symbols("p q r s")
    assert_equivalent(student.inverse_2x2(p, q, r, s), reference(p, q, r, s),
                      inputs={"a": p, "b": q, "c": r, "d": s})


@pytest.mark.points(1)
def test_numbers(student):
    """inverse_2x2(2, 1, 1, 1) is [[1, -1], [-1, 2]]; integers come in as sympy Integers."""
    for values in [(2, 1, 1, 1), (1, 2, 3, 4), (0, 1, -1, 0)]:
        args = [sp.Integer(v) for v in values]
        assert_equivalent(student.inverse_2x2(*args), reference(*args),
                          inputs=dict(zip("abcd", args, strict=True)))


@pytest.mark.points(1)
def test_inverse_times_matrix_is_identity(student):
    """M^-1 M = I: the defining property, whatever the form of the answer."""
    a, b, c, d = symbols()
    got = student.inverse_2x2(a, b, c, d)
    if not (isinstance(got, sp.MatrixBase) and got.shape == (2, 2)):
        raise GradingFailure(f"inverse_2x2(a, b, c, d) should return a 2 x 2 sympy Matrix, got "
                             f"{format_value(got)} (a {type(got).__name__}).")
    M = sp.ImmutableMatrix([[a, b], [c, d]])
    # The identity, written in a, b, c, d (unsimplified), so that the comparison reports
    # values at a point rather than "uses the symbols a, b, c, d".
    identity = reference(a, b, c, d) * M
    assert_equivalent(got * M, identity, inputs={"a": a, "b": b, "c": c, "d": d},
                      what="your inverse times [[a, b], [c, d]] (it should be the identity)")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def forgets_the_determinant(a, b, c, d):
    """[[d, -b], [-c, a]] is the adjugate; the inverse divides it by the determinant a d - b c.
    Check: your matrix times [[a, b], [c, d]] should be the identity.
    """
    return sp.Matrix([[d, -b], [-c, a]])


@mistake
def diagonal_not_swapped(a, b, c, d):
    """Swap the diagonal entries: the inverse is [[d, -b], [-c, a]] / (a d - b c), with d top
    left and a bottom right.
    """
    return sp.Matrix([[a, -b], [-c, d]]) / (a * d - b * c)


@mistake
def off_diagonal_not_negated(a, b, c, d):
    """Negate the off-diagonal entries: [[d, -b], [-c, a]] / (a d - b c)."""
    return sp.Matrix([[d, b], [c, a]]) / (a * d - b * c)


@mistake
def off_diagonal_swapped(a, b, c, d):
    """The off-diagonal entries stay in place (negated): -b top right, -c bottom left. Inverse:
    [[d, -b], [-c, a]] / (a d - b c).
    """
    return sp.Matrix([[d, -c], [-b, a]]) / (a * d - b * c)


@mistake
def entrywise_reciprocals(a, b, c, d):
    """The inverse of a matrix is not the matrix of reciprocals: M^-1 M = I. For 2 x 2 it is
    [[d, -b], [-c, a]] / (a d - b c) (or sp.Matrix([[a, b], [c, d]]).inv()).
    """
    return sp.Matrix([[1 / a, 1 / b], [1 / c, 1 / d]])


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sympy_inv(a, b, c, d):
    return sp.Matrix([[a, b], [c, d]]).inv()


@alternative
def adjugate_over_determinant(a, b, c, d):
    M = sp.Matrix([[a, b], [c, d]])
    return sp.simplify(M.adjugate() / M.det())


@alternative
def power_minus_one(a, b, c, d):
    return sp.ImmutableMatrix([[a, b], [c, d]]) ** -1
