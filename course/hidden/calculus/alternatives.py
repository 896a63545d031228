"""Alternative correct solutions of the calculus assignment, written the way students do.

Each function here is right by the contract (/work/shared/CONTRACT.md and the notebook's
text) but written differently from the solution notebook: another order of floating-point
operations, loops instead of vectorised code, `np.einsum` instead of `@`, `sp.series` instead
of an explicit sum, other equivalent sympy forms, other result types the contract allows.
`mathgrade verify calculus` substitutes each one for its exercise in the solution notebook
and fails unless it still earns full marks there: a hidden suite that accepts only the
solution's way of writing an exercise is caught before students are.

As in mistakes.py, the substituted source is the function alone (its decorator dropped),
run after `import math`, `import numpy as np` and `import sympy as sp`: anything else
(scipy) is imported inside the function body.
"""

import math

import numpy as np
import sympy as sp

from autograder.mistakes import alternative

# ---------------------------------------------------------------------- finite_difference


@alternative("finite_difference")
def halves_after_dividing(f, x, h=1e-5):
    return 0.5 * (f(x + h) - f(x - h)) / h


@alternative("finite_difference")
def two_quotients(f, x, h=1e-5):
    return f(x + h) / (2 * h) - f(x - h) / (2 * h)


@alternative("finite_difference")
def one_vectorised_call(f, x, h=1e-5):
    right, left = f(np.array([x + h, x - h]))
    return float((right - left) / 2 / h)


@alternative("finite_difference")
def average_of_forward_and_backward(f, x, h=1e-5):
    fx = f(x)
    return ((f(x + h) - fx) / h + (fx - f(x - h)) / h) / 2


# -------------------------------------------------------------------------------- gd_step


@alternative("gd_step")
def with_a_step_variable(x, grad_f, learning_rate):
    step = -learning_rate * grad_f(x)
    return x + step


@alternative("gd_step")
def copies_then_updates(x, grad_f, learning_rate):
    new_x = np.copy(x)
    new_x = new_x - learning_rate * np.asarray(grad_f(x))
    return new_x if np.ndim(x) else float(new_x)


@alternative("gd_step")
def subtract_with_numpy(x, grad_f, learning_rate):
    return np.subtract(x, np.multiply(learning_rate, grad_f(x)))


# --------------------------------------------------------------------------- mse_gradient


@alternative("mse_gradient")
def loop_over_examples(w, X, y):
    grad = np.zeros(len(w))
    for i in range(len(y)):
        grad += 2 * (X[i] @ w - y[i]) * X[i]
    return grad / len(y)


@alternative("mse_gradient")
def row_vector_times_X(w, X, y):
    residual = X @ w - y
    return 2 * residual @ X / X.shape[0]


@alternative("mse_gradient")
def einsum_and_mean(w, X, y):
    residual = np.einsum("ij,j->i", X, w) - y
    return 2 * np.mean(residual[:, None] * X, axis=0)


# ----------------------------------------------------------------------- softmax_jacobian


@alternative("softmax_jacobian")
def double_loop_with_kronecker_delta(z):
    e = np.exp(z)
    s = e / e.sum()
    n = len(z)
    J = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            J[i, j] = s[i] * ((1.0 if i == j else 0.0) - s[j])
    return J


@alternative("softmax_jacobian")
def einsum_with_identity(z):
    from scipy.special import softmax

    s = softmax(z)
    return np.einsum("i,ij->ij", s, np.eye(len(z)) - s[None, :])


@alternative("softmax_jacobian")
def diagflat_minus_column_times_row(z):
    s = np.exp(z - z.max())
    s = (s / s.sum()).reshape(-1, 1)
    return np.diagflat(s) - s @ s.T


# ---------------------------------------------------------------------- taylor_polynomial


@alternative("taylor_polynomial")
def series_without_the_order_term(expr, x, x0, n):
    return sp.series(expr, x, x0, n + 1).removeO()


@alternative("taylor_polynomial")
def expanded_sum_with_a_loop(expr, x, x0, n):
    total = 0
    derivative = expr
    for k in range(n + 1):
        total += derivative.subs(x, x0) * (x - x0) ** k / math.factorial(k)
        derivative = sp.diff(derivative, x)
    return sp.expand(total)


@alternative("taylor_polynomial")
def shifted_maclaurin_series(expr, x, x0, n):
    u = sp.Symbol("u")
    around_zero = sp.series(expr.subs(x, u + x0), u, 0, n + 1).removeO()
    return around_zero.subs(u, x - x0)


# --------------------------------------------------------------------- sigmoid_derivative


@alternative("sigmoid_derivative")
def sigma_times_one_minus_sigma(x):
    s = 1 / (1 + sp.exp(-x))
    return s * (1 - s)


