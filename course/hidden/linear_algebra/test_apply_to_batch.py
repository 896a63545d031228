"""Hidden tests for `apply_to_batch(F, batch_of_vectors)`: F applied to each column of the
batch, which is the matrix product F @ batch_of_vectors (shape (m, k) for F of shape (m, n)
and a batch of shape (n, k)).
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
ATOL = 1e-8  # sums of products of entries up to 10, added in any order


def reference(F, batch_of_vectors):
    return F @ batch_of_vectors


def mat(rows):
    return np.array(rows, dtype=float)


# Rectangular F and batch, with k != m, so a transposed answer has the wrong shape.
FIXED = [
    (mat([[1, 2], [3, 4], [5, 6]]), mat([[1, 0, -1, 2], [0, 1, 1, 3]])),
    (mat([[1, 0], [0, 0]]), mat([[1, 3, 5, 7], [2, 4, 6, 8]])),
    (mat([[1, 0, 0, 0, 0]]), mat(np.arange(15).reshape(5, 3))),
    (mat([[2, -1, 0], [0.5, 1, 3]]), mat([[1, 2], [3, 4], [5, 6]])),
]
# Square F and batch of the same size: the product in the wrong order, F.T or a transposed
# result have the right shape and the wrong values.
SQUARE = [
    (mat([[1, 2], [3, 4]]), mat([[0, 1], [1, 0]])),
    (mat([[2, 0, 1], [1, 3, 0], [0, 1, 1]]), mat([[1, 2, 0], [0, 1, 4], [3, 0, 1]])),
    (np.eye(3), mat([[1, 2, 3], [4, 5, 6], [7, 8, 9]])),
]
# A batch of one vector, and a batch of many vectors of length one; large and small numbers.
EDGES = [
    (mat([[1, 2, 3], [4, 5, 6]]), mat([[1], [0], [-1]])),
    (mat([[2], [3]]), mat([[1, 2, 3, 4]])),
    (mat([[5]]), mat([[1, 2]])),
    (1e6 * mat([[1, 2], [3, 4], [5, 6]]), 1e3 * mat([[1, 0, 2], [3, 1, 1]])),
    (1e-6 * mat([[1, 2], [3, 4]]), mat([[1, 0, 2], [3, 1, 1]])),
]


@st.composite
def matrix_and_batch(draw):
    m, n, k = (draw(st.integers(1, 5)) for _ in range(3))
    entries = st.floats(-10, 10, allow_nan=False, allow_subnormal=False)
    return (draw(hnp.arrays(np.float64, (m, n), elements=entries)),
            draw(hnp.arrays(np.float64, (n, k), elements=entries)))


def assert_all_close(student, cases):
    check_calls(student.apply_to_batch, reference, cases, names=("F", "batch_of_vectors"),
                atol=ATOL)


@pytest.mark.points(3)
def test_fixed_batches(student):
    """Column j of the answer is F @ batch_of_vectors[:, j]; the answer has shape (m, k)."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_square_matrices(student):
    """F @ batch, not batch @ F, F.T @ batch or F * batch."""
    assert_all_close(student, SQUARE)


@pytest.mark.points(1)
def test_single_vector_length_one_and_large_values(student):
    assert_all_close(student, EDGES)


@pytest.mark.points(2)
@seed(SEED)
@given(case=matrix_and_batch())
def test_random_batches(student, case):
    F, batch = case
    assert_close(student.apply_to_batch(F, batch), reference(F, batch), atol=ATOL,
                 inputs={"F": F, "batch_of_vectors": batch})


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    F, batch = FIXED[0]
    _, (f_after, b_after) = student.apply_to_batch.call_and_return_args(F.copy(), batch.copy())
    assert np.array_equal(f_after, F) and np.array_equal(b_after, batch), (
        f"apply_to_batch(F, batch_of_vectors) changed its arguments: F = {format_value(F)} and "
        f"batch_of_vectors = {format_value(batch)} before the call, {format_value(f_after)} "
        f"and {format_value(b_after)} after it. Build a new array for the result."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def results_stacked_as_rows(F, batch_of_vectors):
    """np.array([F @ v for v in batch.T]) stacks the results as rows: that is (F @ batch).T. The
    vectors of the batch are its columns, so the results must be columns too:
    np.column_stack(...) or simply F @ batch_of_vectors.
    """
    return np.array([F @ v for v in batch_of_vectors.T])


@mistake
def batch_times_f(F, batch_of_vectors):
    """batch_of_vectors @ F applies the batch to F. Matrix products don't commute: F goes on the
    left, F @ batch_of_vectors.
    """
    return batch_of_vectors @ F


@mistake
def transposed_f(F, batch_of_vectors):
    """F.T @ batch applies the transpose of F. Apply F itself: F @ batch_of_vectors."""
    return F.T @ batch_of_vectors


@mistake
def elementwise_product(F, batch_of_vectors):
    """F * batch multiplies entry by entry; applying F to a vector is the matrix product: F @
    batch_of_vectors (or np.matmul).
    """
    return F * batch_of_vectors


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def column_stack_of_a_comprehension(F, batch_of_vectors):
    return np.column_stack([F @ v for v in batch_of_vectors.T])


@alternative
def loop_over_columns(F, batch_of_vectors):
    out = np.zeros((F.shape[0], batch_of_vectors.shape[1]))
    for j in range(batch_of_vectors.shape[1]):
        for i in range(F.shape[0]):
            out[i, j] = sum(F[i, t] * batch_of_vectors[t, j] for t in range(F.shape[1]))
    return out


@alternative
def einsum(F, batch_of_vectors):
    return np.einsum("ij,jk->ik", F, batch_of_vectors)
