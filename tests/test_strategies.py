"""Tests for autograder.suite.strategies: each strategy draws what it promises, repeatably."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, find, given, seed, settings
from hypothesis import strategies as st

from autograder.suite.strategies import (
    SETTINGS,
    logits,
    mathgrade_settings,
    matrices,
    pmfs,
    positive_pmfs,
    vectors,
)

FAST = mathgrade_settings(max_examples=60)
SEARCH = mathgrade_settings(max_examples=300)


def _is_pmf(p: np.ndarray) -> bool:
    return (
        p.ndim == 1 and p.dtype == np.float64 and bool(np.all(p >= 0))
        and abs(p.sum() - 1.0) <= 1e-12
    )


@FAST
@given(p=pmfs(2, 6))
def test_pmfs_are_pmfs(p):
    assert _is_pmf(p) and 2 <= p.size <= 6


@FAST
@given(p=positive_pmfs(1, 5))
def test_positive_pmfs_are_strictly_positive(p):
    assert _is_pmf(p) and np.all(p > 0) and 1 <= p.size <= 5


@FAST
@given(p=pmfs(allow_zeros=False))
def test_pmfs_without_zeros_are_positive(p):
    assert np.all(p > 0)


def test_pmfs_include_one_hot_uniform_and_zeros():
    one_hot = find(pmfs(3, 3), lambda p: np.count_nonzero(p) == 1, settings=SEARCH)
    assert sorted(one_hot.tolist()) == [0.0, 0.0, 1.0]
    uniform = find(pmfs(4, 4), lambda p: np.all(p == 0.25), settings=SEARCH)
    assert uniform.tolist() == [0.25] * 4
    mixed = find(pmfs(3, 8), lambda p: 0 < np.count_nonzero(p) < p.size - 1, settings=SEARCH)
    assert _is_pmf(mixed)


def test_zeros_appear_often():
    seen = []

    @mathgrade_settings(max_examples=100)
    @given(p=pmfs(2, 8))
    def collect(p):
        seen.append(bool(np.any(p == 0)))

    collect()
    assert sum(seen) >= len(seen) / 3


@FAST
@given(xs=logits(2, 6, magnitude=50.0))
def test_logits_are_finite_and_bounded(xs):
    assert xs.dtype == np.float64 and 2 <= xs.size <= 6
    assert np.all(np.isfinite(xs)) and np.all(np.abs(xs) <= 50.0)


def test_logits_include_mixed_sign_extremes():
    found = find(logits(2), lambda x: (x == -1e3).any() and (x == 1e3).any(), settings=SEARCH)
    assert sorted(found.tolist()) == [-1000.0, 1000.0]  # shrunk to the shortest such array


@FAST
@given(v=vectors((0, 4), bound=2.0), w=vectors(3))
def test_vectors(v, w):
    assert v.ndim == 1 and 0 <= v.size <= 4 and np.all(np.abs(v) <= 2.0)
    assert w.shape == (3,) and np.all(np.abs(w) <= 10.0)


@FAST
@given(a=matrices((1, 4), 3, bound=1.5))
def test_plain_matrices(a):
    assert a.ndim == 2 and 1 <= a.shape[0] <= 4 and a.shape[1] == 3
    assert np.all(np.isfinite(a)) and np.all(np.abs(a) <= 1.5)


@FAST
@given(data=st.data(), rank=st.integers(0, 3))
def test_matrices_of_exact_rank(data, rank):
    a = data.draw(matrices((3, 6), (3, 5), rank=rank, bound=4.0))
    assert 3 <= a.shape[0] <= 6 and 3 <= a.shape[1] <= 5
    assert np.linalg.matrix_rank(a) == rank
    assert np.all(np.abs(a) <= 4.0 + 1e-12)


@FAST
@given(a=matrices((1, 6), (1, 4), full_column_rank=True))
def test_full_column_rank(a):
    rows, cols = a.shape
    assert rows >= cols and np.linalg.matrix_rank(a) == cols
    assert np.linalg.cond(a) < 1e6  # well conditioned enough for least squares


def test_low_rank_shrinks_to_an_identity_like_matrix():
    found = find(matrices(3, 3, rank=2), lambda a: True, settings=SEARCH)
    assert np.array_equal(found, np.diag([1.0, 1.0, 0.0]) * found[0, 0])


@pytest.mark.parametrize(
    "make",
    [
        lambda: matrices(2, 3, rank=3),
        lambda: matrices(2, 3, rank=1, full_column_rank=True),
        lambda: matrices(2, (3, 4), full_column_rank=True),
        lambda: vectors((3, 1)),
        lambda: pmfs(0, 3),
    ],
)
def test_impossible_requests_raise(make):
    with pytest.raises(ValueError):
        make()


def test_settings_are_deterministic_and_registered():
    s = mathgrade_settings()
    assert s.derandomize and s.database is None and s.deadline is None
    assert s.max_examples == 25 and s.print_blob is False
    assert HealthCheck.too_slow in s.suppress_health_check
    assert HealthCheck.differing_executors in s.suppress_health_check
    assert mathgrade_settings(max_examples=5).max_examples == 5
    profile = settings.get_profile("mathgrade")
    for key, value in SETTINGS.items():
        assert getattr(profile, key) == (tuple(value) if isinstance(value, list) else value)


def test_importing_does_not_load_the_profile():
    # Compared with the settings before the import: under CI=true hypothesis itself loads a
    # derandomized "ci" profile, so absolute values would depend on the environment.
    code = ("import hypothesis; before = repr(hypothesis.settings()); "
            "import autograder.suite.strategies; print(before == repr(hypothesis.settings()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_draws_repeat_across_runs():
    def draw_all():
        out = []

        @mathgrade_settings(max_examples=10)
        @given(p=pmfs(), a=matrices(3, 2, rank=1), xs=logits())
        def collect(p, a, xs):
            out.append((p.tolist(), a.tolist(), xs.tolist()))

        collect()
        return out

    assert draw_all() == draw_all()


def test_examples_do_not_depend_on_which_local_modules_are_loaded(tmp_path, monkeypatch):
    from autograder.suite.strategies import without_local_constants

    def examples():
        seen = []

        @seed(99)
        @mathgrade_settings(max_examples=60)
        @given(st.floats(-100, 100))
        def collect(x):
            seen.append(x)

        collect()
        return seen

    with without_local_constants():
        before = examples()
    (tmp_path / "course_helpers.py").write_text("MAGIC = [37.4271, -12.918, 4242]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("course_helpers")
    with without_local_constants():
        after = examples()
    assert before == after


def test_two_distinct_failures_raise_one_exception_not_a_group():
    @mathgrade_settings()
    @given(x=st.integers(-100, 100))
    def property_with_two_bugs(x):
        if x > 5:
            raise AssertionError("too big")
        if x < -5:
            raise ValueError("too small")

    with pytest.raises((AssertionError, ValueError)) as info:
        property_with_two_bugs()
    assert not isinstance(info.value, BaseExceptionGroup)
