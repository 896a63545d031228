"""Quick public checks for the calculus notebook: run `check("gd_step")` after an exercise.

Each check calls your function on a small fixed input and compares the answer with the
known one. The report goes to standard output, one line per check; if a check fails,
`check` also raises an AssertionError with the same lines, so the notebook cell fails.

These checks are deliberately few and simple. The grader runs many more tests: other
functions and points, random inputs and properties. Passing here is a good sign, not a
guarantee. An answer is judged here by the grader's own rules (see
`autograder.suite.public`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import sympy as sp

from autograder.suite.public import At, Case, make_check, vec

__all__ = ["check"]


def _finite_difference_cases() -> list[Case]:
    hint = ("Use the central difference (f(x + h) - f(x - h)) / (2 * h), with the h you are "
            "given (parentheses around 2 * h).")
    cube = lambda t: t**3  # noqa: E731 - a plain function of a float, as in the grader
    return [
        Case("finite_difference(lambda t: t**2, 3.0)", (lambda t: t**2, 3.0), 6.0, hint,
             "the slope of t^2 at 3; exact for a parabola"),
        Case("finite_difference(lambda t: t**3, 1.0, 0.5)", (cube, 1.0, 0.5), 3.25, hint,
             "(1.5^3 - 0.5^3) / 1 = 3 + h^2"),
        Case("finite_difference(np.sin, 0.0, 0.1)", (np.sin, 0.0, 0.1),
             math.sin(0.1) / 0.1, hint, "sin(0.1) / 0.1"),
    ]


def _numerical_gradient_cases() -> list[Case]:
    hint = ("Entry i is the central difference along coordinate i alone: (f(x + h e_i) - "
            "f(x - h e_i)) / (2 h), with e_i the i-th unit vector; leave x itself unchanged.")

    def coupled(v):  # a quadratic: the central difference is exact
        return v[0] ** 2 + 3 * v[0] * v[1]

    def sines(v):
        return np.sum(np.sin(v))

    return [
        Case("numerical_gradient(lambda v: v[0]**2 + 3*v[0]*v[1], [1.0, 2.0])",
             (coupled, vec(1.0, 2.0)), vec(8.0, 3.0), hint,
             "(2 x0 + 3 x1, 3 x0); exact for a quadratic"),
        Case("numerical_gradient(lambda v: np.sum(np.sin(v)), [0.0], 0.1)",
             (sines, vec(0.0), 0.1), vec(math.sin(0.1) / 0.1), hint, "sin(0.1) / 0.1"),
    ]


def _sigmoid_derivative_cases() -> list[Case]:
    hint = ("Differentiate 1 / (1 + exp(-x)) with respect to x (sp.diff does it), keeping the "
            "inner derivative of exp(-x); the result is sigma(x) (1 - sigma(x)).")
    x = sp.Symbol("x", real=True)
    s2 = 1 / (1 + math.exp(-2.0))
    return [
        Case("sigmoid_derivative(x) at x = 0", (x,), At({x: 0.0}, 0.25), hint,
             "1/2 * (1 - 1/2)"),
        Case("sigmoid_derivative(x) at x = 2", (x,), At({x: 2.0}, s2 * (1 - s2)), hint),
    ]


def _taylor_polynomial_cases() -> list[Case]:
    hint = ("T_n(x) = sum over k = 0..n of f^(k)(x0) / k! * (x - x0)^k, or "
            "sp.series(expr, x, x0, n + 1).removeO().")
    x = sp.Symbol("x", real=True)
    return [
        Case("taylor_polynomial(sp.exp(x), x, 0, 2) at x = 1", (sp.exp(x), x, sp.Integer(0), 2),
             At({x: 1.0}, 2.5), hint, "1 + 1 + 1/2"),
        Case("taylor_polynomial(sp.log(x), x, 1, 2) at x = 3",
             (sp.log(x), x, sp.Integer(1), 2), At({x: 3.0}, 0.0), hint,
             "(x - 1) - (x - 1)^2 / 2 = 2 - 2"),
        Case("taylor_polynomial(sp.cos(x), x, 0, 0) at x = 2", (sp.cos(x), x, sp.Integer(0), 0),
             At({x: 2.0}, 1.0), hint, "degree 0: the constant cos(0)"),
    ]


def _gd_step_cases() -> list[Case]:
    hint = "One step against the gradient: x - learning_rate * grad_f(x), a new value."

    def grad(v):
        return 2 * v  # the gradient of v^2 (entry by entry for arrays)

    return [
        Case("gd_step(1.0, grad, 0.1) with grad(v) = 2v", (1.0, grad, 0.1), 0.8, hint,
             "1 - 0.1 * 2"),
        Case("gd_step([1.0, -2.0], grad, 0.25) with grad(v) = 2v",
             (vec(1.0, -2.0), grad, 0.25), vec(0.5, -1.0), hint),
    ]


def _mse_gradient_cases() -> list[Case]:
    hint = ("The gradient of mean((X @ w - y)**2) is (2 / n) * X.T @ (X @ w - y), with n the "
            "number of examples (len(y)).")
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    return [
        Case("mse_gradient([0, 0], X = [[1, 0], [0, 1], [1, 1]], y = [1, 2, 3])",
             (vec(0.0, 0.0), X, vec(1.0, 2.0, 3.0)), vec(-8 / 3, -10 / 3), hint,
             "(2/3) X^T [-1, -2, -3]"),
        Case("mse_gradient([1.0], X = [[2.0]], y = [2.0])",
             (vec(1.0), np.array([[2.0]]), vec(2.0)), vec(0.0), hint, "a perfect fit"),
    ]


def _softmax_jacobian_cases() -> list[Case]:
    hint = ("J[i, j] = s_i (delta_ij - s_j) with s = softmax(z): np.diag(s) - np.outer(s, s), "
            "a full n x n matrix.")
    s = np.array([0.25, 0.75])
    return [
        Case("softmax_jacobian([0.0, 0.0])", (vec(0.0, 0.0),),
             np.array([[0.25, -0.25], [-0.25, 0.25]]), hint, "s = [1/2, 1/2]"),
        Case("softmax_jacobian([0.0, ln 3])", (vec(0.0, math.log(3.0)),),
             np.diag(s) - np.outer(s, s), hint, "s = [1/4, 3/4]"),
    ]


def _tanh_derivative_cases() -> list[Case]:
    hint = "tanh'(x) = 1 - tanh(x)^2 (sp.diff(sp.tanh(x), x) finds it)."
    x = sp.Symbol("x", real=True)
    return [
        Case("tanh_derivative(x) at x = 0", (x,), At({x: 0.0}, 1.0), hint, "1 - 0^2"),
        Case("tanh_derivative(x) at x = 1", (x,), At({x: 1.0}, 1 - math.tanh(1.0) ** 2),
             hint),
    ]


def _softplus_derivative_cases() -> list[Case]:
    hint = ("Chain rule: d/dx ln(u) = u' / u with u = 1 + exp(x), so the derivative is "
            "exp(x) / (1 + exp(x)).")
    x = sp.Symbol("x", real=True)
    return [
        Case("softplus_derivative(x) at x = 0", (x,), At({x: 0.0}, 0.5), hint, "1 / (1 + 1)"),
        Case("softplus_derivative(x) at x = 2", (x,),
             At({x: 2.0}, 1 / (1 + math.exp(-2.0))), hint, "sigmoid(2)"),
    ]


def _truncation_error_coefficient_cases() -> list[Case]:
    hint = ("C(x) = lim_{h -> 0} [(f(x + h) - f(x - h)) / (2h) - f'(x)] / h^2: build the "
            "expression with expr.subs(x, x + h) and take sp.limit(..., h, 0).")
    x, h = sp.Symbol("x", real=True), sp.Symbol("h", positive=True)
    return [
        Case("truncation_error_coefficient(x**3, x, h) at x = 1", (x**3, x, h),
             At({x: 1.0}, 1.0), hint, "((x+h)^3 - (x-h)^3) / (2h) = 3x^2 + h^2"),
        Case("truncation_error_coefficient(x**4, x, h) at x = 2", (x**4, x, h),
             At({x: 2.0}, 8.0), hint, "the central difference of x^4 is 4x^3 + 4x h^2"),
    ]


def _network_derivative_cases() -> list[Case]:
    hint = ("Chain rule through both layers: (1 - tanh(w2 u)^2) * w2 * (1 - tanh(w1 x)^2) * w1 "
            "with u = tanh(w1 x).")
    x, w1, w2 = sp.symbols("x w1 w2", real=True)
    u = math.tanh(0.5)
    return [
        Case("network_derivative(x, w1, w2) at x = 0, w1 = 2, w2 = 3", (x, w1, w2),
             At({x: 0.0, w1: 2.0, w2: 3.0}, 6.0), hint, "at x = 0 the slope is w1 w2"),
        Case("network_derivative(x, w1, w2) at x = 0.5, w1 = 1, w2 = 1", (x, w1, w2),
             At({x: 0.5, w1: 1.0, w2: 1.0}, (1 - math.tanh(u) ** 2) * (1 - u**2)), hint),
    ]


def _neuron_gradients_cases() -> list[Case]:
    hint = ("Backward pass: dL/dz = 2 (a - y) * a (1 - a) with a = sigmoid(w x + b); then "
            "dL/dw = dL/dz * x and dL/db = dL/dz. Return (dL/dw, dL/db).")
    a = 1 / (1 + math.exp(-1.0))
    delta = 2 * (a - 0.0) * a * (1 - a)
    return [
        Case("neuron_gradients(0.0, 0.0, 1.0, 1.0)", (0.0, 0.0, 1.0, 1.0), vec(-0.25, -0.25),
             hint, "a = 1/2: 2 (1/2 - 1) * 1/4 = -1/4"),
        Case("neuron_gradients(0.5, 0.0, 2.0, 0.0)", (0.5, 0.0, 2.0, 0.0),
             vec(2 * delta, delta), hint, "z = 1"),
    ]


def _logsumexp_gradient_cases() -> list[Case]:
    hint = ("d/dx ln(exp(x) + exp(y)) = exp(x) / (exp(x) + exp(y)), and the same for y: "
            "return the pair (d/dx, d/dy).")
    x, y = sp.symbols("x y", real=True)
    return [
        Case("logsumexp_gradient(x, y) at x = y = 0", (x, y),
             At({x: 0.0, y: 0.0}, vec(0.5, 0.5)), hint, "equal inputs share equally"),
        Case("logsumexp_gradient(x, y) at x = ln 3, y = 0", (x, y),
             At({x: math.log(3.0), y: 0.0}, vec(0.75, 0.25)), hint, "3 : 1"),
    ]


def _quadratic_form_gradient_cases() -> list[Case]:
    hint = ("x appears twice in x^T A x, so the gradient is (A + A^T) x (2 A x only when A is "
            "symmetric); return it as a column sp.Matrix.")
    x1, x2 = sp.symbols("x1 x2", real=True)
    x = sp.Matrix([x1, x2])
    A = sp.Matrix([[1, 2], [0, 3]])
    return [
        Case("quadratic_form_gradient(Matrix([[1, 2], [0, 3]]), Matrix([x1, x2])) at x = [1, 1]",
             (A, x), At({x1: 1.0, x2: 1.0}, vec(4.0, 8.0)), hint,
             "[2 x1 + 2 x2, 2 x1 + 6 x2]"),
        Case("quadratic_form_gradient(Matrix([[2, 0], [0, 5]]), Matrix([x1, x2])) at x = [1, -1]",
             (sp.Matrix([[2, 0], [0, 5]]), x), At({x1: 1.0, x2: -1.0}, vec(4.0, -10.0)),
             hint, "f = 2 x1^2 + 5 x2^2"),
    ]


def _softmax_crossentropy_gradient_cases() -> list[Case]:
    hint = ("The gradient is softmax(logits) - p; subtract np.max(logits) before np.exp so "
            "that large logits do not overflow.")
    return [
        Case("softmax_crossentropy_gradient([0.0, 0.0], [1.0, 0.0])",
             (vec(0.0, 0.0), vec(1.0, 0.0)), vec(-0.5, 0.5), hint, "[1/2, 1/2] - [1, 0]"),
        Case("softmax_crossentropy_gradient([0.0, ln 3], [0.0, 1.0])",
             (vec(0.0, math.log(3.0)), vec(0.0, 1.0)), vec(0.25, -0.25), hint),
        Case("softmax_crossentropy_gradient([-1000.0, 1000.0], [1.0, 0.0])",
             (vec(-1000.0, 1000.0), vec(1.0, 0.0)), vec(-1.0, 1.0), hint,
             "softmax is [0, 1]"),
    ]


def _gradient_descent_cases() -> list[Case]:
    hint = ("Start the path with x0, then append x - learning_rate * grad_f(x) `steps` times "
            "(a new value each time): steps + 1 points.")

    def grad(v):
        return 2 * v

    return [
        Case("gradient_descent(1.0, grad, 0.25, 3) with grad(v) = 2v", (1.0, grad, 0.25, 3),
             vec(1.0, 0.5, 0.25, 0.125), hint, "each step halves x"),
        Case("gradient_descent([1.0, -2.0], grad, 0.25, 1) with grad(v) = 2v",
             (vec(1.0, -2.0), grad, 0.25, 1), np.array([[1.0, -2.0], [0.5, -1.0]]), hint,
             "one row per point"),
    ]


def _product_loss_hessian_cases() -> list[Case]:
    hint = ("Differentiate (a b - 1)^2 twice: sp.hessian((a * b - 1)**2, (a, b)); the mixed "
            "entry needs the product rule.")
    a, b = sp.symbols("a b", real=True)
    return [
        Case("product_loss_hessian(a, b) at a = b = 0", (a, b),
             At({a: 0.0, b: 0.0}, np.array([[0.0, -2.0], [-2.0, 0.0]]), rows=True), hint,
             "a saddle"),
        Case("product_loss_hessian(a, b) at a = 1, b = 2", (a, b),
             At({a: 1.0, b: 2.0}, np.array([[8.0, 6.0], [6.0, 2.0]]), rows=True), hint),
    ]


def _max_learning_rate_cases() -> list[Case]:
    hint = ("Each step multiplies the component along an eigenvector by 1 - eta * lambda; all "
            "shrink iff eta < 2 / lambda_max: use np.linalg.eigvalsh(H).max().")
    return [
        Case("max_learning_rate([[1, 0], [0, 10]])", (np.diag([1.0, 10.0]),), 0.2, hint,
             "2 / 10"),
        Case("max_learning_rate([[2, 1], [1, 2]])", (np.array([[2.0, 1.0], [1.0, 2.0]]),),
             2 / 3, hint, "eigenvalues 1 and 3"),
    ]


def _newton_step_cases() -> list[Case]:
    hint = "x - H^{-1} g: solve H d = g with np.linalg.solve(hess, grad) and return x - d."
    return [
        Case("newton_step([1, 1], [2, 20], diag(2, 20))",
             (vec(1.0, 1.0), vec(2.0, 20.0), np.diag([2.0, 20.0])), vec(0.0, 0.0), hint,
             "each coordinate divided by its curvature"),
        Case("newton_step([0, 0], [1, -1], [[2, 1], [1, 3]])",
             (vec(0.0, 0.0), vec(1.0, -1.0), np.array([[2.0, 1.0], [1.0, 3.0]])),
             vec(-0.8, 0.6), hint),
    ]


def _forward_gradient_cases() -> list[Case]:
    hint = ("For each row v of directions, (grad . v) v; then average over the rows: "
            "(directions @ grad) @ directions / len(directions).")
    return [
        Case("forward_gradient([3.0, 4.0], [[1.0, 0.0]])", (vec(3.0, 4.0), np.array([[1.0, 0.0]])),
             vec(3.0, 0.0), hint, "(g . e1) e1"),
        Case("forward_gradient([3.0, 4.0], [[1.0, 0.0], [0.0, 1.0]])",
             (vec(3.0, 4.0), np.eye(2)), vec(1.5, 2.0), hint, "([3, 0] + [0, 4]) / 2"),
    ]


CASES: dict[str, Callable[[], list[Case]]] = {
    "finite_difference": _finite_difference_cases,
    "sigmoid_derivative": _sigmoid_derivative_cases,
    "tanh_derivative": _tanh_derivative_cases,
    "softplus_derivative": _softplus_derivative_cases,
    "taylor_polynomial": _taylor_polynomial_cases,
    "truncation_error_coefficient": _truncation_error_coefficient_cases,
    "network_derivative": _network_derivative_cases,
    "neuron_gradients": _neuron_gradients_cases,
    "logsumexp_gradient": _logsumexp_gradient_cases,
    "quadratic_form_gradient": _quadratic_form_gradient_cases,
    "mse_gradient": _mse_gradient_cases,
    "numerical_gradient": _numerical_gradient_cases,
    "softmax_jacobian": _softmax_jacobian_cases,
    "softmax_crossentropy_gradient": _softmax_crossentropy_gradient_cases,
    "gd_step": _gd_step_cases,
    "gradient_descent": _gradient_descent_cases,
    "product_loss_hessian": _product_loss_hessian_cases,
    "max_learning_rate": _max_learning_rate_cases,
    "newton_step": _newton_step_cases,
    "forward_gradient": _forward_gradient_cases,
}


check = make_check(CASES)
