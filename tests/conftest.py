"""Shared pytest set-up: a private progress folder, a headless matplotlib, nbval comparison rules."""

import os
import shutil
import tempfile

import matplotlib
import pytest

# Shared CDNOW fixtures of the clv tests (fitted models are cached there).
from _clv_data import bgf, cal_hold, cal_summary, cdnow, ggf  # noqa: F401, E402

from coursekit.plots import find_cjk_font

# Unit tests draw off-screen. Notebook kernels are separate processes and keep
# the inline backend, so their stored figure outputs stay comparable.
matplotlib.use("Agg")
# Charts drawn by unit tests get the CJK fallback a lesson gets from setup_notebook()
# (importing coursekit does not set fonts), so Chinese labels raise no missing-glyph warnings.
find_cjk_font(warn=False)

_HOME: list[str] = []


def pytest_configure(config):
    # Exercise checks record progress; keep test runs out of the learner's own file
    # (even when COURSEKIT_HOME is set), and give each pytest-xdist worker its own
    # folder so that two workers never write the same progress file. Notebook kernels
    # started by a worker inherit the worker's folder.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    home = tempfile.mkdtemp(prefix=f"coursekit-test-{worker}-")
    _HOME.append(home)
    os.environ["COURSEKIT_HOME"] = home


def pytest_unconfigure(config):
    while _HOME:
        shutil.rmtree(_HOME.pop(), ignore_errors=True)


# nbval compares every stored output of notebooks/ and solutions/. Images and
# widget views are skipped by nbval itself; we also skip DataFrame HTML (its
# text/plain twin is compared) and stderr (tests/test_kit.py forbids stored stderr).
NBVAL_SKIP = ("text/html", "stderr")


def pytest_collection_modifyitems(config, items):
    for item in items:
        notebook = getattr(item, "parent", None)
        skip = getattr(notebook, "skip_compare", None)
        if skip is not None and not set(NBVAL_SKIP) <= set(skip):
            notebook.skip_compare = tuple(skip) + NBVAL_SKIP


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches to Chinese must not change the language of the next one."""
    yield
    from coursekit import i18n

    i18n.use("en")
