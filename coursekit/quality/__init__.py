"""Data quality (数据质量): a flawed customer table for practice and a general checker; lessons 03 and 14.

- :func:`flawed_customers` (:mod:`.flawed`): a copy of some customer records with planted problems
  (the case "这张用户信息表的问题在哪里?");
- :func:`find_issues` and :func:`check_quality` (:mod:`.check`): every problem of a table, one row
  per cell or row, and the count per problem with examples; :func:`named` shows a table with
  problems by names where its values are keys.

Examples
--------
>>> import pandas as pd
>>> from coursekit import quality
>>> table = pd.DataFrame({"id": ["A", "A", None], "city": ["Suzhou", "Suzhou", "suzhou "]})
>>> quality.check_quality(table, key_col="id", spelling_cols=["city"])["rows"].tolist()
[1, 1, 0, 0, 1, 0, 0, 0]
"""

from __future__ import annotations

from .check import PROBLEMS, check_quality, find_issues, named
from .flawed import flawed_customers

__all__ = ["PROBLEMS", "check_quality", "find_issues", "flawed_customers", "named"]
