"""Named functions the grader may pass to student code: `wire.NamedFunction("rosenbrock")`.

A hidden suite that wants to hand a student a function which is not one sympy expression
per entry (a field whose partial derivatives couple the coordinates) names one of these. The
name crosses the wire; the worker looks it up here, and only names in `__all__` resolve. The
grader imports the same functions to compute reference answers, so both sides agree exactly.
Each takes and returns float numpy arrays and never modifies its argument.
"""

from __future__ import annotations

import numpy as np

__all__ = ["coupled_quadratic", "coupled_quadratic_gradient", "rosenbrock",
           "rosenbrock_gradient", "swirl", "swirl_jacobian"]

# A symmetric positive definite matrix with every entry nonzero: each partial derivative of
# x^T A x / 2 depends on every coordinate. Sized for vectors of up to 6 entries.
_A = np.array([[4.0, 1.0, 0.5, 0.2, 0.1, 0.3],
               [1.0, 3.0, 0.7, 0.4, 0.2, 0.1],
               [0.5, 0.7, 5.0, 1.2, 0.3, 0.6],
               [0.2, 0.4, 1.2, 2.0, 0.5, 0.2],
               [0.1, 0.2, 0.3, 0.5, 3.5, 0.8],
               [0.3, 0.1, 0.6, 0.2, 0.8, 4.5]])


def _vector(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not 1 <= x.size <= _A.shape[0]:
        raise ValueError(f"expected a 1-D array of 1 to {_A.shape[0]} floats, got shape {x.shape}")
    return x


def coupled_quadratic(x: np.ndarray) -> float:
    """f(x) = x^T A x / 2 + sum(sin x), A a fixed dense symmetric matrix: a scalar field."""
    x = _vector(x)
    a = _A[: x.size, : x.size]
    return float(0.5 * x @ a @ x + np.sum(np.sin(x)))


def coupled_quadratic_gradient(x: np.ndarray) -> np.ndarray:
    """The exact gradient A x + cos x of `coupled_quadratic`."""
    x = _vector(x)
    return _A[: x.size, : x.size] @ x + np.cos(x)


def rosenbrock(x: np.ndarray) -> float:
    """sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, the classic coupled test function."""
    x = _vector(x)
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))


def rosenbrock_gradient(x: np.ndarray) -> np.ndarray:
    """The exact gradient of `rosenbrock`."""
    x = _vector(x)
    g = np.zeros_like(x)
    g[:-1] += -400.0 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2.0 * (1.0 - x[:-1])
    g[1:] += 200.0 * (x[1:] - x[:-1] ** 2)
    return g


def swirl(x: np.ndarray) -> np.ndarray:
    """A vector field R^n -> R^n that mixes coordinates: F(x)_i = sin(x_{i+1}) * x_i + x_{i-1}^2
    (indices cyclic)."""
    x = _vector(x)
    return np.sin(np.roll(x, -1)) * x + np.roll(x, 1) ** 2


def swirl_jacobian(x: np.ndarray) -> np.ndarray:
    """The exact Jacobian J[i, j] = d swirl(x)_i / d x_j."""
    x = _vector(x)
    n = x.size
    j = np.zeros((n, n))
    for i in range(n):
        j[i, i] += np.sin(x[(i + 1) % n])
        j[i, (i + 1) % n] += np.cos(x[(i + 1) % n]) * x[i]
        j[i, (i - 1) % n] += 2.0 * x[(i - 1) % n]
    return j
