"""Hidden tests for `numerical_gradient(f, x, h=1e-5)`: the central-difference gradient of a
scalar field f: R^n -> R at a 1-D float array x,

    g[i] = (f(x + h e_i) - f(x - h e_i)) / (2h),    e_i the i-th unit vector,

returned as a float array of x's shape, without modifying x.

f is passed as a `NamedFunction` of `autograder.wire.fixtures` (`coupled_quadratic`,
`rosenbrock`), evaluated inside the student's worker: a vector-argument `SymbolicFunction`
cannot cross the wire (its arguments must be scalar symbols), and an element-wise one would
not test what this exercise is about. Every partial derivative of both fields depends on
several coordinates, so moving all coordinates at once, or treating f element-wise, is
caught. The answer is compared with the same central difference computed here, within the
round-off of any order of evaluation (about eps |f| / h), so `/ (2 * h)`, `/ 2 / h`,
`0.5 * ... / h`, perturbing a copy in place, `np.eye` rows and `np.apply_along_axis` all pass;
a list of the partial derivatives is accepted too (policy ARRAY).
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from autograder.suite.compare import assert_close, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.strategies import vectors
from autograder.wire import NamedFunction
from autograder.wire.fixtures import coupled_quadratic_gradient, rosenbrock_gradient

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
DEFAULT_H = 1e-5
EPS = np.finfo(float).eps

COUPLED = NamedFunction("coupled_quadratic")
ROSENBROCK = NamedFunction("rosenbrock")
SHOWN = {  # how f is named in the feedback
    "coupled_quadratic": "coupled_quadratic: x^T A x / 2 + sum(sin(x))",
    "rosenbrock": "rosenbrock: sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2",
}
EXACT = {"coupled_quadratic": coupled_quadratic_gradient, "rosenbrock": rosenbrock_gradient}


def vec(*values):
    return np.array(values, dtype=float)


def points(x, h):
    """The 2n points the central differences evaluate f at: x + h e_i and x - h e_i."""
    return [(x + h * e, x - h * e) for e in np.eye(len(x))]


def reference(f, x, h=DEFAULT_H):
    return np.array([(f(up) - f(down)) / (2 * h) for up, down in points(x, h)])


def roundoff(f, x, h):
    """A bound on the round-off of any order of evaluation: about eps |f| / h."""
    scale = max(max(abs(f(up)), abs(f(down))) for up, down in points(x, h))
    return 16 * EPS * max(scale, 1e-300) / h


def shown(f, x, h):
    return {"f": SHOWN[f.name], "x": x, "h": h}


def assert_central(got, f, x, h):
    """Within round-off of the reference central difference, whatever the order of operations."""
    assert_close(got, reference(f, x, h), rtol=1e-9, atol=roundoff(f, x, h), inputs=shown(f, x, h))


def check_cases(student, cases, *, pass_h):
    """Call the student on every case first (all calls on record), then compare."""
    if pass_h == "keyword":
        results = [student.numerical_gradient(f, x, h=h) for f, x, h in cases]
    elif pass_h:
        results = [student.numerical_gradient(f, x, h) for f, x, h in cases]
    else:
        results = [student.numerical_gradient(f, x) for f, x, _ in cases]
    for (f, x, h), got in zip(cases, results, strict=True):
        assert_central(got, f, x, h)


COUPLED_CASES = [
    (COUPLED, vec(0.5, -1.0), DEFAULT_H),
    (COUPLED, vec(0.0, 0.0, 0.0), DEFAULT_H),
    (COUPLED, vec(0.5, -1.0, 1.5, 0.25), DEFAULT_H),
    (COUPLED, vec(1.2, -0.3, 0.8, -1.5, 0.6, 2.0), DEFAULT_H),
]
ROSENBROCK_CASES = [
    (ROSENBROCK, vec(1.0, 1.0), DEFAULT_H),  # the minimum: the gradient is 0
    (ROSENBROCK, vec(-1.2, 1.0), DEFAULT_H),  # the classic starting point
    (ROSENBROCK, vec(0.5, -1.0, 1.5, 0.25), DEFAULT_H),
    (ROSENBROCK, vec(0.0, 0.0, 0.0, 0.0, 0.0), DEFAULT_H),
]
EXPLICIT_CASES = [
    (COUPLED, vec(0.5, -1.0, 1.5), 0.1),
    (ROSENBROCK, vec(-1.2, 1.0), 0.01),
    (COUPLED, vec(2.0, -0.5), 1e-3),
]
KEYWORD_CASES = [
    (ROSENBROCK, vec(0.3, 0.8, -0.6), 0.05),
    (COUPLED, vec(-1.0, 0.4, 0.9, -0.2), 0.2),
]
ONE_COORDINATE_CASES = [
    (COUPLED, vec(0.7), DEFAULT_H),  # f(x) = 2 x^2 + sin x: the slope is 4 x + cos x
    (COUPLED, vec(-1.5), 0.1),
    (ROSENBROCK, vec(0.3), DEFAULT_H),  # no pair (x[i], x[i+1]): f is constant 0
]


@pytest.mark.points(2)
def test_coupled_quadratic(student):
    """g[i] = (f(x + h e_i) - f(x - h e_i)) / (2h) with h = 1e-5: only coordinate i moves."""
    check_cases(student, COUPLED_CASES, pass_h=False)


@pytest.mark.points(1)
def test_rosenbrock(student):
    """At the minimum (1, 1) of the Rosenbrock function the gradient is (about) 0; at (-1.2, 1)
    it is (-215.6, -88)."""
    check_cases(student, ROSENBROCK_CASES, pass_h=False)


@pytest.mark.points(1)
def test_close_to_the_exact_gradient(student):
    """Central differences are accurate to O(h^2): with the default h every entry is within
    about 1e-6 of the exact gradient (A x + cos x for the coupled quadratic), unlike a
    one-sided difference, whose error h f'' / 2 is about 2e-5 here."""
    cases = [COUPLED_CASES[2], COUPLED_CASES[3], ROSENBROCK_CASES[1], ROSENBROCK_CASES[2]]
    results = [student.numerical_gradient(f, x) for f, x, _ in cases]
    for (f, x, h), got in zip(cases, results, strict=True):
        assert_close(got, EXACT[f.name](x), rtol=1e-7, atol=1e-6 + roundoff(f, x, h),
                     inputs=shown(f, x, h),
                     what="numerical_gradient(f, x) (compared with the exact gradient)")


@pytest.mark.points(1)
def test_explicit_step(student):
    """Use the h the caller passes, positionally or as h=...: the default 1e-5 is only the
    default."""
    check_cases(student, EXPLICIT_CASES, pass_h=True)
    check_cases(student, KEYWORD_CASES, pass_h="keyword")


@pytest.mark.points(1)
def test_one_coordinate(student):
    """For x of length 1 the gradient is an array holding the ordinary derivative."""
    check_cases(student, ONE_COORDINATE_CASES, pass_h=True)


@pytest.mark.points(1)
def test_one_entry_per_coordinate(student):
    """The gradient has one partial derivative per coordinate: an array of x's shape."""
    cases = [(COUPLED, vec(0.5, -1.0, 1.5)), (ROSENBROCK, vec(0.2, 0.4, 0.6, 0.8, 1.0)),
             (COUPLED, vec(0.25))]
    results = [student.numerical_gradient(f, x) for f, x in cases]
    for (f, x), got in zip(cases, results, strict=True):
        shape = np.shape(got)
        assert shape == x.shape, (
            f"numerical_gradient(f, x) should return one partial derivative per coordinate of "
            f"x, an array of shape {x.shape}; for f = {SHOWN[f.name]} and x = {format_value(x)} "
            f"it returned {format_value(got)} (shape {shape}). f(x) is one number for the whole "
            "vector: perturb one coordinate at a time, x + h e_i, and collect the n slopes."
        )


