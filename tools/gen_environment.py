"""Write environment.yml (Binder) from pyproject.toml, so that Binder installs what the tests use.

conda-forge provides only Python and pip; every package comes from the pip section,
with exactly the pins of pyproject.toml: the runtime dependencies plus the ``lab``
extra (the JupyterLab front end). The ``test`` extra is left out: Binder runs
lessons, not the test suite.

Usage (from the repository root)::

    python tools/gen_environment.py           # rewrite environment.yml
    python tools/gen_environment.py --check   # exit 1 when environment.yml is out of date

tests/test_kit.py fails when environment.yml differs from what this script writes.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Python of the Binder image: the oldest supported version, the one `make test` runs on in CI.
BINDER_PYTHON = "3.11"
#: Extras Binder installs on top of the runtime dependencies.
BINDER_EXTRAS = ("lab",)


def binder_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The pip requirements of the Binder image: runtime dependencies, then the ``lab`` extra."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in BINDER_EXTRAS:
        requirements += project["optional-dependencies"][extra]
    return requirements


def render(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The text of environment.yml for the pins in ``pyproject``."""
    pins = "".join(f"      - {requirement}\n" for requirement in binder_requirements(pyproject))
    return (
        "# Binder environment. Generated from pyproject.toml by tools/gen_environment.py: do not edit,\n"
        "# run `python tools/gen_environment.py` (or `make environment`) after changing a pin.\n"
        "# conda-forge gives Python and pip only; the packages and their pins are exactly those the\n"
        "# tests use (pyproject.toml: dependencies and the 'lab' extra).\n"
        "name: coursekit\n"
        "channels:\n"
        "  - conda-forge\n"
        "  - nodefaults\n"
        "dependencies:\n"
        f"  - python={BINDER_PYTHON}\n"
        "  - pip\n"
        "  - pip:\n"
        f"{pins}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that environment.yml is up to date")
    args = parser.parse_args(argv)
    target = ROOT / "environment.yml"
    text = render()
    if args.check:
        if target.read_text(encoding="utf-8") != text:
            print("environment.yml is out of date: run python tools/gen_environment.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)} ({len(binder_requirements())} pip requirements)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
