# make demo : set everything up, process the seed articles, print a summary
# make test : set everything up, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= lagebild.db

.PHONY: demo test setup lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/lagebild run examples/seeds --db $(DB)
	$(BIN)/lagebild articles --db $(DB)
	$(BIN)/lagebild story RUS VEN --db $(DB)
	@echo
	@echo "Open the web UI:  $(BIN)/lagebild serve --db $(DB)   then browse http://127.0.0.1:8000"
	@echo "More:             $(BIN)/lagebild events --db $(DB)   |   $(BIN)/lagebild --help"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info src/*.egg-info
