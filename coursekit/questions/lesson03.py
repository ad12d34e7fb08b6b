"""Question bank of lesson 03, Opportunity mining (目标客户商机挖掘).

Nine checked questions, three of them judgement questions: choose the right ranking for a
reactivation list (q3), tell a wrong unit from an outlier (q5) and set a price under a customer's
return target (q8). The reference answers are computed with ``coursekit`` on the committed case
data, the same way the lesson does; none is printed in the lesson. :data:`POLLS` are the lesson's
two predict-then-reveal polls (not recorded).
"""

from __future__ import annotations

from functools import lru_cache

from coursekit import datasets, funnel, opportunity, quality
from coursekit.exercises import ChoiceQuestion, IdsQuestion, Lesson, NumericQuestion

LESSON = "03-opportunity-mining"
TITLE = ("Opportunity mining", "目标客户商机挖掘")
END = datasets.OBSERVATION_END

#: The PIP of the lesson (section 9): 上海立信电子 (C1208), CNY per year, and the shares saved.
PIP_COSTS = {"downtime": 360_000.0, "rush orders": 80_000.0, "spares stock": 150_000.0, "purchasing": 60_000.0}
PIP_SAVINGS = {"downtime": 0.4, "rush orders": 0.6, "spares stock": 0.3, "purchasing": 0.5}
PIP_MARGIN = 0.21
#: q8: options of the yearly price of the service (CNY per year).
Q8_PRICES = {"A": 80_000, "B": 110_000, "C": 150_000, "D": 220_000}


@lru_cache(maxsize=1)
def _orders():
    return datasets.load_orders()


@lru_cache(maxsize=1)
def _dormant():
    return opportunity.reactivation_list(_orders(), END, customers=datasets.load_customers(), order_col="order_id")


def _flawed5():
    return quality.flawed_customers(datasets.load_customers(), seed=5)


def _q8():
    saving = opportunity.pip_value(PIP_COSTS, savings=PIP_SAVINGS, extra_revenue=0, margin_rate=PIP_MARGIN)[
        "customer_saving"
    ]
    ok = [k for k, price in Q8_PRICES.items() if (saving - price) / price >= 1]
    return max(ok, key=Q8_PRICES.get)


def _q9():
    savings = dict(PIP_SAVINGS, downtime=0.25)
    return opportunity.pip_value(PIP_COSTS, savings=savings, extra_revenue=120_000, margin_rate=PIP_MARGIN)[
        "customer_net_gain"
    ]


