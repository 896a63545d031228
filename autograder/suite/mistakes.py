"""Known mistakes and alternative solutions, written beside the hidden tests of their exercise.

An exercise's hidden suite `course/hidden/<assignment>/test_<exercise>.py` holds its tests,
its known mistakes (small wrong implementations, each with a hint that teaches, written as
its docstring) and its alternative solutions (right, but written differently from the
solution); the exercise is named by the file::

    from autograder.suite.mistakes import alternative, mistake

    @mistake
    def log_base_2(p):
        \"\"\"Entropy uses the natural log; np.log2 gives bits, not nats.\"\"\"
        return -np.sum(p * np.log2(p))

    @alternative
    def with_a_loop(p):
        return -sum(x * math.log(x) for x in p if x > 0)

Both are trusted code. Mistakes run in the grader, never in a worker: after a failed test
the grader replays the test's calls through them to name the misconception
(`autograder.grading.diagnose`). `mathgrade verify` substitutes each mistake into the solution
notebook (it must lose points and be named) and each alternative (it must earn full marks).

Substituted, a function runs as its source alone after `import math`, `import numpy as np`,
`import sympy as sp`: it may use builtins, those three names, and (an alternative only) the
assignment's other exercises, as a student reuses their own functions; anything else it
imports inside its body. Loading refuses any other free name with an `AuthoringError`, so an
author learns it from the loader and not from a failing verify.
"""

from __future__ import annotations

import builtins
import importlib.util
import inspect
import symtable
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import AuthoringError, one_line

PRELUDE_NAMES = frozenset({"math", "np", "sp"})
SUITE_PREFIX = "test_"


@dataclass(frozen=True)
class Mistake:
    """One known wrong way to write `exercise`; `hint` is its docstring, on one line."""

    exercise: str
    name: str
    hint: str
    function: Callable

    def source_as(self, name: str | None = None) -> str:
        """The mistake's source with its `def` renamed to the exercise (for substitution)."""
        return _renamed_source(self.function, name or self.exercise)


@dataclass(frozen=True)
class Alternative:
    """One known correct way to write `exercise`, different from the solution."""

    exercise: str
    name: str
    function: Callable

    def source_as(self, name: str | None = None) -> str:
        """The alternative's source with its `def` renamed to the exercise."""
        return _renamed_source(self.function, name or self.exercise)


@dataclass(frozen=True)
class Known:
    """The known mistakes and alternatives of one assignment, by exercise, in file order."""

    mistakes: dict[str, list[Mistake]]
    alternatives: dict[str, list[Alternative]]

    def all_mistakes(self) -> list[Mistake]:
        return [m for group in self.mistakes.values() for m in group]

    def all_alternatives(self) -> list[Alternative]:
        return [a for group in self.alternatives.values() for a in group]


def mistake(function: Callable) -> Callable:
    """Mark `function` a known mistake of the exercise its file tests; its docstring is the
    hint shown to a student whose answers it reproduces."""
    function.__mathgrade_kind__ = "mistake"
    return function


def alternative(function: Callable) -> Callable:
    """Mark `function` a correct alternative solution of the exercise its file tests."""
    function.__mathgrade_kind__ = "alternative"
    return function


def exercise_of_suite(path: Path) -> str:
    """`test_entropy.py` -> `entropy`."""
    return path.stem.removeprefix(SUITE_PREFIX)


def suite_files(hidden: Path) -> list[Path]:
    """The hidden suite files of an assignment folder, sorted."""
    return sorted(hidden.glob(f"{SUITE_PREFIX}*.py")) if hidden.is_dir() else []


def load_known(hidden: Path) -> Known:
    """Import every `test_<exercise>.py` of `hidden` and gather its mistakes and alternatives.

    Raises `AuthoringError` for a mistake without a docstring or a function that uses a name
    the worker cannot give it.
    """
    files = suite_files(hidden)
    exercises = frozenset(exercise_of_suite(p) for p in files)
    known = Known({}, {})
    for path in files:
        exercise = exercise_of_suite(path)
        for function in _marked(_import(path)):
            kind = function.__mathgrade_kind__
            _check_free_names(function, path, kind, exercises)
            if kind == "mistake":
                hint = one_line(inspect.getdoc(function) or "")
                if not hint:
                    raise AuthoringError(
                        f"{path}: mistake {function.__name__} has no docstring; write the hint a "
                        "student should read as its docstring")
                known.mistakes.setdefault(exercise, []).append(
                    Mistake(exercise, function.__name__, hint, function))
            else:
                known.alternatives.setdefault(exercise, []).append(
                    Alternative(exercise, function.__name__, function))
    return known


def _import(path: Path) -> object:
    module_name = f"mathgrade_known_{path.stem}_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _marked(module: object) -> list[Callable]:
    """The module's own marked functions, in the order they are written."""
    found = [v for v in vars(module).values()
             if callable(v) and getattr(v, "__mathgrade_kind__", None)
             and getattr(v, "__module__", None) == module.__name__]
    return sorted(found, key=lambda f: f.__code__.co_firstlineno)


def _check_free_names(function: Callable, path: Path, kind: str,
                      exercises: frozenset[str]) -> None:
    allowed = PRELUDE_NAMES | set(dir(builtins))
    if kind == "alternative":
        allowed |= exercises
    source = _renamed_source(function, function.__name__)
    table = symtable.symtable(source, str(path), "exec")
    (scope,) = table.get_children()
    unknown = sorted(set(_free_globals(scope)) - allowed)
    if unknown:
        names = ", ".join(unknown)
        reusable = "builtins, math, np, sp" + (" and the assignment's exercises"
                                               if kind == "alternative" else "")
        raise AuthoringError(
            f"{path}: {kind} {function.__name__} uses {names}, which the worker cannot give it "
            f"(only {reusable}); import it inside the function, or write it out there")


def _free_globals(scope: symtable.SymbolTable) -> Iterable[str]:
    """Names a function and its nested scopes read from the module level."""
    for symbol in scope.get_symbols():
        if symbol.is_global() and symbol.is_referenced():
            yield symbol.get_name()
    for child in scope.get_children():
        yield from _free_globals(child)


def _renamed_source(function: Callable, target: str) -> str:
    """`function`'s source from its `def` line on (decorators left behind), the `def` renamed
    to `target`."""
    source = textwrap.dedent(inspect.getsource(function))
    lines = source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("def "))
    body = "\n".join(lines[start:])
    return body.replace(f"def {function.__name__}(", f"def {target}(", 1)
