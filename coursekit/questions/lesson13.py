"""Question bank of lesson 13, applying customer value (客户价值应用).

Every expected answer is computed with ``coursekit`` on the committed data, with the same settings
as ``notebooks/13-applying-value.ipynb``. ``POLLS`` are asked inside the lesson (predict, then
reveal); ``QUESTIONS`` are the exercises.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from coursekit import actions, clv, datasets, loyalty, personas, rfm, transactions
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, NumericQuestion
from coursekit.questions.lesson09 import scorecard

LESSON = "13-applying-value"
TITLE = ("Applying customer value", "客户价值应用")
END = datasets.OBSERVATION_END
ANNUAL_DISCOUNT = 0.10
SUCCESS_RATE = 0.30
RETENTION_COST = {"organisational": 8_000.0, "key_accounts": 5_000.0, "specialist": 1_500.0, "standard": 300.0}
BUDGET = 30_000.0
CONTACT_COST = 200.0
TEAM_COST = 300_000.0
TEAM_SIZE = 20


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def book() -> dict:
    """The lesson's customer view, retention candidates, plan, target list and team case."""
    orders = datasets.load_orders()
    customers = datasets.load_customers().set_index("customer_id")
    net = _quiet(transactions.net_orders, orders, END, margin_col="margin")
    summary = _quiet(clv.summarize, net, end=END, unit="W")
    bgf = clv.fit_bgnbd(summary)
    ggf = _quiet(clv.fit_gamma_gamma, summary)
    margin = float(net["margin"].sum() / net["amount"].sum())
    monthly = clv.discount_per_period(ANNUAL_DISCOUNT, period="M")
    clv_12 = _quiet(
        clv.customer_lifetime_value,
        bgf,
        ggf,
        _quiet(clv.repeat_buyers, summary),
        time=12,
        discount_rate=monthly,
        unit="W",
        margin=margin,
    )
    p_churn = 1 - clv.probability_alive(bgf, summary)
    segments = rfm.rfm_segments(_quiet(rfm.rfm_scores, _quiet(rfm.rfm_table, orders, end=END)), scheme="cn8")
    engagement = datasets.load_engagement()
    behaviours = _quiet(
        loyalty.loyalty_behaviours, orders, END, referrals=datasets.load_referrals(), engagement=engagement
    )
    health = _quiet(
        loyalty.health_score,
        orders,
        END,
        tickets=datasets.load_tickets(),
        survey=datasets.load_survey(),
        engagement=engagement,
    )
    status = _quiet(loyalty.customer_status, orders, END)
    grades = actions.latest_credit_grades(datasets.load_credit(), grades=datasets.load_credit_grades())
    view = _quiet(
        actions.customer_view,
        segments,
        keep=["segment"],
        company=customers["company_name"],
        manager=customers["account_manager"],
        size=customers["size"],
        tier=scorecard()["tiered"]["tier"],
        clv=clv_12,
        p_churn=p_churn,
        credit_grade=grades,
        loyalty=loyalty.loyalty_score(behaviours),
        health=health["score"],
        health_band=health["band"],
        status=status["status"],
    )
    view["service_level"] = _quiet(actions.service_levels, view)
    view["cost"] = view["service_level"].map(RETENTION_COST).astype(float)
    candidates = view.dropna(subset=["clv"]).copy()
    candidates["retention_value"] = actions.retention_value(
        candidates["p_churn"], candidates["clv"], SUCCESS_RATE, candidates["cost"]
    )
    plan = _quiet(actions.retention_plan, candidates, BUDGET)
    kw = dict(orders=orders, tickets=datasets.load_tickets(), visits=datasets.load_visits(), engagement=engagement)
    cust = datasets.load_customers()
    train = _quiet(personas.propensity_table, cust, "2025-09-30", **kw)
    model = personas.fit_propensity(train, random_state=0)
    now = _quiet(personas.propensity_table, cust, END, label=False, **kw)
    now["propensity"] = personas.score_propensity(model, now)
    now["value"] = now["revenue"] / 4 * margin
    targets = actions.target_list(now, cost=CONTACT_COST, n=50)
    high_potential = view[view["tier"].isin(["value", "potential"])].nlargest(TEAM_SIZE, "clv").index
    team = actions.dedicated_team(view["clv"].dropna(), customers=high_potential, uplift=0.2, team_cost=TEAM_COST)
    return {
        "view": view,
        "candidates": candidates,
        "plan": plan,
        "now": now,
        "targets": targets,
        "team": team,
        "margin": margin,
    }


