# Orientation — the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# `make run` is for development on this machine: debug on and the admin's two-step login off
# unless you say otherwise (a warning and an admin banner say it is off).
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1} DJANGO_ADMIN_MFA=$${DJANGO_ADMIN_MFA:-0}
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

.DEFAULT_GOAL := help
.PHONY: help install install-test install-lint run superuser test bench lint format messages messages-compiled system-packages lock browser clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# What running needs; the test and lint tools come only with `make test` and `make lint`.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

$(VENV)/.installed-lint: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[lint]"
	@touch $@

# The catalogues too: the site refuses to start without them (orientation_site/checks.py), and the
# tests read the French URLs from them.
install: $(VENV)/.installed messages-compiled ## Create .venv, install what running needs, compile the catalogues

install-test: $(VENV)/.installed-test messages-compiled ## Also install the test tools (pytest, Playwright, ruff…)

install-lint: $(VENV)/.installed-lint ## Also install the linters (ruff, hadolint)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | system-packages
	msgfmt --check-format -o $@ $<

messages-compiled: $(CATALOGUES)

system-packages: ## Install the Debian packages the site needs (gettext) when root and missing
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } \
	  || { echo "Install gettext (msgfmt) to compile the translations."; exit 1; }

run: install messages-compiled ## Migrate, load the content and serve on 127.0.0.1:$(PORT) (SQLite)
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py seed_content
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

superuser: install ## Create an admin account interactively (asks for a username and password)
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py createsuperuser

browser: ## Install Debian's Chromium for the browser tests (when root and missing)
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install Debian's 'chromium' package (as root) for the browser tests."; exit 1; \
	  fi; \
	fi

# Coverage of services/ and orientation_site/ is reported at the end (pyproject's
# [tool.coverage]); `make test COVERAGE=` skips it. (Not --no-cov: pytest-cov then warns,
# and the suite turns warnings into errors.)
COVERAGE ?= --cov --cov-report=term
test: install-test messages-compiled browser ## Run the whole suite, browser tests included, with coverage
	$(BIN)/pytest $(COVERAGE); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing."; exit 1; fi; \
	  exit $$status

bench: install messages-compiled ## Benchmark against a minimal view and nginx (writes bench/RESULTS.md)
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { [ "$$(id -u)" = 0 ] \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; } \
	  || { echo "Install wrk and nginx (Debian packages) to run the benchmark."; exit 1; }
	$(BIN)/python bench/run.py

lint: install-lint ## ruff (lint and format), djhtml (templates), import-linter (the seams), hadolint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	$(BIN)/hadolint Dockerfile

format: install-lint ## Format and fix imports
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates
	$(BIN)/ruff format .

messages: install-test ## Extract interface strings into locale/*/django.po (needs gettext)
	$(BIN)/python manage.py makemessages -l fr -l en --no-wrap --add-location=file --ignore=.venv --ignore=staticfiles
	# English msgids are the English text: each msgstr is its msgid, never a fuzzy guess.
	$(BIN)/python scripts/english_catalogue.py locale/en/LC_MESSAGES/django.po
	@msgattrib --untranslated --only-fuzzy locale/fr/LC_MESSAGES/django.po | grep -q msgid && echo "French catalogue: fuzzy entries to review." || true

lock: install ## Record the exact versions installed into constraints.txt
	@{ sed -n '1,2p' constraints.txt; $(BIN)/pip freeze --exclude-editable; } > constraints.tmp && mv constraints.tmp constraints.txt

clean: ## Remove the virtual environment, compiled catalogues and collected static files
	rm -rf $(VENV) staticfiles $(CATALOGUES)
