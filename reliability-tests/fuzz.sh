#!/usr/bin/env bash
# Fuzzes the domain XML parser for longer than the CI run (2 minutes), e.g. an hour:
#
#   bash reliability-tests/fuzz.sh 3600
#
# Seeds come from ../shared/corpus/domain-xml; what Jazzer learns stays in reliability-tests/.cifuzz-corpus/
# (kept between runs, not committed). A finding fails the run and is written to
# reliability-tests/src/test/resources/dev/unmanaged/reliability/xml/DomainXmlFuzzTestInputs/parsesOrRefusesWithATypedError/,
# where the ordinary test run replays it from then on: commit it with the fix.
set -euo pipefail
seconds="${1:-3600}"
cd "$(dirname "$0")/.."
# libFuzzer takes the last -max_total_time it is given, so this one overrides @FuzzTest's maxDuration.
exec mvn -B -ntp -pl reliability-tests test-compile surefire:test@fuzz-domain-xml \
  -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds"
