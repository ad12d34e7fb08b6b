"""Run time and peak kernel memory of every lesson and solution notebook, each in a fresh kernel.

The course must stay quick on a Binder-sized pod (2 cores, 2 GB). This script
executes each notebook top to bottom with nbclient (outputs are not written
back), samples the kernel's resident memory every 50 ms and prints a table.

    .venv/bin/python benchmarks/bench_notebooks.py                 # notebooks/ and solutions/
    .venv/bin/python benchmarks/bench_notebooks.py notebooks/07-rfm.ipynb
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
# Run kernels exactly as the authoring tool and the tests do (this env's Python, repo on PYTHONPATH).
sys.path.insert(0, str(ROOT / "tools"))
import run_notebooks  # noqa: E402

BUDGET_SECONDS = 30
BUDGET_MIB = 1500


def _watch_memory(manager, stop: threading.Event, peak: list[float]) -> None:
    while not stop.is_set():
        provisioner = getattr(manager, "provisioner", None)
        pid = getattr(getattr(provisioner, "process", None), "pid", None)
        if pid:
            try:
                proc = psutil.Process(pid)
                rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                peak[0] = max(peak[0], rss / 2**20)
            except psutil.Error:
                pass
        stop.wait(0.05)


def run(path: Path, home: str) -> tuple[float, float]:
    """Execute one notebook in a fresh kernel; return (seconds, peak kernel MiB)."""
    nb = nbformat.read(path, as_version=4)
    manager = run_notebooks._kernel_manager()
    client = NotebookClient(nb, km=manager, timeout=600, resources={"metadata": {"path": str(path.parent)}})
    stop, peak = threading.Event(), [0.0]
    watcher = threading.Thread(target=_watch_memory, args=(manager, stop, peak), daemon=True)
    start = time.perf_counter()
    watcher.start()
    try:
        client.execute(env=run_notebooks.kernel_env(home), cwd=str(path.parent))
    finally:
        stop.set()
        watcher.join()
    return time.perf_counter() - start, peak[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
    home = tempfile.mkdtemp(prefix="coursekit-bench-")
    print(f"{'notebook':40s} {'time (s)':>9s} {'peak kernel (MiB)':>18s}")
    over = []
    for path in paths:
        seconds, mib = run(path.resolve(), home)
        name = f"{path.resolve().parent.name}/{path.name}"
        flag = "  over budget" if seconds > BUDGET_SECONDS or mib > BUDGET_MIB else ""
        print(f"{name:40s} {seconds:9.1f} {mib:18.0f}{flag}")
        if flag:
            over.append(name)
    print(f"budget: {BUDGET_SECONDS} s and {BUDGET_MIB} MiB per notebook; over budget: {len(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
