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

from .. import i18n
from ._dictionary import _CUST, FUNNEL_STAGES, REGIONS

#: Excuses recorded by collectors (seed 001, 常见的客户十大付款借口): key -> (English, Chinese).
PAYMENT_EXCUSES = i18n.define_names(
    "payment_excuse",
    {
        "customer_not_paid_us": "My own customer has not paid me yet",
        "old_friends_later": "We know each other so well, let's settle it later",
        "not_received_invoice": "We never received the invoice (fapiao)",
        "invoice_error": "The invoice is wrong and must be reissued",
        "boss_away": "The boss is away, nobody can sign",
        "in_approval": "Payment is still going through approval",
        "cash_flow_tight": "Cash is tight at the moment",
        "quality_dispute": "There is a problem with the goods, we hold the payment",
        "already_paid": "We have already paid (no payment found)",
        "fixed_payment_day": "We only pay on our fixed monthly payment day",
    },
)
#: Engagement signals (future, social value and loyalty behaviours): key -> (English, Chinese).
ENGAGEMENT_SIGNALS = i18n.define_names(
    "engagement_signal",
    {
        "suggestion": "Suggestion made",
        "co_development": "Joint innovation / co-development project",
        "resource_sharing": "Resource sharing",
        "event_participation": "Event participation",
        "public_recommendation": "Public recommendation",
        "brand_defence": "Public defence of the brand",
    },
)
#: Kinds of customer visit: key -> (English, Chinese).
VISIT_KINDS = i18n.define_names(
    "visit_kind",
    {
        "routine": "Routine visit",
        "key-account": "Key-account visit",
        "executive": "Executive visit",
    },
)
#: Reasons for overriding the scorecard grade: key -> (direction, kind).
#: ``commercial`` reasons rest on the relationship, ``evidence`` reasons on new facts.
CREDIT_OVERRIDE_REASONS = {
    "strategic_customer": ("up", "commercial"),
    "long_relationship": ("up", "commercial"),
    "new_collateral": ("up", "evidence"),
    "parent_guarantee": ("up", "evidence"),
    "audited_accounts": ("up", "evidence"),
    "recent_late_payments": ("down", "evidence"),
    "legal_dispute": ("down", "evidence"),
    "industry_downturn": ("down", "evidence"),
    "management_change": ("down", "evidence"),
}
#: Names of the override reasons (Chinese in the catalog).
CREDIT_OVERRIDE_NAMES = i18n.define_names(
    "credit_override_reason",
    {
        "strategic_customer": "Strategic customer for sales",
        "long_relationship": "Long relationship",
        "new_collateral": "New collateral pledged",
        "parent_guarantee": "Parent company guarantee",
        "audited_accounts": "Audited accounts better than declared",
        "recent_late_payments": "Recent late payments",
        "legal_dispute": "Legal dispute",
        "industry_downturn": "Industry downturn",
        "management_change": "Change of management",
    },
)
#: Credit grades of Yunfeng's scorecard, best first, with the 12-month default probability band.
CREDIT_GRADES = {"A": "PD < 2 %", "B": "2-5 %", "C": "5-10 %", "D": "10-20 %", "E": ">= 20 %"}
#: Cost-to-serve activities in ``cost_rates.csv`` and what their ``variant`` column holds.
COST_ACTIVITIES = {
    "order_line": "all",
    "delivery": "sales region of the customer",
    "return_line": "all",
    "ticket": "ticket_type",
    "ticket_escalation": "all",
    "visit": "visit kind",
    "account_management": "customer tier (strategic / value / potential / ordinary)",
}
TICKET_TYPES = (
    "delivery delay",
    "quality issue",
    "invoice error",
    "technical question",
    "return request",
    "order change",
)
FEEDBACK_THEMES = ("delivery", "quality", "price", "service", "product range", "invoicing", "ordering", "praise")
TIERS = ("strategic", "value", "potential", "ordinary")

_HAND = "written by hand (not generated)"

