"""`make lab` really serves the course: JupyterLab on lesson 00, widgets available, no news pop-up.

The server is started through the Makefile's ``serve`` target (what ``make lab``
runs once set-up is done) from the environment running the tests, so no second
virtualenv is built, on a free loopback port with no browser, asked over HTTP for
what a learner's browser would load, then stopped.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "coursekit-test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, ""


@pytest.fixture(scope="module")
def lab():
    port = _free_port()
    args = f"--no-browser --port {port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={TOKEN}"
    # The bin/ folder of this interpreter's environment (not resolved: a venv's python is a symlink).
    bin_dir = Path(sys.executable).parent
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"BIN={bin_dir}", f"LAB_ARGS={args}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"make serve exited early:\n{proc.stdout.read()}")
            try:
                if _get(f"{base}/api/status?token={TOKEN}")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("make serve did not start within 90 s")
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _page_config(html: str) -> dict:
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "JupyterLab page has no config block"
    return json.loads(match.group(1))


def test_lab_opens_lesson_00_without_news_popup(lab):
    status, html = _get(f"{lab}/?token={TOKEN}")  # the default URL the browser opens
    assert status == 200
    config = _page_config(html)
    assert config["treePath"] == "notebooks/00-start-here.ipynb"
    disabled = config.get("disabledExtensions", [])
    assert "@jupyterlab/apputils-extension:announcements" in disabled
    assert config.get("newsUrl") in (None, "", "None") or "news" not in str(config.get("newsUrl"))


def test_lab_serves_the_lessons_and_the_widgets_extension(lab):
    status, body = _get(f"{lab}/api/contents/notebooks?token={TOKEN}")
    assert status == 200
    names = {item["name"] for item in json.loads(body)["content"]}
    assert {"00-start-here.ipynb", "07-rfm.ipynb", "08-clv.ipynb"} <= names
    _, html = _get(f"{lab}/lab?token={TOKEN}")
    federated = {ext["name"] for ext in _page_config(html).get("federated_extensions", [])}
    assert "@jupyter-widgets/jupyterlab-manager" in federated


def test_make_lab_is_set_up_then_serve():
    """`make lab` = the set-up of `make test`, then the server this module tests."""
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab: setup\n\t@\$\(MAKE\) --no-print-directory serve$", makefile, re.M)
    assert re.search(r"^serve:\n\t\$\(BIN\)/jupyter lab ", makefile, re.M)
    assert re.search(r"^test: setup lint\n\t\$\(BIN\)/python -m pytest -n \$\(WORKERS\)$", makefile, re.M)
