# Two entry points (see README): `make demo` and `make test`. Both create .venv on first use.
# Runs as root or as a user, with no stdin; `make test` needs root only to install PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstalled whenever pyproject.toml changes (new dependencies).
INSTALLED := $(VENV)/.installed
DEMO := examples/exosome_bone_bibliography.txt

.PHONY: demo test venv lint compiled clean fuzz web-assets

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

demo: venv
	mkdir -p out
	$(BIN)/exobone ingest $(DEMO) --db sqlite:///out/demo.db
	$(BIN)/exobone extract $(DEMO) --out out/demo.jsonl
	$(BIN)/exobone report --db sqlite:///out/demo.db --out out/report.html
	@echo "demo: out/demo.db, out/demo.jsonl, out/report.html"

# The package as `pip install .` builds it: extraction compiled with mypyc (see setup.py).
# Installed apart from the editable .venv; use it with PYTHONPATH=build/compiled.
COMPILED := build/compiled
SOURCES := $(shell find src -name '*.py' -o -name '*.yaml') setup.py pyproject.toml

compiled: $(COMPILED)/.built

$(COMPILED)/.built: $(INSTALLED) $(SOURCES)
	bash scripts/compiler.sh
	rm -rf build
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps -w build/wheel .
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
		--target $(COMPILED) build/wheel/exobone-*.whl
	touch $@

# Front-end libraries the web app serves from node_modules/ (never a CDN): package.json and
# its package-lock.json, installed with the machine's npm.
WEB_ASSETS := node_modules/.package-lock.json

web-assets: $(WEB_ASSETS)

$(WEB_ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error </dev/null

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy

# PostgreSQL: scripts/postgres.sh starts a local server (installing it if needed) and prints
# its URL, unless EXOBONE_TEST_PG_URL already points at one.
test: venv lint compiled web-assets
	bash scripts/chromium.sh
	url="$${EXOBONE_TEST_PG_URL:-$$(bash scripts/postgres.sh)}" && \
	EXOBONE_TEST_PG_URL="$$url" EXOBONE_COMPILED_PATH="$(CURDIR)/$(COMPILED)" $(BIN)/pytest -q

clean:
	rm -rf out build .pytest_cache .mypy_cache .ruff_cache

# Mutation fuzzing of every reader (tests/ingest/fuzzing.py): FUZZ_SECONDS of one process
# (the test suite runs 400 inputs of it); each failure is listed with how its input was made.
FUZZ_SECONDS ?= 600
fuzz: venv
	$(BIN)/python tests/ingest/fuzzing.py --seconds $(FUZZ_SECONDS) --scratch build/fuzz
