"""The shape of coursekit.clv: topic modules under 800 lines, light import, one-hop names, one API convention."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit import clv

PACKAGE = Path(clv.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
CALCULATION_MODULES = ["summary", "models", "formulas", "matrix", "weekly", "events", "lists", "validation", "widgets"]
#: Functions that work on calendar periods (Dwyer's quarters, a discount rate per year, quarter or
#: month) and so take ``period=`` (Y, Q, M) like coursekit.transactions; every other clv function
#: works in the model time unit ``unit=``.
CALENDAR_FUNCTIONS = {"discount_per_period", "dwyer_customers"}


def test_the_topic_modules():
    assert MODULES == [
        "events",
        "formulas",
        "lists",
        "matrix",
        "models",
        "plotting",
        "summary",
        "validation",
        "weekly",
        "widgets",
    ]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_every_module_is_under_800_lines(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n < 800, f"{path.name} has {n} lines: split it by topic"


def _top_level_imports(source: str) -> set[str]:
    """Modules imported at module level (not inside functions), as absolute dotted names."""
    found = set()
    for node in ast.parse(source).body:  # module level only: lazy imports inside functions are fine
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative to coursekit.clv.<module>: one dot = coursekit.clv, two = coursekit
                parent = ["coursekit", "clv"][: 3 - node.level]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def _heavy(imports: set[str]) -> list[str]:
    return sorted(
        m
        for m in imports
        if m.split(".")[0] in ("matplotlib", "lifetimes") or m.startswith(("coursekit.plots", "coursekit.notebook"))
    )


@pytest.mark.parametrize("module", [*CALCULATION_MODULES, "plotting", "__init__"])
def test_no_module_imports_matplotlib_or_lifetimes_at_top_level(module):
    heavy = _heavy(_top_level_imports((PACKAGE / f"{module}.py").read_text(encoding="utf-8")))
    assert not heavy, f"coursekit.clv.{module} imports {heavy} at module level; import them inside the function"


def test_the_import_check_finds_what_it_must():
    source = (
        "import numpy as np\n"
        "import matplotlib.pyplot as plt\n"
        "from ..plots import finish\n"
        "from .. import plots\n"
        "from lifetimes import BetaGeoFitter\n"
        "from .summary import summarize\n"
        "def f():\n"
        "    import matplotlib\n"
    )
    imports = _top_level_imports(source)
    assert "coursekit.clv.summary.summarize" in imports and "numpy" in imports
    assert _heavy(imports) == [
        "coursekit.plots",
        "coursekit.plots.finish",
        "lifetimes",
        "lifetimes.BetaGeoFitter",
        "matplotlib.pyplot",
    ]
    assert _heavy(_top_level_imports("def f():\n    import matplotlib\n")) == []


def test_import_clv_loads_neither_lifetimes_nor_more_matplotlib():
    """``import coursekit.clv`` adds no matplotlib and no lifetimes module to what ``import coursekit`` loads."""
    code = (
        "import sys, coursekit\n"
        "base = set(sys.modules)\n"
        "import coursekit.clv\n"
        "new = sorted(m for m in set(sys.modules) - base if m.split('.')[0] in ('matplotlib', 'lifetimes', 'scipy', 'autograd'))\n"
        "print(repr(new))\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[]", f"import coursekit.clv loads {out[0]}"


def test_lifetimes_is_imported_when_a_model_is_fitted():
    code = (
        "import sys\n"
        "from coursekit import clv\n"
        "print('lifetimes' in sys.modules)\n"
        "clv.fit_bgnbd(clv.simulate_bgnbd(200, seed=0))\n"
        "print('lifetimes' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_every_public_name_is_one_hop_away():
    for module in MODULES:
        mod = importlib.import_module(f"coursekit.clv.{module}")
        for name in mod.__all__:
            assert getattr(clv, name) is getattr(mod, name), f"clv.{name} is not coursekit.clv.{module}.{name}"
            assert name in clv.__all__
    assert sorted(clv.__all__) == sorted(
        n for m in MODULES for n in importlib.import_module(f"coursekit.clv.{m}").__all__
    )
    # the plotting functions are there without importing matplotlib first
    assert callable(clv.plot_matrix) and clv.plot_matrix.__module__ == "coursekit.clv.plotting"


def test_every_plot_function_lives_in_plotting():
    for name in clv.__all__:
        obj = getattr(clv, name)
        if callable(obj) and name.startswith("plot_"):
            assert obj.__module__ == "coursekit.clv.plotting", name
        elif callable(obj):
            assert obj.__module__ != "coursekit.clv.plotting", name


# column-name parameters and where "end" goes (issue 6, item 7)
COLUMN_PARAMS = {"customer_col", "date_col", "amount_col", "cost_col", "current_col", "future_col"}


def _public_functions():
    return [(name, getattr(clv, name)) for name in clv.__all__ if inspect.isfunction(getattr(clv, name))]


@pytest.mark.parametrize("name, func", _public_functions(), ids=lambda x: x if isinstance(x, str) else "")
def test_api_convention(name, func):
    params = inspect.signature(func).parameters
    for pname, p in params.items():
        if pname in COLUMN_PARAMS:
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {pname} must be keyword-only"
        if pname == "unit":  # the model time unit, never a calendar period
            assert p.kind is inspect.Parameter.KEYWORD_ONLY
        if pname == "period":
            assert name in CALENDAR_FUNCTIONS, f"{name}: no calendar periods in clv"
            assert p.kind is inspect.Parameter.KEYWORD_ONLY and p.default in ("Y", "Q", "M")
    names = list(params)
    if names[:1] == ["transactions"]:
        assert names[1] in ("end", "calibration_end"), f"{name}: end must be the second parameter"
