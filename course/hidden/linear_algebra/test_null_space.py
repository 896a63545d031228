"""Hidden tests for `null_space(A)`: an orthonormal basis of the null space {x : A x = 0} of
the (m, n) array A, as the columns of an (n, n - r) array N (r the rank of A).

Any orthonormal basis is right (signs, order, rotations within the null space), so answers
are graded by what defines one: the shape (n, n - r), A @ N = 0 and N.T @ N = I.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import GradingFailure, assert_close, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
ATOL = 1e-8


def mat(rows):
    return np.array(rows, dtype=float)


# Rank-deficient and wide: null spaces of dimension 1 and 2.
FIXED = [
    mat([[1, 1]]),
    mat([[1, 2, 3], [2, 4, 6]]),
    mat([[1, 0, -1], [0, 1, 2]]),
    mat([[1, 2], [2, 4]]),
    mat([[1, 2, 3, 4], [0, 1, 0, 1], [1, 3, 3, 5]]),
]
# Full column rank: the null space is {0}, a basis has no vectors, N has shape (n, 0). The
# zero matrix: everything is in the null space.
TRIVIAL = [mat([[1, 0], [0, 1], [1, 1]]), mat([[2]]), mat([[1, 2], [3, 4]])]
ZERO = [np.zeros((2, 3)), np.zeros((1, 1)), np.zeros((3, 2))]

RANK_AND_MATRIX = st.integers(0, 3).flatmap(
    lambda r: st.tuples(st.just(r), matrices((max(r, 1), 5), (max(r, 1), 5), rank=r)))


def as_array(got, shape, inputs, what="N"):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


def assert_null_space_basis(A, got):
    """N has shape (n, n - r), A @ N = 0 and orthonormal columns."""
    inputs = {"A": A}
    n = A.shape[1]
    r = np.linalg.matrix_rank(A)
    N = as_array(got, (n, n - r), inputs, f"N (n = {n} rows, one column per dimension of the "
                 f"null space, n - rank = {n - r})")
    scale = max(1.0, np.abs(A).max())
    assert_close(A @ N, np.zeros((A.shape[0], n - r)), atol=ATOL * scale, inputs=inputs,
                 what="A @ N")
    assert_close(N.T @ N, np.eye(n - r), atol=ATOL, inputs=inputs,
                 what="N.T @ N (orthonormal columns give the identity)")


def check_all(student, inputs):
    """Call on every input first (all calls on record), then check each answer."""
    answers = [student.null_space(A) for A in inputs]
    for A, got in zip(inputs, answers, strict=True):
        assert_null_space_basis(A, got)


@pytest.mark.points(3)
def test_fixed_matrices(student):
    """The null space of [[1, 1]] is the line through [1, -1]: N = [[1], [-1]] / sqrt(2) (or
    its negative)."""
    check_all(student, FIXED)


@pytest.mark.points(1)
def test_full_column_rank_gives_no_columns(student):
    """Only x = 0 solves A x = 0: the basis is empty, N has shape (n, 0)."""
    check_all(student, TRIVIAL)


@pytest.mark.points(1)
def test_zero_matrix(student):
    """Every x solves 0 x = 0: N is an orthonormal basis of all of R^n (e.g. the identity)."""
    check_all(student, ZERO)


@pytest.mark.points(1)
def test_large_values(student):
    check_all(student, [1e6 * FIXED[1], 1e7 * FIXED[4]])


@pytest.mark.points(2)
@seed(SEED)
@given(case=RANK_AND_MATRIX)
def test_random_matrices_of_known_rank(student, case):
    _, A = case
    assert_null_space_basis(A, student.null_space(A))


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    A = FIXED[1]
    _, (after,) = student.null_space.call_and_return_args(A.copy())
    assert np.array_equal(after, A), (
        f"null_space(A) changed its argument: A = {format_value(A)} before the call, "
        f"{format_value(after)} after it. Work on a copy of A."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def basis_as_rows(A):
    """The basis vectors must be the columns of N (shape (n, n - r)): the rows Vt[r:] of Vt are
    the vectors, so transpose them, Vt[r:].T.
    """
    _, _, Vt = np.linalg.svd(A)
    return Vt[np.linalg.matrix_rank(A):]


@mistake
def row_space_instead(A):
    """The first r right singular vectors span the row space; the null space is spanned by the
    remaining ones: Vt[r:].T, where r is the rank.
    """
    _, _, Vt = np.linalg.svd(A)
    return Vt[:np.linalg.matrix_rank(A)].T


@mistake
def left_null_space(A):
    """The columns of U past the rank span the null space of A.T (vectors y with y^T A = 0). The
    null space of A lives in R^n: use the rows of Vt past the rank, Vt[r:].T.
    """
    U, _, _ = np.linalg.svd(A)
    return U[:, np.linalg.matrix_rank(A):]


@mistake
def reduced_svd(A):
    """With full_matrices=False, Vt has only min(m, n) rows, so for a wide matrix the null space
    directions are cut off. Use np.linalg.svd(A) (full_matrices=True).
    """
    _, _, Vt = np.linalg.svd(A, full_matrices=False)
    return Vt[np.linalg.matrix_rank(A):].T


@mistake
def rank_without_tolerance(A):
    """Rounding makes 'zero' singular values tiny but not 0, so s > 0 overcounts the rank and
    loses null space directions: use a relative tolerance, or np.linalg.matrix_rank(A).
    """
    _, s, Vt = np.linalg.svd(A)
    return Vt[int(np.sum(s > 0)):].T


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_null_space(A):
    import scipy.linalg

    return scipy.linalg.null_space(A)


@alternative
def svd_with_relative_tolerance(A):
    _, s, Vt = np.linalg.svd(A)
    r = int(np.sum(s > 1e-10 * max(s.max(initial=0.0), 1e-300)))
    return Vt[r:].T.copy()


@alternative
def eigh_of_the_gram_matrix(A):
    w, V = np.linalg.eigh(A.T @ A)
    return V[:, w <= 1e-10 * max(w.max(), 1e-300)]
