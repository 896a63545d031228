"""Known mistakes of the probability assignment, each written the way a student would.

`mathgrade verify` substitutes each one for its exercise in the solution notebook and checks
that the hidden suite takes points off and names it. After a failed test, the grader replays
the test's calls through these functions (in file order, per exercise) and names the first
one that reproduces every outcome, so within an exercise the order matters: a mistake comes
before another whose outputs it could also produce.

The substituted source is the function alone (its single-line decorator dropped), run after
`import math`, `import numpy as np` and `import sympy as sp`: a mistake imports anything else
(scipy) inside its body. Hints are constants because the decorator must fit on one line.
"""

import math

import numpy as np
import sympy as sp

from autograder.mistakes import mistake

# --------------------------------------------------------------------------- array_is_pmf

EXACT_SUM = (
    "Floating-point sums are rarely exactly 1 (0.7 + 0.2 + 0.1 gives 0.9999999999999999), so "
    "compare the sum with np.isclose(np.sum(array), 1) instead of ==."
)
MATH_ISCLOSE = (
    "math.isclose uses a much tighter tolerance (1e-9 relative) than np.isclose; the task "
    "asks for np.isclose(np.sum(array), 1) with its default tolerances."
)
NO_NEGATIVITY_CHECK = (
    "A sum of 1 is not enough: [1.5, -0.5] sums to 1 but a probability can't be negative. "
    "Also check np.all(array >= 0)."
)
UPPER_BOUND_ONLY = (
    "Entries <= 1 follow from the other two conditions; what must be checked is that no entry "
    "is negative: [0.6, -0.1, 0.5] has every entry <= 1 and sums to 1, yet is not a pmf."
)
STRICTLY_POSITIVE = (
    "Probabilities may be exactly 0 (an outcome that never happens): test array >= 0, not "
    "array > 0."
)


@mistake("array_is_pmf", hint=EXACT_SUM)
def exact_sum_equality(array):
    return bool(np.all(array >= 0) and np.sum(array) == 1)


@mistake("array_is_pmf", hint=MATH_ISCLOSE)
def tolerance_too_tight(array):
    return all(x >= 0 for x in array) and math.isclose(sum(array), 1)


@mistake("array_is_pmf", hint=NO_NEGATIVITY_CHECK)
def no_negativity_check(array):
    return bool(np.isclose(np.sum(array), 1))


@mistake("array_is_pmf", hint=UPPER_BOUND_ONLY)
def checks_upper_bound_instead(array):
    return bool(np.all(array <= 1) and np.isclose(np.sum(array), 1))


@mistake("array_is_pmf", hint=STRICTLY_POSITIVE)
def rejects_zero_entries(array):
    return bool(np.all(array > 0) and np.isclose(np.sum(array), 1))


# -------------------------------------------------------------------------------- softmax

SHIFT_IN_PLACE = (
    "`xs -= np.max(xs)` subtracts in place and changes the caller's array; write "
    "`shifted = xs - np.max(xs)`, which makes a new array."
)
NAIVE_EXP = (
    "np.exp(1000) overflows to inf (and np.exp(-1000) underflows to 0), so inf/inf or 0/0 "
    "gives nan. Subtract np.max(xs) from every logit first: softmax doesn't change, and the "
    "largest exponential becomes exp(0) = 1."
)
SHIFT_BY_MIN = (
    "Shifting by the minimum keeps the smallest exponent at 0 but lets the largest overflow "
    "(exp(2000) for [-1000, 1000]). Shift by the maximum, so that every exponent is <= 0."
)
NOT_NORMALISED = (
    "The exponentials must be divided by their sum, so that the probabilities add up to 1: "
    "return exps / np.sum(exps)."
)
SIGMOID = (
    "That is the logistic sigmoid of each logit on its own; softmax couples them: "
    "exp(x_i) / sum_j exp(x_j), so the result sums to 1."
)


@mistake("softmax", hint=SHIFT_IN_PLACE)
def shift_in_place(xs):
    xs -= np.max(xs)
    exps = np.exp(xs)
    return exps / np.sum(exps)


@mistake("softmax", hint=NAIVE_EXP)
def naive_exp_overflows(xs):
    exps = np.exp(xs)
    return exps / np.sum(exps)


@mistake("softmax", hint=SHIFT_BY_MIN)
def shift_by_minimum(xs):
    exps = np.exp(xs - np.min(xs))
    return exps / np.sum(exps)


@mistake("softmax", hint=NOT_NORMALISED)
def not_normalised(xs):
    return np.exp(xs - np.max(xs))


@mistake("softmax", hint=SIGMOID)
def sigmoid_instead(xs):
    return 1 / (1 + np.exp(-xs))


# ------------------------------------------------------------------------------ logsumexp

