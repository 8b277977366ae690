# Two commands for a new user: `make serve` and `make test`. Each creates .venv from the pinned
# requirements the first time (and again when a requirements file changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint validate new export bench clean

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

serve: $(STAMP)  ## build and serve the site on http://127.0.0.1:8000, rebuilding on changes
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)  ## write the site to site/
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(NODE_STAMP)  ## lint, then run the whole test suite (unit, site and browser layers)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the unit layer only: pages and checks made in memory, in seconds
	$(BIN)/python -m pytest -m unit -q

lint: $(STAMP)  ## ruff, with the project's settings (ruff.toml)
	$(BIN)/ruff check .

validate: $(STAMP)  ## check every entry and data file, as the build does
	$(BIN)/python scripts/validate.py

new: $(STAMP)  ## scaffold an entry: make new KIND=programme SLUG=my-programme LANG=es
	$(BIN)/python scripts/new_entry.py --kind $(KIND) --slug $(SLUG) --lang $(or $(LANG),es)

export: $(STAMP)  ## write entries as JSON and CSV into site/data/
	$(BIN)/python scripts/export.py

bench: $(STAMP)  ## time a build with N synthetic entries: make bench N=200
	$(BIN)/python scripts/bench.py --entries $(or $(N),200)

clean:
	rm -rf site
	cd docs && git clean -fdX -q .
