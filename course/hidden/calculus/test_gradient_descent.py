"""Hidden tests for `gradient_descent(x0, grad_f, learning_rate, steps)`: the path
[x0, x1, ..., x_steps] of gradient descent, x_{k+1} = x_k - learning_rate * grad_f(x_k),
as an array of shape (steps + 1,) for a float x0 or (steps + 1, n) for a 1-D array x0.

The gradients are `SymbolicFunction`s built inside the student's worker; they act entrywise.
"""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.compare import assert_close, format_value
from autograder.strategies import vectors
from autograder.wire import SymbolicFunction

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601

t = sp.Symbol("t", real=True)
TWICE = SymbolicFunction(2 * t, (t,))  # gradient of t^2
SHIFTED = SymbolicFunction(2 * (t - 3), (t,))  # gradient of (t - 3)^2
CUBIC = SymbolicFunction(t**3 - t, (t,))  # gradient of t^4/4 - t^2/2
NAMES = ("x0", "grad_f", "learning_rate", "steps")


def reference(x0, grad_f, learning_rate, steps):
    path = [np.array(x0, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - learning_rate * grad_f(path[-1]))
    return np.array(path)


def shown(case):
    """The inputs of a call for feedback, with each function shown as its formula."""
    return {name: getattr(value, "expr", value) for name, value in zip(NAMES, case, strict=True)}


def check_cases(student, cases):
    """Call the student on every case first (all calls on record), then compare."""
    results = [student.gradient_descent(*case) for case in cases]
    for case, got in zip(cases, results, strict=True):
        assert_close(got, reference(*case), inputs=shown(case))


def vec(*values):
    return np.array(values, dtype=float)


@pytest.mark.points(3)
def test_scalar_paths(student):
    """From 1 with grad 2x and learning rate 0.25 the path halves: [1, 0.5, 0.25, 0.125]."""
    cases = [(1.0, TWICE, 0.25, 3), (0.0, SHIFTED, 0.1, 5), (2.0, CUBIC, 0.05, 4)]
    check_cases(student, cases)


@pytest.mark.points(2)
def test_array_paths(student):
    """For a start in R^n the path has one row per point: shape (steps + 1, n)."""
    cases = [(vec(1.0, -2.0), TWICE, 0.1, 3), (vec(0.0, 6.0, 3.0), SHIFTED, 0.5, 2),
             (vec(0.5), CUBIC, 0.2, 4)]
    check_cases(student, cases)


@pytest.mark.points(1)
def test_zero_steps_and_divergence(student):
    """Zero steps is the start alone; with learning rate 1.5 on x^2 each step multiplies x by
    1 - 1.5 * 2 = -2: the iterates grow and flip sign (too large a learning rate)."""
    cases = [(2.0, TWICE, 0.1, 0), (vec(1.0, 2.0), TWICE, 0.1, 0), (1.0, TWICE, 1.5, 4)]
    check_cases(student, cases)


@pytest.mark.points(1)
@seed(SEED)
@given(x0=vectors((1, 4), bound=2.0), learning_rate=st.floats(0.0, 0.3),
       steps=st.integers(0, 6))
def test_random_paths(student, x0, learning_rate, steps):
    assert_close(student.gradient_descent(x0, CUBIC, learning_rate, steps),
                 reference(x0, CUBIC, learning_rate, steps),
                 inputs={"x0": x0, "grad_f": CUBIC.expr, "learning_rate": learning_rate,
                         "steps": steps})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    x0 = vec(1.0, -2.0)
    # The function passed in comes back as None.
    _, (after, _, _, _) = student.gradient_descent.call_and_return_args(x0.copy(), TWICE, 0.1, 3)
    assert np.array_equal(after, x0), (
        f"gradient_descent changed x0: {format_value(x0)} before the call, "
        f"{format_value(after)} after it. Start with `x = x0` and update with "
        "`x = x - learning_rate * grad_f(x)` (a new array), not `x -= ...`."
    )
