# The front door. `make demo` and `make test` work on a fresh machine with Python 3.11 and npm.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENDOR := src/regie/static/vendor
export PYTHONDONTWRITEBYTECODE := 1
# The demo validates iWmo messages against the official schemas when they lie beside the repository.
DEMO_XSD := $(or $(IWMO_SCHEMA_DIR),$(wildcard $(abspath ../shared/iwmo/3.2/xsd)))

.PHONY: demo test setup lint bench serve migrate clean messages mutation

MO := src/regie/locale/nl/LC_MESSAGES/django.mo

setup: $(VENV)/.installed $(VENDOR)/.installed $(MO)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css $(VENDOR)/theme.css
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/component-library.css
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chart.umd.min.js
	touch $@

# The Dutch catalogue, compiled with Babel (pure Python: no GNU gettext needed).
$(MO): src/regie/locale/nl/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) manage.py translations compile

# After adding or changing a msgid: add it to the catalogue, translate it, `make setup` compiles it.
messages: $(VENV)/.installed
	$(PY) manage.py translations update
	-$(PY) manage.py translations check

migrate: setup
	mkdir -p var
	$(PY) manage.py migrate --noinput

# `make demo PORT=8001` (and HOST=…) serves elsewhere; the account list names the address it serves on.
HOST ?= 127.0.0.1
PORT ?= 8000

demo: migrate
	IWMO_SCHEMA_DIR="$(DEMO_XSD)" $(PY) manage.py demo --if-empty
	@$(PY) manage.py demo-accounts --url "http://$(HOST):$(PORT)/"
	IWMO_SCHEMA_DIR="$(DEMO_XSD)" $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

bench: migrate
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/settle.py
	$(PY) bench/monitoring.py

# Mutation testing of the business rules (docs/development.md, "Mutation testing"); not part of `make test`.
# Fails when a mutant survives that tests/mutation_equivalents.txt does not list with its reason.
IWMO_MATERIAL_DIR ?= $(abspath ../shared/iwmo)
mutation: setup
	$(PY) -m pip install --quiet -e '.[mutation]'
	rm -rf mutants var/mutation-test.sqlite3
	mkdir -p var
	IWMO_MATERIAL_DIR="$(IWMO_MATERIAL_DIR)" REGIE_TEST_DATABASE="$(CURDIR)/var/mutation-test.sqlite3" \
		nice -n 10 $(VENV)/bin/mutmut run --max-children 1
	$(PY) tests/mutation_gate.py

clean:
	rm -rf mutants $(VENV) node_modules $(VENDOR) var
