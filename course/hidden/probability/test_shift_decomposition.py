"""Hidden tests for `shift_decomposition(p_joint, q_joint)`: the chain rule of the KL divergence
for a shift from the joint pmf p(x, y) to q(x, y) (2-D arrays, rows x, columns y):

    KL(p(x, y) || q(x, y)) = KL(p(x) || q(x)) + sum_x p(x) KL(p(y | x) || q(y | x)),

returned as the tuple (marginal part, conditional part). q_joint is strictly positive;
p_joint may contain zeros (zero terms contribute 0, and rows with p(x) = 0 have weight 0).
"""

import numpy as np
import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograder.compare import assert_close, check_calls, format_value

# Every submission sees the same generated inputs (an explicit seed overrides the digest
# that hypothesis' pytest plugin derives from the parametrized node id, i.e. the submission).
SEED = 20240601
NAMES = ("p_joint", "q_joint")


def _kl(p, q):
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def reference(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    conditional = 0.0
    for i in range(p_joint.shape[0]):
        if p_x[i] > 0:
            conditional += p_x[i] * _kl(p_joint[i] / p_x[i], q_joint[i] / q_x[i])
    return _kl(p_x, q_x), conditional


def joint(*rows):
    return np.array(rows, dtype=float)


UNIFORM_2X2 = joint([0.25, 0.25], [0.25, 0.25])
FIXED = [
    # Only the marginal of x moves; the conditionals stay uniform.
    (joint([0.4, 0.4], [0.1, 0.1]), UNIFORM_2X2),
    # Only the conditionals move; the marginal stays (1/2, 1/2).
    (joint([0.4, 0.1], [0.1, 0.4]), UNIFORM_2X2),
    # Both move, 2 x 3.
    (joint([0.3, 0.1, 0.1], [0.1, 0.2, 0.2]), joint([0.1, 0.1, 0.2], [0.2, 0.3, 0.1])),
    # 3 x 2, all different.
    (joint([0.05, 0.15], [0.3, 0.1], [0.2, 0.2]), joint([0.2, 0.1], [0.1, 0.2], [0.3, 0.1])),
    # No shift at all.
    (UNIFORM_2X2, UNIFORM_2X2),
]
ZEROS = [
    (joint([0.5, 0.0], [0.25, 0.25]), UNIFORM_2X2),
    (joint([0.0, 0.0], [0.3, 0.7]), joint([0.1, 0.2], [0.3, 0.4])),
    (joint([0.6, 0.4]), joint([0.5, 0.5])),
    (joint([0.2], [0.8]), joint([0.5], [0.5])),
]


def _floats(low, high):
    return st.floats(low, high, allow_nan=False, allow_subnormal=False)


@st.composite
def pairs(draw):
    rows, cols = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    p = draw(hnp.arrays(np.float64, (rows, cols), elements=st.one_of(st.just(0.0),
                                                                      _floats(0.01, 1.0))))
    if p.sum() == 0:
        p[0, 0] = 1.0
    q = draw(hnp.arrays(np.float64, (rows, cols), elements=_floats(0.01, 1.0)))
    return p / p.sum(), q / q.sum()


@pytest.mark.points(3)
def test_fixed_shifts(student):
    """(KL of the x-marginals, p(x)-weighted KL of the conditionals p(y|x) vs q(y|x))."""
    check_calls(student.shift_decomposition, reference, FIXED, names=NAMES)


@pytest.mark.points(1)
def test_zeros_and_single_rows_or_columns(student):
    """Rows with p(x) = 0 carry no weight; zero entries of p contribute 0."""
    check_calls(student.shift_decomposition, reference, ZEROS, names=NAMES)


@pytest.mark.points(2)
@seed(SEED)
@given(pair=pairs())
def test_matches_reference_on_random_shifts(student, pair):
    assert_close(student.shift_decomposition(*pair), reference(*pair), atol=1e-9,
                 inputs=dict(zip(NAMES, pair, strict=True)))


@pytest.mark.points(1)
@seed(SEED)
@given(pair=pairs())
def test_parts_add_up_to_the_joint_divergence(student, pair):
    """The chain rule: both parts are >= 0 and add up to KL(p(x, y) || q(x, y))."""
    p, q = pair
    marginal, conditional = student.shift_decomposition(p, q)
    assert_close(float(marginal) + float(conditional), _kl(p.ravel(), q.ravel()), atol=1e-9,
                 inputs={"p_joint": p, "q_joint": q}, what="marginal + conditional")
    assert float(marginal) >= -1e-12 and float(conditional) >= -1e-12, (
        f"Both parts are KL divergences (the second an average of them), so both are >= 0; "
        f"got {format_value(marginal)} and {format_value(conditional)} for "
        f"p_joint = {format_value(p)}, q_joint = {format_value(q)}"
    )


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    p, q = FIXED[2]
    _, after = student.shift_decomposition.call_and_return_args(p.copy(), q.copy())
    for name, before, now in zip(NAMES, (p, q), after, strict=True):
        assert np.array_equal(now, before), (
            f"shift_decomposition changed its argument {name}: {format_value(before)} before "
            f"the call, {format_value(now)} after it."
        )
