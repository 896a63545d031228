"""Known mistakes of the calculus assignment, each written the way a student would.

`mathgrade verify` substitutes each one for its exercise in the solution notebook and checks
that the hidden suite takes points off and names it. After a failed test, the grader replays
the test's calls through these functions (in file order, per exercise) and names the first
one that reproduces every outcome, so within an exercise the order matters: a mistake comes
before another whose outputs it could also produce.

The substituted source is the function alone (its single-line decorator dropped), run after
`import math`, `import numpy as np` and `import sympy as sp`: a mistake imports anything else
(scipy) inside its body. Hints are constants because the decorator must fit on one line.
Functions passed to a mistake (`f`, `grad_f`) are the suite's `SymbolicFunction`s, called
here in the grader exactly as the student's code calls them in the worker.
"""

import numpy as np
import sympy as sp

from autograder.mistakes import mistake

# ---------------------------------------------------------------------- finite_difference

FORWARD = (
    "(f(x + h) - f(x)) / h is the forward difference: its error is about h f''(x) / 2, "
    "proportional to h. The central difference (f(x + h) - f(x - h)) / (2h) looks both ways; "
    "its error is about h^2 f'''(x) / 6, far smaller for small h."
)
BACKWARD = (
    "(f(x) - f(x - h)) / h is the backward difference, with an error of about h f''(x) / 2. "
    "Use the central difference (f(x + h) - f(x - h)) / (2h), symmetric about x."
)
NO_TWO = (
    "f(x + h) and f(x - h) are 2h apart, not h, so divide their difference by 2h: "
    "(f(x + h) - f(x - h)) / (2 * h). Yours is twice the slope."
)
PRECEDENCE = (
    "`/ 2 * h` divides by 2 and then multiplies by h (Python evaluates left to right); "
    "write `/ (2 * h)` with parentheses."
)
IGNORES_H = (
    "Use the step h that the caller passes: finite_difference(f, x, h=0.1) must use h = 0.1. "
    "Only the default value of the parameter is 1e-5."
)
SWAPPED = (
    "The slope is (rise) / (run) from left to right: (f(x + h) - f(x - h)) / (2h). Yours has "
    "the two values the other way round, which flips the sign."
)


@mistake("finite_difference", hint=FORWARD)
def forward_difference(f, x, h=1e-5):
    return (f(x + h) - f(x)) / h


@mistake("finite_difference", hint=BACKWARD)
def backward_difference(f, x, h=1e-5):
    return (f(x) - f(x - h)) / h


