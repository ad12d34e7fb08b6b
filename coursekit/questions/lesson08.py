"""Question bank of lesson 08, customer lifetime value (客户终身价值).

Every expected answer is computed with ``coursekit`` on the committed data, with the
same settings as ``notebooks/08-clv.ipynb``.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import clv, datasets, tiers, transactions
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, FrameQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "08-clv"
TITLE = ("Customer lifetime value", "客户终身价值")

CAL_END, OBS_END = "1997-09-30", "1998-06-30"


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _net() -> pd.DataFrame:
    return _quiet(transactions.net_orders, datasets.load_orders(), datasets.OBSERVATION_END, margin_col="margin")


@lru_cache(maxsize=1)
def _yunfeng():
    net = _net()
    summary = clv.summarize(net, end=datasets.OBSERVATION_END, unit="W")
    bgf = clv.fit_bgnbd(summary)
    ggf = _quiet(clv.fit_gamma_gamma, summary)
    margin_rate = net["margin"].sum() / net["amount"].sum()
    return summary, bgf, ggf, margin_rate


@lru_cache(maxsize=1)
def _cdnow():
    cal_hold = _quiet(clv.calibration_holdout, datasets.load_cdnow("sample"), CAL_END, OBS_END, unit="W")
    return cal_hold, clv.fit_bgnbd(cal_hold)


def _simple_2024() -> float:
    yearly = transactions.activity_by_period(_net(), datasets.OBSERVATION_END, period="Y", margin_col="margin")
    row = yearly.loc["2024"]
    return clv.simple_clv(row["margin_per_customer"], row["retention"], 0.08)


def _monthly_cells() -> pd.DataFrame:
    return transactions.recency_cell_retention(_net(), datasets.OBSERVATION_END, period="M", cells=3)


def _dwyer_start2() -> float:
    cells = transactions.recency_cell_retention(_net(), datasets.OBSERVATION_END, period="Q", cells=4)
    return clv.dwyer_migration(cells["retention"].tolist(), 3400, discount=0.025, horizon=8, start=2)[1]


def _at_risk() -> list:
    cal_hold, bgf = _cdnow()
    p_alive = clv.probability_alive(bgf, cal_hold)
    return cal_hold.index[(cal_hold["frequency"] >= 10) & (p_alive < 0.5)].tolist()


def _clv6() -> pd.Series:
    summary, bgf, ggf, margin_rate = _yunfeng()
    return clv.customer_lifetime_value(bgf, ggf, summary, time=6, discount_rate=0.02, unit="W", margin=margin_rate)


def _strategic_share() -> float:
    summary, bgf, ggf, margin_rate = _yunfeng()
    value = clv.customer_lifetime_value(bgf, ggf, summary, time=12, discount_rate=0.01, unit="W", margin=margin_rate)
    tiered = tiers.assign_tiers(value)
    top = tiered["tier"] == tiered["tier"].cat.categories[0]
    return float(tiered.loc[top, "score"].sum() / tiered["score"].sum())


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Simple formula with the 2024 figures: margin per active customer in 2024, the 2024 retention "
            "rate and an annual discount rate of 8 %. CLV in CNY (rounding to whole yuan is fine).",
            "用 2024 年的数据套用简单公式：2024 年每位活跃客户的毛利、2024 年客户保留率、年折现率 8 %。"
            "CLV（元，可取整到元）。",
        ),
        expected=_simple_2024,
        rtol=1e-4,
        atol=1.0,
        hints=[
            (
                "Build the yearly table with transactions.activity_by_period(net, datasets.OBSERVATION_END, period='Y', margin_col='margin').",
                "用 transactions.activity_by_period(net, datasets.OBSERVATION_END, period='Y', margin_col='margin') 得到年度表。",
            ),
            (
                "Take the 2024 row: margin_per_customer and retention.",
                "取 2024 行的 margin_per_customer 与 retention。",
            ),
            ("clv.simple_clv(margin, retention, 0.08)", "clv.simple_clv(margin, retention, 0.08)"),
        ],
    ),
    FrameQuestion(
        "q2",
        prompt=(
            "Dwyer's recency cells by month: the retention table with 3 monthly cells "
            "(columns customers, buyers, retention, indexed by cell).",
            "按月划分的 Dwyer 最近购买单元：3 个月度单元的保留率表（列 customers、buyers、retention，索引为 cell）。",
        ),
        expected=_monthly_cells,
        rtol=1e-9,
        hints=[
            ("transactions.recency_cell_retention does this.", "用 transactions.recency_cell_retention。"),
            ("Pass freq='M' and cells=3, on the net orders.", "对净订单传入 freq='M' 与 cells=3。"),
        ],
    ),
    NumericQuestion(
        "q3",
        prompt=(
            "Dwyer model with the lesson's 4 quarterly retention probabilities: expected value (CNY) of a customer "
            "who last bought two quarters ago, margin 3,400 CNY per buying quarter, 2.5 % discount per quarter, "
            "8 quarters ahead. Rounding to whole yuan is fine.",
            "用课上 4 个季度单元的保留率套用 Dwyer 模型：上次购买在两个季度前的客户，每次购买季度毛利 3,400 元，"
            "季度折现率 2.5 %，预测 8 个季度。期望价值（元，可取整到元）。",
        ),
        expected=_dwyer_start2,
        rtol=1e-4,
        atol=1.0,
        hints=[
            (
                "Retention by cell: transactions.recency_cell_retention(net, datasets.OBSERVATION_END, period='Q', cells=4)['retention'].",
                "各单元保留率：transactions.recency_cell_retention(net, datasets.OBSERVATION_END, period='Q', cells=4)['retention']。",
            ),
            ("Two quarters ago means recency cell 2: start=2.", "两个季度前即最近购买单元 2：start=2。"),
            (
                "clv.dwyer_migration(...) returns (table, clv); take the second element.",
                "clv.dwyer_migration(...) 返回 (table, clv)，取第二个元素。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q4",
        prompt=(
            "A summary frame has a column named T. What does summary.T return? (A) the T column, one value per "
            "customer (B) the transpose of the frame (C) an error (D) the total of column T",
            "汇总表有一列名为 T。summary.T 返回什么？(A) T 列，每位客户一个值 (B) 整张表的转置 (C) 报错 (D) T 列的合计",
        ),
        options="ABCD",
        expected="B",
        hints=[
            ("In pandas, .T is a property of every DataFrame.", "在 pandas 中，.T 是每个 DataFrame 都有的属性。"),
            ("It swaps rows and columns; use summary['T'] for the column.", "它交换行与列；取列请用 summary['T']。"),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "CDNOW (BG/NBD fitted on the 39-week calibration): customers with at least 10 repeat purchases in the "
            "calibration period whose P(alive) at 1997-09-30 is below 0.5.",
            "CDNOW（BG/NBD 在 39 周校准期上拟合）：校准期内重复购买至少 10 次、且 1997-09-30 时存活概率低于 0.5 的客户。",
        ),
        expected=_at_risk,
        ordered=False,
        hints=[
            (
                "clv.probability_alive(bgf, cal_hold) gives P(alive) per customer.",
                "clv.probability_alive(bgf, cal_hold) 给出每位客户的存活概率。",
            ),
            (
                "Combine two masks with &: cal_hold['frequency'] >= 10 and p_alive < 0.5.",
                "用 & 合并两个条件：cal_hold['frequency'] >= 10 与 p_alive < 0.5。",
            ),
            ("Keep the index of the rows that pass.", "保留满足条件的行的索引。"),
        ],
    ),
    SeriesQuestion(
        "q6",
        prompt=(
            "Yunfeng: 6-month CLV per customer with a 2 % monthly discount rate and the lesson's margin rate "
            "(a Series indexed by customer_id, CNY).",
            "云峰：按月折现率 2 %、课上的毛利率计算每位客户 6 个月的 CLV（以 customer_id 为索引的 Series，元）。",
        ),
        expected=_clv6,
        rtol=1e-6,
        atol=1e-6,
        hints=[
            (
                "clv.customer_lifetime_value(bgf_y, ggf_y, summary, ...)",
                "clv.customer_lifetime_value(bgf_y, ggf_y, summary, ...)",
            ),
            (
                "time=6, discount_rate=0.02, unit='W', margin=margin_rate",
                "time=6, discount_rate=0.02, unit='W', margin=margin_rate",
            ),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            "CLV matrix: a customer with a high cost to serve, low current profit and high future profit. Which "
            "actions fit? (A) invest selectively: cross-sell and up-sell (B) cut the cost to serve, e.g. "
            "e-ordering and bundled deliveries (C) let the customer go now (D) give the first claim on all "
            "service resources",
            "CLV 矩阵：服务成本高、当前利润低、未来利润高的客户。哪些措施合适？(A) 有选择地投资：交叉销售与向上销售 "
            "(B) 降低服务成本，如电子下单、合并配送 (C) 现在就放弃该客户 (D) 给予所有服务资源的优先权",
        ),
        options="ABCD",
        expected={"A", "B"},
        hints=[
            ("Future profit is high: the customer is worth keeping.", "未来利润高：值得保留。"),
            ("Cost to serve is high: the service model must change.", "服务成本高：服务方式需要改变。"),
            ("Two answers are right (cell 6, 'Costly prospect').", "两个答案正确（第 6 格“高成本潜力客户”）。"),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Share of Yunfeng's total 12-month CLV (lesson settings: 1 % a month) held by the strategic tier "
            "(top 5 % of customers by CLV), as a fraction between 0 and 1, 3 decimals.",
            "战略客户（按 CLV 排名前 5 %）占云峰 12 个月 CLV 总额（课上设置：月折现率 1 %）的比例，0 到 1 之间的小数，保留 3 位。",
        ),
        expected=_strategic_share,
        atol=6e-4,
        rtol=0,
        hints=[
            (
                "tiers.assign_tiers(clv_12) gives score, rank and tier.",
                "tiers.assign_tiers(clv_12) 给出 score、rank 与 tier。",
            ),
            (
                "Sum the score of the first tier and divide by the total score.",
                "第一层级的 score 之和除以全部 score 之和。",
            ),
        ],
    ),
]
