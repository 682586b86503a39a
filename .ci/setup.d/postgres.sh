#!/usr/bin/env bash
# Starts the private PostgreSQL that inventory-jdbc's live tests expect at
# jdbc:postgresql://127.0.0.1:55432/unmanaged?user=postgres. The last line of output undoes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/postgres.sh start
echo "bash scripts/postgres.sh stop"
