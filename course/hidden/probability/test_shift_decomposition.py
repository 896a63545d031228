"""Hidden tests for `shift_decomposition(p_joint, q_joint)`: the chain rule of the KL divergence
for a shift from the joint pmf p(x, y) to q(x, y) (2-D arrays, rows x, columns y):

    KL(p(x, y) || q(x, y)) = KL(p(x) || q(x)) + sum_x p(x) KL(p(y | x) || q(y | x)),

returned as the tuple (marginal part, conditional part). q_joint is strictly positive;
p_joint may contain zeros (zero terms contribute 0, and rows with p(x) = 0 have weight 0).
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


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def conditionals_not_weighted(p_joint, q_joint):
    """The conditional part averages the per-x divergences KL(p(y|x) || q(y|x)) with the weights
    p(x): sum_x p(x) KL(...), not a plain sum over x.
    """
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        if p_x[i] > 0:
            p_y, q_y = p_joint[i] / p_x[i], q_joint[i] / q_x[i]
            keep = p_y > 0
            conditional += np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake
def weighted_by_q(p_joint, q_joint):
    """Weight the conditional divergences by p(x), the distribution the data come from, not by
    q(x).
    """
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        if p_x[i] > 0:
            p_y, q_y = p_joint[i] / p_x[i], q_joint[i] / q_x[i]
            keep = p_y > 0
            conditional += q_x[i] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake
def rows_not_normalised(p_joint, q_joint):
    """The conditionals are the rows divided by their sums, p(y|x) = p(x, y) / p(x); the rows of
    the joint table are not pmfs.
    """
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for i in range(len(p_x)):
        p_y, q_y = p_joint[i], q_joint[i]
        keep = p_y > 0
        conditional += p_x[i] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


@mistake
def conditioned_on_columns(p_joint, q_joint):
    """x indexes the rows (axis 0): the marginal p(x) sums each row (axis=1), and the
    conditionals p(y|x) are the normalised rows.
    """
    p_x, q_x = p_joint.sum(axis=0), q_joint.sum(axis=0)
    mask = p_x > 0
    marginal = np.sum(p_x[mask] * np.log(p_x[mask] / q_x[mask]))
    conditional = 0.0
    for j in range(len(p_x)):
        if p_x[j] > 0:
            p_y, q_y = p_joint[:, j] / p_x[j], q_joint[:, j] / q_x[j]
            keep = p_y > 0
            conditional += p_x[j] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def chain_rule_remainder(p_joint, q_joint):
    from scipy.special import rel_entr

    marginal = rel_entr(p_joint.sum(axis=1), q_joint.sum(axis=1)).sum()
    total = rel_entr(p_joint, q_joint).sum()
    return marginal, total - marginal  # KL(joint) = marginal + conditional


@alternative
def rel_entr_against_rescaled_q(p_joint, q_joint):
    from scipy.special import rel_entr

    p_x = p_joint.sum(axis=1, keepdims=True)
    q_x = q_joint.sum(axis=1, keepdims=True)
    # p(x, y) ln(p(y|x) / q(y|x)) = p(x, y) ln(p(x, y) / (p(x) q(y|x)))
    conditional = rel_entr(p_joint, p_x * q_joint / q_x).sum()
    return float(rel_entr(p_x, q_x).sum()), float(conditional)


@alternative
def loops_with_math(p_joint, q_joint):
    rows, cols = p_joint.shape
    p_x = [sum(p_joint[i]) for i in range(rows)]
    q_x = [sum(q_joint[i]) for i in range(rows)]
    marginal = sum(p_x[i] * math.log(p_x[i] / q_x[i]) for i in range(rows) if p_x[i] > 0)
    conditional = 0.0
    for i in range(rows):
        for j in range(cols):
            if p_joint[i, j] > 0:
                p_cond = p_joint[i, j] / p_x[i]
                q_cond = q_joint[i, j] / q_x[i]
                conditional += p_joint[i, j] * math.log(p_cond / q_cond)
    return (marginal, conditional)


@alternative
def reuses_divergence_per_row(p_joint, q_joint):
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    # The notebook's divergence, once per row with p(x) > 0 and once for the marginals.
    conditional = sum(p_x[i] * divergence(p_joint[i] / p_x[i], q_joint[i] / q_x[i])  # noqa: F821
                      for i in range(len(p_x)) if p_x[i] > 0)
    return divergence(p_x, q_x), conditional  # noqa: F821
