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
