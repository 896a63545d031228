"""Hidden tests for `project_onto_line(y, a)`: the orthogonal projection of the point y onto
the line through 0 spanned by a (a != 0): (a . y / a . a) a, a vector like y.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
RTOL, ATOL = 1e-6, 1e-9


def reference(y, a):
    return (a @ y) / (a @ a) * a


def vec(*values):
    return np.array(values, dtype=float)


# a is not a unit vector, and y is not on the line.
FIXED = [
    (vec(0.5, 2), vec(2, 1)),
    (vec(3, 4), vec(1, 0)),
    (vec(1, 2, 3), vec(1, 1, 1)),
    (vec(2, -1), vec(0, 3)),
    (vec(4, 0, -2, 1), vec(1, 2, 0, -1)),
]
# y on the line (projects to itself), y orthogonal to a (projects to 0), length 1. A control.
EDGES = [(vec(4, 2), vec(2, 1)), (vec(1, -2), vec(2, 1)), (vec(3), vec(-2)),
         (vec(3, 4), vec(1, 1))]
LARGE = [(vec(3e6, 4e6), vec(1e-3, 2e-3)), (vec(1e-4, 2e-4), vec(5e5, 1e6)),
         (vec(1e8, 0, 1e8), vec(1, 1, 0))]


@st.composite
def point_and_direction(draw):
    y = draw(vectors((1, 6)))
    a = draw(vectors(len(y)).filter(lambda v: np.linalg.norm(v) > 1e-3))
    return y, a


def close_to(got, expected, **options):
    assert_close(got, expected, rtol=RTOL, atol=ATOL * max(1.0, np.abs(expected).max()),
                 **options)


def assert_all_close(student, cases):
    check_calls(student.project_onto_line, reference, cases, names=("y", "a"),
                compare=close_to)


@pytest.mark.points(3)
def test_fixed_points(student):
    """The projection of [3, 4] onto the line through [1, 0] is [3, 0]."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_on_the_line_orthogonal_and_length_one(student):
    """A point on the line stays put; a point orthogonal to a goes to 0."""
    assert_all_close(student, EDGES)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    """The answer does not depend on the length of a, only on its direction."""
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=point_and_direction())
def test_matches_reference_on_random_points(student, case):
    y, a = case
    close_to(student.project_onto_line(y, a), reference(y, a), inputs={"y": y, "a": a})


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    y, a = FIXED[0]
    _, (y_after, a_after) = student.project_onto_line.call_and_return_args(y.copy(), a.copy())
    assert np.array_equal(y_after, y) and np.array_equal(a_after, a), (
        f"project_onto_line(y, a) changed its arguments: y = {format_value(y)} and "
        f"a = {format_value(a)} before the call, {format_value(y_after)} and "
        f"{format_value(a_after)} after it. Don't normalise a in place (a /= ...): write "
        "u = a / np.linalg.norm(a)."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def assumes_unit_direction(y, a):
    """(a . y) a is the projection only when a has length 1. Divide by a . a: (a . y / a . a) a."""
    return (a @ y) * a


@mistake
def divides_by_the_norm(y, a):
    """Divide by the squared length a . a, not the length: the projection is (a . y) / (a . a) *
    a (one factor 1/|a| normalises a, the other normalises a . y).
    """
    return (a @ y) / np.linalg.norm(a) * a


@mistake
def returns_the_coefficient(y, a):
    """a . y / a . a is the coordinate of the projection along a; the projection is that number
    times a, a vector like y.
    """
    return (a @ y) / (a @ a)


@mistake
def projects_a_onto_y(y, a):
    """That projects a onto the line through y. The line is spanned by a and the point is y: (a
    . y / a . a) a.
    """
    return (a @ y) / (y @ y) * y


@mistake
def returns_the_error(y, a):
    """y - (a . y / a . a) a is the error of the projection (orthogonal to a); the projection
    itself is (a . y / a . a) a.
    """
    return y - (a @ y) / (a @ a) * a


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def through_a_unit_vector(y, a):
    u = a / np.linalg.norm(a)
    return np.dot(u, y) * u


@alternative
def with_the_projection_matrix(y, a):
    return np.outer(a, a) / np.dot(a, a) @ y


@alternative
def with_a_loop(y, a):
    dot = sum(ai * yi for ai, yi in zip(a, y, strict=True))
    norm2 = sum(ai * ai for ai in a)
    return np.array([dot / norm2 * ai for ai in a])
