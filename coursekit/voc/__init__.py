"""Voice of the customer (客户声音管理, VOC); lesson 05.

- :mod:`.tagger`: theme and sentiment tagging of remarks with an editable lexicon and jieba
  (:func:`default_lexicon`, :func:`add_terms`, :func:`words`, :func:`tag_remarks`,
  :func:`tagging_accuracy`, :func:`confusion`);
- :mod:`.specs`: voice → needs → CTQ (:func:`needs_table`, :func:`ctq_tree`) and
  :func:`response_levels`;
- :mod:`.kano`: :func:`kano_category`, :func:`kano_summary`;
- :mod:`.plotting`: :func:`plot_better_worse`, :func:`plot_ctq_tree`.

Examples
--------
>>> from coursekit import voc
>>> voc.kano_category("like", "dislike")
'one_dimensional'
"""

from __future__ import annotations

from .kano import EVALUATION_TABLE, KANO_CATEGORIES, evaluation_table, kano_category, kano_summary
from .plotting import plot_better_worse, plot_ctq_tree
from .specs import RESPONSE_LEVELS, URGENT_TERMS, ctq_tree, needs_table, response_levels
from .tagger import (
    SENTIMENTS,
    SOURCES,
    THEMES,
    add_terms,
    confusion,
    default_lexicon,
    tag_remarks,
    tagging_accuracy,
    words,
)

__all__ = [
    "SOURCES",
    "EVALUATION_TABLE",
    "KANO_CATEGORIES",
    "RESPONSE_LEVELS",
    "SENTIMENTS",
    "THEMES",
    "URGENT_TERMS",
    "add_terms",
    "confusion",
    "ctq_tree",
    "default_lexicon",
    "evaluation_table",
    "kano_category",
    "kano_summary",
    "needs_table",
    "plot_better_worse",
    "plot_ctq_tree",
    "response_levels",
    "tag_remarks",
    "tagging_accuracy",
    "words",
]
