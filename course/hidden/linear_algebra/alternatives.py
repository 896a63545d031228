"""Alternative correct solutions of the linear_algebra assignment, written differently from
the solution notebook the way students write them (loops, other NumPy and SciPy functions,
other types the contract allows).

`mathgrade verify` substitutes each one for its exercise in the solution notebook and checks
that it still earns full marks, so the hidden suites accept more than the solution's way.
The substituted source is the function alone, run after `import math`, `import numpy as np`
and `import sympy as sp`: anything else (scipy) is imported inside the body.
"""

import math

import numpy as np
import sympy as sp

from autograder.mistakes import alternative

# --------------------------------------------------------------------- shape_of_transpose


@alternative("shape_of_transpose")
def transpose_then_shape(matrix):
    return matrix.T.shape


@alternative("shape_of_transpose")
def numpy_integers(matrix):
    rows, cols = np.shape(matrix)
    return (np.int64(cols), np.int64(rows))


@alternative("shape_of_transpose")
def lengths(matrix):
    return (len(matrix[0]), len(matrix))


# ------------------------------------------------------------------------- are_compatible


@alternative("are_compatible")
def try_the_product(A, B):
    try:
        A @ B
    except ValueError:
        return False
    return True


@alternative("are_compatible")
def numpy_bool(A, B):
    return np.equal(np.shape(A)[-1], np.shape(B)[0])


# ------------------------------------------------------------------------- apply_to_batch


@alternative("apply_to_batch")
def column_stack_of_a_comprehension(F, batch_of_vectors):
    return np.column_stack([F @ v for v in batch_of_vectors.T])


@alternative("apply_to_batch")
def loop_over_columns(F, batch_of_vectors):
    out = np.zeros((F.shape[0], batch_of_vectors.shape[1]))
    for j in range(batch_of_vectors.shape[1]):
        for i in range(F.shape[0]):
            out[i, j] = sum(F[i, t] * batch_of_vectors[t, j] for t in range(F.shape[1]))
    return out


@alternative("apply_to_batch")
def einsum(F, batch_of_vectors):
    return np.einsum("ij,jk->ik", F, batch_of_vectors)


# -------------------------------------------------------------------------- make_repeater


@alternative("make_repeater")
def tile(k, n):
    return np.tile(np.eye(n), (k, 1))


@alternative("make_repeater")
def kronecker(k, n):
    return np.kron(np.ones((k, 1)), np.eye(n))


@alternative("make_repeater")
def integer_loop(k, n):
    M = np.zeros((k * n, n), dtype=int)
    for copy in range(k):
        for i in range(n):
            M[copy * n + i, i] = 1
    return M


# ---------------------------------------------------------------------- projection_matrix


@alternative("projection_matrix")
def reduced_qr(A):
    Q, _ = np.linalg.qr(A)
    return Q @ Q.T


@alternative("projection_matrix")
def pseudo_inverse(A):
    return A @ np.linalg.pinv(A)


@alternative("projection_matrix")
def explicit_inverse(A):
    return A @ np.linalg.inv(A.T @ A) @ A.T


@alternative("projection_matrix")
def left_singular_vectors(A):
    U, _, _ = np.linalg.svd(A, full_matrices=False)
    return U @ U.T


# -------------------------------------------------------------------------- least_squares


@alternative("least_squares")
def pinv(X, y):
    return np.linalg.pinv(X) @ y


@alternative("least_squares")
def normal_equations_with_inv(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y


@alternative("least_squares")
def qr_and_triangular_solve(X, y):
    from scipy.linalg import solve_triangular

    Q, R = np.linalg.qr(X)
    return solve_triangular(R, Q.T @ y)


# ------------------------------------------------------------------------ low_rank_approx


@alternative("low_rank_approx")
def zero_the_small_singular_values(A, k):
    U, s, Vt = np.linalg.svd(A)
    s = s.copy()
    s[k:] = 0
    S = np.zeros(A.shape)
    S[:len(s), :len(s)] = np.diag(s)
    return U @ S @ Vt


@alternative("low_rank_approx")
def sum_of_outer_products(A, k):
    U, s, Vt = np.linalg.svd(A)
    total = np.zeros(A.shape)
    for i in range(k):
        total += s[i] * np.outer(U[:, i], Vt[i])
    return total


@alternative("low_rank_approx")
def scipy_svd(A, k):
    import scipy.linalg

    U, s, Vt = scipy.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]


# -------------------------------------------------------------------------- conv1d_matrix


@alternative("conv1d_matrix")
def scipy_toeplitz(kernel, n):
    from scipy.linalg import toeplitz

    L = len(kernel)
    first_column = np.zeros(n - L + 1)
    first_column[0] = kernel[-1]
    first_row = np.zeros(n)
    first_row[:L] = kernel[::-1]
    return toeplitz(first_column, first_row)


@alternative("conv1d_matrix")
def convolve_unit_vectors(kernel, n):
    return np.array([np.convolve(e, kernel, mode="valid") for e in np.eye(n)]).T


@alternative("conv1d_matrix")
def index_formula(kernel, n):
    L = len(kernel)
    M = np.zeros((n - L + 1, n))
    for i in range(n - L + 1):
        for j in range(n):
            if 0 <= i + L - 1 - j < L:
                M[i, j] = kernel[i + L - 1 - j]
    return M


# ---------------------------------------------------------------------- collapse_pipeline


@alternative("collapse_pipeline")
def reduce_from_the_left(matrices):
    import functools

    return functools.reduce(lambda V, M: M @ V, matrices)


@alternative("collapse_pipeline")
def multi_dot_reversed(matrices):
    if len(matrices) == 1:
        return matrices[0].copy()
    return np.linalg.multi_dot(list(reversed(matrices)))


