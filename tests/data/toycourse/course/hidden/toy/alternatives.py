"""Correct ways of writing the toy exercises other than the solution's."""

import sympy as sp

from autograder.mistakes import alternative


@alternative("double")
def by_addition(x):
    return x + x


@alternative("square")
def as_product(x):
    return sp.Mul(x, x)
