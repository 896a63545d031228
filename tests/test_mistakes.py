"""Known mistakes: declaration, loading in file order, and source substitution."""

from __future__ import annotations

import textwrap

from autograder.mistakes import load_alternatives, load_mistakes


def test_load_groups_by_exercise_in_file_order(tmp_path):
    path = tmp_path / "mistakes.py"
    path.write_text(textwrap.dedent('''
        import numpy as np
        from autograder.mistakes import mistake

        @mistake("entropy", hint="Use the natural log.")
        def log_base_2(p):
            return -np.sum(p * np.log2(p))

        @mistake("softmax", hint="Normalise.")
        def unnormalised(xs):
            return np.exp(xs)

        @mistake("entropy", hint="Mind the sign.")
        def no_minus(p):
            return np.sum(p * np.log(p))
    '''))
    found = load_mistakes(path)
    assert [m.name for m in found["entropy"]] == ["log_base_2", "no_minus"]
    assert [m.name for m in found["softmax"]] == ["unnormalised"]
    assert found["entropy"][1].hint == "Mind the sign."


def test_source_as_renames_the_function_and_drops_the_decorator(tmp_path):
    path = tmp_path / "mistakes.py"
    path.write_text(textwrap.dedent('''
        from autograder.mistakes import mistake

        @mistake(
            "double",
            hint="a decorator over several lines",
        )
        def adds_two(x):
            """Adds instead of multiplying."""
            return x + 2
    '''))
    (known,) = load_mistakes(path)["double"]
    source = known.source_as()
    assert source.startswith("def double(x):")
    namespace: dict = {}
    exec(source, namespace)  # trusted course code, as verify uses it
    assert namespace["double"](1) == 3


def test_missing_file_has_no_mistakes(tmp_path):
    assert load_mistakes(tmp_path / "absent.py") == {}


def test_alternatives_load_by_exercise_and_substitute_under_the_exercise_name(tmp_path):
    path = tmp_path / "alternatives.py"
    path.write_text(textwrap.dedent("""
        from autograder.mistakes import alternative, mistake

        @alternative("entropy")
        def with_loop(p):
            return 0.0

        @mistake("entropy", hint="not an alternative")
        def wrong(p):
            return 1.0
    """))
    found = load_alternatives(path)
    assert list(found) == ["entropy"]
    (known,) = found["entropy"]
    assert known.name == "with_loop"
    assert known.source_as().startswith("def entropy(p):")
