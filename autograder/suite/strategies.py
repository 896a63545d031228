"""Hypothesis strategies and settings shared by the hidden suites of all assignments.

    @mathgrade_settings()
    @given(p=pmfs(allow_zeros=True))
    def test_entropy(student, p): ...

Numbers are drawn with `st.floats` (finite, bounded, no subnormals) and
`hypothesis.extra.numpy`, so a failure shrinks to a readable counterexample (zeros, ones,
one-hot and uniform pmfs, identity-like matrices). Importing this module registers the
hypothesis profile "mathgrade" (the suite plugin loads it; nothing is loaded here).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from hypothesis.strategies import SearchStrategy

__all__ = [
    "logits", "mathgrade_settings", "matrices", "pmfs", "positive_pmfs", "vectors", "SETTINGS",
]

Size = int | tuple[int, int]

SETTINGS: dict[str, Any] = {
    "derandomize": True,
    "database": None,
    "deadline": None,
    "max_examples": 25,
    "print_blob": False,
    # One failing example, not an ExceptionGroup of every distinct failure: the student reads
    # the message of one counterexample.
    "report_multiple_bugs": False,
    # The explain phase re-runs a failing test many times to annotate which parts of the
    # example matter; feedback does not use those notes, and it was most of the time a
    # failing property test took (measured: 5.0 of 5.8 s of shrinking on the demo stubs).
    "phases": [phase for phase in Phase if phase is not Phase.explain],
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.differing_executors,
    ],
}
MIN_POSITIVE_WEIGHT = 1e-6


def mathgrade_settings(**overrides: Any) -> settings:
    """Deterministic settings for grading (derandomized, no database, no deadline, 25
    examples); keyword arguments override single values."""
    return settings(**{**SETTINGS, **overrides})


settings.register_profile("mathgrade", mathgrade_settings())


def _floats(low: float, high: float) -> SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def _size(size: Size) -> tuple[int, int]:
    low, high = (size, size) if isinstance(size, int) else size
    if not 0 <= low <= high:
        raise ValueError(f"bad size {size!r}: need 0 <= min <= max")
    return low, high


def _normalise(weights: np.ndarray) -> np.ndarray:
    p = weights / weights.sum()
    return p / p.sum()  # a second pass brings the sum to 1 within a few ulps


@st.composite
def _pmf(draw: Any, min_size: int, max_size: int, positive: bool) -> np.ndarray:
    n = draw(st.integers(min_size, max_size))
    kinds = ["uniform", "random", "random"] if positive else ["uniform", "one_hot", "random"]
    kind = draw(st.sampled_from(kinds))
    if kind == "uniform":
        return np.full(n, 1.0 / n)
    if kind == "one_hot":
        p = np.zeros(n)
        p[draw(st.integers(0, n - 1))] = 1.0
        return p
    weight = _floats(MIN_POSITIVE_WEIGHT, 1.0)
    if not positive:  # zeros often: as a branch of their own and as the floats' boundary
        weight = st.one_of(st.just(0.0), _floats(0.0, 1.0))
    w = draw(hnp.arrays(np.float64, n, elements=weight))
    if w.sum() == 0:
        w[draw(st.integers(0, n - 1))] = 1.0
    return _normalise(w)


def pmfs(min_size: int = 1, max_size: int = 8, *, allow_zeros: bool = True) -> SearchStrategy:
    """1-D float64 pmfs: non-negative, summing to 1 within 1e-12.

    Uniform and one-hot pmfs are drawn on purpose, and zero entries often when
    `allow_zeros` (else this is `positive_pmfs`). Shrinks towards the uniform pmf.
    """
    low, high = _size((min_size, max_size))
    if low < 1:
        raise ValueError("a pmf has at least one entry")
    if not allow_zeros:
        return positive_pmfs(low, high)
    return _pmf(low, high, positive=False)


def positive_pmfs(min_size: int = 1, max_size: int = 8) -> SearchStrategy:
    """Strictly positive pmfs (weights >= 1e-6 before normalising), e.g. for crossentropy's q."""
    low, high = _size((min_size, max_size))
    if low < 1:
        raise ValueError("a pmf has at least one entry")
    return _pmf(low, high, positive=True)


