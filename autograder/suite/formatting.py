"""Compact, deterministic text for values in feedback messages.

Floats get a fixed number of significant digits, arrays are printed with `np.array2string`
(big ones summarised with their shape), sympy expressions with `sstr` (huge trees are named,
not printed), and everything is capped, so that a regrade reproduces a message exactly and
a hostile value cannot flood the feedback.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import sympy

MAX_VALUE_CHARS = 300
ARRAY_THRESHOLD = 20  # arrays with more entries are summarised (first and last 3 per axis)
SYMPY_PRINT_NODES = 2000  # larger sympy trees are named, not printed


def format_float(v: float, digits: int = 6) -> str:
    if math.isnan(v) or math.isinf(v):
        return str(v)
    s = repr(v) if digits >= 17 else f"{v:.{digits}g}"  # repr: shortest exact form
    return s + ".0" if s.lstrip("-").isdigit() else s


def _fmt_array(x: np.ndarray, digits: int = 6) -> str:
    if x.ndim == 0:
        return _fmt(x.item(), 1, digits)
    if x.dtype.kind not in "biufc":
        return _fmt(x.tolist(), 1)
    s = np.array2string(x, precision=digits, separator=", ", threshold=ARRAY_THRESHOLD,
                        edgeitems=3, max_line_width=10**6, floatmode="maxprec")
    s = re.sub(r" +", " ", " ".join(s.splitlines())).replace("[ ", "[")
    return f"{s} (shape {x.shape})" if x.size > ARRAY_THRESHOLD else s


def _fmt(x: Any, depth: int, digits: int = 6) -> str:
    if depth > 3:
        return "..."
    if x is None or isinstance(x, bool | np.bool_):
        return str(x if x is None else bool(x))
    if isinstance(x, int | np.integer):
        n = int(x)
        return str(n) if abs(n) < 10**30 else f"<an int of {n.bit_length()} bits>"
    if isinstance(x, float | np.floating):
        return format_float(float(x), digits)
    if isinstance(x, complex | np.complexfloating):
        z = complex(x)
        sign = "-" if math.copysign(1, z.imag) < 0 else "+"
        return f"({format_float(z.real, digits)}{sign}{format_float(abs(z.imag), digits)}j)"
    if isinstance(x, np.ndarray):
        return _fmt_array(x, digits)
    if isinstance(x, list | tuple | dict):  # at most 8 items: the first 6, ..., the last 2
        items = list(x.items()) if isinstance(x, dict) else list(x)
        n = len(items)
        items = items if n <= 8 else items[:6] + items[-2:]
        if isinstance(x, dict):
            shown = [f"{_fmt(k, depth + 1)}: {_fmt(v, depth + 1)}" for k, v in items]
        else:
            shown = [_fmt(v, depth + 1) for v in items]
        shown[6:6] = ["..."] if n > 8 else []
        ends = "{}" if isinstance(x, dict) else "()" if isinstance(x, tuple) else "[]"
        comma = "," if isinstance(x, tuple) and n == 1 else ""
        more = f" ({n} items)" if n > 8 else ""
        return f"{ends[0]}{', '.join(shown)}{comma}{ends[1]}{more}"
    if isinstance(x, str):
        return repr(x) if len(x) <= 60 else repr(x[:57]) + "..."
    if isinstance(x, sympy.Basic | sympy.MatrixBase):  # a huge tree costs seconds to print
        nodes = sympy.preorder_traversal(sympy.ImmutableMatrix(x) if x.is_Matrix else x)
        if any(n > SYMPY_PRINT_NODES for n, _ in enumerate(nodes)):
            return f"<a sympy {type(x).__name__} too large to print>"
        return sympy.sstr(x)
    return f"<{type(x).__name__}>"


def format_value(x: Any, digits: int = 6) -> str:
    """A compact, deterministic rendering of a value for feedback (at most 300 chars).

    Floats get `digits` significant digits; arrays use `np.array2string` (big arrays
    summarised with their shape); unknown objects show only their type name, never an id.
    """
    s = _fmt(x, 0, digits)
    return s if len(s) <= MAX_VALUE_CHARS else s[: MAX_VALUE_CHARS - 3] + "..."


def format_pair(expected: Any, actual: Any) -> tuple[str, str]:
    """Both formatted; with all 17 digits if 6 digits would make them look the same."""
    want, got = format_value(expected), format_value(actual)
    return (want, got) if want != got else (format_value(expected, 17), format_value(actual, 17))


def describe(x: Any) -> str:
    """What came back, for type messages: 'None', 'True (a bool)', 'a list [1, 2]', ..."""
    if x is None:
        return "None"
    if isinstance(x, bool | np.bool_):
        return f"{bool(x)} (a bool)"
    if isinstance(x, np.ndarray):
        kind = "" if x.dtype.kind in "iuf" else f" and dtype {x.dtype}"
        return f"an array of shape {x.shape}{kind}"
    if isinstance(x, sympy.Basic | sympy.MatrixBase):
        return f"the sympy object {format_value(x)}"
    if isinstance(x, str | list | tuple | dict):
        noun = {str: "the string", list: "a list", tuple: "a tuple", dict: "a dict"}
        return f"{noun.get(type(x), 'a ' + type(x).__name__)} {format_value(x)}"
    if isinstance(x, int | float | complex | np.number):
        return format_value(x)
    return f"a value of type {type(x).__name__}"


def format_index(idx: tuple) -> str:
    return str(tuple(int(i) for i in idx))
