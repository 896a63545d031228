"""Alternative correct solutions of the probability assignment, written the way students do.

Each function here is right by the exercise contract (CONTRACT.md) and the notebook's
text, but written differently from the solution notebook: loops over entries with `math`,
masks and `np.where`, `scipy.special` / `scipy.stats`, other numerically stable forms, other
result types the contract allows (Python float, np.float64, a 0-d array) and other sympy
forms. `mathgrade verify probability` substitutes each one for its exercise in the solution
notebook and fails unless it still earns full marks there: a hidden suite that accepts only
the solution's way of writing an exercise is caught before students are.

As in mistakes.py, the substituted source is the function alone (its decorator dropped),
run after `import math`, `import numpy as np` and `import sympy as sp`: anything else
(scipy) is imported inside the function body. It is defined after the whole solution
notebook, so an alternative may reuse the notebook's other exercises (`logsumexp`,
`divergence`, ...) as students reuse their own earlier functions. Some write to stdout or
raise NumPy RuntimeWarnings on the way to a right answer, as student code does.
"""

import math

import numpy as np
import sympy as sp

from autograder.mistakes import alternative

# --------------------------------------------------------------------------- array_is_pmf


@alternative("array_is_pmf")
def loop_with_running_total(array):
    total = 0.0
    for x in array:
        if x < 0:
            return False
        total += x
    return bool(np.isclose(total, 1.0))


@alternative("array_is_pmf")
def min_and_allclose(array):
    return array.min() >= 0 and np.allclose(array.sum(), 1)


@alternative("array_is_pmf")
def isclose_rule_written_out(array):
    # np.isclose(a, b) is |a - b| <= atol + rtol * |b| with atol = 1e-8, rtol = 1e-5.
    no_negatives = not (array < 0).any()
    return no_negatives and abs(array.sum() - 1) <= 1e-8 + 1e-5 * 1


@alternative("array_is_pmf")
def python_all_and_sum(array):
    return all(x >= 0 for x in array) and np.isclose(sum(array), 1)


# -------------------------------------------------------------------------------- softmax


@alternative("softmax")
def loop_with_math_exp(xs):
    top = max(xs)
    exps = [math.exp(x - top) for x in xs]
    total = sum(exps)
    return np.array([e / total for e in exps])


@alternative("softmax")
def scipy_softmax(xs):
    from scipy.special import softmax

    return softmax(xs)


@alternative("softmax")
def exp_of_log_softmax(xs):
    from scipy.special import logsumexp

    return np.exp(xs - logsumexp(xs))


@alternative("softmax")
def keepdims_on_the_last_axis(xs):
    exps = np.exp(xs - xs.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


@alternative("softmax")
def shifted_then_extended_precision(xs):
    # np.longdouble results: an ndarray of dtype float128 on x86-64 Linux.
    exps = np.exp((xs - np.max(xs)).astype(np.longdouble))
    return exps / exps.sum()


# ------------------------------------------------------------------------------ logsumexp


@alternative("logsumexp")
def scipy_logsumexp(xs):
    from scipy.special import logsumexp

    return logsumexp(xs)


@alternative("logsumexp")
def loop_with_math_log(xs):
    top = max(xs)
    return top + math.log(sum(math.exp(x - top) for x in xs))


@alternative("logsumexp")
def logaddexp_reduce(xs):
    return np.logaddexp.reduce(xs)


@alternative("logsumexp")
def keepdims_then_squeeze(xs):
    # A 0-d array: np.squeeze of a shape-(1,) array.
    top = np.max(xs, keepdims=True)
    return np.squeeze(top + np.log(np.sum(np.exp(xs - top), keepdims=True)))


@alternative("logsumexp")
def shifted_then_extended_precision_sum(xs):
    # An np.longdouble scalar, which is an np.floating.
    top = np.max(xs)
    return top + np.log(np.sum(np.exp(np.longdouble(xs - top))))


# ------------------------------------------------------------------------------- surprise


@alternative("surprise")
def math_log(p, i):
    return -math.log(p[i])


@alternative("surprise")
def log_of_reciprocal(p, i):
    return np.log(1 / p[i])


@alternative("surprise")
def log_the_whole_pmf_then_index(p, i):
    with np.errstate(divide="ignore"):  # other entries may be 0
        surprises = -np.log(p)
    return surprises[i]


@alternative("surprise")
def index_after_log_with_warnings(p, i):
    return -np.log(p)[i]  # RuntimeWarning (log of 0) when another entry is 0


@alternative("surprise")
def bits_converted_to_nats(p, i):
    return -np.log2(p[i]) * np.log(2)


# -------------------------------------------------------------------------------- entropy


@alternative("entropy")
def loop_with_math_log_skipping_zeros(p):
    total = 0.0
    for pi in p:
        if pi > 0:
            total -= pi * math.log(pi)
    return total


@alternative("entropy")
def where_with_safe_log(p):
    safe = np.where(p > 0, p, 1.0)  # log(1) = 0 on the zero entries
    return -np.sum(p * np.log(safe))


@alternative("entropy")
def scipy_entr(p):
    from scipy.special import entr

    return np.sum(entr(p))


@alternative("entropy")
def scipy_xlogy(p):
    from scipy.special import xlogy

    return -xlogy(p, p).sum()


@alternative("entropy")
def nansum_drops_zero_terms(p):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log(p))


