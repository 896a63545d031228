"""Hidden tests for `logsumexp_gradient(x, y)`: the gradient (d/dx, d/dy) of ln(exp(x) + exp(y))
for real symbols x and y, which is softmax([x, y]):
(exp(x) / (exp(x) + exp(y)), exp(y) / (exp(x) + exp(y))).

The answer is a pair of sympy expressions: a tuple or list of two, or a sympy Matrix with two
entries (a column or a row) are all accepted. Any forms equal to the partial derivatives for
real x, y are right (1 / (1 + exp(y - x)), sp.diff(...), ...).
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent, format_value


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