@alternative("sigmoid_derivative")
def differentiate_with_sympy(x):
    return sp.diff(1 / (1 + sp.exp(-x)), x)


@alternative("sigmoid_derivative")
def exp_x_form(x):
    return sp.exp(x) / (1 + sp.exp(x)) ** 2


@alternative("sigmoid_derivative")
def cosh_form(x):
    return 1 / (4 * sp.cosh(x / 2) ** 2)


# ------------------------------------------------------------------------ tanh_derivative


@alternative("tanh_derivative")
def one_over_cosh_squared(x):
    return 1 / sp.cosh(x) ** 2


@alternative("tanh_derivative")
def exponentials(x):
    return 4 / (sp.exp(x) + sp.exp(-x)) ** 2


@alternative("tanh_derivative")
def diff_of_tanh(x):
    return sp.diff(sp.tanh(x), x)


@alternative("tanh_derivative")
def sech_squared(x):
    return sp.sech(x) ** 2


# -------------------------------------------------------------------- softplus_derivative


@alternative("softplus_derivative")
def diff_of_softplus(x):
    return sp.diff(sp.log(1 + sp.exp(x)), x)


@alternative("softplus_derivative")
def sigmoid_form(x):
    return 1 / (1 + sp.exp(-x))


@alternative("softplus_derivative")
def tanh_form(x):
    return (1 + sp.tanh(x / 2)) / 2


# ----------------------------------------------------------------------- logsumexp_gradient


@alternative("logsumexp_gradient")
def list_from_diff(x, y):
    lse = sp.log(sp.exp(x) + sp.exp(y))
    return [sp.diff(lse, x), sp.diff(lse, y)]


@alternative("logsumexp_gradient")
def column_matrix_of_sigmoids(x, y):
    return sp.Matrix([1 / (1 + sp.exp(y - x)), 1 / (1 + sp.exp(x - y))])


@alternative("logsumexp_gradient")
def row_matrix_jacobian(x, y):
    return sp.Matrix([sp.log(sp.exp(x) + sp.exp(y))]).jacobian([x, y])


# ----------------------------------------------------------------------- network_derivative


@alternative("network_derivative")
def sympy_diff(x, w1, w2):
    return sp.diff(sp.tanh(w2 * sp.tanh(w1 * x)), x)


@alternative("network_derivative")
def backprop_by_hand_with_cosh(x, w1, w2):
    hidden = sp.tanh(w1 * x)
    return w2 / sp.cosh(w2 * hidden) ** 2 * w1 / sp.cosh(w1 * x) ** 2


@alternative("network_derivative")
def substituted_inner_variable(x, w1, w2):
    u = sp.Symbol("u")
    outer = sp.diff(sp.tanh(w2 * u), u).subs(u, sp.tanh(w1 * x))
    return sp.simplify(outer * sp.diff(sp.tanh(w1 * x), x))


# ------------------------------------------------------------------- quadratic_form_gradient


@alternative("quadratic_form_gradient")
def partial_derivatives_one_by_one(A, x):
    f = (x.T * A * x)[0, 0]
    return sp.Matrix([sp.diff(f, xi) for xi in x])


@alternative("quadratic_form_gradient")
def jacobian_transposed(A, x):
    f = sp.Matrix([sp.expand((x.T * A * x)[0, 0])])
    return f.jacobian(x).T


@alternative("quadratic_form_gradient")
def row_vector(A, x):
    return x.T * (A + A.T)


@alternative("quadratic_form_gradient")
def derive_by_array(A, x):
    return sp.derive_by_array((x.T * A * x)[0, 0], list(x))


@alternative("quadratic_form_gradient")
def list_of_sums(A, x):
    n = A.shape[0]
    return [sum((A[i, j] + A[j, i]) * x[j] for j in range(n)) for i in range(n)]


# -------------------------------------------------------------- truncation_error_coefficient


@alternative("truncation_error_coefficient")
def limit_of_the_scaled_error(expr, x, h):
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.limit((central - sp.diff(expr, x)) / h**2, h, 0)


@alternative("truncation_error_coefficient")
def h_squared_coefficient_of_the_series(expr, x, h):
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.series(central, h, 0, 3).removeO().coeff(h, 2)


@alternative("truncation_error_coefficient")
def third_derivative_over_six(expr, x, h):
    return sp.Rational(1, 6) * expr.diff(x).diff(x).diff(x)


# ----------------------------------------------------------------------- product_loss_hessian


@alternative("product_loss_hessian")
def sympy_hessian(a, b):
    return sp.hessian((a * b - 1) ** 2, (a, b))


@alternative("product_loss_hessian")
def derive_by_array_twice(a, b):
    gradient = sp.derive_by_array((a * b - 1) ** 2, (a, b))
    return sp.derive_by_array(gradient, (a, b))


