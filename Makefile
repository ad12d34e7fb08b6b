# Two commands on a fresh machine (Python 3.11 to 3.13, git, Debian's apt):
#   make lab    set up, then open JupyterLab on notebooks/00-start-here.ipynb
#               (make lab EDITION=zh: the Chinese edition, notebooks/zh/00-start-here.ipynb)
#   make test   set up, then lint and run every test (unit, data, exercises, notebooks of both editions)
PYTHON ?= python3
VENV   := .venv
# BIN may point at another environment's bin/ (tests/test_lab.py serves the lab from the test run's own venv).
BIN    ?= $(VENV)/bin
STAMP  := $(VENV)/.coursekit-installed
# Extra JupyterLab options, e.g. make lab LAB_ARGS="--no-browser --port 8890"
LAB_ARGS ?=
# Test workers (pytest-xdist); each notebook and each test file stays on one worker (--dist loadfile, pyproject).
# 2 matches the smallest supported machine; `make test WORKERS=auto` uses every core.
WORKERS ?= 2
# Course edition the lab opens: en (notebooks/) or zh (notebooks/zh/). EDITION, not LANG (the system locale).
EDITION ?= en
ifeq ($(EDITION),en)
START := notebooks/00-start-here.ipynb
else ifeq ($(EDITION),zh)
START := notebooks/zh/00-start-here.ipynb
else
$(error EDITION must be en or zh, got '$(EDITION)')
endif
# Jupyter refuses to run as root unless told; containers and fresh VMs often are root.
ROOT_ARGS := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: setup fonts lab serve test lint format environment exercises editions notebooks bench clean

setup: $(STAMP) fonts

# Re-install only when the pins change. Runtime, lab front end and test tools: see pyproject.toml.
$(STAMP): pyproject.toml
	@sh tools/make_venv.sh $(PYTHON) $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip "setuptools>=77"
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e ".[lab,test]"
	$(VENV)/bin/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements"
	@touch $(STAMP)

fonts:
	@sh tools/ensure_cjk_font.sh

lab: setup
	@$(MAKE) --no-print-directory serve

# The JupyterLab server of `make lab`, without the set-up step.
serve:
	$(BIN)/jupyter lab --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	    --LabApp.extension_manager=readonly --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.default_url=/lab/tree/$(START) $(ROOT_ARGS) $(LAB_ARGS)

test: setup lint
	$(BIN)/python -m pytest -n $(WORKERS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Authoring helpers
format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

environment:
	$(BIN)/python tools/gen_environment.py

exercises: setup
	$(BIN)/python tools/make_exercises.py

# The Chinese edition from the English source and translations/zh/*/NN-*.po (tools/make_editions.py).
# New or changed editions are written without outputs: run `make notebooks` (or the command it prints).
editions: setup
	$(BIN)/python tools/make_editions.py build

# Execute every stored lesson and solution of both editions (notebooks/, solutions/, notebooks/zh/, solutions/zh/).
notebooks: setup
	$(BIN)/python tools/run_notebooks.py --edition all

bench: setup
	$(BIN)/python benchmarks/bench_summary.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
