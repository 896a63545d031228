# %% intro [markdown]
# # Linear algebra for machine learning: matrices are functions
#
# In machine learning a matrix is rarely a table of numbers to solve equations with. It is a
# *function*: a layer of a network maps an input vector to an output vector, and the shape
# of the matrix is the type signature of that function. This notebook builds on that view:
# shapes and composition, batches of inputs, rank and null space, orthogonal projections and
# least squares (linear regression), the eigen-decomposition of symmetric matrices, the
# singular value decomposition and the best low-rank approximation, and convolution written
# as a matrix.
#
# **Conventions.** Vectors are 1-D float NumPy arrays, matrices 2-D float arrays. "A @ B" is
# the matrix product. Your functions must **not modify their input arrays**: build new
# arrays instead of assigning into the arguments. Some exercises are *symbolic*: they take
# SymPy symbols and return SymPy expressions or matrices.
#
# **Checking your work.** After each exercise, run the `check(...)` cell below it. It runs a
# few quick public checks and tells you which input went wrong. Passing them is a good sign
# but not a guarantee: the grader runs more tests, including edge cases mentioned in the text
# (1 x 1 matrices, rank-deficient matrices, very large numbers) and randomly generated
# inputs.

# %% setup
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from public_checks import check

# %% [markdown]
# ## 1. Shapes are types
#
# A matrix $A$ with $m$ rows and $n$ columns, $A \in \mathbb{R}^{m \times n}$, takes a vector
# $x \in \mathbb{R}^n$ to the vector $Ax \in \mathbb{R}^m$. So its shape `(m, n)` is a type
# signature read backwards: *from* length-$n$ vectors *to* length-$m$ vectors. Applying it to
# a vector of another length is a type error, and NumPy raises a `ValueError`.
#
# The *transpose* $A^\top$ (`A.T` in NumPy) swaps rows and columns, $(A^\top)_{ij} = A_{ji}$,
# so it goes the other way: from $\mathbb{R}^m$ to $\mathbb{R}^n$.
#
# **Exercise 1.** Write `shape_of_transpose(matrix)` that returns the shape of `matrix.T` for a
# 2-D array `matrix`, as a tuple like NumPy's `.shape`. (Try it with and without transposing.)

# %% shape_of_transpose
def shape_of_transpose(matrix):
    """The shape of matrix.T, as a tuple, for a 2-D array `matrix`."""
    ### BEGIN SOLUTION
    rows, cols = matrix.shape
    return (cols, rows)
    ### END SOLUTION


# %% [markdown]
# ## 2. Composition is multiplication
#
# If $B$ maps $\mathbb{R}^p \to \mathbb{R}^n$ and $A$ maps $\mathbb{R}^n \to \mathbb{R}^m$, then
# "first $B$, then $A$" maps $\mathbb{R}^p \to \mathbb{R}^m$, and it is again a matrix: the
# product $AB$, because $A(Bx) = (AB)x$. Like composing functions, this only type-checks when
# the output of $B$ fits the input of $A$: the number of **columns** of $A$ must equal the
# number of **rows** of $B$,
#
# $$\underbrace{A}_{m \times n}\;\underbrace{B}_{n \times p} = \underbrace{AB}_{m \times p}.$$
#
# The *inner* dimensions must agree; the outer ones give the shape of the result. Order
# matters: $(3 \times 2)(2 \times 4)$ is defined, $(2 \times 4)(3 \times 2)$ is not.
#
# **Exercise 2.** Write `are_compatible(A, B)` that returns `True` if `A @ B` is defined for
# the 2-D arrays `A` and `B`, and `False` otherwise.

# %% are_compatible
def are_compatible(A, B):
    """True if A @ B is a valid matrix product of the 2-D arrays A and B."""
    ### BEGIN SOLUTION
    return A.shape[1] == B.shape[0]
    ### END SOLUTION


# %% [markdown]
# ### Worked example: shapes of products
#
# The inner dimensions cancel, the outer ones remain; the other order is a type error.

# %% example shapes
A = np.ones((3, 2))  # R^2 -> R^3
B = np.ones((2, 4))  # R^4 -> R^2
print("(A @ B).shape =", (A @ B).shape, " # first B, then A: R^4 -> R^3")
try:
    B @ A
except ValueError as error:
    print("B @ A fails:", error)


