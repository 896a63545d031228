"""Hidden tests for `projection_matrix(A)`: the orthogonal projector onto the column space of
A, P = A (A^T A)^-1 A^T, for A of full column rank (shape (m, n), m >= n). P is (m, m).

Any correct way of computing it is accepted (normal equations, QR, pinv, SVD): the inputs are
well conditioned, and entries of P are compared with an absolute tolerance of 1e-8.
"""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import GradingFailure, assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
ATOL = 1e-8  # the entries of a projector are at most 1 in size


def reference(A):
    q, _ = np.linalg.qr(A)
    return q @ q.T


def mat(rows):
    return np.array(rows, dtype=float)


# Tall, full column rank, columns neither orthogonal nor of length 1.
FIXED = [
    mat([[1], [1]]),
    mat([[1, 0], [1, 1], [1, 2]]),
    mat([[2, 1], [0, 1], [1, 3], [1, 0]]),
    mat([[1], [2], [2]]),
    mat([[3, 1, 0], [1, 2, 1], [0, 1, 2], [1, 1, 1], [2, 0, 1]]),
]
# Square invertible A: the column space is everything, P = I. A 1 x 1 matrix; a tall A
# whose columns are already orthonormal (P = A A^T); and a control.
EDGES = [
    mat([[2, 1], [1, 3]]),
    mat([[5]]),
    mat([[1, 0], [0, 1], [0, 0]]),
    mat([[1, 0], [1, 1], [1, 2]]),
]
# The projector does not depend on the scale of A.
LARGE = [1e6 * FIXED[1], 1e-4 * FIXED[2], 1e5 * FIXED[3]]

FULL_COLUMN_RANK = matrices((1, 6), (1, 4), full_column_rank=True)


def assert_all_close(student, inputs):
    check_calls(student.projection_matrix, reference, [(A,) for A in inputs], names=("A",),
                atol=ATOL)


def _student_projector(student, A):
    m = A.shape[0]
    return as_array(student.projection_matrix(A), (m, m), {"A": A}, "P")


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
def test_fixed_matrices(student):
    """P = A (A^T A)^-1 A^T: projecting onto the span of [1, 1] averages the two entries."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_square_orthonormal_and_1x1(student):
    """An invertible square A spans everything, so P = I."""
    assert_all_close(student, EDGES)


@pytest.mark.points(1)
def test_scaled_matrices(student):
    """Scaling A by 1e6 or 1e-4 does not change its column space, nor P."""
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(A=FULL_COLUMN_RANK)
def test_matches_reference_on_random_matrices(student, A):
    assert_close(student.projection_matrix(A), reference(A), atol=ATOL, inputs={"A": A})


@pytest.mark.points(2)
@seed(SEED)
@given(A=FULL_COLUMN_RANK)
def test_idempotent_and_symmetric(student, A):
    """Projecting twice changes nothing (P @ P = P), and an orthogonal projector is
    symmetric (P = P.T)."""
    P = _student_projector(student, A)
    assert_close(P @ P, P, atol=ATOL, inputs={"A": A}, what="P @ P (it should equal P)")
    assert_close(P.T, P, atol=ATOL, inputs={"A": A}, what="P.T (it should equal P)")


@pytest.mark.points(1)
@seed(SEED)
@given(A=FULL_COLUMN_RANK)
def test_fixes_the_columns_of_A(student, A):
    """Every column of A is already in the column space: P @ A = A."""
    P = _student_projector(student, A)
    assert_close(P @ A, A, atol=ATOL * max(1.0, np.abs(A).max()), inputs={"A": A},
                 what="P @ A (it should equal A)")


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    A = FIXED[2]
    _, (after,) = student.projection_matrix.call_and_return_args(A.copy())
    assert np.array_equal(after, A), (
        f"projection_matrix(A) changed its argument: A = {format_value(A)} before the call, "
        f"{format_value(after)} after it. Compute with new arrays instead of assigning into A "
        "(e.g. A /= ... or A[:, j] = ...)."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def outer_product_only(A):
    """A @ A.T is the projector only when the columns of A are orthonormal. In general divide by
    the Gram matrix: P = A (A^T A)^-1 A^T (np.linalg.solve(A.T @ A, A.T)).
    """
    return A @ A.T


@mistake
def columns_projected_separately(A):
    """Adding the projections onto each column works only when the columns are orthogonal.
    Project onto all of them together: P = A (A^T A)^-1 A^T.
    """
    P = np.zeros((A.shape[0], A.shape[0]))
    for a in A.T:
        P = P + np.outer(a, a) / (a @ a)
    return P


@mistake
def orthogonal_complement(A):
    """I - P projects onto the orthogonal complement of the column space; the projector onto the
    column space is P = A (A^T A)^-1 A^T itself.
    """
    return np.eye(A.shape[0]) - A @ np.linalg.solve(A.T @ A, A.T)


@mistake
def complete_qr(A):
    """np.linalg.qr(A, mode='complete') returns a square Q whose columns span all of R^m, so Q
    Q^T = I. Use the reduced QR (the default mode): its n columns span the column space of A.
    """
    Q, _ = np.linalg.qr(A, mode="complete")
    return Q @ Q.T


@mistake
def gram_inverse_only(A):
    """(A^T A)^-1 alone is n x n; the projector is m x m: P = A (A^T A)^-1 A^T, with A on both
    sides.
    """
    return np.linalg.inv(A.T @ A)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def reduced_qr(A):
    Q, _ = np.linalg.qr(A)
    return Q @ Q.T


@alternative
def pseudo_inverse(A):
    return A @ np.linalg.pinv(A)


@alternative
def explicit_inverse(A):
    return A @ np.linalg.inv(A.T @ A) @ A.T


@alternative
def left_singular_vectors(A):
    U, _, _ = np.linalg.svd(A, full_matrices=False)
    return U @ U.T
