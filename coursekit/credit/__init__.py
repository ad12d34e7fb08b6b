"""Credit assessment and payment collection (信用评估与回款); lesson 11.

- :mod:`.scorecard`: :func:`woe_iv`, :func:`score_points`, :func:`factor_bins`, :func:`factor_iv`
  (step 1, choose the factors), :func:`build_scorecard` and :func:`apply_scorecard` (step 2),
  :func:`grade_scores` (step 3, initial grades);
- :mod:`.validation`: :func:`auc_ks`, :func:`bootstrap_auc_ks`, :func:`psi_table`,
  :func:`grade_summary`, :func:`override_effect` and :func:`apply_overrides` (step 4);
- :mod:`.receivables`: :func:`aging`, :func:`dso`, :func:`debt_classes` (呆账与坏账),
  :func:`payment_changes`, :func:`excuse_frequencies`;
- :mod:`.plotting`: :func:`plot_score_distributions`, :func:`plot_aging`.

Examples
--------
>>> from coursekit import credit
>>> credit.score_points(100)
620.0
"""

from __future__ import annotations

from .plotting import plot_aging, plot_score_distributions
from .receivables import AGING_BUCKETS, DEBT_CLASSES, aging, debt_classes, dso, excuse_frequencies, payment_changes
from .scorecard import (
    FACTORS,
    GRADE_PD,
    IV_STRENGTH,
    MISSING_BIN,
    apply_scorecard,
    build_scorecard,
    factor_bins,
    factor_iv,
    grade_scores,
    score_points,
    woe_iv,
)
from .validation import (
    OVERRIDE_GROUPS,
    PSI_LEVELS,
    apply_overrides,
    auc_ks,
    bootstrap_auc_ks,
    grade_summary,
    override_effect,
    psi_table,
)

__all__ = [
    "AGING_BUCKETS",
    "DEBT_CLASSES",
    "FACTORS",
    "GRADE_PD",
    "IV_STRENGTH",
    "MISSING_BIN",
    "OVERRIDE_GROUPS",
    "PSI_LEVELS",
    "aging",
    "apply_overrides",
    "apply_scorecard",
    "auc_ks",
    "bootstrap_auc_ks",
    "build_scorecard",
    "debt_classes",
    "dso",
    "excuse_frequencies",
    "factor_bins",
    "factor_iv",
    "grade_scores",
    "grade_summary",
    "override_effect",
    "payment_changes",
    "plot_aging",
    "plot_score_distributions",
    "psi_table",
    "score_points",
    "woe_iv",
]
