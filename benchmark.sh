#!/usr/bin/env bash
# One benchmark of the whole suite: builds what is needed, starts the suite as real processes on free ports
# (system-tests' harness), measures, and prints one report (also kept in system-tests/target/benchmark-report.md).
# Extra arguments go to Maven, e.g. ./benchmark.sh -o -Dbench.clients=32
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p system-tests/target
log=system-tests/target/benchmark-build.log
report=system-tests/target/benchmark-report.md
rm -f "$report"
echo "benchmark: building and running the suite (a few minutes; Maven output in $log)" >&2
if ./mvnw -B -q -pl system-tests -am verify -Dtest=SuiteBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    >"$log" 2>&1 && [ -f "$report" ]; then
  cat "$report"
else
  tail -n 60 "$log" >&2
  echo "error: the benchmark failed (whole output in $log; suite logs in system-tests/target/suite-data/logs)" >&2
  exit 1
fi
