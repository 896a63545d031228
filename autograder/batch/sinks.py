"""Sinks: write a batch of `Result`s out, as JSON, as CSV, or as a table for the terminal.

Files are written atomically (a temporary file in the same folder, then `os.replace`), so
an interrupted run leaves either the old file or the new one, never half of one.
`check_writable` lets the CLI refuse a bad output path *before* grading starts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from rich.table import Table
from rich.text import Text

from autograder.batch.result import Result
from autograder.errors import UsageError

_FIXED_COLUMNS = ["student", "submission", "assignment", "status", "score", "max_score"]
# A spreadsheet runs a cell starting with one of these as a formula; error messages can
# quote student code, so text cells that start so are prefixed with a quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_STATUS_STYLES = {"ok": "green", "error": "bold red", "timeout": "yellow"}


def check_writable(path: Path) -> None:
    """Raise UsageError (one line) if `path` cannot be created or overwritten; write nothing."""
    target = Path(os.path.abspath(path))
    if target.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder")
    folder = target.parent
    if not folder.exists():
        raise UsageError(f"cannot write {path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: {folder} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise UsageError(f"cannot write {path}: permission denied")
    try:  # the real test: can a file be created next to it (read-only file systems, ACLs)?
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None


def write_json(results: Sequence[Result], path: Path) -> None:
    """Write the results as a JSON list of `Result.to_dict()`, atomically."""
    data = [result.to_dict() for result in results]
    _write_atomically(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_csv(results: Sequence[Result], path: Path) -> None:
    """Write one row per result, atomically.

    Columns: student, submission, assignment, status, score, max_score, one column per
    exercise (its score; blank when that result has no such exercise), misconceptions
    (``exercise:name; exercise:name``) and error.
    """
    exercises = sorted({name for result in results for name in result.exercises})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_FIXED_COLUMNS, *exercises, "misconceptions", "error"])
    for result in results:
        scores = [
            _number(result.exercises[name].score) if name in result.exercises else ""
            for name in exercises
        ]
        text = [result.student, result.submission, result.assignment, result.status]
        writer.writerow(
            [
                *(_cell_text(t) for t in text),
                _number(result.score),
                _number(result.max_score),
                *scores,
                _cell_text("; ".join(f"{n}:{m}" for n, m in _misconceptions(result))),
                _cell_text(result.error or ""),
            ]
        )
    _write_atomically(Path(path), buffer.getvalue())


def results_table(results: Sequence[Result]) -> Table:
    """A terminal table: one row per result and a summary caption."""
    table = Table(caption=_summary(results), caption_justify="left")
    table.add_column("student")
    table.add_column("score", justify="right")
    table.add_column("status")
    table.add_column("slowest exercise")
    table.add_column("misconceptions")
    for result in results:
        status = Text(result.status, style=_STATUS_STYLES.get(result.status, ""))
        if result.error:
            status.append("\n" + _shorten(result.error), style="dim")
        slowest = result.slowest_exercise
        table.add_row(
            Text(result.student),
            Text(f"{_number(result.score)}/{_number(result.max_score)}"),
            status,
            Text(f"{slowest[0]} ({slowest[1] * 1000:.0f} ms)" if slowest else "-"),
            Text(", ".join(f"{n}: {m}" for n, m in _misconceptions(result))),
        )
    return table


def _summary(results: Sequence[Result]) -> str:
    count = len(results)
    errors = sum(result.status == "error" for result in results)
    timeouts = sum(result.status == "timeout" for result in results)
    if count:
        mean = sum(result.score for result in results) / count
        full = max(result.max_score for result in results)
        mean_text = f"mean score {mean:.2f}/{_number(full)}"
    else:
        mean_text = "mean score -"
    return f"{count} graded · {mean_text} · {errors} errors · {timeouts} timeouts"


def _misconceptions(result: Result) -> list[tuple[str, str]]:
    return [
        (name, result.exercises[name].misconception or "")
        for name in sorted(result.exercises)
        if result.exercises[name].misconception
    ]


def _number(value: float) -> str:
    """A score as people write it: 10, 2.5, 0.333333."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _cell_text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _shorten(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step; the temporary file never outlives the call."""
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    # os.open with 0o666 lets the umask set the final file's mode, as a plain open() would.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
