"""coursekit.personas: profile, k-means personas, propensity, gain, touchpoints (hand-computed values)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import datasets, i18n, personas

END = "2025-12-31"


@pytest.fixture
def small():
    customers = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C"],
            "customer_type": ["OEM", "end user", "end user"],
            "size": ["large", "small", "small"],
            "region": ["East China"] * 3,
            "employees": [800, 40, 60],
            "acquired_date": ["2020-12-31", "2024-12-31", "2026-01-05"],
        }
    )
    orders = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "B", "B"],
            "order_id": ["1", "2", "2", "3", "4"],
            "date": ["2025-03-01", "2025-12-01", "2025-12-10", "2024-06-01", "2025-12-31"],
            "amount": [100.0, 300.0, -100.0, 50.0, 60.0],
            "margin": [20.0, 60.0, -20.0, 10.0, 6.0],
            "product_line": ["bearings", "lubricants", "lubricants", "bearings", "fasteners"],
            "line_type": ["sale", "sale", "return", "sale", "sale"],
        }
    )
    tickets = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B"],
            "opened_at": ["2025-05-01 10:00", "2024-01-01 09:00", "2025-07-01 08:00"],
            "channel": ["phone", "WeChat", "phone"],
            "is_complaint": [True, False, False],
        }
    )
    visits = pd.DataFrame(
        {"customer_id": ["A", "A"], "date": ["2025-02-01", "2025-11-01"], "kind": ["routine", "executive"]}
    )
    engagement = pd.DataFrame({"customer_id": ["B"], "date": ["2025-09-09"], "signal": ["suggestion"]})
    survey = pd.DataFrame({"customer_id": ["A", "A"], "survey_date": ["2024-06-01", "2025-06-01"], "nps_score": [6, 9]})
    return customers, orders, tickets, visits, engagement, survey


def _profile(small):
    customers, orders, tickets, visits, engagement, survey = small
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = personas.customer_profile(
            customers, END, orders=orders, tickets=tickets, visits=visits, engagement=engagement, survey=survey
        )
    return p, caught


def test_customer_profile_by_hand(small):
    p, caught = _profile(small)
    # C is acquired after the end: left out, with a note
    assert p.index.tolist() == ["A", "B"]
    assert any("1 customer(s) acquired after the end" in str(w.message) for w in caught)
    assert p.attrs["notes"]
    # A: order 1 (100) and order 2 (300 - 100 returned = 200): 2 orders, 300 CNY, margin 20 + 40 = 60
    assert p.loc["A", "orders"] == 2 and p.loc["A", "revenue"] == 300.0
    assert p.loc["A", "avg_order"] == 150.0 and p.loc["A", "margin_pct"] == 20.0
    assert p.loc["A", "days_since"] == 30.0  # last purchase 2025-12-01
    assert p.loc["A", "product_lines"] == 2
    # the 2024 ticket is outside the 365-day window; the 2025 one is a complaint
    assert p.loc["A", "tickets"] == 1 and p.loc["A", "complaints"] == 1
    assert p.loc["A", "visits"] == 2 and p.loc["A", "engagement"] == 0
    assert p.loc["A", "nps_score"] == 9.0  # the latest answer
    assert p.loc["A", "tenure_years"] == round(1826 / 365.25, 2)
    # B: the 2024 order is outside the window, the order on the end day counts
    assert p.loc["B", "orders"] == 1 and p.loc["B", "revenue"] == 60.0 and p.loc["B", "days_since"] == 0.0
    assert p.loc["B", "margin_pct"] == 10.0
    assert math.isnan(p.loc["B", "nps_score"])  # never surveyed: missing, not zero
    assert p.loc["B", "engagement"] == 1 and p.loc["B", "tickets"] == 1


def test_profile_by_hand(small):
    p, _ = _profile(small)
    out = personas.profile_by(p, "customer_type")
    assert out.loc["OEM", "revenue_share"] == 0.8333  # 300 / 360
    assert out.loc["end user", "customer_share"] == 0.5
    assert out.loc["end user", "surveyed"] == 0 and math.isnan(out.loc["end user", "nps_mean"])


def test_profile_bad_inputs(small):
    customers, orders, *_ = small
    with pytest.raises(TypeError, match="orders must be a pandas DataFrame"):
        personas.customer_profile(customers, END)
    with pytest.raises(ValueError, match="missing column 'employees'"):
        personas.customer_profile(customers.drop(columns="employees"), END, orders=orders)
    with pytest.raises(ValueError, match="window"):
        personas.customer_profile(customers, END, orders=orders, window=0)
    with pytest.raises(ValueError, match="missing column 'orders'"):
        personas.profile_by(pd.DataFrame({"customer_type": ["x"], "revenue": [1.0]}), "customer_type")


def test_persona_features_logs_and_standardises():
    p = pd.DataFrame({"orders": [0, np.e - 1], "days_since": [np.nan, 9.0]})
    z = personas.persona_features(p, features={"orders": "log", "days_since": "none"})
    # ln(1 + 0) = 0 and ln(e) = 1: mean 0.5, sd 0.5 -> -1, +1; the missing day count becomes max + 1 = 10
    assert z["orders"].tolist() == pytest.approx([-1.0, 1.0])
    assert z["days_since"].tolist() == pytest.approx([1.0, -1.0])
    with pytest.raises(ValueError, match="transform"):
        personas.persona_features(p, features={"orders": "sqrt"})
    with pytest.raises(ValueError, match="missing"):
        personas.persona_features(pd.DataFrame({"orders": [1.0, None]}), features={"orders": "log"})


def test_personas_names_clusters_by_their_centres():
    z = pd.DataFrame(
        {
            "orders": [2.0, 2.1, -2.0, -2.1, 0.0, 0.1],
            "tickets": [2.0, 2.0, -1.0, -1.0, 0.0, 0.0],
            "days_since": [-1.0, -1.0, 2.0, 2.0, 0.0, 0.0],
            "tenure_years": [0.0, 0.0, 0.0, 0.0, 2.0, 2.1],
        },
        index=list("ABCDEF"),
    )
    g = personas.personas(z, k=3)
    assert g["persona"].astype(str).tolist() == ["busy_regulars"] * 2 + ["silent"] * 2 + ["loyal_veterans"] * 2
    c = personas.persona_centres(z, g)
    assert c.loc["silent", "orders"] == -2.05
    assert personas.stability(z, k=3, seeds=[1, 2])["ari"].tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match="k = 6 needs more than 6 customers"):
        personas.personas(z, k=6)
    with pytest.raises(ValueError, match="k"):
        personas.personas(z, k=1)


def test_choose_k_by_hand():
    z = pd.DataFrame({"x": [0.0, 0.1, 5.0, 5.1, 9.0, 9.1]})
    out = personas.choose_k(z, k_values=[2, 3])
    # k = 2: {0, 0.1} and {5, 5.1, 9, 9.1} (centre 7.05): 0.005 + 2 x 2.05² + 2 x 1.95² = 16.015
    assert out.loc[2, "inertia"] == 16.0
    # k = 3: three pairs 0.1 apart, each 2 x 0.05² = 0.005 -> 0.015
    assert out.loc[3, "inertia"] == 0.0


def test_auc_and_gain_by_hand():
    t = pd.DataFrame({"propensity": [0.9, 0.4, 0.5, 0.1], "ordered_next": [1, 1, 0, 0]})
    assert personas.auc(t) == 0.75  # 3 of 4 buyer/non-buyer pairs in order
    g = personas.gain_table(t, groups=2)
    # top half: 0.9 (buyer) and 0.5 (not): 1 of 2 buyers -> gain 0.5, lift 0.5 / 0.5 = 1.0
    assert g["gain"].tolist() == [0.5, 1.0] and g["lift"].tolist() == [1.0, 1.0]
    g4 = personas.gain_table(t, groups=4)
    assert g4["gain"].tolist() == [0.5, 0.5, 1.0, 1.0]
    assert g4["lift"].tolist() == [2.0, 1.0, 1.333, 1.0]
    with pytest.raises(ValueError, match="one class"):
        personas.auc(t.assign(ordered_next=1))
    with pytest.raises(ValueError, match="0 and 1"):
        personas.gain_table(t.assign(ordered_next=2))
    with pytest.raises(ValueError, match="missing column 'propensity'"):
        personas.auc(t.drop(columns="propensity"))


def test_propensity_table_target_and_model(small):
    customers, orders, tickets, visits, engagement, _ = small
    orders = pd.concat(
        [
            orders,
            pd.DataFrame(
                {
                    "customer_id": ["A"],
                    "order_id": ["5"],
                    "date": ["2026-01-25"],
                    "amount": [10.0],
                    "margin": [1.0],
                    "product_line": ["bearings"],
                    "line_type": ["sale"],
                }
            ),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = personas.propensity_table(customers, "2025-11-30", orders=orders, months=2)
        with pytest.raises(ValueError, match="not observed"):
            personas.propensity_table(customers, "2025-12-31", orders=orders, months=6)
    # in (2025-11-30, 2026-01-30]: A orders (order 2 net 200, order 5), B orders on 2025-12-31
    assert t["ordered_next"].to_dict() == {"A": 1, "B": 1}
    with pytest.raises(ValueError, match="one class"):
        personas.fit_propensity(t)
    train = pd.DataFrame({"orders": [0, 1, 5, 9], "ordered_next": [0, 0, 1, 1]})
    model = personas.fit_propensity(train, features={"orders": "log"})
    p = personas.score_propensity(model, train)
    assert p.is_monotonic_increasing and personas.model_weights(model)["orders"] > 0
    with pytest.raises(ValueError, match="C"):
        personas.fit_propensity(train, features={"orders": "log"}, C=0)
    with pytest.raises(TypeError, match="fit_propensity"):
        personas.score_propensity(object(), train)


def test_call_list_ranks_by_expected_revenue():
    t = pd.DataFrame(
        {"propensity": [0.9, 0.5, 0.2], "revenue": [4000.0, 40000.0, 1000.0], "days_since": [1.0, 2.0, 3.0]},
        index=pd.Index(["A", "B", "C"], name="customer_id"),
    )
    c = pd.DataFrame({"customer_id": list("ABC"), "company_name": list("abc"), "account_manager": ["x"] * 3})
    out = personas.call_list(t, c, n=2)
    # 0.5 x 40,000 / 4 = 5,000 before 0.9 x 4,000 / 4 = 900
    assert out.index.tolist() == ["B", "A"] and out["expected_revenue"].tolist() == [5000.0, 900.0]
    assert personas.call_list(t, c, n=3, rank_by="propensity").index.tolist() == ["A", "B", "C"]
    with pytest.raises(ValueError, match="rank_by"):
        personas.call_list(t, c, rank_by="revenue")
    with pytest.raises(TypeError, match="customers must be a pandas DataFrame"):
        personas.call_list(t)


def test_touchpoints_per_customer_of_each_persona(small):
    _, _, tickets, visits, engagement, _ = small
    g = pd.DataFrame(
        {"persona": pd.Categorical(["busy_regulars", "silent"], categories=["busy_regulars", "silent"])},
        index=pd.Index(["A", "B"], name="customer_id"),
    )
    out = personas.touchpoints(g, END, tickets=tickets, visits=visits, engagement=engagement)
    assert out.loc["busy_regulars", "phone"] == 1.0 and out.loc["busy_regulars", "routine"] == 1.0
    assert out.loc["silent", "suggestion"] == 1.0 and out.loc["silent", "executive"] == 0.0
    assert "WeChat" not in out.columns  # A's WeChat ticket of 2024 is outside the window
    with pytest.raises(ValueError, match="at least one"):
        personas.touchpoints(g, END)
    with i18n.language("zh"):
        shown = personas.show(out)
    assert "电话" in "".join(shown.columns) or all(col not in shown.columns for col in ("phone", "routine"))


def test_the_lesson_numbers_on_the_case_data():
    """The lesson's persona count, stability and holdout AUC (the numbers quoted in its prose)."""
    c, o = datasets.load_customers(), datasets.load_orders()
    tk, vi, en = datasets.load_tickets(), datasets.load_visits(), datasets.load_engagement()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prof = personas.customer_profile(c, END, orders=o, tickets=tk, visits=vi, engagement=en)
        z = personas.persona_features(prof)
        g = personas.personas(z, k=5)
        train = personas.propensity_table(c, "2025-06-30", orders=o, tickets=tk, visits=vi, engagement=en)
        test = personas.propensity_table(c, "2025-09-30", orders=o, tickets=tk, visits=vi, engagement=en)
    model = personas.fit_propensity(train)
    test["propensity"] = personas.score_propensity(model, test)
    assert personas.auc(test) == 0.893
    assert len(set(g["persona"].astype(str))) == 5
