"""Hidden tests for `low_rank_approx(A, k)`: the best rank-k approximation of A in the
Frobenius norm, for 0 <= k <= min(m, n) (Eckart-Young: keep the k largest singular values).

k = 0 gives the zero matrix and k = min(m, n) gives A itself. Where the k-th and (k+1)-th
singular values are equal the best approximation is not unique; generated matrices are then
graded by what every best approximation has: rank at most k and the Eckart-Young error.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import GradingFailure, assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
RTOL, ATOL = 1e-6, 1e-8


def reference(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k]


def gaussian(seed_, rows, cols):
    return np.round(np.random.default_rng(seed_).standard_normal((rows, cols)), 2)


# Distinct singular values, so each answer is unique. Not symmetric, mostly not square.
A43, A35, A44, A52 = gaussian(1, 4, 3), gaussian(2, 3, 5), gaussian(3, 4, 4), gaussian(4, 5, 2)
FIXED = [(A43, 1), (A35, 2), (A44, 2), (A52, 1), (A44, 3)]
# k = 0 keeps nothing; k = min(m, n) keeps everything; also for 1 x 1. The last is a control.
EXTREMES = [(A43, 0), (A43, 3), (A35, 3), (np.array([[3.0]]), 1), (np.array([[3.0]]), 0),
            (A52, 1)]
# Rank 2 (4 x 5): k = 2 or more reproduces A; k = 1 is unique (distinct singular values).
RANK_2 = gaussian(5, 4, 2) @ gaussian(6, 2, 5)
RANK_DEFICIENT = [(RANK_2, 1), (RANK_2, 2), (RANK_2, 4)]
LARGE = [(1e6 * A43, 1), (1e8 * A35, 2), (1e-5 * A44, 2)]


def close_to(got, expected, **options):
    """assert_close with an absolute tolerance that scales with the size of the answer."""
    scale = max(1.0, np.abs(expected).max()) if np.size(expected) else 1.0
    assert_close(got, expected, rtol=RTOL, atol=ATOL * scale, **options)


def assert_all_close(student, cases):
    check_calls(student.low_rank_approx, reference, cases, names=("A", "k"), compare=close_to)


def as_array(got, shape, inputs, what="the result"):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


@st.composite
def matrix_and_rank(draw):
    A = draw(matrices((1, 6), (1, 6)))
    return A, draw(st.integers(0, min(A.shape)))


@pytest.mark.points(3)
def test_fixed_matrices(student):
    """A_k = U_k diag(s_k) V_k^T with the k largest singular values s and their vectors."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_k_zero_and_k_full(student):
    """k = 0 gives the zero matrix, k = min(m, n) gives A back."""
    assert_all_close(student, EXTREMES)


@pytest.mark.points(1)
def test_rank_deficient_matrix(student):
    """A matrix of rank 2 is its own best approximation of rank 2, 3 or 4."""
    assert_all_close(student, RANK_DEFICIENT)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=matrix_and_rank())
def test_eckart_young_on_random_matrices(student, case):
    """The answer has rank at most k, and its error ||A - A_k||_F is the smallest possible,
    sqrt(s_{k+1}^2 + ... + s_r^2)."""
    A, k = case
    inputs = {"A": A, "k": k}
    B = as_array(student.low_rank_approx(A, k), A.shape, inputs)
    if not np.all(np.isfinite(B)):  # nan or inf: say where, rather than fail in the SVD
        assert_close(B, reference(A, k), rtol=RTOL, atol=ATOL, inputs=inputs)
    s = np.linalg.svd(A, compute_uv=False)
    s_b = np.linalg.svd(B, compute_uv=False)
    scale = max(1.0, s[0])
    assert_close(s_b[k:], np.zeros(len(s_b) - k), atol=1e-7 * scale, inputs=inputs,
                 what=f"the singular values of your answer after the first k = {k}")
    assert_close(np.linalg.norm(A - B), np.sqrt(np.sum(s[k:] ** 2)), rtol=RTOL,
                 atol=1e-7 * scale, inputs=inputs, what="the error ||A - A_k||_F")


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    A = A43.copy()
    _, (after, _) = student.low_rank_approx.call_and_return_args(A.copy(), 1)
    assert np.array_equal(after, A), (
        f"low_rank_approx(A, k) changed its argument: A = {format_value(A)} before the call, "
        f"{format_value(after)} after it. Compute with new arrays (np.linalg.svd returns new "
        "ones; set singular values to zero in a copy)."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def keeps_the_smallest(A, k):
    """np.linalg.svd sorts the singular values from largest to smallest; Eckart-Young keeps the
    k largest, i.e. the first k: U[:, :k], s[:k], Vt[:k].
    """
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    if k == 0:
        return np.zeros_like(A)
    return U[:, -k:] @ np.diag(s[-k:]) @ Vt[-k:]


@mistake
def forgets_singular_values(A, k):
    """U_k V_k^T drops the sizes of the components: the approximation is U[:, :k] @
    np.diag(s[:k]) @ Vt[:k], with the singular values in the middle.
    """
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ Vt[:k]


@mistake
def keeps_k_plus_one(A, k):
    """Keep exactly k singular values: s[:k] (indices 0 .. k-1), not s[:k + 1]."""
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k + 1] @ np.diag(s[:k + 1]) @ Vt[:k + 1]


@mistake
def columns_of_vt(A, k):
    """np.linalg.svd returns V transposed (Vt): the right singular vectors are the rows of Vt,
    so take Vt[:k], not columns of Vt.
    """
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:, :k].T


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def zero_the_small_singular_values(A, k):
    U, s, Vt = np.linalg.svd(A)
    s = s.copy()
    s[k:] = 0
    S = np.zeros(A.shape)
    S[:len(s), :len(s)] = np.diag(s)
    return U @ S @ Vt


@alternative
def sum_of_outer_products(A, k):
    U, s, Vt = np.linalg.svd(A)
    total = np.zeros(A.shape)
    for i in range(k):
        total += s[i] * np.outer(U[:, i], Vt[i])
    return total


@alternative
def scipy_svd(A, k):
    import scipy.linalg

    U, s, Vt = scipy.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]
