"""Compatibility with the W&B Math4ML course: its okpy tests hold for our solutions.

The four shared names keep the meaning of the Math4ML linear algebra notebook
(github.com/wandb/edu, math-for-ml/01_linearalgebra/exercises.ipynb). The cases below
reproduce the doctest cases of its okpy tests:

- math-for-ml/01_linearalgebra/utils/tests/q03.py  shape_of_transpose
- math-for-ml/01_linearalgebra/utils/tests/q04.py  repeat_3_2 (here make_repeater(3, 2))
- math-for-ml/01_linearalgebra/utils/tests/q05.py  are_compatible
- math-for-ml/01_linearalgebra/utils/tests/q07.py  refactoring a pipeline (collapse_pipeline)
- math-for-ml/01_linearalgebra/utils/tests/q08.py  apply_to_batch
- math-for-ml/01_linearalgebra/utils/tests/q09.py  make_repeater

The okpy setups draw random shapes and matrices with np.random; here a seeded generator
draws them, several times over.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import solution_namespace


@pytest.fixture(scope="module")
def la():
    return solution_namespace("linear_algebra")


@pytest.mark.parametrize("seed", range(5))
def test_q03_shape_of_transpose(la, seed):
    rng = np.random.default_rng(seed)
    random_shape = rng.integers(30, size=2) + 1
    random_matrix = rng.standard_normal(size=random_shape)
    transposed_shape = random_shape[::-1]
    assert callable(la["shape_of_transpose"])
    comparison = la["shape_of_transpose"](random_matrix) == transposed_shape
    assert np.array_equal(comparison, np.array([True, True]))


def test_q04_repeat_3_2(la):
    repeat_3_2 = la["make_repeater"](3, 2)
    assert isinstance(repeat_3_2, np.ndarray)
    assert repeat_3_2.ndim == 2
    assert repeat_3_2.shape[1] == 2
    assert repeat_3_2.shape[0] // 3 == 2
    assert np.array_equal(repeat_3_2 @ [1.0, 2.0], np.array([1.0, 2.0, 1.0, 2.0, 1.0, 2.0]))


def test_q06_zero_second_and_repeat_3(la):
    set_second_to_zero = np.array([[1, 0], [0, 0]])
    combined = la["make_repeater"](3, 2) @ set_second_to_zero
    assert combined.ndim == 2 and combined.shape == (6, 2)
    assert np.array_equal(combined @ [1.0, 2.0], np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0]))


@pytest.mark.parametrize("seed", range(5))
def test_q05_are_compatible(la, seed):
    rng = np.random.default_rng(seed)
    random_outer_shapes = rng.integers(1, 5, size=2)
    random_inner_shape = int(rng.integers(1, 5))
    A = rng.standard_normal((random_outer_shapes[0], random_inner_shape))
    B = rng.standard_normal((random_inner_shape, random_outer_shapes[1]))
    M = rng.standard_normal((random_inner_shape + 1, random_outer_shapes[1]))
    assert callable(la["are_compatible"])
    assert isinstance(la["are_compatible"](A, B), bool)
    assert la["are_compatible"](A, B) is True
    assert la["are_compatible"](A, M) is False


def test_q07_refactoring(la):
    W = np.array([[1, 2], [-1, 1]])
    X = np.array([[1 / 10, 1 / 5], [1 / 4, 1]])
    Y = np.array([[3, 1], [0.1, 0]])
    Z = np.array([[1, 0], [0, 1]])

    def their_pipeline(v):
        return Z @ (Y @ np.matmul(X, np.matmul(W, v)))

    V = la["collapse_pipeline"]([W, X, Y, Z])
    random_vec = np.random.default_rng(0).standard_normal(size=(2, 1))
    assert type(V) is np.ndarray
    assert not np.array_equal((W @ X @ Y @ Z) @ random_vec, V @ random_vec)
    assert np.allclose(their_pipeline(random_vec), V @ random_vec)


@pytest.mark.parametrize("seed", range(3))
def test_q08_apply_to_batch(la, seed):
    rng = np.random.default_rng(seed)
    shape, count = 5, 10
    identity = np.eye(shape)
    return_first = np.array([[1.0] + [0.0] * (shape - 1)])
    random_matrix = rng.standard_normal((shape, shape))
    vectors = rng.standard_normal((shape, count))
    apply_to_batch = la["apply_to_batch"]
    assert callable(apply_to_batch)
    assert type(apply_to_batch(identity, vectors)) is np.ndarray
    assert np.allclose(vectors, apply_to_batch(identity, vectors))
    assert np.allclose(random_matrix @ vectors, apply_to_batch(random_matrix, vectors))
    assert np.allclose(vectors[0], apply_to_batch(return_first, vectors))


def test_q08_hint(la):
    """The notebook's hint: set_second_to_zero applied to batch_of_vectors."""
    set_second_to_zero = np.array([[1, 0], [0, 0]])
    batch_of_vectors = np.array([[1, 3, 5, 7], [2, 4, 6, 8]])
    assert np.array_equal(la["apply_to_batch"](set_second_to_zero, batch_of_vectors),
                          np.array([[1, 3, 5, 7], [0, 0, 0, 0]]))


def test_q09_make_repeater(la):
    make_repeater = la["make_repeater"]
    assert callable(make_repeater)
    assert type(make_repeater(2, 2)) is np.ndarray
    repeat_3_2 = make_repeater(3, 2)
    assert repeat_3_2.ndim == 2
    assert repeat_3_2.shape == (6, 2)
    assert np.allclose(np.zeros(6), repeat_3_2 @ np.zeros(2))
    assert np.allclose(np.ones(6), repeat_3_2 @ np.ones(2))
    # make_repeater should be able to make repeat_3_2 (q04's hint)
    assert np.array_equal(make_repeater(3, 2), np.array([[1, 0], [0, 1]] * 3))
