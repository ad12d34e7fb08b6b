"""The shared input checks: each names the table, the column and the problem."""

import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import _validate as v
from coursekit.notebook import setup_notebook


def test_require_frame_type_and_empty():
    with pytest.raises(TypeError, match="orders must be a pandas DataFrame, got dict"):
        v.require_frame({"a": [1]}, "orders")
    with pytest.raises(ValueError, match="orders is empty"):
        v.require_frame(pd.DataFrame({"a": []}), "orders")
    assert v.require_frame(pd.DataFrame({"a": []}), "orders", allow_empty=True).empty


def test_require_columns_lists_what_is_there():
    df = pd.DataFrame({"cust": [1], "date": ["2025-01-01"]})
    with pytest.raises(ValueError, match=r"orders is missing column 'customer_id' \(columns present: 'cust', 'date'\)"):
        v.require_columns(df, ["customer_id"], "orders")


def test_numeric_column_accepts_numeric_strings_and_rejects_text():
    df = pd.DataFrame({"amount": ["10.5", "2", "abc", None]})
    with pytest.raises(TypeError, match=r"'amount' must be numeric; 1 value\(s\) are not numbers, e.g. 'abc'"):
        v.numeric_column(df, "amount", "orders")
    ok = v.numeric_column(pd.DataFrame({"amount": ["10.5", "2"]}), "amount", "orders")
    assert ok.tolist() == [10.5, 2.0]


def test_numeric_column_missing_negative_infinite_boolean():
    with pytest.raises(ValueError, match=r"'amount' has 1 missing value\(s\) \(first at row 1\)"):
        v.numeric_column(pd.DataFrame({"amount": [1.0, np.nan]}), "amount", "orders")
    with pytest.raises(ValueError, match="must not be negative; 2 value"):
        v.numeric_column(pd.DataFrame({"amount": [-1, 3, -2]}), "amount", "orders", allow_negative=False)
    with pytest.raises(ValueError, match="infinite"):
        v.numeric_column(pd.DataFrame({"amount": [np.inf]}), "amount", "orders")
    with pytest.raises(TypeError, match="booleans"):
        v.numeric_column(pd.DataFrame({"amount": [True]}), "amount", "orders")


def test_date_column_parses_and_rejects():
    dates = v.date_column(pd.DataFrame({"date": ["2025-01-02", "2025/03/04"]}), "date", "orders")
    assert dates.dt.strftime("%Y-%m-%d").tolist() == ["2025-01-02", "2025-03-04"]
    with pytest.raises(ValueError, match=r"'date' has 1 value\(s\) that are not dates, e.g. 'not a date'"):
        v.date_column(pd.DataFrame({"date": ["2025-01-02", "not a date"]}), "date", "orders")
    with pytest.raises(TypeError, match="must hold dates"):
        v.date_column(pd.DataFrame({"date": [20250101]}), "date", "orders")
    with pytest.raises(ValueError, match="after the observation end 2025-12-31, e.g. 2026-01-05"):
        v.date_column(pd.DataFrame({"date": ["2026-01-05"]}), "date", "orders", end=pd.Timestamp("2025-12-31"))


def test_as_timestamp_refuses_missing_or_numbers():
    assert v.as_timestamp("2025-12-31") == pd.Timestamp("2025-12-31")
    with pytest.raises(TypeError, match="never 'today'"):
        v.as_timestamp(None)
    with pytest.raises(TypeError, match="end must be a date"):
        v.as_timestamp(20251231)
    with pytest.raises(ValueError, match="could not be read as a date"):
        v.as_timestamp("31.31.2025")


def test_unique_keys_and_missing_keys():
    with pytest.raises(ValueError, match=r"'customer_id' has duplicated keys: 1 repeated value\(s\), e.g. C2"):
        v.require_unique(pd.DataFrame({"customer_id": ["C1", "C2", "C2"]}), "customer_id", "customers")
    with pytest.raises(ValueError, match=r"'customer_id' has 1 missing value\(s\)"):
        v.require_no_missing(pd.DataFrame({"customer_id": ["C1", None]}), "customer_id", "orders")


def test_require_in_range_messages():
    assert v.require_in_range(0.5, "retention", 0, 1) == 0.5
    with pytest.raises(ValueError, match="retention must be between 0 and 1, got 1.5"):
        v.require_in_range(1.5, "retention", 0, 1)
    with pytest.raises(ValueError, match="discount must be greater than 0"):
        v.require_in_range(0, "discount", 0, None, inclusive=False)
    with pytest.raises(TypeError, match="retention must be a number, got str"):
        v.require_in_range("0.5", "retention", 0, 1)


def test_note_warns_and_records_on_result():
    df = pd.DataFrame({"x": [1]})
    with pytest.warns(v.CourseKitDataNote, match="3 return lines netted"):
        v.note("3 return lines netted", df)
    assert df.attrs["notes"] == ["3 return lines netted"]


def test_notebook_setup_prints_notes_instead_of_warning_box(capsys):
    original = warnings.showwarning
    try:
        setup_notebook("en")
        warnings.warn_explicit("2 rows excluded: cancelled", v.CourseKitDataNote, "x.py", 1)
        captured = capsys.readouterr()
        assert captured.out == "Note: 2 rows excluded: cancelled\n"
        assert captured.err == ""
    finally:
        warnings.showwarning = original
