"""Data dictionary of the extension tables added for lessons 01-13 (issue 7).

Each extension table is either keyed by the id of a core table (``ticket_handling``
by ``ticket_id``, ``credit_grades`` by ``application_id``, ``trust`` by
``customer_id``) or is a new table of dated events. The generator draws every one
of them from its own random stream, so the ten core CSVs are unchanged.
``feedback_holdout`` is the exception: it is written by hand, not generated.

Missing means missing: an empty cell (NaN / NaT / <NA>) is a fact that was not
recorded or does not exist, never a zero.
"""
from __future__ import annotations

from ._dictionary import _CUST, FUNNEL_STAGES, REGIONS

#: Excuses recorded by collectors (seed 001, 常见的客户十大付款借口): key -> (English, Chinese).
PAYMENT_EXCUSES = {
    "customer_not_paid_us": ("My own customer has not paid me yet", "我的客户没给我钱，我暂时没办法给你钱"),
    "old_friends_later": ("We know each other so well, let's settle it later", "我们都这么熟了，过段时间再说吧"),
    "not_received_invoice": ("We never received the invoice (fapiao)", "没收到发票"),
    "invoice_error": ("The invoice is wrong and must be reissued", "发票开错了，要重开"),
    "boss_away": ("The boss is away, nobody can sign", "老板出差了，没人签字"),
    "in_approval": ("Payment is still going through approval", "付款还在走审批流程"),
    "cash_flow_tight": ("Cash is tight at the moment", "最近资金紧张"),
    "quality_dispute": ("There is a problem with the goods, we hold the payment", "货有问题，款先压着"),
    "already_paid": ("We have already paid (no payment found)", "已经付过了"),
    "fixed_payment_day": ("We only pay on our fixed monthly payment day", "我们每月固定日期付款"),
}
#: Engagement signals (future, social value and loyalty behaviours): key -> (English, Chinese).
ENGAGEMENT_SIGNALS = {
    "suggestion": ("Suggestion made", "提出建议"),
    "co_development": ("Joint innovation / co-development project", "联合创新 / 共同开发项目"),
    "resource_sharing": ("Resource sharing", "资源共享"),
    "event_participation": ("Event participation", "参加活动"),
    "public_recommendation": ("Public recommendation", "公开推荐"),
    "brand_defence": ("Public defence of the brand", "维护品牌形象"),
}
#: Kinds of customer visit: key -> (English, Chinese).
VISIT_KINDS = {"routine": ("Routine visit", "例行拜访"), "key-account": ("Key-account visit", "大客户拜访"),
               "executive": ("Executive visit", "高层拜访")}
#: Reasons for overriding the scorecard grade: key -> (direction, kind, English, Chinese).
#: ``commercial`` reasons rest on the relationship, ``evidence`` reasons on new facts.
CREDIT_OVERRIDE_REASONS = {
    "strategic_customer": ("up", "commercial", "Strategic customer for sales", "战略客户（销售要求）"),
    "long_relationship": ("up", "commercial", "Long relationship", "合作多年"),
    "new_collateral": ("up", "evidence", "New collateral pledged", "新增抵押担保"),
    "parent_guarantee": ("up", "evidence", "Parent company guarantee", "母公司担保"),
    "audited_accounts": ("up", "evidence", "Audited accounts better than declared", "审计报表优于申报"),
    "recent_late_payments": ("down", "evidence", "Recent late payments", "近期付款逾期"),
    "legal_dispute": ("down", "evidence", "Legal dispute", "涉诉"),
    "industry_downturn": ("down", "evidence", "Industry downturn", "行业下行"),
    "management_change": ("down", "evidence", "Change of management", "管理层变动"),
}
#: Credit grades of Yunfeng's scorecard, best first, with the 12-month default probability band.
CREDIT_GRADES = {"A": "PD < 2 %", "B": "2-5 %", "C": "5-10 %", "D": "10-20 %", "E": ">= 20 %"}
#: Cost-to-serve activities in ``cost_rates.csv`` and what their ``variant`` column holds.
COST_ACTIVITIES = {
    "order_line": "all", "delivery": "sales region of the customer", "return_line": "all",
    "ticket": "ticket_type", "ticket_escalation": "all", "visit": "visit kind",
    "account_management": "customer tier (strategic / value / potential / ordinary)",
}
TICKET_TYPES = ("delivery delay", "quality issue", "invoice error", "technical question", "return request",
                "order change")
FEEDBACK_THEMES = ("delivery", "quality", "price", "service", "product range", "invoicing", "ordering", "praise")
TIERS = ("strategic", "value", "potential", "ordinary")

_HAND = "written by hand (not generated)"

