# volte: two commands on a fresh machine.
#   make demo   builds .venv, installs volte and its English model, codes the bundled articles
#   make test   installs the dev tools (and Debian chromium for the browser tests), runs the whole suite
# Both install the versions in constraints.txt (the ones `make test` last passed with; regenerate it with
# `make constraints` after changing pyproject.toml or upgrading a package, and commit it).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q
PYTEST_ARGS ?=
CONSTRAINTS := -c constraints.txt

.PHONY: demo test install dev chromium eval bench lint typecheck constraints clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install $(CONSTRAINTS) -e ".[model,plot]"
	@touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PIP) install $(CONSTRAINTS) -e ".[model,plot,dev]"
	@touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

demo: $(VENV)/.installed
	$(BIN)/volte demo

# Debian's chromium for the Playwright tests (never `playwright install`, which downloads browsers).
chromium:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "warning: /usr/bin/chromium missing and not root: browser tests will be skipped"; fi

test: $(VENV)/.dev chromium
	$(BIN)/python -W error -c "import volte, volte.cli"
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider $(PYTEST_ARGS)
	$(MAKE) --no-print-directory eval

# The quality gate: accuracy on the development sets in ../shared/eval against pinned floors.
eval: $(VENV)/.installed
	@if [ -d ../shared/eval ]; then \
		$(BIN)/volte eval ../shared/eval/cameo_codebook_examples.jsonl ../shared/eval/plover_gsr.jsonl \
			../shared/eval/petrarch2_pytest.jsonl ../shared/eval/conflibert_cameo_train.jsonl \
			../shared/eval/plv_train.jsonl ../shared/eval/case2021_task2.jsonl --floors tests/eval/baseline.json; \
	else echo "../shared/eval not present: quality gate skipped"; fi

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py --skip-dask

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench tools

typecheck: $(VENV)/.dev
	$(BIN)/mypy

# Re-pin constraints.txt from the dev venv (after `make test` passed in it).
constraints: $(VENV)/.dev
	$(BIN)/python tools/dependencies.py constraints

clean:
	rm -rf $(VENV) build dist artifacts .pytest_cache .mypy_cache