@mistake("finite_difference", hint=NO_TWO)
def divides_by_h_not_2h(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / h


@mistake("finite_difference", hint=PRECEDENCE)
def divides_by_2_times_h(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / 2 * h


@mistake("finite_difference", hint=IGNORES_H)
def ignores_the_step_argument(f, x, h=1e-5):
    step = 1e-5
    return (f(x + step) - f(x - step)) / (2 * step)


@mistake("finite_difference", hint=SWAPPED)
def values_swapped(f, x, h=1e-5):
    return (f(x - h) - f(x + h)) / (2 * h)


# -------------------------------------------------------------------------------- gd_step

STEP_IN_PLACE = (
    "`x -= learning_rate * grad_f(x)` changes the caller's array x; write "
    "`return x - learning_rate * grad_f(x)`, which makes a new one."
)
UPHILL = (
    "The gradient points uphill, towards larger loss; descent steps the other way: "
    "x - learning_rate * grad_f(x), with a minus sign."
)
NO_LEARNING_RATE = (
    "The step is the gradient scaled by the learning rate: x - learning_rate * grad_f(x). "
    "Without the learning rate the step is usually far too big."
)
ONLY_THE_STEP = (
    "Return the new point x - learning_rate * grad_f(x), not only the step "
    "learning_rate * grad_f(x)."
)
DIVIDES_BY_RATE = (
    "Multiply the gradient by the learning rate (a small number such as 0.1 makes a small "
    "step); dividing by it makes the step bigger instead."
)


@mistake("gd_step", hint=STEP_IN_PLACE)
def updates_x_in_place(x, grad_f, learning_rate):
    x -= learning_rate * grad_f(x)
    return x


@mistake("gd_step", hint=UPHILL)
def steps_uphill(x, grad_f, learning_rate):
    return x + learning_rate * grad_f(x)


@mistake("gd_step", hint=NO_LEARNING_RATE)
def ignores_the_learning_rate(x, grad_f, learning_rate):
    return x - grad_f(x)


@mistake("gd_step", hint=ONLY_THE_STEP)
def returns_the_step(x, grad_f, learning_rate):
    return learning_rate * grad_f(x)


@mistake("gd_step", hint=DIVIDES_BY_RATE)
def divides_by_the_learning_rate(x, grad_f, learning_rate):
    return x - grad_f(x) / learning_rate


# --------------------------------------------------------------------------- mse_gradient

MSE_NO_TWO = (
    "d/dr r^2 = 2r: the derivative of each squared residual brings down a factor 2, so the "
    "gradient is (2/n) X^T (X w - y)."
)
MSE_SUM = (
    "The loss is the *mean* of the squared residuals, so its gradient has the factor 1/n "
    "(n = number of examples = len(y)): (2/n) X^T (X w - y)."
)
MSE_SIGN = (
    "The residual is r = X w - y (prediction minus target); with y - X w the gradient points "
    "the wrong way. Gradient: (2/n) X^T (X w - y)."
)
MSE_FEATURES = (
    "n in the mean is the number of examples, len(y) (the rows of X), not the number of "
    "features len(w)."
)
MSE_IN_PLACE = (
    "Don't assign into the arguments (`y -= ...`, `w *= ...`): compute the residual as a new "
    "array, residual = X @ w - y."
)


@mistake("mse_gradient", hint=MSE_IN_PLACE)
def modifies_y_in_place(w, X, y):
    y -= X @ w
    return -2.0 / len(y) * X.T @ y


@mistake("mse_gradient", hint=MSE_NO_TWO)
def missing_factor_two(w, X, y):
    return X.T @ (X @ w - y) / len(y)


@mistake("mse_gradient", hint=MSE_SUM)
def sum_instead_of_mean(w, X, y):
    return 2 * X.T @ (X @ w - y)


@mistake("mse_gradient", hint=MSE_SIGN)
def residual_sign_flipped(w, X, y):
    return 2 / len(y) * X.T @ (y - X @ w)


@mistake("mse_gradient", hint=MSE_FEATURES)
def divides_by_number_of_features(w, X, y):
    return 2 / len(w) * X.T @ (X @ w - y)


# ----------------------------------------------------------------------- softmax_jacobian

DIAGONAL_ONLY = (
    "softmax(z)_i depends on every z_j (they share the denominator), so the off-diagonal "
    "entries are not 0: J[i, j] = s_i (delta_ij - s_j), i.e. J = diag(s) - np.outer(s, s)."
)
OUTER_ONLY = (
    "For i = j the quotient rule gives s_i - s_i^2, not only -s_i^2: J = diag(s) - "
    "np.outer(s, s), with the diagonal term diag(s)."
)
JACOBIAN_SIGN = (
    "Raising z_i raises s_i (positive diagonal) and lowers every other s_j (negative "
    "off-diagonal): J = diag(s) - np.outer(s, s), not the other way round."
)
ONE_MINUS_S_EVERYWHERE = (
    "J[i, j] = s_i (delta_ij - s_j): the 1 (delta_ij) is only on the diagonal. "
    "np.outer(s, 1 - s) puts it in every entry; use np.diag(s) - np.outer(s, s)."
)
VECTOR_NOT_MATRIX = (
    "s * (1 - s) is only the diagonal of the Jacobian; softmax_jacobian(z) is the full n x n "
    "matrix np.diag(s) - np.outer(s, s)."
)
JACOBIAN_IN_PLACE = (
    "`z -= np.max(z)` changes the caller's array; write `shifted = z - np.max(z)`, which "
    "makes a new one."
)


@mistake("softmax_jacobian", hint=JACOBIAN_IN_PLACE)
def shifts_z_in_place(z):
    z -= np.max(z)
    s = np.exp(z) / np.sum(np.exp(z))
    return np.diag(s) - np.outer(s, s)


@mistake("softmax_jacobian", hint=DIAGONAL_ONLY)
def diagonal_only(z):
    s = np.exp(z) / np.sum(np.exp(z))
    return np.diag(s * (1 - s))


@mistake("softmax_jacobian", hint=OUTER_ONLY)
def missing_the_diagonal_term(z):
    s = np.exp(z) / np.sum(np.exp(z))
    return -np.outer(s, s)


@mistake("softmax_jacobian", hint=JACOBIAN_SIGN)
def sign_flipped(z):
    s = np.exp(z) / np.sum(np.exp(z))
    return np.outer(s, s) - np.diag(s)


@mistake("softmax_jacobian", hint=ONE_MINUS_S_EVERYWHERE)
def outer_s_and_one_minus_s(z):
    s = np.exp(z) / np.sum(np.exp(z))
    return np.outer(s, 1 - s)


@mistake("softmax_jacobian", hint=VECTOR_NOT_MATRIX)
def returns_the_diagonal_vector(z):
    s = np.exp(z) / np.sum(np.exp(z))
    return s * (1 - s)


# ---------------------------------------------------------------------- taylor_polynomial

ABOUT_ZERO_HINT = (
    "Expand about the point x0 you are given: the coefficients are the derivatives at x0, "
    "f^(k)(x0) / k!, and the powers are (x - x0)^k. Yours expands about 0."
)
ONE_TERM_SHORT = (
    "Degree n means the powers (x - x0)^0 up to and including (x - x0)^n: n + 1 terms. "
    "sp.series(expr, x, x0, n) stops *before* degree n; use n + 1 there."
)
ONE_TERM_TOO_MANY = (
    "Degree n means the last term is (x - x0)^n: k runs from 0 to n (range(n + 1)), and "
    "sp.series(expr, x, x0, n + 1) (not n + 2) gives exactly those."
)
NO_FACTORIAL = (
    "The k-th coefficient is f^(k)(x0) / k!: divide each derivative by sp.factorial(k)."
)
POWERS_OF_X = (
    "About x0 the powers are (x - x0)^k, not x^k: the polynomial must match f and its "
    "derivatives at x = x0."
)
DERIVATIVE_NOT_EVALUATED = (
    "The coefficients are numbers: evaluate each derivative at the point, "
    "sp.diff(expr, x, k).subs(x, x0), before multiplying by (x - x0)^k / k!."
)


@mistake("taylor_polynomial", hint=ABOUT_ZERO_HINT)
def expands_about_zero(expr, x, x0, n):
    return sp.series(expr, x, 0, n + 1).removeO()


@mistake("taylor_polynomial", hint=POWERS_OF_X)
def powers_of_x_instead_of_x_minus_x0(expr, x, x0, n):
    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * x**k for k in range(n + 1))


@mistake("taylor_polynomial", hint=ONE_TERM_SHORT)
def one_term_short(expr, x, x0, n):
    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k
               for k in range(n))


