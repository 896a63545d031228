"""Load a submitted notebook: the first stage of grading, from `.ipynb` file to runnable code.

`load_notebook` reads the file with nbformat, refuses what cannot be graded (not a
notebook, too large, another kernel language) with a one-line `LoadError`, and keeps the
code cells the worker will run, in notebook order:

- markdown and raw cells, empty cells and nbgrader autograder-test cells (the released
  `check("...")` cells: ``grade: true, solution: false``) are left out;
- IPython syntax that plain Python cannot run is neutralised, each time with a note for
  the student: a cell starting with a cell magic (``%%time``) is dropped whole; a line
  magic, shell escape or help line (``%matplotlib inline``, ``!pip install x``,
  ``files = !ls``, ``np.sum?``) becomes ``pass`` at the same indentation, so that blocks
  stay valid and line numbers in tracebacks stay the student's.

Only the start of a logical line is looked at: ``a % b``, a ``%`` inside a string, or a
line of a triple-quoted string or of a bracketed expression that starts with ``%`` is left
alone. The scanner is deliberately small (strings, comments, brackets, backslash
continuations); it does not know Python 3.12 f-string nesting, so
``f"{d["k"]}"`` followed on later lines by a magic may be misjudged.
"""

from __future__ import annotations

import json
import re
import stat
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import nbformat.reader

from autograder.errors import LoadError, one_line

MAX_NOTEBOOK_BYTES = 20 * 2**20
MAX_NOTES = 20
_NOT_RUN = "(magics and shell commands do not run when grading)"
# `x = !ls`, `a, b = %time f()`: IPython's assignment forms (see IPython's inputtransformer2).
_ASSIGNED_MAGIC = re.compile(r"[\w.]+(\s*,\s*[\w.]+)*\s*=\s*([!%])")


@dataclass(frozen=True)
class Cell:
    """One code cell to run. `index` is its position among ALL cells of the notebook, from 0."""

    index: int
    source: str


@dataclass(frozen=True)
class Notebook:
    """The code of one submission, ready for the worker, and notes for the student."""

    path: Path
    cells: tuple[Cell, ...]
    notes: tuple[str, ...]


def cell_label(index: int) -> str:
    """How messages name the cell at `index` (`Cell.index`), counting from 1 as people do."""
    return f"cell {index + 1}"


def load_notebook(path: Path) -> Notebook:
    """Read the notebook at `path`; raise `LoadError` if it cannot be graded."""
    text = _read_text(Path(path))
    nb = _parse(text)
    problem = _validation_problem(nb)
    notebook = notebook_from_node(nb, Path(path))
    if problem is None:
        return notebook
    note = f"notebook format problem ignored: {problem}"
    return Notebook(notebook.path, notebook.cells, _tidy_notes([note, *notebook.notes]))


def notebook_from_node(nb: nbformat.NotebookNode, path: Path) -> Notebook:
    """Extract the code to grade from an in-memory notebook (any nbformat version).

    Does what `load_notebook` does after parsing, except schema validation (an in-memory
    notebook was built by code, not by a student's editor).
    """
    nb = _as_v4(nb)
    _check_language(nb.get("metadata"))
    raw_cells = nb.get("cells")
    if not isinstance(raw_cells, list):
        raise LoadError("not a notebook: it has no list of cells")
    cells: list[Cell] = []
    notes: list[str] = []
    for index, raw in enumerate(raw_cells):
        source = _code_source(index, raw)
        if source is None or _is_check_cell(raw) or _is_illustration(raw):
            continue
        code, cell_notes = _strip_ipython(source, cell_label(index))
        notes.extend(cell_notes)
        if code is not None:
            cells.append(Cell(index, code))
    return Notebook(Path(path), tuple(cells), _tidy_notes(notes))


