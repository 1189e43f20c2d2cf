# Atlante: `make map` builds the map from the bundled samples; `make test` runs every test.
# Both create the virtual environment .venv from the pins in pyproject.toml.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip -q --disable-pip-version-check
CHROMIUM ?= /usr/bin/chromium

.PHONY: map test lint bench bench-text bench-map eval gazetteer weights clean lab screenshots dask

map: $(VENV)/.runtime
	$(PY) make_map.py -o out

test: $(VENV)/.test $(CHROMIUM)
	$(PY) -m ruff check .
	$(PY) -m pytest -q --nbmake tests notebooks

# The README's two screenshots (docs/screenshots/), taken by the browser tests; `make test` leaves them as they are.
screenshots: $(VENV)/.test $(CHROMIUM)
	ATLANTE_SCREENSHOTS=1 $(PY) -m pytest -q tests/test_browser.py -k "desktop_samples_screenshot or phone_layout"

lint: $(VENV)/.test
	$(PY) -m ruff check .

# `make bench` runs the three; only bench_map.py drives Chromium (as the browser tests do): `make bench-text` runs the
# gazetteer and figures benchmarks without it, `make bench-map` the map's.
bench: bench-text bench-map

bench-text: $(VENV)/.test
	$(PY) benchmarks/bench_gazetteer.py
	$(PY) benchmarks/bench_figures.py

bench-map: $(VENV)/.test $(CHROMIUM)
	$(PY) benchmarks/bench_map.py

# JupyterLab on the notebooks (installs the `notebook` extra first); LAB_ARGS="--no-browser --port 8890" etc.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(VENV)/.notebook
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $(LAB_ARGS)

# The `dask` extra, for `--dask local` or a Dask cluster (`make map` installs the runtime only).
dask: $(VENV)/.dask

eval: $(VENV)/.runtime
	$(PY) benchmarks/eval_geoparsing.py --split test

# Refit the weights of the weighed decisions on ../shared/eval/news_train; news_dev is only checked.
weights: $(VENV)/.test
	$(PY) geo/data/fit_weights.py --check ../shared/eval/news_dev
	$(PY) geo/data/fit_recognition.py --check ../shared/eval/news_dev

gazetteer: $(VENV)/.runtime
	$(PY) geo/data/build_gazetteer.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(PIP) install -e ".[test,fit,dask]"
	touch $@

$(VENV)/.dask: pyproject.toml $(VENV)/.runtime
	$(PIP) install -e ".[dask]"
	touch $@

$(VENV)/.notebook: pyproject.toml $(VENV)/.runtime
	$(PIP) install -e ".[notebook]"
	touch $@

# Debian's Chromium drives the browser tests (never `playwright install`: it downloads a browser).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
