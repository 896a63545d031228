"""Toy hidden suite: `square(x)` returns the sympy expression x**2 for a symbol x."""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative


@pytest.mark.points(1)
def test_square(student):
    x = sp.Symbol("x")
    assert_equivalent(student.square(x), x**2, inputs={"x": x})


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def as_product(x):
    return sp.Mul(x, x)
