"""Customer lifetime value (客户生命周期价值, CLV): summaries, BG/NBD, Pareto/NBD, Gamma-Gamma and textbook formulas.

Every public name is available in one hop, ``from coursekit import clv; clv.summarize(...)``.
The functions live in topic modules:

=================  =============================================================================
module             what
=================  =============================================================================
``summary``        transaction log to lifetimes-style summary: :func:`summarize`,
                   :func:`calibration_holdout`, :func:`check_not_transposed`, :data:`UNIT_DAYS`
``models``         BG/NBD, Pareto/NBD and Gamma-Gamma fits, predictions, alive path,
                   calibration/holdout table, frequency/recency matrices, :func:`simulate_bgnbd`
``formulas``       :func:`customer_lifetime_value`, :func:`simple_clv`, Dwyer's migration model,
                   :func:`discount_per_period` (one annual rate for every period length)
``events``         the customer-event method (客户事件法): :func:`customer_events`
``validation``     :func:`holdout_summary` (predicted vs actual), :func:`alive_table`
``lists``          :func:`repeat_buyers`, :func:`new_customers`, :func:`matrix_list`,
                   :func:`tier_summary`
``matrix``         the CLV matrix (:func:`clv_quadrant`) with its cell names and actions
``widgets``        :func:`clv_sensitivity` (table), :func:`clv_slider` (ipywidgets, imported lazily)
``plotting``       every ``plot_*`` chart (imports matplotlib only when called)
=================  =============================================================================

Importing this package loads neither matplotlib nor lifetimes: the models import
lifetimes when they are fitted, the charts import matplotlib when they are drawn.

Conventions: data first (or the fitted model, then its data); ``end`` second where time
matters; column names keyword-only (``customer_col=``, ``date_col=``, ``amount_col=``);
``unit=`` is the model time unit "D", "W" or "M", with lengths in :data:`UNIT_DAYS`
(one table for every function: a month is 30.4375 days everywhere).

Examples
--------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2],
...                    "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-15", "2025-01-10"]),
...                    "amount": [10.0, 5.0, 30.0, 8.0]})
>>> summarize(tx, end="2025-01-31")  # doctest: +NORMALIZE_WHITESPACE
             frequency  recency     T  monetary_value
customer_id
1                    1     14.0  30.0            30.0
2                    0      0.0  21.0             0.0
"""

from __future__ import annotations

from .events import EVENT_COLUMNS, customer_events
from .formulas import (
    customer_lifetime_value,
    discount_per_period,
    dwyer_matrix,
    dwyer_migration,
    dwyer_values,
    retention_sensitivity,
    simple_clv,
)
from .lists import dwyer_customers, matrix_list, matrix_values, new_customers, repeat_buyers, tier_summary
from .matrix import CLV_CELL_ACTIONS, CLV_CELL_NAMES, CLV_QUADRANT_CELLS, clv_quadrant, clv_quadrant_summary
from .models import (
    alive_path,
    calibration_holdout_table,
    expected_purchases,
    fit_bgnbd,
    fit_gamma_gamma,
    fit_pareto_nbd,
    fitted_params,
    frequency_recency_matrix,
    probability_alive,
    probability_alive_matrix,
    simulate_bgnbd,
)
from .plotting import (
    plot_calibration_holdout,
    plot_cohort_retention,
    plot_dwyer_migration,
    plot_expected_repeat_purchases,
    plot_history_alive,
    plot_matrix,
    plot_tier_shares,
    plot_weekly_purchases,
)
from .summary import UNIT_DAYS, calibration_holdout, check_not_transposed, summarize
from .validation import (
    HOLDOUT_COLUMNS,
    alive_table,
    compare_params,
    holdout_predictions,
    holdout_summary,
    spend_frequency_correlation,
)
from .weekly import weekly_purchases
from .widgets import clv_sensitivity, clv_slider

__all__ = [
    "UNIT_DAYS",
    "summarize",
    "simulate_bgnbd",
    "calibration_holdout",
    "check_not_transposed",
    "fit_bgnbd",
    "fit_pareto_nbd",
    "fit_gamma_gamma",
    "fitted_params",
    "expected_purchases",
    "probability_alive",
    "alive_path",
    "plot_history_alive",
    "calibration_holdout_table",
    "plot_calibration_holdout",
    "plot_expected_repeat_purchases",
    "frequency_recency_matrix",
    "probability_alive_matrix",
    "plot_matrix",
    "customer_lifetime_value",
    "simple_clv",
    "dwyer_matrix",
    "dwyer_migration",
    "CLV_QUADRANT_CELLS",
    "CLV_CELL_NAMES",
    "CLV_CELL_ACTIONS",
    "clv_quadrant",
    "clv_quadrant_summary",
    "weekly_purchases",
    "plot_weekly_purchases",
    "discount_per_period",
    "retention_sensitivity",
    "dwyer_values",
    "plot_dwyer_migration",
    "plot_cohort_retention",
    "holdout_summary",
    "HOLDOUT_COLUMNS",
    "alive_table",
    "holdout_predictions",
    "compare_params",
    "spend_frequency_correlation",
    "EVENT_COLUMNS",
    "customer_events",
    "repeat_buyers",
    "new_customers",
    "matrix_list",
    "matrix_values",
    "tier_summary",
    "dwyer_customers",
    "plot_tier_shares",
    "clv_sensitivity",
    "clv_slider",
]
