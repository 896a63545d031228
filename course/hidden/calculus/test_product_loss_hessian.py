"""Hidden tests for `product_loss_hessian(a, b)`: the Hessian of L(a, b) = (a b - 1)^2, the loss
of the smallest "deep" linear network (two weights in a row fitting the target 1):

    [[d2L/da2,   d2L/da db],     [[2 b^2,      4 a b - 2],
     [d2L/db da, d2L/db2  ]]  =   [4 a b - 2,  2 a^2    ]],

as a 2 x 2 sympy Matrix in the real symbols a, b (a nested list of the four entries is
accepted too). Any equivalent entries are right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake


def reference(a, b):
    return sp.hessian((a * b - 1) ** 2, (a, b))


def as_matrix(got):
    if isinstance(got, sp.MatrixBase) and got.shape == (2, 2):
        return sp.Matrix(got)
    if isinstance(got, list | tuple) and len(got) == 2 and all(
        isinstance(row, list | tuple) and len(row) == 2 for row in got
    ):
        return sp.Matrix(got)
    raise AssertionError(
        "product_loss_hessian(a, b) should return the 2 x 2 matrix of second derivatives as a "
        f"sympy Matrix; you returned {format_value(got)}"
    )


def assert_hessian(got, a, b):
    assert_equivalent(as_matrix(got), reference(a, b), domain={a: (-2.0, 2.0), b: (-2.0, 2.0)},
                      inputs={"a": a, "b": b})


@pytest.mark.points(3)
def test_equivalent_to_the_hessian(student):
    a, b = sp.Symbol("a", real=True), sp.Symbol("b", real=True)
    assert_hessian(student.product_loss_hessian(a, b), a, b)


@pytest.mark.points(1)
def test_saddle_at_the_origin(student):
    """At a = b = 0 the Hessian is [[0, -2], [-2, 0]], with eigenvalues 2 and -2: the origin
    is a saddle point, not a minimum."""
    a, b = sp.Symbol("a", real=True), sp.Symbol("b", real=True)
    got = as_matrix(student.product_loss_hessian(a, b)).subs({a: 0, b: 0})
    assert_equivalent(got, sp.Matrix([[0, -2], [-2, 0]]), inputs={"a": 0, "b": 0},
                      what="your Hessian at a = b = 0")


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    u, v = sp.Symbol("u", real=True), sp.Symbol("v", real=True)
    assert_hessian(student.product_loss_hessian(u, v), u, v)


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def gauss_newton_cross_term(a, b):
    """d/da of dL/db = d/da [2 (a b - 1) a] needs the product rule: 2 b * a + 2 (a b - 1) = 4 a
    b - 2. Dropping the second term leaves the Gauss-Newton approximation 2 a b.
    """
    return sp.Matrix([[2 * b**2, 2 * a * b], [2 * a * b, 2 * a**2]])


@mistake
def diagonal_only_hessian(a, b):
    """The mixed partial derivatives d2L/da db are not 0 here: L couples a and b through the
    product a b. Compute all four second derivatives (sp.hessian does).
    """
    return sp.Matrix([[2 * b**2, 0], [0, 2 * a**2]])


@mistake
def diagonal_entries_swapped(a, b):
    """d2L/da2 differentiates dL/da = 2 (a b - 1) b once more in a, giving 2 b^2 (not 2 a^2):
    entry [0, 0] belongs to a, entry [1, 1] to b.
    """
    return sp.Matrix([[2 * a**2, 4 * a * b - 2], [4 * a * b - 2, 2 * b**2]])


@mistake
def cross_term_without_the_two(a, b):
    """d/da [2 (a b - 1) a] = 2 (a b - 1) + 2 a b = 4 a b - 2: both terms of the product rule,
    and the 2 from the square.
    """
    return sp.Matrix([[2 * b**2, 2 * a * b - 1], [2 * a * b - 1, 2 * a**2]])


@mistake
def gradient_instead(a, b):
    """That is the gradient (first derivatives); the Hessian is the 2 x 2 matrix of second
    derivatives: sp.hessian(loss, (a, b)) or sp.diff twice.
    """
    loss = (a * b - 1) ** 2
    return sp.Matrix([sp.diff(loss, a), sp.diff(loss, b)])


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def sympy_hessian(a, b):
    return sp.hessian((a * b - 1) ** 2, (a, b))


@alternative
def derive_by_array_twice(a, b):
    gradient = sp.derive_by_array((a * b - 1) ** 2, (a, b))
    return sp.derive_by_array(gradient, (a, b))


@alternative
def nested_lists_by_hand(a, b):
    return [[2 * b**2, 4 * a * b - 2], [4 * a * b - 2, 2 * a**2]]


@alternative
def jacobian_of_the_gradient(a, b):
    loss = (a * b - 1) ** 2
    gradient = sp.Matrix([loss.diff(a), loss.diff(b)])
    return gradient.jacobian([a, b]).applyfunc(sp.expand)
