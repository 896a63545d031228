"""Hidden tests for `surprise(p, i)`: s_i = -ln p[i] (nats).

The contract only asks for indices with p[i] > 0; other entries of p may be zero.
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


def reference(p, i):
    return float(-np.log(p[i]))


def pmf(*values):
    return np.array(values, dtype=float)


@st.composite
def pmf_and_index(draw):
    """A pmf (zeros allowed) and the index of one of its positive entries."""
    p = draw(pmfs(min_size=1, max_size=12, allow_zeros=True))
    positive = [int(k) for k in np.flatnonzero(p > 0)]
    return p, draw(st.sampled_from(positive))


FIXED = [
    (pmf(0.5, 0.5), 0),
    (pmf(0.25, 0.25, 0.5), 2),
    (pmf(0.1, 0.2, 0.3, 0.4), 0),
    (pmf(0.9, 0.1), 1),
    (pmf(0.9, 0.1), 0),
]
# A sure outcome (no surprise at all) and zeros on the other outcomes; the last is a control.
EDGE = [
    (pmf(1.0), 0),
    (pmf(0.0, 1.0), 1),
    (pmf(0.5, 0.0, 0.5), 2),
    (pmf(0.0, 0.25, 0.0, 0.75), 1),
    (pmf(0.3, 0.7), 0),
]


def assert_all_close(student, inputs):
    check_calls(student.surprise, reference, inputs, names=("p", "i"))


@pytest.mark.points(3)
def test_fixed_outcomes(student):
    """surprise([0.5, 0.5], 0) = ln 2; rarer outcomes are more surprising."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_sure_outcome_and_zeros_elsewhere(student):
    """A sure outcome has surprise 0; zero entries at other indices do not matter."""
    assert_all_close(student, EDGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=pmf_and_index())
def test_matches_reference_on_random_pmfs(student, case):
    p, i = case
    assert_close(student.surprise(p, i), reference(p, i), inputs={"p": p, "i": i})


@pytest.mark.points(1)
@seed(SEED)
@given(p=pmfs(min_size=2, max_size=8, allow_zeros=False))
def test_rarer_is_more_surprising(student, p):
    """Surprise is >= 0, and a less likely outcome is at least as surprising."""
    rare, common = int(np.argmin(p)), int(np.argmax(p))
    s_rare, s_common = student.surprise(p, rare), student.surprise(p, common)
    for s, i in ((s_rare, rare), (s_common, common)):
        assert np.ndim(s) == 0 and not isinstance(s, bool | np.bool_) and float(s) >= -1e-9, (
            f"surprise(p, i) should be one number >= 0, got {format_value(s)} for "
            f"p = {format_value(p)}, i = {i}"
        )
    assert float(s_rare) >= float(s_common) * (1 - 1e-6) - 1e-9, (
        f"p[{rare}] = {p[rare]:.6g} <= p[{common}] = {p[common]:.6g}, so outcome {rare} "
        f"should be at least as surprising, got {format_value(s_rare)} and "
        f"{format_value(s_common)} for p = {format_value(p)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    p = pmf(0.5, 0.0, 0.25, 0.25)
    _, (after, _) = student.surprise.call_and_return_args(p.copy(), 2)
    assert np.array_equal(after, p), (
        f"surprise(p, i) changed its argument: p = {format_value(p)} before the call, "
        f"{format_value(after)} after it. Leave the caller's array alone."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def surprise_log_base_2(p, i):
    """Surprise is measured in nats here: use the natural log np.log, not np.log2 (bits)."""
    return -np.log2(p[i])


@mistake
def surprise_missing_minus(p, i):
    """ln p[i] <= 0 for a probability, so the surprise is its negative, -ln p[i], which is never
    below 0.
    """
    return np.log(p[i])


@mistake
def surprise_without_log(p, i):
    """1 / p[i] grows with rarity, but surprises of independent events must add, which takes a
    logarithm: -ln p[i] = ln(1 / p[i]).
    """
    return 1 / p[i]


@mistake
def surprise_entropy_instead(p, i):
    """That is the entropy, the average surprise over all outcomes; the surprise of outcome i
    alone is -ln p[i].
    """
    nonzero = p[p > 0]
    return -np.sum(nonzero * np.log(nonzero))


@mistake
def surprise_of_complement(p, i):
    """The surprise depends on the probability of the outcome that happened, p[i]: -ln p[i], not
    -ln(1 - p[i]) (the probability that it does not happen).
    """
    return -np.log(1 - p[i])


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def math_log(p, i):
    return -math.log(p[i])


@alternative
def log_of_reciprocal(p, i):
    return np.log(1 / p[i])


@alternative
def log_the_whole_pmf_then_index(p, i):
    with np.errstate(divide="ignore"):  # other entries may be 0
        surprises = -np.log(p)
    return surprises[i]


@alternative
def index_after_log_with_warnings(p, i):
    return -np.log(p)[i]  # RuntimeWarning (log of 0) when another entry is 0


@alternative
def bits_converted_to_nats(p, i):
    return -np.log2(p[i]) * np.log(2)