# %% [markdown]
# ## 3. Batches are columns
#
# A network is never applied to one input at a time: a *batch* of $k$ inputs
# $x_1, \dots, x_k \in \mathbb{R}^n$ is stored as the columns of one matrix
# $X = [x_1 \,|\, \cdots \,|\, x_k] \in \mathbb{R}^{n \times k}$. Then the matrix product
# applies $F$ to every column at once:
#
# $$F X = [F x_1 \,|\, \cdots \,|\, F x_k] .$$
#
# A loop (or list comprehension) over the columns gives the same answer, one column at a time;
# the product is what GPUs are built to compute fast. Careful with the loop: iterating over a
# NumPy matrix gives its *rows*, so loop over `X.T`, and put the results back as *columns*.
#
# **Exercise 3.** Write `apply_to_batch(F, batch_of_vectors)` that applies the matrix `F` to
# each column of `batch_of_vectors` and returns the results as the columns of a matrix. Try
# the list comprehension first, then compare with `F @ batch_of_vectors`.

# %% apply_to_batch
def apply_to_batch(F, batch_of_vectors):
    """F applied to each column of batch_of_vectors: the columns of the result are F @ x."""
    ### BEGIN SOLUTION
    return F @ batch_of_vectors
    ### END SOLUTION


# %% [markdown]
# ### Picture: a matrix acting on the unit circle
#
# A batch makes pictures cheap: put 200 points of the unit circle in the columns of one
# matrix and apply $F$ to all of them with one product. A $2 \times 2$ matrix maps the circle
# to an ellipse; the arrows show where the basis vectors $e_1, e_2$ go, i.e. the columns of
# $F$. (The ellipse's half-axes have the lengths of the *singular values* of $F$, which
# appear later in this notebook.)

# %% picture circle
F = np.array([[2.0, 1.0], [0.5, 1.0]])
angles = np.linspace(0, 2 * np.pi, 200)
circle = np.vstack([np.cos(angles), np.sin(angles)])  # a batch of 200 points, shape (2, 200)
image = F @ circle

fig, ax = plt.subplots(figsize=(5, 5))
ax.plot(*circle, label="unit circle")
ax.plot(*image, label="F @ circle")
for column, color in zip(F.T, ["C2", "C3"]):
    ax.annotate("", xy=column, xytext=(0, 0), arrowprops={"arrowstyle": "->", "color": color})
ax.set_aspect("equal")
ax.grid(True)
ax.legend(loc="upper left")
ax.set_title("F maps the circle to an ellipse; the arrows are F e1 and F e2");


# %% [markdown]
# ## 4. Building matrices by stacking
#
# Each row of a matrix computes one entry of the output, independently of the other rows. So
# stacking matrices on top of each other (`np.vstack`) runs them side by side on the same
# input and concatenates their outputs. For example the identity $I_n$ (`np.eye(n)`) returns
# its input unchanged; two identities stacked return the input twice.
#
# **Exercise 4.** Write `make_repeater(k, n)` that returns the matrix which maps a vector
# $x$ of length $n$ to $k$ copies of it, one after the other: $[x, x, \dots, x]$, of length
# $kn$. What is its shape? (For $k = 3$, $n = 2$: $[x_1, x_2] \mapsto [x_1, x_2, x_1, x_2, x_1,
# x_2]$.)

# %% make_repeater
def make_repeater(k, n):
    """The (k*n, n) matrix mapping a length-n vector to k stacked copies of it."""
    ### BEGIN SOLUTION
    return np.vstack([np.eye(n)] * k)
    ### END SOLUTION


# %% [markdown]
# ## 5. Collapsing a pipeline
#
# A data pipeline that multiplies by $W$, then by $X$, then $Y$, then $Z$ computes
# $Z(Y(X(Wv)))$. Matrix multiplication is associative, so the four steps collapse into one
# matrix computed once,
#
# $$V = Z\,Y\,X\,W, \qquad Vv = Z(Y(X(Wv))) ,$$
#
# which is then applied to all the data with a single product. Note the order: the matrix
# applied **first** stands **rightmost**, exactly as in function composition
# $(g \circ f)(x) = g(f(x))$. The shapes must chain: each matrix takes what the previous one
# outputs.
#
# **Exercise 5.** Write `collapse_pipeline(matrices)` that takes a non-empty list of matrices,
# to be applied in the order given (`matrices[0]` first), and returns the single matrix $V$
# that does the same. Leave the list itself unchanged (no `.reverse()` in place).

# %% collapse_pipeline
def collapse_pipeline(matrices):
    """The one matrix that applies matrices[0], then matrices[1], ..., then matrices[-1]."""
    ### BEGIN SOLUTION
    V = matrices[0]
    for M in matrices[1:]:
        V = M @ V
    return V
    ### END SOLUTION


