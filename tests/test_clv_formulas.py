"""coursekit.clv.formulas: model-based CLV, the textbook formula and Dwyer's migration model."""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pandas as pd
import pytest
from _clv_data import (
    CAL_END,
    cdnow_bgf,
    cdnow_cal_summary,
    still_broken,
)

from coursekit import clv

WEEKS_PER_MONTH = 30.4375 / 7  # UNIT_DAYS["M"] / UNIT_DAYS["W"]


# ----------------------------------------------------------------------------------------------
# customer lifetime value
# ----------------------------------------------------------------------------------------------
def test_lifetimes_customer_lifetime_value_arrays_still_broken(bgf, ggf, cal_summary):
    s = cal_summary
    still_broken(
        lambda: ggf.customer_lifetime_value(
            bgf,
            s["frequency"].to_numpy(),
            s["recency"].to_numpy(),
            s["T"].to_numpy(),
            s["monetary_value"].to_numpy(),
            freq="W",
        ),
        AttributeError,
        "has no attribute 'index'",
        "GammaGammaFitter.customer_lifetime_value with arrays",
    )


@pytest.mark.parametrize("time, rate", [(12, 0.01), (6, 0.05)])
def test_customer_lifetime_value_equals_lifetimes(ggf, time, rate):
    """In months both take a month as 1 unit, so the values agree; lifetimes' 30 days / 4.345 weeks differ."""
    s = cdnow_cal_summary("M")
    bgf_m = cdnow_bgf("M")
    ref = ggf.customer_lifetime_value(
        bgf_m, s["frequency"], s["recency"], s["T"], s["monetary_value"], time=time, discount_rate=rate, freq="M"
    )
    ours = clv.customer_lifetime_value(bgf_m, ggf, s, time=time, discount_rate=rate, unit="M")
    assert ours.name == "clv" and ours.index.equals(s.index)
    np.testing.assert_allclose(ours.to_numpy(), ref.loc[s.index].to_numpy(), rtol=1e-10)
    # monetary values as numpy array or Series give the same
    m = ggf.conditional_expected_average_profit(s["frequency"], s["monetary_value"])
    np.testing.assert_allclose(
        clv.customer_lifetime_value(bgf_m, m.to_numpy(), s, time=time, discount_rate=rate, unit="M"), ours, rtol=1e-12
    )
    np.testing.assert_allclose(
        clv.customer_lifetime_value(bgf_m, m, s, time=time, discount_rate=rate, unit="M", margin=0.3),
        0.3 * ours,
        rtol=1e-12,
    )


@pytest.mark.parametrize("time, rate", [(12, 0.01), (6, 0.05)])
def test_customer_lifetime_value_weekly_month_is_30_4375_days(bgf, ggf, cal_summary, time, rate):
    """A weekly model's month ends at i x 30.4375 / 7 weeks (lifetimes: i x 4.345 weeks)."""
    s = cal_summary
    f, r, age = s["frequency"], s["recency"], s["T"]
    m = ggf.conditional_expected_average_profit(f, s["monetary_value"]).to_numpy()
    expected = np.zeros(len(s))
    for i in range(1, time + 1):
        bought = (
            bgf.predict(i * WEEKS_PER_MONTH, f, r, age) - bgf.predict((i - 1) * WEEKS_PER_MONTH, f, r, age)
        ).to_numpy()
        expected += m * bought / (1 + rate) ** i
    ours = clv.customer_lifetime_value(bgf, ggf, s, time=time, discount_rate=rate, unit="W")
    np.testing.assert_allclose(ours.to_numpy(), expected, rtol=1e-10)
    # lifetimes' 4.345-week month gives a slightly smaller value for every repeat buyer
    lt = ggf.customer_lifetime_value(bgf, f, r, age, s["monetary_value"], time=time, discount_rate=rate, freq="W")
    gap = ours.to_numpy() / lt.loc[s.index].to_numpy() - 1
    assert (gap > 0).all() and gap.max() < WEEKS_PER_MONTH / 4.345 - 1 + 1e-9