LSE_NAIVE = (
    "np.exp(1000) overflows to inf (and np.exp(-1000) underflows to 0, whose log is -inf). "
    "Use the log-sum-exp trick: c = np.max(xs), then c + np.log(np.sum(np.exp(xs - c)))."
)
LSE_SHIFT_NOT_ADDED_BACK = (
    "Unlike softmax, logsumexp is not shift invariant: logsumexp(xs) = c + ln sum exp(xs - c). "
    "After shifting by c = np.max(xs), add c back to the log."
)
LSE_MEAN = (
    "logsumexp sums the exponentials: ln sum_j exp(x_j). np.mean divides by n, which "
    "subtracts ln n from the answer."
)
LSE_MAX_ONLY = (
    "max(xs) is only the leading term: logsumexp(xs) = max + ln sum exp(xs - max), and the "
    "second term is between 0 and ln n (ln 2 for two equal values)."
)
LSE_LOG2 = (
    "Use the natural log np.log, the inverse of np.exp; np.log2 gives the answer divided "
    "by ln 2."
)


@mistake("logsumexp", hint=LSE_NAIVE)
def logsumexp_naive_overflows(xs):
    return np.log(np.sum(np.exp(xs)))


@mistake("logsumexp", hint=LSE_SHIFT_NOT_ADDED_BACK)
def shift_not_added_back(xs):
    return np.log(np.sum(np.exp(xs - np.max(xs))))


@mistake("logsumexp", hint=LSE_MEAN)
def logsumexp_mean_instead_of_sum(xs):
    c = np.max(xs)
    return c + np.log(np.mean(np.exp(xs - c)))


@mistake("logsumexp", hint=LSE_MAX_ONLY)
def max_instead_of_logsumexp(xs):
    return np.max(xs)


@mistake("logsumexp", hint=LSE_LOG2)
def logsumexp_log_base_2(xs):
    c = np.max(xs)
    return c + np.log2(np.sum(np.exp(xs - c)))


# ------------------------------------------------------------------------------- surprise

SURPRISE_LOG2 = (
    "Surprise is measured in nats here: use the natural log np.log, not np.log2 (bits)."
)
SURPRISE_SIGN = (
    "ln p[i] <= 0 for a probability, so the surprise is its negative, -ln p[i], which is "
    "never below 0."
)
SURPRISE_NO_LOG = (
    "1 / p[i] grows with rarity, but surprises of independent events must add, which takes "
    "a logarithm: -ln p[i] = ln(1 / p[i])."
)
SURPRISE_ENTROPY = (
    "That is the entropy, the average surprise over all outcomes; the surprise of outcome i "
    "alone is -ln p[i]."
)
SURPRISE_ONE_MINUS = (
    "The surprise depends on the probability of the outcome that happened, p[i]: -ln p[i], "
    "not -ln(1 - p[i]) (the probability that it does not happen)."
)


@mistake("surprise", hint=SURPRISE_LOG2)
def surprise_log_base_2(p, i):
    return -np.log2(p[i])


@mistake("surprise", hint=SURPRISE_SIGN)
def surprise_missing_minus(p, i):
    return np.log(p[i])


@mistake("surprise", hint=SURPRISE_NO_LOG)
def surprise_without_log(p, i):
    return 1 / p[i]


@mistake("surprise", hint=SURPRISE_ENTROPY)
def surprise_entropy_instead(p, i):
    nonzero = p[p > 0]
    return -np.sum(nonzero * np.log(nonzero))


@mistake("surprise", hint=SURPRISE_ONE_MINUS)
def surprise_of_complement(p, i):
    return -np.log(1 - p[i])


# -------------------------------------------------------------------------------- entropy

NO_ZERO_HANDLING = (
    "With p_i = 0, np.log(0) is -inf and 0 * -inf is nan. By convention 0 ln 0 = 0 (the limit "
    "of p ln p as p -> 0): leave those terms out, e.g. sum only over p[p > 0]."
)
ENTROPY_LOG2 = (
    "Entropy here is in nats: use the natural log np.log. np.log2 gives bits, which is the "
    "answer divided by ln 2 = 0.693."
)
ENTROPY_SIGN = (
    "ln p_i is negative for 0 < p_i < 1, so sum(p ln p) is negative; entropy is its negative, "
    "-sum p ln p, which is never below 0."
)
ENTROPY_MEAN = (
    "Entropy is the expected surprise, sum_i p_i (-ln p_i): the weights p_i already average, "
    "so sum the terms instead of taking np.mean (which divides by n once more)."
)
UNWEIGHTED_SURPRISE = (
    "Each outcome's surprise -ln p_i must be weighted by how often it happens, p_i: "
    "H(p) = -sum p_i ln p_i, not -sum ln p_i."
)


@mistake("entropy", hint=NO_ZERO_HANDLING)
def no_zero_handling(p):
    return -np.sum(p * np.log(p))


@mistake("entropy", hint=ENTROPY_LOG2)
def log_base_2(p):
    return -np.sum(p * np.log2(p))


@mistake("entropy", hint=ENTROPY_SIGN)
def missing_minus_sign(p):
    nonzero = p[p > 0]
    return np.sum(nonzero * np.log(nonzero))


@mistake("entropy", hint=ENTROPY_MEAN)
def mean_instead_of_sum(p):
    nonzero = p[p > 0]
    return -np.mean(nonzero * np.log(nonzero))


