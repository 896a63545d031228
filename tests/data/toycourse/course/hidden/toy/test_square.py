"""Toy hidden suite: `square(x)` returns the sympy expression x**2 for a symbol x."""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


@pytest.mark.points(1)
def test_square(student):
    x = sp.Symbol("x")
    assert_equivalent(student.square(x), x**2, inputs={"x": x})