def test_customer_lifetime_value_does_not_depend_on_the_model_unit(bgf, ggf, cal_summary):
    """The same BG/NBD model in weeks and in months (alpha scaled by weeks per month) gives the same CLV."""
    monthly = copy.deepcopy(bgf)
    monthly.params_ = bgf.params_.copy()
    monthly.params_["alpha"] = bgf.params_["alpha"] / WEEKS_PER_MONTH  # purchase rate per month
    s_month = cdnow_cal_summary("M")
    np.testing.assert_allclose(s_month[["recency", "T"]], cal_summary[["recency", "T"]] / WEEKS_PER_MONTH, rtol=1e-12)
    weekly_clv = clv.customer_lifetime_value(bgf, ggf, cal_summary, time=12, unit="W")
    monthly_clv = clv.customer_lifetime_value(monthly, ggf, s_month, time=12, unit="M")
    np.testing.assert_allclose(monthly_clv.to_numpy(), weekly_clv.to_numpy(), rtol=1e-9)


class LinearModel:
    """Stand-in model: a purchases per time unit, for hand-checked CLV."""

    params_ = pd.Series({"rate": 1.0})

    def __init__(self, rate):
        self.rate = rate

    def conditional_expected_number_of_purchases_up_to_time(self, t, frequency, recency, T):
        return self.rate * t + 0 * np.asarray(frequency, dtype=float)


def test_customer_lifetime_value_hand_case():
    s = pd.DataFrame(
        {"frequency": [1, 3], "recency": [1.0, 2.0], "T": [2.0, 4.0]}, index=pd.Index([10, 20], name="customer_id")
    )
    # monthly model, 2 purchases a month; values 50 and 10; 3 months at 10 % a month
    out = clv.customer_lifetime_value(LinearModel(2.0), np.array([50.0, 10.0]), s, time=3, discount_rate=0.1, unit="M")
    disc = sum(1 / 1.1**i for i in (1, 2, 3))
    np.testing.assert_allclose(out.to_numpy(), [100 * disc, 20 * disc])
    # daily model: a month is 30.4375 days; 0.1 purchases a day = 3.04375 a month (lifetimes: 30 days, 3 a month)
    daily = clv.customer_lifetime_value(LinearModel(0.1), 10.0, s, time=2, discount_rate=0.0, unit="D", margin=0.5)
    np.testing.assert_allclose(daily.to_numpy(), [0.5 * 10 * 3.04375 * 2] * 2)
    exact_month = clv.customer_lifetime_value(LinearModel(0.1), 10.0, s, time=1, discount_rate=0.0, unit="D")
    np.testing.assert_allclose(exact_month.to_numpy(), [30.4375] * 2)
    # weekly model: 1 purchase a week = 30.4375 / 7 a month
    weekly = clv.customer_lifetime_value(LinearModel(1.0), 7.0, s, time=1, discount_rate=0.0, unit="W")
    np.testing.assert_allclose(weekly.to_numpy(), [30.4375] * 2)
    # unit= is the only name of the model time unit (freq= is gone: the package never uses it)
    with pytest.raises(TypeError, match="freq"):
        clv.customer_lifetime_value(LinearModel(1.0), 7.0, s, time=1, discount_rate=0.0, freq="W")
    # the default unit is days, as in summarize
    pd.testing.assert_series_equal(
        clv.customer_lifetime_value(LinearModel(0.1), 10.0, s, time=1, discount_rate=0.0), exact_month
    )
    with pytest.raises(ValueError, match="ggf_or_monetary must have one value per customer"):
        clv.customer_lifetime_value(LinearModel(1.0), np.ones(3), s)
    with pytest.raises(
        ValueError,
        match="unit must be one of 'D' \\(days\\), 'W' \\(weeks = 7 days\\) or 'M' \\(months = 30.4375 days\\)",
    ):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, unit="H")
    with pytest.raises(ValueError, match="discount_rate must be at least 0"):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, discount_rate=-0.1)
    with pytest.raises(ValueError, match="time must be a whole number of months"):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, time=0)


