# %% intro [markdown]
# # Toy assignment
#
# Double an array; square a symbol.

# %% setup
import numpy as np
import sympy as sp

from public_checks import check


# %% double
def double(x):
    """2 * x for an array x."""
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION


# %% square
def square(x):
    """x**2 for a sympy symbol x."""
    ### BEGIN SOLUTION
    return x**2
    ### END SOLUTION
