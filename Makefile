# goldendome: the two set-up commands of the README, plus helpers.
#   make demo   install everything into .venv and run the embedded default scenario
#   make warm   compile and cache the numba kernels (install does it once)
#   make speed  measure first and warm run, validate and size; writes docs/speed.md
#   make test   install everything and run lint, types, architecture checks and all tests
#   make bench  run the benchmarks (ratios against references in the same process)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install browser warm demo test lint check-tests bench speed clean

# Installing also compiles the numba kernels once (tools/warm_caches.py runs the default
# scenario with two trials), so the first run does not spend minutes compiling.
# npm packages for the offline globe and the report's maps (CesiumJS, the Natural Earth atlas).
NODE_STAMP := node_modules/.installed-stamp
# Debian's Chromium, which the browser tests drive through Playwright (never `playwright install`).
CHROMIUM ?= /usr/lib/chromium/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python tools/warm_caches.py
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

install: $(STAMP) $(NODE_STAMP)

warm: $(STAMP)
	$(BIN)/python tools/warm_caches.py

demo: $(STAMP) $(NODE_STAMP)
	$(BIN)/goldendome run

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples tools
	$(BIN)/ruff format --check src tests benchmarks examples tools
	$(BIN)/mypy
	$(BIN)/lint-imports

# The test suite and the benchmarks' untimed pass run side by side (both mostly use one core
# each); the benchmarks' log is printed after the tests, and either failing fails the target.
# Under GOLDENDOME_REQUIRE_BROWSER=1 a browser test without Chromium fails instead of skipping.
check-tests: $(STAMP) $(NODE_STAMP) browser
	@mkdir -p .benchmarks
	@$(BIN)/python -m pytest benchmarks --benchmark-disable -q -p no:cacheprovider \
		> .benchmarks/untimed.log 2>&1 & bench=$$!; \
	GOLDENDOME_REQUIRE_BROWSER=1 $(BIN)/python -m pytest; tests=$$?; \
	wait $$bench; benchmarks=$$?; \
	echo "== benchmarks, run once untimed (exit $$benchmarks) =="; cat .benchmarks/untimed.log; \
	test $$tests -eq 0 && test $$benchmarks -eq 0

test: lint check-tests

bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks -p no:cacheprovider

speed: $(STAMP)
	$(BIN)/python tools/measure_speed.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis .benchmarks
