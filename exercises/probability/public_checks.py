"""Quick public checks for the probability notebook: run `check("entropy")` after an exercise.

Each check calls your function on a small fixed input and compares the answer with the
known one. The report goes to standard output, one line per check; if a check fails,
`check` also raises an AssertionError with the same lines, so the notebook cell fails.

These checks are deliberately few and simple. The grader runs many more tests: edge cases
(zero probabilities, logits of size 1000), random inputs and properties. Passing here is a
good sign, not a guarantee. An answer is judged here by the grader's own rules (see
`autograder.suite.public`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import sympy as sp

from autograder.suite.public import At, Case, make_check, vec

__all__ = ["check"]


def _array_is_pmf_cases() -> list[Case]:
    hint_sum = "Add up the entries with np.sum and compare the sum with 1 using np.isclose."
    return [
        Case("array_is_pmf([0.25, 0.25, 0.5])", (vec(0.25, 0.25, 0.5),), True, hint_sum),
        Case("array_is_pmf([0.5, 0.6])", (vec(0.5, 0.6),), False,
             "The entries sum to 1.1, so this is not a pmf. " + hint_sum),
        Case("array_is_pmf([1.5, -0.5])", (vec(1.5, -0.5),), False,
             "The sum is 1, but a probability can't be negative: check that every entry "
             "is >= 0 (np.all(array >= 0))."),
    ]


def _softmax_cases() -> list[Case]:
    hint = ("softmax(x)_i = exp(x_i) / sum_j exp(x_j): exponentiate every logit, then divide "
            "by the sum of the exponentials so the result sums to 1.")
    return [
        Case("softmax([0.0, 0.0])", (vec(0.0, 0.0),), vec(0.5, 0.5), hint,
             "equal logits give equal probabilities"),
        Case("softmax([0.0, ln 2])", (vec(0.0, math.log(2.0)),), vec(1 / 3, 2 / 3), hint,
             "e^0 : e^(ln 2) = 1 : 2"),
        Case("softmax([1.0, 2.0, 3.0])", (vec(1.0, 2.0, 3.0),),
             np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum(), hint),
    ]


def _logsumexp_cases() -> list[Case]:
    hint = ("logsumexp(x) = ln sum_j exp(x_j), with the natural log. To keep exp from "
            "overflowing, subtract c = max(x) before exponentiating and add c back after "
            "the log.")
    return [
        Case("logsumexp([0.0, 0.0])", (vec(0.0, 0.0),), math.log(2.0), hint, "ln 2"),
        Case("logsumexp([0.0, ln 2, ln 3])", (vec(0.0, math.log(2.0), math.log(3.0)),),
             math.log(6.0), hint, "ln(1 + 2 + 3) = ln 6"),
        Case("logsumexp([1.0, 2.0, 3.0])", (vec(1.0, 2.0, 3.0),),
             math.log(math.exp(1.0) + math.exp(2.0) + math.exp(3.0)), hint),
    ]


def _surprise_cases() -> list[Case]:
    hint = ("The surprise of outcome i is -ln p[i]: the natural log np.log of that one "
            "entry, with a minus sign so that it is >= 0.")
    return [
        Case("surprise([0.5, 0.5], 0)", (vec(0.5, 0.5), 0), math.log(2.0), hint, "ln 2"),
        Case("surprise([0.25, 0.75], 0)", (vec(0.25, 0.75), 0), math.log(4.0), hint, "ln 4"),
        Case("surprise([0.25, 0.75], 1)", (vec(0.25, 0.75), 1), -math.log(0.75), hint,
             "-ln 0.75"),
    ]


def _entropy_cases() -> list[Case]:
    hint = ("H(p) = -sum_i p_i ln p_i, with the natural log np.log; don't forget the minus "
            "sign, and sum over the outcomes rather than averaging.")
    return [
        Case("entropy([0.5, 0.5])", (vec(0.5, 0.5),), math.log(2.0), hint, "ln 2"),
        Case("entropy([0.25, 0.25, 0.25, 0.25])", (vec(0.25, 0.25, 0.25, 0.25),),
             math.log(4.0), hint, "ln 4"),
        Case("entropy([1.0])", (vec(1.0),), 0.0, hint, "a sure outcome is no surprise"),
    ]


def _crossentropy_cases() -> list[Case]:
    hint = ("H(p, q) = -sum_i p_i ln q_i: the target p weights the model's surprises "
            "-ln q_i. Check the order of the arguments and the minus sign.")
    return [
        Case("crossentropy([0.5, 0.5], [0.5, 0.5])", (vec(0.5, 0.5), vec(0.5, 0.5)),
             math.log(2.0), hint, "ln 2, the entropy of a fair coin"),
        Case("crossentropy([0.25, 0.75], [0.5, 0.5])", (vec(0.25, 0.75), vec(0.5, 0.5)),
             math.log(2.0), hint, "ln 2"),
        Case("crossentropy([0.1, 0.9], [0.3, 0.7])", (vec(0.1, 0.9), vec(0.3, 0.7)),
             -(0.1 * math.log(0.3) + 0.9 * math.log(0.7)), hint),
    ]


def _softmax_crossentropy_cases() -> list[Case]:
    hint = ("H(p, softmax(x)) = logsumexp(x) - sum_i p_i x_i: compute it from the logits "
            "with the log-sum-exp trick rather than taking np.log of a softmax.")
    return [
        Case("softmax_crossentropy([0.0, 0.0], [0.5, 0.5])", (vec(0.0, 0.0), vec(0.5, 0.5)),
             math.log(2.0), hint, "ln 2: the model is a fair coin"),
        Case("softmax_crossentropy([0.0, ln 3], [1.0, 0.0])",
             (vec(0.0, math.log(3.0)), vec(1.0, 0.0)), math.log(4.0), hint,
             "the model gives the label probability 1/4"),
    ]


def _binary_crossentropy_cases() -> list[Case]:
    hint = ("BCE = -mean_i [y_i ln p_hat_i + (1 - y_i) ln(1 - p_hat_i)]: both terms, the "
            "natural log, a minus sign, and the mean (not the sum) over the examples.")
    return [
        Case("binary_crossentropy([1.0, 0.0], [0.5, 0.5])", (vec(1.0, 0.0), vec(0.5, 0.5)),
             math.log(2.0), hint, "ln 2"),
        Case("binary_crossentropy([1.0, 0.0], [0.8, 0.4])", (vec(1.0, 0.0), vec(0.8, 0.4)),
             -(math.log(0.8) + math.log(0.6)) / 2, hint, "-(ln 0.8 + ln 0.6) / 2"),
    ]


def _divergence_cases() -> list[Case]:
    hint = ("KL(p || q) = sum_i p_i ln(p_i / q_i): p weights the log-ratio, and the ratio "
            "is p over q (KL is not symmetric).")
    return [
        Case("divergence([0.5, 0.5], [0.5, 0.5])", (vec(0.5, 0.5), vec(0.5, 0.5)), 0.0,
             hint, "a pmf does not diverge from itself"),
        Case("divergence([0.5, 0.5], [0.25, 0.75])", (vec(0.5, 0.5), vec(0.25, 0.75)),
             0.5 * math.log(4 / 3), hint, "ln(4/3) / 2"),
        Case("divergence([0.9, 0.1], [0.5, 0.5])", (vec(0.9, 0.1), vec(0.5, 0.5)),
             0.9 * math.log(1.8) + 0.1 * math.log(0.2), hint),
    ]


def _js_divergence_cases() -> list[Case]:
    hint = ("JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2 with the mixture m = (p + q) / 2 "
            "(not KL(p || q)), in nats.")
    return [
        Case("js_divergence([0.5, 0.5], [0.5, 0.5])", (vec(0.5, 0.5), vec(0.5, 0.5)), 0.0,
             hint, "identical pmfs"),
        Case("js_divergence([0.75, 0.25], [0.25, 0.75])",
             (vec(0.75, 0.25), vec(0.25, 0.75)),
             0.75 * math.log(1.5) + 0.25 * math.log(0.5), hint,
             "m = [0.5, 0.5]"),
    ]


def _bernoulli_entropy_cases() -> list[Case]:
    hint = ("H(p) = -p ln p - (1 - p) ln(1 - p): use sp.log (the natural log) on the symbol "
            "you are given, and keep both terms.")
    p = sp.Symbol("p")
    return [
        Case("bernoulli_entropy(p) at p = 1/2", (p,), At({p: 0.5}, math.log(2.0)), hint,
             "ln 2, a fair coin"),
        Case("bernoulli_entropy(p) at p = 1/10", (p,),
             At({p: 0.1}, -(0.1 * math.log(0.1) + 0.9 * math.log(0.9))), hint),
    ]


def _gaussian_surprise_cases() -> list[Case]:
    hint = ("Each data point costs 0.5 ln(2 pi) + 0.5 (x - mu)^2 nats; add this up over all "
            "the data points (np.sum, with np.log for the natural log).")
    half_log_2pi = 0.5 * math.log(2 * math.pi)
    return [
        Case("gaussian_surprise(0.0, [0.0])", (0.0, vec(0.0)), half_log_2pi, hint,
             "0.5 ln(2 pi): one point, right at the mean"),
        Case("gaussian_surprise(1.0, [0.0, 2.0])", (1.0, vec(0.0, 2.0)),
             2 * half_log_2pi + 1.0, hint, "2 * 0.5 ln(2 pi) + 0.5 + 0.5"),
    ]


def _sum_squared_error_cases() -> list[Case]:
    hint = "Add up the squared differences (x_i - mu)^2 over all data points (np.sum)."
    return [
        Case("sum_squared_error(0.0, [1.0, -1.0])", (0.0, vec(1.0, -1.0)), 2.0, hint,
             "1 + 1"),
        Case("sum_squared_error(2.0, [1.0, 2.0, 4.0])", (2.0, vec(1.0, 2.0, 4.0)), 5.0, hint,
             "1 + 0 + 4"),
    ]


def _merge_moments_cases() -> list[Case]:
    hint = ("With delta = mean_b - mean_a and n = n_a + n_b: mean = mean_a + delta n_b / n and "
            "M2 = M2_a + M2_b + delta^2 n_a n_b / n; the count is n_a + n_b.")
    return [
        Case("merge_moments((2, 1.5, 0.5), (1, 3.0, 0.0))", ((2, 1.5, 0.5), (1, 3.0, 0.0)),
             (3, 2.0, 2.0), hint, "the sample [1, 2] merged with [3]"),
        Case("merge_moments((1, 0.0, 0.0), (1, 10.0, 0.0))", ((1, 0.0, 0.0), (1, 10.0, 0.0)),
             (2, 5.0, 50.0), hint, "the sample [0] merged with [10]"),
    ]


def _gaussian_kl_cases() -> list[Case]:
    hint = ("KL = ln(sigma2 / sigma1) + (sigma1^2 + (mu1 - mu2)^2) / (2 sigma2^2) - 1/2, with "
            "the standard deviations sigma1, sigma2 (not variances).")
    return [
        Case("gaussian_kl(0.0, 1.0, 0.0, 1.0)", (0.0, 1.0, 0.0, 1.0), 0.0, hint,
             "the same Gaussian twice"),
        Case("gaussian_kl(1.0, 1.0, 0.0, 1.0)", (1.0, 1.0, 0.0, 1.0), 0.5, hint,
             "means 1 apart, unit variances"),
    ]


def _gaussian_kl_formula_cases() -> list[Case]:
    hint = ("ln(sigma2 / sigma1) + (sigma1^2 + (mu1 - mu2)^2) / (2 sigma2^2) - 1/2, written "
            "with sp.log and the four symbols you are given.")
    mu1, mu2 = sp.symbols("mu1 mu2", real=True)
    s1, s2 = sp.symbols("sigma1 sigma2", positive=True)
    args = (mu1, s1, mu2, s2)
    return [
        Case("gaussian_kl_formula(mu1, sigma1, mu2, sigma2) at 0, 1, 0, 1", args,
             At({mu1: 0.0, s1: 1.0, mu2: 0.0, s2: 1.0}, 0.0), hint, "the same Gaussian"),
        Case("gaussian_kl_formula(mu1, sigma1, mu2, sigma2) at 1, 1, 0, 2", args,
             At({mu1: 1.0, s1: 1.0, mu2: 0.0, s2: 2.0}, math.log(2.0) + 0.25 - 0.5), hint,
             "ln 2 + 2/8 - 1/2"),
    ]


def _bernoulli_mle_cases() -> list[Case]:
    hint = ("Set the derivative of k ln(theta) + (n - k) ln(1 - theta) to zero and solve for "
            "theta; sp.solve returns a list, so take its element.")
    k, n = sp.symbols("k n", positive=True)
    return [
        Case("bernoulli_mle(k, n) at k = 3, n = 10", (k, n), At({k: 3.0, n: 10.0}, 0.3),
             hint, "3 heads in 10 tosses"),
    ]


def _logistic_loss_derivative_cases() -> list[Case]:
    hint = ("Differentiate -[y ln s + (1 - y) ln(1 - s)] with s = 1 / (1 + exp(-z)) with "
            "respect to z (sp.diff does it), including the inner derivative of s.")
    z, y = sp.symbols("z y", real=True)
    return [
        Case("logistic_loss_derivative(z, y) at z = 0, y = 1", (z, y),
             At({z: 0.0, y: 1.0}, -0.5), hint, "sigmoid(0) - 1"),
        Case("logistic_loss_derivative(z, y) at z = 2, y = 0.25", (z, y),
             At({z: 2.0, y: 0.25}, 1 / (1 + math.exp(-2.0)) - 0.25), hint),
    ]


def _affine_flow_log_density_cases() -> list[Case]:
    hint = ("Invert the flow, x = (y - shift) / scale, add up the standard normal log-density "
            "-x^2/2 - ln(2 pi)/2 of every entry, then subtract sum ln |scale|.")
    base = -0.5 * math.log(2 * math.pi)
    return [
        Case("affine_flow_log_density([0.0], [1.0], [0.0])", (vec(0.0), vec(1.0), vec(0.0)),
             base, hint, "the standard normal at its mean"),
        Case("affine_flow_log_density([2.0], [2.0], [0.0])", (vec(2.0), vec(2.0), vec(0.0)),
             base - 0.5 - math.log(2.0), hint, "x = 1, stretched by 2"),
    ]


def _forward_gradient_variance_cases() -> list[Case]:
    hint = ("Var = E[X^2] - (E[X])^2 with E[(g . v)^2 v_i^2] = ||g||^2 + 2 g_i^2 and "
            "E[(g . v) v_i] = g_i.")
    return [
        Case("forward_gradient_variance([3.0, 4.0])", (vec(3.0, 4.0),), vec(34.0, 41.0), hint,
             "25 + 9, 25 + 16"),
    ]


def _shift_decomposition_cases() -> list[Case]:
    hint = ("The marginal part compares the row sums p(x) and q(x); the conditional part "
            "averages KL(row of p / its sum || row of q / its sum) with the weights p(x).")
    uniform = np.full((2, 2), 0.25)
    return [
        Case("shift_decomposition([[0.4, 0.4], [0.1, 0.1]], uniform 2x2)",
             (np.array([[0.4, 0.4], [0.1, 0.1]]), uniform),
             (0.8 * math.log(1.6) + 0.2 * math.log(0.4), 0.0), hint, "only p(x) moved"),
        Case("shift_decomposition([[0.4, 0.1], [0.1, 0.4]], uniform 2x2)",
             (np.array([[0.4, 0.1], [0.1, 0.4]]), uniform),
             (0.0, 0.8 * math.log(1.6) + 0.2 * math.log(0.4)), hint, "only p(y | x) moved"),
    ]


CASES: dict[str, Callable[[], list[Case]]] = {
    "array_is_pmf": _array_is_pmf_cases,
    "softmax": _softmax_cases,
    "logsumexp": _logsumexp_cases,
    "surprise": _surprise_cases,
    "entropy": _entropy_cases,
    "crossentropy": _crossentropy_cases,
    "softmax_crossentropy": _softmax_crossentropy_cases,
    "binary_crossentropy": _binary_crossentropy_cases,
    "divergence": _divergence_cases,
    "js_divergence": _js_divergence_cases,
    "bernoulli_entropy": _bernoulli_entropy_cases,
    "gaussian_surprise": _gaussian_surprise_cases,
    "sum_squared_error": _sum_squared_error_cases,
    "merge_moments": _merge_moments_cases,
    "gaussian_kl": _gaussian_kl_cases,
    "gaussian_kl_formula": _gaussian_kl_formula_cases,
    "bernoulli_mle": _bernoulli_mle_cases,
    "logistic_loss_derivative": _logistic_loss_derivative_cases,
    "affine_flow_log_density": _affine_flow_log_density_cases,
    "forward_gradient_variance": _forward_gradient_variance_cases,
    "shift_decomposition": _shift_decomposition_cases,
}


check = make_check(CASES)
