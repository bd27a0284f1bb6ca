#!/usr/bin/env bash
# Create .venv/, install dyad with pinned dependencies, and code the bundled examples
# into the embedded database (dyad.duckdb), printing a summary of the events.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
.venv/bin/dyad code examples/ --db dyad.duckdb --out examples-events.jsonl
.venv/bin/dyad show --db dyad.duckdb