# %% [markdown]
# ## 6. Undoing a matrix, symbolically
#
# A square matrix $M$ is an invertible function when some $M^{-1}$ undoes it:
# $M^{-1} M = M M^{-1} = I$. For $2 \times 2$ matrices there is a formula worth knowing by
# heart. With the *determinant* $\det M = ad - bc$,
#
# $$\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1}
# = \frac{1}{ad - bc} \begin{pmatrix} d & -b \\ -c & a \end{pmatrix},$$
#
# swap the diagonal, negate the off-diagonal, divide by the determinant. It exists exactly
# when $ad - bc \neq 0$: the determinant is the factor by which $M$ scales areas, and a
# matrix that squashes the plane onto a line cannot be undone.
#
# SymPy lets us derive and check such formulas with symbols instead of numbers:
# `sp.Matrix([[a, b], [c, d]])` is a matrix of symbols, `M.det()` its determinant, and
# `M * N` a matrix product.
#
# **Exercise 6.** Write `inverse_2x2(a, b, c, d)` that takes four SymPy symbols (or numbers)
# and returns the inverse of $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$ as a SymPy
# `Matrix`. Any form equal to it is accepted.

# %% inverse_2x2
def inverse_2x2(a, b, c, d):
    """The inverse of [[a, b], [c, d]] as a SymPy Matrix (a, b, c, d: symbols or numbers)."""
    ### BEGIN SOLUTION
    return sp.Matrix([[d, -b], [-c, a]]) / (a * d - b * c)
    ### END SOLUTION


# %% [markdown]
# ## 7. Rank
#
# The *rank* of $A$ is the dimension of its column space: the number of independent columns,
# which always equals the number of independent rows. It is at most $\min(m, n)$, and smaller
# when some columns are combinations of others: $\begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix}$
# has rank 1.
#
# Numerically, the rank is the number of nonzero *singular values* (`np.linalg.svd(A,
# compute_uv=False)`). But rounding makes a "zero" singular value come out as something like
# $10^{-16}\,\sigma_1$, never exactly 0, so count the singular values above a tolerance
# *relative* to the largest one. `np.linalg.matrix_rank` uses
# $\sigma_1 \cdot \max(m, n) \cdot \varepsilon$ with the machine epsilon
# $\varepsilon \approx 2.2 \cdot 10^{-16}$ (`np.finfo(float).eps`). A fixed tolerance such as
# $10^{-10}$ fails for matrices with large entries, whose rounding errors are large too.
#
# **Exercise 7.** Write `rank(A)` returning the rank of the 2-D array `A` as an `int`. (Using
# `np.linalg.matrix_rank` is allowed; try it with the SVD yourself too.)

# %% rank
def rank(A):
    """The rank of the 2-D array A: its number of singular values above a tolerance."""
    ### BEGIN SOLUTION
    s = np.linalg.svd(A, compute_uv=False)
    tolerance = s.max(initial=0.0) * max(A.shape) * np.finfo(float).eps
    return int(np.sum(s > tolerance))
    ### END SOLUTION


# %% [markdown]
# ## 8. The null space
#
# The *null space* of $A \in \mathbb{R}^{m \times n}$ is everything $A$ sends to zero,
# $\{x \in \mathbb{R}^n : Ax = 0\}$: the directions in which the function $A$ loses
# information (adding such an $x$ to an input does not change the output). Its dimension is
# $n - r$ (the *rank–nullity theorem*).
#
# The SVD hands us a basis. With the full decomposition $A = U \Sigma V^\top$
# (`np.linalg.svd(A)`, where `Vt` is $n \times n$), the rows of `Vt` are orthonormal, the first
# $r$ span the row space, and the remaining $n - r$ are sent to zero: they are an orthonormal
# basis of the null space. Careful with `full_matrices=False`: for a wide matrix it drops
# exactly those rows.
#
# **Exercise 8.** Write `null_space(A)` returning an orthonormal basis of the null space of
# `A` as the **columns** of an array of shape $(n, n - r)$. Any orthonormal basis is accepted
# (the grader checks $AN = 0$ and $N^\top N = I$); if $A$ has full column rank the answer has
# shape $(n, 0)$.

# %% null_space
def null_space(A):
    """An orthonormal basis of {x : A x = 0}, as the columns of an (n, n - rank) array."""
    ### BEGIN SOLUTION
    _, s, Vt = np.linalg.svd(A)  # full_matrices=True: Vt is (n, n)
    tolerance = s.max(initial=0.0) * max(A.shape) * np.finfo(float).eps
    r = int(np.sum(s > tolerance))
    return Vt[r:].T
    ### END SOLUTION


