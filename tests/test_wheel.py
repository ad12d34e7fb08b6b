"""The wheel carries the case data: build it, install it into a fresh virtualenv, load every table outside the repo.

The new virtualenv has no pip and no copy of the dependencies: a ``.pth`` file points it at this
environment's site-packages (whose editable-install hook is *not* run, because ``.pth`` files
inside a path added that way are not processed), so ``import coursekit`` finds only the
installed wheel. Takes about 10 s.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from coursekit import datasets as ds

ROOT = Path(__file__).resolve().parent.parent


def _build_wheel(out: Path) -> Path:
    """``pip wheel`` without network when this environment's setuptools can build the project itself."""
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)]
    major = int(importlib.metadata.version("setuptools").split(".")[0])
    if major >= 77:  # pyproject's build-system requires setuptools>=77 (SPDX license string)
        cmd.insert(4, "--no-build-isolation")
    # else pip sets up an isolated build environment from its configured index (a local mirror offline)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    wheels = list(out.glob("coursekit-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


def test_wheel_holds_every_package_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = sorted(str(p.parent.relative_to(ROOT)) for p in (ROOT / "coursekit").rglob("__init__.py"))
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert not missing, f"packages missing from the wheel (add them to [tool.setuptools] packages): {missing}"
    data = sorted(p.name for p in (ROOT / "datasets").glob("*.csv"))
    assert len(data) == len(ds.ALL_TABLES) == 19
    for name in data + ["README.md"]:
        assert f"coursekit/_data/{name}" in names, name


def test_installed_wheel_loads_every_table_outside_the_repo(wheel, tmp_path):
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "_coursekit_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    script = textwrap.dedent("""
        import json
        import coursekit
        from coursekit import datasets
        rows = {name: len(datasets.load(name)) for name in datasets.ALL_TABLES}
        rows["cdnow_sample"] = len(datasets.load_cdnow("sample"))
        print(json.dumps({"package": coursekit.__file__, "data": str(datasets.DATA_DIR), "rows": rows}))
    """)
    out = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(result["package"]).is_relative_to(site), result["package"]
    assert Path(result["data"]) == site / "coursekit" / "_data"
    expected = {name: len(ds.load(name)) for name in ds.ALL_TABLES}
    assert result["rows"] == {**expected, "cdnow_sample": 6919}
    assert result["rows"]["orders"] == 68217 and result["rows"]["payment_excuses"] == 19033
