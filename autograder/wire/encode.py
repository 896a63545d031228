"""The wire: values crossing between the grader and a student's worker, as data only.

Student code runs in its own worker process (docs/architecture.md, "The trust boundary",
rule 2); values cross as a JSON document of tagged plain structures, never pickled or
evaluated.

- `dumps` / `to_data` encode. In the worker they run inside the student's process, so they only
  have to be right for honest values: they dispatch on exact types, call no methods of student
  objects, and refuse anything else with a `WireError` a student can read.
- `loads` / `from_data` decode (`autograder.wire.decode`). In the grader this
  is THE security boundary: the input is hostile
  bytes, so every node is checked against an allow-list and every size is capped (`WireLimits`).

A tag is a JSON object with exactly one key (so plain dicts are tagged too): ``__tuple__``,
``__dict__`` ([[k, v], ..]), ``__float__`` (nan/inf/-inf), ``__complex__``, ``__ndarray__`` and
``__npscalar__`` (dtype, shape, base64 little-endian bytes), ``__sympy__`` (a tree, see
`autograder.wire.sympy_tree`), ``__handle__`` and, from grader to worker only, ``__function__``.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from autograder.wire.values import (
    DTYPES,
    EXTENDED,
    KEY_TYPES,
    NP_SCALAR_TYPES,
    Handle,
    NamedFunction,
    SymbolicFunction,
    WireError,
    WireLimits,
    b64_len,
    scalar_problem,
)

_ADVICE = "return a number, a numpy array, a sympy expression, or a list, tuple or dict of those"


def _float_out(f: float) -> float | dict[str, str]:
    if math.isfinite(f):
        return f
    return {"__float__": "nan" if math.isnan(f) else ("inf" if f > 0 else "-inf")}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _type_name(t: type) -> str:
    module, name = getattr(t, "__module__", ""), getattr(t, "__qualname__", "?")
    return name if module in ("builtins", "", None) else f"{module}.{name}"


class _Encoder:
    """One `to_data` call: exact-type dispatch, with a path for messages and running counts."""

    def __init__(self, limits: WireLimits, register: Callable[[Callable], Handle] | None,
                 label: str):
        self.limits, self.register, self.label = limits, register, label
        self.items = 0
        self.path: list[Any] = []  # indices and keys down to the current value
        self.budget: Any = None  # wire_sympy.NodeBudget, made for the first sympy value

    def fail(self, what: str) -> WireError:
        where = "".join(f"[{p!r}]" for p in self.path)
        return WireError(f"{self.label}{' at ' + where if where else ''} {what}")

    def enc(self, x: Any, depth: int) -> Any:
        t = type(x)
        if x is None or t is bool:
            return x
        if t is str or t is int:
            if (problem := scalar_problem(x, self.limits)) is not None:
                raise self.fail(f"is {problem}, which cannot be graded")
            return x
        if t is float:
            return _float_out(x)
        if t is complex:
            return {"__complex__": [_float_out(x.real), _float_out(x.imag)]}
        if t is list or t is tuple or t is dict:
            return self.enc_container(x, depth)
        if isinstance(x, tuple):  # a named tuple, e.g. np.linalg.eigh's EighResult
            return self.enc_container(tuple(tuple.__iter__(x)), depth)
        if t in NP_SCALAR_TYPES or (isinstance(x, np.generic) and x.dtype in EXTENDED):
            a = np.asarray(x)
            a = a.astype(EXTENDED.get(a.dtype, a.dtype))
            le = a.dtype.newbyteorder("<")
            return {"__npscalar__": {"dtype": le.str, "data": _b64(a.astype(le).tobytes())}}
        if issubclass(t, np.ndarray):
            return {"__ndarray__": self.enc_array(x)}
        if t is Handle:
            return {"__handle__": {"id": self.enc(x.id, depth), "name": self.enc(x.name, depth)}}
        if t is SymbolicFunction:
            args, expr = [self.sympy_tree(a) for a in x.args], self.sympy_tree(x.expr)
            return {"__function__": {"kind": "sympy", "expr": expr, "args": args}}
        if t is NamedFunction:
            return {"__function__": {"kind": "named", "name": self.enc(x.name, depth)}}
        if "sympy" in sys.modules and (tree := self.enc_sympy(x, t)) is not None:
            return tree
        if callable(x):
            if self.register is None:
                raise self.fail(f"is a function ({_type_name(t)}), which cannot be sent to the "
                                "grader; return a value instead")
            h = self.register(x)
            return {"__handle__": {"id": h.id, "name": h.name}}
        raise self.fail(f"has type {_type_name(t)}, which cannot be graded; {_ADVICE}")

    def count(self, n: int) -> None:
        self.items += n
        if self.items > self.limits.max_items:
            raise self.fail(f"has more than {self.limits.max_items} elements in total, "
                            "which is more than the grader accepts")

    def enc_container(self, x: list | tuple | dict, depth: int) -> Any:
        if depth >= self.limits.max_depth:
            raise self.fail(f"is nested more than {self.limits.max_depth} levels deep, "
                            "which cannot be graded")
        self.count(len(x))
        out: list[Any] = []
        if type(x) is dict:
            for k, v in x.items():
                key = self.enc_key(k, depth + 1)
                self.path.append(k)
                out.append([key, self.enc(v, depth + 1)])
                self.path.pop()
            return {"__dict__": out}
        for i, v in enumerate(x):
            self.path.append(i)
            out.append(self.enc(v, depth + 1))
            self.path.pop()
        return out if type(x) is list else {"__tuple__": out}

    def enc_key(self, k: Any, depth: int) -> Any:
        if type(k) in KEY_TYPES:
            return self.enc(k, depth)
        if type(k) is tuple and depth < self.limits.max_depth:
            self.count(len(k))
            return {"__tuple__": [self.enc_key(e, depth + 1) for e in k]}
        raise self.fail(f"has a dict key of type {_type_name(type(k))}, which cannot be graded; "
                        "use strings, numbers, bools, None or tuples of those as keys")

    def enc_array(self, x: np.ndarray) -> dict[str, Any]:
        ma = sys.modules.get("numpy.ma")
        if ma is not None and issubclass(type(x), ma.MaskedArray):
            raise self.fail("is a masked array, which cannot be graded; return a plain array")
        a = np.asarray(x)  # a plain ndarray view of a subclass; no subclass method is called
        if a.dtype in EXTENDED:
            a = a.astype(EXTENDED[a.dtype])
        le = a.dtype.newbyteorder("<") if a.dtype.kind in "biufc" else a.dtype
        if le.str not in DTYPES:
            raise self.fail(f"is an array of dtype {a.dtype}, which cannot be graded; convert it "
                            "to a numeric dtype, e.g. np.asarray(x, dtype=float)")
        self.count(a.size)
        if b64_len(a.size * le.itemsize) > self.limits.max_bytes:
            raise self.fail(f"is an array of {a.size * le.itemsize} bytes, more than the grader "
                            f"accepts ({self.limits.max_bytes} bytes)")
        data = _b64(a.astype(le, copy=False).tobytes())
        return {"dtype": le.str, "shape": list(a.shape), "data": data}

    def enc_sympy(self, x: Any, t: type) -> Any:
        from autograder.wire import sympy_tree as wire_sympy

        if not wire_sympy.is_sympy_type(t):
            return None
        if wire_sympy.is_lambda(t) and self.register is not None:
            return None  # a sympy Lambda is a function: it stays in the worker as a handle
        return {"__sympy__": self.sympy_tree(wire_sympy.plain_form(x))}

    def sympy_tree(self, x: Any) -> Any:
        from autograder.wire import sympy_tree as wire_sympy

        if self.budget is None:
            self.budget = wire_sympy.NodeBudget(self.limits.max_sympy_nodes)
        try:
            return wire_sympy.expr_to_tree(x, self.limits, budget=self.budget)
        except WireError as e:
            raise self.fail(f"cannot be graded: {e}") from None


def to_data(
    value: Any,
    *,
    register_callable: Callable[[Callable], Handle] | None = None,
    limits: WireLimits = WireLimits(),  # noqa: B008 - frozen, so sharing the default is safe
    label: str = "the value",
) -> Any:
    """Encode `value` as a JSON-compatible tagged structure, or raise `WireError`.

    `register_callable` (given in the worker) turns a callable into a `Handle`; without it a
    callable is refused. `label` names the value in messages, e.g. "entropy's result".
    """
    return _Encoder(limits, register_callable, label).enc(value, 0)


def dumps(value: Any, **kw: Any) -> bytes:
    """`to_data` then compact JSON bytes, refused above `limits.max_bytes`."""
    limits = kw.get("limits", WireLimits())
    text = json.dumps(to_data(value, **kw), allow_nan=False, separators=(",", ":"))
    if len(text) > limits.max_bytes:
        raise WireError(f"{kw.get('label', 'the value')} takes {len(text)} bytes to send, more "
                        f"than the grader accepts ({limits.max_bytes} bytes)")
    return text.encode("ascii")