@alternative("entropy")
def masked_log(p):
    return -np.sum(p * np.ma.log(p))  # np.ma.log masks log(0); the sum skips masked terms


@alternative("entropy")
def zero_d_array(p):
    from scipy.special import xlogy

    return np.asarray(-np.sum(xlogy(p, p)))


@alternative("entropy")
def prints_while_working(p):
    print("p =", p)
    nonzero = p[p > 0]
    h = -np.sum(nonzero * np.log(nonzero))
    print("entropy:", h)
    return h


@alternative("entropy")
def scipy_stats_entropy(p):
    from scipy.stats import entropy

    return entropy(p)


# --------------------------------------------------------------------------- crossentropy


@alternative("crossentropy")
def loop_with_math_log_pairs(p, q):
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        total -= pi * math.log(qi)
    return total


@alternative("crossentropy")
def dot_product(p, q):
    return -np.dot(p, np.log(q))


@alternative("crossentropy")
def scipy_xlogy_pairs(p, q):
    from scipy.special import xlogy

    return -np.sum(xlogy(p, q))


@alternative("crossentropy")
def entropy_plus_divergence(p, q):
    from scipy.stats import entropy

    return entropy(p) + entropy(p, q)  # H(p, q) = H(p) + KL(p || q)


@alternative("crossentropy")
def reuses_entropy_and_divergence(p, q):
    return entropy(p) + divergence(p, q)  # noqa: F821 (the notebook's own functions)


# ------------------------------------------------------------------- softmax_crossentropy


@alternative("softmax_crossentropy")
def scipy_logsumexp_minus_dot(logits, p):
    from scipy.special import logsumexp

    return logsumexp(logits) - p @ logits


@alternative("softmax_crossentropy")
def scipy_log_softmax(logits, p):
    from scipy.special import log_softmax

    return -np.sum(p * log_softmax(logits))


@alternative("softmax_crossentropy")
def loop_per_class_with_math(logits, p):
    top = max(logits)
    log_z = top + math.log(sum(math.exp(x - top) for x in logits))
    loss = 0.0
    for x, target in zip(logits, p, strict=True):
        loss += target * (log_z - x)  # -p_i ln softmax_i
    return loss


@alternative("softmax_crossentropy")
def logaddexp_reduce_minus_dot(logits, p):
    return np.logaddexp.reduce(logits) - np.dot(p, logits)


@alternative("softmax_crossentropy")
def reuses_logsumexp(logits, p):
    return logsumexp(logits) - np.dot(p, logits)  # noqa: F821 (the notebook's logsumexp)


# -------------------------------------------------------------------- binary_crossentropy


@alternative("binary_crossentropy")
def loop_with_math_log_mean(y, p_hat):
    total = 0.0
    for label, pred in zip(y, p_hat, strict=True):
        total += label * math.log(pred) + (1 - label) * math.log(1 - pred)
    return -total / len(y)


