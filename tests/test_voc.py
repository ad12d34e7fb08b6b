"""coursekit.voc: Kano table and summary, the lexicon tagger, needs/CTQ and response levels (hand-computed)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from coursekit import datasets, i18n, voc

ANSWERS = ["like", "must-be", "neutral", "live-with", "dislike"]
# the standard Kano evaluation table, written out by hand: functional row, dysfunctional column
HAND_TABLE = {
    "like": ["questionable", "attractive", "attractive", "attractive", "one_dimensional"],
    "must-be": ["reverse", "indifferent", "indifferent", "indifferent", "must_be"],
    "neutral": ["reverse", "indifferent", "indifferent", "indifferent", "must_be"],
    "live-with": ["reverse", "indifferent", "indifferent", "indifferent", "must_be"],
    "dislike": ["reverse", "reverse", "reverse", "reverse", "questionable"],
}


@pytest.mark.parametrize("functional", ANSWERS)
def test_every_cell_of_the_kano_evaluation_table(functional):
    for dysfunctional, expected in zip(ANSWERS, HAND_TABLE[functional]):
        assert voc.kano_category(functional, dysfunctional) == expected


def test_kano_category_on_series_and_mixed_inputs():
    f = pd.Series(["like", "neutral", " Like "], index=["r1", "r2", "r3"])
    d = pd.Series(["dislike", "dislike", "neutral"], index=["x", "y", "z"])
    out = voc.kano_category(f, d)
    assert out.index.tolist() == ["r1", "r2", "r3"]
    assert out.astype(str).tolist() == ["one_dimensional", "must_be", "attractive"]
    assert voc.kano_category("like", pd.Series(["dislike", "like"])).astype(str).tolist() == [
        "one_dimensional",
        "questionable",
    ]


@pytest.mark.parametrize(
    "functional,dysfunctional,error,match",
    [
        ("love", "dislike", ValueError, "unknown answer.*love"),
        ("like", "hate", ValueError, "dysfunctional has unknown"),
        (pd.Series(["like", None]), pd.Series(["like", "like"]), ValueError, "missing"),
        (pd.Series(["like"]), pd.Series(["like", "like"]), ValueError, "1 answers but dysfunctional 2"),
        (3, "like", TypeError, "str or a pandas Series"),
    ],
)
def test_kano_category_rejects_bad_answers(functional, dysfunctional, error, match):
    with pytest.raises(error, match=match):
        voc.kano_category(functional, dysfunctional)


def test_kano_summary_on_a_hand_table():
    # feature a: O, O, A, M, I, R, Q -> A=1 O=2 M=1 I=1; better = 3/5, worse = -3/5; most frequent O
    # feature b: M, M, I -> better 0, worse -2/3; most frequent M
    rows = [
        ("a", "like", "dislike"),
        ("a", "like", "dislike"),
        ("a", "like", "neutral"),
        ("a", "neutral", "dislike"),
        ("a", "neutral", "neutral"),
        ("a", "dislike", "like"),
        ("a", "like", "like"),
        ("b", "must-be", "dislike"),
        ("b", "live-with", "dislike"),
        ("b", "neutral", "live-with"),
    ]
    answers = pd.DataFrame(rows, columns=["feature", "functional", "dysfunctional"])
    s = voc.kano_summary(answers)
    assert s.index.tolist() == ["a", "b"]
    assert s.loc[
        "a", ["attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable"]
    ].tolist() == [
        1,
        2,
        1,
        1,
        1,
        1,
    ]
    assert s.loc["a", "respondents"] == 7
    assert s.loc["a", "better"] == pytest.approx(3 / 5)
    assert s.loc["a", "worse"] == pytest.approx(-3 / 5)
    assert s.loc["a", "category"] == "one_dimensional"
    assert s.loc["b", "better"] == pytest.approx(0.0)
    assert s.loc["b", "worse"] == pytest.approx(-2 / 3)
    assert s.loc["b", "category"] == "must_be"


def test_kano_summary_ties_and_only_reverse_answers():
    answers = pd.DataFrame(
        {
            "feature": ["t", "t", "r"],
            "functional": ["like", "neutral", "dislike"],
            "dysfunctional": ["neutral", "neutral", "like"],
        }
    )
    s = voc.kano_summary(answers)
    assert s.loc["t", "category"] == "attractive"  # A and I tie at 1: attractive comes first in the order
    assert pd.isna(s.loc["r", "better"]) and pd.isna(s.loc["r", "worse"])  # no A, O, M, I answers
    assert s.loc["r", "category"] == "reverse"


def test_kano_summary_on_the_case_data_matches_the_planted_mix():
    s = voc.kano_summary(datasets.load_kano())
    cats = s["category"].astype(str).to_dict()
    assert cats["invoice_accuracy"] == cats["product_certificates"] == "must_be"
    assert cats["next_day_delivery"] == cats["volume_discounts"] == "one_dimensional"
    assert cats["online_order_tracking"] == cats["onsite_vending_machines"] == "attractive"
    assert cats["branded_packaging"] == cats["loyalty_points"] == "indifferent"
    assert (s["respondents"] == 300).all()


def test_kano_summary_bad_input():
    with pytest.raises(TypeError, match="pandas DataFrame"):
        voc.kano_summary([1, 2])
    with pytest.raises(ValueError, match="empty|no rows"):
        voc.kano_summary(pd.DataFrame(columns=["feature", "functional", "dysfunctional"]))
    with pytest.raises(ValueError, match="dysfunctional"):
        voc.kano_summary(pd.DataFrame({"feature": ["a"], "functional": ["like"]}))


# ----------------------------------------------------------------------------- the tagger
def test_words_segments_chinese_with_jieba_and_keeps_lexicon_terms_whole():
    assert voc.words("发票抬头又开错了") == ["发票", "抬头", "又", "开错", "了"]
    assert voc.words("The invoices don't match.") == ["the", "invoices", "don't", "match", "."]
    assert "贵公司" in voc.words("贵公司的服务很好")  # a 'word' row of the lexicon: not 贵 (expensive)
    with pytest.raises(TypeError, match="str"):
        voc.words(3)


def test_tag_remarks_on_hand_examples():
    remarks = pd.DataFrame(
        {
            "text": [
                "发票抬头又开错了",  # invoicing: 发票, 抬头; negative: 开错
                "贵公司的服务很好",  # service (服务) 1 vs praise 0; positive (很好); not price
                "电话打了三次都没人接",  # service: 电话, 没人接; negative: 没人 inside 没人接
                "运费还要另算，不划算",  # price: 运费, 划算 inside? no: 不划算 is a sentiment word; negative
                "The delivery was not professional.",  # delivery 1 vs service 1: tie, delivery first
                "你好",  # nothing
            ]
        },
        index=list("abcdef"),
    )
    t = voc.tag_remarks(remarks)
    assert t["theme"].astype(str).tolist() == ["invoicing", "service", "service", "price", "delivery", "unmatched"]
    assert t["sentiment"].astype(str).tolist() == [
        "negative",
        "positive",
        "negative",
        "negative",
        "negative",
        "neutral",
    ]
    assert t.loc["a", "theme_terms"] == "发票 | 抬头"
    assert t.loc["c", "sentiment_terms"] == "没人"
    assert t.loc["e", "theme_tie"] and not t.loc["a", "theme_tie"]
    assert t.loc["e", "sentiment_terms"] == "not | not+professional"  # not is a negative term and a negation
    assert t.loc["f", "theme_score"] == 0


def test_add_terms_changes_the_tag_and_checks_its_input():
    remarks = pd.DataFrame({"text": ["清关拖了两周"]})
    assert voc.tag_remarks(remarks)["theme"].astype(str).tolist() == ["unmatched"]
    lex = voc.add_terms(voc.default_lexicon(), "delivery", ["清关", "清关"])
    assert (lex["term"] == "清关").sum() == 1
    assert voc.tag_remarks(remarks, lex)["theme"].astype(str).tolist() == ["delivery"]
    with pytest.raises(ValueError, match="unknown tag"):
        voc.add_terms(voc.default_lexicon(), "logistics", "清关")
    bad = voc.default_lexicon().assign(kind="topic")
    with pytest.raises(ValueError, match="kind"):
        voc.tag_remarks(remarks, bad)


def test_tagging_accuracy_and_confusion_by_hand():
    truth = pd.DataFrame(
        {
            "text": ["发票抬头又开错了", "Delivery was late.", "很满意，推荐给了同行"],
            "language": ["zh", "en", "zh"],
            "theme": ["invoicing", "quality", "praise"],
            "sentiment": ["negative", "negative", "neutral"],
        }
    )
    t = voc.tag_remarks(truth)
    acc = voc.tagging_accuracy(t, truth)
    assert acc.index.tolist() == ["all", "en", "zh"]
    assert acc.loc["all", "theme_correct"] == 2 and acc.loc["all", "theme_accuracy"] == pytest.approx(2 / 3)
    assert acc.loc["all", "sentiment_correct"] == 2
    assert acc.loc["zh", "both_accuracy"] == pytest.approx(1 / 2)
    c = voc.confusion(t, truth)
    assert c.loc["quality", "delivery"] == 1 and c.to_numpy().sum() == 3
    with pytest.raises(ValueError, match="same index"):
        voc.tagging_accuracy(t.iloc[:2], truth)


def test_accuracy_on_generated_and_on_hand_written_remarks():
    """The numbers the lesson reports: near perfect on the templates, about half on the hand-written remarks."""
    feedback = datasets.load_feedback()
    holdout = datasets.load_feedback_holdout().set_index("remark_id")
    gen = voc.tagging_accuracy(voc.tag_remarks(feedback), feedback)
    hand = voc.tagging_accuracy(voc.tag_remarks(holdout), holdout)
    assert gen.loc["all", "remarks"] == 2234 and hand.loc["all", "remarks"] == 184
    assert gen.loc["all", "theme_correct"] == 2229
    assert gen.loc["all", "sentiment_correct"] == 2217
    assert hand.loc["all", "theme_correct"] == 93  # 50.5 %
    assert hand.loc["all", "sentiment_correct"] == 94  # 51.1 %
    assert hand.loc["all", "theme_accuracy"] < gen.loc["all", "theme_accuracy"] - 0.4


# ----------------------------------------------------------------------------- needs, CTQ, response
def test_needs_table_and_ctq_tree_by_hand():
    r = pd.DataFrame(
        {
            "text": ["发票抬头又开错了", "发票抬头又开错了", "请发一下对账单", "很满意"],
            "theme": ["invoicing", "invoicing", "invoicing", "praise"],
            "sentiment": ["negative", "negative", "neutral", "positive"],
        }
    )
    needs = voc.needs_table(r)
    assert needs.index.astype(str).tolist() == ["invoicing", "praise"]
    assert needs.loc["invoicing", "negative_share"] == pytest.approx(2 / 3)
    assert needs.loc["praise", "example"] == "很满意"
    tickets = pd.DataFrame(
        {
            "ticket_type": ["delivery delay", "delivery delay", "invoice error", "delivery delay"],
            "opened_at": pd.to_datetime(["2025-02-01", "2025-03-01", "2025-04-01", "2024-06-01"]),
            "response_hours": [1.0, 5.0, 3.0, 1.0],
            "first_contact_resolved": [True, True, False, True],
        }
    )
    orders = pd.DataFrame({"order_id": list("ABCDE"), "date": pd.to_datetime(["2025-01-05"] * 5), "line_type": "sale"})
    tree = voc.ctq_tree(tickets, "2025-12-31", orders=orders).set_index("ctq")
    with i18n.language("en"):
        assert tree.loc["Delivery-delay tickets per 100 orders", "measured"] == pytest.approx(40.0)  # 2 of 5 orders
        assert tree.loc["Invoice-error tickets per 100 orders", "measured"] == pytest.approx(20.0)
        assert tree.loc["Tickets answered within 4 hours (%)", "measured"] == pytest.approx(200 / 3)
        assert pd.isna(tree.loc["Quotes won (%)", "measured"]) and pd.isna(tree.loc["Quotes won (%)", "meets_spec"])
        assert not tree.loc["Delivery-delay tickets per 100 orders", "meets_spec"]
    with pytest.raises(ValueError, match="orders is required"):
        voc.ctq_tree(tickets, "2025-12-31")
    with pytest.raises(ValueError, match="no sale orders"):
        voc.ctq_tree(tickets, "2023-12-31", orders=orders)


def test_response_levels_by_hand():
    r = pd.DataFrame(
        {
            "customer_id": ["C1", "C2", "C3", "C4", "C5"],
            "text": ["交货晚了，停线了", "发票错了", "能否开电子发票？", "很满意", "We buy elsewhere now"],
            "theme": ["delivery", "invoicing", "invoicing", "praise", "product range"],
            "sentiment": ["negative", "negative", "neutral", "positive", "negative"],
        }
    )
    out = voc.response_levels(r)
    assert out["level"].astype(str).tolist() == ["level_1", "level_2", "level_3", "level_4", "level_1"]
    assert out["respond_within_hours"].tolist() == [4, 24, 72, 168, 4]
    assert out.loc[0, "urgent_terms"] == "停线" and out.loc[4, "urgent_terms"] == "elsewhere"
    assert voc.response_levels(r, key_accounts=["C2"])["level"].astype(str).tolist()[1] == "level_1"
    assert list(out.columns[:2]) == ["customer_id", "text"]  # every aspect of the voice is kept
    with pytest.raises(ValueError, match="sentiment has unknown"):
        voc.response_levels(r.assign(sentiment="angry"))


def test_the_tagger_leaves_no_warning_and_no_jieba_message(capfd):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        voc.tag_remarks(pd.DataFrame({"text": ["到货太慢了"]}))
    assert capfd.readouterr().err == ""
