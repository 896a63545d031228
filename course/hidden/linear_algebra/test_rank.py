"""Hidden tests for `rank(A)`: the rank of the 2-D float array A, as an int (Python int or
np.integer): the number of singular values above a tolerance relative to the largest, as
np.linalg.matrix_rank counts them.

The rank-deficient inputs have their zero singular values at rounding level (about 1e-15
times the largest) and the others clearly away from zero, so any sensible relative tolerance
gives the same answer.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_equal, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(A):
    return int(np.linalg.matrix_rank(A))


def mat(rows):
    return np.array(rows, dtype=float)


# Full rank, tall and wide (rank = the smaller dimension), no zero row or column.
FULL_RANK = [
    mat([[1, 2], [3, 4]]),
    mat([[1, 0], [1, 1], [1, 2]]),
    mat([[1, 2, 3, 4], [0, 1, 0, 1]]),
    mat([[5]]),
]
# Dependent rows or columns: the rank is smaller than both dimensions.
DEFICIENT = [
    mat([[1, 2], [2, 4]]),
    mat([[1, 2, 3], [2, 4, 6], [1, 1, 1]]),
    mat([[1, 2, 3, 4], [2, 4, 6, 8], [3, 6, 9, 12]]),
    mat([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]),
    mat([[1, 1], [1, 1], [1, 1]]),
    np.diag([2.0, 0.0, 1.0]),
    mat([[0, 1], [0, 2]]),
]
# The zero matrix has rank 0; zero rows; a 1 x 1 zero. The last one is a control.
ZEROS = [np.zeros((2, 3)), np.zeros((1, 1)), mat([[1, 2], [0, 0], [3, 4]]), mat([[1, 2], [3, 4]])]
# Large entries: rounding errors in the zero singular values are large in absolute terms.
LARGE = [1e6 * DEFICIENT[1], 1e8 * DEFICIENT[2], 1e6 * FULL_RANK[1]]

RANK_AND_MATRIX = st.integers(0, 4).flatmap(
    lambda r: st.tuples(st.just(r), matrices((max(r, 1), 6), (max(r, 1), 6), rank=r)))


def assert_all_equal(student, inputs):
    check_calls(student.rank, reference, [(A,) for A in inputs], names=("A",),
                compare=assert_equal)


@pytest.mark.points(2)
def test_full_rank_matrices(student):
    """A full-rank matrix has rank min(m, n)."""
    assert_all_equal(student, FULL_RANK)


@pytest.mark.points(2)
def test_rank_deficient_matrices(student):
    """[[1, 2], [2, 4]] has rank 1: the second row is twice the first."""
    assert_all_equal(student, DEFICIENT)


@pytest.mark.points(1)
def test_zero_matrix_and_zero_rows(student):
    assert_all_equal(student, ZEROS)


@pytest.mark.points(1)
def test_large_values(student):
    """The tolerance must be relative to the size of A: at 1e8, a 'zero' singular value from
    rounding is about 1e-7."""
    assert_all_equal(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=RANK_AND_MATRIX)
def test_random_matrices_of_known_rank(student, case):
    r, A = case
    assert_equal(student.rank(A), r, inputs={"A": A})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    A = DEFICIENT[1]
    _, (after,) = student.rank.call_and_return_args(A.copy())
    assert np.array_equal(after, A), (
        f"rank(A) changed its argument: A = {format_value(A)} before the call, "
        f"{format_value(after)} after it. Row-reduce a copy (A.copy()), not A itself."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def assumes_full_rank(A):
    """min(m, n) is only an upper bound: dependent rows or columns lower the rank ([[1, 2], [2,
    4]] has rank 1). Count the singular values that are not (numerically) zero.
    """
    return min(A.shape)


@mistake
def counts_columns(A):
    """The rank is not the number of columns: it is the number of independent columns (equal to
    the number of independent rows). Count the nonzero singular values.
    """
    return A.shape[1]


@mistake
def counts_exactly_nonzero_singular_values(A):
    """Rounding makes 'zero' singular values tiny but not 0 (about 1e-16 times the largest), so
    s > 0 counts them. Compare with a tolerance relative to the largest singular value, as
    np.linalg.matrix_rank does.
    """
    return int(np.sum(np.linalg.svd(A, compute_uv=False) > 0))


@mistake
def absolute_tolerance(A):
    """A fixed tolerance such as 1e-10 fails for large matrices, whose rounding errors are large
    too: make it relative, e.g. s > s.max() * max(A.shape) * np.finfo(float).eps.
    """
    return int(np.sum(np.linalg.svd(A, compute_uv=False) > 1e-10))


@mistake
def counts_nonzero_rows(A):
    """Counting nonzero rows misses rows that depend on others: [[1, 2], [2, 4]] has two nonzero
    rows but rank 1. Count the nonzero singular values.
    """
    return int(np.count_nonzero(np.any(A != 0, axis=1)))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def numpy_matrix_rank(A):
    return np.linalg.matrix_rank(A)


@alternative
def count_singular_values(A):
    s = np.linalg.svd(A, compute_uv=False)
    if s.size == 0 or s[0] == 0:
        return 0
    return int(np.sum(s > s[0] * 1e-10))


@alternative
def scipy_orth(A):
    from scipy.linalg import orth

    return orth(A).shape[1]