@alternative("binary_crossentropy")
def scipy_xlogy_xlog1py(y, p_hat):
    from scipy.special import xlog1py, xlogy

    return -np.mean(xlogy(y, p_hat) + xlog1py(1 - y, -p_hat))


@alternative("binary_crossentropy")
def log1p_and_dot_products(y, p_hat):
    return -(y @ np.log(p_hat) + (1 - y) @ np.log1p(-p_hat)) / len(y)


@alternative("binary_crossentropy")
def crossentropy_of_two_class_pmfs(y, p_hat):
    targets = np.stack([y, 1 - y])
    model = np.stack([p_hat, 1 - p_hat])
    return -np.sum(targets * np.log(model)) / y.size


# ----------------------------------------------------------------------------- divergence


@alternative("divergence")
def loop_with_math_log_skipping_zero_p(p, q):
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi > 0:
            total += pi * math.log(pi / qi)
    return total


@alternative("divergence")
def scipy_rel_entr(p, q):
    from scipy.special import rel_entr

    return np.sum(rel_entr(p, q))


@alternative("divergence")
def where_with_safe_ratio(p, q):
    seen = p > 0
    ratio = np.where(seen, p, 1.0) / np.where(seen, q, 1.0)
    return np.sum(np.where(seen, p * np.log(ratio), 0.0))


@alternative("divergence")
def scipy_stats_entropy_of_two(p, q):
    from scipy.stats import entropy

    return entropy(p, q)