@alternative("product_loss_hessian")
def nested_lists_by_hand(a, b):
    return [[2 * b**2, 4 * a * b - 2], [4 * a * b - 2, 2 * a**2]]


@alternative("product_loss_hessian")
def jacobian_of_the_gradient(a, b):
    loss = (a * b - 1) ** 2
    gradient = sp.Matrix([loss.diff(a), loss.diff(b)])
    return gradient.jacobian([a, b]).applyfunc(sp.expand)


# ---------------------------------------------------------- softmax_crossentropy_gradient


@alternative("softmax_crossentropy_gradient")
def scipy_softmax(logits, p):
    from scipy.special import softmax

    return softmax(logits) - p


@alternative("softmax_crossentropy_gradient")
def exp_of_log_softmax(logits, p):
    m = logits.max()
    log_z = m + np.log(np.exp(logits - m).sum())
    return np.exp(logits - log_z) - p


@alternative("softmax_crossentropy_gradient")
def loop_with_math(logits, p):
    m = max(logits)
    exps = [math.exp(v - m) for v in logits]
    total = sum(exps)
    return np.array([e / total - t for e, t in zip(exps, p, strict=True)])


# --------------------------------------------------------------------------- neuron_gradients


@alternative("neuron_gradients")
def forward_then_backward_as_a_list(w, b, x, y):
    z = w * x + b
    a = 1 / (1 + math.exp(-z))
    dL_da = 2 * (a - y)
    dL_dz = dL_da * a * (1 - a)
    return [dL_dz * x, dL_dz * 1.0]


@alternative("neuron_gradients")
def scipy_expit_array(w, b, x, y):
    from scipy.special import expit

    a = expit(w * x + b)
    delta = 2 * (a - y) * a * (1 - a)
    return np.array([delta * x, delta])


@alternative("neuron_gradients")
def sigmoid_derivative_from_exp(w, b, x, y):
    z = w * x + b
    a = 1 / (1 + np.exp(-z))
    da_dz = np.exp(-z) / (1 + np.exp(-z)) ** 2
    return (2 * (a - y) * da_dz * x, 2 * (a - y) * da_dz)


# ---------------------------------------------------------------------------- gradient_descent


@alternative("gradient_descent")
def preallocated_array(x0, grad_f, learning_rate, steps):
    x0 = np.asarray(x0, dtype=float)
    path = np.empty((steps + 1,) + x0.shape)
    path[0] = x0
    for k in range(steps):
        path[k + 1] = path[k] - learning_rate * grad_f(path[k])
    return path


@alternative("gradient_descent")
def copies_then_updates_in_place(x0, grad_f, learning_rate, steps):
    x = np.array(x0, dtype=float, copy=True)
    path = [x.copy()]
    for _ in range(steps):
        x -= learning_rate * grad_f(x)
        path.append(x.copy())
    return np.stack(path)


@alternative("gradient_descent")
def while_loop_list_of_floats(x0, grad_f, learning_rate, steps):
    points = [x0]
    while len(points) <= steps:
        current = points[-1]
        points.append(current - learning_rate * grad_f(current))
    return np.asarray(points, dtype=float)


# --------------------------------------------------------------------------- max_learning_rate


@alternative("max_learning_rate")
def spectral_norm(H):
    return 2 / np.linalg.norm(H, 2)


@alternative("max_learning_rate")
def general_eigenvalues(H):
    return 2.0 / max(np.linalg.eigvals(H).real)


@alternative("max_learning_rate")
def scipy_eigh_largest(H):
    from scipy.linalg import eigh

    n = H.shape[0]
    return float(2 / eigh(H, eigvals_only=True, subset_by_index=[n - 1, n - 1])[0])


# -------------------------------------------------------------------------------- newton_step


@alternative("newton_step")
def explicit_inverse(x, grad, hess):
    return x - np.linalg.inv(hess) @ grad


@alternative("newton_step")
def least_squares_solve(x, grad, hess):
    step, *_ = np.linalg.lstsq(hess, grad, rcond=None)
    return x - step


@alternative("newton_step")
def scipy_solve(x, grad, hess):
    from scipy.linalg import solve

    return x - solve(hess, grad)


# ---------------------------------------------------------------------------- forward_gradient


@alternative("forward_gradient")
def loop_over_directions(grad, directions):
    total = np.zeros_like(grad)
    for v in directions:
        total = total + np.dot(grad, v) * v
    return total / len(directions)


@alternative("forward_gradient")
def outer_products(grad, directions):
    k = directions.shape[0]
    return sum(np.outer(v, v) for v in directions) @ grad / k


@alternative("forward_gradient")
def einsum_mean(grad, directions):
    return np.einsum("kj,j,ki->i", directions, grad, directions) / directions.shape[0]