@mistake("taylor_polynomial", hint=ONE_TERM_TOO_MANY)
def one_term_too_many(expr, x, x0, n):
    return sp.series(expr, x, x0, n + 2).removeO()


@mistake("taylor_polynomial", hint=NO_FACTORIAL)
def forgets_the_factorial(expr, x, x0, n):
    return sum(sp.diff(expr, x, k).subs(x, x0) * (x - x0) ** k for k in range(n + 1))


@mistake("taylor_polynomial", hint=DERIVATIVE_NOT_EVALUATED)
def derivatives_not_evaluated_at_x0(expr, x, x0, n):
    return sum(sp.diff(expr, x, k) / sp.factorial(k) * (x - x0) ** k for k in range(n + 1))


# --------------------------------------------------------------------- sigmoid_derivative

SIGMOID_ITSELF = (
    "That is the sigmoid itself; its derivative is sigma(x) (1 - sigma(x)), which sp.diff "
    "finds for you: sp.diff(1 / (1 + sp.exp(-x)), x)."
)
INNER_SIGN = (
    "Chain rule: d/dx (1 + e^(-x))^(-1) = -(1 + e^(-x))^(-2) * d/dx e^(-x), and "
    "d/dx e^(-x) = -e^(-x). The two minus signs cancel: the sigmoid is increasing."
)
NO_SQUARE = (
    "d/dx 1/u = -u'/u^2: the denominator is squared, e^(-x) / (1 + e^(-x))^2."
)
TANH_FORMULA = (
    "1 - sigma^2 is the pattern of tanh' = 1 - tanh^2; for the sigmoid it is "
    "sigma' = sigma (1 - sigma)."
)
SIGMA_SQUARED = (
    "sigma' = sigma (1 - sigma): the two factors are sigma and 1 - sigma, not sigma twice."
)


@mistake("sigmoid_derivative", hint=SIGMOID_ITSELF)
def returns_the_sigmoid(x):
    return 1 / (1 + sp.exp(-x))


@mistake("sigmoid_derivative", hint=INNER_SIGN)
def inner_derivative_sign(x):
    return -sp.exp(-x) / (1 + sp.exp(-x)) ** 2


@mistake("sigmoid_derivative", hint=NO_SQUARE)
def denominator_not_squared(x):
    return sp.exp(-x) / (1 + sp.exp(-x))


@mistake("sigmoid_derivative", hint=TANH_FORMULA)
def one_minus_sigmoid_squared(x):
    s = 1 / (1 + sp.exp(-x))
    return 1 - s**2


@mistake("sigmoid_derivative", hint=SIGMA_SQUARED)
def sigmoid_squared(x):
    s = 1 / (1 + sp.exp(-x))
    return s * s


# ------------------------------------------------------------------------ tanh_derivative