def _top_levels() -> int:
    return int(book()["view"]["service_level"].isin(["organisational", "key_accounts"]).sum())


def _standard_clv_share() -> float:
    v = book()["view"]
    return float(v.loc[v["service_level"] == "standard", "clv"].sum() / v["clv"].sum() * 100)


def _value_c1670() -> float:
    return float(book()["candidates"].loc["C1670", "retention_value"])


def _plan_40k() -> int:
    return len(_quiet(actions.retention_plan, book()["candidates"], 40_000))


def _break_even() -> float:
    team = book()["team"]
    return float(team["team_cost"] / team["clv"] * 100)


def _targets_20() -> float:
    return float(_target_total(500.0, 20) / 1e4)


def _target_total(cost: float, n: int) -> float:
    return actions.target_list(book()["now"], cost=cost, n=n).attrs["total"]


# ------------------------------------------------------------------------------------ polls
POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Predict before you look: the retention budget is 30,000 CNY, the success rate 30 %, and an action costs "
            "8,000 CNY (organisational), 5,000 (key account), 1,500 (specialist) or 300 (standard SOP). Spent greedily "
            "by retention value per yuan, where does most of the budget go? (A) to strategic key accounts "
            "(B) to value-tier customers with a service specialist (C) to standard-SOP customers",
            "先预测：挽留预算为 30,000 元，挽留成功率 30 %，每次挽留行动的成本为 8,000 元（组织客户）、5,000 元（关键客户）、"
            "1,500 元（专属服务专员）或 300 元（标准 SOP）。按每元挽留价值从高到低分配预算，大部分预算会花在哪里？"
            "(A) 战略级关键客户 (B) 配有专属服务专员的价值客户 (C) 标准 SOP 客户",
        ),
        options="ABC",
        expected="C",
        judgement=True,
        hints=[
            ("Value per yuan divides by the cost of the action.", "每元挽留价值要除以挽留行动的成本。"),
            (
                "A 300 CNY call needs far less CLV at stake than an 8,000 CNY executive visit.",
                "一次 300 元的电话所需的“在险”价值，远低于一次 8,000 元的高层拜访。",
            ),
        ],
    ),
]

QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Service levels (分层服务): in the lesson's customer view, how many customers get key-account management "
            "or organisational relationship management? A count of customers; only the exact count is accepted.",
            "分层服务：在课上的客户全景视图中，有多少位客户享受关键客户关系管理或组织客户关系管理？答案为客户数，须完全正确。",
        ),
        expected=_top_levels,
        rtol=0,
        atol=0.5,
        hints=[
            ("The column service_level holds the keys.", "service_level 列保存的是各服务级别的键。"),
            (
                'Use .isin(["organisational", "key_accounts"]) and sum the True values.',
                '用 .isin(["organisational", "key_accounts"])，再对 True 求和。',
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "What share of the total 12-month CLV (客户生命周期价值) of the view is held by customers on the standard "
            "SOP? In %, one decimal; answers within 0.1 are accepted.",
            "在客户全景视图中，标准 SOP 客户持有的 12 个月客户生命周期价值占总额的百分比是多少？单位 %，保留一位小数，误差 0.1 以内可接受。",
        ),
        expected=_standard_clv_share,
        rtol=0,
        atol=0.1,
        hints=[
            ('Select the rows with service_level == "standard".', '选出 service_level == "standard" 的行。'),
            (
                "Divide their clv sum by the clv sum of all customers, times 100.",
                "用它们的 clv 之和除以全部客户的 clv 之和，再乘以 100。",
            ),
        ],
    ),
    NumericQuestion(
        "q3",
        prompt=(
            "Retention value by hand (挽留价值): P(churn) 0.25, CLV 60,000 CNY, success rate 40 %, cost of the action "
            "2,500 CNY. In CNY, whole yuan; answers within 1 are accepted.",
            "手算挽留价值：流失概率 0.25，客户生命周期价值 60,000 元，挽留成功率 40 %，挽留行动成本 2,500 元。单位元，取整，误差 1 元以内可接受。",
        ),
        expected=lambda: 0.25 * 0.4 * 60_000 - 2_500,
        rtol=0,
        atol=1,
        hints=[
            ("P(churn) x success rate x CLV - cost.", "流失概率 × 成功率 × 客户生命周期价值 − 成本。"),
            (
                "actions.retention_value(0.25, 60_000, 0.4, 2_500) checks your sum.",
                "可用 actions.retention_value(0.25, 60_000, 0.4, 2_500) 验算。",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "The retention value of C1670 (北京长城纺织) in the lesson's candidates table (success rate 30 %, cost by "
            "its service level). In CNY, whole yuan; answers within 1 are accepted.",
            "在课上的挽留候选表中（成功率 30 %，成本按服务级别），C1670（北京长城纺织）的挽留价值是多少？单位元，取整，误差 1 元以内可接受。",
        ),
        expected=_value_c1670,
        rtol=0,
        atol=1,
        hints=[
            ("The candidates table has a retention_value column.", "candidates 表中有 retention_value 列。"),
            ('Use .loc["C1670", "retention_value"].', '用 .loc["C1670", "retention_value"]。'),
        ],
    ),
    NumericQuestion(
        "q5",
        prompt=(
            "Raise the retention budget to 40,000 CNY: how many customers does the plan take (greedy by value per "
            "yuan)? A count of customers; only the exact count is accepted.",
            "把挽留预算提高到 40,000 元：按每元挽留价值贪心分配，计划纳入多少位客户？答案为客户数，须完全正确。",
        ),
        expected=_plan_40k,
        rtol=0,
        atol=0.5,
        hints=[
            (
                "actions.retention_plan(candidates, budget) returns the chosen customers.",
                "actions.retention_plan(candidates, 预算) 返回入选客户。",
            ),
            ("Count its rows with len(...).", "用 len(...) 数一数行数。"),
        ],
    ),
    NumericQuestion(
        "q6",
        prompt=(
            "The dedicated team (专属团队) of the B2B CLV case costs 300,000 CNY a year and serves 20 customers whose "
            "12-month CLV totals the lesson's figure. By what uplift of their CLV does the team just pay for itself "
            "(break-even)? In %, one decimal; answers within 0.1 are accepted.",
            "B2B 客户生命周期价值案例中的专属团队每年成本 300,000 元，服务 20 位客户，其 12 个月客户生命周期价值合计见课上数字。"
            "他们的客户生命周期价值要提升多少，团队才刚好收回成本（盈亏平衡）？单位 %，保留一位小数，误差 0.1 以内可接受。",
        ),
        expected=_break_even,
        rtol=0,
        atol=0.1,
        hints=[
            ("At break-even, uplift x CLV = team cost.", "盈亏平衡时：提升比例 × 客户生命周期价值 = 团队成本。"),
            ('team["team_cost"] / team["clv"] x 100.', 'team["team_cost"] / team["clv"] × 100。'),
        ],
    ),
    NumericQuestion(
        "q7",
        prompt=(
            "Precision marketing (精准营销): with a cost of 500 CNY per contact, what is the total expected return of "
            "the top 20 of the target list? In 10,000 CNY (万元), one decimal; answers within 0.1 are accepted.",
            "精准营销：每次触达成本 500 元时，目标名单前 20 位的预期回报合计是多少？单位万元，保留一位小数，误差 0.1 以内可接受。",
        ),
        expected=_targets_20,
        rtol=0,
        atol=0.1,
        hints=[
            (
                "actions.target_list(now, cost=500, n=20) gives the list.",
                "actions.target_list(now, cost=500, n=20) 生成名单。",
            ),
            (
                'Its .attrs["total"] is the sum in CNY; divide by 10,000.',
                '其 .attrs["total"] 是以元计的合计，再除以 10,000。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q8",
        prompt=(
            "Spot the error (找错). A colleague spends the 30,000 CNY budget from the top of the list sorted by "
            "retention value, the largest first. What is wrong? (A) nothing: the largest values matter most "
            "(B) under a budget the order must be value per yuan: an expensive action with a large value can use "
            "the money of several cheap ones that together save more (C) retention value should be sorted by CLV "
            "(D) lost customers should come first because their P(churn) is highest",
            "找错：同事按挽留价值从大到小排序，从头开始花 30,000 元的预算。错在哪里？(A) 没有错：价值最大的最重要 "
            "(B) 有预算约束时应按每元挽留价值排序：一项价值大但成本高的行动，可能占用几项低成本行动的资金，而后者合计能挽回更多 "
            "(C) 应按客户生命周期价值排序 (D) 已流失客户的流失概率最高，应排在最前",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("The budget is the scarce resource: what do you get per yuan?", "预算是稀缺资源：每花一元能换回多少？"),
            (
                "Compare one 5,000 CNY action with sixteen 300 CNY calls.",
                "比较一次 5,000 元的行动和十六次 300 元的电话。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Decide under a budget (预算决策). At a CLV uplift of 20 % the dedicated team's net gain is slightly "
            "negative; break-even is about 20.7 %. What do you recommend? (A) approve: it is almost break-even "
            "(B) reject: it loses money (C) run it as a pilot with a stated target above break-even, a control group "
            "of similar customers, and a review after two quarters (D) double the team so that it serves 40 customers",
            "预算决策：客户生命周期价值提升 20 % 时，专属团队的净收益略为负数；盈亏平衡点约为 20.7 %。你的建议是？"
            "(A) 批准：已接近盈亏平衡 (B) 否决：会亏钱 (C) 作为试点运行，明确高于盈亏平衡点的目标，设对照组（相似客户），"
            "两个季度后复盘 (D) 团队扩大一倍，服务 40 位客户",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            ("The 20 % uplift is an assumption, not a measurement.", "20 % 的提升只是假设，不是测量结果。"),
            (
                "A decision this close to break-even needs evidence: measure the uplift against similar customers.",
                "这么接近盈亏平衡的决策需要证据：与相似客户对比，测量真实提升。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q10",
        prompt=(
            "Spot the error (找错). The target list puts C1208 first: propensity 0.99, expected return about 97,000 "
            "CNY. The marketing manager reports '97,000 CNY earned by the campaign'. What is wrong? (A) nothing "
            "(B) C1208 would very probably order anyway: the campaign earns only the extra orders the contact causes "
            "(the uplift), which a control group that is not contacted measures (C) the margin should be the revenue "
            "(D) the cost per contact is too low",
            "找错：目标名单中 C1208 排第一：购买倾向 0.99，预期回报约 97,000 元。市场经理汇报“本次活动赚了 97,000 元”。错在哪里？"
            "(A) 没有错 (B) C1208 本来就很可能下单：活动只能算触达带来的额外订单（增量），要用一个不触达的对照组来测量 "
            "(C) 应该用收入而不是毛利 (D) 每次触达的成本太低",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "Propensity is the chance to order next quarter, with or without the call.",
                "购买倾向是下季度下单的概率，不管打不打电话。",
            ),
            ("What would C1208 have done without the campaign?", "如果没有这次活动，C1208 会怎么做？"),
        ],
    ),
]