@mistake("entropy", hint=UNWEIGHTED_SURPRISE)
def unweighted_surprise(p):
    nonzero = p[p > 0]
    return -np.sum(np.log(nonzero))


# --------------------------------------------------------------------------- crossentropy

CE_SWAPPED = (
    "The order matters: H(p, q) = -sum p_i ln q_i takes the log of the model q and weights it "
    "by the target p. You computed -sum q_i ln p_i."
)
CE_LOG2 = "Use the natural log np.log (nats), not np.log2 (bits)."
CE_SIGN = (
    "ln q_i <= 0 for probabilities, so sum p ln q is <= 0; the cross-entropy is its negative, "
    "-sum p_i ln q_i."
)
CE_ENTROPY_OF_MODEL = (
    "That is the entropy of q alone; cross-entropy weights the model's surprises -ln q_i by "
    "the target's probabilities p_i: -sum p_i ln q_i."
)
CE_DIVERGENCE = (
    "sum p ln(p/q) is the KL divergence, which is the cross-entropy minus the entropy of p. "
    "The cross-entropy itself is -sum p_i ln q_i."
)


@mistake("crossentropy", hint=CE_SWAPPED)
def swapped_arguments(p, q):
    return -np.sum(q * np.log(p))


@mistake("crossentropy", hint=CE_LOG2)
def crossentropy_log_base_2(p, q):
    return -np.sum(p * np.log2(q))


@mistake("crossentropy", hint=CE_SIGN)
def crossentropy_missing_minus(p, q):
    return np.sum(p * np.log(q))


@mistake("crossentropy", hint=CE_ENTROPY_OF_MODEL)
def entropy_of_model(p, q):
    return -np.sum(q * np.log(q))


@mistake("crossentropy", hint=CE_DIVERGENCE)
def divergence_instead(p, q):
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))


# ------------------------------------------------------------------- softmax_crossentropy

SCE_NAIVE = (
    "np.exp(1000) overflows to inf, so the softmax is nan. Work in logs: "
    "ln softmax(x)_i = x_i - logsumexp(x), with logsumexp computed after shifting by max(x)."
)
SCE_LOG_OF_SOFTMAX = (
    "softmax([-1000, 1000]) is exactly [0, 1] in float64, and np.log(0) = -inf, although the "
    "loss is finite. Don't take the log of a softmax: the loss is logsumexp(logits) - p . logits."
)
SCE_SHIFT_NOT_ADDED_BACK = (
    "ln softmax(x)_i = x_i - logsumexp(x), and logsumexp(x) = c + ln sum exp(x - c): after "
    "shifting by c = max(x), add c back (or use the shifted logits in both places)."
)
SCE_SIGN = (
    "ln softmax(x)_i <= 0, so sum p_i ln softmax(x)_i is <= 0; the cross-entropy is its "
    "negative, logsumexp(x) - p . x, which is never below 0."
)
SCE_SWAPPED = (
    "In H(p, q) the target p weights the log of the model q = softmax(logits): "
    "-sum p_i ln softmax(logits)_i. You computed -sum softmax(logits)_i ln p_i."
)


@mistake("softmax_crossentropy", hint=SCE_NAIVE)
def softmax_crossentropy_naive_exp(logits, p):
    q = np.exp(logits) / np.sum(np.exp(logits))
    return -np.sum(p * np.log(q))


@mistake("softmax_crossentropy", hint=SCE_LOG_OF_SOFTMAX)
def log_of_softmax_underflows(logits, p):
    exps = np.exp(logits - np.max(logits))
    q = exps / np.sum(exps)
    return -np.sum(p * np.log(q))


@mistake("softmax_crossentropy", hint=SCE_SHIFT_NOT_ADDED_BACK)
def log_softmax_shift_not_added_back(logits, p):
    log_z = np.log(np.sum(np.exp(logits - np.max(logits))))
    return -np.sum(p * (logits - log_z))


@mistake("softmax_crossentropy", hint=SCE_SIGN)
def softmax_crossentropy_missing_minus(logits, p):
    c = np.max(logits)
    log_z = c + np.log(np.sum(np.exp(logits - c)))
    return np.sum(p * (logits - log_z))


@mistake("softmax_crossentropy", hint=SCE_SWAPPED)
def softmax_crossentropy_swapped(logits, p):
    exps = np.exp(logits - np.max(logits))
    q = exps / np.sum(exps)
    return -np.sum(q * np.log(p))


# -------------------------------------------------------------------- binary_crossentropy

BCE_SUM = (
    "The binary cross-entropy is the mean over the examples, so that it does not grow with "
    "the batch: use np.mean (or divide the sum by len(y))."
)
BCE_LOG2 = "Use the natural log np.log (nats), not np.log2 (bits)."
BCE_SIGN = (
    "ln p_hat and ln(1 - p_hat) are negative, so the bracket is negative; the loss is its "
    "negative: -mean[y ln p_hat + (1 - y) ln(1 - p_hat)]."
)
BCE_POSITIVE_TERM_ONLY = (
    "Both classes count: examples with label 0 (and soft labels) contribute "
    "(1 - y) ln(1 - p_hat), the log-probability the model gives to class 0."
)
BCE_SWAPPED = (
    "The label y weights the log of the prediction: y ln p_hat + (1 - y) ln(1 - p_hat). "
    "You took the log of the labels (and ln 0 = -inf for hard labels)."
)


