"""Known mistakes of the linear_algebra assignment, each written the way a student would.

`mathgrade verify` substitutes each one for its exercise in the solution notebook and checks
that the hidden suite takes points off and names it. After a failed test, the grader replays
the test's calls through these functions (in file order, per exercise) and names the first
one that reproduces every outcome, so within an exercise the order matters: a mistake comes
before another whose outputs it could also produce.

The substituted source is the function alone (its single-line decorator dropped), run after
`import math`, `import numpy as np` and `import sympy as sp`: a mistake imports anything else
(scipy, functools) inside its body. Hints are constants because the decorator must fit on one line.
"""

import numpy as np
import sympy as sp

from autograder.mistakes import mistake

# --------------------------------------------------------------------- shape_of_transpose

TRANSPOSED_MATRIX = (
    "The question asks for the shape of the transpose, not the transpose itself: return "
    "matrix.T.shape (a tuple such as (3, 2)), not matrix.T."
)
SAME_SHAPE = (
    "Transposing swaps rows and columns: an (m, n) matrix becomes (n, m). matrix.shape is the "
    "shape before transposing; reverse it (or use matrix.T.shape)."
)
LENGTH_ONLY = (
    "len(matrix.T) is only the number of rows of the transpose; a shape lists the size along "
    "every axis, e.g. (3, 2)."
)
LIST_NOT_TUPLE = (
    "NumPy shapes are tuples, e.g. (3, 2); return a tuple (tuple(...) or matrix.T.shape), "
    "not a list or an array."
)


@mistake("shape_of_transpose", hint=TRANSPOSED_MATRIX)
def returns_the_transpose(matrix):
    return matrix.T


@mistake("shape_of_transpose", hint=SAME_SHAPE)
def shape_not_reversed(matrix):
    return matrix.shape


@mistake("shape_of_transpose", hint=LENGTH_ONLY)
def length_instead_of_shape(matrix):
    return len(matrix.T)


@mistake("shape_of_transpose", hint=LIST_NOT_TUPLE)
def list_instead_of_tuple(matrix):
    return list(matrix.shape[::-1])


# ------------------------------------------------------------------------- are_compatible

OUTER_DIMENSIONS = (
    "For A @ B, the inner dimensions must match: the number of columns of A (A.shape[1]) "
    "with the number of rows of B (B.shape[0]). You compared the outer ones."
)
SAME_SHAPES = (
    "A @ B does not need A and B to have the same shape ((2, 3) @ (3, 4) is fine, (2, 3) @ "
    "(2, 3) is not): compare A.shape[1] with B.shape[0]."
)
SAME_COLUMNS = (
    "Each column of B is a vector that A is applied to, so its length (B's number of rows, "
    "B.shape[0]) must equal A's number of columns, A.shape[1]."
)
SAME_ROWS = (
    "A's rows are not what must match: A @ B needs A.shape[1] (columns of A) == B.shape[0] "
    "(rows of B)."
)
INT_NOT_BOOL = "Return a bool (True or False), e.g. the value of A.shape[1] == B.shape[0]."


@mistake("are_compatible", hint=OUTER_DIMENSIONS)
def outer_dimensions(A, B):
    return A.shape[0] == B.shape[1]


@mistake("are_compatible", hint=SAME_SHAPES)
def same_shapes(A, B):
    return A.shape == B.shape


@mistake("are_compatible", hint=SAME_COLUMNS)
def same_number_of_columns(A, B):
    return A.shape[1] == B.shape[1]


@mistake("are_compatible", hint=SAME_ROWS)
def same_number_of_rows(A, B):
    return A.shape[0] == B.shape[0]


@mistake("are_compatible", hint=INT_NOT_BOOL)
def returns_an_int(A, B):
    return int(A.shape[1] == B.shape[0])


# ------------------------------------------------------------------------- apply_to_batch

