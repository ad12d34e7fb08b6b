"""Question bank of lesson 05, voice of the customer (客户声音管理, VOC).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/05-voice-of-customer.ipynb`` and ``solutions/05-voice-of-customer.ipynb``. ``POLLS`` are
the predict-then-reveal polls asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from coursekit import datasets, voc
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion, SeriesQuestion

LESSON = "05-voice-of-customer"
TITLE = ("Voice of the customer", "客户声音管理")

END = datasets.OBSERVATION_END


@lru_cache(maxsize=1)
def _feedback() -> pd.DataFrame:
    return datasets.load_feedback()


@lru_cache(maxsize=1)
def _holdout() -> pd.DataFrame:
    return datasets.load_feedback_holdout().set_index("remark_id")


@lru_cache(maxsize=1)
def _holdout_accuracy() -> pd.DataFrame:
    return voc.tagging_accuracy(voc.tag_remarks(_holdout()), _holdout())


def _passive_share() -> float:
    """Percent of the remarks that customers raised themselves (tickets and WeChat), 1 decimal."""
    return round(100 * float(_feedback()["source"].isin(["ticket", "WeChat"]).mean()), 1)


def _negative_share(theme: str, source: str) -> float:
    feedback = _feedback()
    needs = voc.needs_table(feedback[feedback["source"] == source])
    return round(100 * float(needs.loc[theme, "negative_share"]), 1)


def _ctq(theme: str, end: str) -> float:
    """The first CTQ of ``theme`` (keys, so that both editions get the same answer), measured up to ``end``."""
    tree = voc.ctq_tree(datasets.load_tickets(), end, orders=datasets.load_orders())
    return round(float(tree.loc[tree["theme"] == theme, "measured"].iloc[0]), 2)


def _level_1_december() -> list:
    feedback = _feedback()
    december = feedback[feedback["date"] >= "2025-12-01"]
    levels = voc.response_levels(december, voc.tag_remarks(december))
    return sorted(levels.loc[levels["level"] == "level_1", "customer_id"].unique())


POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "The lexicon tags 99.8 % of the generated remarks with the human theme. On 184 remarks written by "
            "hand, what share will it get right?",
            "词典对生成的客户反馈有 99.8 % 的主题与人工标签一致。在 184 条手写的反馈上，它能对多少？",
        ),
        options="ABCD",
        expected="C",
        hints=[
            ("How were the generated remarks made?", "生成的反馈是怎么来的？"),
            (
                "From about 150 templates: the lexicon was written from the same words.",
                "来自约 150 个模板：词典就是按这些词写的。",
            ),
        ],
    ),
    ChoiceQuestion(
        "p2",
        prompt=(
            "Kano: 'accurate invoices'. Most customers answer 'I am neutral' if offered and 'I dislike it' if not. "
            "Which category?",
            "KANO：“发票准确无误”。多数客户回答：提供时“无所谓”，不提供时“不喜欢”。属于哪一类？",
        ),
        options="ABCD",
        expected="B",
        hints=[
            (
                "Look the pair up in the evaluation table: row neutral, column dislike.",
                "在评价表中查：行“无所谓”，列“不喜欢”。",
            ),
            (
                "Customers do not thank you for it, but complain when it is missing.",
                "有了客户不会感谢，没有了客户会抱怨。",
            ),
        ],
    ),
]

QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "Share of the 2,234 remarks in feedback that customers raised themselves (source ticket or WeChat), "
            "in %, rounded to 1 decimal; answers within 0.1 are accepted.",
            "feedback 的 2,234 条反馈中，客户主动提出的（来源为工单或微信）占多少？单位 %，保留 1 位小数；误差 0.1 以内算对。",
        ),
        expected=_passive_share,
        atol=0.11,
        hints=[
            ("The column source says where a remark was recorded.", "source 列记录反馈的来源。"),
            (
                'Use feedback["source"].isin([...]).mean() and multiply by 100.',
                '用 feedback["source"].isin([...]).mean() 再乘以 100。',
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Human tags, remarks noted on sales visits only (source 'sales visit'): what share of the price remarks "
            "is negative? In %, rounded to 1 decimal; answers within 0.1 are accepted.",
            "按人工标签，只看销售拜访时记录的反馈（来源为 sales visit）：价格类反馈中负面的占多少？单位 %，保留 1 位小数；误差 0.1 以内算对。",
        ),
        expected=lambda: _negative_share("price", "sales visit"),
        atol=0.11,
        hints=[
            (
                "Select the remarks of source 'sales visit' first; the needs table has one row per theme.",
                "先筛出来源为 sales visit 的反馈；需求表每个主题一行。",
            ),
            (
                "voc.needs_table(feedback), column negative_share (0-1).",
                "voc.needs_table(feedback) 的 negative_share 列（0-1）。",
            ),
        ],
    ),
    NumericQuestion(
        "q3",
        prompt=(
            "Default lexicon, hand-written remarks: the theme accuracy on the Chinese remarks only, in %, rounded "
            "to 1 decimal; answers within 0.1 are accepted.",
            "默认词典、手写反馈：只看中文反馈的主题准确率，单位 %，保留 1 位小数；误差 0.1 以内算对。",
        ),
        expected=lambda: round(100 * float(_holdout_accuracy().loc["zh", "theme_accuracy"]), 1),
        atol=0.11,
        hints=[
            ("tagging_accuracy splits by language by default.", "tagging_accuracy 默认按语言拆分。"),
            ('Read the row "zh", column theme_accuracy.', "看 zh 行、theme_accuracy 列。"),
        ],
    ),
    ChoiceQuestion(
        "q4",
        prompt=(
            "Spot the error. A colleague writes: 'Our tagger is 99.8 % accurate (tested on feedback.csv), so we can "
            "stop reading remarks by hand.' What is wrong? A: nothing; B: the test remarks come from the templates "
            "the lexicon was written from, so the number says nothing about real remarks; C: 99.8 % is too low; "
            "D: accuracy must be computed per customer.",
            "找错误。同事写道：“我们的标签器准确率 99.8 %（在 feedback.csv 上测试），可以不再人工读反馈了。”"
            "错在哪？A：没错；B：测试用的反馈来自写词典时参照的模板，这个数字说明不了真实反馈；C：99.8 % 太低；"
            "D：准确率必须按客户计算。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Where do the remarks of feedback.csv come from?", "feedback.csv 的反馈是怎么来的？"),
            ("Compare with the accuracy on the hand-written remarks.", "与手写反馈上的准确率比较。"),
        ],
    ),
    ChoiceQuestion(
        "q5",
        prompt=(
            "Kano: functional 'I can live with it', dysfunctional 'I dislike it'. Which category? A: attractive; "
            "B: one-dimensional; C: must-be; D: indifferent.",
            "KANO：提供时“能忍受”，不提供时“不喜欢”。属于哪一类？A：魅力属性；B：期望属性；C：必备属性；D：无差异属性。",
        ),
        options="ABCD",
        expected={"attractive": "A", "one_dimensional": "B", "must_be": "C", "indifferent": "D"}[
            voc.kano_category("live-with", "dislike")
        ],
        hints=[
            ("Row live-with, column dislike of the evaluation table.", "评价表中“能忍受”行、“不喜欢”列。"),
            ('Or run voc.kano_category("live-with", "dislike").', '或运行 voc.kano_category("live-with", "dislike")。'),
        ],
    ),
    SeriesQuestion(
        "q6",
        prompt=(
            "The worse coefficient of every feature of the Kano survey (a Series indexed by feature, from -1 to 0); "
            "answers within 0.001 are accepted.",
            "KANO 问卷每个功能的 worse 系数（按功能索引的 Series，取值 -1 到 0）；误差 0.001 以内算对。",
        ),
        expected=lambda: voc.kano_summary(datasets.load_kano())["worse"],
        atol=0.001,
        hints=[
            ("kano_summary gives one row per feature.", "kano_summary 每个功能一行。"),
            ('Select its column "worse".', '取其 "worse" 列。'),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            "Decide under a budget. Next quarter Yunfeng can fund one project. A: on-site vending machines "
            "(attractive, better 0.62); B: invoice accuracy, which today misses its CTQ spec (must-be, worse -0.84); "
            "C: branded packaging (indifferent); D: loyalty points (indifferent). Which first?",
            "预算有限时的决策。下季度只能做一个项目。A：现场工业品自动售货机（魅力属性，better 0.62）；"
            "B：发票准确无误，目前未达 CTQ 规格（必备属性，worse -0.84）；C：品牌定制包装（无差异）；D：积分奖励（无差异）。先做哪个？",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "What happens to satisfaction when a must-be is missing, and when an attractive one is?",
                "缺了必备属性会怎样？缺了魅力属性又会怎样？",
            ),
            ("Fix what hurts first (worse), then delight (better).", "先消除不满（worse），再创造惊喜（better）。"),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "CTQ tree of the year before, 2024: delivery-delay tickets per 100 sale orders (ctq_tree with end "
            "2024-12-31, 365 days), rounded to 2 decimals; answers within 0.01 are accepted.",
            "上一年（2024 年）的 CTQ 树：每百张销售订单的交货延迟工单数（ctq_tree，截止 2024-12-31，365 天），保留 2 位小数；误差 0.01 以内算对。",
        ),
        expected=lambda: _ctq("delivery", "2024-12-31"),
        atol=0.011,
        hints=[
            (
                "voc.ctq_tree(tickets, END, orders=orders) has a column measured.",
                "voc.ctq_tree(tickets, END, orders=orders) 有 measured 列。",
            ),
            ("Take the first row (theme delivery).", "取第一行（主题为物流配送）。"),
        ],
    ),
    IdsQuestion(
        "q9",
        prompt=(
            "Remarks of December 2025 (date from 2025-12-01), tagged by the lexicon: which customers have a level-1 "
            "voice (act today)? A list of customer ids.",
            "2025年12月的反馈（日期自 2025-12-01 起），用词典打标签：哪些客户有一级声音（当天处理）？给出客户编号列表。",
        ),
        expected=_level_1_december,
        ordered=False,
        hints=[
            (
                "Select the December remarks, tag them, then voc.response_levels(remarks, tagged).",
                "先筛出 12 月的反馈并打标签，再用 voc.response_levels(remarks, tagged)。",
            ),
            (
                'Keep the rows with level == "level_1" and take customer_id.',
                '保留 level == "level_1" 的行，取 customer_id。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q10",
        prompt=(
            "Predict, then judge. You read the 91 hand-written remarks the tagger got wrong, add their words to the "
            "lexicon and tag the same 184 remarks again: accuracy rises to about 80 %. What do you report to your "
            "manager? A: 80 %; B: still about 50 % for new remarks, until the lexicon is tested on remarks nobody has "
            "read; C: 99.8 %; D: 100 %.",
            "先预测，再判断。你读了标签器判错的 91 条手写反馈，把其中的词加进词典，再给这 184 条反馈打标签："
            "准确率升到约 80 %。向经理汇报多少？A：80 %；B：对新反馈仍约 50 %，直到在没人读过的反馈上检验；C：99.8 %；D：100 %。",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            (
                "Were the 184 remarks still unseen when you measured the second time?",
                "第二次测量时，这 184 条反馈还是“没见过的”吗？",
            ),
            ("Tuning on the test set makes it a training set.", "在测试集上调参，它就成了训练集。"),
        ],
    ),
]
