# Two commands for a newcomer: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
PORT ?= 8000
CONSTRAINTS := requirements/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-fast install install-test lock lint messages extract-messages demo bench bench-ab bench-news bench-pdf

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency pins change.
$(VENV)/.installed: $(PY) pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $@

# Test tools from npm (the Nu HTML Checker), pinned by package-lock.json; install scripts are
# off (vnu-jar's would download a Java: the machine's own is used). Without npm the HTML
# validity tests skip with a reason (and fail under REQUIRE_VNU=1, as in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity tests will be skipped"; fi

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

messages: install
	$(PY) manage.py compile_catalogue

# After adding or changing an interface string: extract, translate in locale/fr, commit.
extract-messages: install
	$(PY) manage.py makemessages -l fr --no-obsolete --no-location -i '.venv/*' -i 'tests/*'

demo: install messages
	$(PY) manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py build_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/fr/ (English: /en/, admin: /admin/)"
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# In parallel, one worker per core (pytest-xdist); TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto
test: install-test messages
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Without the system tests (browser, HTML checker, servers and other processes).
test-fast: install-test messages
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not system" $(PYTEST_ARGS)

lint: install-test
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# Benchmark tools from npm (Lighthouse, the MDN HTTP Observatory), pinned by bench/package-lock.json.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch node_modules/.installed

# Every public page type under gunicorn + PostgreSQL + Redis: queries, server time and
# throughput (uncached, cached, static ceiling), Lighthouse, the HTTP Observatory grade.
# Needs wrk and Chromium (apt-get install wrk chromium); see docs/performance.md.
bench: install-test messages bench/node_modules/.installed
	$(PY) bench/site_bench.py

# This checkout against another commit (REF, default HEAD~1), interleaved in one run: the
# ratio this ÷ REF of every page type's server time, uncached and cached (bench/ab.py).
REF ?= HEAD~1
bench-ab: install-test messages
	REF=$(REF) $(PY) bench/ab.py

# Median server time of the news pages with 5 and 1,000 articles (see bench/news_pages.py).
bench-news: install-test messages
	$(PY) bench/news_pages.py

# Regenerate the full pin list after changing a version in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[test]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > $(CONSTRAINTS)
	rm -rf .lock-venv

# Time of the PDF check on hostile documents, as ratios to a 500-page one (bench/hostile_pdfs.py).
bench-pdf: install-test
	$(PY) bench/hostile_pdfs.py