@mistake("binary_crossentropy", hint=BCE_SUM)
def bce_sum_instead_of_mean(y, p_hat):
    return -np.sum(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))


@mistake("binary_crossentropy", hint=BCE_LOG2)
def bce_log_base_2(y, p_hat):
    return -np.mean(y * np.log2(p_hat) + (1 - y) * np.log2(1 - p_hat))


@mistake("binary_crossentropy", hint=BCE_SIGN)
def bce_missing_minus(y, p_hat):
    return np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))


@mistake("binary_crossentropy", hint=BCE_POSITIVE_TERM_ONLY)
def bce_positive_term_only(y, p_hat):
    return -np.mean(y * np.log(p_hat))


@mistake("binary_crossentropy", hint=BCE_SWAPPED)
def bce_swapped_arguments(y, p_hat):
    return -np.mean(p_hat * np.log(y) + (1 - p_hat) * np.log(1 - y))


# ----------------------------------------------------------------------------- divergence

KL_BOTH_ZERO = (
    "Where p_i = q_i = 0, p_i / q_i is 0/0 = nan before xlogy ever sees it. Leave out the "
    "terms with p_i = 0 before dividing (mask = p > 0), or use scipy.special.rel_entr(p, q)."
)
KL_NO_ZERO_HANDLING = (
    "Terms with p_i = 0 must contribute 0, but 0 * np.log(0) is nan. Sum only over the "
    "outcomes with p_i > 0 (mask = p > 0)."
)
KL_SWAPPED = (
    "KL is not symmetric: KL(p || q) = sum p_i ln(p_i / q_i) is weighted by p, the first "
    "argument. You computed KL(q || p)."
)
KL_INVERTED_RATIO = (
    "The ratio is p over q: sum p_i ln(p_i / q_i). With q / p you get minus the divergence, "
    "which Gibbs' inequality says can't be positive."
)
KL_LOG2 = "Use the natural log np.log (nats), not np.log2 (bits)."
KL_UNWEIGHTED = (
    "Each log-ratio ln(p_i / q_i) must be weighted by p_i: KL(p || q) = sum p_i ln(p_i / q_i)."
)


@mistake("divergence", hint=KL_BOTH_ZERO)
def ratio_before_masking(p, q):
    from scipy.special import xlogy

    return np.sum(xlogy(p, p / q))


@mistake("divergence", hint=KL_NO_ZERO_HANDLING)
def divergence_no_zero_handling(p, q):
    return np.sum(p * np.log(p / q))


@mistake("divergence", hint=KL_SWAPPED)
def divergence_swapped_arguments(p, q):
    return np.sum(q * np.log(q / p))


@mistake("divergence", hint=KL_INVERTED_RATIO)
def inverted_ratio(p, q):
    mask = p > 0
    return np.sum(p[mask] * np.log(q[mask] / p[mask]))


@mistake("divergence", hint=KL_LOG2)
def divergence_log_base_2(p, q):
    mask = p > 0
    return np.sum(p[mask] * np.log2(p[mask] / q[mask]))


@mistake("divergence", hint=KL_UNWEIGHTED)
def unweighted_log_ratio(p, q):
    mask = p > 0
    return np.sum(np.log(p[mask] / q[mask]))


# -------------------------------------------------------------------------- js_divergence

JS_NO_ZERO_HANDLING = (
    "Where p_i = 0 (or q_i = 0), 0 * np.log(0) is nan. Those terms contribute 0: sum only "
    "over p > 0 in KL(p || m) and over q > 0 in KL(q || m) (or use scipy.special.rel_entr)."
)
JS_LOG2 = "Use the natural log np.log (nats, at most ln 2), not np.log2 (bits, at most 1)."
JS_MISSING_HALF = (
    "JS is the average of the two divergences from the mixture: "
    "0.5 KL(p || m) + 0.5 KL(q || m). Without the halves you get twice the answer."
)
JS_KL_INSTEAD = (
    "Both pmfs are compared with the mixture m = (p + q) / 2, not with each other: "
    "JS = 0.5 KL(p || m) + 0.5 KL(q || m). KL(p || q) is neither symmetric nor bounded."
)
JS_ONE_SIDED = (
    "JS is symmetric because it compares both pmfs with the mixture: add "
    "0.5 KL(q || m) to 0.5 KL(p || m)."
)
JS_MIXTURE_NOT_HALVED = (
    "The mixture is the average m = (p + q) / 2, a pmf; p + q sums to 2, and the log-ratios "
    "come out ln 2 too small."
)


@mistake("js_divergence", hint=JS_NO_ZERO_HANDLING)
def js_no_zero_handling(p, q):
    m = (p + q) / 2
    return 0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m))


