"""Hidden tests for `conv1d_matrix(kernel, n)`: the matrix M, shape (n - L + 1, n) for a
kernel of length L <= n, with M @ x == np.convolve(x, kernel, mode="valid") for every x of
length n. Row i holds the flipped kernel in columns i .. i + L - 1 (a Toeplitz matrix).
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
ATOL = 1e-8


def reference(kernel, n):
    length = len(kernel)
    M = np.zeros((n - length + 1, n))
    for i in range(n - length + 1):
        M[i, i:i + length] = kernel[::-1]
    return M


def vec(*values):
    return np.array(values, dtype=float)


# Kernels that are not symmetric, so a kernel that is not flipped gives other values.
FIXED = [(vec(1, 2, 3), 5), (vec(1, -1), 4), (vec(0.5, 0.25), 3), (vec(1, 2, 3, 4), 6),
         (vec(2, 0, -1), 7)]
# n == len(kernel): one row; length-1 kernel: a multiple of the identity; large and small
# numbers. Then a control.
EDGES = [(vec(1, 2, 3), 3), (vec(2.5), 4), (vec(4, -2), 2), (vec(7.0), 1), (vec(1e6, -2e-3), 4),
         (vec(1, 2), 3)]


@st.composite
def kernel_and_signal(draw):
    kernel = draw(vectors((1, 4)))
    x = draw(vectors((len(kernel), 9)))
    return kernel, x


def as_array(got, shape, inputs, what="the result"):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


def assert_all_close(student, cases):
    check_calls(student.conv1d_matrix, reference, cases, names=("kernel", "n"), atol=ATOL)


@pytest.mark.points(3)
def test_fixed_kernels(student):
    """conv1d_matrix([1, 2, 3], 5) has 3 rows: [3, 2, 1, 0, 0], [0, 3, 2, 1, 0], [0, 0, 3, 2, 1]
    (convolution flips the kernel; "valid" keeps only full overlaps)."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_one_row_and_length_one_kernels(student):
    """n == len(kernel) leaves a single full overlap, so M has one row."""
    assert_all_close(student, EDGES)


@pytest.mark.points(2)
@seed(SEED)
@given(case=kernel_and_signal())
def test_matches_np_convolve(student, case):
    """M @ x == np.convolve(x, kernel, mode="valid") for every signal x."""
    kernel, x = case
    n = len(x)
    inputs = {"kernel": kernel, "n": n}
    M = as_array(student.conv1d_matrix(kernel, n), (n - len(kernel) + 1, n), inputs, "M")
    assert_close(M @ x, np.convolve(x, kernel, mode="valid"), atol=ATOL,
                 inputs={**inputs, "x": x}, what="conv1d_matrix(kernel, n) @ x")


@pytest.mark.points(1)
@seed(SEED)
@given(case=kernel_and_signal())
def test_matches_reference_on_random_kernels(student, case):
    kernel, x = case
    assert_close(student.conv1d_matrix(kernel, len(x)), reference(kernel, len(x)), atol=ATOL,
                 inputs={"kernel": kernel, "n": len(x)})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    kernel = vec(1, 2, 3)
    _, (after, _) = student.conv1d_matrix.call_and_return_args(kernel.copy(), 5)
    assert np.array_equal(after, kernel), (
        f"conv1d_matrix(kernel, n) changed its argument: kernel = {format_value(kernel)} "
        f"before the call, {format_value(after)} after it. Flip with kernel[::-1] (a new view "
        "you only read), not kernel[:] = ... or kernel.sort()."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def kernel_not_flipped(kernel, n):
    """That is correlation: np.convolve flips the kernel. Row i of M holds kernel[::-1] in
    columns i .. i + L - 1.
    """
    L = len(kernel)
    M = np.zeros((n - L + 1, n))
    for i in range(n - L + 1):
        M[i, i:i + L] = kernel
    return M


@mistake
def full_mode(kernel, n):
    """That is mode='full' (every partial overlap, n + L - 1 rows); 'valid' keeps only the
    positions where the kernel fits entirely: n - L + 1 rows.
    """
    return np.column_stack([np.convolve(e, kernel, mode="full") for e in np.eye(n)])


@mistake
def same_mode(kernel, n):
    """That is mode='same' (n rows); 'valid' keeps only the positions where the kernel fits
    entirely inside x: n - L + 1 rows.
    """
    return np.column_stack([np.convolve(e, kernel, mode="same") for e in np.eye(n)])


@mistake
def one_row_short(kernel, n):
    """There are n - L + 1 positions where a kernel of length L fits inside x (e.g. one when n
    == L), not n - L.
    """
    L = len(kernel)
    M = np.zeros((n - L, n))
    for i in range(n - L):
        M[i, i:i + L] = kernel[::-1]
    return M


@mistake
def transposed_matrix(kernel, n):
    """M must map a vector of length n to the n - L + 1 outputs, so its shape is (n - L + 1, n);
    yours is the transpose.
    """
    L = len(kernel)
    M = np.zeros((n, n - L + 1))
    for i in range(n - L + 1):
        M[i:i + L, i] = kernel[::-1]
    return M


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_toeplitz(kernel, n):
    from scipy.linalg import toeplitz

    L = len(kernel)
    first_column = np.zeros(n - L + 1)
    first_column[0] = kernel[-1]
    first_row = np.zeros(n)
    first_row[:L] = kernel[::-1]
    return toeplitz(first_column, first_row)


@alternative
def convolve_unit_vectors(kernel, n):
    return np.array([np.convolve(e, kernel, mode="valid") for e in np.eye(n)]).T


@alternative
def index_formula(kernel, n):
    L = len(kernel)
    M = np.zeros((n - L + 1, n))
    for i in range(n - L + 1):
        for j in range(n):
            if 0 <= i + L - 1 - j < L:
                M[i, j] = kernel[i + L - 1 - j]
    return M