TANH_ITSELF = (
    "That is tanh itself; differentiate it: d/dx tanh(x) = 1 - tanh(x)^2 (sp.diff does it)."
)
TANH_PLUS = (
    "tanh = sinh / cosh, so by the quotient rule tanh' = (cosh^2 - sinh^2) / cosh^2 = "
    "1 - tanh^2: a minus sign, not a plus."
)
TANH_NO_SQUARE = "tanh' = 1 - tanh(x)^2: the tanh is squared."
TANH_SIGMOID_PATTERN = (
    "tanh(x) (1 - tanh(x)) is the sigmoid's pattern sigma (1 - sigma); tanh has its own: "
    "tanh' = 1 - tanh^2."
)
SECH_NOT_SQUARED = "tanh' = 1 / cosh(x)^2 = sech(x)^2: the sech (or cosh) is squared."


@mistake("tanh_derivative", hint=TANH_ITSELF)
def returns_tanh(x):
    return sp.tanh(x)


@mistake("tanh_derivative", hint=TANH_PLUS)
def one_plus_tanh_squared(x):
    return 1 + sp.tanh(x) ** 2


@mistake("tanh_derivative", hint=TANH_NO_SQUARE)
def one_minus_tanh(x):
    return 1 - sp.tanh(x)


@mistake("tanh_derivative", hint=TANH_SIGMOID_PATTERN)
def sigmoid_pattern(x):
    return sp.tanh(x) * (1 - sp.tanh(x))


@mistake("tanh_derivative", hint=SECH_NOT_SQUARED)
def sech_not_squared(x):
    return 1 / sp.cosh(x)


# -------------------------------------------------------------------- softplus_derivative

SOFTPLUS_INNER = (
    "Chain rule: d/dx ln(u) = u' / u with u = 1 + e^x, and u' = e^x. Without the inner "
    "derivative you get 1 / (1 + e^x); with it, e^x / (1 + e^x), the sigmoid."
)
SOFTPLUS_NO_OUTER = (
    "d/dx ln(u) = u' / u: divide the inner derivative e^x by u = 1 + e^x."
)
SOFTPLUS_ITSELF = (
    "That is the softplus itself; differentiate it: d/dx ln(1 + e^x) = e^x / (1 + e^x)."
)
SOFTPLUS_SIGMOID_PRIME = (
    "e^x / (1 + e^x)^2 is the derivative of the sigmoid, one step too far: the derivative of "
    "the softplus ln(1 + e^x) is the sigmoid itself, e^x / (1 + e^x)."
)


@mistake("softplus_derivative", hint=SOFTPLUS_INNER)
def missing_inner_derivative(x):
    return 1 / (1 + sp.exp(x))


@mistake("softplus_derivative", hint=SOFTPLUS_NO_OUTER)
def only_the_inner_derivative(x):
    return sp.exp(x)


@mistake("softplus_derivative", hint=SOFTPLUS_ITSELF)
def returns_softplus(x):
    return sp.log(1 + sp.exp(x))


@mistake("softplus_derivative", hint=SOFTPLUS_SIGMOID_PRIME)
def sigmoid_derivative_instead(x):
    return sp.exp(x) / (1 + sp.exp(x)) ** 2


# ----------------------------------------------------------------------- logsumexp_gradient

LSE_NOT_DIVIDED = (
    "d/dx ln(u) = u' / u: each partial derivative of ln(e^x + e^y) is divided by "
    "e^x + e^y, which makes the gradient a softmax."
)
LSE_INNER = (
    "Chain rule: d/dx ln(e^x + e^y) = (d/dx (e^x + e^y)) / (e^x + e^y) = e^x / (e^x + e^y); "
    "the numerator is the inner derivative e^x, not 1."
)
LSE_SWAPPED = (
    "The first entry is d/dx, whose numerator is e^x (only the e^x term depends on x); "
    "yours has the two partial derivatives swapped."
)
LSE_ONE_ENTRY = (
    "The gradient of a function of two variables has two entries: return the pair "
    "(d/dx, d/dy), e.g. as a tuple."
)


@mistake("logsumexp_gradient", hint=LSE_NOT_DIVIDED)
def numerators_only(x, y):
    return sp.exp(x), sp.exp(y)


@mistake("logsumexp_gradient", hint=LSE_INNER)
def one_over_the_sum(x, y):
    return 1 / (sp.exp(x) + sp.exp(y)), 1 / (sp.exp(x) + sp.exp(y))


@mistake("logsumexp_gradient", hint=LSE_SWAPPED)
def partials_swapped(x, y):
    total = sp.exp(x) + sp.exp(y)
    return sp.exp(y) / total, sp.exp(x) / total


@mistake("logsumexp_gradient", hint=LSE_ONE_ENTRY)
def only_d_dx(x, y):
    return sp.exp(x) / (sp.exp(x) + sp.exp(y))


