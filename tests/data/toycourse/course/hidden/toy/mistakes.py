"""Known mistakes of the toy assignment."""

import numpy as np

from autograder.mistakes import mistake


@mistake("double", hint="Doubling multiplies by 2; adding 2 shifts instead.")
def adds_two(x):
    return x + 2


@mistake("double", hint="Squaring is not doubling.")
def squares(x):
    return np.square(x)
