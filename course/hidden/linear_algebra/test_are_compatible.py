"""Hidden tests for `are_compatible(A, B)`: True iff A @ B is defined, for 2-D A and B.

That is A.shape[1] == B.shape[0] (the columns of A match the rows of B). The answer is a
bool (Python bool or np.bool_).
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_equal, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(A, B):
    return bool(A.shape[1] == B.shape[0])


def ones(rows, cols):
    return np.ones((rows, cols))


def pair(a_shape, b_shape):
    return ones(*a_shape), ones(*b_shape)


# A @ B is defined. None of these has A's rows equal to B's columns, equal shapes, equal
# column counts or equal row counts, except where noted.
COMPATIBLE = [
    pair((2, 3), (3, 4)),
    pair((1, 5), (5, 2)),
    pair((5, 1), (1, 3)),
    pair((4, 2), (2, 1)),
    pair((3, 3), (3, 3)),   # square: every shape test agrees
    pair((1, 1), (1, 1)),
]
# A @ B is not defined; the last pair is a compatible control.
INCOMPATIBLE = [
    pair((2, 3), (2, 3)),   # the same shape
    pair((3, 2), (4, 3)),   # B @ A would be defined, not A @ B
    pair((3, 2), (3, 5)),   # the same number of rows
    pair((2, 5), (3, 5)),   # the same number of columns
    pair((1, 4), (1, 4)),
    pair((2, 3), (3, 2)),
]
# A row times a column and a column times a row: both are defined.
VECTORS_AS_MATRICES = [pair((1, 4), (4, 1)), pair((4, 1), (1, 4)), pair((1, 3), (1, 3))]


def assert_all_equal(student, cases):
    check_calls(student.are_compatible, reference, cases, names=("A", "B"),
                compare=assert_equal)


@pytest.mark.points(2)
def test_compatible_pairs(student):
    """A @ B needs as many columns in A as rows in B: (2, 3) @ (3, 4) is defined."""
    assert_all_equal(student, COMPATIBLE)


@pytest.mark.points(2)
def test_incompatible_pairs(student):
    """(3, 2) @ (4, 3) is not defined, although (4, 3) @ (3, 2) is: order matters."""
    assert_all_equal(student, INCOMPATIBLE)


@pytest.mark.points(1)
def test_rows_and_columns(student):
    """A (1, 4) row times a (4, 1) column is a 1 x 1 matrix; a column times a row, (4, 4)."""
    assert_all_equal(student, VECTORS_AS_MATRICES)


@pytest.mark.points(2)
@seed(SEED)
@given(m=st.integers(1, 6), n=st.integers(1, 6), p=st.integers(1, 6), q=st.integers(1, 6),
       same=st.booleans())
def test_random_shapes(student, m, n, p, q, same):
    A, B = ones(m, n), ones(n if same else q, p)
    assert_equal(student.are_compatible(A, B), reference(A, B),
                 inputs={"A.shape": A.shape, "B.shape": B.shape})


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    A, B = np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4)
    _, (a_after, b_after) = student.are_compatible.call_and_return_args(A.copy(), B.copy())
    assert np.array_equal(a_after, A) and np.array_equal(b_after, B), (
        f"are_compatible(A, B) changed its arguments: A = {format_value(A)}, "
        f"B = {format_value(B)} before the call, A = {format_value(a_after)}, "
        f"B = {format_value(b_after)} after it. Only read their shapes."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def outer_dimensions(A, B):
    """For A @ B, the inner dimensions must match: the number of columns of A (A.shape[1]) with
    the number of rows of B (B.shape[0]). You compared the outer ones.
    """
    return A.shape[0] == B.shape[1]


@mistake
def same_shapes(A, B):
    """A @ B does not need A and B to have the same shape ((2, 3) @ (3, 4) is fine, (2, 3) @ (2,
    3) is not): compare A.shape[1] with B.shape[0].
    """
    return A.shape == B.shape


@mistake
def same_number_of_columns(A, B):
    """Each column of B is a vector that A is applied to, so its length (B's number of rows,
    B.shape[0]) must equal A's number of columns, A.shape[1].
    """
    return A.shape[1] == B.shape[1]


@mistake
def same_number_of_rows(A, B):
    """A's rows are not what must match: A @ B needs A.shape[1] (columns of A) == B.shape[0]
    (rows of B).
    """
    return A.shape[0] == B.shape[0]


@mistake
def returns_an_int(A, B):
    """Return a bool (True or False), e.g. the value of A.shape[1] == B.shape[0]."""
    return int(A.shape[1] == B.shape[0])


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def try_the_product(A, B):
    try:
        A @ B
    except ValueError:
        return False
    return True


@alternative
def numpy_bool(A, B):
    return np.equal(np.shape(A)[-1], np.shape(B)[0])
