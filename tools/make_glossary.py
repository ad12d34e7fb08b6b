#!/usr/bin/env python
"""Build docs/glossary.md from the package catalog: one name per concept, in English and Chinese.

The glossary has two parts:

- **Course terms** (:data:`COURSE_TERMS`): the terms the lessons define in prose (recency in
  lesson 07 and in lifetimes, customer status, CLV, the nine sales stages, 6C, 六有, Dwyer's
  two types, NPS, CSI, RFM, ABC ...), with a definition in both languages, written here.
- **Names in the catalog**: every kind registered with ``coursekit.i18n.define_names`` (key,
  English name, Chinese name from ``coursekit/locale/zh/LC_MESSAGES/coursekit.po``).

:func:`clashes` lists every name that two concepts share within a language (tests/test_glossary.py
asserts there is none). Usage::

    python tools/make_glossary.py          # write docs/glossary.md
    python tools/make_glossary.py --check  # exit 1 when docs/glossary.md is stale
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "glossary.md"

#: Kinds in the order and under the headings of the glossary; a kind not listed here is still
#: included, under "Other names".
KINDS = {
    "customer_status": ("Customer status", "客户状态", "lessons 03, 07, 08, 12; `coursekit.loyalty.customer_status`"),
    "rfm_segment": ("RFM segments (classic 11)", "RFM 经典 11 类客户", "lesson 07; `coursekit.rfm.rfm_segments`"),
    "rfm_cn8_class": ("RFM eight classes", "RFM 八类客户", "lesson 07; `rfm_segments(scheme='cn8')`"),
    "value_level": ("Value levels", "客户价值等级", "lesson 07; `coursekit.rfm.value_level`"),
    "rfm_action": ("Actions per RFM segment, class and level", "RFM 客户对应行动", "lesson 07"),
    "value_tier": ("Value tiers", "客户分级", "lessons 01, 09; `coursekit.tiers.assign_tiers`"),
    "abc_class": ("ABC classes", "ABC 分类", "lesson 01; `coursekit.tiers.abc_classes`"),
    "clv_cell": ("CLV matrix cells", "客户价值矩阵", "lesson 08; `coursekit.clv.clv_quadrant`"),
    "clv_cell_action": ("Actions per CLV matrix cell", "客户价值矩阵对应行动", "lesson 08"),
    "clv_level": ("CLV matrix levels", "矩阵高低", "lesson 08"),
    "funnel_stage": ("Sales stages", "销售阶段", "lesson 03; seed 001"),
    "payment_excuse": ("Payment excuses", "付款借口", "lesson 11; seed 001"),
    "credit_override_reason": ("Credit grade overrides", "信用等级调整理由", "lesson 11"),
    "engagement_signal": ("Engagement signals", "客户参与行为", "lessons 10, 12"),
    "visit_kind": ("Visit kinds", "拜访类型", "lessons 08, 09"),
    "survey_attribute": ("Satisfaction survey attributes", "满意度调查指标", "lesson 04"),
    "kano_feature": ("Kano survey features", "KANO 问卷功能", "lesson 05"),
    "kano_answer": ("Kano answers", "KANO 回答", "lesson 05"),
    "category": ("Categories of the case data", "案例数据类别", "all lessons"),
    "table": ("Tables of the case data", "案例数据表", "all lessons; `datasets/README.md`"),
    "table_description": ("What each table holds", "数据表说明", "all lessons"),
    "money_unit": ("Money units", "金额单位", "charts"),
    "time_unit": ("Time units of the CLV models", "时间单位", "lesson 08"),
    "python_container": ("Python containers (exercise feedback)", "Python 容器（练习反馈）", "exercises"),
}

#: Keys that name the same concept as another key of their kind: (kind, key) -> the other key.
ALIASES = {("python_container", "frozenset"): "set"}

#: Display names changed by issue 8 (stored outputs made before it show the old names):
#: (kind, key, old English, old Chinese, new English, new Chinese).
RENAMED = [
    ("rfm_segment", "champions", "Champions", "冠军客户", "Champions", "核心客户"),
    ("rfm_segment", "promising", "Promising", "有潜力客户", "Promising", "待培育客户"),
    ("rfm_segment", "about_to_sleep", "About To Sleep", "即将沉睡客户", "About To Go Dormant", "即将休眠客户"),
    ("rfm_segment", "at_risk", "At Risk", "有流失风险客户", "Slipping Regulars", "待召回客户"),
    ("rfm_segment", "cant_lose", "Can't Lose Them", "不能失去的客户", "Can't Lose Them", "重点召回客户"),
    ("rfm_segment", "hibernating", "Hibernating", "休眠客户", "Cooling Off", "降温客户"),
    ("rfm_segment", "lost", "Lost", "流失客户", "Gone Cold", "冷却客户"),
    ("clv_cell", "growth_prospect", "Growth prospect", "潜力客户", "Growth prospect", "成长型客户"),
    ("clv_cell", "costly_prospect", "Costly prospect", "高成本潜力客户", "Costly prospect", "高成本成长型客户"),
    ("clv_cell", "low_value", "Low value", "低价值客户", "Long tail", "长尾客户"),
    ("survey_attribute", "delivery", "Delivery", "交付", "Delivery reliability", "交货可靠性"),
    ("survey_attribute", "service", "Service", "服务", "Service quality", "服务质量"),
]


def _term(en, zh, definition_en, definition_zh, same_as=None):
    return {"en": en, "zh": zh, "definition_en": definition_en, "definition_zh": definition_zh, "same_as": same_as}


def course_terms() -> list[dict]:
    """The course's own terms, with definitions in both languages (some filled from the package)."""
    from coursekit import i18n
    from coursekit.loyalty import STATUS_THRESHOLDS

    a, b, c = STATUS_THRESHOLDS
    with i18n.language("zh"):
        stages_zh = "、".join(i18n.names("funnel_stage").values())
        status_zh = i18n.names("customer_status")
    stages_en = ", ".join(n.lower() for n in i18n.names("funnel_stage").values())
    return [
        _term(
            "Recency (lesson 07, RFM)",
            "最近一次消费（R，第 07 课）",
            "Days from the customer's last order to the end date (2025-12-31): small is good.",
            "从客户最后一次下单到观察截止日（2025年12月31日）的天数：越小越好。",
        ),
        _term(
            "Recency (lifetimes, lesson 08)",
            "末次购买时点（lifetimes，第 08 课）",
            "The customer's age at the last purchase: time from the first to the last purchase, in "
            "the model's unit (days, weeks, months); large is good. Time since the last purchase is "
            "T − recency. A glossary box in lesson 08 points out the change of meaning.",
            "客户最后一次购买时的“客龄”：从首次购买到最后一次购买的时长，单位同模型（天、周、月）；越大越好。"
            "距最后一次购买的时长为 T − recency。第 08 课用术语框提示这一含义变化。",
        ),
        _term(
            "Frequency (lifetimes)",
            "重复购买次数（lifetimes）",
            "The number of repeat purchase days (or periods) after the first; a customer who bought "
            "once has frequency 0. In RFM (lesson 07) frequency counts every purchase.",
            "首次购买之后的重复购买天数（或期数）；只买过一次的客户为 0。RFM（第 07 课）中的频率则计所有购买。",
        ),
        _term(
            "Customer age (T)",
            "客龄（T）",
            "Time from the first purchase to the end date, in the model's unit.",
            "从首次购买到观察截止日的时长，单位同模型。",
        ),
        _term(
            "Customer status",
            "客户状态",
            f"The one status definition of the course, from the days d since the last purchase: "
            f"active d ≤ {a}, at risk {a} < d ≤ {b}, dormant (休眠) {b} < d ≤ {c}, lost (流失) d > {c}. "
            "Computed by `coursekit.loyalty.customer_status`; lessons 03, 07, 08 and 12 use it.",
            f"全课程唯一的客户状态定义，按距最后一次购买的天数 d：{status_zh['active']} d ≤ {a}，"
            f"{status_zh['at_risk']} {a} < d ≤ {b}，{status_zh['dormant']} {b} < d ≤ {c}，"
            f"{status_zh['lost']} d > {c}。由 `coursekit.loyalty.customer_status` 计算，第 03、07、08、12 课共用。",
        ),
        _term(
            "RFM analysis",
            "RFM 分析",
            "Describes buying behaviour by recency (R), frequency (F) and monetary value (M), scored "
            "1–5 by rank (ties share a score). RFM segment names describe score patterns; they are not "
            "statuses, which count days since the last order.",
            "用最近一次消费（R）、消费频率（F）、消费金额（M）描述购买行为，按排名打 1–5 分（并列同分）。"
            "RFM 细分的名称描述评分组合，不是客户状态；客户状态按距最后一次下单的天数划分。",
        ),
        _term(
            "ABC analysis",
            "ABC 分类法",
            "Customers ranked by value: class A up to 80 % of cumulative value, B up to 95 %, C the "
            "rest (the 80/20 rule, 二八法则).",
            "按价值排序：累计价值占比 80% 以内为 A 类，95% 以内为 B 类，其余为 C 类（二八法则）。",
        ),
        _term(
            "Customer lifetime value (CLV)",
            "客户生命周期价值（CLV）",
            "The discounted profit a customer brings over the whole relationship (seed terms: "
            "客户生命周期价值, not 客户终身价值); computed by Dwyer's method, the customer-event method "
            "or fitted models (BG/NBD, Pareto/NBD, Gamma-Gamma).",
            "客户在与企业关系存续期间带来的利润的现值；计算方法有 Dwyer 法、客户事件法和拟合法"
            "（BG/NBD、Pareto/NBD、Gamma-Gamma）。课程统一用“客户生命周期价值”，不用“客户终身价值”。",
        ),
        _term(
            "Lost-for-good customers (Dwyer)",
            "永久流失型客户（Dwyer）",
            "Dwyer's first type: a customer who leaves is gone for good (long contracts, high "
            "switching cost); CLV follows a retention rate and a cohort retention table.",
            "Dwyer 的第一类：客户一旦离开就不再回来（长期合同、转换成本高）；用保持率和同期群保持表计算 CLV。",
        ),
        _term(
            "Always-a-share customers (Dwyer)",
            "暂时流失型客户（Dwyer）",
            "Dwyer's second type: a customer buys from several suppliers and may come back after a "
            "pause; CLV follows the migration between recency cells.",
            "Dwyer 的第二类：客户同时向多家供应商采购，停购后还可能回来；用客户在“最近购买”区间之间的迁移计算 CLV。",
        ),
        _term(
            "Cost to serve",
            "服务成本",
            "What it costs in CNY to serve one customer for a year (orders, deliveries, returns, "
            "tickets, visits, account management), from the activity rates of `cost_rates`. Gross "
            "margin minus cost to serve is the customer's net profit.",
            "一年内服务一个客户的成本（元）：订单、配送、退货、工单、拜访、客户管理，按 `cost_rates` 的作业费率计算。"
            "毛利减服务成本即客户净利润。",
        ),
        _term(
            "The nine sales stages",
            "九大销售阶段",
            f"Seed 001's stages of a B2B sale, in order: {stages_en}.",
            f"种子课程 001 的大客户销售阶段，依次为：{stages_zh}。",
        ),
        _term(
            "6C analysis",
            "6C 分析法",
            "Credit and profitability check of a customer on six points: character, capacity, "
            "capital, collateral, conditions and continuity (seed 002).",
            "从品德、能力、资本、担保品、经济状况、连续性六个方面全面分析客户（种子课程 002）。",
        ),
        _term(
            "The six criteria (六有)",
            "六有标准",
            "Seed 001's test of whether a customer suits an organisational relationship: it has a "
            "foundation, capability, influence, willingness, value and a future.",
            "种子课程 001 判断客户是否适合建立组织型客户关系的标准：有基础、有能力、有影响、有意愿、有价值、有未来。",
        ),
        _term(
            "Net Promoter Score (NPS)",
            "净推荐值（NPS）",
            "Share of promoters (9–10 on 'How likely are you to recommend us?', 0–10) minus the share "
            "of detractors (0–6), in points from −100 to +100.",
            "“您向他人推荐我们的可能性有多大？”（0–10 分）中推荐者（9–10 分）占比减去贬损者（0–6 分）占比，范围 −100 至 +100。",
        ),
        _term(
            "Customer satisfaction index (CSI)",
            "客户满意度指数（CSI）",
            "A weighted score of perceived performance on the survey attributes, weighted by their "
            "importance, from the customer's point of view (seed 002).",
            "站在客户角度，按各调查指标的重要性加权计算的感知绩效综合得分（种子课程 002）。",
        ),
    ]


