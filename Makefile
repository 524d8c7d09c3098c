# Two entry points (see README): `make demo` and `make test`. Both create .venv on first use.
# Runs as root or as a user, with no stdin; `make test` needs root only to install PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstalled whenever pyproject.toml changes (new dependencies).
INSTALLED := $(VENV)/.installed
DEMO := examples/exosome_bone_bibliography.txt

.PHONY: demo test venv lint clean

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

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy

# PostgreSQL: scripts/postgres.sh starts a local server (installing it if needed) and prints
# its URL, unless EXOBONE_TEST_PG_URL already points at one.
test: venv lint
	bash scripts/chromium.sh
	url="$${EXOBONE_TEST_PG_URL:-$$(bash scripts/postgres.sh)}" && \
	EXOBONE_TEST_PG_URL="$$url" $(BIN)/pytest -q

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