# --- reading and parsing ---------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except OSError as e:
        raise LoadError(f"cannot read the file ({e.strerror or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("not a notebook: it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError("not a notebook: not a regular file")
    if info.st_size > MAX_NOTEBOOK_BYTES:
        raise LoadError(_too_large(info.st_size))
    try:
        with path.open("rb") as f:
            data = f.read(MAX_NOTEBOOK_BYTES + 1)
    except OSError as e:
        raise LoadError(f"cannot read the file ({e.strerror or e})") from None
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise LoadError(_too_large(len(data)))
    if not data.strip():
        raise LoadError("not a notebook: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LoadError("not a notebook: the file is not UTF-8 text") from None


def _too_large(size: int) -> str:
    return (
        f"notebook too large: {size / 2**20:.1f} MB "
        f"(the limit is {MAX_NOTEBOOK_BYTES // 2**20} MB; clear large outputs and resubmit)"
    )


def _parse(text: str) -> nbformat.NotebookNode:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise LoadError(f"not a notebook: invalid JSON at line {e.lineno} ({e.msg})") from None
    except RecursionError:
        raise LoadError("not a notebook: the JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise LoadError(f"not a notebook: the JSON is a {type(data).__name__}, not an object")
    major = data.get("nbformat")
    if type(major) is not int:
        raise LoadError("not a notebook: the JSON has no 'nbformat' version number")
    if major not in nbformat.versions:
        raise LoadError(f"not a notebook: unsupported notebook format version {major}")
    if major == 4:
        _check_v4_shape(data)
    # Parsed twice (once above for a precise message); that costs ~10 ms per 4 MB.
    return _as_v4(_quietly(nbformat.reader.reads, text))


def _check_v4_shape(data: dict[str, Any]) -> None:
    """Name the structural problems nbformat's reader would fail on with a cryptic error."""
    if not isinstance(data.get("metadata"), dict):
        raise LoadError("not a notebook: it has no metadata object")
    cells = data.get("cells")
    if not isinstance(cells, list):
        raise LoadError("not a notebook: it has no list of cells")
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict):
            raise LoadError(f"not a notebook: {cell_label(index)} is not a cell")


def _as_v4(nb: Any) -> nbformat.NotebookNode:
    if isinstance(nb, Mapping) and nb.get("nbformat") == 4:
        return nb
    return _quietly(nbformat.convert, nb, 4)


def _quietly(func: Any, *args: Any) -> Any:
    """Call an nbformat reader/converter on untrusted data: any failure is a LoadError.

    nbformat raises ValidationError, NBFormatError, but also bare TypeError or
    AttributeError on malformed structures, so everything is caught here (this is the
    edge where a student's file meets the grader).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Cell is missing an id field"
            return func(*args)
    except (nbformat.ValidationError, nbformat.NBFormatError) as e:
        text = _error_text(e)
        raise LoadError(f"not a notebook: {text[:1].lower()}{text[1:]}") from None
    except Exception as e:  # deliberately broad: see the docstring
        reason = f"{type(e).__name__}: {e}"
        raise LoadError(f"not a notebook: malformed notebook structure ({reason})") from None


def _validation_problem(nb: nbformat.NotebookNode) -> str | None:
    """The first schema problem of a notebook that nbformat could still read, if any."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(nb)
    except nbformat.ValidationError as e:
        return _error_text(e)
    except Exception as e:  # nbformat's normaliser trips on e.g. a list as a cell id
        return _error_text(RuntimeError(f"the notebook could not be validated ({e!r})"))
    return None


def _error_text(error: Exception) -> str:
    text = one_line(str(getattr(error, "message", "") or error))
    return text if len(text) <= 120 else text[:117] + "..."


# --- choosing cells ----------------------------------------------------------------------


def _check_language(metadata: Any) -> None:
    if not isinstance(metadata, Mapping):
        return
    for section, key in (("kernelspec", "language"), ("language_info", "name")):
        info = metadata.get(section)
        language = info.get(key) if isinstance(info, Mapping) else None
        if not isinstance(language, str) or not language.strip():
            continue
        if not language.strip().lower().startswith(("python", "ipython")):
            raise LoadError(
                f"not a Python notebook: its kernel language is {language.strip()!r} "
                "(this assignment must be done in Python)"
            )


def _code_source(index: int, raw: Any) -> str | None:
    """The source of a non-empty code cell, None for any other cell."""
    if not isinstance(raw, Mapping):
        raise LoadError(f"not a notebook: {cell_label(index)} is not a cell")
    if raw.get("cell_type") != "code":
        return None
    source = raw.get("source")
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        source = "".join(source)
    if not isinstance(source, str):
        raise LoadError(f"not a notebook: {cell_label(index)} has no readable source")
    return source if source.strip() else None


def _is_check_cell(raw: Mapping[str, Any]) -> bool:
    """An nbgrader autograder-test cell (graded, not a solution): the hidden suite grades it."""
    metadata = raw.get("metadata")
    nbgrader = metadata.get("nbgrader") if isinstance(metadata, Mapping) else None
    if not isinstance(nbgrader, Mapping):
        return False
    return nbgrader.get("grade") is True and nbgrader.get("solution", False) is False


SKIP_TAG = "mathgrade-skip"


def _is_illustration(raw: Mapping[str, Any]) -> bool:
    """A cell the course tagged `mathgrade-skip` (a plot, a demo): no answer is defined in it,
    so grading does not spend time running it."""
    metadata = raw.get("metadata")
    tags = metadata.get("tags") if isinstance(metadata, Mapping) else None
    return isinstance(tags, list) and SKIP_TAG in tags


def _tidy_notes(notes: list[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(notes))
    if len(unique) <= MAX_NOTES:
        return tuple(unique)
    hidden = len(unique) - (MAX_NOTES - 1)
    return (*unique[: MAX_NOTES - 1], f"... and {hidden} more notes like these")


# --- IPython syntax --------------------------------------------------------------------


def _strip_ipython(source: str, where: str) -> tuple[str | None, list[str]]:
    """Neutralise IPython-only syntax in one cell; None if nothing runnable is left."""
    first = next(line.strip() for line in source.splitlines() if line.strip())
    if first.startswith("%%"):
        note = (
            f"{where}: skipped the whole cell, it starts with the cell magic `{_shorten(first)}` "
            f"{_NOT_RUN[:-1]}; remove that line to have the code in it graded)"
        )
        return None, [note]
    lines = source.split("\n")
    notes: list[str] = []
    scan = _Scanner()
    code_left = False
    continuing_magic = False
    for number, line in enumerate(lines):
        if continuing_magic:  # `%time f(a, \` continues the magic on the next line
            lines[number] = ""
            continuing_magic = line.rstrip().endswith("\\")
            continue
        at_start = scan.at_statement_start()
        kind = _ipython_kind(line.strip()) if at_start else None
        if kind is None:
            scan.feed(line)
            if at_start and scan.at_statement_start() and scan.last_char == "?":
                kind = "IPython help"
        if kind is None:
            code_left = code_left or bool(line.strip())
            continue
        indent = line[: len(line) - len(line.lstrip())]
        lines[number] = f"{indent}pass"
        notes.append(f"{where}: skipped {kind} `{_shorten(line.strip())}` {_NOT_RUN}")
        continuing_magic = line.rstrip().endswith("\\")
    return ("\n".join(lines) if code_left else None), notes


def _ipython_kind(stripped: str) -> str | None:
    """What IPython construct a line starting a statement is, judged from its first characters."""
    if not stripped:
        return None
    head = stripped[0]
    if head not in "%!?":
        match = _ASSIGNED_MAGIC.match(stripped)
        if match is None:
            return None
        head = match.group(2)
    return {"%": "IPython magic", "!": "shell command", "?": "IPython help"}[head]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Scanner:
    """Just enough of Python's lexer to know whether a line starts a new statement."""

    def __init__(self) -> None:
        self.quote: str | None = None  # the open string's quote: ' " ''' or \"\"\"
        self.depth = 0  # open brackets
        self.continued = False  # the previous line ended with a backslash
        self.last_char = ""  # last character of code (not string or comment) on the line

    def at_statement_start(self) -> bool:
        return self.quote is None and self.depth == 0 and not self.continued

    def feed(self, line: str) -> None:
        self.continued = False
        self.last_char = ""
        i, n = 0, len(line)
        while i < n:
            char = line[i]
            if self.quote is not None:
                if char == "\\":
                    i += 2
                elif line.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = None
                else:
                    i += 1
                continue
            if char == "#":
                break
            if char in "'\"":
                self.quote = char * 3 if line.startswith(char * 3, i) else char
                i += len(self.quote)
                self.last_char = char
                continue
            if char == "\\" and not line[i + 1 :].strip():
                self.continued = True
                break
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            if not char.isspace():
                self.last_char = char
            i += 1
        escaped_newline = i > n
        if self.quote in ("'", '"') and not escaped_newline:
            self.quote = None  # an unterminated one-line string: a syntax error, not our business
