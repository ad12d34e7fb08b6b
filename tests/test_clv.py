"""Tests of coursekit.clv: summaries, published CDNOW parameters, lifetimes replacements, CLV formulas.

Tests named ``test_lifetimes_*_still_broken`` document a breakage of lifetimes 0.11.3 on
the course stack. When one of them fails with "no longer raises", upstream (or a pin)
has fixed it: re-check the replacement in coursekit.clv and the lesson text.
"""
from __future__ import annotations

import importlib.resources
import importlib.util
import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coursekit import clv, i18n  # noqa: E402
from coursekit._validate import CourseKitDataNote  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes  # noqa: E402
    import lifetimes.plotting as lplot  # noqa: E402
    import lifetimes.utils as lutils  # noqa: E402

CAL_END = "1997-09-30"  # 39-week calibration period of Fader, Hardie & Lee (2005)
OBS_END = "1998-06-30"  # end of the CDNOW sample
UNIT_MULT = {"D": 1, "W": 7, "M": 30.4375}


# ----------------------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------------------
def _read_cdnow_raw(kind: str = "sample") -> pd.DataFrame:
    """The CDNOW file as shipped with lifetimes, with its second (sequential) id ``id2``."""
    path = importlib.resources.files("lifetimes") / f"datasets/CDNOW_{kind}.txt"
    with importlib.resources.as_file(path) as p:
        df = pd.read_csv(
            p, sep=r"\s+", header=None, names=["customer_id", "id2", "date", "quantity", "amount"],
            dtype={"customer_id": "int64", "id2": "int64", "date": str, "quantity": "int64", "amount": "float64"},
        )
    df["date"] = pd.to_datetime(df["date"], format="%Y%m%d")
    return df


def _load_cdnow(kind: str = "sample") -> pd.DataFrame:
    """coursekit.datasets.load_cdnow when it exists, else the same columns read here."""
    if importlib.util.find_spec("coursekit.datasets") is not None:
        from coursekit import datasets

        if hasattr(datasets, "load_cdnow"):
            return datasets.load_cdnow(kind=kind)
    return _read_cdnow_raw(kind)[["customer_id", "date", "quantity", "amount"]]


@pytest.fixture(scope="module")
def cdnow():
    return _load_cdnow("sample")


@pytest.fixture(scope="module")
def cal_summary(cdnow):
    return clv.summarize(cdnow[cdnow["date"] <= CAL_END], end=CAL_END, unit="W")


@pytest.fixture(scope="module")
def cal_hold(cdnow):
    return clv.calibration_holdout(cdnow, CAL_END, OBS_END, unit="W")


@pytest.fixture(scope="module")
def bgf(cal_summary):
    return clv.fit_bgnbd(cal_summary)


@pytest.fixture(scope="module")
def ggf(cal_summary):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return clv.fit_gamma_gamma(cal_summary)