def test_no_warnings_on_the_happy_path(cdnow):
    """Lesson notebooks must not show warnings: the main calls are silent (no excluded rows here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # CDNOW has 8 purchase days worth 0 in the calibration period: kept, and said so once
        warnings.filterwarnings("ignore", message=r"8 purchase\(s\) with a total of 0")
        s = clv.summarize(cdnow[cdnow["date"] <= CAL_END], end=CAL_END, unit="W")
        model = clv.fit_bgnbd(s)
        clv.expected_purchases(model, s, 39)
        clv.probability_alive(model, s)
        rep = s[s["frequency"] > 0]
        gg = clv.fit_gamma_gamma(rep)
        clv.customer_lifetime_value(model, gg, rep, unit="W")


# ----------------------------------------------------------------------------------------------
# textbook formulas
# ----------------------------------------------------------------------------------------------
def test_simple_clv():
    assert clv.simple_clv(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / 0.3)
    assert round(clv.simple_clv(100, 0.8, 0.1), 2) == 266.67
    assert clv.simple_clv(100, 0.8, 0.1, include_initial=True) == pytest.approx(100 + 266.6666667)
    assert clv.simple_clv(100, 0.0, 0.1) == 0.0
    assert clv.simple_clv(100, 1.0, 0.1) == pytest.approx(1000.0)  # retained for ever: m / d
    margins = pd.Series([100.0, 40.0], index=["A", "B"])
    out = clv.simple_clv(margins, pd.Series([0.8, 0.5], index=["A", "B"]), 0.1)
    np.testing.assert_allclose(out.to_numpy(), [266.6666667, 40 * 0.5 / 0.6])
    with pytest.raises(ValueError, match="retention must be between 0 and 1, got 1.2"):
        clv.simple_clv(100, 1.2, 0.1)
    with pytest.raises(ValueError, match="CLV is infinite"):
        clv.simple_clv(100, 1.0, 0.0)
    with pytest.raises(ValueError, match="discount must be at least 0"):
        clv.simple_clv(100, 0.5, -0.1)
    with pytest.raises(
        ValueError, match="retention must be between 0 and 1; 1 value\\(s\\) are not, e.g. 1.5 \\(at 'B'\\)"
    ):
        clv.simple_clv(margins, pd.Series([0.5, 1.5], index=["A", "B"]), 0.1)


def test_dwyer_migration_hand_case():
    P = clv.dwyer_matrix([0.6, 0.3, 0.1])
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    assert P.loc["3", "lost"] == pytest.approx(0.9) and P.loc["2", "3"] == pytest.approx(0.7)
    table, value = clv.dwyer_migration([0.6, 0.3, 0.1], 100, discount=0.2, horizon=3)
    # period 1: in cell 1 for sure -> buys with .6 -> 60 / 1.2 = 50
    # period 2: cells (.6, .4, 0) -> .6*.6 + .4*.3 = .48 -> 48 / 1.44 = 33.333
    # period 3: cells (.48, .24, .28) -> .288 + .072 + .028 = .388 -> 38.8 / 1.728 = 22.4537
    np.testing.assert_allclose(table["p_purchase"], [0.6, 0.48, 0.388])
    np.testing.assert_allclose(table[["cell_1", "cell_2", "cell_3", "lost"]].iloc[2], [0.48, 0.24, 0.28, 0.0])
    np.testing.assert_allclose(table["present_value"], [50.0, 33.333333333, 22.453703704])
    assert value == pytest.approx(50 + 48 / 1.44 + 38.8 / 1.728)
    assert table["cumulative_pv"].iloc[-1] == pytest.approx(value)
    # marketing cost 5 per customer in an active cell, initial margin included
    _, with_cost = clv.dwyer_migration([0.6, 0.3, 0.1], 100, discount=0.2, horizon=3, cost=5, include_initial=True)
    assert with_cost == pytest.approx(100 + value - 5 / 1.2 - 5 / 1.44 - 5 * (1 - 0.0) / 1.728)
    # a long horizon converges to the closed form s0 (I - P/(1+d))^-1 reward / (1+d)
    p = np.array([0.6, 0.3, 0.1])
    M = P.to_numpy()
    reward = np.append(p * 100, 0.0)
    closed = np.linalg.solve(np.eye(4) - M / 1.2, reward)[0] / 1.2
    assert clv.dwyer_migration(p, 100, discount=0.2, horizon=400)[1] == pytest.approx(closed, rel=1e-10)
    with pytest.raises(ValueError, match="retention\\[1\\] must be between 0 and 1"):
        clv.dwyer_migration([0.5, 1.5], 100)
    with pytest.raises(ValueError, match="start must be a recency cell between 1 and 2"):
        clv.dwyer_migration([0.5, 0.2], 100, start=3)
