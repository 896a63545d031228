"""Hidden tests for `max_learning_rate(H)`: the largest learning rate for which gradient descent
on the quadratic f(x) = 1/2 x^T H x converges from every start, 2 / lambda_max(H), for a
symmetric positive definite matrix H (a float 2-D array).

Each step multiplies the component of x along an eigenvector of H with eigenvalue lambda by
(1 - eta lambda); all of them shrink iff |1 - eta lambda| < 1 for every lambda, i.e.
eta < 2 / lambda_max.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(H):
    return 2.0 / np.max(np.linalg.eigvalsh(H))


def mat(*rows):
    return np.array(rows, dtype=float)


DIAGONAL = [
    mat([1.0, 0.0], [0.0, 10.0]),
    mat([4.0]),
    mat([3.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 2.0]),
]
FULL = [
    mat([2.0, 1.0], [1.0, 2.0]),  # eigenvalues 1 and 3
    mat([5.0, 2.0], [2.0, 1.0]),
    mat([4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]),
    mat([1.0, 0.9], [0.9, 1.0]),  # eigenvalues 0.1 and 1.9
]


@st.composite
def spd_matrices(draw):
    n = draw(st.integers(1, 5))
    B = draw(hnp.arrays(np.float64, (n, n), elements=st.floats(-2.0, 2.0)))
    return B @ B.T + 0.1 * np.eye(n)


@pytest.mark.points(2)
def test_diagonal_hessians(student):
    """With curvatures 1 and 10 the steep direction limits the step: 2 / 10 = 0.2."""
    check_calls(student.max_learning_rate, reference, [(H,) for H in DIAGONAL], names=("H",))


@pytest.mark.points(2)
def test_coupled_hessians(student):
    """Off-diagonal entries matter: [[2, 1], [1, 2]] has eigenvalues 1 and 3, so 2/3."""
    check_calls(student.max_learning_rate, reference, [(H,) for H in FULL], names=("H",))


@pytest.mark.points(1)
@seed(SEED)
@given(H=spd_matrices())
def test_random_positive_definite_matrices(student, H):
    assert_close(student.max_learning_rate(H), reference(H), inputs={"H": H})


@pytest.mark.points(1)
def test_the_boundary_between_convergence_and_divergence(student):
    """Gradient descent with 0.95 times the answer converges; with 1.05 times it diverges."""
    H = mat([2.0, 1.0], [1.0, 2.0])
    eta = float(student.max_learning_rate(H))
    results = []
    for factor in (0.95, 1.05):
        x = np.array([1.0, 0.3])
        for _ in range(400):
            x = x - factor * eta * (H @ x)
        results.append(float(np.linalg.norm(x)))
    assert results[0] < 1e-3 and results[1] > 1e3, (
        f"For H = [[2, 1], [1, 2]] you returned {eta:.6g}; gradient descent on 1/2 x^T H x "
        f"with 0.95 times that rate ends at |x| = {results[0]:.3g} and with 1.05 times at "
        f"{results[1]:.3g} after 400 steps, but the largest stable rate should sit between them "
        "(converge just below it, diverge just above)."
    )


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    H = mat([2.0, 1.0], [1.0, 2.0])
    _, (after,) = student.max_learning_rate.call_and_return_args(H.copy())
    assert np.array_equal(after, H), (
        f"max_learning_rate(H) changed H: {format_value(H)} before the call, "
        f"{format_value(after)} after it. Compute with new arrays instead of assigning into H."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def one_over_lambda_max(H):
    """1 / lambda_max is a safe rate, but not the largest: a step multiplies the eigen-component
    by (1 - eta lambda), which stays inside (-1, 1) up to eta = 2 / lambda_max.
    """
    return 1 / np.max(np.linalg.eigvalsh(H))


@mistake
def uses_the_smallest_eigenvalue(H):
    """The steepest direction limits the step: with eta > 2 / lambda the component along that
    eigenvector grows. Use the largest eigenvalue, 2 / lambda_max.
    """
    return 2 / np.min(np.linalg.eigvalsh(H))


@mistake
def largest_diagonal_entry(H):
    """The curvatures are the eigenvalues of H, not its diagonal entries (unless H is diagonal):
    use np.linalg.eigvalsh(H).max().
    """
    return 2 / np.max(np.diag(H))


@mistake
def two_over_the_trace(H):
    """The trace is the sum of all eigenvalues, more than the largest one: 2 / trace(H) is safe
    but too small. Use 2 / lambda_max.
    """
    return 2 / np.trace(H)


@mistake
def frobenius_norm(H):
    """The Frobenius norm sqrt(sum of squared entries) is larger than lambda_max in general: use
    the largest eigenvalue (the spectral norm, np.linalg.norm(H, 2)).
    """
    return 2 / np.linalg.norm(H)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def spectral_norm(H):
    return 2 / np.linalg.norm(H, 2)


@alternative
def general_eigenvalues(H):
    return 2.0 / max(np.linalg.eigvals(H).real)


@alternative
def scipy_eigh_largest(H):
    from scipy.linalg import eigh

    n = H.shape[0]
    return float(2 / eigh(H, eigvals_only=True, subset_by_index=[n - 1, n - 1])[0])
