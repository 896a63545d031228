"""Hidden tests for `divergence(p, q)`: KL(p || q) = sum_i p_i ln(p_i / q_i).

Terms with p_i = 0 contribute 0, also where q_i = 0. Pairs with q_i = 0 < p_i (infinite
divergence) are outside the contract and never used.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import pmfs, positive_pmfs

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(p, q):
    """KL(p || q) in nats, summed over the outcomes with p_i > 0 only."""
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def pmf(*values):
    return np.array(values, dtype=float)


@st.composite
def pairs(draw, zeros_in_q=False):
    """p (zeros allowed) and a positive q of the same length; with `zeros_in_q`, q is also
    set to zero on some of the outcomes where p is zero (then renormalised)."""
    n = draw(st.integers(min_value=1, max_value=10))
    p = draw(pmfs(min_size=n, max_size=n, allow_zeros=True))
    q = draw(positive_pmfs(min_size=n, max_size=n))
    if zeros_in_q:
        drop = draw(st.lists(st.booleans(), min_size=n, max_size=n))
        q = np.where((p == 0) & np.array(drop, dtype=bool), 0.0, q)
        q = q / q.sum()
    return p, q


FIXED = [
    (pmf(0.5, 0.5), pmf(0.25, 0.75)),
    (pmf(0.1, 0.2, 0.7), pmf(0.3, 0.3, 0.4)),
    (pmf(0.9, 0.1), pmf(0.5, 0.5)),
    (pmf(0.2, 0.3, 0.5), pmf(0.2, 0.3, 0.5)),
]
# p_i = 0 < q_i on some outcomes; the last pair is a control without zeros.
ZERO_IN_P = [
    (pmf(0.5, 0.5, 0.0), pmf(0.25, 0.25, 0.5)),
    (pmf(0.0, 1.0), pmf(0.5, 0.5)),
    (pmf(0.2, 0.0, 0.8), pmf(0.1, 0.6, 0.3)),
    (pmf(0.4, 0.6), pmf(0.7, 0.3)),
]
# p_i = q_i = 0 on some outcomes. The second pair has p_i = 0 < q_i only, the last is a
# control without zeros: together they tell apart the ways of getting zeros wrong.
ZERO_IN_BOTH = [
    (pmf(0.5, 0.0, 0.5), pmf(0.25, 0.0, 0.75)),
    (pmf(0.0, 0.5, 0.5), pmf(0.2, 0.4, 0.4)),
    (pmf(0.0, 1.0), pmf(0.0, 1.0)),
    (pmf(0.0, 0.3, 0.0, 0.7), pmf(0.0, 0.5, 0.1, 0.4)),
    (pmf(0.4, 0.6), pmf(0.7, 0.3)),
]


def assert_all_close(student, inputs):
    check_calls(student.divergence, reference, inputs, names=("p", "q"))


@pytest.mark.points(3)
def test_fixed_pairs(student):
    """KL(p || q) = sum p ln(p / q); it is 0 when q = p, and it is not symmetric."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_zero_in_p(student):
    """Terms with p_i = 0 contribute 0 (0 ln 0 = 0), even though ln(0 / q_i) = -inf."""
    assert_all_close(student, ZERO_IN_P)


@pytest.mark.points(1)
def test_zero_in_p_and_q(student):
    """Terms with p_i = 0 contribute 0 also where q_i = 0 (then p_i / q_i = 0 / 0 = nan)."""
    assert_all_close(student, ZERO_IN_BOTH)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs(zeros_in_q=True))
def test_matches_reference_on_random_pairs(student, pair):
    p, q = pair
    assert_close(student.divergence(p, q), reference(p, q), inputs={"p": p, "q": q})


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs())
def test_gibbs_inequality(student, pair):
    """KL(p || q) >= 0, and KL(p || p) = 0."""
    p, q = pair
    against_q = student.divergence(p, q)
    against_p = student.divergence(p, p)
    assert_close(against_p, 0.0, inputs={"p": p, "q": p})
    assert np.ndim(against_q) == 0 and float(against_q) >= -1e-9, (
        f"Gibbs' inequality says KL(p || q) >= 0, got {format_value(against_q)} for "
        f"p = {format_value(p)}, q = {format_value(q)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    p, q = pmf(0.5, 0.0, 0.5), pmf(0.25, 0.0, 0.75)
    _, (p_after, q_after) = student.divergence.call_and_return_args(p.copy(), q.copy())
    for name, before, after in (("p", p, p_after), ("q", q, q_after)):
        assert np.array_equal(after, before), (
            f"divergence(p, q) changed its argument {name}: {format_value(before)} before the "
            f"call, {format_value(after)} after it. Compute with new arrays instead of assigning "
            "into the inputs."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def ratio_before_masking(p, q):
    """Where p_i = q_i = 0, p_i / q_i is 0/0 = nan before xlogy ever sees it. Leave out the
    terms with p_i = 0 before dividing (mask = p > 0), or use scipy.special.rel_entr(p, q).
    """
    from scipy.special import xlogy

    return np.sum(xlogy(p, p / q))


@mistake
def divergence_no_zero_handling(p, q):
    """Terms with p_i = 0 must contribute 0, but 0 * np.log(0) is nan. Sum only over the
    outcomes with p_i > 0 (mask = p > 0).
    """
    return np.sum(p * np.log(p / q))


@mistake
def divergence_swapped_arguments(p, q):
    """KL(N1 || N2) is not symmetric: the log term is ln(sigma2 / sigma1) and the quadratic term
    is divided by 2 sigma2^2, the variance of the *second* Gaussian. You computed KL(N2 ||
    N1).
    """
    return np.sum(q * np.log(q / p))


@mistake
def inverted_ratio(p, q):
    """The ratio is p over q: sum p_i ln(p_i / q_i). With q / p you get minus the divergence,
    which Gibbs' inequality says can't be positive.
    """
    mask = p > 0
    return np.sum(p[mask] * np.log(q[mask] / p[mask]))


@mistake
def divergence_log_base_2(p, q):
    """Use the natural log np.log (nats), not np.log2 (bits)."""
    mask = p > 0
    return np.sum(p[mask] * np.log2(p[mask] / q[mask]))


@mistake
def unweighted_log_ratio(p, q):
    """Each log-ratio ln(p_i / q_i) must be weighted by p_i: KL(p || q) = sum p_i ln(p_i / q_i)."""
    mask = p > 0
    return np.sum(np.log(p[mask] / q[mask]))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_math_log_skipping_zero_p(p, q):
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi > 0:
            total += pi * math.log(pi / qi)
    return total


@alternative
def scipy_rel_entr(p, q):
    from scipy.special import rel_entr

    return np.sum(rel_entr(p, q))


@alternative
def where_with_safe_ratio(p, q):
    seen = p > 0
    ratio = np.where(seen, p, 1.0) / np.where(seen, q, 1.0)
    return np.sum(np.where(seen, p * np.log(ratio), 0.0))


@alternative
def scipy_stats_entropy_of_two(p, q):
    from scipy.stats import entropy

    return entropy(p, q)


@alternative
def masked_log_of_ratio(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 where p_i = q_i = 0
        return np.sum(p * np.ma.log(p / q))


@alternative
def crossentropy_minus_entropy(p, q):
    from scipy.special import xlogy

    return np.sum(xlogy(p, p)) - np.sum(xlogy(p, q))  # H(p, q) - H(p)


@alternative
def mask_after_dividing_with_warnings(p, q):
    terms = p * np.log(p / q)  # nan (and a RuntimeWarning) where p_i = q_i = 0
    return np.sum(terms[p > 0])