@mistake("js_divergence", hint=JS_LOG2)
def js_log_base_2(p, q):
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log2(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log2(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q


@mistake("js_divergence", hint=JS_MISSING_HALF)
def js_missing_half(p, q):
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return kl_p + kl_q


@mistake("js_divergence", hint=JS_KL_INSTEAD)
def js_kl_instead_of_mixture(p, q):
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))


@mistake("js_divergence", hint=JS_ONE_SIDED)
def js_one_sided(p, q):
    m = (p + q) / 2
    return 0.5 * np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))


@mistake("js_divergence", hint=JS_MIXTURE_NOT_HALVED)
def js_mixture_not_halved(p, q):
    m = p + q
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q


# ---------------------------------------------------------------------- bernoulli_entropy

BERNOULLI_LOG2 = (
    "sp.log(x, 2) is the base-2 log (bits); this course measures entropy in nats, with the "
    "natural log sp.log(x)."
)
MISSING_TAILS = (
    "A coin has two outcomes: heads with probability p and tails with probability 1 - p. "
    "Both contribute: H = -p ln p - (1 - p) ln(1 - p)."
)
BERNOULLI_SIGN = (
    "ln p < 0 for 0 < p < 1, so p ln p + (1 - p) ln(1 - p) is negative; entropy is its "
    "negative, -p ln p - (1 - p) ln(1 - p)."
)
SWAPPED_LOGS = (
    "Each outcome's surprise is weighted by its own probability: -p ln p for heads and "
    "-(1 - p) ln(1 - p) for tails, not p ln(1 - p)."
)
IGNORES_ARGUMENT = (
    "Build the expression from the symbol you are given (the parameter p), instead of "
    "creating a new sp.Symbol inside the function: the caller may pass a symbol of another "
    "name."
)


@mistake("bernoulli_entropy", hint=BERNOULLI_LOG2)
def bernoulli_log_base_2(p):
    return -p * sp.log(p, 2) - (1 - p) * sp.log(1 - p, 2)


@mistake("bernoulli_entropy", hint=MISSING_TAILS)
def missing_tails_term(p):
    return -p * sp.log(p)


@mistake("bernoulli_entropy", hint=BERNOULLI_SIGN)
def bernoulli_sign_error(p):
    return p * sp.log(p) + (1 - p) * sp.log(1 - p)


@mistake("bernoulli_entropy", hint=SWAPPED_LOGS)
def swapped_logs(p):
    return -p * sp.log(1 - p) - (1 - p) * sp.log(p)


@mistake("bernoulli_entropy", hint=IGNORES_ARGUMENT)
def ignores_argument(p):
    p = sp.Symbol("p")
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)

# ---------------------------------------------------------------------- gaussian_surprise

GS_HALF_SQUARES = (
    "The Gaussian density has exp(-(x - mu)^2 / 2), so each point's surprise has 0.5 (x - mu)^2, "
    "not (x - mu)^2."
)
GS_CONSTANT_ONCE = (
    "The normalising term 0.5 ln(2 pi) belongs to every data point's surprise: add it n times "
    "(once per point), not once for the whole data set."
)
GS_NO_CONSTANT = (
    "The surprise -ln p(x) includes the normaliser of the density: 0.5 ln(2 pi) per point. "
    "Dropping it does not move the minimum, but the value is no longer the surprise."
)
GS_LOG_2PI_NO_HALF = (
    "The density's normaliser is 1 / sqrt(2 pi), so its surprise is 0.5 ln(2 pi), not ln(2 pi)."
)
GS_MEAN = "The surprise of independent data points adds up: sum over the data, do not average."
GS_SIGN = (
    "Surprise is minus the log-density: -ln p(x) = 0.5 ln(2 pi) + 0.5 (x - mu)^2, which is "
    "positive. You returned the log-likelihood itself."
)


@mistake("gaussian_surprise", hint=GS_HALF_SQUARES)
def missing_half_on_squares(mu, data):
    return np.sum(0.5 * np.log(2 * np.pi) + (data - mu) ** 2)


@mistake("gaussian_surprise", hint=GS_CONSTANT_ONCE)
def constant_added_once(mu, data):
    return 0.5 * np.log(2 * np.pi) + np.sum(0.5 * (data - mu) ** 2)


@mistake("gaussian_surprise", hint=GS_NO_CONSTANT)
def no_normalising_constant(mu, data):
    return np.sum(0.5 * (data - mu) ** 2)


@mistake("gaussian_surprise", hint=GS_LOG_2PI_NO_HALF)
def log_2pi_without_half(mu, data):
    return np.sum(np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)


@mistake("gaussian_surprise", hint=GS_MEAN)
def mean_instead_of_sum_gaussian(mu, data):
    return np.mean(0.5 * np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)


@mistake("gaussian_surprise", hint=GS_SIGN)
def log_likelihood_not_surprise(mu, data):
    return np.sum(-0.5 * np.log(2 * np.pi) - 0.5 * (data - mu) ** 2)

# ---------------------------------------------------------------------- sum_squared_error

