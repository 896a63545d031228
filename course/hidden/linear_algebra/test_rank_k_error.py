"""Hidden tests for `rank_k_error(A, k)`: the Frobenius norm of the error of the best rank-k
approximation of A, ||A - A_k||_F = sqrt(s_{k+1}^2 + ... + s_r^2) (Eckart-Young), for
0 <= k <= min(m, n). A number (float, np.floating or a 0-d array).
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import matrices

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
RTOL = 1e-6


def reference(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return float(np.sqrt(np.sum(s[k:] ** 2)))


def gaussian(seed_, rows, cols):
    return np.round(np.random.default_rng(seed_).standard_normal((rows, cols)), 2)


A43, A35, A44 = gaussian(11, 4, 3), gaussian(12, 3, 5), gaussian(13, 4, 4)
# Two or more singular values dropped, so the norm, the largest one and the sum differ.
FIXED = [(A43, 1), (A35, 1), (A44, 2), (A44, 1), (np.diag([3.0, 2.0, 1.0]), 1)]
# k = 0: the whole norm of A; k = min(m, n): no error; 1 x 1. The last one is a control.
EXTREMES = [(A43, 0), (A43, 3), (A35, 3), (np.array([[-4.0]]), 0), (np.array([[-4.0]]), 1),
            (A44, 1)]
RANK_2 = gaussian(14, 4, 2) @ gaussian(15, 2, 5)
RANK_DEFICIENT = [(RANK_2, 1), (RANK_2, 2), (RANK_2, 3)]
LARGE = [(1e6 * A43, 1), (1e-5 * A44, 2)]


@st.composite
def matrix_and_rank(draw):
    A = draw(matrices((1, 6), (1, 6)))
    return A, draw(st.integers(0, min(A.shape)))


def close_to(got, expected, *, scale=1.0, **options):
    assert_close(got, expected, rtol=RTOL, atol=1e-7 * scale, **options)


def assert_all_close(student, cases):
    scale = max(np.abs(A).max() for A, _ in cases)
    check_calls(student.rank_k_error, reference, cases, names=("A", "k"),
                compare=lambda got, expected, **o: close_to(got, expected, scale=scale, **o))


@pytest.mark.points(3)
def test_fixed_matrices(student):
    """For diag(3, 2, 1) and k = 1 the error is sqrt(2^2 + 1^2) = sqrt(5): the singular values
    dropped, squared, summed, square-rooted."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_k_zero_and_k_full(student):
    """k = 0 drops everything (the error is ||A||_F); k = min(m, n) drops nothing (0)."""
    assert_all_close(student, EXTREMES)


@pytest.mark.points(1)
def test_rank_deficient_matrix(student):
    """A rank-2 matrix is approximated without error by rank 2 or more."""
    assert_all_close(student, RANK_DEFICIENT)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    for case in LARGE:
        assert_all_close(student, [case])


@pytest.mark.points(2)
@seed(SEED)
@given(case=matrix_and_rank())
def test_random_matrices(student, case):
    A, k = case
    close_to(student.rank_k_error(A, k), reference(A, k), scale=max(1.0, np.abs(A).max()),
             inputs={"A": A, "k": k})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    A = A43
    _, (after, _) = student.rank_k_error.call_and_return_args(A.copy(), 1)
    assert np.array_equal(after, A), (
        f"rank_k_error(A, k) changed its argument: A = {format_value(A)} before the call, "
        f"{format_value(after)} after it. Work on new arrays."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def squared_error(A, k):
    """sum of s_i^2 over the dropped singular values is the squared error; the Frobenius norm is
    its square root.
    """
    s = np.linalg.svd(A, compute_uv=False)
    return np.sum(s[k:] ** 2)


@mistake
def largest_dropped_singular_value(A, k):
    """s_{k+1} alone is the error in the spectral (operator) norm. In the Frobenius norm all
    dropped singular values count: sqrt(s_{k+1}^2 + ... + s_r^2).
    """
    s = np.linalg.svd(A, compute_uv=False)
    return s[k] if k < len(s) else 0.0


@mistake
def sum_of_dropped_singular_values(A, k):
    """Square the dropped singular values before adding them, then take the square root:
    sqrt(sum(s[k:] ** 2)).
    """
    s = np.linalg.svd(A, compute_uv=False)
    return np.sum(s[k:])


@mistake
def drops_one_too_few(A, k):
    """The rank-k approximation keeps s[0] .. s[k-1]; the error consists of s[k:] (Python counts
    from 0), not s[k + 1:].
    """
    s = np.linalg.svd(A, compute_uv=False)
    return np.sqrt(np.sum(s[k + 1:] ** 2))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def norm_of_the_difference(A, k):
    return np.linalg.norm(A - low_rank_approx(A, k), "fro")  # noqa: F821 (the notebook's)


@alternative
def norm_of_the_tail(A, k):
    return np.linalg.norm(np.linalg.svd(A, compute_uv=False)[k:])


@alternative
def math_loop(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return math.sqrt(sum(float(x) ** 2 for x in s[k:]))
