"""Public checks: the `check("entropy")` students run in a notebook after an exercise.

An assignment's public_checks.py lists a few small cases per exercise and makes `check`:

    def entropy_cases() -> list[Case]:
        return [Case("entropy([0.5, 0.5])", (vec(0.5, 0.5),), math.log(2.0), HINT, "ln 2")]

    CASES = {"entropy": entropy_cases}
    check = make_check(CASES)

`check(name)` calls the student's function of that name on every case and prints one line
per case to stdout; if a case fails it raises AssertionError with the failure lines. The
student's code runs with warnings, stdout and stderr captured: nbgrader zeroes a graded cell
that writes to stderr.

Answers are judged by the hidden suite's own rules, so that a public check never passes or
fails an answer the grader would judge the other way: the answer first crosses the wire as
it would from a sandboxed worker, then a plain expected value is compared as `assert_close`
does, an `Exact` one as `assert_equal`, an `At` one by `symbolic.equivalent`.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from autograder import wire
from autograder.errors import one_line
from autograder.suite.compare import close_problem, equal_problem
from autograder.suite.formatting import describe, format_value
from autograder.suite.policies import Problem
from autograder.suite.symbolic import equivalent

__all__ = ["At", "Case", "Exact", "NotDone", "Satisfies", "answer_problem", "as_graded",
           "at_mismatch", "case_problem", "describe", "format_value", "make_check", "mat", "vec"]

Cases = Mapping[str, Callable[[], list["Case"]]]  # exercise name -> its cases


@dataclass(frozen=True)
class Case:
    """One public check: call the function with `args`; the answer should be `expected`.

    `expected` is a value (compared as `assert_close` compares: numbers and arrays within
    tolerance, bools exactly, tuples element by element), or an `Exact`, `Satisfies` or `At`.
    """

    shown: str  # the call as the student would write it, e.g. "entropy([0.5, 0.5])"
    args: tuple
    expected: Any
    hint: str
    about: str = ""  # what the expected value is, e.g. "ln 2"


@dataclass(frozen=True)
class Exact:
    """The answer must equal `value` exactly, as `assert_equal` requires (an int, a tuple)."""

    value: Any


@dataclass(frozen=True)
class Satisfies:
    """The answer is right if `test(answer)` returns None, else a problem such as
    "got [1, 1], but A @ N is [2], not 0" (or it raises a policy `Problem`). `shown`
    describes the right answers, e.g. "orthonormal columns with A @ N = 0"."""

    shown: str
    test: Callable[[Any], str | None]


@dataclass(frozen=True)
class At:
    """A SymPy answer, right if it equals `expected` at the point `subs` ({symbol: number}).

    `expected` is a number (one expression), a 1-D array of n numbers (n expressions: a
    tuple or list, or an sp.Matrix of n entries, a column or a row) or a 2-D array (an
    sp.Matrix of that shape; with `rows=True` a list of its rows too). Each entry is compared
    by `symbolic.equivalent`, after the symbols are replaced by the point's numbers.
    """

    subs: Mapping[Any, float]
    expected: Any
    rows: bool = False


class NotDone(Exception):
    """The function still raises NotImplementedError: the exercise is not done yet."""


def vec(*values: float) -> np.ndarray:
    """A 1-D float array: vec(0.5, 0.5)."""
    return np.array(values, dtype=float)


def mat(*rows: Any) -> np.ndarray:
    """A 2-D float array from its rows: mat([1, 2], [3, 4])."""
    return np.array(rows, dtype=float)


# ------------------------------------------------------------------------------ comparison


def answer_problem(got: Any, expected: Any) -> str | None:
    """None if `got` is right, else what is wrong: "expected ..., got ..."."""
    if isinstance(expected, Exact):
        return equal_problem(got, expected.value)
    if isinstance(expected, Satisfies):
        return _satisfies_problem(got, expected)
    if isinstance(expected, At):
        return at_problem(got, expected)
    return close_problem(got, expected)


def at_problem(got: Any, at: At) -> str | None:
    """None if `got` has the values `at.expected` at `at.subs`, else "expected ..., got ..."."""
    mismatch = at_mismatch(got, at)
    if mismatch is None:
        return None
    where = ", ".join(f"{symbol} = {format_value(v)}" for symbol, v in at.subs.items())
    return f"expected {format_value(at.expected)} at {where}, {mismatch}"


def at_mismatch(got: Any, at: At) -> str | None:
    """What is wrong with `got` for `at`, "got ..., which ...", or None if it is right."""
    expected = np.asarray(at.expected, dtype=float)
    entries = _entries(got, expected.shape, at.rows)
    if entries is None:
        return f"got {describe(got)}: return {_kind(expected.shape, at.rows)}"
    values = {str(symbol): float(v) for symbol, v in at.subs.items()}
    for index, entry, value in zip(np.ndindex(expected.shape), entries, expected.flat,
                                   strict=True):
        problem = _entry_problem(entry, values, float(value))
        if problem is not None:
            whose = f"whose entry {index[0] if len(index) == 1 else index}" if index else "which"
            return f"got {format_value(got)}, {whose} {problem}"
    return None


def _entries(got: Any, shape: tuple, rows: bool) -> list | None:
    """The entries of `got` row by row if it has the form `shape` asks for, else None."""
    if not shape:
        return [got]
    if isinstance(got, sympy.MatrixBase):
        fits = got.shape == shape or (len(shape) == 1 and len(got) == shape[0] and 1 in got.shape)
        return list(got) if fits else None
    if not isinstance(got, list | tuple) or len(got) != shape[0]:
        return None
    if len(shape) == 1:
        return list(got)
    if rows and all(isinstance(row, list | tuple) and len(row) == shape[1] for row in got):
        return [entry for row in got for entry in row]
    return None


def _kind(shape: tuple, rows: bool) -> str:
    if len(shape) == 1:
        return f"{shape[0]} SymPy expressions (a tuple, or an sp.Matrix of {shape[0]} entries)"
    also = " or a list of its rows" if rows else ""
    return f"a {shape[0]} x {shape[1]} SymPy matrix (sp.Matrix{also})"


def _entry_problem(entry: Any, values: Mapping[str, float], expected: float) -> str | None:
    """None if `entry` is `expected` at the point `values` ({symbol name: number})."""
    if isinstance(entry, sympy.Basic):
        others = sorted({str(s) for s in entry.free_symbols} - set(values))
        if others:
            return f"uses {', '.join(others)}: use only the symbols given"
        if isinstance(entry, sympy.Expr) and not entry.has(sympy.Order):
            entry = entry.subs({s: sympy.Float(values[str(s)], 30) for s in entry.free_symbols})
    verdict = equivalent(entry, expected)
    if verdict.equal:
        return None
    if verdict.counterexample:
        got = verdict.counterexample["got"]
        return "is not a finite number there" if got is None else f"is {format_value(got)} there"
    return verdict.reason


def _satisfies_problem(got: Any, expected: Satisfies) -> str | None:
    try:
        problem = expected.test(got)
    except Problem as p:
        return f"expected {p.want}, got {p.got}{p.detail}"
    return None if problem is None else f"expected {expected.shown}, {problem}"


# ------------------------------------------------------------------------------- running


@contextlib.contextmanager
def quietly() -> Iterator[None]:
    """Run the student's code with warnings, numpy's floating-point warnings, stdout and
    stderr captured: a graded cell that writes to stderr loses its points in nbgrader."""
    with (
        warnings.catch_warnings(),
        np.errstate(all="ignore"),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        warnings.simplefilter("ignore")
        yield


def as_graded(value: Any, label: str) -> Any:
    """`value` as the grader receives it from a sandboxed worker, or WireError if it cannot.

    The wire turns a named tuple into a tuple, a sympy array into a Matrix and a Poly into
    its expression, and refuses what it cannot carry (an iterator, a huge value).
    """
    if callable(value):  # a returned function stays in the worker as a handle
        return value
    return wire.from_data(wire.to_data(value, label=label))


def case_problem(function: Callable[..., Any], case: Case) -> str | None:
    """None if `function` passes `case`, else what is wrong (raises NotDone for a stub)."""
    copies = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
    with quietly():
        try:
            got = function(*copies)
        except NotImplementedError:
            raise NotDone from None
        except Exception as exc:  # the student's bug, reported rather than raised
            return f"raised {type(exc).__name__}: {_one_line(exc)}"
        try:
            got = as_graded(got, f"the result of {getattr(function, '__name__', 'it')}")
        except wire.WireError as exc:
            return str(exc)
        try:
            problem = answer_problem(got, case.expected)
        except Exception as exc:
            return f"returned {describe(got)}, which could not be checked ({_one_line(exc)})"
    if problem is not None:
        return problem
    for before, after in zip(case.args, copies, strict=True):
        if isinstance(before, np.ndarray) and not np.array_equal(before, after):
            return (f"the answer is right, but your function changed its input array to "
                    f"{format_value(after)}; work on new arrays, never assign into the "
                    "arguments")
    return None


def _one_line(exc: Exception, limit: int = 200) -> str:
    text = one_line(str(exc))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _failure_line(case: Case, problem: str) -> str:
    """One line: sympy prints a matrix over several."""
    about = f" ({case.about})" if case.about else ""
    problem = one_line(problem).rstrip(".")
    return f"✗ {case.shown}{about}: {problem}. Hint: {case.hint}"


def _not_done(name: str) -> str:
    return (f"✗ {name}: not implemented yet — replace `raise NotImplementedError()` with your "
            "code and run that cell again")


def _report(name: str, function: Any, cases: list[Case]) -> Iterator[tuple[str, bool]]:
    """(line, passed) per case as it runs, then the summary line and whether all passed."""
    if function is None:
        yield (f"✗ {name} is not defined: run the cell where you wrote `def {name}(...)` "
               "first (and check the spelling of the name)"), False
        return
    if not callable(function):
        yield f"✗ {name} is {describe(function)}, not a function", False
        return
    failed = 0
    for case in cases:
        try:
            problem = case_problem(function, case)
        except NotDone:
            yield _not_done(name), False
            return
        failed += problem is not None
        yield (f"✓ {case.shown}" if problem is None else _failure_line(case, problem),
               problem is None)
    if failed:
        yield f"✗ {name}: {failed} of {len(cases)} public checks failed", False
    else:
        yield (f"✓ {name}: {len(cases)} public checks passed (the grader also tests edge "
               "cases and random inputs)"), True


def _find(name: str, caller_globals: Mapping[str, Any]) -> Any:
    """The student's `name`: in the notebook (__main__), else where `check` was called."""
    main = sys.modules.get("__main__")
    for namespace in (getattr(main, "__dict__", {}), caller_globals):
        if name in namespace:
            return namespace[name]
    return None


def _no_cases(name: str, function: Any, cases: Cases) -> None:
    """An exercise without public cases passes (they are optional); any other name is an
    error, most likely a typo."""
    if not callable(function):
        known = ", ".join(sorted(cases))
        raise AssertionError(f"There are no public checks called {name!r}; try one of: {known}")
    print(f"{name} has no public checks: the grader tests it when you submit")


def make_check(cases: Cases) -> Callable[[str], None]:
    """The `check(name)` function of an assignment whose public cases are `cases`."""

    def check(name: str) -> None:
        """Run the public checks of exercise `name` on your function of that name.

        Prints one line per check to standard output. Raises AssertionError (with the
        failures) if a check fails, so that the cell shows the failure.
        """
        caller = inspect.currentframe().f_back  # the notebook cell that called check
        function = _find(name, caller.f_globals if caller is not None else {})
        if name not in cases:
            _no_cases(name, function, cases)
            return
        lines = []
        for line, passed in _report(name, function, cases[name]()):
            print(line)
            lines.append((line, passed))
        summary, all_passed = lines[-1]
        if not all_passed:
            failures = [line for line, passed in lines[:-1] if not passed]
            raise AssertionError("\n".join([summary, *failures]))

    return check