# %% [markdown]
# ## 9. Projecting onto a line
#
# The simplest projection: the point on the line through $0$ in the direction $a \neq 0$
# closest to a point $y$. Write it as $\hat y = t a$; the error $y - ta$ must be orthogonal
# to $a$, so $a^\top (y - t a) = 0$ and
#
# $$\hat y = \frac{a^\top y}{a^\top a}\, a .$$
#
# The division by $a^\top a = \lVert a \rVert^2$ makes the answer independent of the length
# of $a$: only the line matters. (If $a$ is a unit vector this is just $(a^\top y)\, a$.)
#
# **Exercise 9.** Write `project_onto_line(y, a)` returning the orthogonal projection of the
# vector `y` onto the line spanned by the nonzero vector `a` (a vector of the same length as
# `y`).

# %% project_onto_line
def project_onto_line(y, a):
    """The orthogonal projection of y onto the line through 0 spanned by a != 0."""
    ### BEGIN SOLUTION
    return (a @ y) / (a @ a) * a
    ### END SOLUTION


# %% [markdown]
# ### Picture: projecting a point onto a line
#
# With one column $a$, the projector is $P = a a^\top / (a^\top a)$. The projection $Py$ is the
# foot of the perpendicular from $y$ to the line through $a$: the dashed error $y - Py$ meets
# the line at a right angle.

# %% picture line
a = np.array([2.0, 1.0])
y = np.array([0.5, 2.0])
P_line = np.outer(a, a) / (a @ a)
foot = P_line @ y

fig, ax = plt.subplots(figsize=(5, 5))
ts = np.linspace(-0.5, 1.5, 2)
ax.plot(ts * a[0], ts * a[1], label="the line through a")
ax.plot(*zip((0, 0), y), "o-", label="y")
ax.plot(*zip(y, foot), "k--", label="y - Py (orthogonal to a)")
ax.plot(*foot, "s", label="Py")
ax.set_aspect("equal")
ax.grid(True)
ax.legend(loc="lower right")
ax.set_title(f"(y - Py) . a = {(y - foot) @ a:.1e}: zero up to rounding");


# %% [markdown]
# ## 10. Orthogonal projection onto a column space
#
# The *column space* of $A \in \mathbb{R}^{m \times n}$ is the set of all $Aw$: everything the
# function $A$ can output. The point of it closest to a vector $y$ is the *orthogonal
# projection* $\hat y = Py$, and it is characterised by the error $y - \hat y$ being
# orthogonal to every column of $A$:
#
# $$A^\top (y - A \hat w) = 0 \iff A^\top A \hat w = A^\top y \quad\text{(the normal equations)}.$$
#
# When $A$ has full column rank, $A^\top A$ is invertible, so $\hat w = (A^\top A)^{-1} A^\top y$
# and
#
# $$P = A (A^\top A)^{-1} A^\top \in \mathbb{R}^{m \times m} .$$
#
# Two properties identify an orthogonal projector: projecting twice changes nothing,
# $P^2 = P$, and $P = P^\top$. If the columns of $A$ are orthonormal, $A^\top A = I$ and
# $P = AA^\top$ — but only then. In code, prefer `np.linalg.solve(A.T @ A, A.T)` to
# `np.linalg.inv`, or use a QR decomposition: $A = QR$ gives $P = QQ^\top$.
#
# **Exercise 10.** Write `projection_matrix(A)` returning the $m \times m$ orthogonal projector
# onto the column space of `A` (full column rank).

# %% projection_matrix
def projection_matrix(A):
    """The orthogonal projector A (A^T A)^-1 A^T onto the column space of A (full column rank)."""
    ### BEGIN SOLUTION
    return A @ np.linalg.solve(A.T @ A, A.T)
    ### END SOLUTION


# %% [markdown]
# ## 11. Least squares
#
# Linear regression fits $y \approx Xw$ for a data matrix $X \in \mathbb{R}^{m \times n}$ (one
# row per data point, one column per feature) with more data points than features, $m > n$:
# no $w$ fits exactly, so we minimise the squared error
#
# $$\hat w = \arg\min_w \lVert Xw - y \rVert^2 .$$
#
# $X\hat w$ is the point of the column space closest to $y$: the projection of the previous
# section. So
# $\hat w$ solves the normal equations $X^\top X \hat w = X^\top y$.
#
# Numerically there are several ways to get there. Solving the normal equations
# (`np.linalg.solve(X.T @ X, X.T @ y)`) is fast and fine when $X$ is well conditioned, but it
# squares the condition number: if the columns of $X$ are nearly dependent, digits are lost.
# `np.linalg.lstsq(X, y, rcond=None)` (which uses the SVD) or a QR decomposition avoid that.
# Whichever you use, return $\hat w$ as a 1-D array of length $n$.
#
# **Exercise 11.** Write `least_squares(X, y)` returning the $w$ that minimises
# $\lVert Xw - y \rVert^2$, for `X` of full column rank.

