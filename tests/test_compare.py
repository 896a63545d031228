"""Tests for autograder.suite.compare: each grading policy, each message shape, values_match."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy

from autograder.suite.compare import (
    ARRAY,
    BOOL,
    NONFINITE,
    POLICIES,
    SCALAR,
    TOLERANCE,
    GradingFailure,
    Problem,
    Tolerance,
    assert_close,
    assert_equal,
    assert_equivalent,
    check_calls,
    format_value,
    values_match,
)
from autograder.suite.symbolic import Verdict

P = np.array([0.5, 0.5, 0.0])


def message(fn, *args, **kwargs) -> str:
    with pytest.raises(GradingFailure) as info:
        fn(*args, **kwargs)
    return str(info.value)


# ---------------------------------------------------------------------------------- policies


def test_every_policy_is_named_and_documents_its_rule():
    assert [p.name for p in POLICIES] == ["SCALAR", "ARRAY", "NONFINITE", "BOOL", "TOLERANCE"]
    for policy in POLICIES:
        assert policy.__doc__.startswith(policy.name + ":")


@pytest.mark.parametrize(
    "value", [0.5, 1, np.float64(0.5), np.float32(0.5), np.int64(1), np.array(0.5), np.array(2)]
)
def test_scalar_accepts_numbers_and_0d_arrays(value):
    out = SCALAR.coerce(value)
    assert out.shape == () and out.dtype == np.float64 and out == float(np.asarray(value))


@pytest.mark.parametrize(
    ("value", "want", "got"),
    [
        (True, "a number", "True (a bool)"),
        (np.bool_(False), "a number", "False (a bool)"),
        (np.array(True), "a number", "True (a 0-d array of bools)"),
        (np.array([0.5]), "a single number", "an array of shape (1,)"),
        ([0.5], "a single number", "a list [0.5]"),
        (None, "a number", "None"),
        ("0.5", "a number", "the string '0.5'"),
        (1 + 2j, "a real number", "(1.0+2.0j) (a complex number)"),
        (sympy.log(2), "a number", "the sympy object log(2) (convert it with float(...))"),
        (10**400, "a number", "an integer too large for a float"),
    ],
)
def test_scalar_refuses_with_a_clear_reason(value, want, got):
    with pytest.raises(Problem) as info:
        SCALAR.coerce(value)
    assert (info.value.want, info.value.got) == (want, got)


def test_scalar_allows_complex_only_when_asked():
    assert SCALAR.coerce(1 + 2j, allow_complex=True) == 1 + 2j


def test_array_accepts_arrays_and_lists_of_numbers():
    expected = np.zeros(3)
    for value in (np.array([1, 2, 3]), [1.0, 2.0, 3.0], (1, 2, 3), np.array([1, 2, 3], "f4")):
        out = ARRAY.coerce(value, expected)
        assert out.dtype == np.float64 and out.tolist() == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (np.zeros((3, 1)), "an array of shape (3, 1)"),
        ([[1.0, 2.0, 3.0]], "a list of shape (1, 3)"),
        ([1.0, "a", 2.0], "a list that does not hold only numbers"),
        ([[1.0], [2.0, 3.0]], "a list that is not a rectangular array of numbers"),
        (np.array([True, False, True]), "an array of bools"),
        (np.array(["a", "b", "c"]), "an array of dtype <U1"),
        (np.array([1j, 0, 0]), "an array of complex numbers"),
        (0.5, "0.5"),
        (None, "None"),
        ({"a": 1}, "a dict {'a': 1}"),
    ],
)
def test_array_refuses_with_both_shapes_or_the_type(value, got):
    with pytest.raises(Problem) as info:
        ARRAY.coerce(value, np.zeros(3))
    assert info.value.want.startswith("an array of shape (3,)")
    assert info.value.got == got


def test_array_keeps_complex_where_complex_is_expected():
    assert ARRAY.coerce([1j, 2], np.zeros(2, complex)).dtype == np.complex128


def test_nonfinite_positions_must_agree():
    nan, inf = np.nan, np.inf
    assert NONFINITE.first_mismatch(np.array([nan, inf, 1.0]), np.array([nan, inf, 2.0])) is None
    assert NONFINITE.first_mismatch(np.array([1.0, nan, nan]), np.array([1.0, 2.0, 3.0])) == (
        (1,),
        2,
    )
    assert NONFINITE.first_mismatch(np.array([-inf]), np.array([inf])) == ((0,), 1)
    assert NONFINITE.first_mismatch(np.array([1.0]), np.array([nan])) == ((0,), 1)


def test_bool_policy():
    assert BOOL.coerce(True) is True and BOOL.coerce(np.bool_(False)) is False
    for value, got in [(1, "1 (an int, not a bool)"), (np.int64(0), "0 (an int, not a bool)")]:
        with pytest.raises(Problem) as info:
            BOOL.coerce(value)
        assert info.value.got == got
    with pytest.raises(Problem, match="True or False"):
        BOOL.coerce("True")


def test_tolerance_is_np_isclose():
    e = np.array([1.0, 1e-12, 100.0, 0.0])
    for a in (e + 1e-7 * np.abs(e), e + 9e-10, e - 5e-7 * np.abs(e)):
        assert TOLERANCE.problem(a, e) is None
        assert np.isclose(a, e, rtol=1e-6, atol=1e-9).all()
    assert TOLERANCE.problem(e + 2e-6 * np.abs(e) + 2e-9, e) is not None
    assert Tolerance(rtol=0.1).problem(np.array(1.05), np.array(1.0)) is None


def test_tolerance_reports_errors_and_where():
    detail = TOLERANCE.problem(np.array([1.0, 2.5, 3.0, 0.1]), np.array([1.0, 2.0, 3.0, 0.0]))
    assert detail == (
        " (2 of 4 entries differ; largest error at index (1,): expected 2.0, got 2.5; "
        "max abs error 0.5, max rel error 0.25)"
    )
    assert TOLERANCE.problem(np.array(0.5), np.array(0.0)) == " (abs error 0.5)"


# -------------------------------------------------------------------------------- messages


def test_the_example_message():
    text = message(assert_close, 1.0, np.log(2), inputs={"p": P})
    assert text == (
        "For p = [0.5, 0.5, 0. ]: expected 0.693147, got 1.0 "
        "(abs error 0.306853, rel error 0.442695)."
    )


def test_scalar_type_messages():
    assert message(assert_close, np.array([0.7]), 0.7, inputs={"p": P}) == (
        "For p = [0.5, 0.5, 0. ]: expected a single number, got an array of shape (1,)."
    )
    assert message(assert_close, True, 0.7) == "Expected a number, got True (a bool)."
    assert message(assert_close, None, 0.7) == "Expected a number, got None."
    assert message(assert_close, [0.7], 0.7, what="the entropy") == (
        "Expected the entropy to be a single number, got a list [0.7]."
    )


@pytest.mark.parametrize("value", [0.7, np.float64(0.7), np.float32(0.7), np.array(0.7)])
def test_lenient_scalars_pass(value):
    assert_close(value, 0.7)


def test_nan_message_names_the_index():
    text = message(
        assert_close, np.array([np.nan, np.nan]), np.array([0.0, 1.0]),
        inputs={"xs": np.array([-1000.0, 1000.0])},
    )
    assert text == (
        "For xs = [-1000., 1000.]: expected [0., 1.], got [nan, nan]: nan at index (0,) "
        "where 0.0 was expected (2 such entries)."
    )
    assert message(assert_close, np.nan, 0.5) == "Expected 0.5, got nan."
    assert "-inf at index (1,) where inf was expected" in message(
        assert_close, [1.0, -np.inf], np.array([1.0, np.inf])
    )
    assert_close(np.array([np.nan, np.inf, 1.0]), np.array([np.nan, np.inf, 1.0]))


def test_array_messages():
    text = message(assert_close, [0.2, 0.2, 0.6], np.array([0.1, 0.2, 0.7]), inputs={"p": P})
    assert text.startswith("For p = [0.5, 0.5, 0. ]: expected [0.1, 0.2, 0.7], got [0.2, 0.2, 0.6]")
    assert "2 of 3 entries differ; largest error at index (0,): expected 0.1, got 0.2" in text
    assert "max abs error 0.1, max rel error 1.0" in text
    shape = message(assert_close, np.zeros((2, 3)), np.zeros((3, 2)), what="the transpose")
    assert shape == (
        "Expected the transpose to be an array of shape (3, 2), got an array of shape (2, 3)."
    )


def test_two_dimensional_index_and_big_arrays_are_summarised():
    expected = np.arange(400.0).reshape(20, 20)
    actual = expected.copy()
    actual[7, 11] += 1
    text = message(assert_close, actual, expected, inputs={"A": expected})
    assert "largest error at index (7, 11): expected 151.0, got 152.0" in text
    assert "..." in text and "(shape (20, 20))" in text
    assert len(text) <= 1500


def test_message_is_capped_and_deterministic():
    big = {f"x{i}": np.full(50, float(i)) for i in range(30)}
    first = message(assert_close, np.ones(300), np.zeros(300), inputs=big)
    assert len(first) <= 1500
    assert first == message(assert_close, np.ones(300), np.zeros(300), inputs=big)
    assert not re.search(r"0x[0-9a-f]{6,}", first)


def test_containers_are_compared_elementwise():
    text = message(assert_close, (5, 1.2, 3.5), (5, 1.2, 3.4), what="the merged moments")
    assert text == (
        "Expected the merged moments to be (5, 1.2, 3.4), got (5, 1.2, 3.5) "
        "(element 2: expected 3.4, got 3.5 (abs error 0.1, rel error 0.0294118))."
    )
    assert "(2 elements, expected 3)" in message(assert_close, (5, 1.2), (5, 1.2, 3.4))
    assert "got None" in message(assert_close, None, (5, 1.2, 3.4))
    assert_close([5, 1.2000000001, 3.4], (5, 1.2, 3.4))
    assert "the value for key 'b'" in message(assert_close, {"a": 1, "b": 3}, {"a": 1, "b": 2})


def test_an_array_is_accepted_where_a_list_of_numbers_is_expected():
    assert_close(np.array([1.0, 2.0]), [1.0, 2.0])
    assert "largest error at index (1,)" in message(assert_close, np.array([1.0, 2.5]), [1, 2])


def test_complex_only_where_expected():
    assert "a real number" in message(assert_close, 1 + 0j, 1.0)
    assert_close(1 + 1e-12j, 1 + 0j)
    assert_close(np.array([1j, 2]), np.array([1j, 2]))


def test_assert_equal_bools():
    assert_equal(np.True_, True)
    assert_equal(False, np.False_)
    assert message(assert_equal, 1, True, inputs={"array": P}) == (
        "For array = [0.5, 0.5, 0. ]: expected a bool, got 1 (an int, not a bool)."
    )
    assert message(assert_equal, False, True) == "Expected True, got False (a bool)."
    assert message(assert_equal, "True", True) == (
        "Expected a bool (True or False), got the string 'True'."
    )


def test_assert_equal_shapes_ints_and_strings():
    assert_equal((3, 2), (3, 2))
    assert_equal(np.int64(3), 3)
    assert message(assert_equal, [3, 2], (3, 2)) == "Expected a tuple (3, 2), got a list [3, 2]."
    assert message(assert_equal, (2, 3), (3, 2)) == (
        "Expected (3, 2), got (2, 3) (element 0: expected 3, got 2)."
    )
    assert "(3 elements, expected 2)" in message(assert_equal, (3, 2, 1), (3, 2))
    assert message(assert_equal, 3.0, 3, what="the count") == (
        "Expected the count to be the int 3, got 3.0 (a float)."
    )
    assert message(assert_equal, "abc", "abd") == "Expected 'abd', got the string 'abc'."
    assert message(assert_equal, 0, None) == "Expected None, got 0."


def test_assert_equal_arrays_are_exact():
    assert_equal(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    tiny = message(assert_equal, np.array([1.0 + 1e-12]), np.array([1.0]))
    assert tiny.startswith("Expected [1.], got [1.000000000001] (1 of 1 entries differ; ")
    assert "expected 1.0, got 1.000000000001; max abs error 1.00009e-12" in tiny
    assert message(assert_close, 1.0 + 1e-5, 1.0) == (
        "Expected 1.0, got 1.00001 (abs error 1e-05, rel error 1e-05)."
    )
    assert message(assert_close, 1.0 + 2e-6, 1.0) == (  # 6 digits would show 1.0 twice
        "Expected 1.0, got 1.000002 (abs error 2e-06, rel error 2e-06)."
    )
    assert_equal([True, False], np.array([True, False]))
    assert "an array of bools" in message(assert_equal, [1, 0], np.array([True, False]))


def test_assert_equal_refuses_unknown_expected_types():
    with pytest.raises(TypeError):
        assert_equal(1, object())


def test_grading_failure_is_an_assertion_error():
    assert issubclass(GradingFailure, AssertionError)


# ------------------------------------------------------------------------------ symbolic


def test_assert_equivalent_messages():
    x, y, p = sympy.symbols("x y p")
    assert_equivalent(sympy.log(sympy.exp(x)), x)
    assert message(assert_equivalent, y**2, x**2) == (
        "Your expression uses the symbol y, but the answer is in terms of x. You returned y**2."
    )
    h = -p * sympy.log(p) - (1 - p) * sympy.log(1 - p)
    text = message(assert_equivalent, h / sympy.log(2), h, domain={p: (0, 1)})
    assert re.fullmatch(
        r"Your expression gives a different value: at p = 0\.\d+, the answer is [-\d.e]+ "
        r"but yours is [-\d.e]+\. You returned .*log\(2\)\.",
        text,
    )
    assert "the answer is" in text and "-p*log(p) - (1 - p)*log(1 - p)" not in text.split(".")[0]
    assert message(assert_equivalent, "x**2", x**2, inputs={"n": 2}) == (
        "For n = 2: your expression is a string ('x**2'), not a sympy expression."
    )


def test_assert_equivalent_timeout_message(monkeypatch):
    # Whether a real expression runs out of time depends on the machine; the message does not.
    undecided = Verdict(None, "timeout", None, "could not be checked within the time limit")
    monkeypatch.setattr("autograder.suite.compare.equivalent", lambda *a, **k: undecided)
    x = sympy.Symbol("x")
    text = message(assert_equivalent, x + 1, x + 2, budget=0.2)
    assert text == (
        "Your expression could not be checked within the time limit (0.2 s); try simplifying it."
    )


# ---------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (np.log(2), "0.693147"),
        (1e-10, "1e-10"),
        (np.float32(0.5), "0.5"),
        (np.inf, "inf"),
        (7, "7"),
        (np.int64(7), "7"),
        (True, "True"),
        (None, "None"),
        (1 - 2j, "(1.0-2.0j)"),
        ((3,), "(3,)"),
        ([1, 2.5], "[1, 2.5]"),
        (list(range(20)), "[0, 1, 2, 3, 4, 5, ..., 18, 19] (20 items)"),
        ({"a": (1, 2)}, "{'a': (1, 2)}"),
        (np.array(2.5), "2.5"),
        (np.array([[1.0, 2.0], [3.0, 4.0]]), "[[1., 2.], [3., 4.]]"),
        (np.array([True, False]), "[True, False]"),
        ("x" * 100, repr("x" * 57) + "..."),
        (sympy.Matrix([[1, 2]]), "Matrix([[1, 2]])"),
        (object(), "<object>"),
        (print, "<builtin_function_or_method>"),
        (10**40, "<an int of 133 bits>"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_format_value_summarises_big_values():
    text = format_value(np.arange(1000.0))
    assert text == "[0., 1., 2., ..., 997., 998., 999.] (shape (1000,))"
    assert len(format_value(sympy.Add(*sympy.symbols("a0:400")))) == 300
    x = sympy.Symbol("x")
    huge = sympy.Add(*[x**k / (k + 1) for k in range(1000)])
    assert format_value(huge) == "<a sympy Add too large to print>"


# --------------------------------------------------------------------------- values_match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (1.0, 1.0 + 1e-9),
        (np.float32(0.25), 0.25),
        (np.array([1.0, np.nan, np.inf]), np.array([1.0, np.nan, np.inf])),
        ([0.5, 0.5], np.array([0.5, 0.5])),
        (np.array([0.5, 0.5]), [0.5, 0.5]),
        (np.array(3.0), 3),
        (True, np.True_),
        ((2, 3.0), [2, 3]),
        ({"k": 1.0}, {"k": 1}),
        (None, None),
        ("a", "a"),
        (sympy.log(sympy.exp(sympy.Symbol("x"))), sympy.Symbol("x")),
    ],
)
def test_values_match(a, b):
    assert values_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (1.0, 1.1),
        (1, True),
        (True, 1),
        (np.array([1.0, np.nan]), np.array([1.0, 2.0])),
        (np.array([np.inf]), np.array([-np.inf])),
        (np.zeros(2), np.zeros(3)),
        (np.zeros((2, 1)), np.zeros(2)),
        ([1, 2], (1, 2, 3)),
        ({"k": 1}, {"j": 1}),
        (None, 0.0),
        ("a", 0.0),
        (object(), 1.0),
        (np.array([True]), np.array([1.0])),
        (sympy.Symbol("x") ** 2, sympy.Symbol("x")),
        ("x", sympy.Symbol("x")),
    ],
)
def test_values_do_not_match(a, b):
    assert not values_match(a, b)


def test_values_match_uses_the_given_tolerance():
    assert values_match(1.05, 1.0, rtol=0.1)
    assert not values_match(1.05, 1.0)


def test_check_calls_calls_everything_before_comparing():
    calls = []

    def student(p):
        calls.append(p)
        return p * 2

    with pytest.raises(GradingFailure, match=r"For p = 2: expected 3.0, got 4.0"):
        check_calls(student, lambda p: p + 1, [(1,), (2,), (3,)], names=("p",))
    assert calls == [1, 2, 3]  # all on record, though the second case already fails