EXTENSION_DICTIONARY: dict[str, dict] = {
    "ticket_handling": {
        "title": "Ticket handling",
        "description": "One row per service ticket (same ticket_id as tickets.csv): how it was handled.",
        "key": ["ticket_id"],
        "columns": {
            "ticket_id": ("str", "", "Ticket id (key; tickets.ticket_id)"),
            "handoffs": (
                "int",
                "count",
                "How many times the ticket changed hands (0 = one person solved it: one-stop service)",
            ),
            "reopened": ("bool", "", "True when the customer reopened the ticket after it was closed"),
            "escalated": ("bool", "", "True when the ticket was escalated to a manager or specialist"),
            "closed_at": ("datetime", "", "Final closure (after any reopening); empty when still open at 2025-12-31"),
        },
    },
    "opportunity_stages": {
        "title": "Opportunity stage history",
        "description": "One row per opportunity and funnel stage it entered, in stage order.",
        "key": ["opportunity_id", "stage"],
        "columns": {
            "opportunity_id": ("str", "", "Opportunity id (opportunities.opportunity_id)"),
            "stage": ("str", "", "Funnel stage (key of FUNNEL_STAGES): " + ", ".join(FUNNEL_STAGES)),
            "entered_date": ("date", "", "Date the opportunity entered the stage; the first stage on created_date"),
            "exited_date": (
                "date",
                "",
                "Date it left the stage (moved on, was lost or closed there); empty when "
                "still in the stage at 2025-12-31 or lost for no response at the end",
            ),
        },
    },
    "cost_rates": {
        "title": "Cost-to-serve rates",
        "description": "One row per activity and variant: Yunfeng's 2025 activity-based cost rate in CNY.",
        "key": ["activity", "variant"],
        "columns": {
            "activity": (
                "str",
                "",
                "order_line, delivery, return_line, ticket, ticket_escalation, visit, account_management",
            ),
            "variant": (
                "str",
                "",
                "'all', or the region (delivery), ticket_type (ticket), visit kind (visit) "
                "or tier (account_management)",
            ),
            "unit": (
                "str",
                "",
                "What one rate pays for, e.g. 'per delivery (one sales order)', 'per account per year'",
            ),
            "rate_cny": ("float", "CNY", "Cost of one unit"),
            "basis": ("str", "", "What the rate covers"),
        },
    },
    "visits": {
        "title": "Customer visits",
        "description": "One row per visit of Yunfeng staff to a customer.",
        "key": ["visit_id"],
        "columns": {
            "visit_id": ("str", "", "Visit id 'V00001'... (key)"),
            "customer_id": _CUST,
            "date": ("date", "", "Date of the visit"),
            "kind": (
                "str",
                "",
                "routine (account manager), key-account (account team), executive (Yunfeng management)",
            ),
            "account_manager": ("str", "", "Account manager of the customer"),
        },
    },
    "engagement": {
        "title": "Engagement signals",
        "description": "One row per dated engagement event of a customer (future, social and loyalty value).",
        "key": ["event_id"],
        "columns": {
            "event_id": ("str", "", "Event id 'E00001'... (key)"),
            "customer_id": _CUST,
            "date": ("date", "", "Date of the event"),
            "signal": (
                "str",
                "",
                "suggestion, co_development (joint innovation project), resource_sharing, "
                "event_participation, public_recommendation, brand_defence",
            ),
        },
    },
    "trust": {
        "title": "Trust facts",
        "description": "One row per customer: framework contract and share of wallet where known.",
        "key": ["customer_id"],
        "columns": {
            "customer_id": _CUST,
            "contract_months": (
                "Int64",
                "months",
                "Length of the framework agreement (12, 24 or 36); "
                "empty = no framework agreement (spot buyer), not zero",
            ),
            "share_of_wallet_pct": (
                "float",
                "%",
                "Share of the customer's MRO spend that goes to Yunfeng; "
                "empty where unknown (about 55 % of customers), not zero",
            ),
            "wallet_source": (
                "str",
                "",
                "Where the share of wallet comes from: survey, account manager; empty where unknown",
            ),
        },
    },
    "credit_grades": {
        "title": "Credit grades and overrides",
        "description": "One row per credit application: the scorecard grade and any later manual override.",
        "key": ["application_id"],
        "columns": {
            "application_id": ("str", "", "Application id (key; credit.application_id)"),
            "model_grade": ("str", "", "Grade of Yunfeng's scorecard, A (best) to E"),
            "final_grade": ("str", "", "Grade after any override (equals model_grade when not overridden)"),
            "override_reason": (
                "str",
                "",
                "Why the grade was changed; empty when not overridden (see CREDIT_OVERRIDE_REASONS)",
            ),
            "override_date": ("date", "", "Date of the override; empty when not overridden"),
            "approved_by": ("str", "", "credit manager, sales director or CFO; empty when not overridden"),
        },
    },
    "payment_excuses": {
        "title": "Collection contacts and excuses",
        "description": "One row per collector contact about an overdue invoice, with the excuse given.",
        "key": ["contact_id"],
        "columns": {
            "contact_id": ("str", "", "Contact id 'K000001'... (key)"),
            "invoice_id": ("str", "", "Overdue invoice (receivables.invoice_id)"),
            "customer_id": _CUST,
            "contact_date": ("date", "", "Date of the call, message or visit (after the due date, before payment)"),
            "channel": ("str", "", "phone, WeChat, on-site visit"),
            "excuse": ("str", "", "Excuse recorded (see PAYMENT_EXCUSES); empty when the customer gave none"),
            "promised_date": (
                "date",
                "",
                "Payment date the customer promised; empty when none was promised; may lie after 2025-12-31",
            ),
        },
    },
    "feedback_holdout": {
        "title": "Hand-written feedback (held out)",
        "description": "One row per remark written by hand (not from the generator's templates); the lesson-05 "
        "tagger is judged on it.",
        "key": ["remark_id"],
        "columns": {
            "remark_id": ("str", "", "Remark id 'H001'... (key)"),
            "language": ("str", "", "'zh' (Chinese) or 'en' (English)"),
            "text": ("str", "", "The remark, colloquial, with typos and mixed topics as customers write"),
            "theme": (
                "str",
                "",
                "Human tag: delivery, quality, price, service, product range, invoicing, ordering, praise",
            ),
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
    "credit_grades": {
        "model_grade": set(CREDIT_GRADES),
        "final_grade": set(CREDIT_GRADES),
        "override_reason": set(CREDIT_OVERRIDE_REASONS),
        "approved_by": {"credit manager", "sales director", "CFO"},
    },
    "payment_excuses": {"channel": {"phone", "WeChat", "on-site visit"}, "excuse": set(PAYMENT_EXCUSES)},
    "feedback_holdout": {
        "language": {"zh", "en"},
        "theme": set(FEEDBACK_THEMES),
        "sentiment": {"positive", "neutral", "negative"},
    },
}
_EXT_RANGES = {
    "ticket_handling": {"handoffs": (0, 20)},
    "cost_rates": {"rate_cny": (0, None)},
    "trust": {"share_of_wallet_pct": (0, 100)},
}
_EXT_NULLABLE = {
    "ticket_handling": {"closed_at"},
    "opportunity_stages": {"exited_date"},
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
_COST_VARIANTS = {
    "order_line": {"all"},
    "return_line": {"all"},
    "ticket_escalation": {"all"},
    "delivery": set(REGIONS),
    "ticket": set(TICKET_TYPES),
    "visit": set(VISIT_KINDS),
    "account_management": set(TIERS),
}