# %% least_squares
def least_squares(X, y):
    """The w minimising ||X w - y||^2, for X of full column rank; shape (n,)."""
    ### BEGIN SOLUTION
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    return w
    ### END SOLUTION


# %% [markdown]
# ### Worked example: normal equations versus a stable solver
#
# Fitting a polynomial of degree 11 on $[0, 1]$ gives a design matrix (a *Vandermonde*
# matrix) whose columns $1, t, t^2, \dots$ are nearly dependent. Its condition number is large,
# and $X^\top X$ has the *square* of it, so the normal equations lose about twice as many
# digits as `np.linalg.lstsq`. (The inputs of the graded exercise are well conditioned, so
# either method passes there.)

# %% example normal-equations
t = np.linspace(0, 1, 50)
X_poly = np.vander(t, 12, increasing=True)  # columns 1, t, ..., t^11
w_true = np.ones(12)
y_poly = X_poly @ w_true  # an exact fit exists: w_true

w_normal = np.linalg.solve(X_poly.T @ X_poly, X_poly.T @ y_poly)
w_stable, *_ = np.linalg.lstsq(X_poly, y_poly, rcond=None)
print(f"condition number of X:     {np.linalg.cond(X_poly):.1e}")
print(f"condition number of X^T X: {np.linalg.cond(X_poly.T @ X_poly):.1e}")
print(f"error of the normal equations: {np.abs(w_normal - w_true).max():.1e}")
print(f"error of np.linalg.lstsq:      {np.abs(w_stable - w_true).max():.1e}")


# %% [markdown]
# ## 12. Eigenvalues and the characteristic polynomial
#
# A vector $v \neq 0$ with $Mv = \lambda v$ is an *eigenvector* of $M$, and $\lambda$ its
# *eigenvalue*: a direction that the function $M$ only stretches. Such a $v$ exists exactly
# when $\lambda I - M$ sends a nonzero vector to zero, i.e. is not invertible:
#
# $$p_M(\lambda) = \det(\lambda I - M) = 0 .$$
#
# $p_M$ is the *characteristic polynomial*, of degree $n$ with leading term $\lambda^n$. For
# $2 \times 2$ matrices $p_M(\lambda) = \lambda^2 - \operatorname{tr}(M)\,\lambda + \det M$;
# for triangular matrices it is $\prod_i (\lambda - M_{ii})$; neither shortcut holds in
# general. Some books use $\det(M - \lambda I)$ instead, which is $(-1)^n p_M(\lambda)$:
# the same roots, but the opposite sign for odd $n$. Here we use $\det(\lambda I - M)$.
#
# **Exercise 12.** Write `characteristic_polynomial(M, lam)` that takes a square SymPy
# `Matrix` `M` (of numbers or symbols) and a SymPy symbol `lam`, and returns
# $\det(\lambda I - M)$ as a SymPy expression in `lam` (expanded or not). `sp.eye(n)` is the
# identity. (`M.charpoly(lam)` returns a `Poly`; `.as_expr()` turns it into an expression.)

# %% characteristic_polynomial
def characteristic_polynomial(M, lam):
    """det(lam I - M) as a SymPy expression in the symbol lam, for a square SymPy Matrix M."""
    ### BEGIN SOLUTION
    n = M.shape[0]
    return (lam * sp.eye(n) - M).det()
    ### END SOLUTION


# %% [markdown]
# ## 13. The eigenvalues of a symmetric 2 x 2 matrix
#
# For the symmetric matrix $\begin{pmatrix} a & b \\ b & c \end{pmatrix}$ the characteristic
# polynomial is $\lambda^2 - (a + c)\lambda + ac - b^2$, and the quadratic formula gives
#
# $$\lambda_{1,2} = \frac{a + c}{2} \mp \sqrt{\Big(\frac{a - c}{2}\Big)^2 + b^2} .$$
#
# The expression under the root is a sum of squares, so both eigenvalues are real: a first
# glimpse of the *spectral theorem* of the next section. They are centred on the mean of the
# diagonal, their sum is the trace $a + c$ and their product the determinant $ac - b^2$.
#
# **Exercise 13.** Write `eigenvalues_2x2(a, b, c)` that takes SymPy symbols (or numbers) and
# returns the two eigenvalues of $\begin{pmatrix} a & b \\ b & c \end{pmatrix}$ as a tuple (or
# list) of two SymPy expressions, in either order. Use `sp.sqrt`.

