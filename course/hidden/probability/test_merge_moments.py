"""Hidden tests for `merge_moments(a, b)`: the (count, mean, M2) of the union of two samples.

a and b are (count, mean, M2) with M2 = sum of squared deviations from the sample's mean;
a sample may be empty, (0, 0.0, 0.0). The count comes back as an int.
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.suite.compare import assert_close, check_calls, format_value
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
EMPTY = (0, 0.0, 0.0)


def moments(xs):
    """(count, mean, M2) of a sample, computed directly (two passes)."""
    xs = np.asarray(xs, dtype=float)
    if len(xs) == 0:
        return EMPTY
    mean = float(np.mean(xs))
    return len(xs), mean, float(np.sum((xs - mean) ** 2))


def reference(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return EMPTY
    delta = mean_b - mean_a
    mean = mean_a + delta * n_b / n
    return n, mean, m2_a + m2_b + delta**2 * n_a * n_b / n


def pair(xs, ys):
    return moments(xs), moments(ys)


FIXED = [
    pair([1.0, 2.0, 3.0], [4.0, 5.0]),
    pair([0.0], [10.0]),
    pair([2.0, 4.0], [2.0, 4.0]),
    pair([1.0, 1.0, 1.0], [3.0]),
    pair([-1.0, 1.0, 5.0, 7.0], [0.5, 0.25, -2.0]),
]
# One empty side: the union is the other sample, unchanged.
ONE_EMPTY = [
    pair([], [1.0, 2.0, 4.0]),
    pair([3.0, 5.0], []),
    pair([], [7.0]),
]
# Far from zero, with a small spread: the stable update keeps M2 accurate.
LARGE = [
    pair([1e6 + 1.0, 1e6 + 2.0], [1e6 + 3.0, 1e6 + 4.0, 1e6 + 5.0]),
    pair([1e8, 1e8 + 1.0], [1e8 + 0.5]),
]

SAMPLES = hnp.arrays(np.float64, st.integers(1, 8),
                     elements=st.floats(-100, 100, allow_nan=False, allow_subnormal=False))


def assert_all_close(student, cases, **options):
    check_calls(student.merge_moments, reference, cases, names=("a", "b"), **options)


@pytest.mark.points(3)
def test_fixed_samples(student):
    """The union's mean weights each mean by its count; its M2 adds the two M2s and a cross
    term delta^2 n_a n_b / n for the distance between the means."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_one_sample_empty(student):
    """Merging with an empty sample (0, 0.0, 0.0) changes nothing."""
    assert_all_close(student, ONE_EMPTY)


@pytest.mark.points(1)
def test_both_samples_empty(student):
    """Two empty samples make an empty union: (0, 0.0, 0.0), not a division by zero."""
    assert_all_close(student, [ONE_EMPTY[0], (EMPTY, EMPTY)])


@pytest.mark.points(1)
def test_count_is_an_int(student):
    a, b = FIXED[0]
    count = student.merge_moments(a, b)[0]
    assert isinstance(count, int | np.integer) and not isinstance(count, bool | np.bool_), (
        f"For a = {format_value(a)}, b = {format_value(b)}: the count should come back as an "
        f"int (5), got {format_value(count)} ({type(count).__name__}). Add the two counts; "
        "do not turn them into floats."
    )


@pytest.mark.points(2)
@seed(SEED)
@given(xs=SAMPLES, ys=SAMPLES)
def test_matches_the_moments_of_the_concatenated_samples(student, xs, ys):
    """Merging the summaries gives the summary of the union, as a streaming or distributed
    aggregator needs."""
    a, b = moments(xs), moments(ys)
    assert_close(student.merge_moments(a, b), moments(np.concatenate([xs, ys])),
                 rtol=1e-6, atol=1e-6, inputs={"a": a, "b": b})


@pytest.mark.points(1)
def test_large_values_small_spread(student):
    """M2 from the stable update (cross term), not from sums of squares of 1e8-sized values."""
    assert_all_close(student, LARGE, rtol=1e-6, atol=1e-6)


