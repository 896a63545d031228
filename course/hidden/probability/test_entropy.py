"""Hidden tests for `entropy(p)`: H(p) = -sum_i p_i ln p_i, with 0 ln 0 = 0 (nats)."""

import numpy as np
import pytest
from hypothesis import given, seed

from autograder.compare import assert_close, check_calls, format_value
from autograder.strategies import pmfs, positive_pmfs

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
