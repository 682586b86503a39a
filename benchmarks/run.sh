#!/usr/bin/env bash
# Runs the benchmark set: ours against its baseline in the same run, for every benchmark.
#
#   ./benchmarks/run.sh                 # the whole set (6–8 minutes on 2 cores); table in benchmarks/target/results
#   ./benchmarks/run.sh --smoke         # every benchmark at a tiny size: checks that they run, not how fast
#   ./benchmarks/run.sh --only parse,fanout
#   ./benchmarks/run.sh --only vsphere   # needs golang-go and golang-github-vmware-govmomi-dev
#   ./benchmarks/run.sh --no-build      # use the benchmarks jar already built
#
# Benchmarks: parse, parse-turns, listing, fanout, import, durability, fleet, live, remote, vsphere. The import,
# live and remote benchmarks need PostgreSQL
# (scripts/postgres.sh) and a libvirt daemon with QEMU (scripts/libvirt-live.sh, root only); this script starts
# them when they are not running and the scripts can, and stops only what it started. Without them those rows
# say "not measured" and why. The vsphere benchmark builds and starts a vCenter simulator of its own
# (scripts/vsphere-sim.sh build: Go and govmomi from Debian's golang-go and golang-github-vmware-govmomi-dev).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --smoke) ARGS+=(--smoke) ;;
    --only) ARGS+=(--only "$2"); shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ "$BUILD" = 1 ] || [ ! -f "$JAR" ]; then
  echo "building the benchmarks and what they use..."
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests
fi

UNDO=()
cleanup() {
  for ((i = ${#UNDO[@]} - 1; i >= 0; i--)); do
    eval "${UNDO[$i]}" || true
  done
}
trap cleanup EXIT

# Starts a service with its script unless one already runs; remembers how to stop what it started.
start_service() {
  local script=$1 already=$2 output
  [ -f "$script" ] || return 0
  if output=$(bash "$script" start 2>&1); then
    echo "$output" | tail -n 2
    if ! echo "$output" | grep -q "$already"; then
      UNDO+=("bash '$script' stop >/dev/null 2>&1")
    fi
  else
    echo "could not start $(basename "$script"): $(echo "$output" | tail -n 1); its benchmark will say not measured"
  fi
}
if [ "${UNMANAGED_BENCH_NO_SERVICES:-0}" != 1 ]; then
  start_service scripts/postgres.sh "already running"
  if [ "$(id -u)" = 0 ] && command -v libvirtd >/dev/null 2>&1; then
    start_service scripts/libvirt-live.sh "already answers"
  fi
fi

CORPUS="${UNMANAGED_CORPUS:-$ROOT/../shared/corpus/domain-xml}"
COMMAND="./benchmarks/run.sh${ARGS[*]:+ ${ARGS[*]}}"
java -Xms1g -Xmx4g \
  -Dunmanaged.corpus="$CORPUS" \
  -Dunmanaged.benchmarks.scratch="$ROOT/benchmarks/target/benchmark-scratch" \
  -Dunmanaged.benchmarks.command="$COMMAND" \
  -cp "$JAR" dev.unmanaged.benchmarks.Suite --out "$ROOT/benchmarks/target/results" "${ARGS[@]}"
