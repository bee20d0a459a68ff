# wardesk: two commands on a fresh machine — `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= wardesk.db
PORT ?= 8765

.PHONY: demo test lint typecheck unit browser-deps bench bench-store fuzz load clean eval pin-eval docs

$(BIN)/wardesk: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(BIN)/wardesk
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# Front-end libraries (Leaflet, a world basemap) come from npm at set-up, never from a CDN.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund
	touch $@

# The samples cover 10–19 March 2025; the brief spans them all.
demo: $(BIN)/wardesk frontend/node_modules/.package-lock.json
	$(BIN)/wardesk --db $(DB) --quiet ingest samples/ ; test $$? -le 1
	$(BIN)/wardesk --db $(DB) brief --since 2025-03-10
	@echo "Serving the desk at http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	$(BIN)/wardesk --db $(DB) serve --host 127.0.0.1 --port $(PORT)

# Debian's Chromium drives the UI tests; installed here when missing (never downloaded by a tool).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests || true

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev
	$(BIN)/pytest -q

test: $(VENV)/.dev browser-deps frontend/node_modules/.package-lock.json
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	export WARDESK_TEST_PG="$$(scripts/pg_test_server.sh start)"; \
	  $(BIN)/pytest -q -p no:cacheprovider; status=$$?; \
	  scripts/pg_test_server.sh stop; exit $$status

eval: $(BIN)/wardesk
	$(BIN)/wardesk eval ../shared/seed/gold.json
	$(BIN)/wardesk eval ../shared/eval/plover_gsr_cameo.json

# Speed: bare spaCy vs wardesk extract/ingest at 1 and all cores (BENCH_LARGE=1: 20,000 articles).
bench: $(VENV)/.dev
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hotspots.py --top 20

# Store at scale: 1,000,000 synthetic events (EVENTS=…), then the query benchmark.
EVENTS ?= 1000000
bench-store: $(VENV)/.dev
	$(BIN)/python bench/store_generate.py --db build/bench/store.db --events $(EVENTS)
	$(BIN)/python bench/store_queries.py --db build/bench/store.db

# Hostile input at volume (CI runs ~11,000 inputs; this runs FUZZ_EXAMPLES, default 100,000).
fuzz: $(VENV)/.dev
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100000} $(BIN)/pytest tests/fuzz -q -p no:cacheprovider -W ignore::hypothesis.errors.HypothesisWarning

# 200 concurrent clients for 60 s on loopback while an ingest writes.
load: $(VENV)/.dev
	$(BIN)/python scripts/load_test.py --db build/load.db --clients 200 --seconds 60

pin-eval: $(VENV)/.dev
	$(BIN)/python scripts/pin_eval_floors.py

docs: $(VENV)/.dev
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
