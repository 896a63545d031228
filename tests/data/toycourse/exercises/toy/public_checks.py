"""Public checks released with the toy notebook: `check("double")`, `check("square")`."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from autograder.suite.public import At, Case, make_check, vec

__all__ = ["check"]


def _double_cases() -> list[Case]:
    hint = "Multiply every entry by 2: 2 * x, a new array."
    return [
        Case("double([1.0, -2.0, 3.5])", (vec(1.0, -2.0, 3.5),), vec(2.0, -4.0, 7.0), hint),
        Case("double([0.0])", (vec(0.0),), vec(0.0), hint),
    ]


def _square_cases() -> list[Case]:
    hint = "x**2, a SymPy expression in the symbol you are given."
    x = sp.Symbol("x")
    return [Case("square(x) at x = 3", (x,), At({x: 3.0}, 9.0), hint)]


CASES: dict[str, Callable[[], list[Case]]] = {"double": _double_cases, "square": _square_cases}

check = make_check(CASES)
