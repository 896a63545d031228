"""Hidden tests for `crossentropy(p, q)`: H(p, q) = -sum_i p_i ln q_i (p target, q model).

The contract only asks for q strictly positive; the target p may have zero entries.
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
    return float(-np.sum(p * np.log(q)))


def reference_entropy(p):
    nonzero = p[p > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))


def pmf(*values):
    return np.array(values, dtype=float)


@st.composite
def pairs(draw, allow_zeros=True):
    """A target pmf p (zeros allowed) and a strictly positive model q of the same length."""
    n = draw(st.integers(min_value=1, max_value=10))
    p = draw(pmfs(min_size=n, max_size=n, allow_zeros=allow_zeros))
    q = draw(positive_pmfs(min_size=n, max_size=n))
    return p, q


FIXED = [
    (pmf(0.25, 0.75), pmf(0.5, 0.5)),
    (pmf(0.1, 0.9), pmf(0.3, 0.7)),
    (pmf(0.2, 0.3, 0.5), pmf(0.5, 0.25, 0.25)),
    (pmf(0.5, 0.5), pmf(0.5, 0.5)),
]
# The target puts no mass on some outcomes; the last pair is a control without zeros.
TARGET_WITH_ZEROS = [
    (pmf(0.0, 1.0, 0.0), pmf(0.2, 0.5, 0.3)),
    (pmf(0.5, 0.0, 0.5), pmf(0.25, 0.5, 0.25)),
    (pmf(1.0, 0.0), pmf(0.9, 0.1)),
    (pmf(0.6, 0.4), pmf(0.2, 0.8)),
]


def assert_all_close(student, inputs):
    check_calls(student.crossentropy, reference, inputs, names=("p", "q"))


@pytest.mark.points(3)
def test_fixed_pairs(student):
    """H(p, q) = -sum p ln q: the target p weights the model's surprises -ln q."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_target_with_zero_entries(student):
    """Outcomes the target never produces (p_i = 0) add nothing, whatever q_i is."""
    assert_all_close(student, TARGET_WITH_ZEROS)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs())
def test_matches_reference_on_random_pairs(student, pair):
    p, q = pair
    assert_close(student.crossentropy(p, q), reference(p, q), inputs={"p": p, "q": q})


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs(allow_zeros=False))
def test_gibbs_inequality(student, pair):
    """H(p, q) >= H(p), with equality when the model is the target: H(p, p) = H(p)."""
    p, q = pair
    against_q = student.crossentropy(p, q)
    against_p = student.crossentropy(p, p)
    assert_close(against_p, reference_entropy(p), inputs={"p": p, "q": p})
    floor = reference_entropy(p) * (1 - 1e-6) - 1e-9  # assert_close's leniency
    assert np.ndim(against_q) == 0 and float(against_q) >= floor, (
        f"the cross-entropy H(p, q) can never be smaller than the entropy H(p) = "
        f"{reference_entropy(p):.6g}, got {format_value(against_q)} for p = {format_value(p)}, "
        f"q = {format_value(q)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    p, q = pmf(0.5, 0.0, 0.5), pmf(0.25, 0.25, 0.5)
    _, (p_after, q_after) = student.crossentropy.call_and_return_args(p.copy(), q.copy())
    for name, before, after in (("p", p, p_after), ("q", q, q_after)):
        assert np.array_equal(after, before), (
            f"crossentropy(p, q) changed its argument {name}: {format_value(before)} before the "
            f"call, {format_value(after)} after it. Compute with new arrays instead of assigning "
            "into the inputs."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def swapped_arguments(p, q):
    """The order matters: H(p, q) = -sum p_i ln q_i takes the log of the model q and weights it
    by the target p. You computed -sum q_i ln p_i.
    """
    return -np.sum(q * np.log(p))


@mistake
def crossentropy_log_base_2(p, q):
    """Use the natural log np.log (nats), not np.log2 (bits)."""
    return -np.sum(p * np.log2(q))


@mistake
def crossentropy_missing_minus(p, q):
    """ln q_i <= 0 for probabilities, so sum p ln q is <= 0; the cross-entropy is its negative,
    -sum p_i ln q_i.
    """
    return np.sum(p * np.log(q))


@mistake
def entropy_of_model(p, q):
    """That is the entropy of q alone; cross-entropy weights the model's surprises -ln q_i by
    the target's probabilities p_i: -sum p_i ln q_i.
    """
    return -np.sum(q * np.log(q))


@mistake
def divergence_instead(p, q):
    """sum p ln(p/q) is the KL divergence, which is the cross-entropy minus the entropy of p.
    The cross-entropy itself is -sum p_i ln q_i.
    """
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_math_log_pairs(p, q):
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        total -= pi * math.log(qi)
    return total


@alternative
def dot_product(p, q):
    return -np.dot(p, np.log(q))


@alternative
def scipy_xlogy_pairs(p, q):
    from scipy.special import xlogy

    return -np.sum(xlogy(p, q))


@alternative
def entropy_plus_divergence(p, q):
    from scipy.stats import entropy

    return entropy(p) + entropy(p, q)  # H(p, q) = H(p) + KL(p || q)


@alternative
def reuses_entropy_and_divergence(p, q):
    return entropy(p) + divergence(p, q)  # noqa: F821 (the notebook's own functions)
