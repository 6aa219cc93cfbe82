#!/usr/bin/env bash
# Install, then run every test: the fast unit tests and the slow end-to-end ones (AppTest,
# the embedding model and Chroma, streamlit run driven in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/system-deps.sh
exec .venv/bin/python -m pytest -m "slow or not slow" "$@"
