"""The glossary (docs/glossary.md) is current and gives one name per concept in each language."""

from __future__ import annotations

import polib
from _scripts import ROOT, load_script

from coursekit import i18n

glossary = load_script("tools/make_glossary.py")


def _catalog_texts() -> list[str]:
    return [e.msgstr for e in polib.pofile(str(i18n.catalog_path()))]


def test_the_glossary_is_current(capsys):
    assert glossary.main(["--check"]) == 0, capsys.readouterr().out


def test_no_two_concepts_share_a_name_in_either_language():
    assert glossary.clashes() == []


def test_the_clash_check_finds_shared_names():
    names = {
        "value_tier": [("potential", "Potential", "潜力客户")],
        "clv_cell": [("growth_prospect", "Growth prospect", "潜力客户"), ("low_value", "Low value", "低价值客户")],
        "value_level": [("low", "Low value", "低价值客户")],
        "customer_status": [("at_risk", "At risk", "流失预警客户")],
        "rfm_segment": [("at_risk", "At Risk", "有流失风险客户")],
        "python_container": [("set", "set", "集合"), ("frozenset", "set", "集合")],
    }
    terms = [glossary._term("Customer status", "客户状态", "…", "…")]
    assert glossary.clashes(names, terms) == [
        "en 'at risk': customer_status.at_risk, rfm_segment.at_risk",
        "en 'low value': clv_cell.low_value, value_level.low",
        "zh '低价值客户': clv_cell.low_value, value_level.low",
        "zh '潜力客户': clv_cell.growth_prospect, value_tier.potential",
    ]
    # a course term that names a catalog concept says so, and then does not clash
    same = [glossary._term("Potential", "潜力客户", "…", "…", same_as=("value_tier", "potential"))]
    other = [glossary._term("Potential", "潜力", "…", "…")]
    tiers = {"value_tier": names["value_tier"]}
    assert glossary.clashes(tiers, same) == []
    assert glossary.clashes(tiers, other) == ["en 'potential': term.Potential, value_tier.potential"]


def test_every_registered_kind_and_key_is_in_the_glossary():
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    names = glossary.catalog_names()
    assert {"customer_status", "rfm_segment", "clv_cell", "value_tier", "funnel_stage"} <= set(names)
    for kind, rows in names.items():
        assert f"Kind `{kind}`" in text, kind
        for key, en, zh in rows:
            assert f"| `{key}` | {en.replace('|', chr(92) + '|')} | {zh.replace('|', chr(92) + '|')} |" in text, (
                kind,
                key,
            )


def test_the_statuses_keep_their_fixed_names():
    with i18n.language("en"):
        assert i18n.names("customer_status") == {
            "active": "Active",
            "at_risk": "At risk",
            "dormant": "Dormant",
            "lost": "Lost",
        }
    with i18n.language("zh"):
        assert i18n.names("customer_status") == {
            "active": "活跃客户",
            "at_risk": "流失预警客户",
            "dormant": "休眠客户",
            "lost": "流失客户",
        }


def test_the_seeds_terms_and_no_literal_or_mixed_ones():
    texts = _catalog_texts()
    joined = "\n".join(texts)
    # seed terms: CLV is 客户生命周期价值; dormant is 休眠 only; the literal translations are gone
    for banned in ("终身价值", "沉睡", "冬眠", "冠军客户", "不能失去"):
        assert banned not in joined, banned
    with i18n.language("zh"):
        assert list(i18n.names("funnel_stage").values()) == [
            "商机",
            "线索",
            "触达",
            "洽谈",
            "接待",
            "谈判",
            "成交",
            "交付",
            "服务",
        ]
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in (
        "客户生命周期价值",
        "永久流失型",
        "暂时流失型",
        "6C 分析法",
        "六有标准",
        "NPS",
        "CSI",
        "RFM 分析",
        "ABC 分类法",
    ):
        assert term in text, term
    assert "商机、线索、触达、洽谈、接待、谈判、成交、交付、服务" in text


def test_the_check_reports_a_stale_glossary(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "glossary.md"
    stale.write_text("# Glossary\n", encoding="utf-8")
    monkeypatch.setattr(glossary, "OUT", stale)
    monkeypatch.setattr(glossary, "ROOT", tmp_path)
    assert glossary.main(["--check"]) == 1
    assert "stale glossary.md" in capsys.readouterr().out
