# policykg — `make help` lists the targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup run test lint bench build

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## Create the virtual environment and install policykg

build: $(STAMP)  ## Extract the bundled corpus into ./workspace
	$(BIN)/policykg build

run: build  ## Set up, build the bundled corpus and start the app on 127.0.0.1:8501
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(STAMP)  ## Set up and run the whole test suite
	$(BIN)/pytest

lint: $(STAMP)  ## ruff, mypy and the layer contract (import-linter)
	$(BIN)/ruff check extract graph policykg tests bench app.py
	$(BIN)/mypy extract graph policykg
	$(BIN)/lint-imports

bench: $(STAMP)  ## Print extraction figures
	$(BIN)/python -m bench.extract
	$(BIN)/python -m bench.graph