# ----------------------------------------------------------------------- network_derivative

NET_INNER_TANH = (
    "The inner layer is tanh(w1 x), not w1 x: the chain rule needs its derivative too, "
    "d/dx tanh(w1 x) = (1 - tanh(w1 x)^2) w1."
)
NET_INNER_W1 = (
    "Chain rule one level further: d/dx tanh(w1 x) = (1 - tanh(w1 x)^2) * w1, the inner "
    "derivative of w1 x is w1."
)
NET_SUM = (
    "The chain rule multiplies the local derivatives along the path x -> w1 x -> tanh -> "
    "w2 * -> tanh; it does not add them."
)
NET_WRONG_VARIABLE = (
    "That is the derivative with respect to w1 (it ends in a factor x); the task asks for "
    "d/dx, whose last factor is w1."
)
NET_OUTER_ONLY = (
    "Differentiate the inner layer too: d/dx tanh(w2 u) = (1 - tanh(w2 u)^2) w2 du/dx with "
    "u = tanh(w1 x), du/dx = (1 - tanh(w1 x)^2) w1."
)


@mistake("network_derivative", hint=NET_INNER_TANH)
def inner_tanh_treated_as_linear(x, w1, w2):
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 * w1


@mistake("network_derivative", hint=NET_INNER_W1)
def missing_innermost_factor(x, w1, w2):
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 * (1 - sp.tanh(w1 * x) ** 2)


@mistake("network_derivative", hint=NET_SUM)
def adds_the_local_derivatives(x, w1, w2):
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2 + (1 - sp.tanh(w1 * x) ** 2) * w1


@mistake("network_derivative", hint=NET_WRONG_VARIABLE)
def derivative_in_w1(x, w1, w2):
    return sp.diff(sp.tanh(w2 * sp.tanh(w1 * x)), w1)


@mistake("network_derivative", hint=NET_OUTER_ONLY)
def outer_layer_only(x, w1, w2):
    return (1 - sp.tanh(w2 * sp.tanh(w1 * x)) ** 2) * w2


# ------------------------------------------------------------------- quadratic_form_gradient

QF_SYMMETRIC = (
    "2 A x is the gradient only when A is symmetric. In general x^T A x has the gradient "
    "(A + A^T) x: x appears twice, once on each side of A."
)
QF_A_X = (
    "x appears twice in x^T A x, so the product rule gives two terms: A x and A^T x. "
    "The gradient is (A + A^T) x."
)
QF_A_T_X = (
    "A^T x is one of the two product-rule terms; the other is A x: (A + A^T) x."
)
QF_HALF = (
    "(A + A^T) x / 2 is the gradient of x^T A x / 2; the task's f has no 1/2, so the "
    "gradient is (A + A^T) x."
)
QF_VALUE = (
    "Return the gradient (the column of partial derivatives d f / d x_i), not the value "
    "x^T A x of the quadratic form."
)


@mistake("quadratic_form_gradient", hint=QF_SYMMETRIC)
def two_a_x(A, x):
    return 2 * A * x


@mistake("quadratic_form_gradient", hint=QF_A_X)
def a_x_only(A, x):
    return A * x


@mistake("quadratic_form_gradient", hint=QF_A_T_X)
def a_transpose_x_only(A, x):
    return A.T * x


@mistake("quadratic_form_gradient", hint=QF_HALF)
def halved(A, x):
    return (A + A.T) * x / 2


@mistake("quadratic_form_gradient", hint=QF_VALUE)
def the_quadratic_form_itself(A, x):
    return x.T * A * x


# -------------------------------------------------------------- truncation_error_coefficient

TE_FORWARD = (
    "That is the forward difference's coefficient, f''(x) / 2 (its error is of order h). "
    "For the central difference (f(x + h) - f(x - h)) / (2h) the h f'' terms cancel and the "
    "error is f'''(x) h^2 / 6 + ..."
)
TE_NO_SIX = (
    "Expand f(x +- h) to third order: the h^3 terms are +- f'''(x) h^3 / 3!, so after dividing "
    "by 2h the error term is f'''(x) h^2 / 6, with the 1/6."
)
TE_SIGN = (
    "Error means (approximation - exact): (f(x + h) - f(x - h)) / (2h) - f'(x) = "
    "+ f'''(x) h^2 / 6 + ... Yours has the sign flipped."
)
TE_NOT_DIVIDED = (
    "The limit is of the error divided by h^2; the error itself tends to 0. Divide by h^2 "
    "before taking the limit (or take the coefficient of h^2 in the series in h)."
)
TE_THIRD = (
    "f(x + h) - f(x - h) = 2 f'(x) h + 2 f'''(x) h^3 / 6 + ...: after dividing by 2h the h^2 "
    "coefficient is f'''(x) / 6, not f'''(x) / 3."
)


