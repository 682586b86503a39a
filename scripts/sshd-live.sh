#!/usr/bin/env bash
# Starts or stops a private OpenSSH server on loopback for the KVM provider's qemu+ssh live tests.
#
#   bash scripts/sshd-live.sh start    # then: virsh -c "qemu+ssh://root@127.0.0.1:22022/system?keyfile=$STATE/client_key" version
#   bash scripts/sshd-live.sh stop     # stops only the sshd that "start" started
#   bash scripts/sshd-live.sh status
#
# Needs root and the Debian package openssh-server (.ci/setup.d/sshd-live.packages). The server listens on
# 127.0.0.1 only, on port 22022 ($UNMANAGED_SSHD_PORT), with a host key of its own, lets in only root, only
# with the client key made for the tests ($STATE/client_key), never with a password. libvirt's ssh transport
# runs the ssh binary, which has no URI parameter for a known-hosts file, so the host key goes into the
# system-wide /etc/ssh/ssh_known_hosts for [127.0.0.1]:PORT alone (marked, and removed again by stop):
# "localhost" stays unknown, which the tests use for the unknown-host-key case.
set -euo pipefail

STATE="${UNMANAGED_SSHD_STATE:-/run/unmanaged-sshd-live}"
PORT="${UNMANAGED_SSHD_PORT:-22022}"
KNOWN_HOSTS=/etc/ssh/ssh_known_hosts
MARK="unmanaged-sshd-live"

die() { echo "sshd-live.sh: $*" >&2; exit 1; }

running() { [ -s "$STATE/sshd.pid" ] && [ "$(cat "/proc/$(cat "$STATE/sshd.pid")/comm" 2>/dev/null)" = sshd ]; }

start() {
  [ -x /usr/sbin/sshd ] || die "missing /usr/sbin/sshd: apt-get install -y openssh-server"
  [ "$(id -u)" = 0 ] || die "must run as root (sshd lets root in for qemu+ssh://root@...)"
  if running; then
    echo "sshd already running on 127.0.0.1:$(cat "$STATE/port") (pid $(cat "$STATE/sshd.pid")); nothing started"
    return
  fi
  mkdir -p "$STATE" /run/sshd
  chmod 755 "$STATE"
  chmod 755 /run/sshd
  [ -s "$STATE/host_key" ] || ssh-keygen -q -t ed25519 -N '' -C "$MARK host" -f "$STATE/host_key"
  [ -s "$STATE/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C "$MARK client" -f "$STATE/client_key"
  # restrict: no forwarding, no pty; libvirt only runs virt-ssh-helper (or nc) on the server side.
  echo "restrict $(cat "$STATE/client_key.pub")" >"$STATE/authorized_keys"
  chmod 600 "$STATE/authorized_keys"
  cat >"$STATE/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $STATE/host_key
PidFile $STATE/sshd.pid
AuthorizedKeysFile $STATE/authorized_keys
AllowUsers root
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes yes
CONF
  /usr/sbin/sshd -t -f "$STATE/sshd_config" || die "sshd refuses its configuration $STATE/sshd_config"
  /usr/sbin/sshd -f "$STATE/sshd_config"
  for _ in $(seq 1 50); do running && break; sleep 0.1; done
  running || die "sshd did not start; try /usr/sbin/sshd -D -e -f $STATE/sshd_config"
  echo "$PORT" >"$STATE/port"
  touch "$KNOWN_HOSTS"
  sed -i "/ $MARK\$/d" "$KNOWN_HOSTS"
  echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$STATE/host_key.pub") $MARK" >>"$KNOWN_HOSTS"
  echo "sshd listens on 127.0.0.1:$PORT (pid $(cat "$STATE/sshd.pid")); key $STATE/client_key; host key in $KNOWN_HOSTS"
}

stop() {
  if ! running; then
    echo "nothing to stop (no sshd recorded in $STATE/sshd.pid)"
    return
  fi
  local pid
  pid=$(cat "$STATE/sshd.pid")
  kill -TERM "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  [ -f "$KNOWN_HOSTS" ] && sed -i "/ $MARK\$/d" "$KNOWN_HOSTS"
  rm -f "$STATE/sshd.pid" "$STATE/port"
  echo "stopped sshd ($pid)"
}

status() {
  if running; then echo "sshd runs on 127.0.0.1:$(cat "$STATE/port") (pid $(cat "$STATE/sshd.pid"))"; else echo "no sshd of this script runs"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
