"""The credit scorecard (信用评分卡) on the 6C factors; lesson 11, steps 1-3 of the outline.

- :func:`woe_iv`: weight of evidence (WOE) and information value (IV) of one binned factor;
- :func:`score_points`: odds (good:bad) to scorecard points (base points, base odds, points to double the odds);
- :func:`factor_iv`: the IV of every 6C factor, with Siddiqi's strength labels (step 1, choose the factors);
- :func:`build_scorecard` and :func:`apply_scorecard`: a WOE logistic regression turned into points (step 2);
- :func:`grade_scores`: initial grades A-E from the score, by the PD bands of Yunfeng's policy (step 3).

Conventions (Siddiqi, *Credit Risk Scorecards*): WOE = ln(share of goods / share of bads), so a
positive WOE marks a group better than average; IV per group = (share of goods − share of bads) × WOE.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "FACTORS",
    "GRADE_PD",
    "IV_STRENGTH",
    "MISSING_BIN",
    "apply_scorecard",
    "build_scorecard",
    "factor_bins",
    "factor_iv",
    "grade_scores",
    "score_points",
    "woe_iv",
]

#: The six factors of the 6C analysis (seed 002: 资本、经济状况、能力、品德、担保品、连续性) in ``credit.csv``.
FACTORS = i18n.define_names(
    "credit_factor",
    {
        "character_score": "Character: payment history score",
        "capacity_dscr": "Capacity: debt service coverage",
        "capital_equity_pct": "Capital: equity share of assets",
        "collateral_coverage": "Collateral: coverage of the limit",
        "conditions_outlook": "Conditions: industry outlook",
        "continuity_years": "Continuity: years in business",
    },
    column="factor",
)

#: Siddiqi's rule of thumb for the information value of one factor.
IV_STRENGTH = i18n.define_names(
    "iv_strength",
    {
        "useless": "Not predictive (IV < 0.02)",
        "weak": "Weak (0.02-0.1)",
        "medium": "Medium (0.1-0.3)",
        "strong": "Strong (IV >= 0.3)",
    },
    column="strength",
)
_IV_CUTS = [0.02, 0.1, 0.3]

#: Upper PD (probability of default) of each grade of Yunfeng's credit policy: A < 2 %, B 2-5 %,
#: C 5-10 %, D 10-20 %, E 20 % and more.
GRADE_PD = {"A": 0.02, "B": 0.05, "C": 0.10, "D": 0.20, "E": 1.0}

#: Label of the bin that holds the missing values of a factor (language-neutral).
MISSING_BIN = "—"


def _factor(base_points, base_odds, pdo):
    require = v.require_in_range
    require(pdo, "pdo", 0, None, inclusive=False)
    require(base_odds, "base_odds", 0, None, inclusive=False)
    require(base_points, "base_points")
    return pdo / math.log(2), base_points - pdo / math.log(2) * math.log(base_odds)


def score_points(odds, base_points: float = 600, base_odds: float = 50, pdo: float = 20):
    """Scorecard points for odds of good to bad: base_points + pdo / ln 2 × ln(odds / base_odds).

    The scale: ``base_odds`` (good:bad) score ``base_points``, and every doubling of the odds adds
    ``pdo`` points (points to double the odds, 翻倍分值).

    Parameters
    ----------
    odds : float, array or Series
        Odds of good to bad (e.g. 50 means 50 goods for each bad, a PD of 1/51); all above 0.
    base_points : float, default 600
    base_odds : float, default 50
    pdo : float, default 20

    Returns
    -------
    float, array or Series (as given)

    Raises
    ------
    ValueError
        Odds of 0 or less (or missing), ``pdo`` or ``base_odds`` not above 0.

    Examples
    --------
    >>> score_points(50), score_points(100), score_points(25)
    (600.0, 620.0, 580.0)
    >>> round(score_points(4), 1)
    527.1
    """
    factor, offset = _factor(base_points, base_odds, pdo)
    if isinstance(odds, pd.Series):
        values = odds.to_numpy(dtype=float)
    else:
        values = np.asarray(odds, dtype=float)
    if np.isnan(values).any() or (values <= 0).any():
        raise ValueError("odds must be above 0 (good:bad, e.g. 50 for a PD of 1/51); got a value <= 0 or missing")
    points = offset + factor * np.log(values)
    if isinstance(odds, pd.Series):
        return pd.Series(points, index=odds.index, name="score")
    if points.ndim == 0:
        return round(float(points), 10)
    return points


def woe_iv(groups, bad, *, smoothing: float | None = None) -> pd.DataFrame:
    """Weight of evidence (WOE, 证据权重) and information value (IV, 信息值) of one binned factor.

    WOE = ln(share of goods / share of bads) (Siddiqi's convention: positive = better than
    average); IV per group = (share of goods − share of bads) × WOE; the factor's IV is the sum.

    Parameters
    ----------
    groups : Series or array
        The bin (group label) of each applicant.
    bad : Series or array
        1 for a default (bad), 0 for a good, one per applicant.
    smoothing : float, optional
        A count added to the goods and to the bads of every group (e.g. 0.5). Without it, a
        group with no goods or no bads is an error (its WOE would be infinite).

    Returns
    -------
    DataFrame
        One row per group, indexed by the group label (in sorted order, or the categories'
        order): ``good``, ``bad`` (counts, before smoothing), ``woe``, ``iv``;
        ``attrs["iv"]`` is the total IV.

    Raises
    ------
    TypeError
        ``groups`` or ``bad`` not a Series or array.
    ValueError
        No rows, lengths differ, ``bad`` not 0/1, a missing group, a group with no goods or no
        bads (named) and no smoothing, smoothing below 0.

    Examples
    --------
    >>> t = woe_iv(["low"] * 4 + ["high"] * 6, [1, 1, 0, 0, 0, 0, 0, 0, 0, 1])
    >>> t.round(3)
          good  bad    woe     iv
    high     5    1  0.762  0.290
    low      2    2 -0.847  0.323
    >>> round(t.attrs["iv"], 3)
    0.613
    """
    if not isinstance(groups, (pd.Series, np.ndarray, list, tuple)):
        raise TypeError(f"groups must be a pandas Series or an array of group labels, got {type(groups).__name__}")
    if not isinstance(bad, (pd.Series, np.ndarray, list, tuple)):
        raise TypeError(f"bad must be a pandas Series or an array of 0/1, got {type(bad).__name__}")
    g = pd.Series(groups).reset_index(drop=True) if not isinstance(groups, pd.Series) else groups.reset_index(drop=True)
    b = pd.Series(np.asarray(bad)).reset_index(drop=True)
    if len(g) == 0:
        raise ValueError("groups is empty: it has no rows")
    if len(g) != len(b):
        raise ValueError(f"groups and bad must have the same length, got {len(g)} and {len(b)}")
    if g.isna().any():
        raise ValueError(f"groups has {int(g.isna().sum())} missing label(s): give missing values a bin of their own")
    if b.isna().any() or not set(pd.unique(b)) <= {0, 1}:
        raise ValueError("bad must hold only 0 (good) and 1 (bad, a default)")
    if smoothing is not None:
        v.require_in_range(smoothing, "smoothing", 0, None)
    counts = pd.crosstab(g, b.astype(int)).reindex(columns=[0, 1], fill_value=0)
    counts.columns = ["good", "bad"]
    counts.index.name = None
    if smoothing is None:
        empty = counts.index[(counts["good"] == 0) | (counts["bad"] == 0)]
        if len(empty):
            raise ValueError(
                f"group(s) {', '.join(map(repr, empty))} have no goods or no bads, so their WOE is infinite: "
                "merge them with a neighbour or pass smoothing=0.5"
            )
        good, bads = counts["good"].astype(float), counts["bad"].astype(float)
    else:
        good, bads = counts["good"] + smoothing, counts["bad"] + smoothing
    if good.sum() == 0 or bads.sum() == 0:
        raise ValueError("bad must hold both goods (0) and bads (1)")
    share_good, share_bad = good / good.sum(), bads / bads.sum()
    out = counts.copy()
    out["woe"] = np.log(share_good / share_bad)
    out["iv"] = (share_good - share_bad) * out["woe"]
    out.attrs["iv"] = float(out["iv"].sum())
    return out


def _edges(values: pd.Series, bins: int) -> list[float]:
    qs = np.nanquantile(values.to_numpy(dtype=float), np.linspace(0, 1, bins + 1)[1:-1])
    return sorted({float(f"{q:.3g}") for q in qs})


def _labels(edges: list[float]) -> list[str]:
    if not edges:
        return ["all"]
    fmt = [f"{e:g}" for e in edges]
    return [f"< {fmt[0]}"] + [f"{a}–{b}" for a, b in zip(fmt[:-1], fmt[1:])] + [f"≥ {fmt[-1]}"]


def _cut(values: pd.Series, edges: list[float]) -> pd.Series:
    labels = _labels(edges)
    codes = np.searchsorted(np.asarray(edges, dtype=float), values.to_numpy(dtype=float), side="right")
    out = pd.Series(np.asarray(labels, dtype=object)[np.minimum(codes, len(labels) - 1)], index=values.index)
    out[values.isna().to_numpy()] = MISSING_BIN
    order = labels + ([MISSING_BIN] if values.isna().any() else [])
    return pd.Series(pd.Categorical(out, categories=order, ordered=True), index=values.index, name=values.name)


def _check_credit(credit, factors, target_col):
    v.require_frame(credit, "credit")
    factors = list(FACTORS) if factors is None else list(factors)
    if not factors:
        raise ValueError("factors is empty: name at least one factor column")
    v.require_columns(credit, factors + ([target_col] if target_col else []), "credit")
    for f in factors:
        v.numeric_column(credit, f, "credit", allow_missing=True)
    return factors


def factor_bins(credit: pd.DataFrame, *, factors=None, bins: int = 4, edges: dict | None = None) -> pd.DataFrame:
    """Each applicant's bin of every factor: quantile bins (edges rounded to 3 digits), missing values apart.

    Parameters
    ----------
    credit : DataFrame
        One row per application with the factor columns (``datasets.load_credit()``).
    factors : list of str, optional
        Factor columns (default: the six of :data:`FACTORS`).
    bins : int, default 4
        Number of quantile bins (quartiles); equal edges are merged, so a factor may get fewer.
    edges : dict, optional
        ``{factor: [edges]}`` to reuse (a scorecard's bins on new applications); the default
        computes them from ``credit``.

    Returns
    -------
    DataFrame
        Same index as ``credit``, one ordered categorical column per factor; labels such as
        ``"< 66"``, ``"66–73"``, ``"≥ 82"`` (lower edge included) and ``"—"`` for missing;
        ``attrs["edges"]`` holds the edges.

    Raises
    ------
    TypeError
        Not a DataFrame; a factor column not numeric.
    ValueError
        An empty table, a missing column, bins below 2.

    Examples
    --------
    >>> import pandas as pd
    >>> t = factor_bins(pd.DataFrame({"x": [1, 2, 3, 4, None]}), factors=["x"], bins=2)
    >>> t["x"].tolist()
    ['< 2.5', '< 2.5', '≥ 2.5', '≥ 2.5', '—']
    """
    factors = _check_credit(credit, factors, None)
    v.require_in_range(bins, "bins", 2, None)
    edges = dict(edges or {})
    out = pd.DataFrame(index=credit.index)
    used = {}
    for f in factors:
        used[f] = edges.get(f) if f in edges else _edges(credit[f], int(bins))
        out[f] = _cut(credit[f], used[f])
    out.attrs["edges"] = used
    return out


def _strength(iv: float) -> str:
    return list(IV_STRENGTH)[int(np.searchsorted(_IV_CUTS, iv, side="right"))]


def factor_iv(
    credit: pd.DataFrame, *, factors=None, bins: int = 4, target_col: str = "default_12m", smoothing: float = 0.5
) -> pd.DataFrame:
    """Step 1, choose the factors: the information value of each factor, strongest first.

    Parameters
    ----------
    credit : DataFrame
        One row per application (the training period), with the factors and the outcome.
    factors : list of str, optional
        Default: the six 6C factors.
    bins : int, default 4
        Quantile bins per factor (:func:`factor_bins`).
    target_col : str, default "default_12m"
        1 = default within 12 months.
    smoothing : float, default 0.5
        Passed to :func:`woe_iv`.

    Returns
    -------
    DataFrame
        Indexed by factor (keys; ``display`` shows the 6C names): ``iv``, ``strength`` (keys of
        :data:`IV_STRENGTH`), ``bins``, ``monotone`` (True when the WOE rises or falls steadily
        across the bins, missing bin aside).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> credit = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6], "default_12m": [1, 1, 0, 0, 0, 0]})
    >>> factor_iv(credit, factors=["x"], bins=2)[["bins", "monotone"]]
            bins  monotone
    factor
    x          2      True
    """
    factors = _check_credit(credit, factors, target_col)
    binned = factor_bins(credit, factors=factors, bins=bins)
    rows = {}
    for f in factors:
        t = woe_iv(binned[f], credit[target_col].to_numpy(), smoothing=smoothing)
        woe = t["woe"].drop(MISSING_BIN, errors="ignore").to_numpy()
        steps = np.diff(woe)
        rows[f] = {
            "iv": t.attrs["iv"],
            "strength": _strength(t.attrs["iv"]),
            "bins": len(t),
            "monotone": bool((steps >= 0).all() or (steps <= 0).all()),
        }
    out = pd.DataFrame.from_dict(rows, orient="index").sort_values("iv", ascending=False)
    out["strength"] = pd.Categorical(out["strength"], categories=list(IV_STRENGTH), ordered=True)
    out.index.name = "factor"
    return out


def _fit_logit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Maximum-likelihood logistic regression of y (1 = good) on x with an intercept (Newton steps)."""
    X = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(X.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-X @ beta))
        grad = X.T @ (y - p)
        hess = X.T @ (X * (p * (1 - p))[:, None])
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(beta)), grad)
        beta = beta + step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def build_scorecard(
    credit: pd.DataFrame,
    *,
    factors=None,
    bins: int = 4,
    target_col: str = "default_12m",
    smoothing: float = 0.5,
    base_points: float = 600,
    base_odds: float = 50,
    pdo: float = 20,
) -> pd.DataFrame:
    """Step 2, build the model: a logistic regression on the factors' WOE, turned into points per bin.

    The regression predicts ln(odds of good); each bin gets
    points = pdo / ln 2 × (coefficient × WOE + intercept / n) + offset / n, with n factors and
    offset = base_points − pdo / ln 2 × ln(base_odds), so that an applicant's points add up to
    :func:`score_points` of the predicted odds.

    Parameters
    ----------
    credit : DataFrame
        The training applications, with the factors and the outcome.
    factors : list of str, optional
        The factors chosen in step 1 (default: all six).
    bins : int, default 4
        Quantile bins per factor, from the training data.
    target_col : str, default "default_12m"
    smoothing : float, default 0.5
        Passed to :func:`woe_iv`.
    base_points, base_odds, pdo : float
        The scale of :func:`score_points`.

    Returns
    -------
    DataFrame
        The scorecard: one row per factor and bin, columns ``factor`` (keys), ``bin``,
        ``applications``, ``bad``, ``woe``, ``coefficient``, ``points`` (rounded to whole
        points); ``attrs`` holds the intercept, the edges and the scale.

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, an outcome without goods or bads.

    Examples
    --------
    >>> import pandas as pd
    >>> credit = pd.DataFrame({"x": range(1, 11), "default_12m": [1, 1, 0, 1, 0, 0, 0, 1, 0, 0]})
    >>> card = build_scorecard(credit, factors=["x"], bins=2)
    >>> card[["factor", "bin", "bad", "points"]]
      factor    bin  bad  points
    0      x  < 5.5    3   475.0
    1      x  ≥ 5.5    1   527.0
    """
    factors = _check_credit(credit, factors, target_col)
    factor, offset = _factor(base_points, base_odds, pdo)
    binned = factor_bins(credit, factors=factors, bins=bins)
    y = credit[target_col].to_numpy()
    tables, x = {}, []
    for f in factors:
        tables[f] = woe_iv(binned[f], y, smoothing=smoothing)
        x.append(binned[f].map(tables[f]["woe"]).astype(float).to_numpy())
    beta = _fit_logit(np.column_stack(x), 1 - y.astype(float))
    n = len(factors)
    rows = []
    for i, f in enumerate(factors):
        t = tables[f]
        for label, row in t.iterrows():
            pts = factor * (beta[i + 1] * row["woe"] + beta[0] / n) + offset / n
            rows.append(
                {
                    "factor": f,
                    "bin": label,
                    "applications": int(row["good"] + row["bad"]),
                    "bad": int(row["bad"]),
                    "woe": row["woe"],
                    "coefficient": beta[i + 1],
                    "points": float(round(pts)),
                }
            )
    card = pd.DataFrame(rows)
    card.attrs.update(
        intercept=float(beta[0]),
        edges=binned.attrs["edges"],
        factors=factors,
        scale={"base_points": base_points, "base_odds": base_odds, "pdo": pdo},
    )
    return card