def register_all() -> None:
    """Import every module of coursekit so that every kind of name is registered."""
    import coursekit

    for info in pkgutil.walk_packages(coursekit.__path__, "coursekit."):
        importlib.import_module(info.name)


def catalog_names() -> dict[str, list[tuple[str, str, str]]]:
    """``{kind: [(key, English, Chinese), ...]}`` for every registered kind (not the doctest examples)."""
    from coursekit import i18n

    register_all()
    out = {}
    for kind in sorted(i18n.kinds(), key=lambda k: (list(KINDS).index(k) if k in KINDS else len(KINDS), k)):
        if kind.startswith("example_"):
            continue
        with i18n.language("zh"):
            zh = i18n.names(kind)
        out[kind] = [(str(key), english, zh[key]) for key, english in i18n.kinds()[kind].items()]
    return out


def _normal(name: str) -> str:
    """Names compared without case, spacing or the brackets' width: 'At Risk' equals 'at risk'."""
    name = name.replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", " ", name).strip().casefold()


def concepts(names=None, terms=None) -> list[tuple[tuple, str, str]]:
    """``(concept id, English, Chinese)`` of every catalog name and course term."""
    names = catalog_names() if names is None else names
    terms = course_terms() if terms is None else terms
    found = []
    for kind, rows in names.items():
        for key, en, zh in rows:
            found.append(((kind, ALIASES.get((kind, key), key)), en, zh))
    for term in terms:
        found.append((term["same_as"] or ("term", term["en"]), term["en"], term["zh"]))
    return found


