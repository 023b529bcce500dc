# yolvarex: `make run` serves the app, `make test` runs every check. See README.md.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgresql+psycopg://yolvarex:yolvarex@127.0.0.1:5432/postgres
PYTEST_WORKERS ?= 2
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/yolvarex: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/yolvarex
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $@

run: $(BIN)/yolvarex
	$(BIN)/yolvarex db upgrade
	@if [ -n "$(DEMO)" ]; then $(BIN)/yolvarex demo; fi
	@echo "yolvarex: open http://$(HOST):$(PORT) in your browser"
	$(BIN)/yolvarex serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: $(VENV)/.test-deps
	scripts/test-services.sh
	$(MAKE) --no-print-directory lint
	YOLVAREX_TEST_DB=sqlite $(BIN)/pytest -q -n $(PYTEST_WORKERS)
	YOLVAREX_TEST_DB=postgresql YOLVAREX_TEST_PG_URL=$(PG_URL) $(BIN)/pytest -q -n $(PYTEST_WORKERS) -m db

bench: $(VENV)/.test-deps
	scripts/test-services.sh  # bench_scale_out.py runs against the suite's PostgreSQL
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/artifacts
