"""Tests for autograder.batch.collect: from `mathgrade grade` PATH arguments to submissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from autograder.batch.collect import Submission, collect_submissions
from autograder.errors import UsageError

A = "probability"


def touch(root: Path, *relative: str, content: str = "{}") -> None:
    for rel in relative:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def summary(subs: list[Submission]) -> list[tuple[str, str]]:
    return [(s.student, s.submission) for s in subs]


def test_single_files_student_is_stem(tmp_path: Path) -> None:
    touch(tmp_path, "alice.ipynb", "bob.ipynb")
    subs = collect_submissions([tmp_path / "bob.ipynb", tmp_path / "alice.ipynb"], A)
    assert summary(subs) == [("alice", "alice.ipynb"), ("bob", "bob.ipynb")]
    assert subs[0].path == tmp_path / "alice.ipynb"
    assert subs[0].path.is_absolute()


def test_file_in_nbgrader_tree_is_named_after_student_folder(tmp_path: Path) -> None:
    touch(tmp_path, f"submitted/alice/{A}/{A}.ipynb")
    subs = collect_submissions([tmp_path / f"submitted/alice/{A}/{A}.ipynb"], A)
    assert summary(subs) == [("alice", f"{A}.ipynb")]


def test_nbgrader_submitted_folder_takes_only_the_assignment(tmp_path: Path) -> None:
    touch(
        tmp_path,
        f"submitted/bob/{A}/{A}.ipynb",
        f"submitted/alice/{A}/{A}.ipynb",
        "submitted/alice/calculus/calculus.ipynb",
        "submitted/carol/calculus/calculus.ipynb",
        f"submitted/alice/{A}/.ipynb_checkpoints/{A}-checkpoint.ipynb",
        f"submitted/alice/{A}/timestamp.txt",
        "submitted/dave/calculus/calculus.ipynb",
    )
    subs = collect_submissions([tmp_path / "submitted"], A)
    assert summary(subs) == [
        ("alice", f"alice/{A}/{A}.ipynb"),
        ("bob", f"bob/{A}/{A}.ipynb"),
    ]


def test_one_students_nbgrader_assignment_folder(tmp_path: Path) -> None:
    touch(
        tmp_path,
        f"submitted/alice/{A}/{A}.ipynb",
        f"submitted/alice/{A}/extra/part2.ipynb",
        "submitted/alice/calculus/calculus.ipynb",
    )
    subs = collect_submissions([tmp_path / f"submitted/alice/{A}"], A)
    assert summary(subs) == [("alice", "extra/part2.ipynb"), ("alice", f"{A}.ipynb")]


def test_nbgrader_trees_given_together(tmp_path: Path) -> None:
    touch(tmp_path, f"section1/alice/{A}/{A}.ipynb", f"section2/bob/{A}/{A}.ipynb")
    subs = collect_submissions([tmp_path / "section1", tmp_path / "section2"], A)
    assert summary(subs) == [
        ("alice", f"section1/alice/{A}/{A}.ipynb"),
        ("bob", f"section2/bob/{A}/{A}.ipynb"),
    ]


def test_plain_folder_is_searched_recursively(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "batch/alice.ipynb",
        "batch/late/bob.ipynb",
        f"batch/carol/{A}/{A}.ipynb",
        "batch/notes.txt",
        "batch/broken.ipynb",
        "batch/.hidden/eve.ipynb",
        "batch/.ipynb_checkpoints/alice-checkpoint.ipynb",
        "batch/.dave.ipynb",
    )
    (tmp_path / "batch/broken.ipynb").write_bytes(b"\x00not json")
    subs = collect_submissions([tmp_path / "batch"], A)
    assert summary(subs) == [
        ("alice", "alice.ipynb"),
        ("bob", "late/bob.ipynb"),
        ("broken", "broken.ipynb"),
        ("carol", f"carol/{A}/{A}.ipynb"),
    ]


def test_ids_are_relative_to_the_common_root_of_the_arguments(tmp_path: Path) -> None:
    touch(tmp_path, "week1/alice.ipynb", "week2/alice.ipynb", "week2/bob.ipynb")
    subs = collect_submissions([tmp_path / "week1", tmp_path / "week2/bob.ipynb"], A)
    assert summary(subs) == [("alice", "week1/alice.ipynb"), ("bob", "week2/bob.ipynb")]


def test_two_notebooks_of_one_student_are_both_kept(tmp_path: Path) -> None:
    touch(tmp_path, "week1/alice.ipynb", "week2/alice.ipynb")
    subs = collect_submissions([tmp_path / "week1", tmp_path / "week2"], A)
    assert summary(subs) == [("alice", "week1/alice.ipynb"), ("alice", "week2/alice.ipynb")]
    assert len({s.submission for s in subs}) == 2


def test_duplicates_are_collected_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "batch/alice.ipynb", "batch/bob.ipynb")
    monkeypatch.chdir(tmp_path)
    subs = collect_submissions(
        [
            Path("batch"),
            Path("batch/alice.ipynb"),
            tmp_path / "batch/alice.ipynb",
            Path("batch/../batch/bob.ipynb"),
        ],
        A,
    )
    assert summary(subs) == [("alice", "alice.ipynb"), ("bob", "bob.ipynb")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_same_file_through_a_symlink_is_collected_once(tmp_path: Path) -> None:
    touch(tmp_path, "batch/alice.ipynb")
    (tmp_path / "link.ipynb").symlink_to(tmp_path / "batch/alice.ipynb")
    subs = collect_submissions([tmp_path / "batch", tmp_path / "link.ipynb"], A)
    assert len(subs) == 1


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(UsageError, match=f"^no such file or folder: {missing}$"):
        collect_submissions([missing], A)


def test_folder_without_notebooks_is_a_usage_error(tmp_path: Path) -> None:
    touch(tmp_path, "empty/notes.txt", "empty/.ipynb_checkpoints/x-checkpoint.ipynb")
    with pytest.raises(UsageError, match="no notebooks for assignment 'probability' in .*empty"):
        collect_submissions([tmp_path / "empty"], A)


def test_nbgrader_tree_without_the_assignment_is_a_usage_error(tmp_path: Path) -> None:
    touch(tmp_path, "submitted/alice/calculus/calculus.ipynb")
    touch(tmp_path, f"submitted/bob/{A}/timestamp.txt")
    with pytest.raises(UsageError, match="no notebooks for assignment"):
        collect_submissions([tmp_path / "submitted"], A)


def test_non_notebook_file_is_a_usage_error(tmp_path: Path) -> None:
    touch(tmp_path, "notes.txt")
    with pytest.raises(UsageError, match="not a notebook"):
        collect_submissions([tmp_path / "notes.txt"], A)


def test_no_paths_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        collect_submissions([], A)


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        collect_submissions([tmp_path / "a", tmp_path / "b"], A)
    assert "\n" not in str(info.value)
