"""Question bank of lesson 02, one-stop service, customer psychology and complaints (一站式服务、客户心理与投诉处理).

Every reference answer is computed with ``coursekit`` on the committed case data, exactly as in
``notebooks/02-service-and-psychology.ipynb`` and ``solutions/02-service-and-psychology.ipynb``.
``POLLS`` is the predict-then-reveal poll asked inside the lesson (not graded, not recorded).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

from coursekit import datasets, loyalty, service
from coursekit._validate import CourseKitDataNote
from coursekit.exercises import ChoiceQuestion, IdsQuestion, NumericQuestion

LESSON = "02-service-and-psychology"
TITLE = ("One-stop service, customer psychology and complaints", "一站式服务、客户心理与投诉处理")

END = datasets.OBSERVATION_END
#: The options of q7: ticket type -> letter.
Q7_OPTIONS = {"delivery delay": "A", "quality issue": "B", "invoice error": "C", "technical question": "D"}


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        return func(*args, **kwargs)


@lru_cache(maxsize=1)
def _tickets() -> pd.DataFrame:
    """The lesson's ticket table: tickets with their handling and the service flags."""
    return _quiet(service.ticket_table, datasets.load_tickets(), END, handling=datasets.load_ticket_handling())


@lru_cache(maxsize=1)
def _status() -> pd.DataFrame:
    return _quiet(loyalty.customer_status, datasets.load_orders(), END, order_col="order_id")


def _failed_three_active():
    failing = service.failed_customers(_tickets(), min_failed=3)
    return failing.index[_status().loc[failing.index, "status"].astype(str) == "active"]


