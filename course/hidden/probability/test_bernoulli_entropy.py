"""Hidden tests for `bernoulli_entropy(p)`: -p ln p - (1-p) ln(1-p) as a sympy expression.

Any form equal to it for 0 < p < 1 is right; the checker proves equality symbolically or,
failing that, by evaluation at points of (0, 1).
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent, format_value
from autograder.symbolic import equivalent


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