@mistake("truncation_error_coefficient", hint=TE_FORWARD)
def forward_difference_coefficient(expr, x, h):
    return sp.limit(((expr.subs(x, x + h) - expr) / h - sp.diff(expr, x)) / h, h, 0)


@mistake("truncation_error_coefficient", hint=TE_NO_SIX)
def third_derivative_without_factorial(expr, x, h):
    return sp.diff(expr, x, 3)


@mistake("truncation_error_coefficient", hint=TE_SIGN)
def exact_minus_approximation(expr, x, h):
    return -sp.diff(expr, x, 3) / 6


@mistake("truncation_error_coefficient", hint=TE_NOT_DIVIDED)
def limit_of_the_error_itself(expr, x, h):
    central = (expr.subs(x, x + h) - expr.subs(x, x - h)) / (2 * h)
    return sp.limit(central - sp.diff(expr, x), h, 0)


@mistake("truncation_error_coefficient", hint=TE_THIRD)
def divided_by_three(expr, x, h):
    return sp.diff(expr, x, 3) / 3


# ----------------------------------------------------------------------- product_loss_hessian

PH_GAUSS_NEWTON = (
    "d/da of dL/db = d/da [2 (a b - 1) a] needs the product rule: 2 b * a + 2 (a b - 1) = "
    "4 a b - 2. Dropping the second term leaves the Gauss-Newton approximation 2 a b."
)
PH_DIAGONAL = (
    "The mixed partial derivatives d2L/da db are not 0 here: L couples a and b through the "
    "product a b. Compute all four second derivatives (sp.hessian does)."
)
PH_SWAPPED_DIAGONAL = (
    "d2L/da2 differentiates dL/da = 2 (a b - 1) b once more in a, giving 2 b^2 (not 2 a^2): "
    "entry [0, 0] belongs to a, entry [1, 1] to b."
)
PH_CROSS_HALF = (
    "d/da [2 (a b - 1) a] = 2 (a b - 1) + 2 a b = 4 a b - 2: both terms of the product rule, "
    "and the 2 from the square."
)
PH_GRADIENT = (
    "That is the gradient (first derivatives); the Hessian is the 2 x 2 matrix of second "
    "derivatives: sp.hessian(loss, (a, b)) or sp.diff twice."
)


@mistake("product_loss_hessian", hint=PH_GAUSS_NEWTON)
def gauss_newton_cross_term(a, b):
    return sp.Matrix([[2 * b**2, 2 * a * b], [2 * a * b, 2 * a**2]])


@mistake("product_loss_hessian", hint=PH_DIAGONAL)
def diagonal_only_hessian(a, b):
    return sp.Matrix([[2 * b**2, 0], [0, 2 * a**2]])


@mistake("product_loss_hessian", hint=PH_SWAPPED_DIAGONAL)
def diagonal_entries_swapped(a, b):
    return sp.Matrix([[2 * a**2, 4 * a * b - 2], [4 * a * b - 2, 2 * b**2]])


@mistake("product_loss_hessian", hint=PH_CROSS_HALF)
def cross_term_without_the_two(a, b):
    return sp.Matrix([[2 * b**2, 2 * a * b - 1], [2 * a * b - 1, 2 * a**2]])


@mistake("product_loss_hessian", hint=PH_GRADIENT)
def gradient_instead(a, b):
    loss = (a * b - 1) ** 2
    return sp.Matrix([sp.diff(loss, a), sp.diff(loss, b)])


# ---------------------------------------------------------- softmax_crossentropy_gradient

SCE_ORDER = (
    "The gradient is softmax(logits) - p (prediction minus target); p - softmax(logits) "
    "points uphill."
)
SCE_NAIVE = (
    "np.exp(1000) overflows to inf and inf / inf is nan: subtract np.max(logits) before "
    "exponentiating (softmax does not change)."
)
SCE_JUST_SOFTMAX = (
    "The gradient of the cross-entropy is softmax(logits) - p: subtract the target."
)
SCE_LOG = (
    "The gradient of logsumexp(z) - p . z is softmax(z) - p; log-softmax minus p is a "
    "different thing."
)
SCE_IN_PLACE = (
    "`logits -= np.max(logits)` changes the caller's array; write "
    "`shifted = logits - np.max(logits)`."
)


@mistake("softmax_crossentropy_gradient", hint=SCE_IN_PLACE)
def shifts_logits_in_place(logits, p):
    logits -= np.max(logits)
    e = np.exp(logits)
    return e / e.sum() - p


@mistake("softmax_crossentropy_gradient", hint=SCE_ORDER)
def target_minus_prediction(logits, p):
    e = np.exp(logits - np.max(logits))
    return p - e / e.sum()


