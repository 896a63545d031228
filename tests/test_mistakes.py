"""Known mistakes and alternatives beside their tests: loading, hints, substitution, authoring
errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from autograder.errors import AuthoringError
from autograder.suite.mistakes import load_known


def suite(folder: Path, exercise: str, body: str) -> Path:
    path = folder / f"test_{exercise}.py"
    path.write_text("import math\nimport numpy as np\n"
                    "from autograder.suite.mistakes import alternative, mistake\n"
                    + textwrap.dedent(body))
    return path


def test_the_exercise_comes_from_the_file_and_order_from_the_file(tmp_path):
    suite(tmp_path, "entropy", '''
        @mistake
        def log_base_2(p):
            """Use the natural
            log."""
            return -np.sum(p * np.log2(p))

        @alternative
        def with_loop(p):
            return -sum(x * math.log(x) for x in p if x > 0)

        @mistake
        def no_minus(p):
            """Mind the sign."""
            return np.sum(p * np.log(p))
    ''')
    suite(tmp_path, "softmax", '''
        @mistake
        def unnormalised(xs):
            """Normalise."""
            return np.exp(xs)
    ''')
    known = load_known(tmp_path)
    assert [m.name for m in known.mistakes["entropy"]] == ["log_base_2", "no_minus"]
    assert [m.name for m in known.mistakes["softmax"]] == ["unnormalised"]
    assert known.mistakes["entropy"][0].hint == "Use the natural log."
    assert [a.name for a in known.alternatives["entropy"]] == ["with_loop"]
    assert len(known.all_mistakes()) == 3 and len(known.all_alternatives()) == 1


def test_source_as_renames_the_function_and_drops_the_decorator(tmp_path):
    suite(tmp_path, "double", '''
        @mistake
        def adds_two(x):
            """Adds instead of multiplying."""
            return x + 2
    ''')
    (known,) = load_known(tmp_path).mistakes["double"]
    source = known.source_as()
    assert source.startswith("def double(x):")
    namespace: dict = {}
    exec(source, namespace)  # trusted course code, as verify uses it
    assert namespace["double"](1) == 3


def test_an_empty_folder_has_nothing(tmp_path):
    known = load_known(tmp_path / "absent")
    assert known.mistakes == {} and known.alternatives == {}


def test_a_mistake_without_a_docstring_is_an_authoring_error(tmp_path):
    suite(tmp_path, "double", '''
        @mistake
        def adds_two(x):
            return x + 2
    ''')
    with pytest.raises(AuthoringError, match="adds_two has no docstring"):
        load_known(tmp_path)


@pytest.mark.parametrize("body, name", [
    ("HALF = 0.5\n\n@mistake\ndef halves(x):\n    '''Halves.'''\n    return HALF * x\n", "HALF"),
    ("def helper(x):\n    return x\n\n@mistake\ndef calls(x):\n    '''Calls.'''\n"
     "    return [helper(v) for v in x]\n", "helper"),
    ("@mistake\ndef uses_scipy(x):\n    '''Scipy.'''\n    return scipy.special.expit(x)\n",
     "scipy"),
    ("@mistake\ndef reuses(x):\n    '''Reuses another exercise.'''\n    return square(x)\n",
     "square"),
])
def test_a_name_the_worker_cannot_give_is_an_authoring_error(tmp_path, body, name):
    suite(tmp_path, "double", body)
    suite(tmp_path, "square", "")
    with pytest.raises(AuthoringError, match=f"uses {name}, which the worker cannot give it"):
        load_known(tmp_path)


def test_an_alternative_may_reuse_the_assignments_other_exercises(tmp_path):
    suite(tmp_path, "double", '''
        @alternative
        def via_square(x):
            import scipy.special  # imported inside: fine
            return square(np.sqrt(2 * x)) + 0 * scipy.special.expit(x)
    ''')
    suite(tmp_path, "square", "")
    (known,) = load_known(tmp_path).alternatives["double"]
    assert known.name == "via_square"
