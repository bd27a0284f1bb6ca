#!/usr/bin/env bash
# Run the whole test suite (the eval gate included when ../shared/gold exists).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest "$@"
