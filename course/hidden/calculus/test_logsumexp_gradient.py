"""Hidden tests for `logsumexp_gradient(x, y)`: the gradient (d/dx, d/dy) of ln(exp(x) + exp(y))
for real symbols x and y, which is softmax([x, y]):
(exp(x) / (exp(x) + exp(y)), exp(y) / (exp(x) + exp(y))).

The answer is a pair of sympy expressions: a tuple or list of two, or a sympy Matrix with two
entries (a column or a row) are all accepted. Any forms equal to the partial derivatives for
real x, y are right (1 / (1 + exp(y - x)), sp.diff(...), ...).
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake


def reference(x, y):
    total = sp.exp(x) + sp.exp(y)
    return sp.exp(x) / total, sp.exp(y) / total


def pair(got):
    """The two entries of the student's answer, or a failed test saying what is wrong."""
    entries = None
    if isinstance(got, sp.MatrixBase) and len(got) == 2:
        entries = [got[0], got[1]]
    elif isinstance(got, list | tuple) and len(got) == 2:
        entries = list(got)
    assert entries is not None, (
        "logsumexp_gradient(x, y) should return the pair (d/dx, d/dy) of the two partial "
        f"derivatives, e.g. a tuple of two sympy expressions; you returned {format_value(got)}"
    )
    return entries


def assert_gradient(got, x, y):
    entries = pair(got)
    domain = {x: (-3.0, 3.0), y: (-3.0, 3.0)}
    for which, entry, expected in zip(("x", "y"), entries, reference(x, y), strict=True):
        assert_equivalent(entry, expected, domain=domain, inputs={"x": x, "y": y},
                          what=f"your d/d{which} (entry {'0' if which == 'x' else '1'})")


@pytest.mark.points(3)
def test_equivalent_to_the_gradient(student):
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    assert_gradient(student.logsumexp_gradient(x, y), x, y)


@pytest.mark.points(1)
def test_entries_sum_to_one(student):
    """The gradient of log-sum-exp is a softmax: a pmf, whose entries add up to 1."""
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    first, second = pair(student.logsumexp_gradient(x, y))
    assert_equivalent(first + second, sp.Integer(1), domain={x: (-3.0, 3.0), y: (-3.0, 3.0)},
                      inputs={"x": x, "y": y}, what="the sum of your two partial derivatives")


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    a, b = sp.Symbol("a", real=True), sp.Symbol("b", real=True)
    assert_gradient(student.logsumexp_gradient(a, b), a, b)


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def numerators_only(x, y):
    """d/dx ln(u) = u' / u: each partial derivative of ln(e^x + e^y) is divided by e^x + e^y,
    which makes the gradient a softmax.
    """
    return sp.exp(x), sp.exp(y)


@mistake
def one_over_the_sum(x, y):
    """Chain rule: d/dx ln(e^x + e^y) = (d/dx (e^x + e^y)) / (e^x + e^y) = e^x / (e^x + e^y);
    the numerator is the inner derivative e^x, not 1.
    """
    return 1 / (sp.exp(x) + sp.exp(y)), 1 / (sp.exp(x) + sp.exp(y))


@mistake
def partials_swapped(x, y):
    """The first entry is d/dx, whose numerator is e^x (only the e^x term depends on x); yours
    has the two partial derivatives swapped.
    """
    total = sp.exp(x) + sp.exp(y)
    return sp.exp(y) / total, sp.exp(x) / total


@mistake
def only_d_dx(x, y):
    """The gradient of a function of two variables has two entries: return the pair (d/dx,
    d/dy), e.g. as a tuple.
    """
    return sp.exp(x) / (sp.exp(x) + sp.exp(y))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def list_from_diff(x, y):
    lse = sp.log(sp.exp(x) + sp.exp(y))
    return [sp.diff(lse, x), sp.diff(lse, y)]


@alternative
def column_matrix_of_sigmoids(x, y):
    return sp.Matrix([1 / (1 + sp.exp(y - x)), 1 / (1 + sp.exp(x - y))])


@alternative
def row_matrix_jacobian(x, y):
    return sp.Matrix([sp.log(sp.exp(x) + sp.exp(y))]).jacobian([x, y])