@pytest.mark.points(1)
@seed(SEED)
@given(xs=SAMPLES, ys=SAMPLES)
def test_order_does_not_matter(student, xs, ys):
    """merge(a, b) and merge(b, a) summarise the same union."""
    a, b = moments(xs), moments(ys)
    assert_close(student.merge_moments(b, a), student.merge_moments(a, b), rtol=1e-6,
                 atol=1e-6, inputs={"a": a, "b": b}, what="merge_moments(b, a)")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def m2_without_cross_term(a, b):
    """M2 of the union is not just M2_a + M2_b: each sample's deviations are measured from its
    own mean, so add the cross term delta^2 n_a n_b / n for the distance delta between the
    means.
    """
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    return n, (n_a * mean_a + n_b * mean_b) / n, m2_a + m2_b


@mistake
def unweighted_mean_of_means(a, b):
    """The union's mean weights each sample's mean by its count: (n_a mean_a + n_b mean_b) / n,
    not (mean_a + mean_b) / 2.
    """
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, (mean_a + mean_b) / 2, m2_a + m2_b + delta**2 * n_a * n_b / n


@mistake
def cross_term_not_divided(a, b):
    """The cross term is delta^2 n_a n_b / n: divide by the total count n = n_a + n_b."""
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b


@mistake
def returns_variance(a, b):
    """M2 is the sum of squared deviations, not the variance: do not divide it by the count."""
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, (m2_a + m2_b + delta**2 * n_a * n_b / n) / n


@mistake
def float_count(a, b):
    """A count is a whole number: return n_a + n_b as an int (it is one already, if you do not
    convert it).
    """
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = float(n_a + n_b)
    if n == 0:
        return 0.0, 0.0, 0.0
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b / n


@mistake
def divides_by_zero_when_both_empty(a, b):
    """Two empty samples make an empty union (0, 0.0, 0.0): when n = n_a + n_b is 0, return that
    before dividing by n.
    """
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    delta = mean_b - mean_a
    return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b / n


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def weighted_means_and_deviations(a, b):
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return (0, 0.0, 0.0)
    mean = (n_a * mean_a + n_b * mean_b) / n
    # Each M2 is about its own mean; move both to the union's mean.
    m2 = m2_a + n_a * (mean_a - mean) ** 2 + m2_b + n_b * (mean_b - mean) ** 2
    return (n, mean, m2)


@alternative
def empty_sides_first(a, b):
    if a[0] == 0:
        return tuple(b) if b[0] > 0 else (0, 0.0, 0.0)
    if b[0] == 0:
        return tuple(a)
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = int(n_a + n_b)
    delta = mean_b - mean_a
    return n, (n_a * mean_a + n_b * mean_b) / n, m2_a + m2_b + delta * delta * n_a * n_b / n


@alternative
def sums_of_squares_about_a_pivot(a, b):
    # Sums of squares about mean_a (not about 0, which would cancel catastrophically).
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    sum_dev = n_b * (mean_b - mean_a)                     # sum of (x - mean_a)
    sum_sq_dev = m2_a + m2_b + n_b * (mean_b - mean_a) ** 2  # sum of (x - mean_a)^2
    mean = mean_a + sum_dev / n
    return n, mean, sum_sq_dev - sum_dev**2 / n


@alternative
def numpy_average(a, b):
    counts = np.array([a[0], b[0]])
    means = np.array([a[1], b[1]], dtype=float)
    n = int(counts.sum())
    if n == 0:
        return 0, 0.0, 0.0
    mean = np.average(means, weights=counts)
    m2 = a[2] + b[2] + np.sum(counts * (means - mean) ** 2)
    return n, mean, m2


@alternative
def numpy_integer_count(a, b):
    counts = np.array([a[0], b[0]])
    n = counts.sum()  # an np.int64: an integer, as the suite allows
    if n == 0:
        return 0, 0.0, 0.0
    delta = b[1] - a[1]
    return n, a[1] + delta * b[0] / n, a[2] + b[2] + delta**2 * a[0] * b[0] / n