@mistake("softmax_crossentropy_gradient", hint=SCE_NAIVE)
def softmax_without_shift(logits, p):
    e = np.exp(logits)
    return e / e.sum() - p


@mistake("softmax_crossentropy_gradient", hint=SCE_JUST_SOFTMAX)
def softmax_only(logits, p):
    e = np.exp(logits - np.max(logits))
    return e / e.sum()


@mistake("softmax_crossentropy_gradient", hint=SCE_LOG)
def log_softmax_minus_target(logits, p):
    shifted = logits - np.max(logits)
    return shifted - np.log(np.sum(np.exp(shifted))) - p


# --------------------------------------------------------------------------- neuron_gradients

NEURON_NO_SIGMOID_PRIME = (
    "Backpropagate through the sigmoid too: da/dz = a (1 - a). The chain is "
    "dL/dw = dL/da * da/dz * dz/dw = 2 (a - y) * a (1 - a) * x."
)
NEURON_NO_TWO = "d/da (a - y)^2 = 2 (a - y): keep the 2 from the square."
NEURON_NO_X = (
    "dz/dw = x, since z = w x + b: dL/dw has the extra factor x that dL/db does not."
)
NEURON_SWAPPED = "Return the pair in the order asked: (dL/dw, dL/db)."
NEURON_SIGN = (
    "d/da (a - y)^2 = 2 (a - y), prediction minus target; 2 (y - a) has the wrong sign."
)


