"""coursekit.clv.plotting: the charts that replace lifetimes' broken plotting helpers."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from _clv_data import (  # noqa: E402
    CAL_END,
    still_broken,
)

from coursekit import clv, i18n  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes.plotting as lplot  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_lifetimes_plot_history_alive_still_broken(bgf, cdnow):
    one = cdnow[cdnow["customer_id"] == 4]
    still_broken(
        lambda: lplot.plot_history_alive(bgf, 40, one, "date", freq="W"),
        TypeError,
        "does not support operation 'sum'",
        "plot_history_alive",
    )


def test_plot_history_alive(bgf, cdnow):
    tx = cdnow[cdnow["date"] <= CAL_END]
    ax = clv.plot_history_alive(bgf, tx, 4, CAL_END, unit="W")
    assert ax.get_title() and ax.get_xlabel() == "Date" and "(probability)" in ax.get_ylabel()
    line = ax.get_lines()[0]
    path = clv.alive_path(bgf, tx, 4, CAL_END, unit="W")
    np.testing.assert_allclose(line.get_ydata(), path["p_alive"].to_numpy())


def test_lifetimes_plot_expected_repeat_purchases_still_broken(bgf):
    still_broken(
        lambda: lplot.plot_expected_repeat_purchases(bgf),
        AttributeError,
        "prop_cycler",
        "plot_expected_repeat_purchases",
    )


def test_plot_expected_repeat_purchases(bgf):
    ax = clv.plot_expected_repeat_purchases(bgf, t=78, unit="W")
    x, y = ax.get_lines()[0].get_data()
    np.testing.assert_allclose(y, bgf.expected_number_of_purchases_up_to_time(x))
    assert ax.get_xlabel() == "Time since first purchase (weeks)"


def test_plot_calibration_holdout(bgf, cal_hold):
    ax = clv.plot_calibration_holdout(bgf, cal_hold, unit="W")
    assert "39 weeks" in ax.get_title() and len(ax.get_lines()) == 2
    table = clv.calibration_holdout_table(bgf, cal_hold)
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), table["actual"])
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), table["expected"])


def test_plot_matrix(bgf):
    fr = clv.frequency_recency_matrix(bgf, t=10, max_frequency=5, max_recency=39, unit="W")
    pa = clv.probability_alive_matrix(bgf, max_frequency=5, max_recency=39, unit="W")
    ax = clv.plot_matrix(pa)
    assert ax.get_title() == "Probability alive by frequency and recency"
    assert clv.plot_matrix(fr).get_title() == "Expected purchases in the next 10 weeks"
    # labels follow the language; the data do not
    i18n.use("zh")
    try:
        ax_zh = clv.plot_matrix(fr)
    finally:
        i18n.use("en")
    assert ax_zh.get_title() == "未来 10 周的期望购买次数"
    shown = np.ma.filled(ax_zh.images[0].get_array().astype(float), np.nan)
    np.testing.assert_allclose(shown, fr.to_numpy(dtype=float))  # NaN where frequency 0 meets recency > 0
