"""Unit tests of coursekit.quality: the flawed customer table and the data-quality checker."""

from __future__ import annotations

import pandas as pd
import pytest

from coursekit import datasets, i18n, quality

RULES = dict(
    key_col="customer_id",
    required=["company_name"],
    spelling_cols=["region", "city", "industry", "acquisition_channel", "account_manager"],
    date_cols=["acquired_date"],
    ranges={"payment_terms_days": (7, 180)},
    outlier_cols=["employees"],
)


def test_every_problem_by_hand():
    t = pd.DataFrame(
        {
            "id": ["A", "A", "B", None, "C", "D", "E", "F"],
            "city": ["Suzhou", "Suzhou", "Suzhou", "Wuxi", "suzhou ", "Wuxi", "Wuxi", "Wuxi"],
            "opened": [
                "2024-01-01",
                "2024-01-01",
                "2025-02-30",
                "2024-05-01",
                "2030-01-01",
                "2024-01-01",
                "2024-01-01",
                "2024-01-01",
            ],
            "terms": [30, 30, 60, 2, 60, 90, -10, 60],
            "staff": [100, 100, 120, 90, 110, 95, 105, 1e7],
        },
        index=range(1, 9),
    )
    t.loc[6, "id"] = "B"  # same key as row 3, other content
    issues = quality.find_issues(
        t,
        key_col="id",
        spelling_cols=["city"],
        date_cols=["opened"],
        ranges={"terms": (7, 180)},
        outlier_cols=["staff"],
    )
    got = {(p, r) for p, r in zip(issues["problem"].astype(str), issues["row"])}
    assert got == {
        ("missing_key", 4),
        ("duplicate_row", 2),
        ("duplicate_key", 6),
        ("inconsistent_spelling", 5),
        ("impossible_date", 3),
        ("impossible_date", 5),
        ("wrong_unit", 4),
        ("outlier", 7),
        ("outlier", 8),
    }
    assert issues.loc[issues["problem"] == "wrong_unit", "detail"].item() == "x 30 = 60"
    assert issues.loc[issues["problem"] == "inconsistent_spelling", "detail"].item() == "'Suzhou'?"
    report = quality.check_quality(
        t,
        key_col="id",
        spelling_cols=["city"],
        date_cols=["opened"],
        ranges={"terms": (7, 180)},
        outlier_cols=["staff"],
    )
    assert report["rows"].tolist() == [1, 1, 1, 0, 1, 2, 1, 2]
    assert report.loc["impossible_date", "examples"] == "3: 2025-02-30; 5: 2030-01-01"
    assert list(report.index) == list(quality.PROBLEMS) and report.index.ordered


def test_flawed_table_is_seeded_and_the_checker_finds_exactly_what_was_planted():
    customers = datasets.load_customers()
    a = quality.flawed_customers(customers)
    b = quality.flawed_customers(customers)
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 33 and a.index[0] == 1 and a.index.name == "row"
    for seed in range(6):
        table = quality.flawed_customers(customers, seed=seed)
        report = quality.check_quality(table, **RULES)
        assert report["rows"].to_dict() == table.attrs["planted"], seed
    clean = quality.check_quality(
        customers,
        key_col="customer_id",
        date_cols=["acquired_date"],
        ranges={"payment_terms_days": (7, 180)},
        outlier_cols=["employees"],
    )
    assert clean["rows"].sum() == 0


def test_names_in_both_languages():
    i18n.use("zh")
    try:
        assert i18n.name("quality_problem", "wrong_unit") == "单位错误"
    finally:
        i18n.use("en")


def test_bad_input():
    with pytest.raises(TypeError, match="table must be a pandas DataFrame, got list"):
        quality.find_issues([1, 2])
    with pytest.raises(ValueError, match="table is missing column 'code'"):
        quality.find_issues(pd.DataFrame({"id": [1]}), key_col="code")
    with pytest.raises(ValueError, match="examples must be a whole number"):
        quality.check_quality(pd.DataFrame({"id": [1]}), examples=0)
    with pytest.raises(ValueError, match="n must be a whole number from 12 to 200"):
        quality.flawed_customers(datasets.load_customers(), n=5)
    with pytest.raises(ValueError, match="customers is missing column"):
        quality.flawed_customers(pd.DataFrame({"customer_id": ["C1"]}))


def test_named_shows_keys_by_name_and_leaves_problems_as_found():
    from coursekit import opportunity  # noqa: F401  registers the channel names

    table = pd.DataFrame(
        {"region": ["East China", "east china", None], "acquisition_channel": ["referral", "Referral", "online"]}
    )
    i18n.use("zh")
    try:
        out = quality.named(table)
    finally:
        i18n.use("en")
    assert out["region"].tolist()[:2] == ["华东", "east china"] and out["region"].isna().iloc[2]
    assert out["acquisition_channel"].tolist() == ["转介绍", "Referral", "线上"]
    assert table["region"].iloc[0] == "East China"  # the table itself is unchanged
