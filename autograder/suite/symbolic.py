"""Symbolic equivalence of a student's sympy answer and the reference, within a time budget.

`equivalent(a, b)` decides whether expression `a` (the student's) equals `b` (the reference)
on a real domain:

1. structural: `a == b`;
2. numeric: evaluate both at `points` deterministic pseudo-random points of the domain
   with `expr.evalf(30, subs=...)`; this decides almost every case, and always the same
   way on a regrade, whatever the machine's load;
3. where the points cannot decide (the answer is not real at enough of them):
   `sympy.simplify(a - b) == 0`, then `(a - b).equals(0)`.

Steps 3 only ever prove equality: a nonzero `simplify` result or `equals` giving
False is *not* taken as proof of inequality (simplify misses identities that hold on the
domain, e.g. `log(exp(x)) == x` for real x, and `equals` samples complex points). "Not
equal" is decided by the numeric step alone, which also reports the counterexample.

Safety: the expressions come from students, so nothing here generates code (no `lambdify`,
no `eval`, no `sympify` of strings); evaluation is `evalf` only. Every step runs under the
remaining part of the budget (`timebudget`), so a hostile 5000-term expression yields a
verdict (possibly `equal=None`) shortly after `budget` seconds.
"""

from __future__ import annotations

import cmath
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Complex, Integral, Real
from typing import Any

import numpy as np
import sympy
from sympy import Symbol

from autograder.suite.timebudget import run_with_budget

__all__ = ["Verdict", "equivalent", "DEFAULT_DOMAIN", "POSITIVE_DOMAIN"]

DEFAULT_DOMAIN = (-3.0, 3.0)
POSITIVE_DOMAIN = (0.1, 3.0)  # for symbols declared positive
NEGATIVE_DOMAIN = (-3.0, -0.1)  # for symbols declared negative
RTOL = 1e-9  # relative tolerance of the numeric step (values are evaluated to 30 digits)
ATOL = 1e-20
MIN_VALID_POINTS = 3
_ORDER = ("structural", "simplify", "equals", "numeric")


@dataclass(frozen=True)
class Verdict:
    """Outcome of `equivalent`.

    equal: True, False, or None when it could not be decided within the budget.
    method: the step that decided: "structural", "simplify", "equals", "numeric",
        "timeout"; or "type"/"symbols" when the answer is not comparable at all.
    counterexample: where the numeric step found a difference: symbol name -> value, plus
        "expected" and "got" (the two values there) and, for matrices, "entry".
    reason: why the verdict is False/None, as a predicate for the subject "your
        expression", e.g. "uses the symbol y, but the answer is in terms of x".
    """

    equal: bool | None
    method: str
    counterexample: dict[str, Any] | None = None
    reason: str = field(default="", compare=False)


def equivalent(
    a: Any,
    b: Any,
    *,
    domain: Mapping[Symbol, tuple[float, float]] | None = None,
    budget: float = 5.0,
    points: int = 12,
    seed: int = 0,
) -> Verdict:
    """Decide whether `a` (student) equals `b` (reference) on `domain`, within `budget` s.

    Symbols are matched by name (a student's `Symbol("p")` equals the reference's
    `Symbol("p", positive=True)`). A symbol of `a` whose name does not occur in `b` makes
    the verdict False (method "symbols"), unless `a` does not depend on it after all
    (sin(y)**2 + cos(y)**2 for 1). Unlisted symbols range over (-3, 3), or (0.1, 3) if
    declared positive. Matrices are compared entry by entry with the same steps.
    """
    deadline = time.monotonic() + budget
    b_value, _ = _as_sympy(b)
    if b_value is None:
        raise TypeError(f"the reference must be a sympy expression or matrix, not {type(b)}")
    a, problem = _as_sympy(a)
    b = b_value
    if problem:
        return Verdict(False, "type", None, problem)
    if a.has(sympy.Order):
        return Verdict(False, "type", None, "contains an O(...) term; drop it with .removeO()")
    if isinstance(a, sympy.MatrixBase) != isinstance(b, sympy.MatrixBase):
        kinds = ("a matrix", "a single expression")
        got, want = kinds if isinstance(a, sympy.MatrixBase) else kinds[::-1]
        return Verdict(False, "type", None, f"is {got}, but the answer is {want}")
    a, extra = _align_symbols(a, b)
    intervals = _intervals(b.free_symbols | a.free_symbols, domain or {})
    compare = _equivalent_matrix if isinstance(b, sympy.MatrixBase) else _equivalent_expr
    verdict = compare(a, b, intervals, deadline, points, seed)
    if extra and verdict.equal is not True:  # e.g. y**2 for x**2: name the cause
        names = _names(b.free_symbols)
        wanted = f"in terms of {', '.join(names)}" if names else "a constant"
        plural = "s" if len(extra) > 1 else ""
        reason = f"uses the symbol{plural} {', '.join(extra)}, but the answer is {wanted}"
        return Verdict(False, "symbols", None, reason)
    return verdict