SSE_MEAN = "This is the *sum* of squared errors: np.sum, not np.mean (that is the MSE)."
SSE_NOT_SQUARED = (
    "Square each error before adding: positive and negative errors would otherwise cancel "
    "(for data [1, -1] and mu = 0 the sum of errors is 0)."
)
SSE_ABSOLUTE = "Square the errors, (x_i - mu)^2, rather than taking their absolute values."
SSE_NORM = (
    "np.linalg.norm(data - mu) is the square root of the sum of squares; the task asks for the "
    "sum of squares itself."
)
SSE_HALF = (
    "No factor 1/2 here: the 1/2 belongs to the Gaussian surprise, the sum of squared errors is "
    "sum (x_i - mu)^2."
)


@mistake("sum_squared_error", hint=SSE_MEAN)
def mean_squared_error(mu, data):
    return np.mean((data - mu) ** 2)


@mistake("sum_squared_error", hint=SSE_NOT_SQUARED)
def errors_not_squared(mu, data):
    return np.sum(data - mu)


@mistake("sum_squared_error", hint=SSE_ABSOLUTE)
def absolute_errors(mu, data):
    return np.sum(np.abs(data - mu))


@mistake("sum_squared_error", hint=SSE_NORM)
def norm_not_squared(mu, data):
    return np.linalg.norm(data - mu)


@mistake("sum_squared_error", hint=SSE_HALF)
def half_sum_of_squares(mu, data):
    return 0.5 * np.sum((data - mu) ** 2)

# -------------------------------------------------------------------------- merge_moments

MM_NO_CROSS = (
    "M2 of the union is not just M2_a + M2_b: each sample's deviations are measured from its own "
    "mean, so add the cross term delta^2 n_a n_b / n for the distance delta between the means."
)
MM_UNWEIGHTED = (
    "The union's mean weights each sample's mean by its count: (n_a mean_a + n_b mean_b) / n, "
    "not (mean_a + mean_b) / 2."
)
MM_CROSS_NOT_DIVIDED = (
    "The cross term is delta^2 n_a n_b / n: divide by the total count n = n_a + n_b."
)
MM_FLOAT_COUNT = (
    "A count is a whole number: return n_a + n_b as an int (it is one already, if you do not "
    "convert it)."
)
MM_EMPTY = (
    "Two empty samples make an empty union (0, 0.0, 0.0): when n = n_a + n_b is 0, return that "
    "before dividing by n."
)
MM_VARIANCE = (
    "M2 is the sum of squared deviations, not the variance: do not divide it by the count."
)


