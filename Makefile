# Unknot: `make run` serves the app, `make test` runs every test, `make bench` prints figures.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export FLASK_APP := api

.PHONY: run install test bench lint lint-js format-js chromium server-tools poppler node npm wrk clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[postgres]'
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[postgres,dev]'
	touch $@

# Debian's Chromium for the browser tests (Playwright's own download does not work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

# pdfinfo, pdftotext and pdftoppm: the report's test reads back the PDF Chromium prints.
poppler:
	@command -v pdftotext >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; }

# What the tests of deploy/ and of backups run: Caddy in front of the app, certutil to make
# Chromium trust Caddy's own certificate authority, systemd-analyze to check the unit files, and
# on PostgreSQL pg_dump and pg_restore (`flask backup` runs them).
server-tools:
	@command -v caddy >/dev/null 2>&1 && command -v certutil >/dev/null 2>&1 && \
	  command -v systemd-analyze >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy libnss3-tools systemd; }
	@case "$$DATABASE_URL" in postgres*) command -v pg_dump >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client; };; \
	esac

# Node for the front-end unit tests (tests/js, node:test); Debian's nodejs when missing.
node:
	@command -v node >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs; }

# npm for the dev tools below and Lighthouse (Debian ships it apart from nodejs).
npm: node
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }

# Biome formats and lints the front end (tools/package.json, biome.jsonc); nothing of it ships.
BIOME := tools/node_modules/.bin/biome
JS_FILES := pwa tests/js

tools/node_modules/.package-lock.json: tools/package-lock.json tools/package.json | npm
	cd tools && npm ci --no-audit --no-fund --loglevel=error

lint-js: tools/node_modules/.package-lock.json
	$(BIOME) ci $(JS_FILES)

format-js: tools/node_modules/.package-lock.json
	$(BIOME) format --write $(JS_FILES)

# The venv that deploy/unknot.service runs from (make run does this and then serves).
install: $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/flask db upgrade
	$(BIN)/flask keys init
	$(BIN)/python -m api.serve --port $(PORT)

test: $(VENV)/.dev-installed chromium node server-tools poppler lint-js
	$(BIN)/ruff check api tests bench
	node --import ./tests/js/esm.mjs --test tests/js/*.test.mjs
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(VENV)/.dev-installed chromium wrk bench/node_modules/.package-lock.json
	$(BIN)/python -m bench

# wrk, Debian's HTTP load generator, for bench_capacity.py.
wrk:
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# Lighthouse for bench_shell.py (bench/package.json; nothing of it ships).
# A dependency of Lighthouse asks for "latest" of another package, so the lock file can fall out of
# date as that package moves on; then install from package.json without rewriting the lock.
bench/node_modules/.package-lock.json: bench/package-lock.json bench/package.json | npm
	cd bench && { npm ci --no-audit --no-fund --loglevel=error || \
	  npm install --no-save --no-audit --no-fund --loglevel=error; }

lint: $(VENV)/.dev-installed lint-js
	$(BIN)/ruff check api tests bench
	$(BIN)/ruff format --check api tests bench

clean:
	rm -rf $(VENV) .pytest_cache
