"""Sympy expressions on the wire: a plain JSON tree, rebuilt from an allow-list of classes.

`autograder.wire` sends a sympy value as ``{"__sympy__": tree}``. Every tree node is a JSON list
whose first item names its class:

    ["Symbol", name, [[assumption, bool], ...]]    ["Integer", "-12"]    ["Rational", "1", "3"]
    ["Float", "0.100000000000000006", 53]  (enough digits to round back; precision in bits)
    ["Pi"], ["Zero"], ["ImaginaryUnit"], ...         singletons
    ["AppliedUndef", "f", arg, ...]                  an undefined function applied, f(x)
    ["ImmutableMatrix", rows, cols, entry, ...]
    [ClassName, arg, ...]                            the allow-listed operators and functions

`tree_to_expr` treats its input as hostile: it rebuilds only allow-listed classes, constructs
them with ``evaluate=False`` (a hostile ``Pow(10, 10**100)`` stays unevaluated), checks arity
and argument kinds, and caps nodes, depth, digits, precision and names. Shapes whose
constructors would still compute are refused (Piecewise inside an integrand or a condition), and
Order, whose constructor always computes, is rebuilt node for node. It never calls sympify,
parse_expr, eval or pickle: those would run code from the other side. The encoder applies the
same rules, so an honest value that the grader would refuse is refused in the worker, with a
message the student can read.
"""

from __future__ import annotations

import re
from typing import Any

import sympy
from mpmath import libmp
from sympy import Basic, Expr, Float, Integer, Rational, Symbol, Tuple
from sympy.core.function import UndefinedFunction
from sympy.functions.elementary.piecewise import ExprCondPair
from sympy.logic.boolalg import Boolean
from sympy.matrices import ImmutableDenseMatrix, MatrixBase, MutableDenseMatrix

from autograder.wire.values import WireError, WireLimits, int_too_big

__all__ = ["NodeBudget", "expr_to_tree", "is_lambda", "is_sympy_type", "tree_to_expr"]

# ASCII or Greek letters, digits and _, not starting with a digit; at most 64 characters.
_LETTER = "A-Za-z_\u0391-\u03a9\u03b1-\u03c9"
_NAME = re.compile(f"[{_LETTER}][{_LETTER}0-9]{{0,63}}")
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]{1,10})?")
_ASSUMPTIONS = frozenset({
    "real", "positive", "negative", "nonnegative", "nonpositive", "integer", "finite", "nonzero",
    "complex", "commutative", "rational", "zero", "imaginary", "infinite", "extended_real",
})
_S = sympy.S
_SINGLETONS: dict[str, Basic] = {type(v).__name__: v for v in (
    _S.Zero, _S.One, _S.NegativeOne, _S.Half, _S.NaN, _S.Infinity, _S.NegativeInfinity,
    _S.ComplexInfinity, _S.ImaginaryUnit, _S.Pi, _S.Exp1, _S.EulerGamma, _S.Catalan,
    _S.GoldenRatio, _S.true, _S.false,
)}
_SINGLETON_NAMES = {type(v): name for name, v in _SINGLETONS.items()}

# What the arguments of a node must be.
_E, _B, _ANY, _PAIR, _TUP = "an expression", "a condition", "a sympy object", "a pair", "a Tuple"
# How a node is rebuilt from its (already rebuilt) arguments.
_EVAL, _PLAIN, _RAW = "evaluate=False", "plain", "raw"

_FUNCTIONS = (
    sympy.exp, sympy.log, sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc,
    sympy.asin, sympy.acos, sympy.atan, sympy.acot, sympy.atan2, sympy.sinh, sympy.cosh,
    sympy.tanh, sympy.coth, sympy.asinh, sympy.acosh, sympy.atanh, sympy.sech, sympy.csch,
    sympy.asech, sympy.acsch, sympy.acoth, sympy.Abs, sympy.sign,
    sympy.re, sympy.im, sympy.conjugate, sympy.arg, sympy.floor, sympy.ceiling, sympy.Mod,
    sympy.erf, sympy.erfc, sympy.gamma, sympy.loggamma, sympy.digamma, sympy.polygamma,
    sympy.factorial, sympy.binomial, sympy.Heaviside, sympy.DiracDelta, sympy.KroneckerDelta,
)


def _op(cls: type, lo: int, hi: int | None, first: str = _E, rest: str | None = None,
        how: str = _EVAL) -> tuple[str, tuple[type, str, int, int | None, str, str]]:
    return cls.__name__, (cls, how, lo, hi, first, rest or first)


