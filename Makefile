# Two commands on a fresh machine (Python 3.11, git, Debian's apt):
#   make lab    set up, then open JupyterLab on notebooks/00-start-here.ipynb
#   make test   set up, then run every test (unit, data, exercises, notebooks)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.coursekit-installed
# Extra JupyterLab options, e.g. make lab LAB_ARGS="--no-browser --port 8890"
LAB_ARGS ?=
# Jupyter refuses to run as root unless told; containers and fresh VMs often are root.
ROOT_ARGS := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: setup fonts lab test exercises notebooks bench clean

setup: $(STAMP) fonts

# Re-install only when the pins change.
$(STAMP): pyproject.toml
	@sh tools/make_venv.sh $(PYTHON) $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements"
	@touch $(STAMP)

fonts:
	@sh tools/ensure_cjk_font.sh

lab: setup
	$(BIN)/jupyter lab --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	    --LabApp.extension_manager=readonly --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb $(ROOT_ARGS) $(LAB_ARGS)

test: setup
	$(BIN)/python -m pytest

# Authoring helpers
exercises: setup
	$(BIN)/python tools/make_exercises.py

notebooks: setup
	$(BIN)/python tools/run_notebooks.py notebooks/*.ipynb solutions/*.ipynb

bench: setup
	$(BIN)/python benchmarks/bench_summary.py

clean:
	rm -rf $(VENV) .pytest_cache