@alternative("collapse_pipeline")
def identity_then_each(matrices):
    V = np.eye(matrices[0].shape[1])
    for M in matrices:
        V = np.matmul(M, V)
    return V


# ----------------------------------------------------------------------------------- rank


@alternative("rank")
def numpy_matrix_rank(A):
    return np.linalg.matrix_rank(A)


@alternative("rank")
def count_singular_values(A):
    s = np.linalg.svd(A, compute_uv=False)
    if s.size == 0 or s[0] == 0:
        return 0
    return int(np.sum(s > s[0] * 1e-10))


@alternative("rank")
def scipy_orth(A):
    from scipy.linalg import orth

    return orth(A).shape[1]


# ----------------------------------------------------------------------------- null_space


@alternative("null_space")
def scipy_null_space(A):
    import scipy.linalg

    return scipy.linalg.null_space(A)


@alternative("null_space")
def svd_with_relative_tolerance(A):
    _, s, Vt = np.linalg.svd(A)
    r = int(np.sum(s > 1e-10 * max(s.max(initial=0.0), 1e-300)))
    return Vt[r:].T.copy()


@alternative("null_space")
def eigh_of_the_gram_matrix(A):
    w, V = np.linalg.eigh(A.T @ A)
    return V[:, w <= 1e-10 * max(w.max(), 1e-300)]


# ---------------------------------------------------------------------- project_onto_line


@alternative("project_onto_line")
def through_a_unit_vector(y, a):
    u = a / np.linalg.norm(a)
    return np.dot(u, y) * u


@alternative("project_onto_line")
def with_the_projection_matrix(y, a):
    return np.outer(a, a) / np.dot(a, a) @ y


@alternative("project_onto_line")
def with_a_loop(y, a):
    dot = sum(ai * yi for ai, yi in zip(a, y, strict=True))
    norm2 = sum(ai * ai for ai in a)
    return np.array([dot / norm2 * ai for ai in a])


# -------------------------------------------------------------------- eigen_decomposition


@alternative("eigen_decomposition")
def scipy_eigh(S):
    import scipy.linalg

    return scipy.linalg.eigh(S)


@alternative("eigen_decomposition")
def sorted_with_argsort(S):
    w, V = np.linalg.eigh(S)
    order = np.argsort(-w)[::-1]
    return [w[order], V[:, order]]


@alternative("eigen_decomposition")
def eigh_of_the_negative(S):
    w, V = np.linalg.eigh(-S)
    return -w[::-1], V[:, ::-1]


# ---------------------------------------------------------------------------- rank_k_error


@alternative("rank_k_error")
def norm_of_the_difference(A, k):
    return np.linalg.norm(A - low_rank_approx(A, k), "fro")  # noqa: F821 (the notebook's)


@alternative("rank_k_error")
def norm_of_the_tail(A, k):
    return np.linalg.norm(np.linalg.svd(A, compute_uv=False)[k:])


@alternative("rank_k_error")
def math_loop(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return math.sqrt(sum(float(x) ** 2 for x in s[k:]))


# ---------------------------------------------------------------------------------- conv2d


@alternative("conv2d")
def scipy_convolve2d(image, kernel):
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="valid")


@alternative("conv2d")
def correlate_with_the_flipped_kernel(image, kernel):
    from scipy.signal import correlate2d

    return correlate2d(image, np.flip(kernel), mode="valid")


@alternative("conv2d")
def sliding_windows(image, kernel):
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijpq,pq->ij", windows, kernel[::-1, ::-1])


@alternative("conv2d")
def four_loops(image, kernel):
    H, W = image.shape
    h, w = kernel.shape
    out = np.zeros((H - h + 1, W - w + 1))
    for i in range(H - h + 1):
        for j in range(W - w + 1):
            for p in range(h):
                for q in range(w):
                    out[i, j] += kernel[p, q] * image[i + h - 1 - p, j + w - 1 - q]
    return out


# ----------------------------------------------------------------------------- inverse_2x2


@alternative("inverse_2x2")
def sympy_inv(a, b, c, d):
    return sp.Matrix([[a, b], [c, d]]).inv()


@alternative("inverse_2x2")
def adjugate_over_determinant(a, b, c, d):
    M = sp.Matrix([[a, b], [c, d]])
    return sp.simplify(M.adjugate() / M.det())


@alternative("inverse_2x2")
def power_minus_one(a, b, c, d):
    return sp.ImmutableMatrix([[a, b], [c, d]]) ** -1


# ---------------------------------------------------------------- characteristic_polynomial


@alternative("characteristic_polynomial")
def sympy_charpoly(M, lam):
    return M.charpoly(lam).as_expr()


@alternative("characteristic_polynomial")
def sign_corrected(M, lam):
    n = M.shape[0]
    return sp.expand((-1) ** n * (M - lam * sp.eye(n)).det())


@alternative("characteristic_polynomial")
def factored(M, lam):
    return sp.factor(sp.Matrix(lam * sp.eye(M.shape[0]) - M).det(method="berkowitz"))


# ---------------------------------------------------------------------------- eigenvalues_2x2


@alternative("eigenvalues_2x2")
def sympy_eigenvals(a, b, c):
    return list(sp.Matrix([[a, b], [b, c]]).eigenvals())


@alternative("eigenvalues_2x2")
def solve_the_quadratic(a, b, c):
    lam = sp.Symbol("lam")
    return sp.solve(lam**2 - (a + c) * lam + a * c - b**2, lam)


@alternative("eigenvalues_2x2")
def larger_first(a, b, c):
    root = sp.sqrt((a - c) ** 2 + 4 * b**2) / 2
    return ((a + c) / 2 + root, (a + c) / 2 - root)
