"""The named grading policies: what counts as a number, an array, a match.

Each policy is one small object whose docstring states the rule (`SCALAR`, `ARRAY`,
`NONFINITE`, `BOOL`, `TOLERANCE`); `compare` applies them and tests pin each one down.
A policy that is broken raises `Problem`, read as "expected {want}, got {got}{detail}".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from autograder.suite.formatting import (
    describe,
    format_float,
    format_index,
    format_pair,
    format_value,
)


class Problem(Exception):
    """Internal: a value broke a policy. Read as "expected {want}, got {got}{detail}"."""

    def __init__(self, want: str, got: str, detail: str = "") -> None:
        super().__init__(want, got, detail)
        self.want, self.got, self.detail = want, got, detail


@dataclass(frozen=True)
class ScalarPolicy:
    """SCALAR: where one number is expected, accept a Python int or float, an np.integer or
    np.floating, or a 0-d numeric array. Refuse a bool ("expected a number, got True (a
    bool)"), an array even of size 1 ("expected a single number, got an array of shape
    (1,)"), a complex number unless the expected value is complex, and anything else."""

    name: str = "SCALAR"

    def coerce(self, actual: Any, *, allow_complex: bool = False) -> np.ndarray:
        """The number as a 0-d float64 (complex128) array, or raise Problem."""
        if isinstance(actual, np.ndarray) and actual.ndim == 0:
            if actual.dtype.kind == "b":
                raise Problem("a number", f"{actual.item()} (a 0-d array of bools)")
            if actual.dtype.kind in "iufc":
                actual = actual[()]
        if isinstance(actual, bool | np.bool_):
            raise Problem("a number", describe(actual))
        if isinstance(actual, np.ndarray | list | tuple):
            raise Problem("a single number", describe(actual))
        if isinstance(actual, sympy.Basic):
            raise Problem("a number", describe(actual) + " (convert it with float(...))")
        if isinstance(actual, complex | np.complexfloating):
            if not allow_complex:
                raise Problem("a real number", f"{format_value(actual)} (a complex number)")
            return np.asarray(actual, dtype=complex)
        if isinstance(actual, int | float | np.integer | np.floating):
            try:
                return np.asarray(float(actual), dtype=complex if allow_complex else float)
            except OverflowError:
                raise Problem("a number", "an integer too large for a float") from None
        raise Problem("a number", describe(actual))


@dataclass(frozen=True)
class ArrayPolicy:
    """ARRAY: where an array is expected, accept an ndarray of the same shape with a numeric
    (int or float) dtype, complex only if the expected array is complex. A list or tuple
    of numbers is accepted too and converted with np.asarray: students often return
    lists, and the values, not the container, are what is graded. A shape mismatch names
    both shapes; bools, strings, ragged lists and scalars are refused."""

    name: str = "ARRAY"

    def coerce(self, actual: Any, expected: np.ndarray) -> np.ndarray:
        """`actual` as a float64 (complex128) array of `expected`'s shape, or raise Problem."""
        want = f"an array of shape {expected.shape}"
        noun = "an array"
        if isinstance(actual, list | tuple):
            noun = f"a {type(actual).__name__}"
            try:
                converted = np.asarray(actual)
            except (ValueError, TypeError):
                raise Problem(want, f"{noun} that is not a rectangular array of numbers") from None
            if converted.dtype.kind not in "biufc":
                raise Problem(want, f"{noun} that does not hold only numbers")
            actual = converted
        if not isinstance(actual, np.ndarray):
            raise Problem(want, describe(actual))
        if actual.dtype.kind == "b":
            raise Problem(f"{want} of numbers", f"{noun} of bools")
        if actual.dtype.kind not in "iufc":
            raise Problem(f"{want} of numbers", f"{noun} of dtype {actual.dtype}")
        if actual.shape != expected.shape:
            raise Problem(want, f"{noun} of shape {actual.shape}")
        if actual.dtype.kind == "c" and expected.dtype.kind != "c":
            raise Problem(f"{want} of real numbers", f"{noun} of complex numbers")
        return actual.astype(complex if expected.dtype.kind == "c" else float)


@dataclass(frozen=True)
class NonfinitePolicy:
    """NONFINITE: nan and inf are compared by position. nan where a finite value is
    expected fails and names the index ("got nan at index (2,)"); an inf must have the
    expected sign and position; a nan where nan is expected matches."""

    name: str = "NONFINITE"

    def first_mismatch(self, actual: np.ndarray, expected: np.ndarray) -> tuple | None:
        """(index, number of mismatching entries) of the first mismatch, or None."""
        both_nan = np.isnan(actual) & np.isnan(expected)
        ok = both_nan | (np.isfinite(actual) & np.isfinite(expected)) | (actual == expected)
        bad = np.argwhere(~ok)
        return (tuple(bad[0]), len(bad)) if len(bad) else None


@dataclass(frozen=True)
class BoolPolicy:
    """BOOL: where a bool is expected, accept a Python bool or np.bool_ only; 1/0 ints,
    floats, strings and arrays are refused ("expected True, got 1 (an int, not a bool)")."""

    name: str = "BOOL"

    def coerce(self, actual: Any) -> bool:
        if isinstance(actual, bool | np.bool_):
            return bool(actual)
        if isinstance(actual, int | np.integer):
            raise Problem("a bool", f"{actual} (an int, not a bool)")
        raise Problem("a bool (True or False)", describe(actual))


@dataclass(frozen=True)
class Tolerance:
    """TOLERANCE: entry-wise |actual - expected| <= atol + rtol * |expected| (np.isclose's
    rule), on entries where both are finite. A failure reports how many entries differ,
    the max abs and max rel error, and the index of the largest failing error."""

    rtol: float = 1e-6
    atol: float = 1e-9
    name: str = "TOLERANCE"

    def problem(self, actual: np.ndarray, expected: np.ndarray) -> str | None:
        """The error report (the detail after "got ...") if some entry is off, else None."""
        finite = np.isfinite(actual) & np.isfinite(expected)
        a, e = np.where(finite, actual, 0), np.where(finite, expected, 0)
        with np.errstate(all="ignore"):  # (1e308 - -1e308) overflows: inf, no warning
            err = np.abs(a - e)
        bad = err > self.atol + self.rtol * np.abs(e)
        if not bad.any():
            return None
        nonzero = finite & (expected != 0)
        rel = np.where(nonzero, err / np.where(nonzero, np.abs(expected), 1), 0.0)
        rel_text = f"rel error {format_float(rel.max())}" if nonzero.any() else ""
        errors = f"abs error {format_float(err.max())}" + (f", {rel_text}" if rel_text else "")
        if actual.ndim == 0:
            return f" ({errors})"
        worst = np.unravel_index(np.argmax(np.where(bad, err, -1.0)), err.shape)
        want, got = format_pair(expected[worst], actual[worst])
        return (f" ({int(bad.sum())} of {bad.size} entries differ; largest error at index "
                f"{format_index(worst)}: expected {want}, got {got}; "
                f"max {errors.replace(', ', ', max ')})")


SCALAR, ARRAY, NONFINITE, BOOL = ScalarPolicy(), ArrayPolicy(), NonfinitePolicy(), BoolPolicy()
TOLERANCE = Tolerance()
POLICIES = (SCALAR, ARRAY, NONFINITE, BOOL, TOLERANCE)
