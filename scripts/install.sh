#!/usr/bin/env bash
# Create .venv and install the project. torch==2.13.0 goes first: it is the local CPU wheel, and
# installing it before sentence-transformers stops pip from pulling several GB of CUDA packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml requirements.lock | sha256sum | cut -c1-16)
if [ -f "$stamp" ]; then
    exit 0
fi
quiet() { grep -v "is ignored: it is neither a file nor a directory" || true; }
.venv/bin/pip install --quiet torch==2.13.0 2>&1 | quiet
.venv/bin/pip install --quiet -c requirements.lock -e ".[dev]" 2>&1 | quiet
.venv/bin/python -c "import torch, sentence_transformers, chromadb, streamlit, psycopg" || { echo "install failed" >&2; exit 1; }
rm -f .venv/.installed-*
touch "$stamp"
echo "installed into .venv"