# %% eigenvalues_2x2
def eigenvalues_2x2(a, b, c):
    """The two eigenvalues of [[a, b], [b, c]] as a tuple of SymPy expressions."""
    ### BEGIN SOLUTION
    mean = (a + c) / 2
    radius = sp.sqrt(((a - c) / 2) ** 2 + b**2)
    return (mean - radius, mean + radius)
    ### END SOLUTION


# %% [markdown]
# ## 14. The eigen-decomposition of a symmetric matrix
#
# **Spectral theorem.** A real symmetric matrix $S = S^\top$ has real eigenvalues
# $\lambda_1 \le \dots \le \lambda_n$ and an orthonormal basis of eigenvectors $v_1, \dots, v_n$.
# With the eigenvectors as the columns of $V$ (so $V^\top V = I$),
#
# $$S = V \operatorname{diag}(\lambda)\, V^\top = \sum_{i=1}^{n} \lambda_i\, v_i v_i^\top .$$
#
# As a function: rotate into the eigenbasis ($V^\top$), stretch each axis by its eigenvalue,
# rotate back ($V$). Covariance matrices, Hessians and kernel matrices are symmetric, which is
# why this decomposition is behind PCA and second-order optimisation.
#
# `np.linalg.eigh` is made for symmetric matrices: it returns the eigenvalues in increasing
# order and orthonormal eigenvectors as the **columns** of `V`. The general `np.linalg.eig`
# neither sorts nor (for repeated eigenvalues) guarantees orthogonal eigenvectors.
#
# **Exercise 14.** Write `eigen_decomposition(S)` that returns `(w, V)` for a symmetric array
# `S`: the eigenvalues `w` in increasing order (shape `(n,)`) and a matrix `V` whose columns
# are orthonormal eigenvectors, `S @ V[:, i] == w[i] * V[:, i]`. Eigenvectors are only
# determined up to sign (and, for repeated eigenvalues, up to a rotation of the eigenspace):
# any valid choice is accepted. Return a plain tuple, `return w, V`: `np.linalg.eigh(S)` itself
# is a *named* tuple (`EighResult`), which the grader does not accept.

# %% eigen_decomposition
def eigen_decomposition(S):
    """(w, V): the eigenvalues of S in increasing order, orthonormal eigenvectors as columns."""
    ### BEGIN SOLUTION
    w, V = np.linalg.eigh(S)
    return w, V
    ### END SOLUTION


# %% [markdown]
# ### Worked example: the main axes of a cloud of points
#
# The covariance matrix of centred data is symmetric, so `np.linalg.eigh` decomposes it; the
# eigenvector of the largest eigenvalue is the direction of largest spread (the first
# principal component), and the eigenvalue is the variance along it.

# %% example main-axes
rng = np.random.default_rng(1)
cloud = rng.standard_normal((500, 2)) @ np.array([[3.0, 0.0], [0.0, 0.5]])
angle = np.pi / 6
rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
cloud = cloud @ rotation.T  # stretched along the direction at 30 degrees
centred = cloud - cloud.mean(axis=0)
covariance = centred.T @ centred / len(cloud)
variances, axes = np.linalg.eigh(covariance)  # increasing order
main_axis = axes[:, -1]
print("variances along the axes:", np.round(variances, 2))
print("main axis:", np.round(main_axis, 3), "(+- [cos 30, sin 30] = [0.866, 0.5])")


# %% [markdown]
# ## 15. The SVD and the best low-rank approximation
#
# Every matrix $A \in \mathbb{R}^{m \times n}$ has a *singular value decomposition*
#
# $$A = U \Sigma V^\top = \sum_{i=1}^{r} \sigma_i\, u_i v_i^\top, \qquad
# \sigma_1 \ge \sigma_2 \ge \dots \ge \sigma_r > 0,$$
#
# with orthonormal columns $u_i$ (left singular vectors) and $v_i$ (right singular vectors);
# $r$ is the rank. `U, s, Vt = np.linalg.svd(A, full_matrices=False)` returns the singular
# values in *decreasing* order and $V^\top$, so the $v_i$ are the **rows** of `Vt`.
#
# **Eckart–Young.** Keeping the $k$ largest terms,
#
# $$A_k = \sum_{i=1}^{k} \sigma_i\, u_i v_i^\top = U_k \Sigma_k V_k^\top ,$$
#
# gives the best approximation of $A$ by a matrix of rank at most $k$ in the Frobenius norm,
# and its error is what was dropped: $\lVert A - A_k \rVert_F = \sqrt{\sigma_{k+1}^2 + \dots +
# \sigma_r^2}$. $k = 0$ gives the zero matrix, $k = \min(m, n)$ gives $A$ back. This is how
# images, embeddings and weight matrices are compressed.
#
# **Exercise 15.** Write `low_rank_approx(A, k)` returning the best rank-$k$ approximation of
# `A` (same shape as `A`), for $0 \le k \le \min(m, n)$.

