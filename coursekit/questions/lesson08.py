"""Question bank of lesson 08, customer lifetime value (客户生命周期价值).

Every expected answer is computed with ``coursekit`` on the committed data, with the
same settings as ``notebooks/08-clv.ipynb`` (one discount rate: 10 % a year). ``POLLS`` are the
predict-then-reveal questions asked inside the lesson; ``QUESTIONS`` are the exercises.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import clv, datasets, tiers, transactions, value
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "08-clv"
TITLE = ("Customer lifetime value", "客户生命周期价值")

ANNUAL_DISCOUNT = 0.10
CAL_END, OBS_END = "1997-09-30", "1998-06-30"
YUNFENG_CAL_END = "2024-12-31"


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _net() -> pd.DataFrame:
    return _quiet(transactions.net_orders, datasets.load_orders(), datasets.OBSERVATION_END, margin_col="margin")


@lru_cache(maxsize=1)
def _service() -> dict:
    return {
        "customers": datasets.load_customers(),
        "tickets": datasets.load_tickets(),
        "ticket_handling": datasets.load_ticket_handling(),
        "visits": datasets.load_visits(),
    }


@lru_cache(maxsize=1)
def _profit_2025() -> pd.DataFrame:
    orders = datasets.load_orders()
    cost = _quiet(value.cost_to_serve, orders, datasets.OBSERVATION_END, **_service())
    return value.net_profit(orders, datasets.OBSERVATION_END, cost=cost)


@lru_cache(maxsize=1)
def _yunfeng():
    net = _net()
    summary = clv.summarize(net, end=datasets.OBSERVATION_END, unit="W")
    repeat = _quiet(clv.repeat_buyers, summary)
    bgf = clv.fit_bgnbd(summary)
    ggf = _quiet(clv.fit_gamma_gamma, summary)
    margin_rate = net["margin"].sum() / net["amount"].sum()
    return repeat, bgf, ggf, margin_rate


def _negative_net_profit() -> int:
    return int((_profit_2025()["net_profit"] < 0).sum())


def _short_history_error() -> float:
    cal_hold = clv.calibration_holdout(_net(), "2023-12-31", datasets.OBSERVATION_END, unit="W")
    bgf = clv.fit_bgnbd(cal_hold)
    return float(clv.holdout_summary({"bg_nbd": bgf}, cal_hold).loc["bg_nbd", "error_pct"])


def _event_visits_c0124() -> float:
    repeat, bgf, ggf, margin_rate = _yunfeng()
    orders = datasets.load_orders()
    end = datasets.OBSERVATION_END
    counts = _quiet(value.activity_counts, orders, end, **_service())
    cost = _quiet(value.cost_to_serve, orders, end, **_service())
    monthly = clv.discount_per_period(ANNUAL_DISCOUNT, period="M")
    events = _quiet(
        clv.customer_events,
        bgf,
        ggf,
        repeat,
        counts,
        cost,
        months=12,
        discount_rate=monthly,
        unit="W",
        margin=margin_rate,
    )
    return float(events.loc["C0124", "visits"])


def _big_new_at_risk() -> list:
    new = _quiet(clv.new_customers, _net(), datasets.OBSERVATION_END)
    return new.index[(new["status"] == "at_risk") & (new["amount"] >= 5000)].tolist()


def _top20_share() -> float:
    repeat, bgf, ggf, margin_rate = _yunfeng()
    monthly = clv.discount_per_period(ANNUAL_DISCOUNT, period="M")
    clv_12 = clv.customer_lifetime_value(bgf, ggf, repeat, time=12, discount_rate=monthly, unit="W", margin=margin_rate)
    return float(tiers.top_share(clv_12, 0.2))


def _quarter_rate() -> float:
    return clv.discount_per_period(ANNUAL_DISCOUNT, period="Q")


# ------------------------------------------------------------------------------------ polls
# Asked in the lesson before the answer is computed (predict, then reveal).
POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Predict before you look: in Dwyer's table, 76.6 % of the customers who buy in a quarter buy again "
            "in the next quarter. What share of the customers who bought in 2024 bought again in 2025? "
            "(A) about 34 % (0.766 to the 4th power) (B) about 59 % (C) about 78 % (D) about 99 %",
            "先预测：在 Dwyer 表中，某季度购买的客户有 76.6 % 在下一季度再次购买。2024 年购买过的客户中，有多少在 "
            "2025 年再次购买？(A) 约 34 %（0.766 的 4 次方）(B) 约 59 % (C) 约 78 % (D) 约 99 %",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            (
                "Buying again at some time in a year is not the same as buying in each of four quarters.",
                "一年中某个时候再次购买，不等于四个季度每季都购买。",
            ),
            (
                "A customer who skips a quarter is not lost: Dwyer calls this type always-a-share.",
                "跳过一个季度的客户并未流失：Dwyer 称之为暂时流失型。",
            ),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Predict: BG/NBD is fitted on Yunfeng's orders up to 2024-12-31 and predicts the purchases of 2025. "
            "How far off will the total be? (A) under-predicted by more than 20 % (B) within 5 % "
            "(C) over-predicted by more than 20 %",
            "预测：用截至 2024-12-31 的云峰订单拟合 BG/NBD，预测 2025 年的购买次数。总数会差多少？"
            "(A) 低估超过 20 % (B) 误差在 5 % 以内 (C) 高估超过 20 %",
        ),
        options="ABC",
        expected="B",
        judgement=True,
        hints=[
            ("On CDNOW the total was 12 % low.", "在 CDNOW 上总数低估了 12 %。"),
            (
                "Think about how Yunfeng's orders were made (datasets/README.md, datasets/generate.py).",
                "想一想云峰的订单数据是如何生成的（datasets/README.md、datasets/generate.py）。",
            ),
        ],
    ),
    ChoiceQuestion(
        "p3",
        prompt=(
            "Predict: the horizon goes from 12 to 24 months, at the same 10 % a year. The total CLV of the "
            "repeat buyers (A) doubles (B) grows, but less than double (C) more than doubles",
            "预测：预测期从 12 个月延长到 24 个月，年折现率仍为 10 %。复购客户的客户生命周期价值总额 "
            "(A) 翻倍 (B) 增加，但不到一倍 (C) 增加超过一倍",
        ),
        options="ABC",
        expected="B",
        judgement=True,
        hints=[
            ("Some customers drop out in the first year.", "有些客户在第一年就流失了。"),
            (
                "And a yuan in month 24 is discounted more than a yuan in month 12.",
                "而且第 24 个月的一元比第 12 个月折现得更多。",
            ),
        ],
    ),
]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Net profit (净利润) = gross margin (毛利) − cost to serve (服务成本), per customer, for 2025, with the "
            "lesson's cost_2025. How many customers served in 2025 had a negative net profit? A count of "
            "customers; only the exact count is accepted.",
            "净利润 = 毛利 − 服务成本，按客户计算 2025 年，使用课上的 cost_2025。2025 年有服务记录的客户中，"
            "有多少位净利润为负？答案为客户数，须完全正确。",
        ),
        expected=_negative_net_profit,
        rtol=0,
        atol=0.5,
        hints=[
            (
                "value.net_profit gives one row per customer served in 2025.",
                "value.net_profit 为 2025 年有服务记录的每位客户给出一行。",
            ),
            (
                "Compare its net_profit column with 0 and count the True values.",
                "把 net_profit 列与 0 比较，数一数 True 的个数。",
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "One discount rate (一个折现率): the lesson states 10 % a year. What is the equivalent rate per quarter "
            "that Dwyer's quarterly model uses? A rate as a fraction (0.05 = 5 %), four decimals; answers within "
            "0.0001 are accepted.",
            "同一个折现率：课上规定年折现率 10 %。Dwyer 季度模型使用的等价季度折现率是多少？答案为小数（0.05 = 5 %），"
            "保留四位；相差 0.0001 以内即算正确。",
        ),
        expected=_quarter_rate,
        rtol=0,
        atol=1e-4,
        hints=[
            ("Four quarters compound to one year: (1 + q) ** 4 = 1.10.", "四个季度复利为一年：(1 + q) ** 4 = 1.10。"),
            (
                "clv.discount_per_period does this for a period of 'Q'.",
                "clv.discount_per_period 对 period='Q' 做这个换算。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Spot the error (找错). A colleague's slide says: 'P(alive) of CDNOW customer 18 is 1.00: he is "
            "certainly still a customer, call him to thank him for his loyalty.' Customer 18 bought once, "
            "38 weeks before the end of the calibration period. What is wrong? "
            "(A) nothing (B) with no repeat purchase BG/NBD has no purchase after which he could have dropped "
            "out, so P(alive) = 1 is the model's default, not evidence (C) P(alive) is a share of customers, "
            "not a probability (D) the model should have been fitted in days",
            "找错：同事的幻灯片写道：“CDNOW 客户 18 的存活概率为 1.00：他肯定还是我们的客户，打电话感谢他的忠诚。”"
            "客户 18 只买过一次，在校准期结束前 38 周。错在哪里？(A) 没有错 (B) 没有重复购买，BG/NBD 中没有一次"
            "购买之后可以流失，所以存活概率 1 是模型的默认值，不是证据 (C) 存活概率是客户占比，不是概率 "
            "(D) 模型应按天拟合",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "In BG/NBD a customer can drop out only right after a purchase.",
                "在 BG/NBD 中，客户只会在一次购买之后流失。",
            ),
            ("How many purchases after the first has customer 18 made?", "客户 18 在首次购买后又买过几次？"),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "Predict, then check. The lesson calibrated on 2023–24 and tested on 2025 (error of the total "
            "+2.5 %). Now calibrate BG/NBD on one year only (Yunfeng's net orders to 2023-12-31) and test on the two "
            "years 2024–25. First write down whether the error will be larger or smaller, and why. Then give the "
            "error of the total: (predicted − actual) / actual × 100, in %, negative for an under-prediction, one "
            "decimal; answers within 0.2 percentage points are accepted.",
            "先预测再验证。课上用 2023–24 年校准、2025 年检验（总数误差 +2.5 %）。现在只用一年数据校准 BG/NBD"
            "（截至 2023-12-31 的云峰净订单），在 2024–25 两年上检验。先写下误差会更大还是更小，以及原因。然后给出"
            "总数误差：(预测 − 实际) / 实际 × 100，单位 %，低估为负，保留一位小数；相差 0.2 个百分点以内即算正确。",
        ),
        expected=_short_history_error,
        rtol=0,
        atol=0.2,
        judgement=True,
        hints=[
            (
                "Less history to learn from, and a longer period to predict.",
                "可供学习的历史更短，需要预测的时间更长。",
            ),
            (
                "Build a new table with clv.calibration_holdout ending the calibration on 2023-12-31, fit BG/NBD "
                "on it; clv.holdout_summary has the column error_pct.",
                "用 clv.calibration_holdout 建立校准期截至 2023-12-31 的新表，在其上拟合 BG/NBD；"
                "clv.holdout_summary 中有 error_pct 列。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q5",
        prompt=(
            "The df.T pitfall (see the appendix). A summary frame has a column named T. What does summary.T "
            "return? (A) the T column, one value per customer (B) the transpose of the frame (C) an error "
            "(D) the total of column T",
            "df.T 陷阱（见附录）。汇总表有一列名为 T。summary.T 返回什么？(A) T 列，每位客户一个值 "
            "(B) 整张表的转置 (C) 报错 (D) T 列的合计",
        ),
        options="ABCD",
        expected="B",
        hints=[
            ("In pandas, .T is a property of every DataFrame.", "在 pandas 中，.T 是每个 DataFrame 都有的属性。"),
            (
                "It swaps rows and columns; a column is read with summary['T'].",
                "它交换行与列；读取列要写 summary['T']。",
            ),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "Customer-event method (客户事件法), lesson settings (12 months, 10 % a year, events per order from "
            "2025): how many visits (拜访) does the method expect for C0124 in the next 12 months? A count of "
            "visits, one decimal; answers within 0.1 are accepted.",
            "客户事件法，按课上设置（12 个月、年折现率 10 %、按 2025 年每单事件数）：该方法预计未来 12 个月对 "
            "C0124 拜访多少次？答案为拜访次数，保留一位小数；相差 0.1 以内即算正确。",
        ),
        expected=_event_visits_c0124,
        rtol=0,
        atol=0.1,
        hints=[
            ("The lesson's events table has one row per repeat buyer.", "课上的 events 表每位复购客户一行。"),
            ("Look up the row of C0124 and the column of expected visits.", "找到 C0124 所在行和预期拜访次数那一列。"),
        ],
    ),
    IdsQuestion(
        "q7",
        prompt=(
            "New customers (新客户) for a win-back call: the customers with one purchase only (clv.new_customers) "
            "who are at risk (流失预警客户: 91–180 days without an order) at 2025-12-31 and whose first order was at "
            "least 5,000 CNY. Give their ids (any order).",
            "需要做挽回回访的新客户名单：只有一次购买（clv.new_customers）、在 2025-12-31 状态为流失预警客户"
            "（91–180 天未下单）、且首单金额不少于 5,000 元的客户。给出客户编号（顺序不限）。",
        ),
        expected=_big_new_at_risk,
        ordered=False,
        hints=[
            ("Start from the lesson's new table.", "从课上的 new 表开始。"),
            (
                "Two conditions, one on the status key ('at_risk') and one on the amount; combine them with &.",
                "两个条件：一个针对状态键（'at_risk'），一个针对金额；用 & 合并。",
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Concentration (集中度): what share of the repeat buyers' total 12-month CLV (the lesson's clv_12) do "
            "the top 20 % of repeat buyers hold? A fraction between 0 and 1, three decimals; answers within 0.002 "
            "are accepted.",
            "集中度：排名前 20 % 的复购客户占复购客户 12 个月客户生命周期价值总额（课上的 clv_12）的比例是多少？"
            "答案为 0 到 1 之间的小数，保留三位；相差 0.002 以内即算正确。",
        ),
        expected=_top20_share,
        rtol=0,
        atol=0.002,
        hints=[
            (
                "coursekit.tiers has a function for the share of the top fraction.",
                "coursekit.tiers 中有计算前若干比例占比的函数。",
            ),
            ("tiers.top_share(values, fraction=...)", "tiers.top_share(values, fraction=...)"),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Decide under a budget (预算决策). One more year of strategic account management costs 15,000 CNY "
            "(cost_rates). The sales director expects it to raise an account's 12-month future profit by 20 %. "
            "From the lesson's growth list (future profit = 12-month event CLV, CNY): C0124 19,116; C0583 8,677; "
            "C0966 8,477. Which decision follows? (A) give it to C0124, the largest future profit "
            "(B) give it to C0583, which costs nothing to serve today (C) none of them repays it within 12 months: "
            "20 % of 19,116 is about 3,800 CNY; serve the growth prospects with cheaper means (potential-tier care "
            "at 1,000 CNY a year, e-ordering) or ask for a larger uplift (D) give it to all three",
            "预算决策：再给一个客户一年的战略客户管理费用为 15,000 元（cost_rates）。销售总监预计它能使客户 12 个月的"
            "未来利润提高 20 %。课上增长名单（未来利润 = 12 个月客户事件法价值，元）：C0124 19,116；C0583 8,677；"
            "C0966 8,477。应作何决定？(A) 给 C0124，未来利润最大 (B) 给 C0583，目前服务成本为零 "
            "(C) 12 个月内都收不回：19,116 的 20 % 约为 3,800 元；用更便宜的方式服务成长型客户（“潜力”层级的客户管理，"
            "每年 1,000 元；电子下单），或要求更大的提升 (D) 三个都给",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            (
                "Compare the gain (20 % of the future profit) with the cost of 15,000 CNY.",
                "把收益（未来利润的 20 %）与 15,000 元的成本比较。",
            ),
            (
                "Even the largest account would need a rise of 15,000 / 19,116, about 78 %, to break even in a year.",
                "即使是最大的客户，也需要提高 15,000 / 19,116，约 78 %，才能在一年内打平。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q10",
        prompt=(
            "Spot the error in a chart (找错). In the tier chart, the ordinary tier holds 4.4 % of 2025 revenue "
            "but only 2.2 % of the 12-month CLV. A colleague concludes: 'the model is biased against small "
            "customers'. Which explanation fits the method? (A) the model is biased (B) CLV looks forward: many "
            "customers in the lowest tier have gone quiet, so they are expected to buy less than they did "
            "(C) the discount rate lowers small values more (D) the tiers are cut by revenue, not by CLV",
            "图表找错：在分级图中，普通客户占 2025 年收入的 4.4 %，却只占 12 个月客户生命周期价值的 2.2 %。"
            "同事的结论是“模型歧视小客户”。哪种解释符合方法？(A) 模型有偏 (B) 客户生命周期价值着眼未来："
            "最低一级中很多客户已沉寂，预计购买会比过去少 (C) 折现率对小数值影响更大 (D) 分级按收入而非按客户生命周期价值划分",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Revenue looks back, CLV looks forward.", "收入向后看，客户生命周期价值向前看。"),
            ("What does a long silence do to P(alive)?", "长时间没有购买会让存活概率怎样变化？"),
        ],
    ),
]