QUESTIONS = [
    NumericQuestion(
        "q1",
        prompt=(
            "First-contact resolution (首次解决率) of the complaints (kind 'complaint') 2023-2025: the share solved "
            "in the first contact, in % rounded to one decimal (answers within 0.1 percentage points are accepted).",
            "2023-2025 年投诉工单（kind 为 'complaint'）的首次解决率：首次接触即解决的占比，以 % 表示，保留一位小数"
            "（误差 0.1 个百分点以内视为正确）。",
        ),
        expected=lambda: round(
            100 * service.one_stop_summary(_tickets(), by="kind").loc["complaint", "first_contact_rate"], 1
        ),
        atol=0.1,
        rtol=0,
        hints=[
            (
                "The ticket table holds the flags; one function summarises them by a column.",
                "工单表里已有各项标记，用一个函数按某一列汇总即可。",
            ),
            (
                'service.one_stop_summary(tickets, by="kind"), row "complaint", column first_contact_rate (0-1).',
                'service.one_stop_summary(tickets, by="kind") 的 "complaint" 行、first_contact_rate 列（0-1）。',
            ),
        ],
    ),
    NumericQuestion(
        "q2",
        prompt=(
            "Phone tickets (channel 'phone'): the share answered within the 4-hour standard of seed 003 "
            "(first answer in less than 4 hours), in % rounded to one decimal (within 0.1 percentage points).",
            "电话渠道（channel 为 'phone'）的工单中，符合种子材料 003 的 4 小时响应标准（首次响应少于 4 小时）的占比，"
            "以 % 表示，保留一位小数（误差 0.1 个百分点以内）。",
        ),
        expected=lambda: round(
            100
            * service.one_stop_summary(_tickets()[_tickets()["year"] == 2025], by="channel").loc[
                "phone", "on_time_rate"
            ],
            1,
        ),
        atol=0.1,
        rtol=0,
        hints=[
            (
                "Keep the tickets of 2025 (column year), then group by channel.",
                "先筛出 2025 年的工单（year 列），再按渠道分组。",
            ),
            (
                'one_stop_summary(tickets[tickets["year"] == 2025], by="channel"), row "phone", column on_time_rate.',
                'one_stop_summary(tickets[tickets["year"] == 2025], by="channel") 中 "phone" 行的 on_time_rate 列。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q3",
        prompt=(
            'Spot the error. A report says: "On-site visits take 12 hours to a first answer (median) and only 6 % '
            'meet the 4-hour standard: the on-site team is the slowest and needs training." What is wrong with the conclusion?',
            "找出错误。一份报告写道：“上门服务的首次响应中位数为 12 小时，只有 6% 达到 4 小时标准：上门团队最慢，需要培训。”"
            "这个结论错在哪里？",
        ),
        options="ABCD",
        expected="C",
        judgement=True,
        hints=[
            ("What does the first answer of an on-site visit consist of?", "上门服务的“首次响应”指的是什么？"),
            (
                "A standard made for phone, WeChat and email may not fit a visit.",
                "为电话、微信和邮件定的标准，未必适用于上门。",
            ),
        ],
    ),
    NumericQuestion(
        "q4",
        prompt=(
            "Predict, then check. Among the customers the service failed at least three times (three or more tickets "
            "reopened or escalated), what share is dormant or lost today (no order for more than 180 days, by "
            "loyalty.customer_status)? Write your prediction in the comment first. In % rounded to one decimal "
            "(within 0.1 percentage points).",
            "先预测再核对。在服务至少失败三次（三张及以上工单被重开或升级）的客户中，现在处于休眠或流失状态"
            "（按 loyalty.customer_status，超过 180 天未下单）的占比是多少？先在注释里写下你的预测。以 % 表示，"
            "保留一位小数（误差 0.1 个百分点以内）。",
        ),
        expected=lambda: round(
            100 * service.status_by_failures(_tickets(), status=_status(), min_failed=3).loc["failed_twice", "churned"],
            1,
        ),
        atol=0.1,
        rtol=0,
        judgement=True,
        hints=[
            (
                "The function of the lesson takes the number of failures as a parameter.",
                "课上用的函数可以设定失败次数。",
            ),
            (
                "service.status_by_failures(tickets, status=status, min_failed=3), row failed_twice, column churned.",
                "service.status_by_failures(tickets, status=status, min_failed=3) 的 failed_twice 行、churned 列。",
            ),
        ],
    ),
    IdsQuestion(
        "q5",
        prompt=(
            "The customers the service failed at least three times who are still active today: their customer ids "
            "(any order).",
            "服务至少失败三次、目前仍为活跃状态的客户：列出客户编号（顺序不限）。",
        ),
        expected=_failed_three_active,
        ordered=False,
        hints=[
            ("failed_customers takes the number of failures as a parameter.", "failed_customers 可以设定失败次数。"),
            (
                'service.failed_customers(tickets, min_failed=3), then keep those whose status is "active".',
                'service.failed_customers(tickets, min_failed=3)，再保留 status 为 "active" 的客户。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q6",
        prompt=(
            "Decide under a budget. The service manager can make 10 recovery calls this week to customers the "
            "service failed at least twice. Which 10?",
            "在预算内做决定。服务经理本周只能给服务至少失败两次的客户打 10 个挽回电话。打给哪 10 位？",
        ),
        options="ABCD",
        expected="B",
        judgement=True,
        hints=[
            ("Who can still be kept, and whose pain is fresh?", "谁还留得住？谁的不满还是新鲜的？"),
            (
                "A lost customer left more than a year ago; an active one with a failure last week is still buying.",
                "流失客户一年多前就走了；上周刚遭遇失败的活跃客户还在下单。",
            ),
        ],
    ),
    ChoiceQuestion(
        "q7",
        prompt=(
            "Which ticket type has the highest complaint rate (share of its tickets filed as complaints)?",
            "哪一类工单的投诉率（被客户作为投诉提交的工单占比）最高？",
        ),
        options="ABCD",
        expected=lambda: Q7_OPTIONS[service.complaint_causes(_tickets())["complaint_rate"].idxmax()],
        hints=[
            ("One function gives complaints per ticket type.", "一个函数即可给出各类工单的投诉情况。"),
            (
                "service.complaint_causes(tickets), column complaint_rate.",
                "service.complaint_causes(tickets) 的 complaint_rate 列。",
            ),
        ],
    ),
    NumericQuestion(
        "q8",
        prompt=(
            "Complaints opened in 2025: the median time to close (opening to final closure, closed tickets only), "
            "in hours rounded to one decimal (within 0.1 hours).",
            "2025 年提交的投诉：关闭时长的中位数（从提交到最终关闭，仅计已关闭工单），单位小时，保留一位小数（误差 0.1 小时以内）。",
        ),
        expected=lambda: round(
            service.handling_quality(_tickets()[_tickets()["kind"] == "complaint"], by="year").loc[
                2025, "close_median"
            ],
            1,
        ),
        atol=0.1,
        rtol=0,
        hints=[
            ("Keep the complaints, then group by year.", "先筛出投诉，再按年份分组。"),
            (
                'handling_quality(tickets[tickets["kind"] == "complaint"], by="year"), row 2025, column close_median.',
                'handling_quality(tickets[tickets["kind"] == "complaint"], by="year") 的 2025 行、close_median 列。',
            ),
        ],
    ),
    ChoiceQuestion(
        "q9",
        prompt=(
            'Spot the error. An agent logged a complaint: "Customer called about a late delivery. I explained that the '
            'carrier was late, offered 10 % off the next order and closed the ticket." Which of the four steps did the '
            'agent skip? Give all that apply, e.g. {"A", "B"}.',
            "找出错误。一位客服这样记录一单投诉：“客户来电反映交货延迟。我解释了是物流公司的延误，给了下一单 9 折，并关闭了工单。”"
            '这位客服跳过了四个步骤中的哪几个？写出所有适用项，例如 {"A", "B"}。',
        ),
        options="ABCD",
        expected={"A", "B", "D"},
        judgement=True,
        hints=[
            (
                "A: let the customer vent; B: record the key points and judge; C: propose; D: follow up.",
                "A：让客户发泄；B：记录要点并判断；C：提出方案；D：跟踪服务。",
            ),
            (
                "Explaining is not listening, and closing is not following up.",
                "解释不等于倾听，关闭工单不等于跟踪服务。",
            ),
        ],
    ),
]

POLLS = [
    ChoiceQuestion(
        "p1",
        prompt=(
            "Of the other customers with tickets, about 35 % are dormant or lost today. What about the 242 customers "
            "the service failed at least twice?",
            "在其他有工单的客户中，约 35% 目前处于休眠或流失状态。服务至少失败两次的 242 位客户呢？",
        ),
        options="ABCD",
        expected="C",
        hints=[
            ("Failures cluster before a leaver's last order.", "服务失败集中出现在流失客户最后一次下单之前。"),
            ("About 53 %: nearly 20 percentage points more.", "约 53%：高出近 20 个百分点。"),
        ],
    ),
]
