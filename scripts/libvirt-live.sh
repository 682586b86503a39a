#!/usr/bin/env bash
# Starts or stops a libvirt daemon with QEMU for the KVM provider's live tests, on a machine without systemd.
#
#   bash scripts/libvirt-live.sh start    # confirms with: virsh -c qemu:///system version
#   bash scripts/libvirt-live.sh stop     # stops only the daemons that "start" started
#   bash scripts/libvirt-live.sh status
#   bash scripts/libvirt-live.sh kill     # SIGKILLs the libvirtd that "start" started, as a crash would
#   bash scripts/libvirt-live.sh restart  # kill, then start it again (QEMU domains keep running)
#
# Needs root and the Debian packages libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils
# libvirt-clients openssl (listed in .ci/setup.d/libvirt-live.packages). When a daemon already answers on
# qemu:///system, "start" leaves it alone and "stop" will not touch it; the one exception is a libvirtd this
# script started earlier without the remote listeners: it is restarted with them (its domains keep running).
# After "kill" (or a crash of libvirtd), "start" starts libvirtd alone again beside the virtlogd it started.
#
# Besides its UNIX socket the daemon listens on loopback only, for the remote-transport tests:
#   qemu+tcp://127.0.0.1/system                               TCP port 16509, auth none (loopback only)
#   qemu+tls://localhost/system?pkipath=$STATE/remote/client  TLS port 16514, certificates made for the test
# $STATE/remote/wrong-ca holds a client directory of another CA, which the daemon does not trust.
set -euo pipefail

URI="qemu:///system"
STATE="${UNMANAGED_LIBVIRT_STATE:-/run/unmanaged-libvirt-live}"
PIDS="$STATE/started.pids"
IMAGES=/var/lib/libvirt/images
PACKAGES="libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils libvirt-clients openssl"

die() { echo "libvirt-live.sh: $*" >&2; exit 1; }

REMOTE="$STATE/remote"
TCP_PORT=16509
TLS_PORT=16514

answers() { timeout 60 virsh -c "$URI" version >/dev/null 2>&1; }

# True when something listens on the daemon's TCP and TLS ports on loopback.
listens_remotely() {
  local listening
  listening=$(ss -Hltn 2>/dev/null | awk '{print $4}')
  grep -qx "127.0.0.1:$TCP_PORT" <<<"$listening" && grep -qx "127.0.0.1:$TLS_PORT" <<<"$listening"
}

check_installed() {
  local missing=()
  for tool in libvirtd virtlogd virsh qemu-img qemu-system-x86_64 openssl; do
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

# A certificate signed by the CA in directory $1: $2 names the files (key $2key.pem, certificate $2cert.pem)
# written to directory $3, $4 is the subject and $5 the extensions.
issue() {
  local ca=$1 name=$2 out=$3 subject=$4 extensions=$5
  mkdir -p "$out"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$out/${name}key.pem" -subj "$subject" \
    -out "$out/$name.csr" 2>/dev/null
  openssl x509 -req -in "$out/$name.csr" -CA "$ca/cacert.pem" -CAkey "$ca/cakey.pem" -CAcreateserial \
    -days 30 -extfile <(printf '%b' "$extensions") -out "$out/${name}cert.pem" 2>/dev/null
  rm -f "$out/$name.csr"
  chmod 600 "$out/${name}key.pem"
}

new_ca() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$name" -keyout "$dir/cakey.pem" \
    -out "$dir/cacert.pem" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  chmod 600 "$dir/cakey.pem"
}

# The test PKI and the daemon's private configuration: TCP and TLS on loopback only. A client directory holds
# what libvirt reads from ?pkipath=: cacert.pem, clientcert.pem and clientkey.pem.
prepare_remote() {
  if [ ! -s "$REMOTE/client/clientcert.pem" ]; then
    rm -rf "$REMOTE"
    mkdir -p "$REMOTE"
    chmod 755 "$REMOTE"
    new_ca "$REMOTE/ca" "unmanaged live test CA"
    issue "$REMOTE/ca" server "$REMOTE/server" "/CN=localhost" \
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n'
    issue "$REMOTE/ca" client "$REMOTE/client" "/CN=unmanaged-live-client" \
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n'
    cp "$REMOTE/ca/cacert.pem" "$REMOTE/client/cacert.pem"
    new_ca "$REMOTE/wrong-ca-authority" "unmanaged live test wrong CA"
    issue "$REMOTE/wrong-ca-authority" client "$REMOTE/wrong-ca" "/CN=unmanaged-live-client" \
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n'
    cp "$REMOTE/wrong-ca-authority/cacert.pem" "$REMOTE/wrong-ca/cacert.pem"
  fi
  # auth none on TCP: the port is bound to 127.0.0.1, so only this machine reaches it, and these machines run
  # tests as root anyway (docs/kvm-provider.md says why not SASL).
  cat >"$REMOTE/libvirtd.conf" <<CONF
listen_tcp = 1
listen_tls = 1
listen_addr = "127.0.0.1"
tcp_port = "$TCP_PORT"
tls_port = "$TLS_PORT"
auth_tcp = "none"
auth_tls = "none"
ca_file = "$REMOTE/ca/cacert.pem"
cert_file = "$REMOTE/server/servercert.pem"
key_file = "$REMOTE/server/serverkey.pem"
CONF
}

