"""Hidden tests for `logistic_loss_derivative(z, y)`: d/dz of the binary cross-entropy of the
label y and the prediction sigmoid(z) = 1 / (1 + exp(-z)),

    d/dz -[y ln sigmoid(z) + (1 - y) ln(1 - sigmoid(z))] = sigmoid(z) - y,

as a sympy expression in the real symbols z and y (0 <= y <= 1). Any equivalent form is right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


def reference(z, y):
    return 1 / (1 + sp.exp(-z)) - y


def domain(z, y):
    return {z: (-6.0, 6.0), y: (0.0, 1.0)}


@pytest.mark.points(3)
def test_equivalent_to_sigmoid_minus_label(student):
    z, y = sp.Symbol("z", real=True), sp.Symbol("y", real=True)
    assert_equivalent(student.logistic_loss_derivative(z, y), reference(z, y),
                      domain=domain(z, y), inputs={"z": z, "y": y})


@pytest.mark.points(1)
def test_zero_where_the_prediction_equals_the_label(student):
    """At z = 0 the prediction is 1/2, so the slope for the soft label y = 1/2 is 0."""
    z, y = sp.Symbol("z", real=True), sp.Symbol("y", real=True)
    got = student.logistic_loss_derivative(z, y)
    at = got.subs({z: 0, y: sp.Rational(1, 2)}) if isinstance(got, sp.Basic) else got
    assert_equivalent(at, sp.Integer(0), inputs={"z": 0, "y": sp.Rational(1, 2)},
                      what="your derivative at z = 0, y = 1/2")


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    logit, label = sp.Symbol("logit", real=True), sp.Symbol("label", real=True)
    assert_equivalent(student.logistic_loss_derivative(logit, label), reference(logit, label),
                      domain=domain(logit, label), inputs={"z": logit, "y": label})


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def label_minus_sigmoid(z, y):
    """Mind the sign: the loss has a minus in front, and the derivative is sigmoid(z) - y
    (positive when the prediction is too high).
    """
    return y - 1 / (1 + sp.exp(-z))


@mistake
def sigmoid_without_label(z, y):
    """The label matters: the derivative is sigmoid(z) - y, the prediction's error."""
    return 1 / (1 + sp.exp(-z))


@mistake
def outer_derivative_only(z, y):
    """Chain rule: you have dL/dp at p = sigmoid(z); multiply by the inner derivative dp/dz =
    sigmoid(z) (1 - sigmoid(z)). Everything then cancels to sigmoid(z) - y.
    """
    s = 1 / (1 + sp.exp(-z))
    return -y / s + (1 - y) / (1 - s)


@mistake
def sigmoid_derivative_only(z, y):
    """sigmoid(z) (1 - sigmoid(z)) is the derivative of the sigmoid alone; the loss's derivative
    also involves the label: sigmoid(z) - y.
    """
    s = 1 / (1 + sp.exp(-z))
    return s * (1 - s)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def differentiate_the_loss(z, y):
    s = 1 / (1 + sp.exp(-z))
    return sp.diff(-(y * sp.log(s) + (1 - y) * sp.log(1 - s)), z)


@alternative
def exp_over_one_plus_exp(z, y):
    return sp.exp(z) / (1 + sp.exp(z)) - y


@alternative
def with_tanh(z, y):
    return (1 + sp.tanh(z / 2)) / 2 - y


@alternative
def one_minus_sigmoid_of_minus_z(z, y):
    return (1 - y) - 1 / (1 + sp.exp(z))
