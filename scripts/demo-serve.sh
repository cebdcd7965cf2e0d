#!/usr/bin/env bash
# Serves the demo: the background worker (text extraction and indexing of uploads) beside the
# web server; Ctrl-C stops both.
set -euo pipefail
python=${1:-.venv/bin/python}
"$python" manage.py db_worker --interval 1 >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "GFMD Platform on http://127.0.0.1:8000/ (Ctrl-C stops it; worker log in var/worker.log)"
"$python" manage.py runserver 127.0.0.1:8000 --noreload