EXTENSION_DICTIONARY: dict[str, dict] = {
    "ticket_handling": {
        "title": "Ticket handling", "title_zh": "工单处理过程",
        "description": "One row per service ticket (same ticket_id as tickets.csv): how it was handled.",
        "key": ["ticket_id"],
        "columns": {
            "ticket_id": ("str", "", "Ticket id (key; tickets.ticket_id)"),
            "handoffs": ("int", "count", "How many times the ticket changed hands (0 = one person solved it: one-stop service)"),
            "reopened": ("bool", "", "True when the customer reopened the ticket after it was closed"),
            "escalated": ("bool", "", "True when the ticket was escalated to a manager or specialist"),
            "closed_at": ("datetime", "", "Final closure (after any reopening); empty when still open at 2025-12-31"),
        },
    },
    "opportunity_stages": {
        "title": "Opportunity stage history", "title_zh": "商机阶段记录",
        "description": "One row per opportunity and funnel stage it entered, in stage order.",
        "key": ["opportunity_id", "stage"],
        "columns": {
            "opportunity_id": ("str", "", "Opportunity id (opportunities.opportunity_id)"),
            "stage": ("str", "", "Funnel stage (key of FUNNEL_STAGES): " + ", ".join(FUNNEL_STAGES)),
            "entered_date": ("date", "", "Date the opportunity entered the stage; the first stage on created_date"),
            "exited_date": ("date", "", "Date it left the stage (moved on, was lost or closed there); empty when "
                                        "still in the stage at 2025-12-31 or lost for no response at the end"),
        },
    },
    "cost_rates": {
        "title": "Cost-to-serve rates", "title_zh": "服务成本费率",
        "description": "One row per activity and variant: Yunfeng's 2025 activity-based cost rate in CNY.",
        "key": ["activity", "variant"],
        "columns": {
            "activity": ("str", "", "order_line, delivery, return_line, ticket, ticket_escalation, visit, "
                                    "account_management"),
            "variant": ("str", "", "'all', or the region (delivery), ticket_type (ticket), visit kind (visit) "
                                   "or tier (account_management)"),
            "unit": ("str", "", "What one rate pays for, e.g. 'per delivery (one sales order)', 'per account per year'"),
            "rate_cny": ("float", "CNY", "Cost of one unit"),
            "basis": ("str", "", "What the rate covers"),
        },
    },
    "visits": {
        "title": "Customer visits", "title_zh": "客户拜访",
        "description": "One row per visit of Yunfeng staff to a customer.",
        "key": ["visit_id"],
        "columns": {
            "visit_id": ("str", "", "Visit id 'V00001'... (key)"),
            "customer_id": _CUST,
            "date": ("date", "", "Date of the visit"),
            "kind": ("str", "", "routine (account manager), key-account (account team), executive (Yunfeng management)"),
            "account_manager": ("str", "", "Account manager of the customer"),
        },
    },
    "engagement": {
        "title": "Engagement signals", "title_zh": "客户参与行为",
        "description": "One row per dated engagement event of a customer (future, social and loyalty value).",
        "key": ["event_id"],
        "columns": {
            "event_id": ("str", "", "Event id 'E00001'... (key)"),
            "customer_id": _CUST,
            "date": ("date", "", "Date of the event"),
            "signal": ("str", "", "suggestion, co_development (joint innovation project), resource_sharing, "
                                  "event_participation, public_recommendation, brand_defence"),
        },
    },
    "trust": {
        "title": "Trust facts", "title_zh": "信任指标",
        "description": "One row per customer: framework contract and share of wallet where known.",
        "key": ["customer_id"],
        "columns": {
            "customer_id": _CUST,
            "contract_months": ("Int64", "months", "Length of the framework agreement (12, 24 or 36); "
                                                   "empty = no framework agreement (spot buyer), not zero"),
            "share_of_wallet_pct": ("float", "%", "Share of the customer's MRO spend that goes to Yunfeng; "
                                                  "empty where unknown (about 55 % of customers), not zero"),
            "wallet_source": ("str", "", "Where the share of wallet comes from: survey, account manager; "
                                         "empty where unknown"),
        },
    },
    "credit_grades": {
        "title": "Credit grades and overrides", "title_zh": "信用等级与调整",
        "description": "One row per credit application: the scorecard grade and any later manual override.",
        "key": ["application_id"],
        "columns": {
            "application_id": ("str", "", "Application id (key; credit.application_id)"),
            "model_grade": ("str", "", "Grade of Yunfeng's scorecard, A (best) to E"),
            "final_grade": ("str", "", "Grade after any override (equals model_grade when not overridden)"),
            "override_reason": ("str", "", "Why the grade was changed; empty when not overridden (see "
                                           "CREDIT_OVERRIDE_REASONS)"),
            "override_date": ("date", "", "Date of the override; empty when not overridden"),
            "approved_by": ("str", "", "credit manager, sales director or CFO; empty when not overridden"),
        },
    },
    "payment_excuses": {
        "title": "Collection contacts and excuses", "title_zh": "催款记录与付款借口",
        "description": "One row per collector contact about an overdue invoice, with the excuse given.",
        "key": ["contact_id"],
        "columns": {
            "contact_id": ("str", "", "Contact id 'K000001'... (key)"),
            "invoice_id": ("str", "", "Overdue invoice (receivables.invoice_id)"),
            "customer_id": _CUST,
            "contact_date": ("date", "", "Date of the call, message or visit (after the due date, before payment)"),
            "channel": ("str", "", "phone, WeChat, on-site visit"),
            "excuse": ("str", "", "Excuse recorded (see PAYMENT_EXCUSES); empty when the customer gave none"),
            "promised_date": ("date", "", "Payment date the customer promised; empty when none was promised; "
                                          "may lie after 2025-12-31"),
        },
    },
    "feedback_holdout": {
        "title": "Hand-written feedback (held out)", "title_zh": "手写客户反馈（留出集）",
        "description": "One row per remark written by hand (not from the generator's templates); the lesson-05 "
                       "tagger is judged on it.",
        "key": ["remark_id"],
        "columns": {
            "remark_id": ("str", "", "Remark id 'H001'... (key)"),
            "language": ("str", "", "'zh' (Chinese) or 'en' (English)"),
            "text": ("str", "", "The remark, colloquial, with typos and mixed topics as customers write"),
            "theme": ("str", "", "Human tag: delivery, quality, price, service, product range, invoicing, ordering, praise"),
            "sentiment": ("str", "", "Human tag: positive, neutral, negative"),
        },
    },
}
EXTENSION_TABLES = tuple(EXTENSION_DICTIONARY)
#: Tables that are not produced by datasets/generate.py.
HAND_WRITTEN = ("feedback_holdout",)