@mistake("merge_moments", hint=MM_NO_CROSS)
def m2_without_cross_term(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    return n, (n_a * mean_a + n_b * mean_b) / n, m2_a + m2_b


@mistake("merge_moments", hint=MM_UNWEIGHTED)
def unweighted_mean_of_means(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, (mean_a + mean_b) / 2, m2_a + m2_b + delta**2 * n_a * n_b / n


@mistake("merge_moments", hint=MM_CROSS_NOT_DIVIDED)
def cross_term_not_divided(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b


@mistake("merge_moments", hint=MM_VARIANCE)
def returns_variance(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, (m2_a + m2_b + delta**2 * n_a * n_b / n) / n


@mistake("merge_moments", hint=MM_FLOAT_COUNT)
def float_count(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = float(n_a + n_b)
    if n == 0:
        return 0.0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b / n


@mistake("merge_moments", hint=MM_EMPTY)
def divides_by_zero_when_both_empty(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b / n

# ---------------------------------------------------------------------------- gaussian_kl

KL_SWAPPED = (
    "KL(N1 || N2) is not symmetric: the log term is ln(sigma2 / sigma1) and the quadratic term "
    "is divided by 2 sigma2^2, the variance of the *second* Gaussian. You computed KL(N2 || N1)."
)
KL_NO_HALF = (
    "Check the constant: KL = ln(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2, which is 0 for "
    "two equal Gaussians."
)
KL_VARIANCE = (
    "sigma1 and sigma2 are standard deviations: square them where the formula has variances, "
    "(s1^2 + (m1 - m2)^2) / (2 s2^2), and the log term is ln(s2 / s1)."
)
KL_LOG_INVERTED = (
    "The log term is ln(sigma2 / sigma1): a narrow N1 inside a wide N2 costs a lot "
    "(KL grows as sigma1 shrinks)."
)
KL_NO_TWO = "The quadratic term is divided by 2 sigma2^2, twice the variance of N2."


@mistake("gaussian_kl", hint=KL_SWAPPED)
def swapped_gaussians(mu1, sigma1, mu2, sigma2):
    return np.log(sigma1 / sigma2) + (sigma2**2 + (mu1 - mu2) ** 2) / (2 * sigma1**2) - 0.5


@mistake("gaussian_kl", hint=KL_NO_HALF)
def missing_minus_half(mu1, sigma1, mu2, sigma2):
    return np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)


@mistake("gaussian_kl", hint=KL_VARIANCE)
def sigmas_used_as_variances(mu1, sigma1, mu2, sigma2):
    return 0.5 * np.log(sigma2 / sigma1) + (sigma1 + (mu1 - mu2) ** 2) / (2 * sigma2) - 0.5


@mistake("gaussian_kl", hint=KL_LOG_INVERTED)
def log_ratio_inverted(mu1, sigma1, mu2, sigma2):
    return np.log(sigma1 / sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2) - 0.5


@mistake("gaussian_kl", hint=KL_NO_TWO)
def missing_two_in_denominator(mu1, sigma1, mu2, sigma2):
    return np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / sigma2**2 - 0.5

# -------------------------------------------------------------------- gaussian_kl_formula

KLF_SWAPPED = (
    "KL is not symmetric: the log term is ln(sigma2 / sigma1) and the quadratic term is divided "
    "by 2 sigma2^2. You wrote KL(N2 || N1)."
)
KLF_NO_HALF = "Check the constant: the divergence of a Gaussian from itself must be 0 (the -1/2)."
KLF_LOG_INVERTED = "The log term is ln(sigma2 / sigma1), not ln(sigma1 / sigma2)."
KLF_NO_TWO = "The quadratic term is divided by 2 sigma2^2, twice the variance of N2."


@mistake("gaussian_kl_formula", hint=KLF_SWAPPED)
def swapped_gaussians_formula(mu1, sigma1, mu2, sigma2):
    return sp.log(sigma1 / sigma2) + (sigma2**2 + (mu1 - mu2) ** 2) / (2 * sigma1**2) - sp.S.Half


@mistake("gaussian_kl_formula", hint=KLF_NO_HALF)
def missing_minus_half_formula(mu1, sigma1, mu2, sigma2):
    return sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)


@mistake("gaussian_kl_formula", hint=KLF_LOG_INVERTED)
def log_ratio_inverted_formula(mu1, sigma1, mu2, sigma2):
    return sp.log(sigma1 / sigma2) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2) - sp.S.Half


@mistake("gaussian_kl_formula", hint=KLF_NO_TWO)
def missing_two_formula(mu1, sigma1, mu2, sigma2):
    return sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / sigma2**2 - sp.S.Half

# -------------------------------------------------------------------------- bernoulli_mle

MLE_TAILS = "The likelihood theta^k (1 - theta)^(n - k) is largest at the fraction of *heads*."
MLE_SMOOTHED = (
    "(k + 1) / (n + 2) is Laplace's rule of succession, the posterior mean under a uniform "
    "prior; the maximum-likelihood estimate has no pseudo-counts."
)
MLE_LIST = (
    "sp.solve returns a list of solutions: return the solution itself (the list's only "
    "element), not the list."
)
MLE_INVERTED = "The estimate is a probability between 0 and 1: heads divided by tosses."


@mistake("bernoulli_mle", hint=MLE_TAILS)
def fraction_of_tails(k, n):
    return (n - k) / n


@mistake("bernoulli_mle", hint=MLE_SMOOTHED)
def laplace_smoothing(k, n):
    return (k + 1) / (n + 2)


@mistake("bernoulli_mle", hint=MLE_LIST)
def solve_returns_a_list(k, n):
    theta = sp.Symbol("theta", positive=True)
    log_likelihood = k * sp.log(theta) + (n - k) * sp.log(1 - theta)
    return sp.solve(sp.diff(log_likelihood, theta), theta)


@mistake("bernoulli_mle", hint=MLE_INVERTED)
def tosses_over_heads(k, n):
    return n / k

# ---------------------------------------------------------------- logistic_loss_derivative

LLD_SIGN = (
    "Mind the sign: the loss has a minus in front, and the derivative is sigmoid(z) - y "
    "(positive when the prediction is too high)."
)
LLD_NO_LABEL = "The label matters: the derivative is sigmoid(z) - y, the prediction's error."
LLD_OUTER_ONLY = (
    "Chain rule: you have dL/dp at p = sigmoid(z); multiply by the inner derivative "
    "dp/dz = sigmoid(z) (1 - sigmoid(z)). Everything then cancels to sigmoid(z) - y."
)
LLD_INNER_ONLY = (
    "sigmoid(z) (1 - sigmoid(z)) is the derivative of the sigmoid alone; the loss's derivative "
    "also involves the label: sigmoid(z) - y."
)


@mistake("logistic_loss_derivative", hint=LLD_SIGN)
def label_minus_sigmoid(z, y):
    return y - 1 / (1 + sp.exp(-z))


@mistake("logistic_loss_derivative", hint=LLD_NO_LABEL)
def sigmoid_without_label(z, y):
    return 1 / (1 + sp.exp(-z))


@mistake("logistic_loss_derivative", hint=LLD_OUTER_ONLY)
def outer_derivative_only(z, y):
    s = 1 / (1 + sp.exp(-z))
    return -y / s + (1 - y) / (1 - s)


@mistake("logistic_loss_derivative", hint=LLD_INNER_ONLY)
def sigmoid_derivative_only(z, y):
    s = 1 / (1 + sp.exp(-z))
    return s * (1 - s)

# ------------------------------------------------------------------ affine_flow_log_density

FLOW_NO_LOGDET = (
    "Change of variables: p_Y(y) = p_X(x) / |det J|, so subtract the log-volume change "
    "sum_i ln |scale_i|; without it the density does not integrate to 1."
)
FLOW_PLUS_LOGDET = (
    "Stretching by |scale| spreads the probability thinner: subtract sum ln |scale_i| (the log "
    "of the Jacobian of y = scale x + shift), do not add it."
)
FLOW_NO_ABS = (
    "A negative scale flips an axis but still stretches it by |scale|: use ln |scale_i| "
    "(np.log(np.abs(scale))); ln of a negative number is nan."
)
FLOW_FORWARD = (
    "Evaluate the base density at the *pre-image* x = (y - shift) / scale, not at the forward "
    "image scale * y + shift."
)
FLOW_NO_CONSTANT = (
    "The standard normal's log-density is -x^2/2 - ln(2 pi)/2 per dimension: keep the "
    "normalising constant."
)


@mistake("affine_flow_log_density", hint=FLOW_NO_LOGDET)
def no_log_determinant(y, scale, shift):
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi))


@mistake("affine_flow_log_density", hint=FLOW_PLUS_LOGDET)
def log_determinant_added(y, scale, shift):
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) + np.sum(np.log(np.abs(scale)))