def clashes(names=None, terms=None) -> list[str]:
    """Every name that two concepts share within one language, e.g. "zh 潜力客户: clv_cell.growth_prospect, ..."."""
    problems = []
    for lang, column in (("en", 1), ("zh", 2)):
        owners: dict[str, set] = {}
        for row in concepts(names, terms):
            owners.setdefault(_normal(row[column]), set()).add(row[0])
        for name, ids in sorted(owners.items()):
            if len(ids) > 1:
                problems.append(f"{lang} {name!r}: " + ", ".join(".".join(map(str, i)) for i in sorted(ids)))
    return problems


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(names=None, terms=None) -> str:
    """The glossary as Markdown."""
    names = catalog_names() if names is None else names
    terms = course_terms() if terms is None else terms
    lines = [
        "# Glossary · 术语表",
        "",
        "<!-- Generated by `python tools/make_glossary.py` from the coursekit catalog; do not edit by hand. -->",
        "",
        "One name per concept, in English and Chinese. The names of keys come from the package catalog",
        "(`coursekit/locale/zh/LC_MESSAGES/coursekit.po`), so a lesson that shows a result with",
        "`coursekit.display` uses exactly these words. `tests/test_glossary.py` checks that this file is",
        "current and that no two concepts share a name in either language.",
        "",
        "一个概念只用一个名称（中英文各一）。键的名称来自课程包的翻译目录，课程中用 `coursekit.display`",
        "显示的结果与本表用词完全一致。",
        "",
        "> **Term · 术语** — *RFM segment names describe score patterns; customer statuses describe days",
        "> since the last order.* On Yunfeng's data an *About To Go Dormant* customer (R = 3, low F and",
        "> M) is often still *active* by status, and a *Gone Cold* one is not always *lost*. The status",
        "> names (活跃客户、流失预警客户、休眠客户、流失客户) are used for nothing else. · RFM 细分名称描述",
        "> 评分组合，客户状态描述距最后一次下单的天数：“即将休眠客户”按状态不少仍是活跃客户，“冷却客户”",
        "> 也不一定是流失客户。状态名称不用于其他概念。",
        "",
        "## Course terms · 课程术语",
        "",
        "| Term | 术语 | Definition | 定义 |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {_cell(t['en'])} | {_cell(t['zh'])} | {_cell(t['definition_en'])} | {_cell(t['definition_zh'])} |"
        for t in terms
    ]
    lines += ["", "## Names in the catalog · 目录中的名称", ""]
    for kind, rows in names.items():
        title, title_zh, where = KINDS.get(kind, ("Other names", "其他名称", ""))
        lines += [f"### {title} · {title_zh}", "", f"Kind `{kind}`" + (f"; {where}." if where else "."), ""]
        lines += ["| Key | English | 中文 |", "|---|---|---|"]
        lines += [f"| `{_cell(key)}` | {_cell(en)} | {_cell(zh)} |" for key, en, zh in rows]
        lines.append("")
    lines += [
        "## Names changed by issue 8 · 名称调整",
        "",
        "Lesson outputs stored before issue 8 show the old names. Literal translations were replaced",
        "by the terms Chinese practitioners use, and no name is shared between two concepts any more",
        "(the CLV matrix no longer reuses 潜力客户 and 低价值客户; RFM segments no longer reuse the",
        "status names; one word for dormant: 休眠).",
        "",
        "| Kind | Key | Old English | Old 中文 | New English | New 中文 |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| `{k}` | `{key}` | {oe} | {oz} | {ne} | {nz} |" for k, key, oe, oz, ne, nz in RENAMED]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/glossary.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"stale {OUT.relative_to(ROOT)}: run python tools/make_glossary.py")
            return 1
        print(f"ok    {OUT.relative_to(ROOT)}")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
