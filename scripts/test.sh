#!/usr/bin/env bash
# Install, then run every test: the fast unit tests and the slow end-to-end ones.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest -m "slow or not slow" "$@"