@pytest.mark.points(1)
@seed(SEED)
@given(name=st.sampled_from(sorted(SHOWN)), x=vectors((1, 6), bound=2.0),
       h=st.floats(1e-4, 0.1))
def test_random_points_and_steps(student, name, x, h):
    f = NamedFunction(name)
    assert_central(student.numerical_gradient(f, x, h), f, x, h)


@pytest.mark.points(1)
def test_does_not_modify_x(student):
    """The caller's x must be the same array afterwards, to the last bit."""
    x, h = vec(0.3, -1.7, 2.9), 0.1
    _, (_, after, _) = student.numerical_gradient.call_and_return_args(COUPLED, x.copy(), h)
    assert np.array_equal(after, x), (
        f"numerical_gradient(f, x, h) changed x: {format_value(x)} before the call (with h = "
        f"{h}), {format_value(after)} after it. Build new points (x + h * e_i) or perturb a copy "
        "(point = x.copy()); in floating point, x[i] += h followed by x[i] -= h does not always "
        "give back the same number."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def forward_difference(f, x, h=1e-5):
    """(f(x + h e_i) - f(x)) / h is the forward difference, wrong by about h/2 times the second
    derivative along coordinate i. Use the central difference (f(x + h e_i) - f(x - h e_i)) /
    (2h): its error is proportional to h^2.
    """
    grad = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = 1.0
        grad[i] = (f(x + h * e) - f(x)) / h
    return grad


@mistake
def divides_by_h_not_2h(f, x, h=1e-5):
    """x + h e_i and x - h e_i are 2h apart, so divide the difference of f by 2h, not h: each of
    your entries is twice the slope.
    """
    grad = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = 1.0
        grad[i] = (f(x + h * e) - f(x - h * e)) / h
    return grad


@mistake
def same_step_in_every_coordinate(f, x, h=1e-5):
    """x + h moves every coordinate at once, so every entry is the same number: the slope along
    the diagonal (1, ..., 1), the sum of all partial derivatives. For entry i move coordinate i
    only: x + h e_i, with e_i the i-th unit vector (np.eye(n)[i]).
    """
    grad = np.zeros(len(x))
    for i in range(len(x)):
        grad[i] = (f(x + h) - f(x - h)) / (2 * h)
    return grad


@mistake
def treats_f_as_elementwise(f, x, h=1e-5):
    """f returns one number for the whole vector x, not one per entry, so (f(x + h) - f(x - h))
    / (2h) is a single number (the slope along (1, ..., 1)), not the gradient. Perturb one
    coordinate at a time: g[i] = (f(x + h e_i) - f(x - h e_i)) / (2h).
    """
    return (f(x + h) - f(x - h)) / (2 * h)


@mistake
def modifies_x_in_place(f, x, h=1e-5):
    """x[i] += h changes the caller's array, and as x[i] is never put back, every later partial
    derivative is taken at a shifted point. Build new points x + h e_i and x - h e_i, or work on
    a copy, point = x.copy().
    """
    grad = np.zeros(len(x))
    for i in range(len(x)):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        grad[i] = (up - down) / (2 * h)
    return grad


@mistake
def restores_x_by_arithmetic(f, x, h=1e-5):
    """Adding h to x[i] and subtracting it again does not always give back the same float
    ((0.3 + 0.1) - 0.1 is not 0.3), so your function changes the caller's x in its last bits.
    Don't assign into x: build new points x + h e_i, or perturb a copy (point = x.copy()).
    """
    grad = np.zeros(len(x))
    for i in range(len(x)):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        x[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad


@mistake
def ignores_the_step_argument(f, x, h=1e-5):
    """Use the step h that the caller passes: numerical_gradient(f, x, 0.1) must use h = 0.1.
    Only the default value of the parameter is 1e-5.
    """
    step = 1e-5
    grad = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = step
        grad[i] = (f(x + e) - f(x - e)) / (2 * step)
    return grad


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def comprehension_over_identity_rows(f, x, h=1e-5):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(len(x))])


@alternative
def perturbs_a_copy_and_restores(f, x, h=1e-5):
    point = x.copy()
    grad = np.empty(point.size)
    for i in range(point.size):
        saved = point[i]
        point[i] = saved + h
        up = f(point)
        point[i] = saved - h
        down = f(point)
        point[i] = saved
        grad[i] = (up - down) / 2 / h
    return grad


@alternative
def apply_along_identity(f, x, h=1e-5):
    def slope(e):
        return 0.5 * (f(x + h * e) - f(x - h * e)) / h

    return np.apply_along_axis(slope, 1, np.eye(x.size))


@alternative
def list_of_one_dimensional_differences(f, x, h=1e-5):
    # finite_difference (exercise 1) along each coordinate, the others held fixed
    def along(i):
        return lambda t: f(np.concatenate([x[:i], [t], x[i + 1:]]))

    return [finite_difference(along(i), x[i], h)  # noqa: F821 (the notebook's)
            for i in range(len(x))]
