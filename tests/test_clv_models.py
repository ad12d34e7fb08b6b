"""coursekit.clv.models: published CDNOW parameters, predictions, the df.T pitfall, alive path, matrices."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from _clv_data import (
    CAL_END,
    still_broken,
)

from coursekit import clv
from coursekit._validate import CourseKitDataNote

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes
    import lifetimes.utils as lutils


# ----------------------------------------------------------------------------------------------
# published CDNOW parameters
# ----------------------------------------------------------------------------------------------
def test_bgnbd_reproduces_fader_hardie_lee_2005(bgf):
    """BG/NBD on the 2,357-customer sample, 39-week calibration, unit W: r .243, alpha 4.414, a .793, b 2.426."""
    params = clv.fitted_params(bgf)
    assert params.name == "BetaGeoFitter" and params.index.name == "parameter"
    published = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    np.testing.assert_allclose(params[published.index], published, rtol=1e-2)


def test_gamma_gamma_reproduces_fader_hardie_lee_rfm_clv(cal_summary):
    """Gamma-Gamma on the 946 repeat buyers of the same 39-week calibration summary: p 6.25, q 3.74, gamma 15.44.

    (The full-period summary, end 1998-06-30, gives p 4.68, q 4.19, gamma 24.39 instead.)
    """
    with pytest.warns(CourseKitDataNote, match="1411 of 2357 customers left out.*1411 without a repeat purchase"):
        model = clv.fit_gamma_gamma(cal_summary)
    assert len(model.data) == 946
    assert "1411 of 2357" in model.data.attrs["notes"][0]
    published = pd.Series({"p": 6.25, "q": 3.74, "v": 15.44})
    np.testing.assert_allclose(clv.fitted_params(model)[published.index], published, rtol=1e-2)


def test_pareto_nbd_reproduces_published(cal_summary):
    """Pareto/NBD, same data: r .55, alpha 10.58, s .61, beta 11.67 (Fader, Hardie & Lee 2005)."""
    model = clv.fit_pareto_nbd(cal_summary)
    published = pd.Series({"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67})
    np.testing.assert_allclose(clv.fitted_params(model)[published.index], published, rtol=1e-2)


def test_fit_rejects_bad_summary(cal_summary):
    with pytest.raises(ValueError, match="summary is missing column 'T'"):
        clv.fit_bgnbd(cal_summary.drop(columns="T"))
    bad = cal_summary.copy()
    bad.iloc[0, bad.columns.get_loc("recency")] = 99.0
    with pytest.raises(ValueError, match="'recency' is larger than 'T'"):
        clv.fit_bgnbd(bad)
    with pytest.raises(ValueError, match="must hold whole numbers"):
        clv.fit_bgnbd(cal_summary.assign(frequency=cal_summary["frequency"] + 0.5))
    with pytest.raises(ValueError, match="summary is missing column 'monetary_value'"):
        clv.fit_gamma_gamma(cal_summary.drop(columns="monetary_value"))
    with pytest.raises(TypeError, match="summary must be a pandas DataFrame"):
        clv.fit_pareto_nbd(cal_summary["frequency"])
    with pytest.raises(TypeError, match="fitted lifetimes model"):
        clv.fitted_params(lifetimes.BetaGeoFitter())


def test_simulate_bgnbd_recovers_parameters():
    s = clv.simulate_bgnbd(3000, seed=3)
    params = clv.fitted_params(clv.fit_bgnbd(s))
    np.testing.assert_allclose(params[["r", "alpha", "a", "b"]], [0.243, 4.414, 0.793, 2.426], rtol=0.3)


# ----------------------------------------------------------------------------------------------
# predictions and the df.T pitfall
# ----------------------------------------------------------------------------------------------
def test_df_T_pitfall(bgf, cal_summary):
    df = cal_summary
    naive = bgf.conditional_probability_alive(df.frequency, df.recency, df.T)  # df.T is the transpose!
    assert np.shape(naive) == (4, len(df))  # silently wrong
    with pytest.raises(NotImplementedError, match="mixed DataFrame and Series"):  # or a cryptic error
        bgf.predict(10, df.frequency, df.recency, df.T)
    with pytest.raises(ValueError, match='df.T is the transpose of the frame; write df\\["T"\\]'):
        clv.check_not_transposed(df.frequency, df.recency, df.T)
    with pytest.raises(ValueError, match="one value per customer each"):
        clv.check_not_transposed(df["frequency"], df["recency"], df["T"].iloc[:5])
    ours = clv.expected_purchases(bgf, df, 10)
    assert ours.shape == (len(df),) and ours.index.equals(df.index)
    right = bgf.predict(10, df["frequency"], df["recency"], df["T"])
    np.testing.assert_allclose(ours.to_numpy(), np.asarray(right), rtol=1e-12)


def test_probability_alive_equals_lifetimes(bgf, cal_summary):
    p = clv.probability_alive(bgf, cal_summary)
    ref = bgf.conditional_probability_alive(cal_summary["frequency"], cal_summary["recency"], cal_summary["T"])
    np.testing.assert_allclose(p.to_numpy(), np.asarray(ref), rtol=1e-12)
    assert p.between(0, 1).all() and (p[cal_summary["frequency"] == 0] == 1).all()


def test_lifetimes_calculate_alive_path_still_broken(bgf, cdnow):
    one = cdnow[cdnow["customer_id"] == 4]
    still_broken(
        lambda: lutils.calculate_alive_path(bgf, one, "date", 40, freq="W"),
        TypeError,
        "unexpected keyword argument 'method'",
        "calculate_alive_path",
    )


def test_alive_path(bgf, cdnow, cal_summary):
    tx = cdnow[cdnow["date"] <= CAL_END]
    customer = cal_summary.index[cal_summary["frequency"] == 3][0]
    path = clv.alive_path(bgf, tx, customer, CAL_END, unit="W")
    # the last value is P(alive) at the calibration end
    expected = clv.probability_alive(bgf, cal_summary).loc[customer]
    assert path["p_alive"].iloc[-1] == pytest.approx(expected, rel=1e-12)
    assert path[["frequency", "recency", "T"]].iloc[-1].tolist() == pytest.approx(
        cal_summary.loc[customer, ["frequency", "recency", "T"]].tolist()
    )
    # any day on the path equals the summary of the history up to that day
    mid = path.index[len(path) // 2]
    sub = tx[(tx["customer_id"] == customer) & (tx["date"] <= mid)]
    s_mid = clv.summarize(sub, end=mid, unit="W")
    assert path.loc[mid, "p_alive"] == pytest.approx(clv.probability_alive(bgf, s_mid).iloc[0], rel=1e-12)
    # P(alive) falls between purchases and returns to its maximum on a purchase day
    assert path["purchase"].sum() == 4 and path["p_alive"].iloc[0] == 1.0
    between = ~path["purchase"].to_numpy()[1:]
    assert (np.diff(path["p_alive"].to_numpy())[between] <= 1e-12).all()
    with pytest.raises(ValueError, match="no rows for customer_id -1"):
        clv.alive_path(bgf, tx, -1, CAL_END, unit="W")


def test_calibration_holdout_table(bgf, cal_hold):
    table = clv.calibration_holdout_table(bgf, cal_hold)
    assert table.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == len(cal_hold)
    # unpooled rows = lifetimes' plot_calibration_purchases_vs_holdout_purchases grouping
    pred = bgf.conditional_expected_number_of_purchases_up_to_time(
        cal_hold["duration_holdout"].iloc[0], cal_hold["frequency"], cal_hold["recency"], cal_hold["T"]
    )
    ref = (
        pd.DataFrame({"f": cal_hold["frequency"], "actual": cal_hold["frequency_holdout"], "pred": pred})
        .groupby("f")
        .mean()
    )
    np.testing.assert_allclose(table["actual"].iloc[:7], ref["actual"].iloc[:7])
    np.testing.assert_allclose(table["expected"].iloc[:7], ref["pred"].iloc[:7])
    # the model tracks the holdout well on CDNOW (FHL 2005, Figure 4)
    assert (table["expected"] - table["actual"]).abs().max() < 0.6


def test_matrices(bgf):
    fr = clv.frequency_recency_matrix(bgf, t=10, max_frequency=5, max_recency=39, unit="W")
    assert fr.shape == (6, 40) and fr.index.name == "frequency" and fr.columns.name == "recency"
    assert fr.loc[3, 20] == pytest.approx(bgf.conditional_expected_number_of_purchases_up_to_time(10, 3, 20, 39))
    assert fr.loc[0, 5:].isna().all() and fr.loc[0, 0] > 0
    pa = clv.probability_alive_matrix(bgf, max_frequency=5, max_recency=39, unit="W")
    ref = np.asarray(
        bgf.conditional_probability_alive_matrix(max_frequency=5, max_recency=39)
    ).T  # lifetimes: [recency, frequency]
    mask = pa.notna().to_numpy()
    np.testing.assert_allclose(pa.to_numpy()[mask], ref[mask], rtol=1e-12)
    assert pa.attrs == {"kind": "p_alive", "T": 39.0, "unit": "W"}
    assert fr.attrs == {"kind": "expected_purchases", "t": 10.0, "T": 39.0, "unit": "W"}