STACKED_AS_ROWS = (
    "np.array([F @ v for v in batch.T]) stacks the results as rows: that is (F @ batch).T. "
    "The vectors of the batch are its columns, so the results must be columns too: "
    "np.column_stack(...) or simply F @ batch_of_vectors."
)
WRONG_ORDER = (
    "batch_of_vectors @ F applies the batch to F. Matrix products don't commute: F goes on "
    "the left, F @ batch_of_vectors."
)
TRANSPOSED_F = (
    "F.T @ batch applies the transpose of F. Apply F itself: F @ batch_of_vectors."
)
ELEMENTWISE = (
    "F * batch multiplies entry by entry; applying F to a vector is the matrix product: "
    "F @ batch_of_vectors (or np.matmul)."
)


@mistake("apply_to_batch", hint=STACKED_AS_ROWS)
def results_stacked_as_rows(F, batch_of_vectors):
    return np.array([F @ v for v in batch_of_vectors.T])


@mistake("apply_to_batch", hint=WRONG_ORDER)
def batch_times_f(F, batch_of_vectors):
    return batch_of_vectors @ F


@mistake("apply_to_batch", hint=TRANSPOSED_F)
def transposed_f(F, batch_of_vectors):
    return F.T @ batch_of_vectors


@mistake("apply_to_batch", hint=ELEMENTWISE)
def elementwise_product(F, batch_of_vectors):
    return F * batch_of_vectors


# -------------------------------------------------------------------------- make_repeater

SIDE_BY_SIDE = (
    "np.hstack puts the identity matrices side by side, giving shape (n, k*n): that matrix "
    "takes vectors of length k*n. Stack them vertically (np.vstack) to get (k*n, n)."
)
EACH_ENTRY_REPEATED = (
    "np.repeat(np.eye(n), k, axis=0) repeats each entry k times ([x, x, y, y]); the task is k "
    "copies of the whole vector ([x, y, x, y]): np.vstack([np.eye(n)] * k)."
)
SWAPPED_ARGUMENTS = (
    "k is the number of copies and n the length of the vector: stack k identity matrices of "
    "size n (np.vstack([np.eye(n)] * k)), not n of size k."
)
PADDED_IDENTITY = (
    "np.eye(k * n, n) puts one copy of x on top and zeros below. Each block of n rows must be "
    "an identity matrix: np.vstack([np.eye(n)] * k)."
)

ONE_ROW_PER_COPY = (
    "A (k, n) matrix outputs only k numbers (each row gives one). k copies of a length-n "
    "vector are k*n numbers, so the matrix is (k*n, n): k identity matrices stacked."
)


@mistake("make_repeater", hint=ONE_ROW_PER_COPY)
def one_row_per_copy(k, n):
    return np.vstack([np.ones(n)] * k)


@mistake("make_repeater", hint=SIDE_BY_SIDE)
def stacked_side_by_side(k, n):
    return np.hstack([np.eye(n)] * k)


@mistake("make_repeater", hint=EACH_ENTRY_REPEATED)
def each_entry_repeated(k, n):
    return np.repeat(np.eye(n), k, axis=0)


@mistake("make_repeater", hint=SWAPPED_ARGUMENTS)
def swapped_arguments(k, n):
    return np.vstack([np.eye(k)] * n)


@mistake("make_repeater", hint=PADDED_IDENTITY)
def identity_padded_with_zeros(k, n):
    return np.eye(k * n, n)


# ---------------------------------------------------------------------- projection_matrix

OUTER_PRODUCT = (
    "A @ A.T is the projector only when the columns of A are orthonormal. In general divide "
    "by the Gram matrix: P = A (A^T A)^-1 A^T (np.linalg.solve(A.T @ A, A.T))."
)
COLUMNS_SEPARATELY = (
    "Adding the projections onto each column works only when the columns are orthogonal. "
    "Project onto all of them together: P = A (A^T A)^-1 A^T."
)
COMPLEMENT = (
    "I - P projects onto the orthogonal complement of the column space; the projector onto "
    "the column space is P = A (A^T A)^-1 A^T itself."
)
COMPLETE_QR = (
    "np.linalg.qr(A, mode='complete') returns a square Q whose columns span all of R^m, so Q "
    "Q^T = I. Use the reduced QR (the default mode): its n columns span the column space of A."
)
GRAM_INVERSE = (
    "(A^T A)^-1 alone is n x n; the projector is m x m: P = A (A^T A)^-1 A^T, with A on both "
    "sides."
)


