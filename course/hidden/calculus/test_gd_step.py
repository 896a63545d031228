"""Hidden tests for `gd_step(x, grad_f, learning_rate)`: one gradient-descent step,
x - learning_rate * grad_f(x), for a scalar x (a float comes back) or a 1-D array x (an
array of the same shape comes back).

The gradients are `SymbolicFunction`s built inside the student's worker; they act entrywise
on arrays, i.e. they are gradients of separable losses sum_i f(x_i).
"""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors
from autograder.wire import SymbolicFunction

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601

t = sp.Symbol("t", real=True)
TWICE = SymbolicFunction(2 * t, (t,))  # gradient of t^2
QUARTIC = SymbolicFunction(t**3 - 2 * t, (t,))  # gradient of t^4/4 - t^2
SHIFTED = SymbolicFunction(2 * (t - 3), (t,))  # gradient of (t - 3)^2
CONSTANT = SymbolicFunction(sp.Integer(1), (t,))  # gradient of t


def reference(x, grad_f, learning_rate):
    return x - learning_rate * grad_f(x)


def shown(case):
    """The inputs of a call for feedback, with each function shown as its formula."""
    names = ("x", "grad_f", "learning_rate")
    return {name: getattr(value, "expr", value) for name, value in zip(names, case, strict=True)}


def check_cases(student, cases):
    """Call the student on every case first (all calls on record), then compare."""
    results = [student.gd_step(*case) for case in cases]
    for case, got in zip(cases, results, strict=True):
        assert_close(got, reference(*case), inputs=shown(case))


def vec(*values):
    return np.array(values, dtype=float)


SCALAR_CASES = [
    (1.0, TWICE, 0.1),
    (2.0, QUARTIC, 0.05),
    (0.0, SHIFTED, 0.25),
    (-1.5, SHIFTED, 0.5),
    (4.0, CONSTANT, 0.3),
]
ARRAY_CASES = [
    (vec(1.0, -2.0, 3.0), TWICE, 0.1),
    (vec(0.5, 2.0), QUARTIC, 0.2),
    (vec(0.0, 3.0, 6.0, -1.0), SHIFTED, 0.25),
    (vec(7.0), CONSTANT, 1.5),
]


def assert_steps(student, cases):
    check_cases(student, cases)


@pytest.mark.points(3)
def test_scalar_steps(student):
    """From x = 1 with grad_f(x) = 2x and learning rate 0.1: 1 - 0.1 * 2 = 0.8."""
    assert_steps(student, SCALAR_CASES)


@pytest.mark.points(3)
def test_array_steps(student):
    """Every entry moves against its own partial derivative; the shape is kept."""
    assert_steps(student, ARRAY_CASES)


@pytest.mark.points(1)
def test_zero_learning_rate_and_stationary_point(student):
    """Learning rate 0 does not move; neither does a step from a point where the gradient
    is 0 (here x = 3 for (x - 3)^2), whatever the learning rate."""
    assert_steps(student, [(2.5, QUARTIC, 0.0), (vec(1.0, 2.0), TWICE, 0.0),
                           (3.0, SHIFTED, 0.7), (vec(3.0, 3.0), SHIFTED, 2.0)])


@pytest.mark.points(2)
@seed(SEED)
@given(x=vectors((1, 8), bound=5.0), learning_rate=st.floats(0.0, 1.0))
def test_random_points(student, x, learning_rate):
    assert_close(student.gd_step(x, QUARTIC, learning_rate), reference(x, QUARTIC, learning_rate),
                 inputs={"x": x, "grad_f": QUARTIC.expr, "learning_rate": learning_rate})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    x = vec(1.0, -2.0, 3.0)
    # The function passed in comes back as None.
    _, (after, _, _) = student.gd_step.call_and_return_args(x.copy(), TWICE, 0.1)
    assert np.array_equal(after, x), (
        f"gd_step(x, grad_f, learning_rate) changed x: {format_value(x)} before the call, "
        f"{format_value(after)} after it. Write `return x - learning_rate * grad_f(x)` (a new "
        "array), not `x -= ...`."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def updates_x_in_place(x, grad_f, learning_rate):
    """`x -= learning_rate * grad_f(x)` changes the caller's array x; write `return x -
    learning_rate * grad_f(x)`, which makes a new one.
    """
    x -= learning_rate * grad_f(x)
    return x


@mistake
def steps_uphill(x, grad_f, learning_rate):
    """The gradient points uphill, towards larger loss; descent steps the other way: x -
    learning_rate * grad_f(x), with a minus sign.
    """
    return x + learning_rate * grad_f(x)


@mistake
def ignores_the_learning_rate(x, grad_f, learning_rate):
    """The step is the gradient scaled by the learning rate: x - learning_rate * grad_f(x).
    Without the learning rate the step is usually far too big.
    """
    return x - grad_f(x)


@mistake
def returns_the_step(x, grad_f, learning_rate):
    """Return the new point x - learning_rate * grad_f(x), not only the step learning_rate *
    grad_f(x).
    """
    return learning_rate * grad_f(x)


@mistake
def divides_by_the_learning_rate(x, grad_f, learning_rate):
    """Multiply the gradient by the learning rate (a small number such as 0.1 makes a small
    step); dividing by it makes the step bigger instead.
    """
    return x - grad_f(x) / learning_rate


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def with_a_step_variable(x, grad_f, learning_rate):
    step = -learning_rate * grad_f(x)
    return x + step


@alternative
def copies_then_updates(x, grad_f, learning_rate):
    new_x = np.copy(x)
    new_x = new_x - learning_rate * np.asarray(grad_f(x))
    return new_x if np.ndim(x) else float(new_x)


@alternative
def subtract_with_numpy(x, grad_f, learning_rate):
    return np.subtract(x, np.multiply(learning_rate, grad_f(x)))
