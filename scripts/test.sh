#!/usr/bin/env bash
# The project's test command: builds every module and runs every test, live ones included.
# Locally, skip the live tests (real libvirt daemon, PostgreSQL) with: ./scripts/test.sh -Dlive.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
