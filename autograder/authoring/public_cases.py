"""Every public check of an assignment run against given functions, for `mathgrade verify`.

    public_case_problems(solution_namespace, Path("solutions/entropy/public_checks.py"))

imports the public_checks.py file (its `CASES`, as given to `make_check`), runs every case of
every exercise on the function of that name in the namespace and returns one
("entropy: entropy([0.5, 0.5])", problem or None) per case: a public check that fails the
reference solution would tell every student who got it right that they are wrong.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat

from autograder.errors import AuthoringError
from autograder.suite.public import Case, NotDone, case_problem

_fresh = itertools.count()


def solution_namespace(notebook: Path) -> dict:
    """The functions of a solution notebook, defined in this process.

    Runs the setup cell (minus the public-checks import) and every solution cell: trusted
    course code, for verify and for tests that hold the reference solution to outside
    material. Pictures and check cells are not run.
    """
    namespace: dict = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade"):
            continue
        if meta.get("grade_id") == "setup" or meta.get("solution"):
            source = "\n".join(line for line in cell.source.splitlines()
                               if "public_checks" not in line)
            exec(compile(source, f"{notebook.name}:{meta.get('grade_id')}", "exec"), namespace)
    return namespace


def public_case_problems(namespace: dict, checks_file: Path) -> list[tuple[str, str | None]]:
    """(case label, problem or None) for every case of every exercise of `checks_file`,
    with the exercises' functions taken from `namespace` (name -> function)."""
    cases = _cases_of(_import(Path(checks_file)))
    results: list[tuple[str, str | None]] = []
    for name, make_cases in cases.items():
        results += _exercise_problems(name, namespace.get(name), make_cases)
    return results


def _import(path: Path) -> ModuleType:
    """`path` as a module of a fresh name; its folder is on sys.path only while importing."""
    name = f"_mathgrade_public_checks_{next(_fresh)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise AuthoringError(f"{path}: cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    folder = str(path.resolve().parent)
    sys.path.insert(0, folder)
    sys.modules[name] = module  # dataclasses defined in the file look their module up
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise AuthoringError(f"{path}: importing it raised {type(exc).__name__}: {exc}") from exc
    finally:
        sys.path.remove(folder)
        sys.modules.pop(name, None)
    return module


def _cases_of(module: ModuleType) -> Mapping[str, Callable[[], list[Case]]]:
    cases = getattr(module, "CASES", None)
    if not isinstance(cases, Mapping):
        raise AuthoringError(f"{module.__file__}: has no CASES dict (exercise name -> a function "
                             "returning its cases, as given to make_check)")
    return cases


def _exercise_problems(
    name: str, function: Any, make_cases: Callable[[], list[Case]]
) -> list[tuple[str, str | None]]:
    try:
        cases = make_cases()
    except Exception as exc:
        return [(name, f"building its public cases raised {type(exc).__name__}: {exc}")]
    missing = None
    if function is None:
        missing = f"there is no function {name}"
    elif not callable(function):
        missing = f"{name} is not a function"
    return [(f"{name}: {case.shown}", missing or _problem(function, case)) for case in cases]


def _problem(function: Callable[..., Any], case: Case) -> str | None:
    try:
        return case_problem(function, case)
    except NotDone:
        return "not implemented: the function raises NotImplementedError"
