#!/bin/sh
# Create the course virtualenv. Debian's Python ships venv separately (python3-venv):
# when venv is missing and we may use apt (root), install it and try again.
set -e
PYTHON=${1:-python3}
VENV=${2:-.venv}
[ -x "$VENV/bin/python" ] && exit 0
if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    exit 0
fi
rm -rf "$VENV"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    echo "Installing python$version-venv with apt so that $PYTHON can create $VENV ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$version-venv" >/dev/null \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv "$VENV"
else
    echo "Could not create $VENV: install venv for $PYTHON (Debian: sudo apt-get install python3-venv)." >&2
    exit 1
fi