def _as_sympy(x: Any) -> tuple[Any, str]:
    """Convert numbers and matrices to sympy; never parse strings. Returns (value, problem)."""
    if isinstance(x, bool | np.bool_):
        return None, f"is a bool ({x}), not a sympy expression"
    if isinstance(x, sympy.MatrixBase):
        return sympy.ImmutableMatrix(x), ""
    if isinstance(x, sympy.Expr):
        return x, ""
    if isinstance(x, Integral):
        return sympy.Integer(int(x)), ""
    if isinstance(x, Real):
        return sympy.Float(float(x)), ""
    if isinstance(x, Complex):
        return sympy.Float(complex(x).real) + sympy.I * sympy.Float(complex(x).imag), ""
    if isinstance(x, str):
        return None, f"is a string ({x[:40]!r}), not a sympy expression"
    if isinstance(x, sympy.Basic):
        return None, f"is {sympy.sstr(x)[:60]} (a sympy {type(x).__name__}), not an expression"
    return None, f"is {'None' if x is None else 'a ' + type(x).__name__}, not a sympy expression"


def _names(symbols: Any) -> list[str]:
    return sorted({s.name for s in symbols if isinstance(s, Symbol)})


def _align_symbols(a: Any, b: Any) -> tuple[Any, list[str]]:
    """Rename `a`'s symbols to `b`'s same-named ones; list names of `a` missing from `b`."""
    by_name = {s.name: s for s in b.free_symbols if isinstance(s, Symbol)}
    mapping, extra = {}, set()
    for s in a.free_symbols:
        target = by_name.get(getattr(s, "name", None))
        if target is None:
            extra.add(str(s))
        elif target != s:
            mapping[s] = target
    return (a.xreplace(mapping) if mapping else a), sorted(extra)


def _intervals(
    symbols: Any, domain: Mapping[Any, tuple[float, float]]
) -> list[tuple[Symbol, float, float]]:
    """(symbol, low, high) for every symbol, in a deterministic (name) order."""
    given = {getattr(k, "name", str(k)): v for k, v in domain.items()}
    out = []
    for s in sorted(symbols, key=lambda s: (str(s), str(s.assumptions0))):
        if s.name in given:
            lo, hi = given[s.name]
        elif s.is_positive:
            lo, hi = POSITIVE_DOMAIN
        elif s.is_negative:
            lo, hi = NEGATIVE_DOMAIN
        else:
            lo, hi = DEFAULT_DOMAIN
        out.append((s, float(lo), float(hi)))
    return out


def _remaining(deadline: float) -> float:
    return deadline - time.monotonic()


