"""Hidden tests for `crossentropy(p, q)`: H(p, q) = -sum_i p_i ln q_i (p target, q model).

The contract only asks for q strictly positive; the target p may have zero entries.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.compare import assert_close, check_calls, format_value
from autograder.strategies import pmfs, positive_pmfs

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
