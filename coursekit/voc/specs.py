"""From voice to specs (客户声音 → 需求 → 关键质量特性 CTQ), and response levels for incoming voices.

- :func:`needs_table`: per theme, how often customers speak and in which words (the needs table in the
  customer's own words);
- :func:`ctq_tree`: need → CTQ → measurable spec, with the value measured from the passive data
  (tickets and orders) where there is one;
- :func:`response_levels`: the level and answer time of every voice, and the full record of it.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .. import _validate as v
from .. import i18n
from .tagger import SENTIMENTS, THEMES

__all__ = ["RESPONSE_LEVELS", "URGENT_TERMS", "needs_table", "ctq_tree", "response_levels"]

#: Response levels (响应级别) and the hours within which the voice is answered.
RESPONSE_LEVELS = i18n.define_names(
    "response_level",
    {
        "level_1": "Level 1: act today",
        "level_2": "Level 2: answer within 24 hours",
        "level_3": "Level 3: answer within 3 days",
        "level_4": "Level 4: thank and share",
    },
    column="level",
)
RESPONSE_HOURS = {"level_1": 4, "level_2": 24, "level_3": 72, "level_4": 168}
#: Words that make a negative voice urgent (production stopped, safety, lost business); data/urgent_terms.csv.
URGENT_TERMS = tuple(
    pd.read_csv(resources.files("coursekit.voc").joinpath("data/urgent_terms.csv").open(encoding="utf-8"))["term"]
)

#: The CTQ tree of the lesson: (theme, need, CTQ, spec, direction, target, measure key).
_TREE = [
    (
        "delivery",
        i18n.N_("Goods arrive on the promised day"),
        i18n.N_("Delivery-delay tickets per 100 orders"),
        "<=",
        2.0,
        "delivery delay",
    ),
    (
        "quality",
        i18n.N_("Every batch passes our inspection"),
        i18n.N_("Quality-issue tickets per 100 orders"),
        "<=",
        1.5,
        "quality issue",
    ),
    (
        "invoicing",
        i18n.N_("Invoices right the first time"),
        i18n.N_("Invoice-error tickets per 100 orders"),
        "<=",
        0.5,
        "invoice error",
    ),
    (
        "ordering",
        i18n.N_("Changing an order is easy"),
        i18n.N_("Order-change tickets per 100 orders"),
        "<=",
        2.0,
        "order change",
    ),
    (
        "service",
        i18n.N_("Someone answers when we call"),
        i18n.N_("Tickets answered within 4 hours (%)"),
        ">=",
        95.0,
        "response_4h",
    ),
    ("service", i18n.N_("Solved in one contact"), i18n.N_("First-contact resolution (%)"), ">=", 70.0, "fcr"),
    ("price", i18n.N_("A fair price we can defend internally"), i18n.N_("Quotes won (%)"), ">=", 30.0, None),
    (
        "product range",
        i18n.N_("Everything in one place, in stock"),
        i18n.N_("Order lines served from stock (%)"),
        ">=",
        95.0,
        None,
    ),
]


def needs_table(remarks: pd.DataFrame, tagged: pd.DataFrame | None = None, *, text_col: str = "text") -> pd.DataFrame:
    """The needs table in the customer's own words: per theme, how many voices, how negative, which words.

    Parameters
    ----------
    remarks : DataFrame
        One row per remark, with ``theme`` and ``sentiment`` (the human tags) unless ``tagged`` is given.
    tagged : DataFrame, optional
        A :func:`coursekit.voc.tag_remarks` result for the same remarks: its theme, sentiment and
        matched terms are used.
    text_col : str, default "text"

    Returns
    -------
    DataFrame
        Indexed by theme (most remarks first): ``remarks``, ``negative_share`` (0-1), ``top_terms``
        (the three most matched theme terms, with tagged only) and ``example`` (the most frequent
        negative remark of the theme, or the most frequent remark when none is negative).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"text": ["发票抬头又开错了", "发票抬头又开错了", "请发一下对账单"],
    ...                   "theme": ["invoicing"] * 3, "sentiment": ["negative", "negative", "neutral"]})
    >>> t = needs_table(r)
    >>> int(t.loc["invoicing", "remarks"]), t.loc["invoicing", "example"], float(round(t.loc["invoicing", "negative_share"], 3))
    (3, '发票抬头又开错了', 0.667)
    """
    v.require_frame(remarks, "remarks")
    v.require_columns(remarks, [text_col], "remarks")
    if tagged is not None:
        v.require_frame(tagged, "tagged")
        v.require_columns(tagged, ["theme", "sentiment", "theme_terms"], "tagged")
        data = pd.DataFrame(
            {
                "text": remarks[text_col],
                "theme": tagged["theme"].astype(str),
                "sentiment": tagged["sentiment"].astype(str),
                "terms": tagged["theme_terms"],
            }
        )
    else:
        v.require_columns(remarks, ["theme", "sentiment"], "remarks")
        data = pd.DataFrame(
            {
                "text": remarks[text_col],
                "theme": remarks["theme"].astype(str),
                "sentiment": remarks["sentiment"].astype(str),
            }
        )
    rows = {}
    for theme, group in data.groupby("theme", sort=False):
        negative = group[group["sentiment"] == "negative"]
        pool = negative if len(negative) else group
        row = {
            "remarks": len(group),
            "negative_share": float((group["sentiment"] == "negative").mean()),
            "example": pool["text"].value_counts().index[0],
        }
        if "terms" in group:
            terms = group["terms"].str.split(" | ", regex=False).explode()
            terms = terms[terms.fillna("") != ""]
            row["top_terms"] = " | ".join(terms.value_counts().head(3).index)
        rows[theme] = row
    out = pd.DataFrame.from_dict(rows, orient="index").sort_values("remarks", ascending=False, kind="mergesort")
    columns = ["remarks", "negative_share"] + (["top_terms"] if tagged is not None else []) + ["example"]
    out = out[columns]
    out.index = pd.CategoricalIndex(out.index, categories=list(THEMES), ordered=True, name="theme")
    return out


def ctq_tree(tickets: pd.DataFrame, end, *, orders: pd.DataFrame | None = None, days: int = 365) -> pd.DataFrame:
    """The CTQ tree (关键质量特性树): need → CTQ with a measurable spec, measured on the passive data.

    Parameters
    ----------
    tickets : DataFrame
        Service tickets (``ticket_type``, ``opened_at``, ``response_hours``, ``first_contact_resolved``).
    end : date-like
        Last day of the measured window (inclusive).
    orders : DataFrame
        Order lines (``order_id``, ``date``, ``line_type``): the sale orders of the window are the
        base of the "per 100 orders" measures.
    days : int, default 365
        Length of the window ending at ``end``.

    Returns
    -------
    DataFrame
        One row per CTQ: ``theme`` (key), ``need`` (in the customer's words), ``ctq``, ``target``,
        ``direction`` (``<=`` or ``>=``), ``measured`` (NaN when the passive data hold no measure:
        an active method must fill the gap) and ``meets_spec`` (True/False, <NA> when not measured).

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_type": ["delivery delay", "quality issue"],
    ...                         "opened_at": pd.to_datetime(["2025-05-01", "2025-06-01"]),
    ...                         "response_hours": [2.0, 6.0], "first_contact_resolved": [True, False]})
    >>> orders = pd.DataFrame({"order_id": ["A", "B", "C", "D"], "date": pd.to_datetime(["2025-03-01"] * 4),
    ...                        "line_type": "sale"})
    >>> tree = ctq_tree(tickets, "2025-12-31", orders=orders)
    >>> tree["measured"].round(1).tolist()[:6]
    [25.0, 25.0, 0.0, 0.0, 50.0, 50.0]
    """
    v.require_frame(tickets, "tickets")
    v.require_columns(tickets, ["ticket_type", "opened_at", "response_hours", "first_contact_resolved"], "tickets")
    if orders is None:
        raise ValueError("orders is required: the 'per 100 orders' measures divide by the sale orders of the window")
    v.require_frame(orders, "orders")
    v.require_columns(orders, ["order_id", "date", "line_type"], "orders")
    end = v.as_timestamp(end, "end")
    if int(days) < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    start = end - pd.Timedelta(days=int(days) - 1)
    opened = pd.to_datetime(tickets["opened_at"]).dt.normalize()
    window = tickets[(opened >= start) & (opened <= end)]
    order_day = pd.to_datetime(orders["date"]).dt.normalize()
    sales = orders[(order_day >= start) & (order_day <= end) & (orders["line_type"] == "sale")]
    n_orders = sales["order_id"].nunique()
    if n_orders == 0:
        raise ValueError(f"orders has no sale orders from {start.date()} to {end.date()}")
    rows = []
    for theme, need, ctq, direction, target, measure in _TREE:
        if measure is None:
            measured = float("nan")
        elif measure == "response_4h":
            measured = 100 * float((window["response_hours"] <= 4).mean()) if len(window) else float("nan")
        elif measure == "fcr":
            measured = (
                100 * float(window["first_contact_resolved"].astype(bool).mean()) if len(window) else float("nan")
            )
        else:
            measured = 100 * int((window["ticket_type"] == measure).sum()) / n_orders
        rows.append((theme, i18n._(need), i18n._(ctq), target, direction, measured))
    out = pd.DataFrame(rows, columns=["theme", "need", "ctq", "target", "direction", "measured"])
    meets = [
        pd.NA if pd.isna(m) else bool(m <= t if d == "<=" else m >= t)
        for m, t, d in zip(out["measured"], out["target"], out["direction"])
    ]
    out["meets_spec"] = pd.array(meets, dtype="boolean")
    out["theme"] = pd.Categorical(out["theme"], categories=list(THEMES), ordered=True)
    return out


def response_levels(
    remarks: pd.DataFrame,
    tagged: pd.DataFrame | None = None,
    *,
    key_accounts=(),
    urgent_terms=URGENT_TERMS,
    text_col: str = "text",
    customer_col: str = "customer_id",
) -> pd.DataFrame:
    """The response level of every voice (对客户问题的反应：确定级别), with the full record of the voice.

    Rules, in order: a negative voice with an urgent word (:data:`URGENT_TERMS`) or from a key
    account is level 1 (act today, answer within 4 hours); any other negative voice level 2
    (24 hours); a neutral one (question, request) level 3 (72 hours); a positive one level 4 (thank
    the customer and share the praise within a week).

    Parameters
    ----------
    remarks : DataFrame
        One row per remark; ``theme`` and ``sentiment`` come from it unless ``tagged`` is given.
    tagged : DataFrame, optional
        A :func:`coursekit.voc.tag_remarks` result for the same remarks.
    key_accounts : list of customer ids, optional
        Their negative voices are level 1.
    urgent_terms : sequence of str
        Words that make a negative voice urgent (matched as text, lower case).
    text_col, customer_col : str
        Column names (``customer_col`` only needed with ``key_accounts``).

    Returns
    -------
    DataFrame
        The remarks' columns (every aspect of the voice: who, when, where, the words), then
        ``theme``, ``sentiment``, ``level`` (ordered categorical of :data:`RESPONSE_LEVELS`),
        ``respond_within_hours`` and ``urgent_terms`` (the urgent words found).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"customer_id": ["C1", "C2", "C3", "C4"],
    ...                   "text": ["交货晚了，停线了", "发票错了", "能否开电子发票？", "很满意"],
    ...                   "theme": ["delivery", "invoicing", "invoicing", "praise"],
    ...                   "sentiment": ["negative", "negative", "neutral", "positive"]})
    >>> response_levels(r)["level"].astype(str).tolist()
    ['level_1', 'level_2', 'level_3', 'level_4']
    >>> response_levels(r, key_accounts=["C2"])["respond_within_hours"].tolist()
    [4, 4, 72, 168]
    """
    v.require_frame(remarks, "remarks")
    v.require_columns(remarks, [text_col], "remarks")
    if tagged is not None:
        v.require_frame(tagged, "tagged")
        v.require_columns(tagged, ["theme", "sentiment"], "tagged")
        theme, sentiment = tagged["theme"].astype(str), tagged["sentiment"].astype(str)
    else:
        v.require_columns(remarks, ["theme", "sentiment"], "remarks")
        theme, sentiment = remarks["theme"].astype(str), remarks["sentiment"].astype(str)
    unknown = sorted(set(sentiment) - set(SENTIMENTS))
    if unknown:
        raise ValueError(f"sentiment has unknown value(s) {unknown}; use {', '.join(SENTIMENTS)}")
    key = pd.Series(False, index=remarks.index)
    if len(key_accounts):
        v.require_columns(remarks, [customer_col], "remarks")
        key = remarks[customer_col].isin(list(key_accounts))
    text = remarks[text_col].astype(str).str.lower()
    found = text.map(lambda t: " | ".join(w for w in urgent_terms if w.lower() in t))
    negative = sentiment == "negative"
    level = pd.Series("level_3", index=remarks.index)
    level[sentiment == "positive"] = "level_4"
    level[negative] = "level_2"
    level[negative & ((found != "") | key)] = "level_1"
    out = remarks.drop(columns=[c for c in ("theme", "sentiment") if c in remarks], errors="ignore").copy()
    out["theme"] = pd.Categorical(theme, categories=list(THEMES), ordered=True)
    out["sentiment"] = pd.Categorical(sentiment, categories=list(SENTIMENTS), ordered=True)
    out["level"] = pd.Categorical(level, categories=list(RESPONSE_LEVELS), ordered=True)
    out["respond_within_hours"] = level.map(RESPONSE_HOURS).astype(int)
    out["urgent_terms"] = found
    return out
