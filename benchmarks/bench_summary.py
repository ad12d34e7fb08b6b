"""Speed and memory of coursekit.clv.summarize vs lifetimes' summary_data_from_transaction_data.

Synthetic, seeded transaction log: ``--n`` rows (default 1,000,000) for ``--customers``
customers (default 50,000) over three years, with amounts and times of day. Both
functions get the same log; the results are checked to be equal (1e-9) before timing.

Run from the repository root::

    .venv/bin/python benchmarks/bench_summary.py            # 1M rows
    .venv/bin/python benchmarks/bench_summary.py --n 200000 --repeat 3

Prints the best wall time of each (``--repeat`` runs), the speed ratio and the peak
memory traced by ``tracemalloc`` (Python and numpy allocations) during one call.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coursekit import clv  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from lifetimes.utils import summary_data_from_transaction_data  # noqa: E402

END = "2025-12-31"


def make_log(n: int, customers: int, seed: int = 2025) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2023-01-01T00:00:00", "s")
    seconds = rng.integers(0, 3 * 365 * 86400, n)
    return pd.DataFrame(
        {
            "customer_id": rng.integers(1, customers + 1, n),
            "date": pd.to_datetime(start + seconds.astype("timedelta64[s]")).astype("datetime64[ns]"),
            "amount": np.round(rng.gamma(2.0, 150.0, n), 2),
        }
    )


def ours(tx):
    return clv.summarize(tx, end=END, unit="W")


def theirs(tx):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return summary_data_from_transaction_data(
            tx,
            "customer_id",
            "date",
            monetary_value_col="amount",
            observation_period_end=END,
            freq="D",
            freq_multiplier=7,
        )


def best_time(fn, tx, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(tx)
        times.append(time.perf_counter() - t0)
    return min(times)


def peak_mib(fn, tx) -> float:
    gc.collect()
    tracemalloc.start()
    fn(tx)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="transaction rows (default 1,000,000)")
    parser.add_argument("--customers", type=int, default=50_000, help="customers (default 50,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)

    tx = make_log(args.n, args.customers, args.seed)
    print(
        f"log: {len(tx):,} rows, {tx['customer_id'].nunique():,} customers, "
        f"{tx['date'].min().date()} .. {tx['date'].max().date()}, {tx.memory_usage(deep=True).sum() / 2**20:.1f} MiB"
    )

    a, b = ours(tx), theirs(tx)
    pd.testing.assert_frame_equal(a, b.loc[a.index], check_dtype=False, rtol=0, atol=1e-9)
    print("results equal (atol 1e-9)")

    t_ours = best_time(ours, tx, args.repeat)
    t_theirs = best_time(theirs, tx, args.repeat)
    m_ours = peak_mib(ours, tx)
    m_theirs = peak_mib(theirs, tx)
    print(f"{'':28s}{'time (s)':>10s}{'peak (MiB)':>12s}")
    print(f"{'lifetimes summary_data...':28s}{t_theirs:10.3f}{m_theirs:12.1f}")
    print(f"{'coursekit.clv.summarize':28s}{t_ours:10.3f}{m_ours:12.1f}")
    print(f"speed ratio (lifetimes / ours): {t_theirs / t_ours:.1f}x; memory ratio: {m_theirs / m_ours:.1f}x")


if __name__ == "__main__":
    main()
