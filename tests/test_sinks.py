"""Tests for autograder.batch.sinks: results written as JSON, CSV and a terminal table."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from rich.console import Console

from autograder.batch.result import ExerciseResult, Result
from autograder.batch.sinks import check_writable, results_table, write_csv, write_json
from autograder.errors import UsageError


def sample_results() -> list[Result]:
    alice = Result(
        submission="alice/probability/probability.ipynb",
        student="alice",
        assignment="probability",
        exercises={
            "softmax": ExerciseResult(3.0, 3.0, ["all checks passed"]),
            "entropy": ExerciseResult(
                1.5,
                4.0,
                ["entropy([0.5, 0.5]) expected 0.693147, got 1.0"],
                misconception="log_base_2",
                hint="Entropy uses the natural log; np.log2 gives bits, not nats.",
            ),
        },
        notes=["cell 2: skipped IPython magic `%matplotlib inline`"],
        timings={"softmax": 0.012, "entropy": 0.25},
    )
    bob = Result(
        submission="bob.ipynb",
        student="Bøb [bold]",
        assignment="probability",
        exercises={"entropy": ExerciseResult(0.0, 4.0, misconception="no_zero_handling")},
        timings={"entropy": 2.0},
        status="timeout",
    )
    carol = Result(
        submission="carol.ipynb",
        student="carol",
        assignment="probability",
        status="error",
        error='=HYPERLINK("http://x") not a notebook: invalid JSON at line 3',
    )
    return [alice, bob, carol]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_json_round_trip(tmp_path: Path) -> None:
    results = sample_results()
    path = tmp_path / "results.json"
    write_json(results, path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("]\n")
    assert "Bøb" in text  # not escaped as \u00f8
    assert text.startswith('[\n  {\n    "submission"')
    data = json.loads(text)
    assert [Result.from_dict(d).to_dict() for d in data] == [r.to_dict() for r in results]
    assert list(data[0]) == list(results[0].to_dict())  # key order kept, not sorted
    assert leftovers(tmp_path) == []


def test_json_is_identical_on_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_json(sample_results(), path)
    first = path.read_bytes()
    write_json(sample_results(), path)
    assert path.read_bytes() == first


def test_json_of_empty_batch(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    write_json([], path)
    assert path.read_text() == "[]\n"


def test_csv_header_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_csv(sample_results(), path)
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [
        "student",
        "submission",
        "assignment",
        "status",
        "score",
        "max_score",
        "entropy",
        "softmax",
        "misconceptions",
        "error",
    ]
    assert rows[1] == [
        "alice",
        "alice/probability/probability.ipynb",
        "probability",
        "ok",
        "4.5",
        "7",
        "1.5",
        "3",
        "entropy:log_base_2",
        "",
    ]
    assert rows[2][:8] == ["Bøb [bold]", "bob.ipynb", "probability", "timeout", "0", "4", "0", ""]
    assert rows[2][8] == "entropy:no_zero_handling"
    assert rows[3][3:8] == ["error", "0", "0", "", ""]
    assert rows[3][9].startswith("'=HYPERLINK")  # not run as a formula by a spreadsheet
    assert len(rows) == 4
    assert leftovers(tmp_path) == []


def test_csv_lists_several_misconceptions(tmp_path: Path) -> None:
    result = Result(
        submission="s.ipynb",
        student="s",
        assignment="probability",
        exercises={
            "softmax": ExerciseResult(0.0, 2.0, misconception="no_max_shift"),
            "entropy": ExerciseResult(0.0, 2.0, misconception="log_base_2"),
        },
    )
    path = tmp_path / "r.csv"
    write_csv([result], path)
    row = path.read_text().splitlines()[1]
    assert "entropy:log_base_2; softmax:no_max_shift" in row


def test_atomic_write_keeps_old_file_and_leaves_no_temp_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text("old\n")
    bad = sample_results()
    bad[0].exercises["entropy"].feedback = [object()]  # type: ignore[list-item]
    with pytest.raises(TypeError):
        write_json(bad, path)
    assert path.read_text() == "old\n"
    assert leftovers(tmp_path) == []
    write_json(sample_results(), path)
    assert json.loads(path.read_text())[0]["student"] == "alice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.json"]


def test_written_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_csv(sample_results(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_check_writable_accepts_new_and_existing_files(tmp_path: Path) -> None:
    check_writable(tmp_path / "new.json")
    (tmp_path / "old.json").write_text("[]")
    check_writable(tmp_path / "old.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]  # nothing created


def test_check_writable_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="folder .*missing does not exist") as info:
        check_writable(tmp_path / "missing" / "out.json")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "missing").exists()


def test_check_writable_directory(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="it is a folder"):
        check_writable(tmp_path)


def test_check_writable_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is not a folder"):
        check_writable(tmp_path / "file" / "out.csv")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_check_writable_without_permission(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UsageError, match="cannot write"):
            check_writable(folder / "out.json")
    finally:
        folder.chmod(0o700)


def test_results_table_rows_and_caption() -> None:
    console = Console(record=True, width=200, color_system=None)
    console.print(results_table(sample_results()))
    text = console.export_text()
    assert "alice" in text
    assert "4.5/7" in text
    assert "entropy (250 ms)" in text
    assert "entropy: log_base_2" in text
    assert "Bøb [bold]" in text  # markup in a student name is shown, not interpreted
    assert "timeout" in text and "error" in text
    assert "not a notebook: invalid JSON" in text
    assert "3 graded · mean score 1.50/7 · 1 errors · 1 timeouts" in text


def test_results_table_empty() -> None:
    console = Console(record=True, width=120, color_system=None)
    console.print(results_table([]))
    assert "0 graded" in console.export_text()


def test_check_writable_reports_os_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("autograder.batch.sinks.tempfile.TemporaryFile", refuse)
    with pytest.raises(UsageError, match=r"^cannot write .*out\.json: Permission denied$"):
        check_writable(tmp_path / "out.json")