@mistake("projection_matrix", hint=OUTER_PRODUCT)
def outer_product_only(A):
    return A @ A.T


@mistake("projection_matrix", hint=COLUMNS_SEPARATELY)
def columns_projected_separately(A):
    P = np.zeros((A.shape[0], A.shape[0]))
    for a in A.T:
        P = P + np.outer(a, a) / (a @ a)
    return P


@mistake("projection_matrix", hint=COMPLEMENT)
def orthogonal_complement(A):
    return np.eye(A.shape[0]) - A @ np.linalg.solve(A.T @ A, A.T)


@mistake("projection_matrix", hint=COMPLETE_QR)
def complete_qr(A):
    Q, _ = np.linalg.qr(A, mode="complete")
    return Q @ Q.T


@mistake("projection_matrix", hint=GRAM_INVERSE)
def gram_inverse_only(A):
    return np.linalg.inv(A.T @ A)


# -------------------------------------------------------------------------- least_squares

SQUARE_SOLVE = (
    "np.linalg.solve needs a square X; with more data points than unknowns there is no exact "
    "solution. Solve the normal equations X^T X w = X^T y, or use np.linalg.lstsq."
)
LSTSQ_TUPLE = (
    "np.linalg.lstsq returns a tuple (w, residuals, rank, singular_values); return only its "
    "first element, np.linalg.lstsq(X, y, rcond=None)[0]."
)
NO_INVERSE = (
    "X^T y is only the right-hand side of the normal equations; w solves X^T X w = X^T y: "
    "np.linalg.solve(X.T @ X, X.T @ y)."
)
BIAS_COLUMN = (
    "Don't add a column of ones: X is the design matrix as given (if an intercept is wanted, "
    "X already has that column). w has one entry per column of X."
)
RIDGE = (
    "Adding lambda * I to X^T X is ridge regression, which shrinks w; plain least squares "
    "solves X^T X w = X^T y exactly."
)


@mistake("least_squares", hint=SQUARE_SOLVE)
def solve_as_if_square(X, y):
    return np.linalg.solve(X, y)


@mistake("least_squares", hint=LSTSQ_TUPLE)
def whole_lstsq_tuple(X, y):
    return np.linalg.lstsq(X, y, rcond=None)


@mistake("least_squares", hint=NO_INVERSE)
def forgets_the_gram_matrix(X, y):
    return X.T @ y


@mistake("least_squares", hint=BIAS_COLUMN)
def adds_a_bias_column(X, y):
    X1 = np.column_stack([np.ones(len(X)), X])
    return np.linalg.solve(X1.T @ X1, X1.T @ y)


@mistake("least_squares", hint=RIDGE)
def ridge_penalty(X, y):
    return np.linalg.solve(X.T @ X + 0.1 * np.eye(X.shape[1]), X.T @ y)


# ------------------------------------------------------------------------ low_rank_approx

SMALLEST = (
    "np.linalg.svd sorts the singular values from largest to smallest; Eckart-Young keeps "
    "the k largest, i.e. the first k: U[:, :k], s[:k], Vt[:k]."
)
NO_SINGULAR_VALUES = (
    "U_k V_k^T drops the sizes of the components: the approximation is "
    "U[:, :k] @ np.diag(s[:k]) @ Vt[:k], with the singular values in the middle."
)
ONE_TOO_MANY = (
    "Keep exactly k singular values: s[:k] (indices 0 .. k-1), not s[:k + 1]."
)
COLUMNS_OF_VT = (
    "np.linalg.svd returns V transposed (Vt): the right singular vectors are the rows of Vt, "
    "so take Vt[:k], not columns of Vt."
)


