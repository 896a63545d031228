"""Quick public checks for the linear algebra notebook: run `check("least_squares")` after an
exercise.

Each check calls your function on a small fixed input and compares the answer with the
known one. The report goes to standard output, one line per check; if a check fails,
`check` also raises an AssertionError with the same lines, so the notebook cell fails.

These checks are deliberately few and simple. The grader runs many more tests: edge cases
(1 x 1 and rank-deficient matrices, very large numbers), random inputs and properties.
Passing here is a good sign, not a guarantee.

A release folder must be self-contained (students get this file, not the grader), so the
generic machinery below the cases is a copy of the one in solutions/probability/
public_checks.py, extended with exact tuples, answers checked by a property and SymPy
matrices.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import math
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

__all__ = ["check"]

RTOL = 1e-6
ATOL = 1e-9


@dataclass(frozen=True)
class Case:
    """One public check: call the function with `args`, expect `expected`."""

    shown: str  # the call as the student would write it, e.g. "make_repeater(3, 2)"
    args: tuple
    expected: Any  # a value, an Exact, a Satisfies or an At
    hint: str
    about: str = ""  # what the expected value is, e.g. "ln 2"


@dataclass(frozen=True)
class Exact:
    """The answer must equal `value` exactly and have its type (a tuple of ints, say)."""

    value: Any


@dataclass(frozen=True)
class Satisfies:
    """The answer is right if `test(answer)` returns None (else a short problem phrase);
    `shown` describes the right answers, e.g. "orthonormal columns with A @ N = 0"."""

    shown: str
    test: Callable[[Any], str | None]


@dataclass(frozen=True)
class At:
    """A SymPy expression or matrix, right if it evaluates to `expected` at `subs`."""

    subs: dict
    expected: Any  # a float, or an ndarray for a matrix


def _mat(*rows: Any) -> np.ndarray:
    return np.array(rows, dtype=float)


def _vec(*values: float) -> np.ndarray:
    return np.array(values, dtype=float)


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
    F = _mat([1, 0], [0, 0])
    batch = _mat([1, 3, 5, 7], [2, 4, 6, 8])
    G = _mat([1, 2], [3, 4], [5, 6])
    return [
        Case("apply_to_batch([[1, 0], [0, 0]], [[1, 3, 5, 7], [2, 4, 6, 8]])", (F, batch),
             _mat([1, 3, 5, 7], [0, 0, 0, 0]), hint, "F sets the second entry to 0"),
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
    A = _mat([1, 0], [1, 1], [1, 2])
    return [
        Case("projection_matrix([[1], [1]])", (_mat([1], [1]),), np.full((2, 2), 0.5), hint,
             "projecting onto the diagonal averages the two entries"),
        Case("projection_matrix([[1, 0], [1, 1], [1, 2]])", (A,),
             _mat([5, 2, -1], [2, 2, 2], [-1, 2, 5]) / 6, hint),
        Case("projection_matrix([[2, 1], [1, 3]])", (_mat([2, 1], [1, 3]),), np.eye(2), hint,
             "a square invertible A spans everything"),
    ]


def _least_squares_cases() -> list[Case]:
    hint = ("Solve the normal equations X^T X w = X^T y (np.linalg.solve(X.T @ X, X.T @ y)) "
            "or use np.linalg.lstsq(X, y, rcond=None)[0]; return a 1-D array of length n.")
    X = _mat([1, 0], [1, 1], [1, 2])
    return [
        Case("least_squares([[1, 0], [1, 1], [1, 2]], [1, 2, 2])", (X, _vec(1, 2, 2)),
             _vec(7 / 6, 1 / 2), hint, "the line 7/6 + t/2 through (0, 1), (1, 2), (2, 2)"),
        Case("least_squares([[1, 0], [1, 1], [1, 2]], [1, 3, 5])", (X, _vec(1, 3, 5)),
             _vec(1, 2), hint, "the points lie on the line 1 + 2t"),
        Case("least_squares([[1], [1]], [0, 2])", (_mat([1], [1]), _vec(0, 2)), _vec(1), hint,
             "the mean"),
    ]


def _low_rank_approx_cases() -> list[Case]:
    hint = ("U, s, Vt = np.linalg.svd(A, full_matrices=False); keep the k LARGEST singular "
            "values (the first k): U[:, :k] @ np.diag(s[:k]) @ Vt[:k].")
    A = _mat([3, 0], [0, 1])
    B = _mat([2, 0, 0], [0, -5, 0])
    return [
        Case("low_rank_approx([[3, 0], [0, 1]], 1)", (A, 1), _mat([3, 0], [0, 0]), hint),
        Case("low_rank_approx([[2, 0, 0], [0, -5, 0]], 1)", (B, 1), _mat([0, 0, 0], [0, -5, 0]),
             hint, "the largest singular value is 5"),
        Case("low_rank_approx([[3, 0], [0, 1]], 0)", (A, 0), np.zeros((2, 2)), hint,
             "rank 0: the zero matrix"),
        Case("low_rank_approx([[3, 0], [0, 1]], 2)", (A, 2), A, hint, "k = min(m, n): A itself"),
    ]


def _conv1d_matrix_cases() -> list[Case]:
    hint = ("Row i holds the flipped kernel kernel[::-1] in columns i .. i + L - 1, and there "
            "are n - L + 1 rows (mode 'valid').")
    return [
        Case("conv1d_matrix([1, 2, 3], 5)", (_vec(1, 2, 3), 5),
             _mat([3, 2, 1, 0, 0], [0, 3, 2, 1, 0], [0, 0, 3, 2, 1]), hint),
        Case("conv1d_matrix([1, -1], 3)", (_vec(1, -1), 3), _mat([-1, 1, 0], [0, -1, 1]), hint,
             "differences x[i+1] - x[i]"),
        Case("conv1d_matrix([1, 2], 2)", (_vec(1, 2), 2), _mat([2, 1]), hint,
             "n == len(kernel): one row"),
    ]


def _collapse_pipeline_cases() -> list[Case]:
    hint = ("The matrix applied first stands rightmost: for [W, X, Y, Z] the answer is "
            "Z @ Y @ X @ W. Start with V = matrices[0] and do V = M @ V for each next M.")
    W, X = _mat([1, 2], [-1, 1]), _mat([0.1, 0.2], [0.25, 1])
    R, C = _mat([1, 0, 2]), _mat([2], [3])
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
             At(at, _mat([1, -1], [-1, 2])), hint),
        Case("inverse_2x2(a, b, c, d) at a = 1, b = 2, c = 3, d = 4", (a, b, c, d),
             At({a: 1.0, b: 2.0, c: 3.0, d: 4.0}, _mat([-2, 1], [1.5, -0.5])), hint),
    ]


def _rank_cases() -> list[Case]:
    hint = ("Count the singular values (np.linalg.svd(A, compute_uv=False)) above a tolerance "
            "relative to the largest one, or use np.linalg.matrix_rank; return an int.")
    return [
        Case("rank([[1, 2], [3, 4]])", (_mat([1, 2], [3, 4]),), Exact(2), hint),
        Case("rank([[1, 2], [2, 4]])", (_mat([1, 2], [2, 4]),), Exact(1), hint,
             "the second row is twice the first"),
        Case("rank(np.zeros((2, 3)))", (np.zeros((2, 3)),), Exact(0), hint),
    ]


def _is_null_space_basis(A: np.ndarray) -> Callable[[Any], str | None]:
    n = A.shape[1]
    r = int(np.linalg.matrix_rank(A))

    def test(got: Any) -> str | None:
        if not isinstance(got, np.ndarray) or got.dtype.kind not in "iuf":
            return f"got {_show(got)} ({_a(type(got).__name__)}): return a NumPy array"
        if got.shape != (n, n - r):
            return f"got an array of shape {got.shape}, expected shape {(n, n - r)}"
        if not np.allclose(A @ got, 0, atol=1e-8):
            return f"got {_show(got)}, but A @ N is {_show(A @ got)}, not 0"
        if not np.allclose(got.T @ got, np.eye(n - r), atol=1e-8):
            return f"got {_show(got)}, whose columns are not orthonormal (N.T @ N != I)"
        return None

    return test


def _null_space_cases() -> list[Case]:
    hint = ("With _, s, Vt = np.linalg.svd(A) (full_matrices=True) and r the rank, the rows "
            "Vt[r:] span the null space: return them as columns, Vt[r:].T.")
    cases = []
    for shown, A, about in [
        ("null_space([[1, 1]])", _mat([1, 1]), "the line through [1, -1]"),
        ("null_space([[1, 2, 3], [2, 4, 6]])", _mat([1, 2, 3], [2, 4, 6]), "a plane in R^3"),
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
        Case("project_onto_line([3, 4], [1, 0])", (_vec(3, 4), _vec(1, 0)), _vec(3, 0), hint),
        Case("project_onto_line([1, 2, 3], [2, 2, 2])", (_vec(1, 2, 3), _vec(2, 2, 2)),
             _vec(2, 2, 2), hint, "the mean of y along the diagonal"),
        Case("project_onto_line([1, -2], [2, 1])", (_vec(1, -2), _vec(2, 1)), _vec(0, 0), hint,
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


def _is_pair_of(expected: tuple, subs: dict) -> Callable[[Any], str | None]:
    def test(got: Any) -> str | None:
        if not isinstance(got, tuple | list) or len(got) != 2:
            return f"got {_show(got)}: return a tuple of two SymPy expressions"
        values = []
        for item in got:
            if not isinstance(item, sp.Expr):
                return f"got {_show(got)}: both eigenvalues must be SymPy expressions"
            by_name = {str(s): sp.Float(v, 30) for s, v in subs.items()}
            try:
                z = complex(item.evalf(30, subs={s: by_name[str(s)] for s in item.free_symbols
                                                 if str(s) in by_name}))
            except (TypeError, ValueError):
                return f"got {_show(got)}, which does not evaluate to numbers"
            values.append(z.real if abs(z.imag) < 1e-12 else z)
        if any(isinstance(v, complex) for v in values) or not np.allclose(
                sorted(values), sorted(expected), rtol=RTOL, atol=ATOL):
            return f"got {_show(got)}, which is {_show(values)} there"
        return None

    return test


def _eigenvalues_2x2_cases() -> list[Case]:
    hint = ("The eigenvalues are (a + c) / 2 -+ sqrt(((a - c) / 2)**2 + b**2): centred on the "
            "mean of the diagonal; use sp.sqrt.")
    a, b, c = sp.symbols("a b c")
    return [
        Case("eigenvalues_2x2(a, b, c) at a = 2, b = 1, c = 2", (a, b, c),
             Satisfies("1 and 3", _is_pair_of((1.0, 3.0), {a: 2.0, b: 1.0, c: 2.0})), hint),
        Case("eigenvalues_2x2(a, b, c) at a = 4, b = 0, c = 1", (a, b, c),
             Satisfies("1 and 4", _is_pair_of((1.0, 4.0), {a: 4.0, b: 0.0, c: 1.0})), hint,
             "a diagonal matrix"),
        Case("eigenvalues_2x2(a, b, c) at a = 1, b = 2, c = -2", (a, b, c),
             Satisfies("-3 and 2", _is_pair_of((-3.0, 2.0), {a: 1.0, b: 2.0, c: -2.0})), hint),
    ]


def _is_eigen_decomposition(S: np.ndarray) -> Callable[[Any], str | None]:
    n = S.shape[0]
    w_true = np.linalg.eigvalsh(S)

    def test(got: Any) -> str | None:
        if isinstance(got, tuple) and type(got) is not tuple:
            return (f"got {_a(type(got).__name__)} (a named tuple), which the grader cannot "
                    "read: unpack it and return a plain tuple, w, V = ...; return w, V")
        if not isinstance(got, tuple | list) or len(got) != 2:
            return f"got {_show(got)}: return a tuple (w, V)"
        w, V = (np.asarray(x, dtype=float) for x in got)
        if w.shape != (n,) or V.shape != (n, n):
            return f"got w of shape {w.shape} and V of shape {V.shape}, expected {(n,)}, {(n, n)}"
        if not np.allclose(w, w_true, rtol=RTOL, atol=1e-8):
            return f"got the eigenvalues {_show(w)} (increasing order, please)"
        if not np.allclose(V.T @ V, np.eye(n), atol=1e-8):
            return "got a V whose columns are not orthonormal (V.T @ V != I)"
        if not np.allclose(S @ V, V * w, atol=1e-8):
            return "got a V whose columns are not eigenvectors (S @ V[:, i] != w[i] V[:, i])"
        return None

    return test


def _eigen_decomposition_cases() -> list[Case]:
    hint = ("w, V = np.linalg.eigh(S) gives the eigenvalues in increasing order and orthonormal "
            "eigenvectors as the columns of V; return them as a plain tuple, return w, V.")
    cases = []
    for shown, S in [("eigen_decomposition([[2, 1], [1, 2]])", _mat([2, 1], [1, 2])),
                     ("eigen_decomposition([[4, 1], [1, -2]])", _mat([4, 1], [1, -2])),
                     ("eigen_decomposition([[3, 0], [0, -1]])", _mat([3, 0], [0, -1]))]:
        w = np.linalg.eigvalsh(S)
        cases.append(Case(shown, (S,), Satisfies(f"w = {_show(w)} and orthonormal eigenvector "
                                                 "columns V", _is_eigen_decomposition(S)), hint))
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
    image = _mat([1, 2, 0], [0, 1, 3], [2, 2, 1])
    return [
        Case("conv2d([[1, 2, 0], [0, 1, 3], [2, 2, 1]], [[0, 1], [2, 5]])",
             (image, _mat([0, 1], [2, 5])), _mat([9, 11], [4, 13]), hint),
        Case("conv2d([[1, 2, 0], [0, 1, 3], [2, 2, 1]], [[1, 2, 3]])",
             (image, _mat([1, 2, 3])), _mat([7], [5], [11]), hint, "a 1 x 3 kernel"),
        Case("conv2d([[1, 2], [3, 4]], [[5, 6], [7, 8]])",
             (_mat([1, 2], [3, 4]), _mat([5, 6], [7, 8])), _mat([60]), hint,
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


# ------------------------------------------------------------------------------ formatting


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _show(value: Any) -> str:
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, sp.Basic | sp.MatrixBase):
        return sp.sstr(value)
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.number):
        return f"{float(value):.6g}"
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        if value.ndim == 0:
            return _show(value[()])
        text = np.array2string(value, precision=6, separator=", ", threshold=12)
        return " ".join(text.split()).replace("[ ", "[")
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# ------------------------------------------------------------------------------ comparison


def _compare(got: Any, expected: Any) -> str | None:
    """None if `got` is right, else what is wrong with it (a short phrase)."""
    if isinstance(expected, Exact):
        if type(got) is not type(expected.value):
            noun = type(expected.value).__name__
            return f"got {_show(got)} ({_a(type(got).__name__)}): return {_a(noun)}"
        return None if got == expected.value else f"got {_show(got)}"
    if isinstance(expected, Satisfies):
        return expected.test(got)
    if isinstance(expected, At):
        return _compare_symbolic(got, expected.subs, expected.expected)
    if isinstance(expected, bool):
        if not isinstance(got, bool | np.bool_):
            return f"got {_show(got)} ({_a(type(got).__name__)}): return True or False"
        return None if bool(got) == expected else f"got {bool(got)}"
    if isinstance(expected, tuple):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            return f"got {_show(got)}: return a tuple of {len(expected)} values"
        for position, (mine, theirs) in enumerate(zip(got, expected, strict=True)):
            problem = _compare(mine, theirs)
            if problem is not None:
                return f"got {_show(tuple(got))}; item {position}: {problem}"
        return None
    if isinstance(expected, np.ndarray):
        if isinstance(got, list | tuple):
            try:
                got = np.asarray(got, dtype=float)
            except (TypeError, ValueError):
                return f"got {_show(got)}: return a NumPy array"
        if not isinstance(got, np.ndarray) or got.dtype.kind not in "iuf":
            return f"got {_show(got)} ({_a(type(got).__name__)}): return a NumPy array"
        if got.shape != expected.shape:
            return f"got an array of shape {got.shape}, expected shape {expected.shape}"
        if not np.allclose(got, expected, rtol=RTOL, atol=ATOL):
            return f"got {_show(got)}"
        return None
    if isinstance(got, np.ndarray) and got.ndim == 0 and got.dtype.kind in "iuf":
        got = got[()]
    if isinstance(got, bool | np.bool_) or not isinstance(got, int | float | np.number):
        return f"got {_show(got)} ({_a(type(got).__name__)}): return a single number"
    if not math.isclose(float(got), expected, rel_tol=RTOL, abs_tol=ATOL):
        return f"got {_show(got)}"
    return None


def _compare_symbolic(got: Any, subs: dict, expected: Any) -> str | None:
    """A SymPy expression (or matrix, if `expected` is an array) evaluated at `subs`."""
    want_matrix = isinstance(expected, np.ndarray)
    kind = "SymPy matrix (sp.Matrix)" if want_matrix else "SymPy expression"
    if not isinstance(got, sp.MatrixBase if want_matrix else sp.Expr):
        return f"got {_show(got)} ({_a(type(got).__name__)}): return a {kind}"
    names = {str(s) for s in subs}
    others = sorted(str(s) for s in got.free_symbols if str(s) not in names)
    if others:
        return f"got {_show(got)}, which uses {', '.join(others)}: use only the symbols given"
    at = ", ".join(f"{symbol} = {value}" for symbol, value in subs.items())
    by_name = {str(s): sp.Float(v, 30) for s, v in subs.items()}
    values = {s: by_name[str(s)] for s in got.free_symbols}
    entries = list(got) if want_matrix else [got]
    try:
        numbers = [complex(e.evalf(30, subs=values)) for e in entries]
    except (TypeError, ValueError):
        return f"got {_show(got)}, which does not evaluate to numbers at {at}"
    if any(abs(z.imag) > 1e-12 for z in numbers):
        return f"got {_show(got)}, which is not real at {at}"
    if want_matrix:
        if got.shape != expected.shape:
            return f"got a matrix of shape {got.shape}, expected shape {expected.shape}"
        value = np.array([z.real for z in numbers]).reshape(got.shape)
        ok = np.allclose(value, expected, rtol=RTOL, atol=ATOL)
    else:
        value = numbers[0].real
        ok = math.isclose(value, expected, rel_tol=RTOL, abs_tol=ATOL)
    return None if ok else f"got {_show(got)}, which is {_show(value)} at {at}"


# ------------------------------------------------------------------------------- running


def _find(name: str, caller_globals: dict) -> Any:
    main = sys.modules.get("__main__")
    for namespace in (getattr(main, "__dict__", {}), caller_globals):
        if name in namespace:
            return namespace[name]
    return None


@contextlib.contextmanager
def _quiet() -> Any:
    """Keep the student's code from writing to stderr (warnings such as numpy's
    "divide by zero encountered" included): a graded cell that writes to stderr would lose
    its points in nbgrader, even if the answer is right."""
    with (
        warnings.catch_warnings(),
        np.errstate(all="ignore"),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        warnings.simplefilter("ignore")
        yield


class _NotImplemented(Exception):
    """The function is still the release stub."""


def _run_case(function: Callable, case: Case) -> str | None:
    """None if the case passes, else the failure line."""
    copies = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
    with _quiet():
        try:
            got = function(*copies)
            problem = _compare(got, case.expected)
        except NotImplementedError:
            raise _NotImplemented from None
        except Exception as exc:  # the student's bug, reported rather than raised
            return f"✗ {case.shown} raised {type(exc).__name__}: {exc}"
    if problem is None:
        for before, after in zip(case.args, copies, strict=True):
            if isinstance(before, np.ndarray) and not np.array_equal(before, after):
                return (f"✗ {case.shown}: the answer is right, but your function changed its "
                        f"input array to {_show(after)}. Hint: work on new arrays; never "
                        "assign into the arguments.")
        return None
    about = f" ({case.about})" if case.about else ""
    return (f"✗ {case.shown}: expected {_expected_text(case.expected)}{about}, "
            f"{problem}. Hint: {case.hint}")


def _expected_text(expected: Any) -> str:
    if isinstance(expected, Exact):
        return _show(expected.value)
    if isinstance(expected, Satisfies):
        return expected.shown
    if isinstance(expected, At):
        at = ", ".join(f"{symbol} = {value}" for symbol, value in expected.subs.items())
        return f"{_show(expected.expected)} at {at}"
    return _show(expected)


def check(name: str) -> None:
    """Run the public checks of exercise `name` on your function of that name.

    Prints one line per check to standard output. Raises AssertionError (with the same
    report) if a check fails, so that the cell shows the failure.
    """
    if name not in CASES:
        known = ", ".join(sorted(CASES))
        raise AssertionError(f"There are no public checks called {name!r}; try one of: {known}")
    caller = inspect.currentframe().f_back
    function = _find(name, caller.f_globals if caller is not None else {})
    if function is None:
        report = (f"✗ {name} is not defined: run the cell where you wrote `def {name}(...)` "
                  "first (and check the spelling of the name)")
        print(report)
        raise AssertionError(report)
    if not callable(function):
        report = f"✗ {name} is {_a(type(function).__name__)}, not a function"
        print(report)
        raise AssertionError(report)
    cases = CASES[name]()
    failures = []
    for case in cases:
        try:
            failure = _run_case(function, case)
        except _NotImplemented:
            report = (f"✗ {name}: not implemented yet — replace `raise NotImplementedError()` "
                      "with your code and run that cell again")
            print(report)
            raise AssertionError(report) from None
        failures.append(failure)
        print(failure if failure is not None else f"✓ {case.shown}")
    bad = [f for f in failures if f is not None]
    if not bad:
        print(f"✓ {name}: {len(cases)} public checks passed "
              "(the grader also tests edge cases and random inputs)")
        return
    summary = f"✗ {name}: {len(bad)} of {len(cases)} public checks failed"
    print(summary)
    raise AssertionError("\n".join([summary, *bad]))