@alternative("divergence")
def masked_log_of_ratio(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 where p_i = q_i = 0
        return np.sum(p * np.ma.log(p / q))


@alternative("divergence")
def crossentropy_minus_entropy(p, q):
    from scipy.special import xlogy

    return np.sum(xlogy(p, p)) - np.sum(xlogy(p, q))  # H(p, q) - H(p)


@alternative("divergence")
def mask_after_dividing_with_warnings(p, q):
    terms = p * np.log(p / q)  # nan (and a RuntimeWarning) where p_i = q_i = 0
    return np.sum(terms[p > 0])


# -------------------------------------------------------------------------- js_divergence


@alternative("js_divergence")
def scipy_jensenshannon_squared(p, q):
    from scipy.spatial.distance import jensenshannon

    return jensenshannon(p, q) ** 2  # scipy returns the distance, the square root


@alternative("js_divergence")
def entropy_of_mixture_minus_mean_entropy(p, q):
    from scipy.special import entr

    m = (p + q) / 2
    return np.sum(entr(m)) - (np.sum(entr(p)) + np.sum(entr(q))) / 2


@alternative("js_divergence")
def loop_with_inner_kl(p, q):
    def kl(a, b):
        total = 0.0
        for ai, bi in zip(a, b, strict=True):
            if ai > 0:
                total += ai * math.log(ai / bi)
        return total

    m = [(pi + qi) / 2 for pi, qi in zip(p, q, strict=True)]
    return (kl(p, m) + kl(q, m)) / 2


@alternative("js_divergence")
def scipy_rel_entr_to_mixture(p, q):
    from scipy.special import rel_entr

    m = 0.5 * (p + q)
    return 0.5 * rel_entr(p, m).sum() + 0.5 * rel_entr(q, m).sum()


@alternative("js_divergence")
def reuses_divergence(p, q):
    m = (p + q) / 2
    return 0.5 * divergence(p, m) + 0.5 * divergence(q, m)  # noqa: F821 (the notebook's)


# ---------------------------------------------------------------------- bernoulli_entropy


@alternative("bernoulli_entropy")
def log_of_a_product_of_powers(p):
    return -sp.log(p**p * (1 - p) ** (1 - p))


@alternative("bernoulli_entropy")
def sum_over_both_outcomes(p):
    return -sum(q * sp.log(q) for q in (p, 1 - p))


@alternative("bernoulli_entropy")
def with_the_log_odds(p):
    # -p ln p - (1 - p) ln(1 - p) = -ln(1 - p) + p ln((1 - p) / p)
    return sp.log(1 / (1 - p)) + p * sp.log((1 - p) / p)


@alternative("bernoulli_entropy")
def bits_times_ln_2(p):
    bits = -(p * sp.log(p, 2) + (1 - p) * sp.log(1 - p, 2))
    return bits * sp.log(2)


@alternative("bernoulli_entropy")
def sympy_stats_bernoulli(p):
    from sympy.stats import Bernoulli, entropy

    return entropy(Bernoulli("X", p))


@alternative("bernoulli_entropy")
def float_one_minus_p(p):
    return -p * sp.log(p) - (1.0 - p) * sp.log(1.0 - p)


@alternative("bernoulli_entropy")
def piecewise_zero_log_zero(p):
    def plogp(x):
        return sp.Piecewise((0, sp.Eq(x, 0)), (x * sp.log(x), True))

    return -plogp(p) - plogp(1 - p)


# ---------------------------------------------------------------------- gaussian_surprise


@alternative("gaussian_surprise")
def loop_over_points_with_math(mu, data):
    total = 0.0
    for x in data:
        total += 0.5 * math.log(2 * math.pi) + 0.5 * (x - mu) ** 2
    return total


@alternative("gaussian_surprise")
def constant_once_plus_half_sse(mu, data):
    return len(data) / 2 * np.log(2 * np.pi) + 0.5 * np.sum((data - mu) ** 2)


@alternative("gaussian_surprise")
def scipy_norm_logpdf(mu, data):
    from scipy.stats import norm

    return -np.sum(norm.logpdf(data, loc=mu, scale=1.0))


@alternative("gaussian_surprise")
def reuses_sum_squared_error(mu, data):
    # Defined further down the notebook; it exists by the time this is called.
    return len(data) / 2 * np.log(2 * np.pi) + sum_squared_error(mu, data) / 2  # noqa: F821


# ---------------------------------------------------------------------- sum_squared_error


@alternative("sum_squared_error")
def loop_over_data(mu, data):
    return sum((x - mu) ** 2 for x in data)


@alternative("sum_squared_error")
def dot_of_residuals(mu, data):
    residuals = data - mu
    return residuals @ residuals


@alternative("sum_squared_error")
def squared_norm(mu, data):
    return np.linalg.norm(data - mu) ** 2


@alternative("sum_squared_error")
def expanded_square(mu, data):
    # (x - mu)^2 = x^2 - 2 mu x + mu^2; less stable for large data, exact enough here.
    return np.sum(data**2) - 2 * mu * np.sum(data) + len(data) * mu**2


# -------------------------------------------------------------------------- merge_moments


@alternative("merge_moments")
def weighted_means_and_deviations(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return (0, 0.0, 0.0)
    mean = (n_a * mean_a + n_b * mean_b) / n
    # Each M2 is about its own mean; move both to the union's mean.
    m2 = m2_a + n_a * (mean_a - mean) ** 2 + m2_b + n_b * (mean_b - mean) ** 2
    return (n, mean, m2)


@alternative("merge_moments")
def empty_sides_first(a, b):
    if a[0] == 0:
        return tuple(b) if b[0] > 0 else (0, 0.0, 0.0)
    if b[0] == 0:
        return tuple(a)
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = int(n_a + n_b)
    delta = mean_b - mean_a
    return n, (n_a * mean_a + n_b * mean_b) / n, m2_a + m2_b + delta * delta * n_a * n_b / n


@alternative("merge_moments")
def sums_of_squares_about_a_pivot(a, b):
    # Sums of squares about mean_a (not about 0, which would cancel catastrophically).
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    sum_dev = n_b * (mean_b - mean_a)                     # sum of (x - mean_a)
    sum_sq_dev = m2_a + m2_b + n_b * (mean_b - mean_a) ** 2  # sum of (x - mean_a)^2
    mean = mean_a + sum_dev / n
    return n, mean, sum_sq_dev - sum_dev**2 / n


@alternative("merge_moments")
def numpy_average(a, b):
    counts = np.array([a[0], b[0]])
    means = np.array([a[1], b[1]], dtype=float)
    n = int(counts.sum())
    if n == 0:
        return 0, 0.0, 0.0
    mean = np.average(means, weights=counts)
    m2 = a[2] + b[2] + np.sum(counts * (means - mean) ** 2)
    return n, mean, m2


@alternative("merge_moments")
def numpy_integer_count(a, b):
    counts = np.array([a[0], b[0]])
    n = counts.sum()  # an np.int64: an integer, as the suite allows
    if n == 0:
        return 0, 0.0, 0.0
    delta = b[1] - a[1]
    return n, a[1] + delta * b[0] / n, a[2] + b[2] + delta**2 * a[0] * b[0] / n


# ---------------------------------------------------------------------------- gaussian_kl


@alternative("gaussian_kl")
def with_variances_and_math(mu1, sigma1, mu2, sigma2):
    var1, var2 = sigma1**2, sigma2**2
    return 0.5 * (math.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1)


@alternative("gaussian_kl")
def ratio_of_standard_deviations(mu1, sigma1, mu2, sigma2):
    r = sigma1 / sigma2
    return 0.5 * (r**2 - 1) - np.log(r) + (mu1 - mu2) ** 2 / (2 * sigma2**2)


@alternative("gaussian_kl")
def crossentropy_minus_entropy_of_gaussians(mu1, sigma1, mu2, sigma2):
    cross = 0.5 * np.log(2 * np.pi * sigma2**2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
    own = 0.5 * np.log(2 * np.pi * np.e * sigma1**2)
    return cross - own


# -------------------------------------------------------------------- gaussian_kl_formula


@alternative("gaussian_kl_formula")
def half_log_of_variance_ratio(mu1, sigma1, mu2, sigma2):
    return (sp.log(sigma2**2 / sigma1**2) / 2 + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - sp.Rational(1, 2))


@alternative("gaussian_kl_formula")
def float_halves(mu1, sigma1, mu2, sigma2):
    return (sp.log(sigma2) - sp.log(sigma1) + 0.5 * sigma1**2 / sigma2**2
            + 0.5 * (mu1 - mu2) ** 2 / sigma2**2 - 0.5)


@alternative("gaussian_kl_formula")
def symbolic_crossentropy_minus_entropy(mu1, sigma1, mu2, sigma2):
    cross = sp.log(sp.sqrt(2 * sp.pi) * sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
    own = sp.log(sp.sqrt(2 * sp.pi * sp.E) * sigma1)
    return cross - own


# -------------------------------------------------------------------------- bernoulli_mle


@alternative("bernoulli_mle")
def fraction_of_heads(k, n):
    return k / n


@alternative("bernoulli_mle")
def solve_the_likelihood_itself(k, n):
    theta = sp.Symbol("theta", positive=True)
    solutions = sp.solve(sp.diff(theta**k * (1 - theta) ** (n - k), theta), theta)
    return solutions[0]


@alternative("bernoulli_mle")
def solve_balance_equation(k, n):
    theta = sp.Symbol("theta")
    return sp.solve(sp.Eq(k / theta, (n - k) / (1 - theta)), theta)[0]


@alternative("bernoulli_mle")
def solve_with_dict(k, n):
    theta = sp.Symbol("theta")
    log_likelihood = k * sp.log(theta) + (n - k) * sp.log(1 - theta)
    (solution,) = sp.solve(sp.diff(log_likelihood, theta), theta, dict=True)
    return solution[theta]


# ---------------------------------------------------------------- logistic_loss_derivative


@alternative("logistic_loss_derivative")
def differentiate_the_loss(z, y):
    s = 1 / (1 + sp.exp(-z))
    return sp.diff(-(y * sp.log(s) + (1 - y) * sp.log(1 - s)), z)


@alternative("logistic_loss_derivative")
def exp_over_one_plus_exp(z, y):
    return sp.exp(z) / (1 + sp.exp(z)) - y


@alternative("logistic_loss_derivative")
def with_tanh(z, y):
    return (1 + sp.tanh(z / 2)) / 2 - y


@alternative("logistic_loss_derivative")
def one_minus_sigmoid_of_minus_z(z, y):
    return (1 - y) - 1 / (1 + sp.exp(z))


# --------------------------------------------------------------- affine_flow_log_density


@alternative("affine_flow_log_density")
def scipy_norm_of_x(y, scale, shift):
    from scipy.stats import norm

    x = (y - shift) / scale
    return norm.logpdf(x).sum() - np.log(np.abs(scale)).sum()


@alternative("affine_flow_log_density")
def gaussian_in_y_space(y, scale, shift):
    # y_i ~ N(shift_i, scale_i^2) independently.
    from scipy.stats import norm

    return np.sum(norm.logpdf(y, loc=shift, scale=np.abs(scale)))


@alternative("affine_flow_log_density")
def loop_over_dimensions_with_math(y, scale, shift):
    total = 0.0
    for yi, s, b in zip(y, scale, shift, strict=True):
        x = (yi - b) / s
        total += -0.5 * x * x - 0.5 * math.log(2 * math.pi) - math.log(abs(s))
    return total


@alternative("affine_flow_log_density")
def slogdet_of_the_jacobian(y, scale, shift):
    x = (y - shift) / scale
    _, log_abs_det = np.linalg.slogdet(np.diag(scale))
    return -0.5 * x @ x - len(y) / 2 * np.log(2 * np.pi) - log_abs_det


# ------------------------------------------------------------- forward_gradient_variance


@alternative("forward_gradient_variance")
def dot_plus_square(grad):
    return np.dot(grad, grad) + np.square(grad)


@alternative("forward_gradient_variance")
def loop_over_entries(grad):
    norm2 = sum(g * g for g in grad)
    return np.array([norm2 + g * g for g in grad])


@alternative("forward_gradient_variance")
def diagonal_of_the_covariance(grad):
    # Cov[(g . v) v] = ||g||^2 I + g g^T for v ~ N(0, I).
    cov = np.linalg.norm(grad) ** 2 * np.eye(len(grad)) + np.outer(grad, grad)
    return np.diag(cov).copy()


# ------------------------------------------------------------------- shift_decomposition


@alternative("shift_decomposition")
def chain_rule_remainder(p_joint, q_joint):
    from scipy.special import rel_entr

    marginal = rel_entr(p_joint.sum(axis=1), q_joint.sum(axis=1)).sum()
    total = rel_entr(p_joint, q_joint).sum()
    return marginal, total - marginal  # KL(joint) = marginal + conditional


@alternative("shift_decomposition")
def rel_entr_against_rescaled_q(p_joint, q_joint):
    from scipy.special import rel_entr

    p_x = p_joint.sum(axis=1, keepdims=True)
    q_x = q_joint.sum(axis=1, keepdims=True)
    # p(x, y) ln(p(y|x) / q(y|x)) = p(x, y) ln(p(x, y) / (p(x) q(y|x)))
    conditional = rel_entr(p_joint, p_x * q_joint / q_x).sum()
    return float(rel_entr(p_x, q_x).sum()), float(conditional)


@alternative("shift_decomposition")
def loops_with_math(p_joint, q_joint):
    rows, cols = p_joint.shape
    p_x = [sum(p_joint[i]) for i in range(rows)]
    q_x = [sum(q_joint[i]) for i in range(rows)]
    marginal = sum(p_x[i] * math.log(p_x[i] / q_x[i]) for i in range(rows) if p_x[i] > 0)
    conditional = 0.0
    for i in range(rows):
        for j in range(cols):
            if p_joint[i, j] > 0:
                p_cond = p_joint[i, j] / p_x[i]
                q_cond = q_joint[i, j] / q_x[i]
                conditional += p_joint[i, j] * math.log(p_cond / q_cond)
    return (marginal, conditional)


@alternative("shift_decomposition")
def reuses_divergence_per_row(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    # The notebook's divergence, once per row with p(x) > 0 and once for the marginals.
    conditional = sum(p_x[i] * divergence(p_joint[i] / p_x[i], q_joint[i] / q_x[i])  # noqa: F821
                      for i in range(len(p_x)) if p_x[i] > 0)
    return divergence(p_x, q_x), conditional  # noqa: F821