@mistake("low_rank_approx", hint=SMALLEST)
def keeps_the_smallest(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    if k == 0:
        return np.zeros_like(A)
    return U[:, -k:] @ np.diag(s[-k:]) @ Vt[-k:]


@mistake("low_rank_approx", hint=NO_SINGULAR_VALUES)
def forgets_singular_values(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ Vt[:k]


@mistake("low_rank_approx", hint=ONE_TOO_MANY)
def keeps_k_plus_one(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k + 1] @ np.diag(s[:k + 1]) @ Vt[:k + 1]


@mistake("low_rank_approx", hint=COLUMNS_OF_VT)
def columns_of_vt(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:, :k].T


# -------------------------------------------------------------------------- conv1d_matrix

NOT_FLIPPED = (
    "That is correlation: np.convolve flips the kernel. Row i of M holds kernel[::-1] in "
    "columns i .. i + L - 1."
)
FULL_MODE = (
    "That is mode='full' (every partial overlap, n + L - 1 rows); 'valid' keeps only the "
    "positions where the kernel fits entirely: n - L + 1 rows."
)
SAME_MODE = (
    "That is mode='same' (n rows); 'valid' keeps only the positions where the kernel fits "
    "entirely inside x: n - L + 1 rows."
)
ONE_ROW_SHORT = (
    "There are n - L + 1 positions where a kernel of length L fits inside x (e.g. one when "
    "n == L), not n - L."
)
TRANSPOSED_M = (
    "M must map a vector of length n to the n - L + 1 outputs, so its shape is (n - L + 1, n); "
    "yours is the transpose."
)


@mistake("conv1d_matrix", hint=NOT_FLIPPED)
def kernel_not_flipped(kernel, n):
    L = len(kernel)
    M = np.zeros((n - L + 1, n))
    for i in range(n - L + 1):
        M[i, i:i + L] = kernel
    return M


@mistake("conv1d_matrix", hint=FULL_MODE)
def full_mode(kernel, n):
    return np.column_stack([np.convolve(e, kernel, mode="full") for e in np.eye(n)])


@mistake("conv1d_matrix", hint=SAME_MODE)
def same_mode(kernel, n):
    return np.column_stack([np.convolve(e, kernel, mode="same") for e in np.eye(n)])


@mistake("conv1d_matrix", hint=ONE_ROW_SHORT)
def one_row_short(kernel, n):
    L = len(kernel)
    M = np.zeros((n - L, n))
    for i in range(n - L):
        M[i, i:i + L] = kernel[::-1]
    return M


@mistake("conv1d_matrix", hint=TRANSPOSED_M)
def transposed_matrix(kernel, n):
    L = len(kernel)
    M = np.zeros((n, n - L + 1))
    for i in range(n - L + 1):
        M[i:i + L, i] = kernel[::-1]
    return M


# ---------------------------------------------------------------------- collapse_pipeline

REVERSED_IN_PLACE = (
    "list.reverse() reverses the caller's list in place: their pipeline now runs backwards. "
    "Use matrices[::-1] or reversed(matrices), which leave the list alone."
)
PIPELINE_ORDER = (
    "Applying W first and then X is X @ W: the matrix applied first goes on the right. "
    "Multiply each next matrix on the left: V = M @ V."
)
PIPELINE_ELEMENTWISE = (
    "M * V multiplies entry by entry; composing two matrices is the matrix product M @ V."
)
PIPELINE_SUM = (
    "Adding matrices runs them side by side and adds the outputs; one after the other is "
    "their product: V = M @ V for each next M."
)


@mistake("collapse_pipeline", hint=REVERSED_IN_PLACE)
def reverses_the_list_in_place(matrices):
    import functools

    matrices.reverse()
    return functools.reduce(np.matmul, matrices)


@mistake("collapse_pipeline", hint=PIPELINE_ORDER)
def multiplied_in_reading_order(matrices):
    import functools

    return functools.reduce(np.matmul, matrices)


@mistake("collapse_pipeline", hint=PIPELINE_ELEMENTWISE)
def elementwise_products(matrices):
    V = matrices[0]
    for M in matrices[1:]:
        V = M * V
    return V


@mistake("collapse_pipeline", hint=PIPELINE_SUM)
def sum_of_the_matrices(matrices):
    return sum(matrices)


# ----------------------------------------------------------------------------------- rank

ASSUMES_FULL_RANK = (
    "min(m, n) is only an upper bound: dependent rows or columns lower the rank ([[1, 2], "
    "[2, 4]] has rank 1). Count the singular values that are not (numerically) zero."
)
COUNTS_COLUMNS = (
    "The rank is not the number of columns: it is the number of independent columns (equal "
    "to the number of independent rows). Count the nonzero singular values."
)
EXACT_ZERO = (
    "Rounding makes 'zero' singular values tiny but not 0 (about 1e-16 times the largest), so "
    "s > 0 counts them. Compare with a tolerance relative to the largest singular value, as "
    "np.linalg.matrix_rank does."
)
ABSOLUTE_TOLERANCE = (
    "A fixed tolerance such as 1e-10 fails for large matrices, whose rounding errors are "
    "large too: make it relative, e.g. s > s.max() * max(A.shape) * np.finfo(float).eps."
)
NONZERO_ROWS = (
    "Counting nonzero rows misses rows that depend on others: [[1, 2], [2, 4]] has two "
    "nonzero rows but rank 1. Count the nonzero singular values."
)


@mistake("rank", hint=ASSUMES_FULL_RANK)
def assumes_full_rank(A):
    return min(A.shape)


@mistake("rank", hint=COUNTS_COLUMNS)
def counts_columns(A):
    return A.shape[1]


@mistake("rank", hint=EXACT_ZERO)
def counts_exactly_nonzero_singular_values(A):
    return int(np.sum(np.linalg.svd(A, compute_uv=False) > 0))


@mistake("rank", hint=ABSOLUTE_TOLERANCE)
def absolute_tolerance(A):
    return int(np.sum(np.linalg.svd(A, compute_uv=False) > 1e-10))


@mistake("rank", hint=NONZERO_ROWS)
def counts_nonzero_rows(A):
    return int(np.count_nonzero(np.any(A != 0, axis=1)))


# ----------------------------------------------------------------------------- null_space

NULL_ROWS = (
    "The basis vectors must be the columns of N (shape (n, n - r)): the rows Vt[r:] of Vt "
    "are the vectors, so transpose them, Vt[r:].T."
)
ROW_SPACE = (
    "The first r right singular vectors span the row space; the null space is spanned by the "
    "remaining ones: Vt[r:].T, where r is the rank."
)
LEFT_NULL_SPACE = (
    "The columns of U past the rank span the null space of A.T (vectors y with y^T A = 0). "
    "The null space of A lives in R^n: use the rows of Vt past the rank, Vt[r:].T."
)
REDUCED_SVD = (
    "With full_matrices=False, Vt has only min(m, n) rows, so for a wide matrix the null "
    "space directions are cut off. Use np.linalg.svd(A) (full_matrices=True)."
)
NULL_EXACT_ZERO = (
    "Rounding makes 'zero' singular values tiny but not 0, so s > 0 overcounts the rank and "
    "loses null space directions: use a relative tolerance, or np.linalg.matrix_rank(A)."
)


@mistake("null_space", hint=NULL_ROWS)
def basis_as_rows(A):
    _, _, Vt = np.linalg.svd(A)
    return Vt[np.linalg.matrix_rank(A):]


@mistake("null_space", hint=ROW_SPACE)
def row_space_instead(A):
    _, _, Vt = np.linalg.svd(A)
    return Vt[:np.linalg.matrix_rank(A)].T


@mistake("null_space", hint=LEFT_NULL_SPACE)
def left_null_space(A):
    U, _, _ = np.linalg.svd(A)
    return U[:, np.linalg.matrix_rank(A):]


@mistake("null_space", hint=REDUCED_SVD)
def reduced_svd(A):
    _, _, Vt = np.linalg.svd(A, full_matrices=False)
    return Vt[np.linalg.matrix_rank(A):].T


@mistake("null_space", hint=NULL_EXACT_ZERO)
def rank_without_tolerance(A):
    _, s, Vt = np.linalg.svd(A)
    return Vt[int(np.sum(s > 0)):].T


# ---------------------------------------------------------------------- project_onto_line

UNIT_ASSUMED = (
    "(a . y) a is the projection only when a has length 1. Divide by a . a: "
    "(a . y / a . a) a."
)
DIVIDED_BY_NORM = (
    "Divide by the squared length a . a, not the length: the projection is "
    "(a . y) / (a . a) * a (one factor 1/|a| normalises a, the other normalises a . y)."
)
COEFFICIENT_ONLY = (
    "a . y / a . a is the coordinate of the projection along a; the projection is that "
    "number times a, a vector like y."
)
SWAPPED = (
    "That projects a onto the line through y. The line is spanned by a and the point is y: "
    "(a . y / a . a) a."
)
REJECTION = (
    "y - (a . y / a . a) a is the error of the projection (orthogonal to a); the projection "
    "itself is (a . y / a . a) a."
)


@mistake("project_onto_line", hint=UNIT_ASSUMED)
def assumes_unit_direction(y, a):
    return (a @ y) * a


@mistake("project_onto_line", hint=DIVIDED_BY_NORM)
def divides_by_the_norm(y, a):
    return (a @ y) / np.linalg.norm(a) * a


@mistake("project_onto_line", hint=COEFFICIENT_ONLY)
def returns_the_coefficient(y, a):
    return (a @ y) / (a @ a)


@mistake("project_onto_line", hint=SWAPPED)
def projects_a_onto_y(y, a):
    return (a @ y) / (y @ y) * y


@mistake("project_onto_line", hint=REJECTION)
def returns_the_error(y, a):
    return y - (a @ y) / (a @ a) * a


# -------------------------------------------------------------------- eigen_decomposition

EIG_UNSORTED = (
    "np.linalg.eig does not sort the eigenvalues. For a symmetric matrix use np.linalg.eigh, "
    "which returns them in increasing order with orthonormal eigenvectors."
)
SORTED_VALUES_ONLY = (
    "Sorting w alone breaks the pairing: column i of V must stay the eigenvector of w[i]. "
    "Sort both with one order (order = np.argsort(w); w[order], V[:, order]) or use "
    "np.linalg.eigh."
)
DESCENDING = (
    "The eigenvalues are asked for in increasing order (as np.linalg.eigh returns them), "
    "not decreasing."
)
EIGENVECTORS_AS_ROWS = (
    "The eigenvectors are the columns of V (S @ V[:, i] = w[i] V[:, i]), as np.linalg.eigh "
    "returns them; V.T has them as rows."
)
SVD_FOR_EIG = (
    "Singular values are the absolute values of a symmetric matrix's eigenvalues: negative "
    "eigenvalues come out with the wrong sign. Use np.linalg.eigh."
)


@mistake("eigen_decomposition", hint=EIG_UNSORTED)
def unsorted_eig(S):
    w, V = np.linalg.eig(S)
    return w, V


@mistake("eigen_decomposition", hint=SORTED_VALUES_ONLY)
def sorts_values_not_vectors(S):
    w, V = np.linalg.eig(S)
    return np.sort(w), V


@mistake("eigen_decomposition", hint=DESCENDING)
def decreasing_order(S):
    w, V = np.linalg.eigh(S)
    return w[::-1], V[:, ::-1]


@mistake("eigen_decomposition", hint=EIGENVECTORS_AS_ROWS)
def eigenvectors_as_rows(S):
    w, V = np.linalg.eigh(S)
    return w, V.T


@mistake("eigen_decomposition", hint=SVD_FOR_EIG)
def singular_values_instead(S):
    U, s, _ = np.linalg.svd(S)
    return s[::-1], U[:, ::-1]


# ---------------------------------------------------------------------------- rank_k_error

SQUARED_ERROR = (
    "sum of s_i^2 over the dropped singular values is the squared error; the Frobenius norm "
    "is its square root."
)
SPECTRAL = (
    "s_{k+1} alone is the error in the spectral (operator) norm. In the Frobenius norm all "
    "dropped singular values count: sqrt(s_{k+1}^2 + ... + s_r^2)."
)
SUM_OF_SINGULAR_VALUES = (
    "Square the dropped singular values before adding them, then take the square root: "
    "sqrt(sum(s[k:] ** 2))."
)
DROPS_ONE_TOO_FEW = (
    "The rank-k approximation keeps s[0] .. s[k-1]; the error consists of s[k:] (Python "
    "counts from 0), not s[k + 1:]."
)


@mistake("rank_k_error", hint=SQUARED_ERROR)
def squared_error(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return np.sum(s[k:] ** 2)


@mistake("rank_k_error", hint=SPECTRAL)
def largest_dropped_singular_value(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return s[k] if k < len(s) else 0.0


@mistake("rank_k_error", hint=SUM_OF_SINGULAR_VALUES)
def sum_of_dropped_singular_values(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return np.sum(s[k:])


@mistake("rank_k_error", hint=DROPS_ONE_TOO_FEW)
def drops_one_too_few(A, k):
    s = np.linalg.svd(A, compute_uv=False)
    return np.sqrt(np.sum(s[k + 1:] ** 2))


# ---------------------------------------------------------------------------------- conv2d

CORRELATION_2D = (
    "That is cross-correlation (what deep-learning libraries call convolution): convolution "
    "flips the kernel in both directions first, kernel[::-1, ::-1]."
)
ONE_AXIS_FLIPPED = (
    "kernel[::-1] flips only the rows; convolution flips both axes: kernel[::-1, ::-1]."
)
FULL_2D = (
    "That is mode 'full' (every partial overlap); 'valid' keeps only the positions where the "
    "kernel fits inside the image: shape (H - h + 1, W - w + 1)."
)
SAME_2D = (
    "That is mode 'same' (the image's shape); 'valid' keeps only the positions where the "
    "kernel fits inside the image: shape (H - h + 1, W - w + 1)."
)


@mistake("conv2d", hint=CORRELATION_2D)
def correlation_instead(image, kernel):
    h, w = kernel.shape
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * kernel)
    return out


@mistake("conv2d", hint=ONE_AXIS_FLIPPED)
def flips_only_the_rows(image, kernel):
    h, w = kernel.shape
    flipped = kernel[::-1]
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * flipped)
    return out


@mistake("conv2d", hint=FULL_2D)
def full_mode_2d(image, kernel):
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="full")


@mistake("conv2d", hint=SAME_2D)
def same_mode_2d(image, kernel):
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="same")


# ----------------------------------------------------------------------------- inverse_2x2

NO_DETERMINANT = (
    "[[d, -b], [-c, a]] is the adjugate; the inverse divides it by the determinant "
    "a d - b c. Check: your matrix times [[a, b], [c, d]] should be the identity."
)
DIAGONAL_NOT_SWAPPED = (
    "Swap the diagonal entries: the inverse is [[d, -b], [-c, a]] / (a d - b c), with d top "
    "left and a bottom right."
)
OFF_DIAGONAL_NOT_NEGATED = (
    "Negate the off-diagonal entries: [[d, -b], [-c, a]] / (a d - b c)."
)
ADJUGATE_TRANSPOSED = (
    "The off-diagonal entries stay in place (negated): -b top right, -c bottom left. "
    "Inverse: [[d, -b], [-c, a]] / (a d - b c)."
)
ENTRYWISE_RECIPROCAL = (
    "The inverse of a matrix is not the matrix of reciprocals: M^-1 M = I. For 2 x 2 it is "
    "[[d, -b], [-c, a]] / (a d - b c) (or sp.Matrix([[a, b], [c, d]]).inv())."
)


@mistake("inverse_2x2", hint=NO_DETERMINANT)
def forgets_the_determinant(a, b, c, d):
    return sp.Matrix([[d, -b], [-c, a]])


@mistake("inverse_2x2", hint=DIAGONAL_NOT_SWAPPED)
def diagonal_not_swapped(a, b, c, d):
    return sp.Matrix([[a, -b], [-c, d]]) / (a * d - b * c)


@mistake("inverse_2x2", hint=OFF_DIAGONAL_NOT_NEGATED)
def off_diagonal_not_negated(a, b, c, d):
    return sp.Matrix([[d, b], [c, a]]) / (a * d - b * c)


@mistake("inverse_2x2", hint=ADJUGATE_TRANSPOSED)
def off_diagonal_swapped(a, b, c, d):
    return sp.Matrix([[d, -c], [-b, a]]) / (a * d - b * c)


@mistake("inverse_2x2", hint=ENTRYWISE_RECIPROCAL)
def entrywise_reciprocals(a, b, c, d):
    return sp.Matrix([[1 / a, 1 / b], [1 / c, 1 / d]])


# ---------------------------------------------------------------- characteristic_polynomial

WRONG_SIGN = (
    "det(M - lam I) = (-1)^n det(lam I - M): for odd n it has the opposite sign. The "
    "characteristic polynomial here is det(lam I - M), which is monic (leading term lam^n)."
)
TWO_BY_TWO_FORMULA = (
    "lam^2 - trace(M) lam + det(M) is the formula for 2 x 2 matrices only; in general compute "
    "det(lam I - M), e.g. (lam * sp.eye(n) - M).det()."
)
DIAGONAL_PRODUCT = (
    "The product of (lam - M[i, i]) is the characteristic polynomial only for triangular "
    "matrices; in general compute the determinant det(lam I - M)."
)
PLUS_INSTEAD_OF_MINUS = (
    "det(lam I + M) has the roots -eigenvalues. Subtract M: det(lam I - M)."
)


@mistake("characteristic_polynomial", hint=WRONG_SIGN)
def det_of_m_minus_lam(M, lam):
    return (M - lam * sp.eye(M.shape[0])).det()


@mistake("characteristic_polynomial", hint=TWO_BY_TWO_FORMULA)
def two_by_two_formula(M, lam):
    return lam**2 - M.trace() * lam + M.det()


@mistake("characteristic_polynomial", hint=DIAGONAL_PRODUCT)
def product_of_the_diagonal(M, lam):
    result = sp.Integer(1)
    for i in range(M.shape[0]):
        result *= lam - M[i, i]
    return result


@mistake("characteristic_polynomial", hint=PLUS_INSTEAD_OF_MINUS)
def plus_instead_of_minus(M, lam):
    return (lam * sp.eye(M.shape[0]) + M).det()


# ---------------------------------------------------------------------------- eigenvalues_2x2

FORGETS_B = (
    "a and c are the eigenvalues only when b = 0 (a diagonal matrix). In general solve "
    "det(lam I - M) = lam^2 - (a + c) lam + a c - b^2 = 0."
)
FORGETS_HALVES = (
    "The quadratic formula divides by 2: lam = ((a + c) -+ sqrt((a - c)^2 + 4 b^2)) / 2; "
    "your eigenvalues are twice too large (their sum should be the trace a + c)."
)
SUM_IN_ROOT = (
    "Under the root is the difference: ((a - c) / 2)^2 + b^2 (the discriminant (a + c)^2 - "
    "4 (a c - b^2) = (a - c)^2 + 4 b^2)."
)
MINUS_B_SQUARED = (
    "The root is sqrt(((a - c) / 2)^2 + b^2), with +b^2: the discriminant (a + c)^2 - 4 (a c - "
    "b^2) adds 4 b^2. (A symmetric matrix always has real eigenvalues.)"
)
PLUS_MINUS_B = (
    "(a + c) / 2 -+ b is right only when a = c. In general the distance from the mean is "
    "sqrt(((a - c) / 2)^2 + b^2)."
)


@mistake("eigenvalues_2x2", hint=FORGETS_B)
def diagonal_entries(a, b, c):
    return (a, c)


@mistake("eigenvalues_2x2", hint=FORGETS_HALVES)
def forgets_the_halves(a, b, c):
    root = sp.sqrt((a - c) ** 2 + 4 * b**2)
    return (a + c - root, a + c + root)


@mistake("eigenvalues_2x2", hint=SUM_IN_ROOT)
def sum_under_the_root(a, b, c):
    root = sp.sqrt(((a + c) / 2) ** 2 + b**2)
    return ((a + c) / 2 - root, (a + c) / 2 + root)


@mistake("eigenvalues_2x2", hint=MINUS_B_SQUARED)
def minus_b_squared(a, b, c):
    root = sp.sqrt(((a - c) / 2) ** 2 - b**2)
    return ((a + c) / 2 - root, (a + c) / 2 + root)


@mistake("eigenvalues_2x2", hint=PLUS_MINUS_B)
def mean_plus_minus_b(a, b, c):
    return ((a + c) / 2 - b, (a + c) / 2 + b)
