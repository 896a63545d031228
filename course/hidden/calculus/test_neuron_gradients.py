"""Hidden tests for `neuron_gradients(w, b, x, y)`: backpropagation through one sigmoid neuron
with a squared-error loss,

    z = w x + b,   a = sigmoid(z),   L = (a - y)^2,
    dL/dw = 2 (a - y) a (1 - a) x,   dL/db = 2 (a - y) a (1 - a),

for floats w, b, x, y. The answer is the pair (dL/dw, dL/db), as a tuple or list of numbers
or an array of two.
"""

import math

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, check_calls
from autograder.suite.mistakes import alternative, mistake

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601


def reference(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return np.array([delta * x, delta])


def loss(w, b, x, y):
    return (1 / (1 + np.exp(-(w * x + b))) - y) ** 2


NAMES = ("w", "b", "x", "y")
FIXED = [
    (0.0, 0.0, 1.0, 1.0),
    (0.5, -0.25, 2.0, 0.0),
    (-1.0, 0.5, 3.0, 1.0),
    (2.0, 1.0, -0.5, 0.3),
]


def compare(got, expected, *, inputs):
    assert_close(np.asarray(got, dtype=float) if isinstance(got, list | tuple) else got,
                 expected, inputs=inputs, what="(dL/dw, dL/db)")


@pytest.mark.points(3)
def test_fixed_neurons(student):
    """At w = b = 0, x = 1, y = 1: a = 1/2, dL/da = -1, da/dz = 1/4, so both are -1/4."""
    check_calls(student.neuron_gradients, reference, FIXED, names=NAMES, compare=compare)


@pytest.mark.points(2)
@seed(SEED)
@given(w=st.floats(-3, 3), b=st.floats(-3, 3), x=st.floats(-3, 3), y=st.floats(0, 1))
def test_random_neurons(student, w, b, x, y):
    compare(student.neuron_gradients(w, b, x, y), reference(w, b, x, y),
            inputs=dict(zip(NAMES, (w, b, x, y), strict=True)))


@pytest.mark.points(1)
def test_matches_finite_differences(student):
    """Each entry is the slope of the loss when that one parameter moves."""
    w, b, x, y = 0.7, -0.2, 1.5, 0.1
    h = 1e-6
    slopes = np.array([(loss(w + h, b, x, y) - loss(w - h, b, x, y)) / (2 * h),
                       (loss(w, b + h, x, y) - loss(w, b - h, x, y)) / (2 * h)])
    got = student.neuron_gradients(w, b, x, y)
    assert_close(np.asarray(got, dtype=float) if isinstance(got, list | tuple) else got, slopes,
                 rtol=1e-5, atol=1e-8, inputs=dict(zip(NAMES, (w, b, x, y), strict=True)),
                 what="(dL/dw, dL/db) (vs central differences of the loss)")


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def skips_the_sigmoid_derivative(w, b, x, y):
    """Backpropagate through the sigmoid too: da/dz = a (1 - a). The chain is dL/dw = dL/da *
    da/dz * dz/dw = 2 (a - y) * a (1 - a) * x.
    """
    a = 1 / (1 + np.exp(-(w * x + b)))
    return 2 * (a - y) * x, 2 * (a - y)


@mistake
def missing_the_two(w, b, x, y):
    """d/da (a - y)^2 = 2 (a - y): keep the 2 from the square."""
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = (a - y) * a * (1 - a)
    return delta * x, delta


@mistake
def forgets_dz_dw(w, b, x, y):
    """dz/dw = x, since z = w x + b: dL/dw has the extra factor x that dL/db does not."""
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta, delta


@mistake
def returns_db_first(w, b, x, y):
    """Return the pair in the order asked: (dL/dw, dL/db)."""
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta, delta * x


@mistake
def target_minus_output(w, b, x, y):
    """d/da (a - y)^2 = 2 (a - y), prediction minus target; 2 (y - a) has the wrong sign."""
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (y - a) * a * (1 - a)
    return delta * x, delta


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def forward_then_backward_as_a_list(w, b, x, y):
    z = w * x + b
    a = 1 / (1 + math.exp(-z))
    dL_da = 2 * (a - y)
    dL_dz = dL_da * a * (1 - a)
    return [dL_dz * x, dL_dz * 1.0]


@alternative
def scipy_expit_array(w, b, x, y):
    from scipy.special import expit

    a = expit(w * x + b)
    delta = 2 * (a - y) * a * (1 - a)
    return np.array([delta * x, delta])


@alternative
def sigmoid_derivative_from_exp(w, b, x, y):
    z = w * x + b
    a = 1 / (1 + np.exp(-z))
    da_dz = np.exp(-z) / (1 + np.exp(-z)) ** 2
    return (2 * (a - y) * da_dz * x, 2 * (a - y) * da_dz)