# name -> (class, how to build, min args, max args or None, kind of first arg, of the others)
_OPS = dict([
    _op(sympy.Add, 2, None), _op(sympy.Mul, 2, None), _op(sympy.Pow, 2, 2),
    _op(sympy.Max, 2, None), _op(sympy.Min, 2, None),
    *(_op(c, 2, 2) for c in (sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge)),
    _op(sympy.Eq, 2, 2, _ANY), _op(sympy.Ne, 2, 2, _ANY),
    _op(sympy.And, 2, None, _B), _op(sympy.Or, 2, None, _B), _op(sympy.Not, 1, 1, _B),
    _op(sympy.Piecewise, 1, None, _PAIR), _op(ExprCondPair, 2, 2, _ANY, _B, how=_PLAIN),
    _op(sympy.Derivative, 2, None, _E, _TUP),
    _op(sympy.Integral, 2, None, _E, _TUP, how=_PLAIN),
    _op(sympy.Sum, 2, None, _E, _TUP, how=_PLAIN),
    _op(sympy.Order, 1, None, _E, _TUP, how=_RAW),
    _op(Tuple, 0, None, _ANY, how=_PLAIN),
    *(_op(f, int(min(f.nargs)), int(max(f.nargs))) for f in _FUNCTIONS),
])
_OP_NAMES = {cls: name for name, (cls, *_) in _OPS.items()}


class NodeBudget:
    """The sympy nodes still allowed in one message, shared by all its expressions."""

    def __init__(self, limit: int):
        self.limit = self.left = limit

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise WireError(f"more than {self.limit} sympy nodes in one message, "
                            "which is more than the grader accepts")


def is_sympy_type(t: type) -> bool:
    """Whether values of exact type `t` are sympy objects (expressions or matrices)."""
    return issubclass(t, Basic | MatrixBase)


def plain_form(x: Any) -> Any:
    """The value to send for `x`: a polynomial as its expression (`M.charpoly(lam)`), a sympy
    array of rank 1 or 2 (`sp.derive_by_array`) as a matrix (rank 1: a column), like
    `sp.Matrix(...)` of it; anything else unchanged."""
    from sympy.tensor.array import NDimArray

    if isinstance(x, sympy.Poly):
        return x.as_expr()
    if isinstance(x, NDimArray) and x.rank() == 1:
        return sympy.ImmutableMatrix(x.shape[0], 1, list(x))
    if isinstance(x, NDimArray) and x.rank() == 2:
        return sympy.ImmutableMatrix(x.tomatrix())
    return x


def is_lambda(t: type) -> bool:
    """Whether `t` is sympy's Lambda: a function, not an expression."""
    return issubclass(t, sympy.Lambda)


def _kind_problem(name: str, args: tuple | list, first: str, others: str) -> str | None:
    """Which argument of `name` is not of the kind it must be (expression, condition...)."""
    for i, a in enumerate(args):
        kind = first if i == 0 else others
        ok = {
            _E: isinstance(a, Expr) and not isinstance(a, MatrixBase),
            _B: isinstance(a, Boolean),
            _ANY: True,
            _PAIR: type(a) is ExprCondPair,
            _TUP: type(a) is Tuple,
        }[kind]
        if not ok:
            return f"argument {i + 1} of {name} must be {kind}"
    return None


def _shape_problem(name: str, args: tuple | list) -> str | None:
    """Why `name(*args)` is refused on both sides although its arguments are allowed.

    These are shapes that sympy's constructors would fold or expand, even unevaluated: a hostile
    nest of Piecewise inside a condition or an integrand costs exponential time to fold.
    """
    def is_var(a: Any) -> bool:
        return type(a) is Symbol or type(a) is sympy.Dummy

    if name == "Order" and any(len(a) != 2 or not is_var(a[0]) for a in args[1:]):
        return "Order needs (symbol, point) pairs"
    if name in ("Integral", "Sum") and (args[0].has(sympy.Piecewise) or any(
            not 1 <= len(a) <= 3 or not is_var(a[0]) for a in args[1:])):
        return f"{name} needs an integrand without Piecewise and (symbol, a, b) limits"
    if name == "ExprCondPair" and args[1].has(sympy.Piecewise):
        return "a Piecewise condition cannot contain a Piecewise"
    return None


def _bad(detail: str) -> WireError:
    return WireError(f"malformed wire data: {detail}")


def _short(s: str) -> str:
    return repr(s if len(s) <= 40 else s[:40] + "...")


def _max_prec(limits: WireLimits) -> int:
    return 4 * limits.max_int_digits


# ---------------------------------------------------------------------------- sympy -> tree


def expr_to_tree(expr: Any, limits: WireLimits, budget: NodeBudget | None = None) -> Any:
    """Encode a sympy expression or matrix as a JSON-compatible tree, or raise `WireError`."""
    return _Flattener(limits, budget or NodeBudget(limits.max_sympy_nodes)).tree(expr, 0)


