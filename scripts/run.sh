#!/usr/bin/env bash
# Install, build the index from corpus/ (a no-op when nothing changed), start the chat app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/python -m rag ingest
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false \
    --server.maxUploadSize "${RAG_MAX_UPLOAD_MB:-20}" "$@"
