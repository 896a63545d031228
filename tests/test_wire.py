"""Tests for autograder.wire: round trips, hostile bytes to the grader, hostile worker values.

The sympy tree format has its own tests in test_wire_sympy.py.
"""

from __future__ import annotations

import json
import math
import sys
import time
import tokenize
import types
from collections.abc import Callable
from enum import IntEnum

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as npst

from autograder import wire
from autograder.wire import (
    Handle,
    NamedFunction,
    SymbolicFunction,
    WireError,
    WireLimits,
    dumps,
    from_data,
    loads,
    to_data,
)
from autograder.wire.values import FIXTURES_MODULE

SETTINGS = settings(derandomize=True, deadline=None, max_examples=150)

ALLOWED = ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
ALL_DTYPES = [np.dtype(c) for c in ALLOWED] + [
    np.dtype(c).newbyteorder(">") for c in ALLOWED if np.dtype(c).itemsize > 1
]


def same(a: object, b: object) -> bool:
    """Equal in type and value, nan == nan, -0.0 != 0.0, arrays bit for bit."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb)
            for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True)
        )
    if isinstance(a, np.ndarray | np.generic):
        return a.dtype == b.dtype and np.shape(a) == np.shape(b) and a.tobytes() == b.tobytes()
    return a == b


def roundtrip(value: object, **kw: object) -> object:
    back = loads(dumps(value), **kw)
    assert same(from_data(json.loads(json.dumps(to_data(value))), **kw), back)
    return back


# ------------------------------------------------------------- round trips

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.complex_numbers(allow_nan=True, allow_infinity=True)
)
key_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
)
keys = st.recursive(key_scalars, lambda k: st.lists(k, max_size=3).map(tuple), max_leaves=6)
values = st.recursive(
    scalars,
    lambda c: st.lists(c, max_size=4) | st.lists(c, max_size=4).map(tuple)
    | st.dictionaries(keys, c, max_size=4),
    max_leaves=25,
)


@SETTINGS
@given(values)
def test_plain_values_round_trip(value: object) -> None:
    assert same(roundtrip(value), value)


@st.composite
def arrays(draw: st.DrawFn) -> np.ndarray:
    dtype = draw(st.sampled_from(ALL_DTYPES))
    shape = draw(npst.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5))
    a = draw(npst.arrays(dtype, shape))
    view = draw(st.sampled_from(["as is", "transposed", "reversed", "strided"]))
    if view == "transposed":
        return a.T
    if view == "reversed" and a.ndim:
        return a[::-1]
    if view == "strided" and a.ndim:
        return a[::2]
    return a


@SETTINGS
@given(arrays())
def test_arrays_round_trip_bit_for_bit(a: np.ndarray) -> None:
    back = roundtrip(a)
    assert type(back) is np.ndarray and back.dtype.isnative and back.flags.writeable
    assert back.flags.c_contiguous and back.shape == a.shape
    expected = a.astype(a.dtype.newbyteorder("="))
    assert back.dtype == expected.dtype
    assert back.tobytes() == np.ascontiguousarray(expected).tobytes()


@SETTINGS
@given(st.sampled_from(ALL_DTYPES).flatmap(lambda dt: npst.arrays(dt, ()).map(lambda a: a[()])))
def test_numpy_scalars_keep_their_type(x: np.generic) -> None:
    back = roundtrip(x)
    assert type(back) is type(x.astype(x.dtype.newbyteorder("=")))
    assert back.tobytes() == np.asarray(x).astype(x.dtype.newbyteorder("=")).tobytes()


def test_float_numpy_scalar_and_0d_array_stay_distinct() -> None:
    out = roundtrip([1.5, np.float64(1.5), np.array(1.5), np.float32(1.5), np.bool_(True), True])
    assert [type(v) for v in out] == [float, np.float64, np.ndarray, np.float32, np.bool_, bool]
    assert out[2].shape == ()


def test_special_floats_and_negative_zero() -> None:
    out = roundtrip([math.nan, math.inf, -math.inf, -0.0, complex(math.inf, -math.nan), 5e-324])
    assert math.isnan(out[0]) and out[1] == math.inf and out[2] == -math.inf
    assert math.copysign(1, out[3]) == -1 and out[4].real == math.inf and out[5] == 5e-324
    assert b"NaN" not in dumps(out) and b"Infinity" not in dumps(out)


def test_decoded_array_is_a_fresh_copy() -> None:
    data = to_data(np.arange(4.0))
    a, b = from_data(data), from_data(data)
    assert a.flags.writeable and not np.shares_memory(a, b)
    a[0] = 99.0
    assert b[0] == 0.0 and from_data(data)[0] == 0.0


def test_handles_round_trip_and_registered_callables_become_handles() -> None:
    registered = []

    def register(f: object) -> Handle:
        registered.append(f)
        return Handle(len(registered), f"<function {len(registered)}>")

    def adder(x: int) -> int:
        return x + 1

    value = {"f": adder, "g": [len, sp.Lambda(sp.Symbol("x"), 2)]}
    out = from_data(json.loads(json.dumps(to_data(value, register_callable=register))))
    handles = [Handle(i, f"<function {i}>") for i in (1, 2, 3)]
    assert out == {"f": handles[0], "g": handles[1:]}
    assert registered[:2] == [adder, len]
    assert roundtrip(Handle(7, "h")) == Handle(7, "h")


def test_dict_key_order_and_mixed_keys_survive() -> None:
    d = {"b": 1, 2: 2, (1, ("x", None)): 3, 2.5: 4, None: 5, False: 6}
    back = roundtrip(d)
    assert list(back.items()) == list(d.items())


def test_dumps_is_compact_ascii_json() -> None:
    raw = dumps({"é": [1, 2.5]})
    assert raw == b'{"__dict__":[["\\u00e9",[1,2.5]]]}'


# ------------------------------------------------------------- functions passed to the worker


def test_symbolic_function_crosses_and_evaluates_in_the_worker() -> None:
    x, y = sp.symbols("x y")
    f = SymbolicFunction(sp.exp(-x**2) * y, (x, y))
    g = from_data(json.loads(json.dumps(to_data(f))), build_functions=True)
    assert g == f and callable(g)
    assert g(1.0, 2.0) == pytest.approx(2 * math.exp(-1)) and type(g(1.0, 2.0)) is float
    out = g(np.array([0.0, 1.0]), 1.0)
    assert type(out) is np.ndarray and out == pytest.approx([1.0, math.exp(-1)])


def test_symbolic_function_of_a_constant_broadcasts_and_piecewise_works() -> None:
    x = sp.Symbol("x")
    const = from_data(to_data(SymbolicFunction(sp.Integer(3), (x,))), build_functions=True)
    assert const(2.0) == 3.0 and list(const(np.zeros(3))) == [3.0, 3.0, 3.0]
    relu = SymbolicFunction(sp.Piecewise((0, x < 0), (x, True)), (x,))
    back = from_data(to_data(relu), build_functions=True)
    assert list(back(np.array([-1.0, 2.0]))) == [0.0, 2.0]
    with pytest.raises(TypeError):
        back(1.0, 2.0)


@pytest.fixture
def fixtures_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType(FIXTURES_MODULE)
    module.__all__ = ["double"]
    module.double = lambda v: 2 * v
    module.secret = lambda v: "should not be reachable"
    monkeypatch.setitem(sys.modules, FIXTURES_MODULE, module)
    return module


def test_named_function_calls_only_names_in_fixtures_all(fixtures_module: types.ModuleType) -> None:
    f = from_data(json.loads(json.dumps(to_data(NamedFunction("double")))), build_functions=True)
    assert f == NamedFunction("double") and f(21) == 42
    secret = from_data(to_data(NamedFunction("secret")), build_functions=True)
    with pytest.raises(WireError, match="not a function listed"):
        secret(1)


@pytest.mark.parametrize(
    "function", [NamedFunction("double"), SymbolicFunction(sp.Symbol("x"), (sp.Symbol("x"),))]
)
def test_the_grader_refuses_functions_from_the_worker(function: object) -> None:
    with pytest.raises(WireError, match="function cannot be sent from the worker"):
        loads(dumps(function))


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "named", "name": "os.system"},
        {"kind": "named", "name": "__import__('os')"},
        {"kind": "named", "name": 5},
        {"kind": "named", "name": "double", "extra": 1},
        {"kind": "eval", "name": "double"},
        {"kind": "sympy", "expr": ["Symbol", "x", []], "args": [["Integer", "1"]]},
        {"kind": "sympy", "expr": ["Symbol", "x", []], "args": [["Symbol", "x", []]] * 2},
        {"kind": "sympy", "expr": ["BooleanTrue"], "args": []},
        {"kind": "sympy", "expr": ["Symbol", "x", []], "args": "x"},
        {"kind": "sympy", "expr": ["Symbol", "x", []]},
        "double",
    ],
)
def test_malformed_functions_are_refused_even_in_the_worker(body: object) -> None:
    with pytest.raises(WireError):
        from_data({"__function__": body}, build_functions=True)


# ------------------------------------------------------------- hostile bytes (grader side)

ND = {"dtype": "<f8", "shape": [2], "data": "AAAAAAAA8D8AAAAAAAAAQA=="}  # [1.0, 2.0]


def test_the_valid_ndarray_fixture_decodes() -> None:
    assert list(from_data({"__ndarray__": ND})) == [1.0, 2.0]


@pytest.mark.parametrize(
    "raw",
    [
        b"{", b"", b"[1,]", b"nan", b"NaN", b"[Infinity]", b"-Infinity", b"\xff\xfe[]", b"[1e999]",
        b"{\"__tuple__\": [], \"__tuple__\": []}", b"[1] [2]", b"'x'", b"[\"\\ud800\"]",
        b"1" * 5000, b"[" + b"1" * 100_000 + b"]", b"1." + b"1" * 1000,
    ],
)
def test_invalid_json_is_a_wire_error(raw: bytes) -> None:
    with pytest.raises(WireError, match="malformed wire data"):
        loads(raw)


def test_size_cap_is_checked_before_parsing() -> None:
    with pytest.raises(WireError, match="bytes"):
        loads(b"[" + b"0," * 100 + b"0]", limits=WireLimits(max_bytes=100))
    with pytest.raises(WireError, match="bytes"):
        dumps(list(range(100)), limits=WireLimits(max_bytes=100))


@pytest.mark.parametrize("depth", [65, 5_000, 200_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    start = time.perf_counter()
    with pytest.raises(WireError, match="malformed wire data"):
        loads(b"[" * depth + b"]" * depth)
    with pytest.raises(WireError, match="malformed wire data"):
        loads(b'{"__tuple__":' * depth + b"[]" + b"}" * depth)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "data",
    [
        {"a": 1}, {}, {"__tuple__": [], "__dict__": []}, {"__eval__": "1+1"}, {"__reduce__": []},
        {"__class__": "os.system"}, {"__pickle__": "gASV"}, {"__ndarray__": [ND]},
        {"__tuple__": "abc"}, {"__dict__": {"a": 1}}, {"__dict__": [["a"]]},
        {"__dict__": [["a", 1, 2]]},
        {"__dict__": [["a", 1], ["a", 2]]}, {"__dict__": [[1, 1], [True, 2]]},
        {"__dict__": [[[1, 2], 1]]}, {"__dict__": [[{"__ndarray__": ND}, 1]]},
        {"__dict__": [[{"__dict__": []}, 1]]}, {"__float__": "NaN"}, {"__float__": 1.0},
        {"__complex__": [1.0]}, {"__complex__": ["1", 2.0]}, {"__complex__": [1, 2]},
        {"__complex__": [{"__tuple__": []}, 1.0]}, {"__handle__": {"id": -1, "name": "h"}},
        {"__handle__": {"id": True, "name": "h"}}, {"__handle__": {"id": "1", "name": "h"}},
        {"__handle__": {"id": 1}}, {"__handle__": {"id": 1, "name": "h", "call": "os.system"}},
        {"__handle__": {"id": 2**63, "name": "h"}},
        {"__npscalar__": {"dtype": "<f8", "data": "AAAA"}},
        {"__npscalar__": {"dtype": "<f8", "data": "AAAAAAAA8D8=", "shape": []}},
        {"__sympy__": "x + 1"}, {"__sympy__": ["Function", "f"]},
        math.nan, math.inf, 10**5000, (1, 2), b"bytes", {1: 2}, {("__tuple__",): []}, object(),
    ],
    ids=lambda v: type(v).__name__,
)
def test_malformed_structures_are_refused(data: object) -> None:
    with pytest.raises(WireError, match="malformed wire data|not supported"):
        from_data(data)


@pytest.mark.parametrize(
    "change",
    [
        {"dtype": "O"}, {"dtype": "|O"}, {"dtype": "|V8"}, {"dtype": "<M8"}, {"dtype": "<M8[s]"},
        {"dtype": "<U2"}, {"dtype": ">f8"}, {"dtype": "float64"}, {"dtype": "<f16"}, {"dtype": 8},
        {"dtype": "<f8", "shape": [3]}, {"shape": [1]}, {"shape": [-2]}, {"shape": [-1, -2]},
        {"shape": [2.0]}, {"shape": [True, 2]}, {"shape": "2"}, {"shape": [1] * 33 + [2]},
        {"shape": [10**6, 10**6]}, {"shape": [0, 10**12]}, {"shape": [2**64, 0]},
        {"data": "!!!!!!!!!!!!!!!!!!!!!!!!"}, {"data": "AAAAAAAA8D8AAAAAAAAAQA="},
        {"data": "AAAAAAAA8D8AAAAAAAAAQ==="}, {"data": ND["data"] + "AAAA"}, {"data": None},
        {"data": "AAAA AAA8D8AAAAAAAAAQA=="}, {"extra": 1},
    ],
)
def test_malformed_arrays_are_refused(change: dict) -> None:
    start = time.perf_counter()
    with pytest.raises(WireError, match="malformed wire data"):
        from_data({"__ndarray__": {**ND, **change}})
    assert time.perf_counter() - start < 0.5


def test_huge_int_in_json_is_refused_before_conversion() -> None:
    start = time.perf_counter()
    for raw in (b"1" * 100_000, b"[-" + b"9" * 100_000 + b"]"):
        with pytest.raises(WireError, match="malformed wire data"):
            loads(raw)
    with pytest.raises(WireError, match="digits"):
        loads(b"1" + b"0" * 4000)
    assert loads(b"9" * 4000) == int("9" * 4000)
    assert time.perf_counter() - start < 1


def test_caps_on_items_and_strings_apply_to_decoding() -> None:
    small = WireLimits(max_items=10, max_str=5)
    assert from_data(list(range(10)), limits=small) == list(range(10))
    too_big = {"__ndarray__": {"dtype": "|u1", "shape": [11], "data": "AAAAAAAAAAAAAAA="}}
    assert from_data(too_big).tolist() == [0] * 11
    for data in (list(range(11)), [[1] * 6, [1] * 5], too_big, "x" * 6):
        with pytest.raises(WireError, match="malformed wire data"):
            from_data(data, limits=small)


def test_bool_arrays_are_normalised_to_0_and_1() -> None:
    a = from_data({"__ndarray__": {"dtype": "|b1", "shape": [2], "data": "AgA="}})  # bytes 2, 0
    assert a.dtype == bool and a.view(np.uint8).tolist() == [1, 0]


# ------------------------------------------------------------- hostile values (worker side)


class Evil:
    """Every hook a careless encoder might call raises, so the test sees if one was called."""

    def _boom(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("the encoder called a method of a student object")

    __eq__ = __ne__ = __lt__ = __hash__ = __float__ = __int__ = __index__ = __complex__ = _boom
    __array__ = __reduce__ = __reduce_ex__ = __iter__ = __len__ = __getitem__ = __bool__ = _boom
    __repr__ = __str__ = __format__ = __getstate__ = __array_function__ = __array_ufunc__ = _boom

    @property
    def __array_interface__(self) -> dict:
        raise AssertionError("the encoder read __array_interface__")

    @property
    def __class__(self) -> type:  # isinstance() would believe this; exact type checks do not
        return float


class EvilArrayLike(Evil):
    @property
    def __class__(self) -> type:
        return np.ndarray


class EvilFloat(float):
    def __repr__(self) -> str:
        raise AssertionError("repr called")

    __float__ = __str__ = __format__ = __repr__


class EvilList(list):
    def __iter__(self):  # noqa: ANN204
        raise AssertionError("iter called")


class Color(IntEnum):
    RED = 1


class EvilKey(Evil):
    __hash__ = object.__hash__  # so that it can be put in a dict in the first place


@pytest.mark.parametrize(
    "make",
    [
        Evil, EvilArrayLike, lambda: [1, Evil()], lambda: {"a": Evil()}, lambda: {EvilKey(): 1},
        lambda: (Evil(),), lambda: EvilFloat(1.0), lambda: Color.RED, lambda: EvilList([1]),
        lambda: type("S", (str,), {})("x"), lambda: type("D", (dict,), {})(),
        lambda: [EvilFloat(2.0)], lambda: {(1, EvilKey()): 1},
    ],
)
def test_odd_objects_are_refused_without_calling_their_methods(make: Callable[[], object]) -> None:
    with pytest.raises(WireError, match="cannot be graded"):
        to_data(make())


def test_refusal_names_the_type_and_where_it_is() -> None:
    with pytest.raises(WireError) as info:
        to_data({"p": [0.5, Evil()]}, label="entropy's result")
    message = str(info.value)
    assert message.startswith("entropy's result at ['p'][1] has type ")
    assert "Evil" in message and "cannot be graded" in message and "\n" not in message


class NoisyArray(np.ndarray):
    """An ndarray subclass whose Python-level methods all raise."""

    def _boom(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("the encoder called a method of an ndarray subclass")

    __array__ = __array_wrap__ = __array_function__ = __array_ufunc__ = __reduce__ = _boom
    tobytes = astype = view = copy = __getitem__ = __iter__ = __len__ = __repr__ = _boom
    dtype = property(_boom)  # type: ignore[assignment]
    shape = property(_boom)  # type: ignore[assignment]


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # np.matrix
def test_ndarray_subclasses_are_sent_as_plain_arrays() -> None:
    base = np.arange(6.0).reshape(2, 3)
    noisy = base.view(NoisyArray)
    NoisyArray.__array_finalize__ = NoisyArray._boom  # armed after the view was made
    try:
        back = from_data(to_data(noisy))
    finally:
        del NoisyArray.__array_finalize__
    assert type(back) is np.ndarray and back.tolist() == base.tolist()
    m = from_data(to_data(np.matrix([[1, 2], [3, 4]])))
    assert type(m) is np.ndarray and m.tolist() == [[1, 2], [3, 4]]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (np.array([1, "a"], dtype=object), "dtype object"),
        (np.array(["ab"]), "dtype <U2"),
        (np.array(["2020-01-01"], dtype="datetime64[D]"), "dtype datetime64"),
        (np.zeros(2, dtype=[("a", "<f8")]), "cannot be graded"),
        (np.str_("x"), "str_"),
        (np.datetime64("2020-01-01"), "datetime64"),
        (np.ma.masked_array([1.0, 2.0], mask=[0, 1]), "masked array"),
    ],
)
def test_arrays_and_scalars_of_other_dtypes_are_refused(value: object, words: str) -> None:
    with pytest.raises(WireError, match="cannot be graded") as info:
        to_data([value])
    assert words in str(info.value)


def test_named_tuples_are_sent_as_plain_tuples() -> None:
    """`return np.linalg.eigh(S)` is a right answer: its EighResult arrives as a tuple."""
    w, v = np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))
    (back,) = roundtrip([np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))])
    assert type(back) is tuple and back[0].tolist() == w.tolist() and back[1].tolist() == v.tolist()


def test_extended_precision_is_rounded_to_double() -> None:
    """A student who computes in np.longdouble is graded at double precision, not refused."""
    array, scalar = roundtrip([np.array([1, 2], dtype=np.longdouble) / 3, np.longdouble(1) / 3])
    assert array.dtype == np.float64 and array.tolist() == [1 / 3, 2 / 3]
    assert type(scalar) is np.float64 and scalar == 1 / 3
    (z,) = roundtrip([np.array([1j], dtype=np.clongdouble)])
    assert z.dtype == np.complex128 and z.tolist() == [1j]


def test_caps_apply_to_encoding_before_the_work_is_done() -> None:
    start = time.perf_counter()
    with pytest.raises(WireError, match="more than the grader accepts"):
        to_data(np.zeros(10**7), limits=WireLimits(max_bytes=10_000))
    with pytest.raises(WireError, match="elements"):
        to_data([np.zeros(6), np.zeros(6)], limits=WireLimits(max_items=10))
    with pytest.raises(WireError, match="elements"):
        to_data([[0] * 6] * 2, limits=WireLimits(max_items=10))
    with pytest.raises(WireError, match="characters"):
        to_data(["x" * 6], limits=WireLimits(max_str=5))
    with pytest.raises(WireError, match="digits"):
        to_data(10**4000)
    assert time.perf_counter() - start < 1
    assert to_data(10**4000 - 1) == 10**4000 - 1


def test_self_reference_and_deep_nesting_are_refused() -> None:
    loop: list = []
    loop.append(loop)
    with pytest.raises(WireError, match="nested more than 64"):
        to_data(loop)
    with pytest.raises(WireError, match="lone surrogates"):
        to_data("\ud800")


def test_callables_need_register_callable() -> None:
    def f(x: float) -> float:
        return x

    for value in (f, lambda: 1, len, np.sin, Evil, [f], {"k": print}):
        with pytest.raises(WireError, match="is a function"):
            to_data(value)


def code_names(path: str) -> set[str]:
    """The identifiers used in a module's code (not in its strings or comments)."""
    with open(path, "rb") as handle:
        return {t.string for t in tokenize.tokenize(handle.readline) if t.type == tokenize.NAME}


def test_the_wire_never_unpickles_or_evaluates() -> None:
    from autograder.wire import sympy_tree as wire_sympy

    forbidden = {"pickle", "dill", "marshal", "eval", "exec", "literal_eval",
                 "sympify", "parse_expr", "srepr", "__import__", "__reduce__", "__setstate__"}
    assert code_names(wire.__file__) & forbidden == set()
    assert code_names(wire_sympy.__file__) & forbidden == set()
