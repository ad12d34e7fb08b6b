"""Question bank of lesson 04, managing customer satisfaction (客户满意度).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/04-satisfaction.ipynb`` and ``solutions/04-satisfaction.ipynb``. ``POLLS`` are the two
predict-then-reveal polls asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import datasets, satisfaction
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "04-satisfaction"
TITLE = ("Managing customer satisfaction", "客户满意度管理")

END = datasets.OBSERVATION_END


@lru_cache(maxsize=1)
def _survey() -> pd.DataFrame:
    return satisfaction.survey_table(datasets.load_survey(), datasets.load_customers())


@lru_cache(maxsize=1)
def _signals() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return satisfaction.customer_signals(
            datasets.load_survey(),
            datasets.load_orders(),
            END,
            tickets=datasets.load_tickets(),
            referrals=datasets.load_referrals(),
        )


def _wave(year: int) -> pd.DataFrame:
    survey = _survey()
    return survey[survey["year"] == year]


def _key_detractors() -> list:
    s = _signals()
    return s.index[s["key_account"] & (s["nps_group"] == "detractor") & (s["status"] == "active")].tolist()


def _stated_concentrate() -> list:
    drivers = satisfaction.key_drivers(datasets.load_survey(), importance="stated")
    return drivers.index[drivers["quadrant"] == "concentrate"].tolist()


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Yunfeng's NPS was -9.9 in the June 2023 wave (222 answers) and -8.0 in June 2025 (423 answers). "
            "What can the service director say?",
            "云峰 2023年6月一轮的 NPS 为 -9.9（222 份回答），2025年6月为 -8.0（423 份回答）。服务总监能得出什么结论？",
        ),
        options="ABC",
        expected="B",
        hints=[
            ("How wide is the interval of a survey of 200-400 answers?", "200-400 份回答的调查，置信区间有多宽？"),
            (
                "Compare the change (1.9 points) with the margins (about 7-10 points).",
                "把变化（1.9 分）与误差范围（约 7-10 分）比较。",
            ),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Of the surveyed customers whose latest answer was a 9 or 10 (promoters), what share has stopped "
            "ordering (no order for more than 180 days at 2025-12-31)?",
            "最近一次回答为 9 或 10 分（推荐者）的受访客户中，有多大比例已停止下单（截至2025年12月31日超过 180 天没有订单）？",
        ),
        options="ABCD",
        expected="C",
        hints=[
            (
                "Promoters say they would recommend Yunfeng; do they all keep buying?",
                "推荐者说会推荐云峰，他们都还在买吗？",
            ),
            ("The case data plant a satisfaction trap.", "案例数据里埋了一个满意陷阱。"),
        ],
    ),
]

QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "NPS of the LARGE customers (size 'large', 500+ employees) in the June 2025 wave: % promoters (9-10) "
            "minus % detractors (0-6) among their answers, in points, rounded to 1 decimal (answers within 0.05 "
            "points are accepted).",
            "2025年6月一轮中大型客户（size 为 'large'，500 人以上）的 NPS：其回答中推荐者（9-10 分）占比减去贬损者"
            "（0-6 分）占比，单位为分，保留 1 位小数（误差 0.05 分以内算对）。",
        ),
        expected=lambda: round(satisfaction.nps(_wave(2025).query("size == 'large'")), 1),
        atol=0.05,
        hints=[
            ("Group the survey table by size and year with nps_by.", "用 nps_by 按 size 和 year 分组。"),
            ('Read the row ("large", 2025), column "nps".', '读取 ("large", 2025) 行的 "nps" 列。'),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Margin of error of the NPS of ALL 999 answers (2023-25) at 90 % confidence (half the width of the "
            "interval, points; method: variance of the promoter-minus-detractor difference), rounded to 1 "
            "decimal (within 0.05).",
            "全部 999 份回答（2023-25 年）的 NPS 在 90% 置信水平下的误差范围（区间宽度的一半，单位为分；方法：推荐者减"
            "贬损者之差的方差），保留 1 位小数（误差 0.05 以内）。",
        ),
        expected=lambda: round(float(satisfaction.nps_interval(_survey(), level=0.9)["margin"]), 1),
        atol=0.05,
        hints=[
            (
                "satisfaction.nps_interval returns the interval and its margin.",
                "satisfaction.nps_interval 返回区间及误差范围。",
            ),
            ('Pass level=0.9 and read the "margin" entry.', '传入 level=0.9，读取 "margin" 一项。'),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            "Spot the error. A regional report says: 'Channel partners' NPS collapsed from 3.7 (2023) to -18.4 "
            "(2025); their account managers must be replaced.' Which is the best reply? A: agreed, a fall of 22 "
            "points is a collapse; B: with 27 and 49 answers the two intervals overlap widely: the change may be "
            "noise, so look at the answers and behaviour before judging people; C: NPS cannot be compared "
            "between years; D: channel partners should not be surveyed.",
            "找错误。一份区域报告写道：“渠道商的 NPS 从 3.7（2023 年）暴跌到 -18.4（2025 年），必须更换他们的客户经理。”"
            "最好的回应是哪一项？A：同意，下降 22 分就是暴跌；B：两年分别只有 27 和 49 份回答，两个区间大幅重叠，"
            "变化可能只是抽样误差，先看具体回答和客户行为再评判人；C：不同年份的 NPS 不能比较；D：不应调查渠道商。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "Run nps_by on customer type and year and read low and high.",
                "按客户类型和年份运行 nps_by，读 low 与 high。",
            ),
            ("Do the 2023 and 2025 intervals of channel partners overlap?", "渠道商 2023 与 2025 年的区间是否重叠？"),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "CSI with equal weights (each of the six attributes 1/6): 0-100, rounded to 1 decimal (within 0.05).",
            "等权重的 CSI（六个指标各占 1/6）：0-100，保留 1 位小数（误差 0.05 以内）。",
        ),
        expected=lambda: round(satisfaction.csi(datasets.load_survey(), "equal"), 1),
        atol=0.05,
        hints=[
            ("satisfaction.csi takes the weights as its second argument.", "satisfaction.csi 的第二个参数是权重。"),
            ('The method name for equal weights is "equal".', '等权重的方法名是 "equal"。'),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "Place the attributes with STATED importance instead of derived importance "
            '(key_drivers(..., importance="stated")). Which attributes fall in "Concentrate here"? Give the '
            'attribute keys, e.g. ["delivery"].',
            '改用自述重要性（而非推导重要性）给指标定位（key_drivers(..., importance="stated")）。哪些指标落在'
            '“重点改进”格？请给出指标的键，例如 ["delivery"]。',
        ),
        expected=_stated_concentrate,
        ordered=False,
        hints=[
            (
                "Compute the key drivers with importance='stated' and read the quadrant column.",
                "用 importance='stated' 计算关键驱动因素，看 quadrant 列。",
            ),
            (
                'Keep the rows whose quadrant is "concentrate"; their index is the answer.',
                '保留 quadrant 为 "concentrate" 的行，其索引就是答案。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q6",
        prompt=(
            "Decide under a budget: Yunfeng can fund ONE improvement programme next year. Customers state that "
            "price matters almost as much as quality, and price has the largest expectation gap. Which programme "
            "raises overall satisfaction most? A: a general 3 % price cut; B: delivery reliability (on-time "
            "delivery); C: easier online ordering; D: more technical support staff.",
            "预算内决策：云峰明年只能资助一个改进项目。客户自述价格几乎与质量一样重要，且价格的期望差距最大。"
            "哪个项目最能提升总体满意度？A：全面降价 3%；B：交货可靠性（准时交货）；C：更方便的在线下单；D：增加技术支持人员。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "What customers say and what moves their satisfaction can differ.",
                "客户说的和真正影响满意度的可能不同。",
            ),
            (
                "Compare derived importance and the matrix cell of price and delivery.",
                "比较价格与交货的推导重要性和矩阵位置。",
            ),
        ],
    ),
    NumericQuestion(
        "q7",
        prompt=(
            "The satisfaction trap, for the middle group: among the surveyed customers whose LATEST answer is a "
            "passive (7-8), the % that have left (dormant or lost at 2025-12-31), rounded to 1 decimal (within 0.05).",
            "满意陷阱，看中间组：最近一次回答为被动者（7-8 分）的受访客户中，截至2025年12月31日已离开（休眠或流失）的"
            "百分比，保留 1 位小数（误差 0.05 以内）。",
        ),
        expected=lambda: round(100 * float(_signals().query("nps_group == 'passive'")["left"].mean()), 1),
        atol=0.05,
        hints=[
            ("signal_summary gives left_pct per NPS group.", "signal_summary 按 NPS 分组给出 left_pct。"),
            ('Read the row "passive", column "left_pct".', '读取 "passive" 行的 "left_pct" 列。'),
        ],
    ),
    IdsQuestion(
        "q8",
        prompt=(
            "Key accounts at risk of a quiet exit: the key accounts (top 5 % by net revenue) whose latest answer "
            "is a detractor (0-6) and whose status is still active. Give their customer ids (any order).",
            "可能悄悄离开的重点客户：最近一次回答为贬损者（0-6 分）且状态仍为活跃的重点客户（按净收入前 5%）。"
            "请给出客户编号（顺序不限）。",
        ),
        expected=_key_detractors,
        ordered=False,
        hints=[
            (
                "Filter the signals on key_account, nps_group and status.",
                "在 signals 表上按 key_account、nps_group 和 status 筛选。",
            ),
            (
                'Combine three conditions with &: key_account, nps_group == "detractor", status == "active".',
                '用 & 组合三个条件：key_account、nps_group == "detractor"、status == "active"。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            "Spot the error. A colleague reports: 'NPS 2025 = 23.4 % promoters - 45.2 % passives = -21.8.' "
            "What went wrong? A: passives were subtracted instead of detractors (the right NPS is -8.0); B: NPS "
            "is the mean score times 10; C: promoters are 8-10, not 9-10; D: nothing, the figure is right.",
            "找错误。一位同事报告：“2025 年 NPS = 推荐者 23.4% − 被动者 45.2% = −21.8。”错在哪里？A：减去的是被动者而不是"
            "贬损者（正确的 NPS 是 −8.0）；B：NPS 是平均分乘以 10；C：推荐者是 8-10 分，不是 9-10 分；D：没有错。",
        ),
        options="ABCD",
        expected="A",
        judgement=True,
        hints=[
            (
                "NPS = % promoters - % detractors; passives count only in the denominator.",
                "NPS = 推荐者占比 − 贬损者占比；被动者只计入分母。",
            ),
            ("Check the detractors_pct of 2025 in nps_by.", "查看 nps_by 中 2025 年的 detractors_pct。"),
        ],
    ),
]
