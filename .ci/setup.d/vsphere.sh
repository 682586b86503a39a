#!/usr/bin/env bash
# Builds and starts the vCenter simulator that the vSphere provider's live tests expect at
# https://127.0.0.1:55443/sdk. The last line of output undoes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/vsphere-sim.sh start
echo "bash scripts/vsphere-sim.sh stop"
