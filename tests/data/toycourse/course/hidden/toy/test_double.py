"""Toy hidden suite used by the engine's own tests: `double(x)` returns 2 * x."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from autograder.suite.compare import assert_close
from autograder.suite.mistakes import alternative, mistake


@pytest.mark.points(2)
def test_fixed(student):
    x = np.array([1.0, -2.0, 3.5])
    assert_close(student.double(x), 2 * x, inputs={"x": x})


@pytest.mark.points(1)
@given(st.floats(-100, 100))
def test_property(student, value):
    x = np.array([value])
    assert_close(student.double(x), 2 * x, inputs={"x": x})


@pytest.mark.points(1)
def test_input_unchanged(student):
    x = np.array([1.0, 2.0])
    _, (after,) = student.double.call_and_return_args(x)
    assert_close(after, np.array([1.0, 2.0]), inputs={"x": x}, what="x after the call")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def adds_two(x):
    """Doubling multiplies by 2; adding 2 shifts instead."""
    return x + 2


@mistake
def squares(x):
    """Squaring is not doubling."""
    return np.square(x)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def by_addition(x):
    return x + x
