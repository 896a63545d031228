"""Tests for autograder.wire.sympy_tree: sympy trees round-trip, and hostile trees are refused."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.function import AppliedUndef

from autograder.wire import WireError, WireLimits, dumps, from_data, loads, to_data
from autograder.wire.sympy_tree import expr_to_tree, tree_to_expr

SETTINGS = settings(derandomize=True, deadline=None, max_examples=300)
LIMITS = WireLimits()


def same(a: Any, b: Any) -> bool:
    """Structurally identical: same classes, same args, Float precision, Symbol assumptions."""
    if isinstance(a, AppliedUndef):
        return isinstance(b, AppliedUndef) and a.func == b.func and same(a.args, b.args)
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, sp.Float):
        return a._mpf_ == b._mpf_ and a._prec == b._prec
    if isinstance(a, sp.Symbol):
        return a.name == b.name and a.assumptions0 == b.assumptions0
    if isinstance(a, sp.MatrixBase):
        return a.shape == b.shape and same(tuple(a), tuple(b))
    return a == b and same(a.args, b.args)


def roundtrip(e: Any) -> Any:
    """Through bytes, as between worker and grader."""
    return loads(dumps(e))


# ------------------------------------------------------------- round trips

x, y = sp.symbols("x y")
SYMBOLS = [
    x, y, sp.Symbol("t", positive=True), sp.Symbol("n", integer=True, nonnegative=True),
    sp.Symbol("θ", real=True), sp.Symbol("x_1", finite=True), sp.Symbol("z", negative=True),
]
CONSTANTS = [
    sp.S.Zero, sp.S.One, sp.S.NegativeOne, sp.S.Half, sp.nan, sp.oo, -sp.oo, sp.zoo, sp.I, sp.pi,
    sp.E, sp.EulerGamma,
]
f = sp.Function("f")
UNARY = [
    sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan,
    sp.sinh, sp.cosh, sp.tanh, sp.asinh, sp.acosh, sp.atanh, sp.Abs, sp.sign, sp.floor,
    sp.ceiling, sp.erf, sp.erfc, sp.gamma, sp.loggamma, sp.factorial, sp.Heaviside,
    sp.DiracDelta, f, sp.re, sp.im, sp.conjugate,
]
BINARY = [sp.atan2, sp.binomial, sp.Max, sp.Min, sp.Mod]
RELATIONS = [sp.Lt, sp.Le, sp.Gt, sp.Ge, sp.Eq, sp.Ne]

leaves = (
    st.sampled_from(SYMBOLS) | st.sampled_from(CONSTANTS)
    | st.integers(-(10**40), 10**40).map(sp.Integer)
    | st.builds(sp.Rational, st.integers(-100, 100), st.integers(1, 100))
    | st.builds(sp.Float, st.floats(allow_nan=False, allow_infinity=False), st.none())
    | st.builds(lambda v, p: sp.Float(v, precision=p), st.floats(-1e300, 1e300), st.integers(2, 99))
)


def build(op: Any, args: list, evaluate: bool) -> Any:
    """`op` applied to `args`, evaluated for the arithmetic if asked; args[0] if sympy refuses."""
    try:
        if op is sp.Pow and evaluate and not (args[1].is_Number and abs(args[1]) < 8):
            evaluate = False  # keep 10**40 ** 10**40 out of the test
        if op in (sp.Add, sp.Mul, sp.Pow):
            return op(*args, evaluate=evaluate)
        return op(*args, evaluate=False)
    except (TypeError, ValueError):
        return args[0]


@st.composite
def terms(draw: st.DrawFn, depth: int = 5) -> Any:
    """A random expression tree: arithmetic (evaluated or not) and functions (unevaluated)."""
    if depth == 0 or draw(st.integers(0, 4)) == 0:
        return draw(leaves)
    op = draw(st.sampled_from([sp.Add, sp.Mul, sp.Pow, *UNARY, *BINARY]))
    arity = 1 if op in UNARY else 2 if op in BINARY or op is sp.Pow else draw(st.integers(2, 4))
    args = [draw(terms(depth - 1)) for _ in range(arity)]
    result = build(op, args, draw(st.booleans()))
    return result if isinstance(result, sp.Expr) else args[0]


@st.composite
def expressions(draw: st.DrawFn) -> Any:
    """A term, or a relation or Tuple of terms."""
    kind = draw(st.sampled_from(["term", "term", "relation", "tuple"]))
    if kind == "term":
        return draw(terms())
    if kind == "tuple":
        return sp.Tuple(*draw(st.lists(terms(3), max_size=3)))
    return build(draw(st.sampled_from(RELATIONS)), [draw(terms(3)), draw(terms(3))], False)


@SETTINGS
@given(expressions())
def test_random_expressions_round_trip_structurally(e: Any) -> None:
    back = roundtrip(e)
    assert back == e and same(back, e)
    assert same(tree_to_expr(json.loads(json.dumps(expr_to_tree(e, LIMITS))), LIMITS), e)


@SETTINGS
@given(
    st.integers(-(2**300), 2**300), st.integers(-2000, 2000), st.integers(1, 3000),
)
def test_floats_round_trip_exactly_at_their_precision(man: int, exp: int, prec: int) -> None:
    value = sp.Float(sp.Rational(man) * sp.Rational(2) ** exp, precision=prec)
    back = roundtrip(value)
    assert type(back) is sp.Float and back._mpf_ == value._mpf_ and back._prec == prec


def test_structures_round_trip() -> None:
    g = sp.Function("g")
    n = sp.Symbol("n", integer=True)
    A = sp.Symbol("A", commutative=False)
    cases = [
        sp.Piecewise((x, x < 1), (x**2, sp.And(x >= 1, y > 2)), (0, True)),
        sp.Piecewise((1, sp.Or(x < 0, sp.Not(y > 1))), (2, True)),
        sp.Derivative(f(x, y), x, 2, y), sp.Derivative(g(x), x, evaluate=False),
        sp.Integral(sp.exp(-(x**2)), (x, -sp.oo, sp.oo)), sp.Integral(x * y, x, (y, 0, 1)),
        sp.Sum(1 / n**2, (n, 1, sp.oo)), x + sp.O(x**3), sp.O(1), sp.O(1 / x, (x, sp.oo)),
        sp.Tuple(1, x, sp.Tuple()), sp.sqrt(2) * sp.pi * sp.I, sp.Eq(x, y), sp.Ne(x, 1),
        sp.Lt(x, y), sp.Ge(x, 0), sp.S.true, sp.S.false, sp.Catalan, sp.GoldenRatio,
        A * y * A, sp.KroneckerDelta(n, 1), sp.polygamma(1, x), sp.acot(x), sp.coth(x),
        sp.Pow(x, 2, evaluate=False) + sp.Add(x, x, evaluate=False), sp.log(x, 2),
        sp.Rational(-7, 3), sp.Integer(10**3000), sp.Float("1e-300", 200),
        sp.Symbol("Δ_2"), sp.Symbol("_private"), sp.Symbol("z" * 64),
    ]
    for e in cases:
        assert same(roundtrip(e), e), e


def test_matrices_round_trip_as_immutable_matrices() -> None:
    for m in (sp.Matrix([[x, 1], [sp.Rational(1, 2), sp.sin(y)]]), sp.ImmutableMatrix([[1, 2, 3]]),
              sp.zeros(0, 3), sp.eye(3)):
        back = roundtrip(m)
        assert type(back) is sp.ImmutableMatrix and back == sp.ImmutableMatrix(m)
    nested = roundtrip(sp.Tuple(sp.ImmutableMatrix([[x]]), 1))
    assert nested == sp.Tuple(sp.ImmutableMatrix([[x]]), 1)


def test_dummies_arrive_as_symbols_and_values_mix_with_plain_data() -> None:
    d = sp.Dummy("d", positive=True)
    assert roundtrip(d) == sp.Symbol("d", positive=True)
    out = roundtrip({"grad": [x**2, sp.Matrix([[x]])], "value": 1.5})
    assert out == {"grad": [x**2, sp.ImmutableMatrix([[x]])], "value": 1.5}


def test_a_huge_power_decodes_quickly_and_unevaluated() -> None:
    start = time.perf_counter()
    e = from_data({"__sympy__": ["Pow", ["Integer", "10"], ["Integer", "1" + "0" * 100]]})
    also = from_data({"__sympy__": ["factorial", ["Integer", "9" * 4000]]})
    far = from_data({"__sympy__": ["Float", "1e9999999999", 53]})
    assert time.perf_counter() - start < 1
    assert type(e) is sp.Pow and e.args == (sp.Integer(10), sp.Integer(10**100))
    assert type(also) is sp.factorial and type(far) is sp.Float


# ------------------------------------------------------------- refusals when encoding (worker side)

NOT_SUPPORTED = [
    sp.Interval(0, 1), sp.FiniteSet(1, 2), sp.MatrixSymbol("M", 2, 2), sp.Array([[[1]]]),
    sp.Lambda(x, x + 1), sp.Symbol("x; import os"), sp.Symbol("__import__('os')"),
    sp.Symbol("a b"), sp.Symbol("1x"), sp.Symbol("x" * 65), sp.Symbol("x\n"),
    sp.Symbol("p", prime=True), sp.Function("g", real=True)(x), sp.Function("g g")(x),
    sp.Wild("w"), sp.Integral(sp.Piecewise((x, x > 0), (0, True)), (x, 0, 1)),
    sp.Float(1.5, precision=20_000), sp.Integer(10**4000), sp.Rational(1, 10**4000),
]


@pytest.mark.parametrize("e", NOT_SUPPORTED, ids=lambda e: type(e).__name__)
def test_unsupported_sympy_values_are_refused_when_encoding(e: Any) -> None:
    with pytest.raises(WireError) as info:
        to_data([e])
    message = str(info.value)
    assert message.startswith("the value at [0] cannot be graded: ") and "\n" not in message[:-1]


def test_refusals_name_the_class() -> None:
    with pytest.raises(WireError, match="sympy class Interval is not supported by the grader"):
        to_data(sp.Interval(0, 1))


def test_node_and_depth_caps_apply_when_encoding() -> None:
    with pytest.raises(WireError, match="more than 10 sympy nodes"):
        to_data(sum(sp.symbols("a:20")), limits=WireLimits(max_sympy_nodes=10))
    with pytest.raises(WireError, match="more than 10 sympy nodes"):  # one budget per message
        to_data([x + y + 1, x + y + 2, x + y + 3], limits=WireLimits(max_sympy_nodes=10))
    deep = x
    for _ in range(200):
        deep = sp.exp(deep)
    with pytest.raises(WireError, match="nested more than 128"):
        to_data(deep)
    square = x
    for _ in range(40):  # a DAG with 2**40 paths: refused after 20 000 nodes, quickly
        square = sp.Mul(square, square + 1, evaluate=False)
    start = time.perf_counter()
    with pytest.raises(WireError, match="sympy nodes"):
        to_data(square)
    assert time.perf_counter() - start < 2


# ------------------------------------------------------------- hostile trees (grader side)

X = ["Symbol", "x", []]
ONE = ["Integer", "1"]


@pytest.mark.parametrize(
    "tree",
    [
        ["Function", "f"], ["Lambda", X, X], ["eval", "__import__('os')"], ["__import__", "os"],
        ["Basic", X], ["Expr"], ["sympify", "x"], ["Symbol'"], [""], ["exec", X],
        ["UndefinedFunction", "f"], ["Dummy", "x", []], ["Wild", "w", []], ["Interval", ONE, ONE],
    ],
    ids=lambda t: str(t[0]),
)
def test_unknown_classes_are_refused(tree: list) -> None:
    with pytest.raises(WireError, match="is not supported by the grader"):
        tree_to_expr(tree, LIMITS)


@pytest.mark.parametrize(
    "name",
    ["x; import os", "__import__('os').system('ls')", "a b", "x\n", "1x", "x" * 65, "", "x.y",
     "lambda: 0", "x'", "\\theta", 5, None, ["x"]],
)
def test_bad_symbol_and_function_names_are_refused(name: Any) -> None:
    with pytest.raises(WireError, match="malformed wire data"):
        tree_to_expr(["Symbol", name, []], LIMITS)
    with pytest.raises(WireError, match="malformed wire data|not supported"):
        tree_to_expr(["AppliedUndef", name, X], LIMITS)


@pytest.mark.parametrize(
    "tree",
    [
        # not a node
        "x", 5, None, [], {"Symbol": "x"}, [5, X], ["Add", "x", "y"], ["Add", X, 1],
        # symbols
        ["Symbol", "x"], ["Symbol", "x", {}], ["Symbol", "x", [["evaluate", True]]],
        ["Symbol", "x", [["prime", True]]], ["Symbol", "x", [["real", 1]]],
        ["Symbol", "x", [["real", True], ["real", True]]], ["Symbol", "x", [["real"]]],
        ["Symbol", "x", [["positive", True], ["negative", True]]], ["Symbol", "x", [[["real"], 1]]],
        ["Symbol", "x", [[{"__hash__": 1}, True]]],
        # numbers
        ["Integer", "1e5"], ["Integer", " 12"], ["Integer", "0x10"], ["Integer", "١٢"],
        ["Integer", "1_000"], ["Integer", "+1"], ["Integer", "01"], ["Integer", "-"],
        ["Integer", ""],
        ["Integer", 12], ["Integer", "1" * 4001], ["Integer", "1", "2"],
        ["Rational", "1", "0"], ["Rational", "1", "-2"], ["Rational", "1"], ["Rational", 1, 2],
        ["Float", "nan", 53], ["Float", "inf", 53], ["Float", "1_0", 53], ["Float", "0x1p3", 53],
        ["Float", "1.5", 0], ["Float", "1.5", 10**9], ["Float", "1.5", True], ["Float", "1.5"],
        ["Float", 1.5, 53], ["Float", "1" * 100, 53], ["Float", "1e+99999999999", 53],
        ["Zero", ONE], ["Pi", X],
        # arity and argument kinds
        ["Pow", X], ["Pow", X, X, X], ["sin", X, X], ["sin"], ["Add", X], ["Not", X, X],
        ["atan2", X], ["Add", ["BooleanTrue"], X], ["And", ONE, X], ["Piecewise", X],
        ["Piecewise"], ["Lt", ["BooleanTrue"], X], ["ExprCondPair", X, ONE],
        ["Derivative", X, X], ["Integral", X, ONE], ["Sum", X, ["Tuple", X]],
        ["Order", X, ["Tuple", ONE, ONE]], ["Order", X, ["Tuple", X]],
        ["Add", ["ImmutableMatrix", 1, 1, X], X], ["Mul", X, ["Tuple"]],
        # Piecewise folding bombs
        ["Integral", ["Piecewise", ["ExprCondPair", X, ["Lt", X, ONE]],
                      ["ExprCondPair", ONE, ["BooleanTrue"]]], ["Tuple", X]],
        ["ExprCondPair", X, ["Lt", ["Piecewise", ["ExprCondPair", X, ["Lt", X, ONE]],
                                    ["ExprCondPair", ONE, ["BooleanTrue"]]], ONE]],
        # matrices
        ["ImmutableMatrix", 2, 2, X], ["ImmutableMatrix", -1, 0], ["ImmutableMatrix", True, 1, X],
        ["ImmutableMatrix", 1, 1, ["BooleanTrue"]], ["ImmutableMatrix", 1],
        ["ImmutableMatrix", 1, 1, ["ImmutableMatrix", 1, 1, X]],
        # undefined functions
        ["AppliedUndef"], ["AppliedUndef", 5, X], ["AppliedUndef", "f", ["BooleanTrue"]],
    ],
    ids=lambda t: json.dumps(t)[:50],
)
def test_malformed_trees_are_refused(tree: Any) -> None:
    start = time.perf_counter()
    with pytest.raises(WireError):
        from_data({"__sympy__": tree})
    assert time.perf_counter() - start < 0.5


def test_node_count_bombs_are_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(WireError, match="more than 20000 sympy nodes"):
        from_data({"__sympy__": ["Add", *[X] * 30_000]})
    with pytest.raises(WireError, match="more than 20000 sympy nodes"):  # one budget per message
        from_data([{"__sympy__": ["Add", *[X] * 15_000]}] * 2)
    raw = json.dumps([{"__sympy__": ["Add", X, ONE]}] * 10_000).encode()
    with pytest.raises(WireError, match="sympy nodes"):
        loads(raw)
    assert time.perf_counter() - start < 5


def test_deep_trees_are_refused() -> None:
    tree: list = X
    for _ in range(129):
        tree = ["exp", tree]
    with pytest.raises(WireError, match="nested deeper than 128"):
        tree_to_expr(tree, LIMITS)
    raw = b'{"__sympy__":' + b'["exp",' * 5000 + b'["Symbol","x",[]]' + b"]" * 5000 + b"}"
    with pytest.raises(WireError, match="malformed wire data"):
        loads(raw)


def test_decoding_never_evaluates() -> None:
    tree = ["Add", ["sin", ["Mul", ["Pi"], ["Integer", "0"]]], ["Pow", ONE, ONE]]
    e = tree_to_expr(tree, LIMITS)
    assert str(e) == "sin(pi*0) + 1**1" and e.func is sp.Add
    assert tree_to_expr(["Max", ONE, ["Integer", "2"]], LIMITS).func is sp.Max
    assert tree_to_expr(["AppliedUndef", "f", ["Float", "0.5", 53]], LIMITS).args[0] == 0.5
    order = ["Order", ["Add", ["Pow", X, ["Integer", "2"]], X], ["Tuple", X, ["Zero"]]]
    assert tree_to_expr(order, LIMITS).args[0] == sp.Add(x**2, x, evaluate=False)  # not O(x)


def test_hyperbolic_reciprocals_round_trip() -> None:
    x = sp.Symbol("x", real=True)
    for e in (sp.sech(x) ** 2, sp.csch(x), sp.asech(x), sp.acsch(x), sp.acoth(x)):
        assert same(roundtrip(e), e)


def test_polynomials_and_sympy_arrays_are_sent_as_expressions_and_matrices() -> None:
    x, y, lam = sp.symbols("x y lam")
    poly = sp.Matrix([[1, x], [x, 1]]).charpoly(lam)
    assert sp.expand(roundtrip(poly) - poly.as_expr()) == 0
    gradient = sp.derive_by_array(x**2 * y, (x, y))
    assert roundtrip(gradient) == sp.ImmutableMatrix([[2 * x * y], [x**2]])
    hessian = sp.derive_by_array(gradient, (x, y))
    assert roundtrip(hessian) == sp.ImmutableMatrix([[2 * y, 2 * x], [2 * x, 0]])
