"""coursekit.network: the three principles of importance on hand-computed graphs (lesson 10)."""

import warnings

import matplotlib
import pandas as pd
import pytest

from coursekit import datasets, i18n, network
from coursekit._validate import CourseKitDataNote

matplotlib.use("Agg")


def _links():
    """Five customers. A referred B and C; B and D depend on C; E referred A.

    Undirected neighbours: A {B, C, E}, B {A, C}, C {A, B, D}, D {C}, E {A}.
    Standing edges (towards whoever gains it): B->A, C->A, A->E (referred) and B->C, D->C (depends_on).
    """
    return pd.DataFrame(
        {
            "source_id": ["A", "A", "B", "D", "E"],
            "target_id": ["B", "C", "C", "C", "A"],
            "relation": ["referred", "referred", "depends_on", "depends_on", "referred"],
        }
    )


def test_degree_referred_and_dependants_by_hand():
    table = network.influence(_links())
    assert table.index.name == "customer_id"
    assert table.index.tolist() == ["A", "B", "C", "D", "E"]
    assert table["degree"].tolist() == [3, 2, 3, 1, 1]
    assert table["referred"].tolist() == [2, 0, 0, 0, 1]
    assert table["dependants"].tolist() == [0, 0, 2, 0, 0]


def test_pagerank_sums_to_one_and_orders_by_hand():
    rank = network.influence(_links())["pagerank"]
    assert rank.sum() == pytest.approx(1.0, abs=1e-9)
    # E collects everything A gets (A's only out-link); A gets from B (half) and all of C;
    # C gets from B (half) and all of D; B and D get only the teleport share.
    assert rank.sort_values(ascending=False).index.tolist()[:3] == ["E", "A", "C"]
    assert rank["B"] == pytest.approx(rank["D"])
    assert rank["B"] < rank["C"]


def test_pagerank_of_a_two_node_chain_by_hand():
    # B referred by A: standing edge B -> A. With d = 0.85 and the dangling A spreading evenly,
    # B = 0.15/2 + 0.85 * A/2 = 0.075 + 0.425 A; with A + B = 1: 1.425 A = 0.925.
    rank = network.influence(pd.DataFrame({"source_id": ["A"], "target_id": ["B"], "relation": ["referred"]}))[
        "pagerank"
    ]
    assert rank["A"] == pytest.approx(0.925 / 1.425, abs=1e-9)
    assert rank["B"] == pytest.approx(1 - 0.925 / 1.425, abs=1e-9)


def test_links_counted_once_and_both_directions_one_neighbour():
    links = pd.concat([_links(), _links().iloc[[0]]])
    links.loc[len(links)] = ["B", "A", "depends_on"]  # B also depends on A: still one neighbour
    with pytest.warns(CourseKitDataNote, match="1 repeated link"):
        table = network.influence(links)
    assert table.loc["A", "degree"] == 3
    assert table.loc["A", "dependants"] == 1


@pytest.mark.parametrize(
    "bad, error",
    [
        (pd.DataFrame({"source_id": ["A"], "target_id": ["B"], "relation": ["friend"]}), "unknown relation"),
        (pd.DataFrame({"source_id": ["A"], "target_id": ["A"], "relation": ["referred"]}), "to itself"),
        (pd.DataFrame({"source_id": ["A"], "target_id": ["B"]}), "missing column 'relation'"),
        (pd.DataFrame({"source_id": [None], "target_id": ["B"], "relation": ["referred"]}), "missing value"),
        (pd.DataFrame({"source_id": [], "target_id": [], "relation": []}), "empty"),
    ],
)
def test_influence_rejects_bad_links(bad, error):
    with pytest.raises(ValueError, match=error):
        network.influence(bad)


def test_influence_rejects_a_non_frame_and_bad_alpha():
    with pytest.raises(TypeError, match="DataFrame"):
        network.influence([("A", "B", "referred")])
    with pytest.raises(ValueError, match="alpha"):
        network.influence(_links(), alpha=1.0)


def test_network_value_keeps_unlinked_customers_missing():
    table = network.influence(_links())
    with pytest.warns(CourseKitDataNote, match="2 of 7 customers have no link"):
        feed = network.network_value(table, ["A", "B", "C", "D", "E", "F", "G"])
    assert feed["linked"].tolist() == [True] * 5 + [False] * 2
    assert feed.loc["F"].drop("linked").isna().all()
    assert feed["degree"].sum() == 10
    with pytest.raises(ValueError, match="repeated"):
        network.network_value(table, ["A", "A"])
    with pytest.raises(TypeError):
        network.network_value(table, 5)


