"""Comparisons used by hidden suites; their failure messages are the student's feedback.

    assert_close(student.entropy(p), reference_entropy(p), inputs={"p": p})

raises `GradingFailure` with a message like

    For p = [0.5, 0.5, 0. ]: expected 0.693147, got 1.0 (abs error 0.306853, rel error 0.442695).

Messages name the input, what was expected, what came back and the largest error and where;
they are deterministic (no addresses, no timings) and compact (values summarised, the whole
message capped at `MAX_MESSAGE_CHARS`), because a regrade must reproduce them exactly.

The grading rules are the named policies of `autograder.suite.policies` (`SCALAR`, `ARRAY`,
`NONFINITE`, `BOOL`, `TOLERANCE`); each has a docstring stating the rule and its own tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import sympy

from autograder.suite.formatting import describe, format_index, format_pair, format_value
from autograder.suite.policies import (
    ARRAY,
    BOOL,
    NONFINITE,
    POLICIES,
    SCALAR,
    TOLERANCE,
    Problem,
    Tolerance,
)
from autograder.suite.symbolic import equivalent

__all__ = ["GradingFailure", "assert_close", "assert_equal", "assert_equivalent", "values_match",
           "close_problem", "equal_problem", "format_value", "Tolerance", "POLICIES", "SCALAR",
           "ARRAY", "NONFINITE", "BOOL", "TOLERANCE"]

MAX_MESSAGE_CHARS = 1500
MAX_INPUTS_CHARS = 600
DEFAULT_WHAT = "the result"
MATCH_BUDGET_SECONDS = 1.0  # symbolic budget of values_match


class GradingFailure(AssertionError):
    """A failed comparison; `str()` is the complete, student-facing message."""


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float | complex | np.number) and not isinstance(x, bool | np.bool_)


def _numeric(actual: Any, expected: Any, tol: Tolerance) -> str | None:
    """Compare a number or numeric array; return the body after 'expected ' or None."""
    expected = np.asarray(expected)
    is_complex = expected.dtype.kind == "c"
    if expected.ndim == 0:
        a = SCALAR.coerce(actual, allow_complex=is_complex)
    else:
        a = ARRAY.coerce(actual, expected)
    e = expected.astype(complex if is_complex else float)
    want, got = format_pair(e, a)
    mismatch = NONFINITE.first_mismatch(a, e)
    if mismatch is not None:
        if a.ndim == 0:
            return f"{want}, got {got}"
        idx, count = mismatch
        more = f" ({count} such entries)" if count > 1 else ""
        return (f"{want}, got {got}: {format_value(a[idx])} at index {format_index(idx)} where "
                f"{format_value(e[idx])} was expected{more}")
    detail = tol.problem(a, e)
    return None if detail is None else f"{want}, got {got}{detail}"


def _container(actual: Any, expected: Any, check: Any) -> str | None:
    """Compare tuples/lists/dicts element by element with `check(actual, expected)`."""
    want = format_value(expected)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise Problem(f"a dict {want}", describe(actual))
        if set(actual) != set(expected):
            keys = sorted(map(format_value, expected))
            return f"{want}, got {format_value(actual)} (the keys should be {', '.join(keys)})"
        pairs = [(format_value(k), actual[k], v) for k, v in expected.items()]
        label = "the value for key"
    else:
        if not isinstance(actual, list | tuple):
            raise Problem(f"a {type(expected).__name__} {want}", describe(actual))
        if len(actual) != len(expected):
            return (f"{want}, got {format_value(actual)} ({len(actual)} elements, "
                    f"expected {len(expected)})")
        pairs = [(str(i), a, e) for i, (a, e) in enumerate(zip(actual, expected, strict=True))]
        label = "element"
    for key, a, e in pairs:
        try:
            inner = check(a, e)
        except Problem as p:
            inner = f"{p.want}, got {p.got}{p.detail}"
        if inner is not None:
            return f"{want}, got {format_value(actual)} ({label} {key}: expected {inner})"
    return None


def _close(actual: Any, expected: Any, tol: Tolerance) -> str | None:
    if isinstance(expected, bool | np.bool_) or (
        isinstance(expected, np.ndarray) and expected.dtype.kind == "b"
    ):
        return _exact(actual, expected)
    if _is_number(expected) or isinstance(expected, np.ndarray):
        return _numeric(actual, expected, tol)
    if isinstance(expected, list | tuple) and isinstance(actual, np.ndarray):
        as_array = np.asarray(expected)  # an array for a list of numbers: compare as arrays
        if as_array.dtype.kind in "iufc":
            return _numeric(actual, as_array, tol)
    if isinstance(expected, list | tuple | dict):
        return _container(actual, expected, lambda a, e: _close(a, e, tol))
    return _exact(actual, expected)


def _exact(actual: Any, expected: Any) -> str | None:
    if isinstance(expected, bool | np.bool_):
        ok = BOOL.coerce(actual) == bool(expected)
    elif isinstance(expected, int | np.integer):
        if not isinstance(actual, int | np.integer) or isinstance(actual, bool | np.bool_):
            kind = " (a float)" if isinstance(actual, float | np.floating) else ""
            raise Problem(f"the int {int(expected)}", describe(actual) + kind)
        ok = int(actual) == int(expected)
    elif isinstance(expected, float | complex | np.number):
        return _numeric(actual, expected, Tolerance(rtol=0.0, atol=0.0))
    elif isinstance(expected, np.ndarray):
        if expected.dtype.kind != "b":
            return _numeric(actual, expected, Tolerance(rtol=0.0, atol=0.0))
        a = np.asarray(actual) if isinstance(actual, list | tuple | np.ndarray) else None
        if a is None or a.dtype.kind != "b" or a.shape != expected.shape:
            raise Problem(f"an array of bools of shape {expected.shape}", describe(actual))
        ok = bool(np.array_equal(a, expected))
    elif isinstance(expected, list | tuple | dict):
        if isinstance(expected, list | tuple) and type(actual) is not type(expected):
            noun = type(expected).__name__
            raise Problem(f"a {noun} {format_value(expected)}", describe(actual))
        return _container(actual, expected, _exact)
    elif expected is None or isinstance(expected, str | sympy.Basic):
        ok = type(actual) is type(expected) and actual == expected
    else:
        raise TypeError(f"assert_equal cannot compare with a {type(expected).__name__}")
    return None if ok else f"{format_value(expected)}, got {describe(actual)}"


# ----------------------------------------------------------------------------- assertions


def _message(body: str, inputs: Mapping[str, Any] | None) -> str:
    """'For p = [...]: ' + body (capitalised without inputs), ending in '.', capped."""
    if inputs:
        prefix = "For " + ", ".join(f"{k} = {format_value(v)}" for k, v in inputs.items())
        if len(prefix) > MAX_INPUTS_CHARS:
            prefix = prefix[: MAX_INPUTS_CHARS - 3] + "..."
        text = f"{prefix}: {body}"
    else:
        text = body[:1].upper() + body[1:]
    text = text if text.endswith(".") else text + "."
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 3] + "..."


def _body(check: Any) -> str | None:
    """What follows "expected " in the message of a failed `check()`, or None if it passed."""
    try:
        return check()
    except Problem as p:
        return f"{p.want}, got {p.got}{p.detail}"


def _run(check: Any, inputs: Mapping[str, Any] | None, what: str) -> None:
    __tracebackhide__ = True
    body = _body(check)
    if body is not None:
        lead = "expected " if what == DEFAULT_WHAT else f"expected {what} to be "
        raise GradingFailure(_message(lead + body, inputs))


def assert_close(
    actual: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9,
    inputs: Mapping[str, Any] | None = None, what: str = DEFAULT_WHAT,
) -> None:
    """Numbers and arrays within tolerance (SCALAR, ARRAY, NONFINITE, TOLERANCE).

    Tuples, lists and dicts are compared element by element; bools, strings and None
    exactly (as `assert_equal`). Raises `GradingFailure` with the feedback message.
    """
    __tracebackhide__ = True
    _run(lambda: _close(actual, expected, Tolerance(rtol=rtol, atol=atol)), inputs, what)


def assert_equal(
    actual: Any, expected: Any, *, inputs: Mapping[str, Any] | None = None, what: str = DEFAULT_WHAT
) -> None:
    """Exact equality for bools (BOOL), ints, strings, None, tuples (e.g. shapes), lists,
    dicts and arrays; a tuple must come back as a tuple, an int as an int (not 3.0)."""
    __tracebackhide__ = True
    _run(lambda: _exact(actual, expected), inputs, what)


def assert_equivalent(
    actual: Any, expected: Any, *, domain: Mapping[sympy.Symbol, tuple[float, float]] | None = None,
    inputs: Mapping[str, Any] | None = None, budget: float = 5.0, what: str = "your expression",
) -> None:
    """Symbolic equivalence on `domain` (see `symbolic.equivalent`), within `budget` s.

    The message gives a point where the values differ and what the student returned, but
    not the expected formula (that would be the answer).
    """
    __tracebackhide__ = True
    verdict = equivalent(actual, expected, domain=domain, budget=budget)
    if verdict.equal:
        return
    text = f"{what} {verdict.reason}"
    cex = dict(verdict.counterexample or {})
    if cex:
        exp, got, _ = cex.pop("expected"), cex.pop("got"), cex.pop("entry", None)
        at = ", ".join(f"{k} = {format_value(v)}" for k, v in cex.items())
        yours = "not a finite number" if got is None else format_value(got)
        text += f": at {at}, " if at else ": "
        text += f"the answer is {format_value(exp)} but yours is {yours}"
    if verdict.equal is None and verdict.method == "timeout":
        text += f" ({budget:g} s); try simplifying it"
    if isinstance(actual, sympy.Basic | sympy.MatrixBase) and verdict.method != "timeout":
        text += f". You returned {format_value(actual)}"
    raise GradingFailure(_message(text, inputs))


def close_problem(
    actual: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9
) -> str | None:
    """What `assert_close` would object to, "expected ..., got ...", or None if it passes.

    The same rules and wording as `assert_close`, without inputs and final period: for
    checks that report rather than raise (the public checks students run).
    """
    body = _body(lambda: _close(actual, expected, Tolerance(rtol=rtol, atol=atol)))
    return None if body is None else f"expected {body}"


def equal_problem(actual: Any, expected: Any) -> str | None:
    """What `assert_equal` would object to, "expected ..., got ...", or None if it passes."""
    body = _body(lambda: _exact(actual, expected))
    return None if body is None else f"expected {body}"


def check_calls(
    function: Callable[..., Any],
    reference: Callable[..., Any],
    cases: Sequence[tuple],
    *,
    names: Sequence[str],
    compare: Callable[..., None] = assert_close,
    **options: Any,
) -> None:
    """Call `function` on every case first, then compare each result with `reference(*case)`.

    Calling first puts every call on record before the first failure, so the grader can
    replay all of them through the known mistakes and name the misconception. `names`
    labels the arguments in feedback; `compare` is `assert_close` (with `options` such as
    rtol) or `assert_equal`.
    """
    results = [function(*case) for case in cases]
    for case, got in zip(cases, results, strict=True):
        compare(got, reference(*case), inputs=dict(zip(names, case, strict=True)), **options)


def values_match(a: Any, b: Any, *, rtol: float = 1e-6, atol: float = 1e-9) -> bool:
    """Whether `a` (a student's output) equals `b` (a known mistake's output). Never raises.

    Numbers and arrays within tolerance (nan matches nan, inf matches inf of the same
    sign), a list of numbers matches an equal array, bools exactly, tuples/lists/dicts
    element-wise, sympy expressions by `symbolic.equivalent` with a 1 s budget. False on
    any type or shape mismatch or error.
    """
    try:
        return _matches(a, b, Tolerance(rtol=rtol, atol=atol))
    except Exception:
        return False


def _matches(a: Any, b: Any, tol: Tolerance) -> bool:
    symbolic = (sympy.Basic, sympy.MatrixBase)
    if isinstance(a, symbolic) or isinstance(b, symbolic):
        return equivalent(a, b, budget=MATCH_BUDGET_SECONDS).equal is True
    if isinstance(a, bool | np.bool_) or isinstance(b, bool | np.bool_):
        return isinstance(a, bool | np.bool_) and isinstance(b, bool | np.bool_) and a == b
    if isinstance(b, np.ndarray) or isinstance(a, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.dtype.kind == "b" or b.dtype.kind == "b":
            return a.dtype == b.dtype and a.shape == b.shape and bool(np.array_equal(a, b))
    if isinstance(b, list | tuple) and isinstance(a, list | tuple):
        return len(a) == len(b) and all(_matches(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(b, dict) and isinstance(a, dict):
        return set(a) == set(b) and all(_matches(a[k], b[k], tol) for k in b)
    if _is_number(b) or isinstance(b, np.ndarray):
        return _numeric(a, b, tol) is None
    return type(a) is type(b) and a == b