def apply_scorecard(credit: pd.DataFrame, card: pd.DataFrame, *, id_col: str = "application_id") -> pd.DataFrame:
    """Score applications with a scorecard of :func:`build_scorecard` (the same bins as in training).

    Parameters
    ----------
    credit : DataFrame
        Applications with the scorecard's factor columns.
    card : DataFrame
        The scorecard.
    id_col : str, default "application_id"
        Key column, used as the index of the result (the table's own index when it is absent).

    Returns
    -------
    DataFrame
        ``score`` (sum of the points), ``odds`` (good:bad at that score) and ``pd_pct`` (PD in %).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        An empty table, a missing column, a card without its attrs.

    Examples
    --------
    >>> import pandas as pd
    >>> credit = pd.DataFrame({"x": range(1, 11), "default_12m": [1, 1, 0, 1, 0, 0, 0, 1, 0, 0]})
    >>> card = build_scorecard(credit, factors=["x"], bins=2)
    >>> apply_scorecard(credit.iloc[[0, 9]], card)["score"].tolist()
    [475.0, 527.0]
    """
    v.require_frame(card, "card")
    if "edges" not in card.attrs or "scale" not in card.attrs:
        raise ValueError("card has no edges or scale in its attrs: make it with credit.build_scorecard")
    factors = _check_credit(credit, card.attrs["factors"], None)
    binned = factor_bins(credit, factors=factors, edges=card.attrs["edges"])
    score = pd.Series(0.0, index=credit.index)
    for f in factors:
        pts = card[card["factor"] == f].set_index("bin")["points"]
        unseen = set(binned[f].dropna().astype(str)) - set(pts.index)
        if unseen:
            raise ValueError(f"credit column {f!r} has values in bin(s) {sorted(unseen)} the scorecard never saw")
        score += binned[f].astype(object).map(pts).astype(float)
    s = card.attrs["scale"]
    odds = s["base_odds"] * 2 ** ((score - s["base_points"]) / s["pdo"])
    out = pd.DataFrame({"score": score, "odds": odds, "pd_pct": 100 / (1 + odds)})
    if id_col in credit.columns:
        out.index = pd.Index(credit[id_col], name=id_col)
    return out


