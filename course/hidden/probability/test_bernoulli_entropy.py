"""Hidden tests for `bernoulli_entropy(p)`: -p ln p - (1-p) ln(1-p) as a sympy expression.

Any form equal to it for 0 < p < 1 is right; the checker proves equality symbolically or,
failing that, by evaluation at points of (0, 1).
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent, format_value
from autograder.suite.mistakes import alternative, mistake
from autograder.suite.symbolic import equivalent


def reference(p):
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)


@pytest.mark.points(3)
def test_equivalent_to_reference(student):
    p = sp.Symbol("p")
    got = student.bernoulli_entropy(p)
    assert_equivalent(got, reference(p), domain={p: (0, 1)}, inputs={"p": p})


@pytest.mark.points(1)
def test_symmetric_in_heads_and_tails(student):
    """H(1 - p) = H(p): calling the other side of the coin "heads" changes nothing."""
    got = student.bernoulli_entropy(sp.Symbol("p"))
    # Symbols are matched by name, as in assert_equivalent: Symbol("p", positive=True) is p.
    named_p = [s for s in getattr(got, "free_symbols", ()) if getattr(s, "name", None) == "p"]
    assert isinstance(got, sp.Expr) and named_p, (
        f"bernoulli_entropy(p) should return a sympy expression in p, got {format_value(got)} "
        f"(a {type(got).__name__})"
    )
    p = named_p[0]
    verdict = equivalent(got.subs(p, 1 - p), got, domain={p: (0, 1)})
    where = verdict.counterexample
    at = "" if not where else (
        f" (at p = {format_value(where['p'])} yours gives {format_value(where['expected'])}, "
        f"at p = {format_value(1 - where['p'])} it gives {format_value(where['got'])})"
    )
    assert verdict.equal, (
        "The entropy of a coin does not depend on which side is called heads, so replacing p "
        f"by 1 - p must leave it unchanged, but yours changes{at}. "
        f"You returned {format_value(got)}."
    )


@pytest.mark.points(1)
def test_uses_its_argument(student):
    """The answer must be in terms of the symbol passed in, whatever its name."""
    theta = sp.Symbol("theta")
    got = student.bernoulli_entropy(theta)
    assert_equivalent(got, reference(theta), domain={theta: (0, 1)}, inputs={"p": theta})


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def bernoulli_log_base_2(p):
    """sp.log(x, 2) is the base-2 log (bits); this course measures entropy in nats, with the
    natural log sp.log(x).
    """
    return -p * sp.log(p, 2) - (1 - p) * sp.log(1 - p, 2)


@mistake
def missing_tails_term(p):
    """A coin has two outcomes: heads with probability p and tails with probability 1 - p. Both
    contribute: H = -p ln p - (1 - p) ln(1 - p).
    """
    return -p * sp.log(p)


@mistake
def bernoulli_sign_error(p):
    """ln p < 0 for 0 < p < 1, so p ln p + (1 - p) ln(1 - p) is negative; entropy is its
    negative, -p ln p - (1 - p) ln(1 - p).
    """
    return p * sp.log(p) + (1 - p) * sp.log(1 - p)


@mistake
def swapped_logs(p):
    """Each outcome's surprise is weighted by its own probability: -p ln p for heads and -(1 -
    p) ln(1 - p) for tails, not p ln(1 - p).
    """
    return -p * sp.log(1 - p) - (1 - p) * sp.log(p)


@mistake
def ignores_argument(p):
    """Build the expression from the symbol you are given (the parameter p), instead of creating
    a new sp.Symbol inside the function: the caller may pass a symbol of another name.
    """
    p = sp.Symbol("p")
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def log_of_a_product_of_powers(p):
    return -sp.log(p**p * (1 - p) ** (1 - p))


@alternative
def sum_over_both_outcomes(p):
    return -sum(q * sp.log(q) for q in (p, 1 - p))


@alternative
def with_the_log_odds(p):
    # -p ln p - (1 - p) ln(1 - p) = -ln(1 - p) + p ln((1 - p) / p)
    return sp.log(1 / (1 - p)) + p * sp.log((1 - p) / p)


@alternative
def bits_times_ln_2(p):
    bits = -(p * sp.log(p, 2) + (1 - p) * sp.log(1 - p, 2))
    return bits * sp.log(2)


@alternative
def sympy_stats_bernoulli(p):
    from sympy.stats import Bernoulli, entropy

    return entropy(Bernoulli("X", p))


@alternative
def float_one_minus_p(p):
    return -p * sp.log(p) - (1.0 - p) * sp.log(1.0 - p)


@alternative
def piecewise_zero_log_zero(p):
    def plogp(x):
        return sp.Piecewise((0, sp.Eq(x, 0)), (x * sp.log(x), True))

    return -plogp(p) - plogp(1 - p)