def logits(min_size: int = 1, max_size: int = 8, *, magnitude: float = 1e3) -> SearchStrategy:
    """1-D float64 arrays of finite values in [-magnitude, magnitude].

    Each entry is either any float in range or exactly +-magnitude, so mixed-sign extremes
    such as [-1000, 1000] (the overflow test of softmax and logsumexp) come up often.
    """
    low, high = _size((min_size, max_size))
    extreme = st.sampled_from([-magnitude, magnitude])
    elements = st.one_of(_floats(-magnitude, magnitude), extreme)
    return hnp.arrays(np.float64, st.integers(low, high), elements=elements)


def vectors(n: Size, *, bound: float = 10.0) -> SearchStrategy:
    """1-D float64 arrays of length `n` (an int or a (min, max) range), entries in +-bound."""
    low, high = _size(n)
    return hnp.arrays(np.float64, st.integers(low, high), elements=_floats(-bound, bound))


def matrices(
    rows: Size, cols: Size, *, bound: float = 10.0, rank: int | None = None,
    full_column_rank: bool = False,
) -> SearchStrategy:
    """2-D float64 arrays of shape (rows, cols); each an int or a (min, max) range.

    Plain: entries in +-bound. `rank=r`: a matrix of exact rank r, built as U @ V with
    U = P [I_r; X] (rows x r) and V = [I_r, Y] Q (r x cols), P and Q permutations and X, Y
    entries in [-1, 1]: both factors have singular values >= 1, so the rank is r also
    numerically (np.linalg.matrix_rank). The product is scaled so entries stay within
    bound. `full_column_rank=True` is rank = cols (rows >= cols is then drawn). Shrinks to
    the identity-like matrix [[I_r, 0], [0, 0]].
    """
    r_low, r_high = _size(rows)
    c_low, c_high = _size(cols)
    if rank is None and not full_column_rank:
        shape = st.tuples(st.integers(r_low, r_high), st.integers(c_low, c_high))
        return hnp.arrays(np.float64, shape, elements=_floats(-bound, bound))
    if full_column_rank:
        if rank is not None:
            raise ValueError("give either rank= or full_column_rank=True, not both")
        if c_low > r_high:
            raise ValueError(f"no shape with rows >= cols in rows={rows}, cols={cols}")
    elif not 0 <= rank <= min(r_high, c_high):
        raise ValueError(f"rank {rank} impossible for rows={rows}, cols={cols}")
    return _low_rank(r_low, r_high, c_low, c_high, rank, bound)


@st.composite
def _low_rank(
    draw: Any, r_low: int, r_high: int, c_low: int, c_high: int, rank: int | None, bound: float
) -> np.ndarray:
    if rank is None:  # full column rank
        n = draw(st.integers(max(c_low, 1), min(c_high, r_high)))
        m, rank = draw(st.integers(max(r_low, n), r_high)), n
    else:
        m = draw(st.integers(max(r_low, rank), r_high))
        n = draw(st.integers(max(c_low, rank), c_high))
    unit = _floats(-1.0, 1.0)
    x = draw(hnp.arrays(np.float64, (m - rank, rank), elements=unit))
    y = draw(hnp.arrays(np.float64, (rank, n - rank), elements=unit))
    u = np.vstack([np.eye(rank), x])[draw(st.permutations(range(m)))]
    v = np.hstack([np.eye(rank), y])[:, draw(st.permutations(range(n)))]
    scale = draw(_floats(min(1.0, bound), bound)) / max(rank, 1)
    return scale * (u @ v)


@contextlib.contextmanager
def without_local_constants() -> Iterator[None]:
    """Generate examples that depend on the seed alone, not on which modules are loaded.

    hypothesis (6.170) mixes number literals from every loaded "local" module into the
    examples it draws: this package, a course's hidden suites, whatever else the process
    imported. Then `mathgrade grade` and `mathgrade verify`, or a run with one more suite,
    would draw different examples and could give one submission different scores. There is
    no public switch, so the provider's lookup is replaced for the duration.
    """
    from hypothesis.internal.conjecture import providers

    original = providers._get_local_constants
    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original
        providers.CONSTANTS_CACHE.cache.clear()


@contextlib.contextmanager
def grading_hypothesis() -> Iterator[None]:
    """For the duration: the derandomized "mathgrade" profile, and examples that depend on
    the seed alone; the previous profile is restored afterwards."""
    previous = settings.default
    with without_local_constants():
        settings.load_profile("mathgrade")
        try:
            yield
        finally:
            settings.register_profile("_mathgrade_previous", previous)
            settings.load_profile("_mathgrade_previous")