def _zhang_wei_bargaining():
    opps = datasets.load_opportunities()
    return funnel.stage_conversion(opps[opps["account_manager"] == "Zhang Wei"]).loc["bargaining", "conversion"]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "How many dormant accounts (休眠, status from loyalty.customer_status) were worth more than 100,000 CNY "
            "in the year up to their last purchase? A whole number.",
            "有多少个休眠客户（状态来自 loyalty.customer_status）在最后一次购买前的一年里价值超过 10 万元？填整数。",
        ),
        expected=lambda: int((_dormant()["worth"] > 100_000).sum()),
        rtol=0,
        atol=0.5,
        hints=[
            ("Start from the reactivation list of section 2.", "从第 2 节的激活名单开始。"),
            ('Count the rows whose "worth" is above 100,000.', "数一数 worth 大于 100,000 的行。"),
        ],
    ),
    IdsQuestion(
        "q2",
        prompt=(
            "Zhang Wei's three dormant accounts with the largest worth, largest first (a list of customer ids).",
            "Zhang Wei 名下价值最高的三个休眠客户，从高到低（客户编号列表）。",
        ),
        expected=lambda: _dormant()[_dormant()["account_manager"] == "Zhang Wei"].index[:3],
        ordered=True,
        hints=[
            (
                "The reactivation list is already sorted by worth and has the account manager.",
                "激活名单已按价值排序，并带有客户经理。",
            ),
            ('Keep the rows of "Zhang Wei" and take the first three ids.', "保留 Zhang Wei 的行，取前三个编号。"),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "A colleague ranks the dormant accounts by their total revenue 2023-2025 instead of their worth in the year "
            "before they went quiet. What goes wrong? (A) nothing, the two rankings are the same "
            "(B) long-standing accounts that bought little per year rank above accounts that bought much in a short time "
            "(C) dormant accounts get mixed with lost ones (D) returns are counted twice",
            "一位同事按 2023-2025 年总收入而不是沉寂前一年的价值给休眠客户排序。问题在哪里？(A) 没问题，两种排序相同 "
            "(B) 合作时间长但每年买得少的客户会排在短期内买得多的客户前面 (C) 休眠客户会和流失客户混在一起 (D) 退货被重复计算",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "A three-year total adds up years; compare an account won in 2024 with one from 2023.",
                "三年总额是把各年相加；比较一个 2024 年获得的客户和一个 2023 年的客户。",
            ),
            (
                "The status is the same in both rankings; only the order changes.",
                "两种排序中客户状态相同，只是顺序变了。",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            'With the window 2024-01-01 to 2025-12-31 (start="2024-01-01"), how many accounts with revenue in the '
            "window do not buy bearings? A whole number.",
            '统计期改为 2024-01-01 至 2025-12-31（start="2024-01-01"），有收入的客户中有多少个不买轴承？填整数。',
        ),
        expected=lambda: int(
            opportunity.cross_sell_summary(_orders(), END, start="2024-01-01").loc["bearings", "non_buyers"]
        ),
        rtol=0,
        atol=0.5,
        hints=[
            ("The cross-sell summary counts non-buyers per product line.", "交叉销售汇总表按产品线统计未购买客户。"),
            ("Change start= and read the bearings row.", "修改 start= 参数，读 bearings 这一行。"),
        ],
    ),
    ChoiceQuestion(
        "q5",
        prompt=(
            "The checker calls a payment term of 1.0 days a wrong unit, but 9,999,999 employees an outlier. Why not a "
            "wrong unit too? (A) a wrong unit is a value that a common unit factor turns into a plausible one; no factor "
            "explains 9,999,999 (B) the checker only looks at units in the payment column by mistake (C) outliers are "
            "always correct values (D) head counts have no unit",
            "检查器把 1.0 天的付款期判为单位错误，却把 9,999,999 名员工判为异常值。为什么后者不是单位错误？"
            "(A) 单位错误是乘除一个常见换算系数后就变得合理的数值，没有哪个系数能解释 9,999,999 "
            "(B) 检查器误把单位检查只用于付款期 (C) 异常值一定是正确的数值 (D) 员工人数没有单位",
        ),
        options="ABCD",
        expected="A",
        judgement=True,
        hints=[
            ("1.0 x 30 = 30 days: a month written as 1.", "1.0 x 30 = 30 天：一个月被写成了 1。"),
            (
                "Read the rules at the top of the checker's help: quality.find_issues.",
                "读检查器帮助开头的规则：quality.find_issues。",
            ),
        ],
    ),
    IdsQuestion(
        "q6",
        prompt=(
            "Make the flawed table with seed=5. Which rows have an impossible date? (a list of row numbers)",
            "用 seed=5 生成有问题的表。哪些行的日期不可能？（行号列表）",
        ),
        expected=lambda: quality.find_issues(_flawed5(), key_col="customer_id", date_cols=["acquired_date"]).query(
            "problem == 'impossible_date'"
        )["row"],
        ordered=False,
        hints=[
            ("Use the same checker call as the lesson, on the new table.", "对新表使用与课程相同的检查器调用。"),
            (
                'find_issues lists every problem with its row; keep "impossible_date".',
                "find_issues 逐行列出问题；保留 impossible_date。",
            ),
        ],
    ),
    NumericQuestion(
        "q7",
        prompt=(
            "Conversion at the bargaining stage (谈判) of Zhang Wei's opportunities: moved on / (entered - still open), "
            "0-1, rounded to 3 decimals (answers within 0.001 are accepted).",
            "Zhang Wei 的商机在谈判阶段的转化率：进入下一阶段数 /（进入数 - 仍未结束数），0-1，保留 3 位小数（误差 0.001 以内算对）。",
        ),
        expected=_zhang_wei_bargaining,
        rtol=0,
        atol=0.0011,
        hints=[
            ("Keep Zhang Wei's rows of the opportunities table.", "保留商机表中 Zhang Wei 的行。"),
            ("Then funnel.stage_conversion, row bargaining.", "再用 funnel.stage_conversion，取 bargaining 行。"),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            "For 上海立信电子 (section 9's costs and savings), the customer's purchasing director wants at least 1 yuan of "
            "net gain per yuan of extra spend (return >= 1). What is the highest yearly price you can ask? "
            "(A) 80,000 CNY (B) 110,000 CNY (C) 150,000 CNY (D) 220,000 CNY",
            "对于上海立信电子（第 9 节的成本与节约比例），客户的采购总监要求每多花 1 元至少净赚 1 元（回报倍数 >= 1）。"
            "每年最多能报价多少？(A) 8 万元 (B) 11 万元 (C) 15 万元 (D) 22 万元",
        ),
        options="ABCD",
        expected=_q8,
        judgement=True,
        hints=[
            (
                "Return = (saving - price) / price; it is at least 1 when the price is at most half the saving.",
                "回报倍数 =（节约 - 报价）/ 报价；报价不超过节约的一半时，回报倍数至少为 1。",
            ),
            (
                'Try the prices in opportunity.pip_value and read "customer_return".',
                "把各个报价代入 opportunity.pip_value，读 customer_return。",
            ),
        ],
    ),
    NumericQuestion(
        "q9",
        prompt=(
            "Same PIP, but downtime falls by only 25 % and the price is 120,000 CNY a year: the customer's net gain "
            "in CNY per year, rounded to the nearest 1,000 (answers within 1,000 CNY are accepted).",
            "同一个 PIP，但停机成本只下降 25%，报价为每年 12 万元：客户每年的净收益（元），四舍五入到千元（误差 1,000 元以内算对）。",
        ),
        expected=_q9,
        rtol=0,
        atol=1000,
        hints=[
            ("Change one saving share and the extra revenue.", "改一个节约比例和新增收入。"),
            ('opportunity.pip_value, then "customer_net_gain".', "opportunity.pip_value，再取 customer_net_gain。"),
        ],
    ),
]

POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "How many of the 33 rows of the customer table have at least one problem? "
            "(A) under 5 (B) 5-9 (C) 10-14 (D) 15 or more",
            "这张 33 行的客户表中有多少行至少有一个问题？(A) 少于 5 行 (B) 5-9 行 (C) 10-14 行 (D) 15 行及以上",
        ),
        options="ABCD",
        expected=lambda: "ABCD"[
            sum(
                quality.find_issues(
                    quality.flawed_customers(datasets.load_customers()),
                    key_col="customer_id",
                    required=["company_name"],
                    spelling_cols=["region", "city", "industry", "acquisition_channel", "account_manager"],
                    date_cols=["acquired_date"],
                    ranges={"payment_terms_days": (7, 180)},
                    outlier_cols=["employees"],
                )["row"].nunique()
                >= b
                for b in (5, 10, 15)
            )
        ],
        judgement=True,
        hints=[
            (
                "Count your own list first: one row can have several problems.",
                "先数一数你们自己的清单：一行可能有多个问题。",
            ),
            ("The checker of section 5 will count them.", "第 5 节的检查器会统计它们。"),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "At which stage does Yunfeng lose the most expected value (CNY) of lost opportunities? "
            "(A) opportunity 商机 (B) reach 触达 (C) negotiation 洽谈 (D) bargaining 谈判",
            "云峰在哪个阶段丢掉的商机预期金额最多？(A) 商机 (B) 触达 (C) 洽谈 (D) 谈判",
        ),
        options="ABCD",
        expected=lambda: "ABCD"[
            ["opportunity", "reach", "negotiation", "bargaining"].index(
                funnel.lost_by_stage(datasets.load_opportunities())["lost_value"].idxmax()
            )
        ],
        judgement=True,
        hints=[
            (
                "Many expect the price talk; think of how many deals reach it.",
                "很多人以为是价格谈判阶段；想一想有多少商机能走到这一步。",
            ),
            ("The cells below compute it: funnel.lost_by_stage.", "下面的单元格会计算它：funnel.lost_by_stage。"),
        ],
    ),
]


def polls() -> Lesson:
    """The lesson's polls as a ``Lesson`` that records nothing: ``poll = lesson03.polls()``."""
    return Lesson(LESSON, questions=POLLS, record=False)