def grade_scores(score: pd.Series, *, base_points: float = 600, base_odds: float = 50, pdo: float = 20) -> pd.Series:
    """Step 3, initial grades: A-E from the score, by the PD bands of :data:`GRADE_PD`.

    A score is turned back into odds and PD = 1 / (1 + odds); A is a PD below 2 %, B 2-5 %, C 5-10 %,
    D 10-20 %, E 20 % and more. With the default scale the cut-offs are about 599, 572, 551 and
    527 points.

    Parameters
    ----------
    score : Series
        Scores (points), e.g. ``apply_scorecard(...)["score"]``.
    base_points, base_odds, pdo : float
        The scale the score were made with.

    Returns
    -------
    Series
        Ordered categorical A < B < C < D < E (A is the best), same index.

    Raises
    ------
    TypeError
        Not a Series.
    ValueError
        No values, missing score.

    Examples
    --------
    >>> import pandas as pd
    >>> grade_scores(pd.Series([620.0, 580.0, 560.0, 540.0, 500.0])).tolist()
    ['A', 'B', 'C', 'D', 'E']
    """
    v.require_series(score, "score")
    if score.isna().any():
        raise ValueError(f"score has {int(score.isna().sum())} missing value(s)")
    factor, offset = _factor(base_points, base_odds, pdo)
    odds = np.exp((score.to_numpy(dtype=float) - offset) / factor)
    pd_ = 1 / (1 + odds)
    grades = list(GRADE_PD)
    codes = np.searchsorted(np.asarray(list(GRADE_PD.values())[:-1]), pd_, side="right")
    return pd.Series(
        pd.Categorical(np.asarray(grades)[codes], categories=grades, ordered=True), index=score.index, name="grade"
    )
