"""What may cross the wire, and its caps: the value types, `WireError` and `WireLimits`.

Shared by the encoder (`autograder.wire.encode`, run in the worker) and the decoder
(`autograder.wire.decode`, the grader's security boundary); neither imports the other.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import sympy


MAX_BYTES = 64 * 2**20
FIXTURES_MODULE = "autograder.wire.fixtures"


class WireError(ValueError):
    """A value that cannot cross the wire, or bytes that are not valid wire data.

    The message is one sentence a student can read.
    """


@dataclass(frozen=True)
class WireLimits:
    """Caps on one message. The decoder enforces every one of them on hostile input."""

    max_bytes: int = MAX_BYTES  # size of the encoded JSON
    max_depth: int = 64  # nesting of lists, tuples and dicts
    max_items: int = 1_000_000  # elements of all containers and arrays together
    max_str: int = 1_000_000  # characters of one string
    max_int_digits: int = 4000  # decimal digits of one integer
    max_sympy_nodes: int = 20_000  # sympy tree nodes in the whole message
    max_sympy_depth: int = 128  # nesting of one sympy expression


@dataclass(frozen=True)
class Handle:
    """A callable that stays inside the worker; the grader holds only its id."""

    id: int
    name: str  # for messages, e.g. "<function returned by make_adder>"


@dataclass(frozen=True)
class SymbolicFunction:
    """A function the grader passes to student code: `expr` as a function of `args`.

    It crosses the wire as a sympy tree, is rebuilt in the worker from the allow-list of
    `autograder.wire.sympy_tree`, and is evaluated there with `sympy.lambdify(args, expr, "numpy")`.
    """

    expr: sympy.Expr
    args: tuple[sympy.Symbol, ...]

    def __call__(self, *xs: Any) -> Any:
        """A float for scalar arguments (complex if the value is), an ndarray for arrays."""
        if len(xs) != len(self.args):
            raise TypeError(f"this function takes {len(self.args)} argument(s), got {len(xs)}")
        out = np.asarray(_lambdified(self.expr, self.args)(*xs))
        shape = np.broadcast_shapes(*(np.shape(x) for x in xs))
        if out.shape != shape:  # a constant expression ignores the shape of its arguments
            out = np.broadcast_to(out, shape)
        if out.ndim == 0:
            return complex(out) if out.dtype.kind == "c" else float(out)
        return np.array(out)


@functools.lru_cache(maxsize=256)
def _lambdified(expr: sympy.Expr, args: tuple[sympy.Symbol, ...]) -> Callable[..., Any]:
    import sympy

    return sympy.lambdify(args, expr, "numpy")


@dataclass(frozen=True)
class NamedFunction:
    """A function the grader passes to student code by name: one of `autograder.wire.fixtures`.

    Only names listed in that module's `__all__` can be called.
    """

    name: str

    def __call__(self, *xs: Any) -> Any:
        module = importlib.import_module(FIXTURES_MODULE)
        if self.name not in getattr(module, "__all__", ()):
            raise WireError(f"{self.name!r} is not a function listed in {FIXTURES_MODULE}")
        return getattr(module, self.name)(*xs)


NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_DTYPE_CHARS = "?bhilqBHILQefdFD"  # bool, (unsigned) integers, float16/32/64, complex64/128
DTYPES = frozenset(np.dtype(c).newbyteorder("<").str for c in _DTYPE_CHARS)
NP_SCALAR_TYPES = frozenset(np.dtype(c).type for c in _DTYPE_CHARS)
# Extended precision (float128 / complex256 where the platform has them) is rounded to double
# when sent: the grader compares at double precision anyway.
EXTENDED = {np.dtype(np.longdouble): np.dtype(np.float64),
             np.dtype(np.clongdouble): np.dtype(np.complex128)}
FLOAT_TAGS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
KEY_TYPES = (str, int, float, bool, type(None))


def malformed(detail: str) -> WireError:
    return WireError(f"malformed wire data: {detail}")


def int_too_big(v: int, digits: int) -> bool:
    """More than `digits` decimal digits (8**d < 10**d < 16**d), without str(v)."""
    bits = v.bit_length()
    return bits > 3 * digits and (bits > 4 * digits or abs(v) >= 10**digits)


def scalar_problem(x: str | int, limits: WireLimits) -> str | None:
    """Why a str or int is refused (too long, lone surrogates), or None."""
    if type(x) is int:
        if int_too_big(x, limits.max_int_digits):
            return f"an integer with more than {limits.max_int_digits} digits"
        return None
    if len(x) > limits.max_str:
        return f"a string longer than {limits.max_str} characters"
    try:
        x.encode("utf-8")
    except UnicodeEncodeError:
        return "a string with invalid characters (lone surrogates)"
    return None


def b64_len(nbytes: int) -> int:
    return 4 * ((nbytes + 2) // 3)