class _Flattener:
    def __init__(self, limits: WireLimits, budget: NodeBudget):
        self.limits, self.budget = limits, budget
        self.symbols: dict[Any, list] = {}

    def tree(self, e: Any, depth: int) -> Any:
        if depth >= self.limits.max_sympy_depth:
            raise WireError(f"the sympy expression is nested more than "
                            f"{self.limits.max_sympy_depth} levels deep")
        self.budget.take()
        t = type(e)
        if t in _SINGLETON_NAMES:
            return [_SINGLETON_NAMES[t]]
        if t is Integer:
            return ["Integer", self.integer(e.p)]
        if t is Rational:
            return ["Rational", self.integer(e.p), self.integer(e.q)]
        if t is Float:
            return self.float(e)
        if t is Symbol or t is sympy.Dummy:
            return self.symbol(e)
        if t is MutableDenseMatrix or t is ImmutableDenseMatrix:
            rows, cols = e.shape
            entries = [e[i, j] for i in range(rows) for j in range(cols)]
            self.check("ImmutableMatrix", entries, _E, _E)
            return ["ImmutableMatrix", rows, cols, *(self.tree(a, depth + 1) for a in entries)]
        if type(t) is UndefinedFunction:
            name = self.name(t.__name__, "function")
            if sympy.Function(name) != t:
                raise WireError(f"the function {name} has assumptions, which the grader "
                                "does not support")
            self.check(name, e.args, _E, _E)
            return ["AppliedUndef", name, *(self.tree(a, depth + 1) for a in e.args)]
        if t in _OP_NAMES:
            name = _OP_NAMES[t]
            self.check(name, e.args, *_OPS[name][4:])
            return [name, *(self.tree(a, depth + 1) for a in e.args)]
        raise WireError(f"sympy class {t.__name__} is not supported by the grader")

    def check(self, name: str, args: tuple | list, first: str, others: str) -> None:
        problem = _kind_problem(name, args, first, others) or _shape_problem(name, args)
        if problem is not None:
            raise WireError(f"this sympy {name} is not supported: {problem}")

    def integer(self, v: int) -> str:
        if int_too_big(v, self.limits.max_int_digits):
            raise WireError(f"a sympy number has more than {self.limits.max_int_digits} digits")
        return str(v)

    def float(self, e: Float) -> list:
        prec = e._prec
        if not 1 <= prec <= _max_prec(self.limits):
            raise WireError(f"a sympy Float has a precision of {prec} bits, "
                            "more than the grader accepts")
        # floor(prec * log10(2)) + 3 digits are enough to round back to the same value;
        # scientific notation outside 1e-5 .. 1e20 keeps the string short.
        text = libmp.to_str(e._mpf_, int(prec * 0.30102999566398120) + 3, min_fixed=-5,
                            max_fixed=20)
        if not _FLOAT.fullmatch(text):
            raise WireError(f"the sympy Float {text[:40]} is not supported")
        return ["Float", text, prec]

    def name(self, name: Any, what: str) -> str:
        if type(name) is not str or not _NAME.fullmatch(name):
            raise WireError(f"the {what} name {_short(str(name))} is not allowed; use letters, "
                            "digits and _ (at most 64 characters)")
        return name

    def symbol(self, e: Symbol) -> list:
        if e not in self.symbols:
            name, given = self.name(e.name, "symbol"), e.assumptions0
            kept = sorted(
                [k, v] for k, v in given.items()
                if k in _ASSUMPTIONS and v is not None and not (k == "commutative" and v)
            )
            if Symbol(name, **dict(kept)).assumptions0 != given:
                raise WireError(f"the symbol {name} has assumptions the grader does not support; "
                                f"use only {', '.join(sorted(_ASSUMPTIONS))}")
            self.symbols[e] = ["Symbol", name, kept]
        return self.symbols[e]


# ---------------------------------------------------------------------------- tree -> sympy


def tree_to_expr(tree: Any, limits: WireLimits, budget: NodeBudget | None = None) -> Basic:
    """Rebuild a sympy object from hostile tree data, or raise `WireError`."""
    return _Builder(limits, budget or NodeBudget(limits.max_sympy_nodes)).build(tree, 0)


