"""Hidden tests for `affine_flow_log_density(y, scale, shift)`: the log-density of y in R^d
when y = scale * x + shift (elementwise) and x ~ N(0, I_d), by the change of variables

    ln p_Y(y) = ln p_X((y - shift) / scale) - sum_i ln |scale_i|.

y, scale, shift are 1-D float arrays of one length d; every scale_i is nonzero (it may be
negative). The answer is a single number.
"""

import math

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
NAMES = ("y", "scale", "shift")


def reference(y, scale, shift):
    x = (y - shift) / scale
    return float(np.sum(-0.5 * x**2 - 0.5 * math.log(2 * math.pi)) - np.sum(np.log(np.abs(scale))))


def vec(*values):
    return np.array(values, dtype=float)


FIXED = [
    (vec(0.0), vec(1.0), vec(0.0)),
    (vec(1.0), vec(2.0), vec(0.0)),
    (vec(3.0), vec(0.5), vec(2.0)),
    (vec(1.0, -2.0), vec(2.0, 3.0), vec(0.5, -1.0)),
    (vec(0.2, 0.4, 0.6), vec(0.1, 4.0, 1.5), vec(0.0, 0.0, 1.0)),
]
# Negative scales flip an axis: the density uses |scale|.
NEGATIVE_SCALE = [
    (vec(1.0), vec(-2.0), vec(0.0)),
    (vec(0.5, 1.0), vec(-1.0, 3.0), vec(1.0, 0.0)),
    (vec(1.0), vec(2.0), vec(0.0)),
]


def _floats(low, high):
    return st.floats(low, high, allow_nan=False, allow_subnormal=False)


@st.composite
def flows(draw):
    d = draw(st.integers(1, 6))
    y = draw(hnp.arrays(np.float64, d, elements=_floats(-5, 5)))
    magnitude = draw(hnp.arrays(np.float64, d, elements=_floats(0.2, 5)))
    signs = draw(hnp.arrays(np.float64, d, elements=st.sampled_from([-1.0, 1.0])))
    shift = draw(hnp.arrays(np.float64, d, elements=_floats(-3, 3)))
    return y, magnitude * signs, shift


@pytest.mark.points(3)
def test_fixed_flows(student):
    """Standardise with x = (y - shift) / scale, then pay the volume change ln |scale|."""
    check_calls(student.affine_flow_log_density, reference, FIXED, names=NAMES)


@pytest.mark.points(1)
def test_negative_scales(student):
    """A negative scale reflects the axis; volume is measured by |scale|."""
    check_calls(student.affine_flow_log_density, reference, NEGATIVE_SCALE, names=NAMES)


@pytest.mark.points(2)
@seed(SEED)
@given(flow=flows())
def test_matches_reference_on_random_flows(student, flow):
    assert_close(student.affine_flow_log_density(*flow), reference(*flow),
                 inputs=dict(zip(NAMES, flow, strict=True)))


@pytest.mark.points(1)
def test_density_integrates_to_one(student):
    """In one dimension, exp(log-density) over a fine grid sums to 1 (times the spacing)."""
    scale, shift = vec(-1.5), vec(0.75)
    grid = np.linspace(shift[0] - 15.0, shift[0] + 15.0, 121)
    values = [student.affine_flow_log_density(vec(t), scale, shift) for t in grid]
    total = float(np.sum(np.exp(np.array(values, dtype=float))) * (grid[1] - grid[0]))
    assert_close(total, 1.0, rtol=1e-4, atol=1e-6, inputs={"scale": scale, "shift": shift},
                 what="the integral of exp(affine_flow_log_density(y, scale, shift)) over y")


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    y, scale, shift = vec(0.5, 1.0), vec(-1.0, 3.0), vec(1.0, 0.0)
    _, after = student.affine_flow_log_density.call_and_return_args(
        y.copy(), scale.copy(), shift.copy())
    for name, before, now in zip(NAMES, (y, scale, shift), after, strict=True):
        assert np.array_equal(now, before), (
            f"affine_flow_log_density changed its argument {name}: {format_value(before)} "
            f"before the call, {format_value(now)} after it."
        )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def no_log_determinant(y, scale, shift):
    """Change of variables: p_Y(y) = p_X(x) / |det J|, so subtract the log-volume change sum_i
    ln |scale_i|; without it the density does not integrate to 1.
    """
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi))


@mistake
def log_determinant_added(y, scale, shift):
    """Stretching by |scale| spreads the probability thinner: subtract sum ln |scale_i| (the log
    of the Jacobian of y = scale x + shift), do not add it.
    """
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) + np.sum(np.log(np.abs(scale)))


@mistake
def log_of_signed_scale(y, scale, shift):
    """A negative scale flips an axis but still stretches it by |scale|: use ln |scale_i|
    (np.log(np.abs(scale))); ln of a negative number is nan.
    """
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) - np.sum(np.log(scale))


@mistake
def forward_map_instead_of_inverse(y, scale, shift):
    """Evaluate the base density at the *pre-image* x = (y - shift) / scale, not at the forward
    image scale * y + shift.
    """
    x = scale * y + shift
    return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) - np.sum(np.log(np.abs(scale)))


@mistake
def no_normalising_constant_flow(y, scale, shift):
    """The standard normal's log-density is -x^2/2 - ln(2 pi)/2 per dimension: keep the
    normalising constant.
    """
    x = (y - shift) / scale
    return np.sum(-0.5 * x**2) - np.sum(np.log(np.abs(scale)))


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_norm_of_x(y, scale, shift):
    from scipy.stats import norm

    x = (y - shift) / scale
    return norm.logpdf(x).sum() - np.log(np.abs(scale)).sum()


@alternative
def gaussian_in_y_space(y, scale, shift):
    # y_i ~ N(shift_i, scale_i^2) independently.
    from scipy.stats import norm

    return np.sum(norm.logpdf(y, loc=shift, scale=np.abs(scale)))


@alternative
def loop_over_dimensions_with_math(y, scale, shift):
    total = 0.0
    for yi, s, b in zip(y, scale, shift, strict=True):
        x = (yi - b) / s
        total += -0.5 * x * x - 0.5 * math.log(2 * math.pi) - math.log(abs(s))
    return total


@alternative
def slogdet_of_the_jacobian(y, scale, shift):
    x = (y - shift) / scale
    _, log_abs_det = np.linalg.slogdet(np.diag(scale))
    return -0.5 * x @ x - len(y) / 2 * np.log(2 * np.pi) - log_abs_det
