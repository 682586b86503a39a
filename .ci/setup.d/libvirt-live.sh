#!/usr/bin/env bash
# Starts the libvirt daemon with QEMU that the KVM provider's live tests use at qemu:///system.
# The last line of output undoes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/libvirt-live.sh start
echo "bash scripts/libvirt-live.sh stop"
