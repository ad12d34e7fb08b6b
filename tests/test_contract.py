"""The kit's contract, checked for every public function that takes a table.

Each one must answer a wrong kind of object with a ``TypeError`` and an empty
table with a ``ValueError``, both naming the problem, and each must carry a
numpydoc docstring with an example. Adding a public function without these
fails here.
"""

from __future__ import annotations

import importlib
import inspect

import pandas as pd
import pytest

MODULES = ["rfm", "tiers", "clv", "transactions", "accounts", "funnel", "service", "loyalty", "value"]
MODULES += ["lifecycle", "quality", "opportunity", "satisfaction", "voc", "personas"]  # lessons 01, 03-06
MODULES += ["network", "credit"]  # lessons 10, 11
MODULES += ["actions"]

# Parameter names that hold the data a function works on.
DATA_PARAMS = {
    "transactions",
    "table",
    "scores",
    "segmented",
    "summary",
    "values",
    "orders",
    "customers",
    "opportunities",
    "tickets",
    "monthly",
    "weekly",
    "funnel",
    "matrix",
    "df",
    "quadrant",
    "referrals",
    "engagement",
    "influence",
}
# Other required arguments, so that only the data argument is wrong.
REQUIRED = {
    "rfm_table": {"end": "2025-12-31"},
    "summarize": {"end": "2025-12-31"},
    "calibration_holdout": {"calibration_end": "2025-06-30", "observation_end": "2025-12-31"},
    "network_value": {"customer_ids": ["C1", "C2"]},
    "referral_value": {"orders": pd.DataFrame({"customer_id": ["C1"], "date": ["2025-01-01"], "amount": [1.0]})},
    "referred_customers": {"orders": pd.DataFrame({"customer_id": ["C1"], "date": ["2025-01-01"], "amount": [1.0]})},
}
# Functions whose data argument is a Series (an empty Series is their "empty table").
SERIES_FUNCTIONS = {"abc_classes", "assign_tiers", "gini", "lorenz_curve", "plot_pareto", "top_share"}


def _required(func) -> dict:
    """Other required arguments: the named ones above, and a fixed date for a required ``end``."""
    kwargs = dict(REQUIRED.get(func.__name__, {}))
    end = inspect.signature(func).parameters.get("end")
    if end is not None and end.default is inspect.Parameter.empty:
        kwargs.setdefault("end", "2025-12-31")
    return kwargs


def _public_functions():
    for name in MODULES:
        module = importlib.import_module(f"coursekit.{name}")
        for fname in getattr(module, "__all__", []):
            func = getattr(module, fname)
            if inspect.isfunction(func):
                yield f"{name}.{fname}", func


PUBLIC = list(_public_functions())
TABLE_FUNCTIONS = [
    (qualname, func) for qualname, func in PUBLIC if next(iter(inspect.signature(func).parameters), None) in DATA_PARAMS
]


def test_every_module_declares_its_public_api():
    assert len(PUBLIC) >= 50
    assert len(TABLE_FUNCTIONS) >= 30


@pytest.mark.parametrize("qualname,func", PUBLIC, ids=[q for q, _ in PUBLIC])
def test_public_function_has_numpydoc_with_example(qualname, func):
    doc = inspect.getdoc(func) or ""
    assert "Parameters\n----------" in doc or not inspect.signature(func).parameters, (
        f"{qualname}: no Parameters section"
    )
    assert "Examples\n--------" in doc and ">>> " in doc, f"{qualname}: no runnable example"


@pytest.mark.parametrize("qualname,func", TABLE_FUNCTIONS, ids=[q for q, _ in TABLE_FUNCTIONS])
def test_wrong_type_is_a_type_error_that_says_so(qualname, func):
    kwargs = _required(func)
    with pytest.raises(TypeError, match=r"must be a pandas (DataFrame|Series)"):
        func([3, 1, 2], **kwargs)


@pytest.mark.parametrize("qualname,func", TABLE_FUNCTIONS, ids=[q for q, _ in TABLE_FUNCTIONS])
def test_empty_input_is_a_value_error_that_says_so(qualname, func):
    empty = pd.Series([], dtype=float) if func.__name__ in SERIES_FUNCTIONS else pd.DataFrame()
    kwargs = _required(func)
    with pytest.raises(ValueError, match=r"empty|no rows|no values"):
        func(empty, **kwargs)


# --------------------------------------------------------------------------- one API convention
# (docs/authoring.md, "API convention"): data first; `end` second wherever time matters; column
# names keyword-only; `unit=` only for the model time unit (D, W, M) and `period=` only for
# calendar periods (Y, Q, M); never `freq=`.
MODEL_UNIT_MODULES = {"clv"}


@pytest.mark.parametrize("qualname,func", PUBLIC, ids=[q for q, _ in PUBLIC])
def test_public_function_follows_the_api_convention(qualname, func):
    params = inspect.signature(func).parameters
    names = list(params)
    for name, p in params.items():
        if name.endswith("_col"):
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{qualname}: column name {name!r} must be keyword-only"
    if "end" in params and names[0] in DATA_PARAMS:
        # data first (one table, or several that belong together), then end
        before = names[: names.index("end")]
        assert all(params[n].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for n in before), qualname
        assert len(before) <= 2, f"{qualname}: end must come right after the data"
        assert params["end"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert "freq" not in params, f"{qualname}: use unit= (model time unit) or period= (calendar period), not freq="
    if "unit" in params:
        assert qualname.split(".")[0] in MODEL_UNIT_MODULES, f"{qualname}: unit= is the model time unit of clv only"
    if "period" in params:
        assert params["period"].default in ("Y", "Q", "M", inspect.Parameter.empty), qualname
