"""Quick public checks for the linear algebra notebook: run `check("least_squares")` after an
exercise.

Each check calls your function on a small fixed input and compares the answer with the
known one. The report goes to standard output, one line per check; if a check fails,
`check` also raises an AssertionError with the same lines, so the notebook cell fails.

These checks are deliberately few and simple. The grader runs many more tests: edge cases
(1 x 1 and rank-deficient matrices, very large numbers), random inputs and properties.
Passing here is a good sign, not a guarantee. An answer is judged here by the grader's own
rules (see `autograder.suite.public`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp

from autograder.suite.compare import close_problem
from autograder.suite.policies import ARRAY, Problem
from autograder.suite.public import (
    At,
    Case,
    Exact,
    Satisfies,
    at_mismatch,
    describe,
    format_value,
    make_check,
    mat,
    vec,
)

__all__ = ["check"]

ATOL = 1e-8  # the hidden suites' tolerance for A @ N = 0, V.T @ V = I (times max |A|, if > 1)


def _shape_of_transpose_cases() -> list[Case]:
    hint = ("Transposing swaps rows and columns: an (m, n) matrix becomes (n, m). Return a "
            "tuple, like matrix.shape.")
    return [
        Case("shape_of_transpose(np.zeros((2, 3)))", (np.zeros((2, 3)),), Exact((3, 2)), hint),
        Case("shape_of_transpose(np.zeros((5, 1)))", (np.zeros((5, 1)),), Exact((1, 5)), hint),
        Case("shape_of_transpose(np.zeros((4, 4)))", (np.zeros((4, 4)),), Exact((4, 4)), hint),
    ]


def _are_compatible_cases() -> list[Case]:
    hint = ("A @ B needs the inner dimensions to agree: the number of columns of A "
            "(A.shape[1]) must equal the number of rows of B (B.shape[0]).")
    return [
        Case("are_compatible(np.ones((2, 3)), np.ones((3, 4)))",
             (np.ones((2, 3)), np.ones((3, 4))), True, hint),
        Case("are_compatible(np.ones((3, 2)), np.ones((4, 3)))",
             (np.ones((3, 2)), np.ones((4, 3))), False, hint,
             "(4, 3) @ (3, 2) would work, but not this order"),
        Case("are_compatible(np.ones((2, 3)), np.ones((2, 3)))",
             (np.ones((2, 3)), np.ones((2, 3))), False, hint),
    ]


def _apply_to_batch_cases() -> list[Case]:
    hint = ("The vectors of the batch are its columns: column j of the answer is "
            "F @ batch_of_vectors[:, j], i.e. the answer is F @ batch_of_vectors.")
    F = mat([1, 0], [0, 0])
    batch = mat([1, 3, 5, 7], [2, 4, 6, 8])
    G = mat([1, 2], [3, 4], [5, 6])
    return [
        Case("apply_to_batch([[1, 0], [0, 0]], [[1, 3, 5, 7], [2, 4, 6, 8]])", (F, batch),
             mat([1, 3, 5, 7], [0, 0, 0, 0]), hint, "F sets the second entry to 0"),
        Case("apply_to_batch([[1, 2], [3, 4], [5, 6]], [[1, 3, 5, 7], [2, 4, 6, 8]])",
             (G, batch), G @ batch, hint, "shape (3, 4)"),
    ]


def _make_repeater_cases() -> list[Case]:
    hint = ("Stack k identity matrices of size n on top of each other "
            "(np.vstack([np.eye(n)] * k)): shape (k * n, n).")
    return [
        Case("make_repeater(3, 2)", (3, 2), np.vstack([np.eye(2)] * 3), hint,
             "[x1, x2] -> [x1, x2, x1, x2, x1, x2]"),
        Case("make_repeater(2, 3)", (2, 3), np.vstack([np.eye(3)] * 2), hint),
        Case("make_repeater(1, 2)", (1, 2), np.eye(2), hint, "one copy: the identity"),
    ]


def _projection_matrix_cases() -> list[Case]:
    hint = ("P = A (A^T A)^-1 A^T, e.g. A @ np.linalg.solve(A.T @ A, A.T); A @ A.T alone is "
            "right only when the columns of A are orthonormal.")
    A = mat([1, 0], [1, 1], [1, 2])
    return [
        Case("projection_matrix([[1], [1]])", (mat([1], [1]),), np.full((2, 2), 0.5), hint,
             "projecting onto the diagonal averages the two entries"),
        Case("projection_matrix([[1, 0], [1, 1], [1, 2]])", (A,),
             mat([5, 2, -1], [2, 2, 2], [-1, 2, 5]) / 6, hint),
        Case("projection_matrix([[2, 1], [1, 3]])", (mat([2, 1], [1, 3]),), np.eye(2), hint,
             "a square invertible A spans everything"),
    ]


def _least_squares_cases() -> list[Case]:
    hint = ("Solve the normal equations X^T X w = X^T y (np.linalg.solve(X.T @ X, X.T @ y)) "
            "or use np.linalg.lstsq(X, y, rcond=None)[0]; return a 1-D array of length n.")
    X = mat([1, 0], [1, 1], [1, 2])
    return [
        Case("least_squares([[1, 0], [1, 1], [1, 2]], [1, 2, 2])", (X, vec(1, 2, 2)),
             vec(7 / 6, 1 / 2), hint, "the line 7/6 + t/2 through (0, 1), (1, 2), (2, 2)"),
        Case("least_squares([[1, 0], [1, 1], [1, 2]], [1, 3, 5])", (X, vec(1, 3, 5)),
             vec(1, 2), hint, "the points lie on the line 1 + 2t"),
        Case("least_squares([[1], [1]], [0, 2])", (mat([1], [1]), vec(0, 2)), vec(1), hint,
             "the mean"),
    ]


def _low_rank_approx_cases() -> list[Case]:
    hint = ("U, s, Vt = np.linalg.svd(A, full_matrices=False); keep the k LARGEST singular "
            "values (the first k): U[:, :k] @ np.diag(s[:k]) @ Vt[:k].")
    A = mat([3, 0], [0, 1])
    B = mat([2, 0, 0], [0, -5, 0])
    return [
        Case("low_rank_approx([[3, 0], [0, 1]], 1)", (A, 1), mat([3, 0], [0, 0]), hint),
        Case("low_rank_approx([[2, 0, 0], [0, -5, 0]], 1)", (B, 1), mat([0, 0, 0], [0, -5, 0]),
             hint, "the largest singular value is 5"),
        Case("low_rank_approx([[3, 0], [0, 1]], 0)", (A, 0), np.zeros((2, 2)), hint,
             "rank 0: the zero matrix"),
        Case("low_rank_approx([[3, 0], [0, 1]], 2)", (A, 2), A, hint, "k = min(m, n): A itself"),
    ]


def _conv1d_matrix_cases() -> list[Case]:
    hint = ("Row i holds the flipped kernel kernel[::-1] in columns i .. i + L - 1, and there "
            "are n - L + 1 rows (mode 'valid').")
    return [
        Case("conv1d_matrix([1, 2, 3], 5)", (vec(1, 2, 3), 5),
             mat([3, 2, 1, 0, 0], [0, 3, 2, 1, 0], [0, 0, 3, 2, 1]), hint),
        Case("conv1d_matrix([1, -1], 3)", (vec(1, -1), 3), mat([-1, 1, 0], [0, -1, 1]), hint,
             "differences x[i+1] - x[i]"),
        Case("conv1d_matrix([1, 2], 2)", (vec(1, 2), 2), mat([2, 1]), hint,
             "n == len(kernel): one row"),
    ]


def _collapse_pipeline_cases() -> list[Case]:
    hint = ("The matrix applied first stands rightmost: for [W, X, Y, Z] the answer is "
            "Z @ Y @ X @ W. Start with V = matrices[0] and do V = M @ V for each next M.")
    W, X = mat([1, 2], [-1, 1]), mat([0.1, 0.2], [0.25, 1])
    R, C = mat([1, 0, 2]), mat([2], [3])
    return [
        Case("collapse_pipeline([W, X]) for W = [[1, 2], [-1, 1]], X = [[0.1, 0.2], [0.25, 1]]",
             ([W, X],), X @ W, hint, "X @ W"),
        Case("collapse_pipeline([[[1, 0, 2]], [[2], [3]]])", ([R, C],), C @ R, hint,
             "a (1, 3) matrix, then a (2, 1) one: shape (2, 3)"),
        Case("collapse_pipeline([W])", ([W],), W, hint, "a single matrix"),
    ]


def _inverse_2x2_cases() -> list[Case]:
    hint = ("Swap the diagonal, negate the off-diagonal, divide by the determinant: "
            "[[d, -b], [-c, a]] / (a d - b c), as a sp.Matrix.")
    a, b, c, d = sp.symbols("a b c d")
    at = {a: 2.0, b: 1.0, c: 1.0, d: 1.0}
    return [
        Case("inverse_2x2(a, b, c, d) at a = 2, b = 1, c = 1, d = 1", (a, b, c, d),
             At(at, mat([1, -1], [-1, 2])), hint),
        Case("inverse_2x2(a, b, c, d) at a = 1, b = 2, c = 3, d = 4", (a, b, c, d),
             At({a: 1.0, b: 2.0, c: 3.0, d: 4.0}, mat([-2, 1], [1.5, -0.5])), hint),
    ]


def _rank_cases() -> list[Case]:
    hint = ("Count the singular values (np.linalg.svd(A, compute_uv=False)) above a tolerance "
            "relative to the largest one, or use np.linalg.matrix_rank; return an int.")
    return [
        Case("rank([[1, 2], [3, 4]])", (mat([1, 2], [3, 4]),), Exact(2), hint),
        Case("rank([[1, 2], [2, 4]])", (mat([1, 2], [2, 4]),), Exact(1), hint,
             "the second row is twice the first"),
        Case("rank(np.zeros((2, 3)))", (np.zeros((2, 3)),), Exact(0), hint),
    ]


def _as_array(got: Any, shape: tuple, what: str) -> np.ndarray:
    """`got` as a float array of `shape` (the grader's ARRAY rule: a list of numbers is fine),
    or a Problem naming `what`."""
    try:
        return ARRAY.coerce(got, np.zeros(shape))
    except Problem as problem:
        raise Problem(f"{what} to be {problem.want}", problem.got, problem.detail) from None


def _is_null_space_basis(A: np.ndarray) -> Callable[[Any], str | None]:
    """N of shape (n, n - r) with A @ N = 0 and orthonormal columns, as the grader checks."""
    n = A.shape[1]
    r = int(np.linalg.matrix_rank(A))
    scale = max(1.0, float(np.abs(A).max()))

    def test(got: Any) -> str | None:
        N = _as_array(got, (n, n - r), "N")
        if close_problem(A @ N, np.zeros((A.shape[0], n - r)), atol=ATOL * scale):
            return f"got {format_value(N)}, but A @ N is {format_value(A @ N)}, not 0"
        if close_problem(N.T @ N, np.eye(n - r), atol=ATOL):
            return f"got {format_value(N)}, whose columns are not orthonormal (N.T @ N != I)"
        return None

    return test


def _null_space_cases() -> list[Case]:
    hint = ("With _, s, Vt = np.linalg.svd(A) (full_matrices=True) and r the rank, the rows "
            "Vt[r:] span the null space: return them as columns, Vt[r:].T.")
    cases = []
    for shown, A, about in [
        ("null_space([[1, 1]])", mat([1, 1]), "the line through [1, -1]"),
        ("null_space([[1, 2, 3], [2, 4, 6]])", mat([1, 2, 3], [2, 4, 6]), "a plane in R^3"),
        ("null_space([[1, 0], [0, 1]])", np.eye(2), "only 0: no columns"),
    ]:
        n, r = A.shape[1], int(np.linalg.matrix_rank(A))
        expected = Satisfies(f"an array of shape {(n, n - r)} with orthonormal columns and "
                             "A @ N = 0", _is_null_space_basis(A))
        cases.append(Case(shown, (A,), expected, hint, about))
    return cases


def _project_onto_line_cases() -> list[Case]:
    hint = "The projection of y onto the line through a is (a . y / a . a) * a, a vector."
    return [
        Case("project_onto_line([3, 4], [1, 0])", (vec(3, 4), vec(1, 0)), vec(3, 0), hint),
        Case("project_onto_line([1, 2, 3], [2, 2, 2])", (vec(1, 2, 3), vec(2, 2, 2)),
             vec(2, 2, 2), hint, "the mean of y along the diagonal"),
        Case("project_onto_line([1, -2], [2, 1])", (vec(1, -2), vec(2, 1)), vec(0, 0), hint,
             "y is orthogonal to a"),
    ]


def _characteristic_polynomial_cases() -> list[Case]:
    hint = ("Compute det(lam I - M): (lam * sp.eye(n) - M).det(), a SymPy expression in lam "
            "(not det(M - lam I), which has the opposite sign for odd n; a Poly from "
            "M.charpoly(lam) becomes an expression with .as_expr()).")
    lam = sp.Symbol("lam")
    M2 = sp.Matrix([[1, 2], [3, 4]])
    M3 = sp.Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
    return [
        Case("characteristic_polynomial([[1, 2], [3, 4]], lam) at lam = 0", (M2, lam),
             At({lam: 0.0}, -2.0), hint, "det(-M) = det(M) = -2"),
        Case("characteristic_polynomial([[1, 2], [3, 4]], lam) at lam = 1", (M2, lam),
             At({lam: 1.0}, -6.0), hint),
        Case("characteristic_polynomial([[2, 1, 0], [1, 3, 1], [0, 1, 4]], lam) at lam = 0",
             (M3, lam), At({lam: 0.0}, -18.0), hint, "det(-M) = -det(M) for 3 x 3"),
    ]


def _is_pair_of(low: float, high: float, subs: dict) -> Callable[[Any], str | None]:
    """Two SymPy expressions worth `low` and `high` at `subs`, in either order."""

    def test(got: Any) -> str | None:
        if not isinstance(got, tuple | list) or len(got) != 2:
            return f"got {describe(got)}: return a tuple of two SymPy expressions"
        problems = [at_mismatch(got, At(subs, pair)) for pair in ((low, high), (high, low))]
        return None if None in problems else problems[0]

    return test


def _eigenvalues_2x2_cases() -> list[Case]:
    hint = ("The eigenvalues are (a + c) / 2 -+ sqrt(((a - c) / 2)**2 + b**2): centred on the "
            "mean of the diagonal; use sp.sqrt.")
    a, b, c = sp.symbols("a b c")
    return [
        Case("eigenvalues_2x2(a, b, c) at a = 2, b = 1, c = 2", (a, b, c),
             Satisfies("1 and 3", _is_pair_of(1.0, 3.0, {a: 2.0, b: 1.0, c: 2.0})), hint),
        Case("eigenvalues_2x2(a, b, c) at a = 4, b = 0, c = 1", (a, b, c),
             Satisfies("1 and 4", _is_pair_of(1.0, 4.0, {a: 4.0, b: 0.0, c: 1.0})), hint,
             "a diagonal matrix"),
        Case("eigenvalues_2x2(a, b, c) at a = 1, b = 2, c = -2", (a, b, c),
             Satisfies("-3 and 2", _is_pair_of(-3.0, 2.0, {a: 1.0, b: 2.0, c: -2.0})), hint),
    ]


def _is_eigen_decomposition(S: np.ndarray) -> Callable[[Any], str | None]:
    """(w, V): the eigenvalues in increasing order and orthonormal eigenvector columns."""
    n = S.shape[0]
    w_true = np.linalg.eigvalsh(S)
    scale = max(1.0, float(np.abs(S).max()))

    def test(got: Any) -> str | None:
        if not isinstance(got, tuple | list) or len(got) != 2:
            return f"got {describe(got)}: return a tuple (w, V)"
        w = _as_array(got[0], (n,), "the eigenvalues w")
        V = _as_array(got[1], (n, n), "the eigenvector matrix V")
        if close_problem(w, w_true, atol=ATOL * scale):
            return f"got the eigenvalues {format_value(w)} (increasing order, please)"
        if close_problem(V.T @ V, np.eye(n), atol=ATOL):
            return "got a V whose columns are not orthonormal (V.T @ V != I)"
        if close_problem(S @ V, V * w, atol=ATOL * scale):
            return "got a V whose columns are not eigenvectors (S @ V[:, i] != w[i] V[:, i])"
        return None

    return test


def _eigen_decomposition_cases() -> list[Case]:
    hint = ("w, V = np.linalg.eigh(S) gives the eigenvalues in increasing order and orthonormal "
            "eigenvectors as the columns of V; return them as a plain tuple, return w, V.")
    cases = []
    for shown, S in [("eigen_decomposition([[2, 1], [1, 2]])", mat([2, 1], [1, 2])),
                     ("eigen_decomposition([[4, 1], [1, -2]])", mat([4, 1], [1, -2])),
                     ("eigen_decomposition([[3, 0], [0, -1]])", mat([3, 0], [0, -1]))]:
        shown_w = format_value(np.linalg.eigvalsh(S))
        expected = Satisfies(f"w = {shown_w} and orthonormal eigenvector columns V",
                             _is_eigen_decomposition(S))
        cases.append(Case(shown, (S,), expected, hint))
    return cases


def _rank_k_error_cases() -> list[Case]:
    hint = ("The error is the square root of the sum of the squared singular values that are "
            "dropped: np.sqrt(np.sum(s[k:] ** 2)).")
    D = np.diag([3.0, 2.0, 1.0])
    return [
        Case("rank_k_error(np.diag([3, 2, 1]), 1)", (D, 1), math.sqrt(5), hint,
             "sqrt(2^2 + 1^2)"),
        Case("rank_k_error(np.diag([3, 2, 1]), 0)", (D, 0), math.sqrt(14), hint, "||A||_F"),
        Case("rank_k_error(np.diag([3, 2, 1]), 3)", (D, 3), 0.0, hint, "nothing dropped"),
    ]


def _conv2d_cases() -> list[Case]:
    hint = ("Flip the kernel in both directions (kernel[::-1, ::-1]), slide it over every "
            "position where it fits inside the image and sum the products.")
    image = mat([1, 2, 0], [0, 1, 3], [2, 2, 1])
    return [
        Case("conv2d([[1, 2, 0], [0, 1, 3], [2, 2, 1]], [[0, 1], [2, 5]])",
             (image, mat([0, 1], [2, 5])), mat([9, 11], [4, 13]), hint),
        Case("conv2d([[1, 2, 0], [0, 1, 3], [2, 2, 1]], [[1, 2, 3]])",
             (image, mat([1, 2, 3])), mat([7], [5], [11]), hint, "a 1 x 3 kernel"),
        Case("conv2d([[1, 2], [3, 4]], [[5, 6], [7, 8]])",
             (mat([1, 2], [3, 4]), mat([5, 6], [7, 8])), mat([60]), hint,
             "the kernel fits once"),
    ]


CASES: dict[str, Callable[[], list[Case]]] = {
    "shape_of_transpose": _shape_of_transpose_cases,
    "are_compatible": _are_compatible_cases,
    "apply_to_batch": _apply_to_batch_cases,
    "make_repeater": _make_repeater_cases,
    "collapse_pipeline": _collapse_pipeline_cases,
    "inverse_2x2": _inverse_2x2_cases,
    "rank": _rank_cases,
    "null_space": _null_space_cases,
    "project_onto_line": _project_onto_line_cases,
    "projection_matrix": _projection_matrix_cases,
    "least_squares": _least_squares_cases,
    "characteristic_polynomial": _characteristic_polynomial_cases,
    "eigenvalues_2x2": _eigenvalues_2x2_cases,
    "eigen_decomposition": _eigen_decomposition_cases,
    "low_rank_approx": _low_rank_approx_cases,
    "rank_k_error": _rank_k_error_cases,
    "conv1d_matrix": _conv1d_matrix_cases,
    "conv2d": _conv2d_cases,
}


check = make_check(CASES)
