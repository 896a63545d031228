"""Hidden tests for `js_divergence(p, q)`: 0.5 KL(p || m) + 0.5 KL(q || m), m = (p + q) / 2.

Terms with p_i = 0 (in KL(p || m)) or q_i = 0 (in KL(q || m)) contribute 0; m_i > 0
wherever either is positive, so the divergence is always finite.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import pmfs

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def kl(p, q):
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def reference(p, q):
    m = (p + q) / 2
    return 0.5 * kl(p, m) + 0.5 * kl(q, m)


def pmf(*values):
    return np.array(values, dtype=float)


@st.composite
def pairs(draw, allow_zeros=True):
    n = draw(st.integers(min_value=1, max_value=10))
    p = draw(pmfs(min_size=n, max_size=n, allow_zeros=allow_zeros))
    q = draw(pmfs(min_size=n, max_size=n, allow_zeros=allow_zeros))
    return p, q


FIXED = [
    (pmf(0.5, 0.5), pmf(0.25, 0.75)),
    (pmf(0.1, 0.2, 0.7), pmf(0.3, 0.3, 0.4)),
    (pmf(0.9, 0.1), pmf(0.5, 0.5)),
    (pmf(0.2, 0.3, 0.5), pmf(0.2, 0.3, 0.5)),
]
# Zeros in p, in q, in both, disjoint supports (JS = ln 2), length 1; the last is a control.
WITH_ZEROS = [
    (pmf(0.5, 0.5, 0.0), pmf(0.25, 0.25, 0.5)),
    (pmf(0.2, 0.8), pmf(0.0, 1.0)),
    (pmf(1.0, 0.0), pmf(0.0, 1.0)),
    (pmf(0.0, 0.3, 0.0, 0.7), pmf(0.0, 0.5, 0.1, 0.4)),
    (pmf(1.0), pmf(1.0)),
    (pmf(0.4, 0.6), pmf(0.7, 0.3)),
]


def assert_all_close(student, inputs):
    check_calls(student.js_divergence, reference, inputs, names=("p", "q"))


def one_number(value, p, q):
    assert np.ndim(value) == 0 and not isinstance(value, bool | np.bool_), (
        f"js_divergence(p, q) should return one number, got {format_value(value)} for "
        f"p = {format_value(p)}, q = {format_value(q)}"
    )
    return float(value)


@pytest.mark.points(3)
def test_fixed_pairs(student):
    """JS(p, q) = (KL(p || m) + KL(q || m)) / 2 with the mixture m = (p + q) / 2."""
    assert_all_close(student, FIXED)


@pytest.mark.points(2)
def test_zero_probabilities(student):
    """Zero entries contribute 0; pmfs with disjoint supports are ln 2 apart."""
    assert_all_close(student, WITH_ZEROS)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs())
def test_matches_reference_on_random_pairs(student, pair):
    p, q = pair
    assert_close(student.js_divergence(p, q), reference(p, q), inputs={"p": p, "q": q})


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs())
def test_symmetric_and_bounded(student, pair):
    """JS(p, q) = JS(q, p), 0 <= JS <= ln 2, and JS(p, p) = 0."""
    p, q = pair
    forward = one_number(student.js_divergence(p, q), p, q)
    backward = student.js_divergence(q, p)
    itself = student.js_divergence(p, p)
    assert_close(backward, forward, inputs={"p": q, "q": p},
                 what="js_divergence(q, p), which equals js_divergence(p, q),")
    assert_close(itself, 0.0, inputs={"p": p, "q": p})
    assert -1e-9 <= forward <= np.log(2) * (1 + 1e-6) + 1e-9, (
        f"the Jensen-Shannon divergence lies between 0 and ln 2 = {np.log(2):.6g}, got "
        f"{format_value(forward)} for p = {format_value(p)}, q = {format_value(q)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    p, q = pmf(0.5, 0.0, 0.5), pmf(0.25, 0.0, 0.75)
    _, (p_after, q_after) = student.js_divergence.call_and_return_args(p.copy(), q.copy())
    for name, before, after in (("p", p, p_after), ("q", q, q_after)):
        assert np.array_equal(after, before), (
            f"js_divergence(p, q) changed its argument {name}: {format_value(before)} before "
            f"the call, {format_value(after)} after it. Compute with new arrays instead of "
            "assigning into the inputs."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def js_no_zero_handling(p, q):
    """Where p_i = 0 (or q_i = 0), 0 * np.log(0) is nan. Those terms contribute 0: sum only over
    p > 0 in KL(p || m) and over q > 0 in KL(q || m) (or use scipy.special.rel_entr).
    """
    m = (p + q) / 2
    return 0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m))


@mistake
def js_log_base_2(p, q):
    """Use the natural log np.log (nats, at most ln 2), not np.log2 (bits, at most 1)."""
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log2(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log2(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q


@mistake
def js_missing_half(p, q):
    """JS is the average of the two divergences from the mixture: 0.5 KL(p || m) + 0.5 KL(q ||
    m). Without the halves you get twice the answer.
    """
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return kl_p + kl_q


@mistake
def js_kl_instead_of_mixture(p, q):
    """Both pmfs are compared with the mixture m = (p + q) / 2, not with each other: JS = 0.5
    KL(p || m) + 0.5 KL(q || m). KL(p || q) is neither symmetric nor bounded.
    """
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))


@mistake
def js_one_sided(p, q):
    """JS is symmetric because it compares both pmfs with the mixture: add 0.5 KL(q || m) to 0.5
    KL(p || m).
    """
    m = (p + q) / 2
    return 0.5 * np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))


@mistake
def js_mixture_not_halved(p, q):
    """The mixture is the average m = (p + q) / 2, a pmf; p + q sums to 2, and the log-ratios
    come out ln 2 too small.
    """
    m = p + q
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_jensenshannon_squared(p, q):
    from scipy.spatial.distance import jensenshannon

    return jensenshannon(p, q) ** 2  # scipy returns the distance, the square root


@alternative
def entropy_of_mixture_minus_mean_entropy(p, q):
    from scipy.special import entr

    m = (p + q) / 2
    return np.sum(entr(m)) - (np.sum(entr(p)) + np.sum(entr(q))) / 2


@alternative
def loop_with_inner_kl(p, q):
    def kl(a, b):
        total = 0.0
        for ai, bi in zip(a, b, strict=True):
            if ai > 0:
                total += ai * math.log(ai / bi)
        return total

    m = [(pi + qi) / 2 for pi, qi in zip(p, q, strict=True)]
    return (kl(p, m) + kl(q, m)) / 2


@alternative
def scipy_rel_entr_to_mixture(p, q):
    from scipy.special import rel_entr

    m = 0.5 * (p + q)
    return 0.5 * rel_entr(p, m).sum() + 0.5 * rel_entr(q, m).sum()


@alternative
def reuses_divergence(p, q):
    m = (p + q) / 2
    return 0.5 * divergence(p, m) + 0.5 * divergence(q, m)  # noqa: F821 (the notebook's)
