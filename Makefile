# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench expected clean

$(BIN)/mathgrade: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/mathgrade
	$(BIN)/mathgrade grade probability course/demo --json course/demo-results.json

test: $(BIN)/mathgrade
	$(BIN)/ruff check autograder tests benchmarks course solutions
	$(BIN)/pytest -q

lint: $(BIN)/mathgrade
	$(BIN)/ruff check autograder tests benchmarks course solutions

# After a change to the probability suites: pin what the demo batch scores now (review the diff).
expected: $(BIN)/mathgrade
	$(BIN)/python course/demo/update_expected.py

bench: $(BIN)/mathgrade
	$(BIN)/python benchmarks/grade_throughput.py

clean:
	rm -rf $(VENV) course/submitted course/autograded course/feedback course/gradebook.db
