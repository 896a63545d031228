"""Hidden tests for `eigen_decomposition(S)`: for a symmetric (n, n) array S, the tuple
(w, V) with w the n eigenvalues in increasing order (shape (n,)) and V an (n, n) array whose
columns are orthonormal eigenvectors, S @ V[:, i] = w[i] * V[:, i], so S = V diag(w) V^T.

Eigenvectors are not unique (signs; any orthonormal basis of an eigenspace of a repeated
eigenvalue), so V is graded by its defining properties; w is unique and compared directly.
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


def reference_eigenvalues(S):
    return np.linalg.eigvalsh(S)


def mat(rows):
    return np.array(rows, dtype=float)


# Distinct eigenvalues of both signs, not diagonal. np.linalg.eig lists the first two out of
# increasing order.
FIXED = [
    mat([[4, 1], [1, -2]]),
    mat([[1, 2, 0], [2, -3, 1], [0, 1, 2]]),
    mat([[2, 1, 0], [1, 3, 1], [0, 1, 4]]),
    mat([[0, 1], [1, 0]]),
]
# Diagonal, 1 x 1, repeated eigenvalues (any orthonormal basis of the eigenspace is right).
EDGES = [mat([[3, 0], [0, -1]]), mat([[-5]]), 2 * np.eye(3), mat([[2, 1, 1], [1, 2, 1], [1, 1, 2]])]
LARGE = [1e6 * FIXED[1], 1e-5 * FIXED[2]]

SYMMETRIC = st.integers(1, 5).flatmap(lambda n: matrices(n, n)).map(lambda M: (M + M.T) / 2)


def as_array(got, shape, inputs, what):
    """`got` as a float array of `shape` (a list of numbers is fine), or a GradingFailure that
    says what came back instead."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        raise GradingFailure(f"For {shown}: expected {what} to be {problem.want}, "
                             f"got {problem.got}.") from None


def unpack(S, got):
    """(w, V) as float arrays of the right shapes, or a GradingFailure."""
    inputs = {"S": S}
    if not isinstance(got, tuple | list) or len(got) != 2:
        shown = ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        kind = f"a {type(got).__name__}" + (f" of length {len(got)}"
                                           if isinstance(got, tuple | list) else "")
        raise GradingFailure(f"For {shown}: expected a tuple (w, V) of the eigenvalues and the "
                             f"eigenvector matrix, got {kind}.")
    n = S.shape[0]
    return (as_array(got[0], (n,), inputs, "the eigenvalues w"),
            as_array(got[1], (n, n), inputs, "the eigenvector matrix V"))


def assert_decomposition(S, got, *, check_values=True):
    inputs = {"S": S}
    w, V = unpack(S, got)
    scale = max(1.0, np.abs(S).max())
    if check_values:
        assert_close(w, reference_eigenvalues(S), rtol=RTOL, atol=ATOL * scale, inputs=inputs,
                     what="the eigenvalues w (in increasing order)")
    assert_close(V.T @ V, np.eye(len(w)), atol=ATOL, inputs=inputs,
                 what="V.T @ V (orthonormal eigenvectors as columns give the identity)")
    assert_close(S @ V, V * w, rtol=RTOL, atol=ATOL * scale, inputs=inputs,
                 what="S @ V (column i should be w[i] times column i of V)")


def eigenvalues_of(student, S):
    w, _ = unpack(S, student.eigen_decomposition(S))
    return w


@pytest.mark.points(2)
def test_fixed_eigenvalues(student):
    """The eigenvalues of [[4, 1], [1, -2]] are 1 - sqrt(10) and 1 + sqrt(10), in that
    (increasing) order."""
    check_calls(lambda S: eigenvalues_of(student, S), reference_eigenvalues,
                [(S,) for S in FIXED], names=("S",), rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_fixed_eigenvectors(student):
    """Column i of V is a unit eigenvector for w[i]: S @ V = V @ diag(w), V.T @ V = I."""
    answers = [student.eigen_decomposition(S) for S in FIXED]
    for S, got in zip(FIXED, answers, strict=True):
        assert_decomposition(S, got)


@pytest.mark.points(1)
def test_diagonal_1x1_and_repeated_eigenvalues(student):
    """For 2 I every vector is an eigenvector: any orthonormal V is right."""
    answers = [student.eigen_decomposition(S) for S in EDGES]
    for S, got in zip(EDGES, answers, strict=True):
        assert_decomposition(S, got)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    answers = [student.eigen_decomposition(S) for S in LARGE]
    for S, got in zip(LARGE, answers, strict=True):
        assert_decomposition(S, got)


@pytest.mark.points(2)
@seed(SEED)
@given(S=SYMMETRIC)
def test_random_symmetric_matrices(student, S):
    assert_decomposition(S, student.eigen_decomposition(S))


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    S = FIXED[1]
    _, (after,) = student.eigen_decomposition.call_and_return_args(S.copy())
    assert np.array_equal(after, S), (
        f"eigen_decomposition(S) changed its argument: S = {format_value(S)} before the call, "
        f"{format_value(after)} after it. Work on new arrays."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def unsorted_eig(S):
    """np.linalg.eig does not sort the eigenvalues. For a symmetric matrix use np.linalg.eigh,
    which returns them in increasing order with orthonormal eigenvectors.
    """
    w, V = np.linalg.eig(S)
    return w, V


@mistake
def sorts_values_not_vectors(S):
    """Sorting w alone breaks the pairing: column i of V must stay the eigenvector of w[i]. Sort
    both with one order (order = np.argsort(w); w[order], V[:, order]) or use np.linalg.eigh.
    """
    w, V = np.linalg.eig(S)
    return np.sort(w), V


@mistake
def decreasing_order(S):
    """The eigenvalues are asked for in increasing order (as np.linalg.eigh returns them), not
    decreasing.
    """
    w, V = np.linalg.eigh(S)
    return w[::-1], V[:, ::-1]


@mistake
def eigenvectors_as_rows(S):
    """The eigenvectors are the columns of V (S @ V[:, i] = w[i] V[:, i]), as np.linalg.eigh
    returns them; V.T has them as rows.
    """
    w, V = np.linalg.eigh(S)
    return w, V.T


@mistake
def singular_values_instead(S):
    """Singular values are the absolute values of a symmetric matrix's eigenvalues: negative
    eigenvalues come out with the wrong sign. Use np.linalg.eigh.
    """
    U, s, _ = np.linalg.svd(S)
    return s[::-1], U[:, ::-1]


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_eigh(S):
    import scipy.linalg

    return scipy.linalg.eigh(S)


@alternative
def sorted_with_argsort(S):
    w, V = np.linalg.eigh(S)
    order = np.argsort(-w)[::-1]
    return [w[order], V[:, order]]


@alternative
def eigh_of_the_negative(S):
    w, V = np.linalg.eigh(-S)
    return -w[::-1], V[:, ::-1]
