# The GFMD Platform. Two commands matter: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: demo test test-sqlite test-postgres browser-deps lint fmt messages bench clean migrations-check

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

messages: $(STAMP)
	$(PY) -m gfmd.common.catalogues

# Runs the platform on the embedded SQLite database with the demo data from the sources.
demo: export GFMD_DEMO = 1
demo: $(STAMP) messages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_reference
	$(MANAGE) load_sources
	$(MANAGE) create_demo_users
	bash scripts/demo-serve.sh $(PY)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: $(STAMP)
	GFMD_TESTING=1 $(MANAGE) makemigrations --check --dry-run

browser-deps:
	@bash scripts/install-system-deps.sh

# Lint, migrations, the whole suite on SQLite, again on a throw-away PostgreSQL server, and the
# browser tests (Debian's Chromium through Playwright).
test: browser-deps $(STAMP) messages lint migrations-check test-sqlite test-postgres

PYTEST := GFMD_TESTING=1 $(VENV)/bin/pytest -q -p no:cacheprovider

test-sqlite: $(STAMP)
	DATABASE_URL=sqlite:///:memory: $(PYTEST) -m "not browser"

test-postgres: $(STAMP)
	GFMD_TESTING=1 bash scripts/with-postgres.sh \
	  bash -c '$(PYTEST) -m "not browser" && $(PYTEST) -m browser'

test-browser: $(STAMP)
	DATABASE_URL=sqlite:///:memory: $(PYTEST) -m browser

bench: $(STAMP) messages
	bash scripts/with-postgres.sh $(PY) bench/run.py
	bash scripts/with-postgres.sh $(PY) bench/library.py
	bash scripts/with-postgres.sh $(PY) bench/preparation.py
	$(PY) bench/marketplace.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
