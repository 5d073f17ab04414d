# Two commands: `make run` serves the app, `make test` runs every test. Both set up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
MODEL := hotline/nlp/model/config.cfg
MODEL_INPUTS := $(wildcard hotline/nlp/corpus/*/*.jsonl) $(wildcard hotline/nlp/*.py) $(wildcard hotline/nlp/data/*)
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.PHONY: run test setup setup-dev bench evaluate lint translations clean

run: setup
	$(BIN)/hotline info
	scripts/run.sh

test: setup-dev
	scripts/test.sh

bench: setup
	$(BIN)/python bench/classify.py

evaluate: setup
	$(BIN)/hotline evaluate

setup: $(INSTALLED) $(MODEL) translations
	$(BIN)/hotline db upgrade
	$(BIN)/hotline demo

setup-dev: setup $(DEV_INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(DEV_INSTALLED): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# Retrained when the corpus, the gazetteer or the NLP code changes.
$(MODEL): $(INSTALLED) $(MODEL_INPUTS)
	$(BIN)/hotline train

translations: $(COMPILED)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(INSTALLED)
	$(BIN)/pybabel -q compile -i $< -o $@

lint: setup-dev
	$(BIN)/ruff check hotline tests bench

clean:
	rm -rf $(VENV) hotline/nlp/model instance/*.sqlite3* $(COMPILED)
