"""Hidden tests for `softmax_jacobian(z)`: the n x n matrix J[i, j] = d softmax(z)_i / d z_j,
which is diag(s) - s s^T for s = softmax(z).

The contract asks for nothing about very large logits here, so the inputs stay moderate
(|z| <= 30): a softmax with or without the max-shift passes.
"""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def reference(z):
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    vec(0.0, 0.0),
    vec(1.0, 2.0, 3.0),
    vec(0.0, np.log(3.0)),
    vec(-1.0, 0.5, 0.0, 2.0),
    vec(5.0),
]


def as_matrix(student, z):
    got = student.softmax_jacobian(z)
    shape = np.shape(got)
    assert shape == (len(z), len(z)), (
        f"softmax_jacobian(z) should return an n x n matrix for z of length n = {len(z)}; for "
        f"z = {format_value(z)} it returned {format_value(got)} (shape {shape}). Entry [i, j] "
        "is d softmax(z)_i / d z_j."
    )
    return np.asarray(got, dtype=float)


@pytest.mark.points(3)
def test_fixed_logits(student):
    """For z = [0, 0]: s = [1/2, 1/2] and J = [[1/4, -1/4], [-1/4, 1/4]]."""
    check_calls(student.softmax_jacobian, reference, [(z,) for z in FIXED], names=("z",))


@pytest.mark.points(2)
@seed(SEED)
@given(z=vectors((1, 8), bound=30.0))
def test_random_logits(student, z):
    assert_close(student.softmax_jacobian(z), reference(z), inputs={"z": z})


@pytest.mark.points(1)
@seed(SEED)
@given(z=vectors((2, 8), bound=10.0))
def test_rows_sum_to_zero_and_symmetric(student, z):
    """The entries of s always sum to 1, so moving any logit changes them by amounts that sum
    to 0: every column (and, J being symmetric, every row) of J sums to 0."""
    J = as_matrix(student, z)
    assert_close(J.sum(axis=1), np.zeros(len(z)), atol=1e-9, inputs={"z": z},
                 what="the row sums of softmax_jacobian(z)")
    assert_close(J, J.T, atol=1e-12, inputs={"z": z},
                 what="softmax_jacobian(z) (compared with its own transpose)")


@pytest.mark.points(1)
def test_matches_finite_differences_of_softmax(student):
    """Column j of J is the rate of change of softmax(z) when z_j moves."""
    z = vec(0.3, -1.2, 2.0, 0.0)
    J = as_matrix(student, z)
    h = 1e-6
    columns = [(softmax(z + h * e) - softmax(z - h * e)) / (2 * h) for e in np.eye(len(z))]
    assert_close(J, np.column_stack(columns), rtol=1e-5, atol=1e-8, inputs={"z": z},
                 what="softmax_jacobian(z) (vs central differences of softmax)")


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    z = vec(1.0, -2.0, 0.5)
    _, (after,) = student.softmax_jacobian.call_and_return_args(z.copy())
    assert np.array_equal(after, z), (
        f"softmax_jacobian(z) changed z: {format_value(z)} before the call, "
        f"{format_value(after)} after it. Write `shifted = z - np.max(z)` (a new array), "
        "not `z -= np.max(z)`."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def shifts_z_in_place(z):
    """`z -= np.max(z)` changes the caller's array; write `shifted = z - np.max(z)`, which makes
    a new one.
    """
    z -= np.max(z)
    s = np.exp(z) / np.sum(np.exp(z))
    return np.diag(s) - np.outer(s, s)


@mistake
def diagonal_only(z):
    """softmax(z)_i depends on every z_j (they share the denominator), so the off-diagonal
    entries are not 0: J[i, j] = s_i (delta_ij - s_j), i.e. J = diag(s) - np.outer(s, s).
    """
    s = np.exp(z) / np.sum(np.exp(z))
    return np.diag(s * (1 - s))


@mistake
def missing_the_diagonal_term(z):
    """For i = j the quotient rule gives s_i - s_i^2, not only -s_i^2: J = diag(s) - np.outer(s,
    s), with the diagonal term diag(s).
    """
    s = np.exp(z) / np.sum(np.exp(z))
    return -np.outer(s, s)


@mistake
def sign_flipped(z):
    """Raising z_i raises s_i (positive diagonal) and lowers every other s_j (negative
    off-diagonal): J = diag(s) - np.outer(s, s), not the other way round.
    """
    s = np.exp(z) / np.sum(np.exp(z))
    return np.outer(s, s) - np.diag(s)


@mistake
def outer_s_and_one_minus_s(z):
    """J[i, j] = s_i (delta_ij - s_j): the 1 (delta_ij) is only on the diagonal. np.outer(s, 1 -
    s) puts it in every entry; use np.diag(s) - np.outer(s, s).
    """
    s = np.exp(z) / np.sum(np.exp(z))
    return np.outer(s, 1 - s)


@mistake
def returns_the_diagonal_vector(z):
    """s * (1 - s) is only the diagonal of the Jacobian; softmax_jacobian(z) is the full n x n
    matrix np.diag(s) - np.outer(s, s).
    """
    s = np.exp(z) / np.sum(np.exp(z))
    return s * (1 - s)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def double_loop_with_kronecker_delta(z):
    e = np.exp(z)
    s = e / e.sum()
    n = len(z)
    J = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            J[i, j] = s[i] * ((1.0 if i == j else 0.0) - s[j])
    return J


@alternative
def einsum_with_identity(z):
    from scipy.special import softmax

    s = softmax(z)
    return np.einsum("i,ij->ij", s, np.eye(len(z)) - s[None, :])


@alternative
def diagflat_minus_column_times_row(z):
    s = np.exp(z - z.max())
    s = (s / s.sum()).reshape(-1, 1)
    return np.diagflat(s) - s @ s.T
