"""Hidden tests for `entropy(p)`: H(p) = -sum_i p_i ln p_i, with 0 ln 0 = 0 (nats)."""

import math

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import pmfs, positive_pmfs

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(p):
    """Entropy in nats; zero entries are left out (0 ln 0 = 0)."""
    nonzero = p[p > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))


def pmf(*values):
    return np.array(values, dtype=float)


FIXED = [
    pmf(0.5, 0.5),
    pmf(0.25, 0.25, 0.25, 0.25),
    pmf(0.1, 0.2, 0.3, 0.4),
    pmf(0.9, 0.1),
    pmf(1.0),
]
# Each call but the last has an entry equal to 0; the last is a control without zeros.
WITH_ZEROS = [
    pmf(0.5, 0.5, 0.0),
    pmf(0.0, 1.0),
    pmf(0.25, 0.0, 0.75, 0.0),
    pmf(0.0, 0.2, 0.3, 0.5),
    pmf(0.3, 0.7),
]


def assert_all_close(student, inputs):
    check_calls(student.entropy, reference, [(p,) for p in inputs], names=("p",))


@pytest.mark.points(3)
def test_fixed_pmfs(student):
    """A fair coin has entropy ln 2, a uniform pmf on n outcomes ln n, a sure outcome 0."""
    assert_all_close(student, FIXED)


@pytest.mark.points(2)
def test_zero_probabilities_contribute_nothing(student):
    """0 ln 0 is taken to be 0: np.log(0) = -inf and 0 * -inf = nan must not leak out."""
    assert_all_close(student, WITH_ZEROS)


@pytest.mark.points(2)
@seed(SEED)
@given(p=pmfs(min_size=1, max_size=12, allow_zeros=True))
def test_matches_reference_on_random_pmfs(student, p):
    assert_close(student.entropy(p), reference(p), inputs={"p": p})


@pytest.mark.points(1)
@seed(SEED)
@given(p=positive_pmfs(min_size=1, max_size=12))
def test_between_zero_and_log_n(student, p):
    """0 <= H(p) <= ln n for a pmf on n outcomes."""
    h = student.entropy(p)
    assert np.ndim(h) == 0 and not isinstance(h, bool | np.bool_), (
        f"entropy(p) should return one number, got {format_value(h)} for p = {format_value(p)}"
    )
    h = float(h)
    # The same leniency as assert_close (atol 1e-9, rtol 1e-6) at both ends.
    assert -1e-9 <= h <= np.log(len(p)) * (1 + 1e-6) + 1e-9, (
        f"entropy(p) must lie between 0 and ln n = {np.log(len(p)):.6g} for a pmf of length "
        f"n = {len(p)}, got {format_value(h)} for p = {format_value(p)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    p = pmf(0.5, 0.0, 0.25, 0.25)
    _, (after,) = student.entropy.call_and_return_args(p.copy())
    assert np.array_equal(after, p), (
        f"entropy(p) changed its argument: p = {format_value(p)} before the call, "
        f"{format_value(after)} after it. "
        "Leave the caller's array alone: compute with new arrays (np.where, p[p > 0]) "
        "instead of assigning into p."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def no_zero_handling(p):
    """With p_i = 0, np.log(0) is -inf and 0 * -inf is nan. By convention 0 ln 0 = 0 (the limit
    of p ln p as p -> 0): leave those terms out, e.g. sum only over p[p > 0].
    """
    return -np.sum(p * np.log(p))


@mistake
def log_base_2(p):
    """Entropy here is in nats: use the natural log np.log. np.log2 gives bits, which is the
    answer divided by ln 2 = 0.693.
    """
    return -np.sum(p * np.log2(p))


@mistake
def missing_minus_sign(p):
    """ln p_i is negative for 0 < p_i < 1, so sum(p ln p) is negative; entropy is its negative,
    -sum p ln p, which is never below 0.
    """
    nonzero = p[p > 0]
    return np.sum(nonzero * np.log(nonzero))


@mistake
def mean_instead_of_sum(p):
    """Entropy is the expected surprise, sum_i p_i (-ln p_i): the weights p_i already average,
    so sum the terms instead of taking np.mean (which divides by n once more).
    """
    nonzero = p[p > 0]
    return -np.mean(nonzero * np.log(nonzero))


@mistake
def unweighted_surprise(p):
    """Each outcome's surprise -ln p_i must be weighted by how often it happens, p_i: H(p) =
    -sum p_i ln p_i, not -sum ln p_i.
    """
    nonzero = p[p > 0]
    return -np.sum(np.log(nonzero))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def loop_with_math_log_skipping_zeros(p):
    total = 0.0
    for pi in p:
        if pi > 0:
            total -= pi * math.log(pi)
    return total


@alternative
def where_with_safe_log(p):
    safe = np.where(p > 0, p, 1.0)  # log(1) = 0 on the zero entries
    return -np.sum(p * np.log(safe))


@alternative
def scipy_entr(p):
    from scipy.special import entr

    return np.sum(entr(p))


@alternative
def scipy_xlogy(p):
    from scipy.special import xlogy

    return -xlogy(p, p).sum()


@alternative
def nansum_drops_zero_terms(p):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log(p))


@alternative
def masked_log(p):
    return -np.sum(p * np.ma.log(p))  # np.ma.log masks log(0); the sum skips masked terms


@alternative
def zero_d_array(p):
    from scipy.special import xlogy

    return np.asarray(-np.sum(xlogy(p, p)))


@alternative
def prints_while_working(p):
    print("p =", p)
    nonzero = p[p > 0]
    h = -np.sum(nonzero * np.log(nonzero))
    print("entropy:", h)
    return h


@alternative
def scipy_stats_entropy(p):
    from scipy.stats import entropy

    return entropy(p)
