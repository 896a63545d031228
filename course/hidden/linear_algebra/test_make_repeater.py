"""Hidden tests for `make_repeater(k, n)`: the (k*n, n) matrix that maps a length-n vector
x to k stacked copies of x, [x, x, ..., x]; that is np.vstack([np.eye(n)] * k).

k >= 1 and n >= 1 are ints.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import GradingFailure, assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.strategies import vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(k, n):
    return np.vstack([np.eye(n)] * k)


# k != n throughout, so swapped arguments give another shape.
FIXED = [(3, 2), (2, 3), (2, 4), (4, 1), (3, 5)]
# One copy is the identity; length-one vectors become a column of ones; and k == n.
EDGES = [(1, 3), (1, 1), (5, 1), (2, 2), (3, 2)]


def assert_all_close(student, cases):
    check_calls(student.make_repeater, reference, cases, names=("k", "n"))


def as_array(got, shape, inputs, what="the result"):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


@pytest.mark.points(3)
def test_fixed_sizes(student):
    """k identity matrices stacked on top of each other: shape (k * n, n)."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_one_copy_and_length_one(student):
    """make_repeater(1, n) is the identity; make_repeater(k, 1) a column of k ones."""
    assert_all_close(student, EDGES)


@pytest.mark.points(1)
def test_repeat_3_2(student):
    """The repeat_3_2 of the Math4ML notebook: [1, 2] -> [1, 2, 1, 2, 1, 2]."""
    M = as_array(student.make_repeater(3, 2), (6, 2), {"k": 3, "n": 2})
    x = np.array([1.0, 2.0])
    assert_close(M @ x, np.tile(x, 3),
                 inputs={"k": 3, "n": 2, "x": x}, what="make_repeater(k, n) @ x")


@pytest.mark.points(2)
@seed(SEED)
@given(k=st.integers(1, 5), x=vectors((1, 6)))
def test_repeats_any_vector(student, k, x):
    """M @ x is [x, x, ..., x] (k copies) for every x."""
    n = len(x)
    M = as_array(student.make_repeater(k, n), (k * n, n), {"k": k, "n": n})
    assert_close(M @ x, np.tile(x, k),
                 inputs={"k": k, "n": n, "x": x}, what="make_repeater(k, n) @ x")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def one_row_per_copy(k, n):
    """A (k, n) matrix outputs only k numbers (each row gives one). k copies of a length-n
    vector are k*n numbers, so the matrix is (k*n, n): k identity matrices stacked.
    """
    return np.vstack([np.ones(n)] * k)


@mistake
def stacked_side_by_side(k, n):
    """np.hstack puts the identity matrices side by side, giving shape (n, k*n): that matrix
    takes vectors of length k*n. Stack them vertically (np.vstack) to get (k*n, n).
    """
    return np.hstack([np.eye(n)] * k)


@mistake
def each_entry_repeated(k, n):
    """np.repeat(np.eye(n), k, axis=0) repeats each entry k times ([x, x, y, y]); the task is k
    copies of the whole vector ([x, y, x, y]): np.vstack([np.eye(n)] * k).
    """
    return np.repeat(np.eye(n), k, axis=0)


@mistake
def swapped_arguments(k, n):
    """k is the number of copies and n the length of the vector: stack k identity matrices of
    size n (np.vstack([np.eye(n)] * k)), not n of size k.
    """
    return np.vstack([np.eye(k)] * n)


@mistake
def identity_padded_with_zeros(k, n):
    """np.eye(k * n, n) puts one copy of x on top and zeros below. Each block of n rows must be
    an identity matrix: np.vstack([np.eye(n)] * k).
    """
    return np.eye(k * n, n)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def tile(k, n):
    return np.tile(np.eye(n), (k, 1))


@alternative
def kronecker(k, n):
    return np.kron(np.ones((k, 1)), np.eye(n))


@alternative
def integer_loop(k, n):
    M = np.zeros((k * n, n), dtype=int)
    for copy in range(k):
        for i in range(n):
            M[copy * n + i, i] = 1
    return M
