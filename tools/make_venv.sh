#!/bin/sh
# Create the course virtualenv with whichever Python 3.11+ the machine has.
# usage: sh tools/make_venv.sh [PYTHON] [VENV]     (defaults: python3 .venv)
# PYTHON is used when it is 3.11 or newer; otherwise the newest python3.13 / 3.12 / 3.11 on PATH.
# Debian's Python ships venv separately (python3-venv): when venv is missing and we may use apt
# (root), install it and try again.
set -e
PYTHON=${1:-python3}
VENV=${2:-.venv}
[ -x "$VENV/bin/python" ] && exit 0

# Prints nothing when $1 is not a Python 3.11+ (missing, too old, not Python at all).
supported() {
    "$1" -c 'import sys; assert sys.version_info >= (3, 11); print(f"{sys.version_info[0]}.{sys.version_info[1]}")' \
        2>/dev/null || true
}

version=$(supported "$PYTHON")
if [ -z "$version" ]; then
    found=$("$PYTHON" --version 2>/dev/null || echo "not found")
    for candidate in python3.13 python3.12 python3.11; do
        version=$(supported "$candidate")
        if [ -n "$version" ]; then
            echo "$PYTHON is not Python 3.11 or newer ($found); using $candidate."
            PYTHON=$candidate
            break
        fi
    done
fi
if [ -z "$version" ]; then
    echo "The course needs Python 3.11 or newer; $PYTHON is $found and no python3.11/3.12/3.13 is on PATH." >&2
    echo "Install one (Debian/Ubuntu: sudo apt-get install python3 python3-venv) or run: make PYTHON=/path/to/python3.12" >&2
    exit 1
fi

if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    exit 0
fi
rm -rf "$VENV"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing python$version-venv with apt so that $PYTHON can create $VENV ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$version-venv" >/dev/null \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv "$VENV"
else
    echo "Could not create $VENV: install venv for $PYTHON (Debian: sudo apt-get install python$version-venv)." >&2
    exit 1
fi
