"""Decoding wire data from the other side: the grader's security boundary.

`loads` / `from_data` turn hostile bytes from a worker back into values. Every node is checked
against an allow-list and every size is capped (`wire.WireLimits`); anything unexpected is a
`WireError`. Nothing is unpickled, evaluated or imported by name from the data (functions
built in the worker come only from sympy trees or `autograder.wire.fixtures`). The encoding side
and the value types are in `autograder.wire`, which re-exports `from_data` and `loads`.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from autograder.wire.values import (
    DTYPES,
    FLOAT_TAGS,
    NAME_RE,
    Handle,
    NamedFunction,
    SymbolicFunction,
    WireError,
    WireLimits,
    b64_len,
    malformed,
    scalar_problem,
)


def _need(ok: bool, detail: str) -> None:
    if not ok:
        raise malformed(detail)


class _Decoder:
    """One `from_data` call: strict validation of every node, with running counts."""

    def __init__(self, limits: WireLimits, build_functions: bool):
        self.limits, self.build_functions = limits, build_functions
        self.items = 0
        self.budget: Any = None

    def enter(self, depth: int, n: int) -> None:
        _need(depth < self.limits.max_depth, f"nesting deeper than {self.limits.max_depth}")
        self.count(n)

    def count(self, n: int) -> None:
        self.items += n
        _need(self.items <= self.limits.max_items, f"over {self.limits.max_items} elements")

    def dec(self, node: Any, depth: int) -> Any:
        t = type(node)
        if node is None or t is bool:
            return node
        if t is str or t is int:
            _need((problem := scalar_problem(node, self.limits)) is None, f"{problem}")
            return node
        if t is float:
            _need(math.isfinite(node), "a non-finite float that is not tagged")
            return node
        if t is list:
            self.enter(depth, len(node))
            return [self.dec(v, depth + 1) for v in node]
        _need(t is dict, f"a value of type {t.__name__}, which JSON does not have")
        _need(len(node) == 1, "a JSON object that is not a single-key tag")
        ((tag, body),) = node.items()
        method = _TAG_METHODS.get(tag) if type(tag) is str else None
        _need(method is not None, f"unknown tag {str(tag)[:40]!r}")
        return getattr(self, method)(body, depth)

    def fields(self, body: Any, tag: str, keys: frozenset[str]) -> dict[str, Any]:
        _need(type(body) is dict and body.keys() == keys, f"{tag} needs the keys {sorted(keys)}")
        return body

    def dec_tuple(self, body: Any, depth: int) -> tuple:
        _need(type(body) is list, "__tuple__ needs a list")
        self.enter(depth, len(body))
        return tuple(self.dec(v, depth + 1) for v in body)

    def dec_dict(self, body: Any, depth: int) -> dict:
        _need(type(body) is list, "__dict__ needs a list of [key, value] pairs")
        self.enter(depth, len(body))
        out: dict[Any, Any] = {}
        for pair in body:
            _need(type(pair) is list and len(pair) == 2, "__dict__ needs [key, value] pairs")
            key = self.dec_key(pair[0], depth + 1)
            _need(key not in out, "a dict with a repeated key")
            out[key] = self.dec(pair[1], depth + 1)
        return out

    def dec_key(self, node: Any, depth: int) -> Any:
        if type(node) is dict and node.keys() == {"__tuple__"} and type(node["__tuple__"]) is list:
            self.enter(depth, len(node["__tuple__"]))
            return tuple(self.dec_key(v, depth + 1) for v in node["__tuple__"])
        scalar = type(node) is not list and (type(node) is not dict or node.keys() == {"__float__"})
        _need(scalar, "a dict key that is not a string, number, bool, None or tuple of those")
        return self.dec(node, depth)

    def dec_float(self, body: Any, depth: int) -> float:
        _need(type(body) is str and body in FLOAT_TAGS, '__float__ needs "nan", "inf" or "-inf"')
        return FLOAT_TAGS[body]

    def dec_complex(self, body: Any, depth: int) -> complex:
        _need(type(body) is list and len(body) == 2, "__complex__ needs [real, imag]")
        re_im = [self.dec_key(p, depth) if type(p) is dict else p for p in body]
        _need(all(type(p) is float for p in re_im), "__complex__ needs two floats")
        return complex(*re_im)

    def dec_dtype(self, spec: Any) -> np.dtype:
        _need(type(spec) is str and spec in DTYPES, f"dtype {str(spec)[:20]!r} is not allowed")
        return np.dtype(spec)

    def dec_bytes(self, data: Any, nbytes: int) -> bytes:
        _need(type(data) is str and len(data) == b64_len(nbytes), "data of the wrong length")
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise malformed("array data that is not base64") from None

    def dec_ndarray(self, body: Any, depth: int) -> np.ndarray:
        body = self.fields(body, "__ndarray__", _ARRAY_KEYS)
        dtype, shape = self.dec_dtype(body["dtype"]), body["shape"]
        _need(type(shape) is list and len(shape) <= 32 and all(
            type(n) is int and 0 <= n <= self.limits.max_items for n in shape
        ), "an array shape that is not a list of non-negative ints")
        self.count(math.prod(shape))
        raw = self.dec_bytes(body["data"], math.prod(shape) * dtype.itemsize)
        return _frombytes(raw, dtype, shape)

    def dec_npscalar(self, body: Any, depth: int) -> np.generic:
        body = self.fields(body, "__npscalar__", _SCALAR_KEYS)
        dtype = self.dec_dtype(body["dtype"])
        return _frombytes(self.dec_bytes(body["data"], dtype.itemsize), dtype, [1])[0]

    def dec_handle(self, body: Any, depth: int) -> Handle:
        body = self.fields(body, "__handle__", _HANDLE_KEYS)
        hid, name = body["id"], body["name"]
        _need(type(hid) is int and 0 <= hid < 2**63 and type(name) is str, "a malformed handle")
        return Handle(hid, self.dec(name, depth))

    def dec_sympy(self, body: Any, depth: int) -> Any:
        from autograder.wire import sympy_tree as wire_sympy

        if self.budget is None:
            self.budget = wire_sympy.NodeBudget(self.limits.max_sympy_nodes)
        return wire_sympy.tree_to_expr(body, self.limits, budget=self.budget)

    def dec_function(self, body: Any, depth: int) -> SymbolicFunction | NamedFunction:
        _need(self.build_functions, "a function cannot be sent from the worker to the grader")
        if type(body) is dict and body.get("kind") == "named":
            name = self.fields(body, "__function__", _NAMED_KEYS)["name"]
            _need(type(name) is str and NAME_RE.fullmatch(name) is not None, "a bad name")
            return NamedFunction(name)
        body = self.fields(body, "__function__", _SYMBOLIC_KEYS)
        _need(body["kind"] == "sympy" and type(body["args"]) is list, "a malformed function")
        import sympy

        expr = self.dec_sympy(body["expr"], depth)
        args = tuple(self.dec_sympy(a, depth) for a in body["args"])
        _need(isinstance(expr, sympy.Expr) and len(set(args)) == len(args)
              and all(type(a) is sympy.Symbol for a in args), "a malformed symbolic function")
        return SymbolicFunction(expr, args)


def _frombytes(raw: bytes, dtype: np.dtype, shape: list[int]) -> np.ndarray:
    """A fresh, writeable, native-order array; bools are normalised to 0/1."""
    if dtype.kind == "b":
        return (np.frombuffer(raw, dtype=np.uint8) != 0).reshape(shape)
    return np.frombuffer(raw, dtype=dtype).astype(dtype.newbyteorder("="), copy=True).reshape(shape)


_ARRAY_KEYS = frozenset({"dtype", "shape", "data"})
_SCALAR_KEYS = frozenset({"dtype", "data"})
_HANDLE_KEYS = frozenset({"id", "name"})
_NAMED_KEYS = frozenset({"kind", "name"})
_SYMBOLIC_KEYS = frozenset({"kind", "expr", "args"})
_TAG_METHODS = {
    "__tuple__": "dec_tuple", "__dict__": "dec_dict", "__float__": "dec_float",
    "__complex__": "dec_complex", "__ndarray__": "dec_ndarray", "__npscalar__": "dec_npscalar",
    "__sympy__": "dec_sympy", "__handle__": "dec_handle", "__function__": "dec_function",
}


def from_data(
    data: Any,
    *,
    build_functions: bool = False,
    limits: WireLimits = WireLimits(),  # noqa: B008
) -> Any:
    """Decode and validate the output of `to_data`; anything unexpected is a `WireError`.

    `build_functions=True` (worker side only) turns ``__function__`` tags into callable
    `SymbolicFunction` / `NamedFunction` objects; the grader refuses them.
    """
    return _Decoder(limits, build_functions).dec(data, 0)


def loads(raw: bytes, **kw: Any) -> Any:
    """Parse hostile bytes from the other side: size cap, strict JSON, then `from_data`."""
    limits = kw.get("limits", WireLimits())
    if not isinstance(raw, bytes | bytearray):
        raise TypeError(f"loads needs bytes, not {type(raw).__name__}")
    if len(raw) > limits.max_bytes:
        raise malformed(f"a message of {len(raw)} bytes, over the cap of {limits.max_bytes}")
    return from_data(parse_json(raw, limits), **kw)


def parse_json(raw: bytes, limits: WireLimits = WireLimits()) -> Any:  # noqa: B008
    """Strict JSON from hostile bytes: no NaN literals, no repeated keys, capped numbers."""
    try:
        return json.loads(bytes(raw).decode("utf-8"), **_json_hooks(limits))
    except WireError:
        raise
    except (ValueError, RecursionError) as e:
        raise malformed(f"invalid JSON ({type(e).__name__})") from None


def _json_hooks(limits: WireLimits) -> dict[str, Callable[..., Any]]:
    """Checks made while parsing, before Python objects are built from the numbers."""

    def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        _need(len(obj := dict(pairs)) == len(pairs), "a JSON object with a repeated key")
        return obj

    def parse_int(s: str) -> int:
        _need(len(s) <= limits.max_int_digits + 1, f"an int over {limits.max_int_digits} digits")
        return int(s)

    def parse_float(s: str) -> float:
        _need(len(s) <= 400 and math.isfinite(v := float(s)), "a JSON number that is not finite")
        return v

    def parse_constant(s: str) -> Any:
        raise malformed(f"{s} is not valid JSON")

    return {"object_pairs_hook": object_pairs, "parse_int": parse_int,
            "parse_float": parse_float, "parse_constant": parse_constant}