# Starts one daemon with -d (and the arguments after the pid file) and records the PID from its pid file, so
# that stop ends only what we started.
start_daemon() {
  local name=$1 pidfile=$2
  shift 2
  if [ -f "$pidfile" ] && alive "$(cat "$pidfile")"; then
    echo "$name already running (pid $(cat "$pidfile")), left alone"
    return
  fi
  # A daemon that was killed leaves its pid file behind; waiting for the file would find the old PID.
  rm -f "$pidfile"
  "$name" -d "$@"
  for _ in $(seq 1 50); do
    [ -s "$pidfile" ] && break
    sleep 0.1
  done
  [ -s "$pidfile" ] || die "$name did not write $pidfile; see /var/log/libvirt"
  echo "$name $(cat "$pidfile")" >>"$PIDS"
}

# The PID of the daemon named $1 that this script started, empty when it started none (or that one is gone).
our_daemon() {
  local name=$1 pid
  [ -f "$PIDS" ] || return 0
  pid=$(awk -v name="$name" '$1 == name {print $2}' "$PIDS" | tail -n 1)
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then echo "$pid"; fi
}

our_libvirtd() { our_daemon libvirtd; }

start_libvirtd() {
  prepare_remote
  start_daemon libvirtd /run/libvirtd.pid --listen --config "$REMOTE/libvirtd.conf"
}

start() {
  check_installed
  if answers; then
    local pid
    pid=$(our_libvirtd)
    if listens_remotely || [ -z "$pid" ]; then
      echo "a libvirt daemon already answers on $URI; nothing started"
      listens_remotely || echo "it was not started by this script and does not listen on TCP/TLS: remote-transport tests fail"
      return
    fi
    # Ours but started before the remote listeners existed: restart libvirtd alone (QEMU keeps running).
    stop_process libvirtd "$pid"
    sed -i "/^libvirtd $pid\$/d" "$PIDS"
    start_libvirtd
    wait_for_answer
    echo "a libvirt daemon already answers on $URI; nothing started: its libvirtd, started by this script"
    echo "earlier, was restarted to listen on TCP $TCP_PORT and TLS $TLS_PORT (loopback)"
    return
  fi
  if [ -n "$(our_daemon virtlogd)" ]; then
    # Our libvirtd was killed (or crashed) and our virtlogd still runs: start libvirtd alone again. It finds
    # the QEMU domains that kept running and takes them back.
    sed -i '/^libvirtd /d' "$PIDS"
    start_libvirtd
    wait_for_answer || die "libvirtd started again but $URI does not answer; see /var/log/libvirt/libvirtd.log"
    return
  fi
  prepare_host
  mkdir -p "$STATE"
  : >"$PIDS"
  # virtlogd first: QEMU's console log goes through its socket, and starting a domain fails without it.
  start_daemon virtlogd /run/virtlogd.pid
  start_libvirtd
  if ! wait_for_answer; then
    stop
    die "libvirtd started but $URI does not answer; see /var/log/libvirt/libvirtd.log"
  fi
}

# libvirtd -d exits 0 even when the daemon dies right after; only an answer proves it runs. The first
# answer takes a few seconds on a cold start while libvirt probes QEMU; asking often returns soon after it.
wait_for_answer() {
  for _ in $(seq 1 300); do
    if answers; then
      echo "libvirt daemon answers on $URI: $(virsh -c "$URI" version --daemon 2>/dev/null | grep -i 'running hypervisor' || true)"
      if [ -c /dev/kvm ]; then echo "/dev/kvm present: live tests use type='kvm'"; else echo "no /dev/kvm: live tests use type='qemu'"; fi
      listens_remotely && echo "also on qemu+tcp://127.0.0.1/system and qemu+tls://localhost/system?pkipath=$REMOTE/client"
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# SIGKILL, as a crash would: the daemon gets no chance to clean up, and its QEMU domains keep running. Only a
# libvirtd this script started is killed.
kill_libvirtd() {
  local pid
  pid=$(our_libvirtd)
  [ -n "$pid" ] || die "no libvirtd started by this script runs (see $PIDS); nothing killed"
  kill -KILL "$pid"
  for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then die "libvirtd ($pid) still running after SIGKILL"; fi
  echo "killed libvirtd ($pid)"
}

# True while process $1 exists and is not a zombie waiting to be reaped.
alive() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# Ends one process by PID with SIGTERM, but only while the PID still belongs to a process of that name.
stop_process() {
  local name=$1 pid=$2
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then echo "$name ($pid) still running after SIGTERM" >&2; else echo "stopped $name ($pid)"; fi
  fi
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
  # A recorded PID may have been reused since; only a process of the recorded name is ours.
  tac "$PIDS" | while read -r name pid; do stop_process "$name" "$pid"; done
  rm -f "$PIDS"
}

status() {
  if answers; then echo "libvirt daemon answers on $URI"; else echo "no libvirt daemon answers on $URI"; fi
  if listens_remotely; then echo "and listens on 127.0.0.1:$TCP_PORT (TCP) and 127.0.0.1:$TLS_PORT (TLS)"; fi
  local pid
  pid=$(our_libvirtd)
  if [ -n "$pid" ]; then echo "libvirtd $pid was started by this script: kill and restart act on it"; fi
  if [ -f "$PIDS" ]; then cat "$PIDS"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) kill_libvirtd ;;
  restart) kill_libvirtd; start ;;
  *) echo "usage: $0 start|stop|status|kill|restart" >&2; exit 2 ;;
esac
