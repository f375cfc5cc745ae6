# policykg — `make help` lists the targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup system run test lint bench build

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
	$(BIN)/python -m policykg.serve --address 127.0.0.1 --port 8501

# Debian packages the tests drive: rapper re-parses exported Turtle, chromium is the browser Playwright
# drives (Playwright's own browser downloads are not reachable), virtuoso-t is the remote SPARQL store.
system:  ## Install the Debian packages the tests use (apt, as root or with sudo), when missing
	@if ! command -v rapper >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 \
	    || ! command -v virtuoso-t >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    raptor2-utils chromium virtuoso-opensource-7-bin >/dev/null; \
	fi

test: system $(STAMP)  ## Set up (Python and Debian packages) and run the whole test suite
	$(BIN)/pytest

lint: $(STAMP)  ## ruff, mypy and the layer contract (import-linter)
	$(BIN)/ruff check extract graph policykg tests bench app.py
	$(BIN)/mypy extract graph policykg bench app.py
	$(BIN)/lint-imports

bench: $(STAMP)  ## Print extraction figures
	$(BIN)/python -m bench.extract
	$(BIN)/python -m bench.graph