# %% low_rank_approx
def low_rank_approx(A, k):
    """The best rank-k approximation of A in the Frobenius norm, 0 <= k <= min(A.shape)."""
    ### BEGIN SOLUTION
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k]
    ### END SOLUTION


# %% [markdown]
# ## 16. How good is the rank-k approximation?
#
# Eckart–Young also tells us the error without computing $A_k$: the Frobenius norm of what
# was dropped,
#
# $$\lVert A - A_k \rVert_F = \sqrt{\sigma_{k+1}^2 + \sigma_{k+2}^2 + \dots + \sigma_r^2} .$$
#
# (In the spectral norm, the largest stretch factor, the error would be $\sigma_{k+1}$ alone.)
# So the singular values say at a glance how compressible a matrix is: the picture below
# compares a random matrix with a smooth image. For $k = 0$ the error is
# $\lVert A \rVert_F$, for $k = \min(m, n)$ it is 0.
#
# **Exercise 16.** Write `rank_k_error(A, k)` returning $\lVert A - A_k \rVert_F$ for the best
# rank-$k$ approximation $A_k$ of `A`, $0 \le k \le \min(m, n)$, as a number.

# %% rank_k_error
def rank_k_error(A, k):
    """The Frobenius norm of A - A_k for the best rank-k approximation A_k of A."""
    ### BEGIN SOLUTION
    s = np.linalg.svd(A, compute_uv=False)
    return np.sqrt(np.sum(s[k:] ** 2))
    ### END SOLUTION


# %% [markdown]
# ### Picture: singular values and the error of a rank-$k$ approximation
#
# A random matrix has singular values that decay slowly; a smooth "image" (here a sum of a few
# smooth patterns plus a little noise) has a few large ones and many tiny ones. By
# Eckart–Young the relative error of the rank-$k$ approximation is
# $\sqrt{\sum_{i > k} \sigma_i^2} / \sqrt{\sum_i \sigma_i^2}$, computed here from the singular
# values alone.

# %% picture singular-values
rng = np.random.default_rng(0)
grid = np.linspace(0, 1, 60)
picture = (np.outer(np.sin(3 * grid), np.cos(2 * grid)) + np.outer(grid, grid ** 2)
           + 0.5 * np.outer(np.cos(7 * grid), np.sin(5 * grid)))
picture += 0.01 * rng.standard_normal((60, 60))
noise = rng.standard_normal((60, 60))

fig, (left, middle, right) = plt.subplots(1, 3, figsize=(13, 4))
middle.imshow(picture, cmap="gray")
middle.set_title("a smooth 60 x 60 'image'")
for name, M in [("random matrix", noise), ("smooth image", picture)]:
    s = np.linalg.svd(M, compute_uv=False)
    left.semilogy(s, label=name)
    dropped = np.sqrt(np.cumsum((s ** 2)[::-1])[::-1])  # sqrt(sum_{i >= k} s_i^2), k = 0, 1, ...
    right.semilogy(np.arange(len(s)), dropped / dropped[0], label=name)
left.set_title("singular values")
left.set_xlabel("i")
right.set_title("relative error of the rank-k approximation")
right.set_xlabel("k")
left.legend()
right.legend();


