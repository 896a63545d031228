"""Hidden tests for `shape_of_transpose(matrix)`: the shape of matrix.T, as a tuple.

The input is a 2-D float array; the answer is a tuple of two ints (Python int or np.integer),
like the `.shape` attribute itself.
"""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_equal, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(matrix):
    rows, cols = matrix.shape
    return (cols, rows)


def matrix_of(rows, cols):
    return np.arange(rows * cols, dtype=float).reshape(rows, cols)


NON_SQUARE = [matrix_of(2, 3), matrix_of(3, 2), matrix_of(1, 5), matrix_of(4, 1),
              matrix_of(2, 7)]
# Square and 1 x 1: the transpose has the same shape. The last one is a non-square control.
SQUARE = [matrix_of(1, 1), matrix_of(3, 3), matrix_of(2, 2), matrix_of(3, 5)]


def as_shape(value):
    """A list or 1-D array of ints read as a tuple, so that only the type test grades the
    container; anything else is left for assert_equal to describe."""
    if isinstance(value, list) or (isinstance(value, np.ndarray) and value.ndim == 1
                                   and value.dtype.kind in "iu"):
        return tuple(value)
    return value


def same_shape(got, expected, **options):
    assert_equal(as_shape(got), expected, **options)


def assert_all_equal(student, inputs):
    check_calls(student.shape_of_transpose, reference, [(m,) for m in inputs],
                names=("matrix",), compare=same_shape)


@pytest.mark.points(3)
def test_non_square_matrices(student):
    """The transpose of an (m, n) matrix has shape (n, m): rows become columns."""
    assert_all_equal(student, NON_SQUARE)


@pytest.mark.points(1)
def test_square_and_single_entry(student):
    assert_all_equal(student, SQUARE)


@pytest.mark.points(2)
@seed(SEED)
@given(matrix=matrices((1, 9), (1, 9)))
def test_random_shapes(student, matrix):
    same_shape(student.shape_of_transpose(matrix), reference(matrix), inputs={"matrix": matrix})


@pytest.mark.points(1)
def test_returns_a_tuple(student):
    """Shapes are tuples in NumPy (`matrix.shape` is one), so return a tuple too."""
    matrix = matrix_of(2, 3)
    assert_equal(student.shape_of_transpose(matrix), (3, 2), inputs={"matrix": matrix})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    matrix = matrix_of(2, 3)
    _, (after,) = student.shape_of_transpose.call_and_return_args(matrix.copy())
    assert np.array_equal(after, matrix), (
        f"shape_of_transpose(matrix) changed its argument: {format_value(matrix)} before the "
        f"call, {format_value(after)} after it. Only read the matrix's shape."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def returns_the_transpose(matrix):
    """The question asks for the shape of the transpose, not the transpose itself: return
    matrix.T.shape (a tuple such as (3, 2)), not matrix.T.
    """
    return matrix.T


@mistake
def shape_not_reversed(matrix):
    """Transposing swaps rows and columns: an (m, n) matrix becomes (n, m). matrix.shape is the
    shape before transposing; reverse it (or use matrix.T.shape).
    """
    return matrix.shape


@mistake
def length_instead_of_shape(matrix):
    """len(matrix.T) is only the number of rows of the transpose; a shape lists the size along
    every axis, e.g. (3, 2).
    """
    return len(matrix.T)


@mistake
def list_instead_of_tuple(matrix):
    """NumPy shapes are tuples, e.g. (3, 2); return a tuple (tuple(...) or matrix.T.shape), not
    a list or an array.
    """
    return list(matrix.shape[::-1])


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def transpose_then_shape(matrix):
    return matrix.T.shape


@alternative
def numpy_integers(matrix):
    rows, cols = np.shape(matrix)
    return (np.int64(cols), np.int64(rows))


@alternative
def lengths(matrix):
    return (len(matrix[0]), len(matrix))
