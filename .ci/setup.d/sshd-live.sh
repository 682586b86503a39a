#!/usr/bin/env bash
# Starts the loopback sshd that the KVM provider's qemu+ssh live tests connect through.
# The last line of output undoes it: stopping sshd only when this run started it.
set -euo pipefail
cd "$(dirname "$0")/../.."
output=$(bash scripts/sshd-live.sh start)
echo "$output"
if grep -q "nothing started" <<<"$output"; then
  echo "true"
else
  echo "bash scripts/sshd-live.sh stop"
fi