@pytest.fixture(scope="module")
def synthetic():
    """Random log with same-day repeats, times of day and zero amounts."""
    rng = np.random.default_rng(42)
    n = 4000
    start = np.datetime64("2024-01-01T00:00")
    minutes = rng.integers(0, 500 * 24 * 60, n)
    return pd.DataFrame(
        {
            "cid": rng.integers(1, 400, n),
            "when": pd.to_datetime(start + minutes.astype("timedelta64[m]")),
            "value": np.round(rng.gamma(2.0, 30.0, n), 2) * (rng.random(n) > 0.02),
        }
    )


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def hand_log() -> pd.DataFrame:
    """Three customers, hand-computed below.

    A: 2025-01-01 (10 + 5 on one day), 2025-01-08 (20), 2025-02-05 (40)  -> 3 purchase days
    B: 2025-01-20 (7)                                                   -> 1 purchase day
    C: 2025-01-03 (4), 2025-01-31 (6, two rows 2 + 4), 2025-02-20 (9)   -> 3 purchase days
    """
    rows = [
        ("A", "2025-01-01 09:00", 10.0), ("A", "2025-01-01 17:30", 5.0), ("A", "2025-01-08", 20.0),
        ("A", "2025-02-05", 40.0), ("B", "2025-01-20", 7.0), ("C", "2025-01-03", 4.0),
        ("C", "2025-01-31", 2.0), ("C", "2025-01-31 23:59", 4.0), ("C", "2025-02-20", 9.0),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(
        date=lambda d: pd.to_datetime(d["date"], format="ISO8601")
    )


def still_broken(fn, exc, pattern: str, what: str):
    """Assert that a lifetimes function still raises ``exc`` matching ``pattern``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except exc as err:  # the documented breakage
        assert re.search(pattern, str(err)), f"{what} raises, but differently: {err!r}"
        return
    pytest.fail(
        f"{what} no longer raises on this stack: lifetimes (or pandas/matplotlib) fixed it. "
        "Re-check the replacement in coursekit.clv and the lesson text."
    )


def _lifetimes_summary(tx, end, unit, customer_col="customer_id", date_col="date", amount_col="amount"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return lutils.summary_data_from_transaction_data(
            tx, customer_col, date_col, monetary_value_col=amount_col, observation_period_end=end,
            freq="D", freq_multiplier=UNIT_MULT[unit],
        )


# ----------------------------------------------------------------------------------------------
# summarize
# ----------------------------------------------------------------------------------------------
def test_summarize_hand_case():
    s = clv.summarize(hand_log(), end="2025-02-28")
    expected = pd.DataFrame(
        {
            "frequency": [2, 0, 2],
            "recency": [35.0, 0.0, 48.0],
            "T": [58.0, 39.0, 56.0],
            "monetary_value": [(20 + 40) / 2, 0.0, (6 + 9) / 2],
        },
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(s, expected)
    w = clv.summarize(hand_log(), end="2025-02-28", unit="W")
    assert w.loc["A", "recency"] == pytest.approx(5.0)
    assert w.loc["C", "T"] == pytest.approx(8.0)
    m = clv.summarize(hand_log(), end="2025-02-28", unit="M", amount_col=None)
    assert list(m.columns) == ["frequency", "recency", "T"]
    assert m.loc["B", "T"] == pytest.approx(39 / 30.4375)


@pytest.mark.parametrize("unit", ["D", "W", "M"])
@pytest.mark.parametrize("end", [CAL_END, OBS_END])
def test_summarize_equals_lifetimes_on_cdnow(cdnow, unit, end):
    tx = cdnow[cdnow["date"] <= end]
    ours = clv.summarize(tx, end=end, unit=unit)
    ref = _lifetimes_summary(tx, end, unit)
    assert len(ours) == len(ref) == tx["customer_id"].nunique()
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index], check_dtype=False, rtol=0, atol=1e-9)


@pytest.mark.parametrize("unit", ["D", "W", "M"])
def test_summarize_equals_lifetimes_on_synthetic(synthetic, unit):
    end = "2025-06-30"
    ours = clv.summarize(synthetic, end=end, unit=unit, customer_col="cid", date_col="when", amount_col="value")
    ref = _lifetimes_summary(synthetic, end, unit, "cid", "when", "value")
    assert (ours["frequency"] > 0).sum() > 300  # the set has many repeat buyers
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index], check_dtype=False, rtol=0, atol=1e-9)


def test_summarize_reproduces_published_cdnow_summary():
    """Our 39-week summary = lifetimes' cdnow_customers_summary_with_transactions.csv (Hardie's x, t_x, T, zbar)."""
    raw = _read_cdnow_raw("sample")
    ours = clv.summarize(raw[raw["date"] <= CAL_END], end=CAL_END, unit="W")
    id_map = raw.drop_duplicates("customer_id").set_index("customer_id")["id2"]
    path = importlib.resources.files("lifetimes") / "datasets/cdnow_customers_summary_with_transactions.csv"
    with importlib.resources.as_file(path) as p:
        published = pd.read_csv(p).set_index("ID")
    ours = ours.set_index(id_map.loc[ours.index].to_numpy()).sort_index()
    assert len(ours) == len(published) == 2357
    assert (ours["frequency"].to_numpy() == published["x"].to_numpy()).all()
    for col, pub in (("recency", "t_x"), ("T", "T"), ("monetary_value", "zbar")):
        np.testing.assert_allclose(ours[col].to_numpy(), published[pub].to_numpy(), atol=0.0051)


def test_lifetimes_weekly_summary_is_a_different_definition(cdnow):
    """lifetimes freq="W" counts calendar weeks; ours = freq="D" / 7 (documented in the docstring)."""
    tx = cdnow[cdnow["date"] <= CAL_END]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        weekly = lutils.summary_data_from_transaction_data(tx, "customer_id", "date", observation_period_end=CAL_END, freq="W")
    ours = clv.summarize(tx, end=CAL_END, unit="W")
    assert (weekly.loc[ours.index, "frequency"] != ours["frequency"]).sum() > 100
    assert (weekly["T"] == np.floor(weekly["T"])).all()


@pytest.mark.parametrize("freq", ["M", "H"])
def test_lifetimes_summary_freq_still_broken(cdnow, freq):
    still_broken(
        lambda: lutils.summary_data_from_transaction_data(cdnow, "customer_id", "date", freq=freq),
        ValueError, r"not supported|Invalid frequency", f'summary_data_from_transaction_data(freq="{freq}")',
    )


def test_lifetimes_datasets_import_needs_pkg_resources():
    """`import lifetimes.datasets` works only while setuptools still ships pkg_resources."""
    has_pkg_resources = importlib.util.find_spec("pkg_resources") is not None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import lifetimes.datasets  # noqa: F401
        imported = True
    except ModuleNotFoundError as err:
        assert "pkg_resources" in str(err)
        imported = False
    assert imported == has_pkg_resources
    # our loader never needs it
    assert len(_load_cdnow("sample")) == 6919


@pytest.mark.parametrize(
    "make, exc, fragment",
    [
        (lambda t: t["amount"].to_list(), TypeError, "transactions must be a pandas DataFrame"),
        (lambda t: t.iloc[:0], ValueError, "transactions is empty"),
        (lambda t: t.drop(columns="amount"), ValueError, "missing column 'amount'"),
        (lambda t: t.drop(columns="date"), ValueError, "missing column 'date'"),
        (lambda t: t.assign(amount=["x"] + [1.0] * (len(t) - 1)), TypeError, "column 'amount' must be numeric"),
        (lambda t: t.assign(amount=[-5.0] + [1.0] * (len(t) - 1)), ValueError, "'amount' must not be negative.*Net returns"),
        (lambda t: t.assign(amount=[np.nan] + [1.0] * (len(t) - 1)), ValueError, "column 'amount' has 1 missing"),
        (lambda t: t.assign(date=["soon"] + ["2025-01-02"] * (len(t) - 1)), ValueError, "column 'date' has 1 value\\(s\\) that are not dates"),
        (lambda t: t.assign(date=t["date"].where(t.index > 0, pd.Timestamp("2025-03-05"))), ValueError, "column 'date' has 1 date\\(s\\) after the observation end 2025-02-28"),
        (lambda t: t.assign(customer_id=[None] + t["customer_id"].iloc[1:].tolist()), ValueError, "column 'customer_id' has 1 missing"),
        (lambda t: t.assign(date=np.arange(len(t))), TypeError, "column 'date' must hold dates"),
    ],
)
def test_summarize_bad_input(make, exc, fragment):
    with pytest.raises(exc, match=fragment):
        clv.summarize(make(hand_log()), end="2025-02-28")


def test_summarize_bad_parameters():
    with pytest.raises(ValueError, match="unit must be one of 'D'"):
        clv.summarize(hand_log(), end="2025-02-28", unit="H")
    with pytest.raises(TypeError, match="end is required"):
        clv.summarize(hand_log(), end=None)
    with pytest.raises(ValueError, match="end could not be read as a date"):
        clv.summarize(hand_log(), end="31/31/2025")
    with pytest.raises(ValueError, match="missing column 'cid'"):
        clv.summarize(hand_log(), end="2025-02-28", customer_col="cid")


# ----------------------------------------------------------------------------------------------
# calibration / holdout
# ----------------------------------------------------------------------------------------------
def test_calibration_holdout_hand_case():
    log = pd.concat([hand_log(), pd.DataFrame({"customer_id": ["D"], "date": [pd.Timestamp("2025-02-10")], "amount": [3.0]})])
    with pytest.warns(CourseKitDataNote, match="1 customer\\(s\\) with their first purchase in the holdout"):
        ch = clv.calibration_holdout(log, "2025-01-31", "2025-02-28")
    expected = pd.DataFrame(
        {
            "frequency": [1, 0, 1],                 # A: Jan 1 + Jan 8; B: Jan 20; C: Jan 3 + Jan 31
            "recency": [7.0, 0.0, 28.0],
            "T": [30.0, 11.0, 28.0],
            "monetary_value": [20.0, 0.0, 6.0],
            "frequency_holdout": [1, 0, 1],         # A: Feb 5; C: Feb 20; D (new in Feb) left out
            "monetary_value_holdout": [40.0, 0.0, 9.0],
            "duration_holdout": [28.0, 28.0, 28.0],
        },
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    pd.testing.assert_frame_equal(ch, expected)
    assert "first purchase in the holdout" in ch.attrs["notes"][0]
    weekly = clv.calibration_holdout(hand_log(), "2025-01-31", "2025-02-28", unit="W", amount_col=None)
    assert weekly["duration_holdout"].iloc[0] == pytest.approx(4.0)
    assert "monetary_value_holdout" not in weekly.columns


def test_lifetimes_calibration_and_holdout_data_still_broken(cdnow):
    still_broken(
        lambda: lutils.calibration_and_holdout_data(cdnow, "customer_id", "date", CAL_END, OBS_END),
        ValueError, "No objects to concatenate", "calibration_and_holdout_data without monetary_value_col",
    )


@pytest.mark.parametrize("unit", ["D", "W"])
def test_calibration_holdout_equals_lifetimes(cdnow, unit):
    # one row per customer and day, so that lifetimes' row mean equals our day mean
    daily = cdnow.groupby(["customer_id", "date"], as_index=False)["amount"].sum()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = lutils.calibration_and_holdout_data(
            daily, "customer_id", "date", CAL_END, OBS_END, freq="D", freq_multiplier=UNIT_MULT[unit],
            monetary_value_col="amount",
        )
    ref.columns = [c.removesuffix("_cal") for c in ref.columns]
    ours = clv.calibration_holdout(cdnow, CAL_END, OBS_END, unit=unit)
    assert len(ours) == len(ref) == 2357
    pd.testing.assert_frame_equal(ours, ref.loc[ours.index, ours.columns], check_dtype=False, rtol=0, atol=1e-9)


def test_calibration_holdout_bad_input(cdnow):
    with pytest.raises(ValueError, match="calibration_end \\(1998-06-30\\) must be before observation_end"):
        clv.calibration_holdout(cdnow, OBS_END, CAL_END)
    with pytest.raises(ValueError, match="after the observation end 1998-01-31"):
        clv.calibration_holdout(cdnow, CAL_END, "1998-01-31")
    with pytest.raises(ValueError, match="calibration period is empty"):
        clv.calibration_holdout(cdnow, "1996-12-31", OBS_END)
    with pytest.raises(ValueError, match="missing column 'amount'"):
        clv.calibration_holdout(cdnow.drop(columns="amount"), CAL_END, OBS_END)


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


# ----------------------------------------------------------------------------------------------
# predictions and the df.T pitfall
# ----------------------------------------------------------------------------------------------
def test_df_T_pitfall(bgf, cal_summary):
    df = cal_summary
    naive = bgf.conditional_probability_alive(df.frequency, df.recency, df.T)  # df.T is the transpose!
    assert np.shape(naive) == (4, len(df))                                     # silently wrong
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
        TypeError, "unexpected keyword argument 'method'", "calculate_alive_path",
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


def test_lifetimes_plot_history_alive_still_broken(bgf, cdnow):
    one = cdnow[cdnow["customer_id"] == 4]
    still_broken(
        lambda: lplot.plot_history_alive(bgf, 40, one, "date", freq="W"),
        TypeError, "does not support operation 'sum'", "plot_history_alive",
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
        AttributeError, "prop_cycler", "plot_expected_repeat_purchases",
    )


def test_plot_expected_repeat_purchases(bgf):
    ax = clv.plot_expected_repeat_purchases(bgf, t=78, unit="W")
    x, y = ax.get_lines()[0].get_data()
    np.testing.assert_allclose(y, bgf.expected_number_of_purchases_up_to_time(x))
    assert ax.get_xlabel() == "Time since first purchase (weeks)"


def test_calibration_holdout_table_and_plot(bgf, cal_hold):
    table = clv.calibration_holdout_table(bgf, cal_hold)
    assert table.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == len(cal_hold)
    # unpooled rows = lifetimes' plot_calibration_purchases_vs_holdout_purchases grouping
    pred = bgf.conditional_expected_number_of_purchases_up_to_time(
        cal_hold["duration_holdout"].iloc[0], cal_hold["frequency"], cal_hold["recency"], cal_hold["T"]
    )
    ref = pd.DataFrame({"f": cal_hold["frequency"], "actual": cal_hold["frequency_holdout"], "pred": pred}).groupby("f").mean()
    np.testing.assert_allclose(table["actual"].iloc[:7], ref["actual"].iloc[:7])
    np.testing.assert_allclose(table["expected"].iloc[:7], ref["pred"].iloc[:7])
    # the model tracks the holdout well on CDNOW (FHL 2005, Figure 4)
    assert (table["expected"] - table["actual"]).abs().max() < 0.6
    ax = clv.plot_calibration_holdout(bgf, cal_hold, unit="W")
    assert "39 weeks" in ax.get_title() and len(ax.get_lines()) == 2


def test_matrices(bgf):
    fr = clv.frequency_recency_matrix(bgf, t=10, max_frequency=5, max_recency=39, unit="W")
    assert fr.shape == (6, 40) and fr.index.name == "frequency" and fr.columns.name == "recency"
    assert fr.loc[3, 20] == pytest.approx(bgf.conditional_expected_number_of_purchases_up_to_time(10, 3, 20, 39))
    assert fr.loc[0, 5:].isna().all() and fr.loc[0, 0] > 0
    pa = clv.probability_alive_matrix(bgf, max_frequency=5, max_recency=39, unit="W")
    ref = np.asarray(bgf.conditional_probability_alive_matrix(max_frequency=5, max_recency=39)).T  # lifetimes: [recency, frequency]
    mask = pa.notna().to_numpy()
    np.testing.assert_allclose(pa.to_numpy()[mask], ref[mask], rtol=1e-12)
    ax = clv.plot_matrix(pa)
    assert ax.get_title() == "Probability alive by frequency and recency"
    assert clv.plot_matrix(fr).get_title() == "Expected purchases in the next 10 weeks"


# ----------------------------------------------------------------------------------------------
# customer lifetime value
# ----------------------------------------------------------------------------------------------
def test_lifetimes_customer_lifetime_value_arrays_still_broken(bgf, ggf, cal_summary):
    s = cal_summary
    still_broken(
        lambda: ggf.customer_lifetime_value(bgf, s["frequency"].to_numpy(), s["recency"].to_numpy(),
                                            s["T"].to_numpy(), s["monetary_value"].to_numpy(), freq="W"),
        AttributeError, "has no attribute 'index'", "GammaGammaFitter.customer_lifetime_value with arrays",
    )


@pytest.mark.parametrize("freq, time, rate", [("W", 12, 0.01), ("W", 6, 0.05)])
def test_customer_lifetime_value_equals_lifetimes(bgf, ggf, cal_summary, freq, time, rate):
    s = cal_summary
    ref = ggf.customer_lifetime_value(bgf, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                                      time=time, discount_rate=rate, freq=freq)
    ours = clv.customer_lifetime_value(bgf, ggf, s, time=time, discount_rate=rate, freq=freq)
    assert ours.name == "clv" and ours.index.equals(s.index)
    np.testing.assert_allclose(ours.to_numpy(), ref.loc[s.index].to_numpy(), rtol=1e-10)
    # monetary values as numpy array or Series give the same
    m = ggf.conditional_expected_average_profit(s["frequency"], s["monetary_value"])
    np.testing.assert_allclose(clv.customer_lifetime_value(bgf, m.to_numpy(), s, time=time, discount_rate=rate, freq=freq), ours, rtol=1e-12)
    np.testing.assert_allclose(clv.customer_lifetime_value(bgf, m, s, time=time, discount_rate=rate, freq=freq, margin=0.3), 0.3 * ours, rtol=1e-12)


class LinearModel:
    """Stand-in model: a purchases per time unit, for hand-checked CLV."""

    params_ = pd.Series({"rate": 1.0})

    def __init__(self, rate):
        self.rate = rate

    def conditional_expected_number_of_purchases_up_to_time(self, t, frequency, recency, T):
        return self.rate * t + 0 * np.asarray(frequency, dtype=float)


def test_customer_lifetime_value_hand_case():
    s = pd.DataFrame({"frequency": [1, 3], "recency": [1.0, 2.0], "T": [2.0, 4.0]}, index=pd.Index([10, 20], name="customer_id"))
    # monthly model, 2 purchases a month; values 50 and 10; 3 months at 10 % a month
    out = clv.customer_lifetime_value(LinearModel(2.0), np.array([50.0, 10.0]), s, time=3, discount_rate=0.1, freq="M")
    disc = sum(1 / 1.1**i for i in (1, 2, 3))
    np.testing.assert_allclose(out.to_numpy(), [100 * disc, 20 * disc])
    # daily model: lifetimes' convention, month = 30 days; 0.1 purchases a day = 3 a month
    daily = clv.customer_lifetime_value(LinearModel(0.1), 10.0, s, time=2, discount_rate=0.0, freq="D", margin=0.5)
    np.testing.assert_allclose(daily.to_numpy(), [0.5 * 10 * 3 * 2] * 2)
    exact_month = clv.customer_lifetime_value(LinearModel(0.1), 10.0, s, time=1, discount_rate=0.0, freq="D", units_per_month=30.4375)
    np.testing.assert_allclose(exact_month.to_numpy(), [30.4375] * 2)
    with pytest.raises(ValueError, match="ggf_or_monetary must have one value per customer"):
        clv.customer_lifetime_value(LinearModel(1.0), np.ones(3), s)
    with pytest.raises(ValueError, match="freq must be one of 'D', 'W' or 'M'"):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, freq="H")
    with pytest.raises(ValueError, match="discount_rate must be at least 0"):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, discount_rate=-0.1)
    with pytest.raises(ValueError, match="time must be a whole number of months"):
        clv.customer_lifetime_value(LinearModel(1.0), 1.0, s, time=0)


def test_simple_clv():
    assert clv.simple_clv(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / 0.3)
    assert round(clv.simple_clv(100, 0.8, 0.1), 2) == 266.67
    assert clv.simple_clv(100, 0.8, 0.1, include_initial=True) == pytest.approx(100 + 266.6666667)
    assert clv.simple_clv(100, 0.0, 0.1) == 0.0
    assert clv.simple_clv(100, 1.0, 0.1) == pytest.approx(1000.0)   # retained for ever: m / d
    margins = pd.Series([100.0, 40.0], index=["A", "B"])
    out = clv.simple_clv(margins, pd.Series([0.8, 0.5], index=["A", "B"]), 0.1)
    np.testing.assert_allclose(out.to_numpy(), [266.6666667, 40 * 0.5 / 0.6])
    with pytest.raises(ValueError, match="retention must be between 0 and 1, got 1.2"):
        clv.simple_clv(100, 1.2, 0.1)
    with pytest.raises(ValueError, match="CLV is infinite"):
        clv.simple_clv(100, 1.0, 0.0)
    with pytest.raises(ValueError, match="discount must be at least 0"):
        clv.simple_clv(100, 0.5, -0.1)
    with pytest.raises(ValueError, match="retention must be between 0 and 1; 1 value\\(s\\) are not, e.g. 1.5 \\(at 'B'\\)"):
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


def _quadrant_frame():
    # one customer per cell; medians: cost 55, current 450, future 450
    rows = {
        "S1": (10, 900, 900), "S2": (100, 900, 900), "S3": (10, 900, 10), "S4": (100, 900, 10),
        "S5": (10, 10, 900), "S6": (100, 10, 900), "S7": (10, 10, 10), "S8": (100, 10, 10),
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=["cost_to_serve", "current_profit", "future_profit"])


def test_clv_quadrant():
    q = clv.clv_quadrant(_quadrant_frame())
    assert q["cell"].tolist() == [1, 2, 3, 4, 5, 6, 7, 8]
    assert q.loc["S1", "segment"] == "Star" and q.loc["S8", "segment"] == "Loss maker"
    assert q.attrs["thresholds"] == {"cost_to_serve": 55.0, "current_profit": 455.0, "future_profit": 455.0}
    summary = clv.clv_quadrant_summary(q)
    assert summary["customers"].tolist() == [1] * 8 and summary["share"].sum() == pytest.approx(1.0)
    # explicit thresholds: everybody's cost is "low" when the threshold is 1000
    q2 = clv.clv_quadrant(_quadrant_frame(), cost_threshold=1000)
    assert (q2["cost_level"] == "low").all()
    assert clv.clv_quadrant_summary(q2).loc[[2, 4, 6, 8], "customers"].sum() == 0
    # customer id in a column, Chinese labels
    df = _quadrant_frame().rename_axis("cid").reset_index()
    i18n.use("zh")
    try:
        qz = clv.clv_quadrant(df, customer_col="cid")
    finally:
        i18n.use("en")
    assert qz.index.name == "cid" and qz.loc["S1", "segment"] == "明星客户"
    with pytest.raises(ValueError, match="df is missing column 'cost_to_serve'"):
        clv.clv_quadrant(_quadrant_frame().drop(columns="cost_to_serve"))
    with pytest.raises(TypeError, match="df column 'future_profit' must be numeric"):
        clv.clv_quadrant(_quadrant_frame().assign(future_profit="high"))


def test_simulate_bgnbd_recovers_parameters():
    s = clv.simulate_bgnbd(3000, seed=3)
    params = clv.fitted_params(clv.fit_bgnbd(s))
    np.testing.assert_allclose(params[["r", "alpha", "a", "b"]], [0.243, 4.414, 0.793, 2.426], rtol=0.3)


def test_summarize_internals_edge_cases():
    # dates before 1970 floor to the right day; ids come back sorted whatever the row order
    old = hand_log().assign(date=lambda d: d["date"] - pd.DateOffset(years=60)).iloc[::-1]
    s = clv.summarize(old, end="1965-02-28")
    assert s.index.tolist() == ["A", "B", "C"]
    assert s["recency"].tolist() == [35.0, 0.0, 48.0] and s["frequency"].tolist() == [2, 0, 2]
    # the packed-sort fast path and the argsort fallback agree
    rng = np.random.default_rng(0)
    codes = rng.integers(0, 50, 500).astype(np.int64)
    days = rng.integers(0, 300, 500).astype(np.int64)
    amounts = rng.random(500)
    fast = clv._purchase_days(codes, days, amounts, 50)
    slow = clv._purchase_days(codes << 45, days, amounts, 50)  # key too wide to pack with row numbers
    np.testing.assert_array_equal(fast[0] << 45, slow[0])
    np.testing.assert_array_equal(fast[1], slow[1])
    np.testing.assert_allclose(fast[2], slow[2])


def test_no_warnings_on_the_happy_path(cdnow):
    """Lesson notebooks must not show warnings: the main calls are silent (no excluded rows here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = clv.summarize(cdnow[cdnow["date"] <= CAL_END], end=CAL_END, unit="W")
        model = clv.fit_bgnbd(s)
        clv.expected_purchases(model, s, 39)
        clv.probability_alive(model, s)
        rep = s[s["frequency"] > 0]
        gg = clv.fit_gamma_gamma(rep)
        clv.customer_lifetime_value(model, gg, rep, freq="W")
