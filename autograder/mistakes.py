"""Known mistakes and alternative solutions: implementations of an exercise written by the course.

Known mistakes are small wrong implementations, each with a hint that teaches.

A course writes them in `course/hidden/<assignment>/mistakes.py`::

    from autograder.mistakes import mistake

    @mistake("entropy", hint="Entropy uses the natural log; np.log2 gives bits, not nats.")
    def log_base_2(p):
        return -np.sum(p * np.log2(p))

They are trusted code: they run in the grader, never in a worker. They serve twice:
`mathgrade verify` substitutes each into the solution notebook to prove the hidden suite
catches it, and after a failed test the grader runs them on the failing inputs to name
the misconception when one reproduces the student's outputs.

Alternative solutions (`course/hidden/<assignment>/alternatives.py`, `@alternative("entropy")`)
are correct implementations written differently from the solution (loops, `np.where`,
`scipy.special`, another sympy form); `mathgrade verify` proves each earns full marks, so a
suite that accepts only the solution's way of writing an exercise fails before release.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """One known wrong way to write `exercise`."""

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


def _renamed_source(function: Callable, target: str) -> str:
    """`function`'s source from its `def` line on (decorators of any length left behind),
    the `def` renamed to `target`."""
    source = textwrap.dedent(inspect.getsource(function))
    definition = ast.parse(source).body[0]
    body = "\n".join(source.splitlines()[definition.lineno - 1 :])
    return body.replace(f"def {function.__name__}(", f"def {target}(", 1)


def alternative(exercise: str) -> Callable[[Callable], Callable]:
    """Declare the decorated function a correct alternative solution of `exercise`."""

    def register(function: Callable) -> Callable:
        function.__mathgrade_alternative__ = Alternative(exercise, function.__name__, function)
        return function

    return register


def mistake(exercise: str, *, hint: str) -> Callable[[Callable], Callable]:
    """Declare the decorated function a known mistake for `exercise`."""

    def register(function: Callable) -> Callable:
        function.__mathgrade_mistake__ = Mistake(exercise, function.__name__, hint, function)
        return function

    return register


def load_mistakes(path: Path) -> dict[str, list[Mistake]]:
    """Import a mistakes module and return its mistakes grouped by exercise, in file order."""
    return _load(path, "__mathgrade_mistake__", Mistake)


def load_alternatives(path: Path) -> dict[str, list[Alternative]]:
    """Import an alternatives module and return them grouped by exercise, in file order."""
    return _load(path, "__mathgrade_alternative__", Alternative)


def _load(path: Path, marker: str, kind: type) -> dict[str, list]:
    if not path.exists():
        return {}
    module_name = f"mathgrade_{path.stem}_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    found: dict[str, list] = {}
    for value in vars(module).values():
        known = getattr(value, marker, None)
        if isinstance(known, kind):
            found.setdefault(known.exercise, []).append(known)
    for group in found.values():
        group.sort(key=lambda m: m.function.__code__.co_firstlineno)
    return found
