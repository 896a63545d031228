"""Hidden tests for `collapse_pipeline(matrices)`: the one matrix V that does what applying
matrices[0], then matrices[1], ..., then matrices[-1] does: V = M_last @ ... @ M_1 @ M_0.

`matrices` is a non-empty list of 2-D float arrays whose shapes chain (matrices[i + 1].shape[1]
== matrices[i].shape[0]); V has shape (matrices[-1].shape[0], matrices[0].shape[1]).
"""

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
RTOL, ATOL = 1e-6, 1e-8


def reference(matrices):
    V = matrices[0]
    for M in matrices[1:]:
        V = M @ V
    return V


def mat(rows):
    return np.array(rows, dtype=float)


# The refactoring exercise of the Math4ML notebook: W, then X, then Y, then Z.
W = mat([[1, 2], [-1, 1]])
X = mat([[1 / 10, 1 / 5], [1 / 4, 1]])
Y = mat([[3, 1], [0.1, 0]])
Z = mat([[1, 0], [0, 1]])
SQUARE = [
    ([W, X, Y, Z],),
    ([mat([[1, 1], [0, 1]]), mat([[0, 1], [1, 0]])],),
    ([mat([[2, 0, 1], [1, 1, 0], [0, 3, 1]]), mat([[1, 2, 0], [0, 1, 1], [1, 0, 2]]),
      mat([[0, 1, 0], [0, 0, 1], [1, 0, 0]])],),
]
# Shapes that chain in one order only: (3, 2) first, then (4, 3), then (1, 4) -> (1, 2).
RECTANGULAR = [
    ([mat([[1, 2], [3, 4], [5, 6]]), mat(np.arange(12).reshape(4, 3)), mat([[1, -1, 1, -1]])],),
    ([mat([[1, 0, 2]]), mat([[2], [3]])],),
    ([mat([[1, 2, 3, 4], [0, 1, 0, 1]]), mat([[1, 1], [2, -1], [0, 3]])],),
]
# A single matrix is its own pipeline; a 1 x 1 chain. The last one is a control.
EDGES = [([mat([[1, 2, 3], [4, 5, 6]])],), ([mat([[2]]), mat([[3]]), mat([[-1]])],),
         ([mat([[1, 1], [0, 1]]), mat([[0, 1], [1, 0]])],)]


@st.composite
def pipelines(draw):
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=5))
    entries = st.floats(-3, 3, allow_nan=False, allow_subnormal=False)
    return [draw(hnp.arrays(np.float64, (sizes[i + 1], sizes[i]), elements=entries))
            for i in range(len(sizes) - 1)]


def close_to(got, expected, **options):
    assert_close(got, expected, rtol=RTOL, atol=ATOL * max(1.0, np.abs(expected).max()),
                 **options)


def assert_all_close(student, cases):
    check_calls(student.collapse_pipeline, reference, cases, names=("matrices",),
                compare=close_to)


@pytest.mark.points(2)
def test_square_pipelines(student):
    """Applying W, then X, then Y, then Z is Z @ Y @ X @ W: the first matrix is rightmost."""
    assert_all_close(student, SQUARE)


@pytest.mark.points(2)
def test_rectangular_pipelines(student):
    """Shapes chain like function types: (3, 2), then (4, 3), then (1, 4) gives (1, 2)."""
    assert_all_close(student, RECTANGULAR)


@pytest.mark.points(1)
def test_single_matrix_and_1x1(student):
    assert_all_close(student, EDGES)


@pytest.mark.points(2)
@seed(SEED)
@given(matrices=pipelines())
def test_same_as_applying_one_by_one(student, matrices):
    """V @ x equals the result of applying every matrix to x in turn."""
    close_to(student.collapse_pipeline(matrices), reference(matrices),
             inputs={"matrices": matrices})


@pytest.mark.points(1)
def test_does_not_modify_its_input(student):
    matrices = [W, X, Y, Z]
    _, (after,) = student.collapse_pipeline.call_and_return_args([M.copy() for M in matrices])
    same = (isinstance(after, list) and len(after) == len(matrices)
            and all(np.array_equal(a, M) for a, M in zip(after, matrices, strict=True)))
    assert same, (
        f"collapse_pipeline(matrices) changed its argument: the list was "
        f"{format_value(matrices)} before the call, {format_value(after)} after it. Don't "
        "reverse, pop from or assign into the list or its matrices: use matrices[::-1] or "
        "reversed(matrices), which leave it alone, and V = M @ V (not V @= M on an input)."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def reverses_the_list_in_place(matrices):
    """list.reverse() reverses the caller's list in place: their pipeline now runs backwards.
    Use matrices[::-1] or reversed(matrices), which leave the list alone.
    """
    import functools

    matrices.reverse()
    return functools.reduce(np.matmul, matrices)


@mistake
def multiplied_in_reading_order(matrices):
    """Applying W first and then X is X @ W: the matrix applied first goes on the right.
    Multiply each next matrix on the left: V = M @ V.
    """
    import functools

    return functools.reduce(np.matmul, matrices)


@mistake
def elementwise_products(matrices):
    """M * V multiplies entry by entry; composing two matrices is the matrix product M @ V."""
    V = matrices[0]
    for M in matrices[1:]:
        V = M * V
    return V


@mistake
def sum_of_the_matrices(matrices):
    """Adding matrices runs them side by side and adds the outputs; one after the other is their
    product: V = M @ V for each next M.
    """
    return sum(matrices)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def reduce_from_the_left(matrices):
    import functools

    return functools.reduce(lambda V, M: M @ V, matrices)


@alternative
def multi_dot_reversed(matrices):
    if len(matrices) == 1:
        return matrices[0].copy()
    return np.linalg.multi_dot(list(reversed(matrices)))


@alternative
def identity_then_each(matrices):
    V = np.eye(matrices[0].shape[1])
    for M in matrices:
        V = np.matmul(M, V)
    return V
