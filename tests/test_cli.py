"""The `mathgrade` CLI: usage errors exit 2 and write nothing; grading prints and writes."""

from __future__ import annotations

import json

from conftest import TOY_ROOT
from typer.testing import CliRunner

from autograder.cli.app import app

runner = CliRunner()
ROOT = ["--root", str(TOY_ROOT)]


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_unknown_assignment_exits_2(tmp_path):
    result = invoke("grade", "nope", str(tmp_path), *ROOT)
    assert result.exit_code == 2
    assert "unknown assignment 'nope'" in result.output


def test_missing_path_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "out.json"
    result = invoke("grade", "toy", str(tmp_path / "missing"), "--json", str(out), *ROOT)
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not out.exists()


def test_unwritable_output_exits_2_before_grading(toy_notebook, tmp_path):
    toy_notebook("ada")
    result = invoke("grade", "toy", str(tmp_path), "--json", str(tmp_path / "no" / "x.json"),
                    *ROOT)
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == [tmp_path / "ada.ipynb"]


def test_grade_prints_table_and_writes_json_and_csv(toy_notebook, tmp_path):
    toy_notebook("ada")
    toy_notebook("bob", double="def double(x):\n    return x + 2\n")
    out, table = tmp_path / "out" / "r.json", tmp_path / "out" / "r.csv"
    out.parent.mkdir()
    result = invoke("grade", "toy", str(tmp_path), "--json", str(out), "--csv", str(table),
                    *ROOT)
    assert result.exit_code == 0, result.output
    assert "ada" in result.output and "bob" in result.output
    data = json.loads(out.read_text())
    assert [(r["student"], r["score"], r["max_score"]) for r in data] == [
        ("ada", 5.0, 5.0), ("bob", 2.0, 5.0)]
    assert data[1]["exercises"]["double"]["misconception"] == "adds_two"
    assert table.read_text().splitlines()[0].startswith("student,submission,assignment,status")


def test_verify_passes_on_the_toy_course():
    result = invoke("verify", "toy", *ROOT)
    assert result.exit_code == 0, result.output
    assert "verify toy: 14 of 14 checks hold" in result.output


def test_doctor_reports_each_mechanism():
    result = invoke("doctor", *ROOT)
    assert result.exit_code == 0, result.output
    for mechanism in ("unprivileged worker uid", "no network", "no new processes",
                      "memory limit", "scrubbed environment"):
        assert mechanism in result.output


def test_build_writes_the_solution_notebook_and_reports_authoring_errors(tmp_path):
    import shutil

    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    notebook = root / "solutions" / "toy" / "toy.ipynb"
    notebook.unlink()
    result = invoke("build", "toy", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert notebook.read_text() == (TOY_ROOT / "solutions" / "toy" / "toy.ipynb").read_text()
    source = root / "solutions" / "toy" / "toy.py"
    source.write_text(source.read_text().replace("# %% square", "# %% cube"))
    result = invoke("build", "toy", "--root", str(root))
    assert result.exit_code == 2
    assert "code cell 4 (cube): a code cell's title must be `setup`" in result.output


def test_no_replay_gives_byte_identical_json(toy_notebook, tmp_path):
    toy_notebook("ada")
    toy_notebook("bob", double="def double(x):\n    return x + 2")
    outputs = []
    for flags in ([], ["--no-replay"]):
        out = tmp_path / f"results{len(flags)}.json"
        result = invoke("grade", "toy", str(tmp_path), "--json", str(out), *flags, *ROOT)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