# %% [markdown]
# ## 17. Convolution is a matrix
#
# Convolving a signal $x \in \mathbb{R}^n$ with a kernel $h \in \mathbb{R}^L$ slides the
# **flipped** kernel along the signal:
#
# $$(h * x)_i = \sum_{j=0}^{L-1} h_j\, x_{i + L - 1 - j}, \qquad i = 0, \dots, n - L,$$
#
# in `"valid"` mode, which keeps only the $n - L + 1$ positions where the kernel fits entirely
# inside the signal: `np.convolve(x, h, mode="valid")`. (Without the flip it is
# *correlation*, which is what deep-learning libraries call "convolution"; `"full"` mode would
# also keep the $L - 1$ partial overlaps at each end.)
#
# Every output is a fixed linear combination of the inputs, so convolution is a matrix
# $M \in \mathbb{R}^{(n - L + 1) \times n}$: row $i$ holds $h$ reversed, starting at column $i$.
# For $h = [1, 2, 3]$ and $n = 5$:
#
# $$M = \begin{pmatrix} 3 & 2 & 1 & 0 & 0 \\ 0 & 3 & 2 & 1 & 0 \\ 0 & 0 & 3 & 2 & 1 \end{pmatrix}.$$
#
# Its entries are constant along diagonals: a *Toeplitz* matrix. This is what a convolutional
# layer is: a matrix layer with tied weights and mostly zeros.
#
# **Exercise 17.** Write `conv1d_matrix(kernel, n)` returning the matrix $M$ with
# `M @ x == np.convolve(x, kernel, mode="valid")` for every `x` of length `n`
# ($n \ge$ `len(kernel)` $\ge 1$).

# %% conv1d_matrix
def conv1d_matrix(kernel, n):
    """M with M @ x == np.convolve(x, kernel, mode="valid") for x of length n."""
    ### BEGIN SOLUTION
    length = len(kernel)
    M = np.zeros((n - length + 1, n))
    for i in range(n - length + 1):
        M[i, i:i + length] = kernel[::-1]
    return M
    ### END SOLUTION


# %% [markdown]
# ## 18. Convolution of an image
#
# Images are convolved the same way, in two directions at once. For an image
# $X \in \mathbb{R}^{H \times W}$ and a kernel $K \in \mathbb{R}^{h \times w}$, "valid" mode
# keeps the $(H - h + 1) \times (W - w + 1)$ positions where the kernel fits inside the image,
# and the kernel is flipped in **both** directions:
#
# $$Y_{ij} = \sum_{p=0}^{h-1} \sum_{q=0}^{w-1} K_{pq}\, X_{i + h - 1 - p,\; j + w - 1 - q} .$$
#
# Equivalently: flip the kernel (`K[::-1, ::-1]`), then slide it over the image and sum the
# products with each $h \times w$ patch. This is `scipy.signal.convolve2d(X, K,
# mode="valid")`. A kernel such as $\begin{pmatrix} 1 & 0 & -1 \\ 2 & 0 & -2 \\ 1 & 0 & -1
# \end{pmatrix}$ (Sobel) responds to vertical edges. And, as in one dimension, the whole
# operation is one (large, sparse) matrix acting on the flattened image.
#
# **Exercise 18.** Write `conv2d(image, kernel)` returning the valid 2-D convolution of the
# 2-D arrays `image` and `kernel` (the kernel no larger than the image in either direction).
# Loops are fine.

# %% conv2d
def conv2d(image, kernel):
    """The 'valid' 2-D convolution of image (H, W) with kernel (h, w), shape (H-h+1, W-w+1)."""
    ### BEGIN SOLUTION
    h, w = kernel.shape
    flipped = kernel[::-1, ::-1]
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * flipped)
    return out
    ### END SOLUTION


# %% [markdown]
# ### Picture: edges of a small image
#
# A $12 \times 12$ image of a bright square, convolved with the Sobel kernel: the output is
# large (positive or negative) only at the left and right edges, and has shape
# $10 \times 10$ because only full overlaps are kept. (Computed with NumPy directly, so this
# cell runs before you have written `conv2d`.)

# %% picture edges
square = np.zeros((12, 12))
square[3:9, 4:10] = 1.0
sobel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
windows = np.lib.stride_tricks.sliding_window_view(square, sobel.shape)
edges = np.einsum("ijpq,pq->ij", windows, sobel[::-1, ::-1])

fig, (left, right) = plt.subplots(1, 2, figsize=(8, 4))
left.imshow(square, cmap="gray")
left.set_title("image, 12 x 12")
right.imshow(edges, cmap="coolwarm")
right.set_title(f"Sobel convolution, {edges.shape[0]} x {edges.shape[1]}");

# %% where-next [markdown]
# ## Where next
#
# The same few ideas run through all of machine learning: a layer is a matrix applied to a
# batch, a deep network composes them, linear regression is a projection, PCA is the
# eigen-decomposition of a covariance matrix (equivalently the SVD of the data), low-rank
# factorisations compress models (LoRA adapters are literally $A_k = U_k V_k^\top$), and a
# convolutional layer is a Toeplitz matrix with shared weights.
