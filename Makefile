# Set-up and everyday commands. `make run` and `make test` create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
# A path-based editable install: setuptools' default import hook adds ~20 ms to every start.
EDITABLE ?= --config-settings editable_mode=compat

.PHONY: run test test-server server-start server-stop bench screenshots forms lint clean

$(VENV)/.base:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	touch $@

$(VENV)/.installed-run: pyproject.toml $(VENV)/.base
	$(PY) -m pip install --quiet $(EDITABLE) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.base
	$(PY) -m pip install --quiet $(EDITABLE) -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-server: pyproject.toml $(VENV)/.base
	$(PY) -m pip install --quiet $(EDITABLE) -e '.[test,server]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

# DB=postgresql://USER@HOST:PORT/DBNAME (or a file path) opens that database instead of the default file.
run: $(VENV)/.installed-run
	QT_QPA_PLATFORM= $(PY) -m rtw_planner $(if $(DB),--db $(DB))

# A local PostgreSQL to try the clinic server mode: in .server/ (owner-only), on 127.0.0.1:$(SERVER_PORT), database
# rtw_test, the demo case imported. Not for patient data: it trusts every local connection. `make server-stop` ends it.
SERVER_PORT ?= 55432
SERVER_URL := postgresql://postgres@127.0.0.1:$(SERVER_PORT)/rtw_test

server-start: $(VENV)/.installed-server
	@mkdir -p -m 700 .server
	@scripts/pg_cluster.sh start "$(CURDIR)/.server" $(SERVER_PORT) >/dev/null
	@$(PY) -m rtw_planner --db $(SERVER_URL) import resources/cases/demo-warehouse-picker.json >/dev/null
	@echo "Started. Open it with:  make run DB=$(SERVER_URL)"

server-stop:
	@scripts/pg_cluster.sh stop "$(CURDIR)/.server"
	@rm -rf .server

# The GUI tests must cover this share of the GUI package's lines (its generated forms aside). Only tests/gui
# reaches the GUI, so the rest of the suite runs first without the tracer, which would double its time.
GUI_COVERAGE ?= 85

test: $(VENV)/.installed-test
	$(PY) -m pytest -q --ignore=tests/gui
	$(PY) -m pytest -q tests/gui --cov=rtw_planner.gui --cov-report=term --cov-fail-under=$(GUI_COVERAGE)

# The storage and command suites on PostgreSQL: against RTW_PLANNER_TEST_PG_URL when it is set (.ci/run sets it),
# else against a throw-away server this target starts in a temporary folder on a free local port and stops however
# the run ends (needs Debian's postgresql package; scripts/pg_cluster.sh).
SERVER_SUITES ?= tests/db tests/commands tests/gui/test_team_server.py

test-server: $(VENV)/.installed-server
	@if [ -n "$$RTW_PLANNER_TEST_PG_URL" ]; then \
	  echo "PostgreSQL run against $$RTW_PLANNER_TEST_PG_URL"; \
	  $(PY) -m pytest -q $(SERVER_SUITES); \
	else \
	  dir=$$(mktemp -d); \
	  trap 'scripts/pg_cluster.sh stop "$$dir"; rm -rf "$$dir"' EXIT; \
	  port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	  url=$$(scripts/pg_cluster.sh start "$$dir" "$$port") || exit 2; \
	  echo "PostgreSQL run against a throw-away server, $$url"; \
	  RTW_PLANNER_TEST_PG_URL=$$url $(PY) -m pytest -q $(SERVER_SUITES); \
	fi

lint: $(VENV)/.installed-test
	$(PY) -m ruff check rtw_planner tests benchmarks scripts
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

bench: $(VENV)/.installed-test
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/letter.py
	$(PY) benchmarks/save.py
	$(PY) benchmarks/match.py
	$(PY) benchmarks/search.py

screenshots: $(VENV)/.installed-test
	$(PY) scripts/screenshots.py
	$(PY) scripts/document_pages.py

# Regenerate the Designer forms (ui/*.ui -> rtw_planner/gui/forms/ui_*.py).
forms: $(VENV)/.installed-test
	$(PY) scripts/compile_forms.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
