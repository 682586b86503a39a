#!/usr/bin/env bash
# Starts or stops a libvirt daemon with QEMU for the KVM provider's live tests, on a machine without systemd.
#
#   bash scripts/libvirt-live.sh start    # confirms with: virsh -c qemu:///system version
#   bash scripts/libvirt-live.sh stop     # stops only the daemons that "start" started
#   bash scripts/libvirt-live.sh status
#
# Needs root and the Debian packages libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils
# libvirt-clients (listed in .ci/setup.d/libvirt-live.packages). When a daemon already answers on
# qemu:///system, "start" leaves it alone and "stop" will not touch it.
set -euo pipefail

URI="qemu:///system"
STATE="${UNMANAGED_LIBVIRT_STATE:-/run/unmanaged-libvirt-live}"
PIDS="$STATE/started.pids"
IMAGES=/var/lib/libvirt/images
PACKAGES="libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils libvirt-clients"

die() { echo "libvirt-live.sh: $*" >&2; exit 1; }

answers() { timeout 60 virsh -c "$URI" version >/dev/null 2>&1; }

check_installed() {
  local missing=()
  for tool in libvirtd virtlogd virsh qemu-img qemu-system-x86_64; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: apt-get install -y $PACKAGES"
  [ "$(id -u)" = 0 ] || die "must run as root (it creates users and starts system daemons)"
}

# Without systemd no package creates these; without them the daemons exit at once or cannot start QEMU.
prepare_host() {
  for group in kvm libvirt-qemu libvirt; do
    getent group "$group" >/dev/null || groupadd --system "$group"
  done
  if ! id libvirt-qemu >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /var/lib/libvirt --shell /usr/sbin/nologin \
      --gid libvirt-qemu --groups kvm libvirt-qemu
  fi
  mkdir -p /var/log/libvirt/qemu /run/libvirt /var/lib/libvirt/qemu /var/cache/libvirt "$IMAGES"
  chmod 755 /var/lib/libvirt "$IMAGES"
  # A root-only /dev/kvm makes libvirt think its cached QEMU capabilities are stale on every call and
  # re-probe QEMU (about 48 s per define); group kvm with 660 lets the QEMU user open it.
  if [ -c /dev/kvm ]; then
    chgrp kvm /dev/kvm
    chmod 660 /dev/kvm
  fi
}

# Starts one daemon with -d and records the PID from its pid file, so that stop ends only what we started.
start_daemon() {
  local name=$1 pidfile=$2
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name already running (pid $(cat "$pidfile")), left alone"
    return
  fi
  "$name" -d
  for _ in $(seq 1 50); do
    [ -s "$pidfile" ] && break
    sleep 0.1
  done
  [ -s "$pidfile" ] || die "$name did not write $pidfile; see /var/log/libvirt"
  echo "$name $(cat "$pidfile")" >>"$PIDS"
}

start() {
  check_installed
  if answers; then
    echo "a libvirt daemon already answers on $URI; nothing started"
    return
  fi
  prepare_host
  mkdir -p "$STATE"
  : >"$PIDS"
  # virtlogd first: QEMU's console log goes through its socket, and starting a domain fails without it.
  start_daemon virtlogd /run/virtlogd.pid
  start_daemon libvirtd /run/libvirtd.pid
  # libvirtd -d exits 0 even when the daemon dies right after; only an answer proves it runs. The first
  # answer takes a few seconds on a cold start while libvirt probes QEMU.
  for _ in $(seq 1 60); do
    if answers; then
      echo "libvirt daemon answers on $URI: $(virsh -c "$URI" version --daemon 2>/dev/null | grep -i 'running hypervisor' || true)"
      if [ -c /dev/kvm ]; then echo "/dev/kvm present: live tests use type='kvm'"; else echo "no /dev/kvm: live tests use type='qemu'"; fi
      return
    fi
    sleep 1
  done
  stop
  die "libvirtd started but $URI does not answer; see /var/log/libvirt/libvirtd.log"
}

# Domains the live tests name (unmanaged-live-*, tck-*) that a failed run left behind: their QEMU processes would
# outlive the daemon. Other domains are not touched.
remove_test_domains() {
  answers || return 0
  virsh -c "$URI" list --all --name 2>/dev/null | { grep -E '^(unmanaged-live-|tck-)' || true; } | while read -r domain; do
    virsh -c "$URI" destroy "$domain" >/dev/null 2>&1 || true
    virsh -c "$URI" undefine "$domain" >/dev/null 2>&1 || true
    echo "removed leftover test domain $domain"
  done
  rm -f "$IMAGES"/unmanaged-live-*.qcow2 "$IMAGES"/tck-*.qcow2
}

stop() {
  if [ ! -f "$PIDS" ]; then
    echo "nothing to stop (no daemons recorded in $PIDS)"
    return
  fi
  remove_test_domains
  # Reverse order: libvirtd before the virtlogd it logs through.
  tac "$PIDS" | while read -r name pid; do
    # A recorded PID may have been reused since; only a process of the recorded name is ours.
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then echo "$name ($pid) still running after SIGTERM" >&2; else echo "stopped $name ($pid)"; fi
    fi
  done
  rm -f "$PIDS"
}

status() {
  if answers; then echo "libvirt daemon answers on $URI"; else echo "no libvirt daemon answers on $URI"; fi
  if [ -f "$PIDS" ]; then cat "$PIDS"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
