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

from autograder.suite.compare import assert_close, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors
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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def updates_in_place(x0, grad_f, learning_rate, steps):
    """`x -= ...` updates the same array object every time, so x0 changes and every entry of
    your path is that one array. Write `x = x - learning_rate * grad_f(x)`, a new array per
    step.
    """
    x = x0
    path = [x]
    for _ in range(steps):
        x -= learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake
def path_without_the_start(x0, grad_f, learning_rate, steps):
    """The path starts with x0 itself: [x0, x1, ..., x_steps] has steps + 1 points."""
    x, path = x0, []
    for _ in range(steps):
        x = x - learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake
def one_step_too_many(x0, grad_f, learning_rate, steps):
    """steps steps give steps + 1 points [x0, ..., x_steps]: loop range(steps) times, after
    putting x0 in the list.
    """
    x, path = x0, [x0]
    for _ in range(steps + 1):
        x = x - learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake
def gradient_ascent(x0, grad_f, learning_rate, steps):
    """Descend: x - learning_rate * grad_f(x), against the gradient."""
    x, path = x0, [x0]
    for _ in range(steps):
        x = x + learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake
def final_point_only(x0, grad_f, learning_rate, steps):
    """Return the whole path, one row per point [x0, x1, ..., x_steps], not only the last point."""
    x = x0
    for _ in range(steps):
        x = x - learning_rate * grad_f(x)
    return x


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def preallocated_array(x0, grad_f, learning_rate, steps):
    x0 = np.asarray(x0, dtype=float)
    path = np.empty((steps + 1,) + x0.shape)
    path[0] = x0
    for k in range(steps):
        path[k + 1] = path[k] - learning_rate * grad_f(path[k])
    return path


@alternative
def copies_then_updates_in_place(x0, grad_f, learning_rate, steps):
    x = np.array(x0, dtype=float, copy=True)
    path = [x.copy()]
    for _ in range(steps):
        x -= learning_rate * grad_f(x)
        path.append(x.copy())
    return np.stack(path)


@alternative
def while_loop_list_of_floats(x0, grad_f, learning_rate, steps):
    points = [x0]
    while len(points) <= steps:
        current = points[-1]
        points.append(current - learning_rate * grad_f(current))
    return np.asarray(points, dtype=float)
