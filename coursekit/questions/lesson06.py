"""Question bank of lesson 06, customer data analysis and personas (客户数据分析与客户画像).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/06-personas.ipynb`` and ``solutions/06-personas.ipynb``. ``POLLS`` are the
predict-then-reveal polls asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import _validate, datasets, personas
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "06-personas"
TITLE = ("Customer data analysis and personas", "客户数据分析与客户画像")

END = datasets.OBSERVATION_END


@lru_cache(maxsize=1)
def _tables():
    return (
        datasets.load_customers(),
        datasets.load_orders(),
        datasets.load_tickets(),
        datasets.load_visits(),
        datasets.load_engagement(),
        datasets.load_survey(),
    )


@lru_cache(maxsize=1)
def _profile() -> pd.DataFrame:
    c, o, tk, vi, en, sv = _tables()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _validate.CourseKitDataNote)
        profile = personas.customer_profile(c, END, orders=o, tickets=tk, visits=vi, engagement=en, survey=sv)
    z = personas.persona_features(profile)
    return profile.assign(persona=personas.personas(z, k=5, random_state=0)["persona"])


@lru_cache(maxsize=1)
def _features() -> pd.DataFrame:
    return personas.persona_features(_profile())


@lru_cache(maxsize=3)
def _propensity(end: str, label: bool = True) -> pd.DataFrame:
    c, o, tk, vi, en, _ = _tables()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _validate.CourseKitDataNote)
        return personas.propensity_table(c, end, orders=o, tickets=tk, visits=vi, engagement=en, label=label)


def _holdout_auc(features=None) -> float:
    model = personas.fit_propensity(_propensity("2025-06-30"), features=features)
    test = _propensity("2025-09-30").copy()
    test["propensity"] = personas.score_propensity(model, test)
    return personas.auc(test)


def _top_engaged() -> list:
    profile = _profile()
    return profile[profile["persona"] == "engaged_majors"].nlargest(5, "revenue").index.tolist()


def _persona_revenue_share(persona: str) -> float:
    summary = personas.profile_by(_profile(), "persona")
    return round(100 * float(summary.loc[persona, "revenue_share"]), 1)


def _veterans_call_list() -> list:
    model = personas.fit_propensity(_propensity("2025-06-30"))
    now = _propensity(END, label=False).copy()
    now["propensity"] = personas.score_propensity(model, now)
    veterans = now[_profile()["persona"].reindex(now.index) == "loyal_veterans"]
    return personas.call_list(veterans, _tables()[0], n=10).index.tolist()


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "How many of the 2,000 customers in the profile have an NPS answer (`nps_score` not missing)? "
            "A whole number of customers.",
            "画像表的 2,000 位客户中，有多少位有 NPS 评分（`nps_score` 不为空）？填整数（位）。",
        ),
        expected=lambda: int(_profile()["nps_score"].notna().sum()),
        rtol=0,
        atol=0,
        hints=[
            ("Missing is not zero: count the values that are present.", "缺失不等于零：数一数有值的客户。"),
            ("A column's `.notna()` marks the present values; sum it.", "列的 `.notna()` 标出有值的行，再求和。"),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Sum the profile up by sales region (`region`). What share of the last 12 months' revenue comes from "
            "East China? In %, rounded to 1 decimal; answers within 0.1 are accepted.",
            "按销售大区（`region`）汇总画像表。华东地区贡献了近 12 个月收入的多少？以 % 表示，保留 1 位小数；"
            "误差 0.1 以内算对。",
        ),
        expected=lambda: round(
            100 * float(personas.profile_by(_profile(), "region").loc["East China", "revenue_share"]), 1
        ),
        rtol=0,
        atol=0.1,
        hints=[
            ("The same summary as by customer type, with another column.", "与按客户类型汇总相同，只是换一列。"),
            (
                '`personas.profile_by(profile, "region")` has `revenue_share` (0-1) per region key.',
                '`personas.profile_by(profile, "region")` 中每个大区都有 `revenue_share`（0-1）。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            'Spot the error. A colleague says: "The silhouette is highest at k = 2, so Yunfeng should work with two '
            'personas." What is wrong with the claim? A) nothing, the highest silhouette always wins; '
            "B) k = 2 only splits customers who ordered in the last year from those who did not, which the team "
            "knows without a model: the criterion is a guide, the personas must also be usable and stable; "
            "C) the silhouette must be as low as possible; D) the inertia should be used alone.",
            "找错误。一位同事说：“k = 2 时轮廓系数最高，所以云峰只需要两类客户画像。”这句话错在哪里？"
            "A) 没错，轮廓系数最高者胜；B) k = 2 只是把近一年下过单和没下过单的客户分开，这一点不用模型也知道："
            "指标只是参考，画像还必须能用、稳定；C) 轮廓系数越低越好；D) 应该只看误差平方和。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Look at the two groups k = 2 makes: what separates them?", "看看 k = 2 分出的两组：它们的区别是什么？"),
            (
                "A criterion that confirms the obvious does not make a persona a sales team can act on.",
                "只证实显而易见之事的指标，并不能给销售团队可执行的画像。",
            ),
        ],
    ),
    IdsQuestion(
        "q4",
        prompt=(
            "List the five *Engaged major accounts* with the largest revenue in the last 12 months "
            "(customer ids, largest first).",
            "列出近 12 个月收入最高的五位“深度互动大客户”（客户编号，从高到低）。",
        ),
        expected=_top_engaged,
        ordered=True,
        hints=[
            (
                "Keep the rows of that persona, then take the largest revenues.",
                "先筛出该画像的客户，再取收入最高的几位。",
            ),
            (
                '`profile[profile["persona"] == "engaged_majors"].nlargest(5, "revenue").index`',
                '`profile[profile["persona"] == "engaged_majors"].nlargest(5, "revenue").index`',
            ),
        ],
    ),
    NumericQuestion(
        "q5",
        prompt=(
            "Predict, then check: run `personas.stability` with **k = 4** (seeds 1 to 5). What is the smallest "
            "adjusted Rand index? Rounded to 3 decimals; answers within 0.001 are accepted.",
            "先预测，再验证：用 **k = 4** 运行 `personas.stability`（种子 1 到 5）。最小的调整兰德指数是多少？"
            "保留 3 位小数；误差 0.001 以内算对。",
        ),
        expected=lambda: float(personas.stability(_features(), k=4, seeds=range(1, 6))["ari"].min()),
        rtol=0,
        atol=0.001,
        judgement=True,
        hints=[
            ("Same call as the lesson, with k changed.", "与课上相同的调用，只改 k。"),
            (
                "`personas.stability(z, k=4)` then the minimum of `ari`.",
                "`personas.stability(z, k=4)`，再取 `ari` 的最小值。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q6",
        prompt=(
            "Decide. With k = 4 about 220 customers change persona when only the seed changes; with k = 5 at most 8 "
            "do. Which do you present to the sales team? A) k = 4, fewer names are easier; B) k = 5, because its "
            "groups do not depend on the random start; C) either, the seed does not matter; D) k = 8, the inertia "
            "is lowest.",
            "做决定。k = 4 时，仅换一个随机种子就有约 220 位客户换了画像；k = 5 时最多 8 位。你向销售团队展示哪一个？"
            "A) k = 4，名字少更好记；B) k = 5，因为分组不依赖随机起点；C) 都行，种子无所谓；D) k = 8，误差平方和最低。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "A persona that moves when nobody changed the data is an artefact.",
                "数据没变、画像却变了，那是算法的偶然产物。",
            ),
            ("Compare the `moved` columns of the two stability tables.", "比较两张稳定性表的 `moved` 列。"),
        ],
    ),
    NumericQuestion(
        "q7",
        prompt=(
            "Fit the propensity model on the 2025-06-30 cut-off with only two features, "
            '`{"days_since": "log", "orders": "log"}`, and score the 2025-09-30 holdout. '
            "What is its AUC? Rounded to 3 decimals; answers within 0.001 are accepted.",
            '只用两个特征 `{"days_since": "log", "orders": "log"}`，在 2025年6月30日的截止点上拟合购买倾向模型，'
            "再对 2025年9月30日的时间外样本打分。AUC 是多少？保留 3 位小数；误差 0.001 以内算对。",
        ),
        expected=lambda: _holdout_auc({"days_since": "log", "orders": "log"}),
        rtol=0,
        atol=0.001,
        hints=[
            (
                "`personas.fit_propensity(train, features=...)`, then score the test table.",
                "`personas.fit_propensity(train, features=...)`，再给测试表打分。",
            ),
            (
                "Put the scores in a `propensity` column of the test table and call `personas.auc`.",
                "把得分放进测试表的 `propensity` 列，再调用 `personas.auc`。",
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Cut the lesson's holdout list (full model, cut-off 2025-09-30) into **4** groups instead of 10 "
            "(`groups=4`). What share of next quarter's buyers does the top quarter of the list reach? "
            "In %, rounded to 1 decimal; answers within 0.1 are accepted.",
            "把课上的时间外名单（完整模型，截止 2025年9月30日）分成 **4** 组而不是 10 组（`groups=4`）。"
            "名单前四分之一能覆盖下季度多少购买客户？以 % 表示，保留 1 位小数；误差 0.1 以内算对。",
        ),
        expected=lambda: round(100 * float(_gain(4).loc[1, "gain"]), 1),
        rtol=0,
        atol=0.1,
        hints=[
            ("`personas.gain_table(test, groups=4)`.", "`personas.gain_table(test, groups=4)`。"),
            ("Group 1 is the top quarter; `gain` is a share (0-1).", "第 1 组就是前四分之一；`gain` 是比例（0-1）。"),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Decide under a budget: the team can make 10 extra calls next week. The top 10 by propensity all ordered "
            "in the last two days (propensity above 0.99). Which list do you call? A) the top 10 by propensity: "
            "they are the surest buyers; B) the top 10 by expected revenue, and within a budget prefer customers "
            "whose order a call can still change; C) ten random customers; D) the silent accounts only.",
            "在预算内做决定：下周团队可以多打 10 个电话。按购买倾向排的前 10 位都在最近两天下过单（倾向高于 0.99）。"
            "你打给哪份名单？A) 按倾向排的前 10 位：他们最确定会买；B) 按预期收入排的前 10 位，并在预算内优先打给"
            "电话还能改变其下单的客户；C) 随机 10 位；D) 只打给静默客户。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("A customer who orders anyway gains nothing from the call.", "反正会下单的客户，打不打电话都一样。"),
            ("Weigh the chance of an order by its size: expected revenue.", "用订单大小给下单概率加权：即预期收入。"),
        ],
    ),
    IdsQuestion(
        "q10",
        prompt=(
            "The lesson's call list is full of customers who order anyway. Make the call list of the *Loyal "
            "veterans* only: score the customers at 2025-12-31 with the lesson's model, keep the rows whose persona "
            "is `loyal_veterans`, and list the 10 ids of `personas.call_list(..., n=10)` (expected revenue, best first).",
            "课上的致电名单里都是反正会下单的客户。请只为“忠实老客户”做一份名单：用课上的模型在 2025年12月31日打分，"
            "只保留画像为 `loyal_veterans` 的行，列出 `personas.call_list(..., n=10)` 的 10 个客户编号（按预期收入从高到低）。",
        ),
        expected=_veterans_call_list,
        ordered=True,
        hints=[
            (
                "The `now` table of the lesson already has the propensity; add the persona of each customer.",
                "课上的 `now` 表已有购买倾向；再给每位客户加上画像。",
            ),
            (
                '`now[profile["persona"].reindex(now.index) == "loyal_veterans"]`, then `personas.call_list(..., customers, n=10)`.',
                '`now[profile["persona"].reindex(now.index) == "loyal_veterans"]`，再调用 `personas.call_list(..., customers, n=10)`。',
            ),
        ],
    ),
]


@lru_cache(maxsize=2)
def _gain(groups: int = 10) -> pd.DataFrame:
    model = personas.fit_propensity(_propensity("2025-06-30"))
    test = _propensity("2025-09-30").copy()
    test["propensity"] = personas.score_propensity(model, test)
    return personas.gain_table(test, groups=groups)


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Before you look: how do the *Busy regulars* mostly reach Yunfeng's service desk? "
            "A) on-site service tickets; B) email; C) phone and WeChat, about equally; D) they hardly open tickets.",
            "先别看：“高频常客”主要通过什么渠道联系云峰的服务台？A) 上门服务工单；B) 电子邮件；"
            "C) 电话和微信，两者差不多；D) 他们几乎不开工单。",
        ),
        options="ABCD",
        expected="C",
        hints=[
            ("Think of a customer who orders every three weeks.", "想一想每三周下一次单的客户。"),
            (
                "The touchpoint table below shows tickets per customer by channel.",
                "下面的连接点表列出了每位客户按渠道的工单数。",
            ),
        ],
    ),
]