class _Builder:
    def __init__(self, limits: WireLimits, budget: NodeBudget):
        self.limits, self.budget = limits, budget

    def build(self, node: Any, depth: int) -> Basic:
        if type(node) is not list or not node or type(node[0]) is not str:
            raise _bad("a sympy node must be a list that starts with a class name")
        if depth >= self.limits.max_sympy_depth:
            raise _bad(f"a sympy expression nested deeper than {self.limits.max_sympy_depth}")
        self.budget.take()
        name, rest = node[0], node[1:]
        if name in _SINGLETONS:
            if rest:
                raise _bad(f"{name} takes no arguments")
            return _SINGLETONS[name]
        if name in _LEAVES:
            return _LEAVES[name](self, rest)
        if name == "ImmutableMatrix":
            return self.matrix(rest, depth)
        if name == "AppliedUndef":
            fname = self.name(rest[0] if rest else None)
            args = [self.build(a, depth + 1) for a in rest[1:]]
            if (problem := _kind_problem(fname, args, _E, _E)) is not None:
                raise _bad(problem)
            return self.construct(fname, lambda: sympy.Function(fname)(*args, evaluate=False))
        if name not in _OPS:
            raise WireError(f"sympy class {_short(name)} is not supported by the grader")
        cls, how, lo, hi, first, others = _OPS[name]
        if not lo <= len(rest) <= (len(rest) if hi is None else hi):
            raise _bad(f"{name} with {len(rest)} arguments")
        args = [self.build(a, depth + 1) for a in rest]
        if (problem := _kind_problem(name, args, first, others)) is not None:
            raise _bad(problem)
        if (problem := _shape_problem(name, args)) is not None:
            raise _bad(problem)
        if how == _RAW:  # Order: its constructor computes; rebuild the node as it was
            return self.construct(name, lambda: Expr.__new__(cls, *args))
        if how == _PLAIN:
            return self.construct(name, lambda: cls(*args))
        return self.construct(name, lambda: cls(*args, evaluate=False))

    def construct(self, name: str, make: Any) -> Basic:
        try:
            return make()
        except Exception as e:  # sympy's own checks reject it: report, never crash the grader
            raise _bad(f"{name} could not be built ({type(e).__name__})") from None

    def name(self, name: Any) -> str:
        if type(name) is not str or not _NAME.fullmatch(name):
            raise _bad(f"the name {_short(str(name))} is not allowed")
        return name

    def integer(self, text: Any) -> int:
        if (type(text) is not str or len(text.lstrip("-")) > self.limits.max_int_digits
                or not _INT.fullmatch(text)):
            raise _bad(f"an integer must be a string of at most {self.limits.max_int_digits} "
                       "digits")
        return int(text)

    def leaf_integer(self, rest: list) -> Basic:
        if len(rest) != 1:
            raise _bad("Integer needs one string")
        return Integer(self.integer(rest[0]))

    def leaf_rational(self, rest: list) -> Basic:
        if len(rest) != 2:
            raise _bad("Rational needs two strings")
        p, q = self.integer(rest[0]), self.integer(rest[1])
        if q <= 0:
            raise _bad("Rational needs a positive denominator")
        return Rational(p, q)

    def leaf_float(self, rest: list) -> Basic:
        if len(rest) != 2:
            raise _bad("Float needs a decimal string and a precision")
        text, prec = rest
        if type(prec) is not int or not 1 <= prec <= _max_prec(self.limits):
            raise _bad("a Float precision out of range")
        if type(text) is not str or len(text) > prec // 3 + 30 or not _FLOAT.fullmatch(text):
            raise _bad("a Float must be a decimal string")
        return self.construct("Float", lambda: Float(text, precision=prec))

    def leaf_symbol(self, rest: list) -> Basic:
        if len(rest) != 2 or type(rest[1]) is not list:
            raise _bad("Symbol needs a name and a list of assumptions")
        name, assumptions = self.name(rest[0]), {}
        for pair in rest[1]:
            if (type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str
                    or pair[0] not in _ASSUMPTIONS or type(pair[1]) is not bool
                    or pair[0] in assumptions):
                raise _bad("a Symbol assumption must be [name, bool] from the allow-list")
            assumptions[pair[0]] = pair[1]
        return self.construct("Symbol", lambda: Symbol(name, **assumptions))

    def matrix(self, rest: list, depth: int) -> Basic:
        if len(rest) < 2 or any(type(n) is not int or n < 0 for n in rest[:2]):
            raise _bad("ImmutableMatrix needs rows, cols and the entries")
        rows, cols = rest[0], rest[1]
        if rows * cols != len(rest) - 2:
            raise _bad("ImmutableMatrix with the wrong number of entries")
        entries = [self.build(a, depth + 1) for a in rest[2:]]
        if (problem := _kind_problem("ImmutableMatrix", entries, _E, _E)) is not None:
            raise _bad(problem)
        return self.construct("ImmutableMatrix",
                              lambda: sympy.ImmutableMatrix(rows, cols, entries))


_LEAVES = {
    "Integer": _Builder.leaf_integer, "Rational": _Builder.leaf_rational,
    "Float": _Builder.leaf_float, "Symbol": _Builder.leaf_symbol,
}
