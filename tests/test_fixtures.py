"""The named functions of `autograder.wire.fixtures`, which hidden suites hand to student code.

Every function in `__all__` is tested here: the exact gradients and the Jacobian agree with
central differences of their functions at random points of every supported size (1 to 6),
no function modifies its argument, a bad shape raises ValueError, and each name resolves
through `NamedFunction(name)`, the way the worker calls it.
"""

from __future__ import annotations

import numpy as np
import pytest

from autograder.wire import NamedFunction, WireError
from autograder.wire import fixtures as fx

SIZES = range(1, 7)
SEEDS = range(5)
H = 1e-5

# Each function of fixtures.__all__ with its exact derivative, also in __all__.
DERIVATIVES = {
    "coupled_quadratic": "coupled_quadratic_gradient",
    "rosenbrock": "rosenbrock_gradient",
    "swirl": "swirl_jacobian",
}
SCALAR_FIELDS = ("coupled_quadratic", "rosenbrock")


def random_point(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(1000 * n + seed).uniform(-2.0, 2.0, n)


def central_differences(f, x: np.ndarray) -> np.ndarray:
    """Column j: (f(x + h e_j) - f(x - h e_j)) / (2h); one row for a scalar field."""
    columns = [(np.asarray(f(x + H * e)) - np.asarray(f(x - H * e))) / (2 * H)
               for e in np.eye(len(x))]
    return np.stack(columns, axis=-1)


def test_every_function_in_all_is_covered_here():
    names = set(fx.__all__)
    assert names == set(DERIVATIVES) | set(DERIVATIVES.values())
    assert all(callable(getattr(fx, name)) for name in names)


@pytest.mark.parametrize("name", sorted(DERIVATIVES))
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("seed", SEEDS)
def test_derivative_agrees_with_central_differences(name, n, seed):
    f, derivative = getattr(fx, name), getattr(fx, DERIVATIVES[name])
    x = random_point(n, seed)
    exact = derivative(x)
    expected_shape = (n,) if name in SCALAR_FIELDS else (n, n)
    assert isinstance(exact, np.ndarray) and exact.shape == expected_shape
    assert exact.dtype == np.float64
    np.testing.assert_allclose(exact, central_differences(f, x), rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("name", SCALAR_FIELDS)
@pytest.mark.parametrize("n", SIZES)
def test_scalar_fields_return_a_python_float(name, n):
    value = getattr(fx, name)(random_point(n, 0))
    assert type(value) is float and np.isfinite(value)


def test_swirl_returns_a_vector_of_the_argument_s_shape():
    for n in SIZES:
        value = fx.swirl(random_point(n, 0))
        assert isinstance(value, np.ndarray) and value.shape == (n,)


def test_known_values():
    assert fx.rosenbrock(np.array([1.0, 1.0, 1.0])) == 0.0
    np.testing.assert_array_equal(fx.rosenbrock_gradient(np.array([1.0, 1.0])), [0.0, 0.0])
    np.testing.assert_allclose(fx.rosenbrock_gradient(np.array([-1.2, 1.0])), [-215.6, -88.0])
    np.testing.assert_array_equal(fx.rosenbrock_gradient(np.array([0.3])), [0.0])
    assert fx.coupled_quadratic(np.zeros(4)) == 0.0
    np.testing.assert_array_equal(fx.coupled_quadratic_gradient(np.zeros(3)), np.ones(3))


def test_every_partial_derivative_of_the_scalar_fields_couples_coordinates():
    """The point of these fixtures: no gradient entry depends on its own coordinate alone."""
    x = random_point(4, 1)
    for name in SCALAR_FIELDS:
        gradient = getattr(fx, DERIVATIVES[name])
        hessian = central_differences(gradient, x)
        off_diagonal = hessian[~np.eye(4, dtype=bool)].reshape(4, 3)
        assert (np.abs(off_diagonal) > 1e-3).any(axis=1).all(), name


@pytest.mark.parametrize("name", sorted(fx.__all__))
@pytest.mark.parametrize("n", SIZES)
def test_inputs_are_not_modified(name, n):
    x = random_point(n, 2)
    before = x.copy()
    getattr(fx, name)(x)
    np.testing.assert_array_equal(x, before)
    x.setflags(write=False)  # a write into the argument would raise
    getattr(fx, name)(x)


@pytest.mark.parametrize("name", sorted(fx.__all__))
@pytest.mark.parametrize("bad", [np.float64(1.0), np.array(2.0), np.zeros(0), np.zeros(7),
                                 np.zeros((2, 2)), np.zeros((1, 3))],
                         ids=["scalar", "0-d", "empty", "too long", "matrix", "row"])
def test_bad_shapes_raise_value_error(name, bad):
    with pytest.raises(ValueError, match="expected a 1-D array of 1 to 6 floats"):
        getattr(fx, name)(bad)


@pytest.mark.parametrize("name", sorted(fx.__all__))
def test_names_resolve_through_named_function(name):
    x = random_point(3, 3)
    np.testing.assert_array_equal(NamedFunction(name)(x), getattr(fx, name)(x))
    np.testing.assert_array_equal(NamedFunction(name)(list(x)), getattr(fx, name)(x))


@pytest.mark.parametrize("name", ["_vector", "_A", "np", "annotations", "missing"])
def test_names_outside_all_do_not_resolve(name):
    with pytest.raises(WireError, match="is not a function listed in"):
        NamedFunction(name)(np.zeros(2))