def _equivalent_expr(
    a: Any, b: Any, intervals: list, deadline: float, points: int, seed: int
) -> Verdict:
    total = max(_remaining(deadline), 0.0)
    done, same = run_with_budget(_remaining(deadline), lambda: a == b)
    if done and same:
        return Verdict(True, "structural")
    # Fixed points first: evaluation there takes the same path on every regrade, so a busy
    # machine cannot turn a verdict into a timeout. simplify and equals, whose running time
    # varies, only settle what the points leave open (too few real points in the domain).
    done, verdict = run_with_budget(
        min(_remaining(deadline), 0.6 * total), lambda: _numeric(a, b, intervals, points, seed)
    )
    if done and verdict is not None and verdict.equal is not None:
        return verdict
    for method, share, step in (
        ("simplify", 0.6, lambda: sympy.simplify(a - b) == 0),
        ("equals", 1.0, lambda: (a - b).equals(0) is True),
    ):
        seconds = min(_remaining(deadline), share * max(_remaining(deadline), 0.0))
        try:
            done, proved = run_with_budget(seconds, step)
        except Exception:  # sympy raises many kinds on odd input: inconclusive, go on
            done, proved = True, False
        if done and proved:
            return Verdict(True, method)
    if verdict is not None:
        return verdict
    return Verdict(None, "timeout", None, "could not be checked within the time limit")


def _equivalent_matrix(
    a: Any, b: Any, intervals: list, deadline: float, points: int, seed: int
) -> Verdict:
    if a.shape != b.shape:
        reason = f"has shape {a.shape}, but the answer has shape {b.shape}"
        return Verdict(False, "type", None, reason)
    done, same = run_with_budget(_remaining(deadline), lambda: a == b)
    if done and same:
        return Verdict(True, "structural")
    cells = [(i, j) for i in range(b.rows) for j in range(b.cols)]
    used, undecided = "structural", None
    for k, (i, j) in enumerate(cells):
        share = _remaining(deadline) / (len(cells) - k)
        v = _equivalent_expr(a[i, j], b[i, j], intervals, time.monotonic() + share, points, seed)
        if v.equal is False:
            cex = None if v.counterexample is None else {**v.counterexample, "entry": (i, j)}
            return Verdict(False, v.method, cex, f"differs in entry ({i}, {j})")
        if v.equal is None:
            undecided = undecided or Verdict(None, v.method, None, f"{v.reason} (entry ({i}, {j}))")
        elif _ORDER.index(v.method) > _ORDER.index(used):
            used = v.method
    return undecided or Verdict(True, used)


def _number(expr: Any, subs: dict) -> complex | None:
    """`expr` evaluated to 30 digits at `subs` as a finite complex number, else None."""
    value = expr.evalf(30, subs=subs) if subs else expr.evalf(30)
    if getattr(value, "free_symbols", None):
        return None
    try:
        z = complex(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return z if cmath.isfinite(z) else None


def _is_real(z: complex) -> bool:
    return abs(z.imag) <= 1e-12 * max(1.0, abs(z.real))


def _numeric(a: Any, b: Any, intervals: list, points: int, seed: int) -> Verdict | None:
    """Compare at pseudo-random points; points where the reference is not finite/real skip."""
    rng = random.Random(seed)
    wanted = points if intervals else 1
    valid = 0
    for _ in range(4 * wanted + 8):
        if valid >= wanted:
            break
        point = {s: lo + (hi - lo) * rng.uniform(0.02, 0.98) for s, lo, hi in intervals}
        subs = {s: sympy.Float(v, 30) for s, v in point.items()}
        try:
            expected = _number(b, subs)
        except Exception:  # evalf failed here (e.g. a branch point): try another point
            expected = None
        if expected is None or not _is_real(expected):
            continue  # singular or outside the reference's real domain: try another point
        valid += 1
        try:
            got = _number(a, subs)
        except Exception:
            return Verdict(None, "numeric", None, "could not be evaluated numerically")
        close = got is not None and abs(got - expected) <= ATOL + RTOL * max(
            abs(expected), abs(got)
        )
        if not close:
            where = {s.name: v for s, v in point.items()}
            cex = {**where, "expected": _plain(expected), "got": _plain(got)}
            reason = "gives a different value" if got is not None else "is not a finite number"
            return Verdict(False, "numeric", cex, reason)
    if valid < min(MIN_VALID_POINTS, wanted):
        reason = "could not be compared: the answer is not real at enough points of the domain"
        return Verdict(None, "numeric", None, reason)
    return Verdict(True, "numeric")


def _plain(z: complex | None) -> float | complex | None:
    if z is None:
        return None
    return z.real if _is_real(z) else z
