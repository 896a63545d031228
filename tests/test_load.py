"""Tests for autograder.batch.load: from a submitted .ipynb file to the code cells a worker runs."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

from autograder.batch.load import (
    MAX_NOTEBOOK_BYTES,
    MAX_NOTES,
    Cell,
    LoadError,
    Notebook,
    cell_label,
    load_notebook,
    notebook_from_node,
)

PYTHON_META = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def write(tmp_path: Path, nb: nbformat.NotebookNode, name: str = "nb.ipynb") -> Path:
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


def notebook(*cells: nbformat.NotebookNode, **metadata: object) -> nbformat.NotebookNode:
    return new_notebook(cells=list(cells), metadata=metadata or dict(PYTHON_META))


def load_cells(tmp_path: Path, *sources: str) -> Notebook:
    return load_notebook(write(tmp_path, notebook(*(new_code_cell(s) for s in sources))))


def nbgrader_cell(source: str, *, grade: bool, solution: bool) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {
        "grade": grade,
        "solution": solution,
        "locked": not solution,
        "grade_id": "check_entropy" if grade else "entropy_solution",
        "schema_version": 3,
        **({"points": 2} if grade else {}),
    }
    return cell


# --- reading ---------------------------------------------------------------------------


def test_loads_code_cells_in_order_with_indexes_over_all_cells(tmp_path: Path) -> None:
    nb = notebook(
        new_markdown_cell("# Entropy\n$H(p) = -\\sum p \\log p$"),
        new_code_cell("import numpy as np"),
        new_raw_cell("raw"),
        new_code_cell("def entropy(p):\n    return 0.0"),
        new_code_cell("   \n\n"),
        new_code_cell("x = entropy([1.0])"),
    )
    loaded = load_notebook(write(tmp_path, nb))
    assert loaded.cells == (
        Cell(1, "import numpy as np"),
        Cell(3, "def entropy(p):\n    return 0.0"),
        Cell(5, "x = entropy([1.0])"),
    )
    assert loaded.notes == ()
    assert loaded.path == tmp_path / "nb.ipynb"


def test_list_sources_are_joined(tmp_path: Path) -> None:
    raw = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": PYTHON_META,
        "cells": [
            {
                "cell_type": "code",
                "id": "a1",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": ["x = 1\n", "y = 2"],
            }
        ],
    }
    path = tmp_path / "lines.ipynb"
    path.write_text(json.dumps(raw))
    assert load_notebook(path).cells == (Cell(0, "x = 1\ny = 2"),)


def test_minor_validation_problem_becomes_a_note(tmp_path: Path) -> None:
    raw = {
        "nbformat": 4,
        "nbformat_minor": 4,
        "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "source": "x = 1"}],  # no outputs
    }
    path = tmp_path / "sloppy.ipynb"
    path.write_text(json.dumps(raw))
    loaded = load_notebook(path)
    assert loaded.cells == (Cell(0, "x = 1"),)
    assert len(loaded.notes) == 1
    assert loaded.notes[0].startswith("notebook format problem ignored:")
    assert "outputs" in loaded.notes[0]


def test_old_format_is_converted(tmp_path: Path) -> None:
    raw = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [
            {
                "cells": [
                    {"cell_type": "code", "input": "x = 1", "language": "python", "outputs": []}
                ]
            }
        ],
    }
    path = tmp_path / "v3.ipynb"
    path.write_text(json.dumps(raw))
    assert load_notebook(path).cells == (Cell(0, "x = 1"),)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\xff\xfe garbage", "not a notebook: the file is not UTF-8 text"),
        (b"", "not a notebook: the file is empty"),
        (b"  \n", "not a notebook: the file is empty"),
        (b'{"cells": [1, 2', "not a notebook: invalid JSON at line 1"),
        (b'{\n  "cells": [],\n  "metadata": {}\n  "nbformat": 4\n}', "invalid JSON at line 4"),
        (b"[1, 2, 3]", "not a notebook: the JSON is a list, not an object"),
        (b'{"answer": 42}', "not a notebook: the JSON has no 'nbformat' version number"),
        (b'{"nbformat": "4", "cells": []}', "no 'nbformat' version number"),
        (b'{"nbformat": 9, "cells": []}', "unsupported notebook format version 9"),
        (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}', "it has no list of cells"),
        (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": {}}', "no list of cells"),
        (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [1]}', "1 is not a cell"),
        (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": [], "cells": []}', "no metadata obj"),
        (b'{"nbformat": 4, "nbformat_minor": 5, "cells": []}', "it has no metadata object"),
        (b'{"nbformat": 3, "nbformat_minor": 0, "metadata": {}}', "not a notebook: the"),
        (b"[" * 100_000, "not a notebook"),
    ],
)
def test_malformed_files_give_one_line_errors(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(LoadError) as info:
        load_notebook(path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert "Traceback" not in message


def test_invalid_json_message_names_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "truncated.ipynb"
    text = nbformat.writes(notebook(new_code_cell("x = 1")))
    path.write_text(text[: len(text) // 2])
    with pytest.raises(LoadError, match=r"^not a notebook: invalid JSON at line \d+ \(.+\)$"):
        load_notebook(path)


def test_code_cell_without_source_is_an_error(tmp_path: Path) -> None:
    raw = {
        "nbformat": 4,
        "nbformat_minor": 4,
        "metadata": {},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "text"},
            {"cell_type": "code", "metadata": {}, "source": 5, "outputs": []},
        ],
    }
    path = tmp_path / "nosource.ipynb"
    path.write_text(json.dumps(raw))
    with pytest.raises(LoadError, match="cell 2 has no readable source"):
        load_notebook(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="^no such file$"):
        load_notebook(tmp_path / "absent.ipynb")
    folder = tmp_path / "folder.ipynb"
    folder.mkdir()
    with pytest.raises(LoadError, match="it is a folder"):
        load_notebook(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, notebook(new_code_cell("x = 1")))
    path.chmod(0)
    with pytest.raises(LoadError, match="cannot read the file"):
        load_notebook(path)


def test_too_large_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.ipynb"
    with path.open("wb") as f:  # sparse: 21 MB on paper, nothing on disk
        f.truncate(21 * 2**20)
    assert path.stat().st_size > MAX_NOTEBOOK_BYTES
    with pytest.raises(LoadError, match=r"^notebook too large: 21\.0 MB \(the limit is 20 MB"):
        load_notebook(path)


@pytest.mark.parametrize(
    "metadata",
    [
        {"kernelspec": {"name": "ir", "display_name": "R", "language": "R"}},
        {"language_info": {"name": "R"}},
        {"kernelspec": {"name": "julia-1.10", "display_name": "Julia", "language": "julia"}},
    ],
)
def test_non_python_kernel_is_refused(tmp_path: Path, metadata: dict) -> None:
    path = write(tmp_path, notebook(new_code_cell("x <- 1"), **metadata))
    with pytest.raises(LoadError, match="not a Python notebook: its kernel language is"):
        load_notebook(path)


def test_missing_language_metadata_means_python(tmp_path: Path) -> None:
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    assert load_notebook(write(tmp_path, nb)).cells == (Cell(0, "x = 1"),)


# --- nbgrader cells --------------------------------------------------------------------


def test_check_cells_are_skipped_solution_and_plain_cells_kept(tmp_path: Path) -> None:
    nb = notebook(
        new_code_cell("import numpy as np"),
        nbgrader_cell("def entropy(p):\n    return 1.0", grade=False, solution=True),
        nbgrader_cell('check("entropy")', grade=True, solution=False),
        nbgrader_cell("# graded answer cell\nanswer = 3", grade=True, solution=True),
    )
    loaded = load_notebook(write(tmp_path, nb))
    assert [cell.index for cell in loaded.cells] == [0, 1, 3]
    assert all("check(" not in cell.source for cell in loaded.cells)


def test_cells_tagged_mathgrade_skip_are_not_run(tmp_path: Path) -> None:
    plot = new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2])")
    plot.metadata["tags"] = ["mathgrade-skip"]
    other = new_code_cell("x = 1")
    other.metadata["tags"] = ["something-else"]
    loaded = load_notebook(write(tmp_path, notebook(plot, other)))
    assert [cell.index for cell in loaded.cells] == [1]


def test_notebook_from_node_matches_load(tmp_path: Path) -> None:
    nb = notebook(new_markdown_cell("text"), new_code_cell("%matplotlib inline\nx = 1"))
    from_node = notebook_from_node(nb, Path("solution.ipynb"))
    assert from_node.path == Path("solution.ipynb")
    assert from_node.cells == load_notebook(write(tmp_path, nb)).cells == (Cell(1, "pass\nx = 1"),)


# --- IPython syntax --------------------------------------------------------------------


def test_top_level_line_magic(tmp_path: Path) -> None:
    loaded = load_cells(tmp_path, "%matplotlib inline\nimport numpy as np")
    assert loaded.cells == (Cell(0, "pass\nimport numpy as np"),)
    assert loaded.notes == (
        "cell 1: skipped IPython magic `%matplotlib inline` "
        "(magics and shell commands do not run when grading)",
    )


def test_indented_magic_keeps_block_valid_and_line_numbers(tmp_path: Path) -> None:
    source = "def f(x):\n    %time y = x ** 2\n    return x % 2\n\nfor i in range(3):\n    !echo i"
    loaded = load_cells(tmp_path, source)
    (cell,) = loaded.cells
    assert cell.source == "def f(x):\n    pass\n    return x % 2\n\nfor i in range(3):\n    pass"
    assert cell.source.count("\n") == source.count("\n")
    ast.parse(cell.source)
    assert len(loaded.notes) == 2


def test_percent_in_expressions_and_strings_is_untouched(tmp_path: Path) -> None:
    sources = [
        "r = a % b",
        "total = (a\n         % b)",
        "y = a \\\n    % b",
        'doc = """\n%notmagic\n!notshell\nwhat?\n"""',
        "s = '''\n    %still a string\n'''",
        "msg = 'is it?'  # really?",
        "fmt = '%d items' % n",
        "ok = a != b",
    ]
    loaded = load_cells(tmp_path, *sources)
    assert [cell.source for cell in loaded.cells] == sources
    assert loaded.notes == ()


def test_shell_escapes_and_assignments(tmp_path: Path) -> None:
    loaded = load_cells(
        tmp_path, "!pip install numpy\nfiles = !ls\nt = %timeit -o f()\nnp.sum?\n?np.mean\nx = 1"
    )
    assert loaded.cells == (Cell(0, "pass\npass\npass\npass\npass\nx = 1"),)
    assert [note.split("`")[1] for note in loaded.notes] == [
        "!pip install numpy",
        "files = !ls",
        "t = %timeit -o f()",
        "np.sum?",
        "?np.mean",
    ]
    assert "skipped shell command `!pip install numpy`" in loaded.notes[0]
    assert "skipped IPython help `np.sum?`" in loaded.notes[3]


def test_shell_line_with_unbalanced_quote_does_not_confuse_later_lines(tmp_path: Path) -> None:
    loaded = load_cells(tmp_path, "!echo it's done\n%time f()\nx = 1")
    assert loaded.cells == (Cell(0, "pass\npass\nx = 1"),)


def test_magic_continued_with_backslash(tmp_path: Path) -> None:
    loaded = load_cells(tmp_path, "%time f(a, \\\n        b)\nx = 1")
    assert loaded.cells == (Cell(0, "pass\n\nx = 1"),)


def test_cell_magic_drops_the_whole_cell(tmp_path: Path) -> None:
    loaded = load_cells(tmp_path, "x = 1", "\n%%time\ndef entropy(p):\n    return 0", "y = 2")
    assert loaded.cells == (Cell(0, "x = 1"), Cell(2, "y = 2"))
    (note,) = loaded.notes
    assert note.startswith("cell 2: skipped the whole cell, it starts with the cell magic `%%time`")


def test_cell_of_only_magics_is_dropped(tmp_path: Path) -> None:
    loaded = load_cells(tmp_path, "%load_ext autoreload\n%autoreload 2", "x = 1")
    assert loaded.cells == (Cell(1, "x = 1"),)
    assert len(loaded.notes) == 2


def test_notes_are_deduplicated_and_capped(tmp_path: Path) -> None:
    same = load_cells(tmp_path, "%matplotlib inline\n%matplotlib inline\nx = 1")
    assert len(same.notes) == 1
    many = load_cells(tmp_path, *(f"!echo {i}\nx = {i}" for i in range(50)))
    assert len(many.notes) == MAX_NOTES
    assert many.notes[-1] == "... and 31 more notes like these"
    assert len(many.cells) == 50


def test_cell_label_uses_the_cell_index() -> None:
    assert cell_label(3) == "cell 4"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.ipynb"
    os.mkfifo(pipe)
    with pytest.raises(LoadError, match="not a regular file"):
        load_notebook(pipe)


def test_read_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, notebook(new_code_cell("x = 1")))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(LoadError, match=r"^cannot read the file \(Permission denied\)$"):
        load_notebook(path)
