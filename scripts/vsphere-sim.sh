#!/usr/bin/env bash
# Builds and runs VMware's vCenter simulator (govmomi's simulator package, Debian package
# golang-github-vmware-govmomi-dev) through the project's own small Go main in scripts/vcsim, for the vSphere
# provider's live tests.
#
#   bash scripts/vsphere-sim.sh build   # builds (offline, cached by source hash) and prints the binary's path
#   bash scripts/vsphere-sim.sh start   # starts it on 127.0.0.1:PORT and prints its SDK URL
#   bash scripts/vsphere-sim.sh stop    # stops only the simulator that "start" started
#
# UNMANAGED_VSPHERE_PORT (default 55443) and UNMANAGED_VSPHERE_DIR (default ${TMPDIR:-/tmp}/unmanaged-vcsim)
# choose another port or directory. Any non-empty user and password log in to the started simulator.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${UNMANAGED_VSPHERE_PORT:-55443}"
STATE="${UNMANAGED_VSPHERE_DIR:-${TMPDIR:-/tmp}/unmanaged-vcsim}"
PIDFILE="$STATE/vcsim-$PORT.pid"
LOG="$STATE/vcsim-$PORT.log"
GOCODE=/usr/share/gocode

die() { echo "vsphere-sim.sh: $*" >&2; exit 1; }

build() {
  command -v go >/dev/null 2>&1 || die "no Go toolchain (install the Debian package 'golang-go')"
  [ -d "$GOCODE/src/github.com/vmware/govmomi/simulator" ] \
    || die "govmomi is missing (install the Debian package 'golang-github-vmware-govmomi-dev')"
  local hash binary workspace
  hash=$( (cat scripts/vcsim/main.go; go version) | sha256sum | cut -c1-16)
  binary="$STATE/bin/vcsim-$hash"
  if [ ! -x "$binary" ]; then
    mkdir -p "$STATE/bin"
    # GOPATH mode, offline: the project's main in a GOPATH of its own, govmomi from the Debian package.
    workspace=$(mktemp -d "$STATE/build.XXXXXX")
    mkdir -p "$workspace/src/unmanaged/vcsim"
    cp scripts/vcsim/main.go "$workspace/src/unmanaged/vcsim/"
    (cd "$workspace/src/unmanaged/vcsim" \
      && GO111MODULE=off GOPATH="$workspace:$GOCODE" GOCACHE="$STATE/go-cache" \
         go build -o "$binary.tmp" .) || { rm -rf "$workspace"; die "the build failed"; }
    mv "$binary.tmp" "$binary"
    rm -rf "$workspace"
  fi
  echo "$binary"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start() {
  if running; then
    echo "vCenter simulator already running (pid $(cat "$PIDFILE"))"
  else
    local binary url
    binary=$(build)
    (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null \
      && die "port $PORT on 127.0.0.1 is taken by a server this script did not start; set UNMANAGED_VSPHERE_PORT"
    nohup "$binary" -listen "127.0.0.1:$PORT" >"$LOG" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 100); do
      grep -q '^url=' "$LOG" && break
      running || { cat "$LOG" >&2; rm -f "$PIDFILE"; die "the simulator exited"; }
      sleep 0.1
    done
    grep -q '^url=' "$LOG" || { stop >/dev/null; die "the simulator did not start within 10 s"; }
  fi
  echo "vCenter simulator at $(grep '^url=' "$LOG" | head -n 1 | cut -d= -f2-)"
}

stop() {
  if running; then
    local pid
    pid=$(cat "$PIDFILE")
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "vCenter simulator on port $PORT stopped"
  else
    echo "no vCenter simulator of this script is running on port $PORT"
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 build|start|stop" >&2; exit 2 ;;
esac