def test_social_activity_counts_the_window():
    events = pd.DataFrame(
        {
            "customer_id": ["A", "A", "A", "B", "C", "C"],
            "date": ["2025-01-01", "2025-06-01", "2025-12-31", "2025-12-01", "2024-12-31", "2026-01-02"],
            "signal": ["suggestion", "suggestion", "event_participation", "brand_defence", "suggestion", "suggestion"],
        }
    )
    with pytest.warns(CourseKitDataNote, match="1 event"):
        act = network.social_activity(events, "2025-12-31", thresholds=(2, 3))
    # 2025-01-01 .. 2025-12-31 is the 365-day window: C's 2024-12-31 event is outside.
    assert act.index.tolist() == ["A", "B"]
    assert act["events"].tolist() == [3, 1]
    assert act["signal_kinds"].tolist() == [2, 1]
    assert act["days_since_last"].tolist() == [0, 30]
    assert act["activity_level"].astype(str).tolist() == ["high", "low"]
    with pytest.raises(ValueError, match="thresholds"):
        network.social_activity(events, "2025-12-31", thresholds=(3, 3))


def test_referral_value_by_hand():
    links = pd.DataFrame(
        {
            "source_id": ["A", "A", "C", "B"],
            "target_id": ["B", "D", "E", "C"],
            "relation": ["referred"] * 3 + ["depends_on"],
        }
    )
    lines = pd.DataFrame(
        {
            "order_id": ["O1", "O2", "O2", "O3"],
            "customer_id": ["B", "D", "D", "E"],
            "date": ["2025-05-01", "2025-05-01", "2025-05-03", "2025-05-01"],
            "amount": [1000.0, 600.0, -100.0, 900.0],
            "margin": [250.0, 150.0, -25.0, 300.0],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CourseKitDataNote)
        each = network.referred_customers(links, lines, "2025-12-31")
        value = network.referral_value(links, lines, "2025-12-31")
    assert each.loc["D", "revenue"] == 500.0 and each.loc["D", "margin"] == 125.0
    assert value.index.tolist() == ["A", "C"]
    assert value.loc["A"].tolist() == [2, 1500.0, 375.0, 187.5]
    assert value.loc["C", "margin_per_referral"] == 300.0
    twice = pd.concat([links, pd.DataFrame({"source_id": ["C"], "target_id": ["B"], "relation": ["referred"]})])
    with pytest.raises(ValueError, match="referred by two"):
        network.referred_customers(twice, lines, "2025-12-31")


def test_invite_list_ranks_by_pagerank_among_active():
    table = network.influence(_links())
    act = pd.DataFrame(
        {"events": [3, 1], "activity_level": ["high", "low"]}, index=pd.Index(["A", "C"], name="customer_id")
    )
    assert network.invite_list(table, n=2).index.tolist() == ["E", "A"]
    assert network.invite_list(table, act, n=5).index.tolist() == ["A", "C"]
    assert network.invite_list(table, act, n=5, min_events=2).index.tolist() == ["A"]


def test_case_data_hubs():
    table = network.influence(datasets.load_referrals())
    assert len(table) == 830
    assert table["pagerank"].sum() == pytest.approx(1.0)
    assert table["pagerank"].idxmax() == "C0141"
    assert table.loc["C0141", "degree"] == 46
    assert table["dependants"].max() == 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plot_network_has_title_labels_and_legend(lang):
    with i18n.language(lang):
        ax = network.plot_network(_links(), hubs=2)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(texts) == 4 and all(texts)
    assert sorted(t.get_text() for t in ax.texts) == ["A", "E"]
    matplotlib.pyplot.close(ax.figure)


def test_plot_network_draws_the_group_of_every_hub():
    # Two groups of 3: A->B->C (dependencies) and E, who referred D and H. The groups tie on size, so
    # groups=1 keeps A's group (smallest id); E has the highest PageRank of all (hand-checked order:
    # E > C > B), so its group is drawn as well and E is the one hub labelled.
    links = pd.DataFrame(
        {
            "source_id": ["A", "B", "E", "E"],
            "target_id": ["B", "C", "D", "H"],
            "relation": ["depends_on", "depends_on", "referred", "referred"],
        }
    )
    rank = network.influence(links)["pagerank"]
    assert rank.sort_values(ascending=False).index[:3].tolist() == ["E", "C", "B"]
    ax = network.plot_network(links, hubs=1, groups=1)
    assert [t.get_text() for t in ax.texts] == ["E"]
    assert "6 customers in 2 groups" in ax.get_xlabel()
    matplotlib.pyplot.close(ax.figure)
