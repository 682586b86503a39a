#!/usr/bin/env bash
# Starts the libvirt daemon with QEMU that the KVM provider's live tests use at qemu:///system.
# The last line of output undoes it: stopping the daemon only when this run started it, so that a daemon
# already running (started by someone else) is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
output=$(bash scripts/libvirt-live.sh start)
echo "$output"
if grep -q "nothing started" <<<"$output"; then
  echo "true"
else
  echo "bash scripts/libvirt-live.sh stop"
fi
