"""Suite plugin helpers: exercise names, points, and seeds pinned per test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.grading.plugin import exercise_of, pin_hypothesis_seed, points_of


class FakeItem(SimpleNamespace):
    def get_closest_marker(self, name):
        return self.marker if name == "points" else None


def test_exercise_is_the_file_name_and_points_default_to_one():
    item = FakeItem(fspath="/c/hidden/probability/test_entropy.py", marker=None)
    assert exercise_of(item) == "entropy"
    assert points_of(item) == 1.0
    item.marker = pytest.mark.points(3).mark
    assert points_of(item) == 3.0


def test_seed_comes_from_the_test_name_and_an_explicit_seed_wins():
    @given(st.integers())
    def test_one(x):
        pass

    @seed(7)
    @given(st.integers())
    def test_two(x):
        pass

    item = FakeItem(fspath="/c/test_entropy.py", originalname="test_one", obj=test_one)
    pin_hypothesis_seed(item)
    pinned = test_one._hypothesis_internal_use_seed
    assert isinstance(pinned, int)
    pin_hypothesis_seed(item)
    assert test_one._hypothesis_internal_use_seed == pinned
    pin_hypothesis_seed(FakeItem(fspath="/c/test_entropy.py", originalname="test_two",
                                 obj=test_two))
    assert test_two._hypothesis_internal_use_seed == 7
