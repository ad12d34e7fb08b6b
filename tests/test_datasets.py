"""Tests of the case data: generator reproducibility, loaders, schema checks, planted structure, CDNOW."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _scripts import load_script
from scipy import optimize

from coursekit import datasets as ds
from coursekit import i18n

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "datasets"
END = ds.OBSERVATION_END
LIFETIMES_DATA = Path(importlib.util.find_spec("lifetimes").submodule_search_locations[0]) / "datasets"


@pytest.fixture(scope="module")
def t():
    """All case tables, loaded once."""
    return {name: ds.load(name) for name in ds.ALL_TABLES}


@pytest.fixture(scope="module")
def customer_view(t):
    """Per customer: net revenue, last sale date, churn flag (no order in the last 180 days), latest NPS."""
    orders = t["orders"]
    ids = t["customers"]["customer_id"]
    net = orders.groupby("customer_id")["amount"].sum().reindex(ids, fill_value=0.0)
    last = orders[orders["line_type"] == "sale"].groupby("customer_id")["date"].max().reindex(ids)
    churned = last < END - pd.Timedelta(days=180)
    nps = t["survey"].sort_values("survey_date").groupby("customer_id")["nps_score"].last()
    return pd.DataFrame({"net": net, "last": last, "churned": churned, "nps": nps.reindex(ids)})


# ------------------------------------------------------------------ generator
# SHA-256 of the ten core CSVs as they were before the extension tables were added (issue 7):
# adding tables must never move a number in them.
CORE_SHA256 = {
    "credit.csv": "0f81eecae6dcf9196869a59451971ac72606cded9fc90df87b60a09aff32575b",
    "customers.csv": "dcbf70cff40c4ec685f536595b4b33726d1e568ccb8b4ca3d95c1b580cc0b00b",
    "feedback.csv": "dab99f43a40f47a6bb8b592ed0f8f26c031606caae2922f35384df140acec978",
    "kano.csv": "e761100b55ebef2ead0ecc0c772945b7f8d7c6921ace98c75e9bd471b55b9324",
    "opportunities.csv": "91f4dba96d3ca6cdd253c3f0909bdccdcf1445c428de90b5669f4ca81232e5f8",
    "orders.csv": "b9702c0e3a52d318c40d1ad9b08734f3f7f96c8c5c7af9480f01eb1b8a5e6a25",
    "receivables.csv": "3e3a2fb6553d7805160b2079b9b3710161bbf4e90bf589fcf7cad25bdab7deb4",
    "referrals.csv": "29a13a2bfc5f49b81ce5594c0457bb4436a3c0496a9bd4530ddcfeb112250783",
    "survey.csv": "ebf26bbe80e9e12d95748acf2c5f43a986990d06d77b1350aabc653a3819ae5e",
    "tickets.csv": "3c9454b9f0e7281e29dbc3de7851aabe46160789a3808e68905ebd17e0ce4ebc",
}


def test_core_csvs_unchanged():
    assert {f"{t}.csv" for t in ds.TABLES} == set(CORE_SHA256)
    for name, digest in CORE_SHA256.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, f"{name} changed"


def test_generator_reproduces_committed_csvs(tmp_path):
    files = load_script("datasets/generate.py").generate(tmp_path)
    generated = set(ds.ALL_TABLES) - set(ds.HAND_WRITTEN)
    assert set(files) == generated
    committed = sorted(p.name for p in DATA.glob("*.csv"))
    # the hand-written hold-out is a static file: committed, never generated
    assert sorted([p.name for p in files.values()] + [f"{t}.csv" for t in ds.HAND_WRITTEN]) == committed
    assert not (tmp_path / "feedback_holdout.csv").exists()
    for path in files.values():
        assert path.read_bytes() == (DATA / path.name).read_bytes(), f"{path.name} differs from the committed file"
    for name, digest in CORE_SHA256.items():
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == digest, name


def test_csv_size_and_format():
    total = sum(p.stat().st_size for p in DATA.glob("*.csv"))
    assert total < 15 * 1024 * 1024
    for path in DATA.glob("*.csv"):
        raw = path.read_bytes()
        assert b"\r\n" not in raw, path.name
        raw.decode("utf-8")


# ------------------------------------------------------------------ loaders and schema
_KIND_CHECK = {
    "str": pd.api.types.is_string_dtype,
    "int": lambda s: s.dtype == np.int64,
    "Int64": lambda s: str(s.dtype) == "Int64",
    "float": lambda s: s.dtype == np.float64,
    "bool": pd.api.types.is_bool_dtype,
    "date": pd.api.types.is_datetime64_any_dtype,
    "datetime": pd.api.types.is_datetime64_any_dtype,
}


_FUTURE_DATES = {("receivables", "due_date"), ("payment_excuses", "promised_date")}


@pytest.mark.parametrize("table", ds.ALL_TABLES)
def test_loader_columns_dtypes_keys_dates(t, table):
    df = getattr(ds, f"load_{table}")()
    info = ds.DATA_DICTIONARY[table]
    assert list(df.columns) == list(info["columns"])
    for col, (kind, _unit, _meaning) in info["columns"].items():
        assert _KIND_CHECK[kind](df[col]), f"{table}.{col} has dtype {df[col].dtype}, expected {kind}"
    assert not df.duplicated(subset=info["key"]).any()
    for col, (kind, _u, _m) in info["columns"].items():
        if kind in ("date", "datetime") and (table, col) not in _FUTURE_DATES:
            assert df[col].max() < END + pd.Timedelta(days=1), f"{table}.{col} after the observation end"
    assert df.equals(t[table])


def test_constants():
    assert ds.DATA_START == pd.Timestamp("2023-01-01")
    assert ds.OBSERVATION_END == pd.Timestamp("2025-12-31")
    assert ds.DATA_DIR == DATA
    assert list(ds.FUNNEL_STAGES) == [
        "opportunity",
        "lead",
        "reach",
        "negotiation",
        "reception",
        "bargaining",
        "deal",
        "delivery",
        "service",
    ]
    # the nine stage names of seed 001, in Chinese from the catalog
    with i18n.language("zh"):
        assert list(i18n.names("funnel_stage").values()) == [
            "商机",
            "线索",
            "触达",
            "洽谈",
            "接待",
            "谈判",
            "成交",
            "交付",
            "服务",
        ]
    assert ds.TABLES == (
        "customers",
        "orders",
        "tickets",
        "survey",
        "feedback",
        "referrals",
        "credit",
        "receivables",
        "opportunities",
        "kano",
    )
    assert ds.EXTENSION_TABLES == (
        "ticket_handling",
        "opportunity_stages",
        "cost_rates",
        "visits",
        "engagement",
        "trust",
        "credit_grades",
        "payment_excuses",
        "feedback_holdout",
    )
    assert ds.ALL_TABLES == ds.TABLES + ds.EXTENSION_TABLES
    assert ds.HAND_WRITTEN == ("feedback_holdout",)


def test_every_column_documented_in_module_and_readme():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for table in ds.ALL_TABLES:
        header = (DATA / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        assert header == list(ds.DATA_DICTIONARY[table]["columns"]), table
        assert f"`{table}.csv`" in readme
        for col in header:
            assert re.search(rf"\| `{re.escape(col)}` \|", readme), f"{table}.{col} missing from README.md"
    assert "What a careful analyst will find" in readme
    assert (
        readme.count("synthetic, generated by\n`datasets/generate.py`")
        + readme.count("synthetic, generated by `datasets/generate.py`")
        >= 1
    )


def test_describe_prints_every_column(capsys):
    ds.describe()
    out = capsys.readouterr().out
    for table, info in ds.DATA_DICTIONARY.items():
        assert f"{table}.csv" in out
        for col in info["columns"]:
            assert f"  {col} " in out
    with pytest.raises(ValueError, match="unknown table 'sales'"):
        ds.describe("sales")


_COLUMN_LINE = re.compile(r"^  (\S+)\s+(\w+(?: \[[^\]]*\])?)\s+(.*)$")


def _column_lines(text: str) -> dict[str, tuple[str, str]]:
    """``{column: (kind [unit], meaning)}`` of the column lines of one printed table."""
    found = {}
    for line in text.splitlines()[2:]:
        match = _COLUMN_LINE.match(line)
        if match:
            found[match.group(1)] = (match.group(2), match.group(3))
    return found


def test_describe_in_chinese_by_hand(capsys):
    """Lesson 00 shows describe("orders") in the Chinese edition: title, units and meanings in Chinese."""
    with i18n.language("zh"):
        ds.describe("orders")
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "orders.csv - 订单明细"
    assert lines[1].startswith("  每行一条订单明细") and lines[1].endswith("主键：line_id")
    columns = _column_lines(out)
    assert list(columns) == list(ds.DATA_DICTIONARY["orders"]["columns"])
    assert columns["amount"] == ("float [元]", "不含增值税的销售净额；退货行为负数")
    assert columns["quantity"][0] == "int [件]" and columns["date"][0] == "date"
    assert "轴承、紧固件" in columns["product_line"][1]
    # no English word of the column meanings is left (ids such as 'SO000001' and file names are code)
    english = {
        word
        for _kind, _unit, meaning in ds.DATA_DICTIONARY["orders"]["columns"].values()
        for word in re.findall(r"(?<![\w.])[A-Za-z]{2,}(?![\w.])", meaning)
    }
    assert {"bearings", "VAT", "sale", "return", "Units"} <= english
    shown = " ".join(meaning for _typ, meaning in columns.values())
    left = sorted(w for w in english if re.search(rf"(?<![\w.]){w}(?![\w.])", shown))
    assert not left, f"English words in the Chinese dictionary: {left}"
    assert "CNY" not in out and "Order lines" not in out and "One row" not in out


def test_describe_in_chinese_translates_every_column(capsys):
    with i18n.language("zh"):
        ds.describe()
    out = capsys.readouterr().out
    for table, info in ds.DATA_DICTIONARY.items():
        with i18n.language("zh"):
            assert f"{table}.csv - {i18n.name('table', table)}\n" in out
        block = out.split(f"{table}.csv - ", 1)[1].split("\n\n", 1)[0]
        columns = _column_lines(block)
        assert list(columns) == list(info["columns"]), table
        for col, (typ, meaning) in columns.items():
            kind, unit, english = info["columns"][col]
            assert typ.split(" ")[0] == kind, (table, col)
            assert re.search(r"[\u4e00-\u9fff]", meaning) and meaning != english, f"{table}.{col}: {meaning!r}"
            assert not re.search(r"[A-Za-z]", typ[len(kind) :]), f"{table}.{col}: unit {typ!r} not translated"
    # the English dictionary is unchanged: both titles, the English key line
    ds.describe("orders")
    out = capsys.readouterr().out
    assert out.startswith("orders.csv - Order lines (订单明细)\n")
    assert "  One row per order line (one product line of one order); sales and returns. Key: line_id\n" in out
    assert "  amount       float [CNY]   Net sales value excl. VAT; negative on return lines\n" in out


def test_load_by_name():
    assert ds.load("kano").shape == (2400, 5)
    with pytest.raises(ValueError, match="unknown table"):
        ds.load("nope")
    with pytest.raises(TypeError):
        ds.load(3)


# ------------------------------------------------------------------ bad input
def _corrupt(tmp_path, table, edit):
    text = (DATA / f"{table}.csv").read_text(encoding="utf-8")
    lines = text.split("\n")[:50] + [""]
    lines = edit(lines)
    path = tmp_path / f"bad_{table}.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_missing_column_raises(tmp_path):
    def drop_date(lines):
        rows = [line.split(",") for line in lines if line]
        i = rows[0].index("date")
        return [",".join(r[:i] + r[i + 1 :]) for r in rows] + [""]

    path = _corrupt(tmp_path, "orders", drop_date)
    with pytest.raises(ValueError, match=r"orders file bad_orders\.csv is missing column 'date'"):
        ds.load_orders(path=path)


def test_unparseable_date_raises(tmp_path):
    path = _corrupt(tmp_path, "customers", lambda ls: [ls[0], ls[1].replace(",20", ",twenty", 1)] + ls[2:])
    with pytest.raises(ValueError, match="column 'acquired_date' has 1 value.*not dates"):
        ds.load_customers(path=path)


def test_duplicate_key_raises(tmp_path):
    path = _corrupt(tmp_path, "tickets", lambda ls: ls[:3] + [ls[2]] + ls[3:])
    with pytest.raises(ValueError, match="column \\['ticket_id'\\] has duplicated keys"):
        ds.load_tickets(path=path)


def test_date_after_observation_end_raises(tmp_path):
    path = _corrupt(tmp_path, "survey", lambda ls: [ls[0], re.sub(r",20\d\d-", ",2026-", ls[1], count=1)] + ls[2:])
    with pytest.raises(ValueError, match="column 'survey_date' has 1 date.*after the observation end"):
        ds.load_survey(path=path)


def test_non_numeric_and_bad_bool_and_bad_value_raise(tmp_path):
    def bad_amount(lines):
        r = lines[1].split(",")
        r[6] = "12,5".replace(",", ";")
        return [lines[0], ",".join(r)] + lines[2:]

    with pytest.raises(ValueError, match="column 'amount' must be numeric"):
        ds.load_orders(path=_corrupt(tmp_path, "orders", bad_amount))
    path = _corrupt(
        tmp_path,
        "tickets",
        lambda ls: [ls[0], ls[1].replace(",True,", ",maybe,", 1).replace(",False,", ",maybe,", 1)] + ls[2:],
    )
    with pytest.raises(ValueError, match="must be True/False"):
        ds.load_tickets(path=path)
    path = _corrupt(tmp_path, "orders", lambda ls: [ls[0], ls[1].replace(",sale", ",gift")] + ls[2:])
    with pytest.raises(ValueError, match="column 'line_type' has 1 value.*outside"):
        ds.load_orders(path=path)
    path = _corrupt(tmp_path, "orders", lambda ls: [ls[0], ls[1].replace("C0", ",C0", 1)] + ls[2:])
    with pytest.raises(ValueError, match="orders file bad_orders.csv"):
        ds.load_orders(path=path)
    with pytest.raises(FileNotFoundError, match="generate.py"):
        ds.load_orders(path=tmp_path / "missing.csv")


# ------------------------------------------------------------------ table contents
def test_sizes_and_referential_integrity(t):
    c, o = t["customers"], t["orders"]
    assert len(c) == 2000 and c["customer_id"].iloc[0] == "C0001" and c["customer_id"].iloc[-1] == "C2000"
    assert 40_000 <= len(o) <= 80_000
    assert 1_500 <= len(t["feedback"]) <= 3_000
    assert t["kano"].groupby("respondent_id").size().eq(8).all() and t["kano"]["respondent_id"].nunique() == 300
    ids = set(c["customer_id"])
    for table in ("orders", "tickets", "survey", "feedback", "credit", "receivables", "kano"):
        assert set(t[table]["customer_id"]) <= ids, table
    assert set(t["referrals"]["source_id"]) | set(t["referrals"]["target_id"]) <= ids
    opp = t["opportunities"]["customer_id"]
    assert opp.str.match(r"^(C\d{4}|P\d{4})$").all() and set(opp[opp.str.startswith("C")]) <= ids
    assert (c["acquired_date"] < ds.DATA_START).sum() > 300  # long-standing accounts
    assert c.loc[c["acquired_date"] >= ds.DATA_START, "acquired_date"].dt.year.value_counts().min() > 300
    assert c["account_manager"].nunique() == 12
    assert c["company_name"].is_unique


def test_returns(t):
    o = t["orders"]
    sales, returns = o[o["line_type"] == "sale"], o[o["line_type"] == "return"]
    assert 0.02 <= len(returns) / len(o) <= 0.04
    assert (returns[["quantity", "amount", "margin"]] < 0).all().all()
    assert (sales[["quantity", "amount"]] > 0).all().all()
    first = sales.groupby("order_id")["date"].min()
    assert returns["order_id"].isin(first.index).all()
    assert (returns["date"].to_numpy() > first.reindex(returns["order_id"]).to_numpy()).all()


def test_receivables(t):
    r, o = t["receivables"], t["orders"]
    sales = o[o["line_type"] == "sale"]
    assert set(r["order_id"]) == set(sales["order_id"])
    paid = r.dropna(subset=["paid_date"])
    assert (paid["paid_date"] > paid["invoice_date"]).all()
    assert (r["due_date"] > r["invoice_date"]).all()
    terms = (r["due_date"] - r["invoice_date"]).dt.days
    assert set(terms) == {30, 60, 90}
    # bad debts: long overdue and unpaid, mostly customers with a credit default
    bad = r[r["paid_date"].isna() & (r["due_date"] < END - pd.Timedelta(days=90))]
    defaulters = set(t["credit"].loc[t["credit"]["default_12m"] == 1, "customer_id"])
    assert 20 <= bad["customer_id"].nunique() <= 150
    assert bad["customer_id"].isin(defaulters).mean() > 0.6
    late = (paid["paid_date"] - paid["due_date"]).dt.days
    assert 0.6 <= (late <= 0).mean() <= 0.85  # most pay on time


def test_funnel(t):
    op = t["opportunities"]
    order = {s: i for i, s in enumerate(ds.FUNNEL_STAGES)}
    idx = op["stage_reached"].map(order)
    reached = [int((idx >= i).sum()) for i in range(len(order))]
    assert all(a > b for a, b in zip(reached, reached[1:])), reached
    assert (op.loc[op["status"] == "won", "stage_reached"].map(order) >= order["deal"]).all()
    assert (op.loc[op["status"] != "won", "stage_reached"].map(order) < order["deal"]).all()
    assert op.loc[op["status"] == "lost", "lost_reason"].notna().all()
    assert op.loc[op["status"] != "lost", "lost_reason"].isna().all()


# ------------------------------------------------------------------ planted structure
def test_a_pareto_concentration(customer_view):
    net = customer_view["net"].sort_values(ascending=False)
    share = net.iloc[: len(net) // 5].sum() / net.sum()
    assert 0.72 <= share <= 0.85, share
    assert round(share, 3) == 0.775


def test_b_dissatisfaction_drives_churn(t, customer_view):
    v = customer_view.dropna(subset=["nps"])
    means = v.groupby("churned")["nps"].mean()
    assert means[True] < means[False] - 0.3, means
    cls = pd.cut(v["nps"], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    rate = v.groupby(cls, observed=True)["churned"].mean()
    assert rate["detractor"] > rate["passive"] > rate["promoter"]
    tk = (
        t["tickets"]
        .groupby("customer_id")
        .agg(fcr=("first_contact_resolved", "mean"), complaint=("is_complaint", "mean"))
    )
    tk["churned"] = customer_view["churned"].reindex(tk.index)
    g = tk.groupby("churned").mean()
    assert g.loc[True, "fcr"] < g.loc[False, "fcr"] - 0.1
    assert g.loc[True, "complaint"] > g.loc[False, "complaint"] + 0.1


def test_c_referral_hubs(t):
    ref = t["referrals"]
    referred = ref[ref["relation"] == "referred"]
    counts = referred["source_id"].value_counts()
    assert counts.iloc[:3].sum() / len(referred) >= 0.15
    assert counts.iloc[0] >= 5 * counts.median()
    assert referred["target_id"].is_unique  # a new customer is introduced once
    c = t["customers"].set_index("customer_id")
    assert (c.loc[referred["target_id"], "acquisition_channel"] == "referral").all()
    assert (c.loc[referred["target_id"], "acquired_date"].to_numpy() == referred["date"].to_numpy()).all()
    dep = ref[ref["relation"] == "depends_on"]
    assert (c.loc[dep["target_id"], "customer_type"] == "channel partner").all()


def test_d_credit_default_explained_by_6c(t):
    cr = t["credit"]
    rate = cr["default_12m"].mean()
    assert 0.06 <= rate <= 0.10, rate
    assert cr["collateral_coverage"].isna().sum() > 0
    assert cr.drop(columns="collateral_coverage").notna().all().all()
    assert (cr["application_date"] <= END - pd.DateOffset(months=12)).all()
    q = pd.qcut(cr["character_score"], 4, labels=False)
    by_q = cr.groupby(q)["default_12m"].mean()
    assert by_q.iloc[0] > 3 * by_q.iloc[-1]
    # logistic regression on standardised features: every 6C feature lowers the odds of default
    feats = [
        "character_score",
        "capacity_dscr",
        "capital_equity_pct",
        "collateral_coverage",
        "conditions_outlook",
        "continuity_years",
    ]
    d = cr.dropna(subset=feats)
    x = d[feats].to_numpy(float)
    x = np.c_[np.ones(len(x)), (x - x.mean(0)) / x.std(0)]
    y = d["default_12m"].to_numpy(float)

    def nll(b):
        z = x @ b
        return float(np.sum(np.logaddexp(0, z) - y * z))

    beta = optimize.minimize(nll, np.zeros(x.shape[1]), method="BFGS").x
    assert (beta[1:] < 0).all(), dict(zip(feats, beta[1:].round(2)))
    odds_ratio_character = np.exp(beta[1])
    assert odds_ratio_character < 0.6


def test_e_dormant_valuable_customers(customer_view):
    v = customer_view
    dormant_valuable = v["churned"] & (v["net"] > v["net"].median())
    assert dormant_valuable.sum() >= 100
    assert 0.2 <= v["churned"].mean() <= 0.5


def test_f_stated_vs_derived_importance(t):
    sv = t["survey"]
    attrs = list(ds.SURVEY_ATTRIBUTES)
    x = sv[[f"perf_{a}" for a in attrs]].to_numpy(float)
    x = (x - x.mean(0)) / x.std(0)
    beta = np.linalg.lstsq(np.c_[np.ones(len(x)), x], sv["overall_satisfaction"].to_numpy(float), rcond=None)[0][1:]
    derived = pd.Series(beta, index=attrs).sort_values(ascending=False)
    stated = sv[[f"imp_{a}" for a in attrs]].mean().rename(lambda c: c[4:]).sort_values(ascending=False)
    assert set(derived.index[:2]) == {"delivery", "product_quality"}
    assert derived["price"] < 0.3 * derived["delivery"]
    assert "price" in stated.index[:2]


def test_g_satisfaction_trap(customer_view):
    promoters = customer_view[customer_view["nps"] >= 9]
    assert len(promoters) > 100
    assert promoters["churned"].mean() >= 0.15


def test_kano_planted_categories(t):
    k = t["kano"]
    table = {
        "like": {"like": "Q", "must-be": "A", "neutral": "A", "live-with": "A", "dislike": "O"},
        "dislike": {"like": "R", "must-be": "R", "neutral": "R", "live-with": "R", "dislike": "Q"},
    }

    def category(f, d):
        if f in table:
            return table[f][d]
        return "R" if d == "like" else ("M" if d == "dislike" else "I")

    cats = pd.Series([category(f, d) for f, d in zip(k["functional"], k["dysfunctional"])], index=k.index)
    top = cats.groupby(k["feature"]).agg(lambda s: s.value_counts().idxmax())
    assert top.to_dict() == {
        "invoice_accuracy": "M",
        "product_certificates": "M",
        "next_day_delivery": "O",
        "volume_discounts": "O",
        "online_order_tracking": "A",
        "onsite_vending_machines": "A",
        "branded_packaging": "I",
        "loyalty_points": "I",
    }


def test_feedback_texts(t):
    fb = t["feedback"]
    assert 0.8 <= (fb["language"] == "zh").mean() <= 0.95
    assert fb["text"].nunique() > 0.5 * len(fb)
    assert set(fb["theme"]) == {
        "delivery",
        "quality",
        "price",
        "service",
        "product range",
        "invoicing",
        "ordering",
        "praise",
    }
    assert (fb.loc[fb["theme"] == "praise", "sentiment"] == "positive").all()
    zh = fb[fb["language"] == "zh"]["text"]
    assert zh.str.contains(r"[\u4e00-\u9fff]").all()


# ------------------------------------------------------------------ CDNOW (real data)
def _count_independently(filename, header):
    rows, ids, dates = 0, set(), []
    with open(LIFETIMES_DATA / filename, encoding="ascii") as fh:
        if header:
            next(fh)
        for line in fh:
            parts = line.split()
            if parts:
                rows += 1
                ids.add(int(parts[0]))
                dates.append(parts[-3])
    return rows, len(ids), min(dates), max(dates)


@pytest.mark.parametrize(
    "kind, filename, header, n_rows, n_customers",
    [
        ("sample", "CDNOW_sample.txt", False, 6_919, 2_357),
        ("master", "CDNOW_master.txt", True, 69_659, 23_570),
    ],
)
def test_cdnow(kind, filename, header, n_rows, n_customers):
    rows, customers, first, last = _count_independently(filename, header)
    assert (rows, customers, first, last) == (n_rows, n_customers, "19970101", "19980630")
    cd = ds.load_cdnow(kind)
    assert list(cd.columns) == ["customer_id", "date", "quantity", "amount"]
    assert cd["customer_id"].dtype == np.int64 and cd["quantity"].dtype == np.int64
    assert cd["amount"].dtype == np.float64 and pd.api.types.is_datetime64_any_dtype(cd["date"])
    assert len(cd) == n_rows and cd["customer_id"].nunique() == n_customers
    assert cd["date"].min() == pd.Timestamp("1997-01-01") and cd["date"].max() == pd.Timestamp("1998-06-30")


def test_cdnow_sample_is_subset_of_master_and_bad_kind():
    sample, master = ds.load_cdnow("sample"), ds.load_cdnow("master")
    assert set(sample["customer_id"]) <= set(master["customer_id"])
    with pytest.raises(ValueError, match="kind must be 'sample' or 'master'"):
        ds.load_cdnow("full")


# ------------------------------------------------------------------ extension tables (issue 7)
def test_readme_documents_hand_written_holdout_and_planted_extensions():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `feedback_holdout.csv`")[1].split("###")[0]
    assert "written by hand (not generated)" in section and "lesson-05 tagger is judged on them" in section
    for letter in "hijklmn":
        assert f"\n{letter}. **" in readme.split("### Planted in the extension tables")[1], letter
    assert "Missing means missing" in readme


@pytest.mark.parametrize(
    "table, edit, message",
    [
        ("ticket_handling", lambda r: r.replace(",False,", ",perhaps,", 1), "must be True/False"),
        ("ticket_handling", lambda r: "T99999" + r[6:], r"ticket_id' has 1 id\(s\) not found in tickets\.ticket_id"),
        ("opportunity_stages", lambda r: r.replace(",opportunity,", ",service,", 1), "does not run through the stages"),
        ("cost_rates", lambda r: r.replace("order_line,all", "order_line,East China", 1), "do not fit their activity"),
        (
            "visits",
            lambda r: r.replace(",routine,", ",dinner,", 1).replace(",key-account,", ",dinner,", 1),
            "column 'kind' has 1 value",
        ),
        ("engagement", lambda r: re.sub(r",C\d{4},", ",C9999,", r, count=1), "not found in customers.customer_id"),
        ("trust", lambda r: re.sub(r",\d+\.0,", ",120.0,", r, count=1), r"share_of_wallet_pct' has 1 value.*0\.\.100"),
        ("credit_grades", lambda r: ",".join(r.split(",")[:3]) + ",strategic_customer,,", "inconsistent"),
        (
            "payment_excuses",
            lambda r: (
                r.replace(",phone,", ",fax,", 1).replace(",WeChat,", ",fax,", 1).replace(",on-site visit,", ",fax,", 1)
            ),
            "column 'channel' has 1 value",
        ),
        ("feedback_holdout", lambda r: r.rsplit(",", 2)[0] + ",weather," + r.rsplit(",", 1)[1], "column 'theme'"),
    ],
)
def test_damaged_extension_copy_raises(tmp_path, table, edit, message):
    lines = (DATA / f"{table}.csv").read_text(encoding="utf-8").split("\n")
    rows = lines[1:41]
    path = tmp_path / f"bad_{table}.csv"
    path.write_text("\n".join([lines[0], edit(rows[0])] + rows[1:] + [""]), encoding="utf-8")
    good = tmp_path / f"good_{table}.csv"
    good.write_text("\n".join([lines[0]] + rows + [""]), encoding="utf-8")
    ds.load(table, path=good)  # the undamaged copy loads
    with pytest.raises(ValueError, match=message):
        ds.load(table, path=path)


def test_ticket_handling_agrees_with_tickets(t):
    th, tk = t["ticket_handling"], t["tickets"]
    assert list(th["ticket_id"]) == list(tk["ticket_id"])
    m = tk.merge(th, on="ticket_id")
    assert (m.loc[m["first_contact_resolved"], "handoffs"] == 0).all()  # one-stop: nobody else involved
    assert (m.loc[~m["first_contact_resolved"], "handoffs"] >= 1).all()
    closed = m.dropna(subset=["closed_at"])
    earliest = closed["opened_at"] + pd.to_timedelta(np.floor(closed["resolution_hours"] * 60) - 1, unit="min")
    assert (closed["closed_at"] >= earliest).all()
    assert m.loc[m["closed_at"].isna(), "opened_at"].min() > END - pd.Timedelta(days=30)
    assert int(m["closed_at"].isna().sum()) == 10


def test_opportunity_stages_agree_with_opportunities(t):
    st, op = t["opportunity_stages"], t["opportunities"].set_index("opportunity_id")
    first = st.groupby("opportunity_id").head(1).set_index("opportunity_id")
    last = st.groupby("opportunity_id").tail(1).set_index("opportunity_id")
    assert set(first.index) == set(op.index)
    assert (first["stage"] == "opportunity").all()
    assert (first["entered_date"] == op.loc[first.index, "created_date"]).all()
    assert (last["stage"] == op.loc[last.index, "stage_reached"]).all()
    entered_next = st.groupby("opportunity_id")["entered_date"].shift(-1)
    moved = entered_next.notna()
    assert (st.loc[moved, "exited_date"] == entered_next[moved]).all()
    still_open = last[op.loc[last.index, "status"] == "open"]
    assert still_open["exited_date"].isna().all()


def test_missing_means_missing(t):
    tr = t["trust"]
    assert list(tr["customer_id"]) == list(t["customers"]["customer_id"])
    assert tr["contract_months"].dropna().isin([12, 24, 36]).all()  # never 0 for "no contract"
    known = tr["share_of_wallet_pct"].notna()
    assert 0.40 <= known.mean() <= 0.50
    assert (tr["wallet_source"].notna() == known).all()
    cg = t["credit_grades"]
    assert list(cg["application_id"]) == list(t["credit"]["application_id"])
    assert cg["override_reason"].isna().sum() == 738 and cg["override_date"].isna().sum() == 738
    pe = t["payment_excuses"].merge(t["receivables"], on=["invoice_id", "customer_id"])
    assert (pe["contact_date"] > pe["due_date"]).all()
    paid = pe.dropna(subset=["paid_date"])
    assert (paid["contact_date"] < paid["paid_date"]).all()  # nobody chases a paid invoice


def test_cost_rates_cover_every_driver(t):
    rates = t["cost_rates"].set_index(["activity", "variant"])["rate_cny"]
    assert set(rates["delivery"].index) == set(ds.REGIONS)
    assert set(rates["ticket"].index) == set(t["tickets"]["ticket_type"])
    assert set(rates["visit"].index) == set(ds.VISIT_KINDS)
    assert list(rates["account_management"].sort_values(ascending=False).index) == [
        "strategic",
        "value",
        "potential",
        "ordinary",
    ]
    assert rates["delivery", "East China"] < rates["delivery", "Northwest China"]  # Yunfeng sits in Suzhou


@pytest.fixture(scope="module")
def churn(customer_view):
    return customer_view["churned"]


def test_h_service_failed_twice_churns(t, churn):
    m = t["tickets"].merge(t["ticket_handling"], on="ticket_id")
    failed = (m["reopened"] | m["escalated"]).groupby(m["customer_id"]).sum()
    twice = failed.index[failed >= 2]
    others = failed.index[failed < 2]
    assert len(twice) == 242
    assert churn[twice].mean() == pytest.approx(0.529, abs=0.005)
    assert churn[others].mean() == pytest.approx(0.343, abs=0.005)
    assert churn.mean() == pytest.approx(0.394, abs=0.001)


def test_i_stage_history(t):
    st = t["opportunity_stages"]
    days = (st["exited_date"] - st["entered_date"]).dt.days
    assert days.median() == 8
    reached = st["stage"].value_counts()
    assert (reached["bargaining"], reached["deal"]) == (729, 475)
    assert reached["deal"] / reached["bargaining"] == pytest.approx(0.652, abs=0.001)


def _cost_to_serve(t):
    o, c, rates = (
        t["orders"],
        t["customers"].set_index("customer_id"),
        t["cost_rates"].set_index(["activity", "variant"])["rate_cny"],
    )
    ids = c.index
    sales = o[o["line_type"] == "sale"]
    net = o.groupby("customer_id")["amount"].sum().reindex(ids, fill_value=0.0)
    margin = o.groupby("customer_id")["margin"].sum().reindex(ids, fill_value=0.0)
    count = lambda df: df.groupby("customer_id").size().reindex(ids, fill_value=0)  # noqa: E731
    deliveries = sales.groupby("customer_id")["order_id"].nunique().reindex(ids, fill_value=0)
    m = t["tickets"].merge(t["ticket_handling"], on="ticket_id")
    tickets = m["ticket_type"].map(rates["ticket"]) + m["escalated"] * rates["ticket_escalation", "all"]
    v = t["visits"]
    tier = pd.cut(
        net.rank(ascending=False, pct=True, method="first"),
        [0, 0.05, 0.25, 0.55, 1],
        labels=["strategic", "value", "potential", "ordinary"],
    )
    cost = (
        count(sales) * rates["order_line", "all"]
        + count(o[o["line_type"] == "return"]) * rates["return_line", "all"]
        + deliveries * c["region"].map(rates["delivery"])
        + tickets.groupby(m["customer_id"]).sum().reindex(ids, fill_value=0.0)
        + v["kind"].map(rates["visit"]).groupby(v["customer_id"]).sum().reindex(ids, fill_value=0.0)
        + 3 * tier.map(rates["account_management"]).astype(float)
    )
    return pd.DataFrame({"net": net, "margin": margin, "cost": cost, "visits": count(v)})


def test_j_cost_to_serve_follows_value(t):
    c = _cost_to_serve(t)
    pct = c["net"].rank(pct=True)
    assert c.loc[pct >= 0.95, "visits"].mean() == pytest.approx(24.0, abs=0.05)
    assert c.loc[(pct >= 0.80) & (pct < 0.95), "visits"].mean() == pytest.approx(14.0, abs=0.05)
    assert c.loc[pct < 0.5, "visits"].mean() == pytest.approx(1.27, abs=0.01)
    assert c["visits"].corr(c["net"], method="spearman") == pytest.approx(0.745, abs=0.005)
    kinds = t["visits"].merge(pct.rename("pct"), left_on="customer_id", right_index=True)
    assert kinds.loc[kinds["kind"] == "key-account", "pct"].min() >= 0.80
    assert kinds.loc[kinds["kind"] == "executive", "pct"].min() >= 0.95
    profit = c["margin"] - c["cost"]
    demanding = (pct < 0.5) & (c["visits"] >= 12)
    assert demanding.sum() == 23 and (profit[demanding] < 0).all()
    assert (profit[(pct < 0.5) & ~demanding] < 0).mean() == pytest.approx(0.317, abs=0.005)
    assert (profit < 0).mean() == pytest.approx(0.217, abs=0.005)
    assert c["cost"].sum() / c["margin"].sum() == pytest.approx(0.56, abs=0.01)


def test_k_engaged_customers_stay(t, churn):
    o, e = t["orders"], t["engagement"]
    acquired = t["customers"].set_index("customer_id")["acquired_date"]
    h1 = o[(o["line_type"] == "sale") & (o["date"] >= "2024-01-01") & (o["date"] < "2024-07-01")]
    base = pd.Index(h1["customer_id"].unique())
    base = base[acquired[base] < "2024-01-01"]
    window = e[e["date"] < "2024-07-01"].groupby("customer_id").size().reindex(base, fill_value=0)
    assert len(base) == 779
    assert churn[base[window >= 1]].mean() == pytest.approx(0.287, abs=0.005)
    assert churn[base[window == 0]].mean() == pytest.approx(0.372, abs=0.005)
    referrers = set(t["referrals"].query("relation == 'referred'")["source_id"])
    recs = e[e["signal"] == "public_recommendation"].groupby("customer_id").size()
    assert (
        recs.reindex(list(referrers), fill_value=0).mean()
        > 3 * recs.reindex(list(set(t["customers"]["customer_id"]) - referrers), fill_value=0).mean()
    )


def test_l_trust(t, churn):
    tr = t["trust"].set_index("customer_id")
    contract = tr["contract_months"].notna()
    assert churn[contract].mean() == pytest.approx(0.308, abs=0.005)
    assert churn[~contract].mean() == pytest.approx(0.444, abs=0.005)
    known = tr["share_of_wallet_pct"].notna()
    size = t["customers"].set_index("customer_id")["size"]
    by_size = known.groupby(size).mean()
    assert by_size["large"] == pytest.approx(0.70, abs=0.01) and by_size["small"] == pytest.approx(0.32, abs=0.01)
    sow = tr["share_of_wallet_pct"]
    assert sow[known & churn].median() == 27 and sow[known & ~churn].median() == 51


def test_m_commercial_overrides_default(t):
    g = t["credit_grades"].merge(t["credit"], on="application_id")
    kind = (
        g["override_reason"]
        .map({k: v[1] if v[0] == "up" else "down" for k, v in ds.CREDIT_OVERRIDE_REASONS.items()})
        .fillna("none")
    )
    rate = g.groupby(kind)["default_12m"].agg(["mean", "size"])
    assert tuple(rate.loc["commercial"]) == pytest.approx((16 / 36, 36))
    assert rate.loc["evidence", "mean"] == pytest.approx(0.049, abs=0.001)
    assert rate.loc["none", "mean"] == pytest.approx(0.065, abs=0.001)
    by_grade = g.groupby("model_grade")["default_12m"].mean()
    assert by_grade.is_monotonic_increasing
    assert by_grade["A"] == pytest.approx(0.014, abs=0.001) and by_grade["E"] == pytest.approx(0.36, abs=0.005)
    up = g["final_grade"] < g["model_grade"]
    assert (
        kind[up].isin(["commercial", "evidence"]).all() and kind[g["final_grade"] > g["model_grade"]].eq("down").all()
    )


def test_n_excuses_differ_by_who_owes(t):
    pe = t["payment_excuses"]
    given = pe.dropna(subset=["excuse"])
    ctype = given["customer_id"].map(t["customers"].set_index("customer_id")["customer_type"])
    share = given["excuse"].eq("customer_not_paid_us").groupby(ctype).mean()
    assert share["channel partner"] == pytest.approx(0.240, abs=0.002)
    assert share["end user"] == pytest.approx(0.081, abs=0.002)
    never = given["invoice_id"].map(t["receivables"].set_index("invoice_id")["paid_date"]).isna()
    tight = given["excuse"].eq("cash_flow_tight").groupby(never).mean()
    assert tight[True] == pytest.approx(0.237, abs=0.002) and tight[False] == pytest.approx(0.102, abs=0.002)
    freq = pe["excuse"].value_counts(normalize=True, dropna=False)
    assert list(freq.index[:3]) == ["cash_flow_tight", "not_received_invoice", "in_approval"]
    assert pe["excuse"].isna().mean() == pytest.approx(0.099, abs=0.002)
    assert set(pe["excuse"].dropna()) == set(ds.PAYMENT_EXCUSES)