@mistake("neuron_gradients", hint=NEURON_NO_SIGMOID_PRIME)
def skips_the_sigmoid_derivative(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    return 2 * (a - y) * x, 2 * (a - y)


@mistake("neuron_gradients", hint=NEURON_NO_TWO)
def missing_the_two(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = (a - y) * a * (1 - a)
    return delta * x, delta


@mistake("neuron_gradients", hint=NEURON_NO_X)
def forgets_dz_dw(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta, delta


@mistake("neuron_gradients", hint=NEURON_SWAPPED)
def returns_db_first(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta, delta * x


@mistake("neuron_gradients", hint=NEURON_SIGN)
def target_minus_output(w, b, x, y):
    a = 1 / (1 + np.exp(-(w * x + b)))
    delta = 2 * (y - a) * a * (1 - a)
    return delta * x, delta


# ---------------------------------------------------------------------------- gradient_descent

GD_ALIASING = (
    "`x -= ...` updates the same array object every time, so x0 changes and every entry of "
    "your path is that one array. Write `x = x - learning_rate * grad_f(x)`, a new array "
    "per step."
)
GD_NO_START = (
    "The path starts with x0 itself: [x0, x1, ..., x_steps] has steps + 1 points."
)
GD_ONE_TOO_MANY = (
    "steps steps give steps + 1 points [x0, ..., x_steps]: loop range(steps) times, after "
    "putting x0 in the list."
)
GD_ASCENT = "Descend: x - learning_rate * grad_f(x), against the gradient."
GD_FINAL_ONLY = (
    "Return the whole path, one row per point [x0, x1, ..., x_steps], not only the last point."
)


@mistake("gradient_descent", hint=GD_ALIASING)
def updates_in_place(x0, grad_f, learning_rate, steps):
    x = x0
    path = [x]
    for _ in range(steps):
        x -= learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake("gradient_descent", hint=GD_NO_START)
def path_without_the_start(x0, grad_f, learning_rate, steps):
    x, path = x0, []
    for _ in range(steps):
        x = x - learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake("gradient_descent", hint=GD_ONE_TOO_MANY)
def one_step_too_many(x0, grad_f, learning_rate, steps):
    x, path = x0, [x0]
    for _ in range(steps + 1):
        x = x - learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake("gradient_descent", hint=GD_ASCENT)
def gradient_ascent(x0, grad_f, learning_rate, steps):
    x, path = x0, [x0]
    for _ in range(steps):
        x = x + learning_rate * grad_f(x)
        path.append(x)
    return np.array(path)


@mistake("gradient_descent", hint=GD_FINAL_ONLY)
def final_point_only(x0, grad_f, learning_rate, steps):
    x = x0
    for _ in range(steps):
        x = x - learning_rate * grad_f(x)
    return x


# --------------------------------------------------------------------------- max_learning_rate

LR_ONE_OVER = (
    "1 / lambda_max is a safe rate, but not the largest: a step multiplies the eigen-"
    "component by (1 - eta lambda), which stays inside (-1, 1) up to eta = 2 / lambda_max."
)
LR_SMALLEST = (
    "The steepest direction limits the step: with eta > 2 / lambda the component along that "
    "eigenvector grows. Use the largest eigenvalue, 2 / lambda_max."
)
LR_DIAGONAL = (
    "The curvatures are the eigenvalues of H, not its diagonal entries (unless H is "
    "diagonal): use np.linalg.eigvalsh(H).max()."
)
LR_TRACE = (
    "The trace is the sum of all eigenvalues, more than the largest one: 2 / trace(H) is "
    "safe but too small. Use 2 / lambda_max."
)
LR_FROBENIUS = (
    "The Frobenius norm sqrt(sum of squared entries) is larger than lambda_max in general: "
    "use the largest eigenvalue (the spectral norm, np.linalg.norm(H, 2))."
)


@mistake("max_learning_rate", hint=LR_ONE_OVER)
def one_over_lambda_max(H):
    return 1 / np.max(np.linalg.eigvalsh(H))


@mistake("max_learning_rate", hint=LR_SMALLEST)
def uses_the_smallest_eigenvalue(H):
    return 2 / np.min(np.linalg.eigvalsh(H))


@mistake("max_learning_rate", hint=LR_DIAGONAL)
def largest_diagonal_entry(H):
    return 2 / np.max(np.diag(H))


@mistake("max_learning_rate", hint=LR_TRACE)
def two_over_the_trace(H):
    return 2 / np.trace(H)


@mistake("max_learning_rate", hint=LR_FROBENIUS)
def frobenius_norm(H):
    return 2 / np.linalg.norm(H)


# -------------------------------------------------------------------------------- newton_step

NEWTON_MULTIPLIES = (
    "Newton's step divides by the curvature: solve H d = g (np.linalg.solve(hess, grad)) "
    "and return x - d. Multiplying by H instead makes steep directions take the biggest "
    "steps."
)
NEWTON_SIGN = "Step against the gradient: x - H^{-1} g, with a minus sign."
NEWTON_DIAGONAL = (
    "Dividing by the diagonal of H ignores the coupling between coordinates; solve the full "
    "system H d = g with np.linalg.solve(hess, grad)."
)
NEWTON_GD = (
    "A Newton step scales the gradient by the inverse Hessian: x - H^{-1} g. x - g is a "
    "gradient step with learning rate 1."
)
NEWTON_IN_PLACE = "`x -= step` changes the caller's array; return x - step, a new array."


@mistake("newton_step", hint=NEWTON_IN_PLACE)
def steps_in_place(x, grad, hess):
    x -= np.linalg.solve(hess, grad)
    return x


@mistake("newton_step", hint=NEWTON_MULTIPLIES)
def multiplies_by_the_hessian(x, grad, hess):
    return x - hess @ grad


@mistake("newton_step", hint=NEWTON_SIGN)
def steps_uphill_newton(x, grad, hess):
    return x + np.linalg.solve(hess, grad)


@mistake("newton_step", hint=NEWTON_DIAGONAL)
def divides_by_the_diagonal(x, grad, hess):
    return x - grad / np.diag(hess)


@mistake("newton_step", hint=NEWTON_GD)
def plain_gradient_step(x, grad, hess):
    return x - grad


# ---------------------------------------------------------------------------- forward_gradient

FG_SUM = (
    "Average over the k directions (divide by k = len(directions)); a sum grows with k."
)
FG_NO_V = (
    "Each term is a vector: the directional derivative g . v times the direction v. "
    "(g . v) alone is a number."
)
FG_ELEMENTWISE = (
    "g . v is a dot product (one number, np.dot or @), not the elementwise product g * v: "
    "the estimate is (g . v) v."
)
FG_UNIT = (
    "Use the directions as given: normalising them to unit length scales E[v v^T] from I to "
    "I / n, and the estimate is no longer unbiased."
)
FG_COLUMNS = (
    "The directions are the rows of `directions` (shape (k, n)), so the directional "
    "derivatives are directions @ grad, one per row."
)
FG_IN_PLACE = "Don't assign into the arguments; compute new arrays."


@mistake("forward_gradient", hint=FG_IN_PLACE)
def scales_directions_in_place(grad, directions):
    directions *= (directions @ grad)[:, None]
    return directions.mean(axis=0)


@mistake("forward_gradient", hint=FG_SUM)
def sums_over_directions(grad, directions):
    return (directions @ grad) @ directions


@mistake("forward_gradient", hint=FG_NO_V)
def directional_derivatives_only(grad, directions):
    return np.mean(directions @ grad)


@mistake("forward_gradient", hint=FG_ELEMENTWISE)
def elementwise_product(grad, directions):
    return np.mean((directions * grad) * directions, axis=0)


@mistake("forward_gradient", hint=FG_UNIT)
def unit_directions(grad, directions):
    v = directions / np.linalg.norm(directions, axis=1, keepdims=True)
    return (v @ grad) @ v / len(v)
