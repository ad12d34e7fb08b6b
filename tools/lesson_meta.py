#!/usr/bin/env python
"""Compute a lesson's minutes and theory/practice/interaction/case split from its sections.

A section is a markdown cell that starts with a level-2 heading and carries

    "metadata": {"coursekit": {"section": {"minutes": 15, "kind": "theory", "path": "core"}}}

The notebook's ``coursekit`` metadata gets ``minutes`` (the sum), ``split`` (percent of the
minutes per kind, whole numbers adding up to 100) and ``sections`` (title, minutes, kind, path
of each, for the instructors' agendas). These values are never typed by hand
(docs/lesson-standard.md); ``--check`` lists notebooks whose stored values are stale.

Usage::

    python tools/lesson_meta.py notebooks/07-rfm.ipynb solutions/07-rfm.ipynb
    python tools/lesson_meta.py --check notebooks/*.ipynb solutions/*.ipynb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

KINDS = ("theory", "practice", "interaction", "case")
PATHS = ("core", "extended")
#: Level-2 headings that are not sections (docs/lesson-standard.md): key points, appendix.
FRAME_TITLES = ("Key points", "Appendix")


def sections(nb) -> list[dict]:
    """Every section of a notebook: title, minutes, kind, path, in order; raises on bad metadata."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown" or not cell.source.startswith("## "):
            continue
        meta = cell.metadata.get("coursekit", {}).get("section")
        title = cell.source.splitlines()[0][3:].strip()
        if meta is None and title.startswith(FRAME_TITLES):
            continue  # the closing frame (key points) and the analysts' appendix are not sections
        if meta is None:
            raise ValueError(f"cell {index} ({title!r}) is a section heading without coursekit.section metadata")
        minutes, kind, path = meta.get("minutes"), meta.get("kind"), meta.get("path")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 60:
            raise ValueError(f"section {title!r}: minutes must be a whole number from 1 to 60, got {minutes!r}")
        if kind not in KINDS:
            raise ValueError(f"section {title!r}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
        if path not in PATHS:
            raise ValueError(f"section {title!r}: path must be 'core' or 'extended', got {path!r}")
        found.append({"title": title, "minutes": minutes, "kind": kind, "path": path, "cell": index})
    return found


def split(found: list[dict]) -> dict[str, int]:
    """Percent of the minutes per kind, rounded so that the four add up to exactly 100."""
    total = sum(s["minutes"] for s in found)
    if not total:
        return {k: 0 for k in KINDS}
    exact = {k: 100 * sum(s["minutes"] for s in found if s["kind"] == k) / total for k in KINDS}
    shares = {k: int(v) for k, v in exact.items()}
    # largest remainders get the missing points
    for k in sorted(KINDS, key=lambda k: exact[k] - shares[k], reverse=True)[: 100 - sum(shares.values())]:
        shares[k] += 1
    return shares


def computed(nb) -> dict:
    """The metadata values derived from the sections."""
    found = sections(nb)
    if not found:
        raise ValueError("the notebook has no section (a level-2 heading with coursekit.section metadata)")
    return {
        "minutes": sum(s["minutes"] for s in found),
        "split": split(found),
        "sections": [{k: s[k] for k in ("title", "minutes", "kind", "path")} for s in found],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report notebooks whose metadata is stale")
    args = parser.parse_args(argv)
    stale = 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        meta = nb.metadata.setdefault("coursekit", {})
        try:
            values = computed(nb)
        except ValueError as err:
            print(f"error {path}: {err}")
            stale += 1
            continue
        current = {k: meta.get(k) for k in values}
        if current == values:
            print(f"ok    {path}")
            continue
        if args.check:
            print(f"stale {path}: run python tools/lesson_meta.py {path}")
            stale += 1
            continue
        meta.update(values)
        nbformat.write(nb, path)
        print(f"wrote {path}: {values['minutes']} min, split {values['split']}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