@mistake("affine_flow_log_density", hint=FLOW_NO_ABS)
def log_of_signed_scale(y, scale, shift):
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) - np.sum(np.log(scale))


@mistake("affine_flow_log_density", hint=FLOW_FORWARD)
def forward_map_instead_of_inverse(y, scale, shift):
    x = scale * y + shift
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) - np.sum(np.log(np.abs(scale)))


@mistake("affine_flow_log_density", hint=FLOW_NO_CONSTANT)
def no_normalising_constant_flow(y, scale, shift):
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2) - np.sum(np.log(np.abs(scale)))

# ----------------------------------------------------------------- forward_gradient_variance

FG_SECOND_MOMENT = (
    "Var[X] = E[X^2] - (E[X])^2: E[(g . v)^2 v_i^2] = ||g||^2 + 2 g_i^2, and the estimate is "
    "unbiased (E = g_i), so subtract g_i^2."
)
FG_ONLY_OWN = (
    "Every entry of the estimate picks up noise from the *whole* gradient through g . v: the "
    "variance is ||g||^2 + g_i^2, not g_i^2 alone."
)
FG_ONLY_NORM = (
    "Close: E[(g . v)^2 v_i^2] = ||g||^2 + 2 g_i^2 (v_i appears in g . v too), so the variance "
    "is ||g||^2 + g_i^2."
)
FG_STD = "The variance, not the standard deviation: no square root."


@mistake("forward_gradient_variance", hint=FG_SECOND_MOMENT)
def second_moment_not_variance(grad):
    return np.sum(grad**2) + 2 * grad**2


@mistake("forward_gradient_variance", hint=FG_ONLY_OWN)
def own_entry_only(grad):
    return grad**2


@mistake("forward_gradient_variance", hint=FG_ONLY_NORM)
def squared_norm_only(grad):
    return np.full(grad.shape, np.sum(grad**2))


@mistake("forward_gradient_variance", hint=FG_STD)
def standard_deviation(grad):
    return np.sqrt(np.sum(grad**2) + grad**2)

# ---------------------------------------------------------------------- shift_decomposition

SD_UNWEIGHTED = (
    "The conditional part averages the per-x divergences KL(p(y|x) || q(y|x)) with the weights "
    "p(x): sum_x p(x) KL(...), not a plain sum over x."
)
SD_Q_WEIGHTS = (
    "Weight the conditional divergences by p(x), the distribution the data come from, not by "
    "q(x)."
)
SD_NOT_NORMALISED = (
    "The conditionals are the rows divided by their sums, p(y|x) = p(x, y) / p(x); the rows of "
    "the joint table are not pmfs."
)
SD_COLUMNS = (
    "x indexes the rows (axis 0): the marginal p(x) sums each row (axis=1), and the conditionals "
    "p(y|x) are the normalised rows."
)


@mistake("shift_decomposition", hint=SD_UNWEIGHTED)
def conditionals_not_weighted(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        if p_x[i] > 0:
            p_y, q_y = p_joint[i] / p_x[i], q_joint[i] / q_x[i]
            keep = p_y > 0
            conditional += np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake("shift_decomposition", hint=SD_Q_WEIGHTS)
def weighted_by_q(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        if p_x[i] > 0:
            p_y, q_y = p_joint[i] / p_x[i], q_joint[i] / q_x[i]
            keep = p_y > 0
            conditional += q_x[i] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake("shift_decomposition", hint=SD_NOT_NORMALISED)
def rows_not_normalised(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        p_y, q_y = p_joint[i], q_joint[i]
        keep = p_y > 0
        conditional += p_x[i] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake("shift_decomposition", hint=SD_COLUMNS)
def conditioned_on_columns(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=0), q_joint.sum(axis=0)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for j in range(len(p_x)):
        if p_x[j] > 0:
            p_y, q_y = p_joint[:, j] / p_x[j], q_joint[:, j] / q_x[j]
            keep = p_y > 0
            conditional += p_x[j] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional
