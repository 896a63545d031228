# %% intro [markdown]
# # Calculus for machine learning: derivatives, gradients and descent
#
# Training a model means changing its parameters so that a loss goes down, and the derivative
# says which way is down. This notebook builds the calculus behind that: the derivative as the
# best linear approximation, finite differences (and why they are only approximately right),
# Taylor polynomials, the chain rule that backpropagation applies, the gradients and
# Jacobians of the standard losses, gradient descent and the choice of its learning rate,
# second-order information (the Hessian), and a gradient estimator that needs no
# backpropagation at all.
#
# **Two kinds of exercises.** Some take and return NumPy arrays (numbers computed in floating
# point); others take SymPy symbols and return a SymPy *expression*, a formula. A symbolic
# answer may be written in any form that is equal to the right one for real values of the
# symbols: `sp.exp(-x) / (1 + sp.exp(-x))**2` and `sp.exp(x) / (1 + sp.exp(x))**2` are both
# fine. You may always let SymPy do the calculus (`sp.diff`, `sp.series`, `sp.limit`).
#
# **Conventions.** Logarithms are natural ($\ln$, `np.log`, `sp.log`). Vectors are 1-D float
# NumPy arrays. Your functions must **not modify their input arrays**: build new arrays
# instead of assigning into the arguments.
#
# **Checking your work.** After each exercise, run the `check(...)` cell below it. It runs a few
# quick public checks and tells you which input went wrong. Passing them is a good sign but not
# a guarantee: the grader runs more tests, on other inputs and randomly generated ones.

# %% setup
import math

import numpy as np
import sympy as sp

from public_checks import check

# %% [markdown]
# ## 1. The derivative as a limit, and its finite-difference approximation
#
# The derivative of $f$ at $x$ is the slope of the best linear approximation of $f$ near $x$:
#
# $$f(x + h) = f(x) + f'(x)\, h + o(h) \qquad (h \to 0),$$
#
# where $o(h)$ stands for an error that shrinks *faster* than $h$ ($o(h)/h \to 0$). Rearranged,
# $f'(x) = \lim_{h \to 0} \big(f(x + h) - f(x)\big)/h$. A computer cannot take the limit, but
# it can use a small $h$: that is a *finite difference*. Which one you pick matters. Taylor's
# theorem (section 5) gives
#
# $$\frac{f(x + h) - f(x)}{h} = f'(x) + \tfrac{h}{2} f''(x) + O(h^2), \qquad
# \frac{f(x + h) - f(x - h)}{2h} = f'(x) + \tfrac{h^2}{6} f'''(x) + O(h^4).$$
#
# The one-sided *forward* difference is wrong by a term proportional to $h$; in the symmetric
# *central* difference the $h f''$ terms of the two sides cancel, and the error is
# proportional to $h^2$. With $h = 10^{-5}$ that is the difference between about five correct
# digits and about ten.
#
# Finite differences are how you test a gradient you derived by hand (a *gradient check*), and
# you will use them to test your own answers below.
#
# **Exercise 1.** Write `finite_difference(f, x, h=1e-5)` returning the central difference
# $\big(f(x + h) - f(x - h)\big) / (2h)$ of a function `f` (float to float) at the float `x`.
# Use the step `h` the caller passes; its default is $10^{-5}$.

# %% finite_difference
def finite_difference(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h) of f at x."""
    ### BEGIN SOLUTION
    return (f(x + h) - f(x - h)) / (2 * h)
    ### END SOLUTION


# %% [markdown]
# ### Picture: truncation error against round-off
#
# How small should $h$ be? The truncation error of a difference quotient shrinks with $h$
# (like $h$ for the forward difference, $h^2$ for the central one), but floating-point numbers
# carry about 16 significant digits, so $f(x + h) - f(x - h)$ loses digits as $h$ shrinks:
# the round-off error grows like $\varepsilon |f| / h$ with $\varepsilon \approx 2.2 \cdot
# 10^{-16}$. On a log-log plot the two laws are straight lines, and the total error is
# smallest where they cross: near $h \approx \varepsilon^{1/2} \approx 10^{-8}$ for the forward
# difference and $h \approx \varepsilon^{1/3} \approx 10^{-5}$ for the central one, hence the
# default step.

# %% picture fd-error
import matplotlib.pyplot as plt

x0 = 1.0
exact = np.cos(x0)  # the derivative of sin at x0
steps = np.logspace(-15, 0, 121)
forward = np.abs((np.sin(x0 + steps) - np.sin(x0)) / steps - exact)
central = np.abs((np.sin(x0 + steps) - np.sin(x0 - steps)) / (2 * steps) - exact)
eps = np.finfo(float).eps
plt.figure(figsize=(7, 4))
plt.loglog(steps, forward, label="forward difference")
plt.loglog(steps, central, label="central difference")
plt.loglog(steps, steps * np.sin(x0) / 2, "C0:", label="truncation h |f''| / 2")
plt.loglog(steps, steps**2 * np.cos(x0) / 6, "C1:", label="truncation h^2 |f'''| / 6")
plt.loglog(steps, eps * np.abs(np.sin(x0)) / steps, "k--", label="round-off eps |f| / h")
plt.ylim(1e-17, 1)
plt.xlabel("step h")
plt.ylabel("error in f'(1) for f = sin")
plt.legend(fontsize=8)
plt.show()


# %% [markdown]
# ## 2. Derivatives with SymPy: the sigmoid
#
# The *sigmoid* (logistic) function squashes any real number into $(0, 1)$:
#
# $$\sigma(x) = \frac{1}{1 + e^{-x}} .$$
#
# It turns a score into a probability in logistic regression, and was the classic activation
# of neural networks. Its derivative has a famous form: by the chain rule,
#
# $$\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)\,\big(1 - \sigma(x)\big),$$
#
# (check the second equality: $1 - \sigma(x) = e^{-x}/(1 + e^{-x})$). It is largest, $1/4$, at
# $x = 0$, and tiny for large $|x|$: a saturated sigmoid passes almost no gradient back, which
# is the *vanishing gradient* problem of deep sigmoid networks.
#
# **Exercise 2.** Write `sigmoid_derivative(x)` that takes a SymPy symbol `x` (real) and returns
# $\sigma'(x)$ as a SymPy expression in that symbol. Derive it by hand or with `sp.diff`; any
# equivalent form is fine.

# %% sigmoid_derivative
def sigmoid_derivative(x):
    """d/dx 1 / (1 + exp(-x)) as a sympy expression in the symbol x."""
    ### BEGIN SOLUTION
    return sp.exp(-x) / (1 + sp.exp(-x)) ** 2
    ### END SOLUTION


# %% [markdown]
# ## 3. The derivative of tanh
#
# The hyperbolic tangent $\tanh(x) = \dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$ is a rescaled sigmoid,
# $\tanh(x) = 2\sigma(2x) - 1$, with values in $(-1, 1)$ and centred at 0, which made it the
# activation of choice for recurrent networks (LSTMs use both). Writing
# $\tanh = \sinh / \cosh$ with $\sinh' = \cosh$ and $\cosh' = \sinh$, the quotient rule gives
#
# $$\tanh'(x) = \frac{\cosh^2 x - \sinh^2 x}{\cosh^2 x} = 1 - \tanh^2(x) = \frac{1}{\cosh^2 x} .$$
#
# Like $\sigma'$, it is expressed through the function's own value, so a network that stored
# $\tanh(x)$ in the forward pass gets the derivative almost for free in the backward pass.
#
# **Exercise 3.** Write `tanh_derivative(x)` that takes a SymPy symbol `x` (real) and returns
# $\tanh'(x)$ as a SymPy expression in that symbol. Any equivalent form is fine
# (`1 - sp.tanh(x)**2`, `1 / sp.cosh(x)**2`, `sp.sech(x)**2`, ...).

# %% tanh_derivative
def tanh_derivative(x):
    """d/dx tanh(x) as a sympy expression in the symbol x."""
    ### BEGIN SOLUTION
    return 1 - sp.tanh(x) ** 2
    ### END SOLUTION


# %% [markdown]
# ## 4. The chain rule: softplus
#
# The *softplus* $\operatorname{softplus}(x) = \ln(1 + e^{x})$ is a smooth version of the ReLU
# $\max(0, x)$: for large negative $x$ it is about $e^{x} \approx 0$, for large positive $x$
# about $x$. It is a composition, $\ln(u)$ with $u = 1 + e^{x}$, so the *chain rule*
#
# $$\frac{d}{dx} g\big(u(x)\big) = g'\big(u(x)\big)\, u'(x)$$
#
# applies: the outer derivative $1/u$, evaluated at the inner function, *times* the inner
# derivative $e^{x}$. The result is an old friend. (Forgetting the inner derivative is the
# most common chain-rule mistake; section 7 takes the rule through a whole network.)
#
# **Exercise 4.** Write `softplus_derivative(x)` that takes a SymPy symbol `x` (real) and
# returns $\frac{d}{dx} \ln(1 + e^{x})$ as a SymPy expression in that symbol.

# %% softplus_derivative
def softplus_derivative(x):
    """d/dx ln(1 + exp(x)) as a sympy expression in the symbol x."""
    ### BEGIN SOLUTION
    return sp.exp(x) / (1 + sp.exp(x))
    ### END SOLUTION


# %% [markdown]
# ## 5. Taylor polynomials: better and better local approximations
#
# The tangent line $f(x_0) + f'(x_0)(x - x_0)$ matches $f$ and its slope at $x_0$. Matching the
# curvature and higher derivatives too gives the degree-$n$ *Taylor polynomial* of $f$ about
# $x_0$:
#
# $$T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(x_0)}{k!}\,(x - x_0)^k
# = f(x_0) + f'(x_0)(x - x_0) + \frac{f''(x_0)}{2}(x - x_0)^2 + \dots$$
#
# The $1/k!$ makes the $k$-th derivative of $T_n$ at $x_0$ equal $f^{(k)}(x_0)$. For smooth $f$,
# $f(x) = T_n(x) + O\big((x - x_0)^{n+1}\big)$: near $x_0$ the error shrinks like the first
# power left out. Degree 1 is the linear approximation of section 1; degree 2 is the quadratic
# model behind Newton's method and the curvature arguments of sections 16-18.
#
# SymPy can do this with `sp.series(expr, x, x0, n + 1)`, which returns the polynomial plus an
# order term such as `O((x - 1)**3, (x, 1))` (note: its last argument is the order of the
# *first omitted* term, so `n + 1`). Remove the order term with `.removeO()`: a series with
# an $O(\cdot)$ in it is not a polynomial. Or build the sum yourself with `sp.diff`,
# `.subs(x, x0)` and `sp.factorial`.
#
# **Exercise 5.** Write `taylor_polynomial(expr, x, x0, n)` returning the degree-`n` Taylor
# polynomial of the SymPy expression `expr` in the symbol `x` about the point `x0` (a SymPy
# number such as `sp.Integer(1)` or `sp.Rational(1, 2)`), for an integer `n >= 0`. Any form
# equal to $T_n$ is fine: expanded, or in powers of $(x - x_0)$. For $n = 0$ it is the constant
# $f(x_0)$.

# %% taylor_polynomial
def taylor_polynomial(expr, x, x0, n):
    """The degree-n Taylor polynomial of expr (in the symbol x) about x0, without O(...)."""
    ### BEGIN SOLUTION
    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k
               for k in range(n + 1))
    ### END SOLUTION


# %% [markdown]
# ### Picture: tangent line and Taylor polynomials
#
# The Taylor polynomials of $\ln(1 + x)$ about $x_0 = 0.5$: the tangent line (degree 1) is right
# only very close to $x_0$, each added degree hugs the function over a wider interval, and none
# of them can follow the logarithm down to its singularity at $x = -1$.

# %% picture tangent-taylor
import matplotlib.pyplot as plt

t = sp.Symbol("t")
f = sp.log(1 + t)
center = sp.Rational(1, 2)
xs = np.linspace(-0.9, 2.5, 400)
plt.figure(figsize=(7, 4))
plt.plot(xs, np.log(1 + xs), "k", lw=2, label="ln(1 + x)")
for degree in (1, 2, 3, 6):
    # sp.series directly (not your taylor_polynomial), so the picture works before you do.
    poly = sp.series(f, t, center, degree + 1).removeO()
    plt.plot(xs, sp.lambdify(t, poly, "numpy")(xs), label=f"degree {degree}")
plt.plot([0.5], [np.log(1.5)], "ko")
plt.ylim(-3, 2)
plt.legend(fontsize=8)
plt.show()


# %% [markdown]
# ## 6. Little-o and limits: how wrong is a central difference?
#
# Section 1 claimed that the central difference is wrong by a term proportional to $h^2$.
# Taylor polynomials prove it. Expanding $f(x \pm h)$ to third order,
#
# $$f(x \pm h) = f(x) \pm f'(x) h + \tfrac{1}{2} f''(x) h^2 \pm \tfrac{1}{6} f'''(x) h^3 + o(h^3),$$
#
# the even terms cancel in the difference, and
#
# $$\frac{f(x + h) - f(x - h)}{2h} = f'(x) + C(x)\, h^2 + o(h^2), \qquad
# C(x) = \lim_{h \to 0} \frac{1}{h^2}\left[\frac{f(x + h) - f(x - h)}{2h} - f'(x)\right] .$$
#
# Here $g(h) = o(h^2)$ means $g(h)/h^2 \to 0$: a term that vanishes faster than $h^2$. The
# coefficient $C(x)$ tells you how large the truncation error is, and whether the
# approximation is too big ($C > 0$) or too small.
#
# SymPy takes such limits with `sp.limit(expression, h, 0)`, and
# `sp.series(expression, h, 0, 3)` expands in powers of $h$ (`.coeff(h, 2)` picks one
# coefficient). Use `expr.subs(x, x + h)` for $f(x + h)$.
#
# **Exercise 6.** Write `truncation_error_coefficient(expr, x, h)` returning $C(x)$ for the
# function `expr` of the symbol `x`, with `h` a SymPy symbol (positive) for the step. The
# answer is an expression in `x`: compute it as a limit or a series coefficient, or derive the
# closed form from the expansion above.

# %% truncation_error_coefficient
def truncation_error_coefficient(expr, x, h):
    """lim_{h->0} [(f(x+h) - f(x-h)) / (2h) - f'(x)] / h^2 for f = expr, as an expression in x."""
    ### BEGIN SOLUTION
    # The expansion above gives the closed form (third derivative) / 6. Taking the limit,
    #     central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    #     sp.limit((central - sp.diff(expr, x)) / h**2, h, 0)
    # gives the same expression, only more slowly.
    return sp.diff(expr, x, 3) / 6
    ### END SOLUTION


# %% [markdown]
# ## 7. The chain rule through a network
#
# A two-layer network with one unit per layer and no biases computes
# $y = \tanh\big(w_2 \tanh(w_1 x)\big)$: the composition
# $x \mapsto u = w_1 x \mapsto a = \tanh(u) \mapsto v = w_2 a \mapsto y = \tanh(v)$. The chain
# rule multiplies the local derivatives along this path:
#
# $$\frac{dy}{dx} = \underbrace{\big(1 - \tanh^2 v\big)}_{dy/dv}
# \cdot \underbrace{w_2}_{dv/da}
# \cdot \underbrace{\big(1 - \tanh^2 u\big)}_{da/du}
# \cdot \underbrace{w_1}_{du/dx} .$$
#
# Backpropagation is exactly this product, computed from the output backwards so that the
# partial products are shared among all the parameters. Every factor counts: dropping a
# $\tanh'$ factor is the mistake of treating a layer as linear.
#
# **Exercise 7.** Write `network_derivative(x, w1, w2)` that takes SymPy symbols `x`, `w1`,
# `w2` (real) and returns $\frac{d}{dx} \tanh\big(w_2 \tanh(w_1 x)\big)$ as a SymPy expression.
# By hand or with `sp.diff`; any equivalent form is fine.

# %% network_derivative
def network_derivative(x, w1, w2):
    """d/dx tanh(w2 * tanh(w1 * x)) as a sympy expression."""
    ### BEGIN SOLUTION
    u = w1 * x
    v = w2 * sp.tanh(u)
    return (1 - sp.tanh(v) ** 2) * w2 * (1 - sp.tanh(u) ** 2) * w1
    ### END SOLUTION


# %% [markdown]
# ## 8. Backpropagation by hand: one neuron
#
# Now numbers instead of formulas. A sigmoid neuron with weight $w$ and bias $b$ sees the input
# $x$ and the target $y$, and its loss is a tiny computation graph:
#
# $$z = w x + b, \qquad a = \sigma(z), \qquad L = (a - y)^2 .$$
#
# The *forward pass* computes $z$, $a$, $L$ and keeps them. The *backward pass* walks the graph
# in reverse, multiplying local derivatives (section 7):
#
# $$\frac{\partial L}{\partial a} = 2 (a - y), \qquad
# \frac{\partial L}{\partial z} = \frac{\partial L}{\partial a}\, \sigma'(z)
# = \frac{\partial L}{\partial a}\, a (1 - a),$$
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial z}\, x, \qquad
# \frac{\partial L}{\partial b} = \frac{\partial L}{\partial z} \cdot 1 .$$
#
# Note how $\partial L/\partial z$ is computed once and shared: that sharing is what makes
# backpropagation cost about as much as the forward pass, however many parameters there are.
#
# **Exercise 8.** Write `neuron_gradients(w, b, x, y)` returning the pair
# $(\partial L / \partial w, \partial L / \partial b)$ for floats `w`, `b`, `x`, `y` (a tuple
# of two numbers, or an array of two).

# %% neuron_gradients
def neuron_gradients(w, b, x, y):
    """(dL/dw, dL/db) for L = (sigmoid(w x + b) - y)^2."""
    ### BEGIN SOLUTION
    a = 1 / (1 + np.exp(-(w * x + b)))  # forward pass
    dL_dz = 2 * (a - y) * a * (1 - a)  # backward pass, through the square and the sigmoid
    return dL_dz * x, dL_dz
    ### END SOLUTION


# %% [markdown]
# ## 9. Partial derivatives and gradients: log-sum-exp
#
# For a function of several variables, the *partial derivative* $\partial f / \partial x$
# differentiates in $x$ with the other variables held fixed, and the gradient collects all of
# them. The log-sum-exp $\ln(e^{x} + e^{y})$ is a smooth maximum (it is the logarithm of the
# softmax's denominator), and its gradient is worth knowing by heart: by the chain rule,
#
# $$\frac{\partial}{\partial x} \ln(e^{x} + e^{y}) = \frac{e^{x}}{e^{x} + e^{y}}, \qquad
# \nabla \ln(e^{x} + e^{y}) = \operatorname{softmax}(x, y) .$$
#
# The gradient of the smooth maximum is a "soft arg max": it points at the larger input, and
# its entries sum to 1.
#
# **Exercise 9.** Write `logsumexp_gradient(x, y)` that takes SymPy symbols `x` and `y` (real)
# and returns the pair $\big(\partial f / \partial x, \partial f / \partial y\big)$ for
# $f = \ln(e^{x} + e^{y})$, e.g. as a tuple of two SymPy expressions.

# %% logsumexp_gradient
def logsumexp_gradient(x, y):
    """(d/dx, d/dy) of ln(exp(x) + exp(y)), a pair of sympy expressions."""
    ### BEGIN SOLUTION
    total = sp.exp(x) + sp.exp(y)
    return sp.exp(x) / total, sp.exp(y) / total
    ### END SOLUTION


# %% [markdown]
# ## 10. The gradient of a quadratic form
#
# Quadratic functions $f(x) = x^\top A x = \sum_{i,j} A_{ij} x_i x_j$ are the simplest losses
# with curvature, and every smooth loss looks like one near a minimum (section 5). Since $x$
# appears twice, the product rule gives two terms:
#
# $$\frac{\partial f}{\partial x_k} = \sum_j A_{kj} x_j + \sum_i A_{ik} x_i, \qquad
# \nabla f(x) = (A + A^\top)\, x .$$
#
# For a symmetric $A$ this is the familiar $2 A x$, the matrix version of
# $\frac{d}{dx} a x^2 = 2 a x$, but for a general $A$ it is not.
#
# **Exercise 10.** Write `quadratic_form_gradient(A, x)` that takes a square SymPy `Matrix` `A`
# (numbers or symbols, not necessarily symmetric) and a column `Matrix` `x` of symbols, and
# returns $\nabla f(x)$ for $f = x^\top A x$ as a column `Matrix`. Compute it from the formula
# or by differentiating $f$ (`(x.T * A * x)[0, 0]` is $f$ as an expression). A list of the
# partial derivatives, or the array of `sp.derive_by_array`, is accepted too.

# %% quadratic_form_gradient
def quadratic_form_gradient(A, x):
    """The gradient (A + A^T) x of x^T A x, as a column sympy Matrix."""
    ### BEGIN SOLUTION
    return (A + A.T) * x
    ### END SOLUTION


# %% [markdown]
# ## 11. The gradient of the mean squared error
#
# Linear regression predicts $\hat y_i = X_i \cdot w$ for the rows $X_i$ of a data matrix
# $X \in \mathbb{R}^{n \times d}$ ($n$ examples, $d$ features) and fits $w \in \mathbb{R}^d$ by
# minimising the *mean squared error*
#
# $$L(w) = \frac{1}{n} \sum_{i=1}^{n} (X_i \cdot w - y_i)^2 = \frac1n \lVert X w - y \rVert^2 .$$
#
# With the residual $r = X w - y$: $\partial r_i / \partial w_j = X_{ij}$, and the derivative of
# $r_i^2$ is $2 r_i$, so by the chain rule
#
# $$\frac{\partial L}{\partial w_j} = \frac{1}{n} \sum_i 2 r_i X_{ij}, \qquad
# \nabla L(w) = \frac{2}{n} X^\top (X w - y) .$$
#
# Both constants matter when you tune a learning rate: the gradient of the *sum* of squares
# is $n$ times larger than that of the mean.
#
# **Exercise 11.** Write `mse_gradient(w, X, y)` returning $\nabla L(w)$, an array of shape
# `(d,)`, for `w` of shape `(d,)`, `X` of shape `(n, d)` and `y` of shape `(n,)`.

# %% mse_gradient
def mse_gradient(w, X, y):
    """Gradient in w of mean((X @ w - y) ** 2): (2 / n) X^T (X w - y)."""
    ### BEGIN SOLUTION
    residual = X @ w - y
    return 2.0 / len(y) * (X.T @ residual)
    ### END SOLUTION


# %% [markdown]
# ### 11b. Checking a gradient: finite differences, one coordinate at a time
#
# How do you know that a gradient derived by hand, like the one above, is right? Compare it
# with finite differences. The *partial derivative* of $f: \mathbb{R}^n \to \mathbb{R}$ in
# coordinate $i$ is the ordinary derivative of $f$ along the line through $x$ in the
# direction of the unit vector $e_i$ (1 in entry $i$, 0 elsewhere): coordinate $i$ moves, all
# the others stay fixed. The central difference of section 1 approximates it:
#
# $$\frac{\partial f}{\partial x_i}(x) = \lim_{h \to 0} \frac{f(x + h e_i) - f(x)}{h}
# \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h} .$$
#
# Once per coordinate, that gives the whole gradient
# $\nabla f(x) = \big(\partial f / \partial x_1, \dots, \partial f / \partial x_n\big)$, for
# $2n$ evaluations of $f$. That is why nobody trains a network this way (backpropagation gets
# all $n$ partial derivatives for the price of a few evaluations, however large $n$ is), and
# why it is the standard *gradient check* on a small problem: compare `mse_gradient(w, X, y)`
# with `numerical_gradient(lambda v: np.mean((X @ v - y) ** 2), w)`.
#
# Why one coordinate at a time? In machine learning the coordinates are *coupled*: each
# partial derivative depends on several of them. The functions `f` your code is given here are
# like that, for example the Rosenbrock function
# $f(x) = \sum_{i=1}^{n-1} \big[100\,(x_{i+1} - x_i^2)^2 + (1 - x_i)^2\big]$ and
# $f(x) = \tfrac12 x^\top A x + \sum_i \sin x_i$ with a dense symmetric matrix $A$. `f` takes
# the whole vector and returns one number; it does not act entry by entry. Moving every
# coordinate by $h$ at once, $\big(f(x + h) - f(x - h)\big) / (2h)$, measures the slope along
# the diagonal $(1, \dots, 1)$: a single number, the sum of all the partial derivatives.
#
# Do not modify `x`: build new points `x + h * e` (with `e = np.eye(n)[i]`, say), or perturb a
# copy, `point = x.copy()`. `x[i] += h` changes the caller's array, and even `x[i] += h`
# followed by `x[i] -= h` does not always give back the same float.
#
# **Exercise 11b.** Write `numerical_gradient(f, x, h=1e-5)` returning the central-difference
# gradient $g_i = \big(f(x + h e_i) - f(x - h e_i)\big) / (2h)$ of a function `f` (from a 1-D
# float array to a float) at the 1-D float array `x`, as a float array of the same shape as
# `x`. Use the step `h` the caller passes; its default is $10^{-5}$.

# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    """The central-difference gradient of f at the 1-D array x, one coordinate at a time:
    g[i] = (f(x + h e_i) - f(x - h e_i)) / (2h), without modifying x."""
    ### BEGIN SOLUTION
    grad = np.zeros(len(x))
    for i in range(len(x)):
        step = np.zeros(len(x))
        step[i] = h  # h e_i: only coordinate i moves
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad
    ### END SOLUTION


# %% [markdown]
# ### Picture: the gradient of the Rosenbrock function, and the diagonal slope
#
# The two-dimensional Rosenbrock function $100\,(y - x^2)^2 + (1 - x)^2$ has a curved valley
# with its minimum at $(1, 1)$. The red arrows point along minus its gradient (normalised to
# one length), the direction of steepest descent: almost straight down the steep walls into
# the valley, and only along the flat valley floor towards the minimum. The grey arrows are
# what moving both coordinates at once gives: the same slope
# $\big(f(p + h) - f(p - h)\big) / (2h)$ in both entries, so always a vector along
# $\pm(1, 1)$, whichever way the function falls.

# %% picture rosenbrock-gradient
import matplotlib.pyplot as plt


def rosenbrock_2d(p):
    return 100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2


def rosenbrock_2d_gradient(p):
    # derived by hand; numerical_gradient(rosenbrock_2d, p) agrees with it to about 1e-7
    return np.array([-400 * p[0] * (p[1] - p[0] ** 2) - 2 * (1 - p[0]), 200 * (p[1] - p[0] ** 2)])


grid_x, grid_y = np.meshgrid(np.linspace(-2, 2, 300), np.linspace(-1, 3, 300))
starts = np.array([(-1.5, 2.5), (-1.0, 0.0), (0.0, 1.5), (0.5, 0.0), (1.5, 1.5), (-0.5, 0.25),
                   (1.2, 2.5), (-1.6, 1.0)])
descent = np.array([-rosenbrock_2d_gradient(p) for p in starts])
diagonal = np.array([(rosenbrock_2d(p + 1e-5) - rosenbrock_2d(p - 1e-5)) / 2e-5 * np.ones(2)
                     for p in starts])
plt.figure(figsize=(6, 6))
plt.contour(grid_x, grid_y, np.log1p(rosenbrock_2d(np.array([grid_x, grid_y]))), levels=25,
            cmap="viridis", linewidths=0.8)
for vectors, color, label in ((descent, "C3", "minus the gradient"),
                              (-diagonal, "0.5", "all coordinates at once")):
    unit = 0.45 * vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    plt.quiver(starts[:, 0], starts[:, 1], unit[:, 0], unit[:, 1], color=color, label=label,
               angles="xy", scale_units="xy", scale=1, width=0.006)
plt.plot([1], [1], "k*", ms=12, label="minimum (1, 1)")
plt.gca().set_aspect("equal")
plt.xlabel("x")
plt.ylabel("y")
plt.legend(fontsize=8, loc="lower right")
plt.show()


# %% [markdown]
# ## 12. The Jacobian of softmax
#
# A function $F: \mathbb{R}^n \to \mathbb{R}^m$ has an $m \times n$ *Jacobian*
# $J_{ij} = \partial F_i / \partial z_j$: row $i$ is the gradient of output $i$, and
# $F(z + \delta) \approx F(z) + J \delta$ is again the best linear approximation. For the softmax
# $s = \operatorname{softmax}(z)$, $s_i = e^{z_i} / \sum_k e^{z_k}$, the quotient rule gives
#
# $$\frac{\partial s_i}{\partial z_j} = s_i\,(\delta_{ij} - s_j), \qquad
# J = \operatorname{diag}(s) - s s^\top,$$
#
# where $\delta_{ij}$ is 1 if $i = j$ and 0 otherwise. Every $s_i$ depends on every $z_j$
# (through the shared denominator), so $J$ is full, not diagonal. It is symmetric, and its rows
# sum to 0: the entries of $s$ always add up to 1, so no change of $z$ can change their sum.
#
# **Exercise 12.** Write `softmax_jacobian(z)` returning the $n \times n$ matrix $J$ for a 1-D
# array `z` of $n$ logits (the logits here are moderate, $|z_i| \le 30$).

# %% softmax_jacobian
def softmax_jacobian(z):
    """J[i, j] = d softmax(z)_i / d z_j = s_i (delta_ij - s_j): diag(s) - s s^T."""
    ### BEGIN SOLUTION
    e = np.exp(z - np.max(z))
    s = e / np.sum(e)
    return np.diag(s) - np.outer(s, s)
    ### END SOLUTION


# %% [markdown]
# ## 13. The gradient of the softmax cross-entropy
#
# A classifier with logits $z$ and a target pmf $p$ (a one-hot label, or a soft one) pays the
# cross-entropy of its softmax, $L(z) = -\sum_i p_i \ln \operatorname{softmax}(z)_i
# = \operatorname{logsumexp}(z) - \sum_i p_i z_i$ (using $\sum_i p_i = 1$). Section 9's
# gradient of log-sum-exp makes its gradient one line:
#
# $$\nabla_z L = \operatorname{softmax}(z) - p .$$
#
# Prediction minus target: the same pattern as the mean squared error's residual, and the
# reason this pairing of softmax and cross-entropy is used everywhere. (Via the Jacobian of
# section 12: $\nabla_z L = J^\top \nabla_s L$ with $\nabla_s L = -p / s$, which simplifies to
# the same thing.) Logits can be large; compute the softmax with the max-shift so that
# `np.exp` cannot overflow.
#
# **Exercise 13.** Write `softmax_crossentropy_gradient(logits, p)` returning
# $\operatorname{softmax}(\text{logits}) - p$ for a 1-D array of logits and a target pmf `p` of
# the same length (zeros allowed). It must be finite and correct for logits as large as
# $\pm 1000$, including mixed signs.

# %% softmax_crossentropy_gradient
def softmax_crossentropy_gradient(logits, p):
    """Gradient in the logits of the cross-entropy of softmax(logits) on p: softmax - p."""
    ### BEGIN SOLUTION
    e = np.exp(logits - np.max(logits))
    return e / np.sum(e) - p
    ### END SOLUTION


# %% [markdown]
# ## 14. Gradient descent
#
# For a function of many variables $f: \mathbb{R}^n \to \mathbb{R}$, the *gradient*
# $\nabla f(x)$ collects the partial derivatives $\partial f / \partial x_i$. It is the
# direction of steepest *ascent*: $f(x + \delta) \approx f(x) + \nabla f(x) \cdot \delta$, which for
# a step of fixed length grows fastest along $\nabla f(x)$ and falls fastest against it.
# *Gradient descent* therefore repeats
#
# $$x \leftarrow x - \eta\, \nabla f(x),$$
#
# with a *learning rate* (step size) $\eta > 0$. Too small an $\eta$ crawls; too large an
# $\eta$ overshoots the valley and can diverge (section 17 says exactly when).
#
# **Exercise 14.** Write `gd_step(x, grad_f, learning_rate)` returning the point after one step,
# $x - \eta \nabla f(x)$. Here `grad_f` is a function that returns the gradient at a point, and
# `x` is either a float (then return a float) or a 1-D array (then return a new array of the
# same shape; do not modify `x`).

# %% gd_step
def gd_step(x, grad_f, learning_rate):
    """One gradient-descent step from x: x - learning_rate * grad_f(x)."""
    ### BEGIN SOLUTION
    return x - learning_rate * grad_f(x)
    ### END SOLUTION


# %% [markdown]
# ### Picture: gradient-descent paths on a loss surface
#
# Gradient descent on the ill-conditioned quadratic $f(x, y) = \tfrac12 (x^2 + 10 y^2)$, from the
# same start with three learning rates. The curvature is 1 along $x$ and 10 along $y$; steps
# are stable only for $\eta < 2/10$. A small rate crawls along the flat $x$ direction, a rate
# near the limit zig-zags across the steep $y$ direction, and above the limit the iterates
# fly off.

# %% picture gd-paths
import matplotlib.pyplot as plt


def grad(p):
    return np.array([1.0, 10.0]) * p


grid = np.linspace(-4, 4, 200)
X, Y = np.meshgrid(grid, np.linspace(-2.5, 2.5, 200))
plt.figure(figsize=(7, 4.5))
plt.contour(X, Y, 0.5 * (X**2 + 10 * Y**2), levels=np.geomspace(0.05, 60, 14), colors="0.7")
for rate, color in ((0.02, "C0"), (0.18, "C1"), (0.205, "C3")):
    path = [np.array([-3.5, 1.5])]
    for _ in range(40):
        # the update of gd_step, written out so that the picture works before you do
        path.append(path[-1] - rate * grad(path[-1]))
    path = np.array(path)
    plt.plot(path[:, 0], path[:, 1], "o-", ms=3, color=color, label=f"learning rate {rate}")
plt.xlim(-4, 4)
plt.ylim(-2.5, 2.5)
plt.legend(fontsize=8)
plt.show()


# %% [markdown]
# ## 15. Running gradient descent
#
# One step is not an optimiser; many are. Starting from $x_0$,
# $x_{k+1} = x_k - \eta \nabla f(x_k)$ for $k = 0, 1, \dots$ On $f(x) = x^2$ (gradient $2x$)
# every step multiplies $x$ by $1 - 2\eta$: with $\eta = 0.25$ the iterates halve, with
# $\eta = 0.5$ they jump to the minimum in one step, and with $\eta > 1$ they grow while
# flipping sign. Watching the whole path is how you diagnose a learning rate.
#
# **Exercise 15.** Write `gradient_descent(x0, grad_f, learning_rate, steps)` returning the
# path $[x_0, x_1, \dots, x_{\text{steps}}]$ as an array: shape `(steps + 1,)` for a float
# `x0`, `(steps + 1, n)` for a 1-D array `x0` of length $n$ (one row per point). Do not
# modify `x0`. (You may call your `gd_step`.)

# %% gradient_descent
def gradient_descent(x0, grad_f, learning_rate, steps):
    """The path [x0, x1, ..., x_steps] of gradient descent, one row per point."""
    ### BEGIN SOLUTION
    path = [x0]
    for _ in range(steps):
        path.append(path[-1] - learning_rate * grad_f(path[-1]))
    return np.array(path, dtype=float)
    ### END SOLUTION


# %% [markdown]
# ## 16. Second derivatives: the Hessian of a tiny deep network
#
# The *Hessian* of $f(a, b)$ is the matrix of second partial derivatives,
#
# $$H = \begin{pmatrix} \partial^2 f / \partial a^2 & \partial^2 f / \partial a\, \partial b \\
# \partial^2 f / \partial b\, \partial a & \partial^2 f / \partial b^2 \end{pmatrix},$$
#
# symmetric for smooth $f$. It is the curvature in the second-order Taylor model
# $f(x + \delta) \approx f(x) + \nabla f \cdot \delta + \tfrac12 \delta^\top H \delta$: at a
# point with zero gradient, a positive definite $H$ means a minimum, and an $H$ with
# eigenvalues of both signs a *saddle*.
#
# The smallest "deep" network multiplies two weights: it predicts $a b$ and fits the target
# 1 with the loss $L(a, b) = (a b - 1)^2$. Every point of the hyperbola $a b = 1$ is a global
# minimum; the origin, where the gradient also vanishes, is a saddle. Deep networks are full
# of such symmetric, non-convex landscapes.
#
# **Exercise 16.** Write `product_loss_hessian(a, b)` that takes SymPy symbols `a` and `b`
# (real) and returns the Hessian of $L(a, b) = (a b - 1)^2$ as a $2 \times 2$ SymPy `Matrix`
# (order: $a$ first). `sp.hessian(expr, (a, b))` computes it; by hand, mind the product rule
# in the mixed derivative.

# %% product_loss_hessian
def product_loss_hessian(a, b):
    """The 2 x 2 Hessian of (a b - 1)^2 in (a, b), as a sympy Matrix."""
    ### BEGIN SOLUTION
    return sp.Matrix([[2 * b**2, 4 * a * b - 2], [4 * a * b - 2, 2 * a**2]])
    ### END SOLUTION


# %% [markdown]
# ### Picture: a valley of minima and a saddle
#
# The loss $(a b - 1)^2$ over the $(a, b)$ plane: zero along both branches of the hyperbola
# $a b = 1$ (every point there is a global minimum), and a saddle at the origin, where the
# gradient vanishes but the Hessian $\begin{pmatrix} 0 & -2 \\ -2 & 0 \end{pmatrix}$ has the
# eigenvalues $2$ (up along $a = -b$) and $-2$ (down along $a = b$). Gradient descent started
# exactly at the origin never moves; from almost any point near it, it slides off along
# $a = b$ towards one of the two valleys.

# %% picture saddle
import matplotlib.pyplot as plt

grid = np.linspace(-2, 2, 301)
A, B = np.meshgrid(grid, grid)
plt.figure(figsize=(5.5, 5))
plt.contourf(A, B, np.log1p((A * B - 1) ** 2), levels=30, cmap="viridis")
plt.colorbar(label="ln(1 + L(a, b))")
branch = np.linspace(0.5, 2, 100)
plt.plot(branch, 1 / branch, "w--", lw=1, label="minima: a b = 1")
plt.plot(-branch, -1 / branch, "w--", lw=1)
plt.plot([0], [0], "r*", ms=12, label="saddle at (0, 0)")
plt.xlabel("a")
plt.ylabel("b")
plt.legend(fontsize=8, loc="lower right")
plt.show()


# %% [markdown]
# ## 17. Curvature decides the learning rate
#
# On the quadratic $f(x) = \tfrac12 x^\top H x$ with a symmetric positive definite Hessian
# $H$, gradient descent is $x \leftarrow (I - \eta H) x$. Write $x$ in the eigenvectors of
# $H$: the component along an eigenvector with eigenvalue (curvature) $\lambda$ is multiplied
# by $1 - \eta\lambda$ in every step. It shrinks iff $|1 - \eta \lambda| < 1$, i.e.
# $0 < \eta < 2/\lambda$, and all components shrink iff
#
# $$\eta < \frac{2}{\lambda_{\max}(H)} .$$
#
# The steepest direction sets the speed limit, while the flattest one (smallest $\lambda$)
# sets how slowly the rest converges: their ratio, the *condition number*, is why the picture
# after section 14 zig-zags. Near a minimum every smooth loss looks like this quadratic, so
# the same rule governs training (the "edge of stability" of deep learning).
#
# **Exercise 17.** Write `max_learning_rate(H)` returning $2 / \lambda_{\max}(H)$ for a
# symmetric positive definite matrix `H` (a 2-D float array). `np.linalg.eigvalsh` returns
# the eigenvalues of a symmetric matrix.

# %% max_learning_rate
def max_learning_rate(H):
    """2 / lambda_max(H): the largest stable learning rate on 1/2 x^T H x."""
    ### BEGIN SOLUTION
    return 2.0 / np.max(np.linalg.eigvalsh(H))
    ### END SOLUTION


# %% [markdown]
# ## 18. Newton's method: using the curvature
#
# Gradient descent uses one learning rate for all directions, fast and slow alike. Newton's
# method instead jumps to the minimum of the second-order Taylor model
# $f(x) + g \cdot \delta + \tfrac12 \delta^\top H \delta$ (with $g = \nabla f(x)$,
# $H = \nabla^2 f(x)$). Setting its gradient $g + H\delta$ to zero gives
#
# $$x \leftarrow x - H^{-1} g .$$
#
# Each direction is divided by its own curvature, so the condition number no longer matters,
# and a quadratic is minimised in a single step. The price is solving an $n \times n$ linear
# system per step — impossible for millions of parameters, which is why deep learning
# approximates $H$ (Adam's per-parameter scaling is a crude diagonal version). Solve the
# system with `np.linalg.solve(hess, grad)` rather than forming the inverse.
#
# **Exercise 18.** Write `newton_step(x, grad, hess)` returning $x - H^{-1} g$ for the point
# `x`, the gradient `grad` (1-D arrays of length $n$) and the invertible Hessian `hess`
# ($n \times n$, symmetric, but not necessarily positive definite: near a saddle it is
# indefinite, and the Newton step then heads for the saddle). Do not modify the inputs.

# %% newton_step
def newton_step(x, grad, hess):
    """One Newton step x - hess^{-1} grad."""
    ### BEGIN SOLUTION
    return x - np.linalg.solve(hess, grad)
    ### END SOLUTION


# %% [markdown]
# ## 19. Gradients without backpropagation: the forward gradient
#
# Forward-mode differentiation computes a *directional derivative* $\nabla f \cdot v$ in one
# pass, alongside $f$, for any direction $v$, but not the whole gradient. Pick
# $v \sim \mathcal N(0, I_n)$ at random and use
#
# $$\hat g = (\nabla f \cdot v)\, v$$
#
# as an estimate of the gradient $g = \nabla f$. It is *unbiased*:
# $E[\hat g] = E[v v^\top]\, g = I g = g$. But it is noisy: entry $i$ has variance
# $\lVert g \rVert^2 + g_i^2$ (the probability notebook derives this), so every entry carries
# noise from the whole gradient. Averaging over $k$ independent directions divides the
# variance by $k$:
#
# $$\hat g_k = \frac1k \sum_{j=1}^{k} (g \cdot v_j)\, v_j .$$
#
# Here the directions are given to you (so that the answer is deterministic), and you are
# also given $g$ itself to form the directional derivatives $g \cdot v_j$; in a real forward
# pass they would come from forward-mode differentiation.
#
# **Exercise 19.** Write `forward_gradient(grad, directions)` returning $\hat g_k$ for a 1-D
# array `grad` of length $n$ and a 2-D array `directions` of shape $(k, n)$ whose rows are the
# directions $v_j$.

# %% forward_gradient
def forward_gradient(grad, directions):
    """(1/k) sum_j (grad . v_j) v_j over the rows v_j of `directions` (shape (k, n))."""
    ### BEGIN SOLUTION
    slopes = directions @ grad  # one directional derivative per direction
    return slopes @ directions / len(directions)
    ### END SOLUTION


# %% [markdown]
# ### Picture: how fast the noise averages out
#
# The error of the forward gradient $\hat g_k$ for a gradient in $\mathbb{R}^{50}$, against the
# number $k$ of random directions (log-log). Unbiasedness means the error shrinks to 0, but
# only like $1/\sqrt{k}$ (slope $-1/2$): the dashed line is the predicted root-mean-square
# error $\sqrt{(n + 1) \lVert g \rVert^2 / k}$, from the per-entry variance
# $\lVert g \rVert^2 + g_i^2$ summed over the $n$ entries. To match one exact gradient you need
# about as many directions as there are parameters.

# %% picture forward-noise
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
g = rng.standard_normal(50)
ks = np.unique(np.geomspace(1, 20_000, 25).astype(int))
errors = []
for k in ks:
    v = rng.standard_normal((k, g.size))
    estimate = (v @ g) @ v / k  # the formula of forward_gradient, written out
    errors.append(np.linalg.norm(estimate - g))
plt.figure(figsize=(6, 3.5))
plt.loglog(ks, errors, "o", label="||g_hat_k - g||")
plt.loglog(ks, np.sqrt((g.size + 1) * np.sum(g**2) / ks), "k--", label="sqrt((n + 1) ||g||^2 / k)")
plt.loglog(ks, np.full(len(ks), np.linalg.norm(g)), ":", c="gray", label="||g||")
plt.xlabel("number of directions k")
plt.legend(fontsize=8)
plt.show()

# %% where-next [markdown]
# ## Where next
#
# Every deep-learning framework is built from these pieces: automatic differentiation applies
# the chain rule of sections 7 and 8 node by node, checked by the finite differences of
# sections 1 and 11b; optimisers refine the gradient step of section 14 with momentum and
# per-parameter learning rates, crude stand-ins for the Newton step of section 18; and the
# curvature of sections 16 and 17 explains why those refinements help. Forward gradients
# (section 19) are one of the ideas for training without backpropagation at all.