_EXT_ALLOWED = {
    "opportunity_stages": {"stage": set(FUNNEL_STAGES)},
    "cost_rates": {"activity": set(COST_ACTIVITIES)},
    "visits": {"kind": set(VISIT_KINDS)},
    "engagement": {"signal": set(ENGAGEMENT_SIGNALS)},
    "trust": {"contract_months": {12, 24, 36}, "wallet_source": {"survey", "account manager"}},
    "credit_grades": {"model_grade": set(CREDIT_GRADES), "final_grade": set(CREDIT_GRADES),
                      "override_reason": set(CREDIT_OVERRIDE_REASONS),
                      "approved_by": {"credit manager", "sales director", "CFO"}},
    "payment_excuses": {"channel": {"phone", "WeChat", "on-site visit"}, "excuse": set(PAYMENT_EXCUSES)},
    "feedback_holdout": {"language": {"zh", "en"}, "theme": set(FEEDBACK_THEMES),
                         "sentiment": {"positive", "neutral", "negative"}},
}
_EXT_RANGES = {
    "ticket_handling": {"handoffs": (0, 20)},
    "cost_rates": {"rate_cny": (0, None)},
    "trust": {"share_of_wallet_pct": (0, 100)},
}
_EXT_NULLABLE = {
    "ticket_handling": {"closed_at"}, "opportunity_stages": {"exited_date"},
    "trust": {"contract_months", "share_of_wallet_pct", "wallet_source"},
    "credit_grades": {"override_reason", "override_date", "approved_by"},
    "payment_excuses": {"excuse", "promised_date"},
}
_EXT_FUTURE_OK = {"payment_excuses": {"promised_date"}}
#: Foreign keys: table -> column -> (referenced table, referenced column).
FOREIGN_KEYS = {
    "ticket_handling": {"ticket_id": ("tickets", "ticket_id")},
    "opportunity_stages": {"opportunity_id": ("opportunities", "opportunity_id")},
    "visits": {"customer_id": ("customers", "customer_id")},
    "engagement": {"customer_id": ("customers", "customer_id")},
    "trust": {"customer_id": ("customers", "customer_id")},
    "credit_grades": {"application_id": ("credit", "application_id")},
    "payment_excuses": {"invoice_id": ("receivables", "invoice_id"), "customer_id": ("customers", "customer_id")},
}
# variants allowed per cost activity (checked row by row)
_COST_VARIANTS = {"order_line": {"all"}, "return_line": {"all"}, "ticket_escalation": {"all"},
                  "delivery": set(REGIONS), "ticket": set(TICKET_TYPES), "visit": set(VISIT_KINDS),
                  "account_management": set(TIERS)}
