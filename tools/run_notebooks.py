#!/usr/bin/env python
"""Execute notebooks in place and store their outputs; fail on errors and on stderr output.

Usage::

    python tools/run_notebooks.py notebooks/07-rfm.ipynb solutions/07-rfm.ipynb
    python tools/run_notebooks.py --edition zh 07      # notebooks/zh/07-*.ipynb and solutions/zh/07-*.ipynb
    python tools/run_notebooks.py --edition all        # every stored lesson and solution, both editions

With ``--edition`` (``en``, ``zh`` or ``all``) the arguments are lesson numbers (none: every lesson)
and the stored notebooks of that edition are run: ``notebooks/`` and ``solutions/`` for English,
``notebooks/zh/`` and ``solutions/zh/`` for Chinese (written by ``tools/make_editions.py build``).

Each notebook runs in a fresh ``python3`` kernel of *this* Python environment, with the
notebook's folder as working directory, 300 s per cell, ``COURSEKIT_HOME`` set to a
temporary folder (an author's run never touches their own exercise progress) and
``MPLBACKEND`` unset (inline figures are stored). Outputs are written back only when the
notebook ran cleanly: no cell error and no ``stderr`` stream (stored outputs must not show
warnings). Otherwise the problems are listed, the file is left unchanged and the exit code is 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

CELL_TIMEOUT = 300
ROOT = Path(__file__).resolve().parents[1]
#: Edition -> its sub-folder of notebooks/ and solutions/ ("" = the English source).
EDITIONS = {"en": "", "zh": "zh"}
STORED = ("notebooks", "solutions")


def edition_paths(edition: str, lessons=(), root: Path = ROOT) -> list[Path]:
    """The stored lessons and solutions of ``edition`` ("en", "zh" or "all"), only ``lessons`` when given."""
    editions = list(EDITIONS) if edition == "all" else [edition]
    wanted = {str(x)[:2] for x in lessons}
    found = []
    for name in editions:
        for folder in STORED:
            for path in sorted((root / folder / EDITIONS[name]).glob("[0-9][0-9]-*.ipynb")):
                if not wanted or path.name[:2] in wanted:
                    found.append(path)
    return found


class _CurrentEnvKernelSpecs(KernelSpecManager):
    """Always the ipykernel of the running interpreter, whatever kernelspecs the user has installed."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (ipykernel)",
            language="python",
            resource_dir="",
            metadata={"supported_encryption": ["curve"]},
        )


def _kernel_manager() -> KernelManager:
    kwargs = {}
    try:
        import zmq

        if zmq.has("curve") and "transport_encryption" in KernelManager.class_trait_names():
            kwargs["transport_encryption"] = "auto"  # no "running over TCP without encryption" warning
    except Exception:
        pass
    return KernelManager(kernel_name="python3", kernel_spec_manager=_CurrentEnvKernelSpecs(), **kwargs)


def kernel_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env["COURSEKIT_HOME"] = home
    # The kernel runs in the notebook's folder: make this repository's coursekit importable from there.
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def problems_in(nb) -> list[str]:
    """Cells with an error output or a stderr stream, one line each."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            first = " ".join(cell.source.strip().splitlines()[:1])[:60]
            if out.get("output_type") == "error":
                found.append(f"cell {i + 1} ({first!r}): {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = " ".join(str(out.get("text", "")).split())[:200]
                found.append(f"cell {i + 1} ({first!r}): stderr: {text}")
    return found


def execute(nb, cwd: str | Path, *, timeout: int = CELL_TIMEOUT, home: str | None = None):
    """Run ``nb`` (a NotebookNode, modified in place) top to bottom; return ``(nb, problems)``.

    Errors do not stop the run, so that every problem is listed.
    """
    with tempfile.TemporaryDirectory(prefix="coursekit-home-") as tmp:
        km = _kernel_manager()
        client = NotebookClient(
            nb,
            km=km,
            timeout=timeout,
            allow_errors=True,
            record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        client.execute(env=kernel_env(home or tmp), cwd=str(cwd))
    return nb, problems_in(nb)


def run_file(path: Path, *, write: bool = True) -> list[str]:
    nb = nbformat.read(str(path), as_version=4)
    nb, problems = execute(nb, path.parent)
    if not problems and write:
        text = nbformat.writes(nb)
        path.write_bytes((text if text.endswith("\n") else text + "\n").encode("utf-8"))
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="notebooks to execute in place (lesson numbers with --edition)"
    )
    parser.add_argument("--edition", choices=[*EDITIONS, "all"], help="run the stored notebooks of this edition")
    parser.add_argument("--no-write", action="store_true", help="execute and report only")
    args = parser.parse_args(argv)
    if args.edition:
        args.paths = edition_paths(args.edition, [p.name for p in args.paths])
        if not args.paths:
            print(f"no stored notebooks in edition {args.edition!r}")
            return 0
    elif not args.paths:
        parser.error("give notebooks to run, or --edition")
    failed = 0
    for path in args.paths:
        if not path.is_file():
            print(f"FAIL {path}: no such file")
            failed += 1
            continue
        print(f"running {path} ...", flush=True)
        try:
            problems = run_file(path, write=not args.no_write)
        except Exception as exc:  # kernel died, timeout, unreadable notebook
            problems = [f"{type(exc).__name__}: {' '.join(str(exc).split())[:500]}"]
        if problems:
            failed += 1
            print(f"FAIL {path} (not written):")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {path}" + ("" if args.no_write else " (outputs written)"))
    if failed:
        print(f"{failed} of {len(args.paths)} notebook(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
