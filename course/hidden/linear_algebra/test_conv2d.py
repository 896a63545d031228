"""Hidden tests for `conv2d(image, kernel)`: the 2-D convolution of `image` (H, W) with
`kernel` (h, w), h <= H and w <= W, in "valid" mode, shape (H - h + 1, W - w + 1):

    out[i, j] = sum_{p, q} kernel[p, q] * image[i + h - 1 - p, j + w - 1 - q]

i.e. the kernel flipped in both directions and slid over the image, as
scipy.signal.convolve2d(image, kernel, mode="valid").
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


def reference(image, kernel):
    h, w = kernel.shape
    flipped = kernel[::-1, ::-1]
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * flipped)
    return out


def mat(rows):
    return np.array(rows, dtype=float)


IMAGE = np.arange(30, dtype=float).reshape(5, 6) % 7
# Kernels without symmetry (flipping rows, columns or both changes them), and rectangular.
FIXED = [
    (IMAGE, mat([[1, 2], [3, 4]])),
    (IMAGE, mat([[1, 0, -1], [2, 0, -2], [1, 0, -1]])),
    (IMAGE, mat([[1, 2, 3]])),
    (IMAGE, mat([[1], [-2], [0.5]])),
    (mat([[1, 2, 0, 1], [0, 1, 3, 1], [2, 2, 1, 0]]), mat([[0, 1], [2, 5]])),
]
# The kernel as large as the image: one number; 1 x 1 kernels: a scaled copy. A control.
EDGES = [
    (mat([[1, 2], [3, 4]]), mat([[5, 6], [7, 8]])),
    (IMAGE, mat([[2.5]])),
    (mat([[3]]), mat([[-2]])),
    (IMAGE[:3, :4], IMAGE[:3, :4] / 10),
    (IMAGE, mat([[1, 2], [3, 4]])),
]
LARGE = [(1e6 * IMAGE, mat([[1, 2], [3, 4]])), (IMAGE, 1e-6 * mat([[1, 0, -1], [2, 0, -2]]))]

ENTRIES = st.floats(-10, 10, allow_nan=False, allow_subnormal=False)


@st.composite
def image_and_kernel(draw):
    H, W = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    h, w = draw(st.integers(1, H)), draw(st.integers(1, W))
    return (draw(hnp.arrays(np.float64, (H, W), elements=ENTRIES)),
            draw(hnp.arrays(np.float64, (h, w), elements=ENTRIES)))


def close_to(got, expected, **options):
    scale = max(1.0, np.abs(expected).max()) if np.size(expected) else 1.0
    assert_close(got, expected, rtol=RTOL, atol=ATOL * scale, **options)


def assert_all_close(student, cases):
    check_calls(student.conv2d, reference, cases, names=("image", "kernel"), compare=close_to)


@pytest.mark.points(3)
def test_fixed_images(student):
    """out[i, j] is the sum of the image patch at (i, j) times the kernel flipped in both
    directions; only positions where the kernel fits inside the image count."""
    assert_all_close(student, FIXED)


@pytest.mark.points(1)
def test_kernel_as_large_as_the_image_and_1x1(student):
    """A kernel of the image's size fits once: a 1 x 1 answer."""
    assert_all_close(student, EDGES)


@pytest.mark.points(1)
def test_large_and_small_values(student):
    assert_all_close(student, LARGE)


@pytest.mark.points(2)
@seed(SEED)
@given(case=image_and_kernel())
def test_matches_reference_on_random_images(student, case):
    image, kernel = case
    close_to(student.conv2d(image, kernel), reference(image, kernel),
             inputs={"image": image, "kernel": kernel})


@pytest.mark.points(1)
def test_does_not_modify_its_inputs(student):
    image, kernel = FIXED[0]
    _, (i_after, k_after) = student.conv2d.call_and_return_args(image.copy(), kernel.copy())
    assert np.array_equal(i_after, image) and np.array_equal(k_after, kernel), (
        f"conv2d(image, kernel) changed its arguments: image = {format_value(image)} and "
        f"kernel = {format_value(kernel)} before the call, {format_value(i_after)} and "
        f"{format_value(k_after)} after it. Flip with kernel[::-1, ::-1] (a view you only read)."
    )


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def correlation_instead(image, kernel):
    """That is cross-correlation (what deep-learning libraries call convolution): convolution
    flips the kernel in both directions first, kernel[::-1, ::-1].
    """
    h, w = kernel.shape
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * kernel)
    return out


@mistake
def flips_only_the_rows(image, kernel):
    """kernel[::-1] flips only the rows; convolution flips both axes: kernel[::-1, ::-1]."""
    h, w = kernel.shape
    flipped = kernel[::-1]
    out = np.zeros((image.shape[0] - h + 1, image.shape[1] - w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + h, j:j + w] * flipped)
    return out


@mistake
def full_mode_2d(image, kernel):
    """That is mode 'full' (every partial overlap); 'valid' keeps only the positions where the
    kernel fits inside the image: shape (H - h + 1, W - w + 1).
    """
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="full")


@mistake
def same_mode_2d(image, kernel):
    """That is mode 'same' (the image's shape); 'valid' keeps only the positions where the
    kernel fits inside the image: shape (H - h + 1, W - w + 1).
    """
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="same")


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def scipy_convolve2d(image, kernel):
    from scipy.signal import convolve2d

    return convolve2d(image, kernel, mode="valid")


@alternative
def correlate_with_the_flipped_kernel(image, kernel):
    from scipy.signal import correlate2d

    return correlate2d(image, np.flip(kernel), mode="valid")


@alternative
def sliding_windows(image, kernel):
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijpq,pq->ij", windows, kernel[::-1, ::-1])


@alternative
def four_loops(image, kernel):
    H, W = image.shape
    h, w = kernel.shape
    out = np.zeros((H - h + 1, W - w + 1))
    for i in range(H - h + 1):
        for j in range(W - w + 1):
            for p in range(h):
                for q in range(w):
                    out[i, j] += kernel[p, q] * image[i + h - 1 - p, j + w - 1 - q]
    return out
